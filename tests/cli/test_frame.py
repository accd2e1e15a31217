"""argparse's own words — ``usage:``, the section headings, its usage errors — in the
officer's language, and put back as they were once the command line has parsed."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys

import pytest

from complaint_rules.cli import main
from complaint_rules.cli._frame import argparse_speaking, argparse_text
from complaint_rules.messages._argparse import ARGPARSE
from complaint_rules.messages.catalogue import LANGS, MESSAGES


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_help_headings_in_traditional_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "zh-Hant", "decide", "--help")
    assert code == 0
    assert out.startswith("用法:complaint-rules decide [-h]")
    assert "\n位置引數(依序寫出):\n  policy " in out
    assert "\n選項:\n  -h, --help            顯示這段說明後結束\n" in out
    assert "usage:" not in out and "options:" not in out and "positional arguments" not in out


def test_a_missing_argument_in_simplified_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--lang", "zh-Hans", "decide")
    assert (code, out) == (2, "")
    assert err.startswith("用法:complaint-rules decide [-h]")
    assert err.endswith("complaint-rules decide:错误:缺少必填的参数:policy, complaint\n")


def test_a_wrong_choice_names_the_allowed_ones(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "decide", "x.json", "y.json", "--format", "xml", "--lang", "zh-hant")
    assert code == 2
    assert err.splitlines()[-1] == (
        "complaint-rules decide:錯誤:引數 --format:不能寫 'xml';可以寫:'json', 'text'"
    )


def test_an_unknown_option_in_each_language(capsys: pytest.CaptureFixture[str]) -> None:
    said = {}
    for lang in LANGS:
        code, _, err = run(capsys, "--lang", lang, "list", "--bogus")
        assert code == 2
        said[lang] = err.splitlines()[-1]
    assert said == {
        "zh-Hant": "complaint-rules:錯誤:不認識的引數:--bogus",
        "zh-Hans": "complaint-rules:错误:不认识的参数:--bogus",
        "en": "complaint-rules: error: unrecognized arguments: --bogus",
    }


def test_english_is_argparse_own(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "en", "decide", "--help")
    assert code == 0
    assert out.startswith("usage: complaint-rules decide [-h]")
    assert "\noptions:\n" in out and "\npositional arguments:\n" in out


def test_argparse_is_put_back_after_the_parse(capsys: pytest.CaptureFixture[str]) -> None:
    before = vars(argparse)["_"], vars(argparse)["ngettext"]
    run(capsys, "--lang", "zh-Hant", "decide")  # a usage error: SystemExit inside the block
    run(capsys, "--lang", "zh-Hant", "list", "--help")
    assert (vars(argparse)["_"], vars(argparse)["ngettext"]) == before
    with pytest.raises(RuntimeError, match=r"^用法:p"):
        _usage_then_fail()
    assert (vars(argparse)["_"], vars(argparse)["ngettext"]) == before
    assert argparse.ArgumentParser(prog="p").format_usage() == "usage: p [-h]\n"


def _usage_then_fail() -> None:
    with argparse_speaking("zh-Hans"):
        usage = argparse.ArgumentParser(prog="p").format_usage()
        raise RuntimeError(usage)


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%(?:\([a-z_]+\))?[rsd]", text))


@pytest.mark.parametrize("message", sorted(ARGPARSE))
def test_each_wording_keeps_argparse_placeholders(message: str) -> None:
    for lang in LANGS:
        assert _placeholders(MESSAGES[ARGPARSE[message]][lang]) == _placeholders(message)
    assert argparse_text(message, "en") == message


def test_a_text_without_a_wording_is_left_as_argparse_wrote_it() -> None:
    assert argparse_text("some newer argparse text", "zh-Hant") == "some newer argparse text"


def test_a_wrong_language_is_refused_in_the_environments_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "zh_TW.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("COMPLAINT_RULES_LANG", raising=False)
    code, _, err = run(capsys, "--lang", "fr", "list")
    assert code == 2
    assert err.splitlines()[-1] == (
        "complaint-rules:錯誤:引數 --lang:「fr」不是可用的語言;請寫 zh-Hant、zh-Hans 或 en。"
    )


def test_a_reader_that_goes_away_gets_no_traceback() -> None:
    # The policy schema (about 100 kB) twenty times over is more than a pipe holds, here
    # up to 1 MB: the writer meets the closed pipe, as under `complaint-rules schema | head`.
    script = (
        "import sys; from complaint_rules.cli import main; "
        "sys.exit(max(main(['schema']) for _ in range(20)))"
    )
    with subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        first = os.read(process.stdout.fileno(), 10)  # the rest stays in the pipe
        process.stdout.close()
        err = process.stderr.read()
        code = process.wait(timeout=60)
    assert first.startswith(b"{")
    assert err == b""
    assert code == 1
