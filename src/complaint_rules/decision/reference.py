"""The plain reference decider: what a decision contains, written to be read.

:func:`decide` here gives the same :class:`~complaint_rules.decision.model.Decision` as the
public :func:`complaint_rules.decision.engine.decide` (its JSON byte for byte), and refuses
the same input with the same errors. The engine gets there fast, keeping on the compiled
policy what complaints that match alike share (:mod:`complaint_rules.decision._fast`);
this module gets there plainly, and is the specification the engine is tested against
(tests/decision/test_reference.py; every decision test runs against both). Nothing is
kept between decisions, no code is generated, and every part of the decision is a
pydantic model built and validated the ordinary way. Reading it top to bottom is reading
what a decision is.

The steps, and the fields of a decision in the order of its JSON:

1. **The policy must decide.** An ``abstract`` policy (a base layer, such as the national
   baseline) declares no channels or categories of its own: it is refused with a
   :class:`~complaint_rules.errors.ComplaintError`.
2. **The complaint is checked** by :func:`~complaint_rules.decision.complaint.parse_complaint`
   (every problem found and worded at once, none repeating a value), unless the host
   gives a :class:`~complaint_rules.decision.complaint.Complaint` it parsed itself.
3. ``policy``: which policy decided: its id, version and file hash, the fingerprint of the
   working-day calendar, the time zone, and every layer (base first).
4. ``received_at``: the complaint's ``received_at``, in the policy's time zone.
   ``decided_at``: the as-of instant ``at`` (default: the receipt), in the same zone; besides
   itself, it decides only whether a deadline is ``overdue_at_decision``. An ``at`` that is
   no instant with an offset is refused, as a problem of the input's ``at``.
5. ``channel``, ``category``: the complaint's, by id with the source's label.
6. ``level``: given as input where the policy takes it (``how: input``); or, where the
   policy derives it, the first row of its classification table whose condition holds
   (``how: classified``, the row's id and article as source), else the table's default
   (``how: default``), else none, with a gap saying the table does not classify the
   category. The level so decided is the one every rule's condition sees.
7. ``findings``: what the investigation established, as given, in order.
8. ``matched_rules``: every rule whose condition holds (a rule with no condition always
   does), in policy order. A rule whose condition cannot be decided because it reads a fact
   the complaint does not give is not matched: it is listed under ``pending_rules``.
9. From the matched rules, rule by rule in policy order and element by element in the
   rule's order: ``routing``, ``deadlines`` (counted by
   :func:`~complaint_rules.calendar.periods.due_after`), ``actions``, ``escalations``,
   ``reports`` (with their due instant, counted from receipt or from a datetime fact),
   ``retention``, ``penalties`` (one per finding of the complaint a penalty names; an
   amount may be a fact of the case, and per person a headcount the host gives) and
   ``approvals`` (the whole chain, and the approver).
   A count through a year whose holiday schedule is not known refuses the whole decision
   (:class:`~complaint_rules.errors.UnpublishedCalendarError`, for the first deadline,
   else report, that needs it) unless ``estimate`` is asked for.
10. ``gaps``: what the source leaves blank or unsaid for this complaint: the level the table
    cannot classify, then per matched rule its retention without a term, the amounts its
    penalties and approvals take from a parameter the institution has not set, and the
    gaps the rule declares; each once, where it first appears.
11. ``conflicts``: each conflict the policy declares (``conflicts``: roles that cannot hold
    a duty together) that the routing runs into, with the assignments involved, each with
    its own article.
12. ``pending_rules``: each rule left undecided, with the facts it reads that the complaint
    does not give.
13. ``carried``: the complaint's personal fields the host named in ``carry``, verbatim;
    empty otherwise.

Every element names its source: the rule's id, the article it encodes (the element's own
article where it cites one, else the rule's), the policy (layer) that holds the rule, and
how the article was verified.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from ..calendar.periods import Due, due_after, years_after
from ..errors import BeyondCalendarError, ComplaintError
from ..messages.catalogue import make_problem
from ..messages.simplified import opencc_version
from ..policy.compiled import CompiledPolicy, CompiledRule
from ..policy.conditions import Subject
from ..policy.model import (
    Approval,
    Assignment,
    Deadline,
    Money,
    Penalty,
    Period,
    Report,
    Retention,
)
from ..policy.vocabulary import Lookup
from .complaint import Complaint, FindingInput, parse_complaint, parse_datetime, problem_of
from .model import (
    DecidedAction,
    DecidedApproval,
    DecidedAssignment,
    DecidedConflict,
    DecidedDeadline,
    DecidedDue,
    DecidedEscalation,
    DecidedGap,
    DecidedLevel,
    DecidedPenalty,
    DecidedReport,
    DecidedRetention,
    DecidedSanction,
    DecidedTier,
    Decision,
    LayerRef,
    Named,
    PendingRule,
    PolicyRef,
    Source,
    calendar_host,
)
from .render import retention_gap

__all__ = ["decide", "decide_json"]


def decide(
    policy: CompiledPolicy,
    complaint: Mapping[str, Any] | Complaint,
    *,
    at: datetime | str | None = None,
    estimate: bool = False,
    carry: Iterable[str] = (),
) -> Decision:
    """What ``policy`` requires for ``complaint``: :func:`complaint_rules.decision.engine.decide`,
    computed plainly (same arguments, same decision, same errors).

    ``at`` is the as-of instant (default: the receipt). With ``estimate=True`` a deadline
    counted through a year whose official holiday schedule is unknown is counted on the
    estimated calendar and marked ``estimated``; otherwise it raises
    :class:`~complaint_rules.errors.UnpublishedCalendarError`. ``carry`` names the
    complaint's personal fields to copy into ``Decision.carried``.
    """
    _refuse_abstract(policy)
    c = _checked(policy, complaint, carry)
    received = c.received_at.astimezone(policy.tz)
    decided_at = _as_of(policy, at, received)

    level, level_gap = _level(policy, c)
    # What every rule's condition (and every sanction's) sees of the complaint: the level
    # is the one decided above, and the facts include the policy's defaults.
    subject = Subject(
        channel=c.channel,
        category=c.category,
        level=None if level is None else level.id,
        findings=frozenset(f.finding for f in c.findings),
        facts=c.facts,
    )
    matched: list[CompiledRule] = []
    pending: list[CompiledRule] = []
    for rule in policy.rules:
        holds = True if rule.when is None else rule.when.test(subject)
        if holds is True:
            matched.append(rule)
        elif holds is None:
            pending.append(rule)

    # Deadlines first, then reports: where both need a year whose schedule is unknown, the
    # first deadline counted is the one the error names.
    deadlines = tuple(
        _deadline(policy, rule, d, c, received, decided_at, estimate)
        for rule in matched
        for d in rule.rule.deadlines
    )
    reports = tuple(
        _report(policy, rule, r, c, received, estimate)
        for rule in matched
        for r in rule.rule.reports
    )
    routing = tuple(
        DecidedAssignment(
            duty=a.duty,
            role=_named(policy.roles, a.role),
            or_roles=_roles(policy, a.or_roles),
            note=a.note,
            source=rule.source(a.article),
        )
        for rule in matched
        for a in rule.rule.routing
    )

    penalties: list[DecidedPenalty] = []
    approvals: list[DecidedApproval] = []
    gaps: dict[DecidedGap, None] = {}  # an ordered set: each gap once, where it first arises
    if level_gap is not None:
        gaps[level_gap] = None
    for rule in matched:
        gaps.update(dict.fromkeys(_retention_gaps(rule)))
        arising: list[DecidedGap] = []  # the blank amounts met, in order
        for penalty in rule.rule.penalties:
            for found in c.findings:
                if found.finding == penalty.finding:
                    penalties.append(_penalty(policy, rule, penalty, found, subject, arising))
        for approval in rule.rule.approvals:
            approvals.append(_approval(policy, rule, approval, c.facts, arising))
        gaps.update(dict.fromkeys(arising))
        gaps.update(dict.fromkeys(_declared_gaps(rule)))

    return Decision(
        policy=_policy_ref(policy),
        received_at=received,
        decided_at=decided_at,
        channel=_named(policy.channels, c.channel),
        category=_named(policy.categories, c.category),
        level=level,
        findings=tuple(_named(policy.findings, f.finding) for f in c.findings),
        matched_rules=tuple(rule.source() for rule in matched),
        routing=routing,
        deadlines=deadlines,
        actions=tuple(
            DecidedAction(
                id=a.id,
                label=a.label,
                on=a.on,
                by=_roles(policy, a.by),
                by_any=a.by_any,
                to=_roles(policy, a.to),
                to_any=a.to_any,
                deadline=a.deadline,
                discretionary=a.discretionary,
                note=a.note,
                source=rule.source(a.article),
            )
            for rule in matched
            for a in rule.rule.actions
        ),
        escalations=tuple(
            DecidedEscalation(
                id=e.id,
                label=e.label,
                on=e.on,
                deadline=e.deadline,
                by=_roles(policy, e.by),
                by_any=e.by_any,
                to=_roles(policy, e.to),
                to_any=e.to_any,
                next=e.next,
                discretionary=e.discretionary,
                note=e.note,
                source=rule.source(e.article),
            )
            for rule in matched
            for e in rule.rule.escalations
        ),
        reports=reports,
        retention=tuple(
            DecidedRetention(
                id=k.id,
                label=k.label,
                keeper=_roles(policy, k.keeper),
                years=k.years,
                at_least=k.at_least,
                counted_from=k.counted_from,
                **_kept_until(policy, k, c),
                note=k.note,
                source=rule.source(k.article),
            )
            for rule in matched
            for k in rule.rule.retention
        ),
        penalties=tuple(penalties),
        approvals=tuple(approvals),
        gaps=tuple(gaps),
        conflicts=_conflicts(policy, [a for rule in matched for a in rule.rule.routing], routing),
        pending_rules=tuple(_pending(rule, c.facts) for rule in pending),
        carried=dict(c.carried),
    )


def decide_json(
    policy: CompiledPolicy,
    complaint: Mapping[str, Any] | Complaint,
    *,
    at: datetime | str | None = None,
    estimate: bool = False,
    carry: Iterable[str] = (),
) -> str:
    """``decide(...).model_dump_json()``: the decision's JSON, as pydantic writes it."""
    return decide(policy, complaint, at=at, estimate=estimate, carry=carry).model_dump_json()


