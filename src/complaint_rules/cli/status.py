"""``complaint-rules status POLICY EVENTS.json --at INSTANT``."""

from __future__ import annotations

import argparse
import json

from ..errors import InputError
from ..lifecycle.case import status
from ..lifecycle.render import status_text
from ..messages.catalogue import make_problem
from ._common import Streams, add_format, lang_of, policy_by_receipt, read_json, write_json

HELP = "a case's status at an instant: every clock, what is due, what is owed, what is next"
NOTES = (
    "exit codes: 0 every event was accepted; 1 some event was rejected (the status of the "
    "accepted ones is still printed) or the input is invalid; 2 usage error"
)
"""Shown under ``--help`` after the example (``cli.notes.status`` in each language)."""
EXAMPLE = "complaint-rules status keyouqianqi_credit_union case.json --at 2026-10-12T09:00:00+08:00"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("policy", help="a policy id (see 'list') or the path of a policy file")
    p.add_argument("events", help="a JSON file with the case's list of events; - for stdin")
    p.add_argument("--at", required=True, help="the instant, ISO 8601 with offset")
    p.add_argument(
        "--estimate",
        action="store_true",
        help="count through years with no published holiday schedule, marked estimated",
    )
    add_format(p)


def run(args: argparse.Namespace, io: Streams) -> int:
    events = read_json(args.events)
    label = "<stdin>" if args.events == "-" else args.events
    if not isinstance(events, list):
        raise InputError([make_problem("case.not_a_list", file=label)])
    # The version in force when the case was received (its `received` event).
    received = next(
        (e.get("at") for e in events if isinstance(e, dict) and e.get("event") == "received"),
        None,
    )
    policy = policy_by_receipt(args, args.policy)({"received_at": received})
    result = status(policy, events, args.at, estimate=args.estimate)
    if args.format == "json":
        write_json(json.loads(result.model_dump_json()), io.out)
    else:
        io.out.write(status_text(result, lang_of(args)) + "\n")
    return 1 if result.rejected else 0
