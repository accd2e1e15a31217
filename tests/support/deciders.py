"""The two deciders the decision tests run against: the fast engine and the plain reference.

:mod:`complaint_rules.decision.engine` (id ``fast``) is what the library's users call;
:mod:`complaint_rules.decision.reference` (id ``reference``) computes the same decisions
plainly, as their specification. A test module that decides imports :func:`decide` (and
:func:`decide_json`) from here instead of from ``complaint_rules`` and uses the
``decider`` fixture (tests/conftest.py), usually for the whole module::

    pytestmark = pytest.mark.usefixtures("decider")

Each of its tests then runs once per decider (``test_x[fast]``, ``test_x[reference]``),
helpers and threads included: :func:`decide` calls the decider the running test selected.
Called in a test that did not select one, it raises, so a module cannot forget the fixture
and quietly test the engine alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from complaint_rules import CompiledPolicy, Decision
from complaint_rules.decision import engine, reference
from complaint_rules.decision.complaint import Complaint

__all__ = ["DECIDERS", "FAST", "REFERENCE", "Decider", "decide", "decide_json", "deciding_with"]


class DecideFn(Protocol):
    def __call__(
        self,
        policy: CompiledPolicy,
        complaint: Mapping[str, Any] | Complaint,
        *,
        at: datetime | str | None = None,
        estimate: bool = False,
        carry: Iterable[str] = (),
    ) -> Decision: ...


class DecideJsonFn(Protocol):
    def __call__(
        self,
        policy: CompiledPolicy,
        complaint: Mapping[str, Any] | Complaint,
        *,
        at: datetime | str | None = None,
        estimate: bool = False,
        carry: Iterable[str] = (),
    ) -> str: ...


@dataclass(frozen=True)
class Decider:
    name: str
    decide: DecideFn
    decide_json: DecideJsonFn


FAST = Decider("fast", engine.decide, engine.decide_json)
REFERENCE = Decider("reference", reference.decide, reference.decide_json)
DECIDERS = (FAST, REFERENCE)

_selected: list[Decider] = []
"""The decider of the running test (a list, not a context variable: threads a test
starts must see it too)."""


@contextmanager
def deciding_with(decider: Decider) -> Iterator[Decider]:
    """Make :func:`decide` and :func:`decide_json` call ``decider`` until the block ends."""
    if _selected:
        raise RuntimeError(f"already deciding with {_selected[0].name}")
    _selected.append(decider)
    try:
        yield decider
    finally:
        _selected.clear()


def selected() -> Decider:
    """The decider the running test selected (through the ``decider`` fixture)."""
    if not _selected:
        raise RuntimeError(
            "no decider selected: use the 'decider' fixture, e.g. "
            'pytestmark = pytest.mark.usefixtures("decider")'
        )
    return _selected[0]


def decide(
    policy: CompiledPolicy,
    complaint: Mapping[str, Any] | Complaint,
    *,
    at: datetime | str | None = None,
    estimate: bool = False,
    carry: Iterable[str] = (),
) -> Decision:
    """``decide`` of the decider the running test selected."""
    return selected().decide(policy, complaint, at=at, estimate=estimate, carry=carry)


def decide_json(
    policy: CompiledPolicy,
    complaint: Mapping[str, Any] | Complaint,
    *,
    at: datetime | str | None = None,
    estimate: bool = False,
    carry: Iterable[str] = (),
) -> str:
    """``decide_json`` of the decider the running test selected."""
    return selected().decide_json(policy, complaint, at=at, estimate=estimate, carry=carry)
