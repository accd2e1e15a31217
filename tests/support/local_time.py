"""Shanghai local time for expected deadlines written by hand.

A period counted in days ends at 24:00 local on its last day (民法典 第二百零三條): every
instant of that day is on time, and it is late from the next day's 00:00.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from complaint_rules.calendar.periods import Due
from complaint_rules.decision.model import DecidedDue

CST = timezone(timedelta(hours=8))
"""China Standard Time, UTC+08:00 (Asia/Shanghai has no daylight saving)."""


def late_from(y: int, m: int, d: int) -> datetime:
    """00:00 local of the day after the given day: the first instant that is late when the
    given day is a period's last day."""
    return datetime(y, m, d, tzinfo=CST) + timedelta(days=1)


def last_moment(y: int, m: int, d: int) -> datetime:
    """23:59:59.999999 local on the given day: the last instant still on time when the given
    day is a period's last day."""
    return late_from(y, m, d) - timedelta(microseconds=1)


def due_on(y: int, m: int, d: int) -> DecidedDue:
    """A decision's due for a period whose last day is the given day."""
    return DecidedDue(last_day=date(y, m, d), late_from=late_from(y, m, d))


def day_due(y: int, m: int, d: int, *, estimated: bool = False) -> Due:
    """The counted due (calendar.periods.Due) of a period whose last day is the given day."""
    return Due(late_from(y, m, d), date(y, m, d), estimated)


def due_at(instant: datetime) -> DecidedDue:
    """A decision's due for a period in minutes or hours, or until an instant: late from
    ``instant`` exactly, with no last day."""
    return DecidedDue(last_day=None, late_from=instant)
