"""Realistic broken edits of the bundled policies, each caught by the testing kit.

Each test edits a bundled policy as a compliance officer might, writes it to a temporary
directory, runs :func:`complaint_rules.testing.check_policy` on the file (every
invariant, as a bank's test suite would), and compares the whole finding: a shrunk
counterexample, or the located load error. The expected dates are worked out by hand.
"""

from __future__ import annotations

from pathlib import Path

from complaint_rules.testing import check_policy
from complaint_rules.testing._report import PolicyReport
from tests.support import ROOT
from tests.support.profiles import POLICY_EXAMPLES

EXAMPLES = max(10, POLICY_EXAMPLES // 3)
"""Complaints per invariant: an edit's counterexample is found at once, the rest hold."""

POLICIES = ROOT / "policies"


def edited(tmp_path: Path, policy_id: str, *edits: tuple[str, str]) -> tuple[Path, str]:
    """The bundled policy with each (old, new) replaced once, written under tmp_path."""
    text = (POLICIES / f"{policy_id}.yaml").read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, f"{policy_id}.yaml no longer has exactly one {old!r}"
        text = text.replace(old, new)
    path = tmp_path / f"{policy_id}.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def rule_index(text: str, rule_id: str) -> int:
    rules = text[text.index("\nrules:\n") :]
    ids = [line.split("id: ", 1)[1] for line in rules.splitlines() if line.startswith("  - id: ")]
    return ids.index(rule_id)


def finding(report: PolicyReport, invariant: str) -> str:
    """The report's line for ``invariant``, which must be among its failures."""
    assert invariant in [r.name for r in report.failures], str(report)
    return next(str(r) for r in report.results if r.name == invariant)


def holds(policy_id: str, invariant: str) -> bool:
    report = check_policy(
        POLICIES / f"{policy_id}.yaml", invariants=[invariant], max_examples=EXAMPLES
    )
    return report.ok


# --- 1. a deadline made looser than the baseline layer -------------------------------------


def test_bocom_deadline_looser_than_the_baseline(tmp_path: Path) -> None:
    # The officer copies the 2012 notice's "15 working days" over the baseline's 15
    # calendar days (CBIRC Order 2020 No. 3 Art. 18). Received Mon 2 Mar 2026 09:00:
    # 15 calendar days end Tue 17 Mar; 15 working days are 3-6, 9-13, 16-20, 23 Mar.
    path, _ = edited(
        tmp_path,
        "bocom",
        (
            "rules:\n  # --- what the text does not set",
            "rules:\n"
            "  - id: decision_within_15_days\n"
            "    article: 第十八條\n"
            "    title: 十五個工作日內作出處理決定\n"
            "    deadlines:\n"
            "      - id: decision_15d\n"
            "        label: 作出處理決定並告知投訴人\n"
            "        within: {working_days: 15}\n\n"
            "  # --- what the text does not set",
        ),
    )
    assert holds("bocom", "not_looser_than_base")
    report = check_policy(path, max_examples=EXAMPLES)
    assert finding(report, "not_looser_than_base") == (
        "FAILED not_looser_than_base: cn_banking_baseline's deadline decision_15d (rule "
        "decision_within_15_days) is due by the end of 2026-03-17 (24:00), but this policy's "
        "is due by the end of 2026-03-23 (24:00), later (rule decision_within_15_days, layer "
        "bocom)\n"
        '  smallest complaint: {"received_at": "2026-03-02T09:00:00+08:00", "channel": '
        '"letter", "category": "credit_card"}'
    )


def test_bocom_removing_the_baseline_deadline(tmp_path: Path) -> None:
    path, _ = edited(
        tmp_path,
        "bocom",
        (
            "extends: cn_banking_baseline\n",
            "extends: cn_banking_baseline\nremove_rules: [decision_within_15_days]\n",
        ),
    )
    report = check_policy(path, max_examples=EXAMPLES)
    assert finding(report, "not_looser_than_base") == (
        "FAILED not_looser_than_base: cn_banking_baseline's deadline decision_15d (rule "
        "decision_within_15_days) is due by the end of 2026-03-17 (24:00), but this policy has no "
        "deadline decision_15d and none other from receipt due by then\n"
        '  smallest complaint: {"received_at": "2026-03-02T09:00:00+08:00", "channel": '
        '"letter", "category": "credit_card"}'
    )


# --- 2. an escalation cycle -----------------------------------------------------------------


def test_keyouqianqi_escalation_cycle(tmp_path: Path) -> None:
    # Each overrun report is made the next step of the other.
    path, text = edited(
        tmp_path,
        "keyouqianqi_credit_union",
        (
            "        deadline: reply_general\n        by: [complained_unit]\n"
            "        to: [acceptance_dept]\n",
            "        deadline: reply_general\n        by: [complained_unit]\n"
            "        to: [acceptance_dept]\n        next: overrun_complex\n",
        ),
        (
            "        deadline: reply_complex\n        by: [complained_unit]\n"
            "        to: [acceptance_dept]\n",
            "        deadline: reply_complex\n        by: [complained_unit]\n"
            "        to: [acceptance_dept]\n        next: overrun_general\n",
        ),
    )
    line = line_of(text, "        next: overrun_complex\n")
    rule = rule_index(text, "limit_general")
    assert str(check_policy(path)) == (
        f"{path}: does not load: 1 problem in policy:\n"
        f"  {path}:{line}: rules[{rule}].escalations[0].next: escalation steps form a cycle: "
        "overrun_complex -> overrun_general -> overrun_complex"
    )


# --- 3. a penalty range inverted ------------------------------------------------------------


def test_xx_bank_penalty_range_inverted(tmp_path: Path) -> None:
    old = "        finding: legal_violation\n        subjects: [responsible_person]\n"
    old += "        kind: pay_deduction\n        amount_yuan: {min: 200, max: 2000}\n"
    path, text = edited(
        tmp_path, "xx_bank", (old, old.replace("min: 200, max: 2000", "min: 2000, max: 200"))
    )
    line = line_of(text, "amount_yuan: {min: 2000, max: 200}")
    rule = rule_index(text, "legal_violation")
    assert str(check_policy(path)) == (
        f"{path}: does not load: 1 problem in policy:\n"
        f"  {path}:{line}: rules[{rule}].penalties[0].amount_yuan.min: "
        "min 2000 is greater than max 200 (yuan)"
    )


# --- 4. a category left unreachable ---------------------------------------------------------


def test_keyouqianqi_category_left_out_of_the_classification(tmp_path: Path) -> None:
    # 服務渠道 dropped from 第十一條's 復雜 row: its complaints get no level, hence no time
    # limit, and no gap says so (金融犯罪 and 匿名投訴 have one).
    path, _ = edited(
        tmp_path,
        "keyouqianqi_credit_union",
        (
            "when: {category: [service_product, service_channel, irregular_operation]}",
            "when: {category: [service_product, irregular_operation]}",
        ),
    )
    assert holds("keyouqianqi_credit_union", "complete_decision")
    report = check_policy(path, max_examples=EXAMPLES)
    assert finding(report, "complete_decision") == (
        "FAILED complete_decision: the decision for category service_channel, channel phone, "
        "level none has no deadline, no gap about deadlines and no pending rule with a deadline\n"
        '  smallest complaint: {"received_at": "2026-03-02T09:00:00+08:00", "channel": '
        '"phone", "category": "service_channel"}'
    )


# --- 5. a level ordering reversed -----------------------------------------------------------


def test_shihua_levels_listed_in_reverse(tmp_path: Path) -> None:
    # Levels are listed mildest first; the officer lists 復雜 first. The policy declares
    # that a more severe level never gets a tighter deadline (復雜 5 working days, 一般 1):
    # now 一般 is "more severe" and has the tighter one. Received Mon 2 Mar 2026: 1 working
    # day ends Tue 3 Mar, 5 end Mon 9 Mar.
    description = (
        "      description:\n"
        "        zh-Hant: 原文未界定；級別由主機系統給出。\n"
        "        en: The source does not define it; the host gives the level.\n"
    )
    general = (
        "    - id: general\n      label: 一般投訴\n      aliases: [一般]\n"
        + description
        + "      article: 二、5\n"
    )
    complex_ = (
        "    - id: complex\n      label: 復雜投訴\n"
        "      aliases: [復雜]\n" + description + "      article: 二、5\n"
    )
    text = (POLICIES / "shihua_credit_coop.yaml").read_text(encoding="utf-8")
    assert "\nlevel_deadlines: not_tighter" in text  # what the bundled policy declares
    assert holds("shihua_credit_coop", "level_order")
    path, _ = edited(tmp_path, "shihua_credit_coop", (general + complex_, complex_ + general))
    report = check_policy(path, max_examples=EXAMPLES)
    assert finding(report, "level_order") == (
        "FAILED level_order: level general is more severe than level complex (levels are listed "
        "mildest first) but its first deadline from receipt is earlier: reply_general (rule "
        "reply_general) due by the end of 2026-03-03 (24:00) against reply_complex (rule "
        "reply_complex) due by the end of 2026-03-09 (24:00) (a more severe level never gets a "
        "tighter deadline than a milder one), although the policy declares "
        "level_deadlines: not_tighter\n"
        '  smallest complaint: {"received_at": "2026-03-02T09:00:00+08:00", "channel": '
        '"unspecified", "category": "unspecified", "level": "complex"}'
    )


# --- 6. a duplicate key ---------------------------------------------------------------------


def test_keyouqianqi_duplicate_key(tmp_path: Path) -> None:
    # A second `within` under the same deadline: plain YAML would keep the last (5 days).
    path, text = edited(
        tmp_path,
        "keyouqianqi_credit_union",
        (
            "        within: {working_days: 3}\n",
            "        within: {working_days: 3}\n        within: {working_days: 5}\n",
        ),
    )
    first = line_of(text, "        within: {working_days: 3}\n")
    rule = rule_index(text, "limit_general")
    assert str(check_policy(path)) == (
        f"{path}: does not load: 1 problem in policy:\n"
        f"  {path}:{first + 1}: rules[{rule}].deadlines[0].within: duplicate key 'within' "
        f"(first at line {first}); remove one: YAML would silently keep the last"
    )
