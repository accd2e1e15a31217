"""Deadline arithmetic: when a period that starts at a given instant runs out.

Pure functions of their arguments: no clock, no I/O. Days are counted on the local
calendar of the policy's time zone; see ``docs/deadlines.md`` for the rules with examples.

A period counted in days (:data:`DAY_UNITS`) ends at 24:00 local on its last day (民法典
第二百零三條: 「期間的最後一日的截止時間為二十四時」), so no instant of that day is late: a
:class:`Due` gives the last day and the instant from which it is late (the next day's
00:00, or a cut-off the policy's source states). It depends on when it starts only through
the local day it starts on and whether that day had ended (:func:`start_day`): complaints
received the same day share their due dates, and the engine keeps them by day on that
promise. A new counting rule that reads more of the start must say so in :func:`start_day`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Literal, get_args
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from .working_days import WorkingCalendar

__all__ = [
    "DAY_UNITS",
    "CountingConvention",
    "Due",
    "Unit",
    "day_end",
    "due_after",
    "start_day",
    "years_after",
]

Unit = Literal["minutes", "hours", "calendar_days", "working_days", "end_of_month"]
_UNITS: frozenset[str] = frozenset(get_args(Unit))

DAY_UNITS: frozenset[str] = frozenset(("calendar_days", "working_days", "end_of_month"))
"""The units counted in whole local days. A period in one of them runs out at the end
(24:00, or the convention's earlier ``day_ends_at``) of a day that :func:`due_after` works out from
:func:`start_day` alone: the local date the period starts on, and whether that day had
already ended. So, for a given calendar, time zone and convention, two periods of the same
unit and amount whose starts have the same :func:`start_day` have the same :class:`Due` (and are
estimated, or refused for an unknown year, alike), whatever the hour. The engine keeps due
dates in these units by (period, amount, start day) on that promise
(:mod:`complaint_rules.decision._fast.decider`); tests/calendar/test_periods.py holds
``due_after`` to it. A counting rule that reads more of the start than its day (a cut-off
hour, say) must change :func:`start_day` with it. ``minutes`` and ``hours`` count elapsed
time from the instant itself."""


@dataclass(frozen=True, slots=True)
class CountingConvention:
    """How periods in days are counted (defaults follow 民法典 Arts. 201 and 203)."""

    exclude_start_day: bool = True
    """Art. 201: the day of receipt is not counted; day 1 is the next day."""
    day_ends_at: time | None = None
    """None: the last day of a period in days ends at 24:00 (Art. 203), so it is late from
    the next day's 00:00 local. A local time: an earlier cut-off a source states (late from
    that time on the last day; a start at or after it is after the day's end)."""
    roll_to_working_day: bool = True
    """Art. 203: a calendar-day period whose last day is a rest day ends on the next working day."""

    def __post_init__(self) -> None:
        if self.day_ends_at is None:
            return
        if not isinstance(self.day_ends_at, time):
            raise TypeError("day_ends_at must be a datetime.time or None (24:00)")
        if self.day_ends_at.tzinfo is not None:
            raise ValueError("day_ends_at must be a local (naive) time; the zone is the policy's")


@dataclass(frozen=True, slots=True)
class Due:
    """When a deadline runs out: anything before ``late_from`` is on time."""

    late_from: datetime
    """Aware, in the policy's time zone: the first instant that is late (for a period in
    days, 00:00 local of the day after ``last_day``, or the cut-off on ``last_day``)."""
    last_day: date | None
    """The local date of the period's last day, for a period in days; None for a period
    in minutes or hours (or until an instant), which ends at ``late_from`` exactly."""
    estimated: bool
    """True if counted through a year whose official schedule is not known."""

    def __post_init__(self) -> None:
        if self.late_from.tzinfo is None or self.late_from.utcoffset() is None:
            raise ValueError("Due.late_from must be timezone-aware")


def _local(d: date, t: time, tz: tzinfo) -> datetime:
    """``d`` at wall time ``t`` in ``tz``; a wall time skipped by a DST gap moves forward."""
    wall = datetime.combine(d, t, tzinfo=tz)
    return wall.astimezone(UTC).astimezone(tz)


def day_end(day: date, convention: CountingConvention, tz: tzinfo) -> datetime:
    """The instant the local day ``day`` ends for a period's last day: 24:00 (the next day's
    00:00, 民法典 Art. 203), or the convention's earlier cut-off."""
    if convention.day_ends_at is None:
        return _local(day + timedelta(days=1), time(0, 0), tz)
    return _local(day, convention.day_ends_at, tz)


def _on(day: date, estimated: bool, convention: CountingConvention, tz: tzinfo) -> Due:
    return Due(day_end(day, convention, tz), day, estimated)


def _end_of_month(d: date, months_ahead: int) -> date:
    """Last day of the month ``months_ahead`` months after the month of ``d``."""
    index = d.month + months_ahead  # 0-based index of the month after the target month
    return date(d.year + index // 12, index % 12 + 1, 1) - timedelta(days=1)


def years_after(day: date, years: int) -> date:
    """The last day of a period of ``years`` years that starts after ``day`` (民法典 第二百零一
    條: the start day is not counted; 第二百零二條: a period in years ends on the
    corresponding day of the last year, or, where that month has no such day, on its last
    day). So 2028-02-29 + 5 years is 2033-02-28; 2026-03-31 + 1 is 2027-03-31."""
    if type(years) is not int or years < 0:
        raise ValueError(f"years must be a whole number >= 0, got {years!r}")
    return day + relativedelta(years=years)


def start_day(start: datetime, *, tz: tzinfo, convention: CountingConvention) -> tuple[date, bool]:
    """All that :func:`due_after` reads of ``start`` for a period in :data:`DAY_UNITS`: the
    local date of ``start`` in ``tz``, and whether that day had ended at ``start`` (never
    with the default 24:00; at or after an earlier ``convention.day_ends_at``). Then, where
    the start day itself counts, the count starts the next day."""
    local = start.astimezone(tz)
    ends = convention.day_ends_at
    return local.date(), ends is not None and local.time() >= ends


def due_after(
    start: datetime,
    unit: Unit,
    amount: int,
    *,
    calendar: WorkingCalendar,
    tz: ZoneInfo | tzinfo,
    convention: CountingConvention = CountingConvention(),
    estimate: bool = False,
) -> Due:
    """The deadline of a period of ``amount`` ``unit`` that starts at ``start``.

    - ``minutes``/``hours``: absolute elapsed time from ``start`` (not business time).
    - ``working_days``: the ``amount``-th working day after the local date of receipt
      (or counting the date of receipt itself if it is a working day and
      ``convention.exclude_start_day`` is False).
    - ``calendar_days``: the date of receipt plus ``amount`` days (``amount - 1`` if the
      start day counts), moved to the next working day if it is a rest day and
      ``convention.roll_to_working_day``.
    - ``end_of_month``: the last day of the month of receipt (``amount`` 1) or of the
      ``amount - 1``-th month after it; never rolled.

    A period in days ends at the end of its last day (:func:`day_end`): ``Due.last_day``
    is that day, ``Due.late_from`` the next day's 00:00 local. Where the day of receipt
    itself counts (``end_of_month``; ``exclude_start_day`` False) and the complaint arrives
    after an earlier cut-off (``day_ends_at``) that day, the count starts the next day: a
    day that is over cannot count.

    Raises :class:`~complaint_rules.errors.UnpublishedCalendarError` if the count needs a
    year whose schedule is not known, unless ``estimate`` (then ``Due.estimated`` is True).
    """
    if not isinstance(start, datetime):
        raise TypeError(f"start must be a datetime, not {type(start).__name__}")
    if start.tzinfo is None or start.utcoffset() is None:
        raise ValueError("start must be timezone-aware (naive datetime given)")
    if not isinstance(tz, tzinfo):
        raise TypeError(f"tz must be a tzinfo, not {type(tz).__name__}")
    if not isinstance(calendar, WorkingCalendar):
        raise TypeError(f"calendar must be a WorkingCalendar, not {type(calendar).__name__}")
    if unit not in _UNITS:
        raise ValueError(f"unknown unit {unit!r}; one of: {', '.join(sorted(_UNITS))}")
    if type(amount) is not int:
        raise TypeError(f"amount must be an int, not {type(amount).__name__}")

    if unit in ("minutes", "hours"):
        if amount < 0:
            raise ValueError(f"amount of {unit} must be >= 0, got {amount}")
        delta = timedelta(minutes=amount) if unit == "minutes" else timedelta(hours=amount)
        return Due((start.astimezone(UTC) + delta).astimezone(tz), None, False)

    if amount < 1:
        raise ValueError(f"amount of {unit} must be >= 1, got {amount}")
    # From here on, start is read only through start_day (see DAY_UNITS).
    received, ended = start_day(start, tz=tz, convention=convention)
    counts_start_day = unit == "end_of_month" or not convention.exclude_start_day
    if counts_start_day and ended:
        # The day of receipt counts, but it ended before the complaint arrived: count from
        # the next day (else the period could end before receipt).
        received += timedelta(days=1)

    if unit == "end_of_month":
        return _on(_end_of_month(received, amount - 1), False, convention, tz)

    if unit == "working_days":
        after = received if convention.exclude_start_day else received - timedelta(days=1)
        last, estimated = calendar.add_working_days(after, amount, estimate=estimate)
        return _on(last, estimated, convention, tz)

    # calendar_days
    last = received + timedelta(days=amount if convention.exclude_start_day else amount - 1)
    estimated = False
    if convention.roll_to_working_day:
        last, estimated = calendar.next_working_day(last, include_self=True, estimate=estimate)
    return _on(last, estimated, convention, tz)
