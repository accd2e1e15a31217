"""A case: the status of its events at an instant (``status``, ``next_change``) and the
replay kept open (``Case``): which events are applied, rejected or later than the instant,
and what each caller may pass. The clock operations themselves are in test_replay.py."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaint_rules import Catalog, CompiledPolicy, ComplaintError
from complaint_rules.lifecycle.case import Case, EventRejected, next_change, status
from complaint_rules.lifecycle.status import CaseStatus
from complaint_rules.testing.strategies import event_sequences
from tests.support.lifecycle_policy import (
    POLICY,
    RECEIVED,
    TICK,
    at,
    clock,
    ev,
    last_instant,
    reasons,
)
from tests.support.local_time import due_on

# --- out of order, malformed, later than the instant --------------------------------------------


def test_out_of_order_unknown_and_malformed_events_are_rejected_and_the_rest_kept() -> None:
    events: list[Any] = [
        ev("hold", at(9, 29, 9)),
        RECEIVED,
        ev("hold", at(9, 30, 15)),
        ev("unhold", at(9, 30, 14)),
        {"event": "unhold", "at": "2026-10-09T10:00:00"},
        ev("replyed", at(10, 9, 11)),
        ev("unhold", at(10, 9, 10), note="ok", id="E-7"),
        ev("replied", at(10, 9, 12), by="nobody"),
        ev("received", at(10, 9, 13), complaint={"channel": "counter", "category": "service"}),
        {"event": "replied"},
        ["replied"],
        ev("updated", at(10, 9, 14), facts={"vipp": True}),
        ev("closed", at(10, 9, 15), duty="x"),
    ]
    result = status(POLICY, events, at(10, 12))
    assert reasons(result) == [
        (0, "the case has not been received: the first event must be 'received'"),
        (
            3,
            "out of order: 2026-09-30T14:00:00+08:00 is before the previous event "
            "(hold at 2026-09-30T15:00:00+08:00)",
        ),
        (4, "at has no UTC offset; give one, e.g. 2026-10-09T10:00:00+08:00"),
        (
            5,
            "unknown event 'replyed'; allowed: received, updated, escalated, reminded, done, "
            "closed, replied, hold, unhold, extended, reopened, checked; did you mean 'replied'?",
        ),
        (7, "by: unknown role 'nobody'; allowed: desk (櫃面), head (負責人)"),
        (8, "the case was already received at 2026-09-29T10:00:00+08:00"),
        (9, "missing 'at': when it happened (ISO 8601 with offset)"),
        (10, "an event is a JSON object, got list"),
        (11, "facts.vipp: not a fact of this policy; allowed: vip"),
        (
            12,
            "unknown field 'duty' for a 'closed' event; allowed: event, at, by, id, note",
        ),
    ]
    assert result.applied == 3
    assert clock(result).due == due_on(2026, 10, 14)


def test_events_after_the_instant_asked_about_are_not_applied() -> None:
    events = [RECEIVED, ev("replied", at(10, 9, 9)), ev("hold", at(10, 8, 9))]
    # Which events are accepted is decided on the whole list: the hold, dated before the
    # reply that precedes it, is out of order even as of Oct 8, before the reply.
    early = status(POLICY, events, at(10, 8, 12))
    assert (clock(early).state, early.applied, early.later) == ("running", 1, 1)
    assert reasons(early) == [
        (
            2,
            "out of order: 2026-10-08T09:00:00+08:00 is before the previous event "
            "(replied at 2026-10-09T09:00:00+08:00)",
        )
    ]
    late = status(POLICY, events, at(10, 10))
    assert (clock(late).state, late.applied, late.later) == ("met", 2, 0)
    assert [r.index for r in late.rejected] == [2]


def test_the_instant_asked_about_must_carry_an_offset() -> None:
    with pytest.raises(ComplaintError) as info:
        status(POLICY, [RECEIVED], "2026-10-01T10:00:00")
    assert [str(p) for p in info.value.problems] == [
        "<input>: at: at has no UTC offset; give one, e.g. 2026-10-01T10:00:00+08:00"
    ]


# --- replaying, the Case object -----------------------------------------------------------

HISTORY = [
    RECEIVED,
    ev("hold", at(9, 30, 15)),
    ev("unhold", at(10, 9, 10)),
    ev("extended", at(10, 9, 11), by="head"),
    ev("replied", at(10, 20, 9)),
]


def test_replaying_the_same_events_gives_the_same_bytes() -> None:
    first = status(POLICY, HISTORY, at(10, 21)).model_dump_json()
    again = status(POLICY, json.loads(json.dumps(HISTORY)), "2026-10-20T16:00:00Z")
    assert again.model_dump_json() == first
    assert clock(again).due == due_on(2026, 10, 21)  # 10 days, two paused: Oct 8 and 9 added back


def test_a_case_refuses_a_bad_event_and_keeps_what_it_had() -> None:
    case = Case(POLICY, HISTORY[:3])
    with pytest.raises(EventRejected) as info:
        case.append(ev("extended", at(10, 9, 11), by="desk"))
    assert str(info.value) == (
        "1 problem in case event:\n  <input>: events[3]: role 'desk' has no authority to "
        "approve extension 'ext_10' of clock 'reply'; allowed: head"
    )
    assert info.value.index == 3
    assert case.events == tuple(HISTORY[:3])
    for event in HISTORY[3:]:
        case.append(event)
    assert case.status(at(10, 21)) == status(POLICY, HISTORY, at(10, 21))
    assert case.status(at(10, 9, 12)) == status(POLICY, HISTORY, at(10, 9, 12))
    assert case.next_change(at(10, 9, 12)) == next_change(POLICY, HISTORY, at(10, 9, 12))


def test_a_case_replays_again_for_an_instant_before_its_last_event() -> None:
    case = Case(POLICY, HISTORY)
    assert case.policy is POLICY
    # Before the reply of Oct 20 the clock still runs: 10 working days from Sep 29, Oct 8
    # and 9 (paused) added back: due Oct 21.
    before = case.status(at(10, 20, 8))
    assert (clock(before).state, clock(before).due, before.later) == (
        "running",
        due_on(2026, 10, 21),
        1,
    )
    assert before == status(POLICY, HISTORY, at(10, 20, 8))
    after = case.status("2026-10-20T09:00:00+08:00")
    assert (clock(after).state, after.later, after.applied) == ("met", 0, 5)
    # As of Oct 20 08:00 (the reply of 09:00 not yet made) the next change is the reminder,
    # due from the start of the last working day (Oct 21 00:00), before the due instant.
    assert case.next_change(at(10, 20, 8)) == at(10, 21)
    assert case.next_change(at(10, 21)) is None


def test_a_case_shows_its_policy_and_events(keyouqianqi: CompiledPolicy) -> None:
    events = [
        {
            "event": "received",
            "at": "2026-09-30T10:00:00+08:00",
            "complaint": {"channel": "letter", "category": "work_error"},
        }
    ]
    case = Case(keyouqianqi, events)
    assert repr(case) == (
        f"<Case keyouqianqi_credit_union version {keyouqianqi.version} "
        f"sha256:{keyouqianqi.sha256[:12]}, 1 events>"
    )


# --- what a caller may pass ---------------------------------------------------------------------


def test_an_abstract_policy_runs_no_case(catalog: Catalog) -> None:
    baseline = catalog.load("cn_banking_baseline")
    message = (
        "<input>: policy 'cn_banking_baseline' is abstract: it is a base for other policies "
        "to extend; a case runs under a policy that extends it"
    )
    with pytest.raises(ComplaintError) as info:
        status(baseline, [], at(10, 1))
    assert [str(p) for p in info.value.problems] == [message]
    with pytest.raises(ComplaintError) as info:
        Case(baseline)
    assert [str(p) for p in info.value.problems] == [message]


def test_the_policy_must_be_compiled() -> None:
    with pytest.raises(TypeError, match=r"^policy must be a CompiledPolicy, not str$"):
        status("lifecycle_test", [RECEIVED], at(10, 1))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^policy must be a CompiledPolicy, not Policy$"):
        Case(POLICY.policy)  # type: ignore[arg-type]


def test_before_receipt_nothing_runs_and_nothing_is_due() -> None:
    result = status(POLICY, [RECEIVED], at(9, 28))
    assert (result.received_at, result.applied, result.later, result.clocks) == (None, 0, 1, ())
    assert (result.escalations, result.reminders, result.owed, result.next_change) == (
        (),
        (),
        (),
        None,
    )
    assert status(POLICY, [], at(9, 28)).model_dump(exclude={"later"}) == result.model_dump(
        exclude={"later"}
    )


def test_a_rejected_events_instant_is_shown_as_given() -> None:
    # An instant given as a datetime object (not text) is shown in ISO form.
    bad = {"event": "nothing_known", "at": at(10, 1, 9)}
    result = status(POLICY, [RECEIVED, bad, {"event": "hold", "at": None}], at(10, 2))
    assert [(r.index, r.event, r.at) for r in result.rejected] == [
        (1, "nothing_known", "2026-10-01T09:00:00+08:00"),
        (2, "hold", None),
    ]


# --- properties over every bundled policy ----------------------------------------------------

BUNDLED = ["keyouqianqi_credit_union", "shihua_credit_coop", "bocom", "hotel", "xx_bank"]
FEWER = settings(max_examples=max(5, settings().max_examples // 5))
"""A fifth of the profile's examples per policy: each example replays a case many times."""


