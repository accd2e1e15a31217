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
    assert "keyouqianqi_credit_union\t2026.4\t科右前旗信用聯社\t客戶投訴處理管理辦法" in lines
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
