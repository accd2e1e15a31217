"""periodic_duties against due days worked out by hand from the State Council's 2026 schedule.

2026: Sat Jan 31, Sat Oct 31 and Sun May 31 are rest days; Sat Feb 28 is a make-up working
day; Oct 1-7 are the National Day holiday (Thu Oct 8 is a working day). A due day that is a
rest day moves to the next working day (民法典 第二百零三條); the day ends at 24:00.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from complaint_rules import Catalog, CompiledPolicy, PolicyError, load_policy_text
from complaint_rules.decision.periodic import periodic_duties
from complaint_rules.errors import InputError, UnpublishedCalendarError
from tests.support.policy_texts import MINI

CST = timezone(timedelta(hours=8))


@pytest.fixture(scope="module")
def xx() -> CompiledPolicy:
    return Catalog().load("xx_bank")


def summary(policy: CompiledPolicy, period: str, **kw: bool) -> list[tuple[object, ...]]:
    return [
        (d.period_end, d.nominal_day, d.due and d.due.last_day, d.rolled)
        for d in periodic_duties(policy, period, **kw)
        if d.id == "monthly_complaint_summary"
    ]


@pytest.mark.parametrize(
    ("month", "nominal", "due", "rolled"),
    [
        # Wed Sep 30 is a working day: due that day, late from Oct 1 00:00.
        ("2026-09", date(2026, 9, 30), date(2026, 9, 30), False),
        # Sat Oct 31 is a rest day: Mon Nov 2.
        ("2026-10", date(2026, 10, 31), date(2026, 11, 2), True),
        # Sat Jan 31: Mon Feb 2.
        ("2026-01", date(2026, 1, 31), date(2026, 2, 2), True),
        # Sat Feb 28 is a make-up working day: due that day.
        ("2026-02", date(2026, 2, 28), date(2026, 2, 28), False),
        # Sun May 31: Mon Jun 1.
        ("2026-05", date(2026, 5, 31), date(2026, 6, 1), True),
    ],
)
def test_the_monthly_summary_is_due_at_the_months_end_moved_off_a_rest_day(
    xx: CompiledPolicy, month: str, nominal: date, due: date, rolled: bool
) -> None:
    (one,) = [d for d in periodic_duties(xx, month) if d.id == "monthly_complaint_summary"]
    assert (one.nominal_day, one.rolled) == (nominal, rolled)
    assert one.due is not None and one.due.last_day == due
    assert one.due.late_from == datetime.combine(due + timedelta(days=1), datetime.min.time(), CST)
    assert one.rolled_by == ("民法典 第二百零三條" if rolled else None)
    assert (one.period_start, one.period_end) == (nominal.replace(day=1), nominal)
    assert [r.id for r in one.by] == ["unit_accountants"]
    assert [r.id for r in one.to] == ["discipline_dept"]
    assert one.source.article == "第十條"


def test_a_duty_whose_source_gives_no_date_is_listed_without_one(xx: CompiledPolicy) -> None:
    (leaders,) = [d for d in periodic_duties(xx, "2026-10") if d.id != "monthly_complaint_summary"]
    assert (leaders.id, leaders.nominal_day, leaders.due, leaders.rolled) == (
        "monthly_summary_to_leaders",
        None,
        None,
        False,
    )


def test_a_year_lists_each_month(xx: CompiledPolicy) -> None:
    got = summary(xx, "2026")
    assert len(got) == 12
    # Thu Dec 31 2026 is a working day.
    assert got[-1] == (date(2026, 12, 31), date(2026, 12, 31), date(2026, 12, 31), False)
    # Apr 30 (Thu); May 31 (Sun) moved to Mon Jun 1; Jun 30 (Tue), Jul 31 (Fri), Aug 31
    # (Mon): working days, not moved.
    assert [g[2] for g in got[3:8]] == [
        date(2026, 4, 30),
        date(2026, 6, 1),
        date(2026, 6, 30),
        date(2026, 7, 31),
        date(2026, 8, 31),
    ]


def test_an_unpublished_year_is_refused_unless_estimated(xx: CompiledPolicy) -> None:
    # Sun Jan 31 2027: moving it needs 2027's schedule, which is not published.
    with pytest.raises(UnpublishedCalendarError):
        periodic_duties(xx, "2027-01")
    (one,) = [d for d in periodic_duties(xx, "2027-01", estimate=True) if d.due is not None]
    assert one.due is not None and (one.due.last_day, one.estimated) == (date(2027, 2, 1), True)


def test_a_malformed_period_is_refused() -> None:
    policy = Catalog().load("xx_bank")
    for bad in ("2026-13", "2026-1", "Oct 2026", ""):
        with pytest.raises(InputError, match="a period is a month"):
            periodic_duties(policy, bad)


PERIODIC = """
periodic:
  - {id: quarterly, label: 季報, article: 第五條, to: [head], every: quarter, due: end_of_period}
  - {id: tenth, label: 月報, article: 第六條, by: [desk], every: month, due_day: 1}
  - {id: yearly, label: 年報, article: 第七條, to: [head], every: year, due: end_of_period}
"""


def test_quarters_years_and_a_stated_day_of_the_month() -> None:
    policy = load_policy_text(MINI + PERIODIC)
    # October 2026 ends no quarter or year; day 1 of October is a National Day holiday
    # (Oct 1-7 off): moved to Thu Oct 8.
    october = periodic_duties(policy, "2026-10")
    assert [(d.id, d.nominal_day, d.due and d.due.last_day) for d in october] == [
        ("tenth", date(2026, 10, 1), date(2026, 10, 8))
    ]
    # December ends Q4 and the year: Thu Dec 31. Dec 1 is a Tuesday.
    december = periodic_duties(policy, "2026-12")
    assert [(d.id, d.period_start, d.due and d.due.last_day) for d in december] == [
        ("quarterly", date(2026, 10, 1), date(2026, 12, 31)),
        ("tenth", date(2026, 12, 1), date(2026, 12, 1)),
        ("yearly", date(2026, 1, 1), date(2026, 12, 31)),
    ]
    # A year: 4 quarters, 12 months, 1 year; Q3 ends Wed Sep 30.
    year = periodic_duties(policy, "2026")
    assert [d.id for d in year].count("quarterly") == 4
    assert [d.due.last_day for d in year if d.id == "quarterly" and d.due][2] == date(2026, 9, 30)


def test_a_policy_that_does_not_roll_keeps_the_nominal_day() -> None:
    text = MINI.replace(
        "source: tests\n", "source: tests\ncalendar: {roll_to_working_day: false}\n"
    )
    policy = load_policy_text(text + PERIODIC)
    (tenth,) = periodic_duties(policy, "2026-10")
    assert tenth.due is not None and (tenth.due.last_day, tenth.rolled) == (
        date(2026, 10, 1),
        False,
    )


def test_a_periodic_duty_is_checked_at_load() -> None:
    bad = PERIODIC.replace("to: [head], every: quarter", "to: [boss], every: quarter").replace(
        "due_day: 1", "due_day: 1, due: end_of_period"
    )
    with pytest.raises(PolicyError) as info:
        load_policy_text(MINI + bad)
    messages = [p.message for p in info.value.problems]
    assert any("role 'boss' is not declared" in m for m in messages), messages
    assert "give either 'due: end_of_period' or 'due_day', not both" in messages
