"""``complaint-rules schema [--kind KIND] [POLICY] [-o FILE]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import InputError
from ..messages.catalogue import make_problem
from ..messages.host import file_problem
from ._common import Streams, add_format, resolve_policy

HELP = "JSON Schemas: the policy format (for editors), a policy's complaint, the decision, ..."
EXAMPLE = "complaint-rules schema --kind complaint keyouqianqi_credit_union -o complaint.json"

KINDS = ("policy", "complaint", "decision", "status", "explanation", "problem", "openapi")


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_format(p, default="json")
    p.add_argument(
        "--kind",
        choices=KINDS,
        default="policy",
        help="policy: the policy format (default); complaint: the complaint POLICY takes; "
        "decision, status, explanation, problem: what the library answers; openapi: the "
        "service's OpenAPI document (docs/openapi.json)",
    )
    p.add_argument("policy", nargs="?", help="the policy id or file (for --kind complaint)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")


def _text(args: argparse.Namespace) -> str:
    if args.kind == "policy":
        from ..policy.json_schema import outline, schema_text

        return schema_text() if args.format == "json" else outline()
    if args.format != "json":
        raise InputError([make_problem("cli.schema.json_only", path=("format",), kind=args.kind)])
    from ..toolkit.schemas import schema_json

    if args.kind == "complaint":
        from ..contract import COMPLAINT
        from ..policy.json_schema import complaint_schema

        if args.policy is None:
            raise InputError([make_problem("cli.schema.needs_policy", path=("policy",))])
        return schema_json(complaint_schema(resolve_policy(args, args.policy), COMPLAINT))
    if args.kind == "openapi":
        try:
            from ..service.openapi import openapi_document  # type: ignore[import-not-found,unused-ignore]
        except ImportError:
            raise InputError([make_problem("cli.schema.needs_server", path=("kind",))]) from None
        return schema_json(openapi_document())
    from ..toolkit.schemas import contract_schema

    return schema_json(contract_schema(args.kind))


def run(args: argparse.Namespace, io: Streams) -> int:
    text = _text(args)
    if args.output is None:
        io.out.write(text)
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError([file_problem(exc, args.output, write=True, short=True)]) from None
    return 0
