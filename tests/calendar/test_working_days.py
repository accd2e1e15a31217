"""WorkingCalendar against the State Council's official 2025 and 2026 schedules.

Every expected date is worked out by hand from the official notices (国务院办公厅关于
2025年/2026年部分节假日安排的通知); the reasoning is in a comment beside each case.

2026: New Year Jan 1-3 off, Sun Jan 4 workday; Spring Festival Feb 15-23 off, Sat Feb 14
and Sat Feb 28 workdays; Qingming Apr 4-6 off; Labour Day May 1-5 off, Sat May 9 workday;
Dragon Boat Jun 19-21 off; Mid-Autumn Sep 25-27 off; National Day Oct 1-7 off, Sun Sep 20
and Sat Oct 10 workdays.
2025: Jan 1 off; Spring Festival Jan 28-Feb 4 off, Sun Jan 26 and Sat Feb 8 workdays;
Qingming Apr 4-6; Labour Day May 1-5, Sun Apr 27 workday; Dragon Boat May 31-Jun 2;
National Day + Mid-Autumn Oct 1-8, Sun Sep 28 and Sat Oct 11 workdays.
"""

from __future__ import annotations

import copy
import pickle
from datetime import date, datetime, timedelta

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaint_rules.calendar.working_days import WorkingCalendar
from complaint_rules.errors import CalendarError, UnpublishedCalendarError

CAL = WorkingCalendar()
CAL_2026 = WorkingCalendar(published_years=(2004, 2026))


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


# -- the official schedules, day by day -------------------------------------------------

OFF_2026 = [
    *_days(date(2026, 1, 1), date(2026, 1, 3)),
    *_days(date(2026, 2, 15), date(2026, 2, 23)),
    *_days(date(2026, 4, 4), date(2026, 4, 6)),
    *_days(date(2026, 5, 1), date(2026, 5, 5)),
    *_days(date(2026, 6, 19), date(2026, 6, 21)),
    *_days(date(2026, 9, 25), date(2026, 9, 27)),
    *_days(date(2026, 10, 1), date(2026, 10, 7)),
]
MAKEUP_2026 = [
    date(2026, 1, 4),  # Sun
    date(2026, 2, 14),  # Sat
    date(2026, 2, 28),  # Sat
    date(2026, 5, 9),  # Sat
    date(2026, 9, 20),  # Sun
    date(2026, 10, 10),  # Sat
]
OFF_2025 = [
    date(2025, 1, 1),
    *_days(date(2025, 1, 28), date(2025, 2, 4)),
    *_days(date(2025, 4, 4), date(2025, 4, 6)),
    *_days(date(2025, 5, 1), date(2025, 5, 5)),
    *_days(date(2025, 5, 31), date(2025, 6, 2)),
    *_days(date(2025, 10, 1), date(2025, 10, 8)),
]
MAKEUP_2025 = [
    date(2025, 1, 26),  # Sun
    date(2025, 2, 8),  # Sat
    date(2025, 4, 27),  # Sun
    date(2025, 9, 28),  # Sun
    date(2025, 10, 11),  # Sat
]


@pytest.mark.parametrize("year", [2025, 2026])
def test_whole_year_matches_official_schedule(year: int) -> None:
    # Every day of the year: off if listed, working if a listed make-up day, else Mon-Fri.
    off = set(OFF_2025 if year == 2025 else OFF_2026)
    makeup = set(MAKEUP_2025 if year == 2025 else MAKEUP_2026)
    for d in _days(date(year, 1, 1), date(year, 12, 31)):
        expected = d in makeup or (d.weekday() < 5 and d not in off)
        assert CAL.is_working_day(d) is expected, d


@pytest.mark.parametrize(
    "d",
    [
        date(2026, 2, 14),  # Sat, Spring Festival make-up
        date(2026, 9, 20),  # Sun, National Day make-up
        date(2026, 10, 10),  # Sat, National Day make-up
        date(2026, 1, 4),  # Sun, New Year make-up
    ],
)
def test_make_up_weekend_days_are_working_days(d: date) -> None:
    assert d.weekday() >= 5
    assert CAL.is_working_day(d)


