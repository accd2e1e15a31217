"""The hotel over a case's life: the guest's departure (三、4、3)), three working days for a
guest who had left (三、4、4)), the 5-minute limits (三、4、1), 三、4、2), 四、2、10)), and what
a major complaint leaves owed."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from complaint_rules import Catalog, CompiledPolicy
from complaint_rules.lifecycle.case import status
from complaint_rules.lifecycle.status import CaseStatus, ClockStatus
from tests.support import ROOT
from tests.support.local_time import CST, due_at, due_on

TICK = timedelta(microseconds=1)


@pytest.fixture(scope="module")
def hotel(catalog: Catalog) -> CompiledPolicy:
    return catalog.load("hotel")


def at(month: int, day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, second, tzinfo=CST)


def ev(name: str, when: datetime, **data: Any) -> dict[str, Any]:
    return {"event": name, "at": when.isoformat(), **data}


def received(when: datetime, **complaint: Any) -> dict[str, Any]:
    base = {"channel": "口頭", "category": "服務投訴", "level": "一般投訴"}
    return ev("received", when, complaint={**base, **complaint})


def clock(result: CaseStatus, clock_id: str) -> ClockStatus:
    (found,) = [c for c in result.clocks if c.id == clock_id]
    return found


def test_an_in_house_guest_leaving_early_brings_the_limit_forward(hotel: CompiledPolicy) -> None:
    start = received(at(10, 9, 19), guest_departed=False, requested_by=at(10, 9, 21).isoformat())
    asked = clock(status(hotel, [start], at(10, 9, 19, 30)), "resolve")
    assert (asked.unit, asked.due, asked.deadline) == (
        "until",
        due_at(at(10, 9, 21)),
        "resolve_before_request_or_departure",
    )
    events = [start, ev("guest_departed", at(10, 9, 20))]
    assert clock(status(hotel, events, at(10, 9, 20) - TICK), "resolve").state == "running"
    late = status(hotel, events, at(10, 9, 20))  # late from the departure itself
    resolve = clock(late, "resolve")
    assert (resolve.state, resolve.due, resolve.breached_at) == (
        "breached",
        due_at(at(10, 9, 20)),
        at(10, 9, 20),
    )
    assert (resolve.source.rule, resolve.source.article) == ("in_house_guest_limit", "三、4、3)")
    assert any(g.source.article == "三、4、3)" and "離店前" in g.text for g in late.gaps)


def test_an_in_house_limit_waits_for_the_requested_time_or_the_departure(
    hotel: CompiledPolicy,
) -> None:
    result = status(hotel, [received(at(10, 9, 19), guest_departed=False)], at(10, 9, 20))
    resolve = clock(result, "resolve")
    assert (resolve.state, resolve.due, resolve.needs) == (
        "running",
        None,
        ("requested_by", "departs_at"),
    )
    unknown = status(hotel, [received(at(10, 9, 19))], at(10, 9, 20))
    assert clock(unknown, "resolve").needs == ("guest_departed",)


def test_a_guest_who_had_left_gets_three_working_days(hotel: CompiledPolicy) -> None:
    # Received Fri Sep 25 (Mid-Autumn, Sep 25-27 off): Sep 28 (1), 29 (2), 30 (3).
    result = status(hotel, [received(at(9, 25, 15), guest_departed=True)], at(9, 26, 9))
    resolve = clock(result, "resolve")
    assert (resolve.unit, resolve.amount, resolve.due) == ("working_days", 3, due_on(2026, 9, 30))
    done = [received(at(9, 25, 15), guest_departed=True), ev("resolved", at(9, 30, 18))]
    after = status(hotel, done, at(10, 1, 9))
    assert clock(after, "resolve").state == "met"
    assert [(o.id, o.since) for o in after.owed] == [
        ("check_remedy", at(9, 30, 18)),
        ("make_prevention", at(9, 30, 18)),
    ]


def test_the_five_minute_limits_start_when_the_report_arrives(hotel: CompiledPolicy) -> None:
    start = received(at(10, 9, 19), guest_departed=True, on_site_required=True)
    events = [start, ev("notified", at(10, 9, 19, 2, 30))]
    result = status(hotel, events, at(10, 9, 19, 3))
    for clock_id in ("on_scene", "manager_on_scene"):
        assert clock(result, clock_id).due == due_at(at(10, 9, 19, 7, 30))
    assert result.next_change == at(10, 9, 19, 7, 30)  # late from that instant
    arrived = status(hotel, [*events, ev("arrived_on_scene", at(10, 9, 19, 6))], at(10, 9, 19, 8))
    assert [clock(arrived, c).state for c in ("on_scene", "manager_on_scene")] == ["met", "met"]
    missed = status(hotel, events, at(10, 9, 19, 8))
    assert clock(missed, "on_scene").state == "breached"
    assert clock(missed, "on_scene").left is not None


def test_a_designated_handler_reports_within_five_minutes_of_finishing(
    hotel: CompiledPolicy,
) -> None:
    start = received(at(10, 9, 19), guest_departed=True, assigned_by_superior=True)
    events = [start, ev("handling_finished", at(10, 9, 20, 10))]
    result = status(hotel, events, at(10, 9, 20, 11))
    assert clock(result, "report_result").due == due_at(at(10, 9, 20, 15))
    (report,) = [o for o in result.owed if o.id == "result_to_superior"]
    assert (report.due, report.clock, [r.id for r in report.to]) == (
        due_at(at(10, 9, 20, 15)),
        "report_result",
        ["superior_leader"],
    )
    done = status(hotel, [*events, ev("result_reported", at(10, 9, 20, 14))], at(10, 9, 20, 20))
    assert clock(done, "report_result").state == "met"
    assert "result_to_superior" not in [o.id for o in done.owed]


def test_a_major_written_complaint_owes_its_reports_and_written_reply(
    hotel: CompiledPolicy,
) -> None:
    start = received(at(10, 9, 19), level="重大投訴", channel="書面", guest_departed=True)
    result = status(hotel, [start, ev("serious_circumstances", at(10, 9, 19, 30))], at(10, 9, 20))
    assert [o.id for o in result.owed] == [
        "major_notify_floor_supervisor",
        "major_report_deputy_gm",
        "major_report_operations_director",
        "center_reports_to_company",
        "written_reply",
    ]
    assert [(e.id, [r.id for r in e.to]) for e in result.escalations] == [
        ("serious_to_gm", ["general_manager"])
    ]


def test_a_dissatisfied_guest_is_escalated_to_the_next_level(hotel: CompiledPolicy) -> None:
    events = [
        received(at(10, 9, 19), guest_departed=True),
        ev("guest_still_dissatisfied", at(10, 9, 19, 40)),
    ]
    ((escalation),) = status(hotel, events, at(10, 9, 19, 41)).escalations
    assert (escalation.id, [r.id for r in escalation.to], escalation.source.article) == (
        "still_dissatisfied_upward",
        ["next_level_manager"],
        "四、2、9)",
    )


def test_the_grand_hotel_inherits_the_lifecycle() -> None:
    examples = ROOT / "examples" / "hotel_variant" / "grand_hotel_policies"
    variant = Catalog([examples]).load("grand_hotel")
    result = status(variant, [received(at(9, 25, 15), guest_departed=True)], at(9, 26, 9))
    resolve = clock(result, "resolve")
    assert (resolve.due, resolve.source.policy) == (due_on(2026, 9, 30), "hotel")
    assert variant.lifecycle_layers["clocks:resolve"] == "hotel"
