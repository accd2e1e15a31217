"""``complaint-rules coverage POLICY SOURCE``."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..docgen import coverage_page
from ._common import Streams, resolve_policy

HELP = "the article-by-article coverage page of a policy against its source text (Markdown)"
EXAMPLE = "complaint-rules coverage hotel docs/sources/5-hotel.txt"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("policy", help="a policy id or path")
    p.add_argument("source", help="the source text the policy encodes (UTF-8)")


def run(args: argparse.Namespace, io: Streams) -> int:
    policy = resolve_policy(args, args.policy)
    text = Path(args.source).read_text(encoding="utf-8")
    io.out.write(coverage_page(policy, text))
    return 0
