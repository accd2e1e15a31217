"""Replaying a case's events against a policy: the state machine behind
:mod:`complaint_rules.lifecycle.case` (private; its semantics are in ``docs/lifecycle.md``).

Applying an event checks it against the case so far and either raises :class:`Refused`,
changing nothing, or commits it: the complaint's facts, every clock's segments,
extensions, breach and end, the occurrences that trigger escalations and discharge owed
actions. Everything that depends on the instant asked about (a breach not yet recorded,
what is due, the counters) is computed from that state without changing it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from ..calendar.clocks import DAY_UNITS, Segment, clock_due, counted, reminder_at
from ..calendar.periods import Due, due_after
from ..decision.complaint import Complaint, parse_complaint, parse_datetime, problem_of
from ..decision.json_input import safe_name
from ..decision.model import (
    DecidedDue,
    DecidedGap,
    LayerRef,
    Named,
    PolicyRef,
    Source,
    calendar_host,
)
from ..errors import ComplaintError, UnpublishedCalendarError
from ..messages.simplified import opencc_version
from ..policy.compiled import CompiledPolicy, CompiledRule
from ..policy.conditions import Subject
from ..policy.lifecycle_layers import layer_key
from ..policy.model import Clock, Deadline, Escalation, EventEffect, Extension, Lifecycle, Report
from .events import Event
from .reasons import Reason, complaint_reason
from .status import (
    CaseStatus,
    ClockState,
    ClockStatus,
    DueEscalation,
    DueReminder,
    Extended,
    OwedAction,
    Rejection,
    TimeCount,
    Transition,
)

__all__ = ["Refused", "Replay"]

_AFTER_CLOSING = ("escalated", "reminded", "done")
_Op = Literal["start", "pause", "resume", "meet", "stop", "restart"]
_OPS: tuple[tuple[str, _Op], ...] = (
    ("starts", "start"),
    ("meets", "meet"),
    ("stops", "stop"),
    ("pauses", "pause"),
    ("resumes", "resume"),
    ("restarts", "restart"),
)


class Refused(Reason):
    """An event the replay does not apply; the message is the reason (in English), its
    ``problem`` the reason's code and values (:mod:`complaint_rules.lifecycle.reasons`)."""


# --- the state of one clock ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Mark:
    """When something happened: ``at`` to show, ``key`` to order (instant, event sequence)."""

    at: datetime
    key: tuple[datetime, int]
    index: int | None = None


@dataclass(frozen=True, slots=True)
class _Period:
    unit: str
    low: int | None
    high: int | None
    deadline: str | None
    rule: CompiledRule | None
    until: tuple[str, ...] = ()


@dataclass
class _Run:
    spec: Clock
    started: datetime | None = None
    segments: list[Segment] = field(default_factory=list)
    extensions: list[tuple[Extension, datetime, str]] = field(default_factory=list)
    breached_at: datetime | None = None
    breached_due: Due | None = None
    ended: tuple[datetime, str, str] | None = None  # (at, "met" | "stopped", event)
    due_at_end: Due | None = None
    epoch: tuple[datetime, int] | None = None
    transitions: list[Transition] = field(default_factory=list)

    @property
    def open(self) -> bool:
        return self.started is not None and self.ended is None

    @property
    def paused(self) -> bool:
        return self.open and bool(self.segments) and self.segments[-1].end is not None


@dataclass(frozen=True, slots=True)
class _View:
    """A clock as it stands at one instant (nothing stored)."""

    state: ClockState
    period: _Period | None
    needs: tuple[str, ...]
    due: Due | None
    due_earliest: Due | None


# --- the replay ---------------------------------------------------------------------


