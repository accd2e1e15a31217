"""A decision in plain words, and why every other rule did not apply.

:func:`explain` decides (with :func:`~complaint_rules.decision.engine.decide`) and says, one line
per element, what the policy requires, each line with the rule id and the article it
comes from; then, for each rule that did not apply or is pending, which part of its
``when`` was false or unknown (:func:`~complaint_rules.policy.conditions.explain_condition`,
which tests each part with the compiler that decides). Articles stay as written in the
source; the policy's texts (labels, titles, notes, gap and conflict texts) are shown in the
language asked where the policy gives them per language, else as written. ``zh-Hans`` is
the Traditional text converted with OpenCC, ``en`` frames the labels in English and follows
each with its ASCII id. No complaint text,
name or contact is ever read, so none can appear.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from ..decision.complaint import Complaint, parse_complaint
from ..decision.engine import decide
from ..decision.model import (
    DecidedApproval,
    DecidedDeadline,
    DecidedDue,
    DecidedPenalty,
    Decision,
    Named,
    Source,
)
from ..decision.render import due_text, gap_text
from ..messages.catalogue import parse_lang
from ..messages.phrases import COMPARISONS, PHRASES, Phrases, english_article
from ..policy.compiled import CompiledPolicy
from ..policy.conditions import (
    ConditionContext,
    PartCheck,
    Subject,
    check_condition,
    explain_condition,
)
from ..policy.model import OWN_LANGUAGE, Approval, Fact, LocalText, Penalty, local_texts, text_in
from ..policy.vocabulary import Lookup

__all__ = ["LANGUAGES", "Explanation", "ExplanationLine", "explain", "render_explanation"]

Language = Literal["zh-Hant", "zh-Hans", "en"]
LANGUAGES: tuple[Language, ...] = ("zh-Hant", "zh-Hans", "en")

LineKind = Literal[
    "policy",
    "complaint",
    "summary",
    "level",
    "classification",
    "routing",
    "deadline",
    "action",
    "escalation",
    "report",
    "retention",
    "penalty",
    "approval",
    "gap",
    "conflict",
    "pending",
    "not_applied",
]


class ExplanationLine(BaseModel):
    """One line: what it is about, its words, and the rule, article and layer it comes from.

    ``article`` is exactly as written in the source in every language (the text shows it
    converted or annotated); ``rule`` is a rule id, or a classification row id, or
    ``classification`` for the table's own gap.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: LineKind
    text: str
    rule: str | None = None
    article: str | None = None
    layer: str | None = None


class Explanation(BaseModel):
    """A decision explained, line by line, in one language."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    policy: str
    version: str
    lang: Language
    received_at: datetime
    decided_at: datetime
    lines: tuple[ExplanationLine, ...]


def explain(
    policy: CompiledPolicy,
    complaint: Mapping[str, Any] | Complaint,
    *,
    at: datetime | str | None = None,
    estimate: bool = False,
    lang: str = "zh-Hant",
) -> Explanation:
    """Explain what ``policy`` requires for ``complaint`` in ``lang``.

    ``at`` and ``estimate`` are as for :func:`~complaint_rules.decision.engine.decide`, which
    raises the same errors. ``lang`` is ``zh-Hant`` (as in the source), ``zh-Hans``
    (needs the ``zh-hans`` extra) or ``en``.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    decision = decide(policy, complaint, at=at, estimate=estimate)
    parsed = complaint if isinstance(complaint, Complaint) else parse_complaint(policy, complaint)
    defaulted = frozenset(
        f.id
        for f in policy.policy.facts
        if not isinstance(complaint, Complaint) and complaint.get(f.id) is None
    )
    phrases = PHRASES["en" if lang == "en" else "zh-Hant"]
    lines = _Writer(policy, decision, parsed, defaulted, phrases, lang).run()
    if lang == "zh-Hans":
        from ..messages.simplified import to_simplified

        texts = to_simplified([line.text for line in lines])
        lines = [line.model_copy(update={"text": t}) for line, t in zip(lines, texts, strict=True)]
    return Explanation(
        policy=policy.id,
        version=policy.version,
        lang=lang,
        received_at=decision.received_at,
        decided_at=decision.decided_at,
        lines=tuple(lines),
    )


