"""交通銀行 投訴處理管理辦法: decisions worked out by hand from the source.

The source (docs/sources/4-bocom.txt) is a reform proposal: 一、 is current practice, 二、
and 三、 the proposed process. The policy encodes the proposal and keeps two current flows
(客服中心《工單》 and the 卡中心 tiers, 一、3). The text sets NO time limit anywhere: none of
bocom's own rules has a deadline. The policy extends the national baseline layer
(cn_banking_baseline, CBIRC Order 2020 No. 3 第十八條), whose rules come first in every
decision, so every decision has exactly the baseline's limit: 15 calendar days
(decision_15d), 30 for a complex case (decision_30d).

Calendar days (docs/deadlines.md 4.2): the last day is the local date of receipt plus N; if
it is not a working day it rolls to the next working day; due at 23:59:59 Asia/Shanghai.
The dues below are counted by hand on the official 2026 schedule: New Year Jan 1-3 off, Sun
Jan 4 worked; Spring Festival Feb 15-23 off, Sat Feb 14 and Sat Feb 28 worked; Qingming Apr
4-6 off; Labour Day May 1-5 off, Sat May 9 worked; Dragon Boat Jun 19-21 off; Mid-Autumn Sep
25-27 off; National Day Oct 1-7 off, Sun Sep 20 and Sat Oct 10 worked. 2027 is unpublished.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from complaint_rules import Catalog, CompiledPolicy, UnpublishedCalendarError
from complaint_rules.decision.model import DecidedDeadline, Decision
from complaint_rules.policy.model import text_in
from complaint_rules.policy.yaml_reader import read_yaml
from tests.support import ROOT
from tests.support.deciders import decide
from tests.support.local_time import due_on

pytestmark = pytest.mark.usefixtures("decider")  # the fast engine, then the reference

SOURCE = (ROOT / "docs" / "sources" / "4-bocom.txt").read_text(encoding="utf-8")

NO_LIMIT = (
    "本制度未定時限；所示時限來自全國基線層（cn_banking_baseline，第十八條），並非交通銀行原文。"
)
NO_LIMIT_EN = (
    "the source sets no time limit; the limits shown come from the national baseline layer "
    "(cn_banking_baseline, 第十八條), not from 交通銀行's text."
)
# The baseline rules that match every complaint that is not complex, extended or restarted.
BASELINE_ALWAYS = {
    "decision_within_15_days",
    "appraisal_time",
    "repeat_merge",
    "no_direct_interest",
}
# The complaint does not say how many came in person: the baseline's headcount rules wait.
BASELINE_PENDING = {
    ("group_representatives", ("in_person_count",)),
    ("major_complaint", ("in_person_count",)),
}
ALWAYS = BASELINE_ALWAYS | {
    "no_time_limit",
    "investigation",
    "tracking_and_urging",
    "results_to_cmd",
    "analysis_and_committee",
    "platform_records",
    "severity_urgency_grading",
    "platform_management",
    "staff_reporting",
    "statistics",
    "evaluation",
}


@pytest.fixture(scope="module")
def bocom(catalog: Catalog) -> CompiledPolicy:
    return catalog.load("bocom")


def run(policy: CompiledPolicy, **fields: Any) -> Decision:
    return decide(policy, {"category": "general", **fields})


def baseline_deadline(decision: Decision) -> DecidedDeadline:
    """The decision's only deadline, which must be the baseline's (bocom sets none)."""
    (deadline,) = decision.deadlines
    assert deadline.source.policy == "cn_banking_baseline"
    assert deadline.source.article == "第十八條"
    assert deadline.status == "running" and deadline.unit == "calendar_days"
    return deadline


def pending(decision: Decision) -> set[tuple[str, tuple[str, ...]]]:
    return {(p.source.rule, p.needs) for p in decision.pending_rules}


def matched(decision: Decision) -> set[str]:
    return {s.rule for s in decision.matched_rules}


def duties(decision: Decision, duty: str) -> set[tuple[str, str]]:
    return {(a.role.id, a.source.article) for a in decision.routing if a.duty == duty}


def gaps(decision: Decision) -> set[tuple[str, str]]:
    return {(g.about, g.source.article) for g in decision.gaps}


def action(decision: Decision, action_id: str) -> tuple[tuple[str, ...], str]:
    (found,) = [a for a in decision.actions if a.id == action_id]
    return tuple(r.id for r in found.by), found.source.article


# --- the 客服中心《工單》flow (一、3, kept by the proposal) -------------------------------


def test_95559_work_order_flow(bocom: CompiledPolicy) -> None:
    # Wed Sep 30, the eve of National Day (Oct 1-7 off). The source sets no limit; the
    # baseline's 15 calendar days run across the holiday: day 1 Thu Oct 1 ... day 7 Wed
    # Oct 7 (holidays count as calendar days), day 8 Thu Oct 8 ... day 15 Thu Oct 15, a
    # working day (after the holiday, not a weekend): no roll. Due Thu Oct 15 23:59:59.
    decision = run(
        bocom,
        received_at="2026-09-30T16:20:00+08:00",
        channel="95559客服熱線",
        cannot_resolve_directly=True,
        needs_head_office=False,
    )
    assert matched(decision) == ALWAYS | {"intake_95559", "reply_by_handling_dept", "work_order"}
    deadline = baseline_deadline(decision)
    assert (deadline.id, deadline.amount) == ("decision_15d", 15)
    assert deadline.due == due_on(2026, 10, 15)
    assert deadline.estimated is False
    assert decision.penalties == ()
    assert duties(decision, "accepts") == {("cs_rep", "一、3")}
    # Two repliers: 客服中心業務組 (一、3, kept) and, 一般, the 處理部門 (二、3). Both are
    # listed, and the declared conflict one_reply is marked with both articles.
    assert duties(decision, "replies") == {("business_group", "一、3"), ("handling_dept", "二、3")}
    (conflict,) = decision.conflicts
    assert (conflict.id, conflict.duty, conflict.source.article) == (
        "one_reply",
        "replies",
        "一、3, 二、3",
    )
    assert [(a.role.id, a.source.article) for a in conflict.assignments] == [
        ("handling_dept", "二、3"),
        ("business_group", "一、3"),
    ]
    assert action(decision, "fill_work_order") == (("cs_rep",), "一、3")
    assert action(decision, "forward_work_order") == (("business_mgmt_group",), "一、3")
    assert action(decision, "review_opinion") == (("business_mgmt_group",), "一、3")
    assert action(decision, "return_visit") == (("business_group",), "一、3")
    assert action(decision, "urge_work_order") == (("business_group_staff",), "一、3")
    assert action(decision, "knowledge_base") == (("related_depts",), "一、3")
    # 《工單》轉發有關部門或分行處理: one of them handles it, not both.
    (handler,) = [a for a in decision.routing if a.duty == "handles"]
    assert (handler.role.id, [r.id for r in handler.or_roles]) == ("related_depts", ["branches"])
    # 業務管理組 sends a non-compliant opinion back to whichever of the 有關部門或分行 gave it:
    # an action that follows the event and goes to a recipient, not a step up.
    assert decision.escalations == ()
    (back,) = [a for a in decision.actions if a.id == "send_back"]
    assert (back.on, back.to_any, back.discretionary) == ("opinion_not_compliant", True, False)
    assert [r.id for r in back.by] == ["business_mgmt_group"]
    assert [r.id for r in back.to] == ["related_depts", "branches"]
    assert back.source.article == "一、3"
    assert gaps(decision) == {
        ("deadline", "三、3、(1)"),
        ("deadline", "第十八條"),  # the baseline: appraisal time is not left out of the count
        ("level", "三、2、(1)"),
        ("retention", "三、2、(2)"),
        ("retention", "三、1"),
        ("other", "三、3、(2)"),
    }
    assert pending(decision) == BASELINE_PENDING


def test_95559_undecided_facts_are_pending(bocom: CompiledPolicy) -> None:
    # Neither "can the agent settle it?" nor "does it need head office?" can be assumed.
    decision = run(bocom, received_at="2026-03-02T10:00:00+08:00", channel="95559客服热线")
    assert pending(decision) == BASELINE_PENDING | {
        ("work_order", ("cannot_resolve_directly",)),
        ("branch_units_submit_head_office", ("needs_head_office",)),
        ("cmd_review_and_forward", ("needs_head_office",)),
        ("cmd_determines_handler", ("needs_head_office",)),
    }
    assert "work_order" not in matched(decision)


def test_95559_needing_head_office_goes_to_complaint_management(bocom: CompiledPolicy) -> None:
    # Fri Feb 13, the day before the make-up Saturday and the Spring Festival. 15 calendar
    # days: Feb 13 + 15 = Sat Feb 28 (Feb 14 is day 1, the festival Feb 15-23 counts too);
    # Sat Feb 28 is a make-up workday, a working day: no roll. Due Sat Feb 28 23:59:59.
    decision = run(
        bocom,
        received_at="2026-02-13T17:45:00+08:00",
        channel="hotline_95559",
        cannot_resolve_directly=True,
        needs_head_office=True,
    )
    deadline = baseline_deadline(decision)
    assert deadline.id == "decision_15d"
    assert deadline.due == due_on(2026, 2, 28)
    assert {"branch_units_submit_head_office", "cmd_review_and_forward"} <= matched(decision)
    assert action(decision, "submit_head_office_to_cmd") == (
        ("service_centre", "card_centre", "branches"),
        "二、3",
    )
    assert action(decision, "review_submission") == (("complaint_mgmt_dept",), "二、3")
    assert ("complaint_mgmt_dept", "三、1") in duties(decision, "decides")
    assert ("related_depts", "二、3") in duties(decision, "handles")
    # The text does not reconcile submission to 投訴管理部 with the 《工單》 forwarding.
    assert ("routing", "二、3") in gaps(decision)


# --- the 卡中心 tiers (一、3, kept by the proposal) --------------------------------------


def test_card_centre_four_tiers(bocom: CompiledPolicy) -> None:
    # Sat Oct 3, inside the National Day holiday. Oct 3 + 15 = Sun Oct 18 (day 1 Sun Oct 4),
    # a plain Sunday (Sat Oct 10 is the only make-up day near it): rolls to Mon Oct 19, a
    # working day. Due Mon Oct 19 23:59:59.
    decision = run(
        bocom,
        received_at="2026-10-03T10:05:00+08:00",
        channel="800-988-8888卡中心客服熱線",
        category="信用卡业务投诉",
        needs_head_office=False,
    )
    deadline = baseline_deadline(decision)
    assert deadline.id == "decision_15d"
    assert deadline.due == due_on(2026, 10, 19)
    assert ("card_cs_dept", "一、3") in duties(decision, "accepts")
    assert ("card_agent", "一、3") in duties(decision, "accepts")
    assert ("card_cs_dept", "一、3") in duties(decision, "handles")
    steps = {e.id: e for e in decision.escalations}
    (first,) = [e for e in decision.escalations if [r.id for r in e.by] == ["card_agent"]]
    chain = []
    step = first
    while True:
        assert step.on == "beyond_tier_authority" and step.source.article == "一、3"
        chain.append(([r.id for r in step.by], [r.id for r in step.to]))
        if step.next is None:
            break
        step = steps[step.next]
    # 座席員 → 客戶關懷組 → 客服經理 → 高經
    assert chain == [
        (["card_agent"], ["card_care_group"]),
        (["card_care_group"], ["card_cs_manager"]),
        (["card_cs_manager"], ["card_senior_manager"]),
    ]
    (tier_gap,) = [g for g in decision.gaps if g.source.rule == "card_centre_tiers"]
    assert "附件3" in tier_gap.text


def test_card_hotline_non_card_complaint_has_no_tiers(bocom: CompiledPolicy) -> None:
    decision = run(
        bocom,
        received_at="2026-04-07T09:00:00+08:00",
        channel="卡中心客服热线",
        needs_head_office=False,
    )
    assert decision.escalations == ()
    assert "card_hotline_other_category" in matched(decision)
    assert ("routing", "一、3") in gaps(decision)


def test_credit_card_complaint_at_the_counter(bocom: CompiledPolicy) -> None:
    decision = run(
        bocom,
        received_at="2026-02-28T11:00:00+08:00",  # Sat Feb 28, a make-up workday
        channel="柜面",
        category="credit_card",
        needs_head_office=False,
    )
    assert duties(decision, "accepts") == {("branches", "一、2")}
    assert decision.escalations == ()
    assert "credit_card_elsewhere" in matched(decision)
    assert ("routing", "一、3") in gaps(decision)
    assert ("handling_dept", "二、3") in duties(decision, "replies")


# --- units whose complaints all go to 投訴管理部 (二、3, 三、1) ----------------------------


def test_letter_to_the_petition_office(bocom: CompiledPolicy) -> None:
    # Fri Jan 2, New Year holiday (Jan 1-3 off): still the date of receipt. Jan 2 + 15 =
    # Sat Jan 17 (day 1 Sat Jan 3); a plain Saturday (the only January make-up day is Sun
    # Jan 4): rolls past Sun Jan 18 to Mon Jan 19. Due Mon Jan 19 23:59:59.
    decision = run(bocom, received_at="2026-01-02T09:00:00+08:00", channel="來信")
    deadline = baseline_deadline(decision)
    assert deadline.id == "decision_15d"
    assert deadline.due == due_on(2026, 1, 19)
    assert duties(decision, "accepts") == {("petition_office", "三、1")}
    assert ("complaint_mgmt_dept", "三、1") in duties(decision, "coordinates")
    assert action(decision, "submit_all_to_cmd") == (
        ("general_office", "petition_office", "corporate_culture_dept"),
        "二、3",
    )
    # Reviewed by 投訴管理部 whether or not it needs head office: nothing of bocom's is
    # pending, only the baseline's headcount rules.
    assert "cmd_review_and_forward" in matched(decision)
    assert "cmd_determines_handler" not in matched(decision)
    assert pending(decision) == BASELINE_PENDING
    assert duties(decision, "replies") == {("handling_dept", "二、3")}
    assert "receive_visitor" not in {a.id for a in decision.actions}


def test_visit_reception_is_coordinated(bocom: CompiledPolicy) -> None:
    decision = run(bocom, received_at="2026-05-09T10:00:00+08:00", channel="来访")
    assert action(decision, "receive_visitor") == (("complaint_mgmt_dept",), "二、3")
    assert ("related_depts", "二、3") in duties(decision, "assists")
    assert ("petition_office", "三、1") in duties(decision, "accepts")


def test_regulator_forwarded_complaint_is_answered_by_office_and_culture_dept(
    bocom: CompiledPolicy,
) -> None:
    # Mon May 4, Labour Day holiday (May 1-5 off). May 4 + 15 = Tue May 19 (day 1 Tue May
    # 5), an ordinary working Tuesday: no roll. Due Tue May 19 23:59:59.
    decision = run(bocom, received_at="2026-05-04T15:00:00+08:00", channel="监管部门")
    assert decision.channel.id == "forwarded_regulator"
    deadline = baseline_deadline(decision)
    assert deadline.id == "decision_15d"
    assert deadline.due == due_on(2026, 5, 19)
    assert duties(decision, "accepts") == {
        ("general_office", "三、1"),
        ("corporate_culture_dept", "三、1"),
    }
    # Not the handling department: 辦公室及企化部對口回復.
    assert duties(decision, "replies") == {
        ("general_office", "二、3"),
        ("corporate_culture_dept", "二、3"),
    }
    assert "reply_by_handling_dept" not in matched(decision)
    assert "external_reply" in matched(decision)
    assert ("routing", "二、3") in gaps(decision)


def test_channel_without_a_named_unit(bocom: CompiledPolicy) -> None:
    # Mon Feb 16, Spring Festival (Feb 15-23 off).
    decision = run(bocom, received_at="2026-02-16T20:30:00+08:00", channel="交行網站留言板")
    assert duties(decision, "accepts") == {("accepting_depts", "一、2")}
    (gap,) = [g for g in decision.gaps if g.source.rule == "intake_unassigned_channels"]
    assert gap.about == "routing" and "附件1" in gap.text
    assert "cmd_review_and_forward" not in matched(decision)
    assert pending(decision) == BASELINE_PENDING


# --- typical, major, cross-department -----------------------------------------------


def test_major_complaint_brings_accountability_without_penalty(bocom: CompiledPolicy) -> None:
    # Fri Jun 19, Dragon Boat holiday (Jun 19-21 off). Jun 19 + 15 = Sat Jul 4 (June has 30
    # days: day 11 is Jun 30, day 15 Jul 4); a plain Saturday: rolls past Sun Jul 5 to Mon
    # Jul 6. Due Mon Jul 6 23:59:59. bocom's own "major" is not the baseline's 重大投訴.
    decision = run(
        bocom,
        received_at="2026-06-19T08:30:00+08:00",
        channel="新聞媒體",
        major=True,
        findings=[
            {"finding": "因工作不到位造成我行及客戶一定損失", "roles": ["相關人員"]},
            "reputation_damage",
        ],
    )
    deadline = baseline_deadline(decision)
    assert deadline.id == "decision_15d"
    assert deadline.due == due_on(2026, 7, 6)
    assert "major_complaint" not in matched(decision)
    subjects = ["related_depts", "related_units", "related_staff", "related_leaders"]
    got = {p.id: p for p in decision.penalties}
    assert set(got) == {"accountability_for_loss", "accountability_for_reputation"}
    for penalty in got.values():
        assert [s.id for s in penalty.subjects] == subjects
        assert (penalty.kind, penalty.per, penalty.occurrences) == ("none", "case", 1)
        assert penalty.min_yuan is None and penalty.max_yuan is None
        assert [(s.id, s.status) for s in penalty.sanctions] == [("accountability", "applies")]
        assert penalty.source.article == "三、3、(5)"
    assert ("complaint_mgmt_dept", "三、1") in duties(decision, "investigates")
    assert duties(decision, "decides") >= {
        ("complaint_mgmt_dept", "三、3、(5)"),
        ("related_depts", "三、3、(5)"),
    }
    assert action(decision, "propose_accountability") == (("complaint_mgmt_dept",), "三、1")
    reports = {(r.id, tuple(t.id for t in r.to)) for r in decision.reports}
    assert ("notice_typical_or_major", ("whole_bank",)) in reports
    assert ("typical_to_leaders", ("bank_leaders",)) not in reports
    assert ("penalty", "三、3、(5)") in gaps(decision)


def test_finding_without_major_complaint_brings_no_accountability(bocom: CompiledPolicy) -> None:
    decision = run(
        bocom,
        received_at="2026-06-22T08:30:00+08:00",
        channel="counter_branch",
        needs_head_office=False,
        findings=["reputation_damage"],
    )
    assert decision.penalties == ()
    assert "major_accountability" not in matched(decision)


def test_typical_complaint_is_reported_and_alerted(bocom: CompiledPolicy) -> None:
    decision = run(
        bocom,
        received_at="2026-09-20T10:00:00+08:00",  # Sun Sep 20, a make-up workday
        channel="email",
        typical=True,
    )
    reports = {(r.id, tuple(t.id for t in r.to), r.source.article) for r in decision.reports}
    assert {
        ("typical_to_leaders", ("bank_leaders",), "二、3"),
        ("typical_alert_bank", ("whole_bank",), "二、3"),
        ("notice_typical_or_major", ("whole_bank",), "三、3、(2)"),
    } <= reports
    assert action(decision, "platform_alert_typical") == ((), "三、2、(3)")
    assert decision.penalties == ()


def test_cross_department_and_rejected_opinion(bocom: CompiledPolicy) -> None:
    decision = run(
        bocom,
        received_at="2026-10-10T09:00:00+08:00",  # Sat Oct 10, a make-up workday
        channel="客戶聯系電子郵件",
        cross_department=True,
        customer_rejects_opinion=True,
    )
    assert duties(decision, "first_responsible") == {("first_responsible_dept", "二、3")}
    assert ("complaint_mgmt_dept", "二、3") in duties(decision, "decides")
    assert action(decision, "name_first_responsible") == (("complaint_mgmt_dept",), "二、3")
    assert action(decision, "rework") == (("handling_dept",), "二、3")


# --- what applies to every complaint ------------------------------------------------


def test_every_complaint_gets_supervision_reports_and_records(bocom: CompiledPolicy) -> None:
    decision = run(bocom, received_at="2026-07-01T09:00:00+08:00", channel="fax")
    assert matched(decision) >= ALWAYS
    assert ("complaint_mgmt_dept", "二、3") in duties(decision, "supervises")
    reports = {(r.id, tuple(t.id for t in r.to), r.frequency) for r in decision.reports}
    assert {
        ("result_to_cmd", ("complaint_mgmt_dept",), "once"),
        ("analysis_to_leaders", ("bank_leaders",), "periodic"),
        ("analysis_circular", ("service_quality_office", "depts_and_branches"), "periodic"),
        ("committee_briefing", ("service_quality_committee",), "periodic"),
        ("statistics_to_leaders", ("bank_leaders",), "periodic"),
    } <= reports
    assert all(r.due is None for r in decision.reports)
    assert {a.id for a in decision.actions} >= {
        "role_based_access",
        "confidential_records",
        "grade_complaint",
        "record_in_real_time",
        "periodic_inspection",
    }
    assert {(k.id, k.years, tuple(r.id for r in k.keeper)) for k in decision.retention} == {
        ("complaint_information", None, ("complaint_mgmt_dept",)),
        ("complaint_files", None, ("complaint_mgmt_dept",)),
    }
    (limit,) = [g for g in decision.gaps if g.about == "deadline" and g.source.policy == "bocom"]
    assert limit.text.startswith(NO_LIMIT)
    assert (limit.source.rule, limit.source.article) == ("no_time_limit", "三、3、(1)")
    # The baseline's own deadline gap: appraisal time is not left out of the count.
    (appraisal,) = [g for g in decision.gaps if g.source.policy == "cn_banking_baseline"]
    assert (appraisal.about, appraisal.source.rule) == ("deadline", "appraisal_time")


def test_severity_and_urgency_grades_decide_nothing(bocom: CompiledPolicy) -> None:
    base = {"received_at": "2026-07-01T09:00:00+08:00", "channel": "來電", "category": "general"}
    plain = decide(bocom, base)
    graded = decide(bocom, {**base, "severity": 3, "urgency": 1})
    assert graded.model_dump() == plain.model_dump()


def test_an_unpublished_year_needs_the_schedule_or_an_estimate(bocom: CompiledPolicy) -> None:
    # The baseline's 15 calendar days may roll, so the last day's year must be known.
    # Received Mon 2027-03-08 + 15 = Tue 2027-03-23 (day 1 Tue Mar 9; March has no weekday
    # holiday in the holidays package's estimate for 2027: Spring Festival is in February,
    # Qingming in April; Women's Day Mar 8 is no closure and is the date of receipt anyway).
    # 2027's schedule is not published: refused, or estimated as Mon-Fri minus the estimated
    # holidays, where Tue Mar 23 is a working day: no roll. Due Tue Mar 23 2027 23:59:59.
    complaint = {"received_at": "2027-03-08T09:00:00+08:00", "channel": "visit"}
    with pytest.raises(UnpublishedCalendarError, match="2027"):
        run(bocom, **complaint)
    decision = decide(bocom, {"category": "general", **complaint}, estimate=True)
    deadline = baseline_deadline(decision)
    assert deadline.id == "decision_15d"
    assert deadline.due == due_on(2027, 3, 23)
    assert deadline.estimated is True


def test_a_complex_case_gets_the_baseline_30_days(bocom: CompiledPolicy) -> None:
    # Wed Apr 1 + 30 calendar days = Fri May 1 (April has 30 days: day 29 is Apr 30, day 30
    # May 1), Labour Day; May 2-5 are off too (Sat, Sun, and the holiday to Tue May 5): rolls
    # to Wed May 6, a working day. Due Wed May 6 23:59:59.
    decision = run(
        bocom,
        received_at="2026-04-01T10:00:00+08:00",
        channel="柜面",
        needs_head_office=False,
        complex_case=True,
    )
    deadline = baseline_deadline(decision)
    assert (deadline.id, deadline.amount) == ("decision_30d", 30)
    assert deadline.due == due_on(2026, 5, 6)
    assert deadline.estimated is False
    assert "complex_extension" in matched(decision)
    assert "decision_within_15_days" not in matched(decision)
    assert action(decision, "tell_extension") == (("handling_institution",), "第十八條")
    assert [layer.id for layer in decision.policy.layers] == ["cn_banking_baseline", "bocom"]


# --- the policy as a whole ----------------------------------------------------------


def test_policy_sets_no_time_limit_of_its_own_and_says_what_it_encodes(
    bocom: CompiledPolicy,
) -> None:
    policy = bocom.policy
    own = [r.rule for r in bocom.rules if r.layer == "bocom"]
    assert all(rule.deadlines == () for rule in own)
    # Every deadline is inherited from the baseline's 第十八條.
    timed = {(r.rule.id, r.layer, r.rule.article) for r in bocom.rules if r.rule.deadlines}
    assert timed == {
        (rule, "cn_banking_baseline", "第十八條")
        for rule in (
            "decision_within_15_days",
            "complex_extension",
            "further_extension",
            "new_facts_restart",
        )
    }
    # The baseline's rules come first, then bocom's.
    layers = [r.layer for r in bocom.rules]
    assert layers == sorted(layers, key=lambda layer: layer != "cn_banking_baseline")
    assert [layer.id for layer in bocom.layers] == ["cn_banking_baseline", "bocom"]
    assert policy.parameters == ()
    (always,) = [r for r in policy.rules if r.id == "no_time_limit"]
    assert always.when is None
    assert [g.about for g in always.gaps] == ["deadline"]
    assert always.gaps[0].text.startswith(NO_LIMIT)
    assert text_in(always.gaps[0].text, "en").startswith(NO_LIMIT_EN)
    assert "建議的新流程" in policy.title and "PROPOSED" in text_in(policy.title, "en")
    assert "proposed process" in policy.defects[0]
    raw = (ROOT / "policies" / "bocom.yaml").read_text(encoding="utf-8")
    assert "PROPOSED process" in raw.split("schema:")[0]
    assert re.search(r"^extends: cn_banking_baseline$", raw, re.M)
    for n in range(1, 7):
        assert any(f"附件{n}" in d for d in policy.defects), n
        assert any(f"附件{n}" in (e.article + e.reason) for e in policy.not_encoded), n


def test_every_channel_of_the_source_is_declared(bocom: CompiledPolicy) -> None:
    spelled = {
        "客戶來函(信件)": "letter",
        "客戶來函(傳真件)": "fax",
        "來訪": "visit",
        "來電": "call",
        "95559客服熱線": "hotline_95559",
        "800-988-8888卡中心客客服熱線": "card_hotline",
        "交行網站留言板": "website_board",
        "網銀在線服務": "online_banking",
        "客戶聯系電子郵件": "email",
        "客戶在柜面或向分支行提出投訴": "counter_branch",
        "上級部門": "forwarded_superior",
        "監管部門": "forwarded_regulator",
        "新聞媒體": "forwarded_media",
        "消保委": "forwarded_consumer_council",
        "外單位": "forwarded_other_external",
    }
    assert {t.id for t in bocom.policy.vocabulary.channels} == set(spelled.values())
    for label, channel_id in spelled.items():
        found = bocom.channels.find(label)
        assert found is not None and found.id == channel_id, label


class NotInSource(LookupError):
    """An article that the source text does not have."""


def _one(starts: list[int], article: str) -> int:
    if len(starts) != 1:
        raise NotInSource(f"{article}: found {len(starts)} times")
    return starts[0]


def _locate(article: str) -> str:
    """The passage of the source that an article such as 一、3 or 三、2、(1) names."""
    m = re.fullmatch(r"([一二三四五六七八九十])、(?:(\d+)(?:、\((\d+)\))?)?", article)
    if m is None:
        raise NotInSource(f"not an article of this source: {article!r}")
    part, item, sub = m.groups()
    heads = list(re.finditer(r"^([一二三四五六七八九十])、", SOURCE, re.M))
    start = _one([h.start() for h in heads if h.group(1) == part], article)
    later = [h.start() for h in heads if h.start() > start]
    span = SOURCE[start : later[0] if later else len(SOURCE)]
    if item is None:
        return span
    items = list(re.finditer(r"^(\d+)、", span, re.M))
    begin = _one([i.start() for i in items if i.group(1) == item], article)
    after = [i.start() for i in items if i.start() > begin]
    span = span[begin : after[0] if after else len(span)]
    if sub is None:
        return span
    begin = _one([i.start() for i in re.finditer(re.escape(f"({sub})"), span)], article)
    end = span.find(f"({int(sub) + 1})", begin)
    return span[begin : end if end != -1 else len(span)]


def test_article_locator() -> None:
    assert "《工單》" in _locate("一、3")
    assert "責任追究" in _locate("三、3、(5)")
    assert "緊急程度分級" in _locate("三、2、(1)")
    assert "緊急程度分級" not in _locate("三、2、(2)")
    assert "第一責任部門" in _locate("二、3")
    with pytest.raises(NotInSource, match="found 0 times"):
        _locate("二、3、(1)")
    with pytest.raises(NotInSource, match="found 0 times"):
        _locate("四、1")
    with pytest.raises(NotInSource, match="not an article"):
        _locate("第三條")


def _articles(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["article"]] if isinstance(node.get("article"), str) else []
        return found + [a for value in node.values() for a in _articles(value)]
    if isinstance(node, list):
        return [a for value in node for a in _articles(value)]
    return []


def test_every_article_cited_is_in_the_source(bocom: CompiledPolicy) -> None:
    # bocom's own file; the merged policy also holds the baseline's articles (第十八條 ...),
    # which cite the national rules, not this source.
    raw = (ROOT / "policies" / "bocom.yaml").read_text(encoding="utf-8")
    articles = _articles(read_yaml(raw, file="bocom.yaml").data)
    assert len(articles) > 100
    for article in articles:
        for each in article.split(", "):  # a conflict cites the articles that disagree
            _locate(each.split(" ")[0])
    for compiled in bocom.rules:
        rule = compiled.rule
        if compiled.layer == "bocom" and rule.quote is not None:
            assert rule.quote in _locate(rule.article), rule.id


def test_examples_decide(bocom: CompiledPolicy) -> None:
    examples = json.loads(
        (ROOT / "examples" / "complaints" / "bocom.json").read_text(encoding="utf-8")
    )
    assert len(examples) == 3
    decisions = [decide(bocom, example) for example in examples]
    # The baseline's 15 calendar days, by hand:
    # Wed Sep 30 + 15 = Thu Oct 15, a working day (National Day ended Oct 7).
    # Sat Oct 3 + 15 = Sun Oct 18, a plain Sunday: rolls to Mon Oct 19.
    # Thu Feb 12 + 15 = Fri Feb 27, a working day (the festival ended Feb 23).
    deadlines = [baseline_deadline(d) for d in decisions]
    assert [(d.id, d.due) for d in deadlines] == [
        ("decision_15d", due_on(2026, 10, 15)),
        ("decision_15d", due_on(2026, 10, 19)),
        ("decision_15d", due_on(2026, 2, 27)),
    ]
    assert [d.channel.id for d in decisions] == ["hotline_95559", "card_hotline", "forwarded_media"]
