"""酒店賓客投訴處理管理辦法: decisions worked out by hand from the source and the 2026 schedule.

The source (docs/sources/5-hotel.txt) sets these time limits:
- 三、4、1): 5 minutes to reach the scene after receiving the report or notice;
- 三、4、2): 5 minutes after finishing to report the result to the superior who assigned;
- 三、4、3): a guest still in house: by the time the guest asked for, or before departure;
- 三、4、4): a guest who has left: 3 working days from acceptance;
- 四、2、10): managers reach the scene within 5 minutes of a subordinate's report.

2026 official schedule (State Council notice): New Year Jan 1-3 off, Sun Jan 4 workday;
Spring Festival Feb 15-23 off, Sat Feb 14 and Sat Feb 28 workdays; Qingming Apr 4-6 off;
Labour Day May 1-5 off, Sat May 9 workday; Dragon Boat Jun 19-21 off; Mid-Autumn Sep 25-27
off; National Day Oct 1-7 off, Sun Sep 20 and Sat Oct 10 workdays.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest

from complaint_rules import (
    Catalog,
    CompiledPolicy,
    ComplaintError,
    UnpublishedCalendarError,
    load_policy_text,
)
from complaint_rules.decision.model import DecidedDeadline, DecidedDue, Decision
from complaint_rules.policy.model import ELEMENT_KINDS
from tests.support import ROOT
from tests.support.deciders import decide
from tests.support.local_time import CST, due_at, due_on

pytestmark = pytest.mark.usefixtures("decider")  # the fast engine, then the reference

SOURCE = ROOT / "docs" / "sources" / "5-hotel.txt"
POLICY_FILE = ROOT / "policies" / "hotel.yaml"


@pytest.fixture(scope="module")
def hotel(catalog: Catalog) -> CompiledPolicy:
    return catalog.load("hotel")


def at(y: int, mo: int, d: int, h: int, mi: int, s: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, s, tzinfo=CST)


def run(policy: CompiledPolicy, **fields: Any) -> Decision:
    base: dict[str, Any] = {
        "received_at": "2026-05-06T19:00:00+08:00",
        "channel": "oral",
        "category": "service",
        "level": "minor",
        "on_site_required": False,
        "valid_complaint": True,
    }
    return decide(policy, {**base, **fields})


def deadline(decision: Decision, deadline_id: str) -> DecidedDeadline:
    (found,) = [d for d in decision.deadlines if d.id == deadline_id]
    return found


def reports(decision: Decision) -> set[tuple[str, tuple[str, ...], tuple[str, ...], str]]:
    return {
        (r.id, tuple(b.id for b in r.by), tuple(t.id for t in r.to), r.source.article)
        for r in decision.reports
    }


def escalations(decision: Decision) -> set[tuple[str, tuple[str, ...], tuple[str, ...], str]]:
    return {
        (e.on, tuple(b.id for b in e.by), tuple(t.id for t in e.to), e.source.article)
        for e in decision.escalations
    }


# --- 三、4、4): a guest who has already left: 3 working days ------------------------------------


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # Wed Sep 30: Oct 1-7 off; Thu Oct 8 = 1, Fri Oct 9 = 2, Sat Oct 10 (make-up) = 3.
        ("2026-09-30T10:15:00+08:00", due_on(2026, 10, 10)),
        # Fri Feb 13: Sat Feb 14 (make-up) = 1; Feb 15-23 off; Tue 24 = 2, Wed 25 = 3.
        ("2026-02-13T21:00:00+08:00", due_on(2026, 2, 25)),
        # Thu May 7: Fri May 8 = 1, Sat May 9 (make-up) = 2, Mon May 11 = 3.
        ("2026-05-07T12:30:00+08:00", due_on(2026, 5, 11)),
        # Thu Sep 24: Sep 25-27 off (Mid-Autumn); Mon 28 = 1, Tue 29 = 2, Wed 30 = 3.
        ("2026-09-24T18:00:00+08:00", due_on(2026, 9, 30)),
        # Fri Jan 2 (a holiday): Sat Jan 3 off; Sun Jan 4 (make-up) = 1, Mon 5 = 2, Tue 6 = 3.
        ("2026-01-02T13:00:00+08:00", due_on(2026, 1, 6)),
        # Thu Jun 18: Jun 19-21 off (Dragon Boat); Mon 22 = 1, Tue 23 = 2, Wed 24 = 3.
        ("2026-06-18T20:00:00+08:00", due_on(2026, 6, 24)),
        # Thu Apr 2: Fri Apr 3 = 1; Apr 4-6 off (Qingming); Tue 7 = 2, Wed 8 = 3.
        ("2026-04-02T11:00:00+08:00", due_on(2026, 4, 8)),
        # Fri Mar 6, 23:30: Sat/Sun rest; Mon 9 = 1, Tue 10 = 2, Wed 11 = 3.
        ("2026-03-06T23:30:00+08:00", due_on(2026, 3, 11)),
        # 2026-09-30T16:30Z is Thu Oct 1 00:30 in Shanghai (a holiday): Oct 8 = 1, 9 = 2, 10 = 3.
        ("2026-09-30T16:30:00+00:00", due_on(2026, 10, 10)),
        # Sat Sep 19 (rest day): Sun Sep 20 (make-up) = 1, Mon 21 = 2, Tue 22 = 3.
        ("2026-09-19T09:00:00+08:00", due_on(2026, 9, 22)),
    ],
)
def test_departed_guest_has_three_working_days(
    hotel: CompiledPolicy, received: str, due: DecidedDue
) -> None:
    decision = run(
        hotel,
        received_at=received,
        channel="書面",
        category="衛生投訴",
        level="一般投訴",
        guest_departed=True,
    )
    limit = deadline(decision, "resolve_within_3_working_days")
    assert (limit.status, limit.unit, limit.amount, limit.due) == (
        "running",
        "working_days",
        3,
        due,
    )
    assert limit.source.article == "三、4、4)"
    assert "resolve_before_request_or_departure" not in {d.id for d in decision.deadlines}


def test_departed_guest_in_an_unpublished_year_is_refused_unless_estimated(
    hotel: CompiledPolicy,
) -> None:
    fields = {"received_at": "2027-03-01T10:00:00+08:00", "guest_departed": True}
    with pytest.raises(UnpublishedCalendarError):
        run(hotel, **fields)
    decision = decide(
        hotel,
        {
            **fields,
            "channel": "phone",
            "category": "service",
            "level": "minor",
            "on_site_required": False,
            "valid_complaint": True,
        },
        estimate=True,
    )
    # Mon Mar 1 2027 -> Tue 2 = 1, Wed 3 = 2, Thu 4 = 3 (no holiday in early March).
    limit = deadline(decision, "resolve_within_3_working_days")
    assert (limit.due, limit.estimated) == (due_on(2027, 3, 4), True)


# --- 三、4、3): a guest still in house ---------------------------------------------------------


def test_in_house_guest_ends_at_the_requested_time_if_earlier(hotel: CompiledPolicy) -> None:
    # Dinner complaint at 19:00; the guest wants an answer by 20:00 and leaves tomorrow noon.
    decision = run(
        hotel,
        guest_departed=False,
        requested_by="2026-05-06T20:00:00+08:00",
        departs_at="2026-05-07T12:00:00+08:00",
    )
    limit = deadline(decision, "resolve_before_request_or_departure")
    assert (limit.status, limit.unit, limit.due) == (
        "running",
        "until",
        due_at(at(2026, 5, 6, 20, 0)),
    )
    assert limit.source.article == "三、4、3)"
    assert "resolve_within_3_working_days" not in {d.id for d in decision.deadlines}


def test_in_house_guest_ends_at_departure_if_earlier(hotel: CompiledPolicy) -> None:
    # The guest checks out at 07:30 (given in UTC: 23:30Z the day before) and asked for a reply
    # by 10:00: the departure comes first.
    decision = run(
        hotel,
        received_at="2026-10-02T22:10:00+08:00",
        guest_departed=False,
        requested_by="2026-10-03T10:00:00+08:00",
        departs_at="2026-10-02T23:30:00+00:00",
    )
    assert deadline(decision, "resolve_before_request_or_departure").due == due_at(
        at(2026, 10, 3, 7, 30)
    )


def test_in_house_guest_without_times_waits_for_them(hotel: CompiledPolicy) -> None:
    decision = run(hotel, guest_departed=False)
    limit = deadline(decision, "resolve_before_request_or_departure")
    assert (limit.status, limit.due, limit.waiting_for) == (
        "needs_fact",
        None,
        ("requested_by", "departs_at"),
    )


def test_whether_the_guest_has_left_must_be_given(hotel: CompiledPolicy) -> None:
    decision = run(hotel)
    pending = {(p.source.rule, p.source.article, p.needs) for p in decision.pending_rules}
    assert ("in_house_guest_limit", "三、4、3)", ("guest_departed",)) in pending
    assert ("departed_guest_limit", "三、4、4)", ("guest_departed",)) in pending
    ids = {d.id for d in decision.deadlines}
    assert not ids & {"resolve_before_request_or_departure", "resolve_within_3_working_days"}


# --- 5-minute limits (三、4、1), 三、4、2), 四、2、10)) ---


def test_minor_on_site_complaint_five_minute_arrivals(hotel: CompiledPolicy) -> None:
    # Slow dishes at table 12: the floor manager is told at 19:02; 19:02 + 5 min = 19:07.
    decision = run(
        hotel,
        on_site_required=True,
        notified_at="2026-05-06T19:02:00+08:00",
        guest_departed=False,
        requested_by="2026-05-06T20:00:00+08:00",
    )
    center = deadline(decision, "center_on_scene")
    manager = deadline(decision, "manager_on_scene")
    assert (center.unit, center.amount, center.started_at, center.due) == (
        "minutes",
        5,
        at(2026, 5, 6, 19, 2),
        due_at(at(2026, 5, 6, 19, 7)),
    )
    assert center.source.article == "三、4、1)"
    assert manager.due == due_at(at(2026, 5, 6, 19, 7))
    assert manager.source.article == "四、2、10)"
    # The minor-complaint workflow: the responsible department handles it (三、3、3)).
    handles = {(a.role.id, a.source.article) for a in decision.routing if a.duty == "handles"}
    assert ("responsible_dept", "三、3、3)") in handles
    assert "lobby_manager" not in {r for r, art in handles if art == "三、3、4)"}


def test_five_minutes_run_across_midnight_and_holidays(hotel: CompiledPolicy) -> None:
    # Notified 23:58 on Wed Sep 30; elapsed minutes ignore the National Day holiday:
    # 23:58 + 5 min = Thu Oct 1 00:03.
    decision = run(
        hotel,
        received_at="2026-09-30T23:55:00+08:00",
        on_site_required=True,
        notified_at="2026-09-30T23:58:00+08:00",
    )
    assert deadline(decision, "center_on_scene").due == due_at(at(2026, 10, 1, 0, 3))
    assert deadline(decision, "manager_on_scene").due == due_at(at(2026, 10, 1, 0, 3))


def test_arrival_deadline_waits_for_the_notice(hotel: CompiledPolicy) -> None:
    decision = run(hotel, on_site_required=True)
    center = deadline(decision, "center_on_scene")
    assert (center.status, center.due, center.waiting_for) == (
        "not_started",
        None,
        ("notified_at",),
    )


def test_no_on_site_arrival_when_none_is_needed(hotel: CompiledPolicy) -> None:
    decision = run(hotel, on_site_required=False, notified_at="2026-05-06T19:02:00+08:00")
    assert "center_on_scene" not in {d.id for d in decision.deadlines}
    # Whether on-site handling is needed cannot be assumed.
    unknown = decide(
        hotel,
        {
            "received_at": "2026-05-06T19:00:00+08:00",
            "channel": "oral",
            "category": "service",
            "level": "minor",
        },
    )
    pending = {(p.source.rule, p.needs) for p in unknown.pending_rules}
    assert ("on_scene_within_5_minutes", ("on_site_required",)) in pending


def test_assigned_handler_reports_within_five_minutes_of_finishing(hotel: CompiledPolicy) -> None:
    # Dragon Boat holiday evening; the handler the deputy GM sent finishes at 21:58 -> 22:03.
    decision = run(
        hotel,
        received_at="2026-06-19T21:30:00+08:00",
        assigned_by_superior=True,
        handling_finished_at="2026-06-19T21:58:00+08:00",
    )
    limit = deadline(decision, "report_result")
    assert (limit.started_at, limit.due, [b.id for b in limit.by]) == (
        at(2026, 6, 19, 21, 58),
        due_at(at(2026, 6, 19, 22, 3)),
        ["designated_staff"],
    )
    assert limit.source.article == "三、4、2)"
    assert ("result_to_superior", ("designated_staff",), ("superior_leader",), "三、4、2)") in (
        reports(decision)
    )
    assert "report_result" not in {d.id for d in run(hotel).deadlines}


# --- the level is input (三、3、2)) and decides the workflow ------------------------------------


def test_level_is_required_input(hotel: CompiledPolicy) -> None:
    assert hotel.level_order == ("minor", "general", "major")
    with pytest.raises(ComplaintError) as info:
        decide(
            hotel,
            {"received_at": "2026-05-06T19:00:00+08:00", "channel": "oral", "category": "service"},
        )
    (problem,) = info.value.problems
    assert str(problem).startswith("<input>: level: missing")


def test_general_complaint_is_handled_by_the_lobby_manager(hotel: CompiledPolicy) -> None:
    decision = run(hotel, level="一般性投訴", category="hygiene", guest_departed=True)
    assert decision.level is not None and (decision.level.id, decision.level.how) == (
        "general",
        "input",
    )
    routing = {(a.duty, a.role.id, a.source.article) for a in decision.routing}
    assert ("handles", "lobby_manager", "三、3、4)") in routing
    assert ("assists", "related_depts", "三、3、4)") in routing
    assert ("handles", "responsible_dept", "三、3、3)") not in routing
    assert decision.reports == ()
    # 四、2、9): still dissatisfied or beyond authority -> up level by level.
    assert escalations(decision) >= {
        ("guest_still_dissatisfied", ("receiver",), ("next_level_manager",), "四、2、9)"),
        ("beyond_authority", ("receiver",), ("next_level_manager",), "四、2、9)"),
        ("beyond_authority", ("floor_manager",), ("restaurant_deputy_gm",), "三、2、2)"),
    }


def test_major_complaint_reports_to_both_sets_of_people_and_notes_the_conflict(
    hotel: CompiledPolicy,
) -> None:
    # A guest's wedding banquet was served spoiled seafood; the floor manager judges it 重大.
    decision = run(
        hotel,
        level="重大投诉",
        category="服务投诉",
        guest_departed=False,
        departs_at="2026-05-07T12:00:00+08:00",
    )
    assert reports(decision) == {
        ("center_reports_to_company", ("complaint_center",), ("company",), "三、1"),
        ("gm_submits_plan", ("general_manager",), ("company",), "三、2、5)"),
        ("major_notify_floor_supervisor", ("floor_manager",), ("floor_supervisor",), "三、3、6)"),
        ("major_report_deputy_gm", ("floor_manager",), ("restaurant_deputy_gm",), "三、3、6)"),
        (
            "major_report_operations_director",
            ("floor_supervisor", "floor_manager"),
            ("operations_director",),
            "四、3、1)",
        ),
    }
    conflict = [g for g in decision.gaps if g.source.article == "三、3、6)"]
    assert len(conflict) == 1 and conflict[0].about == "routing"
    assert "四、3、1)" in conflict[0].text
    assert escalations(decision) >= {
        ("serious_circumstances", (), ("general_manager",), "四、3、3)"),
        ("beyond_authority", ("restaurant_deputy_gm",), ("general_manager",), "三、2、4)"),
        ("beyond_authority", (), ("resident_gm",), "四、3、8)"),
        ("large_amount_or_impact", (), ("general_manager",), "四、3、8)"),
    }
    routing = {(a.duty, a.role.id, a.source.article) for a in decision.routing}
    assert ("handles", "restaurant_deputy_gm", "三、2、4)") in routing
    assert ("decides", "general_manager", "三、2、5)") in routing
    # The minor/general flow (四、2) does not apply: no manager 5-minute rule, no 四、2 actions.
    assert not [a for a in decision.actions if a.source.article.startswith("四、2")]
    assert "manager_on_scene" not in {d.id for d in decision.deadlines}
    # The deputy GM apologises in person (四、3、2)).
    assert ("deputy_gm_apologises", "四、3、2)") in {
        (a.id, a.source.article) for a in decision.actions
    }


def test_major_injury_and_damage_bring_rescue_and_security(hotel: CompiledPolicy) -> None:
    # A guest slips on a wet floor by the buffet and breaks her phone; staff alerted at 21:41,
    # so the center must be on the scene by 21:46.
    decision = run(
        hotel,
        received_at="2026-06-19T21:40:00+08:00",
        channel="當面投訴",
        category="賠償投訴",
        level="重大投訴",
        on_site_required=True,
        notified_at="2026-06-19T21:41:00+08:00",
        personal_injury=True,
        property_damage=True,
    )
    actions = {(a.id, a.source.article) for a in decision.actions}
    assert {
        ("organise_rescue", "四、3、4)"),
        ("contact_120", "四、3、4)"),
        ("staff_accompany", "四、3、4)"),
        ("security_protects_scene", "四、3、5)"),
    } <= actions
    assert ("assists", "security_dept", "四、3、5)") in {
        (a.duty, a.role.id, a.source.article) for a in decision.routing
    }
    assert deadline(decision, "center_on_scene").due == due_at(at(2026, 6, 19, 21, 46))
    assert not [g for g in decision.gaps if g.source.rule == "major_steps_for_lower_levels"]


def test_injury_in_a_minor_complaint_says_the_source_is_silent(hotel: CompiledPolicy) -> None:
    decision = run(hotel, personal_injury=True, guest_departed=False)
    assert "organise_rescue" not in {a.id for a in decision.actions}
    (gap,) = [g for g in decision.gaps if g.source.rule == "major_steps_for_lower_levels"]
    assert (gap.about, gap.source.article) == ("routing", "四、3")
    assert "四、3、4)" in gap.text


def test_major_written_complaint_gets_a_written_reply_from_the_deputy_gm(
    hotel: CompiledPolicy,
) -> None:
    decision = run(hotel, level="major", channel="來函", guest_departed=True)
    assert ("replies", "restaurant_deputy_gm", "四、3、9)") in {
        (a.duty, a.role.id, a.source.article) for a in decision.routing
    }
    minor_letter = run(hotel, level="minor", channel="來函", guest_departed=True)
    assert "written_reply" not in {a.id for a in minor_letter.actions}


def test_complaint_made_to_a_department_goes_to_the_section_head(hotel: CompiledPolicy) -> None:
    decision = run(hotel, made_to_department=True, guest_departed=False)
    accepts = {(a.role.id, a.source.article) for a in decision.routing if a.duty == "accepts"}
    assert ("section_head", "三、2、1)") in accepts
    assert ("floor_manager", "三、2、2)") not in accepts
    assert (
        "beyond_authority",
        ("dept_first_responsible",),
        ("operations_director",),
        "三、2、1)",
    ) in escalations(decision)


def test_apology_request_and_other_departments_matters(hotel: CompiledPolicy) -> None:
    decision = run(hotel, level="general", apology_requested=True, outside_department_scope=True)
    (apology,) = [a for a in decision.actions if a.id == "manager_apologises"]
    assert ([b.id for b in apology.by], apology.source.article) == (
        ["manager_or_above"],
        "四、2、5)",
    )
    assert ("to_counterpart_dept", ("receiver",), ("counterpart_dept_manager",), "四、2、6)") in (
        reports(decision)
    )


def test_validity_must_be_judged(hotel: CompiledPolicy) -> None:
    invalid = run(hotel, valid_complaint=False, guest_departed=False)
    assert "explain_invalid" in {a.id for a in invalid.actions}
    assert "handle_on_the_spot" not in {a.id for a in invalid.actions}
    unjudged = decide(
        hotel,
        {
            "received_at": "2026-05-06T19:00:00+08:00",
            "channel": "oral",
            "category": "service",
            "level": "minor",
            "on_site_required": False,
            "guest_departed": False,
        },
    )
    pending = {(p.source.rule, p.needs) for p in unjudged.pending_rules}
    assert pending == {
        ("invalid_complaint", ("valid_complaint",)),
        ("valid_complaint", ("valid_complaint",)),
    }


# --- 五: handling standards per type ---------------------------------------------------------


def test_lost_property_not_found_and_guest_declines_police(hotel: CompiledPolicy) -> None:
    # A guest lost a scarf in the private room; it was not found and she does not want to
    # report it to the police.
    decision = run(
        hotel,
        category="報失投訴",
        guest_departed=False,
        item_not_found=True,
        guest_agrees_to_report=False,
    )
    actions = {a.id for a in decision.actions if a.source.article == "五、4、3)"}
    assert actions == {"lp_suggest_report", "lp_explain_and_close"}
    (keep,) = decision.retention
    assert (keep.years, keep.source.article) == (None, "五、4、4)")
    assert ("retention", "五、4、4)") in {(g.about, g.source.article) for g in decision.gaps}


def test_lost_property_guest_agrees_to_report(hotel: CompiledPolicy) -> None:
    decision = run(
        hotel,
        category="lost_property",
        guest_departed=True,
        item_not_found=True,
        guest_agrees_to_report=True,
    )
    actions = {a.id for a in decision.actions if a.source.article == "五、4、3)"}
    assert actions == {"lp_suggest_report", "lp_help_call_police"}


def test_lost_property_search_outcome_must_be_given(hotel: CompiledPolicy) -> None:
    decision = run(hotel, category="lost_property", guest_departed=True)
    pending = {(p.source.rule, p.needs) for p in decision.pending_rules}
    assert pending == {
        ("lost_item_not_found", ("item_not_found",)),
        ("lost_guest_declines_report", ("guest_agrees_to_report", "item_not_found")),
        ("lost_guest_agrees_report", ("guest_agrees_to_report", "item_not_found")),
    }


def test_lost_cash_is_not_compensated_in_principle(hotel: CompiledPolicy) -> None:
    decision = run(hotel, category="compensation", cash_lost=True, guest_departed=True)
    assert ("cp_no_cash_compensation", "五、5、6)") in {
        (a.id, a.source.article) for a in decision.actions
    }


# --- 六: compensation authority is blank ------------------------------------------------------


def test_compensation_authority_is_not_configured(hotel: CompiledPolicy) -> None:
    # A broken phone, 2800 yuan claimed; the deputy GM's and resident GM's limits are blank.
    decision = run(
        hotel,
        category="賠償投訴",
        level="major",
        guest_departed=False,
        compensation_yuan="2800",
        findings=["屬于餐廳責任", "客人利益確實受到損失"],
    )
    (approval,) = decision.approvals
    assert (approval.amount_yuan, approval.approver, approval.configured) == (
        Decimal("2800"),
        (),
        False,
    )
    # No approver can be named, but the chain is the source's: 餐廳副總經理 (六、1, a daily
    # limit) → 駐店總經理 (六、2) → above them, 公司總經理 (上報公司總經理批準).
    assert [(t.role.id, t.limit_yuan, t.configured, t.earlier_total) for t in approval.tiers] == [
        ("restaurant_deputy_gm", None, False, "deputy_gm_waived_today_yuan"),
        ("resident_gm", None, False, None),
    ]
    assert [r.id for r in approval.above] == ["company_gm"]
    assert approval.waiting_for == ()
    assert approval.source.article == "六"
    amount_gaps = {g.source.article for g in decision.gaps if g.about == "amount"}
    assert "六、1" in amount_gaps
    actions = {(a.id, a.source.article) for a in decision.actions}
    assert {("cp_limit_loss", "五、5、3)"), ("cp_compensate", "五、5、4)")} <= actions
    # Without an amount there is nothing to approve.
    assert run(hotel, category="compensation", guest_departed=True).approvals == ()


def configured_hotel() -> CompiledPolicy:
    """The hotel with the institution's limits set: 餐廳副總經理 500 a day, 駐店總經理 3000."""
    text = POLICY_FILE.read_text(encoding="utf-8")
    for param, value in (("deputy_gm_daily_waiver_yuan", 500), ("resident_gm_limit_yuan", 3000)):
        marker = f"  - id: {param}\n    type: money\n"
        assert marker in text
        text = text.replace(marker, f"{marker}    value: {value}\n")
    return load_policy_text(text)


