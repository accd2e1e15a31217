"""Editing a copy of a policy file, as an officer would before comparing it with the original."""

from __future__ import annotations

from pathlib import Path


def edited(tmp_path: Path, source: Path, *edits: tuple[str, str]) -> Path:
    """``source`` with the first occurrence of each old text replaced, written under tmp_path
    with the same name."""
    text = source.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    path = tmp_path / source.name
    path.write_text(text, encoding="utf-8")
    return path
