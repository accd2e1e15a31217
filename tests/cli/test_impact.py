"""complaint-rules impact: a history re-decided under two versions of a policy; the table or
JSON, the changes file, progress on a terminal, exit 1 when a decision changes."""

from __future__ import annotations

import argparse
import io
import json
import re
from pathlib import Path

import pytest

from complaint_rules import CompiledPolicy
from complaint_rules.cli import impact as cli_impact
from complaint_rules.cli._common import Streams
from tests.support.cli import run
from tests.support.impact_history import (
    BUNDLED,
    EXPECTED_CHANGES,
    problems_of,
    write_history,
    write_new,
)


@pytest.fixture(scope="module")
def new_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_new(tmp_path_factory.mktemp("new"))


@pytest.fixture
def history(tmp_path: Path) -> Path:
    return write_history(tmp_path)


def test_cli_exit_1_when_decisions_change_json_and_changes_file(
    capsys: pytest.CaptureFixture[str], new_path: Path, history: Path, tmp_path: Path
) -> None:
    changes = tmp_path / "changes.jsonl"
    code, out, err = run(
        capsys,
        "impact",
        "keyouqianqi_credit_union",
        str(new_path),
        str(history),
        "--format",
        "json",
        "--changes",
        str(changes),
    )
    assert code == 1
    data = json.loads(out)
    assert (data["decided"], data["bad"], data["changed"]) == (7, 2, 6)
    assert err.splitlines()[1:] == [f"{history}:8:17: not JSON: Unterminated string starting at"]
    assert err.startswith(f"{history}:7: channel: unknown channel")
    assert "\r" not in err  # no progress line: stderr is not a terminal
    written = [json.loads(x) for x in changes.read_text(encoding="utf-8").splitlines()]
    assert [(x["line"], x["id"]) for x in written] == [
        (1, "T1"),
        (2, "T2"),
        (3, "T3"),
        (4, "T4"),
        (9, "T9"),
        (10, "10"),
    ]
    assert [c["text"] for c in written[3]["changes"]] == EXPECTED_CHANGES[4]


def test_cli_text_table(
    capsys: pytest.CaptureFixture[str], keyouqianqi: CompiledPolicy, new_path: Path, history: Path
) -> None:
    code, out, _ = run(capsys, "impact", "keyouqianqi_credit_union", str(new_path), str(history))
    assert code == 1
    lines = out.splitlines()
    assert lines[2:4] == [
        f"history: {history}",
        "lines 10, complaints 9, decided 7, bad 2, changed 6 (85.7% of decided)",
    ]
    assert lines[5:11] == [
        "change                        subject                      complaints  shift         first lines",  # noqa: E501 (a table row, compared whole)
        "decided before, rejected now                                        1                9",
        "rejected before, decided now                                        1                10",
        "deadline later                reply_general                         3  +3 d .. +4 d  1, 2, 4",  # noqa: E501 (a table row, compared whole)
        "deadline changed otherwise    reply_complex                         1                3",
        "sanctions changed             party_criticism (our_fault)           1                4",
    ]  # fmt: skip
    assert lines[12:] == [
        "bad lines (2):",
        f"  line 7: {problems_of(keyouqianqi, 7)}",
        "  line 8, column 17: not JSON: Unterminated string starting at",
    ]


def test_cli_text_table_in_the_officers_language(
    capsys: pytest.CaptureFixture[str], new_path: Path, history: Path
) -> None:
    argv = ("impact", "keyouqianqi_credit_union", str(new_path), str(history))
    code, hant, _ = run(capsys, *argv, "--lang", "zh-Hant")
    assert code == 1
    lines = hant.splitlines()
    assert lines[0].startswith("舊版:keyouqianqi_credit_union 2026.5(sha256 ")
    assert lines[1].startswith("新版:keyouqianqi_credit_union ")
    assert lines[2:4] == [
        f"歷史:{history}",
        "共 10 行,9 件投訴,已決定 7 件,無效 2 行,決定改變 6 件(佔已決定的 85.7%)",
    ]
    assert lines[5:11] == [
        "改變                 對象                         投訴數  時間移動        首見行號",
        "以前決定,現在不受理                                    1                  9",
        "以前不受理,現在決定                                    1                  10",
        "時限延後             reply_general                     3  +3 天 .. +4 天  1, 2, 4",
        "時限有其他改變       reply_complex                     1                  3",
        "處分改變             party_criticism (our_fault)       1                  4",
    ]  # fmt: skip
    assert lines[12] == "無效的行(2):"
    assert lines[13].startswith("  第 7 行:")
    assert lines[14].startswith("  第 8 行第 17 欄:不是有效的 JSON")
    _, hans, _ = run(capsys, *argv, "--lang", "zh-Hans")
    lines = hans.splitlines()
    assert lines[3] == "共 10 行,9 件投诉,已决定 7 件,无效 2 行,决定改变 6 件(占已决定的 85.7%)"
    assert lines[8].startswith("时限延后             reply_general ")
    assert lines[8].endswith("+3 天 .. +4 天  1, 2, 4")
    assert lines[12] == "无效的行(2):"


