"""Deciding: a pure function of (compiled policy, complaint, as-of instant).

No I/O, no clock, no global state: the same inputs give the same decision, byte for byte,
from any thread. Every rule whose condition holds contributes its elements, in policy
order; the level comes from the input or from the policy's first-match classification
table. A rule whose condition depends on a fact the complaint does not give is neither
applied nor skipped in silence: the decision lists it under ``pending_rules`` with the
facts it needs.

These are the public entry points of the fast decider (:mod:`._fast.decider`), which
keeps on the compiled policy what complaints that match alike share. ``decide``
assembles a :class:`Decision` from those parts; ``decide_bytes`` and ``decide_json`` join
its JSON from their text instead, and ``decide_pieces`` gives that text unjoined (for
batch workers). :mod:`complaint_rules.decision.reference` computes the same decision
plainly; the test suite holds the two to the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from ..errors import ComplaintError
from ..messages.catalogue import make_problem
from ..policy.compiled import CompiledPolicy
from ._fast.decider import pieces, values
from ._fast.prepared import PreparedPolicy, prepare
from .complaint import Complaint, parse_complaint, parse_datetime, problem_of
from .model import (
    Decision,
    assemble,
)

__all__ = ["decide", "decide_bytes", "decide_json", "decide_pieces"]


def decide(
    policy: CompiledPolicy,
    complaint: Mapping[str, Any] | Complaint,
    *,
    at: datetime | str | None = None,
    estimate: bool = False,
    carry: Iterable[str] = (),
) -> Decision:
    """Decide what ``policy`` requires for ``complaint``.

    ``at`` is the as-of instant (default: the time of receipt); it only sets
    ``decided_at`` and each deadline's ``overdue_at_decision``. With ``estimate=True`` a
    deadline counted through a year whose official holiday schedule is unknown is
    computed from the estimated calendar and marked ``estimated``; otherwise it raises
    :class:`~complaint_rules.errors.UnpublishedCalendarError`.

    The complaint's personal fields (``id``, ``complainant``, ``text``) stay out of the
    decision unless named in ``carry``: each named field the complaint has is copied
    verbatim into ``Decision.carried`` (a parsed :class:`Complaint` brings its own).
    """
    return assemble(Decision, values(*_prelude(policy, complaint, at, estimate, carry))[0])


def decide_json(
    policy: CompiledPolicy,
    complaint: Mapping[str, Any] | Complaint,
    *,
    at: datetime | str | None = None,
    estimate: bool = False,
    carry: Iterable[str] = (),
) -> str:
    """``decide(...).model_dump_json()``, byte for byte, in a fraction of the time.

    The decision is not built as models: its JSON is joined from the text of the parts it
    shares with other decisions under the policy, written once
    (:mod:`complaint_rules.decision._fast.writer`).
    """
    return decide_bytes(policy, complaint, at=at, estimate=estimate, carry=carry).decode()


def decide_bytes(
    policy: CompiledPolicy,
    complaint: Mapping[str, Any] | Complaint,
    *,
    at: datetime | str | None = None,
    estimate: bool = False,
    carry: Iterable[str] = (),
) -> bytes:
    """:func:`decide_json` as UTF-8 bytes, ready to write to a file (for batches)."""
    cp, prep, parsed, received, as_of, estimate = _prelude(policy, complaint, at, estimate, carry)
    return b"".join(pieces(prep, *values(cp, prep, parsed, received, as_of, estimate)))


def decide_pieces(
    policy: CompiledPolicy,
    complaint: Mapping[str, Any] | Complaint,
    *,
    at: datetime | str | None = None,
    estimate: bool = False,
    carry: Iterable[str] = (),
) -> tuple[bytes, ...]:
    """:func:`decide_bytes` in the pieces it is joined from (``b"".join`` gives it).

    The long pieces are text the policy keeps and many decisions share (the lists of
    matched rules, routing, actions...): a batch's worker process names each once rather
    than sending it with every decision (see :mod:`complaint_rules.decision.batch`).
    """
    cp, prep, parsed, received, as_of, estimate = _prelude(policy, complaint, at, estimate, carry)
    return pieces(prep, *values(cp, prep, parsed, received, as_of, estimate))


def _prelude(
    policy: CompiledPolicy,
    complaint: Mapping[str, Any] | Complaint,
    at: datetime | str | None,
    estimate: bool,
    carry: Iterable[str],
) -> tuple[CompiledPolicy, PreparedPolicy, Complaint, datetime, datetime, bool]:
    """The checked complaint, and its receipt and the as-of instant in the policy's zone."""
    if policy.policy.abstract:
        raise ComplaintError(
            [make_problem("policy.abstract", wording="policy.abstract.decide", id=repr(policy.id))]
        )
    prep = prepare(policy)
    # A plain dict takes the policy's generated parser; what it does not take (None), the
    # full check does, and words its problems.
    parsed = prep.parse(complaint) if complaint.__class__ is dict and carry == () else None
    if parsed is None:
        if isinstance(complaint, Complaint):
            if tuple(carry):
                raise ValueError("carry applies to complaint data; pass it to parse_complaint")
            parsed = complaint
        else:
            parsed = parse_complaint(policy, complaint, carry=carry)
    received = parsed.received_at.astimezone(policy.tz)
    if at is None:
        return policy, prep, parsed, received, received, estimate
    try:
        as_of = parse_datetime(at, "at")
    except ValueError as exc:
        raise ComplaintError([problem_of(exc, ("at",), "decide.bad_at")]) from None
    return policy, prep, parsed, received, as_of.astimezone(policy.tz), estimate
