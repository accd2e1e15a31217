"""A case's status at one instant, as plain data.

See :func:`complaint_rules.lifecycle.case.status`.

Every clock, escalation, reminder and owed action names the rule and the article behind
it (``source``); instants are in the policy's time zone; the JSON is the same, byte for
byte, for the same policy, events and instant.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..contract import STATUS
from ..decision.model import DecidedDue, DecidedGap, Named, PolicyRef, Source
from ..messages.catalogue import Lang
from .reasons import reason_text

__all__ = [
    "CaseStatus",
    "ClockState",
    "ClockStatus",
    "DueEscalation",
    "DueReminder",
    "Extended",
    "OwedAction",
    "Rejection",
    "TimeCount",
    "Transition",
]


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


ClockState = Literal["not_started", "running", "paused", "met", "breached", "stopped"]


class TimeCount(_Out):
    """Time a clock has used, or has left.

    ``days`` counts whole days in ``day_unit`` (working or calendar days, as the period is
    counted; the day in progress counts as used); ``wall_seconds`` is elapsed wall-clock
    time with pauses left out. Either is None where it does not apply; ``days`` is also None
    where it runs into a year whose holiday schedule is not published (unless estimated).
    """

    day_unit: Literal["working_days", "calendar_days"] | None
    days: int | None
    wall_seconds: int | None


class Transition(_Out):
    """Something that happened to a clock: an event's operation, or a breach."""

    at: datetime
    op: Literal["start", "pause", "resume", "meet", "stop", "restart", "extend", "breach", "close"]
    event: str | None
    """The event's id (None for a breach, which no event causes)."""
    index: int | None
    """The event's position in the list given (None for a breach)."""
    note: str | None = None


class Extended(_Out):
    """An approved extension step."""

    id: str
    label: str
    at: datetime
    by: Named
    unit: str
    amount: int
    source: Source


class ClockStatus(_Out):
    """One clock at the status instant."""

    id: str
    label: str
    state: ClockState
    deadline: str | None
    """The rule deadline that gives the period (None: the clock's own period)."""
    unit: str | None
    """minutes, hours, calendar_days, working_days, end_of_month or until (an instant)."""
    amount: int | None
    """The period now, extensions included (the latest of a range)."""
    amount_min: int | None
    started_at: datetime | None
    due: DecidedDue | None
    """The last day and the instant from which the clock is late (None while paused, not
    started or unknown); a period in days ends at 24:00 on its last day (民法典 Art. 203)."""
    due_earliest: DecidedDue | None
    """For a range (七至十個工作日), when its lower end is due."""
    paused_since: datetime | None
    breached_at: datetime | None
    """The instant the clock became late (``due.late_from`` of the period missed)."""
    ended_at: datetime | None
    ended_by: str | None
    used: TimeCount | None
    left: TimeCount | None
    extensions: tuple[Extended, ...]
    needs: tuple[str, ...]
    """Facts the case must give before the period is known."""
    estimated: bool
    source: Source
    transitions: tuple[Transition, ...]


class DueEscalation(_Out):
    """An escalation due now: its trigger happened and no ``escalated`` event answered it."""

    id: str
    label: str
    on: str
    """The trigger: ``received``, ``deadline_missed`` or an event id."""
    since: datetime
    """When the trigger happened (for a missed deadline: the instant it became late)."""
    clock: str | None
    by: tuple[Named, ...]
    to: tuple[Named, ...]
    next: str | None
    source: Source


class DueReminder(_Out):
    """A reminder (催辦) due now."""

    id: str
    label: str
    clock: str
    since: datetime
    by: tuple[Named, ...]
    to: tuple[Named, ...]
    source: Source


class OwedAction(_Out):
    """An action or report owed now."""

    id: str
    label: str
    kind: Literal["action", "report"]
    since: datetime
    due: DecidedDue | None
    overdue: bool
    """Whether the status instant is at or after ``due.late_from``."""
    clock: str | None
    by: tuple[Named, ...]
    to: tuple[Named, ...]
    source: Source


class Rejection(_Out):
    """An event that was not applied, and why; the events before it are kept."""

    index: int
    """Its position in the list given."""
    event: str | None
    """Its type as given."""
    at: str | None
    """Its instant as given."""
    reason: str
    """Why, in English (scripts match on it); :meth:`said` says it in another language."""
    code: str | None = None
    """The kind of reason, stable across languages and releases (``case.event.contradicts``,
    ``case.event.unknown_event``, ...); None in a rejection recorded without one."""
    args: dict[str, str] = Field(default_factory=dict)
    """The values the reason is worded with, by name (ids, instants, labels as they are;
    ``wording``: the catalogue's words, where one code has several)."""

    def said(self, lang: Lang) -> str:
        """The reason in ``lang`` (zh-Hant, zh-Hans or en)."""
        return reason_text(self.code, self.args, self.reason, lang)


class CaseStatus(_Out):
    """The whole status of a case under one policy at one instant."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", serialize_by_alias=True, validate_by_name=True
    )

    schema_: Literal["complaint-rules/status/1"] = Field(default=STATUS, alias="schema")
    """The version of this JSON's contract (:data:`complaint_rules.contract.STATUS`),
    written as ``"schema"``, the first key."""
    policy: PolicyRef
    at: datetime
    received_at: datetime | None
    closed_at: datetime | None
    clocks: tuple[ClockStatus, ...]
    escalations: tuple[DueEscalation, ...]
    reminders: tuple[DueReminder, ...]
    owed: tuple[OwedAction, ...]
    gaps: tuple[DecidedGap, ...]
    applied: int
    """How many events were applied."""
    rejected: tuple[Rejection, ...]
    later: int
    """How many events are after ``at`` (not applied: the status is as of ``at``)."""
    next_change: datetime | None
    """The next instant at which, with no new event, a clock's state or due instant, an
    escalation, a reminder or an owed action changes (time counters aside); None if never."""

    def __repr__(self) -> str:
        # One line for a debugger or a log; every field is in model_dump().
        p = self.policy
        return (
            f"<CaseStatus {p.id} version {p.version} sha256:{p.sha256[:12]} "
            f"at {self.at.isoformat()}, {self.applied} events applied>"
        )