@pytest.mark.parametrize(
    ("amount", "earlier", "approver", "total"),
    [
        ("300", "0", "restaurant_deputy_gm", "300"),  # within the deputy GM's 500 a day
        ("500", "0", "restaurant_deputy_gm", "500"),  # at the limit
        ("300", "200", "restaurant_deputy_gm", "500"),  # 300 + 200 earlier today: at it
        ("300", "200.01", "resident_gm", "500.01"),  # the day's total is over 500
        ("500.01", "0", "resident_gm", "500.01"),  # above it, within the resident GM's 3000
        ("3000", "0", "resident_gm", "3000"),
        ("3000", "2999", "resident_gm", "5999"),  # 駐店總經理's limit is not daily
        ("3001", "0", "company_gm", "3001"),  # 上報公司總經理批準 (六、2)
    ],
)
def test_tiers_once_the_institution_sets_the_limits(
    amount: str, earlier: str, approver: str, total: str
) -> None:
    decision = run(
        configured_hotel(),
        compensation_yuan=amount,
        deputy_gm_waived_today_yuan=earlier,
        guest_departed=True,
    )
    (approval,) = decision.approvals
    assert approval.configured is True and approval.waiting_for == ()
    assert [a.id for a in approval.approver] == [approver]
    daily, resident = approval.tiers
    assert (daily.limit_yuan, daily.total_yuan) == (Decimal(500), Decimal(total))
    assert (resident.limit_yuan, resident.total_yuan) == (Decimal(3000), None)