@pytest.mark.parametrize(
    "d",
    [*_days(date(2026, 2, 15), date(2026, 2, 23)), *_days(date(2026, 10, 1), date(2026, 10, 7))],
)
def test_golden_weeks_2026_are_closed(d: date) -> None:
    assert not CAL.is_working_day(d)


@pytest.mark.parametrize(
    "d",
    [
        date(2024, 3, 8),  # Fri, Women's Day: half day for women only
        date(2025, 8, 1),  # Fri, Army Day: active servicemen only
        date(2026, 6, 1),  # Mon, Children's Day: children under 14 only
    ],
)
def test_half_day_group_holidays_on_weekdays_are_working_days(d: date) -> None:
    assert d.weekday() < 5
    assert CAL.is_working_day(d)


# -- add_working_days -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # Sep 30 Wed (1); Oct 1-7 off; Oct 8 Thu (2); Oct 9 Fri (3).
        (date(2026, 9, 29), 3, date(2026, 10, 9)),
        # Oct 8 Thu (1), Oct 9 Fri (2), Oct 10 Sat make-up (3).
        (date(2026, 9, 30), 3, date(2026, 10, 10)),
        # Sep 30 (1), Oct 8 (2), 9 (3), 10 Sat (4), 12 Mon (5), 13 (6), 14 (7), 15 (8),
        # 16 (9), 19 Mon (10).
        (date(2026, 9, 29), 10, date(2026, 10, 19)),
        # Oct 8 (1), 9 (2), 10 Sat (3), 12 (4), 13 (5), 14 (6), 15 (7).
        (date(2026, 9, 30), 7, date(2026, 10, 15)),
        # Sat Sep 19 is a rest day; Sun Sep 20 is the make-up day (1).
        (date(2026, 9, 18), 1, date(2026, 9, 20)),
        # Fri Sep 25 Mid-Autumn, Sep 26-27 weekend; Mon Sep 28 (1).
        (date(2026, 9, 24), 1, date(2026, 9, 28)),
        # Received on a holiday (Sat Oct 3): Oct 4-7 off, Thu Oct 8 (1).
        (date(2026, 10, 3), 1, date(2026, 10, 8)),
        # Spring Festival 2026: Sat Feb 14 make-up (1); Feb 15-23 off; Tue Feb 24 (2).
        (date(2026, 2, 13), 1, date(2026, 2, 14)),
        (date(2026, 2, 13), 2, date(2026, 2, 24)),
        # Feb 14 (1), 24 (2), 25 (3), 26 (4), 27 (5), Sat Feb 28 make-up (6), Mon Mar 2 (7).
        (date(2026, 2, 13), 6, date(2026, 2, 28)),
        (date(2026, 2, 13), 7, date(2026, 3, 2)),
        # New Year 2026: Jan 1-3 off, Sun Jan 4 make-up (1), Jan 5 (2), Jan 6 (3).
        (date(2025, 12, 31), 1, date(2026, 1, 4)),
        (date(2025, 12, 31), 3, date(2026, 1, 6)),
        # Dec 31 Wed (1), Jan 4 Sun (2).
        (date(2025, 12, 30), 2, date(2026, 1, 4)),
        # 2025: Fri Oct 10; Sat Oct 11 make-up (1).
        (date(2025, 10, 10), 1, date(2025, 10, 11)),
        # 2025: Sep 26 Fri; Sun Sep 28 make-up (1), Sep 29 (2), Sep 30 (3); Oct 1-8 off;
        # Thu Oct 9 (4).
        (date(2025, 9, 26), 4, date(2025, 10, 9)),
        # 2025 Spring Festival: Sun Jan 26 make-up (1), Jan 27 Mon (2); Jan 28-Feb 4 off;
        # Wed Feb 5 (3).
        (date(2025, 1, 24), 3, date(2025, 2, 5)),
        # Half-day holiday: Thu 2024-03-07 -> Fri Mar 8 Women's Day is a working day (1).
        (date(2024, 3, 7), 1, date(2024, 3, 8)),
    ],
)
def test_add_working_days(start: date, n: int, expected: date) -> None:
    assert CAL.add_working_days(start, n) == (expected, False)
    assert CAL.working_days_between(start, expected) == n


