"""The catalog: an ordinary object that finds policies by id.

It knows the policies bundled with the package, those in directories the host names, and
those that installed packages declare under the entry-point group
``complaint_rules.policies`` (each entry point names a package whose ``*.yaml`` files
are policies). It is not a registry filled at import: nothing is read until the catalog
is created, no policy is loaded until it is asked for, and each loaded policy is kept by
the catalog that loaded it. An id found twice is an error, never a silent override.

Policies by date: besides ``<id>.yaml``, a directory may hold ``<id>@<YYYY-MM-DD>.yaml``,
a version of the same policy in force from that day (it declares the same
``effective_from``). :meth:`Catalog.versions` lists an id's versions and
:meth:`Catalog.load` with ``at`` selects the one in force at an instant; the same id with
the same date twice is an error.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from importlib import resources
from os import PathLike
from pathlib import Path

from ..errors import PolicyError, Problem
from ..messages.catalogue import make_problem
from .bundled import bundled_policy_dir
from .compiled import CompiledPolicy
from .loader import Pins, _checked_pins, load_policy, policy_files
from .signatures import Signers
from .yaml_reader import Limits

__all__ = ["ENTRY_POINT_GROUP", "Catalog", "in_force"]


ENTRY_POINT_GROUP = "complaint_rules.policies"


def _entry_point_dirs() -> list[tuple[Path, str]]:
    """Directories of policies that installed packages declare, sorted by entry-point name."""
    from importlib.metadata import entry_points

    out = []
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            where = Path(str(resources.files(ep.value)))
        except (ImportError, TypeError) as exc:
            raise PolicyError(
                [
                    make_problem(
                        "catalog.entry_point",
                        wording="catalog.entry_point.package",
                        name=repr(ep.name),
                        value=repr(ep.value),
                        group=ENTRY_POINT_GROUP,
                        error=exc,
                    )
                ]
            ) from None
        out.append((where, f"entry point {ep.name}"))
    return out


class Catalog:
    """Policies by id: the bundled ones (unless ``bundled=False``) and those in ``directories``."""

    def __init__(
        self,
        directories: Iterable[str | PathLike[str]] = (),
        *,
        bundled: bool = True,
        entry_points: bool = True,
        limits: Limits | None = None,
        pins: Pins | None = None,
        signed_by: Signers | None = None,
    ) -> None:
        """``limits``, ``pins`` and ``signed_by`` apply to every file loaded, bases included
        (see :func:`~complaint_rules.load_policy`). With ``pins`` (policy id to one sha256
        or several), every policy the catalog loads — by id, as a base, or a file given to
        :meth:`resolve` — must have a hash pinned for the id it is loaded as; with
        ``signed_by``, a valid ``<file>.sig`` stands for a missing pin. A pinned id the
        catalog does not have is refused here."""
        self._limits = limits
        self._pins = _checked_pins(pins)
        self._signed_by = signed_by
        dirs = [(bundled_policy_dir(), "bundled")] if bundled else []
        dirs += [(Path(d), "directory") for d in directories]
        if entry_points:
            dirs += _entry_point_dirs()
        found: dict[str, Path] = {}
        clashes: list[Problem] = []
        for directory, origin in dirs:
            if not directory.is_dir():
                clashes.append(_not_a_directory(directory, origin))
                continue
            for path in policy_files([directory]):
                if path.stem in found:
                    clashes.append(
                        make_problem(
                            "catalog.duplicate_id",
                            wording="catalog.duplicate_id.other",
                            file=str(path),
                            id=repr(path.stem),
                            other=found[path.stem],
                        )
                    )
                    continue
                found[path.stem] = path
        for policy_id in sorted(self._pins):
            if policy_id not in found:
                clashes.append(
                    make_problem(
                        "catalog.pin_unknown_id",
                        wording="catalog.pin_unknown_id.catalog",
                        id=repr(policy_id),
                    )
                )
        if clashes:
            raise PolicyError(clashes)
        self._paths, self._dated = _by_version(found)
        self._loaded: dict[str, CompiledPolicy] = {}
        self._loaded_versions: dict[Path, CompiledPolicy] = {}
        self._lock = threading.Lock()
        self._loading: list[str] = []

    def ids(self) -> list[str]:
        """The ids of every policy the catalog can load, sorted."""
        return list(self._paths)

    def path(self, policy_id: str) -> Path:
        try:
            return self._paths[policy_id]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(policy_id, self._paths, n=1)
            known = ", ".join(self._paths)
            raise PolicyError(
                [
                    make_problem(
                        "catalog.unknown_id",
                        wording="catalog.unknown_id.suggest"
                        if close
                        else "catalog.unknown_id.known",
                        id=repr(policy_id),
                        known=known,
                        args={"nearest": repr(close[0])} if close else {},
                    )
                ]
            ) from None

    def load(self, policy_id: str, at: datetime | str | None = None) -> CompiledPolicy:
        """The compiled policy ``policy_id``, loaded once per catalog (with its bases).

        With ``at`` (an aware instant, or ISO 8601 text with an offset), the version in
        force at that instant: the one with the latest ``effective_from`` on or before
        ``at``'s day in the policy's zone (a version that declares none is in force before
        every dated one). Without ``at``, the latest version. An instant before the first
        version is a :class:`~complaint_rules.errors.PolicyError` that says so.
        """
        if at is None and policy_id not in self._dated:
            with self._lock:
                return self._load_base(policy_id)
        return self._select(policy_id, at)

    def versions(self, policy_id: str) -> tuple[CompiledPolicy, ...]:
        """Every version of ``policy_id`` the catalog holds, oldest ``effective_from`` first
        (an undated version first of all); two versions of one date are a PolicyError."""
        self.path(policy_id)  # an unknown id: the error that names the known ones
        with self._lock:
            loaded: list[CompiledPolicy] = []
            if policy_id in self._paths and self._paths[policy_id].stem == policy_id:
                loaded.append(self._load_base(policy_id))
            for day, path in sorted(self._dated.get(policy_id, {}).items()):
                loaded.append(self._load_version(policy_id, day, path))
        seen: dict[date | None, CompiledPolicy] = {}
        problems: list[Problem] = []
        for policy in loaded:
            start = policy.policy.effective_from
            if start in seen:
                problems.append(
                    make_problem(
                        "policy.invalid",
                        wording="policy.invalid.two_versions",
                        path=("effective_from",),
                        id=repr(policy_id),
                        start=start,
                        first=seen[start].version,
                        second=policy.version,
                    )
                )
            seen[start] = policy
        if problems:
            raise PolicyError(problems)
        return tuple(sorted(loaded, key=_effective_key))

    def _select(self, policy_id: str, at: datetime | str | None) -> CompiledPolicy:
        versions = self.versions(policy_id)
        if at is None:
            return versions[-1]
        instant = _instant(at)
        chosen = in_force(versions, instant)
        if chosen is None:
            first = versions[0].policy.effective_from
            raise PolicyError(
                [
                    make_problem(
                        "policy.not_in_force",
                        wording="policy.not_in_force.before_first",
                        instant=instant.isoformat(),
                        id=repr(policy_id),
                        first=first,
                    )
                ]
            )
        return chosen

    def _load_version(self, policy_id: str, day: date, path: Path) -> CompiledPolicy:
        # Called while self._lock is held: a dated file, its bases by id.
        if path not in self._loaded_versions:
            policy = load_policy(
                path,
                as_id=policy_id,
                resolve=self._load_base,
                pins=self._pins,
                signed_by=self._signed_by,
                limits=self._limits,
            )
            if policy.id != policy_id:
                problem = make_problem(
                    "policy.invalid",
                    wording="catalog.id_not_stem.declared",
                    file=str(path),
                    path=("id",),
                    id=repr(policy.id),
                )
                raise PolicyError([problem])
            if policy.policy.effective_from != day:
                problem = make_problem(
                    "policy.invalid",
                    wording="policy.invalid.effective_from_name",
                    file=str(path),
                    path=("effective_from",),
                    day=day,
                    declared=policy.policy.effective_from,
                )
                raise PolicyError([problem])
            self._loaded_versions[path] = policy
        return self._loaded_versions[path]

    def _checked(self, policy_id: str) -> CompiledPolicy:
        policy = load_policy(
            self.path(policy_id),
            as_id=policy_id,
            resolve=self._load_base,
            pins=self._pins,
            signed_by=self._signed_by,
            limits=self._limits,
        )
        if policy.id != policy_id:
            raise PolicyError(
                [
                    make_problem(
                        "catalog.id_not_stem",
                        wording="catalog.id_not_stem.declared",
                        file=str(self._paths[policy_id]),
                        path=("id",),
                        id=repr(policy.id),
                    )
                ]
            )
        return policy

    def _load_base(self, policy_id: str) -> CompiledPolicy:
        # Called while self._lock is held by load(): load the base without re-locking.
        if policy_id in self._dated and self._paths[policy_id].stem != policy_id:
            # Only dated versions: a base is the latest of them.
            day, path = max(self._dated[policy_id].items())
            return self._load_version(policy_id, day, path)
        if policy_id not in self._loaded:
            if policy_id in self._loading:
                cycle = " -> ".join((*self._loading, policy_id))
                raise PolicyError(
                    [
                        make_problem(
                            "policy.extends_cycle",
                            wording="policy.extends_cycle.chain",
                            cycle=cycle,
                        )
                    ]
                )
            self._loading.append(policy_id)
            try:
                self._loaded[policy_id] = self._checked(policy_id)
            finally:
                self._loading.pop()
        return self._loaded[policy_id]

    def resolve(self, name: str | PathLike[str]) -> CompiledPolicy:
        """A catalog id, or the path of a policy file."""
        text = str(name)
        if text in self._paths:
            return self.load(text)
        if Path(text).suffix in (".yaml", ".yml") or Path(text).exists():
            return load_policy(
                text,
                resolve=self.load,
                pins=self._pins,
                signed_by=self._signed_by,
                limits=self._limits,
            )
        return self.load(text)


def _not_a_directory(directory: Path, origin: str) -> Problem:
    """A directory the catalog was given that is not one: ``bundled``, named by the host
    (``directory``), or an installed package's (``entry point NAME``)."""
    args: dict[str, object] = {}
    if origin == "bundled":
        wording = "catalog.not_a_directory.bundled"
    elif origin == "directory":
        wording = "catalog.not_a_directory.given"
    else:
        wording = "catalog.not_a_directory.entry_point"
        args["name"] = origin.removeprefix("entry point ")
    return make_problem("catalog.not_a_directory", wording=wording, file=str(directory), args=args)


