"""Shared fixtures (the catalog, 科右前旗, the decider under test); the hypothesis profiles
are in :mod:`tests.support.profiles`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import tests.support.profiles  # noqa: F401  (registers and loads the hypothesis profile)
from complaint_rules import Catalog, CompiledPolicy
from tests.support.deciders import DECIDERS, Decider, deciding_with


@pytest.fixture(autouse=True)
def _english_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages are in English unless a test chooses a language: the tester's own locale
    and ``COMPLAINT_RULES_LANG`` do not leak into the expected texts."""
    for name in ("COMPLAINT_RULES_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return Catalog()


@pytest.fixture(scope="session")
def keyouqianqi(catalog: Catalog) -> CompiledPolicy:
    return catalog.load("keyouqianqi_credit_union")


@pytest.fixture(params=DECIDERS, ids=[d.name for d in DECIDERS])
def decider(request: pytest.FixtureRequest) -> Iterator[Decider]:
    """The fast engine, then the plain reference: what ``tests.support.deciders.decide``
    calls during the test (see :mod:`tests.support.deciders`)."""
    with deciding_with(request.param) as selected:
        yield selected
