"""The release: the wheel and the sdist hold what they must, and the README's main command
runs from the unpacked sdist."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.support import ROOT


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-d", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return out


def _sdist_names(dist: Path) -> set[str]:
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as tar:
        return {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}


def test_the_sdist_holds_what_the_readme_commands_need(dist: Path) -> None:
    names = _sdist_names(dist)
    needed = {
        "LICENSE",
        "README.md",
        "CHANGELOG.md",
        "pyproject.toml",
        ".ci/run",
        "scripts/_venv.sh",
        "scripts/test",
        "scripts/decide-examples",
        "src/complaint_rules/__init__.py",
        "policies/keyouqianqi_credit_union.yaml",
        "policies/keyouqianqi_credit_union.tests.yaml",
        "examples/complaints/keyouqianqi_credit_union.json",
        "examples/hotel_variant/grand_hotel_policies/grand_hotel.yaml",
        "tests/conftest.py",
        "docs/sources/3-keyouqianqi-credit-union.txt",
    }
    assert needed <= names, sorted(needed - names)
    # Every tracked file the test command reads is there: the lint and type checks cover
    # src, tests, examples, benchmarks and fuzz.
    tracked = subprocess.run(
        ["git", "ls-files", "src", "tests", "examples", "benchmarks", "fuzz", "policies"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    wanted = {n for n in tracked if not n.startswith("benchmarks/results/")}
    assert wanted <= names, sorted(wanted - names)[:20]
    assert not any("__pycache__" in n or n.startswith(".venv") for n in names)
    assert not any(n.startswith("benchmarks/results/") for n in names)


def test_the_wheel_holds_the_license_the_bundled_policies_and_their_sources(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        license_name = next(n for n in names if n.endswith(".dist-info/licenses/LICENSE"))
        assert "the complaint_rules authors" in z.read(license_name).decode()
    bundled = {p.name for p in (ROOT / "policies").glob("*.yaml")}
    assert {f"complaint_rules/policies/{name}" for name in bundled} <= names
    sources = {p.name for p in (ROOT / "docs" / "sources").glob("*.txt")}
    assert {f"complaint_rules/sources/{name}" for name in sources} <= names


def test_the_main_command_runs_from_the_unpacked_sdist(dist: Path, tmp_path: Path) -> None:
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as tar:
        tar.extractall(tmp_path, filter="data")
    (unpacked,) = tmp_path.iterdir()
    env = {**os.environ, "PYTHON": sys.executable}
    env.pop("VIRTUAL_ENV", None)
    run = subprocess.run(
        ["scripts/decide-examples"],
        cwd=unpacked,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "=== keyouqianqi_credit_union: examples/complaints/keyouqianqi_credit_union.json" in (
        run.stdout
    )
    assert run.stdout.count("=== ") == len(list((ROOT / "examples/complaints").glob("*.json")))
