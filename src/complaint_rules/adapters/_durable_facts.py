"""A case's status as durable_rules facts, and the view a host reads back from them.

Pure: no durable_rules here. Each fact is a JSON object with ``t`` (its type) and ``id``
(unique in the case's session): one per clock (``clock:<id>``), due escalation
(``escalation:<id>``), due reminder (``reminder:<id>``) and owed action or report
(``owed:<id>``), the case's instant (``now``) and its next change (``timer``). The running
counters (time used and left) and the positions in the status's lists are left out: a
fact changes only when its item does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ..lifecycle.status import CaseStatus, Rejection

__all__ = [
    "CaseView",
    "ClockFact",
    "EscalationFact",
    "OwedFact",
    "ReminderFact",
    "facts_of",
    "instant_fact",
    "micros",
    "view_of",
]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ORDER = ("clock", "escalation", "reminder", "owed")


def micros(instant: datetime) -> int:
    """Microseconds since 1970-01-01 UTC: what durable_rules compares (exact below 2**53)."""
    return (instant - _EPOCH) // timedelta(microseconds=1)


def _iso(instant: datetime | None) -> str | None:
    return None if instant is None else instant.isoformat()


def _dt(text: Any) -> datetime | None:
    return None if text is None else datetime.fromisoformat(str(text))


def _day(text: Any) -> date | None:
    return None if text is None else date.fromisoformat(str(text))


def instant_fact(kind: str, instant: datetime) -> dict[str, Any]:
    """The ``now`` or ``timer`` fact for ``instant``."""
    return {"t": kind, "id": kind, "at": instant.isoformat(), "at_us": micros(instant)}


@dataclass(frozen=True, slots=True)
class ClockFact:
    """A clock: its state, its last day (for a period in days) and the instant from which
    it is late (``breached_at``: when it became late)."""

    clock: str
    state: str
    last_day: date | None
    late_from: datetime | None
    breached_at: datetime | None
    unit: str | None
    amount: int | None
    deadline: str | None
    article: str


@dataclass(frozen=True, slots=True)
class EscalationFact:
    """An escalation due now, since its trigger, to the roles ``to``."""

    escalation: str
    label: str
    on: str
    since: datetime
    clock: str | None
    to: tuple[str, ...]
    article: str


@dataclass(frozen=True, slots=True)
class ReminderFact:
    """A reminder (催辦) due now."""

    reminder: str
    label: str
    clock: str
    since: datetime
    to: tuple[str, ...]
    article: str


@dataclass(frozen=True, slots=True)
class OwedFact:
    """An action or report owed now; ``overdue`` from ``late_from`` on."""

    duty: str
    label: str
    kind: str
    since: datetime
    last_day: date | None
    late_from: datetime | None
    overdue: bool
    by: tuple[str, ...]
    to: tuple[str, ...]
    article: str


@dataclass(frozen=True, slots=True)
class CaseView:
    """What a case's session holds: its instant, the status items as facts, the events
    refused so far (from the session state) and the next instant the status changes."""

    case: str
    at: datetime | None
    clocks: tuple[ClockFact, ...]
    escalations: tuple[EscalationFact, ...]
    reminders: tuple[ReminderFact, ...]
    owed: tuple[OwedFact, ...]
    rejected: tuple[Rejection, ...]
    next_change: datetime | None

    @classmethod
    def from_status(cls, case: str, status: CaseStatus) -> CaseView:
        """The view the adapter holds when its case has ``status``."""
        return view_of(case, facts_of(status).values(), status.rejected)


def facts_of(status: CaseStatus) -> dict[str, dict[str, Any]]:
    """The facts of ``status``, by fact id, in the status's order. A fact holds no
    position: an item's fact changes only when the item does."""
    out: dict[str, dict[str, Any]] = {}

    def put(kind: str, name: str, order: int, body: dict[str, Any]) -> None:
        fact_id = f"{kind}:{name}"
        if fact_id in out:  # the same id twice in one list: keep both, apart
            fact_id = f"{fact_id}#{order}"
        out[fact_id] = {"t": kind, "id": fact_id, kind: name, **body}

    for i, c in enumerate(status.clocks):
        put(
            "clock",
            c.id,
            i,
            {
                "state": c.state,
                "last_day": None
                if c.due is None or c.due.last_day is None
                else c.due.last_day.isoformat(),
                "late_from": None if c.due is None else _iso(c.due.late_from),
                "breached_at": _iso(c.breached_at),
                "unit": c.unit,
                "amount": c.amount,
                "deadline": c.deadline,
                "article": c.source.article,
            },
        )
    for i, e in enumerate(status.escalations):
        put(
            "escalation",
            e.id,
            i,
            {
                "label": e.label,
                "on": e.on,
                "since": _iso(e.since),
                "clock": e.clock,
                "to": [r.id for r in e.to],
                "article": e.source.article,
            },
        )
    for i, r in enumerate(status.reminders):
        put(
            "reminder",
            r.id,
            i,
            {
                "label": r.label,
                "clock": r.clock,
                "since": _iso(r.since),
                "to": [x.id for x in r.to],
                "article": r.source.article,
            },
        )
    for i, o in enumerate(status.owed):
        put(
            "owed",
            o.id,
            i,
            {
                "label": o.label,
                "kind": o.kind,
                "since": _iso(o.since),
                "last_day": None
                if o.due is None or o.due.last_day is None
                else o.due.last_day.isoformat(),
                "late_from": None if o.due is None else _iso(o.due.late_from),
                "overdue": o.overdue,
                "by": [x.id for x in o.by],
                "to": [x.id for x in o.to],
                "article": o.source.article,
            },
        )
    out["now"] = instant_fact("now", status.at)
    if status.next_change is not None:
        out["timer"] = instant_fact("timer", status.next_change)
    return out


