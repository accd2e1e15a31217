"""The command: every subcommand listed and shown with an example, exit codes 0 / 1 / 2,
an input error as located messages and a calendar error as one line, python -m."""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from complaint_rules.cli import COMMANDS, build_parser, main
from complaint_rules.messages.catalogue import MESSAGES, Lang
from tests.support.cli import run


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "decide")[0] == 2
    assert run(capsys, "frobnicate")[0] == 2
    assert run(capsys, "decide", "a", "b", "--format", "xml")[0] == 2


def test_every_subcommand_is_listed_in_order_with_its_help() -> None:
    assert COMMANDS == (
        "decide",
        "explain",
        "status",
        "serve",
        "duties",
        "validate",
        "list",
        "coverage",
        "lint",
        "diff",
        "test",
        "schema",
        "graph",
        "impact",
        "html",
        "studio",
    )
    parser = build_parser()
    usage = parser.format_usage()
    assert "{" + ",".join(COMMANDS) + "}" in usage
    assert (
        parser.epilog == "Exit codes: 0 success; 1 a 'no' answer or invalid input; 2 usage error. "
        "Language: --lang zh-Hant|zh-Hans|en, else COMPLAINT_RULES_LANG, else the locale."
    )


@pytest.mark.parametrize("name", COMMANDS)
def test_each_subcommands_help_shows_its_example(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    module = importlib.import_module(
        f"complaint_rules.cli.{name}_" if name == "list" else f"complaint_rules.cli.{name}"
    )
    code, out, _ = run(capsys, name, "--help")
    assert code == 0
    assert module.HELP.split()[0] in out
    assert "example:\n  " + module.EXAMPLE in out
    words = module.EXAMPLE.split()
    assert words[0] == "complaint-rules" and name in words


def test_an_input_error_is_located_and_a_calendar_error_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"received_at": "2026-09-30T10:00:00+08:00"}', encoding="utf-8")
    code, out, err = run(capsys, "decide", "hotel", str(bad), "--format", "text")
    assert (code, out) == (1, "")
    assert err.splitlines()[0].startswith(f"{bad}: channel: missing; allowed: ")
    late = tmp_path / "late.json"
    complaint = {
        "received_at": "2026-12-30T10:00:00+08:00",
        "channel": "letter",
        "category": "work_error",
    }
    late.write_text(json.dumps(complaint), encoding="utf-8")
    code, out, err = run(
        capsys, "decide", "keyouqianqi_credit_union", str(late), "--format", "text"
    )
    assert (code, out) == (1, "")
    assert err.startswith(f"{late}: the official holiday schedule for 2027 is not known (known: ")
    assert err.count("\n") == 1
    code, out, err = run(capsys, "decide", "keyouqianqi_credit_union", str(late))
    (problem,) = json.loads(out)["problems"]
    assert (code, err, problem["code"]) == (1, "", "calendar.unpublished")


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "complaint_rules", "list"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "hotel\t" in done.stdout
    usage = subprocess.run(
        [sys.executable, "-m", "complaint_rules"], capture_output=True, text=True, check=False
    )
    assert usage.returncode == 2
    assert "error: the following arguments are required: command" in usage.stderr


def test_the_help_lines_listed_are_the_modules_own() -> None:
    from complaint_rules.messages.catalogue import say

    for name in COMMANDS:
        module = importlib.import_module(
            f"complaint_rules.cli.{name}_" if name == "list" else f"complaint_rules.cli.{name}"
        )
        assert say(f"cli.help.{name}", "en") == module.HELP, name
        if hasattr(module, "NOTES"):  # what --help says after the example
            assert say(f"cli.notes.{name}", "en") == module.NOTES, name