def signature(result: CaseStatus) -> dict[str, Any]:
    """The status without the instant and the running counters (which change continuously)."""
    dumped = result.model_dump(mode="json", exclude={"at", "next_change"})
    for item in dumped["clocks"]:
        del item["used"], item["left"]
    return dumped


def without_indices(result: CaseStatus) -> dict[str, Any]:
    dumped = result.model_dump(mode="json", exclude={"rejected", "applied"})
    for item in dumped["clocks"]:
        for transition in item["transitions"]:
            del transition["index"]
    return dumped


@pytest.mark.parametrize("policy_id", BUNDLED)
def test_the_status_changes_exactly_at_next_change_and_not_before(
    catalog: Catalog, policy_id: str
) -> None:
    policy = catalog.load(policy_id)

    @FEWER
    @given(event_sequences(policy), st.integers(min_value=0, max_value=24 * 20))
    def check(events: list[dict[str, Any]], hours: int) -> None:
        now = last_instant(events) + timedelta(hours=hours)
        result = status(policy, events, now)
        assert result.rejected == ()
        change = result.next_change
        if change is None:
            assert signature(status(policy, events, now + timedelta(days=45))) == signature(result)
            return
        assert change > now
        assert signature(status(policy, events, change - TICK)) == signature(result)
        assert signature(status(policy, events, change)) != signature(result)

    check()


@pytest.mark.parametrize("policy_id", BUNDLED)
def test_rejected_events_are_exactly_the_bad_ones_and_lose_nothing_before_or_after(
    catalog: Catalog, policy_id: str
) -> None:
    policy = catalog.load(policy_id)

    @FEWER
    @given(event_sequences(policy, invalid=True))
    def check(events: list[dict[str, Any]]) -> None:
        now = last_instant(events) + timedelta(days=2)
        result = status(policy, events, now)
        bad = [i for i, e in enumerate(events) if str(e.get("id", "")).startswith("invalid:")]
        assert [r.index for r in result.rejected] == bad
        good = [e for i, e in enumerate(events) if i not in bad]
        assert without_indices(result) == without_indices(status(policy, good, now))
        case = Case(policy)
        for event in events:
            try:
                case.append(event)
            except EventRejected:
                continue
        assert list(case.events) == good
        assert case.status(now).model_dump_json() == status(policy, good, now).model_dump_json()
        assert status(policy, events, now).model_dump_json() == result.model_dump_json()

    check()
