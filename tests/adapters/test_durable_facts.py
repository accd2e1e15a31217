"""A case's status as durable_rules facts and the view read back from them (pure: no
durable_rules needed)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from complaint_rules.adapters._durable_facts import (
    CaseView,
    ClockFact,
    EscalationFact,
    OwedFact,
    ReminderFact,
    facts_of,
    instant_fact,
    micros,
    view_of,
)
from complaint_rules.lifecycle.case import status
from complaint_rules.lifecycle.status import Rejection
from tests.support.lifecycle_policy import POLICY, RECEIVED, at, ev
from tests.support.local_time import late_from

# Replied late (Tue Oct 13; due Mon Oct 12 23:59:59), a second receipt refused, asked Oct 20.
LATE = [
    RECEIVED,
    ev("replied", at(10, 13, 9)),
    ev("received", at(10, 14), complaint={"channel": "counter", "category": "service"}),
]


def test_micros_since_the_epoch() -> None:
    assert micros(datetime(1970, 1, 1, tzinfo=UTC)) == 0
    assert micros(datetime(1970, 1, 1, 0, 0, 0, 1, tzinfo=UTC)) == 1
    assert micros(datetime(1969, 12, 31, 23, 59, 59, tzinfo=UTC)) == -1_000_000
    # 2026-10-20 00:00 in Shanghai is 2026-10-19 16:00 UTC: 20745 days and 16 hours.
    assert micros(at(10, 20)) == (20745 * 86400 + 16 * 3600) * 1_000_000
    assert instant_fact("now", at(10, 20)) == {
        "t": "now",
        "id": "now",
        "at": "2026-10-20T00:00:00+08:00",
        "at_us": 1_792_425_600_000_000,
    }


def test_the_facts_of_a_status_leave_out_counters_and_positions() -> None:
    facts = facts_of(status(POLICY, LATE, at(10, 20)))
    assert facts == {
        "clock:reply": {
            "t": "clock",
            "id": "clock:reply",
            "clock": "reply",
            "state": "breached",
            "last_day": "2026-10-12",
            "late_from": "2026-10-13T00:00:00+08:00",
            "breached_at": "2026-10-13T00:00:00+08:00",
            "unit": "working_days",
            "amount": 5,
            "deadline": "reply_5wd",
            "article": "第一條",
        },
        "escalation:overdue_to_head": {
            "t": "escalation",
            "id": "escalation:overdue_to_head",
            "escalation": "overdue_to_head",
            "label": "逾期報告負責人",
            "on": "deadline_missed",
            "since": "2026-10-13T00:00:00+08:00",
            "clock": "reply",
            "to": ["head"],
            "article": "第一條",
        },
        "owed:follow_up": {
            "t": "owed",
            "id": "owed:follow_up",
            "owed": "follow_up",
            "label": "回訪",
            "kind": "action",
            "since": "2026-10-13T09:00:00+08:00",
            "last_day": None,
            "late_from": None,
            "overdue": False,
            "by": ["desk"],
            "to": [],
            "article": "第四條",
        },
        "now": instant_fact("now", at(10, 20)),
    }
    # While the clock runs, the next change is a timer fact; a reminder is a fact too.
    running = facts_of(status(POLICY, [RECEIVED], at(10, 12, 1)))
    assert running["timer"] == instant_fact("timer", late_from(2026, 10, 12))
    assert running["reminder:urge"] == {
        "t": "reminder",
        "id": "reminder:urge",
        "reminder": "urge",
        "label": "催辦",
        "clock": "reply",
        "since": "2026-10-12T00:00:00+08:00",
        "to": ["desk"],
        "article": "第三條",
    }


def test_the_view_reads_the_facts_back() -> None:
    result = status(POLICY, LATE, at(10, 20))
    view = CaseView.from_status("case-1", result)
    assert view == CaseView(
        case="case-1",
        at=at(10, 20),
        clocks=(
            ClockFact(
                clock="reply",
                state="breached",
                last_day=date(2026, 10, 12),
                late_from=late_from(2026, 10, 12),
                breached_at=late_from(2026, 10, 12),
                unit="working_days",
                amount=5,
                deadline="reply_5wd",
                article="第一條",
            ),
        ),
        escalations=(
            EscalationFact(
                escalation="overdue_to_head",
                label="逾期報告負責人",
                on="deadline_missed",
                since=late_from(2026, 10, 12),
                clock="reply",
                to=("head",),
                article="第一條",
            ),
        ),
        reminders=(),
        owed=(
            OwedFact(
                duty="follow_up",
                label="回訪",
                kind="action",
                since=at(10, 13, 9),
                last_day=None,
                late_from=None,
                overdue=False,
                by=("desk",),
                to=(),
                article="第四條",
            ),
        ),
        rejected=result.rejected,
        next_change=None,
    )
    reminder = CaseView.from_status("c", status(POLICY, [RECEIVED], at(10, 12, 1))).reminders
    assert reminder == (
        ReminderFact(
            reminder="urge",
            label="催辦",
            clock="reply",
            since=at(10, 12),
            to=("desk",),
            article="第三條",
        ),
    )


def test_the_view_sorts_by_the_order_given_and_ignores_other_facts() -> None:
    def owed(name: str) -> dict[str, Any]:
        return {
            "t": "owed",
            "id": f"owed:{name}",
            "owed": name,
            "label": name,
            "kind": "action",
            "since": "2026-10-01T09:00:00+08:00",
            "last_day": "2026-10-09",
            "late_from": "2026-10-10T00:00:00+08:00",
            "overdue": 1,
            "by": [],
            "to": ["head"],
            "article": "第四條",
        }

    facts = [owed("b"), {"t": "other", "id": "x"}, owed("a"), owed("c")]
    rejected = [
        Rejection(index=5, event="e", at=None, reason="r"),
        Rejection(index=2, event="e", at=None, reason="r"),
    ]
    kept = view_of("c", facts, rejected)
    assert [o.duty for o in kept.owed] == ["b", "a", "c"]  # as given
    assert kept.owed[0].overdue is True and (kept.owed[0].last_day, kept.owed[0].late_from) == (
        date(2026, 10, 9),
        late_from(2026, 10, 9),
    )
    assert [r.index for r in kept.rejected] == [2, 5]
    assert (kept.at, kept.next_change, kept.clocks) == (None, None, ())
    # Ranked: a, then b; c has no rank and comes last.
    ranked = view_of("c", facts, [], order={"owed:a": 0, "owed:b": 1})
    assert [o.duty for o in ranked.owed] == ["a", "b", "c"]


def test_one_id_twice_in_a_list_keeps_both_facts_apart() -> None:
    result = status(POLICY, [RECEIVED, ev("replied", at(10, 13, 9))], at(10, 20))
    twice = result.model_copy(update={"owed": result.owed * 2})
    facts = facts_of(twice)
    assert [k for k in facts if k.startswith("owed:")] == ["owed:follow_up", "owed:follow_up#1"]
    assert facts["owed:follow_up#1"]["id"] == "owed:follow_up#1"
