"""Two versions of 科右前旗's policy across a change date, for the tests of policies by date.

The bundled file (no ``effective_from``) stays as it is; the new version, in force from
Sun 2026-11-01, gives 一般投訴 five working days instead of three (第十一條's 三個工作日),
and says so in its version (``2026.11-test``). A test copy: the bundled policies are never
edited.
"""

from __future__ import annotations

from pathlib import Path

from tests.support import ROOT

POLICY = "keyouqianqi_credit_union"
CHANGE = "2026-11-01"
NEW_VERSION = "2026.11-test"


def new_version_text(effective_from: str = CHANGE, version: str = NEW_VERSION) -> str:
    """The bundled policy's text with ``effective_from``, a new version and 5 working days."""
    text = (ROOT / "policies" / f"{POLICY}.yaml").read_text(encoding="utf-8")
    old_version = 'version: "2026.5"\n'
    old_limit = "within: {working_days: 3}"
    assert text.count(old_version) == 1 and text.count(old_limit) == 1
    text = text.replace(old_version, f'version: "{version}"\neffective_from: {effective_from}\n')
    return text.replace(old_limit, "within: {working_days: 5}")


def write_new_version(directory: Path, effective_from: str = CHANGE) -> Path:
    """``<id>@<date>.yaml`` in ``directory``: the new version, beside the bundled one."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{POLICY}@{effective_from}.yaml"
    path.write_text(new_version_text(effective_from), encoding="utf-8")
    return path
