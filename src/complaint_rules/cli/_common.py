"""What the subcommands share: the parser class, streams, reading input, writing output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO, TypeVar

from ..decision.json_input import read_json as strict_json
from ..errors import CalendarError, ComplaintError, InputError, Problem, problem_document
from ..policy.catalog import Catalog
from ..policy.compiled import CompiledPolicy
from ..policy.loader import read_regular

__all__ = [
    "Parser",
    "Streams",
    "add_format",
    "each_complaint",
    "read_json",
    "resolve_policy",
    "write_json",
    "write_outcomes",
    "write_problems",
]


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit with 2 after printing the usage."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(2)


@dataclass(frozen=True)
class Streams:
    out: TextIO
    err: TextIO


def add_format(parser: argparse.ArgumentParser, default: str = "text") -> None:
    """``--format json|text``: JSON for machines, text for people."""
    parser.add_argument(
        "--format",
        choices=("json", "text"),
        default=default,
        help=f"output format (default: {default})",
    )


def resolve_policy(args: argparse.Namespace, policy: str) -> CompiledPolicy:
    """A policy by id (bundled, ``--policy-dir``, entry points) or by file path."""
    return Catalog(args.policy_dir).resolve(policy)


def write_problems(problems: Sequence[Problem], err: TextIO) -> None:
    for problem in problems:
        err.write(f"{problem}\n")


def write_json(data: Any, out: TextIO) -> None:
    """Indented JSON, Chinese as written (not escaped), keys in the order given."""
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def read_json(name: str) -> Any:
    """A JSON file (``-`` for stdin), read by the strict reader
    (:func:`complaint_rules.decision.json_input.read_json`): numbers with a fraction stay
    strings (money); duplicate keys, numbers too long and nesting too deep are refused."""
    label = "<stdin>" if name == "-" else name
    try:
        if name == "-":
            buffer = getattr(sys.stdin, "buffer", None)
            raw: bytes | str = buffer.read() if buffer is not None else sys.stdin.read()
        else:
            raw = read_regular(name)
    except OSError as exc:
        raise InputError(
            [Problem(f"cannot read: {exc}", file=label, code="file.unreadable")]
        ) from None
    return strict_json(raw, where=label)


T = TypeVar("T")


def each_complaint(name: str, do: Callable[[Any], T]) -> tuple[list[T | InputError], bool]:
    """``do`` applied to each complaint in JSON file ``name`` (one object or a list), in
    order, and whether the file held a list. An item that ``do`` refuses is its
    :class:`InputError`, its problems placed in the file (``[i].field``), in its place."""
    data = read_json(name)
    items = data if isinstance(data, list) else [data]
    label = "<stdin>" if name == "-" else name
    results: list[T | InputError] = []
    for i, item in enumerate(items):
        try:
            results.append(do(item))
        except InputError as exc:
            prefix: tuple[str | int, ...] = (i,) if isinstance(data, list) else ()
            error = type(exc)(
                [
                    Problem(p.message, (*prefix, *p.path), file=label, code=p.code)
                    for p in exc.problems
                ]
            )
            results.append(error)
        except CalendarError as exc:
            prefix = (i,) if isinstance(data, list) else ()
            problem = Problem(str(exc), prefix, file=label, code="calendar.unpublished")
            results.append(ComplaintError([problem]))
    if not isinstance(data, list) and isinstance(results[0], InputError):
        raise results[0]
    return results, isinstance(data, list)


def write_outcomes(
    results: Sequence[Any],
    many: bool,
    io: Streams,
    text: Callable[[Any], str] | None,
    dump: Callable[[Any], Any],
) -> int:
    """Each item's result in input order: with ``text``, rendered results on stdout and
    each rejected item's problems on stderr; else JSON (a list for a list: each item's
    result or its problem document). 1 if any item was rejected."""
    rejected = any(isinstance(r, InputError) for r in results)
    if text is not None:
        shown = [text(r) for r in results if not isinstance(r, InputError)]
        if shown:
            io.out.write("\n\n".join(shown) + "\n")
        for r in results:
            if isinstance(r, InputError):
                write_problems(r.problems, io.err)
    else:
        dumped = [problem_document(r) if isinstance(r, InputError) else dump(r) for r in results]
        write_json(dumped if many else dumped[0], io.out)
    return 1 if rejected else 0
