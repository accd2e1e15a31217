"""The parts of a decision that depend only on the policy, built once per compiled policy.

A rule's routing, actions, escalations and retention, every element's source, and every
role's name are the same for every complaint the rule matches. Building them once (on the
first decision under a policy) and reusing the same immutable objects is what makes a
decision cost microseconds instead of building a hundred models each time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ...messages.simplified import opencc_version
from ...policy.compiled import CompiledConflict, CompiledPolicy, CompiledRule
from ...policy.conditions import Predicate, build_function, function_source
from ...policy.model import Approval, Deadline, Parameter, Penalty, Report
from ...policy.vocabulary import Lookup
from ..complaint import Complaint
from ..model import (
    DecidedAction,
    DecidedAssignment,
    DecidedEscalation,
    DecidedGap,
    DecidedLevel,
    DecidedRetention,
    DecidedSanction,
    LayerRef,
    Named,
    PolicyRef,
    Source,
    calendar_host,
)
from ..render import retention_gap
from .parser import fast_parser
from .writer import DecisionWriter

__all__ = ["PreparedPenalty", "PreparedPolicy", "PreparedRule", "prepare"]

_CACHE_KEY = "engine"


@dataclass(frozen=True, slots=True)
class PreparedPenalty:
    penalty: Penalty
    source: Source
    subjects: tuple[Named, ...]
    inputs: tuple[str, ...]
    """The facts its amount reads: the amount's own fact, the headcount's (in that order)."""
    sanctions: tuple[dict[bool | None, DecidedSanction], ...]
    """Per sanction item, its decided form for each outcome of its condition."""
    tests: tuple[Predicate | None, ...]
    """Per sanction item, its condition's test (``None``: it applies unconditionally)."""


@dataclass(frozen=True, slots=True)
class PreparedRule:
    rule: CompiledRule
    source: Source
    routing: tuple[DecidedAssignment, ...]
    deadlines: tuple[tuple[Deadline, dict[str, Any]], ...]
    actions: tuple[DecidedAction, ...]
    escalations: tuple[DecidedEscalation, ...]
    reports: tuple[tuple[Report, dict[str, Any]], ...]
    retention: tuple[DecidedRetention, ...]
    retention_gaps: tuple[DecidedGap, ...]
    penalties: tuple[PreparedPenalty, ...]
    approvals: tuple[tuple[Approval, dict[str, Any]], ...]
    gaps: tuple[DecidedGap, ...]
    facts: tuple[str, ...]
    """The facts the rule's condition reads, sorted (what a pending rule may need)."""


Evaluate = Callable[
    [str, str, str | None, frozenset[str], Mapping[str, Any]],
    tuple[int, tuple[int, ...], tuple[int, ...]],
]
"""Every condition at once, from (channel, category, level, findings, facts): the index of
the first classification row that holds (-1 if none, or no table), and the indexes of the
rules that hold and of those pending."""


@dataclass(frozen=True, slots=True)
class PreparedPolicy:
    ref: PolicyRef
    rules: tuple[PreparedRule, ...]
    roles: dict[str, Named]
    channels: dict[str, Named]
    categories: dict[str, Named]
    levels: dict[str, Named]
    findings: dict[str, Named]
    parameters: dict[str, Parameter]
    evaluate: Evaluate
    parse: Callable[[dict[str, Any]], Complaint | None]
    """The policy's parser of plain complaints
    (:func:`~complaint_rules.decision._fast.parser.fast_parser`)."""
    row_levels: tuple[DecidedLevel, ...]
    """Per classification row, the level it gives, with its source."""
    other_levels: dict[tuple[str, str], DecidedLevel]
    """Levels given as input (``("input", id)``) or by the table's default."""
    conflicts: tuple[CompiledConflict, ...] = ()
    """The policy's declared conflicts of duties (see the compiled policy)."""
    conflict_sources: dict[str, Source] = field(default_factory=dict)
    """Each declared conflict's source, by its id (one object, its JSON kept)."""
    writer: DecisionWriter = field(default_factory=DecisionWriter)
    json: tuple[tuple[bytes, bytes, bytes, bytes, bytes], ...] = ()
    """Per rule, the JSON of its source, routing, actions, escalations and retention (the
    items, comma-separated, without brackets): a decision's lists are joined from these."""
    memo: defaultdict[str, dict[Any, Any]] = field(default_factory=lambda: defaultdict(dict))
    """Parts shared by complaints that match alike (see :mod:`complaint_rules.decision.engine`),
    by kind (a table is made on first use, in one step); each kind holds at most a bounded
    number (``engine.BY_POLICY``'s kinds, one per element of the policy, need no bound),
    and nothing is ever evicted."""


