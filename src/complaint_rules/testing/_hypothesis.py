"""The optional dependency: hypothesis, or a message saying how to install it."""

from __future__ import annotations

INSTALL = "complaint_rules.testing needs hypothesis: pip install 'complaint-rules[testing]'"

try:
    from hypothesis import HealthCheck, Phase, Verbosity, given, settings
    from hypothesis import strategies as st
except ModuleNotFoundError as exc:  # pragma: no cover - exercised in a subprocess test
    if exc.name != "hypothesis":
        raise
    raise ModuleNotFoundError(INSTALL, name="hypothesis") from None

__all__ = ["INSTALL", "HealthCheck", "Phase", "Verbosity", "given", "settings", "st"]
