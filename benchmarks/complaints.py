"""Complaints drawn deterministically over a policy's own vocabulary and facts.

Each complaint names its channel and category by id, source label or alias (as hosts do),
gives a level where the policy takes one, some findings, and a random subset of the
policy's facts (so that some rules are pending, as in real input). The same policy, count
and seed always give the same complaints.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from typing import Any

from complaint_rules import CompiledPolicy

__all__ = ["complaint_stream", "complaints", "history_lines"]

CST = timezone(timedelta(hours=8))
FIRST_DAY = date(2025, 1, 2)
# Received up to mid-2026, so every deadline ends in a year whose holidays are published.
DAYS = (date(2026, 6, 30) - FIRST_DAY).days + 1


def _spelling(rng: random.Random, term: Any) -> str:
    return str(rng.choice((term.id, term.label, *term.aliases)))


def _fact_value(rng: random.Random, fact: Any, received: datetime) -> Any:
    if fact.type == "bool":
        return rng.random() < (0.1 if fact.default is not None else 0.5)
    if fact.type == "int":
        low = fact.minimum if fact.minimum is not None else 1
        return low + int(rng.expovariate(0.3))
    if fact.type == "decimal":
        low = fact.minimum if fact.minimum is not None else 0
        return f"{low + rng.randrange(0, 500_000) / 100:.2f}"
    return (received + timedelta(minutes=rng.randrange(5, 4 * 24 * 60))).isoformat()


def complaint_stream(policy: CompiledPolicy, seed: int = 2026) -> Iterator[dict[str, Any]]:
    """An endless, deterministic stream of valid complaints for ``policy``."""
    rng = random.Random(f"{policy.id}:{seed}")
    vocab = policy.policy.vocabulary
    facts = policy.policy.facts
    n = 0
    while True:
        n += 1
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        received = datetime(day.year, day.month, day.day, 8, tzinfo=CST) + timedelta(
            minutes=rng.randrange(12 * 60)
        )
        out: dict[str, Any] = {
            "id": f"{policy.id}-{n:07d}",
            "received_at": received.isoformat(),
            "channel": _spelling(rng, rng.choice(vocab.channels)),
            "category": _spelling(rng, rng.choice(vocab.categories)),
        }
        if vocab.levels and (
            policy.level_input == "required"
            or (policy.level_input == "optional" and rng.random() < 0.8)
        ):
            out["level"] = _spelling(rng, rng.choice(vocab.levels))
        if vocab.findings and rng.random() < 0.3:
            found = []
            k = min(len(vocab.findings), rng.randint(1, 2))
            for finding in rng.sample(vocab.findings, k=k):
                item: dict[str, Any] = {"finding": finding.id, "count": rng.randint(1, 3)}
                if vocab.roles and rng.random() < 0.3:
                    item["roles"] = [_spelling(rng, rng.choice(vocab.roles))]
                found.append(item)
            out["findings"] = found
        for fact in facts:
            if rng.random() < 0.6:
                out[fact.id] = _fact_value(rng, fact, received)
        yield out


def complaints(policy: CompiledPolicy, n: int, seed: int = 2026) -> list[dict[str, Any]]:
    """The first ``n`` complaints of :func:`complaint_stream`."""
    stream = complaint_stream(policy, seed)
    return [next(stream) for _ in range(n)]


def history_lines(policy: CompiledPolicy, n: int, seed: int = 2026) -> Iterator[str]:
    """``n`` JSON lines (with newline); line 500 of every thousand names an unknown channel."""
    stream = complaint_stream(policy, seed)
    for line in range(1, n + 1):
        item = next(stream)
        if line % 1000 == 500:
            item["channel"] = "傳真投訴 (no such channel)"
        yield json.dumps(item, ensure_ascii=False) + "\n"
