"""The result of checking a policy: one line per invariant, the broken ones in full."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import PolicyError
from .invariants import InvariantViolation, complaint_json

__all__ = ["InvariantResult", "PolicyCheckFailed", "PolicyReport"]


@dataclass(frozen=True)
class InvariantResult:
    """One invariant checked on one policy: ``violation`` is the smallest counterexample
    found (``None`` if it holds); ``skipped`` says why it was not run."""

    name: str
    holds: str
    violation: InvariantViolation | None = None
    skipped: str | None = None

    @property
    def ok(self) -> bool:
        return self.violation is None

    def __str__(self) -> str:
        if self.violation is not None:
            v = self.violation
            text = f"FAILED {self.name}: {v.message}"
            if v.complaint is not None:
                text += "\n  smallest complaint: " + complaint_json(v.complaint)
            return text
        if self.skipped is not None:
            return f"skipped {self.name}: {self.skipped}"
        return f"ok {self.name}"


@dataclass(frozen=True)
class PolicyReport:
    """Every invariant checked on one policy, or the reason it did not load."""

    policy: str
    """The policy id, or the file if it did not load."""
    results: tuple[InvariantResult, ...] = ()
    load_error: PolicyError | None = None

    @property
    def ok(self) -> bool:
        return self.load_error is None and all(r.ok for r in self.results)

    @property
    def failures(self) -> tuple[InvariantResult, ...]:
        return tuple(r for r in self.results if not r.ok)

    def __str__(self) -> str:
        if self.load_error is not None:
            return f"{self.policy}: does not load: {self.load_error}"
        broken = len(self.failures)
        checked = sum(1 for r in self.results if r.skipped is None)
        head = (
            f"{self.policy}: {broken} of {checked} invariants broken"
            if broken
            else f"{self.policy}: all {checked} invariants hold"
        )
        return "\n".join([head, *(str(r) for r in self.results)])

    def raise_for_failures(self) -> None:
        """Raise :class:`PolicyCheckFailed` (an ``AssertionError``) unless every invariant holds."""
        if not self.ok:
            raise PolicyCheckFailed(self)


class PolicyCheckFailed(AssertionError):
    """A policy that does not load or breaks an invariant; ``report`` has the details."""

    def __init__(self, report: PolicyReport) -> None:
        self.report = report
        super().__init__(str(report))
