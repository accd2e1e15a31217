"""docs/policies/<id>.md is generated from the YAML (scripts/policy-docs) and cannot drift."""

from __future__ import annotations

import pytest

from complaint_rules import Catalog
from complaint_rules.policy.loader import policy_files
from complaint_rules.toolkit.articles import coverage_page, source_articles
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
