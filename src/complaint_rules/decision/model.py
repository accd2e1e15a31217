"""The decision: what a policy requires for one complaint, as plain data.

Every element names the rule that produced it and the article of the source that rule
encodes. Where the source is blank or silent, the decision says so in ``gaps`` instead
of inventing a value. Decisions serialise to JSON deterministically
(``decision.model_dump_json()``); money is a decimal string, instants are ISO 8601 with
their offset.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from ..calendar.working_days import WorkingCalendar
from ..contract import DECISION
from ..policy.compiled import Source

__all__ = [
    "CalendarHost",
    "DecidedAction",
    "DecidedApproval",
    "DecidedAssignment",
    "DecidedConflict",
    "DecidedDeadline",
    "DecidedDue",
    "DecidedEscalation",
    "DecidedGap",
    "DecidedLevel",
    "DecidedPenalty",
    "DecidedReport",
    "DecidedRetention",
    "DecidedSanction",
    "DecidedTier",
    "Decision",
    "LayerRef",
    "PendingRule",
    "PolicyRef",
    "Source",
    "assemble",
    "calendar_host",
]


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


_M = TypeVar("_M", bound=_Out)


class LayerRef(_Out):
    """One policy file a decision was made with: the base layers first, the policy last."""

    id: str
    version: str
    sha256: str


class CalendarHost(_Out):
    """The calendar's days that came from the host (the policy's ``calendar`` days or
    ``CompiledPolicy.with_calendar``) rather than from the verified table (2004-2026)."""

    years: tuple[int, ...]
    """Known years outside the table: their whole schedule is the host's."""
    days: tuple[str, ...]
    """The days the host gave for those years, and each day of a table year where the
    host's day differs from the table's (ISO dates, in order)."""


def calendar_host(calendar: WorkingCalendar) -> CalendarHost | None:
    """Where ``calendar``'s days came from, if any came from the host."""
    if not calendar.host_years and not calendar.host_days:
        return None
    return CalendarHost(
        years=calendar.host_years, days=tuple(d.isoformat() for d in calendar.host_days)
    )


class PolicyRef(_Out):
    """Which policy decided: ``sha256`` of its file, every layer's, and the calendar's.

    ``calendar`` is the fingerprint of the working days (see ``docs/deadlines.md``);
    ``calendar_host`` says which of them the host gave (``null``: all are the verified
    table's); ``opencc``, the version of OpenCC that matched the policy's words in either
    script (a new version can change which words match)."""

    id: str
    version: str
    sha256: str
    calendar: str
    calendar_host: CalendarHost | None = None
    timezone: str
    opencc: str
    layers: tuple[LayerRef, ...]


class Named(_Out):
    id: str
    label: str


class DecidedLevel(_Out):
    id: str
    label: str
    how: Literal["input", "classified", "default"]
    source: Source | None


class DecidedAssignment(_Out):
    """A duty and its holder; with ``or_roles``, any one of ``role`` and them holds it."""

    duty: str
    role: Named
    or_roles: tuple[Named, ...]
    note: str | None
    source: Source


class DecidedDue(_Out):
    """When something is due (民法典 第二百零三條: a period in days ends at 24:00 on its last
    day). ``last_day`` is the local date of the last day, for a period counted in days,
    months or years (None for minutes, hours or an instant); ``late_from`` the first
    instant that is late: the next day's 00:00 local, the exact end of a period in minutes
    or hours, or an earlier cut-off the policy's source states. Nothing before
    ``late_from`` is late."""

    last_day: date | None
    late_from: datetime


class DecidedDeadline(_Out):
    id: str
    label: str
    status: Literal["running", "needs_fact", "not_started"]
    starts: str
    started_at: datetime | None
    unit: str | None
    amount: int | None
    amount_min: int | None
    due: DecidedDue | None
    due_earliest: DecidedDue | None
    """For a range (七至十個工作日), when its lower end is due."""
    estimated: bool
    overdue_at_decision: bool | None
    """Whether the decision's instant is at or after ``due.late_from``."""
    by: tuple[Named, ...]
    waiting_for: tuple[str, ...]
    note: str | None
    source: Source


class DecidedAction(_Out):
    """Something to do: ``on`` an event (``None``: on receipt), by and to roles (``by_any``,
    ``to_any``: any one of them), by a deadline; ``discretionary`` if the source permits it
    (「可」) rather than requires it."""

    id: str
    label: str
    on: str | None
    by: tuple[Named, ...]
    by_any: bool
    to: tuple[Named, ...]
    to_any: bool
    deadline: str | None
    discretionary: bool
    note: str | None
    source: Source


class DecidedEscalation(_Out):
    id: str
    label: str
    on: str
    deadline: str | None
    by: tuple[Named, ...]
    by_any: bool
    to: tuple[Named, ...]
    to_any: bool
    next: str | None
    discretionary: bool
    note: str | None
    source: Source


class DecidedReport(_Out):
    """A report; ``due`` counted from ``starts`` (``received`` or a datetime fact), which
    until the fact is given is ``waiting_for`` it."""

    id: str
    label: str
    by: tuple[Named, ...]
    by_any: bool
    to: tuple[Named, ...]
    to_any: bool
    frequency: str
    starts: str
    due: DecidedDue | None
    waiting_for: tuple[str, ...]
    discretionary: bool
    note: str | None
    source: Source


