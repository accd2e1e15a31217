"""docs/policies/<id>.md is generated from the YAML (scripts/policy-docs) and cannot drift."""

from __future__ import annotations

import pytest

from complaint_rules import Catalog
from complaint_rules.policy.loader import policy_files
from complaint_rules.policy.model import ELEMENT_KINDS
from complaint_rules.toolkit.articles import (
    Passage,
    citation_path,
    coverage_page,
    locate,
    source_articles,
    source_passages,
)
from tests.support import ROOT

IDS = sorted(p.stem for p in policy_files([ROOT / "policies"]))  # not the *.tests.yaml


def source_text(catalog: Catalog, policy_id: str) -> str:
    name = catalog.load(policy_id).policy.source.split()[0]
    return (ROOT / name).read_text(encoding="utf-8")  # its path in the repository


@pytest.mark.parametrize("policy_id", IDS)
def test_coverage_page_is_up_to_date(catalog: Catalog, policy_id: str) -> None:
    page = ROOT / "docs" / "policies" / f"{policy_id}.md"
    expected = coverage_page(catalog.load(policy_id), source_text(catalog, policy_id))
    assert page.read_text(encoding="utf-8") == expected, "run scripts/policy-docs"


@pytest.mark.parametrize("policy_id", IDS)
def test_every_numbered_article_is_encoded_or_explained(catalog: Catalog, policy_id: str) -> None:
    page = coverage_page(catalog.load(policy_id), source_text(catalog, policy_id))
    assert "— missing —" not in page


def test_a_forgotten_article_shows_as_missing(catalog: Catalog) -> None:
    text = source_text(catalog, "keyouqianqi_credit_union") + "\n第九十九條 新條文。\n"
    assert "第九十九條" in source_articles(text)
    page = coverage_page(catalog.load("keyouqianqi_credit_union"), text)
    assert "| 第九十九條 | — | — missing — |" in page


# --- passages and citations --------------------------------------------------------------


def _source(name: str) -> str:
    return (ROOT / "docs" / "sources" / name).read_text(encoding="utf-8")


def test_a_line_is_cut_where_its_numbered_passages_start() -> None:
    text = "標題\n第一章 總則\n第一條 甲。第二條 乙。\n續行。\n第三條 丙\n一、子項 1)點一。2)點二\n"
    passages = source_passages(text)
    assert [(p.mark, p.text) for p in passages] == [
        ("", "標題"),
        ("第一章", "第一章 總則"),
        ("第一條", "第一條 甲。"),
        ("第二條", "第二條 乙。\n續行。"),
        ("第三條", "第三條 丙"),
        ("一、", "一、子項"),
        ("1)", "1)點一。"),
        ("2)", "2)點二"),
    ]
    assert passages[7].path == (("chapter", 1), ("article", 3), ("section", 1), ("point", 2))
    assert passages[7].lineage == (1, 4, 5, 7)
    # A number inside a sentence does not start a passage: "第十條規定" is a reference.
    assert len(source_passages("第四條 依第十條規定處理,見附件5)。")) == 1


def test_citations_name_their_numbering_and_their_bracketed_words() -> None:
    assert citation_path("第十一條(處罰)六") == ((("article", 11), ("section", 6)), ("處罰",))
    assert citation_path("三、4、2)") == ((("section", 3), ("item", 4), ("point", 2)), ())
    assert citation_path("三、3、(5)") == ((("section", 3), ("item", 3), ("point", 5)), ())
    assert citation_path("第十五條 (第三款)") == ((("article", 15),), ())
    assert citation_path("二、1 (第二款)") == ((("section", 2), ("item", 1)), ())
    assert citation_path("六") == ((("section", 6),), ())
    assert citation_path("回避") == ((), ())
    assert citation_path("2012年通知") == ((), ())


def test_a_citation_finds_the_words_it_cites() -> None:
    xx_bank = source_passages(_source("1-xx-bank.txt"))

    def words(article: str, passages: list[Passage]) -> str:
        found = locate(article, passages)
        assert found is not None, article
        return found.text[:10]

    # 1-xx-bank has two articles numbered 第十一條; the bracketed word tells them apart.
    assert words("第十一條(處罰)二", xx_bank) == "二、營業人員違犯金融"
    assert words("第十一條(通報)二", xx_bank) == "二、超過時限未向消費"
    assert words("第十一條(處罰)", xx_bank) == "第十一條 對下列情況"
    # The text jumps from 第六條 to "四、內容包括": a citation without its article finds it.
    assert words("四、內容包括", xx_bank) == "四、內容包括。消費者"
    # 第二章 is missing from the text altogether.
    assert locate("第二章(第七條至第九條)", xx_bank) is None
    hotel = source_passages(_source("5-hotel.txt"))
    assert words("三、4、2)", hotel) == "2)凡由上級領導指定"
    assert words("三、1", hotel) == "1、酒店設立賓客投訴"  # heading written 三.
    assert words("六", hotel) == "六、投訴處理權限"
    bocom = source_passages(_source("4-bocom.txt"))
    assert words("三、3、(5)", bocom) == "(5)建立重大投訴事"
    assert locate("回避", bocom) is None


@pytest.mark.parametrize("policy_id", IDS)
def test_every_citation_of_a_policy_finds_its_passage(catalog: Catalog, policy_id: str) -> None:
    policy = catalog.load(policy_id)
    if not policy.policy.source.split()[0].endswith(".txt"):
        return  # the national baseline cites a regulation whose text is not bundled
    passages = source_passages(source_text(catalog, policy_id))
    own = [r.rule for r in policy.rules if r.layer == policy.id]
    cited = [r.article for r in own]
    cited += [e.article for r in own for kind in ELEMENT_KINDS for e in getattr(r, kind)]
    cited += [n.article for n in policy.policy.not_encoded]
    lost = sorted({a for a in cited if a is not None and locate(a, passages) is None})
    # What the source lacks (docs/sources/NOTES.md): xx_bank's 第二章 and 第七–九條.
    assert lost == (["第二章(第七條至第九條)"] if policy_id == "xx_bank" else [])
