"""complaint-rules test: each case's result with the differences and their lines, the JSON
report, coverage, --fail-under, and the exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from complaint_rules.cli import main
from tests.support.policytests import CASE, HEAD, run_cli, write


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
        - {id: reply_general, due: {last_day: 2026-10-09}, by: [complained_unit]}
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
        f"  {path}:12: deadlines[reply_general].due.last_day",
        "    expected: 2026-10-09",
        "    actual:   2026-10-10",
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
      deadlines: [{id: reply_general, due: {late_from: 2026-10-10T16:00:00Z}}]
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


def test_an_officer_reads_a_failing_case_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The case of the first test (Oct 9 expected, Oct 10 due), run with the language chosen
    # by COMPLAINT_RULES_LANG, then by --lang.
    path = write(
        tmp_path,
        HEAD
        + CASE
        + """\
    expect:
      deadlines:
        - {id: reply_general, due: {last_day: 2026-10-09}, by: [complained_unit]}
""",
    )
    monkeypatch.setenv("COMPLAINT_RULES_LANG", "zh-Hant")
    code, out, _ = run_cli(capsys, str(path))
    assert code == 1
    assert out.splitlines()[:4] == [
        f"不通過 {path}:4:一般投訴 before National Day",
        f"  {path}:11: deadlines[reply_general].due.last_day",
        "    預期:2026-10-09",
        "    實際:2026-10-10",
    ]
    assert f"不通過 {path}: 1 個案例,1 個不通過" in out.splitlines()
    assert out.splitlines()[-1] == "1 個檔案中共 1 個案例:0 個通過,1 個不通過"
    code, out, _ = run_cli(capsys, str(path), "--lang", "zh-Hans")
    assert out.splitlines()[2:4] == ["    预期:2026-10-09", "    实际:2026-10-10"]
    assert out.splitlines()[-1] == "1 个文件中共 1 个案例:0 个通过,1 个不通过"


def test_an_officer_reads_the_coverage_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, HEAD + CASE + "    expect: {level: general}\n")
    code, hant, _ = run_cli(capsys, str(tmp_path), "--coverage", "--lang", "zh-Hant")
    _, hans, _ = run_cli(capsys, str(tmp_path), "--coverage", "--lang", "zh-Hans")
    _, english, _ = run_cli(capsys, str(tmp_path), "--coverage")
    assert code == 0
    # The English row, e.g. "keyouqianqi_credit_union: 14.3% (7/49; rule 2/13, ...)": the
    # same counts, the kinds of element said as the officer says them.
    row = next(line for line in english.splitlines() if "keyouqianqi_credit_union: " in line)
    counts = row.split("(")[1].split(";")[0]
    assert row.startswith("  keyouqianqi_credit_union: ") and ", deadline " in row
    hant_lines, hans_lines = hant.splitlines(), hans.splitlines()
    (hant_row,) = [line for line in hant_lines if "keyouqianqi_credit_union:" in line]
    (hans_row,) = [line for line in hans_lines if "keyouqianqi_credit_union:" in line]
    assert hant_row.startswith(f"  keyouqianqi_credit_union:{row.split(': ')[1].split()[0]}(")
    assert f"({counts};規則 " in hant_row and ",時限 " in hant_row
    assert f"({counts};规则 " in hans_row and ",时限 " in hans_row
    for kind in ("rule ", "deadline ", "action ", "escalation "):
        assert kind not in hant_row and kind not in hans_row
    start = hant_lines.index("    沒有用到的:")
    assert hant_lines[start + 1 : start + 3] == [
        "      分類行 cls_complex(第十一條)",
        "      規則 flow_in_person(第十條):規則本身;應辦事項 register_in_person, "
        "soothe_customer, feedback_in_person",
    ]
    start = hans_lines.index("    没有用到的:")
    assert hans_lines[start + 1 : start + 3] == [
        "      分类行 cls_complex(第十一條)",
        "      规则 flow_in_person(第十條):规则本身;应办事项 register_in_person, "
        "soothe_customer, feedback_in_person",
    ]
