"""durable_rules for the adapter's tests: skipped on Python 3.13 and later, where it does
not build (the ``durable`` extra installs nothing there), and required everywhere else."""

from __future__ import annotations

import importlib
import sys

import pytest

SKIP_REASON = (
    "durable_rules does not build on Python 3.13+: the 'durable' extra installs nothing "
    "there, so the durable_rules adapter cannot run"
)


def require_durable_rules() -> None:
    """Skip (with the reason) on Python 3.13+; elsewhere import durable_rules, so that a
    missing install fails the test instead of skipping it."""
    if sys.version_info >= (3, 13):
        pytest.skip(SKIP_REASON)
    importlib.import_module("durable.lang")
