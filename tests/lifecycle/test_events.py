"""Reading one case event: its type resolved to an id, its instant checked, its data by
type; a malformed event refused with a reason that says what to write."""

from __future__ import annotations

from typing import Any

import pytest

from complaint_rules.lifecycle.events import EVENT_DATA, Event, EventFormatError, parse_event
from complaint_rules.policy.model import BUILTIN_EVENTS
from tests.support.lifecycle_policy import POLICY, at

AT = "2026-10-09T10:00:00+08:00"


def test_the_policys_event_by_its_label_with_the_role_by_its_label() -> None:
    raw = {"event": "回復", "at": AT, "by": "負責人", "id": "E-1", "note": "電話回復"}
    assert parse_event(POLICY, raw, 3) == Event(
        index=3, kind="replied", at=at(10, 9, 10), by="head", data={}, raw=raw
    )


def test_built_in_events_keep_their_own_data_only() -> None:
    assert set(EVENT_DATA) | {"closed"} == set(BUILTIN_EVENTS)
    complaint = {"channel": "counter", "category": "service"}
    received = parse_event(POLICY, {"event": "received", "at": AT, "complaint": complaint}, 0)
    assert (received.kind, received.data) == ("received", {"complaint": complaint})
    updated = parse_event(POLICY, {"event": "updated", "at": AT, "facts": {"vip": True}}, 1)
    assert updated.data == {"facts": {"vip": True}}
    done = parse_event(POLICY, {"event": "done", "at": AT, "duty": "follow_up", "by": None}, 2)
    assert (done.data, done.by) == ({"duty": "follow_up"}, None)
    closed = parse_event(POLICY, {"event": "closed", "at": at(10, 9, 10)}, 4)
    assert (closed.kind, closed.at, closed.data) == ("closed", at(10, 9, 10), {})


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (["closed"], "an event is a JSON object, got list"),
        ({"at": AT}, "missing 'event': what happened"),
        ({"event": "", "at": AT}, "'event' must name the event (text)"),
        ({"event": 3, "at": AT}, "'event' must name the event (text)"),
        (
            {"event": "zzz", "at": AT},
            "unknown event 'zzz'; allowed: received, updated, escalated, reminded, done, "
            "closed, replied, hold, unhold, extended, reopened, checked",
        ),
        (
            {"event": "clossed", "at": AT},
            "unknown event 'clossed'; allowed: received, updated, escalated, reminded, done, "
            "closed, replied, hold, unhold, extended, reopened, checked; did you mean 'closed'?",
        ),
        ({"event": "hold"}, "missing 'at': when it happened (ISO 8601 with offset)"),
        (
            {"event": "hold", "at": "2026-10-09T10:00:00"},
            "at has no UTC offset; give one, e.g. 2026-10-09T10:00:00+08:00",
        ),
        (
            {"event": "closed", "at": AT, "notes": 1},
            "unknown field 'notes' for a 'closed' event; allowed: event, at, by, id, note; "
            "did you mean 'note'?",
        ),
        (
            {"event": "hold", "at": AT, "facts": {}},
            "unknown field 'facts' for a 'hold' event; allowed: event, at, by, id, note",
        ),
        (
            {"event": "hold", "at": AT, "by": "boss"},
            "by: unknown role 'boss'; allowed: desk (櫃面), head (負責人)",
        ),
        (
            {"event": "hold", "at": AT, "by": 5},
            "by: unknown role '5'; allowed: desk (櫃面), head (負責人)",
        ),
        (
            {"event": "received", "at": AT},
            "a 'received' event carries the complaint: 'complaint': {...}",
        ),
        (
            {"event": "received", "at": AT, "complaint": []},
            "a 'received' event carries the complaint: 'complaint': {...}",
        ),
        ({"event": "updated", "at": AT}, "an 'updated' event carries 'facts' and/or 'findings'"),
        ({"event": "updated", "at": AT, "facts": []}, "'facts' is an object: fact id to value"),
        ({"event": "updated", "at": AT, "findings": {}}, "'findings' is a list of findings"),
        (
            {"event": "escalated", "at": AT},
            "an 'escalated' event names the escalation (its id): 'escalation': '...'",
        ),
        (
            {"event": "reminded", "at": AT, "reminder": ["urge"]},
            "a 'reminded' event names the reminder (its id): 'reminder': '...'",
        ),
        (
            {"event": "done", "at": AT, "duty": 1},
            "a 'done' event names the duty (its id): 'duty': '...'",
        ),
    ],
)
def test_a_malformed_event_is_refused_with_what_to_write(raw: Any, reason: str) -> None:
    with pytest.raises(EventFormatError) as info:
        parse_event(POLICY, raw, 0)
    assert str(info.value) == reason
