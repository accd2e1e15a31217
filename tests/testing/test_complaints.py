"""Complaints drawn from a policy's own vocabulary and facts: every spelling the parser
accepts, numbers near the thresholds the policy names, the instants of receipt given."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

from complaint_rules import Catalog, CompiledPolicy, load_policy_text
from complaint_rules.decision.complaint import parse_complaint
from complaint_rules.testing._complaints import _thresholds
from complaint_rules.testing.strategies import complaints
from tests.support.local_time import CST
from tests.support.policy_texts import MINI
from tests.support.profiles import POLICY_EXAMPLES

# MINI with an amount threshold in a condition (500) and an approval limit set (1000).
THRESHOLDS = load_policy_text(
    MINI.replace(
        "when: {level: {at_least: major}}",
        "when: {level: {at_least: major}, compensation_yuan: {gte: 500}}",
    ).replace(
        "  - {id: head_limit, type: money, label: 負責人權限}",
        "  - {id: head_limit, type: money, label: 負責人權限, value: 1000}",
    )
)


@pytest.mark.parametrize(
    "policy_id", ["bocom", "hotel", "keyouqianqi_credit_union", "shihua_credit_coop", "xx_bank"]
)
def test_drawn_complaints_are_valid_for_their_policy(catalog: object, policy_id: str) -> None:
    policy = catalog.load(policy_id)  # type: ignore[attr-defined]

    @settings(max_examples=POLICY_EXAMPLES)
    @given(complaints(policy))
    def parses(complaint: dict[str, object]) -> None:
        parsed = parse_complaint(policy, complaint)
        assert json.loads(json.dumps(complaint, ensure_ascii=False)) == complaint
        assert parsed.channel in policy.channels.terms

    parses()


def test_drawn_complaints_cover_the_vocabulary(keyouqianqi: CompiledPolicy) -> None:
    # Every channel, category and finding is drawn, by its id and by another spelling;
    # facts are given or not.
    vocab = keyouqianqi.policy.vocabulary
    seen: set[tuple[str, str]] = set()

    @settings(max_examples=300, derandomize=True)  # the same 300 complaints on every run
    @given(complaints(keyouqianqi))
    def record(complaint: dict[str, Any]) -> None:
        for key in ("channel", "category"):
            seen.add((key, complaint[key]))
        for item in complaint.get("findings", []):
            seen.add(("findings", item if isinstance(item, str) else item["finding"]))
        seen.update(("fact", f"{fact}={complaint.get(fact)}") for fact in ("good_faith",))
        seen.add(("private", str("complainant" in complaint)))

    record()
    for key, terms in (
        ("channel", vocab.channels),
        ("category", vocab.categories),
        ("findings", vocab.findings),
    ):
        for term in terms:
            assert (key, term.id) in seen, term.id
            assert {(key, s) for s in (term.label, *term.aliases)} & seen, term.id
    assert {("fact", f"good_faith={v}") for v in (None, True, False)} <= seen
    assert {("private", "True"), ("private", "False")} <= seen


def test_the_numbers_a_policy_names_for_each_fact() -> None:
    assert _thresholds(THRESHOLDS) == {
        "serious": [],
        "departs_at": [],
        "compensation_yuan": [Decimal(500), Decimal(1000)],
    }


@pytest.mark.parametrize("amount", ["499.99", "500", "500.01", "999.99", "1000", "1000.01"])
def test_amounts_just_around_each_threshold_are_drawn(amount: str) -> None:
    found = find(complaints(THRESHOLDS), lambda c: c.get("compensation_yuan") == amount)
    assert found["compensation_yuan"] == amount


def test_the_instants_of_receipt_can_be_given() -> None:
    when = datetime(2026, 10, 9, 17, tzinfo=CST)

    @settings(max_examples=20)
    @given(complaints(THRESHOLDS, received_at=st.just(when)))
    def check(complaint: dict[str, Any]) -> None:
        assert complaint["received_at"] == "2026-10-09T17:00:00+08:00"
        parse_complaint(THRESHOLDS, complaint)

    check()


def test_the_smallest_complaint(keyouqianqi: CompiledPolicy) -> None:
    # Its first channel and category by id, no findings, no facts, 09:00 on Mon Mar 2 2026.
    smallest = find(complaints(keyouqianqi), lambda c: True)
    vocab = keyouqianqi.policy.vocabulary
    assert smallest == {
        "received_at": "2026-03-02T09:00:00+08:00",
        "channel": vocab.channels[0].id,
        "category": vocab.categories[0].id,
    }


def test_a_policy_to_draw_from_is_compiled_and_has_channels(catalog: Catalog) -> None:
    with pytest.raises(TypeError, match=r"^policy must be a CompiledPolicy, not str$"):
        complaints("hotel")  # type: ignore[arg-type]
    with pytest.raises(
        ValueError,
        match=r"^policy 'cn_banking_baseline' declares no channels or categories to draw from$",
    ):
        complaints(catalog.load("cn_banking_baseline"))
