"""Where the policies bundled with the package are."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..errors import PolicyError, Problem

__all__ = ["bundled_policy_dir"]


def bundled_policy_dir() -> Path:
    """Where the bundled policies are: inside the installed package, or in a source checkout."""
    packaged = Path(str(resources.files("complaint_rules"))) / "policies"
    if packaged.is_dir():
        return packaged
    # An editable install or a source checkout: the repository's policies/ directory.
    checkout = Path(__file__).resolve().parents[3] / "policies"
    if (checkout.parent / "pyproject.toml").is_file() and checkout.is_dir():
        return checkout
    raise PolicyError([Problem("the bundled policies are missing from this installation")])