# --- the input ---------------------------------------------------------------------------


def _refuse_abstract(policy: CompiledPolicy) -> None:
    """An abstract policy is a base for others to extend: it decides nothing."""
    if policy.policy.abstract:
        raise ComplaintError(
            [make_problem("policy.abstract", wording="policy.abstract.decide", id=repr(policy.id))]
        )


def _checked(
    policy: CompiledPolicy, complaint: Mapping[str, Any] | Complaint, carry: Iterable[str]
) -> Complaint:
    """The complaint resolved to the policy's ids, every problem reported at once.

    A :class:`Complaint` the host parsed itself is taken as it is, with the fields it
    carries; ``carry`` then has nothing to apply to.
    """
    if isinstance(complaint, Complaint):
        if tuple(carry):
            raise ValueError("carry applies to complaint data; pass it to parse_complaint")
        return complaint
    return parse_complaint(policy, complaint, carry=carry)


def _as_of(policy: CompiledPolicy, at: datetime | str | None, received: datetime) -> datetime:
    """The instant the decision is made as of (``decided_at``), in the policy's zone."""
    if at is None:
        return received
    try:
        instant = parse_datetime(at, "at")
    except ValueError as exc:
        raise ComplaintError([problem_of(exc, ("at",), "decide.bad_at")]) from None
    return instant.astimezone(policy.tz)


