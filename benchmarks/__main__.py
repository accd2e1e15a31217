"""Run the benchmarks of docs/performance.md and write their results as JSON.

    scripts/bench                 # everything, full size (about 6 minutes on 2 cores)
    scripts/bench --quick         # smaller inputs, fewer rounds (a few minutes)
    scripts/bench --only 1,3      # some workloads: 1 classification, 2 decisions,
                                  # 3 working days, 4 import/load/history

(or ``.venv/bin/python -m benchmarks ...`` from the repository root.)
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import statistics
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from . import classification, decisions, history, working_days
from ._harness import Contender, Measured, interleaved, load_average, machine
from .targets import evaluate

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Size:
    classify_inputs: int
    classify_rounds: int
    decisions: int
    decision_rounds: int
    start_days: int
    calendar_rounds: int
    imports: int
    loads: int
    history_lines: int
    history_rounds: int


FULL = Size(100_000, 5, 2_000, 5, 5_000, 7, 20, 5, 300_000, 3)
QUICK = Size(10_000, 3, 300, 3, 1_000, 3, 5, 2, 20_000, 3)


def _say(text: str) -> None:
    print(text, flush=True)


def _table(rows: list[Measured], ratio_label: str) -> None:
    width = max(len(m.name) for m in rows)
    head = f"{'µs/item':>10}  {ratio_label:>10}  {'min-max µs':>21}  {'CPU µs':>10}"
    _say(f"  {'':{width}}  {head}")
    for m in rows:
        ratio = "" if m.ratio is None else f"{m.ratio:.2f}x"
        spread = f"{min(m.ns_per_item) / 1000:.3f}-{max(m.ns_per_item) / 1000:.3f}"
        cpu = statistics.median(m.cpu_ns_per_item) / 1000
        wall = m.median_ns / 1000
        _say(f"  {m.name:{width}}  {wall:10.3f}  {ratio:>10}  {spread:>21}  {cpu:10.3f}")


def _run_group(
    entries: list[tuple[str, Callable[[], None], int, str]], rounds: int, baseline: str
) -> list[Measured]:
    contenders = [Contender(name, run, items, note) for name, run, items, note in entries]
    return interleaved(contenders, rounds, baseline=baseline, progress=_say)


def workload_classification(size: Size) -> dict[str, Any]:
    _say(f"\n== 1. classification: 30-row first-match table, {size.classify_inputs:,} inputs")
    data = classification.inputs(size.classify_inputs)
    entries = []
    info: dict[str, Any] = {}
    stats = None
    for name, run, items, note, extra in classification.contenders(
        data, size.classify_inputs, _say
    ):
        entries.append((name, run, items, note))
        stats = extra.pop("durable_stats", stats)
        info.update(extra)
    if stats is not None:
        stats.posts_returning_none = stats.posts_firing_nothing = 0
    measured = _run_group(entries, size.classify_rounds, "plain Python")
    if stats is not None:
        info["durable"]["posts_returning_none_while_timed"] = stats.posts_returning_none
        info["durable"]["posts_firing_nothing_while_timed"] = stats.posts_firing_nothing
        info["durable"]["posts_timed"] = size.classify_inputs * size.classify_rounds
    try:
        unprepared = classification.zen_unprepared()
    except ImportError:
        pass
    else:
        sample = data.plain[:2_000]
        one = Contender("zen create_decision", lambda: [unprepared(c) for c in sample], 2_000)
        info["zen_create_decision_us"] = round(interleaved([one], 3)[0].median_ns / 1000, 3)
    _say("")
    _table(measured, "vs plain")
    return {
        "inputs": size.classify_inputs,
        "rounds": size.classify_rounds,
        "results": [m.as_json() for m in measured],
        "info": info,
    }


def workload_decisions(size: Size) -> dict[str, Any]:
    _say(f"\n== 2. full decisions, {size.decisions:,} complaints per bundled policy")
    data = classification.inputs(size.classify_inputs)
    plain = data.plain

    def baseline() -> None:
        for c in plain:
            classification.plain_classify(c)

    entries: list[tuple[str, Callable[[], None], int, str]] = [
        ("plain Python", baseline, len(plain), "workload 1's baseline, for scale")
    ]
    policies = []
    for name, run, items, note, info in decisions.contenders(size.decisions, _say):
        entries.append((name, run, items, note))
        if info:
            policies.append(info)
    measured = _run_group(entries, size.decision_rounds, "plain Python")
    _say("")
    _table(measured, "vs plain")
    return {
        "complaints_per_policy": size.decisions,
        "rounds": size.decision_rounds,
        "results": [m.as_json() for m in measured],
        "policies": policies,
    }


def workload_working_days(size: Size) -> dict[str, Any]:
    _say(f"\n== 3. adding N working days, {size.start_days:,} start days")
    out: dict[str, Any] = {"start_days": size.start_days, "rounds": size.calendar_rounds}
    for n, entries in working_days.contenders(size.start_days, _say):
        measured = _run_group(entries, size.calendar_rounds, f"complaint_rules N={n}")
        _table(measured, "vs ours")
        out[f"N={n}"] = [m.as_json() for m in measured]
    return out


def _ms(values: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(values) / 1e6, 2),
        "min_ms": round(min(values) / 1e6, 2),
        "max_ms": round(max(values) / 1e6, 2),
    }


def workload_startup_history(size: Size, sink: Path | None) -> dict[str, Any]:
    _say("\n== 4. import, loading, a JSONL history")
    imports = [history.import_once() for _ in range(size.imports)]
    heavy = sorted({m for i in imports for m in i["heavy"]})
    imported = {**_ms([i["ns"] for i in imports]), "runs": size.imports, "heavy_modules": heavy}
    _say(
        f"  import complaint_rules: {imported['median_ms']} ms (median of {size.imports}); "
        f"heavy modules loaded: {heavy or 'none'}"
    )
    cold = [history.load_cold_once() for _ in range(size.loads)]
    from complaint_rules import Catalog

    warm: list[float] = []
    for _ in range(size.loads):
        import time

        start = time.perf_counter_ns()
        catalog = Catalog(entry_points=False)
        for policy_id in catalog.ids():
            catalog.load(policy_id)
        warm.append(time.perf_counter_ns() - start)
    loading = {
        "policies": cold[0]["policies"],
        "cold": {**_ms([c["ns"] for c in cold]), "runs": size.loads},
        "warm": {**_ms(warm), "runs": size.loads},
    }
    _say(
        f"  load all {len(loading['policies'])} bundled policies: cold "
        f"{loading['cold']['median_ms']} ms (fresh interpreter, imports included), warm "
        f"{loading['warm']['median_ms']} ms"
    )

    cores = max(2, platform_cores())
    # Threads of this process (durable_rules' dispatchers, if workload 1 ran): the history
    # runs in a fresh interpreter so that they take nothing from it.
    threads = threading.active_count()
    with tempfile.TemporaryDirectory(prefix="complaint-rules-bench-") as tmp:
        path = Path(tmp) / "history.jsonl"
        _say(f"  writing a {size.history_lines:,}-line history ...")
        history.write_history(path, size.history_lines)
        checked = history.check_floor(path)
        _say(f"  the floor == decide_jsonl on all {checked:,} lines (same bytes, same refusals)")
        _say(f"  deciding it in a fresh interpreter ({threads} threads in this one)")
        fresh = history.history_fresh(path, (1, cores), size.history_rounds, sink, floor=True)
    runs = []
    floor: dict[str, Any] = {}
    for m in fresh["measured"]:
        if m["name"] == history.FLOOR:
            c = fresh["counts"]["floor"]
            per_second = 1e6 / m["median_us"]
            floor = {**m, "complaints_per_second": round(per_second), **c}
            _say(f"  {history.FLOOR}: {per_second:,.0f} complaints/s ({c})")
            continue
        w = int(m["name"].rsplit("=", 1)[1])
        c = fresh["counts"][str(w)]
        per_second = 1e6 / m["median_us"]
        runs.append({**m, "workers": w, "complaints_per_second": round(per_second), **c})
        _say(f"  workers={w}: {per_second:,.0f} complaints/s ({c})")
    return {
        "import": imported,
        "loading": loading,
        "history": {
            "lines": size.history_lines,
            "policy": history.HISTORY_POLICY,
            "rounds": size.history_rounds,
            "sink": "a file" if sink is not None else "os.devnull",
            "process": "fresh interpreter",
            "threads_in_benchmark_process": threads,
            "runs": runs,
            "floor": floor,
        },
    }


def _git() -> dict[str, Any] | None:
    """The commit measured and the files of the package that differ from it."""
    import subprocess

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=HERE.parent, check=True, capture_output=True, text=True
        )
        return done.stdout.rstrip("\n")

    try:
        return {
            "commit": git("rev-parse", "HEAD"),
            "modified": git("status", "--porcelain", "--", "src", "policies").splitlines(),
        }
    except (OSError, subprocess.CalledProcessError):
        return None


def platform_cores() -> int:
    import os

    return os.cpu_count() or 1


def _default_output(quick: bool) -> Path:
    host = re.sub(r"[^A-Za-z0-9_.-]+", "-", platform.node() or "machine")[:40]
    stamp = datetime.now().strftime("%Y-%m-%d-%H%M")
    return HERE / "results" / f"{stamp}-{host}{'-quick' if quick else ''}.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs, fewer rounds")
    parser.add_argument("--only", default="1,2,3,4", help="workloads to run, e.g. 1,3")
    parser.add_argument("--history-lines", type=int, help="lines in the JSONL history")
    parser.add_argument("--sink", type=Path, help="write decisions to a file here, not devnull")
    parser.add_argument("--note", default="", help="a note stored with the results")
    parser.add_argument("-o", "--output", type=Path, help="results JSON (default: results/)")
    args = parser.parse_args(argv)
    size = QUICK if args.quick else FULL
    if args.history_lines:
        size = Size(**{**size.__dict__, "history_lines": args.history_lines})
    only = {int(x) for x in args.only.split(",")}

    started = datetime.now().astimezone()
    results: dict[str, Any] = {
        "benchmark": "complaint_rules (issue 7)",
        "mode": "quick" if args.quick else "full",
        "note": args.note,
        "started": started.isoformat(timespec="seconds"),
        "machine": machine(),
        "git": _git(),
        "load_average_start": load_average(),
        "size": size.__dict__,
        "workloads": {},
    }
    m = results["machine"]
    _say(
        f"{m['cpu']}, {m['cores']} cores, Python {m['python']}; load average "
        f"{results['load_average_start']}"
    )
    workloads = results["workloads"]
    if 1 in only:
        workloads["classification"] = workload_classification(size)
    if 2 in only:
        workloads["decisions"] = workload_decisions(size)
    if 3 in only:
        workloads["working_days"] = workload_working_days(size)
    if 4 in only:
        workloads["startup_history"] = workload_startup_history(size, args.sink)
    results["load_average_end"] = load_average()
    results["finished"] = datetime.now().astimezone().isoformat(timespec="seconds")
    results["targets"] = evaluate(workloads)

    _say("\n== targets")
    for t in results["targets"]:
        _say(f"  {'met   ' if t['met'] else 'MISSED'} {t['target']}: {t['measured']}")
    output = args.output or _default_output(args.quick)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    _say(f"\nresults: {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
