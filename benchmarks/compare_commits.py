"""No slower than before: two checkouts' full decisions and history, in one session.

    .venv/bin/python -m benchmarks.compare_commits --against ../base          # full size
    .venv/bin/python -m benchmarks.compare_commits --against ../base --quick  # minutes

For each of ``--runs`` runs (3 by default), each checkout (``--against DIR``, the old one,
and ``--new DIR``, by default this tree) is measured in a fresh interpreter whose
``PYTHONPATH`` starts with that checkout's ``src``, so the code under test is that
checkout's, while the harness (these benchmarks, the complaints, the history) is this
tree's. The order of the two alternates run by run (old first, then new first, ...). Each
interpreter times:

- workload 2's full decisions: ``decide`` and ``decide_json`` on the same complaints for
  every bundled policy, interleaved, the median of ``--rounds`` rounds;
- workload 4's history in one process: the same JSONL history of 科右前旗 (written once,
  here) through ``decide_jsonl`` (``workers=1``) to ``os.devnull``, the median of
  ``--history-rounds`` passes.

It prints, per measure, each run's time, the median of the runs for each checkout and the
ratio new / old (the target: at most 1.05 for ``decide`` and the history), by the wall
clock and by the CPU time of the process (which leaves out time spent waiting for a core
on a shared machine, not time lost to a neighbour's use of the caches). Each
interpreter also reports a digest of every decision's JSON: the two checkouts must make
the same decisions, byte for byte, or the comparison stops. Both package layouts are
known: ``complaint_rules.decision.engine`` / ``.decision.batch`` (from the split into
subpackages on) and ``complaint_rules.engine`` / ``.batch`` (before it).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LIMIT = 1.05
"""New / old, at most, for the full decisions and the history."""


def _module(*names: str) -> ModuleType:
    """The first of ``names`` that imports (the package's layout differs by checkout)."""
    for name in names:
        try:
            return importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name is None or not name.startswith(exc.name):
                raise
    raise ModuleNotFoundError(f"none of {', '.join(names)}")


def _child(args: argparse.Namespace) -> int:
    """One checkout, in this interpreter: the measurements as JSON on stdout."""
    import complaint_rules

    from ._harness import Contender, interleaved
    from .complaints import complaints
    from .decisions import bundled_policies
    from .history import HISTORY_POLICY

    engine = _module("complaint_rules.decision.engine", "complaint_rules.engine")
    batch = _module("complaint_rules.decision.batch", "complaint_rules.batch")
    decide, decide_json = engine.decide, engine.decide_json
    out: dict[str, Any] = {
        "package": str(Path(complaint_rules.__file__).resolve().parent),
        "engine": engine.__name__,
        "batch": batch.__name__,
        "decide_us": {},
        "decide_json_us": {},
        "decide_cpu_us": {},
        "decide_json_cpu_us": {},
        "digests": {},
    }

    def loop(policy: Any, items: list[dict[str, Any]], fn: Any) -> Any:
        def run() -> None:
            for item in items:
                fn(policy, item)

        return run

    entries = []
    history_policy = None
    for policy in bundled_policies():
        items = complaints(policy, args.decisions)
        texts = [decide_json(policy, item) for item in items]  # and a warm-up
        digest = hashlib.sha256("\n".join(texts).encode()).hexdigest()
        out["digests"][policy.id] = digest
        entries.append(Contender(f"{policy.id}: decide", loop(policy, items, decide), len(items)))
        entries.append(
            Contender(f"{policy.id}: decide_json", loop(policy, items, decide_json), len(items))
        )
        if policy.id == HISTORY_POLICY:
            history_policy = policy
    for m in interleaved(entries, args.rounds):
        policy_id, kind = m.name.split(": ")
        out[f"{kind}_us"][policy_id] = round(m.median_ns / 1000, 4)
        out[f"{kind}_cpu_us"][policy_id] = round(statistics.median(m.cpu_ns_per_item) / 1000, 4)

    # The history: a policy of its own, as a script deciding a file would load it.
    from complaint_rules import Catalog

    assert history_policy is not None
    policy = Catalog(entry_points=False).load(HISTORY_POLICY)
    history = Path(args.history)
    lines = sum(1 for _ in history.open("rb"))
    passes, cpu = [], []
    digest_of = hashlib.sha256()
    for n in range(args.history_rounds):
        gc.collect()
        start, start_cpu = time.perf_counter_ns(), time.process_time_ns()
        with history.open("rb") as source, open(os.devnull, "wb") as sink:
            for result in batch.decide_jsonl(policy, source, workers=1, file=history.name):
                data = getattr(result, "data", None)
                if data is not None:
                    sink.write(data)
                    sink.write(b"\n")
                    if n == 0:
                        digest_of.update(data)
        passes.append((time.perf_counter_ns() - start) / lines / 1000)
        cpu.append((time.process_time_ns() - start_cpu) / lines / 1000)
    out["history_us"] = round(statistics.median(passes), 4)
    out["history_cpu_us"] = round(statistics.median(cpu), 4)
    out["history_passes_us"] = [round(x, 4) for x in passes]
    out["digests"]["history"] = digest_of.hexdigest()
    print(json.dumps(out))
    return 0


def _git(root: Path) -> str:
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True
    )
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "src"], cwd=root, capture_output=True, text=True
    )
    commit = done.stdout.strip() or "unknown"
    return commit + (" (src modified)" if dirty.stdout.strip() else "")


