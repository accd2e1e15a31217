"""``complaint-rules diff OLD NEW``.

Exit codes: 0 the versions are equivalent (no complaint of their input space is decided
differently, and they accept the same complaints); 1 they differ, or a policy does not
load; 2 a usage error, or an element's input space larger than ``--max-size`` without
``--sample`` (the message gives its size).
"""

from __future__ import annotations

import argparse
import json

from ..messages.catalogue import problem_text
from ..toolkit.diff import diff
from ..toolkit.input_space import DEFAULT_LIMIT, SpaceTooLarge
from ._common import Streams, add_format, error_line, lang_of, resolve_policy, write_json

HELP = (
    "what changes between two versions of a policy, decided over their input space "
    "(exit 1 if they differ)"
)
EXAMPLE = (
    "complaint-rules diff keyouqianqi_credit_union "
    "drafts/keyouqianqi_credit_union.yaml --format text"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("old", help="the policy in force: an id (see 'list') or a path")
    p.add_argument("new", help="the changed policy: an id or a path")
    add_format(p)
    p.add_argument(
        "--max-size",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"refuse an element's sub-space of more than N complaints (default {DEFAULT_LIMIT})",
    )
    p.add_argument(
        "--sample",
        type=int,
        metavar="N",
        help="above --max-size, decide N complaints chosen deterministically instead",
    )
    p.add_argument("--seed", type=int, default=0, help="the sample's seed (default 0)")


def run(args: argparse.Namespace, io: Streams) -> int:
    old = resolve_policy(args, args.old)
    new = resolve_policy(args, args.new)
    try:
        result = diff(old, new, limit=args.max_size, sample=args.sample, seed=args.seed)
    except SpaceTooLarge as exc:
        io.err.write(error_line(problem_text(exc.problem, lang_of(args)), lang_of(args)))
        return 2
    if args.format == "json":
        write_json(json.loads(result.model_dump_json()), io.out)
    else:
        io.out.write(result.as_text(lang_of(args)))
    return 0 if result.equivalent else 1
