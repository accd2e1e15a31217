"""complaint_rules.testing: property tests for policies and policy changes.

- :mod:`~complaint_rules.testing.strategies` — hypothesis strategies drawn from a policy's
  own vocabulary (:func:`~.strategies.complaints`, :func:`~.strategies.policies`).
- :mod:`~complaint_rules.testing.invariants` — what every policy's decisions must
  satisfy, as plain functions raising :class:`InvariantViolation`.
- :func:`check_policy` — every invariant on one policy, with shrunk counterexamples.
- :func:`policy_invariants` — parametrized pytest tests for a directory of policies::

      from complaint_rules.testing import policy_invariants

      test_policies = policy_invariants("policies")

The pytest plugin (entry point ``pytest11``) shows a broken invariant as its message and
smallest complaint, without a traceback. Needs hypothesis: ``pip install
'complaint-rules[testing]'``. Importing this package imports neither hypothesis nor pytest;
the names below do, when first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._check import check_policy
    from ._report import InvariantResult, PolicyCheckFailed, PolicyReport
    from ._suite import policy_invariants
    from .invariants import INVARIANTS, Invariant, InvariantViolation

__all__ = [
    "INVARIANTS",
    "Invariant",
    "InvariantResult",
    "InvariantViolation",
    "PolicyCheckFailed",
    "PolicyReport",
    "check_policy",
    "policy_invariants",
]

_WHERE = {
    "INVARIANTS": "invariants",
    "Invariant": "invariants",
    "InvariantResult": "_report",
    "InvariantViolation": "invariants",
    "PolicyCheckFailed": "_report",
    "PolicyReport": "_report",
    "check_policy": "_check",
    "policy_invariants": "_suite",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
