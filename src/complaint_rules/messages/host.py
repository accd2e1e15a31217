"""Problems the command line, the service and the workbench make of what went wrong
around a request: a file the system cannot read or write, a calendar that cannot count, an
optional part not installed, a worker that stopped.

Each is a :class:`~complaint_rules.errors.Problem` whose English ``message`` is what the
error itself says (scripts match on it), and whose code and values let
:func:`~complaint_rules.messages.catalogue.problem_text` say it in Chinese. Where the
error's English is not one the catalogue words (another system's wording of a file error,
say), the problem keeps that English as a value of a general wording.
"""

from __future__ import annotations

import errno

from ..errors import (
    BeyondCalendarError,
    CalendarError,
    Problem,
    UnpublishedCalendarError,
    WorkerError,
)
from .catalogue import MESSAGES, make_problem, say

__all__ = ["calendar_problem", "extra_problem", "file_problem", "worker_problem"]

_REASONS = {
    errno.ENOENT: "missing",
    errno.EISDIR: "directory",
    errno.EACCES: "denied",
    errno.EEXIST: "exists",
    errno.ENOTDIR: "not_directory",
}

_EXTRAS = ("host.extra.opencc", "host.extra.serve", "host.extra.studio")


def file_problem(
    exc: OSError | ValueError,
    file: str,
    *,
    write: bool = False,
    short: bool = False,
    code: str | None = None,
) -> Problem:
    """``cannot read: <the error>`` (``cannot write:`` with ``write``) about ``file``;
    ``short``: the system's reason alone (``No such file or directory``), without its
    number and the file's name. The code is ``file.unreadable`` or ``file.unwritable``."""
    verb = "write" if write else "read"
    code = code or ("file.unwritable" if write else "file.unreadable")
    detail = str(exc)
    reason = None
    name = file
    if isinstance(exc, OSError) and exc.strerror:
        # A file opened by its descriptor names the number, not the file: name the file.
        name = exc.filename if isinstance(exc.filename, str) else file
        if short:
            detail = exc.strerror
        elif exc.filename2 is None:
            detail = f"[Errno {exc.errno}] {exc.strerror}: {name!r}"
        reason = _REASONS.get(exc.errno or 0)
    if reason is not None:
        wording = f"host.{verb}.{reason}" + (".short" if short else "")
        if wording in MESSAGES:
            values: dict[str, object] = {} if short else {"name": name}
            problem = make_problem(code, file=file, wording=wording, args=values)
            if problem.message == f"cannot {verb}: {detail}":
                return problem
    return make_problem(code, file=file, wording=f"host.{verb}.other", error=detail)


def calendar_problem(
    exc: CalendarError,
    *,
    code: str = "calendar.unpublished",
    path: tuple[str | int, ...] = (),
    file: str | None = None,
) -> Problem:
    """A deadline that cannot be counted: a year whose holidays are not published, or a
    period that ends beyond year 9999 (said in each language), or another calendar error
    (its English kept as the detail)."""
    if isinstance(exc, UnpublishedCalendarError):
        first, last = exc.known
        problem = make_problem(
            code,
            path=path,
            file=file,
            wording="host.calendar.unpublished",
            year=exc.year,
            first=first,
            last=last,
        )
        if problem.message == str(exc):
            return problem
    if isinstance(exc, BeyondCalendarError):
        return make_problem(
            code,
            path=path,
            file=file,
            wording="calendar.unpublished.beyond",
            amount=exc.amount,
            unit=exc.unit,
            start=exc.start,
        )
    return make_problem(code, path=path, file=file, wording="host.calendar.other", detail=str(exc))


def extra_problem(exc: Exception, *, code: str = "extra.missing") -> Problem:
    """An optional part that is not installed, with the command that installs it
    (``code``'s own wording, ``{detail}``, keeps an error's English the catalogue lacks)."""
    for wording in _EXTRAS:
        if say(wording, "en") == str(exc):
            return make_problem(code, wording=wording)
    return make_problem(code, detail=str(exc))


def worker_problem(exc: WorkerError) -> Problem:
    """A worker process that stopped: where the undecided lines or items begin."""
    wording = "batch.worker_died" if exc.unit == "line" else "host.batch.worker_died.item"
    return make_problem("batch.worker_died", wording=wording, first=exc.first)
