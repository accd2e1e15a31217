"""``complaint-rules lint POLICY...``.

Exit codes: 0 no finding at error level (warnings and info do not fail); 1 an error-level
finding, or a policy that does not load; 2 a usage error, or an input space larger than
``--max-size`` (the message gives its size).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..messages.catalogue import problem_text
from ..policy.catalog import Catalog
from ..policy.compiled import CompiledPolicy
from ..policy.loader import policy_files
from ..toolkit.input_space import DEFAULT_LIMIT, SpaceTooLarge
from ..toolkit.lint import LintReport, lint
from ._common import Streams, add_format, error_line, lang_of, write_json

HELP = (
    "static checks: values no rule reaches, shadowed rows, rules that disagree, "
    "unused vocabulary, deadlines looser than the base layer; with --base OLD, also a "
    "change under an unchanged version"
)
EXAMPLE = "complaint-rules lint policies/hotel.yaml --format text"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "policies",
        nargs="+",
        metavar="POLICY",
        help="a policy id (see 'list'), a policy file, or a directory of them",
    )
    add_format(p)
    p.add_argument(
        "--max-size",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"refuse a sub-space of more than N complaints (default {DEFAULT_LIMIT})",
    )
    p.add_argument(
        "--base",
        metavar="OLD",
        help="the version in force (an id or a path): an error if the policy's content "
        "changed but its version did not",
    )


def _targets(catalog: Catalog, names: list[str]) -> list[tuple[str, Path | None]]:
    out: list[tuple[str, Path | None]] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            out.extend((str(p), p) for p in policy_files([path]))
        elif path.suffix in (".yaml", ".yml") or path.exists():
            out.append((name, path))
        else:
            out.append((name, catalog.path(name)))
    return out


def run(args: argparse.Namespace, io: Streams) -> int:
    catalog = Catalog(args.policy_dir)
    reports: list[LintReport] = []
    previous = catalog.resolve(args.base) if args.base is not None else None
    for name, path in _targets(catalog, args.policies):
        policy: CompiledPolicy = catalog.resolve(name if path is None else str(path))
        extends = policy.policy.extends
        base = catalog.load(extends) if extends is not None else None
        try:
            reports.append(
                lint(policy, base=base, source=path, limit=args.max_size, previous=previous)
            )
        except SpaceTooLarge as exc:
            io.err.write(error_line(problem_text(exc.problem, lang_of(args)), lang_of(args)))
            return 2
    if args.format == "json":
        dumped = [json.loads(r.model_dump_json()) for r in reports]
        single = len(args.policies) == 1 and not Path(args.policies[0]).is_dir()
        write_json(dumped[0] if single else dumped, io.out)
    else:
        io.out.write("\n".join(r.as_text(lang_of(args)) for r in reports))
    return 1 if any(r.errors for r in reports) else 0
