"""complaint-rules list: the policies the catalog knows, as text or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cli import run
from tests.support.policy_texts import MINI


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0
    lines = out.splitlines()
    assert "keyouqianqi_credit_union\t2026.5\t科右前旗信用聯社\t客戶投訴處理管理辦法" in lines
    assert [line.split("\t")[0] for line in lines] == sorted(line.split("\t")[0] for line in lines)


def test_list_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--format", "json")
    assert code == 0
    rows = {r["id"]: r for r in json.loads(out)}
    assert rows["cn_banking_baseline"]["abstract"] is True
    assert rows["hotel"]["abstract"] is False
    assert rows["keyouqianqi_credit_union"]["path"].endswith("keyouqianqi_credit_union.yaml")


def test_a_title_given_per_language_is_listed_in_the_chosen_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = MINI.replace(
        "title: 測試辦法\ninstitution: 測試銀行\n",
        "title: {zh-Hant: 測試辦法, en: Test rules}\n"
        "institution: {zh-Hant: 測試銀行, zh-Hans: 测试银行, en: Test Bank}\n",
    )
    (tmp_path / "mini.yaml").write_text(text, encoding="utf-8")
    listed = {}
    for lang in ("zh-Hant", "zh-Hans", "en"):
        code, out, _ = run(capsys, "--lang", lang, "--policy-dir", str(tmp_path), "list")
        assert code == 0
        listed[lang] = next(line for line in out.splitlines() if line.startswith("mini\t"))
    assert listed == {
        "zh-Hant": "mini\t1\t測試銀行\t測試辦法",
        "zh-Hans": "mini\t1\t测试银行\t測試辦法",  # no Simplified title given: the policy's own
        "en": "mini\t1\tTest Bank\tTest rules",
    }


def test_list_says_a_title_given_per_language_in_the_officer_s_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    def row(lang: str, policy_id: str) -> list[str]:
        code, out, _ = run(capsys, "--lang", lang, "list")
        assert code == 0
        (line,) = [x for x in out.splitlines() if x.startswith(policy_id + "\t")]
        return line.split("\t")[2:]

    assert row("zh-Hant", "cn_banking_baseline") == [
        "中國銀行保險監督管理委員會（全國性規定）",
        "銀行業保險業消費投訴處理管理辦法（基準層）",
    ]
    assert row("en", "cn_banking_baseline") == [
        "中國銀行保險監督管理委員會 (national rules)",
        "銀行業保險業消費投訴處理管理辦法 (baseline layer)",
    ]
    assert row("zh-Hant", "hotel")[0] == "酒店（原文沒有寫出酒店名稱；其中的角色是餐廳的角色）"
    assert row("en", "bocom")[1].startswith("交通銀行投訴處理管理辦法 — encodes the PROPOSED")
    # Texts the policy gives in one language are the same in every language.
    assert row("en", "keyouqianqi_credit_union") == row("zh-Hant", "keyouqianqi_credit_union")
