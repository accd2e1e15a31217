"""Where the bundled policies are: inside the installed package, or in a source checkout."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import pytest

import complaint_rules
from complaint_rules import Catalog, PolicyError
from complaint_rules.policy import bundled
from complaint_rules.policy.bundled import bundled_policy_dir, bundled_source_text, source_name
from tests.support import ROOT
from tests.support.problems import messages


def test_bundled_policies_ship_inside_the_package() -> None:
    # The test command installs the package as a wheel would (not editable): the bundled
    # policies must then be read from the installed package, not from the checkout.
    where = bundled_policy_dir()
    installed = Path(complaint_rules.__file__).parent
    if installed.resolve().is_relative_to((ROOT / "src").resolve()):
        assert where == ROOT / "policies"  # a development (editable) install
    else:
        assert where == installed / "policies"
    shipped = sorted(p.name for p in where.glob("*.yaml"))
    in_repo = sorted(p.name for p in (ROOT / "policies").glob("*.yaml"))
    assert shipped == in_repo
    for name in in_repo:
        assert (where / name).read_bytes() == (ROOT / "policies" / name).read_bytes()


def test_a_checkout_without_packaged_policies_uses_its_policies_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An editable install: the package directory has no policies/, the checkout has.
    package = tmp_path / "checkout" / "src" / "complaint_rules"
    (package / "policy").mkdir(parents=True)
    (tmp_path / "checkout" / "policies").mkdir()
    (tmp_path / "checkout" / "pyproject.toml").write_text("", encoding="utf-8")
    monkeypatch.setattr(importlib.resources, "files", lambda name: package)
    monkeypatch.setattr(bundled, "__file__", str(package / "policy" / "bundled.py"))
    assert bundled_policy_dir() == tmp_path / "checkout" / "policies"
    # Without its pyproject.toml it is no checkout: the policies are missing.
    (tmp_path / "checkout" / "pyproject.toml").unlink()
    with pytest.raises(PolicyError) as info:
        bundled_policy_dir()
    assert messages(info) == ["<input>: the bundled policies are missing from this installation"]


def test_the_source_texts_of_the_bundled_policies_ship_inside_the_package(
    catalog: Catalog,
) -> None:
    names = set()
    for policy_id in catalog.ids():
        name = source_name(catalog.load(policy_id).policy.source)
        if name is None:
            assert policy_id == "cn_banking_baseline"  # a national regulation, not bundled
            continue
        names.add(name)
        text = bundled_source_text(name)
        assert text == (ROOT / "docs" / "sources" / name).read_text(encoding="utf-8")
    assert names == {p.name for p in (ROOT / "docs" / "sources").glob("*.txt")}
    installed = Path(complaint_rules.__file__).parent
    if not installed.resolve().is_relative_to((ROOT / "src").resolve()):
        assert sorted(p.name for p in (installed / "sources").glob("*.txt")) == sorted(names)


def test_a_source_is_named_by_a_plain_file_name() -> None:
    assert source_name("5-hotel.txt, with the amounts set by the hotel") == "5-hotel.txt"
    assert source_name("3-keyouqianqi-credit-union.txt (依據銀監辦發[2007]215號)") == (
        "3-keyouqianqi-credit-union.txt"
    )
    assert source_name("regulatory-baseline.md — CBIRC Order 2020 No. 3") is None
    assert source_name("docs/sources/5-hotel.txt, as published") == "5-hotel.txt"
    assert source_name("docs/other/5-hotel.txt") is None
    assert source_name("docs/sources/../../etc/passwd.txt") is None
    assert source_name("../../etc/passwd.txt") is None
    assert bundled_source_text("../policies/hotel.yaml") is None
    assert bundled_source_text("no-such-source.txt") is None


POLICIES = sorted(p for p in (ROOT / "policies").glob("*.yaml") if ".tests." not in p.name)


@pytest.mark.parametrize("path", POLICIES, ids=[p.stem for p in POLICIES])
def test_each_bundled_policy_cites_its_source_as_it_is_in_the_repository(path: Path) -> None:
    # The header's "# Source: <path>" and the `source:` field both name the text the policy
    # encodes by its path in this repository, and the file is there.
    lines = path.read_text(encoding="utf-8").splitlines()
    (header,) = [line for line in lines if line.startswith("# Source: ")]
    (field,) = [line for line in lines if line.startswith("source: ")]
    cited = header.removeprefix("# Source: ").split()[0].rstrip(".")
    assert cited.startswith("docs/sources/") and (ROOT / cited).is_file(), header
    assert field.removeprefix("source: ").split()[0] == cited, field