# --- the level ---------------------------------------------------------------------------


def _level(policy: CompiledPolicy, c: Complaint) -> tuple[DecidedLevel | None, DecidedGap | None]:
    """The complaint's level, and the gap when the policy's table leaves it unclassified.

    - A policy that takes the level as input (``level_input`` required or optional) gives
      the complaint's own level, if any (``how: input``, no source).
    - A policy that derives it tests the rows of its classification table in order, with
      the complaint as given (no level yet): the first row whose condition holds gives
      the level (``how: classified``; source: the row's id and article). No row holds:
      the table's ``default`` (``how: default``), or else no level and a gap (the table's
      own ``unclassified_gap`` text, or one naming the category) citing the first row's
      article.
    - A policy with neither has no levels: ``None``.
    """
    if policy.level_input != "forbidden":
        if c.level is None:
            return None, None
        return DecidedLevel(
            id=c.level, label=policy.levels.label(c.level), how="input", source=None
        ), None
    table = policy.policy.classification
    if table is None:
        return None, None
    as_given = Subject(
        channel=c.channel,
        category=c.category,
        level=c.level,
        findings=frozenset(f.finding for f in c.findings),
        facts=c.facts,
    )
    for row_id, article, level, condition in policy.classification:
        if condition.test(as_given) is True:
            source = Source(rule=row_id, article=article, policy=policy.id, verification=None)
            return DecidedLevel(
                id=level, label=policy.levels.label(level), how="classified", source=source
            ), None
    if table.default is not None:
        return DecidedLevel(
            id=table.default, label=policy.levels.label(table.default), how="default", source=None
        ), None
    category = policy.categories.label(c.category)
    text = table.unclassified_gap or (
        f"the classification table does not classify category {category}"
    )
    source = Source(
        rule="classification", article=table.rows[0].article, policy=policy.id, verification=None
    )
    return None, DecidedGap(about="level", text=text, source=source)


