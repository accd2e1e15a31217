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
                    Problem(
                        f"entry point {ep.name!r} = {ep.value!r} in group {ENTRY_POINT_GROUP}: "
                        f"cannot find package ({exc})",
                        code="catalog.entry_point",
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
                clashes.append(
                    Problem(
                        f"not a directory ({origin})",
                        file=str(directory),
                        code="catalog.not_a_directory",
                    )
                )
                continue
            for path in policy_files([directory]):
                if path.stem in found:
                    clashes.append(
                        Problem(
                            f"policy id {path.stem!r} is also provided by {found[path.stem]}",
                            file=str(path),
                            code="catalog.duplicate_id",
                        )
                    )
                    continue
                found[path.stem] = path
        for policy_id in sorted(self._pins):
            if policy_id not in found:
                clashes.append(
                    Problem(
                        f"pinned policy {policy_id!r} is not in the catalog: a pin for a "
                        "policy that is not there is refused",
                        code="catalog.pin_unknown_id",
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
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise PolicyError(
                [
                    Problem(
                        f"no policy {policy_id!r}; known: {', '.join(self._paths)}{hint}",
                        code="catalog.unknown_id",
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
                    Problem(
                        f"policy {policy_id!r} has two versions in force from {start}: "
                        f"{seen[start].version} and {policy.version}",
                        path=("effective_from",),
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
                    Problem(
                        f"{instant.isoformat()} is before the first version of policy "
                        f"{policy_id!r}, in force from {first}",
                        code="policy.not_in_force",
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
                message = f"the file declares id {policy.id!r}; its file stem must be its id"
                raise PolicyError([Problem(message, file=str(path), path=("id",))])
            if policy.policy.effective_from != day:
                message = (
                    f"the file is named for {day} but declares effective_from "
                    f"{policy.policy.effective_from}; they must agree"
                )
                raise PolicyError([Problem(message, file=str(path), path=("effective_from",))])
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
            message = f"the file declares id {policy.id!r}; its file stem must be its id"
            raise PolicyError(
                [
                    Problem(
                        message,
                        file=str(self._paths[policy_id]),
                        path=("id",),
                        code="catalog.id_not_stem",
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
                        Problem(
                            f"policies extend each other in a cycle: {cycle}",
                            code="policy.extends_cycle",
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
                Problem(
                    f"a dated policy file is named <id>@<YYYY-MM-DD>.yaml; {day_text!r} "
                    "is not a date",
                    file=str(path),
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
            raise ComplaintError(
                [Problem(f"not an ISO 8601 instant: {at!r}", path=("received_at",))]
            ) from None
    if at.tzinfo is None or at.utcoffset() is None:
        raise ComplaintError(
            [Problem("an instant needs an offset (e.g. +08:00)", path=("received_at",))]
        )
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
