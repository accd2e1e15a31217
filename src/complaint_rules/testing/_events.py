"""Case histories drawn from a compiled policy's own lifecycle: valid ones, and valid
ones with deliberately invalid events slipped in.

A valid history is built event by event through :class:`~complaint_rules.lifecycle.case.Case`,
so every event in it is one the policy accepts: a ``received`` event with a complaint
from the policy's vocabulary, then the policy's own events, ``updated`` facts, and the
``escalated``, ``reminded`` and ``done`` events answering what is due at that moment,
sometimes ``closed``. Instants fall on holidays, make-up workdays and month ends, often
exactly at (or one microsecond before) the instant the status next changes, and are
written in the policy's time zone, in UTC or in another offset. Receipts lie in the
published calendar (2025 and 2026 up to September) so that every count is exact.

With ``invalid=True`` one to three events the policy must reject are inserted; each
carries ``"id": "invalid:<why>"`` (naive, unknown_event, unknown_field, out_of_order,
second_received, wrong_role, not_due, after_closing).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from ..lifecycle.case import Case, EventRejected
from ..policy.compiled import CompiledPolicy
from ..policy.model import BUILTIN_EVENTS
from ._hypothesis import st

__all__ = ["event_sequences"]

_DAYS = (
    date(2026, 9, 29),  # the day before National Day 2026 (Oct 1-7 off)
    date(2026, 9, 30),
    date(2026, 9, 20),  # a Sunday make-up workday
    date(2026, 9, 25),  # Mid-Autumn Festival (25-27 Sep off)
    date(2026, 2, 13),  # before the Spring Festival (15-23 Feb off; Sat 14 Feb a workday)
    date(2026, 2, 14),
    date(2026, 2, 28),  # a Saturday make-up workday and a month end
    date(2026, 1, 1),
    date(2025, 12, 31),
    date(2025, 9, 30),  # before National Day 2025 (Oct 1-8 off)
    date(2026, 3, 2),  # a plain Monday
    date(2026, 5, 29),
)
_TIMES = (time(9, 0), time(0, 0), time(23, 59, 59), time(12, 0), time(17, 30), time(23, 30))
_OFFSETS = (None, UTC, timezone(timedelta(hours=9)), timezone(timedelta(hours=-5)))
_GAPS = (
    timedelta(0),
    timedelta(seconds=1),
    timedelta(minutes=4),
    timedelta(minutes=5),
    timedelta(hours=1),
    timedelta(hours=15),
    timedelta(days=1),
    timedelta(days=3),
    timedelta(days=8),
)
_INVALID = (
    "naive",
    "unknown_event",
    "unknown_field",
    "out_of_order",
    "second_received",
    "wrong_role",
    "not_due",
    "after_closing",
)


def _complaints(policy: CompiledPolicy) -> st.SearchStrategy[dict[str, Any]]:
    model = policy.policy
    vocab = model.vocabulary

    @st.composite
    def draw_complaint(draw: st.DrawFn) -> dict[str, Any]:
        out: dict[str, Any] = {
            "channel": draw(st.sampled_from([t.id for t in vocab.channels])),
            "category": draw(st.sampled_from([t.id for t in vocab.categories])),
        }
        if policy.level_input == "required" or (
            policy.level_input == "optional" and draw(st.booleans())
        ):
            out["level"] = draw(st.sampled_from([t.id for t in vocab.levels]))
        for fact in model.facts:
            if fact.type == "bool" and (fact.default is None or draw(st.booleans())):
                out[fact.id] = draw(st.booleans())
            elif fact.type == "int" and (fact.default is None or draw(st.booleans())):
                low = fact.minimum if fact.minimum is not None else 0
                out[fact.id] = draw(st.integers(min_value=low, max_value=low + 25))
        return out

    return draw_complaint()


def _write(at: datetime, offset: Any) -> str:
    return (at if offset is None else at.astimezone(offset)).isoformat()


def event_sequences(
    policy: CompiledPolicy,
    *,
    invalid: bool = False,
    max_events: int = 10,
    complaints: st.SearchStrategy[dict[str, Any]] | None = None,
) -> st.SearchStrategy[list[dict[str, Any]]]:
    """Lists of case events for ``policy`` (JSON-ready dicts, ``at`` as ISO 8601 text).

    Without ``invalid`` every event is accepted by :func:`~complaint_rules.lifecycle.case.status`;
    with it, one to three events marked ``"id": "invalid:<why>"`` are rejected and the
    others accepted. ``complaints`` draws the complaint of the ``received`` event (its
    ``received_at`` is ignored); by default, one from the policy's own vocabulary.
    """
    if policy.policy.abstract:
        raise ValueError(
            f"policy {policy.id!r} is abstract: a case runs under a policy extending it"
        )
    tz = policy.tz
    own_events = list(policy.events.terms)
    roles = list(policy.roles.terms)
    approvers = {
        role
        for clock in (policy.policy.lifecycle.clocks if policy.policy.lifecycle else ())
        for step in clock.extensions
        for role in step.approvers
    }
    extension_events = sorted(
        {
            step.on
            for clock in (policy.policy.lifecycle.clocks if policy.policy.lifecycle else ())
            for step in clock.extensions
        }
    )
    outsiders = [r for r in roles if r not in approvers]
    drawn_complaints = complaints if complaints is not None else _complaints(policy)

    @st.composite
    def histories(draw: st.DrawFn) -> list[dict[str, Any]]:
        day = draw(st.sampled_from(_DAYS))
        start = datetime.combine(day, draw(st.sampled_from(_TIMES)), tzinfo=tz)
        complaint = {k: v for k, v in draw(drawn_complaints).items() if k != "received_at"}
        case = Case(policy)
        first = {
            "event": "received",
            "at": _write(start, draw(st.sampled_from(_OFFSETS))),
            "complaint": complaint,
        }
        case.append(first)
        events: list[dict[str, Any]] = [first]
        now = start
        wanted = draw(st.integers(min_value=0, max_value=max_events - 1))
        attempts = 0
        while len(events) - 1 < wanted and attempts < wanted * 4:
            attempts += 1
            now = _next_instant(draw, case, now)
            event = _candidate(draw, case, now, own_events, roles, sorted(approvers))
            event["at"] = _write(now, draw(st.sampled_from(_OFFSETS)))
            try:
                case.append(event)
            except EventRejected:
                continue
            events.append(event)
        if not invalid:
            return events
        for _ in range(draw(st.integers(min_value=1, max_value=3))):
            events = _insert_invalid(draw, events, outsiders, extension_events)
        return events

    return histories()


def _next_instant(draw: st.DrawFn, case: Case, now: datetime) -> datetime:
    """Often exactly at, or a microsecond before, the next change of the status."""
    if draw(st.integers(min_value=0, max_value=3)) == 0:
        change = case.next_change(now)
        if change is not None and change - now <= timedelta(days=70):
            return max(
                now, change - draw(st.sampled_from([timedelta(0), timedelta(microseconds=1)]))
            )
    return now + draw(st.sampled_from(_GAPS)) + timedelta(minutes=draw(st.integers(0, 90)))


def _candidate(
    draw: st.DrawFn,
    case: Case,
    now: datetime,
    own_events: list[str],
    roles: list[str],
    approvers: list[str],
) -> dict[str, Any]:
    kinds = [*own_events, "updated", "escalated", "reminded", "done", "closed"]
    kind = draw(st.sampled_from(kinds))
    event: dict[str, Any] = {"event": kind}
    if kind == "closed" and draw(st.integers(min_value=0, max_value=2)) > 0:
        event["event"] = kind = draw(st.sampled_from(own_events or ["updated"]))
    if kind in ("escalated", "reminded", "done"):
        status = case.status(now)
        due = {
            "escalated": [e.id for e in status.escalations],
            "reminded": [r.id for r in status.reminders],
            "done": [o.id for o in status.owed],
        }[kind]
        key = {"escalated": "escalation", "reminded": "reminder", "done": "duty"}[kind]
        event[key] = draw(st.sampled_from(due)) if due else "nothing_due"
    elif kind == "updated":
        facts = [f for f in case.policy.policy.facts if f.type == "bool"]
        findings = list(case.policy.findings.terms)
        if facts and (not findings or draw(st.booleans())):
            fact = draw(st.sampled_from(facts))
            event["facts"] = {fact.id: draw(st.booleans())}
        elif findings:
            event["findings"] = [draw(st.sampled_from(findings))]
        else:
            event["event"] = "closed"
    if kind not in BUILTIN_EVENTS and roles and draw(st.booleans()):
        choose_approver = bool(approvers) and draw(st.booleans())
        event["by"] = draw(st.sampled_from(approvers if choose_approver else roles))
    return event


def _insert_invalid(
    draw: st.DrawFn,
    events: list[dict[str, Any]],
    outsiders: list[str],
    extension_events: list[str],
) -> list[dict[str, Any]]:
    kinds = [k for k in _INVALID if k != "wrong_role" or (extension_events and outsiders)]
    why = draw(st.sampled_from(kinds))
    if why == "after_closing":
        # After a closing, only done, escalated and reminded may follow.
        valid = [e for e in events if not str(e.get("id", "")).startswith("invalid:")]
        at = valid[-1]["at"]
        bad = {"id": "invalid:after_closing", "event": "updated", "at": at, "facts": {}}
        closed = any(e.get("event") == "closed" for e in valid)
        return [*events, bad] if closed else [*events, {"event": "closed", "at": at}, bad]
    position = draw(st.integers(min_value=1, max_value=len(events)))
    at_text = events[position - 1]["at"]
    at = datetime.fromisoformat(at_text)
    bad = {"id": f"invalid:{why}", "event": "closed", "at": at_text}
    if why == "naive":
        bad["at"] = at.replace(tzinfo=None).isoformat()
    elif why == "unknown_event":
        bad["event"] = "no_such_event_in_any_policy"
    elif why == "unknown_field":
        bad["no_such_field"] = 1
    elif why == "out_of_order":
        bad["at"] = (at - timedelta(minutes=1)).isoformat()
    elif why == "second_received":
        bad.update(event="received", complaint={})
    elif why == "wrong_role":
        bad.update(
            event=draw(st.sampled_from(extension_events)), by=draw(st.sampled_from(outsiders))
        )
    else:  # not_due
        bad.update(event="escalated", escalation="no_such_escalation")
    return [*events[:position], bad, *events[position:]]