# --- deadlines and reports ---------------------------------------------------------------


def _due(
    policy: CompiledPolicy, period: Period, amount: int, start: datetime, estimate: bool
) -> Due:
    """When ``amount`` of ``period``'s unit, counted from ``start``, runs out: the policy's
    calendar, time zone and counting convention (民法典 Arts. 201, 203 by default) applied
    by :func:`~complaint_rules.calendar.periods.due_after`."""
    try:
        return due_after(
            start,
            period.unit,
            amount,
            calendar=policy.calendar,
            tz=policy.tz,
            convention=policy.convention,
            estimate=estimate,
        )
    except OverflowError:
        # A period the policy sets so long that the date leaves Python's range.
        raise BeyondCalendarError(amount, period.unit, start.isoformat()) from None


def _decided(due: Due) -> DecidedDue:
    """A counted due as the decision gives it: its last day and the instant it is late from."""
    return DecidedDue(last_day=due.last_day, late_from=due.late_from)


def _deadline(
    policy: CompiledPolicy,
    rule: CompiledRule,
    d: Deadline,
    c: Complaint,
    received: datetime,
    decided_at: datetime,
    estimate: bool,
) -> DecidedDeadline:
    """One deadline of a matched rule, in one of three states.

    A deadline ``until`` facts (e.g. the guest's departure) ends at the earliest of those
    the complaint gives: ``running`` from receipt, ``unit`` "until"; if it gives none, it
    ``needs_fact`` and waits for all of them.

    A deadline ``within`` a period starts at receipt or at the datetime fact its
    ``starts`` names. Until that fact is given it is ``not_started``: it states its unit
    and amount (``amount_min`` too for a range such as 七至十個工作日) and waits for the
    fact. Once started it is ``running``: ``due`` is the latest amount counted from the
    start, ``due_earliest`` the least amount where the source gives a range;
    ``estimated`` if either was counted on an estimated calendar. ``overdue_at_decision``
    says whether ``decided_at`` is at or after ``due.late_from`` (for a period in days,
    the next day's 00:00: 民法典 Art. 203, no instant of the last day is late).
    """
    fields: dict[str, Any] = {
        "id": d.id,
        "label": d.label,
        "starts": d.starts,
        "started_at": None,
        "unit": None,
        "amount": None,
        "amount_min": None,
        "due": None,
        "due_earliest": None,
        "estimated": False,
        "overdue_at_decision": None,
        "by": _roles(policy, d.by),
        "waiting_for": (),
        "note": d.note,
        "source": rule.source(d.article),
    }
    if d.within is None:
        given = [c.facts[f] for f in d.until if c.facts.get(f) is not None]
        if not given:
            return DecidedDeadline(**fields | {"status": "needs_fact", "waiting_for": d.until})
        until = min(given).astimezone(policy.tz)
        return DecidedDeadline(
            **fields
            | {
                "status": "running",
                "started_at": received,
                "unit": "until",
                "due": DecidedDue(last_day=None, late_from=until),
                "overdue_at_decision": decided_at >= until,
            }
        )
    least, most = d.within.bounds
    fields |= {
        "unit": d.within.unit,
        "amount": most,
        "amount_min": least if least != most else None,
    }
    start = received if d.starts == "received" else c.facts.get(d.starts)
    if start is None:
        return DecidedDeadline(**fields | {"status": "not_started", "waiting_for": (d.starts,)})
    latest = _due(policy, d.within, most, start, estimate)
    earliest = _due(policy, d.within, least, start, estimate) if least != most else None
    return DecidedDeadline(
        **fields
        | {
            "status": "running",
            "started_at": start.astimezone(policy.tz),
            "due": _decided(latest),
            "due_earliest": None if earliest is None else _decided(earliest),
            "estimated": latest.estimated or (earliest is not None and earliest.estimated),
            "overdue_at_decision": decided_at >= latest.late_from,
        }
    )


