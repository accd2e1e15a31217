"""Clock arithmetic: the due instant, time used and time left of a clock that may pause.

A clock runs in *segments*: from its start to its first pause, from each resumption to
the next pause, the last one open while it runs. Pure functions of their arguments, built
on :func:`~complaint_rules.calendar.periods.due_after` and the policy's
:class:`~complaint_rules.calendar.working_days.WorkingCalendar`:

- ``minutes``/``hours``: elapsed time; a pause adds exactly its length.
- ``working_days``/``calendar_days``: whole days. A segment counts the days after the
  local date it starts on, up to and including the date it ends on (the first segment
  follows the policy's ``exclude_start_day``). So the day a pause starts counts, and the
  day it ends does not: resuming is counted like a new start (民法典 Art. 201). The due
  day is reached when the days counted make up the period; a period in calendar days is
  then rolled to a working day as ``due_after`` does (Art. 203). A clock paused with no
  whole day left is due at the end of the day it resumes (rolled to a working day). A day
  ends at 24:00 (民法典 Art. 203): the clock is late from the next day's 00:00 local.
- An unpaused clock's due is exactly ``due_after`` of its start.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ..errors import UnpublishedCalendarError
from .periods import CountingConvention, Due, Unit, day_end, due_after
from .working_days import WorkingCalendar

__all__ = ["DAY_UNITS", "Counted", "Segment", "clock_due", "counted", "reminder_at"]

DAY_UNITS = ("working_days", "calendar_days")
_WALL = {"minutes": timedelta(minutes=1), "hours": timedelta(hours=1)}


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of time the clock ran: from ``start`` to ``end`` (None: still running)."""

    start: datetime
    end: datetime | None = None


@dataclass(frozen=True, slots=True)
class Counted:
    """Time a clock has used: whole days in its day unit (if it has one) and wall time."""

    days: int | None
    seconds: int
    estimated: bool


@dataclass(frozen=True, slots=True)
class _Calendar:
    calendar: WorkingCalendar
    tz: ZoneInfo
    convention: CountingConvention
    estimate: bool


def _date(instant: datetime, tz: ZoneInfo) -> date:
    return instant.astimezone(tz).date()


def _working_days(cal: _Calendar, after: date, upto: date) -> tuple[int, bool]:
    """Working days in (after, upto]; estimated through unknown years if allowed."""
    if upto <= after:
        return 0, False
    try:
        return cal.calendar.working_days_between(after, upto), False
    except UnpublishedCalendarError:
        if not cal.estimate:
            raise
    low, high = 0, (upto - after).days  # the count lies in [low, high]
    while low < high:
        mid = (low + high + 1) // 2
        day, _ = cal.calendar.add_working_days(after, mid, estimate=True)
        if day <= upto:
            low = mid
        else:
            high = mid - 1
    return low, True


def _days_in(cal: _Calendar, unit: str, after: date, upto: date) -> tuple[int, bool]:
    if unit == "calendar_days":
        return max(0, (upto - after).days), False
    return _working_days(cal, after, upto)


def _segment_start_day(segment: Segment, first: bool, cal: _Calendar) -> date:
    day = _date(segment.start, cal.tz)
    if first and not cal.convention.exclude_start_day:
        day -= timedelta(days=1)
    return day


def counted(
    segments: Sequence[Segment],
    unit: str,
    at: datetime,
    *,
    calendar: WorkingCalendar,
    tz: ZoneInfo,
    convention: CountingConvention,
    estimate: bool = False,
) -> Counted:
    """Time used by ``at``: the days counted so far (the day in progress counts) in a day
    unit, and the wall-clock seconds the clock ran."""
    cal = _Calendar(calendar, tz, convention, estimate)
    seconds = timedelta()
    days: int | None = 0 if unit in DAY_UNITS else None
    estimated = False
    for i, segment in enumerate(segments):
        end = at if segment.end is None else min(segment.end, at)
        if end <= segment.start:
            continue
        seconds += end - segment.start
        if days is not None:
            n, est = _days_in(cal, unit, _segment_start_day(segment, i == 0, cal), _date(end, tz))
            days += n
            estimated = estimated or est
    return Counted(days=days, seconds=int(seconds.total_seconds()), estimated=estimated)


def clock_due(
    segments: Sequence[Segment],
    unit: Unit,
    amount: int,
    *,
    calendar: WorkingCalendar,
    tz: ZoneInfo,
    convention: CountingConvention,
    estimate: bool = False,
) -> Due | None:
    """The due instant of a running clock (its last segment open); None while paused."""
    if not segments or segments[-1].end is not None:
        return None
    cal = _Calendar(calendar, tz, convention, estimate)
    last = segments[-1]
    if len(segments) == 1:
        return due_after(
            last.start,
            unit,
            amount,
            calendar=calendar,
            tz=tz,
            convention=convention,
            estimate=estimate,
        )
    closed = segments[:-1]
    if unit in _WALL:
        used = sum((s.end - s.start for s in closed if s.end is not None), timedelta())
        left = max(timedelta(), _WALL[unit] * amount - used)
        return Due((last.start.astimezone(UTC) + left).astimezone(tz), None, False)
    if unit not in DAY_UNITS:
        raise ValueError(f"a clock counted in {unit} cannot pause")
    used_days = 0
    estimated = False
    for i, segment in enumerate(closed):
        assert segment.end is not None
        first_day = _segment_start_day(segment, i == 0, cal)
        n, est = _days_in(cal, unit, first_day, _date(segment.end, tz))
        used_days += n
        estimated = estimated or est
    left_days = amount - used_days
    resumed = replace(convention, exclude_start_day=True)
    if left_days >= 1:
        due = due_after(
            last.start,
            unit,
            left_days,
            calendar=calendar,
            tz=tz,
            convention=resumed,
            estimate=estimate,
        )
        return Due(due.late_from, due.last_day, due.estimated or estimated)
    day = _date(last.start, tz)
    if unit == "working_days" or convention.roll_to_working_day:
        day, est = calendar.next_working_day(day, include_self=True, estimate=estimate)
        estimated = estimated or est
    return Due(day_end(day, convention, tz), day, estimated)


def _local(day: date, at: time, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, at, tzinfo=tz).astimezone(UTC).astimezone(tz)


def reminder_at(
    due: Due,
    unit: str,
    amount: int,
    *,
    calendar: WorkingCalendar,
    tz: ZoneInfo,
    estimate: bool = False,
) -> datetime:
    """When a reminder ``amount`` ``unit`` before ``due`` is due.

    minutes/hours: that much elapsed time before ``due.late_from``. Days: 00:00 local of
    the ``amount``-th day counting back from the last day, which is the first (the last
    day itself for 1); in working days, only working days are counted. A due at an exact
    instant (no ``last_day``) has for last day the local day of the instant before it.
    """
    if unit in _WALL:
        return (due.late_from.astimezone(UTC) - _WALL[unit] * amount).astimezone(tz)
    day = due.last_day
    if day is None:
        day = _date(due.late_from - timedelta(microseconds=1), tz)
    if unit == "calendar_days":
        day -= timedelta(days=amount - 1)
    else:
        remaining = amount
        while True:
            try:
                working = calendar.is_working_day(day)
            except UnpublishedCalendarError:
                if not estimate:
                    raise
                working = day.weekday() < 5
            if working:
                remaining -= 1
                if remaining == 0:
                    break
            day -= timedelta(days=1)
    return _local(day, time(0, 0), tz)
