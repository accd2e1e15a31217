"""Policy tests files: the bundled ones pass with full coverage; the runner's diffs, errors, exits.

The expected due instants of the bundled cases are worked out by hand in each tests file's
notes (policies/*.tests.yaml); here the runner's own behaviour is pinned with small files
written to a temporary directory.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from complaint_rules import Catalog
from complaint_rules.cli import main
from complaint_rules.decision.model import Decision
from complaint_rules.toolkit.policytests.cases import TestReport, find_tests_files, run_tests
from tests.support import ROOT

GRAND_HOTEL = ROOT / "examples" / "hotel_variant" / "grand_hotel_policies"
DECISION_FIELDS = ", ".join(Decision.model_fields)
FULLY_COVERED = ["bocom", "hotel", "keyouqianqi_credit_union", "shihua_credit_coop", "xx_bank"]

HEAD = "schema: complaint-rules-tests/1\npolicy: keyouqianqi_credit_union\ncases:\n"
CASE = """\
  - name: 一般投訴 before National Day
    complaint:
      received_at: 2026-09-30T10:00:00+08:00
      channel: letter
      category: work_error
"""


@pytest.fixture(scope="module")
def bundled(catalog: Catalog) -> TestReport:
    return run_tests([ROOT / "policies", GRAND_HOTEL], catalog)


def write(tmp_path: Path, text: str, name: str = "k.tests.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["test", *argv])
    out, err = capsys.readouterr()
    return code, out, err


# --- the bundled tests files ------------------------------------------------------------


def test_every_bundled_case_passes(bundled: TestReport) -> None:
    failures = [
        (f.file, c.name, c.mismatches) for f in bundled.files for c in f.cases if not c.passed
    ]
    assert failures == []
    assert [p for f in bundled.files for p in f.problems] == []
    assert bundled.ok


def test_each_decidable_bundled_policy_has_a_tests_file(catalog: Catalog) -> None:
    names = sorted(p.name for p in find_tests_files([ROOT / "policies"]))
    assert names == [f"{i}.tests.yaml" for i in FULLY_COVERED]
    # The baseline is abstract: it cannot decide, so it is tested through bocom.
    assert catalog.load("cn_banking_baseline").policy.abstract
    assert not (ROOT / "policies" / "cn_banking_baseline.tests.yaml").exists()


@pytest.mark.parametrize("policy_id", FULLY_COVERED)
def test_bundled_policies_are_fully_covered(bundled: TestReport, policy_id: str) -> None:
    (cov,) = [c for c in bundled.coverage if c.policy == policy_id]
    assert cov.missed == ()
    assert (cov.covered, cov.percent) == (cov.total, 100.0)
    assert cov.decided >= 5


def test_baseline_rules_count_in_bocom(bundled: TestReport, catalog: Catalog) -> None:
    from complaint_rules.toolkit.policytests.coverage import parts

    bocom = catalog.load("bocom")
    inherited = [p for p in parts(bocom) if p.layer == "cn_banking_baseline"]
    rules = {p.id for p in inherited if p.kind == "rule"}
    assert rules == {r.id for r in catalog.load("cn_banking_baseline").policy.rules}
    (cov,) = [c for c in bundled.coverage if c.policy == "bocom"]
    assert cov.total == len(parts(bocom)) > len(inherited) > 0
    assert not [m for m in cov.missed if m.layer == "cn_banking_baseline"]


def test_grand_hotel_cases_cover_its_approval_tiers(bundled: TestReport) -> None:
    (cov,) = [c for c in bundled.coverage if c.policy == "grand_hotel"]
    kinds = {k.kind: (k.covered, k.total) for k in cov.kinds}
    assert kinds["approval"] == (1, 1)
    assert cov.percent < 100.0  # the hotel's other rules are tested in hotel.tests.yaml


# --- failures and their diffs ----------------------------------------------------------


def test_a_failing_case_shows_each_difference_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Wed Sep 30 + 3 working days is Sat Oct 10 (Oct 1-7 off, Oct 10 a make-up day): the
    # case below wrongly expects Oct 9, the complex level and its escalation.
    path = write(
        tmp_path,
        HEAD
        + CASE
        + """\
    expect:
      level: complex
      deadlines:
        - {id: reply_general, due: 2026-10-09T23:59:59+08:00, by: [complained_unit]}
      escalations: [overrun_complex]
      penalties: []
