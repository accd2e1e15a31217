"""科右前旗信用聯社: decisions worked out by hand from the source and the 2026 schedule.

2026 official schedule used below (State Council notice): National Day Oct 1-7 off,
Sun Sep 20 and Sat Oct 10 make-up workdays; Spring Festival Feb 15-23 off, Sat Feb 14
and Sat Feb 28 make-up workdays; Labour Day May 1-5 off, Sat May 9 make-up workday.
"""

from __future__ import annotations

from typing import Any

import pytest

from complaint_rules import CompiledPolicy, ComplaintError
from complaint_rules.decision.model import DecidedDue, Decision
from tests.support import ROOT
from tests.support.deciders import decide
from tests.support.local_time import due_on

pytestmark = pytest.mark.usefixtures("decider")  # the fast engine, then the reference


def run(policy: CompiledPolicy, **fields: Any) -> Decision:
    return decide(policy, {"channel": "letter", **fields})


def reply(decision: Decision) -> tuple[DecidedDue | None, DecidedDue | None]:
    (deadline,) = decision.deadlines
    return deadline.due_earliest, deadline.due


@pytest.mark.parametrize(
    ("received", "category", "expected"),
    [
        # Wed Sep 30, general (3 wd): Oct 1-7 off; Thu Oct 8 = 1, Fri Oct 9 = 2,
        # Sat Oct 10 (make-up) = 3.
        ("2026-09-30T10:00:00+08:00", "work_error", (None, due_on(2026, 10, 10))),
        # Received on a holiday (Sat Oct 3): Thu Oct 8 = 1, Fri 9 = 2, Sat 10 = 3.
        ("2026-10-03T12:00:00+08:00", "服務態度", (None, due_on(2026, 10, 10))),
        # Late on a Friday (Fri Oct 16 23:30): Mon 19 = 1, Tue 20 = 2, Wed 21 = 3.
        ("2026-10-16T23:30:00+08:00", "内部管理", (None, due_on(2026, 10, 21))),
        # Just before a make-up Saturday: Fri Oct 9 -> Sat Oct 10 = 1, Mon 12 = 2, Tue 13 = 3.
        ("2026-10-09T17:00:00+08:00", "work_error", (None, due_on(2026, 10, 13))),
        # Fri Feb 13, before the Spring Festival make-up Sat Feb 14: Sat 14 = 1,
        # Feb 15-23 off, Tue 24 = 2, Wed 25 = 3.
        ("2026-02-13T09:00:00+08:00", "work_error", (None, due_on(2026, 2, 25))),
        # Complex 7-10 wd across National Day, received Tue Sep 29: Wed 30 = 1,
        # Oct 8 = 2, 9 = 3, Sat 10 = 4, 12 = 5, 13 = 6, 14 = 7 ... 15 = 8, 16 = 9, 19 = 10.
        ("2026-09-29T15:40:00+08:00", "服務產品", (due_on(2026, 10, 14), due_on(2026, 10, 19))),
        # Complex received Wed Sep 30: Oct 8 = 1, 9 = 2, 10 = 3, 12 = 4, 13 = 5, 14 = 6,
        # 15 = 7 ... 16 = 8, 19 = 9, 20 = 10.
        ("2026-09-30T08:00:00+08:00", "违规操作", (due_on(2026, 10, 15), due_on(2026, 10, 20))),
        # Received Sat Sep 19 (a rest day) just before the make-up Sun Sep 20:
        # Sun 20 = 1, Mon 21 = 2, Tue 22 = 3.
        ("2026-09-19T10:00:00+08:00", "work_error", (None, due_on(2026, 9, 22))),
        # The local date decides: 2026-09-30T16:30Z is Oct 1 00:30 in Shanghai (a holiday):
        # Oct 8 = 1, 9 = 2, 10 = 3.
        ("2026-09-30T16:30:00+00:00", "work_error", (None, due_on(2026, 10, 10))),
        # The same instant as 23:59 on Sep 30 local is still Sep 30: the same as the first case.
        ("2026-09-30T15:59:00+00:00", "work_error", (None, due_on(2026, 10, 10))),
    ],
)
def test_reply_deadline(
    keyouqianqi: CompiledPolicy, received: str, category: str, expected: tuple[Any, Any]
) -> None:
    decision = run(keyouqianqi, received_at=received, category=category)
    assert reply(decision) == expected
    (deadline,) = decision.deadlines
    assert deadline.source.article == "第十一條"


