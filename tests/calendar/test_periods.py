"""due_after against deadlines worked out by hand from the official 2025/2026 schedules.

See tests/calendar/test_working_days.py for the schedules. Each case says how the date was reached.
Unless stated: tz Asia/Shanghai (+08:00), day 1 is the day after receipt (民法典 Art. 201),
a period's last day ends at 24:00 local, so it is late from the next day's 00:00, and
calendar-day periods roll off rest days (Art. 203).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, find, given, settings
from hypothesis import strategies as st

from complaint_rules.calendar.periods import (
    DAY_UNITS,
    CountingConvention,
    Due,
    Unit,
    due_after,
    start_day,
    years_after,
)
from complaint_rules.calendar.working_days import WorkingCalendar
from complaint_rules.errors import UnpublishedCalendarError

SH = ZoneInfo("Asia/Shanghai")
CAL = WorkingCalendar(published_years=(2004, 2026))
INCLUSIVE = CountingConvention(exclude_start_day=False)
NO_ROLL = CountingConvention(roll_to_working_day=False)
DEFAULT = CountingConvention()


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0, tz: timezone | ZoneInfo = SH) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=tz)


def end(y: int, m: int, d: int) -> date:
    """The given day, as a period's last day."""
    return date(y, m, d)


def on(day: date, estimated: bool = False) -> Due:
    """Due on ``day``: it ends at 24:00 Shanghai time, late from the next day's 00:00."""
    return Due(datetime.combine(day + timedelta(days=1), time(0), tzinfo=SH), day, estimated)


def due(
    start: datetime,
    unit: Unit,
    amount: int,
    convention: CountingConvention = DEFAULT,
    *,
    estimate: bool = False,
    calendar: WorkingCalendar = CAL,
    tz: ZoneInfo = SH,
) -> Due:
    return due_after(
        start, unit, amount, calendar=calendar, tz=tz, convention=convention, estimate=estimate
    )


