"""Which spellings of a term a complaint may give: what the complaint parser accepts."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from ..decision.complaint import parse_complaint
from ..errors import ComplaintError
from ..policy.compiled import CompiledPolicy

__all__ = ["accepted_spellings"]


def _plain_day(policy: CompiledPolicy) -> date:
    """A day of the last known year (the complaint parser refuses far-off instants)."""
    return date(max(policy.calendar.known_years), 3, 2)


def accepted_spellings(policy: CompiledPolicy, key: str, spellings: list[str]) -> list[str]:
    """Those of ``spellings`` a complaint may give for ``key`` (``channel``, ``category``,
    ``level``, ``findings`` or ``roles`` of a finding), as the complaint parser says."""
    vocab = policy.policy.vocabulary
    base: dict[str, Any] = {
        "received_at": datetime.combine(_plain_day(policy), time(9), tzinfo=policy.tz).isoformat(),
        "channel": vocab.channels[0].id,
        "category": vocab.categories[0].id,
    }
    if policy.level_input != "forbidden" and vocab.levels:
        base["level"] = vocab.levels[0].id
    out = []
    for spelling in spellings:
        if key == "roles":  # roles involved in a finding
            item = {"finding": vocab.findings[0].id, "roles": [spelling]}
            trial = {**base, "findings": [item]}
        else:
            trial = {**base, key: [spelling] if key == "findings" else spelling}
        try:
            parse_complaint(policy, trial)
        except ComplaintError as exc:
            if any(p.path[:1] in ((key,), ("findings",)) for p in exc.problems):
                continue
        out.append(spelling)
    return out
