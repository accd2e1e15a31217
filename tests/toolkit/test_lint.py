"""Lint: each check on a small policy that triggers it, with the exact finding and its line."""

from __future__ import annotations

from pathlib import Path

from complaint_rules import Catalog, load_policy
from complaint_rules.toolkit.lint import LintReport, lint
from tests.support.lint_policy import CLEAN, INTAKE_WHEN, add_rule, edit


def run_lint(tmp_path: Path, text: str) -> tuple[LintReport, Path]:
    path = tmp_path / "mini.yaml"
    path.write_text(text, encoding="utf-8")
    return lint(load_policy(path), source=path), path


def line_of(text: str, fragment: str) -> int:
    """The 1-based line of the only line containing ``fragment``."""
    (number,) = [i for i, line in enumerate(text.splitlines(), 1) if fragment in line]
    return number


def summary(report: LintReport) -> list[tuple[str, str, str, int | None]]:
    return [(f.severity, f.code, f.message, f.line) for f in report.findings]


def test_a_clean_policy_has_no_findings(tmp_path: Path) -> None:
    report, _ = run_lint(tmp_path, CLEAN)
    assert report.findings == ()
    assert report.as_text() == "mini 1: 0 error(s), 0 warning(s), 0 info\n"


def test_a_channel_no_rule_reaches(tmp_path: Path) -> None:
    text = edit(INTAKE_WHEN, INTAKE_WHEN.replace("[counter, phone]", "[counter]"))
    report, path = run_lint(tmp_path, text)
    assert summary(report) == [
        (
            "warning",
            "unreached-channel",
            "channel phone (電話投訴): no rule that looks at the channel applies to it; "
            "its complaints get only what every channel gets",
            line_of(text, "{id: phone"),
        )
    ]
    (finding,) = report.findings
    assert (finding.file, finding.field) == (str(path), "vocabulary.channels[1]")
    assert finding.as_text() == (
        f"{path}:{finding.line}: vocabulary.channels[1]: warning unreached-channel: channel "
        "phone (電話投訴): no rule that looks at the channel applies to it; its complaints get "
        "only what every channel gets"
    )


def test_a_category_no_rule_reaches_and_a_dimension_no_rule_looks_at(tmp_path: Path) -> None:
    text = edit(INTAKE_WHEN, INTAKE_WHEN.replace("[service, product]", "[service]"))
    report, _ = run_lint(tmp_path, text)
    assert summary(report) == [
        (
            "warning",
            "unreached-category",
            "category product (服務產品): no rule that looks at the category applies to it; "
            "its complaints get only what every category gets",
            line_of(text, "{id: product"),
        )
    ]
    text = edit(INTAKE_WHEN, INTAKE_WHEN.replace(" category: [service, product],", ""))
    report, _ = run_lint(tmp_path, text)
    assert summary(report) == [
        (
            "info",
            "unreached-category",
            "no rule looks at the category: its 2 values (service, product) are all decided alike",
            line_of(text, "  categories:"),
        )
    ]


def test_a_level_no_rule_reaches(tmp_path: Path) -> None:
    text = edit(INTAKE_WHEN, INTAKE_WHEN.replace("[minor, major]", "{at_least: major}"))
    report, _ = run_lint(tmp_path, text)
    assert summary(report) == [
        (
            "warning",
            "unreached-level",
            "level minor (輕微投訴): no rule that looks at the level applies to it",
            line_of(text, "{id: minor"),
        )
    ]


def test_a_level_the_classification_never_gives(tmp_path: Path) -> None:
    table = (
        "classification:\n  rows:\n"
        "    - {id: everything, article: 第一條, when: {category: [service, product]}, "
        "level: minor}\nrules:\n"
    )
    text = edit("rules:\n", table)
    report, _ = run_lint(tmp_path, text)
    assert summary(report) == [
        (
            "warning",
            "unreached-level",
            "level major (重大投訴): no classification row gives it and it is not the default",
            line_of(text, "{id: major"),
        )
    ]


