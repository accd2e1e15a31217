"""repr() is one short line: enough to tell objects apart in a debugger or a log."""

from __future__ import annotations

import re

from complaint_rules import Case, Catalog, CompiledPolicy, decide, status

SHA = re.compile(r"sha256:[0-9a-f]{12}\b")


def test_a_compiled_policy_and_its_model_show_id_version_and_hash(
    keyouqianqi: CompiledPolicy,
) -> None:
    text = repr(keyouqianqi)
    assert text == (
        f"<CompiledPolicy keyouqianqi_credit_union version {keyouqianqi.version} "
        f"sha256:{keyouqianqi.sha256[:12]}>"
    )
    assert repr(keyouqianqi.policy) == (
        f"<Policy keyouqianqi_credit_union version {keyouqianqi.version}>"
    )


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


def test_a_case_and_its_status_show_policy_and_events(keyouqianqi: CompiledPolicy) -> None:
    events = [
        {
            "event": "received",
            "at": "2026-09-30T10:00:00+08:00",
            "complaint": {"channel": "letter", "category": "work_error"},
        }
    ]
    case = Case(keyouqianqi, events)
    assert repr(case) == (
        f"<Case keyouqianqi_credit_union version {keyouqianqi.version} "
        f"sha256:{keyouqianqi.sha256[:12]}, 1 events>"
    )
    got = status(keyouqianqi, events, at="2026-10-09T09:00:00+08:00")
    assert repr(got).startswith("<CaseStatus keyouqianqi_credit_union version ")
    assert repr(got).endswith("at 2026-10-09T09:00:00+08:00, 1 events applied>")
    assert SHA.search(repr(got))


def test_every_bundled_policy_has_a_short_repr() -> None:
    catalog = Catalog()
    for policy_id in catalog.ids():
        policy = catalog.load(policy_id)
        assert len(repr(policy)) < 120, policy_id