def _report(
    policy: CompiledPolicy,
    rule: CompiledRule,
    r: Report,
    c: Complaint,
    received: datetime,
    estimate: bool,
) -> DecidedReport:
    """A report a matched rule requires: to whom, by whom, how often, and, where the source
    sets a time, ``due`` at the latest amount of it counted from its start: receipt, or the
    datetime fact ``starts`` names; until that fact is given, no ``due`` and ``waiting_for``
    the fact."""
    due = None
    waiting: tuple[str, ...] = ()
    if r.due is not None:
        start = received if r.starts == "received" else c.facts.get(r.starts)
        if start is None:
            waiting = (r.starts,)
        else:
            due = _decided(_due(policy, r.due, r.due.bounds[1], start, estimate))
    return DecidedReport(
        id=r.id,
        label=r.label,
        by=_roles(policy, r.by),
        by_any=r.by_any,
        to=_roles(policy, r.to),
        to_any=r.to_any,
        frequency=r.frequency,
        starts=r.starts,
        due=due,
        waiting_for=waiting,
        discretionary=r.discretionary,
        note=r.note,
        source=rule.source(r.article),
    )


# --- penalties and approvals -------------------------------------------------------------


def _money(
    policy: CompiledPolicy,
    rule: CompiledRule,
    money: Money | None,
    what: str,
    gaps: list[DecidedGap],
    facts: Mapping[str, Any] | None = None,
) -> tuple[Decimal | None, Decimal | None, bool]:
    """An amount in yuan as (least, most, configured).

    No amount: (None, None) and nothing missing. An amount the source states: its range.
    An amount that is a fact of the case: the complaint's value of it (as given), or
    (None, None) where it does not give it (the caller says it waits for the fact). An
    amount the source leaves to a parameter: the institution's value, or, where it has
    set none, (None, None), not configured, and a gap (about "amount", citing the
    parameter's article, else the rule's) appended to ``gaps``.
    """
    if money is None:
        return None, None, True
    if money.fact is not None:
        value = None if facts is None else facts.get(money.fact)
        amount = None if value is None else Decimal(value)
        return amount, amount, True
    if money.parameter is None:
        return money.min, money.max, True
    param = next(p for p in policy.policy.parameters if p.id == money.parameter)
    if param.value is None:
        text = (
            f"{what}: parameter {param.id} ({param.label}) is blank in "
            "the source and not configured by the institution"
        )
        gaps.append(DecidedGap(about="amount", text=text, source=rule.source(param.article)))
        return None, None, False
    return param.value, param.value, True


