"""check_policy: every invariant on one policy, under hypothesis, with shrunk counterexamples."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from os import PathLike
from pathlib import Path
from typing import Any

from ..decision.complaint import parse_datetime
from ..errors import PolicyError
from ..messages.catalogue import make_problem
from ..policy.catalog import Catalog
from ..policy.compiled import CompiledPolicy
from ..policy.loader import load_policy
from ._complaints import complaints
from ._hypothesis import HealthCheck, Phase, Verbosity, given, settings, st
from ._report import InvariantResult, PolicyReport
from .invariants import INVARIANTS, Invariant, InvariantViolation

__all__ = ["check_policy", "load_with_base"]

Resolver = Callable[[str], CompiledPolicy]

_DELAYS = st.one_of(
    st.sampled_from([60, 3600, 86_400, 7 * 86_400]),
    st.integers(min_value=1, max_value=400 * 86_400),
)
"""How much later (in seconds) the same complaint is received again; shrinks to a minute."""


def _resolver(file: Path, chain: tuple[str, ...] = ()) -> Resolver:
    """A base found beside ``file``, else in a :class:`Catalog` (bundled and entry points)."""
    catalog: list[Catalog] = []

    def resolve(policy_id: str) -> CompiledPolicy:
        if policy_id in chain:
            cycle = " -> ".join((*chain, policy_id))
            raise PolicyError(
                [
                    make_problem(
                        "policy.extends_cycle", wording="policy.extends_cycle.chain", cycle=cycle
                    )
                ]
            )
        beside = file.parent / f"{policy_id}.yaml"
        if beside.is_file():
            return load_policy(beside, resolve=_resolver(beside, (*chain, policy_id)))
        if not catalog:
            catalog.append(Catalog())
        return catalog[0].load(policy_id)

    return resolve


def load_with_base(path: str | PathLike[str]) -> tuple[CompiledPolicy, CompiledPolicy | None]:
    """The policy at ``path`` and the compiled policy it extends (found beside it, else
    among the bundled and installed policies); raises :class:`PolicyError`."""
    file = Path(path)
    resolve = _resolver(file)
    policy = load_policy(file, resolve=resolve)
    extends = policy.policy.extends
    return policy, None if extends is None else resolve(extends)


def _select(names: Iterable[str] | None) -> list[Invariant]:
    if names is None:
        return list(INVARIANTS)
    wanted = list(names)
    known = [inv.name for inv in INVARIANTS]
    unknown = [n for n in wanted if n not in known]
    if unknown:
        raise ValueError(f"unknown invariant {unknown[0]!r}; known: {', '.join(known)}")
    return [inv for inv in INVARIANTS if inv.name in wanted]


def _first_violation(error: BaseException) -> InvariantViolation | None:
    if isinstance(error, InvariantViolation):
        return error
    if isinstance(error, BaseExceptionGroup):
        for inner in error.exceptions:
            found = _first_violation(inner)
            if found is not None:
                return found
    return None


def _later(complaint: dict[str, Any], seconds: int) -> datetime:
    return parse_datetime(complaint["received_at"], "received_at") + timedelta(seconds=seconds)


def _run(
    invariant: Invariant, policy: CompiledPolicy, base: CompiledPolicy | None, config: settings
) -> InvariantViolation | None:
    drawn = complaints(policy)
    check = invariant.check
    if invariant.takes == "later":
        strategy: st.SearchStrategy[Any] = st.tuples(drawn, _DELAYS)

        def one(case: Any) -> None:
            check(policy, case[0], _later(case[0], case[1]))

    else:
        strategy = drawn
        extra = () if invariant.takes == "complaint" else (base,)

        def one(case: Any) -> None:
            check(policy, case, *extra)

    @config
    @given(case=strategy)
    def run(case: Any) -> None:
        one(case)

    try:
        run()
    except Exception as error:
        found = _first_violation(error)
        if found is None:
            raise
        return found
    return None


def _settings(max_examples: int | None, derandomize: bool) -> settings:
    current = settings()
    return settings(
        current,
        max_examples=max_examples if max_examples is not None else current.max_examples,
        derandomize=derandomize,
        database=None,
        deadline=None,
        report_multiple_bugs=False,
        verbosity=Verbosity.quiet,
        print_blob=False,
        phases=(Phase.explicit, Phase.generate, Phase.shrink),
        suppress_health_check=(
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.large_base_example,
        ),
    )


def check_policy(
    policy: str | PathLike[str] | CompiledPolicy,
    *,
    invariants: Iterable[str] | None = None,
    base: CompiledPolicy | None = None,
    max_examples: int | None = None,
    derandomize: bool = True,
) -> PolicyReport:
    """Run the invariants (all, or those named) on ``policy``: a policy file or a compiled
    policy. Returns a :class:`PolicyReport`; ``report.raise_for_failures()`` raises.

    Each invariant is tried on ``max_examples`` complaints (default: the active
    hypothesis profile's), drawn by :func:`~complaint_rules.testing.strategies.complaints`;
    a counterexample is shrunk to the smallest complaint that still breaks it. A file
    that does not load gives a report with its located problems. ``base`` is the compiled
    policy ``policy`` extends (found beside the file, or in a :class:`Catalog`, if not
    given). With ``derandomize`` (the default) the same policy gives the same report.
    """
    selected = _select(invariants)
    if isinstance(policy, CompiledPolicy):
        compiled = policy
    else:
        try:
            compiled, found = load_with_base(policy)
        except PolicyError as exc:
            return PolicyReport(policy=str(policy), load_error=exc)
        base = base or found
    extends = compiled.policy.extends
    if extends is not None and base is None:
        try:
            base = Catalog().load(extends)
        except PolicyError:
            base = None
    config = _settings(max_examples, derandomize)
    results = []
    for invariant in selected:
        skipped = None
        if compiled.policy.abstract:
            skipped = "the policy is abstract (a base for others): it decides nothing"
        elif invariant.takes == "base" and extends is None:
            skipped = "the policy extends no other"
        elif invariant.takes == "base" and base is None:
            skipped = f"base policy {extends!r} not found; pass base="
        if skipped is not None:
            results.append(InvariantResult(invariant.name, invariant.holds, skipped=skipped))
            continue
        violation = _run(invariant, compiled, base, config)
        results.append(InvariantResult(invariant.name, invariant.holds, violation=violation))
    return PolicyReport(policy=compiled.id, results=tuple(results))