# -- working days -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "amount", "expected"),
    [
        # Received on a holiday (Fri Oct 2 2026): Oct 3-7 off; Thu Oct 8 (1), Fri Oct 9 (2),
        # Sat Oct 10 make-up (3).
        (at(2026, 10, 2), 3, end(2026, 10, 10)),
        # Late on a Friday (Mar 6 2026, 23:30 local): still received Friday; Sat/Sun rest;
        # Mon Mar 9 (1).
        (at(2026, 3, 6, 23, 30), 1, end(2026, 3, 9)),
        # ... Mar 9 (1), 10 (2), 11 (3), 12 (4), Fri Mar 13 (5).
        (at(2026, 3, 6, 23, 30), 5, end(2026, 3, 13)),
        # Just before a make-up Saturday: received Fri Feb 13 2026; Sat Feb 14 is day 1.
        (at(2026, 2, 13, 15), 1, end(2026, 2, 14)),
        # Feb 14 (1); Feb 15-23 off; Tue Feb 24 (2), Wed Feb 25 (3).
        (at(2026, 2, 13, 15), 3, end(2026, 2, 25)),
        # Received Fri Oct 9 2026; Sat Oct 10 make-up is day 1.
        (at(2026, 10, 9, 17), 1, end(2026, 10, 10)),
        # Received on a make-up workday (Sun Sep 20 2026): that day is not counted; Mon Sep 21
        # (1), 22 (2), 23 (3), Thu 24 (4); Fri Sep 25 Mid-Autumn, Sep 26-27 off; Mon Sep 28 (5).
        (at(2026, 9, 20, 9), 5, end(2026, 9, 28)),
        # National Day 2026, received Tue Sep 29: Sep 30 (1); Oct 1-7 off; Oct 8 (2), Oct 9 (3).
        (at(2026, 9, 29), 3, end(2026, 10, 9)),
        # ... Oct 10 Sat (4), 12 Mon (5), 13 (6), 14 (7).
        (at(2026, 9, 29), 7, end(2026, 10, 14)),
        # ... 15 (8), 16 (9), Mon Oct 19 (10).
        (at(2026, 9, 29), 10, end(2026, 10, 19)),
        # Received Wed Sep 30: Oct 8 (1), 9 (2), Sat 10 (3).
        (at(2026, 9, 30, 16), 3, end(2026, 10, 10)),
        # ... 12 (4), 13 (5), 14 (6), 15 (7), 16 (8), Mon 19 (9), Tue 20 (10).
        (at(2026, 9, 30, 16), 7, end(2026, 10, 15)),
        (at(2026, 9, 30, 16), 8, end(2026, 10, 16)),
        (at(2026, 9, 30, 16), 9, end(2026, 10, 19)),
        (at(2026, 9, 30, 16), 10, end(2026, 10, 20)),
        # Spring Festival 2026, received Thu Feb 12: Fri 13 (1), Sat 14 make-up (2); Feb 15-23
        # off; Tue 24 (3), 25 (4), 26 (5), 27 (6), Sat 28 make-up (7), Mon Mar 2 (8), 3 (9),
        # 4 (10), 5 (11), 6 (12), Mon 9 (13), 10 (14), Wed Mar 11 (15).
        (at(2026, 2, 12, 11), 15, end(2026, 3, 11)),
        # Across New Year into 2026, received Wed Dec 31 2025: Jan 1-3 off; Sun Jan 4
        # make-up (1), 5 (2), Tue Jan 6 (3).
        (at(2025, 12, 31, 18), 1, end(2026, 1, 4)),
        (at(2025, 12, 31, 18), 3, end(2026, 1, 6)),
        # Received Tue Dec 30 2025: Dec 31 (1), Jan 4 (2), 5 (3), 6 (4), 7 (5), 8 (6), 9 (7),
        # 12 (8), 13 (9), 14 (10), 15 (11), 16 (12), 19 (13), 20 (14), Wed Jan 21 (15).
        (at(2025, 12, 30), 15, end(2026, 1, 21)),
        # 2025 National Day + Mid-Autumn: received Fri Sep 26; Sun Sep 28 make-up (1),
        # 29 (2), 30 (3); Oct 1-8 off; Thu Oct 9 (4), Fri 10 (5), Sat Oct 11 make-up (6).
        (at(2025, 9, 26), 6, end(2025, 10, 11)),
        # Half-day holiday on a weekday: received Thu Mar 7 2024; Fri Mar 8 (Women's Day,
        # women only) is an ordinary working day (1).
        (at(2024, 3, 7), 1, end(2024, 3, 8)),
        # Received Fri May 29 2026; Mon Jun 1 (Children's Day, children only) is day 1.
        (at(2026, 5, 29), 1, end(2026, 6, 1)),
    ],
)
def test_working_days(start: datetime, amount: int, expected: date) -> None:
    result = due(start, "working_days", amount)
    assert result == on(expected)
    assert result.late_from.utcoffset() == timedelta(hours=8)
    assert result.late_from == datetime.combine(expected, time(), tzinfo=SH) + timedelta(days=1)


def test_working_days_counting_the_day_of_receipt() -> None:
    # Received on make-up Sun Sep 20 2026, which counts: 20 (1), 21 (2), 22 (3), 23 (4),
    # Thu Sep 24 (5).
    assert due(at(2026, 9, 20, 9), "working_days", 5, INCLUSIVE) == on(end(2026, 9, 24))
    # Received on a holiday (Oct 2 2026): it does not count, so day 1 is Oct 8.
    assert due(at(2026, 10, 2), "working_days", 1, INCLUSIVE) == on(end(2026, 10, 8))


def test_local_date_of_receipt_decides() -> None:
    # Thu Mar 5 2026 23:59 +08:00, and the same instant written in UTC (15:59Z), are both
    # received Thursday: day 1 is Fri Mar 6.
    local = at(2026, 3, 5, 23, 59)
    same_in_utc = datetime(2026, 3, 5, 15, 59, tzinfo=UTC)
    assert local == same_in_utc
    assert due(local, "working_days", 1) == on(end(2026, 3, 6))
    assert due(same_in_utc, "working_days", 1) == on(end(2026, 3, 6))
    # Thu Mar 5 23:59 UTC is Fri Mar 6 07:59 in Shanghai: received Friday, day 1 Mon Mar 9.
    assert due(at(2026, 3, 5, 23, 59, tz=UTC), "working_days", 1) == on(end(2026, 3, 9))
    # Tue Sep 29 2026 15:30Z = 23:30 local Tue: Oct 9 (see above); 16:30Z = 00:30 Wed Sep 30:
    # Oct 10.
    assert due(at(2026, 9, 29, 15, 30, tz=UTC), "working_days", 3).last_day == end(2026, 10, 9)
    assert due(at(2026, 9, 29, 16, 30, tz=UTC), "working_days", 3).last_day == end(2026, 10, 10)


