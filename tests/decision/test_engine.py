"""Deciding with a small test policy: input handling, each element kind, determinism."""

from __future__ import annotations

import json
import threading
from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest

from complaint_rules import ComplaintError, Decision, load_policy_text
from tests.support.deciders import decide
from tests.support.local_time import CST, due_at, due_on
from tests.support.policy_texts import MINI

pytestmark = pytest.mark.usefixtures("decider")  # the fast engine, then the reference

POLICY = load_policy_text(MINI, file="mini.yaml")
BASE: dict[str, Any] = {
    "received_at": "2026-10-09T17:00:00+08:00",
    "channel": "柜面投诉",
    "category": "服务态度",
    "level": "minor",
}


def problems(data: dict[str, Any], **kwargs: Any) -> list[str]:
    with pytest.raises(ComplaintError) as info:
        decide(POLICY, data, **kwargs)
    return [str(p) for p in info.value.problems]


def test_values_by_id_label_or_simplified_alias_decide_alike() -> None:
    by_alias = decide(POLICY, BASE)
    by_id = decide(POLICY, {**BASE, "channel": "counter", "category": "service"})
    by_label = decide(POLICY, {**BASE, "channel": "櫃面投訴", "category": "服務態度"})
    full_width = decide(POLICY, {**BASE, "channel": "ｃｏｕｎｔｅｒ", "category": "SERVICE"})
    assert by_alias == by_id == by_label == full_width
    assert by_id.channel.label == "櫃面投訴"


def test_unknown_fields_and_values_are_named_with_what_is_allowed() -> None:
    data = {**BASE, "chanel": "x", "category": "服務態", "findings": ["late"]}
    assert problems(data) == [
        "<input>: chanel: unknown field; allowed: received_at, channel, category, level, "
        "findings, serious, departs_at, compensation_yuan, id, complainant, text; "
        "did you mean 'channel'?",
        "<input>: category: unknown category; allowed: service (服務態度), "
        "product (服務產品); closest: service (服務態度)",
        "<input>: findings[0].finding: unknown finding; allowed: late_opening "
        "(不按時開門營業); closest: late_opening (不按時開門營業)",
    ]


def test_received_at_must_carry_an_offset() -> None:
    assert problems({**BASE, "received_at": "2026-10-09T17:00:00"}) == [
        "<input>: received_at: received_at has no UTC offset; give one, e.g. "
        "2026-10-09T17:00:00+08:00"
    ]
    assert problems({**BASE, "received_at": "2026-02-30T17:00:00+08:00"}) == [
        "<input>: received_at: not a real date-time (day is out of range for month) "
        "(e.g. 2026-09-30T16:20:00+08:00)"
    ]


def test_level_is_required_where_the_policy_takes_it_as_input() -> None:
    data = {k: v for k, v in BASE.items() if k != "level"}
    assert problems(data) == [
        "<input>: level: missing; allowed: minor (輕微投訴), major (重大投訴)"
    ]


def test_fact_types_are_checked() -> None:
    data = {**BASE, "serious": "yes", "compensation_yuan": "lots", "departs_at": "tomorrow"}
    assert problems(data) == [
        "<input>: serious: expected true or false, got text",
        "<input>: departs_at: not an ISO 8601 date-time (e.g. 2026-09-30T16:20:00+08:00)",
        '<input>: compensation_yuan: not a number (write e.g. 2800 or "99.50")',
    ]


def test_personal_fields_are_accepted_and_never_copied() -> None:
    secret = "Zhang San 13800000000"
    decision = decide(POLICY, {**BASE, "id": "C-1", "complainant": secret, "text": secret})
    dumped = decision.model_dump_json()
    assert secret not in dumped and "C-1" not in dumped


def test_working_day_deadline_and_escalation_chain() -> None:
    decision = decide(POLICY, BASE)
    reply = decision.deadlines[0]
    # Fri Oct 9 2026 -> Sat Oct 10 (make-up) = 1, Mon 12 = 2, Tue 13 = 3.
    assert reply.due == due_on(2026, 10, 13)
    assert reply.status == "running" and reply.source.article == "第一條"
    assert [(e.id, e.on, e.next) for e in decision.escalations] == [
        ("up", "deadline_missed", "top"),
        ("top", "dissatisfied", None),
    ]


def test_until_deadline_waits_for_its_fact_then_takes_the_earliest() -> None:
    waiting = decide(POLICY, BASE).deadlines[1]
    assert (waiting.status, waiting.due, waiting.waiting_for) == (
        "needs_fact",
        None,
        ("departs_at",),
    )
    given = decide(POLICY, {**BASE, "departs_at": "2026-10-10T04:00:00+00:00"}).deadlines[1]
    assert given.due == due_at(datetime(2026, 10, 10, 12, 0, tzinfo=CST))


