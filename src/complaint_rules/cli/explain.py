"""``complaint-rules explain POLICY COMPLAINT.json``."""

from __future__ import annotations

import argparse
import json

from ..errors import MissingExtraError
from ..explanation.explain import explain, render_explanation
from ..messages.catalogue import problem_text
from ..messages.host import extra_problem
from ._common import (
    Streams,
    add_format,
    each_complaint,
    error_line,
    lang_of,
    policy_by_receipt,
    write_outcomes,
)

HELP = "explain a decision in plain words, and why each other rule did not apply"
EXAMPLE = (
    "complaint-rules explain keyouqianqi_credit_union "
    "examples/complaints/keyouqianqi_credit_union.json --lang en"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("policy", help="a policy id (see 'list') or the path of a policy file")
    p.add_argument("complaint", help="a JSON file with one complaint object or a list; - for stdin")
    p.add_argument("--at", help="the as-of instant, ISO 8601 with offset (default: received_at)")
    p.add_argument(
        "--estimate",
        action="store_true",
        help="count through years with no published holiday schedule, marked estimated",
    )
    add_format(p)


def run(args: argparse.Namespace, io: Streams) -> int:
    policy = policy_by_receipt(args, args.policy)
    lang = lang_of(args)
    try:
        explanations, many = each_complaint(
            args.complaint,
            lambda item: explain(policy(item), item, at=args.at, estimate=args.estimate, lang=lang),
        )
    except MissingExtraError as exc:
        io.err.write(error_line(problem_text(extra_problem(exc), lang), lang))
        return 1
    return write_outcomes(
        explanations,
        many,
        io,
        render_explanation if args.format == "text" else None,
        lambda e: json.loads(e.model_dump_json()),
        lang_of(args),
    )
