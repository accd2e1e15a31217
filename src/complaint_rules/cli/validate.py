"""``complaint-rules validate PATH...``."""

from __future__ import annotations

import argparse

from ..errors import PolicyError
from ..loader import load_policy, policy_files
from ._common import Streams, write_problems

HELP = "check policy files (directories: every *.yaml)"
EXAMPLE = "complaint-rules validate policies/"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+")


def run(args: argparse.Namespace, io: Streams) -> int:
    failed = 0
    files = policy_files(args.paths)
    if not files:
        io.err.write("no policy files found\n")
        return 1
    for path in files:
        try:
            policy = load_policy(path)
        except PolicyError as exc:
            write_problems(exc.problems, io.err)
            failed += 1
            continue
        io.out.write(f"ok\t{path}\t{policy.id} {policy.version}\tsha256:{policy.sha256}\n")
    return 1 if failed else 0
