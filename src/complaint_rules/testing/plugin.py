"""The pytest plugin (entry point ``pytest11``): options and readable failures for
:func:`~complaint_rules.testing.policy_invariants` tests.

- ``--policy-examples N``: examples per invariant (default: the hypothesis profile's).
- A broken invariant or a policy that does not load is shown as the report (what broke
  and the smallest complaint, or the located problems), without a traceback.

Loading this plugin imports neither hypothesis nor the policy machinery.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pytest

__all__ = ["pytest_addoption", "pytest_runtest_makereport"]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("complaint_rules", "complaint_rules policy invariants")
    group.addoption(
        "--policy-examples",
        dest="policy_examples",
        type=int,
        default=None,
        metavar="N",
        help="complaints tried per invariant in policy_invariants tests "
        "(default: the hypothesis profile's max_examples)",
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    excinfo: Any = call.excinfo
    if report.failed and excinfo is not None:
        from ._report import PolicyCheckFailed

        if isinstance(excinfo.value, PolicyCheckFailed):
            report.longrepr = str(excinfo.value)
    return report
