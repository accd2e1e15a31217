"""``complaint-rules validate PATH...``."""

from __future__ import annotations

import argparse
from typing import Any

from ..errors import PolicyError
from ..messages.catalogue import problem_document, say
from ..policy.loader import load_policy, policy_files
from ._common import Streams, add_format, lang_of, write_json, write_problems

HELP = "check policy files (directories: every *.yaml but *.tests.yaml)"
EXAMPLE = "complaint-rules validate policies/ --format json"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH")
    add_format(p)


def _entries(document: dict[str, Any]) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = document["problems"]
    return entries


def run(args: argparse.Namespace, io: Streams) -> int:
    files = policy_files(args.paths)
    if not files:
        io.err.write(say("cli.no_policy_files", lang_of(args)) + "\n")
        return 1
    results: list[dict[str, Any]] = []
    for path in files:
        try:
            policy = load_policy(path)
        except PolicyError as exc:
            if args.format == "text":
                write_problems(exc.problems, io.err, lang_of(args))
            results.append(
                {
                    "file": str(path),
                    "ok": False,
                    # Each problem as in a problem document, with its field in dotted form.
                    "problems": [
                        {**entry, "field": p.field}
                        for p, entry in zip(
                            exc.problems,
                            _entries(problem_document(exc, lang=lang_of(args))),
                            strict=True,
                        )
                    ],
                }
            )
            continue
        results.append(
            {
                "file": str(path),
                "ok": True,
                "id": policy.id,
                "version": policy.version,
                "sha256": policy.sha256,
            }
        )
        if args.format == "text":
            io.out.write(f"ok\t{path}\t{policy.id} {policy.version}\tsha256:{policy.sha256}\n")
    if args.format == "json":
        write_json(results, io.out)
    return 0 if all(r["ok"] for r in results) else 1
