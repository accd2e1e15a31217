"""The invariants: every one on every bundled policy (with the helper a bank uses), the
engine's on any drawn policy, and each as a plain function that finds what it should."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from complaint_rules import CompiledPolicy, compile_policy, decide, load_policy_text
from complaint_rules.policy.model import Policy
from complaint_rules.testing import (
    INVARIANTS,
    InvariantViolation,
    PolicyCheckFailed,
    check_policy,
    invariants,
    policy_invariants,
)
from complaint_rules.testing.strategies import complaints, policies
from tests.support.profiles import POLICY_EXAMPLES

# Every bundled policy (the abstract baseline only loads) and the example hotel variant:
# one test per policy and invariant, with the helper a bank uses.
test_bundled_policies = policy_invariants(
    "../../policies",
    "../../examples/hotel_variant/grand_hotel_policies",
    max_examples=POLICY_EXAMPLES,
)


# --- the engine's invariants on any policy ----------------------------------------------------

ENGINE = (
    "no_deadline_before_receipt",
    "later_receipt_not_earlier",
    "earliest_not_after_latest",
    "penalties_in_range",
    "deterministic",
    "json_round_trip",
)
"""The invariants the engine owes every policy; the others judge what a policy says."""


@settings(max_examples=POLICY_EXAMPLES // 2)  # each example compiles a policy
@given(st.data(), policies(form="model"))
def test_the_engine_keeps_its_invariants_on_any_drawn_policy(
    data: st.DataObject, model: Policy
) -> None:
    assume(not model.abstract)
    policy = compile_policy(model)
    complaint = data.draw(complaints(policy), label="complaint")
    later = data.draw(st.integers(min_value=1, max_value=400 * 86_400), label="seconds later")
    received = datetime.fromisoformat(complaint["received_at"])
    for inv in INVARIANTS:
        if inv.name in ENGINE and inv.takes == "later":
            inv.check(policy, complaint, received + timedelta(seconds=later))
        elif inv.name in ENGINE:
            inv.check(policy, complaint)


SAME_DAY = """\
schema: complaint-rules/1
id: same_day
version: "1"
title: 測試辦法
institution: 測試銀行
source: tests
calendar: {{exclude_start_day: false, day_ends_at: "{ends}"}}
vocabulary:
  roles: [{{id: desk, label: 櫃面}}]
  channels: [{{id: counter, label: 櫃面投訴}}]
  categories: [{{id: service, label: 服務態度}}]
rules:
  - id: reply
    article: 第一條
    routing: [{{duty: handles, role: desk}}]
    deadlines:
      - {{id: reply, label: 回復, within: {within}}}
"""


@pytest.mark.parametrize(
    ("ends", "within", "received", "due"),
    [
        # A source-stated cut-off at 23:59:59; received in the last half second of Mar 31,
        # after it: the count starts on Apr 1, so the period ends with April (it once ended
        # on Mar 31, before receipt). The last day is Apr 30, late from its cut-off.
        (
            "23:59:59",
            "{end_of_month: true}",
            "2026-03-31T23:59:59.500000+08:00",
            ("2026-04-30", "2026-04-30T23:59:59+08:00"),
        ),
        # Without a cut-off the day ends at 24:00 (民法典 第二百零三條): received at the
        # same instant, the complaint is received on Mar 31, and the period ends with March.
        (
            "24:00:00",
            "{end_of_month: true}",
            "2026-03-31T23:59:59.500000+08:00",
            ("2026-03-31", "2026-04-01T00:00:00+08:00"),
        ),
        # One day counting the start day, the day ending at 08:00; received Mon Mar 2 at
        # 09:00, after that day's end: the day is Tue Mar 3, ending 08:00.
        (
            "08:00:00",
            "{calendar_days: 1}",
            "2026-03-02T09:00:00+08:00",
            ("2026-03-03", "2026-03-03T08:00:00+08:00"),
        ),
    ],
)
def test_received_after_the_days_end_counts_from_the_next_day(
    ends: str, within: str, received: str, due: tuple[str, str]
) -> None:
    policy = load_policy_text(SAME_DAY.format(ends=ends, within=within))
    complaint = {"received_at": received, "channel": "counter", "category": "service"}
    invariants.no_deadline_before_receipt(policy, complaint)
    got = decide(policy, complaint).deadlines[0].due
    assert got is not None
    assert (got.last_day, got.late_from) == (
        date.fromisoformat(due[0]),
        datetime.fromisoformat(due[1]),
    )


# --- the invariants as plain functions ------------------------------------------------------

ESCALATION_WITHOUT_ITS_DEADLINE = """\
schema: complaint-rules/1
id: mini_bank
version: "1"
title: 測試辦法
institution: 測試銀行
source: tests
vocabulary:
  roles:
    - {id: desk, label: 櫃面}
    - {id: head, label: 負責人}
  channels:
    - {id: counter, label: 櫃面投訴}
  categories:
    - {id: service, label: 服務態度}
    - {id: product, label: 服務產品}
