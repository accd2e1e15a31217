"""What the subcommands share: the parser class, streams, reading input, writing output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from ..errors import CalendarError, ComplaintError, InputError, Problem
from ..messages.catalogue import (
    MESSAGES,
    Lang,
    choose_lang,
    format_problem,
    parse_lang,
    problem_document,
    say,
)
from ..messages.host import calendar_problem, file_problem

if TYPE_CHECKING:
    from ..policy.compiled import CompiledPolicy

__all__ = [
    "Parser",
    "Streams",
    "add_format",
    "add_lang",
    "each_complaint",
    "error_line",
    "lang_of",
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
        # argparse's own template, so that it is said in the officer's language too.
        template: str = vars(argparse)["_"]("%(prog)s: error: %(message)s\n")
        sys.stderr.write(template % {"prog": self.prog, "message": message})
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


def lang_arg(value: str) -> str:
    """``--lang`` for argparse: a language in any case (``zh-hans``, ``ZH-HANT``, ``en``)."""
    try:
        return parse_lang(value)
    except ValueError:
        try:  # said in the language the environment or the locale would choose
            fallback = choose_lang(None)
        except ValueError:
            fallback = "en"
        raise argparse.ArgumentTypeError(say("cli.error.lang", fallback, value=value)) from None


def add_lang(parser: argparse.ArgumentParser, lang: Lang, *, top: bool = False) -> None:
    """``--lang``, accepted before or after the subcommand (the subcommand's copy leaves the
    value alone when not given)."""
    parser.add_argument(
        "--lang",
        type=lang_arg,
        default=None if top else argparse.SUPPRESS,
        metavar="LANG",
        help=say("cli.option.lang", lang),
    )


def localise_help(parser: argparse.ArgumentParser, prefix: str, lang: Lang) -> None:
    """Each option's help line in ``lang``: the catalogue's ``<prefix>.<dest>``, where its
    English is the option's own ``help=`` (an option whose words changed keeps them)."""
    for action in parser._actions:
        key = "cli.option.help" if action.dest == "help" else f"{prefix}.{action.dest}"
        if key in MESSAGES and action.help == MESSAGES[key]["en"]:
            action.help = say(key, lang)


def lang_of(args: argparse.Namespace) -> Lang:
    """The language to speak: ``--lang``, else ``COMPLAINT_RULES_LANG``, else the locale."""
    try:
        return choose_lang(getattr(args, "lang", None))
    except ValueError:
        return "en"


def resolve_policy(args: argparse.Namespace, policy: str) -> CompiledPolicy:
    """A policy by id (bundled, ``--policy-dir``, entry points) or by file path."""
    from ..policy.catalog import Catalog  # imported here: `--help` needs none of it

    return Catalog(args.policy_dir).resolve(policy)


def policy_by_receipt(args: argparse.Namespace, policy: str) -> Callable[[Any], CompiledPolicy]:
    """The policy for a complaint: for a catalog id, the version in force at the complaint's
    ``received_at`` (policies by ``effective_from``; the latest if it has none or a bad one,
    which the decision then reports); for a file, that file."""
    from ..policy.catalog import Catalog

    catalog = Catalog(args.policy_dir)
    if policy not in catalog.ids():
        fixed = catalog.resolve(policy)
        return lambda item: fixed
    single = catalog.load(policy)
    if len(catalog.versions(policy)) == 1 and single.policy.effective_from is None:
        return lambda item: single

    def pick(item: Any) -> CompiledPolicy:
        received = item.get("received_at") if isinstance(item, dict) else None
        if isinstance(received, str):
            try:
                return catalog.load(policy, at=received)
            except InputError as exc:
                if any(p.code == "policy.not_in_force" for p in exc.problems):
                    raise
        return single

    return pick


def write_problems(problems: Sequence[Problem], err: TextIO, lang: Lang = "en") -> None:
    """Each problem in ``lang``, located (file:line:column), with the offending line of the
    file and a caret under the place, when the file is a policy or tests file (YAML, the
    officer's own) that can be read. A complaint, event or history file is the host's data:
    its lines are never repeated."""
    sources: dict[str, list[str] | None] = {}
    for problem in problems:
        source = None
        if problem.file is not None and problem.line is not None and _officers(problem.file):
            if problem.file not in sources:
                sources[problem.file] = _source_lines(problem.file)
            source = sources[problem.file]
        err.write(format_problem(problem, lang, source) + "\n")


def _officers(file: str) -> bool:
    return file.endswith((".yaml", ".yml"))


def _source_lines(file: str) -> list[str] | None:
    path = Path(file)
    try:
        if not path.is_file() or path.stat().st_size > 5_000_000:
            return None
        return path.read_bytes().decode("utf-8-sig", "replace").splitlines()
    except OSError:
        return None


def error_line(message: str, lang: Lang) -> str:
    """``error: <message>``, a line on stderr, in ``lang`` (``message`` already said in it)."""
    return say("host.error_line", lang, message=message) + "\n"


def write_json(data: Any, out: TextIO) -> None:
    """Indented JSON, Chinese as written (not escaped), keys in the order given."""
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def read_json(name: str) -> Any:
    """A JSON file (``-`` for stdin), read by the strict reader
    (:func:`complaint_rules.decision.json_input.read_json`): numbers with a fraction stay
    strings (money); duplicate keys, numbers too long and nesting too deep are refused."""
    from ..decision.json_input import read_json as strict_json
    from ..policy.loader import read_regular

    label = "<stdin>" if name == "-" else name
    try:
        if name == "-":
            buffer = getattr(sys.stdin, "buffer", None)
            raw: bytes | str = buffer.read() if buffer is not None else sys.stdin.read()
        else:
            raw = read_regular(name)
    except OSError as exc:
        raise InputError([file_problem(exc, label)]) from None
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
                [replace(p, path=(*prefix, *p.path), file=label) for p in exc.problems]
            )
            results.append(error)
        except CalendarError as exc:
            prefix = (i,) if isinstance(data, list) else ()
            results.append(ComplaintError([calendar_problem(exc, path=prefix, file=label)]))
    if not isinstance(data, list) and isinstance(results[0], InputError):
        raise results[0]
    return results, isinstance(data, list)


def write_outcomes(
    results: Sequence[Any],
    many: bool,
    io: Streams,
    text: Callable[[Any], str] | None,
    dump: Callable[[Any], Any],
    lang: Lang = "en",
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
                write_problems(r.problems, io.err, lang)
    else:
        dumped = [
            problem_document(r, lang=lang) if isinstance(r, InputError) else dump(r)
            for r in results
        ]
        write_json(dumped if many else dumped[0], io.out)
    return 1 if rejected else 0
