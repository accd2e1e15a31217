"""Policy tests files: the bundled ones pass; the runner reads a file, decides each case and
refuses a file it cannot run, every problem located.

The expected due instants of the bundled cases are worked out by hand in each tests file's
notes (policies/*.tests.yaml); here the runner's own behaviour is pinned with small files
written to a temporary directory.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from complaint_rules import Catalog
from complaint_rules.decision.model import Decision
from complaint_rules.toolkit.policytests.cases import TestReport, find_tests_files, run_tests
from tests.support import ROOT
from tests.support.policytests import CASE, FULLY_COVERED, HEAD, run_cli, write

DECISION_FIELDS = ", ".join(name for name in Decision.model_fields if name != "schema_")


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


# --- refusals and estimates ------------------------------------------------------------


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
      deadlines: [{{id: reply_general, due: {{last_day: 2027-01-05}}, estimated: true}}]
""",
    )
    assert run_tests([path], catalog).ok


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
        - {due: {last_day: 2026-10-10T23:59:59+08:00}}
        - {id: reply_general, amount: "3", due_earliest: 2026-10-10}
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
    # Each problem is located to the column and shown under its line of the file.
    assert err.splitlines()[:3] == [
        f"{path}:6:5: cases[0].at: expected an instant: ISO 8601 with an offset, "
        "e.g. 2026-10-12T09:00:00+08:00",
        "    6 |     at: 2026-10-01",
        "      |     ^",
    ]
    heads = [
        re.sub(r"^(.*?:\d+):\d+: ", r"\1: ", line)
        for line in err.splitlines()
        if not line.startswith(" ")
    ]
    assert heads == [
        f"{path}:6: cases[0].at: expected an instant: ISO 8601 with an offset, "
        "e.g. 2026-10-12T09:00:00+08:00",
        f'{path}:8: cases[0].expect.level.how: "clasified" is not possible; one of: input, '
        "classified, default; did you mean 'classified'?",
        f"{path}:9: cases[0].expect.dedlines: unknown key; allowed: {DECISION_FIELDS}; "
        "did you mean 'deadlines'?",
        f"{path}:11: cases[0].expect.deadlines[0]: name the element by its id",
        f"{path}:11: cases[0].expect.deadlines[0].due.last_day: expected a date, e.g. "
        '2026-10-09 (got "2026-10-10T23:59:59+08:00")',
        f'{path}:12: cases[0].expect.deadlines[1].amount: expected a whole number, got "3"',
        f"{path}:12: cases[0].expect.deadlines[1].due_earliest: expected a mapping with keys "
        "among: last_day, late_from",
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
      deadlines: [{id: reply_general, due: {last_day: 2026-03-09}}]
""",
    )
    report = run_tests([path], catalog)
    assert report.ok and report.files[0].policy == "shihua_credit_coop"


# --- case names, the policy beside ---------------------------------------------------------


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
