"""A compiled policy: a checked :class:`~complaint_rules.policy.model.Policy` made ready to decide.

Compiling checks that the pieces fit together (every name refers to something declared,
escalation chains end, ranges are ordered, conditions are well formed) and builds the
lookup tables, the condition predicates and the working-day calendar once. A policy
that compiles is a consistent policy; one that does not raises :class:`PolicyError`
listing every problem with its field path.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, time
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict

from ..calendar.periods import CountingConvention
from ..calendar.working_days import WorkingCalendar
from ..errors import PolicyError, Problem
from ..messages.catalogue import make_problem
from .conditions import CompiledCondition, ConditionContext, compile_condition
from .layers import merge, overlay_days
from .lifecycle_layers import lifecycle_layers, merge_lifecycle
from .model import (
    BUILTIN_EVENTS,
    ELEMENT_KINDS,
    ELEMENT_SINGULAR,
    Assignment,
    Conflict,
    Deadline,
    Money,
    Period,
    Policy,
    Rule,
)
from .vocabulary import Lookup, normalise

__all__ = [
    "CompiledConflict",
    "CompiledPolicy",
    "CompiledRule",
    "Layer",
    "Source",
    "compile_policy",
    "conflicting",
    "governed",
]

Path = tuple[str | int, ...]


class Source(BaseModel):
    """Where an element of a decision comes from: the rule id and the article as written in
    the source, and the policy (layer) that holds the rule."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str
    article: str
    policy: str
    verification: str | None = None


@dataclass(frozen=True)
class CompiledRule:
    rule: Rule
    index: int
    layer: str
    when: CompiledCondition | None
    sanctions: dict[tuple[str, int], CompiledCondition]

    def source(self, article: str | None = None) -> Source:
        """Where an element of this rule comes from: its own article, or the rule's."""
        return Source(
            rule=self.rule.id,
            article=article or self.rule.article,
            policy=self.layer,
            verification=self.rule.verification,
        )


@dataclass(frozen=True)
class CompiledConflict:
    """A declared conflict (:class:`~complaint_rules.policy.model.Conflict`) and its layer."""

    conflict: Conflict
    layer: str

    def source(self) -> Source:
        """Where a marked conflict comes from: the declaration's id, article and layer."""
        return Source(
            rule=self.conflict.id,
            article=self.conflict.article,
            policy=self.layer,
            verification=None,
        )

    def holders(self, assignment: Assignment) -> frozenset[str] | None:
        """The roles that may hold the duty by ``assignment`` (its role, or any of its
        ``or_roles``), if it is an assignment this conflict governs: of its duty, and (where
        the conflict names roles) only to roles it names."""
        return governed(self.conflict, assignment)

    def among(self, assignments: Iterable[Assignment]) -> tuple[int, ...]:
        """The positions of the governed ``assignments`` if they cannot all hold together
        (no role could hold the duty by every one of them), else ``()``."""
        return conflicting(self.conflict, assignments)


def governed(conflict: Conflict, assignment: Assignment) -> frozenset[str] | None:
    """See :meth:`CompiledConflict.holders`."""
    if assignment.duty != conflict.duty:
        return None
    roles = frozenset((assignment.role, *assignment.or_roles))
    if conflict.roles and not roles <= set(conflict.roles):
        return None
    return roles


def conflicting(conflict: Conflict, assignments: Iterable[Assignment]) -> tuple[int, ...]:
    """See :meth:`CompiledConflict.among`: two or more governed assignments whose sets of
    roles share no role conflict (one holder cannot satisfy them all)."""
    found = [(i, r) for i, a in enumerate(assignments) if (r := governed(conflict, a)) is not None]
    if len(found) < 2 or frozenset.intersection(*(r for _, r in found)):
        return ()
    return tuple(i for i, _ in found)


@dataclass(frozen=True)
class Layer:
    """One policy file in a stack of layers (the base first)."""

    id: str
    version: str
    sha256: str


@dataclass(frozen=True)
class CompiledPolicy:
    """Everything needed to decide, built once; immutable and safe to share across threads."""

    policy: Policy
    sha256: str
    tz: ZoneInfo
    calendar: WorkingCalendar
    convention: CountingConvention
    roles: Lookup
    channels: Lookup
    categories: Lookup
    levels: Lookup
    findings: Lookup
    sanctions: Lookup
    events: Lookup
    level_order: tuple[str, ...]
    level_input: str
    classification: tuple[tuple[str, str, str, CompiledCondition], ...]
    rules: tuple[CompiledRule, ...]
    layers: tuple[Layer, ...]
    conflicts: tuple[CompiledConflict, ...] = ()
    """The declared conflicts of duties (base layer first), each with its layer."""
    lifecycle_layers: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """The layer (policy id) each lifecycle entry came from, keyed ``"clocks:decision"``."""
    cache: dict[str, object] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )
    """Parts built on first use from the fields above
    (see :mod:`complaint_rules.decision._fast.prepared`);
    a copy made with :func:`dataclasses.replace` (e.g. ``with_calendar``) starts empty."""

    @property
    def id(self) -> str:
        return self.policy.id

    @property
    def version(self) -> str:
        return self.policy.version

    def __repr__(self) -> str:
        # One line for a debugger or a log; the whole policy is in self.policy.
        return f"<CompiledPolicy {self.id} version {self.version} sha256:{self.sha256[:12]}>"

    def with_calendar(
        self,
        *,
        holidays: Mapping[date, str] | None = None,
        workdays: Mapping[date, str] | None = None,
    ) -> CompiledPolicy:
        """A copy deciding with days the host adds or overrides (e.g. next year's schedule).

        The host's days win over the policy's opposite declaration; the decision's
        calendar fingerprint changes with them.
        """
        merged_h, merged_w = overlay_days(
            self.calendar.extra_holidays,
            self.calendar.extra_workdays,
            holidays or {},
            workdays or {},
        )
        calendar = WorkingCalendar(extra_holidays=merged_h, extra_workdays=merged_w)
        return replace(self, calendar=calendar)


