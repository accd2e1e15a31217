"""The decision as data: frozen models, their JSON, and a one-line repr."""

from __future__ import annotations

from complaint_rules import CompiledPolicy, decide


def test_a_decision_shows_its_policy_and_receipt(keyouqianqi: CompiledPolicy) -> None:
    decision = decide(
        keyouqianqi,
        {"received_at": "2026-09-30T10:00:00+08:00", "channel": "letter", "category": "work_error"},
    )
    assert repr(decision) == (
        f"<Decision keyouqianqi_credit_union version {keyouqianqi.version} "
        f"sha256:{keyouqianqi.sha256[:12]} received_at 2026-09-30T10:00:00+08:00>"
    )
    assert "\n" not in repr(decision) and len(repr(decision)) < 150
    # The data is all still there.
    assert decision.model_dump()["deadlines"]
