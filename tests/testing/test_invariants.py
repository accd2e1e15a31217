"""complaint_rules.testing: the invariants on every bundled policy, the strategies, the
report, the pytest plugin, and the optional dependency."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, find, given, settings
from hypothesis import strategies as st

import complaint_rules.testing as kit
from complaint_rules import CompiledPolicy, compile_policy, decide, load_policy_text
from complaint_rules.decision.complaint import parse_complaint
from complaint_rules.policy.model import Policy
from complaint_rules.testing import (
    INVARIANTS,
    InvariantViolation,
    PolicyCheckFailed,
    check_policy,
    invariants,
    policy_invariants,
)
from complaint_rules.testing._instants import special_days
from complaint_rules.testing.strategies import complaints, policies, received_instants
from tests.support import ROOT
from tests.support.profiles import POLICY_EXAMPLES

# Every bundled policy (the abstract baseline only loads) and the example hotel variant:
# one test per policy and invariant, with the helper a bank uses.
test_bundled_policies = policy_invariants(
    "../../policies",
    "../../examples/hotel_variant/grand_hotel_policies",
    max_examples=POLICY_EXAMPLES,
)


def _subprocess(code: str) -> str:
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return run.stdout.strip()


def test_importing_complaint_rules_or_the_plugin_imports_no_hypothesis() -> None:
    code = (
        "import sys, complaint_rules, complaint_rules.testing; "
        "from complaint_rules import Catalog, decide; "
        "p = Catalog().load('shihua_credit_coop'); "
        "decide(p, {'received_at': '2026-03-02T09:00:00+08:00', 'channel': 'unspecified', "
        "'category': 'unspecified', 'level': 'general'}); "
        "print(sorted(m for m in ('hypothesis', 'pytest') if m in sys.modules)); "
        "import complaint_rules.testing.plugin; "
        "print(sorted(m for m in ('hypothesis',) if m in sys.modules))"
    )
    assert _subprocess(code).splitlines() == ["[]", "[]"]


def test_without_hypothesis_the_kit_says_how_to_install_it() -> None:
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "try:\n"
        "    from complaint_rules.testing import check_policy\n"
        "except ModuleNotFoundError as exc:\n"
        "    print(exc)\n"
    )
    assert _subprocess(code) == (
        "complaint_rules.testing needs hypothesis: pip install 'complaint-rules[testing]'"
    )


def test_public_names() -> None:
    assert sorted(kit.__all__) == sorted(kit._WHERE)
    for name in kit.__all__:
        assert getattr(kit, name) is not None
    assert [inv.name for inv in INVARIANTS] == [
        "complete_decision",
        "no_deadline_before_receipt",
        "later_receipt_not_earlier",
        "earliest_not_after_latest",
        "level_order",
        "penalties_in_range",
        "escalations_end",
        "not_looser_than_base",
        "deterministic",
        "json_round_trip",
    ]
    for inv in INVARIANTS:
        assert getattr(invariants, inv.name) is inv.check


def test_an_abstract_policy_is_only_loaded() -> None:
    report = check_policy(ROOT / "policies" / "cn_banking_baseline.yaml")
    assert report.ok
    reason = "the policy is abstract (a base for others): it decides nothing"
    assert str(report) == "\n".join(
        ["cn_banking_baseline: all 0 invariants hold"]
        + [f"skipped {inv.name}: {reason}" for inv in INVARIANTS]
    )


# --- the strategies ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "policy_id", ["bocom", "hotel", "keyouqianqi_credit_union", "shihua_credit_coop", "xx_bank"]
)
def test_drawn_complaints_are_valid_for_their_policy(catalog: object, policy_id: str) -> None:
    policy = catalog.load(policy_id)  # type: ignore[attr-defined]

    @settings(max_examples=POLICY_EXAMPLES)
    @given(complaints(policy))
    def parses(complaint: dict[str, object]) -> None:
        parsed = parse_complaint(policy, complaint)
        assert json.loads(json.dumps(complaint, ensure_ascii=False)) == complaint
        assert parsed.channel in policy.channels.terms

    parses()


def test_drawn_complaints_cover_the_vocabulary(keyouqianqi: CompiledPolicy) -> None:
    # Every channel, category and finding is drawn, by its id and by another spelling;
    # facts are given or not.
    vocab = keyouqianqi.policy.vocabulary
    seen: set[tuple[str, str]] = set()

    @settings(max_examples=300, derandomize=True)  # the same 300 complaints on every run
    @given(complaints(keyouqianqi))
    def record(complaint: dict[str, Any]) -> None:
        for key in ("channel", "category"):
            seen.add((key, complaint[key]))
        for item in complaint.get("findings", []):
            seen.add(("findings", item if isinstance(item, str) else item["finding"]))
        seen.update(("fact", f"{fact}={complaint.get(fact)}") for fact in ("good_faith",))
        seen.add(("private", str("complainant" in complaint)))

    record()
    for key, terms in (
        ("channel", vocab.channels),
        ("category", vocab.categories),
        ("findings", vocab.findings),
    ):
        for term in terms:
            assert (key, term.id) in seen, term.id
            assert {(key, s) for s in (term.label, *term.aliases)} & seen, term.id
    assert {("fact", f"good_faith={v}") for v in (None, True, False)} <= seen
    assert {("private", "True"), ("private", "False")} <= seen


def test_received_instants_reach_the_hard_days(keyouqianqi: CompiledPolicy) -> None:
    last = max(keyouqianqi.calendar.known_years)
    days = set(special_days(keyouqianqi))
    assert {
        date(2026, 10, 1),  # National Day, a Thursday off
        date(2026, 9, 30),  # the working day before it
        date(2026, 10, 10),  # Sat, a make-up working day
        date(2026, 2, 14),  # Sat, a make-up working day before the Spring Festival
        date(2026, 4, 30),  # a month end
        date(2025, 12, 31),  # a year end
        date(2001, 1, 1),  # the first day of the published calendar
        date(last, 12, 31),  # the last known day
        date(last + 1, 1, 1),  # the first day of an unknown year
    } <= days
    instants = received_instants(keyouqianqi)
    tz = keyouqianqi.tz
    assert find(instants, lambda t: True) == datetime(2026, 3, 2, 9, 0, tzinfo=tz)
    find(instants, lambda t: t.astimezone(tz).date() in days - {date(2026, 3, 2)})
    find(instants, lambda t: t.astimezone(tz).date() not in days)
    find(instants, lambda t: t.tzinfo != tz and t.date() != t.astimezone(tz).date())
    find(instants, lambda t: t.time().microsecond == 999_999)


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
        # Received in the last half second of Mar 31: the count starts on Apr 1, so the
        # period ends with April (it once ended at Mar 31 23:59:59, before receipt).
        (
            "23:59:59",
            "{end_of_month: true}",
            "2026-03-31T23:59:59.500000+08:00",
            "2026-04-30T23:59:59+08:00",
        ),
        # One day counting the start day, the day ending at 08:00; received Mon Mar 2 at
        # 09:00, after that day's end: the day is Tue Mar 3, ending 08:00.
        (
            "08:00:00",
            "{calendar_days: 1}",
            "2026-03-02T09:00:00+08:00",
            "2026-03-03T08:00:00+08:00",
        ),
    ],
)
def test_received_after_the_days_end_counts_from_the_next_day(
    ends: str, within: str, received: str, due: str
) -> None:
    policy = load_policy_text(SAME_DAY.format(ends=ends, within=within))
    complaint = {"received_at": received, "channel": "counter", "category": "service"}
    invariants.no_deadline_before_receipt(policy, complaint)
    assert decide(policy, complaint).deadlines[0].due == datetime.fromisoformat(due)


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


def test_unknown_invariant_names_are_refused(keyouqianqi: CompiledPolicy) -> None:
    with pytest.raises(ValueError, match="unknown invariant 'no_such'; known: complete_decision"):
        check_policy(keyouqianqi, invariants=["no_such"])
    with pytest.raises(ValueError, match="unknown invariant 'no_such'"):
        policy_invariants("../../policies", invariants=["no_such"])


# --- the pytest plugin: a bank's three-line test file ---------------------------------------

THREE_LINES = """\
from complaint_rules.testing import policy_invariants

