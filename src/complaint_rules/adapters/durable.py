"""A policy's lifecycle as a durable_rules ruleset, for hosts that stream case events.

>>> from complaint_rules import Catalog
>>> from complaint_rules.adapters.durable import DurableAdapter
>>> with DurableAdapter(Catalog().load("keyouqianqi_credit_union")) as adapter:
...     out = adapter.post("C-1", {"event": "received", "at": "2026-09-29T10:00:00+08:00",
...                                "complaint": {"channel": "letter", "category": "work_error"}})
...     out = adapter.tick("C-1", "2026-10-10T00:00:00+08:00")
>>> [(c.clock, c.state) for c in out.view.clocks]
[('reply', 'breached')]
>>> [e.escalation for e in out.view.escalations]
['overrun_general']

Each case is a durable_rules session (its ``sid`` is the case id). The ruleset compiled
from the policy has a rule per event type (matching its id, label and aliases), one for
any other event, one for ticks, one matching the case's instant against its next change,
and one per clock, escalation, reminder and duty the policy declares, which fires when
its fact is asserted. The session state keeps the case's events; its facts are the
status: clocks, due escalations and reminders, owed actions, the case's instant and next
change. What each event does and every instant (due, breach, reminder, overdue) come from
:mod:`complaint_rules.lifecycle.case`; durable_rules never computes a date and never reads the
clock. Time moves only with the events' own instants and with :meth:`DurableAdapter.tick`.

Needs durable_rules (``pip install 'complaint-rules[durable]'``; it does not build on
Python 3.13+). Limits and their handling are in ``docs/adapters.md``.
"""

from __future__ import annotations

import itertools
import json
import threading
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from .. import CompiledPolicy, ComplaintError, Problem
from ..lifecycle.case import Case, EventRejected
from ..lifecycle.case import status as lifecycle_status
from ..lifecycle.status import CaseStatus, Rejection
from ..messages.catalogue import make_problem
from ..policy.model import BUILTIN_EVENTS, Lifecycle
from ._durable_facts import (
    CaseView,
    ClockFact,
    EscalationFact,
    OwedFact,
    ReminderFact,
    facts_of,
    instant_fact,
    micros,
    view_of,
)
from ._durable_load import Durable, load

__all__ = [
    "MAX_CASES",
    "CapacityError",
    "CaseView",
    "ClockFact",
    "DurableAdapter",
    "EscalationFact",
    "Outcome",
    "OwedFact",
    "ReminderFact",
    "StatusChange",
]

MAX_CASES = 1024
"""Sessions one durable_rules ruleset holds at a time (its state table is fixed in size)."""

_FACT_TYPES = ("clock", "escalation", "reminder", "owed")
_NAMES = itertools.count(1)
_UNSAFE = frozenset(map(chr, range(32))) | {'"', "\\"}


class CapacityError(RuntimeError):
    """The adapter already holds :data:`MAX_CASES` cases; :meth:`DurableAdapter.forget`
    closed ones, or use another adapter."""


@dataclass(frozen=True, slots=True)
class StatusChange:
    """A status fact asserted (new, or changed) or retracted (no longer in the status)."""

    what: Literal["clock", "escalation", "reminder", "owed"]
    id: str
    op: Literal["asserted", "retracted"]
    fact: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one :meth:`~DurableAdapter.post` or :meth:`~DurableAdapter.tick` did."""

    case: str
    index: int | None
    """The event's position in the case's events (None for a tick)."""
    rejection: Rejection | None
    """Why the event was refused (None: accepted, or a tick)."""
    rules: tuple[str, ...]
    """The durable_rules rules that fired, in order."""
    changes: tuple[StatusChange, ...]
    view: CaseView
    """The case's session afterwards."""

    @property
    def accepted(self) -> bool:
        return self.index is not None and self.rejection is None


@dataclass(frozen=True, slots=True)
class _Pending:
    case: str
    event: Any
    text: str


def _default(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"an event is kept as JSON; a {type(value).__name__} value is not JSON")


