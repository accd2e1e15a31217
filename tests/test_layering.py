"""The layering contracts (pyproject.toml, [tool.importlinter]) catch an import that breaks
them: each test copies the package, adds one wrong import, and runs import-linter on it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint(tmp_path: Path, file: str = "", line: str = "") -> subprocess.CompletedProcess[str]:
    shutil.copytree(ROOT / "src", tmp_path / "src")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    if file:
        target = tmp_path / "src" / "complaint_rules" / file
        target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "src"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_package_as_it_is_keeps_every_contract(tmp_path: Path) -> None:
    run = _lint(tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "BROKEN" not in run.stdout


@pytest.mark.parametrize(
    ("file", "line", "broken"),
    [
        # The calendar reads no YAML.
        ("calendar/working_days.py", "import yaml", "complaint_rules.calendar is not allowed"),
        # The engine knows nothing of the tools built on it.
        (
            "decision/engine.py",
            "from ..toolkit import lint",
            "complaint_rules.decision.engine -> complaint_rules.toolkit.lint",
        ),
        # The compiled policy does not read files.
        ("policy/compiled.py", "import pathlib", "complaint_rules.policy.compiled is not allowed"),
        # hypothesis belongs to the testing kit alone.
        ("policy/loader.py", "import hypothesis", "complaint_rules.policy is not allowed"),
        # OpenCC belongs to messages/.
        ("explanation/explain.py", "import opencc", "complaint_rules.explanation is not allowed"),
        # The studio is of the outer ring: the pure core knows nothing of it...
        (
            "decision/render.py",
            "from ..studio import pages",
            "complaint_rules.decision is not allowed to import complaint_rules.studio",
        ),
        # ... and of the command line only `html` may use it.
        (
            "cli/decide.py",
            "from ..studio import pages",
            "complaint_rules.cli.decide -> complaint_rules.studio.pages",
        ),
        # The studio calls messages/ for Simplified Chinese, never OpenCC itself.
        ("studio/pages.py", "import opencc", "complaint_rules.studio is not allowed"),
        # The service is of the outer ring: the core knows nothing of it...
        (
            "decision/engine.py",
            "from ..service import operations",
            "complaint_rules.decision is not allowed to import complaint_rules.service",
        ),
        # ... of the command line only `serve` (and `schema`, for the OpenAPI document) may
        # use it...
        (
            "cli/decide.py",
            "from ..service import app",
            "complaint_rules.cli.decide -> complaint_rules.service.app",
        ),
        # ... and the server stack (extra server) stays in it.
        ("toolkit/lint.py", "import starlette", "complaint_rules.toolkit is not allowed"),
        ("cli/serve.py", "import uvicorn", "complaint_rules.cli is not allowed to import uvicorn"),
    ],
)
def test_a_wrong_import_breaks_a_contract(
    tmp_path: Path, file: str, line: str, broken: str
) -> None:
    run = _lint(tmp_path, file, line)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "BROKEN" in run.stdout
    assert broken in run.stdout.replace("\n", " "), run.stdout
