"""The impact report: a hand-made history re-decided under two versions, deadlines by hand.

NEW is the bundled 科右前旗 policy with six edits (see ``EDITS``). Expected deadlines are
worked out from the 2026 schedule: 1-7 Oct off, Sat 10 Oct a make-up workday; March 2026
has no holiday.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import re
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

from complaint_rules import CompiledPolicy, ComplaintError, Problem, decide, load_policy
from complaint_rules.cli import impact as cli_impact
from complaint_rules.cli import main
from complaint_rules.cli._common import Streams
from complaint_rules.toolkit.impact import (
    DecisionChange,
    ImpactTally,
    LineImpact,
    compare_decisions,
    impact,
    impact_lines,
    span,
)
from tests.support import ROOT

BUNDLED = ROOT / "policies" / "keyouqianqi_credit_union.yaml"
HISTORIES = ROOT / "examples" / "histories"

EDITS = [
    ('version: "2026.1"', 'version: "2026.9-test"'),
    ("within: {working_days: 3}", "within: {working_days: 5}"),
    ("within: {working_days: {min: 7, max: 10}}", "within: {working_days: {min: 5, max: 10}}"),
    ("          - {sanction: discretionary_handling}\n", ""),
    ("aliases: [信件投诉, 信件]", "aliases: [信件投诉]"),
    ("aliases: [电话投诉, 電話, 电话]", "aliases: [电话投诉, 電話, 电话, 傳真]"),
]

AT = "2026-03-02T09:00:00+08:00"  # Mon 2 Mar 2026
HISTORY = [
    {"id": "T1", "received_at": "2026-09-29T10:00:00+08:00", "channel": "信件投訴",
     "category": "工作失誤"},
    {"id": "T2", "received_at": AT, "channel": "phone", "category": "service_attitude"},
    {"id": "T3", "received_at": AT, "channel": "in_person", "category": "service_product"},
    {"id": "T4", "received_at": AT, "channel": "letter", "category": "work_error",
     "findings": [{"finding": "our_fault", "roles": ["當事人"]}]},
    {"id": "T5", "received_at": AT, "channel": "letter", "category": "financial_crime"},
    None,  # a blank line
    {"id": "T7", "received_at": AT, "channel": "fax", "category": "work_error"},
    '{"received_at": "2026-03-02',
    {"id": "T9", "received_at": AT, "channel": "信件", "category": "financial_crime"},
    {"id": 10, "received_at": AT, "channel": "傳真", "category": "financial_crime"},
]  # fmt: skip


def history_lines() -> list[str]:
    out = []
    for item in HISTORY:
        if item is None:
            out.append("\n")
        elif isinstance(item, str):
            out.append(item + "\n")
        else:
            out.append(json.dumps(item, ensure_ascii=False) + "\n")
    return out


@pytest.fixture(scope="module")
def new_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    text = BUNDLED.read_text(encoding="utf-8")
    for old, new in EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path_factory.mktemp("new") / "keyouqianqi_credit_union.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def new(new_path: Path) -> CompiledPolicy:
    return load_policy(new_path)


@pytest.fixture
def history(tmp_path: Path) -> Path:
    path = tmp_path / "h.jsonl"
    path.write_text("".join(history_lines()), encoding="utf-8")
    return path


def complaint_problems(policy: CompiledPolicy, line: int) -> tuple[Problem, ...]:
    """The engine's problems with the complaint on ``line`` (its messages are tested there)."""
    item = HISTORY[line - 1]
    assert isinstance(item, dict)
    with pytest.raises(ComplaintError) as info:
        decide(policy, item)
    return info.value.problems


def problems_of(policy: CompiledPolicy, line: int) -> str:
    """The problems ``policy`` finds in the complaint on ``line``, as a change states them."""
    return "; ".join(f"{p.field}: {p.message}" for p in complaint_problems(policy, line))


D = "working_days, due 2026-"
EXPECTED_CHANGES = {
    1: [
        # Tue 29 Sep: 30 Sep (1), 8 (2), 9 Oct (3); then Sat 10 Oct (4), Mon 12 Oct (5).
        "deadline later reply_general: 3 working_days, due 2026-10-09T23:59:59+08:00 -> "
        "5 working_days, due 2026-10-12T23:59:59+08:00 (+3 d)"
    ],
    2: [
        # Mon 2 Mar: 3, 4, 5 Mar (3); 6, 9 Mar (5).
        f"deadline later reply_general: 3 {D}03-05T23:59:59+08:00 -> "
        f"5 {D}03-09T23:59:59+08:00 (+4 d)"
    ],
    3: [
        # 3, 4, 5, 6, 9 (5), 10, 11 (7), 12, 13, 16 Mar (10).
        "deadline changed otherwise reply_complex: 7-10 working_days, due "
        "2026-03-16T23:59:59+08:00 (earliest 2026-03-11T23:59:59+08:00) -> 5-10 working_days, "
        "due 2026-03-16T23:59:59+08:00 (earliest 2026-03-09T23:59:59+08:00)"
    ],
    4: [
        f"deadline later reply_general: 3 {D}03-05T23:59:59+08:00 -> "
        f"5 {D}03-09T23:59:59+08:00 (+4 d)",
        "sanctions changed party_criticism (our_fault): criticism_education applies, "
        "discretionary_handling applies -> criticism_education applies",
    ],
}


