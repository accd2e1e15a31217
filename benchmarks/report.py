"""Markdown tables of one results file, for docs/performance.md.

.venv/bin/python -m benchmarks.report benchmarks/results/<file>.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .targets import paired

__all__ = ["compare", "markdown"]


def _us(value: float) -> str:
    return f"{value:,.2f}" if value >= 10 else f"{value:.3f}"


def _machine(r: dict[str, Any]) -> list[str]:
    m = r["machine"]
    packages = ", ".join(f"{k} {v}" for k, v in m["packages"].items() if v)
    start = r.get("load_average_start")
    end = r.get("load_average_end")
    git = r.get("git")
    code = "unknown"
    if git:
        code = f"commit {git['commit'][:10]}"
        if git["modified"]:
            changed = ", ".join(line.split(maxsplit=1)[-1] for line in git["modified"])
            code += f" with changes to {changed}"
    return [
        f"- **Code**: {code}",
        f"- **Machine**: {m['cpu']}, {m['cores']} cores; {m['platform']}; "
        f"{m['implementation']} {m['python']}",
        f"- **Packages**: {packages}",
        f"- **Run**: {r['mode']}, {r['started']} to {r['finished']}; load average (1, 5, 15 min) "
        f"{start} at the start, {end} at the end" + (f"; {r['note']}" if r.get("note") else ""),
    ]


def _classification(w: dict[str, Any]) -> list[str]:
    out = [
        f"Workload 1: 30-row first-match table, {w['inputs']:,} inputs, median of "
        f"{w['rounds']} rounds.",
        "",
        "| engine | µs per decision | CPU µs | × plain loop |",
        "|---|---:|---:|---:|",
    ]
    for x in w["results"]:
        out.append(
            f"| {x['name']} | {_us(x['median_us'])} | {_us(x['median_cpu_us'])} | "
            f"{x['ratio_to_baseline']:.2f} |"
        )
    return out


def _decisions(w: dict[str, Any]) -> list[str]:
    by = {x["name"]: x for x in w["results"]}
    plain = by["plain Python"]
    out = [
        f"Workload 2: {w['complaints_per_policy']:,} complaints per policy, median of "
        f"{w['rounds']} rounds; plain loop in the same rounds: {_us(plain['median_us'])} µs.",
        "",
        "| policy | rules matched | `decide` µs | × plain loop | `decide_json` µs "
        "| `decide_many` µs |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for p in w["policies"]:
        pid = p["policy"]
        d, j, b = by[f"{pid}: decide"], by[f"{pid}: decide + JSON"], by[f"{pid}: decide_many"]
        out.append(
            f"| {pid} | {p['mean_matched_rules']} | {_us(d['median_us'])} | "
            f"{d['ratio_to_baseline']:.0f} | {_us(j['median_us'])} | {_us(b['median_us'])} |"
        )
    floors = [name for name in by if name.endswith(": floor")]
    if floors:
        out += [
            "",
            "The hand-written floor, in the same rounds (ratios: median over rounds of the "
            "two times in the same round):",
            "",
            "| policy | floor µs | `decide` µs | × floor | floor + `orjson.dumps` µs "
            "| `decide_json` µs | × floor + `orjson.dumps` | `decide_bytes` µs | × floor + "
            "`orjson.dumps` |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
    for name in floors:
        pid = name.split(":")[0]
        f, fj = by[name], by[f"{name} + orjson.dumps"]
        d, j = by[f"{pid}: decide"], by[f"{pid}: decide + JSON"]
        b = by.get(f"{pid}: decide_bytes")
        as_bytes = " | |" if b is None else f" {_us(b['median_us'])} | {paired(b, fj):.2f} |"
        out.append(
            f"| {pid} | {_us(f['median_us'])} | {_us(d['median_us'])} | {paired(d, f):.2f} | "
            f"{_us(fj['median_us'])} | {_us(j['median_us'])} | {paired(j, fj):.2f} |" + as_bytes
        )
    return out


def _working_days(w: dict[str, Any]) -> list[str]:
    out = [
        f"Workload 3: {w['start_days']:,} start days, median of {w['rounds']} rounds.",
        "",
        "| N | `add_working_days` µs | holidays `get_nth_working_day` µs | speed-up |",
        "|---:|---:|---:|---:|",
    ]
    empty = None
    for key, results in w.items():
        if key.startswith("N="):
            by = {x["name"]: x for x in results}
            ours, theirs = by[f"complaint_rules {key}"], by[f"holidays {key}"]
            empty = by.get("empty function", empty)
            out.append(
                f"| {key[2:]} | {_us(ours['median_us'])} | {_us(theirs['median_us'])} | "
                f"{theirs['ratio_to_baseline']:.1f}× |"
            )
    if empty is not None:
        out += [
            "",
            f"For scale: calling an empty Python function `f(d, n)` took "
            f"{_us(empty['median_us'])} µs in the same rounds "
            f"({empty['ratio_to_baseline']:.2f}× `add_working_days`).",
        ]
    return out


def _startup(w: dict[str, Any]) -> list[str]:
    imp, load, hist = w["import"], w["loading"], w["history"]
    out = [
        "| measure | result |",
        "|---|---:|",
        f"| `import complaint_rules` (fresh interpreter, median of {imp['runs']}) | "
        f"{imp['median_ms']} ms |",
        f"| load all {len(load['policies'])} bundled policies, cold (imports included) | "
        f"{load['cold']['median_ms']:,.0f} ms |",
        f"| load all bundled policies again, warm (new `Catalog`) | "
        f"{load['warm']['median_ms']:,.0f} ms |",
    ]
    where = " (fresh interpreter)" if hist.get("process") == "fresh interpreter" else ""
    for run in hist["runs"]:
        out.append(
            f"| {hist['lines']:,}-line history{where}, `decide_jsonl` "
            f"workers={run['workers']} | {run['complaints_per_second']:,} complaints/s "
            f"(CPU of the calling process: {run['median_cpu_us']:.1f} µs a line) |"
        )
    floor = hist.get("floor")
    if floor:
        out.append(
            f"| the same history{where}, `json.loads` + floor + `orjson.dumps` | "
            f"{floor['complaints_per_second']:,} complaints/s (`decide_jsonl` workers=1 "
            f"{paired(hist['runs'][0], floor):.2f}× its time) |"
        )
    return out


def markdown(results: dict[str, Any]) -> str:
    lines = _machine(results)
    w = results["workloads"]
    for key, render in (
        ("classification", _classification),
        ("decisions", _decisions),
        ("working_days", _working_days),
        ("startup_history", _startup),
    ):
        if key in w:
            lines += ["", *render(w[key])]
    lines += ["", "| target | measured | |", "|---|---|---|"]
    for t in results["targets"]:
        lines.append(f"| {t['target']} | {t['measured']} | {'met' if t['met'] else '**missed**'} |")
    return "\n".join(lines) + "\n"


def compare(runs: list[tuple[str, dict[str, Any]]]) -> str:
    """One row per target, one column per run: each run's measured value."""
    names = [name for name, _ in runs]
    lines = [
        "| target | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    targets: dict[str, list[str]] = {}
    for i, (_, results) in enumerate(runs):
        for t in results["targets"]:
            value = t["value"]
            shown = ", ".join(value) or "none" if isinstance(value, list) else f"{value:,.2f}"
            targets.setdefault(t["target"], [""] * len(runs))[i] = shown
    for target, values in targets.items():
        lines.append(f"| {target} | " + " | ".join(values) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if argv[:1] == ["--compare"]:
        files = argv[1:]
        print(compare([(Path(f).stem, json.loads(Path(f).read_text("utf-8"))) for f in files]))
        return 0
    for name in argv:
        print(markdown(json.loads(Path(name).read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