def prepare(cp: CompiledPolicy) -> PreparedPolicy:
    """The prepared parts of ``cp``: built on first use, then shared (thread-safe: building
    twice at once gives equal objects, and one of them is kept)."""
    found = cp.cache.get(_CACHE_KEY)
    if found is None:
        found = cp.cache.setdefault(_CACHE_KEY, _build(cp))
    assert isinstance(found, PreparedPolicy)
    return found


def _names(lookup: Lookup) -> dict[str, Named]:
    return {i: Named(id=i, label=t.label) for i, t in lookup.terms.items()}


def _build(cp: CompiledPolicy) -> PreparedPolicy:
    roles = _names(cp.roles)
    ref = PolicyRef(
        id=cp.id,
        version=cp.version,
        sha256=cp.sha256,
        calendar=cp.calendar.fingerprint,
        calendar_host=calendar_host(cp.calendar),
        timezone=cp.policy.timezone,
        opencc=opencc_version(),
        layers=tuple(LayerRef(id=x.id, version=x.version, sha256=x.sha256) for x in cp.layers),
    )
    levels = _names(cp.levels)
    table = cp.policy.classification
    other = {
        ("input", i): DecidedLevel(id=i, label=n.label, how="input", source=None)
        for i, n in levels.items()
    }
    if table is not None and table.default is not None:
        other["default", table.default] = DecidedLevel(
            id=table.default, label=levels[table.default].label, how="default", source=None
        )
    writer = DecisionWriter()
    rules = _canonical_gaps(tuple(_rule(cp, rule, roles) for rule in cp.rules))
    prepared = PreparedPolicy(
        ref=ref,
        rules=rules,
        roles=roles,
        channels=_names(cp.channels),
        categories=_names(cp.categories),
        levels=levels,
        findings=_names(cp.findings),
        parameters={p.id: p for p in cp.policy.parameters},
        evaluate=_evaluator(cp),
        row_levels=tuple(
            DecidedLevel(
                id=level,
                label=levels[level].label,
                how="classified",
                source=Source(rule=row_id, article=article, policy=cp.id, verification=None),
            )
            for row_id, article, level, _ in cp.classification
        ),
        other_levels=other,
        conflicts=cp.conflicts,
        conflict_sources={c.conflict.id: c.source() for c in cp.conflicts},
        writer=writer,
        json=tuple(_rule_json(writer, rule) for rule in rules),
        parse=fast_parser(cp).parse,
    )
    keep = writer.keep
    for named in (prepared.channels, prepared.categories, prepared.findings, levels):
        for item in named.values():
            keep(item)
    for level_out in (*prepared.row_levels, *other.values()):
        keep(level_out)
    keep(ref)
    return prepared