def _by_version(found: dict[str, Path]) -> tuple[dict[str, Path], dict[str, dict[date, Path]]]:
    """Files by id (``<id>.yaml``, else an id's latest dated file) and dated files by id."""
    paths: dict[str, Path] = {}
    dated: dict[str, dict[date, Path]] = {}
    problems: list[Problem] = []
    for stem, path in sorted(found.items()):
        if "@" not in stem:
            paths[stem] = path
            continue
        policy_id, _, day_text = stem.partition("@")
        try:
            day = date.fromisoformat(day_text)
        except ValueError:
            problems.append(
                make_problem(
                    "policy.invalid",
                    wording="policy.invalid.dated_name",
                    file=str(path),
                    text=repr(day_text),
                )
            )
            continue
        dated.setdefault(policy_id, {})[day] = path
    if problems:
        raise PolicyError(problems)
    for policy_id, by_day in dated.items():
        paths.setdefault(policy_id, max(by_day.items())[1])
    return dict(sorted(paths.items())), dated


def _effective_key(policy: CompiledPolicy) -> date:
    return policy.policy.effective_from or date.min


def _instant(at: datetime | str) -> datetime:
    """An aware instant from a datetime or ISO 8601 text with an offset."""
    from ..errors import ComplaintError

    if isinstance(at, str):
        try:
            at = datetime.fromisoformat(at)
        except ValueError:
            problem = make_problem(
                "complaint.invalid",
                wording="complaint.invalid.not_an_instant",
                path=("received_at",),
                value=repr(at),
            )
            raise ComplaintError([problem]) from None
    if at.tzinfo is None or at.utcoffset() is None:
        problem = make_problem(
            "complaint.invalid", wording="complaint.invalid.naive_instant", path=("received_at",)
        )
        raise ComplaintError([problem])
    return at


def in_force(versions: Sequence[CompiledPolicy], instant: datetime) -> CompiledPolicy | None:
    """Of ``versions`` (oldest ``effective_from`` first, as :meth:`Catalog.versions` gives
    them), the one in force at ``instant`` (aware): the latest whose ``effective_from`` is
    on or before ``instant``'s day in the policy's zone, an undated version being in force
    before every dated one; None before the first."""
    chosen = None
    for policy in versions:
        start = policy.policy.effective_from
        if start is None or instant.astimezone(policy.tz).date() >= start:
            chosen = policy
    return chosen
