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

HELPS: dict[str, str] = {
    "decide": "decide one complaint (or a JSON list of them)",
    "explain": "explain a decision in plain words, and why each other rule did not apply",
    "status": "a case's status at an instant: every clock, what is due, what is owed, what is next",
    "serve": "serve decisions over HTTP/JSON (or JSON lines with --stdio) to hosts in any language",
    "duties": "the institution's recurring duties in a month or year, each with the day it is due",
    "validate": "check policy files (directories: every *.yaml but *.tests.yaml)",
    "list": "the policies the catalog knows (bundled, --policy-dir, installed packages)",
    "coverage": "the article-by-article coverage of a policy against its source text",
    "lint": (
        "static checks: values no rule reaches, shadowed rows, rules that disagree, "
        "unused vocabulary, deadlines looser than the base layer"
    ),
    "diff": (
        "what changes between two versions of a policy, decided over their input space "
        "(exit 1 if they differ)"
    ),
    "test": "run the cases of policy tests files (directories: every *.tests.yaml), with coverage",
    "schema": (
        "JSON Schemas: the policy format (for editors), a policy's complaint, the decision, ..."
    ),
    "graph": "escalation paths and routing of a policy as a Mermaid or Graphviz DOT diagram",
    "impact": (
        "re-decide a history of complaints (JSON lines) under two policy versions and "
        "report what changes (exit 1 if any decision changes)"
    ),
    "html": "export policies' read-only views as self-contained HTML pages, with an index",
}
"""Subcommand names, in the order ``--help`` lists them, and each one's ``HELP`` line (a
test holds them to the modules' own). Module ``cli.<name>`` (``list_``) is imported only
when its subcommand runs, so ``--help`` and each command import only what they use."""

COMMANDS: tuple[str, ...] = tuple(HELPS)


def _module(name: str) -> ModuleType:
    return importlib.import_module(
        f"{__name__}.{name}_" if name == "list" else f"{__name__}.{name}"
    )


def _chosen(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names (after the global options), if any."""
    args = iter(argv)
    for arg in args:
        if arg == "--policy-dir":
            next(args, None)
        elif arg in HELPS:
            return arg
        elif not arg.startswith("-"):
            return None
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser: every subcommand's arguments, or, given ``argv``, only those of
    the subcommand it names (the others are listed by name and help line)."""
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
    chosen = None if argv is None else _chosen(argv)
    for name, help_line in HELPS.items():
        if argv is not None and name != chosen:
            sub.add_parser(name, help=help_line, description=help_line)
            continue
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
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(argv).parse_args(argv)
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