def _deadline_common(d: Deadline, by: tuple[Named, ...], source: Source) -> dict[str, Any]:
    """What a deadline's decided forms share: the period's unit and bounds, ``blank``
    (every field of a decided deadline in order, those that depend on the complaint left
    empty) and ``running`` (the same, with the status, unit and amounts of a running
    deadline filled in); ``by`` and ``source`` for the writer to keep."""
    unit = None if d.within is None else d.within.unit
    bounds = None if d.within is None else d.within.bounds
    blank: dict[str, Any] = {
        "id": d.id,
        "label": d.label,
        "status": None,
        "starts": d.starts,
        "started_at": None,
        "unit": None,
        "amount": None,
        "amount_min": None,
        "due": None,
        "due_earliest": None,
        "estimated": False,
        "overdue_at_decision": None,
        "by": by,
        "waiting_for": (),
        "note": d.note,
        "source": source,
    }
    common: dict[str, Any] = {
        "by": by,
        "source": source,
        "unit": unit,
        "bounds": bounds,
        "blank": blank,
    }
    if bounds is not None:
        low, high = bounds
        common["running"] = {
            **blank,
            "status": "running",
            "unit": unit,
            "amount": high,
            "amount_min": low if low != high else None,
        }
    return common


def _rule_json(
    writer: DecisionWriter, rule: PreparedRule
) -> tuple[bytes, bytes, bytes, bytes, bytes]:
    """The JSON of ``rule``'s source, routing, actions, escalations and retention (see
    :attr:`PreparedPolicy.json`); the parts made per complaint from it are kept too."""
    keep = writer.keep
    for _, common in rule.deadlines:
        keep(common["by"])
        keep(common["source"])
    for gap in (*rule.retention_gaps, *rule.gaps):
        keep(gap)
    routing, actions, escalations, retention = (
        b",".join([keep(part) for part in parts])
        for parts in (rule.routing, rule.actions, rule.escalations, rule.retention)
    )
    return keep(rule.source), routing, actions, escalations, retention


def _canonical_gaps(rules: tuple[PreparedRule, ...]) -> tuple[PreparedRule, ...]:
    """The rules with equal gaps made one object, so that gaps are told apart by identity."""
    seen: dict[DecidedGap, DecidedGap] = {}
    return tuple(
        replace(
            rule,
            retention_gaps=tuple(seen.setdefault(g, g) for g in rule.retention_gaps),
            gaps=tuple(seen.setdefault(g, g) for g in rule.gaps),
        )
        for rule in rules
    )


def _evaluator(cp: CompiledPolicy) -> Evaluate:
    """One function for every condition of the policy: the classification table (where the
    policy derives the level), then each rule's condition with that level."""
    facts: set[str] = set()
    constants: dict[str, Any] = {}
    body = ["row = -1"]
    if cp.level_input == "forbidden" and cp.classification:
        for i, (_, _, _, cond) in enumerate(cp.classification):
            facts |= cond.facts
            constants.update(cond.expr.constants)
            body += [f"{'if' if i == 0 else 'elif'} {cond.expr.true}:", f"    row = {i}"]
        constants["_levels"] = tuple(level for _, _, level, _ in cp.classification)
        body += ["if row >= 0:", "    lvl = _levels[row]"]
        table = cp.policy.classification
        if table is not None and table.default is not None:
            body += ["else:", f"    lvl = {table.default!r}"]
    body += ["m = []", "p = []"]
    for i, rule in enumerate(cp.rules):
        if rule.when is None:
            body.append(f"m.append({i})")
            continue
        expr = rule.when.expr
        facts |= rule.when.facts
        constants.update(expr.constants)
        body += [
            f"if {expr.true}:",
            f"    m.append({i})",
            f"elif not {expr.false}:",
            f"    p.append({i})",
        ]
    body.append("return row, tuple(m), tuple(p)")
    source = function_source("evaluate", sorted(facts), body, subject=False)
    evaluate: Evaluate = build_function(source, "evaluate", constants)
    return evaluate


