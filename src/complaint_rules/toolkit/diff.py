"""A semantic diff of two versions of a policy, in the compliance officer's terms.

Not a text diff: both versions decide every complaint of their common input space
(:mod:`complaint_rules.toolkit.input_space`, the union of both vocabularies), and each difference
is reported for the element it concerns — a deadline, a penalty, an escalation step, a
rule's routing, the level — with what the models say changed ("within: 3 working days →
5 working days"), where in the input space it shows ("category: 服務產品 (service_product)")
and the smallest complaint that shows it, decided both ways.

Each element is compared over the sub-space of the dimensions it can depend on (its
rule's condition in either version, the level's classification, the instant of receipt
for a deadline, its finding for a penalty ...), the others kept at their base value; a
rule's contribution depends on nothing else, so this is the whole space's answer at a
fraction of the cost. A change explained by its rule applying to other complaints is
reported once, for the rule. Complaints only one version can take (a channel added) are
reported as vocabulary changes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from ..decision.model import DecidedDue, Decision
from ..decision.render import due_text
from ..messages.catalogue import Lang, say
from ..policy.compiled import CompiledPolicy
from ..policy.model import (
    ELEMENT_KINDS,
    ELEMENT_SINGULAR,
    Money,
    Period,
    Policy,
    Rule,
    Term,
    Vocabulary,
)
from .input_space import DEFAULT_LIMIT, Decider, InputSpace, Key, Point, input_space
from .wording import (
    by_id,
    condition_text,
    labels,
    money_text,
    named,
    period_text,
    where_text,
)

_PLURAL = {"channel": "channels", "category": "categories", "level": "levels"}

__all__ = [
    "Example",
    "PolicyChange",
    "PolicyDiff",
    "Version",
    "diff",
]

ChangeKind = Literal["added", "removed", "changed"]

_PLURAL_KIND = {v: k for k, v in ELEMENT_SINGULAR.items()}
_VOCAB_SINGULAR = {
    "roles": "role",
    "channels": "channel",
    "categories": "category",
    "levels": "level",
    "findings": "finding",
    "sanctions": "sanction",
    "events": "event",
}
_TEXT_FIELDS = (
    "id",
    "version",
    "title",
    "institution",
    "source",
    "language",
    "defects",
    "not_encoded",
)
_OWN_PARTS = (
    "schema_",
    "vocabulary",
    "facts",
    "parameters",
    "classification",
    "rules",
    "conflicts",
)
_NOT_DECIDING = ("level_deadlines",)
"""Settings no decision reads (checked by the testing kit)."""


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Version(_Out):
    id: str
    version: str
    sha256: str


class Example(_Out):
    """The smallest complaint (fewest findings and facts) that shows a change, decided both ways."""

    complaint: dict[str, Any]
    old: str
    new: str


class PolicyChange(_Out):
    """One change, for one element of the policy.

    ``kind`` is a vocabulary kind (``channel``, ``role`` ...), ``fact``, ``parameter``,
    ``setting``, ``text`` (wording no decision shows), ``classification``, ``level`` (a
    change of the level some complaints get), ``rule``, ``routing``, ``gap``, ``conflict``
    (a declared conflict of duties), or an element kind (``deadline``, ``penalty`` ...).
    ``details`` say what the models changed; ``where`` the values of the input space where
    the decisions differ (empty: wherever the element applies); ``affected`` of
    ``compared`` kinds of complaint are decided differently. ``behavioural`` is false for a
    change no decision or input shows.
    """

    kind: str
    id: str
    label: str | None
    change: ChangeKind
    rule: str | None
    article: str | None
    details: tuple[str, ...]
    where: tuple[str, ...]
    affected: int
    compared: int
    behavioural: bool
    example: Example | None

    def as_text(self, lang: Lang = "en") -> str:
        name = f"{self.kind} {self.id}" + (f" {self.label}" if self.label else "")
        source = ""
        if self.rule is not None and self.kind not in ("rule",):
            source = f" [{self.rule}{' · ' + self.article if self.article else ''}]"
        elif self.article:
            source = f" [{self.article}]"
        lines = [f"{name}{source}: {self.change}"]
        lines.extend(f"  {d}" for d in self.details)
        if self.where:
            lines.append("  " + say("report.diff.where", lang) + "; ".join(self.where))
        if self.affected:
            differently = say(
                "report.diff.differently", lang, affected=self.affected, compared=self.compared
            )
            lines.append(f"  {differently}")
        if not self.behavioural:
            lines.append("  " + say("report.diff.no_decision", lang))
        if self.example is not None:
            complaint = json.dumps(self.example.complaint, ensure_ascii=False)
            lines.append("  " + say("report.diff.example", lang) + complaint)
            lines.append("    " + say("report.diff.old", lang) + self.example.old)
            lines.append("    " + say("report.diff.new", lang) + self.example.new)
        return "\n".join(lines)


class PolicyDiff(_Out):
    """What changed between two versions of a policy; ``equivalent`` if no decision did."""

    old: Version
    new: Version
    equivalent: bool
    decided: int
    changes: tuple[PolicyChange, ...]
    version_unchanged: bool = False
    """The content changed but the version did not: decisions could not tell the two
    texts apart."""

    def as_text(self, lang: Lang = "en") -> str:
        """The diff for a person, its headings and fixed phrases in ``lang``."""
        head = (
            f"{self.old.id} {self.old.version} → {self.new.id} {self.new.version}: "
            + (
                say("report.diff.equivalent", lang)
                if self.equivalent
                else say(
                    "report.diff.behavioural", lang, n=sum(c.behavioural for c in self.changes)
                )
            )
            + say("report.diff.decided", lang, n=self.decided)
        )
        if self.decided:
            head += "\n" + say("report.diff.kinds", lang)
        if self.version_unchanged:
            head += (
                "\n"
                + say("report.diff.warning", lang)
                + say("diff.version_unchanged", lang, version=self.new.version)
            )
        return "\n\n".join([head, *(c.as_text(lang) for c in self.changes)]) + "\n"


KINDS_EXPLAINED = (
    "(a kind of complaint is one combination of channel, category, level, findings, facts "
    "and instant of receipt that the rules tell apart: every complaint is decided as one of "
    'them; "decided differently: 3 of 8" counts, among the kinds a change can touch, those '
    "whose decision differs)"
)
"""What the counts of a diff mean, said once under its first line."""


def outcome(cp: CompiledPolicy, key: Key, items: Sequence[Any]) -> str:
    """What a decision says for one part, in a line."""
    kind = key[0]
    if not items:
        return {"rule": "does not apply", "level": "no level"}.get(kind, "absent")
    if kind == "rule":
        return "; ".join(items)
    if kind == "level":
        item = items[0]
        how = f"classified by row {item['row']}" if item["row"] else item["how"]
        return f"{labels(cp, 'levels', [item['id']])}, {how}"
    if kind == "routing":
        return "; ".join(
            f"{i['duty']}: {labels(cp, 'roles', [i['role']])}"
            + (f" or {labels(cp, 'roles', i['or_roles'])}" if i["or_roles"] else "")
            + (f" ({i['note']})" if i["note"] else "")
            for i in items
        )
    if kind == "conflict":
        return "; ".join(
            f"{i['duty']}: "
            + " against ".join(
                f"{labels(cp, 'roles', [x['role'], *x['or_roles']])} ({x['source']['rule']})"
                for x in i["assignments"]
            )
            for i in items
        )
    if kind == "gap":
        return " | ".join(i["text"] for i in items)
    return "; ".join(_element_outcome(cp, kind, i) for i in items)


def _due(due: dict[str, Any]) -> str:
    """A due from a decision's JSON, in words ("by the end of 2026-10-08 (24:00)")."""
    return due_text(DecidedDue.model_validate(due))


