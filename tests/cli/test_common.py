"""What the subcommands share: finding a policy by id or path, reading JSON (money stays
text), complaints one or many with located problems, JSON out, usage errors exit 2."""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

import pytest

from complaint_rules.cli._common import (
    Parser,
    Streams,
    add_format,
    each_complaint,
    read_json,
    resolve_policy,
    write_json,
    write_problems,
)
from complaint_rules.errors import InputError, Problem
from tests.support import ROOT
from tests.support.cli import complaint_file, run
from tests.support.policy_texts import MINI


@pytest.fixture
def complaint(tmp_path: Path) -> Path:
    return complaint_file(tmp_path)


def test_unknown_policy_id_exits_1(capsys: pytest.CaptureFixture[str], complaint: Path) -> None:
    code, _, err = run(capsys, "decide", "keyouqianqi", str(complaint), "--format", "text")
    assert code == 1
    assert "no policy 'keyouqianqi'" in err
    assert "did you mean 'keyouqianqi_credit_union'?" in err
    code, out, err = run(capsys, "decide", "keyouqianqi", str(complaint))
    (problem,) = json.loads(out)["problems"]
    assert (code, err, problem["code"]) == (1, "", "catalog.unknown_id")


def test_not_json_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{\n oops")
    code, _, err = run(capsys, "decide", "keyouqianqi_credit_union", str(path), "--format", "text")
    assert code == 1
    assert err == f"{path}:2:2: not JSON: Expecting property name enclosed in double quotes\n"


def test_read_json_keeps_fractions_as_text_and_reads_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"amount": 99.50, "count": 3, "name": "櫃面"}', encoding="utf-8")
    assert read_json(str(path)) == {"amount": "99.50", "count": 3, "name": "櫃面"}
    monkeypatch.setattr(sys, "stdin", io.StringIO("[1.0]"))
    assert read_json("-") == ["1.0"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("[1,"))
    with pytest.raises(InputError) as info:
        read_json("-")
    assert [(str(p), p.column) for p in info.value.problems] == [
        ("<stdin>:1: not JSON: Expecting value", 4)
    ]


def test_read_json_locates_a_file_it_cannot_read(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_json(str(tmp_path / "missing.json"))
    (problem,) = info.value.problems
    assert problem.file == str(tmp_path / "missing.json")
    assert problem.message.startswith("cannot read: [Errno 2] No such file or directory")
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{"a": "\xe9"}')
    with pytest.raises(InputError) as info:
        read_json(str(latin))
    assert [str(p) for p in info.value.problems] == [f"{latin}: not UTF-8 text (byte 8)"]


def test_each_complaint_places_problems_in_a_list_or_a_single_object(tmp_path: Path) -> None:
    def check(item: object) -> object:
        if item == "bad":
            raise InputError([Problem("no good", path=("channel",))])
        return item

    many = tmp_path / "many.json"
    many.write_text('["a", "b"]', encoding="utf-8")
    assert each_complaint(str(many), check) == (["a", "b"], True)
    many.write_text('["a", "bad", "bad"]', encoding="utf-8")
    results, is_list = each_complaint(str(many), check)
    assert is_list and results[0] == "a"
    assert [[str(p) for p in r.problems] for r in results[1:] if isinstance(r, InputError)] == [
        [f"{many}: [1].channel: no good"],
        [f"{many}: [2].channel: no good"],
    ]
    one = tmp_path / "one.json"
    one.write_text('"a"', encoding="utf-8")
    assert each_complaint(str(one), check) == (["a"], False)
    one.write_text('"bad"', encoding="utf-8")
    with pytest.raises(InputError) as info:
        each_complaint(str(one), check)
    assert [str(p) for p in info.value.problems] == [f"{one}: channel: no good"]


def test_json_out_is_indented_and_chinese_as_written() -> None:
    out = io.StringIO()
    write_json({"b": [1, "櫃面"], "a": None}, out)
    assert out.getvalue() == '{\n  "b": [\n    1,\n    "櫃面"\n  ],\n  "a": null\n}\n'
    err = io.StringIO()
    write_problems([Problem("x", path=("id",), file="f.yaml", line=3), Problem("y")], err)
    assert err.getvalue() == "f.yaml:3: id: x\n<input>: y\n"
    assert Streams(out, err).err is err


def test_a_policy_by_id_path_or_directory(tmp_path: Path) -> None:
    (tmp_path / "mini.yaml").write_text(MINI, encoding="utf-8")
    args = argparse.Namespace(policy_dir=[str(tmp_path)])
    assert resolve_policy(args, "mini").id == "mini"
    assert resolve_policy(args, "hotel").id == "hotel"
    plain = argparse.Namespace(policy_dir=[])
    assert resolve_policy(plain, str(ROOT / "policies" / "xx_bank.yaml")).id == "xx_bank"


def test_the_parser_exits_2_with_its_usage_and_format_defaults(
    capsys: pytest.CaptureFixture[str],
) -> None:
    parser = Parser(prog="thing")
    add_format(parser)
    assert parser.parse_args([]).format == "text"
    with pytest.raises(SystemExit) as info:
        parser.parse_args(["--format", "xml"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: thing [-h] [--format {json,text}]\n")
    assert err.endswith(
        "thing: error: argument --format: invalid choice: 'xml' (choose from 'json', 'text')\n"
    )
    json_first = Parser(prog="thing")
    add_format(json_first, default="json")
    assert json_first.parse_args([]).format == "json"


def test_a_policy_dir_given_on_the_command_line_is_searched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "mini.yaml").write_text(MINI, encoding="utf-8")
    code, out, _ = run(capsys, "--policy-dir", str(tmp_path), "list", "--format", "json")
    assert code == 0
    assert "mini" in [row["id"] for row in json.loads(out)]