@pytest.mark.parametrize(
    ("amount", "approver", "waiting_for"),
    [
        # Within 500 alone: whether the day's total is too depends on what was waived earlier.
        ("300", [], ["deputy_gm_waived_today_yuan"]),
        ("500", [], ["deputy_gm_waived_today_yuan"]),
        # Over 500 alone: over it whatever was waived earlier (never negative).
        ("500.01", ["resident_gm"], []),
        ("3001", ["company_gm"], []),
    ],
)
def test_a_daily_limit_waits_for_the_days_earlier_total_only_where_it_matters(
    amount: str, approver: list[str], waiting_for: list[str]
) -> None:
    decision = run(configured_hotel(), compensation_yuan=amount, guest_departed=True)
    (approval,) = decision.approvals
    assert [a.id for a in approval.approver] == approver
    assert list(approval.waiting_for) == waiting_for
    assert approval.configured is True
    assert approval.tiers[0].total_yuan is None


# --- 七: management rules ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("finding", "subject", "sanction", "article"),
    [
        ("處理或報告不及時", "all_staff", "per_rules", "七、1"),
        ("manager_failure", "hotel_managers", "serious_fault", "七、2"),
        ("no_remedy_or_report", "receiver", "serious_fault", "七、3"),
        ("attitude_complaint_verified", "receiver", "per_rules", "七、5"),
        ("prevention_not_done", "responsible_dept", "per_rules", "七、6"),
    ],
)
def test_management_findings_bring_penalties_without_amounts(
    hotel: CompiledPolicy, finding: str, subject: str, sanction: str, article: str
) -> None:
    decision = run(hotel, guest_departed=True, findings=[finding])
    (penalty,) = decision.penalties
    assert penalty.source.article == article
    assert [s.id for s in penalty.subjects] == [subject]
    assert [(s.id, s.status) for s in penalty.sanctions] == [(sanction, "applies")]
    assert (penalty.kind, penalty.min_yuan, penalty.max_yuan) == ("none", None, None)


