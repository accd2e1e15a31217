"""Timing: contenders run interleaved, round after round; the median of the rounds counts.

Each round runs every contender once over the whole workload, in an order that rotates
from round to round, so that a slow spell of a shared machine falls on all of them. A
contender's time is the median over rounds of its time per item; its ratio to the
baseline is the median over rounds of (its time / the baseline's time in the same round),
which pairs measurements taken seconds apart. Times are wall-clock; the CPU time of this
process is recorded beside them (on a shared machine it excludes time spent waiting for a
core, but it misses work done in other processes, such as batch workers).
"""

from __future__ import annotations

import gc
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

__all__ = ["Contender", "Measured", "interleaved", "load_average", "machine", "median"]


@dataclass(frozen=True)
class Contender:
    """A named way of doing the workload: ``run()`` does all ``items`` of it once."""

    name: str
    run: Callable[[], object]
    items: int
    note: str = ""


@dataclass
class Measured:
    """One contender's times per item (ns), one per round, and its ratios to the baseline."""

    name: str
    items: int
    note: str
    ns_per_item: list[float] = field(default_factory=list)
    cpu_ns_per_item: list[float] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)

    @property
    def median_ns(self) -> float:
        return statistics.median(self.ns_per_item)

    @property
    def ratio(self) -> float | None:
        return statistics.median(self.ratios) if self.ratios else None

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "items": self.items,
            "note": self.note,
            "median_us": round(self.median_ns / 1000, 4),
            "min_us": round(min(self.ns_per_item) / 1000, 4),
            "max_us": round(max(self.ns_per_item) / 1000, 4),
            "rounds_us": [round(x / 1000, 4) for x in self.ns_per_item],
            "median_cpu_us": round(statistics.median(self.cpu_ns_per_item) / 1000, 4),
            "rounds_cpu_us": [round(x / 1000, 4) for x in self.cpu_ns_per_item],
            "ratio_to_baseline": None if self.ratio is None else round(self.ratio, 3),
        }


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def _time_once(contender: Contender) -> tuple[float, float]:
    """(wall ns, CPU ns of this process) per item for one run of ``contender``."""
    gc.collect()
    cpu = time.process_time_ns()
    start = time.perf_counter_ns()
    contender.run()
    wall = time.perf_counter_ns() - start
    cpu = time.process_time_ns() - cpu
    return wall / contender.items, cpu / contender.items


def interleaved(
    contenders: Sequence[Contender],
    rounds: int,
    *,
    baseline: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Measured]:
    """Run every contender once per round, rotating the order; ratios against ``baseline``."""
    measured = {c.name: Measured(c.name, c.items, c.note) for c in contenders}
    for r in range(rounds):
        shift = r % len(contenders)
        order = [*contenders[shift:], *contenders[:shift]]
        this_round: dict[str, float] = {}
        for contender in order:
            wall, cpu = _time_once(contender)
            this_round[contender.name] = wall
            measured[contender.name].ns_per_item.append(wall)
            measured[contender.name].cpu_ns_per_item.append(cpu)
        if baseline is not None:
            for name, ns in this_round.items():
                measured[name].ratios.append(ns / this_round[baseline])
        if progress is not None:
            progress(
                f"  round {r + 1}/{rounds}: "
                + ", ".join(f"{n} {ns / 1000:.3f} µs" for n, ns in this_round.items())
            )
    return [measured[c.name] for c in contenders]


def load_average() -> tuple[float, float, float] | None:
    try:
        return os.getloadavg()
    except OSError:
        return None


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def machine() -> dict[str, Any]:
    """The machine and software the numbers were measured on."""
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "packages": {
            dist: _version(dist)
            for dist in (
                "complaint-rules",
                "pydantic",
                "pydantic-core",
                "PyYAML",
                "holidays",
                "python-dateutil",
                "zen-engine",
                "durable_rules",
            )
        },
    }
