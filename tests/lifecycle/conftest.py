"""Every reason a lifecycle test makes a case event rejected with is worded in each
language (:mod:`tests.support.reasons`)."""

from __future__ import annotations

import pytest

from complaint_rules.errors import Problem
from tests.support.reasons import every_reason_said


@pytest.fixture(autouse=True)
def _every_reason_said(every_reason_said: list[Problem]) -> None:
    """Checked after each test, by the fixture it uses."""


__all__ = ["every_reason_said"]
