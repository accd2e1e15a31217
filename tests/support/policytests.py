"""Small policy tests files for 科右前旗, written to a temporary directory: for the tests of the
runner, its expectations and coverage, and the test command."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import ROOT
from tests.support.cli import run

GRAND_HOTEL = ROOT / "examples" / "hotel_variant" / "grand_hotel_policies"
FULLY_COVERED = ["bocom", "hotel", "keyouqianqi_credit_union", "shihua_credit_coop", "xx_bank"]
"""The bundled policies whose tests files exercise every part."""


HEAD = "schema: complaint-rules-tests/1\npolicy: keyouqianqi_credit_union\ncases:\n"


CASE = """\
  - name: 一般投訴 before National Day
    complaint:
      received_at: 2026-09-30T10:00:00+08:00
      channel: letter
      category: work_error
"""


def write(tmp_path: Path, text: str, name: str = "k.tests.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``complaint-rules test *argv``: the exit code, stdout and stderr."""
    return run(capsys, "test", *argv)
