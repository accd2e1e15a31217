"""complaint-rules test: each case's result with the differences and their lines, the JSON
report, coverage, --fail-under, and the exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from complaint_rules.cli import main
from complaint_rules.decision.model import Decision
from tests.support import ROOT
from tests.support.cli import run
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


# --- the officer's language: a tests file's checks, a failing case's differences ----------

MISTAKES = """\
  - name: Mistakes in what a case expects
    complaint: {received_at: 2026-05-06T19:00:00+08:00, channel: 口頭, category: 服務投訴}
    expect:
      level: {id: minor, how: clasified}
      channel: 3
      deadlines:
        - {id: center_on_scene, amount: "5", due: 2026-10-09, colour: red}
        - {unit: minutes}
        - {id: resolve, started_at: tomorrow, due: {last_day: 9 Oct}}
      routing:
        - {duty: accepts}
        - {}
      decided_at: null
      carried: 1
      actions: {id: sv_thank}
      retention: [{id: keep, at_least: yes}]
      penalties: [{id: fine, kind: 3, total_min_yuan: 1.5}]
      levl: minor
    expect_absent:
      deadline: [center_on_scene]
      routing: []
  - name: An expect that is a list
    complaint: {received_at: 2026-05-06T19:00:00+08:00, channel: 口頭, category: 服務投訴}
    expect: [level]
  - name: An expect_absent that is a list
    complaint: {received_at: 2026-05-06T19:00:00+08:00, channel: 口頭, category: 服務投訴}
    expect_absent: [routing]
"""
"""Cases added to the hotel's tests file, each line a mistake an officer can make."""

FAILING = """\
  - name: What the hygiene letter must not have
    complaint:
      received_at: 2026-04-28T10:15:00+08:00
      channel: 书面
      category: 卫生投诉
      level: 一般投诉
      guest_departed: true
    expect:
      penalties: [fine]
      gaps: [{about: amount}]
    expect_absent:
      routing: [{duty: handles, role: lobby_manager}]
  - name: A level left out is refused, not decided
    complaint: {received_at: 2026-08-12T20:00:00+08:00, channel: oral, category: service}
    expect: {level: minor}
  - name: A refusal expected of a complaint that is decided
    complaint:
      {received_at: 2026-08-12T20:00:00+08:00, channel: oral, category: service, level: minor}
    expect_error:
      - field: level
"""
"""Cases added to the hotel's tests file that fail, each way a difference is shown."""


def _hotel(tmp_path: Path, more_cases: str, *, days: int = 3) -> Path:
    """The bundled hotel policy and its tests file, copied with ``more_cases`` appended
    (and its 3 working days for a departed guest made ``days``)."""
    policy = (ROOT / "policies" / "hotel.yaml").read_text(encoding="utf-8")
    policy = policy.replace("within: {working_days: 3}", f"within: {{working_days: {days}}}")
    (tmp_path / "hotel.yaml").write_text(policy, encoding="utf-8")
    tests = (ROOT / "policies" / "hotel.tests.yaml").read_text(encoding="utf-8")
    path = tmp_path / "hotel.tests.yaml"
    path.write_text(tests + more_cases, encoding="utf-8")
    return path


def _said(capsys: pytest.CaptureFixture[str], lang: str, path: Path) -> tuple[int, str, str]:
    code, out, err = run(capsys, "--lang", lang, "test", str(path))
    return code, out.replace(f"{path}:", "T:"), err.replace(f"{path}:", "T:")


def _problems(err: str) -> list[str]:
    """Each problem's line, without the file's line shown under it."""
    return [line for line in err.splitlines() if line.startswith("T:")]


