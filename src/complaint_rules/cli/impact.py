"""``complaint-rules impact OLD NEW COMPLAINTS.jsonl``.

Exit codes: 0 every complaint is decided the same under both versions; 1 some decision
changed (as ``diff``: the answer to "is it the same?" is no), or the input is invalid: a
policy that does not load, a history that cannot be read, or a history in which no line
could be decided (empty, or every line bad); 2 a usage error. Bad lines are reported on
stderr with their line numbers, and counted in the report, without stopping the run or
changing the exit code.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from contextlib import ExitStack
from typing import TYPE_CHECKING, BinaryIO, TextIO

from ..decision.batch import DEFAULT_CHUNK_SIZE
from ..errors import InputError
from ..messages.catalogue import say
from ..messages.host import file_problem
from ..toolkit.impact import ImpactTally, impact_lines
from ._common import Streams, add_format, error_line, lang_of, write_json, write_problems

if TYPE_CHECKING:
    from ..policy.compiled import CompiledPolicy

HELP = (
    "re-decide a history of complaints (JSON lines) under two policy versions and report "
    "what changes (exit 1 if any decision changes)"
)
EXAMPLE = (
    "complaint-rules impact keyouqianqi_credit_union "
    "examples/histories/draft/keyouqianqi_credit_union.yaml "
    "examples/histories/keyouqianqi_credit_union.jsonl"
)


def _count(least: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < least:
            raise argparse.ArgumentTypeError(f"must be at least {least}, got {value}")
        return value

    return parse


NOTES = (
    "exit codes: 0 no decision changed; 1 some decision changed, or invalid input (a policy\n"
    "that does not load, an unreadable history, no line decided); 2 usage error. Bad lines\n"
    "are listed on stderr with their line numbers and do not stop the run."
)
"""Shown under ``--help`` after the example (``cli.notes.impact`` in each language)."""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "old",
        help="the policy in force: an id (see 'list'; with several versions, each complaint "
        "is decided under the one in force at its received_at) or a path",
    )
    p.add_argument("new", help="the changed policy: an id (by receipt, as OLD) or a path")
    p.add_argument("history", help="the complaints, one JSON object per line; - for stdin")
    add_format(p)
    p.add_argument(
        "--at", help="decide every complaint as of this instant, ISO 8601 (default: received_at)"
    )
    p.add_argument(
        "--estimate",
        action="store_true",
        help="count through years with no published holiday schedule, marked estimated",
    )
    p.add_argument(
        "--workers",
        type=_count(0),
        default=1,
        metavar="N",
        help="decide in N processes (0: one per core; default: 1, in this process)",
    )
    p.add_argument(
        "--chunk-size",
        type=_count(1),
        default=DEFAULT_CHUNK_SIZE,
        metavar="N",
        help=f"lines sent to a worker at a time (default: {DEFAULT_CHUNK_SIZE})",
    )
    p.add_argument(
        "--examples",
        type=_count(0),
        default=5,
        metavar="K",
        help="line numbers shown for each kind of change, and bad lines listed (default: 5)",
    )
    p.add_argument(
        "--changes",
        metavar="FILE.jsonl",
        help="also write one JSON line per changed complaint: its line, id and changes",
    )
    p.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress line on stderr (shown only when stderr is a terminal)",
    )


class _Progress:
    """A ``\\r``-updated line on a terminal: lines read and lines per second."""

    def __init__(self, err: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self.err = err
        self.clock = clock
        self.started = clock()
        self.next = self.started
        self.width = 0

    def update(self, lines: int) -> None:
        now = self.clock()
        if now < self.next:
            return
        self.next = now + 0.2
        rate = lines / max(now - self.started, 1e-9)
        text = f"{lines:,} lines, {rate:,.0f} lines/s"
        self.err.write("\r" + text.ljust(self.width))
        self.err.flush()
        self.width = len(text)

    def clear(self) -> None:
        if self.width:
            self.err.write("\r" + " " * self.width + "\r")
            self.err.flush()
            self.width = 0
            self.next = self.clock()


def _open(name: str, label: str, stack: ExitStack) -> BinaryIO:
    if name == "-":
        return sys.stdin.buffer
    try:
        return stack.enter_context(open(name, "rb"))
    except OSError as exc:
        raise InputError([file_problem(exc, label, short=True)]) from None


def _versions(args: argparse.Namespace, name: str) -> tuple[CompiledPolicy, ...]:
    """A catalog id: every version the catalog holds of it (each complaint is decided under
    the one in force at its receipt); a file: that file alone."""
    from ..policy.catalog import Catalog  # imported here: `--help` needs none of it

    catalog = Catalog(args.policy_dir)
    if name in catalog.ids():
        return catalog.versions(name)
    return (catalog.resolve(name),)


def run(args: argparse.Namespace, io: Streams) -> int:
    old = _versions(args, args.old)
    new = _versions(args, args.new)
    for which, versions in (("OLD", old), ("NEW", new)):
        policy = versions[-1]
        if any(v.policy.abstract for v in versions):
            lang = lang_of(args)
            said = say("cli.impact.abstract", lang, which=which, id=policy.id)
            io.err.write(error_line(said, lang))
            return 1
    label = "<stdin>" if args.history == "-" else args.history
    workers = args.workers or _cores()
    tally = ImpactTally(examples=args.examples, bad_lines=args.examples)
    progress = None if args.no_progress or not io.err.isatty() else _Progress(io.err)
    with ExitStack() as stack:
        history = _open(args.history, label, stack)
        changes: TextIO | None = None
        if args.changes:
            try:
                changes = stack.enter_context(open(args.changes, "w", encoding="utf-8"))
            except OSError as exc:
                problem = file_problem(exc, args.changes, write=True, short=True)
                raise InputError([problem]) from None
        lines = impact_lines(
            old,
            new,
            history,
            at=args.at,
            estimate=args.estimate,
            workers=workers,
            chunk_size=args.chunk_size,
            file=label,
        )
        for item in lines:
            tally.add(item)
            if item.status == "bad":
                if progress is not None:
                    progress.clear()
                write_problems(item.problems, io.err, lang_of(args))
            elif item.status == "changed" and changes is not None:
                changes.write(json.dumps(item.as_dict(), ensure_ascii=False) + "\n")
            if progress is not None:
                progress.update(item.line)
        if progress is not None:
            progress.clear()
    report = tally.report(old, new, label)
    if args.format == "json":
        write_json(report.as_dict(), io.out)
    else:
        io.out.write(report.as_text(lang_of(args)))
    if report.decided == 0:
        lang = lang_of(args)
        what = "cli.impact.empty" if report.bad == 0 else "cli.impact.all_bad"
        io.err.write(error_line(say(what, lang, file=label, bad=report.bad), lang))
        return 1
    return 1 if report.changed else 0


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
