"""Impact of a policy change: re-decide a history of complaints under OLD and NEW, compare.

:func:`compare_decisions` lists how two decisions for the same complaint differ, in the
officer's terms (:class:`DecisionChange`: a deadline later by 2 days, a penalty added, the routing
changed, ...). :func:`impact_lines` re-decides each JSON line of a history under both
versions in one streaming pass (through :func:`complaint_rules.decision.batch.stream`, so
``workers=N`` decides and compares in N processes) and yields a :class:`LineImpact` per
line, in order. Either side may be several versions of one policy (``Catalog.versions``):
each complaint is then decided under the version in force at its ``received_at``.
:class:`ImpactTally` adds those up in constant memory (counts, the first
line numbers of each kind of change, the first bad lines) into an :class:`ImpactReport`,
shown as a table (:meth:`ImpactReport.as_text`) or as JSON (:meth:`ImpactReport.as_dict`).
Pure, apart from the optional process pool.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from ..decision.batch import DEFAULT_CHUNK_SIZE, RejectedLine, Settings, located, parse_line, stream
from ..decision.engine import decide
from ..decision.model import (
    DecidedDeadline,
    DecidedPenalty,
    Decision,
)
from ..decision.render import due_text
from ..errors import CalendarError, ComplaintError, PolicyError, Problem
from ..messages.catalogue import Lang, make_problem, problem_text, say
from ..messages.host import calendar_problem
from ..policy.catalog import in_force as version_in_force
from ..policy.compiled import CompiledPolicy

__all__ = [
    "CHANGE_KINDS",
    "DecisionChange",
    "ImpactReport",
    "ImpactTally",
    "LineImpact",
    "SubjectCount",
    "Versions",
    "compare_decisions",
    "impact",
    "impact_lines",
    "in_force",
    "span",
]

CHANGE_KINDS: dict[str, str] = {
    "rejected_now": "decided before, rejected now",
    "accepted_now": "rejected before, decided now",
    "level_changed": "level changed",
    "matched_rules_changed": "matched rules changed",
    "deadline_earlier": "deadline earlier",
    "deadline_later": "deadline later",
    "deadline_added": "deadline added",
    "deadline_removed": "deadline removed",
    "deadline_changed": "deadline changed otherwise",
    "routing_changed": "routing changed",
    "escalations_changed": "escalations changed",
    "penalty_added": "penalty added",
    "penalty_removed": "penalty removed",
    "penalty_range_changed": "penalty range changed",
    "sanctions_changed": "sanctions changed",
    "actions_changed": "actions changed",
    "reports_changed": "reports changed",
    "retention_changed": "retention changed",
    "approvals_changed": "approvals changed",
    "gaps_changed": "gaps changed",
    "conflicts_changed": "conflicts changed",
    "pending_rules_changed": "pending rules changed",
    "other": "only wording or sources changed",
}
"""Every kind of change, in report order, with its words for people."""


@dataclass(frozen=True, slots=True)
class DecisionChange:
    """One difference between the OLD and the NEW decision for a complaint.

    ``subject`` names what changed (a deadline, penalty, escalation, rule or report id; a
    routing duty and role; a gap's topic). ``old`` and ``new`` say what it was and is
    (``None``: absent). ``shift_seconds`` is how much later (negative: earlier) a deadline
    now falls.
    """

    kind: str
    subject: str
    old: str | None
    new: str | None
    shift_seconds: int | None = None

    @property
    def text(self) -> str:
        """The change in a line, e.g. ``deadline later reply_general: ... -> ... (+3 d)``."""
        label = CHANGE_KINDS[self.kind]
        if self.kind == "other":
            return f"{label}: {self.subject}"
        where = f" {self.subject}" if self.subject else ""
        shift = "" if self.shift_seconds is None else f" ({span(self.shift_seconds)})"
        return f"{label}{where}: {self.old or '(none)'} -> {self.new or '(none)'}{shift}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "subject": self.subject,
            "old": self.old,
            "new": self.new,
            "shift_seconds": self.shift_seconds,
            "text": self.text,
        }


def span(seconds: int, lang: Lang = "en") -> str:
    """A signed duration in days, hours and minutes: ``+3 d``, ``-1 d 4 h``, ``+30 min``
    (``+3 天`` in Chinese)."""
    sign = "-" if seconds < 0 else "+"
    rest = abs(seconds)
    days, rest = divmod(rest, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [say("impact.span.days", lang, n=days)] if days else []
    parts += [say("impact.span.hours", lang, n=hours)] if hours else []
    parts += [say("impact.span.minutes", lang, n=minutes)] if minutes else []
    parts += [say("impact.span.seconds", lang, n=secs)] if secs or not parts else []
    return sign + " ".join(parts)


def change_kind_text(kind: str, lang: Lang = "en") -> str:
    """A kind of change (:data:`CHANGE_KINDS`) in ``lang``."""
    return CHANGE_KINDS[kind] if lang == "en" else say(f"impact.kind.{kind}", lang)


# -- comparing two decisions ----------------------------------------------------------------

_COMPARED = tuple(f for f in Decision.model_fields if f != "policy")


def compare_decisions(old: Decision, new: Decision) -> tuple[DecisionChange, ...]:
    """How ``new`` differs from ``old`` (decisions for the same complaint), in report order.

    Which policy decided (``policy``: ids, versions, hashes) is not compared. Differences
    that none of the kinds covers (labels, notes, articles) give one ``other`` change
    naming the decision fields that differ.
    """
    if all(getattr(old, f) == getattr(new, f) for f in _COMPARED):
        return ()
    out: list[DecisionChange] = []
    old_level = None if old.level is None else old.level.id
    new_level = None if new.level is None else new.level.id
    if old_level != new_level:
        out.append(DecisionChange("level_changed", "", old_level, new_level))
    _sets(
        out,
        "matched_rules_changed",
        [r.rule for r in old.matched_rules],
        [r.rule for r in new.matched_rules],
        lambda r: r,
        lambda _: "matched",
    )
    out.extend(_deadlines(old.deadlines, new.deadlines))
    _sets(
        out,
        "routing_changed",
        old.routing,
        new.routing,
        lambda a: f"{a.duty}: {a.role.id}" + (f" or {_ids(a.or_roles)}" if a.or_roles else ""),
        lambda _: "assigned",
    )
    _keyed(
        out,
        "escalations_changed",
        old.escalations,
        new.escalations,
        lambda e: (
            e.on,
            e.deadline,
            _ids(e.by),
            e.by_any,
            _ids(e.to),
            e.to_any,
            e.next,
            e.discretionary,
        ),
        lambda e: _join(
            [f"on {e.on}", e.deadline and f"of {e.deadline}", f"to {_any(e.to, e.to_any)}"]
            + ([f"then {e.next}"] if e.next else [])
            + (["may (可)"] if e.discretionary else [])
        ),
    )
    out.extend(_penalties(old.penalties, new.penalties))
    _keyed(
        out,
        "actions_changed",
        old.actions,
        new.actions,
        lambda a: (
            _ids(a.by),
            a.by_any,
            _ids(a.to),
            a.to_any,
            a.on,
            a.deadline,
            a.discretionary,
        ),
        lambda a: _join(
            [
                a.on and f"on {a.on}",
                f"by {_any(a.by, a.by_any)}",
                a.to and f"to {_any(a.to, a.to_any)}",
                a.discretionary and "may (可)",
            ]
        ),
    )
    _keyed(
        out,
        "reports_changed",
        old.reports,
        new.reports,
        lambda r: (
            _ids(r.by),
            r.by_any,
            _ids(r.to),
            r.to_any,
            r.frequency,
            r.starts,
            r.due,
            r.waiting_for,
            r.discretionary,
        ),
        lambda r: _join(
            [
                f"to {_any(r.to, r.to_any)}",
                r.frequency,
                r.due and f"due {due_text(r.due)}",
                r.waiting_for and f"due once {', '.join(r.waiting_for)} is given",
            ]
        ),
    )
    _keyed(
        out,
        "retention_changed",
        old.retention,
        new.retention,
        lambda k: (_ids(k.keeper), k.years, k.at_least),
        lambda k: "no term" if k.years is None else f"{'>= ' if k.at_least else ''}{k.years} y",
    )
    _keyed(
        out,
        "approvals_changed",
        old.approvals,
        new.approvals,
        lambda a: (
            a.amount_yuan,
            _ids(a.approver),
            a.configured,
            a.waiting_for,
            tuple((t.role.id, t.limit_yuan, t.configured, t.total_yuan) for t in a.tiers),
            _ids(a.above),
        ),
        lambda a: (
            "not configured"
            if not a.configured
            else f"waits for {', '.join(a.waiting_for)}"
            if a.waiting_for
            else f"by {_ids(a.approver) or '-'}"
        ),
    )
    _sets(
        out, "gaps_changed", old.gaps, new.gaps, lambda g: f"{g.about}: {g.text}", lambda _: "gap"
    )
    _sets(
        out,
        "conflicts_changed",
        old.conflicts,
        new.conflicts,
        lambda c: f"{c.id}: " + " / ".join(f"{a.role.id} ({a.source.rule})" for a in c.assignments),
        lambda c: f"{c.duty} held by roles that cannot go together",
    )
    _sets(
        out,
        "pending_rules_changed",
        old.pending_rules,
        new.pending_rules,
        lambda p: p.source.rule,
        lambda p: f"needs {', '.join(p.needs)}",
    )
    if not out:
        fields = [f for f in _COMPARED if getattr(old, f) != getattr(new, f)]
        out.append(DecisionChange("other", ", ".join(fields), None, None))
    return tuple(out)


def _ids(named: Iterable[Any]) -> str:
    return ", ".join(n.id for n in named)


def _any(named: Sequence[Any], any_one: bool) -> str:
    """Role ids: each of them (", "), or any one of them (" or ")."""
    return (" or " if any_one else ", ").join(n.id for n in named) or "-"


def _join(parts: Sequence[str | None]) -> str:
    return ", ".join(p for p in parts if p)


def _sets(
    out: list[DecisionChange],
    kind: str,
    old: Iterable[Any],
    new: Iterable[Any],
    key: Callable[[Any], str],
    words: Callable[[Any], str],
) -> None:
    """Elements compared as a whole: present in one decision only."""
    before = {key(x): x for x in old}
    after = {key(x): x for x in new}
    for k, x in before.items():
        if k not in after:
            out.append(DecisionChange(kind, k, words(x), None))
    for k, x in after.items():
        if k not in before:
            out.append(DecisionChange(kind, k, None, words(x)))


def _keyed(
    out: list[DecisionChange],
    kind: str,
    old: Iterable[Any],
    new: Iterable[Any],
    what: Callable[[Any], Hashable],
    words: Callable[[Any], str],
) -> None:
    """Elements with an id: added, removed, or changed in ``what`` (not in wording)."""
    before = {x.id: x for x in old}
    after = {x.id: x for x in new}
    for k, x in before.items():
        if k not in after:
            out.append(DecisionChange(kind, k, words(x), None))
        elif what(x) != what(after[k]):
            out.append(DecisionChange(kind, k, words(x), words(after[k])))
    for k, x in after.items():
        if k not in before:
            out.append(DecisionChange(kind, k, None, words(x)))


def _period(d: DecidedDeadline) -> str:
    if d.unit == "until":
        return "until a given time"
    if d.amount_min is not None and d.amount_min != d.amount:
        return f"{d.amount_min}-{d.amount} {d.unit}"
    return f"{d.amount} {d.unit}"


def _deadline_words(d: DecidedDeadline) -> str:
    if d.status == "needs_fact":
        return f"needs {', '.join(d.waiting_for)}"
    if d.status == "not_started" or d.due is None:
        return f"{_period(d)} from {d.starts}, not started"
    earliest = f" (at the earliest {due_text(d.due_earliest)})" if d.due_earliest else ""
    estimated = ", estimated" if d.estimated else ""
    return f"{_period(d)}, due {due_text(d.due)}{earliest}{estimated}"


def _deadline_key(d: DecidedDeadline) -> tuple[Any, ...]:
    return (
        d.status,
        d.starts,
        d.started_at,
        d.unit,
        d.amount,
        d.amount_min,
        d.due,
        d.due_earliest,
        d.estimated,
        _ids(d.by),
        d.waiting_for,
    )


def _deadlines(
    old: Sequence[DecidedDeadline], new: Sequence[DecidedDeadline]
) -> Iterator[DecisionChange]:
    before = {d.id: d for d in old}
    after = {d.id: d for d in new}
    for key, d in before.items():
        n = after.get(key)
        if n is None:
            yield DecisionChange("deadline_removed", key, _deadline_words(d), None)
        elif d.due is not None and n.due is not None and d.due != n.due:
            shift = int((n.due.late_from - d.due.late_from).total_seconds())
            kind = "deadline_later" if shift > 0 else "deadline_earlier"
            yield DecisionChange(kind, key, _deadline_words(d), _deadline_words(n), shift)
        elif _deadline_key(d) != _deadline_key(n):
            yield DecisionChange("deadline_changed", key, _deadline_words(d), _deadline_words(n))
    for key, n in after.items():
        if key not in before:
            yield DecisionChange("deadline_added", key, None, _deadline_words(n))


def _money(p: DecidedPenalty) -> str:
    if p.kind == "none":
        return "no amount"
    if not p.configured:
        return f"{p.kind}, amount not configured"
    waits = ", ".join(p.waiting_for)
    if p.min_yuan is None or p.max_yuan is None:
        return f"{p.kind}, amount once {waits} is given" if waits else f"{p.kind}, no amount set"
    each = f"{p.min_yuan}" if p.min_yuan == p.max_yuan else f"{p.min_yuan}-{p.max_yuan}"
    persons = "" if p.headcount is None else f" x {p.headcount} persons"
    if waits:
        return f"{p.kind} {each} yuan per {p.per}{persons}, total once {waits} is given"
    total = (
        f"{p.total_min_yuan}"
        if p.total_min_yuan == p.total_max_yuan
        else f"{p.total_min_yuan}-{p.total_max_yuan}"
    )
    return f"{p.kind} {each} yuan per {p.per}{persons}, total {total} yuan"


def _sanction_words(p: DecidedPenalty) -> str:
    return ", ".join(f"{s.id} {s.status}" for s in p.sanctions) or "none"


def _penalty_words(p: DecidedPenalty) -> str:
    return f"{_money(p)}; sanctions: {_sanction_words(p)}"


def _penalties(
    old: Sequence[DecidedPenalty], new: Sequence[DecidedPenalty]
) -> Iterator[DecisionChange]:
    before = {f"{p.id} ({p.finding.id})": p for p in old}
    after = {f"{p.id} ({p.finding.id})": p for p in new}
    for key, p in before.items():
        n = after.get(key)
        if n is None:
            yield DecisionChange("penalty_removed", key, _penalty_words(p), None)
            continue
        if _money(p) != _money(n) or _ids(p.subjects) != _ids(n.subjects):
            yield DecisionChange("penalty_range_changed", key, _money(p), _money(n))
        if _sanction_words(p) != _sanction_words(n):
            yield DecisionChange("sanctions_changed", key, _sanction_words(p), _sanction_words(n))
    for key, n in after.items():
        if key not in before:
            yield DecisionChange("penalty_added", key, None, _penalty_words(n))


# -- one line of a history --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LineImpact:
    """What one line of a history gave: blank, bad, the same decision, or changes.

    ``versions`` names the (old, new) policy versions the line was decided under, when it
    was decided (a side given as several versions picks one by the complaint's receipt).
    """

    line: int
    status: Literal["blank", "bad", "same", "changed"]
    complaint_id: str | None = None
    changes: tuple[DecisionChange, ...] = ()
    problems: tuple[Problem, ...] = ()
    versions: tuple[str | None, str | None] = (None, None)

    def as_dict(self) -> dict[str, Any]:
        """The ``--changes`` JSON line of a changed complaint."""
        return {
            "line": self.line,
            "id": self.complaint_id,
            "old_version": self.versions[0],
            "new_version": self.versions[1],
            "changes": [c.as_dict() for c in self.changes],
        }


Versions = CompiledPolicy | Sequence[CompiledPolicy]
"""One policy, or several versions of one policy (oldest ``effective_from`` first, as
``Catalog.versions`` gives them), chosen per complaint by its ``received_at``."""


def in_force(versions: Sequence[CompiledPolicy], received_at: object) -> CompiledPolicy:
    """The version in force at ``received_at`` (as ``Catalog.load(id, at=)`` chooses): the
    one with the latest ``effective_from`` on or before the day of receipt in the policy's
    zone (an undated version is in force before every dated one). A receipt that is not an
    aware ISO 8601 instant gets the latest version, whose decision then reports it. A
    receipt before the first version is a :class:`ComplaintError` at ``received_at``
    (``policy.not_in_force``)."""
    if len(versions) == 1 and versions[0].policy.effective_from is None:
        return versions[0]
    if not isinstance(received_at, str):
        return versions[-1]
    try:
        instant = datetime.fromisoformat(received_at)
    except ValueError:
        return versions[-1]
    if instant.tzinfo is None:
        return versions[-1]
    chosen = version_in_force(versions, instant)
    if chosen is None:
        first = versions[0]
        raise ComplaintError(
            [
                make_problem(
                    "policy.not_in_force",
                    path=("received_at",),
                    wording="policy.not_in_force.first",
                    id=repr(first.id),
                    date=first.policy.effective_from,
                )
            ]
        )
    return chosen


def _try(
    versions: Sequence[CompiledPolicy], data: Any, s: Settings
) -> Decision | tuple[Problem, ...]:
    try:
        received = data.get("received_at") if isinstance(data, dict) else None
        return decide(in_force(versions, received), data, at=s.at, estimate=s.estimate)
    except ComplaintError as exc:
        return exc.problems
    except CalendarError as exc:
        return (calendar_problem(exc),)


@dataclass(frozen=True, slots=True)
class _Context:
    """What each line is decided with: the settings, and where the OLD versions end in the
    flat tuple of policies sent to the workers."""

    settings: Settings
    split: int


_SHOWN_ID = re.compile(r"[A-Za-z0-9_.:/-]{1,64}")
"""A complaint's ``id`` the report repeats: a reference, not free text or control bytes."""


def _messages(problems: Iterable[Problem], lang: Lang = "en") -> str:
    """The problems in a line: ``field: message``, each message said in ``lang``."""
    said = [(p.field, problem_text(p, lang)) for p in problems]
    if lang == "en":
        return "; ".join(f"{field}: {text}" if field else text for field, text in said)
    return ";".join(f"{field}:{text}" if field else text for field, text in said)


def _impact_line(
    policies: tuple[CompiledPolicy, ...], line: int, raw: str | bytes, c: _Context
) -> LineImpact:
    s = c.settings
    data = parse_line(raw, line, s.file)
    if data is None:
        return LineImpact(line, "blank")
    if isinstance(data, RejectedLine):
        return LineImpact(line, "bad", problems=data.problems)
    raw_id = data.get("id") if isinstance(data, dict) else None
    cid = str(raw_id) if isinstance(raw_id, str | int) and not isinstance(raw_id, bool) else None
    if cid is not None and not _SHOWN_ID.fullmatch(cid):
        cid = None  # an id that could carry anything else is not repeated
    old = _try(policies[: c.split], data, s)
    new = _try(policies[c.split :], data, s)
    versions = (
        old.policy.version if isinstance(old, Decision) else None,
        new.policy.version if isinstance(new, Decision) else None,
    )
    if isinstance(old, Decision) and isinstance(new, Decision):
        changes = compare_decisions(old, new)
        return LineImpact(line, "changed" if changes else "same", cid, changes, (), versions)
    if isinstance(old, Decision):
        assert not isinstance(new, Decision)
        change = DecisionChange("rejected_now", "", "decided", _messages(new))
        return LineImpact(line, "changed", cid, (change,), (), versions)
    if isinstance(new, Decision):
        change = DecisionChange("accepted_now", "", _messages(old), "decided")
        return LineImpact(line, "changed", cid, (change,), (), versions)
    problems = (*old, *(p for p in new if p not in old))
    return LineImpact(line, "bad", cid, problems=located(problems, line, s.file))


def _sides(old: Versions, new: Versions) -> tuple[tuple[CompiledPolicy, ...], ...]:
    sides = []
    for side in (old, new):
        versions = (side,) if isinstance(side, CompiledPolicy) else tuple(side)
        if not versions:
            raise ValueError("a side of an impact report needs at least one policy version")
        if len({v.id for v in versions}) > 1:
            raise ValueError(
                "several versions on one side must be versions of one policy id, not "
                + ", ".join(sorted({v.id for v in versions}))
            )
        sides.append(versions)
    return tuple(sides)


def impact_lines(
    old: Versions,
    new: Versions,
    lines: Iterable[str | bytes],
    *,
    at: datetime | str | None = None,
    estimate: bool = False,
    workers: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    file: str | None = None,
) -> Iterator[LineImpact]:
    """Re-decide each JSON line under ``old`` and ``new``; one :class:`LineImpact` per line.

    Lazy, in order, constant memory. A line is ``bad`` when it is not JSON or neither
    version decides it (its problems carry ``file`` and the line number); a line that
    only one version decides is a change (``rejected_now`` / ``accepted_now``).

    ``old`` or ``new`` may be several versions of one policy (oldest first, as
    ``Catalog.versions`` lists them): each complaint is then decided under the version in
    force at its ``received_at`` (:func:`in_force`), also with ``at``; a complaint
    received before the first version is refused by that side (``policy.not_in_force``).
    """
    old_versions, new_versions = _sides(old, new)
    for policy in (*old_versions, *new_versions):
        if policy.policy.abstract:
            raise PolicyError(
                [
                    make_problem(
                        "policy.abstract", wording="policy.abstract.impact", id=repr(policy.id)
                    )
                ]
            )
    return stream(
        _impact_line,
        (*old_versions, *new_versions),
        lines,
        _Context(Settings.of(at, estimate, file=file), len(old_versions)),
        workers=workers,
        chunk_size=chunk_size,
        start=1,
    )


# -- adding up --------------------------------------------------------------------------------


@dataclass
class SubjectCount:
    """Complaints with a change of one kind to one subject; deadline shifts in seconds."""

    complaints: int = 0
    examples: list[int] = field(default_factory=list)
    shift_min: int | None = None
    shift_max: int | None = None


@dataclass(frozen=True)
class ImpactReport:
    """The whole impact of a policy change on a history (see :class:`ImpactTally`)."""

    old: dict[str, Any]
    new: dict[str, Any]
    """Each side's policy: ``policy``, ``version``, ``sha256`` and, for a side of several
    versions chosen by receipt, ``by_receipt`` (each version, its sha256 and
    ``effective_from``)."""
    history: str | None
    lines: int
    blank: int
    decided: int
    bad: int
    changed: int
    kinds: dict[str, tuple[int, tuple[int, ...]]]
    """kind -> (complaints with such a change, their first line numbers)."""
    subjects: dict[str, dict[str, SubjectCount]]
    bad_lines: tuple[tuple[int, tuple[Problem, ...]], ...]
    """The first bad lines, each with its problems."""

    @property
    def complaints(self) -> int:
        """Lines that are not blank."""
        return self.lines - self.blank

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (``--format json``)."""
        return {
            "old": self.old,
            "new": self.new,
            "history": self.history,
            "lines": self.lines,
            "blank": self.blank,
            "complaints": self.complaints,
            "decided": self.decided,
            "bad": self.bad,
            "changed": self.changed,
            "changes": [
                {
                    "kind": kind,
                    "label": CHANGE_KINDS[kind],
                    "complaints": count,
                    "examples": list(examples),
                    "subjects": [
                        {
                            "subject": name,
                            "complaints": sub.complaints,
                            "examples": sub.examples,
                            "shift_min_seconds": sub.shift_min,
                            "shift_max_seconds": sub.shift_max,
                        }
                        for name, sub in self.subjects[kind].items()
                    ],
                }
                for kind, (count, examples) in self.kinds.items()
            ],
            "bad_lines": [
                {
                    "line": line,
                    "problems": [{"field": p.field, "message": p.message} for p in problems],
                }
                for line, problems in self.bad_lines
            ],
        }

    def as_text(self, lang: Lang = "en") -> str:
        """The report as a table for people, its words in ``lang`` (ids, versions and line
        numbers as they are)."""

        def name(ref: dict[str, Any]) -> str:
            if "by_receipt" not in ref:
                return say(
                    "impact.version",
                    lang,
                    policy=ref["policy"],
                    version=ref["version"],
                    sha=ref["sha256"][:12],
                )
            each = ", ".join(
                say(
                    "impact.version_from",
                    lang,
                    version=v["version"],
                    sha=v["sha256"][:12],
                    start=v["effective_from"] or say("impact.the_start", lang),
                )
                for v in ref["by_receipt"]
            )
            return say("impact.by_receipt", lang, policy=ref["policy"], each=each)

        pct = (
            say("impact.percent", lang, percent=f"{100 * self.changed / self.decided:.1f}")
            if self.decided
            else ""
        )
        out = [
            say("impact.old", lang, name=name(self.old)),
            say("impact.new", lang, name=name(self.new)),
            say("impact.history", lang, history=self.history or say("impact.lines_stdin", lang)),
            say(
                "impact.counts",
                lang,
                lines=self.lines,
                complaints=self.complaints,
                decided=self.decided,
                bad=self.bad,
                changed=self.changed,
                percent=pct,
            ),
        ]
        rows = [
            (
                say("impact.col.change", lang),
                say("impact.col.subject", lang),
                say("impact.col.complaints", lang),
                say("impact.col.shift", lang),
                say("impact.col.lines", lang),
            )
        ]
        for kind, (count, examples) in self.kinds.items():
            subjects = self.subjects[kind]
            label = change_kind_text(kind, lang)
            if len(subjects) > 1:
                rows.append((label, say("impact.any", lang), str(count), "", _lines(examples)))
                label = ""
            for subject, sub in subjects.items():
                shift = ""
                if sub.shift_min is not None and sub.shift_max is not None:
                    shift = span(sub.shift_min, lang)
                    if sub.shift_max != sub.shift_min:
                        shift += f" .. {span(sub.shift_max, lang)}"
                row = (label, _cut(subject), str(sub.complaints), shift, _lines(sub.examples))
                rows.append(row)
                label = ""
        if len(rows) > 1:
            widths = [max(_width(r[i]) for r in rows) for i in range(4)]
            out.append("")
            for r in rows:
                pad = [" " * (widths[i] - _width(r[i])) for i in range(4)]
                cells = [r[0] + pad[0], r[1] + pad[1], pad[2] + r[2], r[3] + pad[3], r[4]]
                out.append("  ".join(cells).rstrip())
        else:
            out.append("")
            out.append(say("impact.unchanged", lang))
        if self.bad_lines:
            more = self.bad - len(self.bad_lines)
            out.append("")
            if more:
                first = len(self.bad_lines)
                out.append(say("impact.bad_lines_first", lang, bad=self.bad, first=first))
            else:
                out.append(say("impact.bad_lines", lang, bad=self.bad))
            for line, problems in self.bad_lines:
                column = next((p.column for p in problems if p.column is not None), None)
                if column is None:
                    where = say("impact.line", lang, line=line)
                else:
                    where = say("impact.line_column", lang, line=line, column=column)
                said = _messages(problems, lang)
                out.append("  " + say("impact.where", lang, where=where, problems=said))
        return "\n".join(out) + "\n"


def _width(text: str) -> int:
    """Columns on a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _lines(numbers: Sequence[int]) -> str:
    return ", ".join(map(str, numbers))


def _cut(text: str, width: int = 60) -> str:
    if _width(text) <= width:
        return text
    while _width(text) > width - 1:
        text = text[:-1]
    return text + "…"


def _ref(side: Versions) -> dict[str, Any]:
    """The policy a side names: its id, version and sha256 (the latest version's when the
    side holds several), and each version with the day it is in force from, if several."""
    versions = (side,) if isinstance(side, CompiledPolicy) else tuple(side)
    latest = versions[-1]
    ref: dict[str, Any] = {
        "policy": latest.id,
        "version": latest.version,
        "sha256": latest.sha256,
    }
    if len(versions) > 1:
        ref["by_receipt"] = [
            {
                "version": v.version,
                "sha256": v.sha256,
                "effective_from": _day(v.policy.effective_from),
            }
            for v in versions
        ]
    return ref


def _day(day: Any) -> str | None:
    return None if day is None else str(day)


class ImpactTally:
    """Adds up :class:`LineImpact` results in constant memory.

    Keeps counts, the first ``examples`` line numbers of each kind (and of each subject
    within a kind), the smallest and largest deadline shift, and the first ``bad_lines``
    bad lines with their problems.
    """

    def __init__(self, *, examples: int = 5, bad_lines: int = 20) -> None:
        self.examples = examples
        self.max_bad = bad_lines
        self.lines = self.blank = self.decided = self.bad = self.changed = 0
        self._kinds: dict[str, list[Any]] = {}
        self._subjects: dict[str, dict[str, SubjectCount]] = {}
        self._bad: list[tuple[int, tuple[Problem, ...]]] = []

    def add(self, item: LineImpact) -> None:
        self.lines = max(self.lines, item.line)
        if item.status == "blank":
            self.blank += 1
            return
        if item.status == "bad":
            self.bad += 1
            if len(self._bad) < self.max_bad:
                self._bad.append((item.line, item.problems))
            return
        self.decided += 1
        if item.status == "same":
            return
        self.changed += 1
        seen_kinds: set[str] = set()
        seen_subjects: set[tuple[str, str]] = set()
        for change in item.changes:
            if change.kind not in seen_kinds:
                seen_kinds.add(change.kind)
                entry = self._kinds.setdefault(change.kind, [0, []])
                entry[0] += 1
                if len(entry[1]) < self.examples:
                    entry[1].append(item.line)
            subs = self._subjects.setdefault(change.kind, {})
            sub = subs.setdefault(change.subject, SubjectCount())
            if (change.kind, change.subject) not in seen_subjects:
                seen_subjects.add((change.kind, change.subject))
                sub.complaints += 1
                if len(sub.examples) < self.examples:
                    sub.examples.append(item.line)
            if change.shift_seconds is not None:
                s = change.shift_seconds
                sub.shift_min = s if sub.shift_min is None else min(sub.shift_min, s)
                sub.shift_max = s if sub.shift_max is None else max(sub.shift_max, s)

    def report(self, old: Versions, new: Versions, history: str | None = None) -> ImpactReport:
        order = list(CHANGE_KINDS)
        kinds = {
            k: (self._kinds[k][0], tuple(self._kinds[k][1]))
            for k in sorted(self._kinds, key=order.index)
        }
        subjects = {
            k: dict(sorted(self._subjects[k].items(), key=lambda kv: (-kv[1].complaints, kv[0])))
            for k in kinds
        }
        return ImpactReport(
            old=_ref(old),
            new=_ref(new),
            history=history,
            lines=self.lines,
            blank=self.blank,
            decided=self.decided,
            bad=self.bad,
            changed=self.changed,
            kinds=kinds,
            subjects=subjects,
            bad_lines=tuple(self._bad),
        )


def impact(
    old: Versions,
    new: Versions,
    lines: Iterable[str | bytes],
    *,
    at: datetime | str | None = None,
    estimate: bool = False,
    workers: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    file: str | None = None,
    examples: int = 5,
) -> ImpactReport:
    """The :class:`ImpactReport` of changing ``old`` to ``new`` on a history of JSON lines."""
    tally = ImpactTally(examples=examples)
    for item in impact_lines(
        old, new, lines, at=at, estimate=estimate, workers=workers, chunk_size=chunk_size, file=file
    ):
        tally.add(item)
    return tally.report(old, new, file)