def view_of(
    case: str,
    facts: Iterable[Mapping[str, Any]],
    rejected: Iterable[Rejection],
    order: Mapping[str, int] | None = None,
) -> CaseView:
    """The view of a session's facts and its refused events; items are sorted by
    ``order`` (their item's rank, by ``"<type>:<id>"``) or else kept in the order given."""
    by_type: dict[str, list[Mapping[str, Any]]] = {kind: [] for kind in _ORDER}
    now = timer = None
    for fact in facts:
        kind = fact.get("t")
        if kind in by_type:
            by_type[kind].append(fact)
        elif kind == "now":
            now = _dt(fact["at"])
        elif kind == "timer":
            timer = _dt(fact["at"])
    if order is not None:
        rank = order
        for items in by_type.values():
            items.sort(key=lambda f: (rank.get(f"{f['t']}:{f[f['t']]}", len(rank)), f["id"]))
    return CaseView(
        case=case,
        at=now,
        clocks=tuple(
            ClockFact(
                clock=f["clock"],
                state=f["state"],
                last_day=_day(f["last_day"]),
                late_from=_dt(f["late_from"]),
                breached_at=_dt(f["breached_at"]),
                unit=f["unit"],
                amount=f["amount"],
                deadline=f["deadline"],
                article=f["article"],
            )
            for f in by_type["clock"]
        ),
        escalations=tuple(
            EscalationFact(
                escalation=f["escalation"],
                label=f["label"],
                on=f["on"],
                since=_since(f),
                clock=f["clock"],
                to=tuple(f["to"]),
                article=f["article"],
            )
            for f in by_type["escalation"]
        ),
        reminders=tuple(
            ReminderFact(
                reminder=f["reminder"],
                label=f["label"],
                clock=f["clock"],
                since=_since(f),
                to=tuple(f["to"]),
                article=f["article"],
            )
            for f in by_type["reminder"]
        ),
        owed=tuple(
            OwedFact(
                duty=f["owed"],
                label=f["label"],
                kind=f["kind"],
                since=_since(f),
                last_day=_day(f["last_day"]),
                late_from=_dt(f["late_from"]),
                overdue=bool(f["overdue"]),
                by=tuple(f["by"]),
                to=tuple(f["to"]),
                article=f["article"],
            )
            for f in by_type["owed"]
        ),
        rejected=tuple(sorted(rejected, key=lambda r: r.index)),
        next_change=timer,
    )


def _since(fact: Mapping[str, Any]) -> datetime:
    since = _dt(fact["since"])
    assert since is not None
    return since
