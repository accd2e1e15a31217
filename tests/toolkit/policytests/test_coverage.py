"""Coverage of a policy by test cases: its parts in order, which a decision exercises, and
what a set of decisions missed; the bundled tests files cover their policies fully."""

from __future__ import annotations

from pathlib import Path

import pytest

from complaint_rules import Catalog, decide, load_policy_text
from complaint_rules.toolkit.policytests.cases import TestReport
from complaint_rules.toolkit.policytests.coverage import (
    CoverageItem,
    KindCoverage,
    coverage,
    exercised,
    parts,
)
from tests.support.decisions import a_decision, src
from tests.support.policy_texts import MINI
from tests.support.policytests import FULLY_COVERED

MINI_POLICY = load_policy_text(MINI)
MINOR = {
    "received_at": "2026-09-30T10:00:00+08:00",
    "channel": "counter",
    "category": "service",
    "level": "minor",
}
MAJOR = {
    **MINOR,
    "level": "major",
    "findings": ["late_opening"],
    "serious": True,
    "compensation_yuan": "800",
}


def item(kind: str, ident: str, rule: str, article: str) -> CoverageItem:
    return CoverageItem(kind=kind, id=ident, rule=rule, article=article, layer="mini")


ALL_PARTS = [
    item("rule", "always", "always", "第一條"),
    item("deadline", "reply", "always", "第一條"),
    item("escalation", "up", "always", "第一條"),
    item("escalation", "top", "always", "第一條"),
    item("rule", "departure", "departure", "第二條"),
    item("deadline", "before_departure", "departure", "第二條"),
    item("rule", "fines", "fines", "第三條"),
    item("penalty", "late_fine", "fines", "第三條"),
    item("sanction", "late_fine/dismissal", "fines", "第三條"),
    item("rule", "major_only", "major_only", "第四條"),
    item("approval", "compensation", "major_only", "第四條"),
]


@pytest.mark.parametrize("policy_id", FULLY_COVERED)
def test_bundled_policies_are_fully_covered(bundled: TestReport, policy_id: str) -> None:
    (cov,) = [c for c in bundled.coverage if c.policy == policy_id]
    assert cov.missed == ()
    assert (cov.covered, cov.percent) == (cov.total, 100.0)
    assert cov.decided >= 5


def test_baseline_rules_count_in_bocom(bundled: TestReport, catalog: Catalog) -> None:
    from complaint_rules.toolkit.policytests.coverage import parts

    bocom = catalog.load("bocom")
    inherited = [p for p in parts(bocom) if p.layer == "cn_banking_baseline"]
    rules = {p.id for p in inherited if p.kind == "rule"}
    assert rules == {r.id for r in catalog.load("cn_banking_baseline").policy.rules}
    (cov,) = [c for c in bundled.coverage if c.policy == "bocom"]
    assert cov.total == len(parts(bocom)) > len(inherited) > 0
    assert not [m for m in cov.missed if m.layer == "cn_banking_baseline"]


def test_grand_hotel_cases_cover_its_approval_tiers(bundled: TestReport) -> None:
    (cov,) = [c for c in bundled.coverage if c.policy == "grand_hotel"]
    kinds = {k.kind: (k.covered, k.total) for k in cov.kinds}
    assert kinds["approval"] == (1, 1)
    assert cov.percent < 100.0  # the hotel's other rules are tested in hotel.tests.yaml


def test_coverage_counts_only_applied_sanctions(tmp_path: Path, catalog: Catalog) -> None:
    from complaint_rules.decision.engine import decide
    from complaint_rules.toolkit.policytests.coverage import coverage

    xx = catalog.load("xx_bank")
    base = {"received_at": "2026-03-02T09:00:00+08:00", "channel": "投訴", "category": "信貸管理"}
    conditional = decide(xx, {**base, "findings": ["credit_misconduct"]})
    cov = coverage(xx, [conditional])
    missed = {m.id for m in cov.missed if m.kind == "sanction"}
    assert "credit_misconduct_deduction/termination" in missed
    serious = decide(xx, {**base, "findings": ["credit_misconduct"], "serious_circumstances": True})
    cov = coverage(xx, [conditional, serious])
    assert "credit_misconduct_deduction/termination" not in {m.id for m in cov.missed}
    assert cov.decided == 2


