"""Golden snapshots: every bundled example complaint's decision, byte for byte.

A change to a policy or to the engine that changes any decision fails here; the fast
engine and the plain reference are each held to the same snapshots. When the change is
intended, regenerate on purpose and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/policies/test_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from complaint_rules import Catalog
from tests.support import ROOT
from tests.support.deciders import decide

pytestmark = pytest.mark.usefixtures("decider")  # the fast engine, then the reference

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = sorted((ROOT / "examples" / "complaints").glob("*.json"))


def render(catalog: Catalog, policy_id: str, complaints: list[dict[str, object]]) -> str:
    policy = catalog.load(policy_id)
    # The calendar fingerprint is a hash of the working days themselves, so the snapshot
    # pins it too: it moves only if a day of the verified table (or the policy's) does.
    decisions = [json.loads(decide(policy, c).model_dump_json()) for c in complaints]
    for decision in decisions:
        # The OpenCC version (within the pinned range) may move with a fresh install; the
        # words it matched are pinned by the decisions.
        decision["policy"]["opencc"] = "<opencc version>"
    return json.dumps(decisions, ensure_ascii=False, indent=2) + "\n"


@pytest.fixture(scope="module")
def with_examples() -> Catalog:
    return Catalog([ROOT / "examples" / "hotel_variant" / "grand_hotel_policies"])


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_decisions_match_their_snapshot(with_examples: Catalog, example: Path) -> None:
    complaints = json.loads(example.read_text(encoding="utf-8"))
    got = render(with_examples, example.stem, complaints)
    snapshot = GOLDEN / f"{example.stem}.json"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        snapshot.write_text(got, encoding="utf-8")
    assert snapshot.is_file(), f"no snapshot {snapshot.name}: run with UPDATE_GOLDEN=1"
    assert got == snapshot.read_text(encoding="utf-8"), "decision changed; see module docstring"