test_policies = policy_invariants("policies")
"""


def test_a_three_line_file_checks_a_policy_directory(tmp_path: Path) -> None:
    policies = tmp_path / "policies"
    policies.mkdir()
    good = (ROOT / "policies" / "shihua_credit_coop.yaml").read_text(encoding="utf-8")
    (policies / "shihua_credit_coop.yaml").write_text(good, encoding="utf-8")
    # my_bank: the same policy without its declaration that complex gets more time.
    broken = re.sub(r"(?m)^level_deadlines: not_tighter.*\n", "", good)
    assert broken != good
    (policies / "my_bank.yaml").write_text(
        broken.replace("id: shihua_credit_coop", "id: my_bank"), encoding="utf-8"
    )
    (policies / "typo.yaml").write_text(
        good.replace("within: {working_days: 1}", "withn: {working_days: 1}"), encoding="utf-8"
    )
    (tmp_path / "test_my_policies.py").write_text(THREE_LINES, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--policy-examples", "5"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
    )
    out = run.stdout
    assert run.returncode == 1, out
    typo = policies / "typo.yaml"
    failures = out[out.index("= FAILURES =") : out.index("= short test summary info =")]
    shown = failures.split("\n", 1)[1].rsplit("\n", 1)[0].replace(str(typo), "<typo>")
    assert shown.splitlines() == [
        "______________________ test_policies[my_bank-level_order] ______________________",
        "my_bank: 1 of 1 invariants broken",
        "FAILED level_order: level complex is more severe than level general (levels are listed "
        "mildest first) but its first deadline from receipt is later: reply_complex (rule "
        "reply_complex) due 2026-03-09T23:59:59+08:00 against reply_general (rule reply_general) "
        "due 2026-03-03T23:59:59+08:00 (a more severe level never gets a looser deadline than a "
        "milder one); if the policy means it, declare level_deadlines: not_tighter",
        '  smallest complaint: {"received_at": "2026-03-02T09:00:00+08:00", "channel": '
        '"unspecified", "category": "unspecified", "level": "general"}',
        "__________________________ test_policies[typo-loads] ___________________________",
        "<typo>: does not load: 1 problem in policy:",
        "  <typo>:193: rules[4].deadlines[0].withn: unknown key; allowed: article, note, id, "
        "label, starts, within, until, by; did you mean 'within'?",
    ]
    assert out.rstrip().splitlines()[-1].startswith("2 failed, 21 passed in ")
