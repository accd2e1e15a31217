"""Hypothesis strategies drawn from a policy's own models and vocabulary.

- :func:`complaints` — valid complaints for a compiled policy: every channel, category,
  level and finding (by id, label or alias), facts of their declared types, received at
  holidays, make-up working days, month and year ends and the edges of the known calendar.
- :func:`received_instants` — just those instants of receipt.
- :func:`event_sequences` — case histories for the policy's lifecycle: valid ones, or with
  ``invalid=True`` ones that hold events the policy must reject (each marked
  ``"id": "invalid:<why>"``).
- :func:`policies` — valid policy documents (YAML text, data or models) that load.

Needs hypothesis (``pip install 'complaint-rules[testing]'``).
"""

from __future__ import annotations

from ._complaints import complaints
from ._events import event_sequences
from ._instants import received_instants
from ._policies import policies

__all__ = ["complaints", "event_sequences", "policies", "received_instants"]
