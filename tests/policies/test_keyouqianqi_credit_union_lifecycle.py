"""科右前旗信用聯社: the 第十一條 reply clock over a case's life, 第十八條 and 第十九條.

General complaints (工作失誤…) get 3 working days, complex ones 7-10. Received Tue Sep 29
2026: Sep 30 (1), Oct 1-7 off, Oct 8 (2), Oct 9 (3) — due Fri Oct 9 23:59:59.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from complaint_rules import CompiledPolicy
from complaint_rules.lifecycle.case import status
from complaint_rules.lifecycle.status import CaseStatus, ClockStatus
from tests.support.local_time import CST, due_on, last_moment, late_from
from tests.support.reasons import every_reason_said

# Every reason an event is rejected with here is worded in each language.
pytestmark = pytest.mark.usefixtures(every_reason_said.__name__)

TICK = timedelta(microseconds=1)


def at(month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CST)


def ev(name: str, when: datetime | str, **data: Any) -> dict[str, Any]:
    return {"event": name, "at": when if isinstance(when, str) else when.isoformat(), **data}


RECEIPT = datetime(2026, 9, 29, 10, 0, tzinfo=CST)


def received(category: str = "工作失誤", when: datetime | str = RECEIPT) -> dict[str, Any]:
    return ev("received", when, complaint={"channel": "信件投訴", "category": category})


def reply(result: CaseStatus) -> ClockStatus:
    (found,) = result.clocks
    assert found.id == "reply"
    return found


def owed(result: CaseStatus) -> list[tuple[str, datetime]]:
    return [(o.id, o.since) for o in result.owed]


def test_a_general_complaint_breaches_after_national_day_and_escalates_to_acceptance(
    keyouqianqi: CompiledPolicy,
) -> None:
    on_time = status(keyouqianqi, [received()], last_moment(2026, 10, 9))
    assert (reply(on_time).state, reply(on_time).due) == ("running", due_on(2026, 10, 9))
    assert (reply(on_time).source.rule, reply(on_time).source.article) == (
        "limit_general",
        "第十一條",
    )
    late = status(keyouqianqi, [received()], late_from(2026, 10, 9))
    assert reply(late).state == "breached"
    ((escalation),) = late.escalations
    assert (escalation.id, [r.id for r in escalation.to], escalation.source.article) == (
        "overrun_general",
        ["acceptance_dept"],
        "第十一條",
    )


def test_a_complex_complaint_has_an_earliest_and_a_latest_due_instant(
    keyouqianqi: CompiledPolicy,
) -> None:
    # 7 days: Sep 30, Oct 8, 9, 10 (Sat, make-up), 12, 13, 14; 10 days: + Oct 15, 16, 19.
    clock = reply(status(keyouqianqi, [received("服務產品")], at(10, 1)))
    assert (clock.amount_min, clock.amount) == (7, 10)
    assert (clock.due_earliest, clock.due) == (due_on(2026, 10, 14), due_on(2026, 10, 19))


def test_financial_crime_has_no_reply_clock(keyouqianqi: CompiledPolicy) -> None:
    assert status(keyouqianqi, [received("金融犯罪")], at(10, 1)).clocks == ()


@pytest.mark.parametrize(
    ("received_at", "due"),
    [
        ("2026-09-29T15:59:59Z", due_on(2026, 10, 9)),  # Sep 29 23:59:59 in Shanghai
        ("2026-09-29T16:00:00Z", due_on(2026, 10, 10)),  # Sep 30 00:00:00: Oct 8, 9, 10
    ],
)
def test_receipt_given_in_utc_is_counted_on_the_shanghai_date(
    keyouqianqi: CompiledPolicy, received_at: str, due: datetime
) -> None:
    result = status(keyouqianqi, [received(when=received_at)], at(10, 2))
    assert reply(result).due == due
    assert reply(result).started_at == datetime.fromisoformat(received_at).astimezone(CST)


def test_a_reply_at_the_last_second_in_utc_meets_the_clock_and_one_second_later_does_not(
    keyouqianqi: CompiledPolicy,
) -> None:
    met = status(keyouqianqi, [received(), ev("responded", "2026-10-09T15:59:59Z")], at(10, 12))
    assert (reply(met).state, reply(met).ended_at) == (
        "met",
        datetime(2026, 10, 9, 23, 59, 59, tzinfo=CST),
    )
    late = status(keyouqianqi, [received(), ev("responded", "2026-10-09T16:00:00Z")], at(10, 12))
    assert (reply(late).state, reply(late).breached_at) == ("breached", late_from(2026, 10, 9))
    assert [e.id for e in late.escalations] == ["overrun_general"]


def test_a_voluntary_withdrawal_once_verified_stops_the_clock_and_is_archived(
    keyouqianqi: CompiledPolicy,
) -> None:
    events = [received(), ev("withdrawal_requested", at(9, 30, 9))]
    asked = status(keyouqianqi, events, at(9, 30, 10))
    assert owed(asked) == [
        ("head_contacts_immediately", at(9, 29, 10)),
        ("verify_withdrawal", at(9, 30, 9)),
    ]
    (verify,) = [o for o in asked.owed if o.id == "verify_withdrawal"]
    assert ([r.id for r in verify.by], verify.source.article) == (["acceptance_dept"], "第十九條")
    assert reply(asked).state == "running"
    done = status(keyouqianqi, [*events, ev("withdrawal_voluntary", at(10, 8, 10))], at(10, 20))
    assert (reply(done).state, reply(done).ended_by) == ("stopped", "withdrawal_voluntary")
    assert owed(done) == [
        ("head_contacts_immediately", at(9, 29, 10)),
        ("archive_withdrawal", at(10, 8, 10)),
    ]
    assert done.escalations == ()


def test_a_coerced_withdrawal_leaves_the_clock_running_and_calls_for_an_investigation(
    keyouqianqi: CompiledPolicy,
) -> None:
    events = [
        received(),
        ev("withdrawal_requested", at(9, 30, 9)),
        ev("withdrawal_coerced", at(10, 8, 10)),
    ]
    result = status(keyouqianqi, events, at(10, 10))
    assert reply(result).state == "breached"
    assert ("investigate_coercion", at(10, 8, 10)) in owed(result)
    assert "verify_withdrawal" not in [o.id for o in result.owed]
    # The two outcomes of the check exclude each other.
    both = status(keyouqianqi, [*events, ev("withdrawal_voluntary", at(10, 8, 11))], at(10, 10))
    assert [(r.index, r.reason) for r in both.rejected] == [
        (
            3,
            "'withdrawal_voluntary' contradicts 'withdrawal_coerced', which happened at "
            "2026-10-08T10:00:00+08:00",
        )
    ]
    assert reply(both).state == "breached"
    early = status(keyouqianqi, [received(), ev("withdrawal_coerced", at(9, 30))], at(9, 30))
    assert [(r.index, r.reason) for r in early.rejected] == [
        (1, "'withdrawal_coerced' needs one of these events first: withdrawal_requested")
    ]


def test_a_re_complaint_restarts_the_limit_and_a_customer_still_not_accepting_escalates(
    keyouqianqi: CompiledPolicy,
) -> None:
    events = [
        received(),
        ev("customer_still_not_accepting", at(10, 8)),
        ev("responded", at(10, 9, 9)),
        ev("re_complaint", at(10, 12, 10)),
    ]
    result = status(keyouqianqi, events, at(10, 12, 11))
    assert [(r.index, r.reason) for r in result.rejected] == [
        (1, "'customer_still_not_accepting' needs one of these events first: re_complaint")
    ]
    # 3 working days after Mon Oct 12: Oct 13, 14, 15.
    clock = reply(result)
    assert (clock.state, clock.started_at, clock.due) == (
        "running",
        at(10, 12, 10),
        due_on(2026, 10, 15),
    )
    assert [t.op for t in clock.transitions] == ["start", "meet", "restart"]
    assert ("reanalyse", at(10, 12, 10)) in owed(result)
    # Found to be the customer's responsibility, and still not accepted: to 上級客戶管理部門.
    later = [
        *events,
        ev("updated", at(10, 13, 9), findings=["屬客戶責任"]),
        ev("customer_still_not_accepting", at(10, 14, 9)),
    ]
    escalated = status(keyouqianqi, later, at(10, 14, 10))
    ((escalation),) = escalated.escalations
    assert (escalation.id, escalation.since, [r.id for r in escalation.to]) == (
        "to_superior_customer_dept",
        at(10, 14, 9),
        ["superior_customer_dept"],
    )
    assert (escalation.source.rule, escalation.source.article) == (
        "repeat_customer_fault",
        "第十八條",
    )
    assert ("explain_again", at(10, 13, 9)) in owed(escalated)


def test_the_reply_form_is_owed_after_the_reply_by_the_reply_clocks_due_instant(
    keyouqianqi: CompiledPolicy,
) -> None:
    result = status(keyouqianqi, [received(), ev("responded", at(10, 8, 15))], at(10, 8, 16))
    (form,) = [o for o in result.owed if o.id == "reply_form_to_issuer"]
    assert (form.kind, form.due, form.overdue, form.clock) == (
        "report",
        due_on(2026, 10, 9),
        False,
        "reply",
    )
    assert [r.id for r in form.to] == ["superior_issuing_dept"]
    assert result.next_change == late_from(2026, 10, 9)
    assert ("letter_written_report", at(10, 8, 15)) in owed(result)


def test_a_complaint_found_major_owes_a_report_to_the_regulator_from_then(
    keyouqianqi: CompiledPolicy,
) -> None:
    events = [received(), ev("updated", at(9, 30, 9), facts={"major": True})]
    result = status(keyouqianqi, events, at(9, 30, 10))
    (report,) = [o for o in result.owed if o.id == "major_to_regulator"]
    assert (report.kind, report.since, [r.id for r in report.to]) == (
        "report",
        at(9, 30, 9),
        ["local_regulator"],
    )
    assert (report.source.rule, report.source.article) == ("major_complaint", "第二十二條")
