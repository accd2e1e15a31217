"""Loading a policy text that must fail, and finding the line of a fragment in it."""

from __future__ import annotations

import pytest

from complaint_rules import PolicyError, load_policy_text
from complaint_rules.policy.yaml_reader import Limits


def errors(text: str | bytes, limits: Limits | None = None, *, file: str = "p.yaml") -> list[str]:
    """The problems (as printed) of loading ``text``, which must not load."""
    with pytest.raises(PolicyError) as info:
        load_policy_text(text, file=file, limits=limits)
    return [str(p) for p in info.value.problems]


def line_of(text: str, needle: str) -> int:
    """The number of the first line of ``text`` that holds ``needle``."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def messages(info: pytest.ExceptionInfo[PolicyError]) -> list[str]:
    """The problems (as printed) of a caught :class:`PolicyError`."""
    return [str(p) for p in info.value.problems]
