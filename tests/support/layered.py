"""A policy ``child`` that extends a policy ``base`` (the test policy MINI renamed), written
side by side, and the sha256 of a file: for the tests of pins and signatures."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.support.policy_texts import MINI

BASE = MINI.replace("id: mini", "id: base").replace("rules:\n", "abstract: false\nrules:\n", 1)
CHILD = """\
schema: complaint-rules/1
id: child
version: "1"
title: 子辦法
institution: 測試銀行
source: tests
extends: base
"""


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_stack(directory: Path) -> tuple[Path, Path]:
    """``base.yaml`` and ``child.yaml`` (which extends it) in ``directory``."""
    base = directory / "base.yaml"
    base.write_text(BASE, encoding="utf-8")
    child = directory / "child.yaml"
    child.write_text(CHILD, encoding="utf-8")
    return base, child
