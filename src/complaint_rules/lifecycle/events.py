"""Case events as a host records them: a mapping (or JSON object) per event, checked.

Every event has ``event`` (its type: one of the built-in events or an event the policy
declares in ``vocabulary.events``, by id, label or alias) and ``at`` (ISO 8601 with a UTC
offset, or an aware datetime). ``by`` names the role that acted; ``id`` and ``note`` are
the host's and are kept as given. The built-in events carry their own data:

- ``received``: ``complaint``, the complaint (its fields as :func:`decide` takes them;
  ``received_at`` is the event's ``at``);
- ``updated``: ``facts`` (fact id to value) and/or ``findings`` (as in a complaint);
- ``escalated``: ``escalation``, the id of the escalation done;
- ``reminded``: ``reminder``, the id of the reminder sent;
- ``done``: ``duty``, the id of the owed action or report done;
- ``closed``: nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..decision.complaint import parse_datetime, problem_of
from ..decision.json_input import safe_name
from ..policy.compiled import CompiledPolicy
from ..policy.model import BUILTIN_EVENTS
from .reasons import Reason

__all__ = ["EVENT_DATA", "Event", "parse_event"]

_COMMON = ("event", "at", "by", "id", "note")
EVENT_DATA: dict[str, tuple[str, ...]] = {
    "received": ("complaint",),
    "updated": ("facts", "findings"),
    "escalated": ("escalation",),
    "reminded": ("reminder",),
    "done": ("duty",),
}
"""The data keys each built-in event takes, besides ``event``, ``at``, ``by``, ``id``, ``note``."""


@dataclass(frozen=True, slots=True)
class Event:
    """One case event, its type resolved to an id and its instant checked."""

    index: int
    kind: str
    at: datetime
    by: str | None
    data: Mapping[str, Any]
    raw: Mapping[str, Any]


class EventFormatError(Reason, ValueError):
    """An event that cannot be read; its message is the reason (in English), its
    ``problem`` the reason's code and values (:mod:`complaint_rules.lifecycle.reasons`)."""


def _kind(policy: CompiledPolicy, name: Any) -> str:
    if not isinstance(name, str) or not name:
        raise EventFormatError("case.event.event_not_text")
    if name in BUILTIN_EVENTS:
        return name
    term = policy.events.find(name)
    if term is not None:
        return term.id
    allowed = [*BUILTIN_EVENTS, *policy.events.terms]
    match = difflib.get_close_matches(name, allowed, n=1)
    shown = safe_name(name)
    values = {"shown": " " + shown if shown else "", "allowed": ", ".join(allowed)}
    if match:
        raise EventFormatError(
            "case.event.unknown_event",
            wording="case.event.unknown_event.nearest",
            args={**values, "nearest": repr(match[0])},
        )
    raise EventFormatError("case.event.unknown_event", args=values)


def parse_event(policy: CompiledPolicy, raw: Any, index: int) -> Event:
    """Check the shape of one event; raise :class:`EventFormatError` saying what is wrong."""
    if not isinstance(raw, Mapping):
        raise EventFormatError("case.event.not_an_object", type=type(raw).__name__)
    if "event" not in raw:
        raise EventFormatError("case.event.missing_event")
    kind = _kind(policy, raw["event"])
    if "at" not in raw:
        raise EventFormatError("case.event.missing_at")
    try:
        at = parse_datetime(raw["at"], "at")
    except ValueError as exc:
        problem = problem_of(exc, ())
        raise EventFormatError(problem.code or "", problem=problem) from None
    allowed = (*_COMMON, *EVENT_DATA.get(kind, ()))
    for position, key in enumerate(raw, 1):
        if key not in allowed:
            match = difflib.get_close_matches(str(key), allowed, n=1)
            shown = safe_name(key)
            wording = "case.event.unknown_field" + ("" if shown else ".position")
            values: dict[str, object] = {"kind": repr(kind), "allowed": ", ".join(allowed)}
            if shown:
                values["field"] = shown
            else:
                values["position"] = position
            if match:
                wording += ".nearest"
                values["nearest"] = repr(match[0])
            raise EventFormatError("case.event.unknown_field", wording=wording, args=values)
    by = None
    if raw.get("by") is not None:
        name = raw["by"]
        role = policy.roles.find(name) if isinstance(name, str) else None
        if role is None:
            said = policy.roles.unknown_values(str(name))
            wording = "case.event.unknown_role" + (".closest" if "closest" in said else "")
            raise EventFormatError("case.event.unknown_role", wording=wording, args=said)
        by = role.id
    data = {key: raw[key] for key in EVENT_DATA.get(kind, ()) if key in raw}
    if kind == "received" and not isinstance(data.get("complaint"), Mapping):
        raise EventFormatError("case.event.no_complaint")
    if kind == "updated":
        if not data:
            raise EventFormatError("case.event.updated_empty")
        if "facts" in data and not isinstance(data["facts"], Mapping):
            raise EventFormatError("case.event.facts_not_object")
        if "findings" in data and not isinstance(data["findings"], list):
            raise EventFormatError("case.event.findings_not_list")
    for key in ("escalation", "reminder", "duty"):
        if kind in EVENT_DATA and EVENT_DATA[kind] == (key,) and not isinstance(data.get(key), str):
            raise EventFormatError(
                "case.event.names_no_id", wording=f"case.event.names_no_id.{key}"
            )
    return Event(index=index, kind=kind, at=at, by=by, data=data, raw=raw)