def _as_json(event: Any) -> tuple[str, Any]:
    """The event as JSON text and data (datetimes as ISO 8601 text, Decimals as text)."""
    text = json.dumps(event, ensure_ascii=False, allow_nan=False, default=_default)
    return text, json.loads(text)


def _rejection(index: int, raw: Any, refused: EventRejected) -> Rejection:
    event = at = None
    if isinstance(raw, Mapping):
        event = None if raw.get("event") is None else str(raw["event"])
        at = None if raw.get("at") is None else str(raw["at"])
    return Rejection(
        index=index,
        event=event,
        at=at,
        reason=refused.reason,
        code=refused.code,
        args=refused.values,
    )


def _instant(at: datetime | str, name: str = "at") -> datetime:
    value: Any = at
    if isinstance(at, str):
        try:
            value = datetime.fromisoformat(at.strip())
        except ValueError:
            value = None
    if not isinstance(value, datetime):
        raise ComplaintError(
            [Problem("not an ISO 8601 date-time", path=(name,), code="complaint.bad_instant")]
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise ComplaintError(
            [
                make_problem(
                    "complaint.invalid_value",
                    path=(name,),
                    wording="complaint.naive_instant.example",
                    name=name,
                    example=f"{value.isoformat()}+08:00",
                )
            ]
        )
    return value


def _spellings(policy: CompiledPolicy) -> dict[str, list[str]]:
    """Every event type with the exact spellings the library resolves to it."""
    kinds: dict[str, list[str]] = {kind: [kind] for kind in BUILTIN_EVENTS}
    seen = set(BUILTIN_EVENTS)
    for term in policy.policy.vocabulary.events:
        kinds.setdefault(term.id, [])
        for spelling in (term.id, term.label, *term.aliases):
            found = policy.events.find(spelling)
            if spelling in seen or found is None:
                continue
            kinds.setdefault(found.id, []).append(spelling)
            seen.add(spelling)
    return {kind: names for kind, names in kinds.items() if names}


def _declared(policy: CompiledPolicy) -> dict[str, list[str]]:
    """The ids of the clocks, escalations, reminders and duties a status can list, in the
    order it lists them."""
    life = policy.policy.lifecycle or Lifecycle()
    escalations = [e.id for rule in policy.rules for e in rule.rule.escalations]
    return {
        "clock": [c.id for c in life.clocks],
        "escalation": list(dict.fromkeys(escalations)),
        "reminder": [r.id for r in life.reminders],
        "owed": [d.id for d in life.duties],
    }


def _delete_ruleset(native: Any, handle: Any) -> None:
    native.delete_ruleset(handle)


class DurableAdapter:
    """A policy's lifecycle compiled into a durable_rules ruleset; one session per case.

    ``post`` applies a case event, ``tick`` moves a case's time on; both return an
    :class:`Outcome` whose ``view`` is the status as the session holds it, equal to
    ``CaseView.from_status(case, status(policy, events, view.at))``. ``rules`` are extra
    durable_rules rules (``when_all(m.t == "escalation")(action)``) run on the status facts.

    Safe to share between threads: every call into durable_rules (which is not
    thread-safe) holds the adapter's lock, and no dispatcher thread is started. A rule's
    action must not call the adapter. :meth:`close` (or ``with``) frees the ruleset.
    """

    def __init__(
        self,
        policy: CompiledPolicy,
        *,
        estimate: bool = False,
        rules: Sequence[Any] = (),
    ) -> None:
        Case(policy)  # the same checks as the library: a compiled, non-abstract policy
        self._durable: Durable = load()
        self._policy = policy
        self._estimate = estimate
        self._lock = threading.Lock()
        self._owner: int | None = None
        self._closed = False
        self._cases: dict[str, Case | None] = {}  # the open sessions; a Case is a cache
        self._messages = itertools.count(1)
        self._pending: _Pending | None = None
        self._handled: tuple[int, Rejection | None] | None = None
        self._fired: list[str] = []
        self._changes: list[StatusChange] = []
        self._failure: BaseException | None = None
        self.name = f"complaint_rules.{policy.id}.{policy.sha256[:12]}.{next(_NAMES)}"
        """The ruleset's name: unique for every adapter in the process."""
        self._order = {
            f"{what}:{item}": rank
            for what, ids in _declared(policy).items()
            for rank, item in enumerate(ids)
        }
        definition = self._compile(rules)
        self.rule_names: tuple[str, ...] = tuple(definition)
        """The compiled rules' names, in the order they are defined."""
        self._host = self._durable.host_class()
        self._host.register_rulesets({self.name: definition})
        handle = self._host.get_ruleset(self.name)._handle  # durable's own field: no API frees it
        self._finalizer = weakref.finalize(self, _delete_ruleset, self._durable.native, handle)

    # -- the ruleset --------------------------------------------------------------------

    def _compile(self, host_rules: Sequence[Any]) -> dict[str, Any]:
        lang = self._durable.lang
        m, c, pri, when_all = lang.m, lang.c, lang.pri, lang.when_all
        definition: dict[str, Any] = {}

        def add(name: str, rule: Any, action: Callable[[Any], None]) -> None:
            body = dict(rule.define())
            body["run"] = self._action(name, action)
            definition[name] = body

        for kind, names in _spellings(self._policy).items():
            match = m.kind == names[0]
            for name in names[1:]:
                match = match | (m.kind == name)
            add(f"event:{kind}", when_all((m.t == "event") & match, pri(1)), self._on_event)
        add("event:unresolved", when_all(m.t == "event", pri(2)), self._on_event)
        add("tick", when_all(m.t == "tick", pri(1)), self._on_tick)
        add(
            "timer",
            when_all(
                c.now << (m.t == "now"),
                c.timer << ((m.t == "timer") & (m.at_us <= c.now.at_us)),
            ),
            self._on_timer,
        )
        for what, ids in _declared(self._policy).items():
            for item in ids:
                match = (m.t == what) & (getattr(m, what) == item)
                add(f"{what}:{item}", when_all(match), self._on_fact)
        for i, rule in enumerate(host_rules):
            body = dict(rule.define())
            action = body.get("run")
            if not callable(action):
                raise ValueError(f"rules[{i}] has no action: write when_all(...)(action)")
            body["run"] = self._action(f"host:{i}", action)
            definition[f"host:{i}"] = body
        return definition

    def _action(self, name: str, action: Callable[[Any], None]) -> Callable[[Any], None]:
        """durable_rules swallows an action's exception into the session state: keep it
        and raise it from the call that posted (the rest of the cycle is skipped)."""

        def run(c: Any) -> None:
            if self._failure is not None:
                return
            self._fired.append(name)
            try:
                action(c)
            except BaseException as exc:  # re-raised by _engine
                self._failure = exc

        return run

    # -- the actions (run inside a post, under the lock) -----------------------------

    def _case(self, sid: str, state: Any) -> Case:
        case = self._cases.get(sid)
        if case is None:
            stream = list(state.stream or ())
            refused = {r["index"] for r in (state.rejected or ())}
            events = [json.loads(t) for i, t in enumerate(stream) if i not in refused]
            case = Case(self._policy, events, estimate=self._estimate)
            self._cases[sid] = case
        return case

    def _on_event(self, c: Any) -> None:
        pending, self._pending = self._pending, None
        sid = c.s.sid
        if pending is None or pending.case != sid:
            raise RuntimeError("a case event reached the ruleset without DurableAdapter.post")
        stream = list(c.s.stream or ())
        index = len(stream)
        case = self._case(sid, c.s)
        try:
            case.append(pending.event)
        except EventRejected as exc:
            rejection = _rejection(index, pending.event, exc)
            c.s.rejected = [*(c.s.rejected or ()), rejection.model_dump()]
            c.s.stream = [*stream, pending.text]
            self._handled = (index, rejection)
            return
        current = self._facts(c)
        at = _instant(pending.event["at"]).astimezone(self._policy.tz)
        now = current.get("now")
        as_of = at if now is None or micros(at) > now["at_us"] else _instant(now["at"])
        try:
            status = case.status(as_of)
        except BaseException:
            self._cases[sid] = None  # the cached case has the event, the session not
            raise
        c.s.stream = [*stream, pending.text]
        self._handled = (index, None)
        self._sync(c, status, current)

    def _on_tick(self, c: Any) -> None:
        now = self._facts(c).get("now")
        if now is not None and c.m.at_us <= now["at_us"]:
            return  # time never goes back
        if now is not None:
            c.retract_fact(now)
        c.assert_fact(instant_fact("now", _instant(c.m.at)))  # may fire "timer"

    def _on_timer(self, c: Any) -> None:
        status = self._case(c.s.sid, c.s).status(_instant(c.now.at))
        self._sync(c, status, self._facts(c))

    def _on_fact(self, c: Any) -> None:
        fact = dict(c.m._d)
        fact.pop("sid", None)
        self._changes.append(StatusChange(fact["t"], fact[fact["t"]], "asserted", fact))

    def _facts(self, c: Any) -> dict[str, dict[str, Any]]:
        return {f["id"]: f for f in c.get_facts()}

    def _sync(self, c: Any, status: CaseStatus, current: dict[str, dict[str, Any]]) -> None:
        """Make the session's facts those of ``status``: retract what went or changed,
        assert what is new or changed (which fires the rules of those facts)."""
        wanted = facts_of(status)
        for fact_id, fact in current.items():
            want = wanted.get(fact_id)
            if want is not None and want == {k: v for k, v in fact.items() if k != "sid"}:
                continue
            c.retract_fact(fact)
            if want is None and fact["t"] in _FACT_TYPES:
                body = {k: v for k, v in fact.items() if k != "sid"}
                self._changes.append(StatusChange(fact["t"], fact[fact["t"]], "retracted", body))
        for fact_id, want in wanted.items():
            have = current.get(fact_id)
            if have is None or want != {k: v for k, v in have.items() if k != "sid"}:
                c.assert_fact(dict(want))

    # -- calls into durable_rules ------------------------------------------------------

    @contextmanager
    def _engine(self) -> Iterator[None]:
        if self._owner == threading.get_ident():
            raise RuntimeError("a rule's action must not call the DurableAdapter that runs it")
        with self._lock:
            if self._closed:
                raise RuntimeError(f"the adapter {self.name} is closed")
            self._owner = threading.get_ident()
            self._pending = self._handled = self._failure = None
            self._fired, self._changes = [], []
            try:
                yield
                if self._failure is not None:
                    raise self._failure
            finally:
                self._owner = None
                self._pending = None

    def _open(self, case: str, create: bool) -> None:
        if not isinstance(case, str) or not case or any(ch in _UNSAFE for ch in case):
            raise ValueError(
                f"case id {case!r}: a case id is a non-empty string without control "
                "characters, '\"' or '\\' (durable_rules does not escape session ids)"
            )
        if case in self._cases:
            return
        if not create:
            raise KeyError(f"unknown case {case!r}: post its events first")
        if len(self._cases) >= MAX_CASES:
            raise CapacityError(
                f"the adapter holds {MAX_CASES} cases, as many as a durable_rules ruleset "
                "can; forget() closed cases or use another adapter"
            )
        self._cases[case] = None

    def _view(self, case: str) -> CaseView:
        facts = self._host.get_facts(self.name, case)
        state = self._host.get_state(self.name, case)
        rejected = [Rejection(**r) for r in state.get("rejected", ())]
        return view_of(case, facts, rejected, self._order)

    def _outcome(self, case: str, index: int | None, rejection: Rejection | None) -> Outcome:
        changes = sorted(self._changes, key=lambda ch: ch.op != "retracted")
        return Outcome(
            case=case,
            index=index,
            rejection=rejection,
            rules=tuple(self._fired),
            changes=tuple(changes),
            view=self._view(case),
        )

    # -- the public calls --------------------------------------------------------------

    @property
    def policy(self) -> CompiledPolicy:
        return self._policy

    @property
    def cases(self) -> tuple[str, ...]:
        """The cases the adapter holds, sorted."""
        with self._engine():
            return tuple(sorted(self._cases))

    def post(self, case: str, event: Mapping[str, Any]) -> Outcome:
        """Apply one event (as :func:`~complaint_rules.lifecycle.case.status` takes it) to
        ``case``, opening its session on its first event. A refused event is kept with
        its reason (``Outcome.rejection``) and changes nothing else; an accepted one moves
        the case's instant to its ``at`` if later. Raises what the library raises (e.g.
        :class:`~complaint_rules.UnpublishedCalendarError`), leaving the case unchanged."""
        text, data = _as_json(event)
        kind = data.get("event") if isinstance(data, dict) else None
        with self._engine():
            self._open(case, create=True)
            self._pending = _Pending(case, data, text)
            message = {"sid": case, "id": f"m{next(self._messages)}", "t": "event"}
            self._host.post(self.name, {**message, "kind": kind if isinstance(kind, str) else ""})
            if self._handled is None:
                if self._failure is not None:
                    raise self._failure
                raise RuntimeError(f"event {text} was not handled by the ruleset's event rules")
            index, rejection = self._handled
            return self._outcome(case, index, rejection)

    def tick(self, case: str, at: datetime | str) -> Outcome:
        """Move ``case``'s time on to ``at`` (no effect if not later than its instant):
        what falls due by then (a breach, a reminder, an overdue report) is asserted."""
        instant = _instant(at).astimezone(self._policy.tz)
        with self._engine():
            self._open(case, create=False)
            message = {"sid": case, "id": f"m{next(self._messages)}", "t": "tick"}
            self._host.post(
                self.name, {**message, "at": instant.isoformat(), "at_us": micros(instant)}
            )
            return self._outcome(case, None, None)

    def tick_all(self, at: datetime | str) -> tuple[Outcome, ...]:
        """:meth:`tick` every case the adapter holds, in case order (skipping a case
        another thread forgets meanwhile)."""
        out = []
        for case in self.cases:
            try:
                out.append(self.tick(case, at))
            except KeyError:
                continue
        return tuple(out)

    def view(self, case: str) -> CaseView:
        """The case's session: its instant, status facts, refused events, next change."""
        with self._engine():
            self._open(case, create=False)
            return self._view(case)

    def next_change(self, case: str) -> datetime | None:
        """When ``case``'s status next changes without a new event: tick it then."""
        return self.view(case).next_change

    def events(self, case: str) -> tuple[Any, ...]:
        """Every event posted to ``case``, refused ones included, as JSON data."""
        return self._kept(case)[0]

    def _kept(self, case: str) -> tuple[tuple[Any, ...], datetime | None]:
        with self._engine():
            self._open(case, create=False)
            state = self._host.get_state(self.name, case)
            now = self._view(case).at
        return tuple(json.loads(text) for text in state.get("stream", ())), now

    def status(self, case: str, at: datetime | str | None = None) -> CaseStatus:
        """:func:`~complaint_rules.lifecycle.case.status` of the case's events as of ``at``
        (default: the case's instant): the whole status, counters and transitions included."""
        events, now = self._kept(case)
        as_of = at if at is not None else now
        if as_of is None:
            raise ValueError(f"case {case!r} has no instant yet: no event accepted, no tick")
        return lifecycle_status(self._policy, events, as_of, estimate=self._estimate)

    def forget(self, case: str) -> None:
        """Delete ``case``'s session (its events and facts), freeing its place."""
        with self._engine():
            self._open(case, create=False)
            self._host.delete_state(self.name, case)
            del self._cases[case]

    def close(self) -> None:
        """Free the ruleset and every session; the adapter can no longer be used."""
        if self._owner == threading.get_ident():
            raise RuntimeError("a rule's action must not call the DurableAdapter that runs it")
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._cases.clear()
            self._finalizer()

    def __enter__(self) -> DurableAdapter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
