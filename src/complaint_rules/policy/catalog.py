"""The catalog: an ordinary object that finds policies by id.

It knows the policies bundled with the package, those in directories the host names, and
those that installed packages declare under the entry-point group
``complaint_rules.policies`` (each entry point names a package whose ``*.yaml`` files
are policies). It is not a registry filled at import: nothing is read until the catalog
is created, no policy is loaded until it is asked for, and each loaded policy is kept by
the catalog that loaded it. An id found twice is an error, never a silent override.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from importlib import resources
from os import PathLike
from pathlib import Path

from ..errors import PolicyError, Problem
from .bundled import bundled_policy_dir
from .compiled import CompiledPolicy
from .loader import Pins, _checked_pins, load_policy, policy_files
from .signatures import Signers
from .yaml_reader import Limits

__all__ = ["ENTRY_POINT_GROUP", "Catalog"]


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
        self._paths = dict(sorted(found.items()))
        self._loaded: dict[str, CompiledPolicy] = {}
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

    def load(self, policy_id: str) -> CompiledPolicy:
        """The compiled policy ``policy_id``, loaded once per catalog (with its bases)."""
        with self._lock:
            return self._load_base(policy_id)

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
