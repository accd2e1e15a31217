"""``complaint-rules duties POLICY --month 2026-10``."""

from __future__ import annotations

import argparse
import json

from ..decision.periodic import PeriodicDue, periodic_duties
from ..decision.render import due_text
from ._common import Streams, add_format, resolve_policy, write_json

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


def _line(d: PeriodicDue) -> str:
    if d.due is None:
        when = "no date in the source"
    else:
        when = "due " + due_text(d.due)
        if d.rolled and d.nominal_day is not None:
            when += f" ({d.nominal_day.isoformat()} is a rest day: moved per {d.rolled_by})"
        if d.estimated:
            when += " (estimated)"
    by = "、".join(r.label for r in d.by) or "—"
    to = "、".join(r.label for r in d.to) or "—"
    return (
        f"{d.period_start.isoformat()}..{d.period_end.isoformat()} {d.id}: {d.label} — "
        f"{by} → {to}; {when} [{d.source.article}]"
    )


def run(args: argparse.Namespace, io: Streams) -> int:
    policy = resolve_policy(args, args.policy)
    duties = periodic_duties(policy, args.month or args.year, estimate=args.estimate)
    if args.format == "json":
        write_json([json.loads(d.model_dump_json()) for d in duties], io.out)
    else:
        lines = [_line(d) for d in duties] or ["no periodic duty falls in this period"]
        io.out.write("\n".join(lines) + "\n")
    return 0