def test_start_day_never_counts() -> None:
    # Mon 2026-03-09 is a working day, but counting starts on Tue Mar 10.
    assert CAL.add_working_days(date(2026, 3, 9), 1) == (date(2026, 3, 10), False)


def test_next_working_day() -> None:
    # A working day is its own next working day unless include_self is False.
    assert CAL.next_working_day(date(2026, 2, 14)) == (date(2026, 2, 14), False)
    assert CAL.next_working_day(date(2026, 2, 14), include_self=False) == (
        date(2026, 2, 24),
        False,
    )
    # Thu Oct 1 2026: Oct 1-7 off, Oct 8.
    assert CAL.next_working_day(date(2026, 10, 1)) == (date(2026, 10, 8), False)
    # Sat Mar 7 2026, an ordinary weekend: Mon Mar 9.
    assert CAL.next_working_day(date(2026, 3, 7)) == (date(2026, 3, 9), False)


def test_working_days_between() -> None:
    # (Sep 30, Oct 8]: only Oct 8.
    assert CAL.working_days_between(date(2026, 9, 30), date(2026, 10, 8)) == 1
    # (Oct 1, Oct 7]: all off.
    assert CAL.working_days_between(date(2026, 10, 1), date(2026, 10, 7)) == 0
    assert CAL.working_days_between(date(2026, 10, 8), date(2026, 10, 8)) == 0
    assert CAL.working_days_between(date(2026, 10, 9), date(2026, 10, 8)) == 0


# -- unknown years ----------------------------------------------------------------------


def test_default_published_range_is_the_verified_table() -> None:
    assert CAL.published_range == CAL.verified_years == (2004, 2026)
    assert CAL.known_years == frozenset(range(2004, 2027))
    assert CAL.is_known(2004) and CAL.is_known(2026)
    # 2001-2003 are no longer published years; 2027 is not in the table.
    assert not any(CAL.is_known(year) for year in (2000, 2001, 2002, 2003, 2027))
    assert CAL.host_years == () and CAL.host_days == ()


def test_counting_into_an_unknown_year_raises() -> None:
    cal = WorkingCalendar(published_years=(2004, 2026))
    # Dec 31 2026 Thu (1) is known; day 2 would be in 2027.
    assert cal.add_working_days(date(2026, 12, 30), 1) == (date(2026, 12, 31), False)
    with pytest.raises(UnpublishedCalendarError) as info:
        cal.add_working_days(date(2026, 12, 30), 2)
    assert info.value.year == 2027
    assert info.value.known == (2004, 2026)
    assert isinstance(info.value, CalendarError)
    with pytest.raises(UnpublishedCalendarError):
        cal.is_working_day(date(2027, 1, 4))
    with pytest.raises(UnpublishedCalendarError):
        cal.working_days_between(date(2026, 12, 30), date(2027, 1, 4))
    with pytest.raises(UnpublishedCalendarError):
        cal.next_working_day(date(2027, 3, 1))
    # Far outside the precomputed span too.
    with pytest.raises(UnpublishedCalendarError) as far:
        cal.add_working_days(date(2100, 1, 1), 1)
    assert far.value.year == 2100


def test_passing_over_an_unknown_year_raises_even_if_the_result_is_known() -> None:
    # Fri 2003-12-26: Sat/Sun Dec 27-28 lie in 2003, whose schedule is unknown (could hold
    # a make-up day), so counting through them raises.
    with pytest.raises(UnpublishedCalendarError) as info:
        CAL.add_working_days(date(2003, 12, 26), 1)
    assert info.value.year == 2003


