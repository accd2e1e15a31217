"""complaint-rules html: the read-only views as static pages, one per policy and an index,
self-contained, for every bundled policy and the example hotel variant."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from complaint_rules import Catalog
from tests.studio.test_pages import citations
from tests.support import ROOT
from tests.support.cli import run
from tests.support.graph_policy import SMALL
from tests.support.html_pages import check_self_contained, read_page, section

GRAND_HOTEL = ROOT / "examples" / "hotel_variant" / "grand_hotel_policies" / "grand_hotel.yaml"
BUNDLED = sorted(p.stem for p in (ROOT / "policies").glob("*.yaml") if ".tests" not in p.name)


def test_every_bundled_policy_and_the_hotel_variant_export(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "site"
    code, stdout, err = run(capsys, "html", *BUNDLED, str(GRAND_HOTEL), "-o", str(out))
    assert (code, err) == (0, "")
    names = ["index.html", *(f"{i}.html" for i in BUNDLED), "grand_hotel.html"]
    assert stdout.splitlines() == [str(out / n) for n in names]
    assert sorted(p.name for p in out.iterdir()) == sorted(names)
    catalog = Catalog([GRAND_HOTEL.parent])
    for name in names:
        text = (out / name).read_text(encoding="utf-8")
        page = read_page(text)  # well-formed
        check_self_contained(text, page)  # no external URL, every anchor there
        # Links to other pages go to pages that were written.
        for link in page.links:
            if not link.startswith("#"):
                assert (out / link.split("#")[0]).is_file(), (name, link)
        if name == "index.html":
            continue
        policy = catalog.load(name.removesuffix(".html"))
        for rule in policy.rules:
            assert f'id="rule-{rule.rule.id}"' in text
        for article in set(citations(policy)):
            assert html.escape(article) in text, (name, article)
    index = (out / "index.html").read_text(encoding="utf-8")
    for policy_id in [*BUNDLED, "grand_hotel"]:
        assert f'href="{policy_id}.html"' in section(index, f"policy-{policy_id}")
    # The tests beside each file were run: the variant's four cases pass.
    assert "6/6 通過" in section(index, "policy-grand_hotel")
    assert "沒有測試檔案" in section(index, "policy-cn_banking_baseline")


def test_pages_link_only_to_what_was_exported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, _ = run(capsys, "html", str(GRAND_HOTEL), "-o", str(tmp_path))
    assert code == 0
    text = (tmp_path / "grand_hotel.html").read_text(encoding="utf-8")
    assert 'href="hotel.html"' not in text and "<code>hotel</code>" in text
    assert 'href="index.html"' in text


def test_the_export_is_the_same_bytes_each_time(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for where in ("a", "b"):
        assert run(capsys, "html", "hotel", "xx_bank", "-o", str(tmp_path / where))[0] == 0
    for name in ("index.html", "hotel.html", "xx_bank.html"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_the_language_is_chosen_in_any_case(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "html", "shihua_credit_coop", "--lang", "EN", "-o", str(tmp_path))[0] == 0
    text = (tmp_path / "shihua_credit_coop.html").read_text(encoding="utf-8")
    assert text.startswith('<!DOCTYPE html>\n<html lang="en">')
    code, _, err = run(capsys, "html", "hotel", "--lang", "fr", "-o", str(tmp_path))
    assert code == 2 and "'fr' is not a language; use zh-Hant, zh-Hans, en" in err


def test_a_policy_that_does_not_load_stops_the_export(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(SMALL.replace("role: desk}", "role: dsk}"), encoding="utf-8")
    out = tmp_path / "site"
    code, stdout, err = run(capsys, "html", "hotel", str(bad), "-o", str(out))
    assert (code, stdout) == (1, "")
    # The export speaks the policy's language, Traditional Chinese here.
    assert err.startswith(
        f"{bad}:31:25: rules[0].routing[0].role: 角色 'dsk' 沒有在詞彙表(vocabulary)中宣告;"
        "可以寫:desk, head, boss;是不是要寫 'desk'?"
    )
    assert not out.exists()  # nothing written
    code, _, err = run(
        capsys, "html", "hotel", str(ROOT / "policies" / "hotel.yaml"), "-o", str(out)
    )
    assert code == 1 and "是同一份政策 'hotel';每份政策只給一次" in err
    code, _, err = run(
        capsys, "html", "hotel", str(ROOT / "policies" / "hotel.yaml"), "-o", str(out),
        "--lang", "en",
    )  # fmt: skip
    assert code == 1 and "are policy 'hotel'" in err


def test_source_texts_are_found_in_the_given_directories(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    policy = tmp_path / "small.yaml"
    policy.write_text(SMALL.replace("source: tests", "source: small-rules.txt"), encoding="utf-8")
    sources = tmp_path / "texts"
    sources.mkdir()
    (sources / "small-rules.txt").write_text(
        "第一條 櫃面受理投訴。\n第二條 三至五個工作日內回復。\n", encoding="utf-8"
    )
    out = tmp_path / "site"
    code, _, _ = run(capsys, "html", str(policy), "--sources", str(sources), "-o", str(out))
    assert code == 0
    text = (out / "small.html").read_text(encoding="utf-8")
    row = re.search(r'<tr id="p-0">.*?</tr>', text, re.S)
    assert row is not None and "櫃面受理投訴" in row.group() and 'id="rule-intake"' in row.group()
    # Without the directory the page lists the rules by article instead.
    assert run(capsys, "html", str(policy), "-o", str(out))[0] == 0
    assert "此政策沒有可顯示的來源文字(small-rules.txt)" in (out / "small.html").read_text(
        encoding="utf-8"
    )
