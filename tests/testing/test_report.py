"""The report of checking a policy: one line per invariant, a broken one with its smallest
complaint, and an error for pytest that carries the report."""

from __future__ import annotations

import pytest

from complaint_rules.errors import PolicyError, Problem
from complaint_rules.testing import InvariantResult, PolicyCheckFailed, PolicyReport
from complaint_rules.testing.invariants import InvariantViolation

COMPLAINT = {"received_at": "2026-03-02T09:00:00+08:00", "channel": "信件"}


def test_each_kind_of_result_in_one_line_or_two() -> None:
    held = InvariantResult("deterministic", "the same decision")
    skipped = InvariantResult("not_looser_than_base", "no looser", skipped="extends no other")
    broken = InvariantResult(
        "level_order", "ordered", violation=InvariantViolation("level_order", "later", COMPLAINT)
    )
    bare = InvariantResult(
        "escalations_end", "ends", violation=InvariantViolation("escalations_end", "loops")
    )
    assert (held.ok, skipped.ok, broken.ok, bare.ok) == (True, True, False, False)
    assert str(held) == "ok deterministic"
    assert str(skipped) == "skipped not_looser_than_base: extends no other"
    assert str(broken) == (
        "FAILED level_order: later\n"
        '  smallest complaint: {"received_at": "2026-03-02T09:00:00+08:00", "channel": "信件"}'
    )
    assert str(bare) == "FAILED escalations_end: loops"


def test_a_report_counts_the_invariants_checked_and_broken() -> None:
    held = InvariantResult("deterministic", "h")
    skipped = InvariantResult("not_looser_than_base", "h", skipped="extends no other")
    broken = InvariantResult("level_order", "h", violation=InvariantViolation("level_order", "x"))
    good = PolicyReport("p", (held, skipped))
    assert (good.ok, good.failures) == (True, ())
    assert str(good) == (
        "p: all 1 invariants hold\nok deterministic\nskipped not_looser_than_base: extends no other"
    )
    good.raise_for_failures()
    bad = PolicyReport("p", (held, broken, skipped))
    assert (bad.ok, bad.failures) == (False, (broken,))
    assert str(bad).splitlines()[0] == "p: 1 of 2 invariants broken"
    with pytest.raises(PolicyCheckFailed) as info:
        bad.raise_for_failures()
    assert info.value.report is bad
    assert str(info.value) == str(bad)
    assert isinstance(info.value, AssertionError)


def test_a_policy_that_does_not_load_is_a_failed_report() -> None:
    error = PolicyError([Problem("bad", path=("id",), file="p.yaml", line=2)])
    report = PolicyReport("p.yaml", load_error=error)
    assert (report.ok, report.failures) == (False, ())
    assert str(report) == "p.yaml: does not load: 1 problem in policy:\n  p.yaml:2: id: bad"
    with pytest.raises(PolicyCheckFailed):
        report.raise_for_failures()