def _content_hash(policy: Policy) -> str:
    dumped = policy.model_dump(mode="json", by_alias=True)
    canonical = json.dumps(dumped, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class _Checker:
    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.problems: list[Problem] = []
        vocab = policy.vocabulary
        self.lookups = {
            "role": Lookup.build("role", vocab.roles),
            "channel": Lookup.build("channel", vocab.channels),
            "category": Lookup.build("category", vocab.categories),
            "level": Lookup.build("level", vocab.levels),
            "finding": Lookup.build("finding", vocab.findings),
            "sanction": Lookup.build("sanction", vocab.sanctions),
            "event": Lookup.build("event", vocab.events),
        }
        self.fact_types = {fact.id: fact.type for fact in policy.facts}
        self.parameters = {p.id: p for p in policy.parameters}
        self.ctx = ConditionContext(
            channels=frozenset(t.id for t in vocab.channels),
            categories=frozenset(t.id for t in vocab.categories),
            levels=tuple(t.id for t in vocab.levels),
            findings=frozenset(t.id for t in vocab.findings),
            fact_types=self.fact_types,
        )

    def add(self, path: Path, code: str, wording: str | None = None, **args: object) -> None:
        """A problem of ``code``, worded by the catalogue's ``wording`` (or ``code``)."""
        self.problems.append(make_problem(code, path=path, args=args, wording=wording))

    def ref(self, kind: str, value: str, path: Path) -> None:
        lookup = self.lookups[kind]
        if value not in lookup.terms:
            self.add(
                path,
                "policy.undeclared_term",
                kind=kind,
                value=repr(value),
                **_allowed(value, list(lookup.terms)),
            )

    def refs(self, kind: str, values: Iterable[str], path: Path) -> None:
        for i, value in enumerate(values):
            self.ref(kind, value, (*path, i))

    def condition(self, cond: Any, path: Path) -> CompiledCondition:
        compiled, problems = compile_condition(cond, self.ctx, path)
        self.problems.extend(problems)
        return compiled

    # -- the checks -------------------------------------------------------------

    def vocabulary(self) -> None:
        vocab = self.policy.vocabulary
        for kind_name in type(vocab).model_fields:
            seen: dict[str, int] = {}
            for i, term in enumerate(getattr(vocab, kind_name)):
                if term.id in seen:
                    self.add(
                        ("vocabulary", kind_name, i, "id"),
                        "policy.vocabulary.duplicate_id",
                        id=repr(term.id),
                        first=f"{kind_name}[{seen[term.id]}]",
                    )
                seen.setdefault(term.id, i)
        for kind_name in type(vocab).model_fields:
            owner: dict[str, str] = {}
            for i, term in enumerate(getattr(vocab, kind_name)):
                for k, spelling in enumerate((term.id, term.label, *term.aliases)):
                    first = owner.setdefault(normalise(spelling), term.id)
                    if first != term.id:
                        where = ("id", "label", "aliases")[min(k, 2)]
                        path: Path = ("vocabulary", kind_name, i, where)
                        self.add(
                            (*path, k - 2) if where == "aliases" else path,
                            "policy.vocabulary.spelling_twice",
                            kind=_TERM[kind_name],
                            spelling=repr(spelling),
                            first=repr(first),
                            id=repr(term.id),
                        )
        for i, role in enumerate(vocab.roles):
            if role.reports_to is not None:
                self.ref("role", role.reports_to, ("vocabulary", "roles", i, "reports_to"))
        chain_cycle = _cycle({r.id: r.reports_to for r in vocab.roles})
        if chain_cycle:
            index = [r.id for r in vocab.roles].index(chain_cycle[-2])
            self.add(
                ("vocabulary", "roles", index, "reports_to"),
                "policy.reports_to_cycle",
                cycle=" -> ".join(chain_cycle),
            )
        ids = [f.id for f in self.policy.facts]
        for i, fact in enumerate(self.policy.facts):
            if fact.id in ("received", "deadline_missed") or fact.id in _RESERVED:
                self.add(("facts", i, "id"), "policy.fact.reserved", id=repr(fact.id))
            if ids.index(fact.id) != i:
                self.add(("facts", i, "id"), "policy.fact.duplicate_id", id=repr(fact.id))
            if fact.default is not None:
                ok = isinstance(fact.default, bool) == (fact.type == "bool")
                if not ok or fact.type == "datetime":
                    self.add(("facts", i, "default"), "policy.fact.default_type", type=fact.type)
        pids = [p.id for p in self.policy.parameters]
        for i, param in enumerate(self.policy.parameters):
            if pids.index(param.id) != i:
                self.add(
                    ("parameters", i, "id"), "policy.parameter.duplicate_id", id=repr(param.id)
                )

    def settings(self) -> None:
        policy = self.policy
        try:
            ZoneInfo(policy.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            self.add(("timezone",), "policy.timezone", zone=repr(policy.timezone))
        both = set(policy.calendar.holidays) & set(policy.calendar.workdays)
        for day in sorted(both):
            self.add(("calendar", "workdays", str(day)), "policy.calendar.both", day=day)
        has_levels = bool(policy.vocabulary.levels)
        if policy.classification is not None:
            if policy.level_input in ("required", "optional"):
                self.add(("level_input",), "policy.level_input.classified")
            if not has_levels:
                self.add(("classification",), "policy.classification.no_levels")
        elif policy.level_input in ("required", "optional") and not has_levels:
            self.add(("level_input",), "policy.level_input.no_levels")

    def classification(self) -> list[tuple[str, str, str, CompiledCondition]]:
        table = self.policy.classification
        if table is None:
            return []
        rows = []
        for i, row in enumerate(table.rows):
            path: Path = ("classification", "rows", i)
            self.ref("level", row.level, (*path, "level"))
            rows.append((row.id, row.article, row.level, self.condition(row.when, (*path, "when"))))
        if table.default is not None:
            self.ref("level", table.default, ("classification", "default"))
        return rows

    def period(self, period: Period | None, path: Path) -> None:
        if period is None:
            return
        low, high = period.bounds
        if low > high:
            self.add((*path, period.unit), "policy.period.min_max", min=low, max=high)
        if period.unit in ("calendar_days", "working_days") and low < 1:
            self.add((*path, period.unit), "policy.period.days_at_least_one")

    def amount_fact(self, fact_id: str, path: Path, code: str, what: str, *types: str) -> None:
        """A fact holding an amount or a count: a number fact (of ``types``, default int or
        decimal) that cannot be negative (its ``minimum`` is 0 or more)."""
        types = types or ("int", "decimal")
        fact = next((f for f in self.policy.facts if f.id == fact_id), None)
        if fact is None or fact.type not in types:
            allowed = [f for f, t in self.fact_types.items() if t in types]
            kind = " or ".join(types)
            self.add(
                path,
                code,
                fact=repr(fact_id),
                kind=kind,
                what=what,
                **_allowed(fact_id, allowed),
            )
        elif fact.minimum is None or fact.minimum < 0:
            self.add(path, code, code + ".negative", fact=repr(fact_id), what=what)

    def either(self, element: Any, path: Path) -> None:
        """``by_any``/``to_any`` say any one of several roles: they need two or more."""
        for name in ("by", "to"):
            if getattr(element, f"{name}_any") and len(getattr(element, name)) < 2:
                self.add(
                    (*path, f"{name}_any"),
                    "policy.either_needs_two",
                    name=name,
                    count=len(getattr(element, name)),
                )

    def money(self, money: Money | None, path: Path) -> None:
        if money is None:
            return
        if money.fact is not None:
            self.amount_fact(money.fact, (*path, "fact"), "policy.amount_fact", "an amount in yuan")
            return
        if money.parameter is not None:
            param = self.parameters.get(money.parameter)
            if param is None:
                self.add(
                    (*path, "parameter"),
                    "policy.parameter.undeclared",
                    id=repr(money.parameter),
                    **_allowed(money.parameter, list(self.parameters)),
                )
            elif param.type != "money":
                self.add(
                    (*path, "parameter"), "policy.parameter.not_money", id=repr(money.parameter)
                )
        elif money.min is not None and money.max is not None and money.min > money.max:
            self.add((*path, "min"), "policy.money.min_max", min=money.min, max=money.max)

    def rules(self, layers: dict[str, str]) -> list[CompiledRule]:
        policy = self.policy
        if not policy.rules:
            self.add(("rules",), "policy.rules.none")
        seen_rules: dict[str, int] = {}
        elements: dict[str, dict[str, Path]] = {kind: {} for kind in ELEMENT_KINDS}
        for i, rule in enumerate(policy.rules):
            if rule.id in seen_rules:
                self.add(
                    ("rules", i, "id"),
                    "policy.rule.duplicate_id",
                    id=repr(rule.id),
                    first=f"rules[{seen_rules[rule.id]}]",
                )
            seen_rules.setdefault(rule.id, i)
            for kind in ELEMENT_KINDS:
                for j, element in enumerate(getattr(rule, kind)):
                    path: Path = ("rules", i, kind, j, "id")
                    if element.id in elements[kind]:
                        first = _dotted(elements[kind][element.id])
                        self.add(
                            path,
                            "policy.element.duplicate_id",
                            kind=ELEMENT_SINGULAR[kind],
                            id=repr(element.id),
                            first=first,
                        )
                    elements[kind].setdefault(element.id, path)
        deadlines = set(elements["deadlines"])
        escalations = set(elements["escalations"])
        datetime_facts = [f for f, t in self.fact_types.items() if t == "datetime"]
        compiled: list[CompiledRule] = []
        for i, rule in enumerate(policy.rules):
            base: Path = ("rules", i)
            when = None if rule.when is None else self.condition(rule.when, (*base, "when"))
            for j, assignment in enumerate(rule.routing):
                self.ref("role", assignment.role, (*base, "routing", j, "role"))
                self.refs("role", assignment.or_roles, (*base, "routing", j, "or_roles"))
                alternatives = (assignment.role, *assignment.or_roles)
                if len(set(alternatives)) != len(alternatives):
                    self.add(
                        (*base, "routing", j, "or_roles"),
                        "policy.either_roles",
                    )
            for j, deadline in enumerate(rule.deadlines):
                path = (*base, "deadlines", j)
                self.refs("role", deadline.by, (*path, "by"))
                self.period(deadline.within, (*path, "within"))
                for name, where in [(deadline.starts, (*path, "starts"))] + [
                    (u, (*path, "until", k)) for k, u in enumerate(deadline.until)
                ]:
                    if name != "received" and name not in datetime_facts:
                        allowed = (
                            ["received", *datetime_facts]
                            if where[-1] == "starts"
                            else (datetime_facts)
                        )
                        self.add(
                            where,
                            "policy.deadline.start_fact",
                            fact=repr(name),
                            **_allowed(name, allowed),
                        )
            for j, action in enumerate(rule.actions):
                path = (*base, "actions", j)
                self.refs("role", action.by, (*path, "by"))
                self.refs("role", action.to, (*path, "to"))
                self.either(action, path)
                events = self.lookups["event"].terms
                if action.on is not None and action.on not in events:
                    self.add(
                        (*path, "on"),
                        "policy.action_trigger",
                        event=repr(action.on),
                        **_allowed(action.on, list(events)),
                    )
                if action.deadline is not None and action.deadline not in deadlines:
                    self.add(
                        (*path, "deadline"),
                        "policy.action.deadline_undeclared",
                        id=repr(action.deadline),
                        **_allowed(action.deadline, sorted(deadlines)),
                    )
            for j, esc in enumerate(rule.escalations):
                path = (*base, "escalations", j)
                self.refs("role", esc.by, (*path, "by"))
                self.refs("role", esc.to, (*path, "to"))
                self.either(esc, path)
                if esc.on == "deadline_missed":
                    if esc.deadline is None:
                        self.add((*path, "deadline"), "policy.escalation.needs_deadline")
                    elif esc.deadline not in deadlines:
                        self.add(
                            (*path, "deadline"),
                            "policy.escalation.deadline_undeclared",
                            id=repr(esc.deadline),
                            **_allowed(esc.deadline, sorted(deadlines)),
                        )
                elif esc.deadline is not None:
                    self.add((*path, "deadline"), "policy.escalation.deadline_without_missed")
                if esc.on not in ("received", "deadline_missed") and (
                    esc.on not in self.lookups["event"].terms
                ):
                    allowed = ["received", "deadline_missed", *self.lookups["event"].terms]
                    self.add(
                        (*path, "on"),
                        "policy.escalation.trigger",
                        event=repr(esc.on),
                        **_allowed(esc.on, allowed),
                    )
                if esc.next is not None and esc.next not in escalations:
                    self.add(
                        (*path, "next"),
                        "policy.escalation.next_undeclared",
                        id=repr(esc.next),
                        **_allowed(esc.next, sorted(escalations)),
                    )
            for j, report in enumerate(rule.reports):
                path = (*base, "reports", j)
                self.refs("role", report.by, (*path, "by"))
                self.refs("role", report.to, (*path, "to"))
                self.either(report, path)
                self.period(report.due, (*path, "due"))
                if report.starts != "received":
                    if report.starts not in datetime_facts:
                        self.add(
                            (*path, "starts"),
                            "policy.report_start",
                            fact=repr(report.starts),
                            **_allowed(report.starts, ["received", *datetime_facts]),
                        )
                    elif report.due is None:
                        self.add(
                            (*path, "starts"),
                            "policy.report_start",
                            "policy.report_start.no_due",
                        )
            for j, keep in enumerate(rule.retention):
                self.refs("role", keep.keeper, (*base, "retention", j, "keeper"))
                if keep.counted_from is not None:
                    where = (*base, "retention", j, "counted_from")
                    if keep.counted_from not in datetime_facts:
                        self.add(
                            where,
                            "policy.retention.counted_from_fact",
                            fact=repr(keep.counted_from),
                            **_allowed(keep.counted_from, list(datetime_facts)),
                        )
                    elif keep.years is None:
                        self.add(
                            where,
                            "policy.retention.no_years",
                        )
            sanctions: dict[tuple[str, int], CompiledCondition] = {}
            for j, penalty in enumerate(rule.penalties):
                path = (*base, "penalties", j)
                self.ref("finding", penalty.finding, (*path, "finding"))
                self.refs("role", penalty.subjects, (*path, "subjects"))
                self.money(penalty.amount_yuan, (*path, "amount_yuan"))
                if penalty.headcount is not None:
                    self.amount_fact(
                        penalty.headcount,
                        (*path, "headcount"),
                        "policy.headcount_fact",
                        "a number of persons",
                        "int",
                    )
                if penalty.kind in ("fine", "pay_deduction") and penalty.amount_yuan is None:
                    self.add(
                        (*path, "amount_yuan"), "policy.penalty.needs_amount", kind=penalty.kind
                    )
                for k, item in enumerate(penalty.sanctions):
                    self.ref("sanction", item.sanction, (*path, "sanctions", k, "sanction"))
                    if item.when is not None:
                        sanctions[(penalty.id, k)] = self.condition(
                            item.when, (*path, "sanctions", k, "when")
                        )
            for j, approval in enumerate(rule.approvals):
                path = (*base, "approvals", j)
                if self.fact_types.get(approval.amount_fact) not in ("int", "decimal"):
                    numeric = [f for f, t in self.fact_types.items() if t in ("int", "decimal")]
                    self.add(
                        (*path, "amount_fact"),
                        "policy.approval.amount_fact",
                        fact=repr(approval.amount_fact),
                        **_allowed(approval.amount_fact, numeric),
                    )
                for k, tier in enumerate(approval.tiers):
                    self.ref("role", tier.role, (*path, "tiers", k, "role"))
                    self.money(tier.limit_yuan, (*path, "tiers", k, "limit_yuan"))
                    if tier.limit_yuan.fact is not None:
                        self.add(
                            (*path, "tiers", k, "limit_yuan", "fact"),
                            "policy.tier_limit_fact",
                        )
                    if tier.earlier_total is not None:
                        self.amount_fact(
                            tier.earlier_total,
                            (*path, "tiers", k, "earlier_total"),
                            "policy.earlier_total_fact",
                            "an amount already approved, in yuan",
                        )
                self.refs("role", approval.above, (*path, "above"))
            compiled.append(
                CompiledRule(
                    rule=rule,
                    index=i,
                    layer=layers.get(rule.id, policy.id),
                    when=when,
                    sanctions=sanctions,
                )
            )
        nexts = {esc.id: esc.next for rule in policy.rules for esc in rule.escalations}
        loop = _cycle(nexts)
        if loop:
            closing = elements["escalations"][loop[-2]]
            self.add((*closing[:-1], "next"), "policy.escalation.cycle", cycle=" -> ".join(loop))
        return compiled

    # -- periodic duties ----------------------------------------------------------------

    def periodic(self) -> None:
        """The institution's recurring duties: roles declared, ids unique, one way of dating."""
        seen: dict[str, int] = {}
        for i, duty in enumerate(self.policy.periodic):
            path: Path = ("periodic", i)
            if duty.id in seen:
                self.add(
                    (*path, "id"),
                    "policy.periodic.duplicate_id",
                    id=repr(duty.id),
                    first=f"periodic[{seen[duty.id]}]",
                )
            seen.setdefault(duty.id, i)
            self.refs("role", duty.by, (*path, "by"))
            self.refs("role", duty.to, (*path, "to"))
            if duty.due is not None and duty.due_day is not None:
                self.add(
                    (*path, "due_day"),
                    "policy.periodic.due_twice",
                )

    # -- conflicts of duties -----------------------------------------------------------

    def conflicts(self, layers: Mapping[str, str]) -> list[CompiledConflict]:
        """The declared conflicts, checked; and no rule may give a duty, on its own, to
        roles a conflict says cannot hold it together (that is a contradiction of the
        policy's own, not of the source's articles, which decisions and lint mark)."""
        policy = self.policy
        seen: dict[str, int] = {}
        out = []
        for i, conflict in enumerate(policy.conflicts):
            path: Path = ("conflicts", i)
            if conflict.id in seen:
                self.add(
                    (*path, "id"),
                    "policy.conflict_duplicate_id",
                    id=repr(conflict.id),
                    first=f"conflicts[{seen[conflict.id]}]",
                )
            seen.setdefault(conflict.id, i)
            self.refs("role", conflict.roles, (*path, "roles"))
            if len(conflict.roles) == 1 or len(set(conflict.roles)) != len(conflict.roles):
                self.add(
                    (*path, "roles"),
                    "policy.conflict_roles",
                )
            out.append(CompiledConflict(conflict, layers.get(conflict.id, policy.id)))
            for r, rule in enumerate(policy.rules):
                involved = conflicting(conflict, rule.routing)
                if involved:
                    roles = ", ".join(dict.fromkeys(rule.routing[k].role for k in involved))
                    self.add(
                        ("rules", r, "routing", involved[-1]),
                        "policy.exclusive_duty_conflict",
                        rule=repr(rule.id),
                        duty=conflict.duty,
                        roles=roles,
                        conflict=repr(conflict.id),
                    )
        return out

    # -- lifecycle (events, clocks, duties, reminders) ---------------------------------

    def lifecycle(self) -> None:
        policy = self.policy
        events = self.lookups["event"].terms
        for i, term in enumerate(policy.vocabulary.events):
            if term.id in _RESERVED_EVENTS:
                self.add(
                    ("vocabulary", "events", i, "id"),
                    "policy.event.reserved",
                    id=repr(term.id),
                    reserved=", ".join(_RESERVED_EVENTS),
                )
        life = policy.lifecycle
        if life is None:
            return
        own_events = list(events)
        with_received = ["received", *own_events]

        def event_refs(names: Iterable[str], path: Path, allowed: list[str]) -> None:
            for k, name in enumerate(names):
                if name not in allowed:
                    self.add(
                        (*path, k),
                        "policy.lifecycle.not_an_event",
                        event=repr(name),
                        **_allowed(name, allowed),
                    )

        rule_elements: dict[str, str] = {}
        deadlines: dict[str, Deadline] = {}
        discretionary = {a.id for rule in policy.rules for a in rule.actions if a.discretionary}
        discretionary |= {r.id for rule in policy.rules for r in rule.reports if r.discretionary}
        for rule in policy.rules:
            kinds = [(a.id, "action") for a in rule.actions] + [
                (r.id, "report") for r in rule.reports
            ]
            for element_id, kind in kinds:
                if rule_elements.setdefault(element_id, kind) != kind:
                    rule_elements[element_id] = "action and report"
            for deadline in rule.deadlines:
                deadlines.setdefault(deadline.id, deadline)
        clock_ids = [c.id for c in life.clocks]
        base: Path = ("lifecycle",)

        def unique(kind: str, ids: list[str]) -> None:
            for i, item_id in enumerate(ids):
                if ids.index(item_id) != i:
                    first = ids.index(item_id)
                    self.add(
                        (*base, kind, i, "id"),
                        "policy.lifecycle.duplicate_id",
                        kind=_ENTRY[kind],
                        id=repr(item_id),
                        first=f"lifecycle.{kind}[{first}]",
                    )

        def fact_settings(sets: Mapping[str, Any], path: Path) -> None:
            for name, value in sets.items():
                kind = self.fact_types.get(name)
                settable = [f for f, t in self.fact_types.items() if t in ("bool", "int")]
                if kind not in ("bool", "int"):
                    self.add(
                        (*path, name),
                        "policy.lifecycle.sets_datetime"
                        if kind == "datetime"
                        else "policy.lifecycle.sets_fact",
                        fact=repr(name),
                        **_allowed(name, settable),
                    )
                elif isinstance(value, bool) != (kind == "bool"):
                    self.add(
                        (*path, name), "policy.lifecycle.sets_type", value=repr(value), type=kind
                    )

        unique("events", [e.id for e in life.events])
        for i, effect in enumerate(life.events):
            path: Path = (*base, "events", i)
            if effect.id not in events:
                self.add(
                    (*path, "id"),
                    "policy.lifecycle.event_undeclared",
                    id=repr(effect.id),
                    **_allowed(effect.id, own_events),
                )
            event_refs(effect.after, (*path, "after"), with_received)
            event_refs(effect.excludes, (*path, "excludes"), own_events)
            fact_settings(effect.sets, (*path, "sets"))
            datetime_facts = [f for f, t in self.fact_types.items() if t == "datetime"]
            for k, name in enumerate(effect.sets_time):
                if name not in datetime_facts:
                    self.add(
                        (*path, "sets_time", k),
                        "policy.lifecycle.sets_time_fact",
                        fact=repr(name),
                        **_allowed(name, datetime_facts),
                    )
            self.refs("finding", effect.findings, (*path, "findings"))

        unique("clocks", clock_ids)
        extension_owner: dict[str, str] = {}
        extension_ids: dict[str, Path] = {}
        for i, clock in enumerate(life.clocks):
            path = (*base, "clocks", i)
            units: list[str] = []
            for k, name in enumerate(clock.deadlines):
                found = deadlines.get(name)
                if found is None:
                    self.add(
                        (*path, "deadlines", k),
                        "policy.clock.deadline_undeclared",
                        id=repr(name),
                        **_allowed(name, sorted(deadlines)),
                    )
                else:
                    units.append("until" if found.within is None else found.within.unit)
            if clock.within is not None:
                self.period(clock.within, (*path, "within"))
                units.append(clock.within.unit)
            if not clock.starts:
                self.add((*path, "starts"), "policy.clock.no_start")
            seen: dict[str, str] = {}
            ops = ("starts", "meets", "stops", "pauses", "resumes", "restarts")
            for op in ops:
                names = getattr(clock, op)
                event_refs(names, (*path, op), with_received if op == "starts" else own_events)
                for k, name in enumerate(names):
                    if name in seen:
                        self.add(
                            (*path, op, k),
                            "policy.clock.event_twice",
                            event=repr(name),
                            op=seen[name],
                        )
                    seen.setdefault(name, op)
            if bool(clock.pauses) != bool(clock.resumes):
                self.add(
                    (*path, "pauses" if clock.pauses else "resumes"),
                    "policy.clock.pause_resume",
                )
            if (clock.pauses or clock.extensions) and set(units) & {"until", "end_of_month"}:
                self.add(
                    (*path, "pauses" if clock.pauses else "extensions"),
                    "policy.clock.not_pausable",
                )
            if clock.extensions and len(set(units)) > 1:
                self.add(
                    (*path, "extensions"),
                    "policy.clock.extension_units",
                    units=", ".join(units),
                )
            periods = [deadlines[n].within for n in clock.deadlines if n in deadlines]
            periods.append(clock.within)
            previous = max((p.bounds[1] for p in periods if p is not None), default=0)
            for j, ext in enumerate(clock.extensions):
                epath: Path = (*path, "extensions", j)
                if ext.id in extension_ids:
                    first = _dotted((*extension_ids[ext.id], "id"))
                    self.add(
                        (*epath, "id"),
                        "policy.extension.duplicate_id",
                        id=repr(ext.id),
                        first=first,
                    )
                extension_ids.setdefault(ext.id, epath)
                event_refs([ext.on], epath, own_events)
                owner = extension_owner.setdefault(ext.on, clock.id)
                if ext.on in own_events and owner != clock.id:
                    self.add(
                        (*epath, "on"),
                        "policy.extension.two_clocks",
                        event=repr(ext.on),
                        clock=repr(owner),
                    )
                if ext.on in seen:
                    self.add(
                        (*epath, "on"),
                        "policy.clock.event_twice",
                        event=repr(ext.on),
                        op=seen[ext.on],
                    )
                self.refs("role", ext.approvers, (*epath, "approvers"))
                self.period(ext.to, (*epath, "to"))
                fact_settings(ext.sets, (*epath, "sets"))
                if units and ext.to.unit != units[0]:
                    self.add((*epath, "to"), "policy.extension.unit", unit=units[0])
                elif ext.to.bounds[0] <= previous:
                    self.add(
                        (*epath, "to"),
                        "policy.extension.not_longer",
                        previous=previous,
                        unit=ext.to.unit,
                        got=ext.to.bounds[0],
                    )
                previous = max(previous, ext.to.bounds[1])

        unique("duties", [d.id for d in life.duties])
        for i, duty in enumerate(life.duties):
            path = (*base, "duties", i)
            if rule_elements.get(duty.id) not in ("action", "report"):
                if duty.id in rule_elements:
                    self.add((*path, "id"), "policy.duty.action_and_report", id=repr(duty.id))
                else:
                    self.add(
                        (*path, "id"),
                        "policy.duty.not_an_action",
                        id=repr(duty.id),
                        **_allowed(duty.id, sorted(rule_elements)),
                    )
            if duty.id in discretionary:
                self.add(
                    (*path, "id"),
                    "policy.discretionary_owed",
                    id=repr(duty.id),
                )
            if not duty.after:
                self.add((*path, "after"), "policy.duty.no_after")
            event_refs(duty.after, (*path, "after"), with_received)
            event_refs(duty.done_by, (*path, "done_by"), own_events)
            if duty.clock is not None and duty.clock not in clock_ids:
                self.add(
                    (*path, "clock"),
                    "policy.duty.clock_undeclared",
                    id=repr(duty.clock),
                    **_allowed(duty.clock, clock_ids),
                )

        unique("reminders", [r.id for r in life.reminders])
        actions = sorted(k for k, v in rule_elements.items() if v == "action")
        for i, reminder in enumerate(life.reminders):
            path = (*base, "reminders", i)
            if rule_elements.get(reminder.id) != "action":
                self.add(
                    (*path, "id"),
                    "policy.reminder.not_an_action",
                    id=repr(reminder.id),
                    **_allowed(reminder.id, actions),
                )
            elif reminder.id in discretionary:
                self.add(
                    (*path, "id"),
                    "policy.discretionary_owed",
                    "policy.discretionary_owed.reminder",
                    id=repr(reminder.id),
                )
            if reminder.clock not in clock_ids:
                self.add(
                    (*path, "clock"),
                    "policy.reminder.clock_undeclared",
                    id=repr(reminder.clock),
                    **_allowed(reminder.clock, clock_ids),
                )
            self.refs("role", reminder.to, (*path, "to"))
            param_id = None if reminder.before is None else reminder.before.parameter
            if param_id is not None:
                param = self.parameters.get(param_id)
                if param is None:
                    self.add(
                        (*path, "before", "parameter"),
                        "policy.parameter.undeclared",
                        id=repr(param_id),
                        **_allowed(param_id, list(self.parameters)),
                    )
                elif param.type != "int":
                    self.add(
                        (*path, "before", "parameter"),
                        "policy.parameter.not_int",
                        id=repr(param_id),
                    )
                elif param.value is not None and (
                    param.value < 1 or param.value != param.value.to_integral_value()
                ):
                    self.add(
                        (*path, "before", "parameter"),
                        "policy.reminder.offset",
                        id=repr(param_id),
                        value=param.value,
                    )
        for i, gap in enumerate(life.gaps):
            if gap.article is None:
                self.add((*base, "gaps", i, "article"), "policy.lifecycle.gap_article")


_RESERVED = frozenset(
    {"received_at", "channel", "category", "level", "findings", "id", "complainant", "text"}
)
_RESERVED_EVENTS = (*BUILTIN_EVENTS, "deadline_missed")
_TERM = {
    "roles": "role",
    "channels": "channel",
    "categories": "category",
    "levels": "level",
    "findings": "finding",
    "sanctions": "sanction",
    "events": "event",
}
"""One term of each list of the vocabulary, for messages."""
_ENTRY = {"events": "event", "clocks": "clock", "duties": "duty", "reminders": "reminder"}
"""One entry of each list of the lifecycle, for messages."""


def _allowed(word: str, allowed: list[str]) -> dict[str, str]:
    """The ``choices`` of a message (``-``: none declared), and the ``nearest`` of them
    (:func:`~complaint_rules.messages.catalogue.say` words it)."""
    import difflib

    if not allowed:
        return {"choices": "-", "nearest": ""}
    match = difflib.get_close_matches(word, allowed, n=1)
    return {"choices": ", ".join(allowed), "nearest": repr(match[0]) if match else ""}


def _dotted(path: Path) -> str:
    return str(Problem("", path=path[:-1]).field)


def _cycle(edges: dict[str, str | None]) -> list[str]:
    """The first cycle in a graph where every node has at most one successor, or []."""
    for start in sorted(edges):
        seen: list[str] = []
        node: str | None = start
        while node is not None and node in edges:
            if node in seen:
                return [*seen[seen.index(node) :], node]
            seen.append(node)
            node = edges[node]
    return []


def compile_policy(
    policy: Policy, *, sha256: str | None = None, base: CompiledPolicy | None = None
) -> CompiledPolicy:
    """Check ``policy`` for consistency and build what deciding needs.

    ``sha256`` is the hash of the file the policy was read from; without it, the hash
    of the policy's canonical JSON is used. A policy that ``extends`` another needs the
    compiled ``base``; the result is the merged policy, each rule keeping its layer.
    Problems carry field paths into ``policy`` (the extending file, not the merge).
    """
    own_hash = sha256 or _content_hash(policy)
    layers: dict[str, str] = {}
    conflict_layers: dict[str, str] = {}
    stack: tuple[Layer, ...] = ()
    paths: dict[Path, Path] = {}
    merged = policy
    if policy.extends is not None or base is not None:
        if base is None or base.id != policy.extends:
            got = "none" if base is None else repr(base.id)
            raise PolicyError(
                [
                    make_problem(
                        "policy.base_given",
                        path=("extends",),
                        extends=repr(policy.extends),
                        got=got,
                    )
                ]
            )
        base_layers = {r.rule.id: r.layer for r in base.rules}
        base_conflicts = {c.conflict.id: c.layer for c in base.conflicts}
        merged, layers, paths, problems = merge(base.policy, base_layers, policy)
        own_conflicts = {c.id for c in policy.conflicts}
        conflict_layers = {
            c.id: policy.id if c.id in own_conflicts else base_conflicts.get(c.id, base.id)
            for c in merged.conflicts
        }
        if problems:
            raise PolicyError(problems)
        stack = base.layers
        life, life_layers, life_paths = merge_lifecycle(
            base.policy.lifecycle, base.lifecycle_layers, policy.lifecycle, policy.id
        )
        merged = merged.model_copy(update={"lifecycle": life})
        paths.update(life_paths)
    else:
        life_layers = lifecycle_layers(policy.lifecycle, policy.id)
    checker = _Checker(merged)
    checker.vocabulary()
    checker.settings()
    classification = checker.classification()
    rules = checker.rules(layers)
    conflicts = checker.conflicts(conflict_layers)
    checker.periodic()
    checker.lifecycle()
    if checker.problems:
        raise PolicyError(
            [
                _own_path(_inherited_lifecycle(p, paths, policy), paths, policy)
                for p in checker.problems
            ]
        )
    settings = merged.calendar
    cut_off = None  # 24:00 (民法典 Art. 203) unless the source states an earlier time
    if settings.day_ends_at is not None and settings.day_ends_at != "24:00:00":
        hh, mm, ss = (int(part) for part in settings.day_ends_at.split(":"))
        cut_off = time(hh, mm, ss)
    level_input = merged.level_input or (
        "forbidden"
        if merged.classification is not None or not merged.vocabulary.levels
        else "required"
    )
    lk = checker.lookups
    return CompiledPolicy(
        policy=merged,
        sha256=own_hash,
        tz=ZoneInfo(merged.timezone),
        calendar=WorkingCalendar(
            extra_holidays=settings.holidays, extra_workdays=settings.workdays
        ),
        convention=CountingConvention(
            exclude_start_day=settings.exclude_start_day,
            day_ends_at=cut_off,
            roll_to_working_day=settings.roll_to_working_day,
        ),
        roles=lk["role"],
        channels=lk["channel"],
        categories=lk["category"],
        levels=lk["level"],
        findings=lk["finding"],
        sanctions=lk["sanction"],
        events=lk["event"],
        level_order=tuple(t.id for t in merged.vocabulary.levels),
        level_input=level_input,
        classification=tuple(classification),
        rules=tuple(rules),
        layers=(*stack, Layer(id=policy.id, version=policy.version, sha256=own_hash)),
        conflicts=tuple(conflicts),
        lifecycle_layers=MappingProxyType(life_layers),
    )


def _inherited_lifecycle(problem: Problem, paths: dict[Path, Path], own: Policy) -> Problem:
    """A problem in a lifecycle entry the extending policy inherited points at ``extends``."""
    path = problem.path
    if own.extends is None or path[:1] != ("lifecycle",) or path[:3] in paths:
        return problem
    if len(path) > 2 and isinstance(path[2], int):
        return make_problem(
            problem.code or "policy.inconsistent",
            wording="policy.inherited.lifecycle",
            path=("extends",),
            inner=problem,
            field=problem.field,
        )
    return problem


def _own_path(problem: Problem, paths: dict[Path, Path], own: Policy) -> Problem:
    """Point a problem found in the merged policy back into the extending policy's file."""
    if own.extends is None:
        return problem
    path = problem.path
    for size in (3, 2):
        if path[:size] in paths:
            return replace(problem, path=paths[path[:size]] + path[size:])
    if path[:1] in (("rules",), ("conflicts",)) and len(path) > 1:
        return make_problem(
            problem.code or "policy.inconsistent",
            wording="policy.inherited.rule" if path[0] == "rules" else "policy.inherited.conflict",
            path=("extends",),
            inner=problem,
            field=problem.field,
        )
    return problem
