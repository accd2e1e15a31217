"""``complaint-rules list``."""

from __future__ import annotations

import argparse

from ..catalog import Catalog
from ._common import Streams

HELP = "the policies the catalog knows"
EXAMPLE = "complaint-rules --policy-dir my_policies list"


def add_arguments(p: argparse.ArgumentParser) -> None:
    del p


def run(args: argparse.Namespace, io: Streams) -> int:
    catalog = Catalog(args.policy_dir)
    for policy_id in catalog.ids():
        policy = catalog.load(policy_id)
        io.out.write(
            f"{policy_id}\t{policy.version}\t{policy.policy.institution}\t{policy.policy.title}\n"
        )
    return 0