""",
    )
    code, out, err = run_cli(capsys, str(path))
    assert code == 1
    assert err == ""
    failure, _, rest = out.partition("\n\n")
    assert failure.splitlines() == [
        f"FAIL {path}:4: 一般投訴 before National Day",
        f"  {path}:10: level",
        "    expected: complex",
        "    actual:   general",
        f"  {path}:12: deadlines[reply_general].due",
        "    expected: 2026-10-09T23:59:59+08:00",
        "    actual:   2026-10-10T23:59:59+08:00",
        f"  {path}:13: escalations[overrun_complex]",
        "    expected: present",
        "    actual:   absent; here: overrun_general",
    ]
    assert rest.splitlines()[0] == f"FAIL {path}: 1 case, 1 failed"
    assert out.splitlines()[-1] == "1 case in 1 file: 0 passed, 1 failed"


def test_passing_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(
        tmp_path,
        HEAD
        + CASE
        + """\
    expect:
      level: 一般投訴
      deadlines: [{id: reply_general, due: 2026-10-10T15:59:59Z}]
      escalations: [overrun_general]
""",
    )
    code, out, _ = run_cli(capsys, str(tmp_path))
    assert code == 0
    assert out.splitlines()[0] == f"ok   {path}: 1 case"
    assert out.splitlines()[-1] == "1 case in 1 file: 1 passed, 0 failed"


def test_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(
        tmp_path,
        HEAD + CASE + "    expect:\n      deadlines: [{id: reply_general, amount: 4}]\n",
    )
    code, out, _ = run_cli(capsys, str(path), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert (data["ok"], data["cases"], data["passed"], data["failed"]) == (False, 1, 0, 1)
    (case,) = data["files"][0]["cases"]
    assert case == {
        "name": "一般投訴 before National Day",
        "line": 4,
        "passed": False,
        "mismatches": [
            {"field": "deadlines[reply_general].amount", "expected": "4", "actual": "3", "line": 10}
        ],
    }
    (cov,) = data["coverage"]
    assert cov["policy"] == "keyouqianqi_credit_union" and cov["decided"] == 1
    again = run_cli(capsys, str(path), "--format", "json")
    assert again == (1, out, "")  # byte-identical


def test_unexpected_refusal_and_unexpected_decision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path,
        HEAD
        + """\
  - name: refused but expected to decide
    complaint: {received_at: 2026-09-30T10:00:00, channel: letter, category: work_error}
    expect: {level: general}
"""
        + CASE
        + "    expect_error: [{field: channel}]\n",
    )
    code, out, _ = run_cli(capsys, str(path))
    assert code == 1
    assert out.split("\n\n")[:2] == [
        "\n".join(
            [
                f"FAIL {path}:4: refused but expected to decide",
                f"  {path}:5: received_at",
                "    expected: a decision",
                "    actual:   refused: received_at has no UTC offset; give one, "
                "e.g. 2026-09-30T10:00:00+08:00",
            ]
        ),
        "\n".join(
            [
                f"FAIL {path}:7: 一般投訴 before National Day",
                f"  {path}:12: (complaint)",
                "    expected: refused with field: channel",
                "    actual:   decided",
            ]
        ),
    ]


def test_expected_refusals(tmp_path: Path, catalog: Catalog) -> None:
    path = write(
        tmp_path,
        HEAD
        + """\
  - name: refused as expected
    complaint: {received_at: 2026-09-30T10:00:00+08:00, channel: letter, category: x, level: y}
    expect_error:
      - field: level
        message: "not accepted: this policy derives the level from its classification table"
      - {field: category, contains: work_error}
  - name: the wrong reason
    complaint: {received_at: 2026-09-30T10:00:00, channel: letter, category: work_error}
    expect_error: [{field: channel}]
""",
    )
    report = run_tests([path], catalog)
    first, second = report.files[0].cases
    assert first.passed
    (m,) = second.mismatches
    assert (m.field, m.expected, m.line) == ("channel", "field: channel", 12)
    assert m.actual == (
        "refused with: received_at: received_at has no UTC offset; "
        "give one, e.g. 2026-09-30T10:00:00+08:00"
    )


def test_calendar_refusal_and_estimate(tmp_path: Path, catalog: Catalog) -> None:
    # Wed Dec 30 2026 + 3 working days needs January 2027, whose schedule is unpublished.
    # Estimated: Dec 31 = 1; Jan 1 2027 New Year; Mon Jan 4 = 2, Tue Jan 5 = 3.
    complaint = "{received_at: 2026-12-30T10:00:00+08:00, channel: letter, category: work_error}"
    path = write(
        tmp_path,
        HEAD
        + f"""\
  - name: refused
    complaint: {complaint}
    expect_error: [{{contains: the official holiday schedule for 2027 is not known}}]
  - name: estimated
    complaint: {complaint}
    estimate: true
    expect:
      deadlines: [{{id: reply_general, due: 2027-01-05T23:59:59+08:00, estimated: true}}]
