"""石花信用社 over a case's life: the 二、5 reply clock, and the acknowledgement (立時, no
period) and the follow-up visit it leaves owed."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from complaint_rules import Catalog
from complaint_rules.lifecycle.case import status
from tests.support.local_time import CST, due_on

TICK = timedelta(microseconds=1)


def at(month: int, day: int, hour: int = 0) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=CST)


def ev(name: str, when: datetime, **data: Any) -> dict[str, Any]:
    return {"event": name, "at": when.isoformat(), **data}


def test_shihua_a_complex_reply_counts_five_working_days_across_two_holidays(
    catalog: Catalog,
) -> None:
    shihua = catalog.load("shihua_credit_coop")
    # Received Fri Sep 25 (Mid-Autumn): Sep 28, 29, 30 (3), Oct 1-7 off, Oct 8, 9 (5).
    start = ev(
        "received",
        at(9, 25, 15),
        complaint={"channel": "投訴", "category": "投訴", "level": "復雜"},
    )
    result = status(shihua, [start], at(9, 26))
    ((reply),) = result.clocks
    assert (reply.due, reply.source.rule, reply.source.article) == (
        due_on(2026, 10, 9),
        "reply_complex",
        "二、5",
    )
    assert [(o.id, o.due) for o in result.owed] == [
        ("acknowledge_receipt", None),
        ("register_and_file", None),
        ("report_to_upper_union", None),
    ]
    events = [start, ev("acknowledged", at(9, 25, 16)), ev("responded", at(10, 8, 10))]
    replied = status(shihua, events, at(10, 8, 11))
    assert [o.id for o in replied.owed] == [
        "register_and_file",
        "report_to_upper_union",
        "follow_up_visit",
        "thank_customer",
    ]
    visited = status(shihua, [*events, ev("followed_up", at(10, 12, 10))], at(10, 12, 11))
    assert "follow_up_visit" not in [o.id for o in visited.owed]