def _element_outcome(cp: CompiledPolicy, kind: str, item: dict[str, Any]) -> str:
    if kind == "deadline":
        if item["status"] == "needs_fact":
            return f"waits for {', '.join(item['waiting_for'])}"
        if item["status"] == "not_started":
            return f"not started (waits for {', '.join(item['waiting_for'])})"
        window = f"at the earliest {_due(item['due_earliest'])}, " if item["due_earliest"] else ""
        return f"due {window}{_due(item['due'])}"
    if kind == "penalty":
        if item["min_yuan"] is None:
            money = "amount not configured" if not item["configured"] else "no amount"
        elif item["min_yuan"] == item["max_yuan"]:
            money = f"{item['min_yuan']} yuan"
        else:
            money = f"{item['min_yuan']}–{item['max_yuan']} yuan"
        sanctions = [
            s["id"] + ("" if s["status"] == "applies" else f" ({s['status']})")
            for s in item["sanctions"]
        ]
        subjects = labels(cp, "roles", item["subjects"])
        extra = f"; sanctions: {', '.join(sanctions)}" if sanctions else ""
        if item["headcount"] is not None:
            money += f" × {item['headcount']} persons"
        if item["waiting_for"]:
            money += f" (waits for {', '.join(item['waiting_for'])})"
        return f"{item['kind']} {money} per {item['per']}, on {subjects}{extra}"
    if kind == "escalation":
        trigger = item["on"] + (f" ({item['deadline']})" if item["deadline"] else "")
        return f"on {trigger} → {labels(cp, 'roles', item['to'])}"
    if kind == "report":
        due = f", due {_due(item['due'])}" if item["due"] else ""
        if item["waiting_for"]:
            due = f", due once {', '.join(item['waiting_for'])} is given"
        return f"{labels(cp, 'roles', item['by'])} → {labels(cp, 'roles', item['to'])}{due}"
    if kind == "retention":
        years = f"{'at least ' if item['at_least'] else ''}{item['years']} years"
        return f"{item['label']}: {years if item['years'] else 'no term'}"
    if kind == "approval":
        if not item["configured"]:
            who = "not configured"
        elif item["waiting_for"]:
            who = f"waits for {', '.join(item['waiting_for'])}"
        else:
            who = labels(cp, "roles", item["approver"])
        limits = "; ".join(
            f"{labels(cp, 'roles', [t['role']])} up to "
            + (f"{t['limit_yuan']} yuan" if t["configured"] else "blank")
            + (f" (with {t['earlier_total']}: {t['total_yuan']})" if t["total_yuan"] else "")
            for t in item["tiers"]
        )
        return f"{item['amount_yuan']} yuan → {who} (chain: {limits})"
    by = labels(cp, "roles", item.get("by", ()))
    return f"{item['label']} (by {by})"