@pytest.mark.parametrize("name", ["status", "impact", "serve"])
def test_the_notes_under_help_are_in_the_chosen_language(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from complaint_rules.messages.catalogue import say

    with pytest.raises(SystemExit):
        main(["--lang", "zh-Hant", name, "--help"])
    out = capsys.readouterr().out
    assert out.rstrip("\n").endswith(say(f"cli.notes.{name}", "zh-Hant"))
    assert "exit codes" not in out and "SIGHUP re-reads" not in out


_PROBE = """
import sys
from complaint_rules.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
import json
print(json.dumps(sorted(m for m in sys.modules if m.startswith("complaint_rules"))),
      file=sys.stderr)
print(json.dumps([m for m in ("pydantic", "yaml", "holidays", "starlette") if m in sys.modules]),
      file=sys.stderr)
"""


def _imported(*argv: str) -> tuple[list[str], list[str]]:
    run_ = subprocess.run(
        [sys.executable, "-c", _PROBE, *argv], capture_output=True, text=True, check=False
    )
    lines = run_.stderr.strip().splitlines()
    ours, heavy = (json.loads(line) for line in lines[-2:])
    return ours, heavy


def test_help_imports_no_subcommand_and_nothing_heavy() -> None:
    ours, heavy = _imported("--help")
    # The catalogue's table modules (messages._lint, ._render, ...) are its own parts.
    tables = [m for m in ours if m.startswith("complaint_rules.messages._")]
    assert "complaint_rules.messages._argparse" in tables
    assert [m for m in ours if m not in tables] == [
        "complaint_rules",
        "complaint_rules.cli",
        "complaint_rules.cli._common",
        "complaint_rules.cli._frame",
        "complaint_rules.contract",
        "complaint_rules.errors",
        "complaint_rules.messages",
        "complaint_rules.messages.catalogue",
        "complaint_rules.messages.host",
    ]
    assert heavy == []


@pytest.mark.parametrize(
    ("argv", "module"),
    [
        (("list",), "complaint_rules.cli.list_"),
        (("schema", "--kind", "problem"), "complaint_rules.cli.schema"),
        (("decide", "--help"), "complaint_rules.cli.decide"),
        (("--policy-dir", "policies", "graph", "--help"), "complaint_rules.cli.graph"),
    ],
)
def test_a_subcommand_imports_only_its_own_module(argv: tuple[str, ...], module: str) -> None:
    ours, _ = _imported(*argv)
    commands = {m for m in ours if m.startswith("complaint_rules.cli.") and m != module}
    assert module in ours
    assert commands == {"complaint_rules.cli._common", "complaint_rules.cli._frame"}
    # None of the others' rooms: the studio's pages or the service (its server stack).
    assert not [
        m for m in ours if m.startswith(("complaint_rules.studio", "complaint_rules.service"))
    ]


def _options(lang: Lang) -> dict[str, dict[str, str]]:
    """Each subcommand's options (and those before it, under ``-``): dest → help line."""
    parser = build_parser(lang=lang)
    out = {"-": {a.dest: str(a.help) for a in parser._actions if a.option_strings}}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out[name] = {a.dest: str(a.help) for a in sub._actions if a.help}
    return out


def test_every_options_help_line_is_in_the_catalogue_in_each_language() -> None:
    english = _options("en")
    hant, hans = _options("zh-Hant"), _options("zh-Hans")
    assert set(english) == {"-", *COMMANDS}
    for name, options in english.items():
        for dest, text in options.items():
            if dest in ("help", "lang") and f"cli.option.{name}.{dest}" not in MESSAGES:
                key = f"cli.option.{dest}"
            else:
                key = f"cli.option.{dest}" if name == "-" else f"cli.option.{name}.{dest}"
            # The English is the module's own help=, so a changed option cannot go unsaid.
            assert MESSAGES[key]["en"] == text, key
            assert hant[name][dest] == MESSAGES[key]["zh-Hant"] != text, key
            assert hans[name][dest] == MESSAGES[key]["zh-Hans"] != text, key


def test_an_officer_reads_the_options_in_chinese(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COMPLAINT_RULES_LANG", raising=False)
    monkeypatch.setenv("LANG", "zh_TW.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    code, out, _ = run(capsys, "lint", "--help")  # the locale says Traditional Chinese
    assert code == 0
    assert "現行版本(代號或路徑):政策內容改了而版本號沒改時報錯" in out  # --base
    assert "顯示這段說明後結束" in out
    code, out, _ = run(capsys, "test", "--help", "--lang", "zh-hans")
    assert "任何政策的覆盖率低于百分之 N 时结束代码为 1" in out
    code, out, _ = run(capsys, "test", "--help", "--lang", "EN")
    assert "exit 1 if any policy's coverage is under N percent" in out