def test_the_last_day_ends_at_24_00_so_nothing_on_it_is_late() -> None:
    # 民法典 第二百零三條: 「期間的最後一日的截止時間為二十四時」. Received Mon Mar 9 2026,
    # 1 working day: Tue Mar 10 is the last day; every instant of it (23:59:59.999999
    # included) is on time, and it is late from Wed Mar 11 00:00 local.
    result = due(at(2026, 3, 9), "working_days", 1)
    assert result.last_day == date(2026, 3, 10)
    assert result.late_from == datetime(2026, 3, 11, 0, 0, tzinfo=SH)
    assert datetime(2026, 3, 10, 23, 59, 59, 999_999, tzinfo=SH) < result.late_from


def test_a_month_end_complaint_in_the_last_half_second_of_march_is_received_in_march() -> None:
    # Received Tue Mar 31 2026 at 23:59:59.5: the day has not ended (it ends at 24:00), so
    # a period to the end of the month of receipt ends on Mar 31, and one counting the day
    # of receipt counts Mar 31 itself.
    half = datetime(2026, 3, 31, 23, 59, 59, 500_000, tzinfo=SH)
    assert start_day(half, tz=SH, convention=DEFAULT) == (date(2026, 3, 31), False)
    assert due(half, "end_of_month", 1) == on(end(2026, 3, 31))
    # Mar 31 (1, a Tuesday, counted), Apr 1 (2), Thu Apr 2 (3).
    assert due(half, "working_days", 3, INCLUSIVE) == on(end(2026, 4, 2))


def test_day_ends_at() -> None:
    # A cut-off a source states, close of business 17:00: received Mon Mar 9 2026, day 1
    # is Tue Mar 10, late from 17:00 local that day.
    cob = CountingConvention(day_ends_at=time(17, 0))
    result = due(at(2026, 3, 9), "working_days", 1, cob)
    assert result == Due(datetime(2026, 3, 10, 17, 0, tzinfo=SH), date(2026, 3, 10), False)
    # Received at 17:00 exactly, the day of receipt is over: counted inclusively, the
    # count starts on Tue Mar 10.
    both = CountingConvention(day_ends_at=time(17, 0), exclude_start_day=False)
    assert due(at(2026, 3, 9, 17), "working_days", 1, both).last_day == date(2026, 3, 10)
    assert due(at(2026, 3, 9, 16, 59), "working_days", 1, both).last_day == date(2026, 3, 9)


