"""Deciding: a pure function of (compiled policy, complaint, as-of instant).

No I/O, no clock, no global state: the same inputs give the same decision, byte for byte,
from any thread. Every rule whose condition holds contributes its elements, in policy
order; the level comes from the input or from the policy's first-match classification
table. A rule whose condition depends on a fact the complaint does not give is neither
applied nor skipped in silence: the decision lists it under ``pending_rules`` with the
facts it needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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
    Decision,
    PendingRule,
    Source,
)
from .durations import Due, due_after
from .errors import CalendarError, ComplaintError, Problem
from .model import Approval, Deadline, Money, Period
from .prepared import PreparedPenalty, PreparedRule, prepare

__all__ = ["decide"]


def decide(
    policy: CompiledPolicy,
    complaint: Mapping[str, Any] | Complaint,
    *,
    at: datetime | str | None = None,
    estimate: bool = False,
    carry: Iterable[str] = (),
) -> Decision:
    """Decide what ``policy`` requires for ``complaint``.

    ``at`` is the as-of instant (default: the time of receipt); it only sets
    ``decided_at`` and each deadline's ``overdue_at_decision``. With ``estimate=True`` a
    deadline counted through a year whose official holiday schedule is unknown is
    computed from the estimated calendar and marked ``estimated``; otherwise it raises
    :class:`~complaint_rules.errors.UnpublishedCalendarError`.

    The complaint's personal fields (``id``, ``complainant``, ``text``) stay out of the
    decision unless named in ``carry``: each named field the complaint has is copied
    verbatim into ``Decision.carried`` (a parsed :class:`Complaint` brings its own).
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
    if isinstance(complaint, Complaint):
        if tuple(carry):
            raise ValueError("carry applies to complaint data; pass it to parse_complaint")
        parsed = complaint
    else:
        parsed = parse_complaint(policy, complaint, carry=carry)
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
        self.prep = prepare(cp)
        self.c = complaint
        self.at = at.astimezone(cp.tz)
        self.estimate = estimate
        self.received = complaint.received_at.astimezone(cp.tz)
        self.gaps: dict[DecidedGap, None] = {}  # an ordered set

    def run(self) -> Decision:
        c, prep = self.c, self.prep
        level, level_out = self.level()
        subject = Subject(
            channel=c.channel,
            category=c.category,
            level=level,
            findings=frozenset(f.finding for f in c.findings),
            facts=c.facts,
        )
        matched: list[PreparedRule] = []
        pending: list[PendingRule] = []
        for prepared in prep.rules:
            when = prepared.rule.when
            got = True if when is None else when.test(subject)
            if got is None:
                assert when is not None
                needs = tuple(sorted(f for f in when.facts if c.facts.get(f) is None))
                pending.append(PendingRule(source=prepared.source, needs=needs))
            elif got:
                matched.append(prepared)
        routing: list[DecidedAssignment] = []
        deadlines: list[DecidedDeadline] = []
        actions: list[DecidedAction] = []
        escalations: list[DecidedEscalation] = []
        reports: list[DecidedReport] = []
        retention: list[DecidedRetention] = []
        penalties: list[DecidedPenalty] = []
        approvals: list[DecidedApproval] = []
        for m in matched:
            routing.extend(m.routing)
            deadlines.extend(self.deadline(d, common) for d, common in m.deadlines)
            actions.extend(m.actions)
            escalations.extend(m.escalations)
            for rep, common in m.reports:
                due = (
                    None if rep.due is None else self.due(rep.due, rep.due.bounds[1], self.received)
                )
                reports.append(DecidedReport(**common, due=None if due is None else due.at))
            retention.extend(m.retention)
            self.gaps.update(dict.fromkeys(m.retention_gaps))
            for p in m.penalties:
                penalties.extend(self.penalties(m.rule, p, subject))
            approvals.extend(self.approval(m.rule, ap, base) for ap, base in m.approvals)
            self.gaps.update(dict.fromkeys(m.gaps))
        return Decision(
            policy=prep.ref,
            received_at=self.received,
            decided_at=self.at,
            channel=prep.channels[c.channel],
            category=prep.categories[c.category],
            level=level_out,
            findings=tuple(prep.findings[f.finding] for f in c.findings),
            matched_rules=tuple(m.source for m in matched),
            routing=tuple(routing),
            deadlines=tuple(deadlines),
            actions=tuple(actions),
            escalations=tuple(escalations),
            reports=tuple(reports),
            retention=tuple(retention),
            penalties=tuple(penalties),
            approvals=tuple(approvals),
            gaps=tuple(self.gaps),
            pending_rules=tuple(pending),
            carried=dict(c.carried),
        )

    def gap(self, rule: CompiledRule | None, about: str, text: str, article: str | None) -> None:
        if rule is None:
            source = Source(rule="classification", article=article or "", policy=self.cp.id)
        else:
            source = rule.source(article)
        self.gaps[DecidedGap(about=about, text=text, source=source)] = None

    def level(self) -> tuple[str | None, DecidedLevel | None]:
        cp, c = self.cp, self.c
        if cp.level_input != "forbidden":
            if c.level is None:
                return None, None
            return c.level, DecidedLevel(
                id=c.level, label=self.prep.levels[c.level].label, how="input", source=None
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
        source = Source(rule="classification", article=table.rows[0].article, policy=cp.id)
        self.gaps[DecidedGap(about="level", text=text, source=source)] = None
        return None, None

    def due(self, period: Period, amount: int, start: datetime) -> Due:
        try:
            return due_after(
                start,
                period.unit,
                amount,
                calendar=self.cp.calendar,
                tz=self.cp.tz,
                convention=self.cp.convention,
                estimate=self.estimate,
            )
        except OverflowError:
            # A period the policy sets so long that the date leaves Python's range.
            raise CalendarError(
                f"{amount} {period.unit} from {start.isoformat()} ends beyond the dates "
                "that can be counted (year 9999)"
            ) from None

    def deadline(self, d: Deadline, common: dict[str, Any]) -> DecidedDeadline:
        facts = self.c.facts
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
        param = self.prep.parameters[money.parameter]
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

    def penalties(
        self, rule: CompiledRule, prepared: PreparedPenalty, subject: Subject
    ) -> list[DecidedPenalty]:
        roles = self.prep.roles
        p = prepared.penalty
        out = []
        for found in self.c.findings:
            if found.finding != p.finding:
                continue
            low, high, configured = self.money(rule, p.amount_yuan, p.label)
            sanctions = []
            for k, variants in enumerate(prepared.sanctions):
                cond = rule.sanctions.get((p.id, k))
                sanctions.append(variants[True if cond is None else cond.test(subject)])
            n = found.count
            out.append(
                DecidedPenalty(
                    id=p.id,
                    label=p.label,
                    finding=self.prep.findings[found.finding],
                    occurrences=n,
                    roles_involved=tuple(roles[r] for r in found.roles),
                    subjects=prepared.subjects,
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
                    source=prepared.source,
                )
            )
        return out

    def approval(self, rule: CompiledRule, ap: Approval, base: dict[str, Any]) -> DecidedApproval:
        roles = self.prep.roles
        amount = self.c.facts.get(ap.amount_fact)
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
                    approver=(roles[role],),
                    configured=True,
                )
        return DecidedApproval(
            **base,
            amount_yuan=amount,
            approver=tuple(roles[r] for r in ap.above),
            configured=True,
        )
