"""Properties of the working-day calendar and of day-counted deadlines.

The oracle is written here, independently of
:mod:`complaint_rules.calendar.working_days`: a day is a
working day if it is a make-up working day, or a Monday to Friday that is not a public
holiday, with the public holidays and make-up days read straight from the ``holidays``
package (and the 2025 and 2026 make-up days also listed by hand from the State Council's
notices); days are counted one by one. Days and instants of receipt are drawn by the
testing kit (holidays, make-up days, month and year ends, the edge of the known years).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import holidays
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from complaint_rules import CompiledPolicy, UnpublishedCalendarError
from complaint_rules.calendar.periods import CountingConvention, due_after
from complaint_rules.calendar.working_days import WorkingCalendar
from complaint_rules.testing._instants import special_days
from complaint_rules.testing.strategies import received_instants
from tests.support.profiles import POLICY_EXAMPLES

CAL = WorkingCalendar()
FIRST, LAST = CAL.published_range
PUBLIC = holidays.country_holidays("CN", years=range(FIRST, LAST + 2), categories=("public",))
MAKE_UP = frozenset(PUBLIC.weekend_workdays)

# The State Council's notices for 2025 and 2026 (docs/sources/regulatory-baseline.md).
MAKE_UP_2025 = [(1, 26), (2, 8), (4, 27), (9, 28), (10, 11)]
MAKE_UP_2026 = [(1, 4), (2, 14), (2, 28), (5, 9), (9, 20), (10, 10)]


def working(d: date, off: frozenset[date] = frozenset(), on: frozenset[date] = frozenset()) -> bool:
    """The oracle: extra days first, then make-up days, then Monday-Friday minus holidays."""
    if d in on:
        return True
    if d in off:
        return False
    return d in MAKE_UP or (d.weekday() < 5 and d not in PUBLIC)


def nth_working_day_after(d: date, n: int, **extra: frozenset[date]) -> date:
    day = d
    while n:
        day += timedelta(days=1)
        n -= working(day, **extra)
    return day


def days_of(policy: CompiledPolicy) -> st.SearchStrategy[date]:
    """The kit's hard days of the published years, or any published day."""
    hard = [d for d in special_days(policy) if FIRST <= d.year <= LAST]
    return st.one_of(st.sampled_from(hard), st.dates(date(FIRST, 1, 1), date(LAST, 12, 31)))


N = st.integers(min_value=1, max_value=60)


def test_the_hand_listed_make_up_days_are_the_packages() -> None:
    listed = {date(2025, *day) for day in MAKE_UP_2025} | {date(2026, *day) for day in MAKE_UP_2026}
    assert listed == {d for d in MAKE_UP if d.year in (2025, 2026)}


def test_every_published_day_agrees_with_the_oracle() -> None:
    day = date(FIRST, 1, 1)
    while day.year <= LAST:
        assert CAL.is_working_day(day) is working(day), day
        day += timedelta(days=1)


def test_the_next_working_day_of_every_published_day_is_the_oracles() -> None:
    # n == 1 has a table of its own (one lookup): every day from the day before the
    # published years to their last day gets the oracle's next working day, or, where that
    # lies in an unpublished year, the error.
    day = date(FIRST, 1, 1) - timedelta(days=1)
    while day.year <= LAST:
        expected = nth_working_day_after(day, 1)
        if expected.year <= LAST:
            assert CAL.add_working_days(day, 1) == (expected, False), day
        else:
            with pytest.raises(UnpublishedCalendarError):
                CAL.add_working_days(day, 1)
        day += timedelta(days=1)


def test_make_up_days_are_working_days_and_weekday_holidays_are_not() -> None:
    published = [d for d in MAKE_UP if FIRST <= d.year <= LAST]
    assert len(published) > 50
    assert all(CAL.is_working_day(d) for d in published)
    off = [d for d in PUBLIC if FIRST <= d.year <= LAST and d.weekday() < 5 and d not in MAKE_UP]
    assert len(off) > 100
    assert not any(CAL.is_working_day(d) for d in off)


