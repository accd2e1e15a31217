"""Where the bundled policies are: inside the installed package, or in a source checkout."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import pytest

import complaint_rules
from complaint_rules import PolicyError
from complaint_rules.policy import bundled
from complaint_rules.policy.bundled import bundled_policy_dir
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
