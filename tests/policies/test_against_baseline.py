"""The bank policies' own reply limits, checked against the national baseline's 15 days.

The baseline (CBIRC Order 2020 No. 3, Art. 18) allows 15 calendar days, the last one
rolled past rest days. 科右前旗 (written against the 2012 notice) allows 7-10 working
days for complex complaints, which around a long holiday ends later than 15 calendar days.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from complaint_rules import Catalog, CompiledPolicy, load_policy_text
from tests.support.deciders import decide

pytestmark = pytest.mark.usefixtures("decider")  # the fast engine, then the reference

PROBE = """\
schema: complaint-rules/1
id: probe
version: "1"
title: probe
institution: probe
source: tests
extends: cn_banking_baseline
vocabulary:
  channels: [{id: any, label: any}]
  categories: [{id: any, label: any}]
"""


_PROBES: dict[int, CompiledPolicy] = {}


def baseline_due(catalog: Catalog, received: str) -> datetime:
    """When the baseline's reply is late from."""
    if id(catalog) not in _PROBES:
        _PROBES[id(catalog)] = load_policy_text(PROBE, resolve=catalog.load)
    probe = _PROBES[id(catalog)]
    decision = decide(probe, {"received_at": received, "channel": "any", "category": "any"})
    (deadline,) = decision.deadlines
    assert deadline.due is not None
    return deadline.due.late_from


def latest_reply(policy: CompiledPolicy, **complaint: str) -> datetime:
    """When the policy's latest reply is late from."""
    decision = decide(policy, complaint)
    return max(d.due.late_from for d in decision.deadlines if d.due is not None)


def days_of_2026() -> list[str]:
    """Every day of 2026 whose limits end within 2026 (2027's schedule is not published)."""
    start = date(2026, 1, 1)
    return [f"{start + timedelta(days=n)}T10:00:00+08:00" for n in range(340)]


def test_shihua_limits_are_never_looser_than_the_baseline(catalog: Catalog) -> None:
    policy = catalog.load("shihua_credit_coop")
    channel = policy.policy.vocabulary.channels[0].id
    category = policy.policy.vocabulary.categories[0].id
    for received in days_of_2026():
        for level in ("general", "complex"):
            ours = latest_reply(
                policy, received_at=received, channel=channel, category=category, level=level
            )
            assert ours <= baseline_due(catalog, received), (received, level)


def test_keyouqianqi_complex_limit_exceeds_the_baseline_around_long_holidays(
    catalog: Catalog,
) -> None:
    policy = catalog.load("keyouqianqi_credit_union")
    looser = [
        received[:10]
        for received in days_of_2026()
        if latest_reply(policy, received_at=received, channel="letter", category="service_product")
        > baseline_due(catalog, received)
    ]
    # Worked by hand: received Tue Sep 29, 10 working days end Mon Oct 19, 15 calendar
    # days end Wed Oct 14; received Thu Feb 12, 10 working days end Wed Mar 4 (Sat Feb 14
    # and Sat Feb 28 are make-up days), 15 calendar days end Fri Feb 27.
    assert "2026-09-29" in looser
    assert "2026-02-12" in looser
    # In an ordinary fortnight 10 working days end within 15 calendar days: received Mon
    # Mar 2, 10 working days end Mon Mar 16, 15 calendar days end Tue Mar 17.
    assert "2026-03-02" not in looser
    general = [
        received
        for received in days_of_2026()
        if latest_reply(policy, received_at=received, channel="letter", category="work_error")
        > baseline_due(catalog, received)
    ]
    assert general == []
