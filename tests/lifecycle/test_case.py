"""A case's life with a small test policy: each clock operation, rejections, next_change.

Every expected instant is worked out by hand from China's official 2026 schedule
(National Day Oct 1-7 off, Sat Oct 10 a make-up workday; Mid-Autumn Sep 25-27 off).
The test policy's reply clock runs 5 working days: received Tue Sep 29 it counts Sep 30
(1), Oct 8 (2), Oct 9 (3), Sat Oct 10 (4), Mon Oct 12 (5), due Mon Oct 12 23:59:59.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaint_rules import Catalog, ComplaintError, PolicyError, load_policy_text
from complaint_rules.lifecycle.case import Case, EventRejected, next_change, status
from complaint_rules.lifecycle.status import CaseStatus, ClockStatus
from complaint_rules.testing.strategies import event_sequences
from tests.support.local_time import CST, end_of

POLICY_TEXT = """\
schema: complaint-rules/1
id: lifecycle_test
version: "1"
title: 測試
institution: 測試
source: test
vocabulary:
  roles:
    - {id: desk, label: 櫃面}
    - {id: head, label: 負責人}
  channels: [{id: counter, label: 櫃面投訴}]
  categories: [{id: service, label: 服務}]
  events:
    - {id: replied, label: 回復}
    - {id: hold, label: 暫停}
    - {id: unhold, label: 恢復}
    - {id: extended, label: 延長}
    - {id: reopened, label: 重新受理}
    - {id: checked, label: 核實}
facts:
  - {id: vip, type: bool, default: false, label: 貴賓}
rules:
  - id: reply
    article: 第一條
    deadlines:
      - {id: reply_5wd, label: 回復, within: {working_days: 5}, by: [desk]}
    escalations:
      - id: overdue_to_head
        label: 逾期報告負責人
        on: deadline_missed
        deadline: reply_5wd
        by: [desk]
        to: [head]
    actions:
      - {id: urge, label: 催辦, by: [head]}
      - {id: follow_up, label: 回訪, by: [desk]}
  - id: vip_check
    article: 第二條
    when: {vip: true}
    actions:
      - {id: vip_call, label: 致電貴賓, by: [head]}
lifecycle:
  events:
    - {id: checked, after: [replied], sets: {vip: true}}
  clocks:
    - id: reply
      label: 回復客戶
      article: 第一條
      deadlines: [reply_5wd]
      meets: [replied]
      pauses: [hold]
      resumes: [unhold]
      restarts: [reopened]
      extensions:
        - id: ext_10
          label: 延長至十個工作日
          on: extended
          to: {working_days: 10}
          approvers: [head]
  reminders:
    - {id: urge, article: 第三條, clock: reply, before: {unit: working_days, amount: 1}, to: [desk]}
  duties:
    - {id: follow_up, article: 第四條, after: [replied]}
    - {id: vip_call, article: 第二條}