def test_cli_exit_0_when_nothing_changes(capsys: pytest.CaptureFixture[str], history: Path) -> None:
    policy = "keyouqianqi_credit_union"
    code, out, _ = run(capsys, "impact", policy, str(BUNDLED), str(history), "--workers", "2")
    assert code == 0
    assert "lines 10, complaints 9, decided 6, bad 3, changed 0 (0.0% of decided)" in out
    assert "no decision changed" in out


def test_cli_every_line_bad_or_empty_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{\n[]\n", encoding="utf-8")
    code, _, err = run(capsys, "impact", "keyouqianqi_credit_union", str(BUNDLED), str(bad))
    assert code == 1
    assert err.splitlines()[-1] == f"error: {bad}: nothing to compare: every line is bad (2)"
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    code, _, err = run(capsys, "impact", "keyouqianqi_credit_union", str(BUNDLED), str(empty))
    assert (code, err) == (1, f"error: {empty}: nothing to compare: no complaints\n")


def test_cli_input_and_usage_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "missing.jsonl"
    code, out, err = run(capsys, "impact", "keyouqianqi_credit_union", str(BUNDLED), str(missing))
    assert (code, out, err) == (1, "", f"{missing}: cannot read: No such file or directory\n")
    code, _, err = run(capsys, "impact", "keyouqianqi_credit_union", "cn_banking_baseline", "-")
    assert (code, err) == (
        1,
        "error: NEW (cn_banking_baseline) is an abstract policy: a base for other policies, "
        "it decides no complaint\n",
    )
    code, _, err = run(capsys, "impact", "a", "b", "c", "--workers", "-1")
    assert code == 2
    assert err.endswith("error: argument --workers: must be at least 0, got -1\n")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("flags", [[], ["--no-progress"]])
def test_progress_only_on_a_terminal_and_not_when_asked(
    history: Path, new_path: Path, flags: list[str]
) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--policy-dir", action="append", default=[])
    cli_impact.add_arguments(parser)
    args = parser.parse_args(["keyouqianqi_credit_union", str(new_path), str(history), *flags])
    err = Terminal()
    assert cli_impact.run(args, Streams(io.StringIO(), err)) == 1
    shown = err.getvalue()
    if flags:
        assert "\r" not in shown
    else:
        assert shown.startswith("\r1 lines, ")
        assert " lines/s" in shown
    # Bad-line messages start on a clean line, whatever the progress line showed.
    before = re.findall(r"(?s)(.)" + re.escape(f"{history}:"), shown)
    assert before and set(before) <= {"\r", "\n"}


def test_cli_help_shows_an_example_and_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "impact", "--help")
    assert code == 0
    assert "example:\n  complaint-rules impact keyouqianqi_credit_union" in out
    assert out.endswith(cli_impact.NOTES + "\n")


def test_cli_an_id_with_several_versions_is_chosen_by_receipt(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """OLD is the catalog id (the bundled 2026.3, 3 working days, and a version from
    2026-11-01 with 5); NEW the bundled file, 3 working days for every complaint. Received
    Fri 30 Oct: 2026.3 on both sides, the same. Received Mon 2 Nov: 5 working days (3, 4, 5,
    6, 9 Nov; no holiday in November 2026) against 3 (3, 4, 5 Nov): 4 days earlier."""
    from tests.support.versions import NEW_VERSION, POLICY, write_new_version

    dated = tmp_path / "dated"
    write_new_version(dated)
    history = tmp_path / "h.jsonl"
    history.write_text(
        '{"id": "V1", "received_at": "2026-10-30T10:00:00+08:00", "channel": "letter", '
        '"category": "work_error"}\n'
        '{"id": "V2", "received_at": "2026-11-02T10:00:00+08:00", "channel": "letter", '
        '"category": "work_error"}\n',
        encoding="utf-8",
    )
    changes = tmp_path / "changes.jsonl"
    argv = ("--policy-dir", str(dated), "impact", POLICY, str(BUNDLED), str(history))
    code, out, err = run(capsys, *argv, "--format", "json", "--changes", str(changes))
    assert (code, err) == (1, "")
    data = json.loads(out)
    assert (data["decided"], data["changed"]) == (2, 1)
    assert [v["version"] for v in data["old"]["by_receipt"]] == ["2026.5", NEW_VERSION]
    assert [v["effective_from"] for v in data["old"]["by_receipt"]] == [None, "2026-11-01"]
    assert data["new"]["version"] == "2026.5" and "by_receipt" not in data["new"]
    (line,) = [json.loads(x) for x in changes.read_text(encoding="utf-8").splitlines()]
    assert (line["line"], line["id"], line["old_version"], line["new_version"]) == (
        2,
        "V2",
        NEW_VERSION,
        "2026.5",
    )
    assert [(c["kind"], c["shift_seconds"]) for c in line["changes"]] == [
        ("deadline_earlier", -4 * 86400)
    ]
    # A file given explicitly is that file for every complaint, even with the dated version
    # in the catalog: both sides are the bundled 2026.3.
    code, out, err = run(capsys, *argv[:3], str(BUNDLED), str(BUNDLED), str(history))
    assert (code, err) == (0, "")
    assert "no decision changed" in out
