"""The targets, checked against one run's results (ratios within that run).

Ratios between two contenders are the median over rounds of their times in the same round.
Workload 2's and 4's are against the hand-written floor (benchmarks/floor_keyouqianqi.py):
what a pure-Python decision of 科右前旗 costs when written by hand for that one policy.
"""

from __future__ import annotations

import statistics
from typing import Any

__all__ = ["evaluate", "paired"]


def _by_name(results: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in results}


def paired(slow: dict[str, Any], fast: dict[str, Any]) -> float:
    """Median over rounds of slow / fast (how many times faster ``fast`` is)."""
    pairs = zip(slow["rounds_us"], fast["rounds_us"], strict=True)
    return float(statistics.median(s / f for s, f in pairs))


def _target(
    target: str, value: float, limit: float, *, at_least: bool, unit: str = "x"
) -> dict[str, Any]:
    met = value >= limit if at_least else value <= limit
    factor = value / limit if at_least else limit / value
    margin = f"met with {factor:.2f}x to spare" if met else f"missed by {1 / factor:.2f}x"
    return {
        "target": target,
        "limit": limit,
        "value": round(value, 3),
        "met": met,
        "measured": f"{value:,.2f}{unit} ({'>=' if at_least else '<='} {limit:,}{unit}); {margin}",
    }


def evaluate(workloads: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    cls = workloads.get("classification")
    if cls:
        r = _by_name(cls["results"])
        ours = r["complaint_rules decide (full trace)"]
        if "zen-engine, trace" in r:
            out.append(
                _target(
                    "workload 1: complaint_rules (full trace) >= 2x faster than zen-engine, trace",
                    paired(r["zen-engine, trace"], ours),
                    2,
                    at_least=True,
                )
            )
        if "durable_rules" in r:
            out.append(
                _target(
                    "workload 1: complaint_rules (full trace) >= 4x faster than durable_rules",
                    paired(r["durable_rules"], ours),
                    4,
                    at_least=True,
                )
            )
    dec = workloads.get("decisions")
    if dec:
        r = _by_name(dec["results"])
        for name in r:
            if not name.endswith(": floor"):
                continue
            policy = name.split(":")[0]
            out.append(
                _target(
                    f"workload 2: {policy} `decide` <= 1.5x the hand-written floor",
                    paired(r[f"{policy}: decide"], r[name]),
                    1.5,
                    at_least=False,
                )
            )
            out.append(
                _target(
                    f"workload 2: {policy} `decide_json` <= 2x the floor + orjson.dumps",
                    paired(r[f"{policy}: decide + JSON"], r[f"{name} + orjson.dumps"]),
                    2,
                    at_least=False,
                )
            )
    days = workloads.get("working_days")
    if days:
        for key, results in days.items():
            if not key.startswith("N="):
                continue
            r = _by_name(results)
            n = key[2:]
            out.append(
                _target(
                    f"workload 3: adding {n} working days >= 20x faster than holidays",
                    paired(r[f"holidays N={n}"], r[f"complaint_rules N={n}"]),
                    20,
                    at_least=True,
                )
            )
    startup = workloads.get("startup_history")
    if startup:
        runs = startup["history"]["runs"]
        single = runs[0]
        floor = startup["history"].get("floor")
        if floor:
            out.append(
                _target(
                    "workload 4: history in one process (decide_jsonl workers=1) <= 1.5x "
                    "json.loads + floor + orjson.dumps a line",
                    paired(single, floor),
                    1.5,
                    at_least=False,
                )
            )
        if len(runs) > 1:
            every = runs[-1]
            out.append(
                _target(
                    f"workload 4: workers={every['workers']} uses every core "
                    f"(speed-up >= {0.75 * every['workers']:.1f}x over workers=1)",
                    paired(single, every),
                    0.75 * every["workers"],
                    at_least=True,
                )
            )
        imported = startup["import"]
        out.append(
            _target(
                "workload 4: import complaint_rules < 150 ms",
                imported["median_ms"],
                150,
                at_least=False,
                unit=" ms",
            )
        )
        out.append(
            {
                "target": "workload 4: import complaint_rules loads no policy",
                "met": not imported["heavy_modules"],
                "value": imported["heavy_modules"],
                "measured": "no loader, catalog, pydantic, PyYAML or holidays imported"
                if not imported["heavy_modules"]
                else f"imported {', '.join(imported['heavy_modules'])}",
            }
        )
    return out
