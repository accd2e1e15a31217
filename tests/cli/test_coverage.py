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