# --- reading the models --------------------------------------------------------------------

_ROLE_FIELDS = ("by", "to", "or_roles", "subjects", "keeper", "above", "roles")


def field_text(cp: CompiledPolicy, name: str, value: Any) -> str:
    """One field of a rule element, for people."""
    if value is None or value == ():
        return "none"
    if isinstance(value, Period):
        return period_text(value)
    if isinstance(value, Money):
        return money_text(value, cp.policy)
    if name in _ROLE_FIELDS:
        return labels(cp, "roles", value)
    if name == "role":
        return labels(cp, "roles", [value])
    if name == "finding":
        return labels(cp, "findings", [value])
    if name == "on":
        return labels(cp, "events", [value]) if value in cp.events.terms else str(value)
    if name in ("starts", "amount_fact", "headcount", "earlier_total") or name == "until":
        facts = by_id(cp.policy.facts)
        ids = [value] if isinstance(value, str) else list(value)
        return "、".join("receipt" if i == "received" else named(facts.get(i), i) for i in ids)
    if name == "sanctions":
        return "; ".join(
            labels(cp, "sanctions", [s.sanction])
            + (f" when {condition_text(s.when)}" if s.when is not None else "")
            for s in value
        )
    if name == "tiers":
        return "; ".join(
            f"{labels(cp, 'roles', [t.role])} up to {money_text(t.limit_yuan, cp.policy)}"
            + (
                ""
                if t.earlier_total is None
                else f" with {field_text(cp, 'earlier_total', t.earlier_total)}"
            )
            for t in value
        )
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _field_changes(old_cp: CompiledPolicy, new_cp: CompiledPolicy, a: Any, b: Any) -> list[str]:
    out = []
    for name in type(b).model_fields:
        if name == "id":
            continue
        x, y = getattr(a, name), getattr(b, name)
        if x != y:
            out.append(f"{name}: {field_text(old_cp, name, x)} → {field_text(new_cp, name, y)}")
    return out


def element_summary(cp: CompiledPolicy, kind: str, element: Any) -> str:
    """An element in a line: ``deadline reply (回復): 3 working days from receipt, by ...``."""
    name = f"{kind} {element.id} ({element.label})"
    if kind == "deadline":
        if element.within is not None:
            what = f"{period_text(element.within)} from {field_text(cp, 'starts', element.starts)}"
        else:
            what = f"until {field_text(cp, 'until', element.until)}"
        return f"{name}: {what}, by {field_text(cp, 'by', element.by)}"
    if kind == "penalty":
        return (
            f"{name}: for {field_text(cp, 'finding', element.finding)}, {element.kind} "
            f"{money_text(element.amount_yuan, cp.policy)} per {element.per}, on "
            f"{field_text(cp, 'subjects', element.subjects)}"
        )
    if kind == "escalation":
        return f"{name}: on {field_text(cp, 'on', element.on)} → {field_text(cp, 'to', element.to)}"
    if kind == "report":
        return f"{name}: → {field_text(cp, 'to', element.to)}"
    return name


@dataclass(frozen=True)
class _Home:
    rule: Rule
    element: Any


def _elements(policy: Policy) -> dict[Key, _Home]:
    out: dict[Key, _Home] = {}
    for rule in policy.rules:
        for kind in ELEMENT_KINDS:
            for element in getattr(rule, kind):
                out[(ELEMENT_SINGULAR[kind], element.id)] = _Home(rule, element)
    return out


# --- the diff --------------------------------------------------------------------------------