def test_level_is_classified_from_the_category(keyouqianqi: CompiledPolicy) -> None:
    decision = run(keyouqianqi, received_at="2026-05-06T09:00:00+08:00", category="服务渠道")
    assert decision.level is not None
    assert (decision.level.id, decision.level.how) == ("complex", "classified")
    assert decision.level.source is not None and decision.level.source.article == "第十一條"


def test_level_input_is_refused(keyouqianqi: CompiledPolicy) -> None:
    with pytest.raises(ComplaintError) as info:
        run(
            keyouqianqi,
            received_at="2026-05-06T09:00:00+08:00",
            category="work_error",
            level="complex",
        )
    assert [str(p) for p in info.value.problems] == [
        "<input>: level: not accepted: this policy derives the level from its classification table"
    ]


@pytest.mark.parametrize("category", ["financial_crime", "匿名投訴"])
def test_unclassified_categories_say_the_source_is_silent(
    keyouqianqi: CompiledPolicy, category: str
) -> None:
    decision = run(
        keyouqianqi, received_at="2026-05-06T09:00:00+08:00", category=category, good_faith=True
    )
    assert decision.level is None
    assert decision.deadlines == ()
    about = {(g.about, g.source.article) for g in decision.gaps}
    assert ("level", "第十一條") in about
    assert ("deadline", "第十一條") in about


def test_financial_crime_goes_to_the_reported_units_supervision(
    keyouqianqi: CompiledPolicy,
) -> None:
    decision = run(keyouqianqi, received_at="2026-05-06T09:00:00+08:00", category="financial_crime")
    duties = {(a.duty, a.role.id) for a in decision.routing if a.source.article == "第十四條"}
    assert duties == {("accepts", "acceptance_dept"), ("investigates", "reported_unit_supervision")}
    # 第二十一條 has the complained-of unit investigate every complaint: for a 金融犯罪 report
    # the unit reported would investigate itself. Both are listed, and the decision marks
    # the declared conflict with both articles.
    (conflict,) = decision.conflicts
    assert (conflict.id, conflict.duty) == ("crime_self_investigation", "investigates")
    assert [(a.role.id, a.source.rule, a.source.article) for a in conflict.assignments] == [
        ("reported_unit_supervision", "financial_crime", "第十四條"),
        ("complained_unit", "functional_duties", "第二十一條"),
    ]
    assert conflict.source.article == "第十四條、第二十一條"
    assert all(a in decision.routing for a in conflict.assignments)


@pytest.mark.parametrize(
    ("channel", "category"),
    [
        ("letter", "work_error"),  # the unit investigates (第十四條, 第二十一條): no one else
        ("媒體投訴", "irregular_operation"),  # 稽核監察部 核實 media, the unit investigates
        ("政府部門轉來的投訴", "anonymous"),
    ],
)
def test_no_conflict_is_marked_where_the_roles_can_go_together(
    keyouqianqi: CompiledPolicy, channel: str, category: str
) -> None:
    decision = run(
        keyouqianqi,
        received_at="2026-05-06T09:00:00+08:00",
        channel=channel,
        category=category,
        good_faith=True,
    )
    assert "crime_self_investigation" not in {c.id for c in decision.conflicts}
    assert ("media_owner" in {c.id for c in decision.conflicts}) == (channel == "媒體投訴")


def test_media_complaint_lists_all_three_owners_and_reports(keyouqianqi: CompiledPolicy) -> None:
    decision = run(
        keyouqianqi,
        received_at="2026-05-06T09:00:00+08:00",
        channel="媒體投訴",
        category="service_attitude",
        media_provincial_or_central=True,
    )
    owners = {
        (a.role.id, a.source.article) for a in decision.routing if a.duty in ("accepts", "handles")
    }
    assert ("audit_dept", "第十條") in owners
    assert ("offices", "第二十一條") in owners
    # Three owners of one complaint (第十六條: 防止多頭聯系): the declared conflict, not a gap.
    (conflict,) = decision.conflicts
    assert conflict.id == "media_owner"
    assert [(a.duty, a.role.id, a.source.article) for a in conflict.assignments] == [
        ("handles", "audit_dept", "第十條"),
        ("handles", "complained_unit", "第十六條"),
        ("handles", "offices", "第二十一條"),
    ]
    assert not [g for g in decision.gaps if g.source.rule == "media_offices"]
    reports = {(r.id, tuple(t.id for t in r.to)) for r in decision.reports}
    assert ("media_to_leader", ("union_leader_in_charge",)) in reports
    assert ("media_to_leadership", ("union_leadership",)) in reports
    assert ("union_reports_upward", ("higher_union",)) in reports


