"""The example complaints of examples/complaints/, one file per bundled policy."""

from __future__ import annotations

import json
from typing import Any

from tests.support import ROOT

EXAMPLES = ROOT / "examples" / "complaints"


def example(name: str, index: int) -> dict[str, Any]:
    """The ``index``-th example complaint of policy ``name``."""
    data: list[dict[str, Any]] = json.loads((EXAMPLES / f"{name}.json").read_text("utf-8"))
    return data[index]