def _rule(cp: CompiledPolicy, rule: CompiledRule, roles: dict[str, Named]) -> PreparedRule:
    r = rule.rule

    source = rule.source

    def named(ids: tuple[str, ...]) -> tuple[Named, ...]:
        return tuple(roles[i] for i in ids)

    def gap(about: str, text: str, article: str | None) -> DecidedGap:
        return DecidedGap(about=about, text=text, source=source(article))

    own = source()
    penalties = []
    for p in r.penalties:
        sanctions = []
        for item in p.sanctions:
            label = cp.sanctions.label(item.sanction)
            sanctions.append(
                {
                    got: DecidedSanction(
                        id=item.sanction, label=label, status=status, condition=item.condition_text
                    )
                    for got, status in (
                        (True, "applies"),
                        (False, "not_applicable"),
                        (None, "conditional"),
                    )
                }
            )
        penalties.append(
            PreparedPenalty(
                penalty=p,
                source=source(p.article),
                subjects=named(p.subjects),
                inputs=tuple(
                    f
                    for f in (None if p.amount_yuan is None else p.amount_yuan.fact, p.headcount)
                    if f is not None
                ),
                sanctions=tuple(sanctions),
                tests=tuple(
                    None if (cond := rule.sanctions.get((p.id, k))) is None else cond.test
                    for k in range(len(p.sanctions))
                ),
            )
        )
    return PreparedRule(
        rule=rule,
        source=own,
        routing=tuple(
            DecidedAssignment(
                duty=a.duty,
                role=roles[a.role],
                or_roles=named(a.or_roles),
                note=a.note,
                source=source(a.article),
            )
            for a in r.routing
        ),
        deadlines=tuple(
            (d, _deadline_common(d, named(d.by), source(d.article))) for d in r.deadlines
        ),
        actions=tuple(
            DecidedAction(
                id=a.id,
                label=a.label,
                on=a.on,
                by=named(a.by),
                by_any=a.by_any,
                to=named(a.to),
                to_any=a.to_any,
                deadline=a.deadline,
                discretionary=a.discretionary,
                note=a.note,
                source=source(a.article),
            )
            for a in r.actions
        ),
        escalations=tuple(
            DecidedEscalation(
                id=e.id,
                label=e.label,
                on=e.on,
                deadline=e.deadline,
                by=named(e.by),
                by_any=e.by_any,
                to=named(e.to),
                to_any=e.to_any,
                next=e.next,
                discretionary=e.discretionary,
                note=e.note,
                source=source(e.article),
            )
            for e in r.escalations
        ),
        reports=tuple(
            (
                rep,
                {
                    "id": rep.id,
                    "label": rep.label,
                    "by": named(rep.by),
                    "by_any": rep.by_any,
                    "to": named(rep.to),
                    "to_any": rep.to_any,
                    "frequency": rep.frequency,
                    "starts": rep.starts,
                    "discretionary": rep.discretionary,
                    "note": rep.note,
                    "source": source(rep.article),
                    # For the engine, not a field: the unit of the due period.
                    "due_unit": None if rep.due is None else rep.due.unit,
                },
            )
            for rep in r.reports
        ),
        retention=tuple(
            DecidedRetention(
                id=k.id,
                label=k.label,
                keeper=named(k.keeper),
                years=k.years,
                at_least=k.at_least,
                counted_from=k.counted_from,
                kept_until=None,
                # Counted from a fact: until the engine counts it (Decider.retention).
                waiting_for=(k.counted_from,) if k.counted_from and k.years else (),
                note=k.note,
                source=source(k.article),
            )
            for k in r.retention
        ),
        retention_gaps=tuple(
            gap("retention", retention_gap(k.label), k.article)
            for k in r.retention
            if k.years is None
        ),
        penalties=tuple(penalties),
        approvals=tuple(
            (
                ap,
                {
                    "id": ap.id,
                    "label": ap.label,
                    "above": named(ap.above),
                    "note": ap.note,
                    "source": source(ap.article),
                    # For the engine, not a field: each tier's role.
                    "roles": named(tuple(t.role for t in ap.tiers)),
                },
            )
            for ap in r.approvals
        ),
        gaps=tuple(gap(g.about, g.text, g.article) for g in r.gaps),
        facts=() if rule.when is None else tuple(sorted(rule.when.facts)),
    )