def _penalty(
    policy: CompiledPolicy,
    rule: CompiledRule,
    p: Penalty,
    found: FindingInput,
    subject: Subject,
    gaps: list[DecidedGap],
) -> DecidedPenalty:
    """The penalty a matched rule sets for one finding of the complaint.

    ``occurrences`` and ``roles_involved`` are the finding's own; the amount per
    occurrence (or per case, ``per``) is the source's, a parameter's or a fact's (see
    :func:`_money`), and the totals multiply it by the occurrences where it is per
    occurrence, and by the ``headcount`` (a fact) where it is per person (「各」).
    ``waiting_for`` lists the amount's fact and the headcount's where the complaint does
    not give them: the totals are then unknown (``None``). Each sanction ``applies`` when
    it has no condition or its condition holds for the complaint, is ``not_applicable``
    when it does not, and is ``conditional`` when the condition reads a fact the
    complaint does not give.
    """
    facts = subject.facts
    least, most, configured = _money(policy, rule, p.amount_yuan, p.label, gaps, facts)
    times = found.count if p.per == "occurrence" else 1
    waiting = tuple(
        f
        for f in (None if p.amount_yuan is None else p.amount_yuan.fact, p.headcount)
        if f is not None and facts.get(f) is None
    )
    headcount = None if p.headcount is None else facts.get(p.headcount)
    if headcount is not None:
        times *= headcount
    sanctions = []
    for k, item in enumerate(p.sanctions):
        condition = rule.sanctions.get((p.id, k))
        holds = True if condition is None else condition.test(subject)
        status = {True: "applies", False: "not_applicable", None: "conditional"}[holds]
        sanctions.append(
            DecidedSanction(
                id=item.sanction,
                label=policy.sanctions.label(item.sanction),
                status=status,
                condition=item.condition_text,
            )
        )
    return DecidedPenalty(
        id=p.id,
        label=p.label,
        finding=_named(policy.findings, found.finding),
        occurrences=found.count,
        roles_involved=_roles(policy, found.roles),
        subjects=_roles(policy, p.subjects),
        kind=p.kind,
        per=p.per,
        headcount=headcount,
        min_yuan=least,
        max_yuan=most,
        total_min_yuan=None if least is None or waiting else least * times,
        total_max_yuan=None if most is None or waiting else most * times,
        configured=configured,
        waiting_for=waiting,
        sanctions=tuple(sanctions),
        note=p.note,
        source=rule.source(p.article),
    )


def _approval(
    policy: CompiledPolicy,
    rule: CompiledRule,
    ap: Approval,
    facts: Mapping[str, Any],
    gaps: list[DecidedGap],
) -> DecidedApproval:
    """Who may approve the amount the complaint gives in ``ap.amount_fact``.

    The chain is always listed: each tier's role with its limit (``configured`` false,
    no limit, where the source leaves it blank and the institution has not set it), then
    ``above``. A tier with an ``earlier_total`` (a limit over a period, such as 每日)
    compares the amount plus that fact (``total_yuan``), where both are given.

    No amount given: no amount, no approver, configured. Otherwise the tiers are read in
    order, each limit looked up (so that every blank one is reported as a gap): the
    first tier whose limit the amount (plus its earlier total) does not exceed names the
    approver; past every tier, ``above`` does. Reading stops, without an approver, at a
    tier whose limit is blank (not configured), or whose earlier total the complaint does
    not give while the amount alone is within the limit (``waiting_for`` it; an amount
    over the limit alone is over it with any earlier total, which is never negative).
    """
    amount = facts.get(ap.amount_fact)
    approver: tuple[Named, ...] = ()
    configured = True
    waiting: tuple[str, ...] = ()
    if amount is not None:
        amount = Decimal(amount)
        # Every tier's limit is looked up here, in order, so each blank one is a gap.
        limits = [_money(policy, rule, t.limit_yuan, ap.label, gaps) for t in ap.tiers]
    else:
        limits = [_money(policy, rule, t.limit_yuan, ap.label, []) for t in ap.tiers]
    tiers = []
    for t, (_, limit, tier_configured) in zip(ap.tiers, limits, strict=True):
        earlier = None if t.earlier_total is None else facts.get(t.earlier_total)
        total = None
        if amount is not None and earlier is not None:
            total = amount + Decimal(earlier)
        tiers.append(
            DecidedTier(
                role=_named(policy.roles, t.role),
                limit_yuan=limit,
                configured=tier_configured,
                earlier_total=t.earlier_total,
                total_yuan=total,
            )
        )
    if amount is not None:
        approver = _roles(policy, ap.above)
        for t, tier in zip(ap.tiers, tiers, strict=True):
            if not tier.configured or tier.limit_yuan is None:
                approver, configured = (), False
                break
            compared = amount if tier.total_yuan is None else tier.total_yuan
            if compared > tier.limit_yuan:
                continue  # over it alone: the earlier total (never negative) cannot help
            if t.earlier_total is not None and tier.total_yuan is None:
                approver, waiting = (), (t.earlier_total,)
                break
            approver = (tier.role,)
            break
    return DecidedApproval(
        id=ap.id,
        label=ap.label,
        amount_yuan=amount,
        tiers=tuple(tiers),
        above=_roles(policy, ap.above),
        approver=approver,
        configured=configured,
        waiting_for=waiting,
        note=ap.note,
        source=rule.source(ap.article),
    )