def test_re_complaint_escalates_to_the_superior_customer_department(
    keyouqianqi: CompiledPolicy,
) -> None:
    decision = run(
        keyouqianqi,
        received_at="2026-05-06T09:00:00+08:00",
        category="work_error",
        repeat_complaint=True,
        findings=["屬客戶責任"],
    )
    (step,) = [e for e in decision.escalations if e.on == "customer_still_not_accepting"]
    assert [t.id for t in step.to] == ["superior_customer_dept"]
    assert step.source.article == "第十八條"


def test_coerced_withdrawal_brings_strict_investigation(keyouqianqi: CompiledPolicy) -> None:
    decision = run(
        keyouqianqi,
        received_at="2026-05-06T09:00:00+08:00",
        category="work_error",
        withdrawn=True,
        findings=[{"finding": "coerced_withdrawal", "roles": ["party_staff"]}],
    )
    assert "verify_withdrawal" in {a.id for a in decision.actions}
    (penalty,) = decision.penalties
    assert penalty.source.article == "第十九條"
    assert [s.id for s in penalty.sanctions] == ["strict_investigation"]
    assert penalty.min_yuan is None and penalty.kind == "none"
    # 對相關責任人進社嚴肅查處: whoever applied the pressure, not the 當事人 of the complaint.
    assert [(r.id, r.label) for r in penalty.subjects] == [("pressuring_party", "相關責任人")]


def test_major_complaint_is_reported_to_the_regulator(keyouqianqi: CompiledPolicy) -> None:
    decision = run(
        keyouqianqi, received_at="2026-05-06T09:00:00+08:00", category="work_error", major=True
    )
    (report,) = [r for r in decision.reports if r.source.article == "第二十二條"]
    assert [t.id for t in report.to] == ["local_regulator"]


def test_anonymous_complaint_needs_good_faith_to_be_decided(
    keyouqianqi: CompiledPolicy,
) -> None:
    decision = run(keyouqianqi, received_at="2026-05-06T09:00:00+08:00", category="anonymous")
    pending = {(p.source.rule, p.needs) for p in decision.pending_rules}
    assert pending == {
        ("anonymous_good_faith", ("good_faith",)),
        ("anonymous_malicious", ("good_faith",)),
    }


def test_retention_has_no_term(keyouqianqi: CompiledPolicy) -> None:
    decision = run(keyouqianqi, received_at="2026-05-06T09:00:00+08:00", category="work_error")
    (keep,) = decision.retention
    assert keep.years is None and keep.source.article == "第六條"


def test_unknown_year_fails_clearly_unless_estimated(keyouqianqi: CompiledPolicy) -> None:
    from complaint_rules import UnpublishedCalendarError

    with pytest.raises(UnpublishedCalendarError):
        run(keyouqianqi, received_at="2027-03-01T09:00:00+08:00", category="work_error")
    decision = decide(
        keyouqianqi,
        {"received_at": "2027-03-01T09:00:00+08:00", "channel": "letter", "category": "work_error"},
        estimate=True,
    )
    (deadline,) = decision.deadlines
    # Mon Mar 1 2027 -> Tue 2 = 1, Wed 3 = 2, Thu 4 = 3 (no holiday in early March).
    assert deadline.estimated is True
    assert deadline.due == due_on(2027, 3, 4)


def test_every_rule_cites_an_article_that_is_in_the_source(keyouqianqi: CompiledPolicy) -> None:

    source = ROOT / "docs" / "sources" / "3-keyouqianqi-credit-union.txt"
    text = source.read_text(encoding="utf-8")
    articles = [r.article for r in keyouqianqi.policy.rules]
    articles += [n.article.split(" ")[0] for n in keyouqianqi.policy.not_encoded]
    for article in articles:
        assert article in text, article