def test_the_loss_of_a_decision_beyond_authority_is_the_hotels_loss_as_given(
    hotel: CompiledPolicy,
) -> None:
    # 七、4: a receiver promised a free banquet (beyond authority); the host puts the hotel's
    # loss at 1,280 yuan, which the receiver bears, once.
    decision = run(
        hotel, guest_departed=True, findings=["做出權限範圍之外的處理決定"], hotel_loss_yuan=1280
    )
    (penalty,) = decision.penalties
    assert (penalty.id, penalty.source.article) == ("bear_loss_penalty", "七、4")
    assert [s.id for s in penalty.subjects] == ["receiver"]
    assert (penalty.kind, penalty.per, penalty.sanctions) == ("compensation", "case", ())
    assert (penalty.min_yuan, penalty.total_max_yuan) == (Decimal(1280), Decimal(1280))
    # Not given yet: the amount waits for it.
    waiting = run(hotel, guest_departed=True, findings=["decision_beyond_authority"])
    (penalty,) = waiting.penalties
    assert (penalty.min_yuan, penalty.total_max_yuan) == (None, None)
    assert penalty.waiting_for == ("hotel_loss_yuan",)


def test_department_fault_sends_the_report_copy(hotel: CompiledPolicy) -> None:
    decision = run(hotel, guest_departed=True, findings=["責任部門主觀過錯"])
    actions = {(a.id, a.source.article) for a in decision.actions}
    assert {("send_report_copy", "三、3、5)"), ("dept_prevention", "三、3、5)")} <= actions
    assert decision.penalties == ()


