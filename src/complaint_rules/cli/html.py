"""``complaint-rules html POLICY... -o DIR``: the read-only views as static pages."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..errors import InputError
from ..messages.catalogue import make_problem
from ..messages.host import file_problem
from ..policy.catalog import Catalog
from ..studio.survey import export
from ..studio.words import LANGS, Lang, parse_lang
from ._common import Streams

HELP = "export policies' read-only views as self-contained HTML pages, with an index"
EXAMPLE = "complaint-rules html keyouqianqi_credit_union hotel -o site/ --lang zh-Hant"


def lang(value: str) -> Lang:
    """A language for argparse: ``zh-Hant``, ``zh-Hans`` or ``en``, in any case."""
    try:
        return parse_lang(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a language; use {', '.join(LANGS)}"
        ) from None


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("policies", nargs="+", metavar="POLICY", help="a policy id or path")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="DIR",
        help="the directory to write index.html and one <id>.html per policy to "
        "(made if missing; other files in it are left alone)",
    )
    p.add_argument(
        "--lang",
        type=lang,
        default="zh-Hant",
        help="the pages' language: zh-Hant (default), zh-Hans (the policy's words "
        "converted with OpenCC when installed) or en; the policy's labels stay as written",
    )
    p.add_argument(
        "--sources",
        action="append",
        default=[],
        metavar="DIR",
        help="also look for the source texts the policies name in DIR (repeatable; "
        "the bundled policies' sources ship with the package)",
    )
    p.add_argument(
        "--format",
        choices=("json", "text"),
        default="text",
        help="how a failure is reported: text on stderr (default), or json, a problem "
        "document on stdout (the pages are always HTML files)",
    )


def run(args: argparse.Namespace, io: Streams) -> int:
    catalog = Catalog(args.policy_dir)
    ids: dict[str, str] = {}
    for name in args.policies:
        policy = catalog.resolve(name)  # a policy that does not load stops the export
        if policy.id in ids and ids[policy.id] != name:
            problem = make_problem(
                "html.same_policy_twice",
                first=repr(ids[policy.id]),
                second=repr(name),
                id=repr(policy.id),
            )
            raise InputError([problem])
        ids[policy.id] = name
    pages = export(catalog, list(ids.values()), lang=args.lang, sources=args.sources)
    out = Path(args.output)
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, page in pages.items():
            _write(out / name, page)
    except OSError as exc:
        raise InputError([file_problem(exc, str(out), write=True)]) from None
    for name in pages:
        io.out.write(f"{out / name}\n")
    return 0


def _write(path: Path, text: str) -> None:
    """``text`` to ``path`` whole or not at all: written beside it, then renamed."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8", newline="\n")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
