"""policy_invariants: a bank's policy directory as parametrized pytest tests."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from os import PathLike
from pathlib import Path
from typing import Any

from ..errors import PolicyError
from ..policy.compiled import CompiledPolicy
from ..policy.loader import policy_files
from ._report import PolicyCheckFailed, PolicyReport
from .invariants import INVARIANTS

__all__ = ["policy_invariants"]

Loaded = tuple[CompiledPolicy, CompiledPolicy | None] | PolicyError


def _load(file: Path) -> Loaded:
    from ._check import load_with_base

    try:
        return load_with_base(file)
    except PolicyError as exc:
        return exc


def policy_invariants(
    *paths: str | PathLike[str],
    invariants: Sequence[str] | None = None,
    max_examples: int | None = None,
) -> Callable[..., None]:
    """A pytest test function, parametrized over each policy file in ``paths`` (files or
    directories of ``*.yaml``) and each invariant; assign it to a ``test_`` name::

        test_policies = policy_invariants("policies")

    Relative paths are taken from the directory of the calling test file. Each file gets a
    ``<id>-loads`` test (its located problems if it does not load) and, unless abstract,
    one ``<id>-<invariant>`` test per invariant. Examples per invariant: ``max_examples``,
    else the ``--policy-examples`` option, else the hypothesis profile's.
    """
    import pytest

    if not paths:
        raise ValueError("policy_invariants needs at least one file or directory")
    names = [inv.name for inv in INVARIANTS] if invariants is None else list(invariants)
    unknown = [n for n in names if n not in {inv.name for inv in INVARIANTS}]
    if unknown:
        known = ", ".join(inv.name for inv in INVARIANTS)
        raise ValueError(f"unknown invariant {unknown[0]!r}; known: {known}")
    caller = sys._getframe(1).f_globals.get("__file__")
    here = Path(caller).resolve().parent if caller else Path.cwd()
    files = policy_files([p if Path(p).is_absolute() else here / p for p in paths])
    if not files:
        raise ValueError(f"no policy files (*.yaml) in {', '.join(str(p) for p in paths)}")
    loaded = {file: _load(file) for file in files}
    cases: list[Any] = []
    for file, result in loaded.items():
        cases.append(pytest.param(file, "loads", id=f"{file.stem}-loads"))
        if isinstance(result, PolicyError) or result[0].policy.abstract:
            continue
        cases += [pytest.param(file, name, id=f"{file.stem}-{name}") for name in names]

    def test_policy_invariant(policy_file: Path, invariant: str, request: Any) -> None:
        from ._check import check_policy

        result = loaded[policy_file]
        if isinstance(result, PolicyError):
            raise PolicyCheckFailed(PolicyReport(policy=str(policy_file), load_error=result))
        if invariant == "loads":
            return
        policy, base = result
        examples = max_examples
        if examples is None:
            examples = request.config.getoption("policy_examples", default=None)
        report = check_policy(policy, invariants=[invariant], base=base, max_examples=examples)
        report.raise_for_failures()

    marked: Callable[..., None] = pytest.mark.parametrize(("policy_file", "invariant"), cases)(
        test_policy_invariant
    )
    return marked
