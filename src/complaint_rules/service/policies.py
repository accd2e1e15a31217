"""The policies a service holds: an immutable set, replaced whole on reload."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from os import PathLike

from ..errors import InputError, PolicyError
from ..messages.catalogue import make_problem
from ..policy.catalog import Catalog, in_force
from ..policy.compiled import CompiledPolicy

__all__ = ["Policies", "PolicySet", "Selection", "UnknownPolicy"]


class UnknownPolicy(InputError):
    """A policy id, version or sha256 the set does not hold (HTTP 404)."""

    kind = "request"


@dataclass(frozen=True, slots=True)
class Selection:
    """How a request picks a version: by instant (default: the complaint's receipt), by
    version text or by sha256 (a prefix of at least 12 hex digits)."""

    at: str | None = None
    version: str | None = None
    sha256: str | None = None
    estimate: bool = False


@dataclass(frozen=True)
class PolicySet:
    """Every version of every policy, loaded and compiled; never changed once built."""

    versions: Mapping[str, tuple[CompiledPolicy, ...]]
    generation: int = 0
    loaded_at: str = ""
    _dated: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def load(
        cls,
        directories: Sequence[str | PathLike[str]],
        pins: Mapping[str, Sequence[str]] | None = None,
        generation: int = 0,
        *,
        bundled: bool = True,
        entry_points: bool = True,
    ) -> PolicySet:
        """Load and compile every policy the catalog finds; any problem raises.

        ``pins`` (policy id to its sha256s, one per version) are the catalog's
        (``Catalog(pins=)``): when given, every file the set loads — every version of every
        id, and every base — must have its bytes' sha256 pinned for the id it is loaded as,
        checked before parsing; a pinned id the catalog lacks is refused."""
        catalog = Catalog(
            directories,
            bundled=bundled,
            entry_points=entry_points,
            pins={k: tuple(v) for k, v in pins.items()} if pins else None,
        )
        versions = {pid: catalog.versions(pid) for pid in catalog.ids()}
        dated = frozenset(
            pid for pid, vs in versions.items() if any(v.policy.effective_from for v in vs)
        )
        stamp = datetime.now().astimezone().isoformat(timespec="seconds")
        return cls(versions, generation, stamp, dated)

    def ids(self) -> list[str]:
        return list(self.versions)

    def select(
        self, policy_id: str, selection: Selection, received_at: object = None
    ) -> CompiledPolicy:
        """The version a request asks for; by default the one in force at ``received_at``."""
        try:
            versions = self.versions[policy_id]
        except KeyError:
            known = ", ".join(self.versions)
            problem = make_problem("policy.unknown", id=repr(policy_id), known=known)
            raise UnknownPolicy([problem]) from None
        if selection.version is not None or selection.sha256 is not None:
            for policy in versions:
                if (selection.version is None or policy.version == selection.version) and (
                    selection.sha256 is None or _sha_matches(policy.sha256, selection.sha256)
                ):
                    return policy
            asked = selection.version or selection.sha256
            held = ", ".join(f"{p.version} (sha256 {p.sha256[:12]})" for p in versions)
            problem = make_problem(
                "policy.unknown_version", id=repr(policy_id), version=repr(asked), held=held
            )
            raise UnknownPolicy([problem])
        if len(versions) == 1 and policy_id not in self._dated:
            return versions[0]
        at = selection.at if selection.at is not None else received_at
        if not isinstance(at, str):
            return versions[-1]  # the decision itself reports a missing or bad receipt
        try:
            instant = datetime.fromisoformat(at)
        except ValueError:
            return versions[-1]
        if instant.tzinfo is None:
            return versions[-1]
        chosen = in_force(versions, instant)
        if chosen is None:
            first = versions[0].policy.effective_from
            problem = make_problem(
                "policy.not_in_force",
                path=("received_at",),
                wording="host.policy.not_in_force",
                at=at,
                id=repr(policy_id),
                first=first,
            )
            raise PolicyError([problem])
        return chosen

    def summary(self) -> list[dict[str, object]]:
        """Each policy version: id, version, effective dates and each layer's sha256."""
        out: list[dict[str, object]] = []
        for pid, versions in self.versions.items():
            for i, policy in enumerate(versions):
                nxt = versions[i + 1].policy.effective_from if i + 1 < len(versions) else None
                out.append(
                    {
                        "id": pid,
                        "version": policy.version,
                        "title": policy.policy.title,
                        "institution": policy.policy.institution,
                        "abstract": policy.policy.abstract,
                        "effective_from": _day(policy.policy.effective_from),
                        "effective_until": _day(nxt),
                        "sha256": policy.sha256,
                        "layers": [
                            {"id": layer.id, "version": layer.version, "sha256": layer.sha256}
                            for layer in policy.layers
                        ],
                    }
                )
        return out


def _day(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _sha_matches(full: str, asked: str) -> bool:
    asked = asked.lower().removeprefix("sha256:")
    return len(asked) >= 12 and full.startswith(asked)


class Policies:
    """The set being served, and reloading it: a request takes :attr:`current` once and
    keeps it; :meth:`reload` builds a whole new set and swaps it in only if it loads."""

    def __init__(
        self,
        directories: Sequence[str | PathLike[str]] = (),
        pins: Mapping[str, Sequence[str]] | None = None,
        *,
        bundled: bool = True,
        entry_points: bool = True,
    ) -> None:
        self._directories = tuple(directories)
        self._pins = {k: tuple(v) for k, v in (pins or {}).items()}
        self._options = {"bundled": bundled, "entry_points": entry_points}
        self._lock = threading.Lock()
        self.current = PolicySet.load(self._directories, self._pins, 0, **self._options)
        self.last_error: str | None = None
        """Why the last reload failed (None after a good one)."""

    def reload(self) -> tuple[bool, str | None]:
        """Load the policies again; on success serve them, else keep the old set.
        Returns whether it succeeded and, if not, why."""
        with self._lock:
            try:
                new = PolicySet.load(
                    self._directories, self._pins, self.current.generation + 1, **self._options
                )
            except (InputError, OSError) as exc:
                self.last_error = str(exc)
                return False, self.last_error
            self.current = new
            self.last_error = None
            return True, None