class Replay:
    """The case so far: the complaint as the events left it, and every clock's life."""

    def __init__(self, policy: CompiledPolicy, estimate: bool) -> None:
        self.cp = policy
        self.estimate = estimate
        life = policy.policy.lifecycle or Lifecycle()
        self.life = life
        self.effects: dict[str, EventEffect] = {e.id: e for e in life.events}
        self.runs: dict[str, _Run] = {c.id: _Run(spec=c) for c in life.clocks}
        self.deadlines: dict[str, tuple[CompiledRule, Deadline]] = {}
        self.escalations: dict[str, tuple[CompiledRule, Escalation]] = {}
        self.elements: dict[str, tuple[CompiledRule, Any, Literal["action", "report"]]] = {}
        for rule in policy.rules:
            for d in rule.rule.deadlines:
                self.deadlines.setdefault(d.id, (rule, d))
            for e in rule.rule.escalations:
                self.escalations.setdefault(e.id, (rule, e))
            for a in rule.rule.actions:
                self.elements.setdefault(a.id, (rule, a, "action"))
            for r in rule.rule.reports:
                self.elements.setdefault(r.id, (rule, r, "report"))
        self.previous_step = {
            e.next: e.id for _, e in self.escalations.values() if e.next is not None
        }
        self.raw: dict[str, Any] = {}
        self.complaint: Complaint | None = None
        self.subject: Subject | None = None
        self.received: _Mark | None = None
        self.closed: _Mark | None = None
        self.last: Event | None = None
        self.seq = 0
        self.occurred: dict[str, list[_Mark]] = {}
        self.breaches: list[tuple[str, str | None, _Mark]] = []
        self.done: dict[tuple[str, str], list[_Mark]] = {}
        self.incurred: dict[str, list[_Mark]] = {}
        self.applied = 0

    # -- helpers ------------------------------------------------------------------------

    def local(self, instant: datetime) -> datetime:
        return instant.astimezone(self.cp.tz)

    def show(self, instant: datetime) -> str:
        return self.local(instant).isoformat()

    def applies(self, rule: CompiledRule) -> bool | None:
        if self.subject is None:
            return False
        return True if rule.when is None else rule.when.test(self.subject)

    def lifecycle_source(self, kind: str, item_id: str, article: str, verification: Any) -> Source:
        layer = self.cp.lifecycle_layers.get(layer_key(kind, item_id), self.cp.id)
        return Source(rule="lifecycle", article=article, policy=layer, verification=verification)

    def named(self, roles: Iterable[str]) -> tuple[Named, ...]:
        return tuple(Named(id=r, label=self.cp.roles.label(r)) for r in roles)

    def marks(self, name: str) -> list[_Mark]:
        return self.occurred.get(name, [])

    def decided(self, due: Due | None) -> DecidedDue | None:
        """A due as a status gives it: its last day and the instant it is late from."""
        if due is None:
            return None
        return DecidedDue(last_day=due.last_day, late_from=self.local(due.late_from))

    def due_after(self, start: datetime, unit: Any, amount: int) -> Due:
        return due_after(
            start,
            unit,
            amount,
            calendar=self.cp.calendar,
            tz=self.cp.tz,
            convention=self.cp.convention,
            estimate=self.estimate,
        )

    # -- clocks -------------------------------------------------------------------------

    def period(self, run: _Run) -> tuple[_Period | None, tuple[str, ...], bool]:
        """The clock's period now, the facts it waits for, and whether it applies at all."""
        spec = run.spec
        base: _Period | None = None
        if spec.within is not None:
            low, high = spec.within.bounds
            base = _Period(spec.within.unit, low, high, None, None)
        else:
            for name in spec.deadlines:
                rule, deadline = self.deadlines[name]
                got = self.applies(rule)
                if got is None:
                    assert rule.when is not None and self.complaint is not None
                    facts = self.complaint.facts
                    return None, tuple(sorted(f for f in rule.when.facts if f not in facts)), True
                if got:
                    if deadline.within is None:
                        base = _Period("until", None, None, name, rule, deadline.until)
                    else:
                        low, high = deadline.within.bounds
                        base = _Period(deadline.within.unit, low, high, name, rule)
                    break
            if base is None:
                return None, (), False
        if run.extensions:
            step = run.extensions[-1][0]
            low, high = step.to.bounds
            base = _Period(step.to.unit, low, high, base.deadline, base.rule)
        return base, (), True

    def due(
        self, run: _Run, period: _Period, amount: int | None
    ) -> tuple[Due | None, tuple[str, ...]]:
        if period.unit == "until":
            facts = self.complaint.facts if self.complaint else {}
            given = [facts[f] for f in period.until if facts.get(f) is not None]
            if not given:
                return None, period.until
            return Due(self.local(min(given)), None, False), ()
        assert amount is not None and run.started is not None
        if period.unit == "end_of_month":
            return self.due_after(run.started, "end_of_month", amount), ()
        cp = self.cp
        return (
            clock_due(
                run.segments,
                period.unit,  # type: ignore[arg-type]
                amount,
                calendar=cp.calendar,
                tz=cp.tz,
                convention=cp.convention,
                estimate=self.estimate,
            ),
            (),
        )

    def view(self, run: _Run, at: datetime) -> _View | None:
        """The clock at ``at``; None if no period of it applies to the case."""
        period, needs, applies = self.period(run)
        if not applies:
            return None
        if run.ended is not None:
            kind = "breached" if run.breached_at is not None else run.ended[1]
            state: ClockState = "met" if kind == "met" else kind  # type: ignore[assignment]
            return _View(state, period, needs, run.due_at_end, None)
        if run.started is None:
            return _View("not_started", period, needs, None, None)
        if run.breached_at is not None:
            return _View("breached", period, needs, run.breached_due, None)
        if run.paused:
            return _View("paused", period, needs, None, None)
        if period is None:
            return _View("running", None, needs, None, None)
        due, waiting = self.due(run, period, period.high)
        earliest = None
        if period.low is not None and period.low != period.high:
            earliest, _ = self.due(run, period, period.low)
        if due is not None and at >= due.late_from:
            return _View("breached", period, needs, due, earliest)
        return _View("running", period, needs or waiting, due, earliest)

    def settle(self, at: datetime) -> None:
        """Record the breaches of the running clocks up to ``at`` (time has moved on)."""
        for run in self.runs.values():
            if not run.open or run.breached_at is not None or run.paused:
                continue
            view = self.view(run, at)
            if view is not None and view.state == "breached" and view.due is not None:
                due = view.due.late_from
                run.breached_at = due
                run.breached_due = view.due
                mark = _Mark(due, (due, -1))  # late from that instant: before an event at it
                deadline = view.period.deadline if view.period else None
                self.breaches.append((run.spec.id, deadline, mark))
                run.transitions.append(Transition(at=due, op="breach", event=None, index=None))

    def breach_marks(self, deadline: str, at: datetime) -> list[_Mark]:
        marks = [m for _, d, m in self.breaches if d == deadline]
        for run in self.runs.values():  # breaches not yet recorded: virtual at ``at``
            if run.open and run.breached_at is None and not run.paused:
                view = self.view(run, at)
                if (
                    view is not None
                    and view.state == "breached"
                    and view.period is not None
                    and view.due is not None
                    and view.period.deadline == deadline
                ):
                    late = view.due.late_from
                    marks.append(_Mark(late, (late, -1)))
        return sorted(marks, key=lambda m: m.key)

    # -- what is due --------------------------------------------------------------------

    def due_escalations(self, at: datetime) -> list[DueEscalation]:
        out = []
        for rule in self.cp.rules:
            if self.applies(rule) is not True:
                continue
            for e in rule.rule.escalations:
                if e.on == "received":
                    marks = [self.received] if self.received else []
                elif e.on == "deadline_missed":
                    assert e.deadline is not None
                    marks = self.breach_marks(e.deadline, at)
                else:
                    marks = self.marks(e.on)
                since = self.pending_escalation(e, marks)
                if since is None:
                    continue
                clock = None
                if e.on == "deadline_missed":
                    clock = next(
                        (c for c, d, m in self.breaches if d == e.deadline and m == since), None
                    ) or next(
                        (r.spec.id for r in self.runs.values() if e.deadline in r.spec.deadlines),
                        None,
                    )
                out.append(
                    DueEscalation(
                        id=e.id,
                        label=e.label,
                        on=e.on,
                        since=self.local(since.at),
                        clock=clock,
                        by=self.named(e.by),
                        to=self.named(e.to),
                        next=e.next,
                        source=rule.source(e.article),
                    )
                )
        return out

    def pending_escalation(self, e: Escalation, marks: list[_Mark]) -> _Mark | None:
        """The trigger an escalation answers, if it is due (chains: ``next`` steps in order)."""
        done = self.done.get(("escalation", e.id), [])
        floor: tuple[datetime, int] | None = None
        previous = self.previous_step.get(e.id)
        if previous is not None:
            previous_done = self.done.get(("escalation", previous), [])
            if not previous_done:
                return None
            floor = previous_done[0].key
        if e.next is not None:
            if done:
                return None  # a step with a next one is done once
        elif done:
            floor = done[-1].key if floor is None else max(floor, done[-1].key)
        return next((m for m in marks if floor is None or m.key > floor), None)

    def due_reminders(self, at: datetime) -> tuple[list[DueReminder], list[datetime]]:
        out: list[DueReminder] = []
        upcoming: list[datetime] = []
        for rem in self.life.reminders:
            rule, action, _ = self.elements[rem.id]
            if self.applies(rule) is not True:
                continue
            if rem.before is None:
                continue
            amount = self.offset(rem.before.amount, rem.before.parameter)
            run = self.runs[rem.clock]
            view = self.view(run, at)
            if amount is None or view is None or view.state != "running" or view.due is None:
                continue
            instant = reminder_at(
                view.due,
                rem.before.unit,
                amount,
                calendar=self.cp.calendar,
                tz=self.cp.tz,
                estimate=self.estimate,
            )
            assert run.epoch is not None
            sent = [m for m in self.done.get(("reminder", rem.id), []) if m.key > run.epoch]
            if sent:
                continue
            if at < instant:
                upcoming.append(instant)
                continue
            out.append(
                DueReminder(
                    id=rem.id,
                    label=action.label,
                    clock=rem.clock,
                    since=self.local(max(instant, run.epoch[0])),
                    by=self.named(action.by),
                    to=self.named(rem.to),
                    source=rule.source(rem.article or action.article),
                )
            )
        return out, upcoming

    def offset(self, amount: int | None, parameter: str | None) -> int | None:
        if amount is not None:
            return amount
        param = next(p for p in self.cp.policy.parameters if p.id == parameter)
        return None if param.value is None else int(param.value)

    def duty_floor(self, duty_id: str, done_by: Sequence[str]) -> tuple[datetime, int] | None:
        """When the duty was last done (a ``done`` event or one of its ``done_by`` events)."""
        done = [*self.done.get(("duty", duty_id), [])]
        done += [m for name in done_by for m in self.marks(name)]
        return max((m.key for m in done), default=None)

    def incur(self, mark: _Mark) -> None:
        """After an event: a duty whose ``after`` event happened since it was last done, and
        whose rule applies now, is owed from now on (until done, whatever happens next)."""
        for duty in self.life.duties:
            rule = self.elements[duty.id][0]
            if self.applies(rule) is not True:
                continue
            floor = self.duty_floor(duty.id, duty.done_by)
            after = [m for name in duty.after for m in self.marks(name)]
            if not any(floor is None or m.key > floor for m in after):
                continue
            incurred = self.incurred.setdefault(duty.id, [])
            if incurred and (floor is None or incurred[-1].key > floor):
                continue  # already owed
            incurred.append(mark)

    def owed(self, at: datetime) -> list[OwedAction]:
        out = []
        for duty in self.life.duties:
            rule, element, kind = self.elements[duty.id]
            incurred = self.incurred.get(duty.id)
            floor = self.duty_floor(duty.id, duty.done_by)
            if not incurred or (floor is not None and incurred[-1].key <= floor):
                continue
            due: Due | None = None
            if duty.clock is not None:
                view = self.view(self.runs[duty.clock], at)
                if view is not None and view.due is not None:
                    due = view.due
            elif isinstance(element, Report) and element.due is not None and self.received:
                due = self.due_after(self.received.at, element.due.unit, element.due.bounds[1])
            out.append(
                OwedAction(
                    id=duty.id,
                    label=element.label,
                    kind=kind,
                    since=self.local(incurred[-1].at),
                    due=self.decided(due),
                    overdue=due is not None and at >= due.late_from,
                    clock=duty.clock,
                    by=self.named(element.by),
                    to=self.named(getattr(element, "to", ())),
                    source=rule.source(duty.article or element.article),
                )
            )
        return out

    # -- applying an event --------------------------------------------------------------

    def apply(self, ev: Event) -> None:
        """Apply one event, or raise :class:`Refused` and change nothing."""
        if self.received is None and ev.kind != "received":
            raise Refused("case.event.not_received")
        if ev.kind == "received" and self.received is not None:
            raise Refused("case.event.received_twice", at=self.show(self.received.at))
        if self.last is not None and ev.at < self.last.at:
            raise Refused(
                "case.event.out_of_order",
                at=self.show(ev.at),
                previous=self.last.kind,
                previous_at=self.show(self.last.at),
            )
        if self.closed is not None and ev.kind not in _AFTER_CLOSING:
            raise Refused(
                "case.event.after_closing",
                at=self.show(self.closed.at),
                allowed=", ".join(_AFTER_CLOSING),
            )
        handler = {
            "received": self.plan_received,
            "updated": self.plan_updated,
            "escalated": self.plan_answer,
            "reminded": self.plan_answer,
            "done": self.plan_answer,
            "closed": self.plan_closed,
        }.get(ev.kind, self.plan_event)
        commit = handler(ev)
        self.settle(ev.at)
        key = (ev.at, self.seq)
        mark = _Mark(ev.at, key, ev.index)
        commit(mark)
        self.occurred.setdefault(ev.kind, []).append(mark)
        self.incur(mark)
        self.seq += 1
        self.last = ev
        self.applied += 1

    def reparse(self, raw: Mapping[str, Any], received_at: datetime) -> Complaint:
        try:
            return parse_complaint(self.cp, {**raw, "received_at": received_at})
        except ComplaintError as exc:
            problem = complaint_reason(exc.problems)
            raise Refused("case.event.complaint", problem=problem) from None

    def plan_received(self, ev: Event) -> Callable[[_Mark], None]:
        raw = dict(ev.data["complaint"])
        if "received_at" in raw:
            try:
                given = parse_datetime(raw.pop("received_at"), "received_at")
            except ValueError as exc:
                inner = problem_of(exc, ())
                raise Refused("case.event.received_at", inner=inner) from None
            if given != ev.at:
                raise Refused(
                    "case.event.received_at_differs", given=self.show(given), at=self.show(ev.at)
                )
        complaint = self.reparse(raw, ev.at)

        def commit(mark: _Mark) -> None:
            self.received = mark
            self.set_complaint(raw, complaint)
            for run in self.runs.values():
                if "received" in run.spec.starts:
                    self.start(run, mark, "received", "start")

        return commit

    def set_complaint(self, raw: dict[str, Any], complaint: Complaint) -> None:
        self.raw = raw
        self.complaint = complaint
        self.subject = _subject(self.cp, complaint)

    def updated_raw(
        self,
        sets: Mapping[str, Any],
        findings: Sequence[Any],
    ) -> tuple[dict[str, Any], Complaint]:
        assert self.received is not None
        raw = {**self.raw, **sets}
        if findings:
            have = list(self.raw.get("findings", []))
            names = {_finding_name(f) for f in have}
            raw["findings"] = have + [f for f in findings if _finding_name(f) not in names]
        return raw, self.reparse(raw, self.received.at)

    def plan_updated(self, ev: Event) -> Callable[[_Mark], None]:
        facts = ev.data.get("facts", {})
        declared = [f.id for f in self.cp.policy.facts]
        for position, name in enumerate(facts, 1):
            if name not in declared:
                wording = "case.event.not_a_fact" + ("" if safe_name(name) else ".position")
                wording += "" if declared else ".none"
                raise Refused(
                    "case.event.not_a_fact",
                    wording=wording,
                    allowed=", ".join(declared),
                    **({"fact": name} if safe_name(name) else {"position": position}),
                )
        raw, complaint = self.updated_raw(facts, ev.data.get("findings", []))

        def commit(mark: _Mark) -> None:
            self.set_complaint(raw, complaint)

        return commit

    def plan_closed(self, ev: Event) -> Callable[[_Mark], None]:
        def commit(mark: _Mark) -> None:
            self.closed = mark
            for run in self.runs.values():
                if run.ended is None:
                    self.end(run, mark, "closed", "stopped", "close")

        return commit

    def plan_answer(self, ev: Event) -> Callable[[_Mark], None]:
        kind = {"escalated": "escalation", "reminded": "reminder", "done": "duty"}[ev.kind]
        item = ev.data[kind]
        if kind == "escalation":
            known = list(self.escalations)
            due = [e.id for e in self.due_escalations(ev.at)]
        elif kind == "reminder":
            known = [r.id for r in self.life.reminders]
            due = [r.id for r in self.due_reminders(ev.at)[0]]
        else:
            known = [d.id for d in self.life.duties]
            due = [d.id for d in self.owed(ev.at)]
        if item not in known:
            shown = safe_name(item)
            raise Refused(
                "case.event.unknown_item",
                wording=f"case.event.unknown_item.{kind}" + ("" if known else ".none"),
                shown=" " + shown if shown else "",
                allowed=", ".join(known),
            )
        if item not in due:
            raise Refused(
                "case.event.not_due",
                wording=f"case.event.not_due.{kind}" + ("" if due else ".none"),
                item=repr(item),
                at=self.show(ev.at),
                due=", ".join(due),
            )

        def commit(mark: _Mark) -> None:
            self.done.setdefault((kind, item), []).append(mark)

        return commit

    def plan_event(self, ev: Event) -> Callable[[_Mark], None]:
        effect = self.effects.get(ev.kind)
        sets: dict[str, Any] = {}
        findings: list[str] = []
        if effect is not None:
            if effect.after and not any(self.marks(name) for name in effect.after):
                raise Refused(
                    "case.event.needs_first", event=repr(ev.kind), events=", ".join(effect.after)
                )
            since = max((m.key for name in effect.after for m in self.marks(name)), default=None)
            for name in effect.excludes:
                clash = [m for m in self.marks(name) if since is None or m.key > since]
                if clash:
                    raise Refused(
                        "case.event.contradicts",
                        event=repr(ev.kind),
                        other=repr(name),
                        at=self.show(clash[-1].at),
                    )
            if effect.needs_by and ev.by is None:
                raise Refused("case.event.needs_by", event=repr(ev.kind))
            sets.update(effect.sets)
            sets.update(dict.fromkeys(effect.sets_time, ev.at))
            findings += effect.findings
        ops: list[tuple[_Run, str, Extension | None]] = []
        for run in self.runs.values():
            spec = run.spec
            op = next((op for names, op in _OPS if ev.kind in getattr(spec, names)), None)
            if op is not None:
                ops.append((run, self.check_op(run, op, ev), None))
            elif any(step.on == ev.kind for step in spec.extensions):
                step = self.check_extension(run, ev)
                sets.update(step.sets)
                ops.append((run, "extend", step))
        changed = bool(sets or findings)
        raw, complaint = self.updated_raw(sets, findings) if changed else (self.raw, None)

        def commit(mark: _Mark) -> None:
            if complaint is not None:
                self.set_complaint(raw, complaint)
            for run, op, step in ops:
                if op in ("start", "restart"):
                    self.start(run, mark, ev.kind, "start" if op == "start" else "restart")
                elif op == "pause":
                    run.segments[-1] = Segment(run.segments[-1].start, ev.at)
                    run.transitions.append(self.transition(mark, "pause", ev))
                elif op == "resume":
                    run.segments.append(Segment(ev.at))
                    run.transitions.append(self.transition(mark, "resume", ev))
                elif op in ("meet", "stop"):
                    self.end(run, mark, ev.kind, "met" if op == "meet" else "stopped", op)
                elif op == "extend":
                    assert step is not None and ev.by is not None
                    run.extensions.append((step, ev.at, ev.by))
                    run.epoch = mark.key
                    run.transitions.append(self.transition(mark, "extend", ev, step.id))

        return commit

    def check_op(self, run: _Run, op: _Op, ev: Event) -> str:
        """The operation to commit ("none" for one without effect), or reject the event."""
        view = self.view(run, ev.at)
        state = "not_applicable" if view is None else view.state
        name = run.spec.id
        if op == "restart":
            return "restart"
        if op == "start":
            return "start" if run.started is None and run.ended is None else "none"
        if op == "pause":
            if state == "paused":
                return self.reject_paused(run, name)
            return "pause" if state == "running" else "none"
        if op == "resume":
            if state == "running":
                raise Refused("case.event.not_paused", clock=repr(name))
            return "resume" if state == "paused" else "none"
        if run.ended is not None:
            return "none"
        if op == "meet" and run.started is None:
            return "none"
        return op

    def reject_paused(self, run: _Run, name: str) -> str:
        since = next(t for t in reversed(run.transitions) if t.op == "pause")
        raise Refused(
            "case.event.already_paused",
            clock=repr(name),
            at=self.show(since.at),
            event=since.event,
        )

    def check_extension(self, run: _Run, ev: Event) -> Extension:
        spec = run.spec
        view = self.view(run, ev.at)
        state = "not_applicable" if view is None else view.state
        if state == "breached":
            assert view is not None and view.due is not None
            raise Refused(
                "case.event.extension_too_late",
                clock=repr(spec.id),
                at=self.show(view.due.late_from),
            )
        if state not in ("running", "paused"):
            known = state in ("not_started", "met", "stopped", "not_applicable")
            raise Refused(
                "case.event.cannot_extend",
                wording="case.event.cannot_extend" + (f".{state}" if known else ""),
                clock=repr(spec.id),
                state=state,
            )
        done = len(run.extensions)
        if done >= len(spec.extensions):
            last = spec.extensions[-1]
            raise Refused(
                "case.event.extension_past_maximum",
                wording=f"case.event.extension_past_maximum.{last.to.unit}",
                clock=repr(spec.id),
                amount=last.to.bounds[1],
                id=last.id,
                article=last.article or spec.article,
            )
        step = spec.extensions[done]
        if step.on != ev.kind:
            raise Refused(
                "case.event.extension_not_next",
                clock=repr(spec.id),
                id=step.id,
                event=repr(step.on),
            )
        if ev.by is None:
            raise Refused(
                "case.event.extension_needs_by",
                id=repr(step.id),
                clock=repr(spec.id),
                allowed=", ".join(step.approvers),
            )
        if ev.by not in step.approvers:
            raise Refused(
                "case.event.extension_no_authority",
                role=repr(ev.by),
                id=repr(step.id),
                clock=repr(spec.id),
                allowed=", ".join(step.approvers),
            )
        return step

    def transition(
        self, mark: _Mark, op: Any, ev: Event | None, note: str | None = None
    ) -> Transition:
        return Transition(
            at=self.local(mark.at),
            op=op,
            event=None if ev is None else ev.kind,
            index=mark.index,
            note=note,
        )

    def start(self, run: _Run, mark: _Mark, event: str, op: Literal["start", "restart"]) -> None:
        run.started = mark.at
        run.segments = [Segment(mark.at)]
        run.extensions = []
        run.breached_at = None
        run.breached_due = None
        run.ended = None
        run.due_at_end = None
        run.epoch = mark.key
        run.transitions.append(
            Transition(at=self.local(mark.at), op=op, event=event, index=mark.index)
        )

    def end(self, run: _Run, mark: _Mark, event: str, kind: str, op: Any) -> None:
        if run.started is not None and run.breached_at is None:
            view = self.view(run, mark.at)
            run.due_at_end = None if view is None else view.due
        elif run.breached_at is not None:
            run.due_at_end = run.breached_due
        if run.segments and run.segments[-1].end is None:
            run.segments[-1] = Segment(run.segments[-1].start, mark.at)
        run.ended = (mark.at, kind, event)
        run.transitions.append(
            Transition(at=self.local(mark.at), op=op, event=event, index=mark.index)
        )

    # -- the status ---------------------------------------------------------------------

    def clock_status(self, run: _Run, at: datetime) -> tuple[ClockStatus | None, list[datetime]]:
        view = self.view(run, at)
        if view is None:
            return None, []
        spec, cp = run.spec, self.cp
        period = view.period
        upcoming: list[datetime] = []
        if view.state == "running" and view.due is not None:
            upcoming.append(view.due.late_from)
        if period is not None and period.rule is not None and period.deadline is not None:
            deadline = self.deadlines[period.deadline][1]
            source = period.rule.source(deadline.article)
        else:
            source = self.lifecycle_source("clocks", spec.id, spec.article, spec.verification)
        used = left = None
        counted_estimate = False
        unit = period.unit if period else None
        day_unit: Any = unit if unit in DAY_UNITS else None
        if run.started is not None:
            end = at if run.ended is None else min(at, run.ended[0])
            try:
                count = counted(
                    run.segments,
                    unit or "minutes",
                    end,
                    calendar=cp.calendar,
                    tz=cp.tz,
                    convention=cp.convention,
                    estimate=self.estimate,
                )
            except UnpublishedCalendarError:  # days into a year not yet published
                count = counted(
                    run.segments,
                    "minutes",
                    end,
                    calendar=cp.calendar,
                    tz=cp.tz,
                    convention=cp.convention,
                )
            used = TimeCount(day_unit=day_unit, days=count.days, wall_seconds=count.seconds)
            counted_estimate = count.estimated
            if run.ended is None and view.state in ("running", "paused", "breached"):
                days = None
                if day_unit is not None and count.days is not None and period and period.high:
                    days = 0 if view.state == "breached" else max(0, period.high - count.days)
                wall = None
                if view.state == "breached":
                    wall = 0
                elif view.state == "running" and view.due is not None:
                    wall = max(0, int((view.due.late_from - at).total_seconds()))
                left = TimeCount(day_unit=day_unit, days=days, wall_seconds=wall)
        ended_at = ended_by = None
        if run.ended is not None:
            ended_at, ended_by = self.local(run.ended[0]), run.ended[2]
        paused_since = None
        if view.state == "paused":
            paused_since = self.local(run.segments[-1].end or at)
        extensions = tuple(
            Extended(
                id=step.id,
                label=step.label,
                at=self.local(when),
                by=self.named([by])[0],
                unit=step.to.unit,
                amount=step.to.bounds[1],
                source=self.lifecycle_source(
                    "clocks", spec.id, step.article or spec.article, spec.verification
                ),
            )
            for step, when, by in run.extensions
        )
        due = view.due
        status = ClockStatus(
            id=spec.id,
            label=spec.label,
            state=view.state,
            deadline=period.deadline if period else None,
            unit=unit,
            amount=period.high if period else None,
            amount_min=period.low if period and period.low != period.high else None,
            started_at=None if run.started is None else self.local(run.started),
            due=self.decided(due),
            due_earliest=self.decided(view.due_earliest),
            paused_since=paused_since,
            breached_at=None
            if view.state != "breached" or due is None
            else self.local(run.breached_at or due.late_from),
            ended_at=ended_at,
            ended_by=ended_by,
            used=used,
            left=left,
            extensions=extensions,
            needs=view.needs,
            estimated=bool(due and due.estimated) or counted_estimate,
            source=source,
            transitions=tuple(run.transitions),
        )
        return status, upcoming

    def status(self, at: datetime, rejected: Sequence[Rejection], later: int) -> CaseStatus:
        cp = self.cp
        clocks = []
        upcoming: list[datetime] = []
        for run in self.runs.values() if self.received else ():
            clock, times = self.clock_status(run, at)
            if clock is not None:
                clocks.append(clock)
                upcoming += times
        escalations = self.due_escalations(at) if self.received else []
        reminders, reminder_times = self.due_reminders(at) if self.received else ([], [])
        upcoming += reminder_times
        owed = self.owed(at) if self.received else []
        upcoming += [o.due.late_from for o in owed if o.due is not None and not o.overdue]
        return CaseStatus(
            policy=PolicyRef(
                id=cp.id,
                version=cp.version,
                sha256=cp.sha256,
                calendar=cp.calendar.fingerprint,
                calendar_host=calendar_host(cp.calendar),
                timezone=cp.policy.timezone,
                opencc=opencc_version(),
                layers=tuple(
                    LayerRef(id=x.id, version=x.version, sha256=x.sha256) for x in cp.layers
                ),
            ),
            at=self.local(at),
            received_at=None if self.received is None else self.local(self.received.at),
            closed_at=None if self.closed is None else self.local(self.closed.at),
            clocks=tuple(clocks),
            escalations=tuple(escalations),
            reminders=tuple(reminders),
            owed=tuple(owed),
            gaps=tuple(self.gaps()),
            applied=self.applied,
            rejected=tuple(rejected),
            later=later,
            next_change=None if not upcoming else self.local(min(upcoming)),
        )

    def gaps(self) -> list[DecidedGap]:
        out = []
        for i, gap in enumerate(self.life.gaps):
            layer = self.cp.lifecycle_layers.get(f"gaps:{i}", self.cp.id)
            source = Source(rule="lifecycle", article=gap.article or "", policy=layer)
            out.append(DecidedGap(about=gap.about, text=gap.text.strip(), source=source))
        for rem in self.life.reminders:
            rule, action, _ = self.elements[rem.id]
            if self.applies(rule) is not True:
                continue
            source = rule.source(rem.article or action.article)
            if rem.before is None:
                text = f"{action.label}: the source gives no time for it; no reminder is due"
                out.append(DecidedGap(about="deadline", text=text, source=source))
            elif (
                rem.before.parameter is not None and self.offset(None, rem.before.parameter) is None
            ):
                param = next(p for p in self.cp.policy.parameters if p.id == rem.before.parameter)
                text = (
                    f"{action.label}: parameter {param.id} ({param.label}) is blank in the "
                    "source and not configured by the institution; no reminder is due"
                )
                out.append(DecidedGap(about="deadline", text=text, source=source))
        return out


def _finding_name(item: Any) -> str | None:
    """The finding a complaint's findings entry names (an id, or {finding: id, ...})."""
    if isinstance(item, str):
        return item
    if isinstance(item, Mapping) and isinstance(item.get("finding"), str):
        return str(item["finding"])
    return None


def _subject(policy: CompiledPolicy, complaint: Complaint) -> Subject:
    """What conditions see of the complaint: the level as given or as classified."""
    findings = frozenset(f.finding for f in complaint.findings)
    level = complaint.level
    if policy.level_input == "forbidden" and policy.classification:
        plain = Subject(complaint.channel, complaint.category, None, findings, complaint.facts)
        level = next((lv for _, _, lv, cond in policy.classification if cond.test(plain)), None)
        table = policy.policy.classification
        if level is None and table is not None:
            level = table.default
    return Subject(complaint.channel, complaint.category, level, findings, complaint.facts)