# -- calendar days ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "amount", "convention", "expected"),
    [
        # Wed Sep 16 2026 + 15 = Thu Oct 1 (National Day, off through Oct 7): rolls to Oct 8.
        (at(2026, 9, 16), 15, CountingConvention(), end(2026, 10, 8)),
        # Same without rolling: Oct 1.
        (at(2026, 9, 16), 15, NO_ROLL, end(2026, 10, 1)),
        # Tue Jan 20 2026 + 15 = Wed Feb 4, a working day: no roll.
        (at(2026, 1, 20), 15, CountingConvention(), end(2026, 2, 4)),
        # Thu Feb 5 2026 + 15 = Fri Feb 20 (Spring Festival, off through Mon Feb 23): Tue Feb 24.
        (at(2026, 2, 5), 15, CountingConvention(), end(2026, 2, 24)),
        # Fri Feb 13 2026 + 15 = Sat Feb 28, a make-up workday: no roll.
        (at(2026, 2, 13), 15, CountingConvention(), end(2026, 2, 28)),
        # Fri Mar 6 2026 + 15 = Sat Mar 21, an ordinary weekend: Mon Mar 23.
        (at(2026, 3, 6), 15, CountingConvention(), end(2026, 3, 23)),
        # Counting the day of receipt: Mar 6 + 14 = Fri Mar 20.
        (at(2026, 3, 6), 15, INCLUSIVE, end(2026, 3, 20)),
        # Tue Sep 16 2025 + 15 = Wed Oct 1 (off through Oct 8): Thu Oct 9.
        (at(2025, 9, 16), 15, CountingConvention(), end(2025, 10, 9)),
        # Sat Sep 13 2025 + 15 = Sun Sep 28, a make-up workday: no roll.
        (at(2025, 9, 13), 15, CountingConvention(), end(2025, 9, 28)),
        # 30 days: Mon Aug 31 2026 + 30 = Wed Sep 30, a working day.
        (at(2026, 8, 31), 30, CountingConvention(), end(2026, 9, 30)),
        # 1 day from Fri Sep 25 2026 (Mid-Autumn): Sat Sep 26 rest, Sun 27 rest: Mon Sep 28.
        (at(2026, 9, 25), 1, CountingConvention(), end(2026, 9, 28)),
    ],
)
def test_calendar_days(
    start: datetime, amount: int, convention: CountingConvention, expected: datetime
) -> None:
    assert due(start, "calendar_days", amount, convention) == on(expected)


# -- end of month -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "amount", "expected"),
    [
        # This month's end: Feb 2026 has 28 days.
        (at(2026, 2, 10), 1, end(2026, 2, 28)),
        # Next month's end.
        (at(2026, 2, 10), 2, end(2026, 3, 31)),
        # Not rolled: Sun May 31 2026 stays.
        (at(2026, 5, 10), 1, end(2026, 5, 31)),
        # Leap year.
        (at(2024, 2, 5), 1, end(2024, 2, 29)),
        # Into an unknown year: a date, no calendar needed, not estimated.
        (at(2026, 12, 5), 2, end(2027, 1, 31)),
        # Sat Jan 31 2026 23:30 UTC is Sun Feb 1 07:30 local: February's end.
        (at(2026, 1, 31, 23, 30, tz=UTC), 1, end(2026, 2, 28)),
    ],
)
def test_end_of_month(start: datetime, amount: int, expected: datetime) -> None:
    assert due(start, "end_of_month", amount) == on(expected)


# -- minutes and hours ------------------------------------------------------------------


def test_minutes_and_hours_are_elapsed_time() -> None:
    # 24 hours from 09:00 on a holiday is 09:00 the next day: holidays do not matter.
    assert due(at(2026, 10, 1, 9), "hours", 24) == Due(at(2026, 10, 2, 9), None, False)
    # 90 minutes from 15:00Z, expressed in Shanghai time: 00:30 next day.
    result = due(datetime(2026, 3, 5, 15, 0, tzinfo=UTC), "minutes", 90)
    assert result == Due(at(2026, 3, 6, 0, 30), None, False)
    assert result.late_from.tzinfo is SH
    assert due(at(2026, 3, 5), "hours", 0).late_from == at(2026, 3, 5)


def test_hours_across_a_dst_change_are_absolute() -> None:
    ny = ZoneInfo("America/New_York")
    # Sat Mar 7 2026 12:00 EST (17:00Z) + 24 h = Sun Mar 8 17:00Z = 13:00 EDT (DST began
    # 02:00 Mar 8).
    result = due(datetime(2026, 3, 7, 12, 0, tzinfo=ny), "hours", 24, tz=ny)
    assert result.late_from == datetime(2026, 3, 8, 17, 0, tzinfo=UTC)
    assert (result.late_from.hour, result.late_from.utcoffset()) == (13, timedelta(hours=-4))


def test_day_end_in_a_dst_gap_is_a_real_instant() -> None:
    ny = ZoneInfo("America/New_York")
    # 02:30 on Sun Mar 8 2026 does not exist in New York; the deadline is 02:30 EST, i.e.
    # 07:30Z = 03:30 EDT. (Received Fri Mar 6 + 2 days, not rolled.)
    conv = CountingConvention(day_ends_at=time(2, 30), roll_to_working_day=False)
    result = due(datetime(2026, 3, 6, 12, 0, tzinfo=ny), "calendar_days", 2, conv, tz=ny)
    assert result.late_from == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)
    assert (result.late_from.hour, result.late_from.minute) == (3, 30)
    assert result.last_day == date(2026, 3, 8)