""",
    )
    assert run_tests([path], catalog).ok


# --- what an expectation means ---------------------------------------------------------


def mismatches(tmp_path: Path, catalog: Catalog, expect: str, complaint: str = CASE) -> list[str]:
    path = write(tmp_path, HEAD + complaint + expect)
    (result,) = run_tests([path], catalog).files
    assert result.problems == ()
    (case,) = result.cases
    return [f"{m.field}: expected {m.expected}; actual {m.actual}" for m in case.mismatches]


def test_lists_of_elements_hold_what_must_be_present(tmp_path: Path, catalog: Catalog) -> None:
    expect = """\
    expect:
      matched_rules: [flow_letter]
      routing: [{duty: handles, role: 被投訴單位}]
      reports: []
      penalties: []
      gaps: [{about: deadline}]
"""
    assert mismatches(tmp_path, catalog, expect) == [
        "reports: expected none; actual letter_written_report, reply_form_to_issuer, "
        "reply_form_copy, unit_reports_handling, periodic_notification",
        "gaps[0]: expected {about: deadline}; actual no match; "
        "here: retention from confidentiality_and_records",
    ]


def test_lists_of_names_are_compared_exactly(tmp_path: Path, catalog: Catalog) -> None:
    expect = """\
    expect:
      reports:
        - {id: letter_written_report, to: [higher_union], by: []}
        - {id: reply_form_copy, to: [相關部門]}
"""
    assert mismatches(tmp_path, catalog, expect) == [
        "reports[letter_written_report].by: expected []; actual [complained_unit]"
    ]


def test_instants_are_compared_as_instants_and_money_as_numbers(
    tmp_path: Path, catalog: Catalog
) -> None:
    complaint = CASE.replace(
        "category: work_error", "category: work_error\n      findings: [our_fault]"
    )
    expect = """\
    expect:
      received_at: 2026-09-30T02:00:00Z
      deadlines: [{id: reply_general, due: 2026-10-10T23:59:59+09:00}]
      penalties: [{id: party_criticism, min_yuan: null, occurrences: 1}]
"""
    assert mismatches(tmp_path, catalog, expect, complaint) == [
        "deadlines[reply_general].due: expected 2026-10-10T23:59:59+09:00; "
        "actual 2026-10-10T23:59:59+08:00"
    ]


def test_expect_absent(tmp_path: Path, catalog: Catalog) -> None:
    expect = """\
    expect_absent:
      deadlines: [reply_complex]
      escalations: [overrun_general]
      routing: [{duty: handles, role: complained_unit}]
"""
    assert mismatches(tmp_path, catalog, expect) == [
        "escalations[overrun_general]: expected absent; actual present: overrun_general",
        "routing[0]: expected absent; actual present: handles/complained_unit",
    ]


# --- a tests file that cannot run -------------------------------------------------------


def test_malformed_file_lists_every_problem_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path,
        """\
schema: complaint-rules-tests/1
policy: keyouqianqi_credit_union
cases:
  - name: typos
    complaint: {received_at: 2026-09-30T10:00:00+08:00, channel: letter, category: work_error}
    at: 2026-10-01
    expect:
      level: {id: general, how: clasified}
      dedlines: []
      deadlines:
        - {due: 2026-10-10}
        - {id: reply_general, amount: "3"}
      penalties: [{id: x, total_min_yuan: 1.5}]
  - name: neither
    complaint: {}
    colour: red
""",
    )
    code, out, err = run_cli(capsys, str(path))
    assert code == 1
    assert out.splitlines()[0] == f"ERROR {path}: cannot run (see the errors)"
    assert out.splitlines()[-1] == "0 cases in 1 file: 0 passed, 0 failed, 1 file could not run"
    assert err.splitlines() == [
        f"{path}:6: cases[0].at: expected an instant: ISO 8601 with an offset, "
        "e.g. 2026-10-12T09:00:00+08:00",
        f'{path}:8: cases[0].expect.level.how: "clasified" is not possible; one of: input, '
        "classified, default; did you mean 'classified'?",
        f"{path}:9: cases[0].expect.dedlines: unknown key; allowed: {DECISION_FIELDS}; "
        "did you mean 'deadlines'?",
        f"{path}:11: cases[0].expect.deadlines[0]: name the element by its id",
        f"{path}:11: cases[0].expect.deadlines[0].due: expected an instant: ISO 8601 with an "
        "offset, e.g. 2026-10-09T23:59:59+08:00 (got 2026-10-10)",
        f'{path}:12: cases[0].expect.deadlines[1].amount: expected a whole number, got "3"',
        f"{path}:13: cases[0].expect.penalties[0].total_min_yuan: write amounts as an integer "
        'or a quoted decimal, e.g. "99.50" (got 1.5)',
        f"{path}:16: cases[1].colour: unknown key; allowed: name, note, complaint, at, estimate, "
        "expect, expect_absent, expect_error",
    ]


def test_yaml_errors_and_missing_policy_are_located(tmp_path: Path, catalog: Catalog) -> None:
    case = CASE + "    expect: {}\n"
    dup = write(tmp_path, HEAD.replace("cases:", "policy: x\ncases:") + case, "dup.tests.yaml")
    nope = write(
        tmp_path, HEAD.replace("keyouqianqi_credit_union", "nope") + case, "nope.tests.yaml"
    )
    report = run_tests([dup, nope], catalog)
    assert report.invalid_files == 2 and not report.ok
    assert [str(p) for f in report.files for p in f.problems] == [
        f"{dup}:3: policy: duplicate key 'policy' (first at line 2); remove one: YAML would "
        "silently keep the last",
        f"{nope}:2: policy: cannot load policy 'nope':",
        "<input>: no policy 'nope'; known: bocom, cn_banking_baseline, hotel, "
        "keyouqianqi_credit_union, shihua_credit_coop, xx_bank",
    ]


def test_policy_named_by_a_relative_path(tmp_path: Path, catalog: Catalog) -> None:
    (tmp_path / "mine.yaml").write_bytes(
        (ROOT / "policies" / "shihua_credit_coop.yaml").read_bytes()
    )
    path = write(
        tmp_path,
        """\
