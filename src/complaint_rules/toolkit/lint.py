"""Static checks of a policy that loads: what a DMN editor would flag, and more.

A policy that loads is consistent (:mod:`complaint_rules.policy.compiled`); lint looks for what
is consistent but probably wrong, by evaluating the policy's conditions over its input
space (:mod:`complaint_rules.toolkit.input_space`). Each :class:`LintFinding` has a severity, a
code, a message, the rule and article it concerns, and ``file:line`` when the policy's
file is given. The checks (docs/lint.md defines each precisely):

- ``unreached-channel`` / ``-category`` / ``-level`` / ``-finding``: a value no rule that
  looks at it ever applies to (a finding: also no penalty names it);
- ``dead-rule``: a rule whose condition holds for no complaint;
- ``shadowed-row``: a classification row that is never the first to match;
- ``conflicting-deadlines``: two rules that apply to one complaint give deadlines of the
  same label different periods; ``conflicting-duty``: they give the duty
  ``first_responsible`` or ``replies`` to different roles; ``declared-conflict``: they
  give a duty to roles the policy's ``conflicts`` say cannot hold it together (the
  decision marks it too); ``conflicting-escalation``:
  the same role escalates on the same trigger to different roles;
  ``conflicting-penalties``: the same finding costs the same subject different amounts
  of the same kind;
- ``unused-role`` / ``-event`` / ``-sanction`` / ``-fact`` / ``-parameter``: declared in
  this file, used nowhere;
- ``looser-than-base``: a deadline the base layer also gives (same id) falls later than
  the base's for some complaint; ``dropped-base-deadline``: a base deadline no longer
  applies to complaints the base gives it to.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from os import PathLike
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from ..decision.model import DecidedDue
from ..decision.render import due_text
from ..messages.catalogue import MESSAGES, WORDS, Lang, say
from ..messages.phrases import COMPARISONS, PHRASES
from ..policy.compiled import CompiledPolicy, CompiledRule, compile_policy
from ..policy.conditions import Subject
from ..policy.model import ELEMENT_KINDS, Money, Rule
from ..policy.yaml_reader import Located, read_shape
from .diff import version_unchanged
from .input_space import (
    DEFAULT_LIMIT,
    INSTANTS,
    Decider,
    InputSpace,
    Point,
    condition_keys,
    input_space,
)
from .wording import by_id, condition_text, money_text, period_text, value_text, where_text

__all__ = ["EXCLUSIVE_DUTIES", "LintFinding", "LintReport", "lint"]

Severity = Literal["error", "warning", "info"]

EXCLUSIVE_DUTIES = ("first_responsible", "replies")
"""Duties one role holds for a complaint: two rules giving one to different roles disagree."""


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class LintFinding(_Out):
    """One finding: how bad, which check, what, and where (rule, article, file:line).

    ``message`` is the sentence in English. ``wording`` is its key in the message
    catalogue (:data:`~complaint_rules.messages.catalogue.MESSAGES`) and ``args`` the
    values it is worded with, in English; ``local_args`` has, for ``zh-Hant`` and
    ``zh-Hans``, the values whose words differ by language (a period, a condition, where
    two rules meet), so :meth:`sentence` can say it in each language. Ids, labels and
    numbers are the same in every language.
    """

    severity: Severity
    code: str
    message: str
    rule: str | None = None
    article: str | None = None
    file: str | None = None
    line: int | None = None
    field: str | None = None
    example: dict[str, Any] | None = None
    wording: str | None = None
    args: dict[str, str] = {}
    local_args: dict[Lang, dict[str, str]] = {}

    def sentence(self, lang: Lang = "en") -> str:
        """What was found, in ``lang`` (``message`` in English, or if there is no wording)."""
        if lang == "en" or self.wording is None or self.wording not in MESSAGES:
            return self.message
        values = {**self.args, **self.local_args.get(lang, {})}
        try:
            return MESSAGES[self.wording][lang].format(**values)
        except (KeyError, IndexError):
            return self.message

    def as_text(self, lang: Lang = "en") -> str:
        """``file:line: field: severity code: sentence [rule · article]``, the severity and
        the sentence in ``lang`` (the code is the same in every language)."""
        where = self.file or "<policy>"
        if self.line is not None:
            where += f":{self.line}"
        source = ""
        if self.rule or self.article:
            source = " [" + " · ".join(x for x in (self.rule, self.article) if x) + "]"
        field = f" {self.field}:" if self.field else ""
        severity = say(f"lint.severity.{self.severity}", lang)
        text = f"{where}:{field} {severity} {self.code}: {self.sentence(lang)}{source}"
        if self.example is not None:
            example = json.dumps(self.example, ensure_ascii=False)
            text += "\n  " + say("report.lint.example", lang) + example
        return text


class LintReport(_Out):
    """Every finding for one policy, in file order."""

    policy: str
    version: str
    findings: tuple[LintFinding, ...]

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)

    def as_text(self, lang: Lang = "en") -> str:
        """The findings and a summary line, its fixed phrases in ``lang``."""
        lines = [f.as_text(lang) for f in self.findings]
        infos = len(self.findings) - self.errors - self.warnings
        lines.append(
            say(
                "report.lint.summary",
                lang,
                policy=self.policy,
                version=self.version,
                errors=self.errors,
                warnings=self.warnings,
                infos=infos,
            )
        )
        return "\n".join(lines) + "\n"


# --- where things are in the file -----------------------------------------------------------


class _Locator:
    """Field paths into the policy's own file, found by id (the merged policy's indices
    differ from the file's where it extends another)."""

    def __init__(self, policy: CompiledPolicy, source: Located | None) -> None:
        self.policy = policy
        self.source = source
        self.data = source.data if source is not None else None

    def index(self, path: Sequence[str], ident: str) -> int | None:
        node: Any = self.data
        if node is None:
            items: Any = self.policy.policy
            for part in path:
                items = getattr(items, part, None)
                if items is None:
                    return None
            ids = [getattr(item, "id", None) for item in items]
            return ids.index(ident) if ident in ids else None
        for part in path:
            node = node.get(part) if isinstance(node, dict) else None
        if not isinstance(node, list):
            return None
        for i, item in enumerate(node):
            if isinstance(item, dict) and item.get("id") == ident:
                return i
        return None

    def finding(
        self,
        severity: Severity,
        code: str,
        wording: str,
        args: Mapping[str, object],
        *,
        at: tuple[str | int, ...] | None,
        local: Mapping[Lang, Mapping[str, str]] | None = None,
        rule: Rule | None = None,
        article: str | None = None,
        example: dict[str, Any] | None = None,
    ) -> LintFinding:
        """A finding worded by the catalogue's ``wording`` with ``args`` (in English) and
        ``local`` (the values whose words differ, in each Chinese script)."""
        line = None
        file = None if self.source is None else self.source.file
        if at is not None and self.source is not None:
            line = self.source.line_of(at)
        field = None if at is None else _dotted(at)
        values = {k: str(v) for k, v in args.items()}
        return LintFinding(
            severity=severity,
            code=code,
            message=MESSAGES[wording]["en"].format(**values),
            wording=wording,
            args=values,
            local_args={lang: dict(v) for lang, v in (local or {}).items()},
            rule=None if rule is None else rule.id,
            article=article or (None if rule is None else rule.article),
            file=file,
            line=line,
            field=field,
            example=example,
        )

    def rule_path(self, rule_id: str, *rest: str | int) -> tuple[str | int, ...] | None:
        i = self.index(("rules",), rule_id)
        if i is None:
            return ("extends",) if self.policy.policy.extends else None
        return ("rules", i, *rest)


