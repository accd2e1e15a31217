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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, PrivateAttr

from ..decision.model import DecidedDue, Decision
from ..decision.render import due_text
from ..messages.catalogue import LANGS, MESSAGES, Lang, say
from ..messages.phrases import PHRASES
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
    key_name,
    labels,
    money_text,
    named,
    period_text,
    phrase,
    where_text,
    yuan,
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

Line = Callable[[Lang], str]
"""A line of a report, said in the language asked for."""


def _fixed(text: str) -> Line:
    """A line that is the same in every language (ids, numbers, the source's own text)."""
    return lambda lang: text


def kind_word(kind: str, lang: Lang) -> str:
    """A kind of element or of vocabulary (``deadline``, ``channel`` ...) in ``lang``."""
    code = f"diff.kind.{kind}"
    return phrase(code, lang) if code in MESSAGES else kind


def _field(name: str, old: Line, new: Line) -> Line:
    """``within: 3 working days → 2 working days``, the key as the officer writes it."""
    return lambda lang: phrase(
        "diff.field", lang, name=key_name(name, lang), old=old(lang), new=new(lang)
    )


def _said(name: str, value: Line) -> Line:
    """``label: 網上投訴``, the key as the officer writes it."""
    return lambda lang: phrase("diff.said", lang, name=key_name(name, lang), value=value(lang))


def _arrow(old: Line, new: Line) -> Line:
    return lambda lang: f"{old(lang)} → {new(lang)}"


def _line(code: str, **args: Any) -> Line:
    """The catalogue's ``code`` with ``args``, each a value or a :data:`Line`."""
    return lambda lang: phrase(
        code, lang, **{k: v(lang) if callable(v) else v for k, v in args.items()}
    )


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


class _Wording(NamedTuple):
    """A change's details, where and example outcomes in one language."""

    details: tuple[str, ...]
    where: tuple[str, ...]
    old: str | None
    new: str | None