def render_explanation(explanation: Explanation) -> str:
    """The explanation for a person: the header lines, then one section per kind of line."""
    phrases = PHRASES["en" if explanation.lang == "en" else "zh-Hant"]
    headings = dict(phrases.headings)
    if explanation.lang == "zh-Hans":
        from ..messages.simplified import to_simplified

        headings = dict(zip(headings, to_simplified(list(headings.values())), strict=True))
    out: list[str] = []
    current = None
    for line in explanation.lines:
        heading = "level" if line.kind == "classification" else line.kind
        if heading not in headings:
            out.append(line.text)
            continue
        if heading != current:
            out.append(headings[heading])
            current = heading
        out.append(f"  - {line.text}")
    return "\n".join(out)


_TEXT_FIELDS = frozenset({"label", "title", "institution", "note", "text"})
"""The phrases' fields that hold a text of the policy (given per language or not)."""


class _Writer:
    def __init__(
        self,
        cp: CompiledPolicy,
        decision: Decision,
        complaint: Complaint,
        defaulted: frozenset[str],
        phrases: Phrases,
        lang: str,
    ) -> None:
        self.cp = cp
        self.d = decision
        self.c = complaint
        self.defaulted = defaulted
        self.p = phrases
        self.lang = lang
        self.say_lang = parse_lang(lang)
        self.english = lang == "en"
        # The policy's texts given per language, by their own-language text (what the
        # decision carries): a label, title, note, gap or conflict text is shown in ``lang``.
        self.texts: dict[str, LocalText] = {} if lang == OWN_LANGUAGE else local_texts(cp.policy)
        self.facts: dict[str, Fact] = {f.id: f for f in cp.policy.facts}
        self.lines: list[ExplanationLine] = []
        self.ctx = ConditionContext(
            channels=frozenset(cp.channels.terms),
            categories=frozenset(cp.categories.terms),
            levels=cp.level_order,
            findings=frozenset(cp.findings.terms),
            fact_types={f.id: f.type for f in cp.policy.facts},
        )

    # -- words ------------------------------------------------------------------------

    def t(self, name: str, **fields: Any) -> str:
        if self.texts:
            for key in _TEXT_FIELDS.intersection(fields):
                value = fields[key]
                if isinstance(value, str) and value in self.texts:
                    fields[key] = text_in(self.texts[value], self.lang)
        return self.p.t[name].format(**fields)

    def label_in(self, label: str) -> str:
        """A label of the policy in the language asked, where the policy gives it so."""
        return text_in(self.texts[label], self.lang) if label in self.texts else label

    def term(self, lookup: Lookup, term_id: str) -> str:
        return self.t("term", label=lookup.label(term_id), id=term_id)

    def named(self, items: Iterable[Named], any_one: bool = False) -> str:
        """Names joined: each of them, or (``any_one``) any one of them (「或」)."""
        sep = self.p.any_sep if any_one else self.p.sep
        return sep.join(self.t("term", label=n.label, id=n.id) for n in items)

    def fact(self, fact_id: str) -> str:
        return self.t("term", label=self.facts[fact_id].label, id=fact_id)

    def facts_list(self, ids: Iterable[str]) -> str:
        return self.p.sep.join(self.fact(f) for f in ids)

    def by(self, items: Sequence[Named], any_one: bool = False) -> str:
        return self.t("by", by=self.named(items, any_one)) if items else ""

    def may(self, discretionary: bool) -> str:
        return self.t("may") if discretionary else ""

    def value(self, value: Any) -> str:
        if isinstance(value, bool):
            return self.p.true if value else self.p.false
        if isinstance(value, datetime):
            return value.astimezone(self.cp.tz).isoformat()
        return str(value)

    def article(self, article: str) -> str:
        return english_article(article) if self.english else article

    def line(self, kind: LineKind, text: str, source: Source | None = None) -> ExplanationLine:
        if source is None:
            return ExplanationLine(kind=kind, text=text)
        suffix = self.t("source", rule=source.rule, article=self.article(source.article))
        return ExplanationLine(
            kind=kind,
            text=text + suffix,
            rule=source.rule,
            article=source.article,
            layer=source.policy,
        )

    def add(self, kind: LineKind, text: str, source: Source | None = None) -> None:
        self.lines.append(self.line(kind, text, source))

    # -- the whole explanation ----------------------------------------------------------

    def run(self) -> list[ExplanationLine]:
        self.header()
        level = self.level()
        self.elements()
        self.others(level)
        return self.lines

    def header(self) -> None:
        cp, d, c = self.cp, self.d, self.c
        text = self.t(
            "policy",
            id=cp.id,
            version=cp.version,
            institution=cp.policy.institution,
            title=cp.policy.title,
        )
        if len(cp.layers) > 1:
            text += self.t(
                "layers", layers=self.p.sep.join(f"{x.id} {x.version}" for x in cp.layers)
            )
        self.add("policy", text)
        findings = self.p.sep.join(
            self.term(cp.findings, f.finding) + (self.t("count", n=f.count) if f.count > 1 else "")
            for f in c.findings
        )
        text = self.t(
            "complaint",
            received=d.received_at.isoformat(),
            channel=self.term(cp.channels, c.channel),
            category=self.term(cp.categories, c.category),
            findings=findings or self.p.none,
        )
        if d.decided_at != d.received_at:
            text += self.t("as_of", at=d.decided_at.isoformat())
        given = [
            self.t("fact_value", fact=self.fact(f), value=self.value(c.facts[f]))
            for f in self.facts
            if f in c.facts and f not in self.defaulted
        ]
        if given:
            text += self.t("facts_given", facts=self.p.sep.join(given))
        self.add("complaint", text)
        pending = len(d.pending_rules)
        matched = len(d.matched_rules)
        self.add(
            "summary",
            self.t(
                "summary",
                matched=matched,
                pending=pending,
                other=len(cp.rules) - matched - pending,
            ),
        )

    def level(self) -> str | None:
        cp, d = self.cp, self.d
        level = d.level
        if level is not None and level.how == "input":
            self.add("level", self.t("level_input", level=self.term(cp.levels, level.id)))
            return level.id
        if cp.level_input == "optional" and level is None:
            self.add("level", self.t("level_missing"))
            return None
        table = cp.policy.classification
        if table is None or cp.level_input != "forbidden":
            return None if level is None else level.id
        subject = self.subject(None)
        matched_row = level.source.rule if level is not None and level.source else None
        for (row_id, article, _, _), row in zip(cp.classification, table.rows, strict=True):
            source = Source(rule=row_id, article=article, policy=cp.id)
            if row_id == matched_row:
                parts = self.p.clause_sep.join(
                    self.holds(c) for c in check_condition(row.when, subject, self.ctx)
                )
                assert level is not None
                text = self.t(
                    "level_row", level=self.term(cp.levels, level.id), row=row_id, parts=parts
                )
                self.add("level", text, source)
                return level.id
            reasons = self.reasons(explain_condition(row.when, subject, self.ctx), "row")
            self.add(
                "classification", self.t("row_not_matched", row=row_id, reasons=reasons), source
            )
        if level is not None:
            self.add("level", self.t("level_default", level=self.term(cp.levels, level.id)))
            return level.id
        self.add("level", self.t("level_none"))
        return None

    def subject(self, level: str | None) -> Subject:
        c = self.c
        return Subject(
            channel=c.channel,
            category=c.category,
            level=level,
            findings=frozenset(f.finding for f in c.findings),
            facts=c.facts,
        )

    def elements(self) -> None:
        d, p = self.d, self.p
        for a in d.routing:
            note = self.t("note", note=a.note) if a.note else ""
            role = self.named([a.role, *a.or_roles], any_one=True)
            self.add(
                "routing", self.t("routing", duty=p.duties[a.duty], role=role, note=note), a.source
            )
        for x in d.deadlines:
            self.add("deadline", self.deadline(x), x.source)
        for act in d.actions:
            deadline = self.t("action_deadline", deadline=act.deadline) if act.deadline else ""
            on = self.t("action_on", event=self.term(self.cp.events, act.on)) if act.on else ""
            to = self.t("action_to", to=self.named(act.to, act.to_any)) if act.to else ""
            text = self.t(
                "action",
                label=act.label,
                on=on,
                by=self.by(act.by, act.by_any),
                to=to,
                deadline=deadline,
                may=self.may(act.discretionary),
            )
            self.add("action", text, act.source)
        for e in d.escalations:
            if e.on == "received":
                trigger = self.t("on_received")
            elif e.on == "deadline_missed":
                trigger = self.t("on_missed", deadline=e.deadline)
            else:
                trigger = self.term(self.cp.events, e.on)
            nxt = self.t("next", next=e.next) if e.next else ""
            text = self.t(
                "escalation",
                label=e.label,
                trigger=trigger,
                to=self.named(e.to, e.to_any),
                by=self.by(e.by, e.by_any),
                next=nxt,
                may=self.may(e.discretionary),
            )
            self.add("escalation", text, e.source)
        for r in d.reports:
            due = ""
            if r.due is not None and r.starts != "received":
                due = self.t("report_due_from", due=self.due(r.due), start=self.fact(r.starts))
            elif r.due is not None:
                due = self.t("report_due", due=self.due(r.due))
            elif r.waiting_for:
                due = self.t("report_waiting", start=self.fact(r.starts))
            text = self.t(
                "report",
                label=r.label,
                to=self.named(r.to, r.to_any),
                by=self.by(r.by, r.by_any),
                frequency=p.frequencies[r.frequency],
                due=due,
                may=self.may(r.discretionary),
            )
            self.add("report", text, r.source)
        for k in d.retention:
            if k.years is None:
                term = self.t("no_term")
            else:
                term = self.t("years_at_least" if k.at_least else "years", years=k.years)
            if k.kept_until is not None:
                term += self.t("kept_until", day=k.kept_until.isoformat())
            elif k.waiting_for:
                term += self.t("report_waiting", start=self.fact(k.waiting_for[0]))
            text = self.t("retention", label=k.label, term=term, by=self.by(k.keeper))
            self.add("retention", text, k.source)
        for pen in d.penalties:
            self.add("penalty", self.penalty(pen), pen.source)
        for ap in d.approvals:
            self.add("approval", self.approval(ap), ap.source)
        for g in d.gaps:
            text = gap_text(g, d, self.say_lang, self.label_in)
            self.add("gap", self.t("gap", about=p.abouts[g.about], text=text), g.source)
        for c in d.conflicts:
            items = self.p.sep.join(
                self.t(
                    "conflict_item",
                    role=self.named([a.role, *a.or_roles], any_one=True),
                    source=self.t(
                        "source", rule=a.source.rule, article=self.article(a.source.article)
                    ),
                )
                for a in c.assignments
            )
            text = self.t("conflict", duty=p.duties[c.duty], assignments=items, text=c.text)
            self.add("conflict", text, c.source)

    def period(self, unit: str, amount: int, low: int | None) -> str:
        return self.p.period(unit, amount if low is None else low, amount)

    def due(self, due: DecidedDue) -> str:
        """When it is due, in words (「2026-10-08 24時前」, "by the end of 2026-10-08 (24:00)")."""
        return due_text(due, "en" if self.english else "zh")

    def deadline(self, x: DecidedDeadline) -> str:
        by = self.by(x.by)
        if x.status == "needs_fact":
            return self.t("needs_fact", label=x.label, facts=self.facts_list(x.waiting_for), by=by)
        if x.status == "not_started":
            assert x.unit is not None and x.amount is not None
            period = self.period(x.unit, x.amount, x.amount_min)
            start = self.fact(x.starts)
            return self.t("not_started", label=x.label, period=period, start=start, by=by)
        assert x.due is not None
        if x.unit == "until":
            facts = self.facts_list(self.until_of(x))
            text = self.t("due_until", label=x.label, due=self.due(x.due), by=by, facts=facts)
        else:
            assert x.unit is not None and x.amount is not None and x.started_at is not None
            start = self.t("received") if x.starts == "received" else self.fact(x.starts)
            fields = {
                "label": x.label,
                "due": self.due(x.due),
                "by": by,
                "period": self.period(x.unit, x.amount, x.amount_min),
                "start": start,
                "started": x.started_at.isoformat(),
            }
            if x.due_earliest is not None:
                text = self.t("due_range", earliest=self.due(x.due_earliest), **fields)
            else:
                text = self.t("due", **fields)
        if x.estimated:
            text += self.t("estimated")
        if x.overdue_at_decision:
            text += self.t("overdue", at=self.d.decided_at.isoformat())
        return text

    def until_of(self, x: DecidedDeadline) -> tuple[str, ...]:
        for rule in self.cp.rules:
            if rule.rule.id == x.source.rule:
                for deadline in rule.rule.deadlines:
                    if deadline.id == x.id:
                        return deadline.until
        raise AssertionError(f"deadline {x.id!r} not in rule {x.source.rule!r}")

    def yuan(self, amount: Decimal) -> str:
        return self.t("yuan", amount=amount)

    def money(self, low: Decimal, high: Decimal) -> str:
        return self.yuan(low) if low == high else self.t("yuan", amount=f"{low}–{high}")

    def penalty(self, pen: DecidedPenalty) -> str:
        model = self.penalty_model(pen)
        if not pen.configured:
            money = self.t("money_not_configured")
        elif pen.waiting_for:
            money = self.t("money_waiting", facts=self.facts_list(pen.waiting_for))
        elif pen.min_yuan is None or pen.max_yuan is None:
            money = self.t("money_none")
        else:
            each = self.money(pen.min_yuan, pen.max_yuan)
            total = ""
            if pen.total_min_yuan is not None and pen.total_max_yuan is not None:
                total = self.money(pen.total_min_yuan, pen.total_max_yuan)
            if pen.headcount is not None:
                name = f"per_person_{pen.per}"
                money = self.t(
                    name, money=each, n=pen.occurrences, persons=pen.headcount, total=total
                )
            elif pen.per == "occurrence":
                money = self.t("per_occurrence", money=each, n=pen.occurrences, total=total)
            else:
                money = self.t("per_case", money=each)
        if model.amount_yuan is not None and model.amount_yuan.fact is not None:
            money += self.t("amount_fact", fact=self.fact(model.amount_yuan.fact))
        items = []
        for s in pen.sanctions:
            name = self.t("term", label=s.label, id=s.id)
            if s.status == "conditional" and s.condition:
                items.append(self.t("sanction_conditional", sanction=name, condition=s.condition))
            else:
                items.append(self.t("sanction", sanction=name, status=self.p.statuses[s.status]))
        sanctions = self.t("sanctions", items=self.p.clause_sep.join(items)) if items else ""
        roles = (
            self.t("roles_involved", roles=self.named(pen.roles_involved))
            if pen.roles_involved
            else ""
        )
        return self.t(
            "penalty",
            label=pen.label,
            finding=self.named([pen.finding]),
            count=self.t("count", n=pen.occurrences) if pen.occurrences > 1 else "",
            roles=roles,
            subjects=self.named(pen.subjects),
            money=money,
            sanctions=sanctions,
        )

    def approval(self, ap: DecidedApproval) -> str:
        if ap.amount_yuan is None:
            fact = self.fact(self.approval_model(ap).amount_fact)
            text = self.t("approval_no_amount", label=ap.label, fact=fact)
        else:
            amount = self.yuan(ap.amount_yuan)
            if not ap.configured:
                text = self.t("approval_not_configured", label=ap.label, amount=amount)
            elif ap.waiting_for:
                facts = self.facts_list(ap.waiting_for)
                text = self.t("approval_waiting", label=ap.label, amount=amount, facts=facts)
            else:
                approver = self.named(ap.approver)
                text = self.t("approval", label=ap.label, amount=amount, approver=approver)
        steps = []
        for tier in ap.tiers:
            role = self.named([tier.role])
            if not tier.configured or tier.limit_yuan is None:
                steps.append(self.t("tier_not_configured", role=role))
                continue
            limit = self.yuan(tier.limit_yuan)
            if tier.earlier_total is None:
                steps.append(self.t("tier", role=role, limit=limit))
            elif tier.total_yuan is None:
                fact = self.fact(tier.earlier_total)
                steps.append(self.t("tier_earlier", role=role, limit=limit, fact=fact))
            else:
                fact = self.fact(tier.earlier_total)
                total = self.yuan(tier.total_yuan)
                steps.append(self.t("tier_total", role=role, limit=limit, fact=fact, total=total))
        chain = self.t("chain_sep").join([*steps, self.named(ap.above)])
        return text + self.t("approval_chain", chain=chain)

    def penalty_model(self, pen: DecidedPenalty) -> Penalty:
        for rule in self.cp.rules:
            if rule.rule.id == pen.source.rule:
                for penalty in rule.rule.penalties:
                    if penalty.id == pen.id:
                        return penalty
        raise AssertionError(f"penalty {pen.id!r} not in rule {pen.source.rule!r}")

    def approval_model(self, ap: DecidedApproval) -> Approval:
        for rule in self.cp.rules:
            for approval in rule.rule.approvals:
                if approval.id == ap.id:
                    return approval
        raise AssertionError(f"approval {ap.id!r} not in the policy")

    # -- the rules that did not apply -----------------------------------------------------

    def others(self, level: str | None) -> None:
        matched = {s.rule for s in self.d.matched_rules}
        pending = {p.source.rule for p in self.d.pending_rules}
        subject = self.subject(level)
        lines: dict[str, list[ExplanationLine]] = {"pending": [], "not_applied": []}
        for rule in self.cp.rules:
            r = rule.rule
            if r.id in matched:
                continue
            assert r.when is not None  # a rule without a condition always applies
            checks = explain_condition(r.when, subject, self.ctx)
            assert checks, f"rule {r.id!r} did not apply but its condition holds"
            kind: LineKind = "pending" if r.id in pending else "not_applied"
            title = self.t("title", title=r.title) if r.title else self.t("no_title")
            text = self.t(kind, rule=r.id, title=title, reasons=self.reasons(checks, "rule"))
            source = Source(rule=r.id, article=r.article, policy=rule.layer)
            lines[kind].append(self.line(kind, text, source))
        self.lines.extend(lines["pending"] + lines["not_applied"])

    # -- conditions, in words ----------------------------------------------------------

    def reasons(self, checks: Sequence[PartCheck], who: str) -> str:
        return self.p.clause_sep.join(self.fails(c, who) for c in checks)

    def failing(self, checks: Sequence[PartCheck]) -> tuple[PartCheck, ...]:
        false = tuple(c for c in checks if c.result is False)
        return false or tuple(c for c in checks if c.result is None)

    def actual(self, c: PartCheck) -> str:
        cp = self.cp
        if c.field == "channel":
            return self.t("channel", value=self.term(cp.channels, c.actual))
        if c.field == "category":
            return self.t("category", value=self.term(cp.categories, c.actual))
        if c.field == "level":
            if c.actual is None:
                return self.t("no_level")
            return self.t("level", value=self.term(cp.levels, c.actual))
        if c.field == "finding":
            if not c.actual:
                return self.t("no_findings")
            names = self.p.sep.join(self.term(cp.findings, f) for f in c.actual)
            return self.t("findings", value=names)
        if c.actual is None:
            return self.t("fact_not_given", fact=self.fact(c.field))
        name = "fact_default" if c.field in self.defaulted else "fact"
        return self.t(name, fact=self.fact(c.field), value=self.value(c.actual))

    def need(self, c: PartCheck) -> str:
        cp = self.cp
        if c.field in ("channel", "category", "level", "finding"):
            lookup = {
                "channel": cp.channels,
                "category": cp.categories,
                "level": cp.levels,
                "finding": cp.findings,
            }[c.field]
            items = self.p.sep.join(self.term(lookup, i) for i in c.expected)
            name = "need_in_many" if c.op == "in" and len(c.expected) > 1 else f"need_{c.op}"
            return self.t(name, items=items)
        arg = c.expected[0]
        if c.op == "given":
            return self.t("need_given" if arg else "need_not_given")
        if c.op == "eq":
            return self.t("need_eq", value=self.value(arg))
        return self.t("need_compare", op=COMPARISONS[c.op], value=self.value(arg))

    def fails(self, c: PartCheck, who: str) -> str:
        """Why ``c`` is false (or unknown)."""
        if c.field in ("all", "any"):
            groups = [self.failing(g) for g in c.groups]
            shown = [g for g in groups if g]
            if c.field == "all":
                return self.p.clause_sep.join(self.reasons(g, who) for g in shown)
            items = self.p.clause_sep.join(
                self.t("group", reasons=self.reasons(g, who)) for g in shown
            )
            return self.t("none_of" if c.result is False else "none_known", items=items)
        if c.field == "not":
            inner = c.groups[0]
            if c.result is None:
                return self.reasons(self.failing(inner), who)
            held = self.p.clause_sep.join(self.holds(x) for x in inner)
            return self.t("excludes", who=self.p.who[who], inner=held)
        if c.result is None:
            return self.actual(c)
        return self.t("fail", actual=self.actual(c), who=self.p.who[who], need=self.need(c))

    def holds(self, c: PartCheck) -> str:
        """What made ``c`` true."""
        if c.field == "any":
            group = next(g for g in c.groups if all(x.result is True for x in g))
            return self.p.clause_sep.join(self.holds(x) for x in group)
        if c.field == "all":
            return self.p.clause_sep.join(self.holds(x) for g in c.groups for x in g)
        if c.field == "not":
            return self.p.clause_sep.join(self.actual(x) for x in self.failing(c.groups[0]))
        return self.actual(c)
