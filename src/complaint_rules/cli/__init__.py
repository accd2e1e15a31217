"""The ``complaint-rules`` command.

One module per subcommand, listed in :data:`COMMANDS`; each has ``HELP`` (one line),
``EXAMPLE`` (shown under ``--help``), ``add_arguments(parser)`` and
``run(args, streams) -> int``.

Exit codes, for every subcommand: 0 success (for ``test`` every case passed, for ``diff``
the two policies are equivalent, for ``lint`` no finding at error level); 1 the answer
is "no" (a case failed, the policies differ, a lint error) or the input is invalid
(located messages on stderr); 2 a usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from ..errors import CalendarError, InputError
from ._common import Parser, Streams, write_problems

__all__ = ["COMMANDS", "main"]

COMMANDS: tuple[str, ...] = (
    "decide",
    "explain",
    "status",
    "validate",
    "list",
    "coverage",
    "lint",
    "diff",
    "test",
    "schema",
    "graph",
    "impact",
    "html",
    "studio",
)
"""Subcommand names, in the order ``--help`` lists them; module ``cli.<name>`` (``list_``)."""


def _module(name: str) -> ModuleType:
    return importlib.import_module(
        f"{__name__}.{name}_" if name == "list" else f"{__name__}.{name}"
    )


def build_parser() -> argparse.ArgumentParser:
    """The whole argument parser (every subcommand)."""
    parser = Parser(
        prog="complaint-rules",
        description="Decide complaints under institutions' complaint-handling policies, "
        "and check, compare and explain those policies.",
        epilog="Exit codes: 0 success; 1 a 'no' answer or invalid input; 2 usage error.",
    )
    parser.add_argument(
        "--policy-dir",
        action="append",
        default=[],
        metavar="DIR",
        help="also find policies by id in DIR (repeatable)",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    for name in COMMANDS:
        module = _module(name)
        p = sub.add_parser(
            name,
            help=module.HELP,
            description=module.HELP,
            epilog="example:\n  " + module.EXAMPLE,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    streams = Streams(sys.stdout, sys.stderr)
    try:
        code: int = args._run(args, streams)
    except InputError as exc:
        write_problems(exc.problems, streams.err)
        return 1
    except CalendarError as exc:
        streams.err.write(f"error: {exc}\n")
        return 1
    return code