def test_2003_is_refused_and_only_estimated_on_request() -> None:
    # The notice of 2003-04-21 cancelled 2003's May Day week (only May 1-3 off, May 6-7
    # worked); the holidays package still has the week. The year is not verified, so a
    # count through it is refused, and an estimate says it is one.
    with pytest.raises(UnpublishedCalendarError) as info:
        CAL.add_working_days(date(2003, 4, 30), 3)
    assert (info.value.year, info.value.known) == (2003, (2004, 2026))
    assert CAL.add_working_days(date(2003, 4, 30), 3, estimate=True)[1] is True
    with pytest.raises(UnpublishedCalendarError):
        CAL.is_working_day(date(2003, 5, 6))
    # A host that has checked the notice gives the year's days itself. With May 1-2 (the
    # weekdays of May 1-3) off: Thu May 1 and Fri May 2 off, May 3-4 weekend, Mon May 5
    # (1), Tue May 6 (2), Wed May 7 (3).
    cal = WorkingCalendar(extra_holidays={date(2003, 5, 1): "勞動節", date(2003, 5, 2): "勞動節"})
    assert cal.add_working_days(date(2003, 4, 30), 3) == (date(2003, 5, 7), False)
    assert cal.host_years == (2003,)


def test_estimate_counts_plain_weekdays_minus_estimated_holidays() -> None:
    cal = WorkingCalendar(published_years=(2004, 2026))
    # Dec 31 2026 (1); Fri Jan 1 2027 New Year (estimated holiday); Jan 2-3 weekend;
    # Mon Jan 4 (2).
    assert cal.add_working_days(date(2026, 12, 30), 2, estimate=True) == (
        date(2027, 1, 4),
        True,
    )
    # A result inside the known years stays unestimated with estimate=True.
    assert cal.add_working_days(date(2026, 12, 30), 1, estimate=True) == (
        date(2026, 12, 31),
        False,
    )
    # Well beyond the precomputed span: Tue 2053-12-30 -> Wed Dec 31 (1); Thu Jan 1 2054
    # New Year (a fixed-date holiday in holidays' estimate); Fri Jan 2 (2).
    assert cal.add_working_days(date(2053, 12, 30), 2, estimate=True) == (
        date(2054, 1, 2),
        True,
    )
    assert cal.next_working_day(date(2027, 1, 1), estimate=True) == (date(2027, 1, 4), True)


def test_narrower_published_years() -> None:
    cal = WorkingCalendar(published_years=(2010, 2025))
    assert cal.published_range == (2010, 2025)
    with pytest.raises(UnpublishedCalendarError) as info:
        cal.add_working_days(date(2025, 12, 31), 1)
    assert info.value.known == (2010, 2025)
    assert info.value.year == 2026


@pytest.mark.parametrize(
    "bad", [(2026, 2025), (1900, 2020), (2004, 2100), (2001, 2026), (2003, 2026), (2004, 2027)]
)
def test_published_years_out_of_range(bad: tuple[int, int]) -> None:
    with pytest.raises(ValueError, match="published_years"):
        WorkingCalendar(published_years=bad)


# -- extra days -------------------------------------------------------------------------


def test_extra_days_make_a_year_known_and_are_its_whole_schedule() -> None:
    # A host adds a (hypothetical) 2027 schedule: Jan 1-3 off, Sat Jan 2 is not a
    # make-up day but Sat Jan 9 is.
    cal = WorkingCalendar(
        extra_holidays={date(2027, 1, 1): "元旦"},
        extra_workdays={date(2027, 1, 9): "调休"},
    )
    assert cal.is_known(2027)
    assert 2027 in cal.known_years
    assert cal.published_range == CAL.published_range
    # Dec 29 (1), 30 (2), 31 (3); Jan 1 off; Jan 4 (4), 5 (5), 6 (6), 7 (7), 8 (8),
    # Sat Jan 9 make-up (9).
    assert cal.add_working_days(date(2026, 12, 28), 9) == (date(2027, 1, 9), False)
    # holidays' estimate has Fri 2027-02-05 (New Year's Eve) off; with 2027 given by the
    # host, only the host's days count, so Feb 5 is an ordinary Friday.
    assert cal.is_working_day(date(2027, 2, 5))
    assert cal.add_working_days(date(2027, 2, 4), 1) == (date(2027, 2, 5), False)