rules:
  - id: intake
    article: 第一條
    routing:
      - {duty: accepts, role: desk}
    deadlines:
      - {id: reply_service, label: 回復, within: {working_days: 3}, by: [desk]}
  - id: products
    article: 第二條
    when: {category: product}
    deadlines:
      - {id: reply_product, label: 回復, within: {working_days: 5}, by: [desk]}
    escalations:
      - {id: late, label: 逾期上報, on: deadline_missed, deadline: reply_service, to: [head]}
"""


def test_an_escalation_on_a_deadline_the_decision_lacks_is_reported() -> None:
    # The escalation of rule `products` waits for `reply_service`, which rule `intake`
    # gives every complaint: it holds. Narrow `intake` to services and it never triggers.
    policy = load_policy_text(ESCALATION_WITHOUT_ITS_DEADLINE)
    complaint = {"received_at": "2026-03-02T09:00:00+08:00", "channel": "counter"}
    invariants.escalations_end(policy, {**complaint, "category": "product"})
    narrowed = load_policy_text(
        ESCALATION_WITHOUT_ITS_DEADLINE.replace(
            "    article: 第一條\n", "    article: 第一條\n    when: {category: service}\n"
        )
    )
    with pytest.raises(InvariantViolation) as caught:
        invariants.escalations_end(narrowed, {**complaint, "category": "product"})
    assert str(caught.value) == (
        "escalations_end: escalation late (rule products) waits for deadline reply_service "
        "to be missed, but the decision has no such deadline\n"
        '  complaint: {"received_at": "2026-03-02T09:00:00+08:00", "channel": "counter", '
        '"category": "product"}'
    )
    report = check_policy(narrowed, invariants=["escalations_end"], max_examples=POLICY_EXAMPLES)
    assert str(report) == (
        "mini_bank: 1 of 1 invariants broken\n"
        "FAILED escalations_end: escalation late (rule products) waits for deadline "
        "reply_service to be missed, but the decision has no such deadline\n"
        '  smallest complaint: {"received_at": "2026-03-02T09:00:00+08:00", '
        '"channel": "counter", "category": "product"}'
    )
    with pytest.raises(PolicyCheckFailed) as failed:
        report.raise_for_failures()
    assert failed.value.report is report


def test_later_receipt_needs_a_later_instant(keyouqianqi: CompiledPolicy) -> None:
    complaint = {"received_at": "2026-09-30T10:00:00+08:00", "channel": "letter"}
    complaint["category"] = "work_error"
    # Sep 30 + 3 working days = Sat Oct 10 (make-up day); from Oct 8: Oct 9, 10, 12.
    invariants.later_receipt_not_earlier(keyouqianqi, complaint, "2026-10-08T10:00:00+08:00")
    with pytest.raises(ValueError, match="is before receipt"):
        invariants.later_receipt_not_earlier(keyouqianqi, complaint, "2026-09-29T10:00:00+08:00")