def test_the_end_of_a_day_before_a_dst_gap_at_midnight_is_a_real_instant() -> None:
    # In Santiago, DST began at 24:00 on Sat Sep 5 2026 (clocks went to 01:00 on Sun Sep 6):
    # a period whose last day is Sep 5 is late from Sep 6 01:00 -03, i.e. 04:00Z.
    cl = ZoneInfo("America/Santiago")
    result = due(datetime(2026, 9, 4, 12, 0, tzinfo=cl), "calendar_days", 1, NO_ROLL, tz=cl)
    assert result.last_day == date(2026, 9, 5)
    assert result.late_from == datetime(2026, 9, 6, 4, 0, tzinfo=UTC)


# -- unknown years ----------------------------------------------------------------------


def test_working_days_into_an_unknown_year() -> None:
    # Received Mon Dec 28 2026: Dec 29 (1), 30 (2), Thu Dec 31 (3): all known.
    assert due(at(2026, 12, 28), "working_days", 3) == on(end(2026, 12, 31))
    # Day 4 would be in 2027, whose schedule is not published.
    with pytest.raises(UnpublishedCalendarError) as info:
        due(at(2026, 12, 28), "working_days", 5)
    assert info.value.year == 2027
    # Estimated: Fri Jan 1 2027 New Year (estimated), weekend; Mon Jan 4 (4), Tue Jan 5 (5).
    assert due(at(2026, 12, 28), "working_days", 5, estimate=True) == on(end(2027, 1, 5), True)


def test_calendar_days_into_an_unknown_year() -> None:
    # Sun Dec 20 2026 + 15 = Mon Jan 4 2027: rolling needs the 2027 calendar.
    with pytest.raises(UnpublishedCalendarError):
        due(at(2026, 12, 20), "calendar_days", 15)
    # Without rolling no calendar is needed.
    assert due(at(2026, 12, 20), "calendar_days", 15, NO_ROLL) == on(end(2027, 1, 4))
    # Estimated: Jan 4 2027 is a Monday with no estimated holiday.
    assert due(at(2026, 12, 20), "calendar_days", 15, estimate=True) == on(end(2027, 1, 4), True)
    # Thu Dec 17 2026 + 15 = Fri Jan 1 2027 (New Year, estimated), weekend: Mon Jan 4.
    assert due(at(2026, 12, 17), "calendar_days", 15, estimate=True) == on(end(2027, 1, 4), True)


def test_extra_days_make_2027_known_and_change_the_result() -> None:
    # A host gives 2027: Jan 1 off, Sat Jan 2 a make-up day. Received Mon Dec 28 2026:
    # Dec 29 (1), 30 (2), 31 (3); Jan 1 off; Sat Jan 2 (4); Mon Jan 4 (5).
    cal = WorkingCalendar(
        published_years=(2004, 2026),
        extra_holidays={date(2027, 1, 1): "元旦"},
        extra_workdays={date(2027, 1, 2): "调休"},
    )
    assert due(at(2026, 12, 28), "working_days", 5, calendar=cal) == on(end(2027, 1, 4))
    # Sun Dec 20 2026 + 13 = Sat Jan 2 2027, now a working day: no roll, no error.
    assert due(at(2026, 12, 20), "calendar_days", 13, calendar=cal) == on(end(2027, 1, 2))


# -- argument checks --------------------------------------------------------------------


def test_naive_start_is_rejected() -> None:
    with pytest.raises(ValueError, match="start must be timezone-aware"):
        due(datetime(2026, 3, 5, 10, 0), "working_days", 1)


def test_date_start_is_rejected() -> None:
    with pytest.raises(TypeError, match="start must be a datetime"):
        due(date(2026, 3, 5), "working_days", 1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("unit", "amount"),
    [
        ("minutes", -1),
        ("hours", -1),
        ("working_days", 0),
        ("calendar_days", 0),
        ("end_of_month", 0),
        ("working_days", -3),
    ],
)
def test_bad_amounts(unit: Unit, amount: int) -> None:
    with pytest.raises(ValueError, match=f"amount of {unit}"):
        due(at(2026, 3, 5), unit, amount)


