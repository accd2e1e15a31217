"""``complaint-rules schema [-o FILE]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import InputError, Problem
from ..policy.json_schema import outline, schema_text
from ..toolkit.schemas import CONTRACTS, contract_schema_text
from ._common import Streams, add_format

HELP = "the JSON Schema of the policy format, for editors (text: a readable outline)"
EXAMPLE = "complaint-rules schema -o docs/policy.schema.json"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_format(p, default="json")
    p.add_argument(
        "--of",
        choices=("policy", *CONTRACTS),
        default="policy",
        help="which schema: the policy format (default), or the JSON this tool writes: a "
        "decision, a case's status, a problem document (each names its contract version)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")


def run(args: argparse.Namespace, io: Streams) -> int:
    if args.of != "policy":
        text = contract_schema_text(args.of)
    else:
        text = schema_text() if args.format == "json" else outline()
    if args.output is None:
        io.out.write(text)
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(
            [
                Problem(
                    f"cannot write: {exc.strerror or exc}", file=args.output, code="file.unwritable"
                )
            ]
        ) from None
    return 0