class _Differ:
    def __init__(
        self, old: CompiledPolicy, new: CompiledPolicy, limit: int, sample: int | None, seed: int
    ) -> None:
        self.old, self.new = old, new
        self.space = input_space(old, new)
        self.decide = Decider(self.space, (old, new))
        self.limit, self.sample, self.seed = limit, sample, seed
        self.rules = (by_id(old.policy.rules), by_id(new.policy.rules))
        self.elements = (_elements(old.policy), _elements(new.policy))
        self.changes: list[PolicyChange] = []

    # -- dimensions ---------------------------------------------------------------------

    def rule_dims(self, rule: Rule | None) -> set[str]:
        """What a rule's condition (so its status and routing) depends on."""
        return set() if rule is None else self.space.keys_of(rule.when)

    def gap_dims(self, rule: Rule | None) -> set[str]:
        """What a rule's gaps depend on besides its condition: a blank parameter is
        reported when a penalty or approval needing it applies."""
        dims: set[str] = set()
        for penalty in () if rule is None else rule.penalties:
            if penalty.amount_yuan is not None and penalty.amount_yuan.parameter:
                dims.add(self.space.finding_key(penalty.finding))
        for approval in () if rule is None else rule.approvals:
            dims |= self.space.known([f"fact:{approval.amount_fact}"])
        return dims

    def conflict_parts(self) -> None:
        """A declared conflict added, removed or changed, and the complaints whose decision
        now marks (or no longer marks) it: over the dimensions of every rule that gives its
        duty in either version."""
        olds = by_id(self.old.policy.conflicts)
        news = by_id(self.new.policy.conflicts)
        for ident in dict.fromkeys([*news, *olds]):
            a, b = olds.get(ident), news.get(ident)
            either = b or a
            assert either is not None
            duty = {c.duty for c in (a, b) if c is not None}
            giving = [
                [r for r in cp.policy.rules if duty & {x.duty for x in r.routing}]
                for cp in (self.old, self.new)
            ]
            same_levels = self.old.policy.classification == self.new.policy.classification
            if a == b and giving[0] == giving[1] and same_levels:
                continue  # the same rules give the duty the same way: no decision differs
            dims: set[str] = set()
            for rules in giving:
                for rule in rules:
                    dims |= self.space.keys_of(rule.when)
            key: Key = ("conflict", ident)
            differ, _present, compared = self.scan(key, dims, (None, None))
            cp = self.new if b is not None else self.old
            if a is None or b is None:
                change: ChangeKind = "added" if a is None else "removed"
                details = [_conflict_text(cp, either)]
            else:
                change = "changed"
                details = _field_changes(self.old, self.new, a, b)
            if details or differ:
                self.add(
                    key,
                    label=None,
                    change=change,
                    rule=None,
                    details=details,
                    points=differ,
                    dims=dims,
                    compared=compared,
                    behavioural=bool(differ),
                    article=either.article,
                )

    def penalty_dims(self, penalty: Any) -> set[str]:
        dims = {self.space.finding_key(penalty.finding)}
        for item in penalty.sanctions:
            dims |= self.space.keys_of(item.when)
        money = penalty.amount_yuan
        facts = [f for f in (None if money is None else money.fact, penalty.headcount) if f]
        return dims | self.space.known([f"fact:{f}" for f in facts])

    def value_dims(self, kind: str, element: Any) -> set[str]:
        space = self.space
        if kind == "deadline":
            facts = [f"fact:{f}" for f in (element.starts, *element.until)]
            return {"received_at", *space.known(facts)} if element.within else space.known(facts)
        if kind == "report":
            if element.due is None:
                return set()
            return {"received_at", *space.known([f"fact:{element.starts}"])}
        if kind == "penalty":
            return self.penalty_dims(element)
        if kind == "approval":
            facts = [element.amount_fact, *(t.earlier_total for t in element.tiers)]
            return space.known([f"fact:{f}" for f in facts if f])
        return set()

    # -- iterating one part ----------------------------------------------------------------

    def scan(
        self,
        key: Key,
        dims: set[str],
        rules: tuple[str | None, str | None],
        value_dims: set[str] | None = None,
    ) -> tuple[list[Point], Point | None, int]:
        """Points where ``key`` differs (not explained by its rule), the first point where it
        is present in both, and how many points were compared.

        With ``value_dims`` (what the part reads besides its rule's condition), points are
        grouped by whether the rule applies in each version and by those values, and one
        point per group is decided: the part is the same for every point of a group.
        """
        differ: list[Point] = []
        present: Point | None = None
        compared = 0
        verdicts: dict[Any, tuple[bool, bool, bool]] = {}
        index = [self.space.keys.index(k) for k in sorted(value_dims or ())]
        what = f"{key[0]} {key[1]}".strip()
        for point in self.space.points(
            dims, limit=self.limit, sample=self.sample, seed=self.seed, what=what
        ):
            statuses = (
                self.decide.status(point, 0, rules[0]),
                self.decide.status(point, 1, rules[1]),
            )
            group = None
            if value_dims is not None:
                group = (statuses, tuple(point[i] for i in index))
            verdict = verdicts.get(group) if group is not None else None
            if "refused" in statuses:
                verdict = (False, False, False)
            elif key[0] == "rule" and statuses[0] == statuses[1] != "pending":
                verdict = (True, statuses[0] != "no", False)  # decided alike: no need to decide
            if verdict is None:
                verdict = self.verdict(point, key, rules, statuses)
                if group is not None:
                    verdicts[group] = verdict
            comparable, both, differs = verdict
            if not comparable:
                continue
            compared += 1
            if both and present is None:
                present = point
            if differs:
                differ.append(point)
        return differ, present, compared

    def verdict(
        self,
        point: Point,
        key: Key,
        rules: tuple[str | None, str | None],
        statuses: tuple[str, str],
    ) -> tuple[bool, bool, bool]:
        """(comparable, present in both, differs and not explained by its rule) at ``point``."""
        a, b = self.decide.parts(point, key)
        if a is None or b is None:
            return False, False, False
        explained = (
            key[0] != "rule"
            and rules[0] is not None
            and rules[0] == rules[1]
            and statuses[0] != statuses[1]
        )
        return True, bool(a and b), a != b and not explained

    def example(self, key: Key, points: Sequence[Point]) -> Example | None:
        if not points:
            return None
        point = min(points, key=self.space.weight)
        old, new = self.decide.parts(point, key)
        complaint = self.space.complaint(point)
        assert complaint is not None
        return Example(
            complaint=complaint,
            old=outcome(self.old, key, old or []),
            new=outcome(self.new, key, new or []),
        )

    def add(
        self,
        key: Key,
        *,
        label: str | None,
        change: ChangeKind,
        rule: Rule | None,
        details: Sequence[str],
        points: Sequence[Point],
        dims: set[str],
        compared: int,
        behavioural: bool,
        article: str | None = None,
        part: Key | None = None,
    ) -> None:
        example = self.example(part or key, points)
        self.changes.append(
            PolicyChange(
                kind=key[0],
                id=key[1],
                label=label,
                change=change,
                rule=None if rule is None else rule.id,
                article=article or (None if rule is None else rule.article),
                details=tuple(details),
                where=where_text(self.space, self.new, points, dims) if points else (),
                affected=len(points),
                compared=compared,
                behavioural=behavioural or bool(points),
                example=example,
            )
        )

    # -- the parts -----------------------------------------------------------------------------

    def run(self) -> list[PolicyChange]:
        self.texts()
        self.settings()
        self.vocabulary()
        self.facts_and_parameters()
        self.level()
        self.rules_parts()
        self.element_parts()
        self.conflict_parts()
        return self.changes

    def texts(self) -> None:
        a, b = self.old.policy, self.new.policy
        details = [
            f"{name}: {_short(getattr(a, name))} → {_short(getattr(b, name))}"
            for name in _TEXT_FIELDS
            if getattr(a, name) != getattr(b, name)
        ]
        if details:
            self.add_static("text", "policy", None, "changed", details, behavioural=False)

    def add_static(
        self,
        kind: str,
        ident: str,
        label: str | None,
        change: ChangeKind,
        details: Sequence[str],
        *,
        behavioural: bool,
        example: Example | None = None,
    ) -> None:
        self.changes.append(
            PolicyChange(
                kind=kind,
                id=ident,
                label=label,
                change=change,
                rule=None,
                article=None,
                details=tuple(details),
                where=(),
                affected=0,
                compared=0,
                behavioural=behavioural,
                example=example,
            )
        )

    def settings(self) -> None:
        a, b = self.old.policy, self.new.policy
        for name in Policy.model_fields:
            if name in _OWN_PARTS or name in _TEXT_FIELDS:
                continue
            x, y = getattr(a, name), getattr(b, name)
            if name == "calendar":
                for field_name in type(x).model_fields:
                    u, v = getattr(x, field_name), getattr(y, field_name)
                    if u != v:
                        self.add_static(
                            "setting",
                            f"calendar.{field_name}",
                            None,
                            "changed",
                            [f"{_short(u)} → {_short(v)}"],
                            behavioural=True,
                        )
            elif x != y:
                self.add_static(
                    "setting",
                    name,
                    None,
                    "changed",
                    [f"{_short(x)} → {_short(y)}"],
                    behavioural=name not in _NOT_DECIDING,
                )

    def vocabulary(self) -> None:
        a, b = self.old.policy.vocabulary, self.new.policy.vocabulary
        for kind in Vocabulary.model_fields:
            singular = _VOCAB_SINGULAR[kind]
            olds, news = by_id(getattr(a, kind)), by_id(getattr(b, kind))
            for term_id, term in news.items():
                if term_id not in olds:
                    self.term_added(singular, term, "added")
                else:
                    self.term_changed(singular, olds[term_id], term)
            for term_id, term in olds.items():
                if term_id not in news:
                    self.term_added(singular, term, "removed")
            if kind == "levels":
                common = [t for t in olds if t in news]
                if common != [t for t in news if t in olds]:
                    self.add_static(
                        "setting",
                        "levels.order",
                        None,
                        "changed",
                        [f"{', '.join(common)} → {', '.join(t for t in news if t in olds)}"],
                        behavioural=True,
                    )

    def term_added(self, kind: str, term: Term, change: ChangeKind) -> None:
        details = [f"label: {term.label}"]
        if term.aliases:
            details.append("aliases: " + ", ".join(term.aliases))
        example = None
        key = {"channel": "channel", "category": "category", "level": "level"}.get(kind)
        if kind == "finding":
            key = self.space.finding_key(term.id)
        if key is not None and key in self.space.keys:
            value: Any = True if key.startswith("finding:") else term.id
            point = _with(self.space, self.space.base(), key, value)
            old, new = self.decide.decisions(point)
            complaint = self.space.complaint(point)
            assert complaint is not None
            example = Example(
                complaint=complaint,
                old=_applies(old, f"not accepted: no {kind} {term.id}"),
                new=_applies(new, f"not accepted: no {kind} {term.id}"),
            )
        self.add_static(
            kind, term.id, term.label, change, details, behavioural=True, example=example
        )

    def term_changed(self, kind: str, a: Term, b: Term) -> None:
        details, visible = [], False
        for name in type(b).model_fields:
            x, y = getattr(a, name), getattr(b, name)
            if name != "id" and x != y:
                details.append(f"{name}: {_short(x)} → {_short(y)}")
                visible = visible or name in ("label", "aliases")
        if details:
            self.add_static(kind, b.id, b.label, "changed", details, behavioural=visible)

    def facts_and_parameters(self) -> None:
        for kind, name in (("fact", "facts"), ("parameter", "parameters")):
            olds = by_id(getattr(self.old.policy, name))
            news = by_id(getattr(self.new.policy, name))
            for ident, item in news.items():
                if ident not in olds:
                    details = [f"{_short(item.type)}: {item.label}"]
                    if kind == "parameter" and item.value is not None:
                        details.append(f"value: {item.value} yuan")
                    self.add_static(kind, ident, item.label, "added", details, behavioural=True)
            for ident, item in olds.items():
                if ident not in news:
                    self.add_static(
                        kind,
                        ident,
                        item.label,
                        "removed",
                        [f"{item.type}: {item.label}"],
                        behavioural=True,
                    )
                    continue
                other = news[ident]
                details, visible = [], False
                for field_name in type(other).model_fields:
                    x, y = getattr(item, field_name), getattr(other, field_name)
                    if field_name != "id" and x != y:
                        if field_name == "value":
                            x = "blank" if x is None else f"{x} yuan"
                            y = "blank" if y is None else f"{y} yuan"
                        details.append(f"{field_name}: {_short(x)} → {_short(y)}")
                        visible = visible or field_name in ("type", "default", "minimum", "value")
                if details:
                    self.add_static(
                        kind, ident, other.label, "changed", details, behavioural=visible
                    )

    def level(self) -> None:
        a, b = self.old.policy.classification, self.new.policy.classification
        details: list[str] = []
        if a != b:
            rows_a = {r.id: r for r in a.rows} if a else {}
            rows_b = {r.id: r for r in b.rows} if b else {}
            for row_id, row in rows_b.items():
                if row_id not in rows_a:
                    details.append(f"row {row_id} added: {condition_text(row.when)} → {row.level}")
                elif rows_a[row_id] != row:
                    old_row = rows_a[row_id]
                    details.append(
                        f"row {row_id}: {condition_text(old_row.when)} → {old_row.level} "
                        f"becomes {condition_text(row.when)} → {row.level}"
                    )
            details.extend(f"row {i} removed" for i in rows_a if i not in rows_b)
            if [i for i in rows_a if i in rows_b] != [i for i in rows_b if i in rows_a]:
                details.append("rows reordered: " + ", ".join(rows_b))
            for name in ("default", "unclassified_gap"):
                x = None if a is None else getattr(a, name)
                y = None if b is None else getattr(b, name)
                if x != y:
                    details.append(f"{name}: {_short(x)} → {_short(y)}")
            if a is None or b is None:
                details.append("table " + ("added" if a is None else "removed"))
        dims = set(self.space.level_keys)
        key: Key = ("level", "")
        differ, _present, compared = self.scan(key, dims, (None, None))
        if details and not differ:
            self.add_static("classification", "table", None, "changed", details, behavioural=False)
        elif details:
            self.add_static("classification", "table", None, "changed", details, behavioural=True)
        groups: dict[tuple[str, str], list[Point]] = {}
        for point in differ:
            old, new = self.decide.parts(point, key)
            assert old is not None and new is not None
            pair = (_level_id(old), _level_id(new))
            groups.setdefault(pair, []).append(point)
        for (x, y), points in sorted(groups.items()):
            self.add(
                ("level", f"{x} → {y}"),
                label=None,
                change="changed",
                rule=None,
                details=[
                    f"level: {labels(self.old, 'levels', [x]) if x != '-' else 'none'} → "
                    f"{labels(self.new, 'levels', [y]) if y != '-' else 'none'}"
                ],
                points=points,
                dims=dims,
                compared=compared,
                behavioural=True,
                part=key,
            )
        gap_key: Key = ("gap", "classification")
        differ, _present, compared = self.scan(gap_key, dims, (None, None))
        if differ:
            self.add(
                gap_key,
                label=None,
                change="changed",
                rule=None,
                details=[],
                points=differ,
                dims=dims,
                compared=compared,
                behavioural=True,
            )

    def rules_parts(self) -> None:
        old_rules, new_rules = self.rules
        order = list(dict.fromkeys([*new_rules, *old_rules]))
        for rule_id in order:
            a, b = old_rules.get(rule_id), new_rules.get(rule_id)
            rule = b or a
            assert rule is not None
            dims = self.rule_dims(a) | self.rule_dims(b)
            key: Key = ("rule", rule_id)
            differ, present, compared = self.scan(key, dims, (rule_id, rule_id))
            if a is None or b is None:
                assert rule is not None
                cp = self.new if b is not None else self.old
                details = [f"applies to: {condition_text(rule.when)}"]
                details += [
                    element_summary(cp, ELEMENT_SINGULAR[kind], e)
                    for kind in ELEMENT_KINDS
                    for e in getattr(rule, kind)
                ]
                if rule.routing:
                    details.append(f"routing: {_routing(cp, rule)}")
                self.add(
                    key,
                    label=rule.title,
                    change="added" if a is None else "removed",
                    rule=rule,
                    details=details,
                    points=differ,
                    dims=dims,
                    compared=compared,
                    behavioural=True,
                )
                continue
            details = []
            visible = False
            for name in ("when", "article", "verification", "title", "quote"):
                x, y = getattr(a, name), getattr(b, name)
                if x != y:
                    if name == "when":
                        x, y = condition_text(x), condition_text(y)
                    details.append(f"{name}: {_short(x)} → {_short(y)}")
                    visible = visible or name in ("article", "verification")
            if differ and not any(d.startswith("when:") for d in details):
                details.append(
                    f"condition unchanged ({condition_text(b.when)}); what it tests changed"
                )
            if details or differ:
                self.add(
                    key,
                    label=b.title,
                    change="changed",
                    rule=b,
                    details=details,
                    points=differ,
                    dims=dims,
                    compared=compared,
                    behavioural=visible and present is not None,
                )
            self.rule_part("routing", a, b, dims, set())
            values = self.gap_dims(a) | self.gap_dims(b)
            self.rule_part("gap", a, b, dims | values, values)

    def rule_part(self, part: str, a: Rule, b: Rule, dims: set[str], values: set[str]) -> None:
        key: Key = (part, b.id)
        differ, _present, compared = self.scan(key, dims, (b.id, b.id), values)
        details: list[str] = []
        if part == "routing" and a.routing != b.routing:
            details = [f"routing: {_routing(self.old, a)} → {_routing(self.new, b)}"]
        if part == "gap" and a.gaps != b.gaps:
            details = [
                "gaps: "
                + (" | ".join(g.text for g in a.gaps) or "none")
                + " → "
                + (" | ".join(g.text for g in b.gaps) or "none")
            ]
        if details or differ:
            self.add(
                key,
                label=b.title,
                change="changed",
                rule=b,
                details=details,
                points=differ,
                dims=dims,
                compared=compared,
                behavioural=False,  # shown when some complaint is decided differently
            )

    def causes(self, kind: str, element: Any) -> list[str]:
        """Why an element whose model is unchanged is decided differently."""
        out = []
        olds, news = by_id(self.old.policy.parameters), by_id(self.new.policy.parameters)
        for param in _element_parameters(element):
            x, y = olds.get(param), news.get(param)
            if x != y:
                out.append(f"reads parameter {param}, which changed")
        if kind in ("deadline", "report"):
            for name in ("calendar", "timezone"):
                if getattr(self.old.policy, name) != getattr(self.new.policy, name):
                    out.append(f"counted with the changed {name}")
        return out or ["decided differently, though its own model is unchanged"]

    def element_parts(self) -> None:
        old_el, new_el = self.elements
        old_rules, new_rules = self.rules
        keys = sorted(
            dict.fromkeys([*new_el, *old_el]),
            key=lambda k: (list(ELEMENT_SINGULAR.values()).index(k[0]),),
        )
        for key in keys:
            a, b = old_el.get(key), new_el.get(key)
            home = b or a
            assert home is not None
            if a is None and b is not None and b.rule.id not in old_rules:
                continue  # part of an added rule
            if b is None and a is not None and a.rule.id not in new_rules:
                continue  # part of a removed rule
            dims: set[str] = set()
            values: set[str] = set()
            for side in (a, b):
                if side is not None:
                    values |= self.value_dims(key[0], side.element)
                    dims |= self.space.keys_of(side.rule.when)
            rules = (a.rule.id if a else None, b.rule.id if b else None)
            differ, present, compared = self.scan(key, dims | values, rules, values)
            if a is None or b is None:
                cp = self.new if b is not None else self.old
                self.add(
                    key,
                    label=home.element.label,
                    change="added" if a is None else "removed",
                    rule=home.rule,
                    details=[element_summary(cp, key[0], home.element)],
                    points=differ,
                    dims=dims,
                    compared=compared,
                    behavioural=True,
                )
                continue
            details = _field_changes(self.old, self.new, a.element, b.element)
            if a.rule.id != b.rule.id:
                details.insert(0, f"rule: {a.rule.id} → {b.rule.id}")
            if differ and not details:
                details = self.causes(key[0], b.element)
            if details or differ:
                self.add(
                    key,
                    label=b.element.label,
                    change="changed",
                    rule=b.rule,
                    details=details,
                    points=differ,
                    dims=dims,
                    compared=compared,
                    behavioural=bool(differ) or (bool(details) and present is not None),
                    article=b.element.article,
                )