def test_bad_unit_and_types() -> None:
    with pytest.raises(ValueError, match="unknown unit"):
        due(at(2026, 3, 5), "weeks", 1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="amount must be an int"):
        due(at(2026, 3, 5), "hours", 1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="amount must be an int"):
        due(at(2026, 3, 5), "hours", True)
    with pytest.raises(ValueError, match="day_ends_at"):
        CountingConvention(day_ends_at=time(23, 59, tzinfo=UTC))


# -- properties -------------------------------------------------------------------------

STARTS = st.datetimes(
    min_value=datetime(2004, 1, 2), max_value=datetime(2026, 9, 30), timezones=st.just(SH)
)


@settings(max_examples=200, deadline=None)
@given(start=STARTS, n=st.integers(min_value=1, max_value=40))
def test_working_days_due_is_nth_working_day_after_receipt(start: datetime, n: int) -> None:
    result = due(start, "working_days", n)
    last = result.last_day
    assert last is not None
    assert result.late_from == datetime.combine(last + timedelta(days=1), time(), tzinfo=SH)
    assert CAL.is_working_day(last)
    assert CAL.working_days_between(start.date(), last) == n


@settings(max_examples=200, deadline=None)
@given(start=STARTS, n=st.integers(min_value=1, max_value=60))
def test_calendar_days_due_is_first_working_day_on_or_after_last_day(
    start: datetime, n: int
) -> None:
    last = due(start, "calendar_days", n).last_day
    assert last is not None
    nominal = start.date() + timedelta(days=n)
    assert last >= nominal
    assert CAL.is_working_day(last)
    assert CAL.working_days_between(nominal - timedelta(days=1), last - timedelta(days=1)) == 0


# -- a count in days reads only the day it starts (what the engine keeps due dates by) -------

ZONES = (SH, ZoneInfo("America/New_York"), ZoneInfo("Pacific/Kiritimati"))
"""Shanghai; a zone with DST gaps and folds; one 14 hours ahead of UTC."""
CONVENTIONS = st.builds(
    CountingConvention,
    exclude_start_day=st.booleans(),
    day_ends_at=st.sampled_from(
        [None, time(23, 59, 59), time(17, 30), time(8, 0), time(0, 0), time(23, 59, 59, 999_999)]
    ),
    roll_to_working_day=st.booleans(),
)
US_A_DAY = 24 * 3600 * 10**6

Count = Callable[..., Due]
SameDay = tuple[str, int, CountingConvention, ZoneInfo, datetime, datetime, bool]
"""A unit in days, an amount, a convention, a zone, two starts with the same
:func:`start_day`, and ``estimate``."""


@st.composite
def same_day_starts(draw: st.DrawFn) -> SameDay:
    """Two starts on one local day, on the same side of its end, each shown in any zone."""
    unit = draw(st.sampled_from(sorted(DAY_UNITS)))
    amount = draw(st.integers(min_value=1, max_value=60))
    convention = draw(CONVENTIONS)
    tz = draw(st.sampled_from(ZONES))
    day = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2027, 12, 31)))
    ends = convention.day_ends_at
    if ends is None:  # 24:00: the day never ends before it is over
        ends_us = US_A_DAY
    else:
        ends_us = ((ends.hour * 60 + ends.minute) * 60 + ends.second) * 10**6 + ends.microsecond
    ended = ends_us < US_A_DAY and (ends_us == 0 or draw(st.booleans()))
    times = st.integers(ends_us, US_A_DAY - 1) if ended else st.integers(0, ends_us - 1)

    def start() -> datetime:
        wall = datetime.combine(day, time(), tzinfo=tz) + timedelta(microseconds=draw(times))
        shown = draw(st.sampled_from([tz, UTC, timezone(timedelta(hours=-11))]))
        return wall.astimezone(UTC).astimezone(shown)  # a wall time in a DST gap moves on

    return unit, amount, convention, tz, start(), start(), draw(st.booleans())


