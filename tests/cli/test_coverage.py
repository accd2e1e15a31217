"""complaint-rules coverage: a policy's articles against its source text, as the Markdown
page of docs/policies/ or as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from complaint_rules import Catalog
from complaint_rules.toolkit.articles import coverage_page
from tests.support import ROOT
from tests.support.cli import run

SOURCE = ROOT / "docs" / "sources" / "3-keyouqianqi-credit-union.txt"


def test_coverage_as_json_marks_each_article(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "coverage",
        "keyouqianqi_credit_union",
        str(ROOT / "docs" / "sources" / "3-keyouqianqi-credit-union.txt"),
        "--format",
        "json",
    )
    assert code == 0
    rows = {r["article"]: r for r in json.loads(out)}
    assert "limit_general" in rows["第十一條"]["rules"]
    assert not any(r["missing"] for r in rows.values())


def test_coverage_as_markdown_is_the_page_and_an_unreadable_source_is_located(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalog: Catalog
) -> None:
    code, out, _ = run(capsys, "coverage", "keyouqianqi_credit_union", str(SOURCE))
    policy = catalog.load("keyouqianqi_credit_union")
    assert (code, out) == (0, coverage_page(policy, SOURCE.read_text(encoding="utf-8")))
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, "coverage", "keyouqianqi_credit_union", str(missing))
    assert (code, out) == (1, "")
    assert err.startswith(f"{missing}: cannot read: [Errno 2] No such file or directory")


def test_coverage_gives_the_reasons_in_the_officer_s_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    hotel = str(ROOT / "docs" / "sources" / "5-hotel.txt")
    _, zh, _ = run(capsys, "--lang", "zh-Hant", "coverage", "hotel", hotel)
    _, en, _ = run(capsys, "--lang", "en", "coverage", "hotel", hotel)
    assert zh.startswith(
        "# 酒店（原文沒有寫出酒店名稱；其中的角色是餐廳的角色） — 酒店賓客投訴處理管理辦法\n"
    )
    assert (
        "| 一、1 | — | 原則（真心誠意幫助客人解決問題；維護酒店應有利益）；"
        "不對個別投訴作出任何決定。 |" in zh
    )
    assert "Principles (真心誠意" not in zh
    assert en.startswith(
        "# 酒店 (the source does not name the hotel; its roles are the restaurant's)"
    )
    assert (
        "| 一、1 | — | Principles (真心誠意幫助客人解決問題; 維護酒店應有利益); decide nothing "
        "for a complaint. |" in en
    )
    _, rows, _ = run(capsys, "--lang", "zh-Hant", "coverage", "hotel", hotel, "--format", "json")
    (trial,) = [r for r in json.loads(rows) if r["not_encoded"] and "試行" in r["not_encoded"][0]]
    assert trial["not_encoded"] == ["2016-08-01 起試行；不是對個別投訴的要求。"]
