"""Shared fixtures and the hypothesis profiles (HYPOTHESIS_PROFILE=ci in CI)."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from complaint_rules import Catalog, CompiledPolicy

settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True, print_blob=True)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("long", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return Catalog()


@pytest.fixture(scope="session")
def keyouqianqi(catalog: Catalog) -> CompiledPolicy:
    return catalog.load("keyouqianqi_credit_union")
