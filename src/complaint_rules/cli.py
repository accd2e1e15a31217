"""The ``complaint-rules`` command: decide, validate, list, coverage.

Exit codes: 0 success, 1 an invalid policy or complaint (located messages on stderr),
2 a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from .catalog import Catalog
from .decision import Decision
from .docgen import coverage_page
from .engine import decide
from .errors import CalendarError, InputError, PolicyError, Problem
from .loader import load_policy, policy_files
from .render import render_text

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="complaint-rules", description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument(
        "--policy-dir",
        action="append",
        default=[],
        metavar="DIR",
        help="also find policies by id in DIR (repeatable)",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("decide", help="decide one complaint (or a JSON list of them)")
    p.add_argument("policy", help="a policy id (see 'list') or the path of a policy file")
    p.add_argument("complaint", help="a JSON file with one complaint object or a list; - for stdin")
    p.add_argument("--at", help="the as-of instant, ISO 8601 with offset (default: received_at)")
    p.add_argument("--format", choices=("json", "text"), default="json")
    p.add_argument(
        "--estimate",
        action="store_true",
        help="count through years with no published holiday schedule, marked estimated",
    )

    v = sub.add_parser("validate", help="check policy files (directories: every *.yaml)")
    v.add_argument("paths", nargs="+")

    sub.add_parser("list", help="the policies the catalog knows")

    c = sub.add_parser("coverage", help="the article-by-article coverage page (Markdown)")
    c.add_argument("policy", help="a policy id or path")
    c.add_argument("source", help="the source text the policy encodes (UTF-8)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        if args.command == "list":
            return _list(Catalog(args.policy_dir), out)
        if args.command == "validate":
            return _validate(args.paths, out, err)
        if args.command == "coverage":
            policy = Catalog(args.policy_dir).resolve(args.policy)
            text = Path(args.source).read_text(encoding="utf-8")
            out.write(coverage_page(policy, text))
            return 0
        return _decide(args, out, err)
    except InputError as exc:
        _problems(exc.problems, err)
        return 1
    except CalendarError as exc:
        err.write(f"error: {exc}\n")
        return 1


def _problems(problems: Sequence[Problem], err: TextIO) -> None:
    for problem in problems:
        err.write(f"{problem}\n")


def _list(catalog: Catalog, out: TextIO) -> int:
    for policy_id in catalog.ids():
        policy = catalog.load(policy_id)
        out.write(
            f"{policy_id}\t{policy.version}\t{policy.policy.institution}\t{policy.policy.title}\n"
        )
    return 0


def _validate(paths: Sequence[str], out: TextIO, err: TextIO) -> int:
    failed = 0
    files = policy_files(paths)
    if not files:
        err.write("no policy files found\n")
        return 1
    for path in files:
        try:
            policy = load_policy(path)
        except PolicyError as exc:
            _problems(exc.problems, err)
            failed += 1
            continue
        out.write(f"ok\t{path}\t{policy.id} {policy.version}\tsha256:{policy.sha256}\n")
    return 1 if failed else 0


def _read_json(name: str) -> Any:
    label = "<stdin>" if name == "-" else name
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([Problem(f"cannot read: {exc}", file=label)]) from None
    try:
        return json.loads(text, parse_float=str)
    except json.JSONDecodeError as exc:
        raise InputError([Problem(f"not JSON: {exc.msg}", file=label, line=exc.lineno)]) from None


def _decide(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    policy = Catalog(args.policy_dir).resolve(args.policy)
    data = _read_json(args.complaint)
    items = data if isinstance(data, list) else [data]
    label = "<stdin>" if args.complaint == "-" else args.complaint
    decisions: list[Decision] = []
    for i, item in enumerate(items):
        try:
            decisions.append(decide(policy, item, at=args.at, estimate=args.estimate))
        except InputError as exc:
            prefix: tuple[str | int, ...] = (i,) if isinstance(data, list) else ()
            _problems(
                [Problem(p.message, (*prefix, *p.path), file=label) for p in exc.problems], err
            )
            return 1
    if args.format == "text":
        out.write("\n\n".join(render_text(d) for d in decisions) + "\n")
    else:
        dumped = [json.loads(d.model_dump_json()) for d in decisions]
        payload = dumped if isinstance(data, list) else dumped[0]
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
