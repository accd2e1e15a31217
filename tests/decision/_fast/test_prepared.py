"""The parts of a decision that depend only on the policy: built once per compiled policy,
shared by every decision made under it, and every rule condition evaluated at once.

That decisions made from these parts equal pydantic-validated ones, whatever the caches
hold, is checked in tests/decision/test_fast_decisions.py.
"""

from __future__ import annotations

from datetime import date

import opencc

from complaint_rules import decide, load_policy_text
from complaint_rules.decision._fast.prepared import prepare
from complaint_rules.decision.model import DecidedLevel, LayerRef, Named, PolicyRef
from complaint_rules.policy.compiled import Source
from tests.support.policy_texts import MINI

COMPLAINT = {
    "received_at": "2026-09-30T10:00:00+08:00",
    "channel": "counter",
    "category": "service",
    "level": "minor",
}


def test_built_once_per_compiled_policy_and_afresh_for_a_copy() -> None:
    policy = load_policy_text(MINI)
    prepared = prepare(policy)
    assert prepare(policy) is prepared and policy.cache["engine"] is prepared
    host = policy.with_calendar(holidays={date(2026, 10, 9): "closed"})
    assert prepare(host) is not prepared
    assert prepare(host).ref.calendar == host.calendar.fingerprint != prepared.ref.calendar


def test_the_policy_reference_and_the_names() -> None:
    policy = load_policy_text(MINI)
    prepared = prepare(policy)
    assert prepared.ref == PolicyRef(
        id="mini",
        version="1",
        sha256=policy.sha256,
        calendar=policy.calendar.fingerprint,
        timezone="Asia/Shanghai",
        opencc=opencc.__version__,
        layers=(LayerRef(id="mini", version="1", sha256=policy.sha256),),
    )
    assert prepared.roles == {
        "desk": Named(id="desk", label="櫃面"),
        "head": Named(id="head", label="負責人"),
    }
    assert list(prepared.channels) == ["counter", "phone"]
    assert prepared.other_levels == {
        ("input", "minor"): DecidedLevel(id="minor", label="輕微投訴", how="input", source=None),
        ("input", "major"): DecidedLevel(id="major", label="重大投訴", how="input", source=None),
    }
    assert prepared.row_levels == ()
    assert [r.source for r in prepared.rules] == [
        Source(rule="always", article="第一條", policy="mini"),
        Source(rule="departure", article="第二條", policy="mini"),
        Source(rule="fines", article="第三條", policy="mini"),
        Source(rule="major_only", article="第四條", policy="mini"),
    ]


def test_every_condition_at_once_applied_and_pending() -> None:
    # major_only made to wait for the fact `serious` (which has no default).
    policy = load_policy_text(
        MINI.replace("when: {level: {at_least: major}}", "when: {serious: true}")
    )
    evaluate = prepare(policy).evaluate
    # (classification row: none, -1; the rules that hold; the rules pending)
    assert evaluate("counter", "service", "minor", frozenset(), {}) == (-1, (0, 1), (3,))
    assert evaluate(
        "counter", "service", "minor", frozenset({"late_opening"}), {"serious": True}
    ) == (
        -1,
        (0, 1, 2, 3),
        (),
    )
    assert evaluate("phone", "product", None, frozenset(), {"serious": False}) == (-1, (0, 1), ())


def test_a_classification_table_gives_its_rows_and_default_levels() -> None:
    policy = load_policy_text(
        MINI.replace(
            "rules:\n",
            "classification:\n"
            "  rows: [{id: big, article: 第五條, when: {serious: true}, level: major}]\n"
            "  default: minor\n"
            "rules:\n",
        )
    )
    prepared = prepare(policy)
    assert prepared.row_levels == (
        DecidedLevel(
            id="major",
            label="重大投訴",
            how="classified",
            source=Source(rule="big", article="第五條", policy="mini"),
        ),
    )
    assert prepared.other_levels[("default", "minor")] == DecidedLevel(
        id="minor", label="輕微投訴", how="default", source=None
    )
    assert prepared.evaluate("counter", "service", None, frozenset(), {"serious": True})[0] == 0
    assert prepared.evaluate("counter", "service", None, frozenset(), {"serious": False})[0] == -1


def test_decisions_share_the_prepared_parts() -> None:
    policy = load_policy_text(MINI)
    prepared = prepare(policy)
    first = decide(policy, COMPLAINT)
    second = decide(policy, {**COMPLAINT, "received_at": "2026-10-09T10:00:00+08:00"})
    assert first.routing[0] is second.routing[0] is prepared.rules[0].routing[0]
    assert first.escalations == prepared.rules[0].escalations
    assert first.policy is prepared.ref
    # The JSON of a rule's source and routing, written once.
    source_json, routing_json = prepared.json[0][:2]
    assert source_json == first.matched_rules[0].model_dump_json().encode()
    assert routing_json == first.routing[0].model_dump_json().encode()
