"""``complaint-rules decide POLICY COMPLAINT.json``."""

from __future__ import annotations

import argparse
import json

from ..decision.complaint import CARRYABLE
from ..decision.engine import decide
from ..decision.render import render_text
from ._common import Streams, each_complaint, lang_of, policy_by_receipt, write_outcomes

HELP = "decide one complaint (or a JSON list of them)"
EXAMPLE = (
    "complaint-rules decide keyouqianqi_credit_union "
    "examples/complaints/keyouqianqi_credit_union.json --format text"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("policy", help="a policy id (see 'list') or the path of a policy file")
    p.add_argument("complaint", help="a JSON file with one complaint object or a list; - for stdin")
    p.add_argument("--at", help="the as-of instant, ISO 8601 with offset (default: received_at)")
    p.add_argument(
        "--format",
        choices=("json", "text"),
        default="json",
        help="output format: json, the decision as data (default), or text, for people",
    )
    p.add_argument(
        "--carry",
        action="append",
        default=[],
        choices=CARRYABLE,
        metavar="FIELD",
        help="copy this personal field of the complaint into the decision's 'carried' "
        f"(repeatable; one of: {', '.join(CARRYABLE)}); by default none is copied",
    )
    p.add_argument(
        "--estimate",
        action="store_true",
        help="count through years with no published holiday schedule, marked estimated",
    )


def run(args: argparse.Namespace, io: Streams) -> int:
    policy = policy_by_receipt(args, args.policy)
    decisions, many = each_complaint(
        args.complaint,
        lambda item: decide(
            policy(item), item, at=args.at, estimate=args.estimate, carry=args.carry
        ),
    )
    lang = lang_of(args)
    return write_outcomes(
        decisions,
        many,
        io,
        (lambda d: render_text(d, lang)) if args.format == "text" else None,
        lambda d: json.loads(d.model_dump_json()),
        lang,
    )