class PolicyChange(_Out):
    """One change, for one element of the policy.

    ``kind`` is a vocabulary kind (``channel``, ``role`` ...), ``fact``, ``parameter``,
    ``setting``, ``text`` (wording no decision shows), ``classification``, ``level`` (a
    change of the level some complaints get), ``rule``, ``routing``, ``gap``, ``conflict``
    (a declared conflict of duties), or an element kind (``deadline``, ``penalty`` ...).
    ``details`` say what the models changed; ``where`` the values of the input space where
    the decisions differ (empty: wherever the element applies); ``affected`` of
    ``compared`` kinds of complaint are decided differently. ``behavioural`` is false for a
    change no decision or input shows. The texts are in English; a change made by
    :func:`diff` also keeps them in the other languages, for :meth:`as_text`.
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
    _wording: dict[Lang, _Wording] = PrivateAttr(default_factory=dict)

    def __eq__(self, other: object) -> bool:
        """Equal fields (the wording in other languages follows from them)."""
        if not isinstance(other, PolicyChange):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = _Out.__hash__

    def as_text(self, lang: Lang = "en") -> str:
        said = self._wording.get(lang)
        if said is None:
            said = _Wording(
                self.details,
                self.where,
                None if self.example is None else self.example.old,
                None if self.example is None else self.example.new,
            )
        name = f"{kind_word(self.kind, lang)} {self.id}" + (f" {self.label}" if self.label else "")
        source = ""
        if self.rule is not None and self.kind not in ("rule",):
            source = f" [{self.rule}{' · ' + self.article if self.article else ''}]"
        elif self.article:
            source = f" [{self.article}]"
        change = phrase(f"diff.change.{self.change}", lang)
        lines = [phrase("diff.head", lang, name=name, source=source, change=change)]
        lines.extend(f"  {d}" for d in said.details)
        if said.where:
            lines.append(
                "  "
                + say("report.diff.where", lang)
                + phrase("diff.clause_sep", lang).join(said.where)
            )
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
            lines.append("    " + say("report.diff.old", lang) + str(said.old))
            lines.append("    " + say("report.diff.new", lang) + str(said.new))
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
        """The diff for a person, in ``lang``: its headings, fixed phrases and the words of
        each change (ids, labels and the source's text as they are)."""
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


def _simplified(text: str) -> str:
    """The framing words of a Traditional text (not a policy's labels) in Simplified."""
    from ..messages.simplified import to_simplified

    return to_simplified([text])[0]


def _duty(duty: str, lang: Lang) -> str:
    """A duty of the routing: its id in English, its words in Chinese (受理, 處理 ...)."""
    if lang == "en":
        return duty
    words = PHRASES["zh-Hant"].duties.get(duty, duty)
    return _simplified(words) if lang == "zh-Hans" else words


def _or(cp: CompiledPolicy, roles: Sequence[str], lang: Lang) -> str:
    return phrase("diff.or_roles", lang, roles=labels(cp, "roles", roles, lang)) if roles else ""


def _note(note: str | None, lang: Lang) -> str:
    return phrase("diff.note", lang, note=note) if note else ""


def outcome(cp: CompiledPolicy, key: Key, items: Sequence[Any], lang: Lang = "en") -> str:
    """What a decision says for one part, in a line."""
    kind = key[0]
    if not items:
        code = {"rule": "not_applied", "level": "no_level"}.get(kind, "absent")
        return phrase(f"diff.outcome.{code}", lang)
    if kind == "rule":
        return "; ".join(items)
    if kind == "level":
        item = items[0]
        level = labels(cp, "levels", [item["id"]], lang)
        if item["row"]:
            return phrase("diff.outcome.row", lang, level=level, row=item["row"])
        return phrase(f"diff.outcome.how.{item['how']}", lang, level=level)
    if kind == "routing":
        return phrase("diff.clause_sep", lang).join(
            phrase(
                "diff.routing_item",
                lang,
                duty=_duty(i["duty"], lang),
                role=labels(cp, "roles", [i["role"]], lang),
            )
            + _or(cp, i["or_roles"], lang)
            + _note(i["note"], lang)
            for i in items
        )
    if kind == "conflict":
        return phrase("diff.clause_sep", lang).join(
            phrase("diff.routing_item", lang, duty=_duty(i["duty"], lang), role="")
            + phrase("diff.outcome.against", lang).join(
                phrase(
                    "diff.outcome.assignment",
                    lang,
                    roles=labels(cp, "roles", [x["role"], *x["or_roles"]], lang),
                    rule=x["source"]["rule"],
                )
                for x in i["assignments"]
            )
            for i in items
        )
    if kind == "gap":
        return " | ".join(i["text"] for i in items)
    return phrase("diff.clause_sep", lang).join(_element_outcome(cp, kind, i, lang) for i in items)


def _due(due: dict[str, Any], lang: Lang = "en") -> str:
    """A due from a decision's JSON, in words ("by the end of 2026-10-08 (24:00)")."""
    text = due_text(DecidedDue.model_validate(due), lang)
    return _simplified(text) if lang == "zh-Hans" else text


def _element_outcome(cp: CompiledPolicy, kind: str, item: dict[str, Any], lang: Lang) -> str:
    sep = phrase("diff.sep", lang)
    waiting = sep.join(item.get("waiting_for") or ())
    if kind == "deadline":
        if item["status"] == "needs_fact":
            return phrase("diff.outcome.waits", lang, facts=waiting)
        if item["status"] == "not_started":
            return phrase("diff.outcome.not_started", lang, facts=waiting)
        due = _due(item["due"], lang)
        if item["due_earliest"]:
            earliest = _due(item["due_earliest"], lang)
            return phrase("diff.outcome.due_window", lang, earliest=earliest, due=due)
        return phrase("diff.outcome.due", lang, due=due)
    if kind == "penalty":
        if item["min_yuan"] is None:
            code = "no_amount_configured" if not item["configured"] else "no_amount"
            money = phrase(f"diff.outcome.{code}", lang)
        elif item["min_yuan"] == item["max_yuan"]:
            money = yuan(item["min_yuan"], lang)
        else:
            low, high = item["min_yuan"], item["max_yuan"]
            money = yuan(phrase("diff.range", lang, low=low, high=high), lang)
        sanctions = [
            s["id"]
            if s["status"] == "applies"
            else phrase(
                "diff.outcome.sanction_status",
                lang,
                id=s["id"],
                status=phrase(f"diff.outcome.status.{s['status']}", lang),
            )
            for s in item["sanctions"]
        ]
        subjects = labels(cp, "roles", item["subjects"], lang)
        extra = (
            phrase("diff.outcome.sanctions", lang, items=sep.join(sanctions)) if sanctions else ""
        )
        if item["headcount"] is not None:
            money = phrase("diff.outcome.persons", lang, money=money, n=item["headcount"])
        if item["waiting_for"]:
            money = phrase("diff.outcome.money_waits", lang, money=money, facts=waiting)
        return phrase(
            "diff.outcome.penalty",
            lang,
            kind=_penalty_kind(item["kind"], lang),
            money=money,
            per=_per(item["per"], lang),
            subjects=subjects,
            sanctions=extra,
        )
    if kind == "escalation":
        trigger = item["on"]
        if item["deadline"]:
            trigger = phrase(
                "diff.outcome.trigger_deadline", lang, on=trigger, deadline=item["deadline"]
            )
        to = labels(cp, "roles", item["to"], lang)
        return phrase("diff.outcome.escalation", lang, trigger=trigger, to=to)
    if kind == "report":
        due = (
            phrase("diff.outcome.report_due", lang, due=_due(item["due"], lang))
            if item["due"]
            else ""
        )
        if item["waiting_for"]:
            due = phrase("diff.outcome.report_waits", lang, facts=waiting)
        by, to = labels(cp, "roles", item["by"], lang), labels(cp, "roles", item["to"], lang)
        return phrase("diff.outcome.report", lang, by=by, to=to, due=due)
    if kind == "retention":
        if item["years"]:
            code = "years_at_least" if item["at_least"] else "years"
            term = phrase(f"diff.outcome.{code}", lang, years=item["years"])
        else:
            term = phrase("diff.outcome.no_term", lang)
        return phrase("diff.outcome.retention", lang, label=item["label"], term=term)
    if kind == "approval":
        if not item["configured"]:
            who = phrase("diff.outcome.not_configured", lang)
        elif item["waiting_for"]:
            who = phrase("diff.outcome.waits", lang, facts=waiting)
        else:
            who = labels(cp, "roles", item["approver"], lang)
        limits = phrase("diff.clause_sep", lang).join(
            phrase(
                "diff.outcome.limit",
                lang,
                role=labels(cp, "roles", [t["role"]], lang),
                limit=yuan(t["limit_yuan"], lang)
                if t["configured"]
                else phrase("diff.blank", lang),
                total=phrase(
                    "diff.outcome.limit_total", lang, fact=t["earlier_total"], total=t["total_yuan"]
                )
                if t["total_yuan"]
                else "",
            )
            for t in item["tiers"]
        )
        return phrase(
            "diff.outcome.approval", lang, amount=item["amount_yuan"], who=who, chain=limits
        )
    by = labels(cp, "roles", item.get("by", ()), lang)
    return phrase("diff.outcome.by", lang, label=item["label"], by=by)


def _penalty_kind(kind: str, lang: Lang) -> str:
    code = f"diff.penalty_kind.{kind}"
    return phrase(code, lang) if code in MESSAGES else kind


def _per(per: str, lang: Lang) -> str:
    code = f"diff.per.{per}"
    return phrase(code, lang) if code in MESSAGES else per


# --- reading the models --------------------------------------------------------------------

_ROLE_FIELDS = ("by", "to", "or_roles", "subjects", "keeper", "above", "roles")


def field_text(cp: CompiledPolicy, name: str, value: Any, lang: Lang = "en") -> str:
    """One field of a rule element, for people."""
    if value is None or value == ():
        return phrase("diff.none", lang)
    if isinstance(value, Period):
        return period_text(value, lang)
    if isinstance(value, Money):
        return money_text(value, cp.policy, lang)
    if name in _ROLE_FIELDS:
        return labels(cp, "roles", value, lang)
    if name == "role":
        return labels(cp, "roles", [value], lang)
    if name == "finding":
        return labels(cp, "findings", [value], lang)
    if name == "on":
        return labels(cp, "events", [value], lang) if value in cp.events.terms else str(value)
    if name in ("starts", "amount_fact", "headcount", "earlier_total") or name == "until":
        facts = by_id(cp.policy.facts)
        ids = [value] if isinstance(value, str) else list(value)
        return "、".join(
            phrase("diff.receipt", lang) if i == "received" else named(facts.get(i), i) for i in ids
        )
    if name == "sanctions":
        return phrase("diff.clause_sep", lang).join(
            phrase(
                "diff.when",
                lang,
                sanction=labels(cp, "sanctions", [s.sanction], lang),
                condition=condition_text(s.when, lang),
            )
            if s.when is not None
            else labels(cp, "sanctions", [s.sanction], lang)
            for s in value
        )
    if name == "tiers":
        return phrase("diff.clause_sep", lang).join(
            phrase(
                "diff.tier",
                lang,
                role=labels(cp, "roles", [t.role], lang),
                limit=money_text(t.limit_yuan, cp.policy, lang),
            )
            if t.earlier_total is None
            else phrase(
                "diff.tier_with",
                lang,
                role=labels(cp, "roles", [t.role], lang),
                limit=money_text(t.limit_yuan, cp.policy, lang),
                fact=field_text(cp, "earlier_total", t.earlier_total, lang),
            )
            for t in value
        )
    if isinstance(value, bool):
        return phrase("diff.true" if value else "diff.false", lang)
    return str(value)


def _field_text(cp: CompiledPolicy, name: str, value: Any) -> Line:
    return lambda lang: field_text(cp, name, value, lang)


def _field_changes(old_cp: CompiledPolicy, new_cp: CompiledPolicy, a: Any, b: Any) -> list[Line]:
    out = []
    for name in type(b).model_fields:
        if name == "id":
            continue
        x, y = getattr(a, name), getattr(b, name)
        if x != y:
            out.append(_field(name, _field_text(old_cp, name, x), _field_text(new_cp, name, y)))
    return out


def element_summary(cp: CompiledPolicy, kind: str, element: Any, lang: Lang = "en") -> str:
    """An element in a line: ``deadline reply (回復): 3 working days from receipt, by ...``."""
    name = phrase(
        "diff.element", lang, kind=kind_word(kind, lang), id=element.id, label=element.label
    )
    if kind == "deadline":
        by = field_text(cp, "by", element.by, lang)
        if element.within is not None:
            return phrase(
                "diff.summary.within",
                lang,
                name=name,
                period=period_text(element.within, lang),
                start=field_text(cp, "starts", element.starts, lang),
                by=by,
            )
        until = field_text(cp, "until", element.until, lang)
        return phrase("diff.summary.until", lang, name=name, until=until, by=by)
    if kind == "penalty":
        return phrase(
            "diff.summary.penalty",
            lang,
            name=name,
            finding=field_text(cp, "finding", element.finding, lang),
            kind=_penalty_kind(element.kind, lang),
            money=money_text(element.amount_yuan, cp.policy, lang),
            per=_per(element.per, lang),
            subjects=field_text(cp, "subjects", element.subjects, lang),
        )
    if kind == "escalation":
        on = field_text(cp, "on", element.on, lang)
        to = field_text(cp, "to", element.to, lang)
        return phrase("diff.summary.escalation", lang, name=name, on=on, to=to)
    if kind == "report":
        to = field_text(cp, "to", element.to, lang)
        return phrase("diff.summary.report", lang, name=name, to=to)
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
            details: list[Line]
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

    def example(self, key: Key, points: Sequence[Point]) -> tuple[Example, Line, Line] | None:
        """The example of a change, and its outcomes under each version in any language."""
        if not points:
            return None
        point = min(points, key=self.space.weight)
        old, new = self.decide.parts(point, key)
        complaint = self.space.complaint(point)
        assert complaint is not None
        old_cp, new_cp = self.old, self.new

        def said_old(lang: Lang) -> str:
            return outcome(old_cp, key, old or [], lang)

        def said_new(lang: Lang) -> str:
            return outcome(new_cp, key, new or [], lang)

        example = Example(complaint=complaint, old=said_old("en"), new=said_new("en"))
        return example, said_old, said_new

    def add(
        self,
        key: Key,
        *,
        label: str | None,
        change: ChangeKind,
        rule: Rule | None,
        details: Sequence[Line],
        points: Sequence[Point],
        dims: set[str],
        compared: int,
        behavioural: bool,
        article: str | None = None,
        part: Key | None = None,
    ) -> None:
        found = self.example(part or key, points)
        space, new = self.space, self.new

        def where(lang: Lang) -> tuple[str, ...]:
            return where_text(space, new, points, dims, lang=lang) if points else ()

        self.changes.append(
            _worded(
                {
                    "kind": key[0],
                    "id": key[1],
                    "label": label,
                    "change": change,
                    "rule": None if rule is None else rule.id,
                    "article": article or (None if rule is None else rule.article),
                    "affected": len(points),
                    "compared": compared,
                    "behavioural": behavioural or bool(points),
                },
                details,
                where,
                found,
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
            _field(name, _shown(getattr(a, name)), _shown(getattr(b, name)))
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
        details: Sequence[Line],
        *,
        behavioural: bool,
        example: tuple[Example, Line, Line] | None = None,
    ) -> None:
        self.changes.append(
            _worded(
                {
                    "kind": kind,
                    "id": ident,
                    "label": label,
                    "change": change,
                    "rule": None,
                    "article": None,
                    "affected": 0,
                    "compared": 0,
                    "behavioural": behavioural,
                },
                details,
                lambda lang: (),
                example,
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
                            [_arrow(_shown(u), _shown(v))],
                            behavioural=True,
                        )
            elif x != y:
                self.add_static(
                    "setting",
                    name,
                    None,
                    "changed",
                    [_arrow(_shown(x), _shown(y))],
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
                        [
                            _fixed(
                                f"{', '.join(common)} → {', '.join(t for t in news if t in olds)}"
                            )
                        ],
                        behavioural=True,
                    )

    def term_added(self, kind: str, term: Term, change: ChangeKind) -> None:
        details = [_said("label", _fixed(term.label))]
        if term.aliases:
            aliases = term.aliases
            details.append(_said("aliases", lambda lang: phrase("diff.sep", lang).join(aliases)))
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
            refused = _line(
                "diff.term_example.refused", kind=lambda lang: kind_word(kind, lang), id=term.id
            )
            said_old, said_new = _applies(old, refused), _applies(new, refused)
            example = (
                Example(complaint=complaint, old=said_old("en"), new=said_new("en")),
                said_old,
                said_new,
            )
        self.add_static(
            kind, term.id, term.label, change, details, behavioural=True, example=example
        )

    def term_changed(self, kind: str, a: Term, b: Term) -> None:
        details: list[Line] = []
        visible = False
        for name in type(b).model_fields:
            x, y = getattr(a, name), getattr(b, name)
            if name != "id" and x != y:
                details.append(_field(name, _shown(x), _shown(y)))
                visible = visible or name in ("label", "aliases")
        if details:
            self.add_static(kind, b.id, b.label, "changed", details, behavioural=visible)

    def facts_and_parameters(self) -> None:
        for kind, name in (("fact", "facts"), ("parameter", "parameters")):
            olds = by_id(getattr(self.old.policy, name))
            news = by_id(getattr(self.new.policy, name))
            for ident, item in news.items():
                if ident not in olds:
                    added = [_fixed(f"{_short(item.type)}: {item.label}")]
                    if kind == "parameter" and item.value is not None:
                        added.append(_said("value", _amount(item.value)))
                    self.add_static(kind, ident, item.label, "added", added, behavioural=True)
            for ident, item in olds.items():
                if ident not in news:
                    self.add_static(
                        kind,
                        ident,
                        item.label,
                        "removed",
                        [_fixed(f"{item.type}: {item.label}")],
                        behavioural=True,
                    )
                    continue
                other = news[ident]
                details: list[Line] = []
                visible = False
                for field_name in type(other).model_fields:
                    x, y = getattr(item, field_name), getattr(other, field_name)
                    if field_name != "id" and x != y:
                        if field_name == "value":
                            details.append(_field(field_name, _amount(x), _amount(y)))
                        else:
                            details.append(_field(field_name, _shown(x), _shown(y)))
                        visible = visible or field_name in ("type", "default", "minimum", "value")
                if details:
                    self.add_static(
                        kind, ident, other.label, "changed", details, behavioural=visible
                    )

    def level(self) -> None:
        a, b = self.old.policy.classification, self.new.policy.classification
        details: list[Line] = []
        if a != b:
            rows_a = {r.id: r for r in a.rows} if a else {}
            rows_b = {r.id: r for r in b.rows} if b else {}
            for row_id, row in rows_b.items():
                if row_id not in rows_a:
                    details.append(
                        _line(
                            "diff.row_added",
                            row=row_id,
                            condition=_condition(row.when),
                            level=row.level,
                        )
                    )
                elif rows_a[row_id] != row:
                    old_row = rows_a[row_id]
                    details.append(
                        _line(
                            "diff.row_changed",
                            row=row_id,
                            old_condition=_condition(old_row.when),
                            old_level=old_row.level,
                            condition=_condition(row.when),
                            level=row.level,
                        )
                    )
            details.extend(_line("diff.row_removed", row=i) for i in rows_a if i not in rows_b)
            if [i for i in rows_a if i in rows_b] != [i for i in rows_b if i in rows_a]:
                details.append(_line("diff.rows_reordered", rows=", ".join(rows_b)))
            for name in ("default", "unclassified_gap"):
                x = None if a is None else getattr(a, name)
                y = None if b is None else getattr(b, name)
                if x != y:
                    details.append(_field(name, _shown(x), _shown(y)))
            if a is None or b is None:
                details.append(_line("diff.table_added" if a is None else "diff.table_removed"))
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
                details=[_field("level", _level_said(self.old, x), _level_said(self.new, y))],
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
                details = [_line("diff.applies_to", condition=_condition(rule.when))]
                details += [
                    _summary(cp, ELEMENT_SINGULAR[kind], e)
                    for kind in ELEMENT_KINDS
                    for e in getattr(rule, kind)
                ]
                if rule.routing:
                    details.append(_line("diff.routing", routing=_routing(cp, rule)))
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
            when_changed = a.when != b.when
            for name in ("when", "article", "verification", "title", "quote"):
                x, y = getattr(a, name), getattr(b, name)
                if x != y:
                    if name == "when":
                        details.append(
                            _field(name, _condition(x, short=True), _condition(y, short=True))
                        )
                    else:
                        details.append(_field(name, _shown(x), _shown(y)))
                    visible = visible or name in ("article", "verification")
            if differ and not when_changed:
                details.append(_line("diff.condition_unchanged", condition=_condition(b.when)))
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
        details: list[Line] = []
        if part == "routing" and a.routing != b.routing:
            details = [
                _line("diff.routing_change", old=_routing(self.old, a), new=_routing(self.new, b))
            ]
        if part == "gap" and a.gaps != b.gaps:
            details = [_line("diff.gaps", old=_gaps(a), new=_gaps(b))]
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

    def causes(self, kind: str, element: Any) -> list[Line]:
        """Why an element whose model is unchanged is decided differently."""
        out = []
        olds, news = by_id(self.old.policy.parameters), by_id(self.new.policy.parameters)
        for param in _element_parameters(element):
            x, y = olds.get(param), news.get(param)
            if x != y:
                out.append(_line("diff.reads_parameter", param=param))
        if kind in ("deadline", "report"):
            for name in ("calendar", "timezone"):
                if getattr(self.old.policy, name) != getattr(self.new.policy, name):
                    out.append(_line(f"diff.counted_with.{name}"))
        return out or [_line("diff.unexplained")]

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
                    details=[_summary(cp, key[0], home.element)],
                    points=differ,
                    dims=dims,
                    compared=compared,
                    behavioural=True,
                )
                continue
            details = _field_changes(self.old, self.new, a.element, b.element)
            if a.rule.id != b.rule.id:
                details.insert(0, _field("rule", _fixed(a.rule.id), _fixed(b.rule.id)))
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


def _routing(cp: CompiledPolicy, rule: Rule) -> Line:
    def said(lang: Lang) -> str:
        return phrase("diff.clause_sep", lang).join(
            phrase(
                "diff.routing_item",
                lang,
                duty=_duty(r.duty, lang),
                role=field_text(cp, "role", r.role, lang),
            )
            + _or(cp, r.or_roles, lang)
            + _note(r.note, lang)
            for r in rule.routing
        ) or phrase("diff.none", lang)

    return said


def _gaps(rule: Rule) -> Line:
    text = " | ".join(g.text for g in rule.gaps)
    return lambda lang: text or phrase("diff.none", lang)


def _conflict_text(cp: CompiledPolicy, conflict: Any) -> Line:
    def said(lang: Lang) -> str:
        roles = (
            field_text(cp, "roles", conflict.roles, lang)
            if conflict.roles
            else phrase("diff.any_two_roles", lang)
        )
        duty = _duty(conflict.duty, lang)
        return phrase("diff.conflict", lang, duty=duty, roles=roles, text=conflict.text)

    return said


def _summary(cp: CompiledPolicy, kind: str, element: Any) -> Line:
    return lambda lang: element_summary(cp, kind, element, lang)


def _condition(cond: Any, *, short: bool = False) -> Line:
    def said(lang: Lang) -> str:
        text = condition_text(cond, lang)
        return _short(text) if short else text

    return said


def _shown(value: Any) -> Line:
    """A value as the policy has it (JSON for a structure); ``none`` said in the language."""
    if value is None:
        return lambda lang: phrase("diff.none", lang)
    return _fixed(_short(value))


def _amount(value: Any) -> Line:
    """A parameter's value: ``100 yuan``, or ``blank``."""
    if value is None:
        return lambda lang: phrase("diff.blank", lang)
    return lambda lang: _short(yuan(value, lang))


def _level_said(cp: CompiledPolicy, level: str) -> Line:
    if level == "-":
        return lambda lang: phrase("diff.none", lang)
    return lambda lang: labels(cp, "levels", [level], lang)


def _worded(
    fields: dict[str, Any],
    details: Sequence[Line],
    where: Callable[[Lang], tuple[str, ...]],
    example: tuple[Example, Line, Line] | None,
) -> PolicyChange:
    """A change with its words in English, and in the other languages for :meth:`as_text`."""
    wording = {
        lang: _Wording(
            tuple(d(lang) for d in details),
            where(lang),
            None if example is None else example[1](lang),
            None if example is None else example[2](lang),
        )
        for lang in LANGS
    }
    english = wording["en"]
    change = PolicyChange(
        **fields,
        details=english.details,
        where=english.where,
        example=None if example is None else example[0],
    )
    change._wording = {lang: w for lang, w in wording.items() if lang != "en"}
    return change


def _element_parameters(element: Any) -> list[str]:
    moneys = [getattr(element, "amount_yuan", None)]
    moneys += [t.limit_yuan for t in getattr(element, "tiers", ())]
    return [m.parameter for m in moneys if m is not None and m.parameter is not None]


def _with(space: InputSpace, point: Point, key: str, value: Any) -> Point:
    values = list(point)
    values[space.keys.index(key)] = value
    return tuple(values)


def _applies(decision: Decision | None, refused: Line) -> Line:
    if decision is None:
        return refused
    rules = [s.rule for s in decision.matched_rules]
    if not rules:
        return _line("diff.term_example.no_rule")
    return _line("diff.term_example.rules", rules=", ".join(rules))


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
