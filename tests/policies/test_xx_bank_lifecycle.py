"""XX銀行 over a case's life: the text sets no time limit, so there is no clock; what it
requires is owed until done, the monthly summary by the end of the month (第十條)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from complaint_rules import Catalog
from complaint_rules.lifecycle.case import status
from tests.support.local_time import CST, due_on, late_from

TICK = timedelta(microseconds=1)


def at(month: int, day: int, hour: int = 0) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=CST)


def ev(name: str, when: datetime, **data: Any) -> dict[str, Any]:
    return {"event": name, "at": when.isoformat(), **data}


def test_xx_bank_has_no_clock_and_its_monthly_summary_is_due_at_month_end(
    catalog: Catalog,
) -> None:
    xx_bank = catalog.load("xx_bank")
    start = ev("received", at(9, 29, 10), complaint={"channel": "投訴", "category": "服務態度"})
    result = status(xx_bank, [start], at(9, 29, 11))
    assert result.clocks == ()
    assert [(o.id, o.due) for o in result.owed] == [
        ("register_case", None),
        ("endorse_case", None),
        ("forward_case", None),
        ("monthly_summary_to_discipline", due_on(2026, 9, 30)),
    ]
    assert result.next_change == late_from(2026, 9, 30)
    overdue = status(xx_bank, [start], late_from(2026, 9, 30))
    assert [o.id for o in overdue.owed if o.overdue] == ["monthly_summary_to_discipline"]
    issued = [start, ev("handling_order_issued", at(9, 30, 9))]
    assert "handle_order" in [o.id for o in status(xx_bank, issued, at(9, 30, 10)).owed]
    assert any(g.source.article == "第二條" for g in result.gaps)
