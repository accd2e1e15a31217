"""check_policy: every invariant (or those named) on a policy file or a compiled policy, the
base it extends found beside the file or in the catalog; a file that does not load is a
report, not an exception."""

from __future__ import annotations

from pathlib import Path

import pytest

from complaint_rules import Catalog, CompiledPolicy, load_policy
from complaint_rules.testing import INVARIANTS, check_policy
from complaint_rules.testing._check import _first_violation, load_with_base
from complaint_rules.testing.invariants import InvariantViolation
from tests.support import ROOT
from tests.support.layered import write_stack
from tests.support.profiles import POLICY_EXAMPLES


def test_an_abstract_policy_is_only_loaded() -> None:
    report = check_policy(ROOT / "policies" / "cn_banking_baseline.yaml")
    assert report.ok
    reason = "the policy is abstract (a base for others): it decides nothing"
    assert str(report) == "\n".join(
        ["cn_banking_baseline: all 0 invariants hold"]
        + [f"skipped {inv.name}: {reason}" for inv in INVARIANTS]
    )


def test_unknown_invariant_names_are_refused(keyouqianqi: CompiledPolicy) -> None:
    with pytest.raises(ValueError, match="unknown invariant 'no_such'; known: complete_decision"):
        check_policy(keyouqianqi, invariants=["no_such"])


def test_only_the_invariants_named_are_run_in_their_order(catalog: Catalog) -> None:
    report = check_policy(
        catalog.load("hotel"),
        invariants=["deterministic", "not_looser_than_base"],
        max_examples=5,
    )
    assert str(report) == "\n".join(
        [
            "hotel: all 1 invariants hold",
            "skipped not_looser_than_base: the policy extends no other",
            "ok deterministic",
        ]
    )


def test_a_file_that_does_not_load_gives_its_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [\n", encoding="utf-8")
    report = check_policy(bad)
    assert (report.ok, report.results, report.policy) == (False, (), str(bad))
    assert report.load_error is not None
    assert [str(p) for p in report.load_error.problems] == [
        f"{bad}:2: YAML syntax: while parsing a flow node expected the node content, but found "
        "'<stream end>'"
    ]


def test_the_base_is_found_beside_the_file_or_in_the_catalog(tmp_path: Path) -> None:
    base_path, child_path = write_stack(tmp_path)
    child, base = load_with_base(child_path)
    assert (child.id, base is not None and base.id) == ("child", "base")
    assert base is not None and base.sha256 == load_policy(base_path).sha256
    # A bundled base: bocom's copy finds cn_banking_baseline in the catalog.
    bocom = tmp_path / "bocom.yaml"
    bocom.write_bytes((ROOT / "policies" / "bocom.yaml").read_bytes())
    assert load_with_base(bocom)[1] is not None
    plain, none = load_with_base(ROOT / "policies" / "hotel.yaml")
    assert (plain.id, none) == ("hotel", None)


def test_a_compiled_policy_whose_base_cannot_be_found_skips_the_base_invariant(
    tmp_path: Path,
) -> None:
    _, child_path = write_stack(tmp_path)
    child, base = load_with_base(child_path)
    only = ["not_looser_than_base"]
    skipped = check_policy(child, invariants=only, max_examples=5)
    assert str(skipped) == (
        "child: all 0 invariants hold\n"
        "skipped not_looser_than_base: base policy 'base' not found; pass base="
    )
    given = check_policy(child, invariants=only, base=base, max_examples=5)
    assert str(given) == "child: all 1 invariants hold\nok not_looser_than_base"
    # A file: the base beside it is found.
    assert check_policy(child_path, invariants=only, max_examples=5).ok


def test_the_same_policy_gives_the_same_report(catalog: Catalog) -> None:
    policy = catalog.load("shihua_credit_coop")
    first = check_policy(policy, invariants=["level_order"], max_examples=POLICY_EXAMPLES)
    assert str(check_policy(policy, invariants=["level_order"], max_examples=POLICY_EXAMPLES)) == (
        str(first)
    )


def test_the_first_violation_is_found_inside_exception_groups() -> None:
    violation = InvariantViolation("deterministic", "differs")
    inner = ExceptionGroup("inner", [ValueError("other"), violation])
    assert _first_violation(ExceptionGroup("outer", [KeyError("k"), inner])) is violation
    assert _first_violation(violation) is violation
    assert _first_violation(ValueError("other")) is None
    assert _first_violation(ExceptionGroup("g", [ValueError("x")])) is None