"""
POLICY = load_policy_text(POLICY_TEXT, file="lifecycle_test.yaml")
RECEIVED = {
    "event": "received",
    "at": "2026-09-29T10:00:00+08:00",
    "complaint": {"channel": "counter", "category": "service"},
}
TICK = timedelta(microseconds=1)


def at(month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, second, tzinfo=CST)


def ev(name: str, when: datetime, **data: Any) -> dict[str, Any]:
    return {"event": name, "at": when.isoformat(), **data}


def clock(result: CaseStatus, clock_id: str = "reply") -> ClockStatus:
    (found,) = [c for c in result.clocks if c.id == clock_id]
    return found


def reasons(result: CaseStatus) -> list[tuple[int, str]]:
    return [(r.index, r.reason) for r in result.rejected]


# --- starting, breaching, escalating ----------------------------------------------------


def test_a_clock_started_at_receipt_runs_to_its_rule_deadline() -> None:
    result = status(POLICY, [RECEIVED], at(10, 9, 12))
    reply = clock(result)
    assert (reply.state, reply.unit, reply.amount, reply.deadline) == (
        "running",
        "working_days",
        5,
        "reply_5wd",
    )
    assert reply.started_at == at(9, 29, 10)
    assert reply.due == end_of(2026, 10, 12)
    # Sep 30, Oct 8 and Oct 9 (the day in progress) are used; Oct 10 and Oct 12 are left.
    assert reply.used is not None and reply.left is not None
    assert (reply.used.day_unit, reply.used.days, reply.left.days) == ("working_days", 3, 2)
    assert reply.used.wall_seconds == (10 * 24 + 2) * 3600
    # From Oct 9 12:00 to Oct 12 23:59:59.
    assert reply.left.wall_seconds == 3 * 86400 + 11 * 3600 + 59 * 60 + 59
    assert reply.source.rule == "reply" and reply.source.article == "第一條"
    assert result.escalations == ()


def test_the_breach_and_its_escalation_come_one_microsecond_after_the_due_instant() -> None:
    due = end_of(2026, 10, 12)
    before = status(POLICY, [RECEIVED], due)
    assert clock(before).state == "running"
    assert before.escalations == ()
    assert before.next_change == due + TICK
    after = status(POLICY, [RECEIVED], due + TICK)
    assert clock(after).state == "breached"
    assert clock(after).breached_at == due
    left = clock(after).left
    assert left is not None and left.days == 0
    ((escalation),) = after.escalations
    assert (escalation.id, escalation.since, escalation.clock) == ("overdue_to_head", due, "reply")
    assert [r.id for r in escalation.to] == ["head"]
    assert escalation.source.rule == "reply"
    # Answered by an escalated event, it is no longer due.
    done = status(
        POLICY, [RECEIVED, ev("escalated", at(10, 13, 9), escalation="overdue_to_head")], at(10, 14)
    )
    assert done.escalations == ()
    assert done.rejected == ()


def test_a_late_reply_ends_a_breached_clock_which_stays_breached() -> None:
    result = status(POLICY, [RECEIVED, ev("replied", at(10, 13, 9))], at(10, 20))
    reply = clock(result)
    assert (reply.state, reply.breached_at, reply.ended_at, reply.ended_by) == (
        "breached",
        end_of(2026, 10, 12),
        at(10, 13, 9),
        "replied",
    )
    assert reply.left is None
    assert [(t.op, t.at, t.event) for t in reply.transitions] == [
        ("start", at(9, 29, 10), "received"),
        ("breach", end_of(2026, 10, 12), None),
        ("meet", at(10, 13, 9), "replied"),
    ]


def test_a_reply_at_the_due_instant_is_on_time() -> None:
    result = status(POLICY, [RECEIVED, ev("replied", end_of(2026, 10, 12))], at(10, 20))
    assert clock(result).state == "met"
    assert clock(result).breached_at is None
    assert result.escalations == ()


# --- pausing ----------------------------------------------------------------------------


def test_a_pause_across_national_day_loses_no_working_day() -> None:
    # Paused Wed Sep 30 15:00 (day 1, counted), resumed Fri Oct 9 10:00 (not counted):
    # 4 days are left after Oct 9: Sat Oct 10 (make-up), Oct 12, Oct 13, Oct 14.
    events = [RECEIVED, ev("hold", at(9, 30, 15)), ev("unhold", at(10, 9, 10))]
    paused = status(POLICY, events[:2], at(10, 5, 12))
    reply = clock(paused)
    assert (reply.state, reply.due, reply.paused_since) == ("paused", None, at(9, 30, 15))
    assert reply.used is not None and reply.used.days == 1
    assert reply.left is not None and (reply.left.days, reply.left.wall_seconds) == (4, None)
    assert paused.next_change is None  # nothing changes while paused
    resumed = clock(status(POLICY, events, at(10, 9, 12)))
    assert (resumed.state, resumed.due) == ("running", end_of(2026, 10, 14))
    assert resumed.used is not None and resumed.used.days == 1
    assert resumed.used.wall_seconds == (24 + 5) * 3600 + 2 * 3600  # Sep 29-30, then Oct 9


@pytest.mark.parametrize(
    ("resumed", "due"),
    [
        # Resumed on the last second of Oct 7 (a holiday): 4 days after it are Oct 8, 9, 10, 12.
        ("2026-10-07T15:59:59Z", end_of(2026, 10, 12)),
        # One second later it is Oct 8 in Shanghai, which is not counted: Oct 9, 10, 12, 13.
        ("2026-10-07T16:00:00Z", end_of(2026, 10, 13)),
    ],
)
def test_a_resumption_at_midnight_is_counted_on_the_shanghai_date(
    resumed: str, due: datetime
) -> None:
    events = [RECEIVED, ev("hold", at(9, 30, 23, 59, 59)), {"event": "unhold", "at": resumed}]
    assert clock(status(POLICY, events, at(10, 8, 9))).due == due


def test_a_pause_with_no_whole_day_left_is_due_at_the_end_of_the_day_it_resumes() -> None:
    # Paused on the last day (Mon Oct 12, day 5); resumed Tue Oct 13: due that day.
    events = [RECEIVED, ev("hold", at(10, 12, 10)), ev("unhold", at(10, 13, 9))]
    assert clock(status(POLICY, events, at(10, 13, 9))).due == end_of(2026, 10, 13)
    # Resumed on a Sunday: due on the next working day.
    sunday = [*events[:2], ev("unhold", at(10, 18, 9))]
    assert clock(status(POLICY, sunday, at(10, 18, 9))).due == end_of(2026, 10, 19)


def test_pausing_twice_and_resuming_a_running_clock_are_rejected() -> None:
    events = [
        RECEIVED,
        ev("hold", at(9, 30, 15)),
        ev("hold", at(10, 8, 9)),
        ev("unhold", at(10, 9, 10)),
        ev("unhold", at(10, 9, 11)),
    ]
    result = status(POLICY, events, at(10, 9, 12))
    assert reasons(result) == [
        (2, "clock 'reply' is already paused (since 2026-09-30T15:00:00+08:00 by hold)"),
        (4, "clock 'reply' is not paused"),
    ]
    assert clock(result).due == end_of(2026, 10, 14)


# --- extending --------------------------------------------------------------------------


def test_an_extension_by_a_role_with_that_authority_gives_the_longer_period() -> None:
    # 10 working days from Sep 29: Sep 30, Oct 8, 9, 10, 12, 13, 14, 15, 16, 19.
    result = status(POLICY, [RECEIVED, ev("extended", at(10, 9, 9), by="負責人")], at(10, 9, 10))
    reply = clock(result)
    assert (reply.amount, reply.due) == (10, end_of(2026, 10, 19))
    ((step),) = reply.extensions
    assert (step.id, step.by.id, step.at, step.unit, step.amount) == (
        "ext_10",
        "head",
        at(10, 9, 9),
        "working_days",
        10,
    )
    assert (step.source.rule, step.source.article) == ("lifecycle", "第一條")


def test_extensions_by_the_wrong_role_past_the_maximum_or_after_the_end_are_rejected() -> None:
    events = [
        RECEIVED,
        ev("extended", at(10, 8, 9), by="desk"),
        ev("extended", at(10, 8, 10)),
        ev("extended", at(10, 9, 9), by="head"),
        ev("extended", at(10, 9, 10), by="head"),
    ]
    result = status(POLICY, events, at(10, 9, 12))
    assert reasons(result) == [
        (
            1,
            "role 'desk' has no authority to approve extension 'ext_10' of clock 'reply'; "
            "allowed: head",
        ),
        (2, "extension 'ext_10' of clock 'reply' needs 'by': the approving role; allowed: head"),
        (
            4,
            "past the maximum: clock 'reply' was already extended to 10 working days (ext_10), "
            "the most 第一條 allows",
        ),
    ]
    assert clock(result).due == end_of(2026, 10, 19)
    late = status(POLICY, [RECEIVED, ev("extended", at(10, 13), by="head")], at(10, 13))
    assert reasons(late) == [
        (
            1,
            "clock 'reply' already ran out at 2026-10-12T23:59:59+08:00; an extension must be "
            "approved before the period ends",
        )
    ]
    met = status(
        POLICY,
        [RECEIVED, ev("replied", at(10, 8)), ev("extended", at(10, 9), by="head")],
        at(10, 9),
    )
    assert reasons(met) == [(2, "clock 'reply' cannot be extended: it is met")]


# --- restarting, reminders, owed actions ---------------------------------------------------


def test_a_restart_counts_the_whole_period_afresh_and_drops_the_extension() -> None:
    events = [
        RECEIVED,
        ev("extended", at(10, 8, 9), by="head"),
        ev("replied", at(10, 9, 9)),
        ev("reopened", at(10, 13, 10)),
    ]
    reply = clock(status(POLICY, events, at(10, 13, 12)))
    # 5 working days after Tue Oct 13: 14, 15, 16, 19, 20.
    assert (reply.state, reply.started_at, reply.amount, reply.due) == (
        "running",
        at(10, 13, 10),
        5,
        end_of(2026, 10, 20),
    )
    assert reply.extensions == ()
    assert [t.op for t in reply.transitions] == ["start", "extend", "meet", "restart"]


def test_a_reminder_is_due_from_the_start_of_the_last_working_day_until_sent() -> None:
    before = status(POLICY, [RECEIVED], at(10, 11, 12))
    assert before.reminders == ()
    assert before.next_change == at(10, 12)
    due = status(POLICY, [RECEIVED], at(10, 12))
    ((reminder),) = due.reminders
    assert (reminder.id, reminder.since, reminder.clock) == ("urge", at(10, 12), "reply")
    assert [r.id for r in reminder.by] == ["head"] and [r.id for r in reminder.to] == ["desk"]
    assert (reminder.source.rule, reminder.source.article) == ("reply", "第三條")
    sent = status(
        POLICY, [RECEIVED, ev("reminded", at(10, 12, 9), reminder="urge")], at(10, 12, 10)
    )
    assert sent.reminders == ()
    assert sent.next_change == end_of(2026, 10, 12) + TICK


def test_actions_are_owed_from_their_event_until_done_and_stay_owed_when_facts_change() -> None:
    events = [RECEIVED, ev("replied", at(10, 9, 9))]
    result = status(POLICY, events, at(10, 9, 10))
    ((follow_up),) = result.owed
    assert (follow_up.id, follow_up.kind, follow_up.since, follow_up.due) == (
        "follow_up",
        "action",
        at(10, 9, 9),
        None,
    )
    assert (follow_up.source.rule, follow_up.source.article) == ("reply", "第四條")
    # An event's facts make another rule apply: its action is owed from then.
    checked = status(POLICY, [*events, ev("checked", at(10, 9, 11))], at(10, 9, 12))
    assert [(o.id, o.since) for o in checked.owed] == [
        ("follow_up", at(10, 9, 9)),
        ("vip_call", at(10, 9, 11)),
    ]
    done = [
        *events,
        ev("done", at(10, 10), duty="follow_up"),
        ev("done", at(10, 10), duty="follow_up"),
    ]
    assert reasons(status(POLICY, done, at(10, 11))) == [
        (3, "duty 'follow_up' is not owed at 2026-10-10T00:00:00+08:00 (none is owed now)")
    ]


def test_an_event_needing_another_first_is_rejected() -> None:
    result = status(POLICY, [RECEIVED, ev("checked", at(10, 1))], at(10, 2))
    assert reasons(result) == [(1, "'checked' needs one of these events first: replied")]


# --- out of order, closed, malformed --------------------------------------------------------


def test_a_reply_after_closure_is_rejected_and_done_may_follow() -> None:
    events = [
        RECEIVED,
        ev("replied", at(10, 9, 9)),
        ev("closed", at(10, 9, 10)),
        ev("replied", at(10, 9, 11)),
        ev("done", at(10, 9, 12), duty="follow_up"),
    ]
    result = status(POLICY, events, at(10, 10))
    assert reasons(result) == [
        (
            3,
            "the case was closed at 2026-10-09T10:00:00+08:00; after closing only escalated, "
            "reminded, done may follow",
        )
    ]
    assert result.closed_at == at(10, 9, 10)
    assert result.owed == ()
    assert (clock(result).state, clock(result).ended_by) == ("met", "replied")


def test_closing_stops_a_running_clock() -> None:
    result = status(POLICY, [RECEIVED, ev("closed", at(10, 1))], at(11, 1))
    reply = clock(result)
    assert (reply.state, reply.ended_at, reply.ended_by) == ("stopped", at(10, 1), "closed")
    assert result.escalations == () and result.next_change is None


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
    assert clock(result).due == end_of(2026, 10, 14)


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
    assert clock(again).due == end_of(2026, 10, 21)  # 10 days, two paused: Oct 8 and 9 added back


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


# --- the policy's lifecycle is checked when it loads ------------------------------------------


def load_problems(text: str) -> list[str]:
    with pytest.raises(PolicyError) as info:
        load_policy_text(text, file="bad.yaml")
    return [str(p) for p in info.value.problems]


def test_a_lifecycle_that_does_not_fit_the_policy_is_refused_with_every_problem_located() -> None:
    bad = (
        POLICY_TEXT.replace(
            "      meets: [replied]\n      pauses: [hold]\n      resumes: [unhold]\n",
            "      meets: [replid]\n      pauses: [hold]\n",
        )
        .replace("approvers: [head]", "approvers: [boss]\n          to2: 1")
        .replace(
            "    - {id: follow_up, article: 第四條, after: [replied]}",
            "    - {id: follow, article: 第四條, after: [replied]}",
        )
    )
    assert load_problems(bad) == [
        "bad.yaml:59: lifecycle.clocks[0].extensions[0].to2: unknown key; allowed: article, "
        "note, id, label, on, to, approvers, sets; did you mean 'to'?"
    ]
    bad = bad.replace("\n          to2: 1", "")
    assert load_problems(bad) == [
        "bad.yaml:50: lifecycle.clocks[0].meets[0]: 'replid' is not an event; allowed: "
        "replied, hold, unhold, extended, reopened, checked; did you mean 'replied'?",
        "bad.yaml:51: lifecycle.clocks[0].pauses: a clock that pauses needs events that "
        "resume it, and the reverse",
        "bad.yaml:58: lifecycle.clocks[0].extensions[0].approvers[0]: role 'boss' is not "
        "declared in vocabulary; allowed: desk, head",
        "bad.yaml:62: lifecycle.duties[0].id: 'follow' is not an action or report of the "
        "rules; allowed: follow_up, urge, vip_call; did you mean 'follow_up'?",
    ]


def test_reserved_event_ids_shorter_extensions_and_bad_fact_settings_are_refused() -> None:
    bad = (
        POLICY_TEXT.replace("    - {id: checked, label: 核實}", "    - {id: closed, label: 結案}")
        .replace("to: {working_days: 10}", "to: {working_days: 4}")
        .replace("sets: {vip: true}", "sets: {vip: 1}")
    )
    assert load_problems(bad) == [
        "bad.yaml:19: vocabulary.events[5].id: 'closed' is reserved for the case events every "
        "policy has (received, updated, escalated, reminded, done, closed, deadline_missed)",
        "bad.yaml:44: lifecycle.events[0].id: 'checked' is not declared in vocabulary.events; "
        "allowed: replied, hold, unhold, extended, reopened, closed",
        "bad.yaml:44: lifecycle.events[0].sets.vip: 1 does not fit fact type bool",
        "bad.yaml:58: lifecycle.clocks[0].extensions[0].to: an extension must be longer than "
        "the period before it (5 working_days); got 4",
    ]


# --- layers ------------------------------------------------------------------------------

EXTENDING = """\
schema: complaint-rules/1
id: lifecycle_test_branch
version: "1"
title: 分行
institution: 分行
source: test
extends: lifecycle_test
parameters:
  - {id: urge_hours, type: int, label: 催辦時數, value: 2}