@pytest.fixture(scope="module")
def policy(catalog: object) -> CompiledPolicy:
    return catalog.load("keyouqianqi_credit_union")  # type: ignore[attr-defined, no-any-return]


def test_adding_n_working_days_then_counting_back_gives_n(policy: CompiledPolicy) -> None:
    @given(d=days_of(policy), n=N)
    def round_trip(d: date, n: int) -> None:
        try:
            end, estimated = CAL.add_working_days(d, n)
        except UnpublishedCalendarError:
            assume(False)
            return
        assert not estimated
        assert CAL.working_days_between(d, end) == n
        assert CAL.working_days_between(d, end - timedelta(days=1)) == n - 1
        assert end == nth_working_day_after(d, n)

    round_trip()


def test_extra_days_of_a_policy_are_respected(policy: CompiledPolicy) -> None:
    # A policy (or host) declares its own days off and make-up days within published years.
    extra = st.sets(st.dates(date(2024, 1, 1), date(LAST, 12, 31)), max_size=6)

    @settings(max_examples=POLICY_EXAMPLES)  # each example builds a calendar
    @given(d=days_of(policy), n=N, off=extra, on=extra)
    def with_extra_days(d: date, n: int, off: set[date], on: set[date]) -> None:
        on -= off
        off_days, on_days = dict.fromkeys(off, "本行假日"), dict.fromkeys(on, "本行調休")
        cal = WorkingCalendar(extra_holidays=off_days, extra_workdays=on_days)
        for x in off:
            assert not cal.is_working_day(x)
        for x in on:
            assert cal.is_working_day(x)
        try:
            end, _ = cal.add_working_days(d, n)
        except UnpublishedCalendarError:
            assume(False)
            return
        assert end == nth_working_day_after(d, n, off=frozenset(off), on=frozenset(on))
        assert cal.working_days_between(d, end) == n

    with_extra_days()


def test_deadlines_in_working_days_end_on_the_oracles_day(policy: CompiledPolicy) -> None:
    # From any instant of receipt the kit draws (any offset): the N-th working day after the
    # local date of receipt, at 23:59:59 local; estimated exactly when it lies past the
    # known years, and refused then without estimate.
    convention = CountingConvention()

    @given(received=received_instants(policy), n=N)
    def counted(received: datetime, n: int) -> None:
        local = received.astimezone(policy.tz).date()
        assume(local.year >= FIRST)
        due = due_after(
            received,
            "working_days",
            n,
            calendar=CAL,
            tz=policy.tz,
            convention=convention,
            estimate=True,
        )
        assert due.last_day is not None
        unknown = not CAL.is_known(due.last_day.year)
        assert due.estimated is unknown
        if not unknown:
            expected = nth_working_day_after(local, n)
            assert due.last_day == expected
            assert due.late_from == datetime.combine(
                expected + timedelta(days=1), time(), tzinfo=policy.tz
            )
            assert due.late_from > received
        else:
            with pytest.raises(UnpublishedCalendarError):
                due_after(received, "working_days", n, calendar=CAL, tz=policy.tz)

    counted()


def test_calendar_day_deadlines_roll_to_the_oracles_next_working_day(
    policy: CompiledPolicy,
) -> None:
    # 民法典 Art. 201/203: day 1 is the day after receipt; a last day that is a rest day
    # moves to the next working day.
    @given(received=received_instants(policy), n=st.integers(min_value=1, max_value=60))
    def counted(received: datetime, n: int) -> None:
        local = received.astimezone(policy.tz).date()
        last = local + timedelta(days=n)
        assume(local.year >= FIRST and last.year <= LAST)
        while not working(last):
            last += timedelta(days=1)
        assume(last.year <= LAST)
        due = due_after(received, "calendar_days", n, calendar=CAL, tz=policy.tz)
        assert due == due_after(
            received, "calendar_days", n, calendar=CAL, tz=policy.tz, estimate=True
        )
        assert due.last_day == last
        assert due.late_from == datetime.combine(last + timedelta(days=1), time(), tzinfo=policy.tz)
        assert not due.estimated

    counted()