# --- fidelity to the source text --------------------------------------------------------------

_CHAPTER = re.compile(r"^([一二三四五六七八九十]+)[、.]", re.MULTILINE)


def _resolve(text: str, article: str) -> bool:
    """Whether ``article`` (e.g. 三、4、3)) names a chapter, section and item in ``text``."""
    parts = article.split("、")
    heads = list(_CHAPTER.finditer(text))
    chapters = {
        m.group(1): (m.start(), heads[i + 1].start() if i + 1 < len(heads) else len(text))
        for i, m in enumerate(heads)
    }
    if parts[0] not in chapters:
        return False
    start, end = chapters[parts[0]]
    body = text[start:end]
    if len(parts) == 1:
        return True
    sections = list(re.finditer(r"^(\d+)、", body, re.MULTILINE))
    wanted = [i for i, m in enumerate(sections) if m.group(1) == parts[1]]
    if len(wanted) != 1:
        return False
    i = wanted[0]
    section = body[sections[i].start() : sections[i + 1].start() if i + 1 < len(sections) else None]
    if len(parts) == 2:
        return True
    item = re.fullmatch(r"(\d+)\)", parts[2])
    return (
        item is not None
        and len(parts) == 3
        and (re.search(rf"(?<!\d){item.group(1)}\)", section) is not None)
    )


