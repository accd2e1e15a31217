"""The benchmark's hand-written floor (benchmarks/floor_keyouqianqi.py) decides as ``decide``.

The speed targets of docs/performance.md are ratios to this function, so it must make the
same decisions: equal to ``decide(...).model_dump(mode="json")`` on the benchmark's own
complaints and history, on every combination of the inputs its conditions read, and on
complaints the testing kit draws (other offsets, the edges of the calendar, personal
fields, findings with roles); and refusing what ``decide`` refuses.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections import Counter
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.complaints import complaint_stream, complaints, history_lines
from benchmarks.floor_keyouqianqi import POLICY_ID, Floor, Rejected, build
from complaint_rules import Catalog, CompiledPolicy, decide
from complaint_rules.errors import ComplaintRulesError
from complaint_rules.testing.strategies import complaints as drawn_complaints


@pytest.fixture(scope="module")
def floor(keyouqianqi: CompiledPolicy) -> Floor:
    return build(keyouqianqi)


def _expected(policy: CompiledPolicy, complaint: dict[str, Any]) -> dict[str, Any] | None:
    """``decide``'s decision as JSON data, or None where it refuses the complaint."""
    try:
        return decide(policy, complaint).model_dump(mode="json")
    except ComplaintRulesError:
        return None


def _same(policy: CompiledPolicy, floor: Floor, complaint: dict[str, Any]) -> dict[str, Any]:
    expected = _expected(policy, complaint)
    if expected is None:
        with pytest.raises(Rejected):
            floor(complaint)
        return {}
    got = floor(complaint)
    if got != expected:  # the first field that differs, readably
        field = next(k for k in expected if got.get(k) != expected[k])
        assert json.dumps(got.get(field), ensure_ascii=False, indent=1) == json.dumps(
            expected[field], ensure_ascii=False, indent=1
        ), f"{field} differs for {complaint}"
    assert got == expected
    return got


def test_equal_on_the_benchmarks_complaints(keyouqianqi: CompiledPolicy, floor: Floor) -> None:
    """Workload 2's 2,000 complaints and 2,000 more of other seeds; every rule is matched."""
    items = complaints(keyouqianqi, 2_000)
    for seed in (1, 7):
        stream = complaint_stream(keyouqianqi, seed)
        items += [next(stream) for _ in range(1_000)]
    rules: Counter[str] = Counter()
    for item in items:
        got = _same(keyouqianqi, floor, item)
        rules.update(r["rule"] for r in got["matched_rules"])
    # So that a rule the floor adds wrongly, or forgets, cannot go unseen.
    assert set(rules) == {r.rule.id for r in keyouqianqi.rules}


def test_equal_on_the_history(keyouqianqi: CompiledPolicy, floor: Floor) -> None:
    """Workload 4's lines (its 500th is bad on purpose: both refuse it)."""
    refused = 0
    for line in history_lines(keyouqianqi, 1_200):
        got = _same(keyouqianqi, floor, json.loads(line))
        refused += not got
    assert refused == 1


def test_equal_on_every_combination_of_what_the_conditions_read(
    keyouqianqi: CompiledPolicy, floor: Floor
) -> None:
    """Every channel and category, good faith given or not, each fact, each finding."""
    vocab = keyouqianqi.policy.vocabulary
    facts = [f.id for f in keyouqianqi.policy.facts if f.id != "good_faith"]
    findings: list[list[Any]] = [
        [],
        *([f.id] for f in vocab.findings),
        [{"finding": "our_fault", "count": 3, "roles": ["party_staff", "當事人"]}, "非我方責任"],
        [{"finding": "coerced_withdrawal", "count": 2}, "our_fault", "customer_economic_loss"],
    ]
    days = ["2025-10-09T16:00:00+08:00", "2026-02-13T23:59:59+08:00", "2025-05-01T00:30:00Z"]
    combinations = itertools.product(
        vocab.channels, vocab.categories, (None, True, False), [None, *facts], findings
    )
    for n, (channel, category, good_faith, fact, found) in enumerate(combinations):
        item: dict[str, Any] = {
            "received_at": days[n % len(days)],
            "channel": channel.label if n % 2 else channel.id,
            "category": (*category.aliases, category.label)[0] if n % 3 == 0 else category.id,
        }
        if good_faith is not None:
            item["good_faith"] = good_faith
        if fact is not None:
            item[fact] = True
        if found:
            item["findings"] = found
        _same(keyouqianqi, floor, item)


@functools.cache
def _built() -> tuple[CompiledPolicy, Floor]:
    policy = Catalog().load(POLICY_ID)
    return policy, build(policy)


@given(data=st.data())
def test_equal_on_drawn_complaints(data: st.DataObject) -> None:
    """The testing kit's complaints: other offsets, the calendar's edges, personal fields."""
    policy, floor = _built()
    for _ in range(5):
        _same(policy, floor, data.draw(drawn_complaints(policy)))


@pytest.mark.parametrize(
    "change",
    [
        {"channel": "傳真投訴"},
        {"category": None},
        {"level": "general"},
        {"withdrawn": "yes"},
        {"good_faith": 1},
        {"findings": [{"finding": "our_fault", "count": 0}]},
        {"findings": ["no such finding"]},
        {"received_at": "2026-03-02T09:00:00"},
        {"received_at": "yesterday"},
        {"reason": "an unknown field"},
    ],
)
def test_refuses_what_decide_refuses(
    keyouqianqi: CompiledPolicy, floor: Floor, change: dict[str, Any]
) -> None:
    item = {
        "received_at": "2026-03-02T09:00:00+08:00",
        "channel": "phone",
        "category": "work_error",
        **change,
    }
    assert _expected(keyouqianqi, item) is None
    with pytest.raises(Rejected):
        floor(item)


def test_written_for_one_policy(catalog: Any) -> None:
    assert POLICY_ID == "keyouqianqi_credit_union"
    with pytest.raises(ValueError, match="written for keyouqianqi_credit_union"):
        build(catalog.load("shihua_credit_coop"))
