"""The ``complaint-rules`` command.

One module per subcommand, listed in :data:`COMMANDS`; each has ``HELP`` (one line),
``EXAMPLE`` (shown under ``--help``), ``add_arguments(parser)`` and
``run(args, streams) -> int``.

Exit codes, for every subcommand: 0 success (for ``test`` every case passed, for ``diff``
the two policies are equivalent, for ``lint`` no finding at error level); 1 the answer
is "no" (a case failed, the policies differ, a lint error) or the input is invalid
(located messages on stderr, or with ``--format json`` an RFC 9457 problem document on
stdout); 2 a usage error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from ..errors import (
    CalendarError,
    ComplaintError,
    InputError,
    MissingExtraError,
    WorkerError,
)
from ..messages.catalogue import (
    Lang,
    choose_lang,
    make_problem,
    problem_document,
    problem_text,
    say,
)
from ..messages.host import calendar_problem, extra_problem, worker_problem
from ._common import (
    Parser,
    Streams,
    add_lang,
    error_line,
    lang_of,
    localise_help,
    write_json,
    write_problems,
)
from ._frame import argparse_speaking

__all__ = ["COMMANDS", "main"]

COMMANDS: tuple[str, ...] = (
    "decide",
    "explain",
    "status",
    "serve",
    "duties",
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
"""Subcommand names, in the order ``--help`` lists them; each one's help line is the
message ``cli.help.<name>`` (a test holds its English to the module's ``HELP``). Module
``cli.<name>`` (``list_``) is imported only when its subcommand runs, so ``--help`` and
each command import only what they use."""


def _module(name: str) -> ModuleType:
    return importlib.import_module(
        f"{__name__}.{name}_" if name == "list" else f"{__name__}.{name}"
    )


def _chosen(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names (after the global options), if any."""
    args = iter(argv)
    for arg in args:
        if arg in ("--policy-dir", "--lang"):
            next(args, None)
        elif arg in COMMANDS:
            return arg
        elif not arg.startswith("-"):
            return None
    return None


def build_parser(argv: Sequence[str] | None = None, lang: Lang = "en") -> argparse.ArgumentParser:
    """The argument parser, its help in ``lang``: every subcommand's arguments, or, given
    ``argv``, only those of the subcommand it names (the others are listed by name and help
    line)."""
    parser = Parser(
        prog="complaint-rules",
        description=say("cli.description", lang),
        epilog=say("cli.epilog", lang),
    )
    add_lang(parser, lang, top=True)
    parser.add_argument(
        "--policy-dir",
        action="append",
        default=[],
        metavar="DIR",
        help="also find policies by id in DIR (repeatable)",
    )
    localise_help(parser, "cli.option", lang)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    chosen = None if argv is None else _chosen(argv)
    for name in COMMANDS:
        text = say(f"cli.help.{name}", lang)
        if argv is not None and name != chosen:
            sub.add_parser(name, help=text, description=text)
            continue
        module = _module(name)
        p = sub.add_parser(
            name,
            help=text,
            description=text,
            epilog=say("cli.example", lang)
            + "\n  "
            + module.EXAMPLE
            + (f"\n\n{say(f'cli.notes.{name}', lang)}" if hasattr(module, "NOTES") else ""),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(p)
        localise_help(p, f"cli.option.{name}", lang)
        if not any("--lang" in a.option_strings for a in p._actions):
            add_lang(p, lang)
        p.set_defaults(_run=module.run)
    return parser


def _early_lang(argv: Sequence[str]) -> Lang:
    """The language of the help texts, read before the arguments are parsed."""
    for i, arg in enumerate(argv):
        value = None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        if value is not None:
            try:
                return choose_lang(value)
            except ValueError:
                break
    try:
        return choose_lang(None)
    except ValueError:
        return "en"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    Whatever the input, a failure is a located message (on stderr; with ``--format json``
    an RFC 9457 problem document on stdout) and exit code 1, never a traceback.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _early_lang(argv)
    with argparse_speaking(lang):
        args = build_parser(argv, lang).parse_args(argv)
    streams = Streams(sys.stdout, sys.stderr)
    as_json = getattr(args, "format", "text") == "json"
    try:
        code: int = args._run(args, streams)
    except InputError as exc:
        return _fail(exc, as_json, streams, lang_of(args))
    except CalendarError as exc:
        problem = calendar_problem(exc)
        return _fail(ComplaintError([problem]), as_json, streams, lang_of(args))
    except MissingExtraError as exc:
        problem = extra_problem(exc)
        if not as_json:
            streams.err.write(error_line(problem_text(problem, lang_of(args)), lang_of(args)))
            return 1
        return _fail(InputError([problem]), as_json, streams, lang_of(args))
    except WorkerError as exc:
        problem = worker_problem(exc)
        return _fail(InputError([problem]), as_json, streams, lang_of(args))
    except RecursionError:
        problem = make_problem("input.too_deep")
        return _fail(InputError([problem]), as_json, streams, lang_of(args))
    except BrokenPipeError:
        # The reader went away (``complaint-rules validate … | head``): nothing more to say.
        return _reader_gone()
    except MemoryError:
        problem = make_problem("input.too_large")
        return _fail(InputError([problem]), as_json, streams, lang_of(args))
    return code


def _reader_gone() -> int:
    """Stop writing to a closed pipe quietly (Python would complain once more at exit)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (under a test): nothing to redirect
        pass
    return 1


def _fail(error: InputError, as_json: bool, streams: Streams, lang: Lang) -> int:
    if as_json:
        write_json(problem_document(error, lang=lang), streams.out)
    else:
        write_problems(error.problems, streams.err, lang)
    return 1
