"""Where the policies bundled with the package are, and the source texts they encode."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from ..errors import PolicyError
from ..messages.catalogue import make_problem

__all__ = ["bundled_policy_dir", "bundled_source_text", "source_name"]


def _packaged_or_checkout(packaged_name: str, checkout_name: str) -> Path | None:
    """A directory shipped inside the package, or the same files in a source checkout."""
    packaged = Path(str(resources.files("complaint_rules"))) / packaged_name
    if packaged.is_dir():
        return packaged
    # An editable install or a source checkout: the repository's own directory.
    root = Path(__file__).resolve().parents[3]
    checkout = root / checkout_name
    if (root / "pyproject.toml").is_file() and checkout.is_dir():
        return checkout
    return None


def bundled_policy_dir() -> Path:
    """Where the bundled policies are: inside the installed package, or in a source checkout."""
    found = _packaged_or_checkout("policies", "policies")
    if found is None:
        raise PolicyError(
            [make_problem("catalog.bundled_missing", wording="catalog.bundled_missing.all")]
        )
    return found


_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.txt")


def source_name(source: str) -> str | None:
    """The file name a policy's ``source`` starts with, if it names a text file:
    ``docs/sources/5-hotel.txt, with the amounts…`` (the path in the repository) or
    ``5-hotel.txt …`` → ``5-hotel.txt``; ``regulatory-baseline.md — …`` → None. Only a plain
    file name counts, after the repository's ``docs/sources/`` (no other directory, nothing
    outside that folder)."""
    match = _NAME.match(source.removeprefix("docs/sources/"))
    return match.group() if match else None


def bundled_source_text(name: str) -> str | None:
    """The text of a source document bundled with the package (``docs/sources/*.txt``,
    shipped as ``complaint_rules/sources/``), by file name; None if there is none."""
    if _NAME.fullmatch(name) is None:
        return None
    where = _packaged_or_checkout("sources", "docs/sources")
    if where is None or not (where / name).is_file():
        return None
    return (where / name).read_text(encoding="utf-8")
