"""``complaint-rules coverage POLICY SOURCE``."""

from __future__ import annotations

import argparse

from ..errors import InputError
from ..messages.host import file_problem
from ..policy.loader import read_regular
from ..toolkit.articles import article_coverage, coverage_page
from ._common import Streams, lang_of, resolve_policy, write_json

HELP = "the article-by-article coverage of a policy against its source text"
EXAMPLE = "complaint-rules coverage hotel docs/sources/5-hotel.txt --format json"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("policy", help="a policy id or path")
    p.add_argument("source", help="the source text the policy encodes (UTF-8)")
    p.add_argument(
        "--format",
        choices=("markdown", "json"),
        default="markdown",
        help="markdown: the page of docs/policies/ (default); json: one object per article",
    )


def run(args: argparse.Namespace, io: Streams) -> int:
    policy = resolve_policy(args, args.policy)
    try:
        text = read_regular(args.source).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([file_problem(exc, args.source)]) from None
    if args.format == "markdown":
        io.out.write(coverage_page(policy, text, lang_of(args)))
        return 0
    rows = article_coverage(policy, text, lang_of(args))
    write_json(
        [
            {
                "article": r.article,
                "rules": list(r.rules),
                "not_encoded": list(r.not_encoded),
                "missing": r.missing,
            }
            for r in rows
        ],
        io.out,
    )
    return 0