def test_each_line_of_the_history(keyouqianqi: CompiledPolicy, new: CompiledPolicy) -> None:
    got = list(impact_lines(keyouqianqi, new, history_lines(), file="h.jsonl"))
    assert [(x.line, x.status, x.complaint_id) for x in got] == [
        (1, "changed", "T1"),
        (2, "changed", "T2"),
        (3, "changed", "T3"),
        (4, "changed", "T4"),
        (5, "same", "T5"),
        (6, "blank", None),
        (7, "bad", "T7"),
        (8, "bad", None),
        (9, "changed", "T9"),
        (10, "changed", "10"),
    ]
    for line, texts in EXPECTED_CHANGES.items():
        assert [c.text for c in got[line - 1].changes] == texts
    assert got[0].changes[0].shift_seconds == 3 * 86400
    assert got[8].changes == (DecisionChange("rejected_now", "", "decided", problems_of(new, 9)),)
    assert got[9].changes == (
        DecisionChange("accepted_now", "", problems_of(keyouqianqi, 10), "decided"),
    )
    assert got[7].problems == (
        Problem("not JSON: Unterminated string starting at (column 17)", file="h.jsonl", line=8),
    )
    fax = complaint_problems(keyouqianqi, 7)
    assert [p.path for p in fax] == [("channel",)]
    assert got[6].problems == tuple(replace(p, file="h.jsonl", line=7) for p in fax)


def test_the_report_counts(keyouqianqi: CompiledPolicy, new: CompiledPolicy) -> None:
    report = impact(keyouqianqi, new, history_lines(), file="h.jsonl", examples=2)
    data = report.as_dict()
    assert {k: data[k] for k in ("lines", "blank", "complaints", "decided", "bad", "changed")} == {
        "lines": 10,
        "blank": 1,
        "complaints": 9,
        "decided": 7,
        "bad": 2,
        "changed": 6,
    }
    assert [(c["kind"], c["complaints"], c["examples"]) for c in data["changes"]] == [
        ("rejected_now", 1, [9]),
        ("accepted_now", 1, [10]),
        ("deadline_later", 3, [1, 2]),
        ("deadline_changed", 1, [3]),
        ("sanctions_changed", 1, [4]),
    ]
    later = data["changes"][2]["subjects"]
    assert later == [
        {
            "subject": "reply_general",
            "complaints": 3,
            "examples": [1, 2],
            "shift_min_seconds": 3 * 86400,
            "shift_max_seconds": 4 * 86400,
        }
    ]
    assert [b["line"] for b in data["bad_lines"]] == [7, 8]
    assert data["old"]["version"] == "2026.1" and data["new"]["version"] == "2026.9-test"


def test_two_workers_report_what_one_reports(
    keyouqianqi: CompiledPolicy, new: CompiledPolicy
) -> None:
    lines = history_lines() * 5
    one = impact(keyouqianqi, new, lines)
    two = impact(keyouqianqi, new, lines, workers=2, chunk_size=3)
    assert two.as_dict() == one.as_dict()
    assert one.changed == 30


def test_tally_keeps_only_the_first_examples() -> None:
    tally = ImpactTally(examples=2, bad_lines=1)
    change = DecisionChange("deadline_earlier", "d", "a", "b", -3600)
    for line in range(1, 6):
        tally.add(LineImpact(line, "changed", changes=(change, change)))
        tally.add(LineImpact(line + 100, "bad", problems=(Problem("x"),)))
    assert tally.changed == 5 and tally.bad == 5 and tally.lines == 105
    assert tally._kinds == {"deadline_earlier": [5, [1, 2]]}
    assert tally._bad == [(101, (Problem("x"),))]


def test_span_words() -> None:
    assert [span(s) for s in (259200, -90000, 1800, 0, 61)] == [
        "+3 d",
        "-1 d 1 h",
        "+30 min",
        "+0 s",
        "+1 min 1 s",
    ]


def test_compare_two_different_complaints_names_every_kind(keyouqianqi: CompiledPolicy) -> None:
    old = decide(keyouqianqi, {"received_at": AT, "channel": "letter", "category": "work_error"})
    new = decide(
        keyouqianqi, {"received_at": AT, "channel": "media", "category": "service_product"}
    )
    changes = compare_decisions(old, new)
    assert changes[0] == DecisionChange("level_changed", "", "general", "complex")
    assert {c.kind for c in changes} == {
        "level_changed",
        "matched_rules_changed",
        "deadline_added",
        "deadline_removed",
        "routing_changed",
        "escalations_changed",
        "actions_changed",
        "reports_changed",
        "gaps_changed",
    }
    deadline_changes = [c.text for c in changes if c.kind.startswith("deadline")]
    assert deadline_changes == [
        f"deadline removed reply_general: 3 {D}03-05T23:59:59+08:00 -> (none)",
        "deadline added reply_complex: (none) -> 7-10 working_days, due "
        "2026-03-16T23:59:59+08:00 (earliest 2026-03-11T23:59:59+08:00)",
    ]
    assert compare_decisions(old, old) == ()


# -- the command ------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


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
    assert err.splitlines()[1:] == [
        f"{history}:8: not JSON: Unterminated string starting at (column 17)"
    ]
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
        "  line 8: not JSON: Unterminated string starting at (column 17)",
    ]


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


# -- the committed sample -------------------------------------------------------------------


def _maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_history", HISTORIES / "make_history.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_sample_and_draft_are_what_the_script_writes() -> None:
    maker = _maker()
    bundled = BUNDLED.read_text(encoding="utf-8")
    draft = HISTORIES / "draft" / "keyouqianqi_credit_union.yaml"
    assert draft.read_text(encoding="utf-8") == maker.draft_text(bundled)
    out = io.StringIO()
    maker.write_history(out, 300, 2026)
    assert (HISTORIES / "keyouqianqi_credit_union.jsonl").read_text(encoding="utf-8") == (
        out.getvalue()
    )


def test_cli_help_shows_an_example_and_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "impact", "--help")
    assert code == 0
    assert "example:\n  complaint-rules impact keyouqianqi_credit_union" in out
    assert out.endswith(cli_impact.EXIT_CODES + "\n")
