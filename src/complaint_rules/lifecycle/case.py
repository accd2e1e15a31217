"""A complaint's life over time: events in, the status of every clock out.

A case is a list of timestamped events (see :mod:`complaint_rules.lifecycle.events`). The
policy's ``lifecycle`` says what each event does: which clocks it starts, pauses, resumes,
meets, stops, restarts or extends, which facts and findings it sets, which actions it
makes owed or discharges. :func:`status` replays the events up to an instant and returns
a :class:`~complaint_rules.lifecycle.status.CaseStatus`: every clock's state, due instant, time
used and left; the escalations and reminders due now and to whom; the actions still owed;
each with the rule and article behind it; and the next instant at which the status will
change without a new event, so that a host can schedule one timer.

Pure and deterministic: no clock, no I/O, no global state; replaying the same events
gives the same status, byte for byte. An event that is out of order or contradicts the
policy is rejected with its reason and skipped; everything recorded before it is kept,
and later events are checked against the case without it. :class:`Case` is the same
replay kept open: its ``append`` refuses a bad event and leaves the case unchanged.

The semantics of each clock operation are stated once, in ``docs/lifecycle.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from ..decision.complaint import parse_datetime, problem_of
from ..decision.json_input import safe_name
from ..errors import ComplaintError, InputError, Problem
from ..messages.catalogue import make_problem
from ..policy.compiled import CompiledPolicy
from .events import Event, EventFormatError, parse_event
from .reasons import Reason, complaint_parts
from .replay import Refused, Replay
from .status import CaseStatus, Rejection

__all__ = ["Case", "EventRejected", "next_change", "status"]


class EventRejected(InputError):
    """An event a :class:`Case` refused; the case is unchanged. ``reason`` says why (in
    English); ``code`` and ``values`` are the reason's kind and values, as a
    :class:`~complaint_rules.lifecycle.status.Rejection` keeps them."""

    kind = "case event"

    def __init__(
        self,
        index: int,
        reason: str,
        code: str | None = None,
        args: Mapping[str, str] | None = None,
    ) -> None:
        self.index = index
        self.reason = reason
        self.code = code
        self.values: dict[str, str] = dict(args or {})
        where = ("events", index)
        parts = complaint_parts(code, self.values)
        if parts:  # a complaint with several problems: one each, said in its words
            problems = [_rejected(where, p.message, p.code, dict(p.args)) for p in parts]
        else:
            problems = [_rejected(where, reason, code, self.values)]
        super().__init__(problems)


def _rejected(
    where: tuple[str | int, ...], reason: str, code: str | None, values: Mapping[str, str]
) -> Problem:
    """A ``case.event_rejected`` problem saying ``reason``, in the words of its ``code``."""
    if code is None:
        return Problem(reason, path=where, code="case.event_rejected")
    said = {**values, "wording": values.get("wording", code)}
    return Problem(reason, path=where, code="case.event_rejected", args=tuple(said.items()))


# --- the public functions -----------------------------------------------------------


def _as_of(at: datetime | str) -> datetime:
    try:
        return parse_datetime(at, "at")
    except ValueError as exc:
        raise ComplaintError([problem_of(exc, ("at",), "case.bad_instant")]) from None


def _check_policy(policy: CompiledPolicy) -> None:
    if not isinstance(policy, CompiledPolicy):
        raise TypeError(f"policy must be a CompiledPolicy, not {type(policy).__name__}")
    if policy.policy.abstract:
        raise ComplaintError(
            [make_problem("policy.abstract", wording="policy.abstract.case", id=repr(policy.id))]
        )


_INSTANT = re.compile(r"[0-9][0-9T:+.Z -]{0,39}")


def _rejection(index: int, raw: Any, reason: Reason) -> Rejection:
    event = at = None
    if isinstance(raw, Mapping):
        # Repeated only when it looks like an event name and an instant: anything else
        # in the host's input may be personal data or bytes that drive a terminal.
        event = raw.get("event") if safe_name(raw.get("event")) else None
        value = raw.get("at")
        at = (
            value.isoformat()
            if isinstance(value, datetime)
            else (value if isinstance(value, str) and _INSTANT.fullmatch(value) else None)
        )
    problem = reason.problem
    return Rejection(
        index=index,
        event=event,
        at=at,
        reason=problem.message,
        code=problem.code,
        args=dict(problem.args),
    )


def _replay(
    policy: CompiledPolicy, events: Iterable[Any], at: datetime, estimate: bool
) -> tuple[Replay, list[Rejection], int]:
    """Replay the whole list (which events are accepted does not depend on ``at``), then
    the accepted events up to ``at``: the state as of ``at``, the rejections of events up
    to ``at`` (and of unreadable ones), and how many events are after ``at``."""
    full = Replay(policy, estimate)
    accepted: list[Event] = []
    rejected: list[Rejection] = []
    later = 0
    for index, raw in enumerate(events):
        try:
            ev = parse_event(policy, raw, index)
        except EventFormatError as exc:
            rejected.append(_rejection(index, raw, exc))
            continue
        if ev.at > at:
            later += 1
        try:
            full.apply(ev)
        except Refused as exc:
            if ev.at <= at:
                rejected.append(_rejection(index, raw, exc))
            continue
        accepted.append(ev)
    if not accepted or accepted[-1].at <= at:
        return full, rejected, later
    replay = Replay(policy, estimate)
    for ev in accepted:
        if ev.at > at:
            break
        replay.apply(ev)
    return replay, rejected, later


def status(
    policy: CompiledPolicy,
    events: Iterable[Mapping[str, Any]],
    at: datetime | str,
    *,
    estimate: bool = False,
) -> CaseStatus:
    """The status of the case ``events`` describe, as of the instant ``at``.

    Events after ``at`` are not applied (counted in ``later``); an event that cannot be
    read, is out of order or contradicts the policy is listed in ``rejected`` with its
    reason and skipped. ``estimate`` as for :func:`~complaint_rules.decide`. Raises
    :class:`~complaint_rules.errors.ComplaintError` for a naive ``at`` or an abstract policy.
    """
    _check_policy(policy)
    as_of = _as_of(at)
    replay, rejected, later = _replay(policy, events, as_of, estimate)
    return replay.status(as_of, rejected, later)


def next_change(
    policy: CompiledPolicy,
    events: Iterable[Mapping[str, Any]],
    at: datetime | str,
    *,
    estimate: bool = False,
) -> datetime | None:
    """The next instant after ``at`` at which the status changes with no new event
    (``status(...).next_change``): the one timer a host needs."""
    return status(policy, events, at, estimate=estimate).next_change


class Case:
    """A case's history kept open: :meth:`append` applies one event at a time and refuses
    (raising :class:`EventRejected`) an event that :func:`status` would reject, leaving the
    case unchanged. Not thread-safe: one case per thread, or a lock around it."""

    def __init__(
        self,
        policy: CompiledPolicy,
        events: Iterable[Mapping[str, Any]] = (),
        *,
        estimate: bool = False,
    ) -> None:
        _check_policy(policy)
        self._policy = policy
        self._estimate = estimate
        self._replay = Replay(policy, estimate)
        self._events: list[Mapping[str, Any]] = []
        for event in events:
            self.append(event)

    @property
    def policy(self) -> CompiledPolicy:
        return self._policy

    def __repr__(self) -> str:
        p = self._policy
        return (
            f"<Case {p.id} version {p.version} sha256:{p.sha256[:12]}, {len(self._events)} events>"
        )

    @property
    def events(self) -> tuple[Mapping[str, Any], ...]:
        """The events accepted so far, as given."""
        return tuple(self._events)

    def append(self, event: Mapping[str, Any]) -> None:
        """Apply ``event``, or raise :class:`EventRejected` with the reason."""
        index = len(self._events)
        try:
            self._replay.apply(parse_event(self._policy, event, index))
        except (EventFormatError, Refused) as exc:
            problem = exc.problem
            raise EventRejected(index, problem.message, problem.code, dict(problem.args)) from None
        self._events.append(event)

    def status(self, at: datetime | str) -> CaseStatus:
        """The status as of ``at`` (which may be before the last event)."""
        as_of = _as_of(at)
        last = self._replay.last
        if last is None or as_of >= last.at:
            return self._replay.status(as_of, (), 0)
        replay, rejected, later = _replay(self._policy, self._events, as_of, self._estimate)
        return replay.status(as_of, rejected, later)

    def next_change(self, at: datetime | str) -> datetime | None:
        """:func:`next_change` of this case."""
        return self.status(at).next_change