def outcome(count: Count, case: SameDay, start: datetime) -> tuple[str, ...]:
    unit, amount, convention, tz, _, _, estimate = case
    kw = {"calendar": CAL, "tz": tz, "convention": convention, "estimate": estimate}
    try:
        due = count(start, unit, amount, **kw)
    except UnpublishedCalendarError as exc:
        return ("refused", str(exc))
    return (due.late_from.isoformat(), str(due.last_day), str(due.estimated))


def same_due(count: Count, case: SameDay) -> bool:
    """Whether ``count`` gives both starts of ``case`` the same due (or the same refusal)."""
    return outcome(count, case, case[4]) == outcome(count, case, case[5])


def has_one_start_day(case: SameDay) -> bool:
    _, _, convention, tz, a, b, _ = case
    return start_day(a, tz=tz, convention=convention) == start_day(b, tz=tz, convention=convention)


@settings(max_examples=max(300, settings().max_examples * 2), deadline=None)
@given(same_day_starts())
def test_a_count_in_days_reads_only_the_day_it_starts(case: SameDay) -> None:
    assume(has_one_start_day(case))  # two wall times moved apart by a DST gap, rarely
    assert same_due(due_after, case)


def test_a_count_that_reads_the_hour_would_be_caught() -> None:
    # A counting rule the engine's due dates by day could not honour: a complaint received
    # after 17:00 counts from the next day, whatever the convention says. Two starts with
    # the same start_day (say 10:00 and 18:00) then get different dues, and the property
    # above finds them.
    def after_hours(start: datetime, unit: Unit, amount: int, **kw: Any) -> Due:
        local = start.astimezone(kw["tz"])
        if local.hour >= 17:
            start = datetime.combine(local.date() + timedelta(days=1), time(), tzinfo=kw["tz"])
        return due_after(start, unit, amount, **kw)

    def differs(case: SameDay) -> bool:
        return has_one_start_day(case) and not same_due(after_hours, case)

    found = find(same_day_starts(), differs, settings=settings(database=None, max_examples=2000))
    assert has_one_start_day(found) and not same_due(after_hours, found)
    assert same_due(due_after, found)


def test_start_day_is_the_local_date_and_whether_it_had_ended() -> None:
    late = CountingConvention(day_ends_at=time(17, 30))
    assert start_day(at(2026, 3, 5, 17, 29), tz=SH, convention=late) == (date(2026, 3, 5), False)
    assert start_day(at(2026, 3, 5, 17, 30), tz=SH, convention=late) == (date(2026, 3, 5), True)
    # With the default 24:00, a day has not ended at any instant of it.
    last = datetime(2026, 3, 5, 23, 59, 59, 999_999, tzinfo=SH)
    assert start_day(last, tz=SH, convention=DEFAULT) == (date(2026, 3, 5), False)
    # 2026-03-05 23:59 UTC is Mar 6 07:59 in Shanghai.
    utc = datetime(2026, 3, 5, 23, 59, tzinfo=UTC)
    assert start_day(utc, tz=SH, convention=DEFAULT) == (date(2026, 3, 6), False)
    assert {"calendar_days", "working_days", "end_of_month"} == DAY_UNITS


# -- years (retention): 民法典 第二百零一條/第二百零二條 ------------------------------------


@pytest.mark.parametrize(
    ("day", "years", "last"),
    [
        # The same day N years on: archived Mon Oct 12 2026, 5 years: Sun Oct 12 2031 (a
        # rest day does not move it: a retention term is not an act to be done on a day).
        (date(2026, 10, 12), 5, date(2031, 10, 12)),
        # Feb 29 has no corresponding day in 2033: the month's last day, Feb 28.
        (date(2028, 2, 29), 5, date(2033, 2, 28)),
        # ... and in 2032, a leap year, it has: Feb 29.
        (date(2028, 2, 29), 4, date(2032, 2, 29)),
        # Month ends are corresponding days like any other: Mar 31 -> Mar 31, Jan 31 -> Jan 31,
        # Feb 28 (not a leap year) -> Feb 28 (not Feb 29 in 2028).
        (date(2026, 3, 31), 1, date(2027, 3, 31)),
        (date(2026, 1, 31), 5, date(2031, 1, 31)),
        (date(2027, 2, 28), 1, date(2028, 2, 28)),
        (date(2026, 12, 31), 5, date(2031, 12, 31)),
    ],
)
def test_years_after_is_the_corresponding_day_or_the_months_last(
    day: date, years: int, last: date
) -> None:
    assert years_after(day, years) == last


