"""Running the command line in-process: its exit code and what it wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from complaint_rules.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``complaint-rules *argv``: the exit code (2 for argparse's usage errors), stdout, stderr."""
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def complaint_file(directory: Path) -> Path:
    """``c.json``: one complaint to 科右前旗 (received Wed Sep 30 2026 10:00, a letter about
    a work error: 3 working days, due Sat Oct 10, a make-up workday)."""
    path = directory / "c.json"
    complaint = {
        "received_at": "2026-09-30T10:00:00+08:00",
        "channel": "信件投訴",
        "category": "工作失誤",
    }
    path.write_text(json.dumps(complaint, ensure_ascii=False), encoding="utf-8")
    return path
