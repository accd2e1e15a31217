"""A case's status as plain text for people: one line per clock, escalation, reminder,
owed action, gap and rejected event, each with the rule and article behind it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from ..decision.model import DecidedDue, Named, Source
from ..decision.render import due_text
from .status import CaseStatus, ClockStatus, TimeCount

__all__ = ["status_text"]


def _at(instant: datetime | None) -> str:
    return "—" if instant is None else instant.isoformat(sep=" ")


def _due(due: DecidedDue | None) -> str:
    return "—" if due is None else due_text(due)


def _src(source: Source) -> str:
    layer = f", {source.policy}" if source.policy else ""
    return f"[{source.rule} {source.article}{layer}]"


def _roles(roles: Iterable[Named]) -> str:
    return ", ".join(f"{r.label} ({r.id})" for r in roles) or "—"


def _count(count: TimeCount | None) -> str:
    if count is None:
        return "—"
    parts = []
    if count.days is not None and count.day_unit is not None:
        parts.append(f"{count.days} {count.day_unit.replace('_', ' ')}")
    if count.wall_seconds is not None:
        hours, rest = divmod(count.wall_seconds, 3600)
        parts.append(f"{hours}h{rest // 60:02d}m wall time")
    return " / ".join(parts) or "—"


def _clock(clock: ClockStatus) -> list[str]:
    period = "—"
    if clock.unit == "until":
        period = "until " + ", ".join(clock.needs) if clock.due is None else "until an instant"
    elif clock.unit is not None:
        low = f"{clock.amount_min}-" if clock.amount_min is not None else ""
        period = f"{low}{clock.amount} {clock.unit.replace('_', ' ')}"
    lines = [f"clock {clock.id} {clock.label} {_src(clock.source)}"]
    state = f"  {clock.state}; period {period}; due {_due(clock.due)}"
    if clock.due_earliest is not None:
        state += f" (earliest {_due(clock.due_earliest)})"
    lines.append(state)
    if clock.needs and clock.unit != "until":
        lines.append("  needs facts: " + ", ".join(clock.needs))
    if clock.paused_since is not None:
        lines.append(f"  paused since {_at(clock.paused_since)}")
    if clock.breached_at is not None:
        lines.append(f"  breached: late from {_at(clock.breached_at)}")
    if clock.ended_at is not None:
        lines.append(f"  ended {_at(clock.ended_at)} by {clock.ended_by}")
    lines.append(f"  used {_count(clock.used)}; left {_count(clock.left)}")
    for step in clock.extensions:
        lines.append(
            f"  extended {_at(step.at)} to {step.amount} {step.unit.replace('_', ' ')} "
            f"({step.id}) by {step.by.label} ({step.by.id}) {_src(step.source)}"
        )
    return lines


def status_text(status: CaseStatus) -> str:
    """``status`` as lines of text (instants in the policy's time zone)."""
    rejected = f", {len(status.rejected)} rejected" if status.rejected else ""
    later = f", {status.later} later" if status.later else ""
    lines = [
        f"as of {_at(status.at)}: {status.policy.id} {status.policy.version} "
        f"({status.applied} events applied{rejected}{later})"
    ]
    if status.closed_at is not None:
        lines.append(f"closed {_at(status.closed_at)}")
    for clock in status.clocks:
        lines += _clock(clock)
    for esc in status.escalations:
        lines.append(
            f"escalation due: {esc.id} {esc.label} -> {_roles(esc.to)}; since {_at(esc.since)} "
            f"(on {esc.on}) {_src(esc.source)}"
        )
    for rem in status.reminders:
        lines.append(
            f"reminder due: {rem.id} {rem.label} -> {_roles(rem.to)}; since {_at(rem.since)} "
            f"{_src(rem.source)}"
        )
    for owed in status.owed:
        due = ""
        if owed.due is not None:
            due = f"; due {_due(owed.due)}" + (" OVERDUE" if owed.overdue else "")
        to = f" -> {_roles(owed.to)}" if owed.to else ""
        lines.append(
            f"owed {owed.kind}: {owed.id} {owed.label} by {_roles(owed.by)}{to}; since "
            f"{_at(owed.since)}{due} {_src(owed.source)}"
        )
    for gap in status.gaps:
        lines.append(f"gap ({gap.about}): {gap.text} {_src(gap.source)}")
    for rejection in status.rejected:
        lines.append(
            f"rejected event {rejection.index} ({rejection.event} at {rejection.at}): "
            f"{rejection.reason}"
        )
    lines.append(f"next change: {_at(status.next_change)}")
    return "\n".join(lines) + "\n"