def test_the_parts_of_a_policy_in_order() -> None:
    # Per rule: the rule, its elements (deadlines, actions, escalations, reports, retention,
    # penalties, approvals), then each sanction item of its penalties.
    assert parts(MINI_POLICY) == ALL_PARTS


def test_a_classification_row_is_a_part_and_exercised_when_it_gave_the_level(
    catalog: Catalog,
) -> None:
    keyouqianqi = catalog.load("keyouqianqi_credit_union")
    rows = [p for p in parts(keyouqianqi) if p.kind == "classification"]
    assert rows and rows == [
        CoverageItem(
            kind="classification",
            id=row.id,
            rule=row.id,
            article=row.article,
            layer="keyouqianqi_credit_union",
        )
        for row in keyouqianqi.policy.classification.rows  # type: ignore[union-attr]
    ]
    assert parts(keyouqianqi)[: len(rows)] == rows  # the rows come first


def test_what_a_decision_exercises() -> None:
    level = {
        "id": "major",
        "label": "重大投訴",
        "how": "classified",
        "source": src("big", "第二條"),
    }
    seen = exercised(a_decision(level=level))
    assert seen == {
        ("rule", "r1"),
        ("classification", "big"),
        ("deadline", "reply"),
        ("deadline", "next_year"),
        ("deadline", "leave"),
        ("action", "visit"),
        ("action", "log"),
        ("action", "send_back"),
        ("escalation", "up"),
        ("escalation", "again"),
        ("report", "monthly"),
        ("report", "ad_hoc"),
        ("report", "result"),
        ("report", "follow_up"),
        ("retention", "file"),
        ("retention", "copy"),
        ("retention", "notes"),
        ("penalty", "fine"),
        ("penalty", "deduction"),
        ("penalty", "blank"),
        ("penalty", "none"),
        ("penalty", "loan"),
        ("sanction", "fine/warning"),  # applies; dismissal (conditional), demotion (not) do not
        ("approval", "pay"),
        ("approval", "pay_more"),
        ("approval", "pay_daily"),
        ("conflict", "self_investigation"),  # the routing ran into it
    }
    # A level given as input exercises no classification row.
    assert ("classification", "big") not in exercised(a_decision())


def test_coverage_counts_by_kind_and_lists_what_was_missed() -> None:
    minor = decide(MINI_POLICY, MINOR)
    # The minor complaint matches `always` and `departure` (no condition): 6 of 11 parts.
    cov = coverage(MINI_POLICY, [minor])
    assert (cov.policy, cov.decided, cov.covered, cov.total, cov.percent) == (
        "mini",
        1,
        6,
        11,
        54.5,
    )
    assert cov.kinds == (
        KindCoverage(kind="rule", covered=2, total=4),
        KindCoverage(kind="deadline", covered=2, total=2),
        KindCoverage(kind="escalation", covered=2, total=2),
        KindCoverage(kind="penalty", covered=0, total=1),
        KindCoverage(kind="sanction", covered=0, total=1),
        KindCoverage(kind="approval", covered=0, total=1),
    )
    assert cov.missed == tuple(ALL_PARTS[6:])
    # The major one with the finding, serious: every part.
    full = coverage(MINI_POLICY, iter([minor, decide(MINI_POLICY, MAJOR)]))
    assert (full.decided, full.covered, full.percent, full.missed) == (2, 11, 100.0, ())


def test_no_decision_covers_nothing() -> None:
    cov = coverage(MINI_POLICY, [])
    assert (cov.decided, cov.covered, cov.percent, cov.missed) == (0, 0, 0.0, tuple(ALL_PARTS))
