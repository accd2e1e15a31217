"""Deciding: a pure function of (compiled policy, complaint, as-of instant).

No I/O, no clock, no global state: the same inputs give the same decision, byte for byte,
from any thread. Every rule whose condition holds contributes its elements, in policy
order; the level comes from the input or from the policy's first-match classification
table. A rule whose condition depends on a fact the complaint does not give is neither
applied nor skipped in silence: the decision lists it under ``pending_rules`` with the
facts it needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from .compiled import CompiledPolicy, CompiledRule
from .complaint import Complaint, parse_complaint, parse_datetime
from .conditions import Subject
from .decision import (
    DecidedAction,
    DecidedApproval,
    DecidedAssignment,
    DecidedDeadline,
    DecidedEscalation,
    DecidedGap,
    DecidedLevel,
    DecidedPenalty,
    DecidedReport,
    DecidedRetention,
    DecidedSanction,
    Decision,
    LayerRef,
    Named,
    PendingRule,
    PolicyRef,
    Source,
)
from .durations import Due, due_after
from .errors import ComplaintError, Problem
from .model import ELEMENT_KINDS, Approval, Deadline, Money, Penalty, Period
from .vocabulary import Lookup

__all__ = ["decide"]


def decide(
    policy: CompiledPolicy,
    complaint: Mapping[str, Any] | Complaint,
    *,
    at: datetime | str | None = None,
    estimate: bool = False,
) -> Decision:
    """Decide what ``policy`` requires for ``complaint``.

    ``at`` is the as-of instant (default: the time of receipt); it only sets
    ``decided_at`` and each deadline's ``overdue_at_decision``. With ``estimate=True`` a
    deadline counted through a year whose official holiday schedule is unknown is
    computed from the estimated calendar and marked ``estimated``; otherwise it raises
    :class:`~complaint_rules.errors.UnpublishedCalendarError`.
    """
    if policy.policy.abstract:
        raise ComplaintError(
            [
                Problem(
                    f"policy {policy.id!r} is abstract: it is a base for other policies to extend, "
                    "and declares no channels or categories of its own"
                )
            ]
        )
    parsed = complaint if isinstance(complaint, Complaint) else parse_complaint(policy, complaint)
    if at is None:
        as_of = parsed.received_at
    else:
        try:
            as_of = parse_datetime(at, "at")
        except ValueError as exc:
            raise ComplaintError([Problem(str(exc), path=("at",))]) from None
    return _Decider(policy, parsed, as_of, estimate).run()


class _Decider:
    def __init__(self, cp: CompiledPolicy, complaint: Complaint, at: datetime, estimate: bool):
        self.cp = cp
        self.c = complaint
        self.at = at.astimezone(cp.tz)
        self.estimate = estimate
        self.received = complaint.received_at.astimezone(cp.tz)
        self.gaps: list[DecidedGap] = []

    def source(self, rule: CompiledRule, article: str | None = None) -> Source:
        return Source(
            rule=rule.rule.id,
            article=article or rule.rule.article,
            policy=rule.layer,
            verification=rule.rule.verification,
        )

    def named(self, lookup: Lookup, ids: tuple[str, ...] | list[str]) -> tuple[Named, ...]:
        return tuple(Named(id=i, label=lookup.label(i)) for i in ids)

    def run(self) -> Decision:
        cp, c = self.cp, self.c
        level, level_out = self.level()
        subject = Subject(
            channel=c.channel,
            category=c.category,
            level=level,
            findings=frozenset(f.finding for f in c.findings),
            facts=c.facts,
        )
        matched: list[CompiledRule] = []
        pending: list[PendingRule] = []
        for rule in cp.rules:
            got = True if rule.when is None else rule.when.test(subject)
            if got is None:
                assert rule.when is not None
                needs = tuple(sorted(f for f in rule.when.facts if c.facts.get(f) is None))
                pending.append(PendingRule(source=self.source(rule), needs=needs))
            elif got:
                matched.append(rule)
        out: dict[str, list[Any]] = {k: [] for k in ("routing", *ELEMENT_KINDS)}
        for rule in matched:
            r = rule.rule
            for a in r.routing:
                out["routing"].append(
                    DecidedAssignment(
                        duty=a.duty,
                        role=self.named(cp.roles, [a.role])[0],
                        note=a.note,
                        source=self.source(rule, a.article),
                    )
                )
            out["deadlines"].extend(self.deadline(rule, d) for d in r.deadlines)
            for act in r.actions:
                out["actions"].append(
                    DecidedAction(
                        id=act.id,
                        label=act.label,
                        by=self.named(cp.roles, act.by),
                        deadline=act.deadline,
                        note=act.note,
                        source=self.source(rule, act.article),
                    )
                )
            for e in r.escalations:
                out["escalations"].append(
                    DecidedEscalation(
                        id=e.id,
                        label=e.label,
                        on=e.on,
                        deadline=e.deadline,
                        by=self.named(cp.roles, e.by),
                        to=self.named(cp.roles, e.to),
                        next=e.next,
                        note=e.note,
                        source=self.source(rule, e.article),
                    )
                )
            for rep in r.reports:
                due = (
                    None if rep.due is None else self.due(rep.due, rep.due.bounds[1], self.received)
                )
                out["reports"].append(
                    DecidedReport(
                        id=rep.id,
                        label=rep.label,
                        by=self.named(cp.roles, rep.by),
                        to=self.named(cp.roles, rep.to),
                        frequency=rep.frequency,
                        due=None if due is None else due.at,
                        note=rep.note,
                        source=self.source(rule, rep.article),
                    )
                )
            for keep in r.retention:
                out["retention"].append(
                    DecidedRetention(
                        id=keep.id,
                        label=keep.label,
                        keeper=self.named(cp.roles, keep.keeper),
                        years=keep.years,
                        at_least=keep.at_least,
                        note=keep.note,
                        source=self.source(rule, keep.article),
                    )
                )
                if keep.years is None:
                    self.gap(
                        rule,
                        "retention",
                        f"{keep.label}: the source sets no retention term",
                        keep.article,
                    )
            for p in r.penalties:
                out["penalties"].extend(self.penalties(rule, p, subject))
            out["approvals"].extend(self.approval(rule, ap) for ap in r.approvals)
            for g in r.gaps:
                self.gap(rule, g.about, g.text, g.article)
        return Decision(
            policy=PolicyRef(
                id=cp.id,
                version=cp.version,
                sha256=cp.sha256,
                calendar=cp.calendar.fingerprint,
                timezone=cp.policy.timezone,
                layers=tuple(
                    LayerRef(id=x.id, version=x.version, sha256=x.sha256) for x in cp.layers
                ),
            ),
            received_at=self.received,
            decided_at=self.at,
            channel=self.named(cp.channels, [c.channel])[0],
            category=self.named(cp.categories, [c.category])[0],
            level=level_out,
            findings=self.named(cp.findings, [f.finding for f in c.findings]),
            matched_rules=tuple(self.source(rule) for rule in matched),
            routing=tuple(out["routing"]),
            deadlines=tuple(out["deadlines"]),
            actions=tuple(out["actions"]),
            escalations=tuple(out["escalations"]),
            reports=tuple(out["reports"]),
            retention=tuple(out["retention"]),
            penalties=tuple(out["penalties"]),
            approvals=tuple(out["approvals"]),
            gaps=tuple(self.gaps),
            pending_rules=tuple(pending),
        )

    def gap(self, rule: CompiledRule | None, about: str, text: str, article: str | None) -> None:
        if rule is None:
            source = Source(rule="classification", article=article or "", policy=self.cp.id)
        else:
            source = self.source(rule, article)
        gap = DecidedGap(about=about, text=text, source=source)
        if gap not in self.gaps:
            self.gaps.append(gap)

    def level(self) -> tuple[str | None, DecidedLevel | None]:
        cp, c = self.cp, self.c
        if cp.level_input != "forbidden":
            if c.level is None:
                return None, None
            return c.level, DecidedLevel(
                id=c.level, label=cp.levels.label(c.level), how="input", source=None
            )
        if not cp.classification:
            return None, None
        subject = Subject(
            channel=c.channel,
            category=c.category,
            level=None,
            findings=frozenset(f.finding for f in c.findings),
            facts=c.facts,
        )
        for row_id, article, level, cond in cp.classification:
            if cond.test(subject):
                src = Source(rule=row_id, article=article, policy=cp.id)
                return level, DecidedLevel(
                    id=level, label=cp.levels.label(level), how="classified", source=src
                )
        table = cp.policy.classification
        assert table is not None
        if table.default is not None:
            return table.default, DecidedLevel(
                id=table.default, label=cp.levels.label(table.default), how="default", source=None
            )
        text = table.unclassified_gap or (
            f"the classification table does not classify category {cp.categories.label(c.category)}"
        )
        self.gaps.append(
            DecidedGap(
                about="level",
                text=text,
                source=Source(rule="classification", article=table.rows[0].article, policy=cp.id),
            )
        )
        return None, None

    def due(self, period: Period, amount: int, start: datetime) -> Due:
        return due_after(
            start,
            period.unit,
            amount,
            calendar=self.cp.calendar,
            tz=self.cp.tz,
            convention=self.cp.convention,
            estimate=self.estimate,
        )

    def deadline(self, rule: CompiledRule, d: Deadline) -> DecidedDeadline:
        facts = self.c.facts
        common: dict[str, Any] = {
            "id": d.id,
            "label": d.label,
            "starts": d.starts,
            "by": self.named(self.cp.roles, d.by),
            "note": d.note,
            "source": self.source(rule, d.article),
        }
        if d.within is None:
            given = [facts[f] for f in d.until if facts.get(f) is not None]
            if not given:
                return DecidedDeadline(
                    **common,
                    status="needs_fact",
                    started_at=None,
                    unit=None,
                    amount=None,
                    amount_min=None,
                    due=None,
                    due_earliest=None,
                    estimated=False,
                    overdue_at_decision=None,
                    waiting_for=d.until,
                )
            due_at = min(given).astimezone(self.cp.tz)
            return DecidedDeadline(
                **common,
                status="running",
                started_at=self.received,
                unit="until",
                amount=None,
                amount_min=None,
                due=due_at,
                due_earliest=None,
                estimated=False,
                overdue_at_decision=self.at > due_at,
                waiting_for=(),
            )
        start = self.received if d.starts == "received" else facts.get(d.starts)
        low, high = d.within.bounds
        if start is None:
            return DecidedDeadline(
                **common,
                status="not_started",
                started_at=None,
                unit=d.within.unit,
                amount=high,
                amount_min=low if low != high else None,
                due=None,
                due_earliest=None,
                estimated=False,
                overdue_at_decision=None,
                waiting_for=(d.starts,),
            )
        latest = self.due(d.within, high, start)
        earliest = self.due(d.within, low, start) if low != high else None
        return DecidedDeadline(
            **common,
            status="running",
            started_at=start.astimezone(self.cp.tz),
            unit=d.within.unit,
            amount=high,
            amount_min=low if low != high else None,
            due=latest.at,
            due_earliest=None if earliest is None else earliest.at,
            estimated=latest.estimated or (earliest is not None and earliest.estimated),
            overdue_at_decision=self.at > latest.at,
            waiting_for=(),
        )

    def money(
        self, rule: CompiledRule, money: Money | None, what: str
    ) -> tuple[Decimal | None, Decimal | None, bool]:
        if money is None:
            return None, None, True
        if money.parameter is None:
            return money.min, money.max, True
        param = next(p for p in self.cp.policy.parameters if p.id == money.parameter)
        if param.value is None:
            self.gap(
                rule,
                "amount",
                f"{what}: parameter {param.id} ({param.label}) is blank in "
                "the source and not configured by the institution",
                param.article,
            )
            return None, None, False
        return param.value, param.value, True

    def penalties(self, rule: CompiledRule, p: Penalty, subject: Subject) -> list[DecidedPenalty]:
        cp = self.cp
        out = []
        for found in self.c.findings:
            if found.finding != p.finding:
                continue
            low, high, configured = self.money(rule, p.amount_yuan, p.label)
            sanctions = []
            for k, item in enumerate(p.sanctions):
                cond = rule.sanctions.get((p.id, k))
                got = True if cond is None else cond.test(subject)
                status = {True: "applies", False: "not_applicable", None: "conditional"}[got]
                sanctions.append(
                    DecidedSanction(
                        id=item.sanction,
                        label=cp.sanctions.label(item.sanction),
                        status=status,
                        condition=item.condition_text,
                    )
                )
            n = found.count
            out.append(
                DecidedPenalty(
                    id=p.id,
                    label=p.label,
                    finding=self.named(cp.findings, [found.finding])[0],
                    occurrences=n,
                    roles_involved=self.named(cp.roles, found.roles),
                    subjects=self.named(cp.roles, p.subjects),
                    kind=p.kind,
                    per=p.per,
                    min_yuan=low,
                    max_yuan=high,
                    total_min_yuan=None
                    if low is None
                    else low * (n if p.per == "occurrence" else 1),
                    total_max_yuan=None
                    if high is None
                    else high * (n if p.per == "occurrence" else 1),
                    configured=configured,
                    sanctions=tuple(sanctions),
                    note=p.note,
                    source=self.source(rule, p.article),
                )
            )
        return out

    def approval(self, rule: CompiledRule, ap: Approval) -> DecidedApproval:
        cp = self.cp
        amount = self.c.facts.get(ap.amount_fact)
        base: dict[str, Any] = {
            "id": ap.id,
            "label": ap.label,
            "note": ap.note,
            "source": self.source(rule, ap.article),
        }
        if amount is None:
            return DecidedApproval(**base, amount_yuan=None, approver=(), configured=True)
        amount = Decimal(amount)
        # Every tier's limit is looked up, so that each blank one is reported.
        limits = [(t.role, self.money(rule, t.limit_yuan, ap.label)[1:]) for t in ap.tiers]
        for role, (limit, configured) in limits:
            if not configured or limit is None:
                return DecidedApproval(**base, amount_yuan=amount, approver=(), configured=False)
            if amount <= limit:
                return DecidedApproval(
                    **base,
                    amount_yuan=amount,
                    approver=self.named(cp.roles, [role]),
                    configured=True,
                )
        return DecidedApproval(
            **base, amount_yuan=amount, approver=self.named(cp.roles, ap.above), configured=True
        )
