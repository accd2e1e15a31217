"""What the pages need from files: each policy loaded (or why not), its tests run, its
bases, its source text. This is the part of the studio that reads; the pages do not.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from os import PathLike
from pathlib import Path

from ..errors import InputError
from ..policy.bundled import bundled_source_text, source_name
from ..policy.catalog import Catalog
from ..policy.compiled import CompiledPolicy
from ..toolkit.policytests.cases import run_tests
from .pages import Links, PolicyStatus, TestsSummary, index_page, policy_page

__all__ = ["bases_of", "export", "policy_status", "source_text_of"]


def _file(catalog: Catalog, name: str) -> Path:
    """The file of a policy named by id (the catalog's) or by path."""
    return catalog.path(name) if name in catalog.ids() else Path(name)


def policy_status(catalog: Catalog, name: str) -> PolicyStatus:
    """Policy ``name`` (an id or a path): loaded, or the located problems that keep it from
    loading; and the result of the ``<stem>.tests.yaml`` beside its file, if there is one."""
    path = _file(catalog, name)
    try:
        policy = catalog.resolve(name)
        # Every version of the id (a dated file that does not load makes the id invalid).
        versions = catalog.versions(name) if name in catalog.ids() else (policy,)
    except InputError as exc:
        return PolicyStatus(
            id=name if name in catalog.ids() else path.stem,
            file=str(path),
            problems=tuple(str(p) for p in exc.problems),
            located=tuple(exc.problems),
        )
    tests = path.with_name(f"{path.stem}.tests.yaml")
    summary = None
    if tests.is_file():
        (result,) = run_tests([tests], catalog).files
        passed = sum(1 for case in result.cases if case.passed)
        summary = TestsSummary(
            file=str(tests),
            cases=len(result.cases),
            passed=passed,
            failed=len(result.cases) - passed,
            problems=tuple(str(p) for p in result.problems),
        )
    return PolicyStatus(
        id=policy.id, file=str(path), policy=policy, tests=summary, versions=versions
    )


def bases_of(catalog: Catalog, policy: CompiledPolicy) -> list[CompiledPolicy]:
    """The policies ``policy`` extends, the base first (loaded through ``catalog``)."""
    return [catalog.load(layer.id) for layer in policy.layers[:-1]]


def source_text_of(
    policy: CompiledPolicy, directories: Iterable[str | PathLike[str]] = ()
) -> str | None:
    """The text the policy encodes, found by the file name its ``source`` starts with: in
    ``directories`` first, then among the bundled sources; None if it is nowhere."""
    name = source_name(policy.policy.source)
    if name is None:
        return None
    for directory in directories:
        candidate = Path(directory) / name
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    return bundled_source_text(name)


def export(
    catalog: Catalog,
    names: Sequence[str],
    *,
    lang: str = "zh-Hant",
    sources: Iterable[str | PathLike[str]] = (),
) -> dict[str, str]:
    """The static pages of policies ``names`` (ids or paths): file name → HTML, an
    ``index.html`` listing every policy and a ``<id>.html`` for each that loads."""
    statuses = [policy_status(catalog, name) for name in names]
    directories = list(sources)
    exported = {s.id for s in statuses if s.policy is not None}
    links = Links(policy=lambda policy_id: f"{policy_id}.html" if policy_id in exported else None)
    pages = {"index.html": index_page(statuses, lang=lang, links=links)}
    for status in statuses:
        if status.policy is None:
            continue
        pages[f"{status.id}.html"] = policy_page(
            status.policy,
            source_text=source_text_of(status.policy, directories),
            bases=bases_of(catalog, status.policy),
            status=status,
            lang=lang,
            links=links,
        )
    return pages
