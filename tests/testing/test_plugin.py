"""The pytest plugin: --policy-examples, and a broken invariant shown as its report with no
traceback (any other failure as pytest shows it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = """\
from complaint_rules.testing import InvariantResult, PolicyReport
from complaint_rules.testing.invariants import InvariantViolation


def test_broken():
    violation = InvariantViolation("level_order", "went wrong")
    result = InvariantResult("level_order", "h", violation=violation)
    PolicyReport("p", (result,)).raise_for_failures()


def test_plain():
    assert 1 == 2


def test_option(request):
    assert request.config.getoption("policy_examples") == 7
"""


def pytest_in(directory: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *argv],
        cwd=directory,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
        check=False,
    )


def test_a_broken_invariant_is_shown_as_its_report_and_the_option_is_read(tmp_path: Path) -> None:
    (tmp_path / "test_it.py").write_text(TESTS, encoding="utf-8")
    run = pytest_in(tmp_path, "-q", "--policy-examples", "7")
    out = run.stdout
    assert run.returncode == 1, out
    failures = out[out.index("= FAILURES =") : out.index("= short test summary info =")]
    lines = failures.splitlines()
    start = next(i for i, line in enumerate(lines) if " test_broken " in line)
    end = next(i for i, line in enumerate(lines) if " test_plain " in line)
    broken, plain = "\n".join(lines[start + 1 : end]), "\n".join(lines[end:])
    assert lines[start + 1 : end] == [
        "p: 1 of 1 invariants broken",
        "FAILED level_order: went wrong",
    ]
    assert "Traceback" not in broken and "raise_for_failures" not in broken
    assert "assert 1 == 2" in plain and "def test_plain" in plain
    assert out.rstrip().splitlines()[-1].startswith("2 failed, 1 passed in ")


def test_the_option_is_listed_in_the_help(tmp_path: Path) -> None:
    run = pytest_in(tmp_path, "--help")
    assert run.returncode == 0
    assert "complaint_rules policy invariants:" in run.stdout
    assert "--policy-examples=N" in run.stdout


def test_without_the_option_the_profile_decides(tmp_path: Path) -> None:
    (tmp_path / "test_default.py").write_text(
        "def test_default(request):\n"
        "    assert request.config.getoption('policy_examples') is None\n",
        encoding="utf-8",
    )
    run = pytest_in(tmp_path, "-q")
    assert run.returncode == 0, run.stdout
