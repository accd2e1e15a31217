"""The fast decider's shared parts: the bundle of a set of matched rules, and the template of
a decision that depends on nothing but its instants, copied and filled per complaint.

That the decisions it assembles equal pydantic-validated ones is checked in
tests/decision/test_fast_decisions.py.
"""

from __future__ import annotations

from datetime import datetime

from complaint_rules import decide, load_policy_text
from complaint_rules.decision._fast.decider import bundle_of, filled
from complaint_rules.decision._fast.prepared import prepare
from complaint_rules.policy.compiled import Source
from tests.support.local_time import CST
from tests.support.policy_texts import MINI

# MINI with a rule of routing alone, matched by phone complaints only.
ROUTING_ONLY = """\
  - id: phone_desk
    article: 第五條
    when: {channel: phone}
    routing:
      - {duty: handles, role: head}
"""


def test_a_bundle_holds_what_complaints_matching_the_same_rules_share() -> None:
    prepared = prepare(load_policy_text(MINI))
    plain = bundle_of(prepared, (0, 1))
    assert plain.key == (0, 1)
    assert plain.matched == (
        Source(rule="always", article="第一條", policy="mini"),
        Source(rule="departure", article="第二條", policy="mini"),
    )
    assert plain.routing == prepared.rules[0].routing
    assert [d.id for d, _ in plain.deadlines] == ["reply", "before_departure"]
    assert [e.id for e in plain.escalations] == ["up", "top"]
    assert (plain.dynamic, plain.fixed, plain.static_reports) == ((), False, ())
    # A rule with penalties depends on the complaint: it is dynamic, at its position.
    fines = bundle_of(prepared, (0, 2))
    assert [(i, r.rule.rule.id) for i, r in fines.dynamic] == [(1, "fines")]
    assert fines.fixed is False


def test_a_bundle_of_routing_alone_is_fixed_and_its_decisions_come_from_a_template() -> None:
    policy = load_policy_text(MINI + ROUTING_ONLY)
    prepared = prepare(policy)
    # Only the phone rule (index 4): no deadline, report, penalty or approval.
    assert bundle_of(prepared, (4,)).fixed
    only = load_policy_text(
        MINI.replace(
            "  - id: always\n    article: 第一條\n",
            "  - id: always\n    article: 第一條\n    when: {channel: counter}\n",
        ).replace(
            "  - id: departure\n    article: 第二條\n",
            "  - id: departure\n    article: 第二條\n    when: {channel: counter}\n",
        )
        + ROUTING_ONLY
    )
    phone = {
        "received_at": "2026-09-30T10:00:00+08:00",
        "channel": "phone",
        "category": "service",
        "level": "minor",
    }
    assert prepare(only).memo["templates"] == {}
    first = decide(only, phone)  # makes the template
    assert len(prepare(only).memo["templates"]) == 1
    later = decide(only, {**phone, "received_at": "2026-10-09T09:00:00+08:00"})
    assert len(prepare(only).memo["templates"]) == 1
    assert later.received_at == datetime(2026, 10, 9, 9, tzinfo=CST)
    assert later.routing is first.routing and later.carried is not first.carried
    assert later.model_dump(exclude={"received_at", "decided_at"}) == first.model_dump(
        exclude={"received_at", "decided_at"}
    )


def test_a_template_is_filled_with_the_complaints_own_parts() -> None:
    template = {
        "received_at": None,
        "decided_at": None,
        "deadlines": None,
        "reports": None,
        "carried": {"x": 1},
        "routing": (),
    }
    received = datetime(2026, 9, 30, 10, tzinfo=CST)
    at = datetime(2026, 10, 1, 10, tzinfo=CST)
    got = filled(template, received, at, (), ())
    assert got == {
        "received_at": received,
        "decided_at": at,
        "deadlines": (),
        "reports": (),
        "carried": {},
        "routing": (),
    }
    assert template["received_at"] is None and template["carried"] == {"x": 1}
    assert filled(template, received, at, (), ())["carried"] is not got["carried"]
