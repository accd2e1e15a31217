"""The national baseline layer and policy layering (``extends``).

Calendar days, 民法典 Art. 201 / 203: day 1 is the day after receipt; a last day that is
a rest day rolls to the next working day. 2026: National Day Oct 1-7 off (Sat Oct 10 a
make-up workday); Spring Festival Feb 15-23 off.
"""

from __future__ import annotations

from typing import Any

import pytest

from complaint_rules import Catalog, CompiledPolicy, ComplaintError, PolicyError, load_policy_text
from complaint_rules.decision.model import DecidedDue
from tests.support.deciders import decide
from tests.support.local_time import due_on

pytestmark = pytest.mark.usefixtures("decider")  # the fast engine, then the reference

CHILD = """\
schema: complaint-rules/1
id: test_bank
version: "1"
title: 測試銀行投訴辦法
institution: 測試銀行
source: tests
extends: cn_banking_baseline
vocabulary:
  roles:
    - {id: branch, label: 分行}
    - {id: superior_institution, label: 上級行, aliases: [上级行]}
  channels:
    - {id: counter, label: 櫃面}
  categories:
    - {id: service, label: 服務}
rules:
  - id: branch_handles
    article: 第一條
    routing:
      - {duty: handles, role: branch}
  - id: decision_within_15_days
    article: 第二條
    when: {complex_case: false, further_extension_approved: false, new_facts_at: {given: false}}
    deadlines:
      - {id: decision_10d, label: 十日內答復, within: {calendar_days: 10}, by: [branch]}
"""


@pytest.fixture(scope="module")
def plain(catalog: Catalog) -> CompiledPolicy:
    """A child that adds vocabulary but keeps every baseline rule."""
    text = CHILD.split("  - id: decision_within_15_days")[0]
    return load_policy_text(text, file="plain.yaml", resolve=catalog.load)


def due(policy: CompiledPolicy, **facts: Any) -> dict[str, DecidedDue | None]:
    data = {"channel": "counter", "category": "service", **facts}
    return {d.id: d.due for d in decide(policy, data).deadlines}


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        # Mon Mar 2 + 15 days = Tue Mar 17, a working day.
        ({"received_at": "2026-03-02T10:00:00+08:00"}, {"decision_15d": due_on(2026, 3, 17)}),
        # Sun Sep 20 + 15 = Mon Oct 5, a holiday: rolls past Oct 6-7 to Thu Oct 8.
        ({"received_at": "2026-09-20T10:00:00+08:00"}, {"decision_15d": due_on(2026, 10, 8)}),
        # Complex, extended to 30: Tue Sep 1 + 30 = Thu Oct 1 (holiday) -> Thu Oct 8.
        (
            {"received_at": "2026-09-01T10:00:00+08:00", "complex_case": True},
            {"decision_30d": due_on(2026, 10, 8)},
        ),
        # Further extension, 60 in all: Mon Aug 3 + 60 = Fri Oct 2 (holiday) -> Thu Oct 8.
        (
            {"received_at": "2026-08-03T10:00:00+08:00", "further_extension_approved": True},
            {"decision_60d": due_on(2026, 10, 8)},
        ),
        # New facts on Tue Feb 10: restart, + 15 = Wed Feb 25 (after the festival), working.
        (
            {
                "received_at": "2026-01-20T10:00:00+08:00",
                "new_facts_at": "2026-02-10T09:00:00+08:00",
            },
            {"decision_restarted": due_on(2026, 2, 25)},
        ),
        # Sat Oct 10 is a make-up workday: Fri Sep 25 + 15 = Sat Oct 10, not rolled.
        ({"received_at": "2026-09-25T10:00:00+08:00"}, {"decision_15d": due_on(2026, 10, 10)}),
    ],
)
def test_baseline_limits(plain: CompiledPolicy, facts: dict[str, Any], expected: Any) -> None:
    assert due(plain, **facts) == expected


def test_the_further_extension_needs_approval_by_a_named_role(plain: CompiledPolicy) -> None:
    decision = decide(
        plain,
        {
            "received_at": "2026-08-03T10:00:00+08:00",
            "channel": "counter",
            "category": "service",
            "further_extension_approved": True,
        },
    )
    (approve,) = [a for a in decision.actions if a.id == "approve_further_extension"]
    # The child renamed the baseline's 上級機構 to its own 上級行: overriding by id.
    assert [r.label for r in approve.by] == ["上級行", "總行高級管理人員"]
    assert approve.source.policy == "cn_banking_baseline"
    assert approve.source.verification == "secondary"


def test_group_and_major_complaints(plain: CompiledPolicy) -> None:
    data = {"received_at": "2026-03-02T10:00:00+08:00", "channel": "counter", "category": "service"}
    few = {a.id for a in decide(plain, {**data, "in_person_count": 3}).actions}
    many = {a.id for a in decide(plain, {**data, "in_person_count": 20}).actions}
    assert "elect_representatives" in few and "treat_as_major" not in few
    assert {"elect_representatives", "treat_as_major"} <= many


def test_layers_are_in_the_trace(catalog: Catalog) -> None:
    child = load_policy_text(CHILD, file="child.yaml", resolve=catalog.load)
    decision = decide(
        child,
        {"received_at": "2026-03-02T10:00:00+08:00", "channel": "counter", "category": "service"},
    )
    # The child's decision_within_15_days replaces the baseline's in place.
    assert [(d.id, d.source.policy) for d in decision.deadlines] == [("decision_10d", "test_bank")]
    assert decision.deadlines[0].due == due_on(2026, 3, 12)
    layers = [layer.id for layer in decision.policy.layers]
    assert layers == ["cn_banking_baseline", "test_bank"]
    policies = {s.policy for s in decision.matched_rules}
    assert policies == {"cn_banking_baseline", "test_bank"}


def test_the_baseline_alone_is_abstract(catalog: Catalog) -> None:
    baseline = catalog.load("cn_banking_baseline")
    with pytest.raises(ComplaintError, match="abstract"):
        decide(baseline, {"received_at": "2026-03-02T10:00:00+08:00"})


def test_errors_in_an_extending_policy_point_into_its_own_file(catalog: Catalog) -> None:
    text = CHILD.replace("- {duty: handles, role: branch}", "- {duty: handles, role: brnch}")
    with pytest.raises(PolicyError) as info:
        load_policy_text(text, file="child.yaml", resolve=catalog.load)
    line = next(i for i, x in enumerate(text.splitlines(), 1) if "brnch" in x)
    assert [str(p) for p in info.value.problems] == [
        f"child.yaml:{line}: rules[0].routing[0].role: role 'brnch' is not declared in "
        "vocabulary; allowed: superior_institution, head_office_senior_manager, "
        "handling_institution, regulator, branch; did you mean 'branch'?"
    ]


def test_removing_an_unknown_rule_and_extending_a_missing_policy(catalog: Catalog) -> None:
    with pytest.raises(PolicyError) as info:
        load_policy_text(CHILD + "remove_rules: [nope]\n", file="c.yaml", resolve=catalog.load)
    assert [str(p) for p in info.value.problems] == [
        "c.yaml:26: remove_rules[0]: cn_banking_baseline has no rule 'nope' to remove"
    ]
    with pytest.raises(PolicyError) as info:
        load_policy_text(
            CHILD.replace("extends: cn_banking_baseline", "extends: nowhere"), file="c.yaml"
        )
    assert [str(p) for p in info.value.problems] == [
        "c.yaml:7: extends: cannot load base policy 'nowhere':",
        "c.yaml:7: extends: no policy 'nowhere' beside the file or bundled",
    ]