def _dotted(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


# --- the parts of a sentence in Chinese ----------------------------------------------------

CHINESE: tuple[Lang, ...] = ("zh-Hant", "zh-Hans")
"""The languages a finding keeps words for besides English (its ``message``)."""

_LOOKUPS = {
    "channel": "channels",
    "category": "categories",
    "level": "levels",
    "finding": "findings",
}


@functools.lru_cache(maxsize=1024)
def _hans(text: str) -> str:
    from ..messages.simplified import to_simplified

    return to_simplified([text])[0]


_Together = tuple[list[Point], str, dict[Lang, str]]
"""Where two rules both apply: the points, and the scope in English and in Chinese."""

_Disagreement = tuple[str, Severity, str, dict[str, str], dict[Lang, dict[str, str]]]
"""Two rules that disagree: code, severity, wording, its values, the Chinese ones."""


class _Words:
    """The parts of a finding's sentence in one Chinese script: the explanation's phrases
    (:mod:`complaint_rules.messages.phrases`) and the catalogue's ``lint.*`` words; the
    policy's labels and ids as written."""

    def __init__(self, cp: CompiledPolicy, space: InputSpace, lang: Lang) -> None:
        self.cp = cp
        self.space = space
        self.lang = lang
        self.p = PHRASES["zh-Hant"]

    def phrase(self, text: str) -> str:
        """A phrase of :data:`~complaint_rules.messages.phrases.PHRASES` (written in
        Traditional Chinese) in this script."""
        return _hans(text) if self.lang == "zh-Hans" and not text.isascii() else text

    def t(self, name: str, **fields: object) -> str:
        return self.phrase(self.p.t[name]).format(**fields)

    def say(self, code: str, **fields: object) -> str:
        return MESSAGES[code][self.lang].format(**fields)

    def word(self, name: str) -> str:
        """A kind of term (``channel``, ``role``, ``parameter``...), in this language."""
        found = WORDS.get(name)
        return found[self.lang] if found is not None else self.say(f"lint.kind.{name}")

    @property
    def sep(self) -> str:
        return self.p.sep

    def inherited(self, rule: CompiledRule) -> str:
        """「(繼承自 base)」 for a rule of the layer below, else nothing."""
        return "" if rule.layer == self.cp.id else self.say("lint.inherited", layer=rule.layer)

    def duty(self, duty: str) -> str:
        """A duty as the explanation says it (「答復」), its id after it."""
        return f"「{self.phrase(self.p.duties[duty])}」({duty})" if duty in self.p.duties else duty

    def trigger(self, on: str, deadline: str | None) -> str:
        """What sets an escalation off: 「收到投訴」, 「時限 reply 逾期」, an event's label."""
        if on == "received":
            return self.t("on_received")
        if deadline is not None:
            return self.say("lint.trigger.deadline", event=on, deadline=deadline)
        term = self.cp.events.terms.get(on)
        return on if term is None else self.term(term.label, on)

    def term(self, label: str, ident: str) -> str:
        return self.p.t["term"].format(label=label, id=ident)

    def named(self, kind: str, ident: str) -> str:
        """A term of the vocabulary (``channel``...) as ``label (id)``."""
        for policy in (self.cp, *self.space.policies):
            term = getattr(policy, _LOOKUPS[kind]).terms.get(ident)
            if term is not None:
                return self.term(term.label, ident)
        return ident

    def fact(self, ident: str) -> str:
        for policy in (self.cp, *self.space.policies):
            fact = by_id(policy.policy.facts).get(ident)
            if fact is not None:
                return self.term(fact.label, ident)
        return ident

    def value(self, value: Any) -> str:
        if value is None:
            return self.say("lint.value.not_given")
        if isinstance(value, bool):
            return self.phrase(self.p.true if value else self.p.false)
        return str(value)

    # -- periods, deadlines, amounts ------------------------------------------------------

    def period(self, period: Any) -> str:
        """``3個工作日``, ``7至10個工作日``, ``當月月底``: as the explanation says a period."""
        if period is None:
            return self.phrase(self.p.none)
        return self.phrase(self.p.period(period.unit, *period.bounds))

    def deadline(self, deadline: Any) -> str:
        if deadline.within is not None:
            period = self.period(deadline.within)
            if deadline.starts == "received":
                return period
            return self.say("lint.period.from", period=period, start=self.fact(deadline.starts))
        facts = self.sep.join(self.fact(f) for f in deadline.until)
        return self.say("lint.period.until", facts=facts)

    def money(self, money: Money | None) -> str:
        if money is None:
            return self.t("money_none")
        if money.fact is not None:
            return self.say("lint.money.fact", id=money.fact)
        if money.parameter is not None:
            return self.say("lint.money.parameter", id=money.parameter)
        if money.min == money.max:
            return self.t("yuan", amount=money.min)
        return self.t("yuan", amount=self.t("range", low=money.min, high=money.max))

    def due(self, due: dict[str, Any]) -> str:
        return self.phrase(due_text(DecidedDue.model_validate(due), "zh"))

    # -- conditions and where in the input space ------------------------------------------

    def condition(self, cond: Any) -> str:
        """A rule's ``when`` in words: 「渠道為 櫃面投訴 (counter),並且級別至少為 ...」."""
        if not cond:
            return self.say("lint.scope.every").strip("()")
        return self.say("lint.condition.and").join(self.part(k, v) for k, v in cond.items())

    def part(self, key: str, value: Any) -> str:
        if key == "all":
            return self.say("lint.condition.and").join(self.condition(c) for c in value)
        if key == "any":
            return self.say("lint.condition.or").join(
                f"({self.condition(c)})" if len(c) > 1 else self.condition(c) for c in value
            )
        if key == "not":
            return self.say("lint.condition.not", inner=self.condition(value))
        op, arg = ("in", value) if not isinstance(value, Mapping) else next(iter(value.items()))
        if key in _LOOKUPS:
            ids = arg if isinstance(arg, list) else [arg]
            items = self.sep.join(self.named(key, str(i)) for i in ids)
            name = "need_in_many" if op == "in" and len(ids) > 1 else f"need_{op}"
            return self.word(key) + self.t(name, items=items)
        fact = f"{self.word('fact')} {self.fact(key)}"
        if op == "in":
            op = "eq"
        if op == "given":
            return fact + self.t("need_given" if arg else "need_not_given")
        if op == "eq":
            return fact + self.t("need_eq", value=self.value(arg))
        return fact + self.t("need_compare", op=COMPARISONS[op], value=self.value(arg))

    def key(self, key: str) -> str:
        if key.startswith("finding:"):
            return f"{self.word('finding')} {self.named('finding', key.removeprefix('finding:'))}"
        if key == "findings:other":
            return self.word("finding")
        if key.startswith("fact:"):
            return f"{self.word('fact')} {self.fact(key.removeprefix('fact:'))}"
        if key == "received_at":
            return self.say("lint.key.received_at")
        return self.word(key)

    def key_value(self, key: str, value: Any) -> str:
        if key == "received_at":
            instants = [at for at, _words in INSTANTS]
            if str(value) in instants:
                return f"{value}({self.say(f'lint.instant.{instants.index(str(value))}')})"
            return str(value)
        if key in ("channel", "category", "level"):
            return self.value(None) if value is None else self.named(key, value)
        if key == "findings:other":
            return self.phrase(self.p.none) if value is None else self.named("finding", value)
        if key.startswith("finding:"):
            return self.say("lint.value.present" if value else "lint.value.absent")
        return self.value(value)

    def where(
        self, points: Sequence[Point], keys: Iterable[str], within: Sequence[Point] | None = None
    ) -> str:
        """The values ``points`` take in ``keys``, clause by clause (empty: nothing to say)."""
        return self.phrase(self.p.clause_sep).join(
            self.say(
                "lint.where.part",
                key=self.key(key),
                values=self.sep.join(self.key_value(key, v) for v in values),
            )
            for key, values in self.space.describe(points, keys, within)
        )


# --- the checks ------------------------------------------------------------------------------


class _Linter:
    def __init__(
        self,
        policy: CompiledPolicy,
        base: CompiledPolicy | None,
        source: Located | None,
        limit: int,
    ) -> None:
        self.cp = policy
        self.base = base
        self.at = _Locator(policy, source)
        self.limit = limit
        self.space = input_space(policy)
        self.found: list[LintFinding] = []
        self.subjects: dict[Point, Subject | None] = {}

    def subject(self, point: Point) -> Subject | None:
        if point not in self.subjects:
            self.subjects[point] = self.space.subject(point, self.cp)
        return self.subjects[point]

    def points(self, keys: Iterable[str], what: str) -> Iterator[tuple[Point, Subject]]:
        for point in self.space.points(keys, limit=self.limit, what=what):
            subject = self.subject(point)
            if subject is not None:
                yield point, subject

    def example(self, points: Sequence[Point]) -> dict[str, Any] | None:
        if not points:
            return None
        return self.space.complaint(min(points, key=self.space.weight), self.cp)

    def inherited(self, rule: CompiledRule) -> str:
        return say("lint.inherited", "en", layer=rule.layer) if rule.layer != self.cp.id else ""

    def words(self, space: InputSpace | None = None) -> list[tuple[Lang, _Words]]:
        """The parts of a sentence in each Chinese script (about ``space``, else the policy's)."""
        return [(lang, _Words(self.cp, space or self.space, lang)) for lang in CHINESE]

    def add(self, finding: LintFinding) -> None:
        self.found.append(finding)

    # -- reach ---------------------------------------------------------------------------

    def reach(self) -> None:
        cp, space = self.cp, self.space
        dims_of = {r.rule.id: space.keys_of(r.rule.when) for r in cp.rules}
        for key, kind in (("channel", "channels"), ("category", "categories")):
            reached: set[Any] = set()
            for rule in cp.rules:
                if rule.when is None or key not in dims_of[rule.rule.id]:
                    continue
                for point, subject in self.points(dims_of[rule.rule.id] | {key}, rule.rule.id):
                    if rule.when.test(subject) is True:
                        reached.add(space.value(point, key))
            terms = getattr(cp.policy.vocabulary, kind)
            if len(terms) < 2:
                continue  # one value: there is nothing to tell apart
            if not any(rule.when is not None and key in dims_of[rule.rule.id] for rule in cp.rules):
                ids = [t.id for t in terms]
                self.add(
                    self.at.finding(
                        "info",
                        f"unreached-{key}",
                        "lint.unreached_dimension",
                        {"key": key, "count": len(terms), "values": ", ".join(ids)},
                        local={
                            lang: {"key": w.word(key), "values": w.sep.join(ids)}
                            for lang, w in self.words()
                        },
                        at=("vocabulary", kind)
                        if self.at.index(("vocabulary", kind), terms[0].id) is not None
                        else None,
                    )
                )
                continue
            for term in terms:
                if term.id in reached:
                    continue
                self.add(
                    self.at.finding(
                        "warning",
                        f"unreached-{key}",
                        "lint.unreached_value",
                        {"key": key, "id": term.id, "label": term.label},
                        local={lang: {"key": w.word(key)} for lang, w in self.words()},
                        at=self.vocab_path(kind, term.id),
                    )
                )
        self.reach_levels()
        self.reach_findings()

    def vocab_path(self, kind: str, ident: str) -> tuple[str | int, ...] | None:
        i = self.at.index(("vocabulary", kind), ident)
        return None if i is None else ("vocabulary", kind, i)

    def reach_levels(self) -> None:
        cp, space = self.cp, self.space
        if not cp.level_order:
            return
        classified = cp.level_input == "forbidden"
        if classified and not cp.classification:
            return
        assigned: set[str | None] = set()
        if classified:
            for _point, subject in self.points(space.level_keys, "the classification"):
                assigned.add(subject.level)
        reached: set[str | None] = set()
        for rule in cp.rules:
            if rule.when is None or "level" not in _raw_keys(rule.rule.when):
                continue
            for _point, subject in self.points(space.keys_of(rule.rule.when), rule.rule.id):
                if rule.when.test(subject) is True:
                    reached.add(subject.level)
        for term in cp.policy.vocabulary.levels:
            if term.id in reached:
                continue
            wording = (
                "lint.unreached_level.classification"
                if classified and term.id not in assigned
                else "lint.unreached_level"
            )
            self.add(
                self.at.finding(
                    "warning",
                    "unreached-level",
                    wording,
                    {"id": term.id, "label": term.label},
                    at=self.vocab_path("levels", term.id),
                )
            )

    def reach_findings(self) -> None:
        cp, space = self.cp, self.space
        penalised = {p.finding for r in cp.policy.rules for p in r.penalties}
        for term in cp.policy.vocabulary.findings:
            if term.id in penalised:
                continue
            key = space.finding_key(term.id)
            reached = False
            for rule in cp.rules:
                if rule.when is None or f"finding:{term.id}" not in _raw_keys(rule.rule.when):
                    continue
                for point, subject in self.points(
                    space.keys_of(rule.rule.when) | {key}, rule.rule.id
                ):
                    present = space.value(point, key)
                    if present in (True, term.id) and rule.when.test(subject) is True:
                        reached = True
                        break
                if reached:
                    break
            if not reached:
                self.add(
                    self.at.finding(
                        "warning",
                        "unreached-finding",
                        "lint.unreached_finding",
                        {"id": term.id, "label": term.label},
                        at=self.vocab_path("findings", term.id),
                    )
                )

    # -- rules and rows that never act -----------------------------------------------------

    def dead_rules(self) -> None:
        for rule in self.cp.rules:
            if rule.when is None:
                continue
            dims = self.space.keys_of(rule.rule.when)
            if any(rule.when.test(s) is True for _p, s in self.points(dims, rule.rule.id)):
                continue
            self.add(
                self.at.finding(
                    "warning",
                    "dead-rule",
                    "lint.dead_rule",
                    {
                        "rule": rule.rule.id,
                        "condition": condition_text(rule.rule.when),
                        "inherited": self.inherited(rule),
                    },
                    local={
                        lang: {
                            "condition": w.condition(rule.rule.when),
                            "inherited": w.inherited(rule),
                        }
                        for lang, w in self.words()
                    },
                    at=self.at.rule_path(rule.rule.id, "when"),
                    rule=rule.rule,
                )
            )

    def shadowed_rows(self) -> None:
        cp, space = self.cp, self.space
        rows = cp.classification
        if cp.level_input != "forbidden" or not rows:
            return
        dims: set[str] = set()
        raw = cp.policy.classification
        assert raw is not None
        for i, (row_id, article, level, cond) in enumerate(rows):
            dims |= space.keys_of(raw.rows[i].when)
            first_by: dict[str, None] = {}
            matched = first = False
            for _point, subject in self.points(dims, f"classification row {row_id}"):
                if cond.test(subject) is not True:
                    continue
                matched = True
                earlier = next((r for r in rows[:i] if r[3].test(subject)), None)
                if earlier is None:
                    first = True
                    break
                first_by[earlier[0]] = None
            if first:
                continue
            before = list(first_by)
            path = self.row_path(row_id)
            self.add(
                self.at.finding(
                    "warning",
                    "shadowed-row",
                    "lint.shadowed_row" if matched else "lint.shadowed_row.unmatched",
                    {"row": row_id, "level": level, "earlier": ", ".join(before)},
                    local={lang: {"earlier": w.sep.join(before)} for lang, w in self.words()},
                    at=path,
                    article=article,
                )
            )

    def row_path(self, row_id: str) -> tuple[str | int, ...] | None:
        i = self.at.index(("classification", "rows"), row_id)
        return None if i is None else ("classification", "rows", i)

    # -- overlapping rules that disagree -------------------------------------------------------

    def together(self, a: CompiledRule, b: CompiledRule) -> _Together:
        """The points where both rules apply (their own dimensions varied), and where."""
        dims = self.space.keys_of(a.rule.when) | self.space.keys_of(b.rule.when)
        out = []
        total = 0
        for point, subject in self.points(dims, f"rules {a.rule.id} and {b.rule.id}"):
            total += 1
            if all(r.when is None or r.when.test(subject) is True for r in (a, b)):
                out.append(point)
        if len(out) == total:
            every = {lang: w.say("lint.scope.every") for lang, w in self.words()}
            return out, say("lint.scope.every", "en"), every
        where = where_text(self.space, self.cp, out, dims)
        if not where:
            some = {lang: w.say("lint.scope.some") for lang, w in self.words()}
            return out, say("lint.scope.some", "en"), some
        local = {
            lang: w.say("lint.scope.where", where=w.where(out, dims)) for lang, w in self.words()
        }
        return out, say("lint.scope.where", "en", where="; ".join(where)), local

    def overlaps(self) -> None:
        cache: dict[tuple[str, str], _Together] = {}

        def both(a: CompiledRule, b: CompiledRule) -> _Together:
            pair = (a.rule.id, b.rule.id)
            if pair not in cache:
                cache[pair] = self.together(a, b)
            return cache[pair]

        for a, b in itertools.combinations(self.cp.rules, 2):
            for code, severity, wording, args, local in self.disagreements(a, b):
                points, scope, scopes = both(a, b)
                if not points:
                    continue
                self.add(
                    self.at.finding(
                        severity,
                        code,
                        wording,
                        {**args, "scope": scope, "inherited": self.inherited(b)},
                        local={
                            lang: {
                                **local[lang],
                                "scope": scopes[lang],
                                "inherited": w.inherited(b),
                            }
                            for lang, w in self.words()
                        },
                        at=self.at.rule_path(b.rule.id),
                        rule=b.rule,
                        example=self.example(points),
                    )
                )

    def disagreements(self, a: CompiledRule, b: CompiledRule) -> Iterator[_Disagreement]:
        """Where two rules disagree: the code, severity, wording and its values (English,
        then the ones worded differently in each Chinese script), without where they meet."""
        ra, rb = a.rule, b.rule
        for x in ra.deadlines:
            for y in rb.deadlines:
                same = _norm(x.label) == _norm(y.label)
                if same and (x.within, x.starts, x.until) != (y.within, y.starts, y.until):
                    yield (
                        "conflicting-deadlines",
                        "error",
                        "lint.conflicting_deadlines",
                        {
                            "deadline_a": x.id,
                            "period_a": _deadline_words(x),
                            "rule_a": ra.id,
                            "deadline_b": y.id,
                            "period_b": _deadline_words(y),
                            "rule_b": rb.id,
                            "label": y.label,
                        },
                        {
                            lang: {"period_a": w.deadline(x), "period_b": w.deadline(y)}
                            for lang, w in self.words()
                        },
                    )
        declared: set[tuple[str, frozenset[str], frozenset[str]]] = set()
        for c in self.cp.conflicts:
            conflict = c.conflict
            mine = [g for g in ra.routing if c.holders(g) is not None]
            theirs = [h for h in rb.routing if c.holders(h) is not None]
            for g in mine:
                for h in theirs:
                    if c.among((g, h)):
                        pair = (conflict.duty, frozenset({g.role}), frozenset({h.role}))
                        declared.add(pair)
                        yield (
                            "declared-conflict",
                            "warning",
                            "lint.declared_conflict",
                            {
                                "rule_a": ra.id,
                                "article_a": g.article or ra.article,
                                "rule_b": rb.id,
                                "article_b": h.article or rb.article,
                                "duty": conflict.duty,
                                "roles_a": self.roles([g.role, *g.or_roles], " 或 "),
                                "roles_b": self.roles([h.role, *h.or_roles], " 或 "),
                                "conflict": conflict.id,
                                "article": conflict.article,
                            },
                            {lang: {"duty": w.duty(conflict.duty)} for lang, w in self.words()},
                        )
        for duty in EXCLUSIVE_DUTIES:
            roles_a = {r.role for r in ra.routing if r.duty == duty}
            roles_b = {r.role for r in rb.routing if r.duty == duty}
            if (duty, frozenset(roles_a), frozenset(roles_b)) in declared:
                continue  # said once, as the declared conflict
            if roles_a and roles_b and roles_a != roles_b:
                yield (
                    "conflicting-duty",
                    "warning",
                    "lint.conflicting_duty",
                    {
                        "rule_a": ra.id,
                        "rule_b": rb.id,
                        "duty": duty,
                        "roles_a": self.roles(roles_a),
                        "roles_b": self.roles(roles_b),
                    },
                    {lang: {"duty": w.duty(duty)} for lang, w in self.words()},
                )
        for e in ra.escalations:
            for f in rb.escalations:
                if (e.on, e.deadline, set(e.by)) == (f.on, f.deadline, set(f.by)) and set(
                    e.to
                ) != set(f.to):
                    trigger = (
                        say("lint.trigger.deadline", "en", event=e.on, deadline=e.deadline)
                        if e.deadline
                        else e.on
                    )
                    yield (
                        "conflicting-escalation",
                        "warning",
                        "lint.conflicting_escalation",
                        {
                            "escalation_a": e.id,
                            "rule_a": ra.id,
                            "escalation_b": f.id,
                            "rule_b": rb.id,
                            "trigger": trigger,
                            "to_a": self.roles(e.to),
                            "to_b": self.roles(f.to),
                        },
                        {
                            lang: {"trigger": w.trigger(e.on, e.deadline)}
                            for lang, w in self.words()
                        },
                    )
        for p in ra.penalties:
            for q in rb.penalties:
                shared = set(p.subjects) & set(q.subjects)
                if (
                    p.finding == q.finding
                    and shared
                    and p.kind == q.kind != "none"
                    and (p.amount_yuan, p.per) != (q.amount_yuan, q.per)
                ):
                    yield (
                        "conflicting-penalties",
                        "warning",
                        "lint.conflicting_penalties",
                        {
                            "penalty_a": p.id,
                            "rule_a": ra.id,
                            "money_a": _money(p.amount_yuan),
                            "per_a": p.per,
                            "penalty_b": q.id,
                            "rule_b": rb.id,
                            "money_b": _money(q.amount_yuan),
                            "per_b": q.per,
                            "roles": self.roles(shared),
                            "kind": p.kind,
                            "finding": p.finding,
                        },
                        {
                            lang: {
                                "money_a": w.money(p.amount_yuan),
                                "per_a": w.say(f"lint.per.{p.per}"),
                                "money_b": w.money(q.amount_yuan),
                                "per_b": w.say(f"lint.per.{q.per}"),
                                "kind": w.say(f"lint.penalty.{p.kind}"),
                            }
                            for lang, w in self.words()
                        },
                    )

    def roles(self, ids: Iterable[str], sep: str = "、") -> str:
        terms = self.cp.roles.terms
        ordered = sorted(ids) if sep == "、" else list(ids)
        return sep.join(f"{terms[i].label} ({i})" if i in terms else i for i in ordered)

    # -- vocabulary nobody uses ---------------------------------------------------------------

    def unused(self) -> None:
        policy = self.cp.policy
        used: dict[str, set[str]] = {
            "roles": set(),
            "events": set(),
            "sanctions": set(),
            "facts": set(),
            "parameters": set(),
        }
        used["roles"].update(r.reports_to for r in policy.vocabulary.roles if r.reports_to)
        conds: list[Any] = []
        for rule in policy.rules:
            conds.append(rule.when)
            used["roles"].update(a.role for a in rule.routing)
            used["roles"].update(r for a in rule.routing for r in a.or_roles)
            for kind in ELEMENT_KINDS:
                for e in getattr(rule, kind):
                    for name in ("by", "to", "subjects", "keeper", "above"):
                        used["roles"].update(getattr(e, name, ()))
            for d in rule.deadlines:
                used["facts"].update((d.starts, *d.until))
            for esc in rule.escalations:
                used["events"].add(esc.on)
            for act in rule.actions:
                if act.on is not None:
                    used["events"].add(act.on)
            for rep in rule.reports:
                used["facts"].add(rep.starts)
            for p in rule.penalties:
                used["facts"].update(
                    f
                    for f in (None if p.amount_yuan is None else p.amount_yuan.fact, p.headcount)
                    if f is not None
                )
            for p in rule.penalties:
                for item in p.sanctions:
                    used["sanctions"].add(item.sanction)
                    conds.append(item.when)
                used["parameters"].update(_params(p.amount_yuan))
            for ap in rule.approvals:
                used["facts"].add(ap.amount_fact)
                for tier in ap.tiers:
                    used["roles"].add(tier.role)
                    used["parameters"].update(_params(tier.limit_yuan))
                    if tier.earlier_total is not None:
                        used["facts"].add(tier.earlier_total)
        if policy.classification is not None:
            conds.extend(r.when for r in policy.classification.rows)
        for cond in conds:
            used["facts"].update(
                k.removeprefix("fact:") for k in _raw_keys(cond) if k.startswith("fact:")
            )
        # parts of the policy these checks do not know (e.g. a lifecycle) use what they name
        elsewhere = _strings(policy.model_dump(mode="json", exclude=set(_READ_HERE)))
        for names in used.values():
            names |= elsewhere
        severity: Severity = "info" if policy.abstract else "warning"
        wording = "lint.unused_term.abstract" if policy.abstract else "lint.unused_term"
        groups: list[tuple[str, str, Sequence[Any], tuple[str, ...]]] = [
            ("roles", "role", policy.vocabulary.roles, ("vocabulary", "roles")),
            ("events", "event", policy.vocabulary.events, ("vocabulary", "events")),
            ("sanctions", "sanction", policy.vocabulary.sanctions, ("vocabulary", "sanctions")),
            ("facts", "fact", policy.facts, ("facts",)),
            ("parameters", "parameter", policy.parameters, ("parameters",)),
        ]
        for kind, singular, items, path in groups:
            for item in items:
                if item.id in used[kind]:
                    continue
                i = self.at.index(path, item.id)
                if i is None and self.cp.policy.extends is not None:
                    continue  # the base layer's own; its lint reports it
                self.add(
                    self.at.finding(
                        severity,
                        f"unused-{singular}",
                        wording,
                        {"kind": singular, "id": item.id, "label": item.label},
                        local={lang: {"kind": w.word(singular)} for lang, w in self.words()},
                        at=None if i is None else (*path, i),
                    )
                )

    # -- against the base layer -------------------------------------------------------------------

    def against_base(self) -> None:
        base = self.base
        if base is None:
            return
        view = _base_view(base, self.cp)
        space = input_space(self.cp, view)
        decide = Decider(space, (self.cp, view))
        ours = {r.rule.id: r.rule for r in self.cp.rules}
        homes = {d.id: rule for rule in ours.values() for d in rule.deadlines}
        for base_rule in view.rules:
            for deadline in base_rule.rule.deadlines:
                home = homes.get(deadline.id)
                dims = space.keys_of(base_rule.rule.when)
                dims |= space.known([f"fact:{f}" for f in (deadline.starts, *deadline.until)])
                dims.add("received_at")
                if home is not None:
                    dims |= space.keys_of(home.when)
                later: list[tuple[Point, dict[str, Any], dict[str, Any]]] = []
                dropped: list[Point] = []
                applies: list[Point] = []
                for point in space.points(dims, limit=self.limit, what=f"deadline {deadline.id}"):
                    m, theirs = decide.parts(point, ("deadline", deadline.id))
                    if m is None or theirs is None:
                        continue
                    b = [d for d in theirs if d["due"]]
                    if not b:
                        continue
                    applies.append(point)
                    if not m:
                        dropped.append(point)
                    elif m[0]["due"] and _later(m[0]["due"], b[0]["due"]):
                        later.append((point, m[0]["due"], b[0]["due"]))
                self.base_findings(deadline, home, later, dropped, applies, space, dims)

    def base_findings(
        self,
        deadline: Any,
        home: Rule | None,
        later: list[tuple[Point, dict[str, Any], dict[str, Any]]],
        dropped: list[Point],
        applies: list[Point],
        space: InputSpace,
        dims: set[str],
    ) -> None:
        base = self.base
        assert base is not None
        compared = len(applies)
        if later:
            point, mine, theirs = min(later, key=lambda t: space.weight(t[0]))
            assert home is not None
            ours = next(d for d in home.deadlines if d.id == deadline.id)
            at = space.received_at(point)
            self.add(
                self.at.finding(
                    "error",
                    "looser-than-base",
                    "lint.looser_than_base",
                    {
                        "deadline": deadline.id,
                        "label": deadline.label,
                        "base": base.id,
                        "count": len(later),
                        "total": compared,
                        "ours": _deadline_words(ours),
                        "theirs": _deadline_words(deadline),
                        "received": value_text(space, self.cp, "received_at", at),
                        "due": _due_words(mine),
                        "base_due": _due_words(theirs),
                    },
                    local={
                        lang: {
                            "ours": w.deadline(ours),
                            "theirs": w.deadline(deadline),
                            "received": w.key_value("received_at", at),
                            "due": w.due(mine),
                            "base_due": w.due(theirs),
                        }
                        for lang, w in self.words(space)
                    },
                    at=self.at.rule_path(home.id),
                    rule=home,
                    example=space.complaint(point, self.cp),
                )
            )
        if dropped:
            where = where_text(space, self.cp, dropped, dims, applies)
            point = min(dropped, key=space.weight)
            rule = home
            self.add(
                self.at.finding(
                    "warning",
                    "dropped-base-deadline",
                    "lint.dropped_base_deadline",
                    {
                        "base": base.id,
                        "deadline": deadline.id,
                        "label": deadline.label,
                        "period": _deadline_words(deadline),
                        "count": len(dropped),
                        "total": compared,
                        "where": say("lint.scope.where", "en", where="; ".join(where))
                        if where
                        else "",
                    },
                    local={
                        lang: {
                            "period": w.deadline(deadline),
                            "where": w.say(
                                "lint.scope.where", where=w.where(dropped, dims, applies)
                            )
                            if where
                            else "",
                        }
                        for lang, w in self.words(space)
                    },
                    at=self.at.rule_path(home.id) if home is not None else self.remove_path(),
                    rule=rule,
                    example=space.complaint(point, self.cp),
                )
            )

    def remove_path(self) -> tuple[str | int, ...] | None:
        if self.at.data is not None and "remove_rules" in self.at.data:
            return ("remove_rules",)
        return ("extends",) if self.cp.policy.extends else None

    def run(self) -> list[LintFinding]:
        self.reach()
        self.dead_rules()
        self.shadowed_rows()
        self.overlaps()
        self.unused()
        self.against_base()
        return self.found


def _raw_keys(cond: Any) -> set[str]:
    return condition_keys(cond) if cond is not None else set()


_READ_HERE = (
    "schema_",
    "id",
    "version",
    "title",
    "institution",
    "source",
    "language",
    "defects",
    "not_encoded",
    "vocabulary",
    "facts",
    "parameters",
    "classification",
    "rules",
)
"""The policy's fields the unused-vocabulary check reads itself (or that name nothing)."""


def _strings(value: Any) -> set[str]:
    """Every text and mapping key in ``value``: what a part of the policy may name."""
    if isinstance(value, dict):
        out = {str(k) for k in value}
        for item in value.values():
            out |= _strings(item)
        return out
    if isinstance(value, list | tuple):
        out = set()
        for item in value:
            out |= _strings(item)
        return out
    return {value} if isinstance(value, str) else set()


def _params(money: Money | None) -> list[str]:
    return [money.parameter] if money is not None and money.parameter is not None else []


def _money(money: Money | None) -> str:
    return money_text(money)


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


def _deadline_words(deadline: Any) -> str:
    if deadline.within is not None:
        start = "" if deadline.starts == "received" else f" from {deadline.starts}"
        return period_text(deadline.within) + start
    return "until " + ", ".join(deadline.until)


def _later(mine: dict[str, Any], theirs: dict[str, Any]) -> bool:
    """Whether a due (as a decision's JSON gives it) is late from a later instant."""
    return datetime.fromisoformat(mine["late_from"]) > datetime.fromisoformat(theirs["late_from"])


def _due_words(due: dict[str, Any]) -> str:
    return due_text(DecidedDue.model_validate(due))


def _base_view(base: CompiledPolicy, ours: CompiledPolicy) -> CompiledPolicy:
    """The base layer's rules deciding complaints in our vocabulary (and the base's calendar)."""
    view = base.policy.model_copy(
        update={
            "abstract": False,
            "extends": None,
            "vocabulary": ours.policy.vocabulary,
            "facts": ours.policy.facts,
            "parameters": ours.policy.parameters,
            "classification": ours.policy.classification,
            "level_input": ours.policy.level_input,
        }
    )
    return compile_policy(view)


def lint(
    policy: CompiledPolicy,
    *,
    base: CompiledPolicy | None = None,
    source: str | PathLike[str] | None = None,
    limit: int = DEFAULT_LIMIT,
    previous: CompiledPolicy | None = None,
) -> LintReport:
    """Every lint finding for ``policy``.

    ``base`` is the compiled policy it ``extends`` (for the checks against the base
    layer; without it they are skipped). ``source`` is the file it was loaded from, for
    ``file:line`` (ignored if its content is not the policy's). A sub-space larger than
    ``limit`` raises :class:`~complaint_rules.toolkit.input_space.SpaceTooLarge`.
    """
    if base is not None and policy.policy.extends != base.id:
        raise ValueError(f"policy {policy.id!r} extends {policy.policy.extends!r}, not {base.id!r}")
    located = _read(source, policy) if source is not None else None
    found = _Linter(policy, base, located, limit).run()
    if previous is not None and version_unchanged(previous, policy):
        message = say("diff.version_unchanged", "en", version=policy.version)
        line = located.line_of(("version",)) if located is not None else None
        found.append(
            LintFinding(
                severity="error",
                code="version-unchanged",
                message=message,
                wording="diff.version_unchanged",
                args={"version": policy.version},
                file=None if located is None else located.file,
                line=line,
                field="version",
            )
        )
    order = {"error": 0, "warning": 1, "info": 2}
    found.sort(key=lambda f: (f.line is None, f.line or 0, order[f.severity], f.code, f.message))
    return LintReport(policy=policy.id, version=policy.version, findings=tuple(found))


def _read(source: str | PathLike[str], policy: CompiledPolicy) -> Located | None:
    """The line of every value of the policy's file, if it is the file ``policy`` came from.

    The file has loaded already (strictly), so only its shape and lines are read here
    (:func:`~complaint_rules.policy.yaml_reader.read_shape`).
    """
    path = Path(source)
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    if hashlib.sha256(raw).hexdigest() != policy.layers[-1].sha256:
        return None
    return read_shape(raw, str(path))
