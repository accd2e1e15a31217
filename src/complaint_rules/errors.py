"""Errors raised by complaint_rules.

Two families, kept apart as pydantic does: :class:`InputError` for bad data a user
gave (a policy file, a complaint), each carrying every :class:`Problem` found at
once; and :class:`CalendarError` for a deadline that cannot be counted honestly.
Misuse of the Python API (wrong argument types) raises ``TypeError``/``ValueError``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .contract import PROBLEM

__all__ = [
    "BeyondCalendarError",
    "CalendarError",
    "ComplaintError",
    "ComplaintRulesError",
    "InputError",
    "MissingExtraError",
    "PolicyError",
    "Problem",
    "UnpublishedCalendarError",
    "WorkerError",
    "problem_document",
]


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem: where it is and what is wrong."""

    message: str
    path: tuple[str | int, ...] = ()
    file: str | None = None
    line: int | None = None
    code: str | None = None
    """A stable dotted code for the kind of problem (``complaint.unknown_key``), the same
    in every language and every release; machines match on it, not on the message."""
    column: int | None = None
    """The column (1-based) in the line, where the problem is that precise."""
    args: tuple[tuple[str, str], ...] = ()
    """The values the message of ``code`` is worded with (:mod:`complaint_rules.messages`),
    so that it can be said in another language."""

    @property
    def field(self) -> str:
        """The field path in dotted form, e.g. ``rules[3].when.channel``."""
        out = ""
        for part in self.path:
            if isinstance(part, int):
                out += f"[{part}]"
            else:
                out += f".{part}" if out else part
        return out

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        field = self.field
        return f"{where}: {field}: {self.message}" if field else f"{where}: {self.message}"


class ComplaintRulesError(Exception):
    """Base class of every error this library raises on purpose."""


class InputError(ComplaintRulesError):
    """Bad user data; lists every problem found, each located."""

    kind = "input"

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            raise ValueError("an InputError needs at least one problem")
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in {self.kind}"
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in self.problems))


class PolicyError(InputError):
    """A policy file that does not load: syntax, schema or consistency problems."""

    kind = "policy"


class ComplaintError(InputError):
    """A complaint that does not fit the policy it is decided against."""

    kind = "complaint"


class CalendarError(ComplaintRulesError):
    """A date computation that cannot be done with the calendar data at hand."""


class UnpublishedCalendarError(CalendarError):
    """A deadline would be counted through a year whose official schedule is not known."""

    def __init__(self, year: int, known: tuple[int, int]) -> None:
        self.year = year
        self.known = known
        super().__init__(
            f"the official holiday schedule for {year} is not known "
            f"(known: {known[0]}-{known[1]}); add the year's holidays and make-up "
            "workdays to the policy's calendar, or ask for an estimated deadline"
        )


class BeyondCalendarError(CalendarError):
    """A period so long that its end leaves the dates that can be counted (year 9999)."""

    def __init__(self, amount: object, unit: str, start: str) -> None:
        self.amount = amount
        self.unit = unit
        self.start = start
        super().__init__(
            f"{amount} {unit} from {start} ends beyond the dates that can be counted (year 9999)"
        )


class WorkerError(ComplaintRulesError):
    """A worker process of a batch stopped (killed, or out of memory): the results before
    ``first`` were given; that one and every one after it were not decided."""

    def __init__(self, first: int, unit: str = "item") -> None:
        self.first = first
        self.unit = unit
        where = f"line {first}" if unit == "line" else f"item {first} (counted from 0)"
        super().__init__(
            f"a worker process stopped (killed, or out of memory): {where} and every one "
            "after it were not decided"
        )


class MissingExtraError(ComplaintRulesError, ImportError):
    """An optional dependency is not installed; the message says which extra installs it."""


_TITLES = {
    "policy": "The policy is not valid",
    "complaint": "The input is not valid",
    "input": "The input is not valid",
}


def problem_document(
    error: InputError, *, status: int = 422, lang: str = "en"
) -> dict[str, object]:
    """``error`` as an RFC 9457 problem details object, for machines.

    ``type``, ``title``, ``status`` and ``detail`` as RFC 9457 defines them, ``schema``
    (:data:`complaint_rules.contract.PROBLEM`), and ``problems``: every located problem
    with its stable ``code``, ``message``, ``file``, ``line``, ``column`` and ``path`` (the
    field path, item indexes included; ``[]`` for the whole input). ``lang`` is the
    language of the titles and messages (English only, for now).
    """
    if lang != "en":
        raise ValueError(f"lang must be 'en' (the only language of messages so far), not {lang!r}")
    count = len(error.problems)
    kind = error.kind
    return {
        "schema": PROBLEM,
        "type": f"urn:complaint-rules:problem:{kind}",
        "title": _TITLES.get(kind, "The input is not valid"),
        "status": status,
        "detail": f"{count} problem{'s' if count != 1 else ''} in {kind}",
        "problems": [
            {
                "code": p.code or f"{kind}.invalid",
                "message": p.message,
                "file": p.file,
                "line": p.line,
                "column": p.column,
                "path": list(p.path),
            }
            for p in error.problems
        ],
    }
