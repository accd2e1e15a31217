"""Shared fixtures; the hypothesis profiles are in :mod:`tests.support.profiles`."""

from __future__ import annotations

import pytest

import tests.support.profiles  # noqa: F401  (registers and loads the hypothesis profile)
from complaint_rules import Catalog, CompiledPolicy


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return Catalog()


@pytest.fixture(scope="session")
def keyouqianqi(catalog: Catalog) -> CompiledPolicy:
    return catalog.load("keyouqianqi_credit_union")
