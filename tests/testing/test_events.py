"""Case histories drawn from a policy's lifecycle: every event accepted, or invalid ones
slipped in, each marked with why and each rejected."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

from complaint_rules import Catalog
from complaint_rules.lifecycle.case import Case, status
from complaint_rules.testing._events import _INVALID
from complaint_rules.testing.strategies import event_sequences
from tests.support.lifecycle_policy import POLICY, last_instant
from tests.support.reasons import every_reason_said

# Every reason an event is rejected with here is worded in each language.
pytestmark = pytest.mark.usefixtures(every_reason_said.__name__)


@settings(max_examples=25)
@given(event_sequences(POLICY, max_events=4))
def test_a_valid_history_starts_with_receipt_and_every_event_is_accepted(
    events: list[dict[str, Any]],
) -> None:
    assert 1 <= len(events) <= 4
    assert events[0]["event"] == "received" and set(events[0]) == {"event", "at", "complaint"}
    Case(POLICY, events)  # raises if an event is refused
    assert not any(str(e.get("id", "")).startswith("invalid:") for e in events)


@pytest.mark.parametrize("why", _INVALID)
def test_each_kind_of_invalid_event_is_drawn_marked_and_rejected(why: str) -> None:
    marked = f"invalid:{why}"
    events = find(
        event_sequences(POLICY, invalid=True, max_events=4),
        lambda evs: any(e.get("id") == marked for e in evs),
        settings=settings(max_examples=2000, database=None),
    )
    bad = [i for i, e in enumerate(events) if e.get("id") == marked]
    result = status(POLICY, events, last_instant(events) + timedelta(days=2))
    assert set(bad) <= {r.index for r in result.rejected}


def test_the_complaint_of_the_receipt_can_be_drawn_otherwise() -> None:
    complaint = {"channel": "櫃面投訴", "category": "服務", "received_at": "ignored"}
    events = find(event_sequences(POLICY, complaints=st.just(complaint)), lambda e: True)
    assert events[0]["complaint"] == {"channel": "櫃面投訴", "category": "服務"}


def test_an_abstract_policy_has_no_case(catalog: Catalog) -> None:
    with pytest.raises(
        ValueError,
        match=r"^policy 'cn_banking_baseline' is abstract: a case runs under a policy extending",
    ):
        event_sequences(catalog.load("cn_banking_baseline"))