def test_years_after_refuses_a_negative_or_fractional_term() -> None:
    with pytest.raises(ValueError, match="years must be a whole number"):
        years_after(date(2026, 1, 1), -1)
    with pytest.raises(ValueError, match="years must be a whole number"):
        years_after(date(2026, 1, 1), 1.5)  # type: ignore[arg-type]


# -- found by mutation testing (scripts/mutate): each a change of result the suite missed --


class _NoOffset(tzinfo):
    """A zone that does not know its offset: an instant in it is not aware."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None

    def tzname(self, dt: datetime | None) -> str | None:
        return None


def test_an_instant_whose_zone_gives_no_offset_is_not_aware() -> None:
    vague = datetime(2026, 3, 5, 10, 0, tzinfo=_NoOffset())
    with pytest.raises(ValueError, match="start must be timezone-aware"):
        due(vague, "working_days", 1)
    with pytest.raises(ValueError, match=r"Due\.late_from must be timezone-aware"):
        Due(vague, None, False)


def test_end_of_month_in_december_and_a_year_on() -> None:
    # Received Thu Dec 10 2026: the month of receipt ends Thu Dec 31 2026; 14 months
    # (December 2026 the first) end with January 2028, on Mon Jan 31 2028.
    assert due(at(2026, 12, 10), "end_of_month", 1) == on(end(2026, 12, 31))
    assert due(at(2026, 12, 10), "end_of_month", 2) == on(end(2027, 1, 31))
    assert due(at(2026, 12, 10), "end_of_month", 14) == on(end(2028, 1, 31))
    assert due(at(2026, 11, 10), "end_of_month", 2) == on(end(2026, 12, 31))


def test_due_after_refuses_an_unpublished_year_by_default() -> None:
    # Called without ``estimate``: Thu Dec 31 2026 + 2 working days needs 2027.
    with pytest.raises(UnpublishedCalendarError):
        due_after(at(2026, 12, 31), "working_days", 2, calendar=CAL, tz=SH)


CUT_OFF_17 = CountingConvention(day_ends_at=time(17, 0))
"""A policy whose source closes the day at 17:00 (an earlier cut-off a source may state)."""


def test_end_of_month_received_after_the_cut_off_counts_from_the_next_day() -> None:
    # Received Mon Mar 30 2026 18:00, after 17:00: the count starts Tue Mar 31, still March.
    assert due(at(2026, 3, 30, 18), "end_of_month", 1, CUT_OFF_17) == Due(
        datetime(2026, 3, 31, 17, 0, tzinfo=SH), date(2026, 3, 31), False
    )
    # Received Tue Mar 31 18:00: March is over; the count starts Wed Apr 1, so April 30.
    assert due(at(2026, 3, 31, 18), "end_of_month", 1, CUT_OFF_17) == Due(
        datetime(2026, 4, 30, 17, 0, tzinfo=SH), date(2026, 4, 30), False
    )


def test_working_days_counting_the_start_day_count_the_day_of_receipt_itself() -> None:
    # Tue Mar 10 2026, a working day, is day 1; Mon Mar 9 before it is not counted.
    assert due(at(2026, 3, 10), "working_days", 1, INCLUSIVE) == on(end(2026, 3, 10))
    assert due(at(2026, 3, 10), "working_days", 2, INCLUSIVE) == on(end(2026, 3, 11))


def test_years_after_zero_years_is_the_day_itself() -> None:
    # The edge of the ">= 0" check (mutants `years < 1` and `years <= 0` refused it): a term
    # of no years adds nothing, Mon Oct 12 2026 stays Mon Oct 12 2026; -1 is refused above.
    assert years_after(date(2026, 10, 12), 0) == date(2026, 10, 12)
    assert years_after(date(2028, 2, 29), 0) == date(2028, 2, 29)