def test_a_finding_no_rule_reaches(tmp_path: Path) -> None:
    text = edit(
        "    - {id: late_opening, label: 不按時開門營業}\n",
        "    - {id: late_opening, label: 不按時開門營業}\n    - {id: rude, label: 態度惡劣}\n",
    )
    report, _ = run_lint(tmp_path, text)
    assert summary(report) == [
        (
            "warning",
            "unreached-finding",
            "finding rude (態度惡劣): no penalty names it and no rule that tests it applies "
            "when it is found",
            line_of(text, "{id: rude"),
        )
    ]


def test_a_rule_that_never_applies(tmp_path: Path) -> None:
    rule = (
        "  - id: never\n    article: 第九條\n"
        "    when: {all: [{channel: counter}, {channel: phone}]}\n"
        "    actions:\n      - {id: nothing, label: 無}\n"
    )
    text = add_rule(rule)
    report, _ = run_lint(tmp_path, text)
    assert summary(report) == [
        (
            "warning",
            "dead-rule",
            "rule never never applies: no complaint satisfies "
            "all: [{channel: counter}, {channel: phone}]",
            line_of(text, "when: {all: [{channel: counter}"),
        )
    ]
    assert (report.findings[0].rule, report.findings[0].article) == ("never", "第九條")


def test_a_classification_row_shadowed_by_an_earlier_one(tmp_path: Path) -> None:
    table = (
        "classification:\n  rows:\n"
        "    - {id: both, article: 第一條, when: {category: [service, product]}, level: minor}\n"
        "    - {id: service_only, article: 第二條, when: {category: service}, level: major}\n"
        "rules:\n"
    )
    text = edit("rules:\n", table)
    report, _ = run_lint(tmp_path, text)
    assert summary(report) == [
        (
            "warning",
            "unreached-level",
            "level major (重大投訴): no classification row gives it and it is not the default",
            line_of(text, "{id: major"),
        ),
        (
            "warning",
            "shadowed-row",
            "classification row service_only (→ major) never sets the level: every complaint "
            "it matches is matched first by both",
            line_of(text, "{id: service_only"),
        ),
    ]
    assert report.findings[1].article == "第二條"


def test_rules_that_give_one_deadline_two_periods(tmp_path: Path) -> None:
    rule = (
        "  - id: phone_reply\n    article: 第五條\n    when: {channel: phone}\n"
        "    deadlines:\n      - {id: reply_phone, label: 回復, within: {working_days: 5}}\n"
    )
    text = add_rule(rule)
    report, _ = run_lint(tmp_path, text)
    assert summary(report) == [
        (
            "error",
            "conflicting-deadlines",
            "deadlines reply (3 working days, rule intake) and reply_phone (5 working days, "
            "rule phone_reply) are both 「回復」 and apply to the same complaints "
            "(where channel: 電話投訴 (phone))",
            line_of(text, "  - id: phone_reply"),
        )
    ]
    assert report.findings[0].example == {
        "received_at": "2026-03-10T10:00:00+08:00",
        "channel": "phone",
        "category": "service",
        "level": "minor",
    }
    assert report.errors == 1


def test_rules_that_give_the_reply_to_two_roles(tmp_path: Path) -> None:
    rule = (
        "  - id: head_replies\n    article: 第六條\n    when: {level: major}\n"
        "    routing:\n      - {duty: replies, role: head}\n"
    )
    text = add_rule(rule)
    report, _ = run_lint(tmp_path, text)
    assert summary(report) == [
        (
            "warning",
            "conflicting-duty",
            "rules intake and head_replies both assign replies to different roles: 櫃面 (desk) "
            "against 負責人 (head) (where level: 重大投訴 (major))",
            line_of(text, "  - id: head_replies"),
        )
    ]


