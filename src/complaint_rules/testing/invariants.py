"""What every policy's decisions must satisfy, as plain functions.

Each invariant takes a compiled policy and a complaint (a mapping, as a host sends it)
and returns ``None``, or raises :class:`InvariantViolation` naming the invariant, saying
what broke and showing the complaint. Run under hypothesis (see
:func:`complaint_rules.testing.check_policy`), the complaint shown is the smallest one
found that breaks it. These functions need no hypothesis: call them from any test.

==========================  =========================================================
``complete_decision``       a decision, saying who handles the complaint and by when
                            (or a gap or pending rule saying why not); refused without
                            ``estimate`` exactly when a deadline is estimated
``no_deadline_before_receipt``  no running deadline ends before receipt or its start
``later_receipt_not_earlier``   receiving the same complaint later never moves one of its
                            deadlines (same rule, same id) earlier
``earliest_not_after_latest``   ranges have earliest <= latest (deadlines and money)
``level_order``             a more severe level never gets a looser deadline than a
                            milder one, unless the policy declares ``level_deadlines``
``penalties_in_range``      penalties are the declared amounts (or the case's), times the
                            occurrences and the headcount
``escalations_end``         every escalation chain ends, and an escalation on a missed
                            deadline has that deadline in the decision
``not_looser_than_base``    no deadline is looser than the base layer's rules would give
``deterministic``           the same decision, byte for byte: twice, by labels instead of
                            ids, with the instant in UTC, without personal fields
``json_round_trip``         the decision's JSON reads back to an equal decision
==========================  =========================================================
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, Literal

from ..decision.complaint import parse_complaint, parse_datetime
from ..decision.engine import decide
from ..decision.model import DecidedDeadline, DecidedDue, Decision
from ..decision.render import due_text
from ..errors import PolicyError, UnpublishedCalendarError
from ..policy.compiled import CompiledPolicy, compile_policy
from ..policy.model import Term
from ._spelling import accepted_spellings

__all__ = [
    "INVARIANTS",
    "Invariant",
    "InvariantViolation",
    "baseline_view",
    "complete_decision",
    "deterministic",
    "earliest_not_after_latest",
    "escalations_end",
    "json_round_trip",
    "later_receipt_not_earlier",
    "level_order",
    "no_deadline_before_receipt",
    "not_looser_than_base",
    "penalties_in_range",
]

Complaint = Mapping[str, Any]


class InvariantViolation(AssertionError):
    """An invariant that does not hold: its name, what broke, and the complaint."""

    def __init__(self, invariant: str, message: str, complaint: Complaint | None = None) -> None:
        self.invariant = invariant
        self.message = message
        self.complaint = None if complaint is None else dict(complaint)
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.invariant}: {self.message}"
        if self.complaint is not None:
            text += "\n  complaint: " + complaint_json(self.complaint)
        return text


def complaint_json(complaint: Complaint) -> str:
    """A complaint as one line of JSON, keys in the order given."""
    return json.dumps(complaint, ensure_ascii=False, default=str)


def _decide(name: str, policy: CompiledPolicy, complaint: Complaint) -> Decision:
    try:
        return decide(policy, complaint, estimate=True)
    except Exception as exc:
        message = f"deciding raised {type(exc).__name__}: {exc}"
        raise InvariantViolation(name, message, complaint) from exc


def _ref(deadline: DecidedDeadline) -> str:
    return f"{deadline.id} (rule {deadline.source.rule})"


def _at(value: datetime | DecidedDue | None) -> str:
    if isinstance(value, DecidedDue):
        return due_text(value)
    return "none" if value is None else value.isoformat()


def _running(decision: Decision) -> list[DecidedDeadline]:
    return [d for d in decision.deadlines if d.status == "running" and d.due is not None]


def _about(policy: CompiledPolicy, decision: Decision) -> str:
    level = decision.level.id if decision.level is not None else "none"
    text = f"category {decision.category.id}, channel {decision.channel.id}"
    return text + (f", level {level}" if policy.level_order else "")


# --- the invariants ---------------------------------------------------------------------


def complete_decision(policy: CompiledPolicy, complaint: Complaint) -> None:
    """A decision that says who handles the complaint and by when, or why it cannot.

    Deciding must not fail; the decision must have a deadline, a gap about deadlines or a
    pending rule with a deadline; an assignment, a gap about routing or a pending rule
    with routing; a level or a gap about the level (where the policy derives or requires
    one). Deciding without ``estimate`` must refuse exactly when a deadline is estimated.
    """
    name = "complete_decision"
    decision = _decide(name, policy, complaint)
    rules = {r.rule.id: r.rule for r in policy.rules}
    pending = [rules[p.source.rule] for p in decision.pending_rules if p.source.rule in rules]
    gaps = {gap.about for gap in decision.gaps}
    about = _about(policy, decision)

    def fail(message: str) -> None:
        raise InvariantViolation(name, f"the decision for {about} {message}", complaint)

    if not decision.deadlines and "deadline" not in gaps and not any(r.deadlines for r in pending):
        fail("has no deadline, no gap about deadlines and no pending rule with a deadline")
    if not decision.routing and "routing" not in gaps and not any(r.routing for r in pending):
        fail("assigns no one, and has no gap about routing and no pending rule with routing")
    needs_level = policy.level_order and policy.level_input != "optional"
    if needs_level and decision.level is None and "level" not in gaps:
        fail("has no level and no gap about the level")
    for deadline in decision.deadlines:
        if (deadline.status == "running") != (deadline.due is not None):
            fail(f"has deadline {_ref(deadline)} {deadline.status} with due {_at(deadline.due)}")
        if deadline.status != "running" and not deadline.waiting_for:
            fail(f"has deadline {_ref(deadline)} {deadline.status} waiting for nothing")
    try:
        decide(policy, complaint)
        refused: UnpublishedCalendarError | None = None
    except UnpublishedCalendarError as exc:
        refused = exc
    except Exception as exc:
        message = f"deciding without estimate raised {type(exc).__name__}: {exc}"
        raise InvariantViolation(name, message, complaint) from exc
    estimated = [d for d in decision.deadlines if d.estimated]
    if estimated and refused is None:
        fail(
            f"has deadline {_ref(estimated[0])} marked estimated, yet deciding without "
            "estimate did not refuse"
        )
    unknown = [
        r
        for r in decision.reports
        if r.due is not None
        and not policy.calendar.is_known((r.due.last_day or r.due.late_from.date()).year)
    ]
    if refused is not None and not estimated and not unknown:
        fail(f"has no estimated deadline, yet deciding without estimate refused: {refused}")


def no_deadline_before_receipt(policy: CompiledPolicy, complaint: Complaint) -> None:
    """No running deadline ends (or, for a range, first ends) before receipt or its start."""
    name = "no_deadline_before_receipt"
    decision = _decide(name, policy, complaint)
    received = decision.received_at
    for deadline in _running(decision):
        for what, due in (("due", deadline.due), ("due_earliest", deadline.due_earliest)):
            if due is None:
                continue
            if due.late_from < received:
                message = (
                    f"deadline {_ref(deadline)} is {what} {_at(due)}, before the complaint "
                    f"was received ({_at(received)})"
                )
                raise InvariantViolation(name, message, complaint)
            if deadline.started_at is not None and due.late_from < deadline.started_at:
                message = (
                    f"deadline {_ref(deadline)} is {what} {_at(due)}, before it starts "
                    f"({deadline.starts} at {_at(deadline.started_at)})"
                )
                raise InvariantViolation(name, message, complaint)


def later_receipt_not_earlier(
    policy: CompiledPolicy, complaint: Complaint, later: datetime | str
) -> None:
    """Received ``later`` (not before the complaint's own receipt), no deadline of the same
    rule and id is due earlier."""
    name = "later_receipt_not_earlier"
    first = parse_datetime(complaint["received_at"], "received_at")
    second = parse_datetime(later, "later")
    if second < first:
        raise ValueError(f"later ({second.isoformat()}) is before receipt ({first.isoformat()})")
    moved = {**complaint, "received_at": second.isoformat()}
    before = {(d.source.rule, d.id): d for d in _running(_decide(name, policy, complaint))}
    after = {(d.source.rule, d.id): d for d in _running(_decide(name, policy, moved))}
    for key, old in before.items():
        new = after.get(key)
        if new is None:
            continue
        for what in ("due", "due_earliest"):
            was, now = getattr(old, what), getattr(new, what)
            if was is not None and now is not None and now.late_from < was.late_from:
                message = (
                    f"deadline {_ref(old)} is {what} {_at(was)} when received at "
                    f"{first.isoformat()}, but "
                    f"{_at(now)}, earlier, when received later at {second.isoformat()}"
                )
                raise InvariantViolation(name, message, complaint)


def earliest_not_after_latest(policy: CompiledPolicy, complaint: Complaint) -> None:
    """Every range has its earliest end at or before its latest: deadlines and money."""
    name = "earliest_not_after_latest"
    decision = _decide(name, policy, complaint)
    for deadline in _running(decision):
        early, late = deadline.due_earliest, deadline.due
        if early is not None and late is not None and early.late_from > late.late_from:
            message = (
                f"deadline {_ref(deadline)} has due_earliest {_at(early)} after due {_at(late)}"
            )
            raise InvariantViolation(name, message, complaint)
        low, high = deadline.amount_min, deadline.amount
        if low is not None and high is not None and low > high:
            message = f"deadline {_ref(deadline)} has amount_min {low} above amount {high}"
            raise InvariantViolation(name, message, complaint)
    for penalty in decision.penalties:
        for low_field, high_field in (
            ("min_yuan", "max_yuan"),
            ("total_min_yuan", "total_max_yuan"),
        ):
            lo, hi = getattr(penalty, low_field), getattr(penalty, high_field)
            if lo is not None and hi is not None and lo > hi:
                message = (
                    f"penalty {penalty.id} (rule {penalty.source.rule}) has {low_field} {lo} "
                    f"above {high_field} {hi}"
                )
                raise InvariantViolation(name, message, complaint)


_ORDER_HELP = {
    "not_looser": "a more severe level never gets a looser deadline than a milder one",
    "not_tighter": "a more severe level never gets a tighter deadline than a milder one",
}


def _first_by_start(decision: Decision) -> dict[str, DecidedDeadline]:
    """The earliest running deadline for each start (receipt, a fact, or 'until' facts)."""
    out: dict[str, DecidedDeadline] = {}
    for deadline in _running(decision):
        key = "until" if deadline.unit == "until" else deadline.starts
        best = out.get(key)
        if best is None or (
            deadline.due is not None
            and best.due is not None
            and deadline.due.late_from < best.due.late_from
        ):
            out[key] = deadline
    return out


def _start_text(key: str) -> str:
    if key == "received":
        return "receipt"
    return "the facts it waits for" if key == "until" else f"fact {key}"


def level_order(policy: CompiledPolicy, complaint: Complaint) -> None:
    """Across levels, deadlines run in the declared direction.

    The complaint is decided at every level (given as input, or reached through the
    category the classification table classifies). For each start (receipt, or a fact),
    the first deadline of a more severe level (listed later) is compared with that of a
    milder one: with ``level_deadlines: not_looser`` (the default) it may not be later;
    with ``not_tighter`` it may not be earlier; ``unordered`` claims nothing.
    """
    name = "level_order"
    declared = policy.policy.level_deadlines or "not_looser"
    order = policy.level_order
    if declared == "unordered" or len(order) < 2:
        return
    variants: list[tuple[str, str, Decision]] = []
    if policy.level_input != "forbidden":
        for level in order:
            decision = _decide(name, policy, {**complaint, "level": level})
            variants.append((level, f"level {level}", decision))
    elif policy.classification:
        for category in policy.categories.terms:
            decision = _decide(name, policy, {**complaint, "category": category})
            if decision.level is not None:
                how = f"category {category} (classified {decision.level.id})"
                variants.append((decision.level.id, how, decision))
    firsts = [(order.index(level), how, _first_by_start(d)) for level, how, d in variants]
    for rank_a, mild, first_a in firsts:
        for rank_b, severe, first_b in firsts:
            if rank_b <= rank_a:
                continue
            for key, a in first_a.items():
                b = first_b.get(key)
                if b is None or a.due is None or b.due is None:
                    continue
                looser = b.due.late_from > a.due.late_from
                if (declared == "not_looser" and looser) or (
                    declared == "not_tighter" and b.due.late_from < a.due.late_from
                ):
                    hint = (
                        "; if the policy means it, declare level_deadlines: not_tighter"
                        if declared == "not_looser"
                        else ", although the policy declares level_deadlines: not_tighter"
                    )
                    message = (
                        f"{severe} is more severe than {mild} (levels are listed mildest first) "
                        f"but its first deadline from {_start_text(key)} is "
                        f"{'later' if looser else 'earlier'}: {_ref(b)} due {_at(b.due)} against "
                        f"{_ref(a)} due {_at(a.due)} ({_ORDER_HELP[declared]}){hint}"
                    )
                    raise InvariantViolation(name, message, complaint)


def penalties_in_range(policy: CompiledPolicy, complaint: Complaint) -> None:
    """Each penalty is its declared amount (or its parameter's value, or the complaint's
    value of its fact), times the occurrences where it is per occurrence and the headcount
    where it is per person; no total where a fact it needs is not given; never negative."""
    name = "penalties_in_range"
    decision = _decide(name, policy, complaint)
    declared = {p.id: p for rule in policy.policy.rules for p in rule.penalties}
    values = {p.id: p.value for p in policy.policy.parameters}
    facts = parse_complaint(policy, complaint).facts
    for penalty in decision.penalties:
        spec = declared[penalty.id]
        low: Decimal | None = None
        high: Decimal | None = None
        missing = False
        money = spec.amount_yuan
        if money is not None:
            if money.fact is not None:
                given = facts.get(money.fact)
                low = high = None if given is None else Decimal(given)
                missing = given is None
            elif money.parameter is None:
                low, high = money.min, money.max
            else:
                low = high = values.get(money.parameter)
        times = penalty.occurrences if spec.per == "occurrence" else 1
        if spec.headcount is not None:
            persons = facts.get(spec.headcount)
            missing = missing or persons is None
            times *= persons or 0
        expected = {
            "min_yuan": low,
            "max_yuan": high,
            "total_min_yuan": None if low is None or missing else low * times,
            "total_max_yuan": None if high is None or missing else high * times,
        }
        declared_text = "no amount" if low is None else f"{low}-{high} yuan"
        for field, want in expected.items():
            got = getattr(penalty, field)
            if got != want or (got is not None and got < 0):
                message = (
                    f"penalty {penalty.id} (rule {penalty.source.rule}) has {field} {got}, "
                    f"but it declares {declared_text}"
                    + (f" per occurrence, {times} occurrences" if spec.per == "occurrence" else "")
                )
                raise InvariantViolation(name, message, complaint)


def escalations_end(policy: CompiledPolicy, complaint: Complaint) -> None:
    """Every escalation in the decision leads, step by step (``next``), to a last step; its
    roles' ``reports_to`` chains end; one on a missed deadline has that deadline."""
    name = "escalations_end"
    decision = _decide(name, policy, complaint)
    steps = {e.id: e for rule in policy.policy.rules for e in rule.escalations}
    superiors = {r.id: r.reports_to for r in policy.policy.vocabulary.roles}
    deadlines = {d.id for d in decision.deadlines}
    pending = {p.source.rule for p in decision.pending_rules}
    pending_deadlines = {
        d.id for r in policy.rules if r.rule.id in pending for d in r.rule.deadlines
    }
    for escalation in decision.escalations:
        chain = [escalation.id]
        step = escalation.next
        while step is not None:
            if step not in steps:
                message = f"escalation {chain[-1]} names next step {step!r}, which is not declared"
                raise InvariantViolation(name, message, complaint)
            chain.append(step)
            if step in chain[:-1]:
                message = "escalation chain never ends: " + " -> ".join(chain)
                raise InvariantViolation(name, message, complaint)
            step = steps[step].next
        for role in (*escalation.by, *escalation.to):
            seen = [role.id]
            boss = superiors.get(role.id)
            while boss is not None:
                seen.append(boss)
                if boss in seen[:-1]:
                    message = "reports_to chain never ends: " + " -> ".join(seen)
                    raise InvariantViolation(name, message, complaint)
                boss = superiors.get(boss)
        waits_for = escalation.deadline if escalation.on == "deadline_missed" else None
        if waits_for is not None and waits_for not in deadlines | pending_deadlines:
            message = (
                f"escalation {escalation.id} (rule {escalation.source.rule}) waits for deadline "
                f"{waits_for} to be missed, but the decision has no such deadline"
            )
            raise InvariantViolation(name, message, complaint)


_VIEWS: dict[tuple[str, str, str, str], CompiledPolicy] = {}


def baseline_view(policy: CompiledPolicy, base: CompiledPolicy) -> CompiledPolicy:
    """The ``base`` layer's rules (and time zone, calendar, everything but the vocabulary)
    applied to ``policy``'s vocabulary, facts, parameters and levels.

    What the base alone would require of ``policy``'s complaints. Raises
    :class:`~complaint_rules.errors.PolicyError` if the base's rules do not fit the
    policy's vocabulary. Cached by content (a few entries).
    """
    key = (policy.sha256, policy.calendar.fingerprint, base.sha256, base.calendar.fingerprint)
    view = _VIEWS.get(key)
    if view is None:
        own = policy.policy
        model = base.policy.model_copy(
            update={
                "id": own.id,
                "vocabulary": own.vocabulary,
                "facts": own.facts,
                "parameters": own.parameters,
                "classification": own.classification,
                "level_input": own.level_input,
                "level_deadlines": own.level_deadlines,
                "extends": None,
                "remove_rules": (),
                "abstract": False,
            }
        )
        view = compile_policy(model)
        if len(_VIEWS) >= 16:
            _VIEWS.pop(next(iter(_VIEWS)))
        _VIEWS[key] = view
    return view


def not_looser_than_base(
    policy: CompiledPolicy, complaint: Complaint, base: CompiledPolicy
) -> None:
    """No deadline looser than the base layer's rules give the same complaint.

    ``base`` is the compiled policy that ``policy`` extends. Each running deadline that
    the base's rules give (counted on the base's calendar settings) must be matched by a
    deadline of the same id due no later, or else by another deadline from the same start
    due no later. Deadlines the base can only estimate are skipped.
    """
    name = "not_looser_than_base"
    if policy.policy.extends is None:
        return
    if base.id != policy.policy.extends:
        raise ValueError(f"policy {policy.id!r} extends {policy.policy.extends!r}, not {base.id!r}")
    try:
        view = baseline_view(policy, base)
    except PolicyError as exc:
        message = f"the rules of {base.id} do not fit this policy's vocabulary: {exc}"
        raise InvariantViolation(name, message, complaint) from None
    own = _decide(name, policy, complaint)
    expected = _decide(name, view, complaint)
    mine = {d.id: d for d in _running(own)}
    pending = {p.source.rule for p in own.pending_rules}
    waiting = any(r.rule.deadlines for r in policy.rules if r.rule.id in pending)
    for limit in _running(expected):
        if limit.estimated or limit.due is None:
            continue
        where = f"{base.id}'s deadline {_ref(limit)} is due {_at(limit.due)}"
        same = mine.get(limit.id)
        if same is not None and same.due is not None:
            if same.due.late_from > limit.due.late_from:
                message = (
                    f"{where}, but this policy's is due {_at(same.due)}, later "
                    f"(rule {same.source.rule}, layer {same.source.policy})"
                )
                raise InvariantViolation(name, message, complaint)
            continue
        tighter = [
            d
            for d in mine.values()
            if d.starts == limit.starts
            and d.due is not None
            and d.due.late_from <= limit.due.late_from
        ]
        if not tighter and not waiting:
            message = (
                f"{where}, but this policy has no deadline {limit.id} and none other from "
                f"{_start_text(limit.starts)} due by then"
            )
            raise InvariantViolation(name, message, complaint)


def _difference(a: Any, b: Any, path: str = "") -> str:
    """Where two JSON values first differ, e.g. ``deadlines[0].due: '…' against '…'``."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            if a.get(key) != b.get(key) or (key in a) != (key in b):
                return _difference(a.get(key), b.get(key), f"{path}.{key}" if path else str(key))
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _difference(x, y, f"{path}[{i}]")
    first, second = json.dumps(a, ensure_ascii=False), json.dumps(b, ensure_ascii=False)
    return f"{path or 'the decision'}: {first} against {second}"


def _by_labels(policy: CompiledPolicy, complaint: Complaint) -> dict[str, Any]:
    """The complaint naming its channel, category, level and findings by their labels."""
    out = dict(complaint)

    def label(key: str, term: Term) -> str:
        return next(iter(accepted_spellings(policy, key, [term.label, *term.aliases])), term.id)

    for key, lookup in (
        ("channel", policy.channels),
        ("category", policy.categories),
        ("level", policy.levels),
    ):
        term = lookup.find(out[key]) if isinstance(out.get(key), str) else None
        if term is not None:
            out[key] = label(key, term)
    findings = []
    for item in out.get("findings", []):
        name = item if isinstance(item, str) else item.get("finding")
        term = policy.findings.find(name) if isinstance(name, str) else None
        if term is not None:
            spelling = label("findings", term)
            item = spelling if isinstance(item, str) else {**item, "finding": spelling}
        findings.append(item)
    if "findings" in out:
        out["findings"] = findings
    return out


def deterministic(policy: CompiledPolicy, complaint: Complaint) -> None:
    """The same JSON, byte for byte: decided twice; with channel, category, level and
    findings named by label; with the instant of receipt written in UTC; without the
    personal fields (``id``, ``complainant``, ``text``)."""
    name = "deterministic"
    reference = _decide(name, policy, complaint).model_dump_json()
    received = parse_datetime(complaint["received_at"], "received_at")
    variants = (
        ("deciding the same complaint again", dict(complaint)),
        ("naming values by their labels", _by_labels(policy, complaint)),
        (
            "writing the instant of receipt in UTC",
            {**complaint, "received_at": received.astimezone(UTC).isoformat()},
        ),
        (
            "leaving out the personal fields",
            {k: v for k, v in complaint.items() if k not in ("id", "complainant", "text")},
        ),
    )
    for how, variant in variants:
        again = _decide(name, policy, variant).model_dump_json()
        if again != reference:
            where = _difference(json.loads(reference), json.loads(again))
            raise InvariantViolation(name, f"{how} changes the decision at {where}", complaint)


def json_round_trip(policy: CompiledPolicy, complaint: Complaint) -> None:
    """The decision's JSON reads back to an equal decision that writes the same JSON."""
    name = "json_round_trip"
    decision = _decide(name, policy, complaint)
    text = decision.model_dump_json()
    try:
        back = Decision.model_validate_json(text)
    except ValueError as exc:
        message = f"the decision's JSON does not read back: {exc}"
        raise InvariantViolation(name, message, complaint) from None
    if back != decision or back.model_dump_json() != text:
        where = _difference(json.loads(text), json.loads(back.model_dump_json()))
        raise InvariantViolation(
            name, f"the decision read back from JSON differs at {where}", complaint
        )


# --- the registry -----------------------------------------------------------------------


@dataclass(frozen=True)
class Invariant:
    """An invariant by name: its function, what it says, and what it is called with.

    ``takes`` is ``complaint`` (``check(policy, complaint)``), ``later``
    (``check(policy, complaint, later)``, an instant not before receipt) or ``base``
    (``check(policy, complaint, base)``, the compiled policy it extends).
    """

    name: str
    holds: str
    check: Callable[..., None]
    takes: Literal["complaint", "later", "base"] = "complaint"


INVARIANTS: tuple[Invariant, ...] = (
    Invariant(
        "complete_decision",
        "every complaint gets a complete decision (who, by when, level), or a stated gap",
        complete_decision,
    ),
    Invariant(
        "no_deadline_before_receipt",
        "no deadline ends before the complaint is received or before it starts",
        no_deadline_before_receipt,
    ),
    Invariant(
        "later_receipt_not_earlier",
        "a later receipt never gives an earlier deadline for the same rule",
        later_receipt_not_earlier,
        "later",
    ),
    Invariant(
        "earliest_not_after_latest",
        "every range has earliest <= latest",
        earliest_not_after_latest,
    ),
    Invariant(
        "level_order",
        "a more severe level never gets a looser deadline, unless the policy declares it",
        level_order,
    ),
    Invariant(
        "penalties_in_range",
        "penalties stay inside their declared ranges",
        penalties_in_range,
    ),
    Invariant("escalations_end", "every escalation chain ends", escalations_end),
    Invariant(
        "not_looser_than_base",
        "no deadline is looser than the base layer the policy extends",
        not_looser_than_base,
        "base",
    ),
    Invariant(
        "deterministic",
        "the same complaint gives the same decision, byte for byte",
        deterministic,
    ),
    Invariant(
        "json_round_trip",
        "the decision's JSON round-trips exactly",
        json_round_trip,
    ),
)
"""Every invariant, in the order :func:`~complaint_rules.testing.check_policy` runs them."""
