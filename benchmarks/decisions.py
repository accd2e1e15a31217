"""Workload 2: a full decision for each bundled policy, one call at a time and in a batch.

A full decision is everything :func:`~complaint_rules.decide` returns: level, routing,
every deadline counted through the working-day calendar, escalations, penalties, the
source of each element, and the policy and calendar hashes. For each bundled policy
(except abstract layers) the same complaints (see :mod:`benchmarks.complaints`) are
decided with ``decide`` in a loop, with ``decide_json`` (the decision's JSON, the same
bytes as ``model_dump_json()``), and with the batch API ``decide_many`` (one process); the
plain-Python classification loop of workload 1 runs in the same rounds, for scale.

For 科右前旗, the hand-written floor (:mod:`benchmarks.floor_keyouqianqi`) decides the same
complaints in the same rounds, alone and followed by ``orjson.dumps``: the targets are
``decide`` and ``decide_json`` against those. Before timing, every batch result is checked
equal to the single decision, every ``decide_json`` text equal to ``model_dump_json()``,
and the floor's every decision equal to ``decide(...).model_dump(mode="json")`` (and its
``orjson.dumps`` to ``decide_json``'s text, as UTF-8).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from complaint_rules import Catalog, CompiledPolicy, decide

from . import floor_keyouqianqi
from .complaints import complaints

__all__ = ["bundled_policies", "contenders", "floor_contenders"]


def bundled_policies() -> list[CompiledPolicy]:
    """Every bundled policy that can decide (abstract layers left out), by id."""
    catalog = Catalog(entry_points=False)
    loaded = [catalog.load(pid) for pid in sorted(catalog.ids())]
    return [p for p in loaded if not p.policy.abstract]


def _decide_all(policy: CompiledPolicy, items: list[dict[str, Any]]) -> Callable[[], None]:
    def run() -> None:
        for item in items:
            decide(policy, item)

    return run


def _decide_json_all(policy: CompiledPolicy, items: list[dict[str, Any]]) -> Callable[[], None]:
    from complaint_rules.decision.engine import decide_json

    def run() -> None:
        for item in items:
            decide_json(policy, item)

    return run


def _batch_all(
    decide_many: Callable[..., Any], policy: CompiledPolicy, items: list[dict[str, Any]]
) -> Callable[[], None]:
    def run() -> None:
        for _ in decide_many(policy, items):
            pass

    return run


def floor_contenders(
    policy: CompiledPolicy,
    items: list[dict[str, Any]],
    singles: list[Any],
    texts: list[str],
    log: Callable[[str], None],
) -> Iterator[tuple[str, Callable[[], None], int, str, dict[str, Any]]]:
    """Check the floor equal to ``decide`` on every complaint, then yield its contenders."""
    import orjson

    floor = floor_keyouqianqi.build(policy)
    for item, single, text in zip(items, singles, texts, strict=True):
        got = floor(item)
        assert got == single.model_dump(mode="json"), f"the floor differs on {item}"
        assert orjson.dumps(got) == text.encode(), f"the floor's JSON differs on {item}"
    log(f"  {policy.id}: the floor == decide on all {len(items)} complaints, JSON too")
    dumps = orjson.dumps
    from complaint_rules.decision.engine import decide_bytes

    def run_bytes() -> None:
        for item in items:
            decide_bytes(policy, item)

    def run_floor() -> None:
        for item in items:
            floor(item)

    def run_floor_json() -> None:
        for item in items:
            dumps(floor(item))

    n = len(items)
    yield f"{policy.id}: floor", run_floor, n, "hand-written, plain Python", {}
    yield f"{policy.id}: floor + orjson.dumps", run_floor_json, n, "its JSON (bytes)", {}
    # decide_json's text as UTF-8 bytes, as orjson gives it: decide_json less the decoding.
    yield f"{policy.id}: decide_bytes", run_bytes, n, "decide_json's JSON as bytes", {}


def contenders(
    n: int, log: Callable[[str], None]
) -> Iterator[tuple[str, Callable[[], None], int, str, dict[str, Any]]]:
    """Check, then yield (name, run, items, note, info) for each policy and way of deciding."""
    from complaint_rules.decision.batch import Rejected, decide_many
    from complaint_rules.decision.engine import decide_json

    for policy in bundled_policies():
        items = complaints(policy, n)
        singles = [decide(policy, item) for item in items]
        batch = list(decide_many(policy, items))
        rejected = [r for r in batch if isinstance(r, Rejected)]
        assert not rejected, rejected[:3]
        assert batch == singles, f"{policy.id}: decide_many differs from decide"
        texts = [decide_json(policy, item) for item in items]
        assert texts == [d.model_dump_json() for d in singles], f"{policy.id}: JSON differs"
        sizes = [len(d.model_dump_json().encode()) for d in singles]
        info = {
            "policy": policy.id,
            "rules": len(policy.rules),
            "mean_matched_rules": round(sum(len(d.matched_rules) for d in singles) / n, 2),
            "mean_deadlines": round(sum(len(d.deadlines) for d in singles) / n, 2),
            "mean_json_bytes": round(sum(sizes) / n),
        }
        log(
            f"  {policy.id}: {n} complaints, batch == single; "
            f"{info['mean_matched_rules']} rules and {info['mean_deadlines']} deadlines "
            f"per decision, {info['mean_json_bytes']} bytes of JSON"
        )
        yield f"{policy.id}: decide", _decide_all(policy, items), n, "full Decision", info
        yield (
            f"{policy.id}: decide + JSON",
            _decide_json_all(policy, items),
            n,
            "decide_json() (= model_dump_json())",
            {},
        )
        yield (
            f"{policy.id}: decide_many",
            _batch_all(decide_many, policy, items),
            n,
            "batch API, workers=1",
            {},
        )
        if policy.id == floor_keyouqianqi.POLICY_ID:
            yield from floor_contenders(policy, items, singles, texts, log)