def test_extra_days_change_a_published_year() -> None:
    cal = WorkingCalendar(
        extra_holidays={date(2026, 3, 9): "local closure"},
        extra_workdays={date(2026, 3, 14): "local make-up"},
    )
    # Fri Mar 6; Mar 7-8 weekend; Mon Mar 9 closed; Tue Mar 10 (1).
    assert cal.add_working_days(date(2026, 3, 6), 1) == (date(2026, 3, 10), False)
    # Fri Mar 13; Sat Mar 14 made a working day (1).
    assert cal.add_working_days(date(2026, 3, 13), 1) == (date(2026, 3, 14), False)
    # The rest of 2026 keeps the official schedule: Sat Feb 14 still a make-up day.
    assert cal.is_working_day(date(2026, 2, 14))
    assert cal.extra_holidays == {date(2026, 3, 9): "local closure"}
    assert cal.fingerprint != CAL.fingerprint


def test_extra_days_may_override_official_days() -> None:
    cal = WorkingCalendar(
        extra_holidays={date(2026, 2, 14): "no make-up here"},
        extra_workdays={date(2026, 10, 7): "open"},
    )
    assert not cal.is_working_day(date(2026, 2, 14))
    assert cal.is_working_day(date(2026, 10, 7))


@pytest.mark.parametrize("day", [date(1949, 10, 1), date(2999, 1, 1)])
def test_extra_days_in_implausible_years_are_an_error(day: date) -> None:
    with pytest.raises(ValueError, match="must lie in 1950-"):
        WorkingCalendar(extra_holidays={day: "typo"})


def test_extra_days_may_lie_up_to_a_hundred_years_after_the_table() -> None:
    # The table ends in 2026: a day in 2126 is accepted (a year known from it), 2127 is not.
    assert WorkingCalendar(extra_holidays={date(2126, 1, 1): "元旦"}).is_known(2126)
    with pytest.raises(ValueError, match=r"must lie in 1950-2126; got a day in \[2127\]"):
        WorkingCalendar(extra_workdays={date(2127, 1, 2): "typo"})


def test_date_in_both_extra_maps_is_an_error() -> None:
    with pytest.raises(ValueError, match="2026-03-09"):
        WorkingCalendar(
            extra_holidays={date(2026, 3, 9): "a"},
            extra_workdays={date(2026, 3, 9): "b"},
        )


# -- types, immutability, identity ------------------------------------------------------


def test_datetime_where_a_date_is_expected_is_a_type_error() -> None:
    moment = datetime(2026, 3, 9, 12, 0)
    with pytest.raises(TypeError, match=r"d must be a datetime\.date"):
        CAL.is_working_day(moment)
    with pytest.raises(TypeError, match=r"d must be a datetime\.date"):
        CAL.add_working_days(moment, 1)
    with pytest.raises(TypeError, match=r"d must be a datetime\.date"):
        CAL.next_working_day(moment)
    with pytest.raises(TypeError, match=r"start must be a datetime\.date"):
        CAL.working_days_between(moment, date(2026, 3, 10))
    with pytest.raises(TypeError, match=r"end must be a datetime\.date"):
        CAL.working_days_between(date(2026, 3, 9), moment)
    with pytest.raises(TypeError, match="extra_holidays"):
        WorkingCalendar(extra_holidays={moment: "x"})
    with pytest.raises(TypeError, match=r"d must be a datetime\.date"):
        CAL.add_working_days("2026-03-09", 1)  # type: ignore[arg-type]


def test_bad_n() -> None:
    with pytest.raises(ValueError, match="n must be >= 1"):
        CAL.add_working_days(date(2026, 3, 9), 0)
    with pytest.raises(TypeError, match="n must be an int"):
        CAL.add_working_days(date(2026, 3, 9), 1.0)  # type: ignore[arg-type]
    # A bool is not a count, even where the next working day has a table of its own.
    with pytest.raises(TypeError, match="n must be an int"):
        CAL.add_working_days(date(2026, 3, 9), True)
    with pytest.raises(TypeError, match=r"d must be a datetime\.date"):
        CAL.add_working_days([date(2026, 3, 9)], 1)  # type: ignore[arg-type]


def test_immutable_hashable_copyable() -> None:
    with pytest.raises(AttributeError):
        CAL._known = frozenset()
    with pytest.raises(AttributeError):
        CAL.foo = 1
    other = WorkingCalendar()
    assert other == CAL
    assert hash(other) == hash(CAL)
    assert len({other, CAL}) == 1
    assert copy.deepcopy(CAL) is CAL
    cal = WorkingCalendar(extra_holidays={date(2026, 3, 9): "x"})
    restored = pickle.loads(pickle.dumps(cal))
    assert restored == cal
    assert restored.extra_holidays == cal.extra_holidays


