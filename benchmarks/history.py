"""Workload 4: importing, loading every bundled policy, and re-deciding a JSONL history.

- ``import complaint_rules`` in a fresh interpreter, timed inside it, and which heavy
  modules it pulled in (none should be: the public names are imported on first use);
- loading every bundled policy with ``Catalog().load``: cold (a fresh interpreter, imports
  included) and warm (a new catalog in this process);
- a history of complaints as JSON lines (generated deterministically over 科右前旗's policy,
  one line in a thousand bad on purpose) decided and serialised back to JSON lines with
  the batch API ``decide_jsonl``, with one worker ("per core") and with one worker per
  core ("every core"), in a fresh interpreter (:func:`history_fresh`): the benchmark's
  own process has, by then, durable_rules' dispatcher threads of workload 1 running
  beside it, which took CPU and the GIL from a one-process history (wall 74 µs a line,
  CPU 81 µs) but not from the forked workers (a fork()ed process has only the thread
  that forked it).
- the same history through the hand-written floor (:func:`floor_run`): each line parsed
  with ``json.loads``, decided by :mod:`benchmarks.floor_keyouqianqi` and written with
  ``orjson.dumps``, in the same interpreter and rounds, interleaved with ``decide_jsonl``.
  :func:`check_floor` first holds the two to the same bytes on every line (and to the same
  lines refused).

``python -m benchmarks.history PATH --workers 1,2 --rounds R [--sink DIR] [--floor]`` is
that fresh interpreter: it prints each round on stderr and the measurements as JSON on
stdout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .complaints import history_lines

__all__ = [
    "FLOOR",
    "HISTORY_POLICY",
    "check_floor",
    "floor_run",
    "history_fresh",
    "history_run",
    "import_once",
    "load_cold_once",
    "write_history",
]

HISTORY_POLICY = "keyouqianqi_credit_union"
FLOOR = "json.loads + floor + orjson.dumps"
"""The name of the floor's contender."""
HEAVY = (
    "pydantic",
    "yaml",
    "holidays",
    "dateutil",
    "complaint_rules.policy.catalog",
    "complaint_rules.policy.loader",
    "complaint_rules.policy.compiled",
)

_IMPORT = f"""
import time
start = time.perf_counter_ns()
import complaint_rules
took = time.perf_counter_ns() - start
import json, sys
print(json.dumps({{"ns": took, "heavy": [m for m in {HEAVY!r} if m in sys.modules]}}))
"""

_LOAD = """
import time
start = time.perf_counter_ns()
from complaint_rules import Catalog
catalog = Catalog(entry_points=False)
ids = sorted(catalog.ids())
for policy_id in ids:
    catalog.load(policy_id)
took = time.perf_counter_ns() - start
import json
print(json.dumps({"ns": took, "policies": ids}))
"""