def _cited(policy: CompiledPolicy) -> list[str]:
    p = policy.policy
    out = [r.article for r in p.rules]
    for rule in p.rules:
        for kind in ("routing", *ELEMENT_KINDS, "gaps"):
            out += [e.article for e in getattr(rule, kind) if e.article is not None]
    vocab = p.vocabulary
    for kind in type(vocab).model_fields:
        out += [t.article for t in getattr(vocab, kind) if t.article is not None]
    out += [f.article for f in p.facts if f.article is not None]
    out += [x.article for x in p.parameters if x.article is not None]
    out += [n.article.split(" ")[0] for n in p.not_encoded]
    return out


def test_every_cited_article_is_in_the_source(hotel: CompiledPolicy) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    cited = _cited(hotel)
    assert len(cited) > 150
    missing = sorted({a for a in cited if not _resolve(text, a)})
    assert missing == []


def test_the_resolver_finds_real_items_and_rejects_the_missing_one() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    for real in (
        "一、3",
        "二、2、3)",
        "三、2、4)",
        "三、4、4)",
        "四、3、13)",
        "五、6、3)",
        "六",
        "七、6",
    ):
        assert _resolve(text, real), real
    # 三、2 jumps from 2) to 4) (a defect of the source); 四、3 has no 14); there is no 九.
    for absent in ("三、2、3)", "四、3、14)", "九", "六、3", "五、3、4)"):
        assert not _resolve(text, absent), absent


def test_defects_are_recorded(hotel: CompiledPolicy) -> None:
    defects = " ".join(hotel.policy.defects)
    for needle in ("六、1", "六、2", "item 3) is missing", "三、3、6)", "四、3、1)", "三."):
        assert needle in defects, needle
    params = {p.id: (p.type, p.value, p.article) for p in hotel.policy.parameters}
    assert params == {
        "deputy_gm_daily_waiver_yuan": ("money", None, "六、1"),
        "resident_gm_limit_yuan": ("money", None, "六、2"),
    }


def test_vocabulary_labels_are_as_written(hotel: CompiledPolicy) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    vocab = hotel.policy.vocabulary
    for kind in ("roles", "categories", "levels", "sanctions"):
        for term in getattr(vocab, kind):
            assert term.label in text, (kind, term.label)
    assert [t.label for t in vocab.levels] == ["輕微投訴", "一般投訴", "重大投訴"]
    assert [t.label for t in vocab.categories] == [
        "硬件投訴",
        "服務投訴",
        "衛生投訴",
        "報失投訴",
        "賠償投訴",
        "突發事故投訴",
    ]