def _routing(cp: CompiledPolicy, rule: Rule) -> str:
    return (
        "; ".join(
            f"{r.duty}: {field_text(cp, 'role', r.role)}"
            + (f" or {field_text(cp, 'or_roles', r.or_roles)}" if r.or_roles else "")
            + (f" ({r.note})" if r.note else "")
            for r in rule.routing
        )
        or "none"
    )


def _conflict_text(cp: CompiledPolicy, conflict: Any) -> str:
    roles = field_text(cp, "roles", conflict.roles) if conflict.roles else "any two roles"
    return f"{conflict.duty}: {roles} cannot hold it together ({conflict.text})"


def _element_parameters(element: Any) -> list[str]:
    moneys = [getattr(element, "amount_yuan", None)]
    moneys += [t.limit_yuan for t in getattr(element, "tiers", ())]
    return [m.parameter for m in moneys if m is not None and m.parameter is not None]


def _with(space: InputSpace, point: Point, key: str, value: Any) -> Point:
    values = list(point)
    values[space.keys.index(key)] = value
    return tuple(values)


def _applies(decision: Decision | None, refused: str) -> str:
    if decision is None:
        return refused
    rules = [s.rule for s in decision.matched_rules]
    return "rules " + ", ".join(rules) if rules else "no rule applies"