def _fresh(code: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
        cwd=tempfile.gettempdir(),
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def import_once() -> dict[str, Any]:
    """One fresh interpreter: ns to ``import complaint_rules`` and heavy modules it loaded."""
    return _fresh(_IMPORT)


def load_cold_once() -> dict[str, Any]:
    """One fresh interpreter: ns to import, create a Catalog and load every bundled policy."""
    return _fresh(_LOAD)


def write_history(path: Path, n: int) -> None:
    from complaint_rules import Catalog

    policy = Catalog(entry_points=False).load(HISTORY_POLICY)
    with path.open("w", encoding="utf-8") as out:
        out.writelines(history_lines(policy, n))


def history_run(
    history: Path, workers: int, sink: Path | None, counts: dict[str, int]
) -> Callable[[], None]:
    """Decide ``history`` with ``decide_jsonl`` and write each decision's JSON line.

    The decisions go to a file in ``sink`` (deleted afterwards) or, without ``sink``, to
    ``os.devnull``. ``counts`` receives the numbers of decided and rejected lines.
    """
    from complaint_rules import Catalog
    from complaint_rules.decision.batch import DecidedLine, decide_jsonl

    policy = Catalog(entry_points=False).load(HISTORY_POLICY)

    def run() -> None:
        target = os.devnull if sink is None else str(sink / f"decisions-{workers}.jsonl")
        decided = rejected = 0
        with history.open("rb") as lines, open(target, "wb") as out:
            for result in decide_jsonl(policy, lines, workers=workers, file=history.name):
                if isinstance(result, DecidedLine):
                    out.write(result.data)
                    out.write(b"\n")
                    decided += 1
                else:
                    rejected += 1
        if sink is not None:
            os.unlink(target)
        counts["decided"], counts["rejected"] = decided, rejected

    return run


def floor_run(history: Path, sink: Path | None, counts: dict[str, int]) -> Callable[[], None]:
    """Decide ``history`` with the floor: ``json.loads``, the floor, ``orjson.dumps``.

    Written like :func:`history_run`'s lines (to ``os.devnull`` or a file in ``sink``); a
    line that does not parse or that the floor refuses is counted as rejected.
    """
    import orjson

    from complaint_rules import Catalog

    from .floor_keyouqianqi import Rejected, build

    floor = build(Catalog(entry_points=False).load(HISTORY_POLICY))
    loads, dumps = json.loads, orjson.dumps

    def run() -> None:
        target = os.devnull if sink is None else str(sink / "decisions-floor.jsonl")
        decided = rejected = 0
        with history.open("rb") as lines, open(target, "wb") as out:
            write = out.write
            for line in lines:
                try:
                    data = dumps(floor(loads(line)))
                except (ValueError, TypeError, Rejected):
                    rejected += 1
                    continue
                write(data)
                write(b"\n")
                decided += 1
        if sink is not None:
            os.unlink(target)
        counts["decided"], counts["rejected"] = decided, rejected

    return run


def check_floor(history: Path) -> int:
    """Hold the floor to ``decide_jsonl``'s bytes on every line of ``history`` (the same
    lines refused, the same JSON for the others); the number of lines checked."""
    import orjson

    from complaint_rules import Catalog
    from complaint_rules.decision.batch import DecidedLine, decide_jsonl

    from .floor_keyouqianqi import Rejected, build

    policy = Catalog(entry_points=False).load(HISTORY_POLICY)
    floor = build(policy)
    n = 0
    with history.open("rb") as lines, history.open("rb") as again:
        results = decide_jsonl(policy, lines, workers=1, file=history.name)
        for n, (line, result) in enumerate(zip(again, results, strict=True), 1):
            try:
                got: bytes | None = orjson.dumps(floor(json.loads(line)))
            except (ValueError, TypeError, Rejected):
                got = None
            expected = result.data if isinstance(result, DecidedLine) else None
            assert got == expected, f"line {n}: the floor gives {got!r:.200}, not {expected!r:.200}"
    return n


def history_fresh(
    history: Path, workers: tuple[int, ...], rounds: int, sink: Path | None, floor: bool = False
) -> dict[str, Any]:
    """Run :func:`history_run` for each of ``workers`` (and :func:`floor_run` if ``floor``),
    interleaved, in a fresh interpreter.

    Returns ``{"measured": [Measured.as_json() ...], "counts": {workers: counts}}`` (the
    floor's counts under ``"floor"``); the rounds are printed as they run.
    """
    args = [sys.executable, "-m", "benchmarks.history", str(history)]
    args += ["--workers", ",".join(map(str, workers)), "--rounds", str(rounds)]
    if sink is not None:
        args += ["--sink", str(sink)]
    if floor:
        args.append("--floor")
    done = subprocess.run(
        args, check=True, stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[1]
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    import argparse

    from ._harness import Contender, interleaved

    parser = argparse.ArgumentParser(prog="python -m benchmarks.history")
    parser.add_argument("history", type=Path)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--sink", type=Path)
    parser.add_argument("--floor", action="store_true", help="time the floor beside them")
    args = parser.parse_args(argv)
    lines = sum(1 for _ in args.history.open("rb"))
    workers = [int(w) for w in args.workers.split(",")]
    counts: dict[int | str, dict[str, int]] = {w: {} for w in workers}
    contenders = [
        Contender(
            f"decide_jsonl workers={w}",
            history_run(args.history, w, args.sink, counts[w]),
            lines,
            "per core" if w == 1 else "every core",
        )
        for w in workers
    ]
    if args.floor:
        counts["floor"] = {}
        run = floor_run(args.history, args.sink, counts["floor"])
        contenders.append(Contender(FLOOR, run, lines, "one process"))

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    measured = interleaved(contenders, args.rounds, baseline=contenders[0].name, progress=say)
    print(json.dumps({"measured": [m.as_json() for m in measured], "counts": counts}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