def _measure(root: Path, args: argparse.Namespace, history: Path) -> dict[str, Any]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(root / "src"), str(ROOT)])
    command = [sys.executable, "-m", "benchmarks.compare_commits", "--child"]
    command += ["--decisions", str(args.decisions), "--rounds", str(args.rounds)]
    command += ["--history", str(history), "--history-rounds", str(args.history_rounds)]
    done = subprocess.run(
        command, env=env, cwd=tempfile.gettempdir(), check=True, stdout=subprocess.PIPE, text=True
    )
    result: dict[str, Any] = json.loads(done.stdout)
    package = Path(result["package"])
    if not package.is_relative_to(root.resolve() / "src"):
        raise SystemExit(f"{root}: the code under test came from {package}, not its src")
    return result


def _row(name: str, old: list[float], new: list[float], limit: float | None) -> str:
    mo, mn = statistics.median(old), statistics.median(new)
    ratio = mn / mo
    verdict = "" if limit is None else ("  ok" if ratio <= limit else f"  OVER {limit:.2f}")
    runs_old = " ".join(f"{x:.2f}" for x in old)
    runs_new = " ".join(f"{x:.2f}" for x in new)
    return (
        f"  {name:<40} {mo:9.3f} {mn:9.3f} {ratio:7.3f}{verdict}\n"
        f"  {'':<40} old runs: {runs_old}; new runs: {runs_new}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.compare_commits")
    parser.add_argument("--against", type=Path, help="the old checkout (a repository root)")
    parser.add_argument("--new", type=Path, default=ROOT, help="the new one (default: here)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="smaller inputs, fewer rounds")
    parser.add_argument("--decisions", type=int, help="complaints per policy (2,000)")
    parser.add_argument("--rounds", type=int, help="rounds of the decisions (5)")
    parser.add_argument("--history-lines", type=int, help="lines of the history (300,000)")
    parser.add_argument("--history-rounds", type=int, help="passes over it per run (1)")
    parser.add_argument("-o", "--output", type=Path, help="write the measurements as JSON")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--history", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    quick = args.quick
    for name, full, small in (
        ("decisions", 2_000, 300),
        ("rounds", 5, 3),
        ("history_lines", 300_000, 20_000),
        ("history_rounds", 1, 1),
    ):
        if getattr(args, name) is None:
            setattr(args, name, small if quick else full)
    if args.child:
        return _child(args)
    if args.against is None:
        parser.error("--against DIR is required")
    checkouts = {"old": args.against.resolve(), "new": args.new.resolve()}
    for root in checkouts.values():
        if not (root / "src" / "complaint_rules").is_dir():
            parser.error(f"{root} has no src/complaint_rules")
    commits = {k: _git(root) for k, root in checkouts.items()}
    print(f"old: {checkouts['old']} at {commits['old']}", flush=True)
    print(f"new: {checkouts['new']} at {commits['new']}", flush=True)

    from .history import write_history

    results: dict[str, list[dict[str, Any]]] = {"old": [], "new": []}
    with tempfile.TemporaryDirectory(prefix="complaint-rules-compare-") as tmp:
        history = Path(tmp) / "history.jsonl"
        write_history(history, args.history_lines)
        for run in range(args.runs):
            order = ("old", "new") if run % 2 == 0 else ("new", "old")
            for which in order:
                got = _measure(checkouts[which], args, history)
                results[which].append(got)
                print(
                    f"run {run + 1}/{args.runs}, {which} ({got['engine']}): history "
                    f"{got['history_us']:.2f} µs a line; decide "
                    + ", ".join(f"{k} {v:.2f}" for k, v in got["decide_us"].items())
                    + " µs",
                    flush=True,
                )
    old, new = results["old"], results["new"]
    if old[0]["digests"] != new[0]["digests"]:
        differ = [k for k in old[0]["digests"] if old[0]["digests"][k] != new[0]["digests"][k]]
        raise SystemExit(f"the two checkouts decide differently: {', '.join(differ)}")
    rows: dict[str, list[list[float]]] = {}

    for clock, suffix in (("wall clock", ""), ("CPU time of the process", "_cpu")):
        print(f"\n{clock}, µs per item, median of {args.runs} runs (same decisions, byte for byte)")
        print(f"  {'':<40} {'old':>9} {'new':>9} {'new/old':>7}")
        for kind, limit in (("decide", LIMIT), ("decide_json", None)):
            for policy_id in old[0][f"{kind}_us"]:
                series = [[r[f"{kind}{suffix}_us"][policy_id] for r in x] for x in (old, new)]
                rows[f"{policy_id}: {kind}{suffix}"] = series
                print(_row(f"{policy_id}: {kind}", *series, limit))
        series = [[r[f"history{suffix}_us"] for r in x] for x in (old, new)]
        rows[f"history, decide_jsonl workers=1{suffix}"] = series
        print(_row(f"history ({args.history_lines:,} lines), workers=1", *series, LIMIT))
    if args.output:
        summary = {
            "commits": commits,
            "checkouts": {k: str(v) for k, v in checkouts.items()},
            "runs": args.runs,
            "size": {
                "decisions": args.decisions,
                "rounds": args.rounds,
                "history_lines": args.history_lines,
                "history_rounds": args.history_rounds,
            },
            "medians_us": {
                name: {
                    "old": statistics.median(o),
                    "new": statistics.median(n),
                    "new_over_old": round(statistics.median(n) / statistics.median(o), 4),
                }
                for name, (o, n) in rows.items()
            },
            "measured": results,
        }
        args.output.write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
