"""The files the workbench may read and write: the policies of a catalog, the editable
ones only inside the directories it was given, and nothing else.

Every file is named by something the workbench chose (a policy id the catalog knows, a
history file it listed); a name from a request is looked up, never joined onto a path
as it is. A resolved path that leaves its directory (``..``, an absolute name, a symbolic
link pointing out) is refused.
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from ..errors import InputError, PolicyError
from ..messages.catalogue import make_problem
from ..policy.catalog import Catalog
from ..policy.compiled import CompiledPolicy
from ..policy.loader import load_policy_text
from .pages import PolicyStatus
from .survey import policy_status

__all__ = ["HISTORY_SUFFIXES", "OutsideError", "PolicyFile", "Workspace"]

HISTORY_SUFFIXES = (".jsonl", ".ndjson")
"""The files offered as histories of complaints: JSON lines."""


class OutsideError(InputError):
    """A name that would reach outside the directories the workbench was given."""


@dataclass(frozen=True)
class PolicyFile:
    id: str
    path: Path
    editable: bool
    """In a ``--policy-dir`` directory (not bundled, not from an installed package)."""
    directory: Path | None
    """The editable directory that holds it."""


def _inside(path: Path, directory: Path) -> bool:
    try:
        path.resolve().relative_to(directory.resolve())
    except ValueError:
        return False
    return True


class Workspace:
    """The catalog's policies (bundled and entry points read-only, ``directories``
    editable) and the files beside them. A new :class:`Catalog` is made when a file
    changes, so the workbench always shows what is on disk."""

    def __init__(
        self,
        directories: Sequence[str | PathLike[str]] = (),
        *,
        sources: Sequence[str | PathLike[str]] = (),
    ) -> None:
        self.directories = tuple(Path(d).resolve() for d in directories)
        self.sources = tuple(Path(d) for d in sources)
        self._lock = threading.Lock()
        self._stamp: tuple[object, ...] | None = None
        self._catalog: Catalog | None = None
        self._statuses: dict[str, PolicyStatus] = {}

    # --- the catalog, fresh when a file changed ------------------------------------------

    def _files_stamp(self) -> tuple[object, ...]:
        stamp: list[object] = []
        for directory in self.directories:
            for path in sorted(directory.glob("*.y*ml")):
                try:
                    st = path.stat()
                except OSError:
                    continue
                stamp.append((str(path), st.st_mtime_ns, st.st_size))
        return tuple(stamp)

    def catalog(self) -> Catalog:
        with self._lock:
            stamp = self._files_stamp()
            if self._catalog is None or stamp != self._stamp:
                self._catalog = Catalog(self.directories)
                self._stamp = stamp
                self._statuses = {}
            return self._catalog

    def ids(self) -> list[str]:
        return self.catalog().ids()

    def status(self, policy_id: str) -> PolicyStatus:
        """The policy loaded (or its problems) and its tests' result, kept until a file
        of the editable directories changes."""
        catalog = self.catalog()
        with self._lock:
            if policy_id not in self._statuses:
                self._statuses[policy_id] = policy_status(catalog, policy_id)
            return self._statuses[policy_id]

    def load(self, policy_id: str) -> CompiledPolicy:
        return self.catalog().load(self.file(policy_id).id)

    def in_force(self, policy_id: str, received_at: str) -> CompiledPolicy:
        """The version of ``policy_id`` in force at ``received_at`` (ISO 8601 with an
        offset), as the command line picks it: the only version, or the one with the latest
        ``effective_from`` on or before that day; an instant before the first version is a
        :class:`PolicyError` that says so."""
        catalog = self.catalog()
        policy_id = self.file(policy_id).id
        if len(catalog.versions(policy_id)) == 1:
            return catalog.load(policy_id)
        return catalog.load(policy_id, at=received_at)

    # --- files -------------------------------------------------------------------------

    def file(self, policy_id: str) -> PolicyFile:
        """The file of policy ``policy_id`` (an id the catalog knows, nothing else)."""
        catalog = self.catalog()
        if policy_id not in catalog.ids():
            raise OutsideError([make_problem("studio.no_policy", id=repr(policy_id))])
        path = catalog.path(policy_id)
        home = next((d for d in self.directories if _inside(path, d)), None)
        return PolicyFile(policy_id, path, home is not None, home)

    def read(self, policy_id: str) -> str:
        return self.file(policy_id).path.read_text(encoding="utf-8")

    def check(self, policy_id: str, text: str) -> CompiledPolicy:
        """``text`` loaded as the new content of policy ``policy_id``'s file: its bases
        from the catalog; raises :class:`PolicyError` with the located problems."""
        name = self.file(policy_id).path.name
        policy = load_policy_text(text, file=name, resolve=self.catalog().load)
        if policy.id != policy_id:
            problem = make_problem(
                "catalog.id_not_stem",
                file=name,
                path=("id",),
                wording="host.catalog.id_not_stem",
                id=repr(policy.id),
            )
            raise PolicyError([problem])
        return policy

    def save(self, policy_id: str, text: str) -> Path:
        """Write ``text`` as policy ``policy_id``'s file, whole or not at all (a temporary
        file beside it, then renamed), only in an editable directory."""
        target = self.file(policy_id)
        if not target.editable or target.directory is None:
            problem = make_problem(
                "studio.read_only", file=policy_id, wording="studio.read_only.bundled"
            )
            raise OutsideError([problem])
        path = target.path.resolve()
        if not _inside(path, target.directory) or path.parent != target.directory:
            raise OutsideError([make_problem("studio.outside", file=str(path))])
        temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            with open(temporary, "w", encoding="utf-8", newline="") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        return path

    def committed(self, policy_id: str) -> str | None:
        """The policy file as last committed, where its directory is in a git
        repository (None: not in one, or not committed)."""
        path = self.file(policy_id).path.resolve()
        try:
            top = subprocess.run(
                ["git", "-C", str(path.parent), "rev-parse", "--show-toplevel"],
                capture_output=True,
                text=True,
                check=False,
                timeout=10,
            )
            if top.returncode != 0:
                return None
            relative = path.relative_to(Path(top.stdout.strip()).resolve()).as_posix()
            shown = subprocess.run(
                ["git", "-C", str(path.parent), "show", f"HEAD:{relative}"],
                capture_output=True,
                check=False,
                timeout=10,
            )
        except (OSError, ValueError, subprocess.SubprocessError):
            return None
        if shown.returncode != 0:
            return None
        return shown.stdout.decode("utf-8", "replace")

    def histories(self) -> list[str]:
        """The history files (JSON lines) in the editable directories and their
        sub-folders, as names relative to the first directory holding each."""
        out: list[str] = []
        for n, directory in enumerate(self.directories):
            for path in sorted(directory.rglob("*")):
                if path.suffix in HISTORY_SUFFIXES and path.is_file() and _inside(path, directory):
                    out.append(f"{n}/{path.relative_to(directory).as_posix()}")
        return out

    def history(self, name: str) -> Path:
        """The history file ``name`` (as :meth:`histories` lists it); anything else is
        refused, whatever it points to."""
        if name not in self.histories():
            raise OutsideError([make_problem("studio.no_history", name=repr(name))])
        number, _, relative = name.partition("/")
        directory = self.directories[int(number)]
        path = (directory / relative).resolve()
        if not _inside(path, directory):  # pragma: no cover - histories() already checks
            raise OutsideError([make_problem("studio.outside", file=name)])
        return path

    def tests_file(self, policy_id: str) -> Path | None:
        path = self.file(policy_id).path
        tests = path.with_name(f"{path.stem}.tests.yaml")
        return tests if tests.is_file() else None
