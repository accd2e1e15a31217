"""Coverage of a policy by test cases: which of its parts no decided case exercised.

The parts are the rules, the classification rows and every element that carries an id
(deadlines, actions, escalations, reports, retention, penalties, approvals), plus each
sanction item of a penalty, in policy order, then each declared conflict of duties. Rules
inherited from a base layer are parts of the extending policy. A part is exercised when
some decision shows it: a rule among ``matched_rules``, a row as the classified level's
source, an element in its list, a sanction item with status ``applies`` (its condition
held), a conflict among ``conflicts`` (the routing ran into it).
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from ...decision.model import Decision
from ...policy.compiled import CompiledPolicy
from ...policy.model import ELEMENT_SINGULAR

__all__ = ["CoverageItem", "KindCoverage", "PolicyCoverage", "coverage", "parts"]

KINDS = (
    "rule",
    "classification",
    "deadline",
    "action",
    "escalation",
    "report",
    "retention",
    "penalty",
    "sanction",
    "approval",
    "conflict",
)
"""The kinds of part, in the order they are summarised."""


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CoverageItem(_Out):
    """A part of a policy: its kind, id, the rule it belongs to, its article and layer."""

    kind: str
    id: str
    rule: str
    article: str
    layer: str


class KindCoverage(_Out):
    kind: str
    covered: int
    total: int


class PolicyCoverage(_Out):
    """How much of one policy the cases exercised, and the parts they missed."""

    policy: str
    decided: int
    """How many cases were decided under it (refused complaints exercise nothing)."""
    covered: int
    total: int
    percent: float
    kinds: tuple[KindCoverage, ...]
    missed: tuple[CoverageItem, ...]


def parts(policy: CompiledPolicy) -> list[CoverageItem]:
    """Every part of ``policy`` that a case can exercise, in policy order."""
    out: list[CoverageItem] = []
    table = policy.policy.classification
    for row in table.rows if table is not None else ():
        out.append(
            CoverageItem(
                kind="classification", id=row.id, rule=row.id, article=row.article, layer=policy.id
            )
        )
    for compiled in policy.rules:
        rule, layer = compiled.rule, compiled.layer
        found: list[tuple[str, str, str | None]] = [("rule", rule.id, None)]
        for name, kind in ELEMENT_SINGULAR.items():
            found.extend((kind, element.id, element.article) for element in getattr(rule, name))
        for penalty in rule.penalties:
            found.extend(
                ("sanction", f"{penalty.id}/{s.sanction}", s.article or penalty.article)
                for s in penalty.sanctions
            )
        out.extend(
            CoverageItem(
                kind=kind, id=ident, rule=rule.id, article=article or rule.article, layer=layer
            )
            for kind, ident, article in found
        )
    out.extend(
        CoverageItem(
            kind="conflict",
            id=c.conflict.id,
            rule=c.conflict.id,
            article=c.conflict.article,
            layer=c.layer,
        )
        for c in policy.conflicts
    )
    return out


def exercised(decision: Decision) -> set[tuple[str, str]]:
    """The (kind, id) of every part that ``decision`` shows."""
    seen = {("rule", source.rule) for source in decision.matched_rules}
    level = decision.level
    if level is not None and level.how == "classified" and level.source is not None:
        seen.add(("classification", level.source.rule))
    for name, kind in ELEMENT_SINGULAR.items():
        seen.update((kind, element.id) for element in getattr(decision, name))
    for penalty in decision.penalties:
        seen.update(
            ("sanction", f"{penalty.id}/{s.id}") for s in penalty.sanctions if s.status == "applies"
        )
    seen.update(("conflict", c.id) for c in decision.conflicts)
    return seen


def coverage(policy: CompiledPolicy, decisions: Iterable[Decision]) -> PolicyCoverage:
    """The parts of ``policy`` that ``decisions`` exercised, counted by kind."""
    seen: set[tuple[str, str]] = set()
    count = 0
    for decision in decisions:
        seen |= exercised(decision)
        count += 1
    items = parts(policy)
    hit = [(i.kind, i.id) in seen for i in items]
    kinds = tuple(
        KindCoverage(
            kind=kind,
            covered=sum(h for i, h in zip(items, hit, strict=True) if i.kind == kind),
            total=sum(1 for i in items if i.kind == kind),
        )
        for kind in KINDS
        if any(i.kind == kind for i in items)
    )
    covered = sum(hit)
    return PolicyCoverage(
        policy=policy.id,
        decided=count,
        covered=covered,
        total=len(items),
        percent=round(100 * covered / len(items), 1) if items else 100.0,
        kinds=kinds,
        missed=tuple(i for i, h in zip(items, hit, strict=True) if not h),
    )