lifecycle:
  reminders:
    - id: urge
      article: 第三條
      clock: reply
      before: {unit: hours, parameter: urge_hours}
      to: [head]
  gaps:
    - {about: other, article: 分行第一條, text: 分行 rules say nothing more.}
"""


def test_an_extending_policy_overrides_lifecycle_entries_by_id_and_keeps_their_layer() -> None:
    branch = load_policy_text(EXTENDING, file="branch.yaml", resolve=lambda _: POLICY)
    assert dict(branch.lifecycle_layers) == {
        "events:checked": "lifecycle_test",
        "clocks:reply": "lifecycle_test",
        "duties:follow_up": "lifecycle_test",
        "duties:vip_call": "lifecycle_test",
        "reminders:urge": "lifecycle_test_branch",
        "gaps:0": "lifecycle_test_branch",
    }
    before = status(branch, [RECEIVED], end_of(2026, 10, 12) - timedelta(hours=2, microseconds=1))
    assert before.reminders == ()
    ((reminder),) = status(branch, [RECEIVED], at(10, 12, 21, 59, 59)).reminders
    assert (reminder.since, [r.id for r in reminder.to]) == (at(10, 12, 21, 59, 59), ["head"])
    ((gap),) = status(branch, [RECEIVED], at(10, 1)).gaps
    assert (gap.source.rule, gap.source.article, gap.source.policy) == (
        "lifecycle",
        "分行第一條",
        "lifecycle_test_branch",
    )
    assert clock(status(branch, [RECEIVED], at(10, 1))).source.policy == "lifecycle_test"


def test_a_problem_in_an_extending_policys_lifecycle_is_located_in_its_own_file() -> None:
    bad = EXTENDING.replace("clock: reply", "clock: replyy")
    with pytest.raises(PolicyError) as info:
        load_policy_text(bad, file="branch.yaml", resolve=lambda _: POLICY)
    assert [str(p) for p in info.value.problems] == [
        "branch.yaml:14: lifecycle.reminders[0].clock: clock 'replyy' is not declared; "
        "allowed: reply; did you mean 'reply'?"
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


def last_instant(events: list[dict[str, Any]]) -> datetime:
    instants = [datetime.fromisoformat(e["at"]) for e in events]
    return max(i for i in instants if i.tzinfo is not None)


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