def test_rules_that_run_into_a_declared_conflict(tmp_path: Path) -> None:
    # The policy says the desk and the head cannot both investigate one complaint (the head
    # may, or the desk; not each by a different rule). An either-of assignment that allows
    # the head (desk or head) goes with the head's own; the head's and the desk's do not.
    rules = (
        "  - id: desk_checks\n    article: 第六條\n    when: {level: major}\n"
        "    routing:\n      - {duty: investigates, role: desk}\n"
        "  - id: head_checks\n    article: 第七條\n    when: {channel: phone}\n"
        "    routing:\n      - {duty: investigates, role: head}\n"
        "  - id: either_checks\n    article: 第八條\n"
        "    routing:\n      - {duty: investigates, role: desk, or_roles: [head]}\n"
    )
    conflict = (
        "conflicts:\n"
        "  - {id: one_investigator, duty: investigates, roles: [desk, head], article: 第九條,"
        " text: 一人調查}\n"
    )
    text = add_rule(rules) + conflict
    report, _ = run_lint(tmp_path, text)
    assert summary(report) == [
        (
            "warning",
            "declared-conflict",
            "rules desk_checks (第六條) and head_checks (第七條) give investigates to 櫃面 (desk) "
            "and 負責人 (head), which conflict one_investigator (第九條) says cannot hold it "
            "together (where channel: 電話投訴 (phone); level: 重大投訴 (major))",
            line_of(text, "  - id: head_checks"),
        )
    ]


def test_rules_that_escalate_one_trigger_to_two_roles(tmp_path: Path) -> None:
    rule = (
        "  - id: self_review\n    article: 第七條\n"
        "    escalations:\n"
        "      - {id: sideways, label: 自查, on: dissatisfied, by: [desk], to: [desk]}\n"
    )
    text = add_rule(rule)
    report, _ = run_lint(tmp_path, text)
    assert summary(report) == [
        (
            "warning",
            "conflicting-escalation",
            "escalations up (rule intake) and sideways (rule self_review): on dissatisfied the "
            "same roles escalate to 負責人 (head) against 櫃面 (desk) (every complaint)",
            line_of(text, "  - id: self_review"),
        )
    ]


def test_rules_that_fine_one_finding_twice_differently(tmp_path: Path) -> None:
    rule = (
        "  - id: fines_again\n    article: 第八條\n    when: {finding: late_opening}\n"
        "    penalties:\n"
        "      - {id: late_fine_200, label: 每次處罰200元, finding: late_opening, "
        "subjects: [head], kind: fine, amount_yuan: {min: 200, max: 200}}\n"
    )
    text = add_rule(rule)
    report, _ = run_lint(tmp_path, text)
    assert summary(report) == [
        (
            "warning",
            "conflicting-penalties",
            "penalties late_fine_200 (rule fines_again: 200 yuan per occurrence) and late_fine "
            "(rule fines: 100 yuan per occurrence) give 負責人 (head) different fine amounts for "
            "finding late_opening (where finding 不按時開門營業 (late_opening): present)",
            text.splitlines().index("  - id: fines") + 1,
        )
    ]


def test_vocabulary_declared_and_never_used(tmp_path: Path) -> None:
    text = edit(
        "    - {id: head, label: 負責人}\n",
        "    - {id: head, label: 負責人}\n    - {id: audit, label: 稽核部}\n",
    )
    text = edit(
        "    - {id: dismissal, label: 開除}\n",
        "    - {id: dismissal, label: 開除}\n    - {id: warning_letter, label: 警告}\n",
        text,
    )
    text = edit(
        "    - {id: dissatisfied, label: 客戶不滿意}\n",
        "    - {id: dissatisfied, label: 客戶不滿意}\n    - {id: reopened, label: 重開}\n",
        text,
    )
    text = edit(
        "  - {id: serious, type: bool, label: 情節嚴重}\n",
        "  - {id: serious, type: bool, label: 情節嚴重}\n"
        "  - {id: vip, type: bool, label: 貴賓}\n"
        "parameters:\n  - {id: cap, type: money, label: 上限}\n",
        text,
    )
    report, _ = run_lint(tmp_path, text)
    assert summary(report) == [
        (
            "warning",
            "unused-role",
            "role audit (稽核部) is declared but never used",
            line_of(text, "{id: audit"),
        ),
        (
            "warning",
            "unused-sanction",
            "sanction warning_letter (警告) is declared but never used",
            line_of(text, "{id: warning_letter"),
        ),
        (
            "warning",
            "unused-event",
            "event reopened (重開) is declared but never used",
            line_of(text, "{id: reopened"),
        ),
        (
            "warning",
            "unused-fact",
            "fact vip (貴賓) is declared but never used",
            line_of(text, "{id: vip"),
        ),
        (
            "warning",
            "unused-parameter",
            "parameter cap (上限) is declared but never used",
            line_of(text, "{id: cap"),
        ),
    ]


