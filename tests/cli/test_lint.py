"""complaint-rules lint: the findings of each policy, file or directory given; exit 1 on a
finding at error level."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from complaint_rules.cli import main
from tests.support import ROOT
from tests.support.cli import run
from tests.support.lint_policy import CLEAN, INTAKE_WHEN, add_rule, edit


def test_the_bundled_policies_have_no_error(capsys: pytest.CaptureFixture[str]) -> None:
    root = ROOT / "policies"
    code = main(["lint", str(root), "--format", "json"])
    out, err = capsys.readouterr()
    reports = json.loads(out)
    assert (code, err) == (0, "")
    assert sorted(r["policy"] for r in reports) == [
        "bocom",
        "cn_banking_baseline",
        "hotel",
        "keyouqianqi_credit_union",
        "shihua_credit_coop",
        "xx_bank",
    ]
    assert all(f["severity"] != "error" for r in reports for f in r["findings"])


def test_the_command_exits_1_on_an_error_and_0_on_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    rule = (
        "  - id: phone_reply\n    article: 第五條\n    when: {channel: phone}\n"
        "    deadlines:\n      - {id: reply_phone, label: 回復, within: {working_days: 5}}\n"
    )
    bad.write_text(add_rule(rule).replace("id: mini", "id: bad"), encoding="utf-8")
    assert main(["lint", str(bad)]) == 1
    out, _ = capsys.readouterr()
    assert out.endswith("bad 1: 1 error(s), 0 warning(s), 0 info\n")
    fine = tmp_path / "fine.yaml"
    fine.write_text(
        edit(INTAKE_WHEN, INTAKE_WHEN.replace("[counter, phone]", "[counter]")).replace(
            "id: mini", "id: fine"
        ),
        encoding="utf-8",
    )
    assert main(["lint", str(fine), "--format", "json"]) == 0
    out, _ = capsys.readouterr()
    assert [f["code"] for f in json.loads(out)["findings"]] == ["unreached-channel"]


def test_policies_by_id_and_a_clean_file_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = tmp_path / "mini.yaml"
    clean.write_text(CLEAN, encoding="utf-8")
    code, out, err = run(capsys, "lint", str(clean), "xx_bank", "--format", "json")
    assert (code, err) == (0, "")
    reports = json.loads(out)
    assert reports[0]["findings"] == []
    assert [r["policy"] for r in reports] == ["mini", "xx_bank"]
    code, out, _ = run(capsys, "lint", str(clean))
    assert (code, out.splitlines()[-1]) == (0, "mini 1: 0 error(s), 0 warning(s), 0 info")


def test_the_summary_line_in_each_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = tmp_path / "mini.yaml"
    clean.write_text(CLEAN, encoding="utf-8")
    lines = {
        lang: run(capsys, "lint", str(clean), "--lang", lang)[1].splitlines()[-1]
        for lang in ("zh-Hant", "zh-Hans", "en")
    }
    assert lines == {
        "zh-Hant": "mini 1:0 個錯誤,0 個警告,0 個提示",
        "zh-Hans": "mini 1:0 个错误,0 个警告,0 个提示",
        "en": "mini 1: 0 error(s), 0 warning(s), 0 info",
    }