def test_fingerprint() -> None:
    assert len(CAL.fingerprint) == 64
    int(CAL.fingerprint, 16)
    assert WorkingCalendar().fingerprint == CAL.fingerprint
    assert WorkingCalendar(published_years=(2004, 2025)).fingerprint != CAL.fingerprint


# -- properties -------------------------------------------------------------------------

KNOWN_DAYS = st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 9, 30))
SMALL_N = st.integers(min_value=1, max_value=40)  # 40 working days from Sep 30 stay in 2026


@settings(max_examples=200, deadline=None)
@given(d=KNOWN_DAYS, n=SMALL_N)
def test_add_then_count_round_trips(d: date, n: int) -> None:
    result, estimated = CAL.add_working_days(d, n)
    assert not estimated
    assert CAL.is_working_day(result)
    assert CAL.working_days_between(d, result) == n
    assert CAL.working_days_between(d, result - timedelta(days=1)) == n - 1


@settings(max_examples=200, deadline=None)
@given(d=KNOWN_DAYS, n=SMALL_N)
def test_add_agrees_with_naive_day_by_day_loop(d: date, n: int) -> None:
    day, left = d, n
    while left:
        day += timedelta(days=1)
        if CAL.is_working_day(day):
            left -= 1
    assert CAL.add_working_days(d, n) == (day, False)


@settings(max_examples=200, deadline=None)
@given(d1=KNOWN_DAYS, d2=KNOWN_DAYS, n=SMALL_N)
def test_add_is_monotone_in_start(d1: date, d2: date, n: int) -> None:
    lo, hi = min(d1, d2), max(d1, d2)
    assert CAL.add_working_days(lo, n)[0] <= CAL.add_working_days(hi, n)[0]


_HOLIDAYS_CN = holidays.country_holidays("CN", years=range(2004, 2028), categories=("public",))


def test_is_working_day_agrees_with_holidays_on_every_published_day() -> None:
    # The installed holidays release, day by day (the runtime cross-check refuses one that
    # does not agree; this says the installed one does).
    first, last = CAL.published_range
    for d in _days(date(first, 1, 1), date(last, 12, 31)):
        assert CAL.is_working_day(d) is _HOLIDAYS_CN.is_working_day(d), d


@settings(max_examples=200, deadline=None)
@given(d=st.dates(min_value=date(2026, 6, 1), max_value=date(2031, 6, 1)), n=SMALL_N)
def test_estimate_agrees_with_holidays_own_count(d: date, n: int) -> None:
    # For unknown years the estimate is holidays' own (no make-up days).
    result, estimated = CAL_2026.add_working_days(d, n, estimate=True)
    expected = _HOLIDAYS_CN.get_nth_working_day(d, n)
    assert result == expected
    assert estimated is (result.year > 2026)


# -- found by mutation testing (scripts/mutate): each a change of result the suite missed --


def test_a_host_year_counts_every_weekday_it_does_not_list() -> None:
    # The host gives 2027 with only the Spring Festival's Mon Feb 8 off: Fri Jan 1 2027,
    # not listed, is an ordinary Friday (the weekly rule), so the first working day after
    # Thu Dec 31 2026.
    cal = WorkingCalendar(extra_holidays={date(2027, 2, 8): "春節"})
    assert cal.is_working_day(date(2027, 1, 1))
    assert cal.add_working_days(date(2026, 12, 31), 1) == (date(2027, 1, 1), False)


def test_the_year_after_a_host_year_is_only_estimated() -> None:
    # The host gives 2028 (May 1 off); 2029 is unknown. From Fri Dec 29 2028: Sat 30 and
    # Sun 31 rest; Mon Jan 1 2029 New Year (estimated off); Tue Jan 2 (1), estimated.
    cal = WorkingCalendar(extra_holidays={date(2028, 5, 1): "勞動節"})
    assert cal.add_working_days(date(2028, 12, 29), 1, estimate=True) == (date(2029, 1, 2), True)