def test_each_check_of_a_tests_file_is_said_in_the_officers_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _hotel(tmp_path, MISTAKES)
    keys = ", ".join(name for name in Decision.model_fields if name != "schema_")
    lists = (
        "matched_rules, routing, deadlines, actions, escalations, reports, retention, "
        "penalties, approvals, gaps, conflicts, pending_rules"
    )
    deadline_keys = (
        "id, label, status, starts, started_at, unit, amount, amount_min, due, due_earliest, "
        "estimated, overdue_at_decision, by, waiting_for, note, source"
    )
    code, out, err = _said(capsys, "zh-Hant", path)
    assert code == 1
    assert out.splitlines()[0] == "錯誤 T: 無法執行(見錯誤訊息)"
    where = "cases[16].expect"
    assert _problems(err) == [
        f'T:427:26: {where}.level.how: 這裡不能寫 "clasified";可以寫:input, classified, '
        "default;是不是要寫 'classified'?",
        f"T:428:7: {where}.channel: 這裡要寫「鍵: 值」的對照,鍵可以是:id, label;或只寫它的代號(id)",
        f'T:430:33: {where}.deadlines[0].amount: 這裡要寫整數,現在寫的是 "5"',
        f"T:430:46: {where}.deadlines[0].due: 這裡要寫「鍵: 值」的對照,鍵可以是:"
        "last_day, late_from",
        f"T:430:63: {where}.deadlines[0].colour: 不認識的鍵;可以寫:{deadline_keys}",
        f"T:431:11: {where}.deadlines[1]: 請寫出這一項的 id(代號),指明是哪一項",
        f"T:432:25: {where}.deadlines[2].started_at: 這裡要寫時間點:ISO 8601 格式,帶時差,"
        '例如 2026-10-09T23:59:59+08:00(現在寫的是 "tomorrow")',
        f"T:432:53: {where}.deadlines[2].due.last_day: 這裡要寫日期,例如 2026-10-09"
        '(現在寫的是 "9 Oct")',
        f"T:434:11: {where}.routing[0]: 請寫出這一項的 role(角色),指明是哪一項",
        f"T:435:11: {where}.routing[1]: 請寫出這一項的 duty(職責)和 role(角色),指明是哪一項",
        f"T:436:7: {where}.decided_at: 這裡不能寫 null(空值):決定一定有這個欄位",
        f"T:437:7: {where}.carried: 這裡要寫「鍵: 值」的對照",
        f"T:438:7: {where}.actions: 這裡要寫一個清單(一項都沒有就寫 [])",
        f'T:439:30: {where}.retention[0].at_least: 這裡要寫 true(是)或 false(否),現在寫的是 "yes"',
        f"T:440:30: {where}.penalties[0].kind: 這裡要寫文字,現在寫的是 3",
        f"T:440:39: {where}.penalties[0].total_min_yuan: 金額請寫整數,或加上引號的小數,"
        '例如 "99.50"(現在寫的是 1.5)',
        f"T:441:7: {where}.levl: 不認識的鍵;可以寫:{keys};是不是要寫 'level'?",
        f"T:443:7: cases[16].expect_absent.deadline: 不認識的鍵;可以寫:{lists};"
        "是不是要寫 'deadlines'?",
        "T:444:7: cases[16].expect_absent.routing: 這裡要寫一個清單,列出不應出現的項目",
        "T:447:5: cases[17].expect: expect 要寫成「決定的欄位: 預期的值」的對照"
        "(例如 deadlines、level)",
        "T:450:5: cases[18].expect_absent: expect_absent 要寫成「清單: 不應出現的項目」的對照;"
        f"清單可以是:{lists}",
    ]
    assert "expected" not in err and "got " not in err and "allowed" not in err
    _, _, hans = _said(capsys, "zh-Hans", path)
    assert [line.split(": ", 2)[2] for line in _problems(hans)[1:4]] == [
        "这里要写「键: 值」的对照,键可以是:id, label;或只写它的代号(id)",
        '这里要写整数,现在写的是 "5"',
        "这里要写「键: 值」的对照,键可以是:last_day, late_from",
    ]
    assert "决定一定有这个字段" in hans and "请写出这一项的 duty(职责)和 role(角色)" in hans
    # English, as before (scripts match it); the problem keeps its code.
    _, _, english = _said(capsys, "en", path)
    assert [line.split(": ", 2)[2] for line in _problems(english)] == [
        '"clasified" is not possible; one of: input, classified, default; did you mean '
        "'classified'?",
        "expected a mapping with keys among: id, label (or its id)",
        'expected a whole number, got "5"',
        "expected a mapping with keys among: last_day, late_from",
        f"unknown key; allowed: {deadline_keys}",
        "name the element by its id",
        "expected an instant: ISO 8601 with an offset, e.g. 2026-10-09T23:59:59+08:00 "
        '(got "tomorrow")',
        'expected a date, e.g. 2026-10-09 (got "9 Oct")',
        "name the element by its role",
        "name the element by its duty and role",
        "null is not possible here: the decision always has this field",
        "expected a mapping",
        "expected a list ([] for none)",
        'expected true or false, got "yes"',
        "expected text, got 3",
        'write amounts as an integer or a quoted decimal, e.g. "99.50" (got 1.5)',
        f"unknown key; allowed: {keys}; did you mean 'level'?",
        f"unknown key; allowed: {lists}; did you mean 'deadlines'?",
        "expected a list of the elements that must not be present",
        "expect is a mapping of decision fields (e.g. deadlines, level)",
        f"expect_absent is a mapping of element lists: {lists}",
    ]
    code, out, _ = run(capsys, "--lang", "zh-Hant", "test", str(path), "--format", "json")
    problems = json.loads(out)["files"][0]["problems"]
    assert problems[2]["message"] == 'expected a whole number, got "5"'


