"""Replaying a case's events: what each clock operation does (start, breach, pause,
resume, extend, restart, meet, stop, close), reminders, owed actions and the events the
replay refuses; with the small lifecycle policy of :mod:`tests.support.lifecycle_policy`,
every instant worked out by hand from the official 2026 schedule."""

from __future__ import annotations

from datetime import datetime

import pytest

from complaint_rules.lifecycle.case import status
from tests.support.lifecycle_policy import POLICY, RECEIVED, at, clock, ev, reasons
from tests.support.local_time import CST, due_on, last_moment, late_from

# --- starting, breaching, escalating -------------------------------------------------------------


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
    assert reply.due == due_on(2026, 10, 12)
    # Sep 30, Oct 8 and Oct 9 (the day in progress) are used; Oct 10 and Oct 12 are left.
    assert reply.used is not None and reply.left is not None
    assert (reply.used.day_unit, reply.used.days, reply.left.days) == ("working_days", 3, 2)
    assert reply.used.wall_seconds == (10 * 24 + 2) * 3600
    # From Oct 9 12:00 to Oct 13 00:00, when the last day (Oct 12) has ended.
    assert reply.left.wall_seconds == 3 * 86400 + 12 * 3600  # to Oct 13 00:00
    assert reply.source.rule == "reply" and reply.source.article == "第一條"
    assert result.escalations == ()


def test_no_instant_of_the_last_day_is_late_and_the_breach_comes_at_the_next_days_midnight() -> (
    None
):
    # 民法典 第二百零三條: the last day (Mon Oct 12) ends at 24:00.
    last, late = last_moment(2026, 10, 12), late_from(2026, 10, 12)
    before = status(POLICY, [RECEIVED], last)
    assert clock(before).state == "running"
    assert clock(before).due == due_on(2026, 10, 12)
    assert before.escalations == ()
    assert before.next_change == late == datetime(2026, 10, 13, tzinfo=CST)
    after = status(POLICY, [RECEIVED], late)
    assert clock(after).state == "breached"
    assert clock(after).breached_at == late
    left = clock(after).left
    assert left is not None and left.days == 0
    ((escalation),) = after.escalations
    assert (escalation.id, escalation.since, escalation.clock) == ("overdue_to_head", late, "reply")
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
        late_from(2026, 10, 12),
        at(10, 13, 9),
        "replied",
    )
    assert reply.left is None
    assert [(t.op, t.at, t.event) for t in reply.transitions] == [
        ("start", at(9, 29, 10), "received"),
        ("breach", late_from(2026, 10, 12), None),
        ("meet", at(10, 13, 9), "replied"),
    ]


def test_a_reply_in_the_last_second_of_the_last_day_is_on_time_and_at_midnight_late() -> None:
    half = datetime(2026, 10, 12, 23, 59, 59, 500000, tzinfo=CST)
    result = status(POLICY, [RECEIVED, ev("replied", half)], at(10, 20))
    assert clock(result).state == "met"
    assert clock(result).breached_at is None
    assert result.escalations == ()
    midnight = status(POLICY, [RECEIVED, ev("replied", at(10, 13))], at(10, 20))
    assert (clock(midnight).state, clock(midnight).breached_at) == ("breached", at(10, 13))


# --- pausing -------------------------------------------------------------------------------------


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
    assert (resumed.state, resumed.due) == ("running", due_on(2026, 10, 14))
    assert resumed.used is not None and resumed.used.days == 1
    assert resumed.used.wall_seconds == (24 + 5) * 3600 + 2 * 3600  # Sep 29-30, then Oct 9


@pytest.mark.parametrize(
    ("resumed", "due"),
    [
        # Resumed on the last second of Oct 7 (a holiday): 4 days after it are Oct 8, 9, 10, 12.
        ("2026-10-07T15:59:59Z", due_on(2026, 10, 12)),
        # One second later it is Oct 8 in Shanghai, which is not counted: Oct 9, 10, 12, 13.
        ("2026-10-07T16:00:00Z", due_on(2026, 10, 13)),
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
    assert clock(status(POLICY, events, at(10, 13, 9))).due == due_on(2026, 10, 13)
    # Resumed on a Sunday: due on the next working day.
    sunday = [*events[:2], ev("unhold", at(10, 18, 9))]
    assert clock(status(POLICY, sunday, at(10, 18, 9))).due == due_on(2026, 10, 19)


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
    assert clock(result).due == due_on(2026, 10, 14)


# --- extending -----------------------------------------------------------------------------------


def test_an_extension_by_a_role_with_that_authority_gives_the_longer_period() -> None:
    # 10 working days from Sep 29: Sep 30, Oct 8, 9, 10, 12, 13, 14, 15, 16, 19.
    result = status(POLICY, [RECEIVED, ev("extended", at(10, 9, 9), by="負責人")], at(10, 9, 10))
    reply = clock(result)
    assert (reply.amount, reply.due) == (10, due_on(2026, 10, 19))
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
    assert clock(result).due == due_on(2026, 10, 19)
    late = status(POLICY, [RECEIVED, ev("extended", at(10, 13), by="head")], at(10, 13))
    assert reasons(late) == [
        (
            1,
            "clock 'reply' already ran out at 2026-10-13T00:00:00+08:00; an extension must be "
            "approved before the period ends",
        )
    ]
    met = status(
        POLICY,
        [RECEIVED, ev("replied", at(10, 8)), ev("extended", at(10, 9), by="head")],
        at(10, 9),
    )
    assert reasons(met) == [(2, "clock 'reply' cannot be extended: it is met")]


def test_an_extension_approved_while_paused_counts_from_the_resumption() -> None:
    events = [
        RECEIVED,
        ev("hold", at(9, 30, 15)),
        ev("extended", at(10, 5, 10), by="head"),
        ev("unhold", at(10, 9, 10)),
    ]
    # Paused with Sep 30 used: the period is now 10 working days, 9 left, no due instant.
    paused = clock(status(POLICY, events[:3], at(10, 5, 12)))
    assert (paused.state, paused.amount, paused.due) == ("paused", 10, None)
    assert paused.used is not None and paused.left is not None
    assert (paused.used.days, paused.left.days) == (1, 9)
    # Resumed Oct 9 (not counted): Oct 10, 12, 13, 14, 15, 16, 19, 20, 21.
    resumed = clock(status(POLICY, events, at(10, 9, 12)))
    assert (resumed.state, resumed.due) == ("running", due_on(2026, 10, 21))
    assert [t.op for t in resumed.transitions] == ["start", "pause", "extend", "resume"]


# --- restarting, reminders, owed actions ---------------------------------------------------------


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
        due_on(2026, 10, 20),
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
    assert sent.next_change == late_from(2026, 10, 12)


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


# --- events that need others first, closing ------------------------------------------------------


def test_an_event_needing_another_first_is_rejected() -> None:
    result = status(POLICY, [RECEIVED, ev("checked", at(10, 1))], at(10, 2))
    assert reasons(result) == [(1, "'checked' needs one of these events first: replied")]


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
