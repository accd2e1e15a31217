"""交通銀行 over a case's life: the national baseline's decision clock (第十八條: 15
calendar days, extended to 30 and, with approval, 60; appraisal time left out; new facts
restart it), the send-back and the 卡中心 tiers of 一、3, and the 催辦 it leaves untimed.

Calendar days roll off rest days (民法典 Art. 203). Received Wed Sep 16 2026: day 15 is
Thu Oct 1 (National Day, Oct 1-7 off), so the decision is due Thu Oct 8 23:59:59.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from complaint_rules import Catalog, CompiledPolicy, ComplaintError
from complaint_rules.lifecycle.case import status
from complaint_rules.lifecycle.status import CaseStatus, ClockStatus
from tests.support.local_time import CST, due_on
from tests.support.reasons import every_reason_said

# Every reason an event is rejected with here is worded in each language.
pytestmark = pytest.mark.usefixtures(every_reason_said.__name__)

TICK = timedelta(microseconds=1)
HOTLINE = {"channel": "95559", "category": "general", "needs_head_office": False}


@pytest.fixture(scope="module")
def bocom(catalog: Catalog) -> CompiledPolicy:
    return catalog.load("bocom")


def at(month: int, day: int, hour: int = 0) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=CST)


def ev(name: str, when: datetime, **data: Any) -> dict[str, Any]:
    return {"event": name, "at": when.isoformat(), **data}


RECEIVED = ev("received", at(9, 16, 10), complaint={**HOTLINE, "cannot_resolve_directly": True})


def decision(result: CaseStatus) -> ClockStatus:
    (found,) = result.clocks
    assert found.id == "decision"
    return found


def reasons(result: CaseStatus) -> list[tuple[int, str]]:
    return [(r.index, r.reason) for r in result.rejected]


def test_the_decision_clock_comes_from_the_baseline_layer(bocom: CompiledPolicy) -> None:
    clock = decision(status(bocom, [RECEIVED], at(9, 17)))
    assert (clock.state, clock.unit, clock.amount, clock.due) == (
        "running",
        "calendar_days",
        15,
        due_on(2026, 10, 8),
    )
    assert clock.source.model_dump() == {
        "rule": "lifecycle",
        "article": "第十八條",
        "policy": "cn_banking_baseline",
        "verification": "secondary",
    }


def test_two_extension_steps_each_by_a_role_with_that_authority(bocom: CompiledPolicy) -> None:
    events = [
        RECEIVED,
        ev("extended", at(9, 20, 10), by="投訴處理機構"),
        ev("extended", at(9, 21, 10), by="handling_institution"),
        ev("extended", at(9, 21, 11), by="總行高級管理人員"),
        ev("extended", at(9, 22, 11), by="superior_institution"),
    ]
    first = decision(status(bocom, events[:2], at(9, 20, 11)))
    # Sep 16 + 30 = Fri Oct 16, a working day.
    assert (first.amount, first.due) == (30, due_on(2026, 10, 16))
    result = status(bocom, events, at(9, 23))
    # Sep 16 + 60 = Sun Nov 15: rolled to Mon Nov 16.
    assert (decision(result).amount, decision(result).due) == (60, due_on(2026, 11, 16))
    assert [(e.id, e.by.id) for e in decision(result).extensions] == [
        ("complex_30", "handling_institution"),
        ("further_60", "head_office_senior_manager"),
    ]
    assert reasons(result) == [
        (
            2,
            "role 'handling_institution' has no authority to approve extension 'further_60' of "
            "clock 'decision'; allowed: superior_institution, head_office_senior_manager",
        ),
        (
            4,
            "past the maximum: clock 'decision' was already extended to 60 calendar days "
            "(further_60), the most 第十八條 allows",
        ),
    ]
    # Telling the complainant is owed for each step, from the rules of 第十八條.
    assert [(o.id, o.since, o.source.policy) for o in result.owed] == [
        ("tell_extension", at(9, 20, 10), "cn_banking_baseline"),
        ("tell_further_extension", at(9, 21, 11), "cn_banking_baseline"),
    ]


def test_appraisal_time_is_left_out_across_national_day(bocom: CompiledPolicy) -> None:
    # Sep 17 counts (day 1); Sep 18-30 are left out; 14 days from Sep 30: Wed Oct 14.
    events = [
        RECEIVED,
        ev("appraisal_started", at(9, 17, 10)),
        ev("appraisal_ended", at(9, 30, 16)),
    ]
    paused = status(bocom, events[:2], at(9, 25))
    assert (decision(paused).state, decision(paused).due) == ("paused", None)
    assert [o.id for o in paused.owed] == ["tell_appraisal_excluded"]
    resumed = decision(status(bocom, events, at(9, 30, 17)))
    assert (resumed.state, resumed.due) == ("running", due_on(2026, 10, 14))
    assert resumed.used is not None and resumed.used.days == 1


def test_new_facts_restart_the_ordinary_period_and_extensions_start_over(
    bocom: CompiledPolicy,
) -> None:
    events = [
        RECEIVED,
        ev("extended", at(9, 20, 10), by="handling_institution"),
        ev("new_facts", at(10, 10, 9)),
    ]
    restarted = decision(status(bocom, events, at(10, 10, 10)))
    # Oct 10 + 15 = Sun Oct 25: rolled to Mon Oct 26.
    assert (restarted.started_at, restarted.amount, restarted.due) == (
        at(10, 10, 9),
        15,
        due_on(2026, 10, 26),
    )
    assert restarted.extensions == ()
    again = [*events, ev("extended", at(10, 12, 9), by="handling_institution")]
    # Oct 10 + 30 = Mon Nov 9.
    assert decision(status(bocom, again, at(10, 12, 10))).due == due_on(2026, 11, 9)


def test_a_withdrawal_stops_the_clock_and_a_repeat_changes_nothing(bocom: CompiledPolicy) -> None:
    repeat = decision(status(bocom, [RECEIVED, ev("repeated", at(9, 20))], at(9, 21)))
    assert (repeat.started_at, repeat.due) == (at(9, 16, 10), due_on(2026, 10, 8))
    result = status(bocom, [RECEIVED, ev("withdrawn", at(9, 20))], at(10, 20))
    assert (decision(result).state, decision(result).ended_by) == ("stopped", "withdrawn")
    assert result.escalations == () and result.next_change is None


def test_a_send_back_is_owed_each_time_the_opinion_is_not_up_to_requirements(
    bocom: CompiledPolicy,
) -> None:
    # 退回 is an action that follows the event and goes back to the 有關部門或分行, owed from
    # each opinion_not_compliant until done (not an escalation: nothing steps up).
    events = [RECEIVED, ev("opinion_not_compliant", at(9, 20))]
    result = status(bocom, events, at(9, 20, 1))
    assert result.escalations == ()
    (send_back,) = [o for o in result.owed if o.id == "send_back"]
    assert (send_back.kind, send_back.since, [r.id for r in send_back.to]) == (
        "action",
        at(9, 20),
        ["related_depts", "branches"],
    )
    assert (send_back.source.rule, send_back.source.article) == ("work_order", "一、3")
    answered = [*events, ev("done", at(9, 20, 2), duty="send_back")]
    assert "send_back" not in [o.id for o in status(bocom, answered, at(9, 21)).owed]
    again = [*answered, ev("opinion_not_compliant", at(9, 25))]
    owed = status(bocom, again, at(9, 25, 1)).owed
    assert [o.since for o in owed if o.id == "send_back"] == [at(9, 25)]
    # The clock is neither restarted nor extended by a send-back.
    assert decision(status(bocom, again, at(9, 25, 1))).due == due_on(2026, 10, 8)


def test_the_card_centre_tiers_are_escalated_one_step_at_a_time(bocom: CompiledPolicy) -> None:
    card = {"channel": "卡中心客服熱線", "category": "信用卡", "needs_head_office": False}
    events = [
        ev("received", at(10, 3, 10), complaint=card),
        ev("beyond_tier_authority", at(10, 3, 11)),
        ev("escalated", at(10, 3, 12), escalation="card_to_manager"),
        ev("escalated", at(10, 3, 13), escalation="card_to_care_group"),
        ev("beyond_tier_authority", at(10, 4, 9)),
    ]
    result = status(bocom, events, at(10, 4, 10))
    assert reasons(result) == [
        (
            2,
            "escalation 'card_to_manager' is not due at 2026-10-03T12:00:00+08:00 (due now: "
            "card_to_care_group)",
        )
    ]
    assert [(e.id, e.since, [r.id for r in e.to]) for e in result.escalations] == [
        ("card_to_manager", at(10, 4, 9), ["card_cs_manager"])
    ]


def test_the_urging_the_text_leaves_untimed_is_a_gap_and_never_due(bocom: CompiledPolicy) -> None:
    result = status(bocom, [RECEIVED], at(10, 8, 12))
    assert result.reminders == ()
    untimed = [
        (g.source.rule, g.source.article) for g in result.gaps if "no reminder is due" in g.text
    ]
    assert untimed == [("tracking_and_urging", "二、3"), ("work_order", "一、3")]


def test_the_abstract_baseline_runs_no_case(catalog: Catalog) -> None:
    with pytest.raises(ComplaintError) as info:
        status(catalog.load("cn_banking_baseline"), [RECEIVED], at(9, 17))
    assert [p.message for p in info.value.problems] == [
        "policy 'cn_banking_baseline' is abstract: it is a base for other policies to extend; "
        "a case runs under a policy that extends it"
    ]