def test_an_estimate_of_2003_keeps_its_make_up_days() -> None:
    # 2003 is estimated from the holidays package, make-up workdays included: its Spring
    # Festival (Feb 1-7 off) was followed by Sat Feb 8 and Sun Feb 9 worked.
    assert CAL.add_working_days(date(2003, 2, 7), 1, estimate=True) == (date(2003, 2, 8), True)


@pytest.mark.parametrize(
    ("published", "rest_day"),
    [
        # Known years ending on a Sunday: Sat Dec 30 and Sun Dec 31 are rest days, and the
        # last working day is Fri Dec 29.
        ((2004, 2023), date(2023, 12, 30)),
        ((2004, 2017), date(2017, 12, 30)),
    ],
)
def test_the_last_weekend_of_the_known_years_is_rest(
    published: tuple[int, int], rest_day: date
) -> None:
    cal = WorkingCalendar(published_years=published)
    assert not cal.is_working_day(rest_day)
    assert not cal.is_working_day(rest_day + timedelta(days=1))
    assert cal.working_days_between(rest_day - timedelta(days=2), rest_day + timedelta(days=1)) == 1


def test_a_known_year_without_a_working_day() -> None:
    # An absurd host (every weekday of 2030 off) and a one-year table run (2005): the two
    # runs are as long (365 days), the later is the fast one, and it has no working day.
    closed = {d: "closed" for d in _days(date(2030, 1, 1), date(2030, 12, 31)) if d.weekday() < 5}
    cal = WorkingCalendar(published_years=(2005, 2005), extra_holidays=closed)
    assert not any(cal.is_working_day(d) for d in _days(date(2030, 1, 1), date(2030, 12, 31)))
    assert cal.working_days_between(date(2029, 12, 31), date(2030, 12, 31)) == 0


def test_published_years_must_be_a_tuple_of_two_ints() -> None:
    for bad in ([2004, 2026], (2004,), (2004.0, 2026), (2004, 2010, 2026)):
        with pytest.raises(TypeError, match="published_years must be a"):
            WorkingCalendar(published_years=bad)  # type: ignore[arg-type]


def test_a_single_published_year() -> None:
    cal = WorkingCalendar(published_years=(2026, 2026))
    assert cal.known_years == frozenset({2026})
    assert cal.add_working_days(date(2026, 9, 30), 1) == (date(2026, 10, 8), False)


@pytest.mark.parametrize(
    "days",
    [
        {date(1949, 10, 1): "typo", date(2026, 3, 9): "local closure"},
        {date(2026, 3, 9): "local closure", date(2127, 1, 1): "typo"},
    ],
)
def test_one_implausible_year_among_good_ones_is_an_error(days: dict[date, str]) -> None:
    with pytest.raises(ValueError, match="must lie in 1950-2126"):
        WorkingCalendar(extra_holidays=days)


def test_extra_days_may_lie_in_1950() -> None:
    # holidays' China data starts in 1950: the first year a host may give.
    assert WorkingCalendar(extra_holidays={date(1950, 10, 2): "國慶"}).is_known(1950)


def test_a_host_year_apart_from_the_table_is_looked_up_day_by_day() -> None:
    # 2027 is unknown, 2028 the host's (weekly rule; Mon May 1 off; Sat Jan 1 and Sun Dec 31
    # made working days, as a notice might): 2028 lies outside the table's run, where a
    # query takes the general way.
    cal = WorkingCalendar(
        extra_holidays={date(2028, 5, 1): "勞動節"},
        extra_workdays={date(2028, 1, 1): "調休", date(2028, 12, 31): "調休"},
    )
    assert cal.is_working_day(date(2028, 1, 1))  # Sat, given
    assert cal.is_working_day(date(2028, 1, 3))  # Mon
    assert not cal.is_working_day(date(2028, 1, 2))  # Sun
    assert not cal.is_working_day(date(2028, 5, 1))  # Mon, given off
    assert cal.is_working_day(date(2028, 12, 31))  # Sun, given
    assert not cal.is_working_day(date(2028, 12, 30))  # Sat
    # Fri Apr 28 (1 after Thu Apr 27); Sat 29, Sun 30 rest; May 1 off; Tue May 2 (2).
    assert cal.add_working_days(date(2028, 4, 27), 2) == (date(2028, 5, 2), False)
    assert cal.host_years == (2028,)


