"""Instants of receipt where deadlines are most likely to go wrong.

Days are drawn from the policy's own working calendar: public holidays on weekdays and
make-up working days on weekends (with the day before and after each), month ends, year
ends, and the edges of the known calendar (the last days of the last known year, the
first days of the next). Times include the first and last instants of the day; the
instant is sometimes written with another UTC offset, which changes the local date.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

from ..policy.compiled import CompiledPolicy
from ._hypothesis import st

__all__ = ["ANCHOR", "anchor_day", "received_instants", "special_days"]

ANCHOR = date(2026, 3, 2)
"""A plain Monday working day: what a drawn day shrinks to (if the calendar knows it)."""

_TIMES = (
    time(9, 0),
    time(0, 0),
    time(23, 59, 59),
    time(23, 59, 59, 999_999),
    time(12, 0),
    time(17, 30),
    time(8, 59, 59),
)
_OFFSETS = (None, UTC, timezone(timedelta(hours=9)), timezone(timedelta(hours=-5)))


def anchor_day(policy: CompiledPolicy) -> date:
    """:data:`ANCHOR` if the policy's calendar knows it as a working day, else the first
    working Monday of March in the last known year."""
    calendar = policy.calendar
    if calendar.is_known(ANCHOR.year) and calendar.is_working_day(ANCHOR):
        return ANCHOR
    year = max(calendar.known_years)
    day = date(year, 3, 1)
    while day.weekday() != 0 or not calendar.is_working_day(day):
        day += timedelta(days=1)
    return day


def _runs(years: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for year in years:
        if runs and runs[-1][1] + 1 == year:
            runs[-1] = (runs[-1][0], year)
        else:
            runs.append((year, year))
    return runs


def special_days(policy: CompiledPolicy) -> list[date]:
    """Sorted days of the policy's calendar where counting is most likely to go wrong."""
    calendar = policy.calendar
    known = sorted(calendar.known_years)
    one = timedelta(days=1)
    days: set[date] = set()
    for year in known:
        day = date(year, 1, 1)
        while day.year == year:
            if calendar.is_working_day(day) == (day.weekday() >= 5):
                days.update((day - one, day, day + one))  # a holiday or a make-up day
            if (day + one).day == 1:
                days.add(day)  # a month end
            day += one
        days.add(date(year, 1, 1))
    for first, last in _runs(known):
        days.update(date(last, 12, d) for d in range(20, 32))
        if last < 9999:
            days.update(date(last + 1, 1, d) for d in range(1, 6))
        if first > 1:
            days.update((date(first - 1, 12, 31), date(first, 1, 1), date(first, 1, 2)))
    return sorted(days)


def received_instants(policy: CompiledPolicy) -> st.SearchStrategy[datetime]:
    """Aware instants of receipt, in the policy's time zone or another offset.

    Shrinks to 09:00 local on :func:`anchor_day`.
    """
    known = sorted(policy.calendar.known_years)
    anchor = anchor_day(policy)
    days = [anchor, *(d for d in special_days(policy) if d != anchor)]
    # One in five days is any day from the year before the first known to the year after.
    first = date(max(1, known[0] - 1), 1, 1).toordinal()
    last = date(min(known[-1] + 1, 9999), 12, 31).toordinal()
    day_index = st.integers(min_value=0, max_value=len(days) * 5 // 4)
    any_day = st.integers(min_value=first, max_value=last)
    times = st.sampled_from([*_TIMES, None])
    any_time = st.integers(min_value=0, max_value=86_400_000_000 - 1)  # microseconds
    offsets = st.sampled_from(_OFFSETS)
    tz = policy.tz

    @st.composite
    def instants(draw: st.DrawFn) -> datetime:
        index = draw(day_index)
        day = days[index] if index < len(days) else date.fromordinal(draw(any_day))
        at = draw(times)
        if at is None:
            micro = draw(any_time)
            at = time(
                micro // 3_600_000_000,
                micro // 60_000_000 % 60,
                micro // 1_000_000 % 60,
                micro % 1_000_000,
            )
        local = datetime.combine(day, at, tzinfo=tz)
        offset = draw(offsets)
        return local if offset is None else local.astimezone(offset)

    return instants()
