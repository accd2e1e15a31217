"""``complaint-rules list``."""

from __future__ import annotations

import argparse
from typing import cast

from ..policy.catalog import Catalog
from ..policy.model import text_in
from ._common import Streams, add_format, lang_of, write_json

HELP = "the policies the catalog knows (bundled, --policy-dir, installed packages)"
EXAMPLE = "complaint-rules --policy-dir my_policies list --format json"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_format(p)


def run(args: argparse.Namespace, io: Streams) -> int:
    catalog = Catalog(args.policy_dir)
    rows = []
    for policy_id in catalog.ids():
        policy = catalog.load(policy_id).policy
        rows.append(
            {
                "id": policy_id,
                "version": policy.version,
                "institution": policy.institution,
                "title": policy.title,
                "abstract": policy.abstract,
                "path": str(catalog.path(policy_id)),
            }
        )
    if args.format == "json":
        write_json(rows, io.out)
        return 0
    lang = lang_of(args)
    for r in rows:
        institution, title = (text_in(cast(str, r[k]), lang) for k in ("institution", "title"))
        io.out.write(f"{r['id']}\t{r['version']}\t{institution}\t{title}\n")
    return 0