def test_host_workdays_in_a_table_year_are_host_days_only_where_they_differ() -> None:
    # Sat 2026-10-10 is already a make-up workday in the table; Sat 2026-03-14 is not.
    cal = WorkingCalendar(
        extra_workdays={date(2026, 10, 10): "調休", date(2026, 3, 14): "local make-up"}
    )
    assert cal.host_days == (date(2026, 3, 14),)
    assert cal.host_years == ()


def test_repr_names_the_range_and_the_host_years() -> None:
    assert repr(CAL) == (
        "WorkingCalendar(published_range=(2004, 2026), extra_years=[], extra_holidays=0, "
        "extra_workdays=0)"
    )
    assert repr(WorkingCalendar(extra_workdays={date(2027, 1, 9): "調休"})) == (
        "WorkingCalendar(published_range=(2004, 2026), extra_years=[2027], extra_holidays=0, "
        "extra_workdays=1)"
    )
    cal = WorkingCalendar(
        published_years=(2010, 2020),
        extra_holidays={date(2027, 1, 1): "元旦", date(2026, 10, 9): "closure"},
    )
    assert repr(cal) == (
        "WorkingCalendar(published_range=(2010, 2020), extra_years=[2026, 2027], "
        "extra_holidays=2, extra_workdays=0)"
    )


def test_counting_from_before_the_precomputed_years() -> None:
    # The day before the precomputed years (they start with 2003, estimated): from Mon
    # 2002-12-30, Tue Dec 31 is the first working day (estimated: 2002 is unknown).
    assert CAL.add_working_days(date(2002, 12, 30), 1, estimate=True) == (date(2002, 12, 31), True)


HOST_2028 = WorkingCalendar(
    extra_holidays={date(2028, 5, 1): "勞動節"}, extra_workdays={date(2028, 12, 31): "調休"}
)


def test_a_count_starting_the_day_before_a_host_year_is_not_estimated() -> None:
    # From Fri 2027-12-31 (2027 unknown, but no day of it is passed over): Sat Jan 1 and
    # Sun Jan 2 2028 rest, Mon Jan 3 (1).
    assert HOST_2028.add_working_days(date(2027, 12, 31), 1) == (date(2028, 1, 3), False)
    # Ending on the host year's last day: Fri Dec 29; Sat 30 rest; Sun Dec 31 given (1).
    assert HOST_2028.add_working_days(date(2028, 12, 29), 1) == (date(2028, 12, 31), False)


def test_a_count_out_of_a_host_year_names_the_year_it_needs() -> None:
    # From Sat 2028-01-01, 300 working days run past 2028 (about 250 of them) into 2029.
    with pytest.raises(UnpublishedCalendarError) as info:
        HOST_2028.add_working_days(date(2028, 1, 1), 300)
    assert info.value.year == 2029


def test_the_ends_of_the_date_range() -> None:
    # Fri 9999-01-01: holidays estimates no holiday that far; Mon Jan 4 (1).
    assert CAL.add_working_days(date(9999, 1, 1), 1, estimate=True) == (date(9999, 1, 4), True)
    with pytest.raises(OverflowError, match="date value out of range"):
        CAL.add_working_days(date.max, 1, estimate=True)
    # Far beyond the precomputed years, a count ending on a year's last working day:
    # Sun 2040-12-30, Mon Dec 31 (1).
    assert CAL.add_working_days(date(2040, 12, 30), 1, estimate=True) == (date(2040, 12, 31), True)


def test_counting_working_days_in_a_host_year_apart_from_the_table() -> None:
    # (Sat Jan 1, Fri Jan 7 2028]: Sun Jan 2 rest; Mon Jan 3 to Fri Jan 7, five working
    # days. 2027 is unknown, but no day of it lies in the stretch.
    assert HOST_2028.working_days_between(date(2028, 1, 1), date(2028, 1, 7)) == 5