class DecidedRetention(_Out):
    """How long records are kept: ``years`` (``at_least``: no fewer). Counted from a datetime
    fact (``counted_from``, e.g. the archive date), ``kept_until`` is the last day they
    must be kept (民法典 第二百零一條/第二百零二條: the same day ``years`` on, or the month's
    last day where it has none); until the fact is given it is ``waiting_for`` it."""

    id: str
    label: str
    keeper: tuple[Named, ...]
    years: int | None
    at_least: bool
    counted_from: str | None
    kept_until: date | None
    waiting_for: tuple[str, ...]
    note: str | None
    source: Source


class DecidedSanction(_Out):
    id: str
    label: str
    status: Literal["applies", "conditional", "not_applicable"]
    condition: str | None


class DecidedPenalty(_Out):
    id: str
    label: str
    finding: Named
    occurrences: int
    roles_involved: tuple[Named, ...]
    subjects: tuple[Named, ...]
    kind: str
    per: str
    headcount: int | None
    """How many persons the amount applies to, each (a fact), for a penalty per person."""
    min_yuan: Decimal | None
    max_yuan: Decimal | None
    total_min_yuan: Decimal | None
    total_max_yuan: Decimal | None
    configured: bool
    waiting_for: tuple[str, ...]
    """Facts the amount or its total needs that the complaint does not give."""
    sanctions: tuple[DecidedSanction, ...]
    note: str | None
    source: Source


class DecidedTier(_Out):
    """One step of an approval chain: a role and the most it may approve (``configured``
    false where the source leaves it blank and the institution has not set it). For a limit
    over a period (每日), ``earlier_total`` names the fact of what the role has already
    approved, and ``total_yuan`` is the amount plus it, the sum compared with the limit."""

    role: Named
    limit_yuan: Decimal | None
    configured: bool
    earlier_total: str | None
    total_yuan: Decimal | None


class DecidedApproval(_Out):
    """Who may approve the amount: the chain (``tiers``, then ``above``) and the approver."""

    id: str
    label: str
    amount_yuan: Decimal | None
    tiers: tuple[DecidedTier, ...]
    above: tuple[Named, ...]
    approver: tuple[Named, ...]
    configured: bool
    waiting_for: tuple[str, ...]
    note: str | None
    source: Source


class DecidedGap(_Out):
    about: str
    text: str
    source: Source


class DecidedConflict(_Out):
    """Assignments of one duty, by rules that apply together, to roles the policy declares
    cannot hold it together (its ``conflicts``): each with its own article. ``source`` is
    the declaration (its id, article and layer)."""

    id: str
    duty: str
    text: str
    assignments: tuple[DecidedAssignment, ...]
    source: Source


class PendingRule(_Out):
    """A rule that may apply: its condition depends on facts the complaint did not give."""

    source: Source
    needs: tuple[str, ...]


class Decision(_Out):
    """The complete decision for one complaint under one policy at one instant."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", serialize_by_alias=True, validate_by_name=True
    )

    schema_: Literal["complaint-rules/decision/1"] = Field(default=DECISION, alias="schema")
    """The version of this JSON's contract (:data:`complaint_rules.contract.DECISION`),
    written as ``"schema"``, the first key."""
    policy: PolicyRef
    received_at: datetime
    decided_at: datetime
    channel: Named
    category: Named
    level: DecidedLevel | None
    findings: tuple[Named, ...]
    matched_rules: tuple[Source, ...]
    routing: tuple[DecidedAssignment, ...]
    deadlines: tuple[DecidedDeadline, ...]
    actions: tuple[DecidedAction, ...]
    escalations: tuple[DecidedEscalation, ...]
    reports: tuple[DecidedReport, ...]
    retention: tuple[DecidedRetention, ...]
    penalties: tuple[DecidedPenalty, ...]
    approvals: tuple[DecidedApproval, ...]
    gaps: tuple[DecidedGap, ...]
    conflicts: tuple[DecidedConflict, ...]
    pending_rules: tuple[PendingRule, ...]
    carried: dict[str, JsonValue] = {}
    """The complaint's personal fields the host asked to carry (``decide(..., carry=)``),
    verbatim; empty unless asked: a decision holds no personal data of its own accord."""

    def __repr__(self) -> str:
        # One line for a debugger or a log; every field is in model_dump().
        p = self.policy
        return (
            f"<Decision {p.id} version {p.version} sha256:{p.sha256[:12]} "
            f"received_at {self.received_at.isoformat()}>"
        )


_setattr = object.__setattr__
_new = object.__new__  # what a model's __new__ is, without looking it up through the class
# BaseModel's own slots, set through their descriptors (what object.__setattr__ would do,
# without looking the name up each time).
_set_fields = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__
_FIELD_NAMES: dict[type[BaseModel], frozenset[str]] = {
    cls: frozenset(cls.model_fields)
    for cls in (
        CalendarHost,
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
    )
}


def assemble(cls: type[_M], values: dict[str, Any]) -> _M:
    """A decision part from values the engine has already made of the right types.

    What :meth:`~pydantic.BaseModel.model_construct` does, minus its per-field work:
    ``values`` must give every field, in the model's order (pydantic writes JSON in
    the order of ``__dict__``). Only the engine calls it, with values built from a
    validated policy; the test suite checks that every decision it makes equals the
    same decision validated by pydantic.
    """
    part = _new(cls)
    _setattr(part, "__dict__", values)
    _set_fields(part, set(_FIELD_NAMES[cls]))
    _set_extra(part, None)
    _set_private(part, None)
    return part