def test_penalty_per_occurrence_with_a_conditional_sanction() -> None:
    data = {**BASE, "findings": [{"finding": "不按時開門營業", "count": 3, "roles": ["柜面"]}]}
    (penalty,) = decide(POLICY, data).penalties
    assert (penalty.min_yuan, penalty.max_yuan) == (Decimal(100), Decimal(100))
    assert (penalty.total_min_yuan, penalty.total_max_yuan) == (Decimal(300), Decimal(300))
    assert [s.id for s in penalty.subjects] == ["head", "desk"]
    assert [r.id for r in penalty.roles_involved] == ["desk"]
    assert [(s.id, s.status, s.condition) for s in penalty.sanctions] == [
        ("dismissal", "conditional", "情節嚴重的")
    ]
    serious = decide(POLICY, {**data, "serious": True}).penalties[0]
    assert serious.sanctions[0].status == "applies"
    mild = decide(POLICY, {**data, "serious": False}).penalties[0]
    assert mild.sanctions[0].status == "not_applicable"


def test_a_blank_parameter_is_reported_not_invented() -> None:
    decision = decide(POLICY, {**BASE, "level": "major", "compensation_yuan": "500"})
    (approval,) = decision.approvals
    assert (approval.configured, approval.approver) == (False, ())
    assert [g.about for g in decision.gaps] == ["amount"]
    configured = load_policy_text(
        MINI.replace(
            "{id: head_limit, type: money, label: 負責人權限}",
            "{id: head_limit, type: money, label: 負責人權限, value: 1000}",
        )
    )
    small = decide(configured, {**BASE, "level": "major", "compensation_yuan": "500"})
    large = decide(configured, {**BASE, "level": "major", "compensation_yuan": "1000.01"})
    assert [a.id for a in small.approvals[0].approver] == ["head"]
    assert [a.id for a in large.approvals[0].approver] == ["desk"]


def test_level_order_is_used_by_at_least() -> None:
    assert decide(POLICY, BASE).approvals == ()
    assert len(decide(POLICY, {**BASE, "level": "重大投訴"}).approvals) == 1


def test_as_of_marks_overdue_deadlines() -> None:
    fresh = decide(POLICY, BASE)
    late = decide(POLICY, BASE, at="2026-10-14T00:00:00+08:00")
    assert fresh.deadlines[0].overdue_at_decision is False
    assert late.deadlines[0].overdue_at_decision is True
    assert problems(BASE, at="2026-10-14") == [
        "<input>: at: at has no UTC offset; give one, e.g. 2026-10-14T00:00:00+08:00"
    ]


def test_decisions_are_deterministic_and_round_trip_through_json() -> None:
    data = {**BASE, "findings": [{"finding": "late_opening", "count": 2}], "serious": True}
    first = decide(POLICY, data).model_dump_json()
    assert decide(POLICY, json.loads(json.dumps(data))).model_dump_json() == first
    assert Decision.model_validate_json(first).model_dump_json() == first


def test_deciding_from_many_threads_matches_one_thread() -> None:
    inputs = [
        {**BASE, "received_at": f"2026-{m:02d}-{d:02d}T09:00:00+08:00"}
        for m in range(1, 13)
        for d in (1, 9, 15, 28)
    ]
    expected = [decide(POLICY, item).model_dump_json() for item in inputs]
    results: list[list[str]] = [[] for _ in range(4)]

    def work(slot: int) -> None:
        results[slot] = [decide(POLICY, item).model_dump_json() for item in inputs]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(result == expected for result in results)


def test_threads_deciding_first_under_a_fresh_policy_agree() -> None:
    # The policy-only parts of a decision are built on first use
    # (complaint_rules.decision._fast.prepared):
    # eight threads that all decide first, at once, must see what one thread sees.
    inputs = [{**BASE, "received_at": f"2026-10-{d:02d}T09:00:00+08:00"} for d in range(1, 29)]
    expected = [decide(POLICY, item).model_dump_json() for item in inputs]
    fresh = load_policy_text(MINI, file="mini.yaml")
    assert not fresh.cache
    start = threading.Barrier(8)
    results: list[list[str]] = [[] for _ in range(8)]

    def work(slot: int) -> None:
        start.wait()
        results[slot] = [decide(fresh, item).model_dump_json() for item in inputs]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(result == expected for result in results)


def test_a_policy_with_the_hosts_days_does_not_reuse_the_prepared_parts() -> None:
    from datetime import date

    decide(POLICY, BASE)  # fills POLICY's prepared parts
    hosted = POLICY.with_calendar(holidays={date(2026, 10, 12): "host holiday"})
    assert not hosted.cache
    assert decide(hosted, BASE).policy.calendar == hosted.calendar.fingerprint
    assert hosted.calendar.fingerprint != POLICY.calendar.fingerprint


def test_the_host_can_add_next_years_schedule() -> None:
    from datetime import date

    from complaint_rules import UnpublishedCalendarError

    data = {**BASE, "received_at": "2027-02-05T10:00:00+08:00"}
    with pytest.raises(UnpublishedCalendarError):
        decide(POLICY, data)
    # A hypothetical 2027 notice (test data, not the real schedule): Feb 8-12 off and
    # Sat Feb 13 a make-up workday. Fri Feb 5 -> Sat Feb 13 = 1, Mon 15 = 2, Tue 16 = 3.
    hosted = POLICY.with_calendar(
        holidays={date(2027, 2, d): "春節" for d in range(8, 13)},
        workdays={date(2027, 2, 13): "春節調休"},
    )
    decision = decide(hosted, data)
    assert decision.deadlines[0].due == due_on(2027, 2, 16)
    assert decision.deadlines[0].estimated is False
    assert decision.policy.calendar != decide(POLICY, BASE).policy.calendar
