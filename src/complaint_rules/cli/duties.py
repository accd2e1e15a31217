"""``complaint-rules duties POLICY --month 2026-10``."""

from __future__ import annotations

import argparse
import json

from ..decision.periodic import periodic_duties
from ..decision.render import duties_text
from ._common import Streams, add_format, lang_of, resolve_policy, write_json

HELP = "the institution's recurring duties in a month or year, each with the day it is due"
EXAMPLE = "complaint-rules duties xx_bank --month 2026-10"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("policy", help="a policy id (see 'list') or the path of a policy file")
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--month", help="the month, YYYY-MM (e.g. 2026-10)")
    when.add_argument("--year", help="the year, YYYY")
    p.add_argument(
        "--estimate",
        action="store_true",
        help="assume the usual weekends in years with no published holiday schedule",
    )
    add_format(p)


def run(args: argparse.Namespace, io: Streams) -> int:
    policy = resolve_policy(args, args.policy)
    duties = periodic_duties(policy, args.month or args.year, estimate=args.estimate)
    if args.format == "json":
        write_json([json.loads(d.model_dump_json()) for d in duties], io.out)
    else:
        io.out.write(duties_text(duties, lang_of(args)) + "\n")
    return 0