def test_a_failing_case_shows_its_differences_in_the_officers_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Four working days for a departed guest where the source says 3: the hygiene letter of
    # Tue Apr 28 is due Thu May 7 (May 1-5 off), not Wed May 6.
    path = _hotel(tmp_path, FAILING, days=4)
    code, out, _ = _said(capsys, "zh-Hant", path)
    assert code == 1
    failures = out.split("\n\n")
    assert failures[0].splitlines() == [
        "不通過 T:81:General hygiene letter after the guest left, over Labour Day",
        "  T:97: deadlines[resolve_within_3_working_days].amount",
        "    預期:3",
        "    實際:4",
        "  T:97: deadlines[resolve_within_3_working_days].due.last_day",
        "    預期:2026-05-06",
        "    實際:2026-05-07",
    ]
    allowed = "minor (輕微投訴), general (一般投訴), major (重大投訴)"
    assert failures[3:6] == [
        "不通過 T:424:What the hygiene letter must not have\n"
        "  T:432: penalties[fine]\n"
        "    預期:應該出現\n"
        "    實際:沒有出現;現有的是:一項都沒有\n"
        "  T:433: gaps[0]\n"
        "    預期:{about: amount}\n"
        "    實際:沒有相符的一項;現有的是:一項都沒有\n"
        "  T:435: routing[0]\n"
        "    預期:不應出現\n"
        "    實際:出現了:handles/lobby_manager",
        "不通過 T:436:A level left out is refused, not decided\n"
        "  T:437: level\n"
        "    預期:作出決定\n"
        f"    實際:不受理:缺少這個欄位;可以寫:{allowed}",
        "不通過 T:439:A refusal expected of a complaint that is decided\n"
        "  T:442: (complaint)\n"
        "    預期:不受理,問題符合 field: level\n"
        "    實際:作出了決定(沒有不受理)",
    ]
    _, hans, _ = _said(capsys, "zh-Hans", path)
    assert "    预期:应该出现\n    实际:没有出现;现有的是:一项都没有\n" in hans
    assert "    预期:不应出现\n    实际:出现了:handles/lobby_manager\n" in hans
    _, english, _ = _said(capsys, "en", path)
    assert english.split("\n\n")[3:6] == [
        "FAIL T:424: What the hygiene letter must not have\n"
        "  T:432: penalties[fine]\n"
        "    expected: present\n"
        "    actual:   absent; here: none\n"
        "  T:433: gaps[0]\n"
        "    expected: {about: amount}\n"
        "    actual:   no match; here: none\n"
        "  T:435: routing[0]\n"
        "    expected: absent\n"
        "    actual:   present: handles/lobby_manager",
        "FAIL T:436: A level left out is refused, not decided\n"
        "  T:437: level\n"
        "    expected: a decision\n"
        f"    actual:   refused: missing; allowed: {allowed}",
        "FAIL T:439: A refusal expected of a complaint that is decided\n"
        "  T:442: (complaint)\n"
        "    expected: refused with field: level\n"
        "    actual:   decided",
    ]
