"""``complaint-rules serve``: the decision service, over HTTP or JSON lines (``--stdio``)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..errors import InputError, MissingExtraError
from ..messages.catalogue import make_problem, say
from ..messages.host import file_problem
from ._common import Streams

HELP = "serve decisions over HTTP/JSON (or JSON lines with --stdio) to hosts in any language"
NOTES = (
    "SIGHUP re-reads the policies; a reload that fails keeps serving the old set and "
    "says why in the log and /readyz. One JSON log line per request on stderr.\n"
    "--stdio: complaint-rules serve --stdio < requests.jsonl"
)
"""Shown under ``--help`` after the example (``cli.notes.serve`` in each language)."""
EXAMPLE = "complaint-rules --policy-dir my/policies serve --port 8080 --token-file token.txt"

_PIN = re.compile(r"^([a-z][a-z0-9_]*)=([0-9a-f]{64})$")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8080, help="port (default: 8080; 0: any free)")
    p.add_argument(
        "--stdio",
        action="store_true",
        help="JSON lines on stdin/stdout instead of HTTP: one request a line, one reply a line",
    )
    p.add_argument(
        "--pin",
        action="append",
        default=[],
        metavar="ID=SHA256",
        help="the sha256 of policy ID's file (repeatable; an id may have several, one per "
        "version). With pins, every policy served, every version and every base, must be "
        "pinned; a file whose bytes match no pin of its id is refused",
    )
    p.add_argument(
        "--token-file",
        metavar="FILE",
        help="a file holding the bearer token every /v1/ request must carry; without it, "
        "reloadPolicies is refused (reload with SIGHUP)",
    )
    p.add_argument(
        "--max-body",
        type=int,
        default=1_048_576,
        metavar="BYTES",
        help="largest request body (default: 1 MiB; larger: 413)",
    )
    p.add_argument(
        "--max-items",
        type=int,
        default=1000,
        metavar="N",
        help="most complaints in one decideBatch (default: 1000; more: 413)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="longest time for one request's work (default: 10; longer: 503)",
    )


def _pins(values: list[str]) -> dict[str, list[str]]:
    pins: dict[str, list[str]] = {}
    bad = [v for v in values if not _PIN.match(v)]
    if bad:
        raise InputError([make_problem("cli.pin", value=repr(v)) for v in bad])
    for value in values:
        pid, _, digest = value.partition("=")
        pins.setdefault(pid, []).append(digest)
    return pins


def run(args: argparse.Namespace, io: Streams) -> int:
    pins = _pins(args.pin)
    token = None
    if args.token_file:
        try:
            token = Path(args.token_file).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError([file_problem(exc, args.token_file)]) from None
        if not token:
            raise InputError([make_problem("cli.token.empty", file=args.token_file)])
    try:
        from ..service.policies import Policies
    except ImportError as exc:  # pragma: no cover - the extra is missing
        raise MissingExtraError(say("host.extra.serve", "en")) from exc
    try:
        policies = Policies(args.policy_dir, pins)
    except ImportError as exc:
        raise MissingExtraError(str(exc)) from exc
    if args.stdio:
        from ..service.stdio import serve_stdio

        return serve_stdio(policies, sys.stdin.buffer, sys.stdout.buffer, args.max_items)
    from ..service.app import Limits, serve_http

    serve_http(
        policies,
        host=args.host,
        port=args.port,
        limits=Limits(args.max_body, args.max_items, args.timeout),
        token=token,
    )
    return 0