schema: complaint-rules-tests/1
policy: ./mine.yaml
cases:
  - name: 一般投訴 late on a Friday
    note: Fri Mar 6 -> Mon Mar 9 = 1.
    complaint: {received_at: 2026-03-06T23:30:00+08:00, channel: 投訴, category: 投訴, level: 一般}
    expect:
      deadlines: [{id: reply_general, due: 2026-03-09T23:59:59+08:00}]
""",
    )
    report = run_tests([path], catalog)
    assert report.ok and report.files[0].policy == "shihua_credit_coop"


# --- exit codes and coverage options ----------------------------------------------------


def test_fail_under(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, HEAD + CASE + "    expect: {level: general}\n")
    code, out, err = run_cli(capsys, str(tmp_path), "--fail-under", "90", "--coverage")
    assert code == 1
    assert err.startswith("coverage of keyouqianqi_credit_union is ")
    assert err.endswith("%, under 90%\n")
    lines = out.splitlines()
    start = lines.index("    not exercised:")
    assert lines[start + 1 : start + 3] == [
        "      classification row cls_complex (第十一條)",
        "      rule flow_in_person (第十條): the rule; action register_in_person, "
        "soothe_customer, feedback_in_person",
    ]
    assert run_cli(capsys, str(tmp_path), "--fail-under", "1")[0] == 0


def test_no_tests_files_and_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(capsys, str(tmp_path)) == (1, "", "no tests files found (*.tests.yaml)\n")
    with pytest.raises(SystemExit) as info:
        main(["test"])
    assert info.value.code == 2
    capsys.readouterr()


def test_coverage_counts_only_applied_sanctions(tmp_path: Path, catalog: Catalog) -> None:
    from complaint_rules.decision.engine import decide
    from complaint_rules.toolkit.policytests.coverage import coverage

    xx = catalog.load("xx_bank")
    base = {"received_at": "2026-03-02T09:00:00+08:00", "channel": "投訴", "category": "信貸管理"}
    conditional = decide(xx, {**base, "findings": ["credit_misconduct"]})
    cov = coverage(xx, [conditional])
    missed = {m.id for m in cov.missed if m.kind == "sanction"}
    assert "credit_misconduct_deduction/termination" in missed
    serious = decide(xx, {**base, "findings": ["credit_misconduct"], "serious_circumstances": True})
    cov = coverage(xx, [conditional, serious])
    assert "credit_misconduct_deduction/termination" not in {m.id for m in cov.missed}
    assert cov.decided == 2


def test_case_names_are_unique(tmp_path: Path, catalog: Catalog) -> None:
    case = CASE + "    expect: {}\n"
    path = write(tmp_path, HEAD + case + case)
    (result,) = run_tests([path], catalog).files
    assert [str(p) for p in result.problems] == [
        f"{path}:10: cases[1].name: duplicate case name (first at line 4): name each case apart"
    ]


def test_policy_beside_with_another_id_is_refused(tmp_path: Path, catalog: Catalog) -> None:
    source = ROOT / "policies" / "shihua_credit_coop.yaml"
    (tmp_path / "other.yaml").write_bytes(source.read_bytes())
    path = write(
        tmp_path, HEAD.replace("keyouqianqi_credit_union", "other") + CASE + "    expect: {}\n"
    )
    (result,) = run_tests([path], catalog).files
    assert [str(p) for p in result.problems] == [
        f"{path}:2: policy: {tmp_path / 'other.yaml'} declares id 'shihua_credit_coop', not 'other'"
    ]