EXTENSION = """\
schema: complaint-rules/1
id: probe_bank
version: "1"
title: 測試辦法
institution: 測試銀行
source: tests
extends: cn_banking_baseline
vocabulary:
  roles:
    - {id: desk, label: 櫃面}
  channels: [{id: counter, label: 櫃面投訴}]
  categories: [{id: service, label: 服務態度}]
rules:
  - id: decision_within_15_days
    article: 第三條
    when:
      complex_case: false
      further_extension_approved: false
      new_facts_at: {given: false}
    deadlines:
      - id: decision_15d
        label: 作出處理決定並告知投訴人
        within: {working_days: 11}
        by: [desk]
"""


def test_a_deadline_looser_than_the_base_layer(tmp_path: Path) -> None:
    catalog = Catalog()
    path = tmp_path / "probe_bank.yaml"
    path.write_text(EXTENSION, encoding="utf-8")
    policy = load_policy(path, resolve=catalog.load)
    report = lint(policy, base=catalog.load("cn_banking_baseline"), source=path)
    # Worked by hand, 11 working days against 15 calendar days (rolled past rest days):
    # Tue Mar 10: Mar 25 both. Wed Sep 30: Oct 8, 9, Sat 10 (make-up), 12-16, 19, 20, 21
    # against Oct 15. Sun Sep 20: 21-24, 28-30, Oct 8, 9, Sat 10, 12 against Oct 5 rolled
    # to Oct 8. Fri Jul 31: Aug 17 both (Aug 15 is a Saturday). Wed Dec 31 2025: Sun Jan 4
    # (make-up) ... Fri Jan 16 against Thu Jan 15.
    assert summary(report) == [
        (
            "error",
            "looser-than-base",
            "deadline decision_15d (作出處理決定並告知投訴人) falls later than the base layer "
            "cn_banking_baseline's for 3 of 5 kinds of complaint: 11 working days against "
            "15 calendar days; e.g. received 2026-09-30T16:00:00+08:00 (the day before "
            "National Day (Oct 1-7 off)): due by the end of 2026-10-21 (24:00), the base's "
            "by the end of 2026-10-15 (24:00)",
            line_of(EXTENSION, "  - id: decision_within_15_days"),
        )
    ]
    assert report.findings[0].example == {
        "received_at": "2026-09-30T16:00:00+08:00",
        "channel": "counter",
        "category": "service",
    }


def test_a_base_deadline_dropped(tmp_path: Path) -> None:
    catalog = Catalog()
    text = EXTENSION.replace(
        "        within: {working_days: 11}", "        within: {calendar_days: 15}"
    ).replace("      complex_case: false\n", "      complex_case: false\n      withdrawn: false\n")
    path = tmp_path / "probe_bank.yaml"
    path.write_text(text, encoding="utf-8")
    policy = load_policy(path, resolve=catalog.load)
    report = lint(policy, base=catalog.load("cn_banking_baseline"), source=path)
    assert summary(report) == [
        (
            "warning",
            "dropped-base-deadline",
            "the base layer cn_banking_baseline's deadline decision_15d (作出處理決定並告知投訴人, "
            "15 calendar days) no longer applies to 5 of 10 kinds of complaint it applies to "
            "in the base (where fact 投訴人撤回投訴 (withdrawn): true)",
            line_of(text, "  - id: decision_within_15_days"),
        )
    ]
