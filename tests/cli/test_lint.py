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
from tests.toolkit.test_lint import EXTENSION


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


PHONE_REPLY = (
    "  - id: phone_reply\n    article: 第五條\n    when: {channel: phone}\n"
    "    deadlines:\n      - {id: reply_phone, label: 回復, within: {working_days: 5}}\n"
)


def test_the_findings_in_each_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Two rules give 「回復」 different periods by phone, and a role nobody uses: the
    # officer reads what is wrong in their language; the ids, codes and labels stay.
    text = edit(
        "    - {id: head, label: 負責人}\n",
        "    - {id: head, label: 負責人}\n    - {id: audit, label: 稽核部}\n",
        add_rule(PHONE_REPLY),
    )
    path = tmp_path / "mini.yaml"
    path.write_text(text, encoding="utf-8")
    role = text.splitlines().index("    - {id: audit, label: 稽核部}") + 1
    rule = text.splitlines().index("  - id: phone_reply") + 1
    said = {}
    for lang in ("zh-Hant", "zh-Hans", "en"):
        code, out, err = run(capsys, "--lang", lang, "lint", str(path))
        assert (code, err) == (1, "")
        said[lang] = out.splitlines()
    assert said["zh-Hant"][0] == (
        f"{path}:{role}: vocabulary.roles[2]: 警告 unused-role: 角色 audit (稽核部) 已宣告,"
        "但沒有任何地方用到"
    )
    assert said["zh-Hant"][1] == (
        f"{path}:{rule}: rules[1]: 錯誤 conflicting-deadlines: 期限 reply(3個工作日,規則 intake)"
        "和 reply_phone(5個工作日,規則 phone_reply)都是「回復」,卻適用於同一些投訴"
        "(當渠道為 電話投訴 (phone)) [phone_reply · 第五條]"
    )
    assert said["zh-Hant"][2].startswith("  例子:{")
    assert said["zh-Hant"][-1] == "mini 1:1 個錯誤,1 個警告,0 個提示"
    # Simplified Chinese is its own text; the policy's labels are as written.
    assert said["zh-Hans"][0].endswith(
        "警告 unused-role: 角色 audit (稽核部) 已声明,但没有任何地方用到"
    )
    assert said["zh-Hans"][1].endswith(
        "错误 conflicting-deadlines: 期限 reply(3个工作日,规则 intake)和 reply_phone"
        "(5个工作日,规则 phone_reply)都是「回復」,却适用于同一些投诉"
        "(当渠道为 電話投訴 (phone)) [phone_reply · 第五條]"
    )
    # English is as it was.
    assert said["en"][0] == (
        f"{path}:{role}: vocabulary.roles[2]: warning unused-role: role audit (稽核部) is declared "
        "but never used"
    )
    assert said["en"][1] == (
        f"{path}:{rule}: rules[1]: error conflicting-deadlines: deadlines reply (3 working days, "
        "rule intake) and reply_phone (5 working days, rule phone_reply) are both 「回復」 and "
        "apply to the same complaints (where channel: 電話投訴 (phone)) [phone_reply · 第五條]"
    )


def test_a_dead_rule_s_condition_and_a_dimension_no_rule_looks_at_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    never = (
        "  - id: never\n    article: 第九條\n"
        "    when: {all: [{channel: counter}, {channel: phone}], serious: true}\n"
        "    actions:\n      - {id: nothing, label: 無}\n"
    )
    text = edit(INTAKE_WHEN, INTAKE_WHEN.replace(" category: [service, product],", ""))
    path = tmp_path / "mini.yaml"
    path.write_text(add_rule(never, text), encoding="utf-8")
    code, out, _ = run(capsys, "--lang", "zh-Hant", "lint", str(path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith(
        "vocabulary.categories: 提示 unreached-category: 沒有任何規則看類別:"
        "它的 2 個值(service、product)都得到相同的處理"
    )
    assert lines[1].endswith(
        "rules[1].when: 警告 dead-rule: 規則 never 永遠不會適用:沒有任何投訴符合它的條件"
        "「渠道為 櫃面投訴 (counter),並且渠道為 電話投訴 (phone),並且事實 情節嚴重 (serious)為 是」"
        " [never · 第九條]"
    )
    code, out, _ = run(capsys, "--lang", "zh-Hans", "lint", str(path))
    assert out.splitlines()[1].endswith(
        "rules[1].when: 警告 dead-rule: 规则 never 永远不会适用:没有任何投诉符合它的条件"
        "「渠道为 櫃面投訴 (counter),并且渠道为 電話投訴 (phone),并且事实 情節嚴重 (serious)为 是」"
        " [never · 第九條]"
    )


def test_a_deadline_looser_than_the_base_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "probe_bank.yaml"
    path.write_text(EXTENSION, encoding="utf-8")
    code, out, _ = run(capsys, "--lang", "zh-Hant", "lint", str(path))
    assert code == 1
    assert out.splitlines()[0].endswith(
        "錯誤 looser-than-base: 期限 decision_15d(作出處理決定並告知投訴人)比基礎政策 "
        "cn_banking_baseline 的晚:5 類投訴中有 3 類;這裡是11個工作日,基礎政策是15日;"
        "例如於 2026-09-30T16:00:00+08:00(國慶前一日,10月1日至7日放假) 收到的投訴,"
        "這裡須於 2026-10-21 24時前完成,基礎政策須於 2026-10-15 24時前完成"
        " [decision_within_15_days · 第三條]"
    )
    code, out, _ = run(capsys, "--lang", "zh-Hans", "lint", str(path))
    assert "这里须于 2026-10-21 24时前完成,基础政策须于 2026-10-15 24时前完成" in out


def test_json_keeps_the_english_message_and_the_wording(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(add_rule(PHONE_REPLY), encoding="utf-8")
    code, out, _ = run(capsys, "--lang", "zh-Hant", "lint", str(path), "--format", "json")
    (finding,) = json.loads(out)["findings"]
    assert code == 1
    assert finding["message"].startswith("deadlines reply (3 working days, rule intake)")
    assert finding["wording"] == "lint.conflicting_deadlines"
    assert finding["args"]["period_a"] == "3 working days"
    assert finding["args"]["scope"] == " (where channel: 電話投訴 (phone))"
    assert finding["local_args"]["zh-Hant"]["period_a"] == "3個工作日"
    assert finding["local_args"]["zh-Hans"]["scope"] == "(当渠道为 電話投訴 (phone))"