def _level_id(items: list[Any]) -> str:
    return str(items[0]["id"]) if items else "-"


def _short(value: Any, width: int = 120) -> str:
    if value is None:
        return "none"
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", exclude_defaults=True)
    if isinstance(value, tuple | list | dict):
        text = json.dumps(_jsonable(value), ensure_ascii=False)
    else:
        text = str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_defaults=True)
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, str | int | bool) or value is None:
        return value
    return str(value)


def diff(
    old: CompiledPolicy,
    new: CompiledPolicy,
    *,
    limit: int = DEFAULT_LIMIT,
    sample: int | None = None,
    seed: int = 0,
) -> PolicyDiff:
    """What changes from ``old`` to ``new``, decided over their common input space.

    Each element's sub-space is enumerated whole up to ``limit`` complaints; above it
    :class:`~complaint_rules.toolkit.input_space.SpaceTooLarge` is raised unless ``sample`` asks
    for that many complaints chosen deterministically (``seed``).
    """
    differ = _Differ(old, new, limit, sample, seed)
    changes = differ.run()
    return PolicyDiff(
        old=Version(id=old.id, version=old.version, sha256=old.sha256),
        new=Version(id=new.id, version=new.version, sha256=new.sha256),
        equivalent=not any(c.behavioural for c in changes),
        decided=len(differ.decide.cache),
        changes=tuple(changes),
        version_unchanged=version_unchanged(old, new),
    )


def version_unchanged(old: CompiledPolicy, new: CompiledPolicy) -> bool:
    """Whether ``new`` has another content than ``old`` under the same id and version."""
    return (
        old.id == new.id
        and old.version == new.version
        and old.policy.model_dump(mode="json") != new.policy.model_dump(mode="json")
    )