# --- conflicts ---------------------------------------------------------------------------


def _conflicts(
    policy: CompiledPolicy,
    assignments: list[Assignment],
    routing: tuple[DecidedAssignment, ...],
) -> tuple[DecidedConflict, ...]:
    """The policy's declared conflicts (in its order) that the routing runs into: for
    each, the decided assignments of its duty to roles that cannot all hold it together
    (no one role could hold it by every one of them), each with its own article."""
    out = []
    for declared in policy.conflicts:
        involved = declared.among(assignments)
        if involved:
            c = declared.conflict
            out.append(
                DecidedConflict(
                    id=c.id,
                    duty=c.duty,
                    text=c.text,
                    assignments=tuple(routing[i] for i in involved),
                    source=declared.source(),
                )
            )
    return tuple(out)


# --- gaps and pending rules --------------------------------------------------------------


def _kept_until(policy: CompiledPolicy, k: Retention, c: Complaint) -> dict[str, Any]:
    """Until when records are kept: ``years`` after the local date of the fact the term is
    counted from (:func:`~complaint_rules.calendar.periods.years_after`), or waiting for it."""
    if k.counted_from is None or k.years is None:
        return {"kept_until": None, "waiting_for": ()}
    start = c.facts.get(k.counted_from)
    if start is None:
        return {"kept_until": None, "waiting_for": (k.counted_from,)}
    day = start.astimezone(policy.tz).date()
    return {"kept_until": years_after(day, k.years), "waiting_for": ()}


def _retention_gaps(rule: CompiledRule) -> list[DecidedGap]:
    """A record the rule keeps for no term the source sets."""
    return [
        DecidedGap(
            about="retention",
            text=retention_gap(k.label),
            source=rule.source(k.article),
        )
        for k in rule.rule.retention
        if k.years is None
    ]


def _declared_gaps(rule: CompiledRule) -> list[DecidedGap]:
    """What the policy records the source leaves blank or unsaid for the rule's complaints."""
    return [
        DecidedGap(about=g.about, text=g.text, source=rule.source(g.article))
        for g in rule.rule.gaps
    ]


def _pending(rule: CompiledRule, facts: Mapping[str, Any]) -> PendingRule:
    """A rule its condition leaves undecided, with the facts it reads (sorted) that the
    complaint does not give."""
    assert rule.when is not None  # a rule with no condition always applies
    needs = tuple(f for f in sorted(rule.when.facts) if facts.get(f) is None)
    return PendingRule(source=rule.source(), needs=needs)


# --- names -------------------------------------------------------------------------------


def _policy_ref(policy: CompiledPolicy) -> PolicyRef:
    """The policy that decided, its calendar and zone, and every layer (base first)."""
    return PolicyRef(
        id=policy.id,
        version=policy.version,
        sha256=policy.sha256,
        calendar=policy.calendar.fingerprint,
        calendar_host=calendar_host(policy.calendar),
        timezone=policy.policy.timezone,
        opencc=opencc_version(),
        layers=tuple(
            LayerRef(id=layer.id, version=layer.version, sha256=layer.sha256)
            for layer in policy.layers
        ),
    )


def _named(lookup: Lookup, term_id: str) -> Named:
    """A vocabulary term by its id and the label the source gives it."""
    return Named(id=term_id, label=lookup.label(term_id))


def _roles(policy: CompiledPolicy, ids: Iterable[str]) -> tuple[Named, ...]:
    return tuple(_named(policy.roles, i) for i in ids)
