"""The finite input space of a compiled policy (or of two versions of one), by equivalence class.

A complaint has infinitely many spellings, but a policy only ever looks at a few things:
which channel, category and level; which findings; a handful of facts, each compared with
a few thresholds; and (for deadlines) the instant of receipt. Every dimension below has
one representative per class of values the policy cannot tell apart:

- ``channel``, ``category``: every declared value; ``level`` too, where the complaint
  gives it (with "not given" where it is optional); where it is classified, the level is
  worked out from the classification rows' dimensions and is not a dimension itself.
- ``finding:<id>``: absent or present (once) for each finding a condition tests;
  ``findings:other``: none, or one of the findings no condition tests (each once:
  penalties are per finding, so one at a time shows each).
- ``fact:<id>``: for a bool fact true / false / not given (not given is the default,
  where there is one); for an int or decimal fact each threshold a condition or an
  approval tier compares it with (for a tier's earlier total: 0 and the tier's limit),
  plus one value inside each open interval between them (respecting its ``minimum``),
  and not given; for a datetime fact given or not (given: ``k + 1`` days after receipt,
  ``k`` its index among the datetime facts). Facts no condition, deadline, report,
  penalty amount or headcount, or approval mentions are never given.
- ``received_at``: five instants of the published calendar (:data:`INSTANTS`).

The first value of each dimension is its *base*: the smallest complaint (no findings, no
facts, the first channel and category, an ordinary weekday). A sub-space varies some
dimensions and keeps the others at their base (:meth:`InputSpace.points`); that is how
lint and diff stay small: a rule's contribution depends only on the dimensions its
condition and elements read.
"""

from __future__ import annotations

import hashlib
import itertools
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from ..decision.engine import decide
from ..decision.model import Decision
from ..errors import ComplaintRulesError
from ..messages.catalogue import make_problem
from ..policy.compiled import CompiledPolicy, compile_policy
from ..policy.conditions import Subject
from ..policy.model import ELEMENT_SINGULAR, Term

_PLURAL = {"channel": "channels", "category": "categories", "level": "levels"}
_PLURAL_KIND = {v: k for k, v in ELEMENT_SINGULAR.items()}

__all__ = [
    "DEFAULT_LIMIT",
    "INSTANTS",
    "Decider",
    "Dimension",
    "InputSpace",
    "Key",
    "SpaceTooLarge",
    "condition_keys",
    "decidable",
    "input_space",
]

INSTANTS: tuple[tuple[str, str], ...] = (
    ("2026-03-10T10:00:00+08:00", "an ordinary weekday (Tue)"),
    ("2026-09-30T16:00:00+08:00", "the day before National Day (Oct 1-7 off)"),
    ("2026-09-20T10:00:00+08:00", "a make-up workday (Sun)"),
    ("2026-07-31T10:00:00+08:00", "a month end (Fri)"),
    ("2025-12-31T10:00:00+08:00", "a year end (Wed, before New Year)"),
)
"""The representative instants of receipt, all inside the published holiday schedule."""

DEFAULT_LIMIT = 100_000
"""The most complaints :meth:`InputSpace.points` enumerates before refusing."""

Point = tuple[Any, ...]

_VOCAB = ("channel", "category", "level")


class SpaceTooLarge(ComplaintRulesError):
    """An input space with more complaints than the limit; sample it instead."""

    def __init__(self, what: str, size: int, limit: int, factors: str) -> None:
        self.size = size
        self.limit = limit
        self.problem = make_problem(
            "toolkit.space_too_large",
            what=what,
            size=f"{size:,}",
            limit=f"{limit:,}",
            factors=factors,
        )
        """The same, as a problem to be said in the officer's language."""
        super().__init__(self.problem.message)


@dataclass(frozen=True)
class Dimension:
    """One thing a complaint varies in, with one representative value per class.

    ``key`` is ``received_at``, ``channel``, ``category``, ``level``, ``finding:<id>``,
    ``findings:other`` or ``fact:<id>``; ``values[0]`` is the base; ``None`` means not
    given (absent, for a finding).
    """

    key: str
    values: tuple[Any, ...]


def condition_keys(cond: Any) -> set[str]:
    """The dimension keys a raw condition reads (``level`` unexpanded; findings by id)."""
    keys: set[str] = set()

    def walk(node: Any) -> None:
        if not isinstance(node, Mapping):
            return
        for key, value in node.items():
            if key in ("all", "any"):
                for item in value if isinstance(value, list) else []:
                    walk(item)
            elif key == "not":
                walk(value)
            elif key in _VOCAB:
                keys.add(str(key))
            elif key == "finding":
                keys.update(f"finding:{f}" for f in _named(value))
            else:
                keys.add(f"fact:{key}")

    walk(cond)
    return keys


def _named(value: Any) -> list[str]:
    if isinstance(value, Mapping):
        value = next(iter(value.values()), [])
    items = value if isinstance(value, list) else [value]
    return [str(item) for item in items]


def _fact_thresholds(cond: Any, out: dict[str, set[Decimal]]) -> None:
    if not isinstance(cond, Mapping):
        return
    for key, value in cond.items():
        if key in ("all", "any"):
            for item in value if isinstance(value, list) else []:
                _fact_thresholds(item, out)
        elif key == "not":
            _fact_thresholds(value, out)
        elif key not in (*_VOCAB, "finding") and isinstance(value, Mapping):
            for op, arg in value.items():
                if op != "given" and not isinstance(arg, bool) and isinstance(arg, int | str):
                    try:
                        out.setdefault(str(key), set()).add(Decimal(str(arg)))
                    except ArithmeticError:
                        continue


def _conditions(cp: CompiledPolicy) -> Iterator[Any]:
    """Every raw condition of a policy: rules, classification rows, sanctions."""
    policy = cp.policy
    for rule in policy.rules:
        if rule.when is not None:
            yield rule.when
        for penalty in rule.penalties:
            for item in penalty.sanctions:
                if item.when is not None:
                    yield item.when
    if policy.classification is not None:
        for row in policy.classification.rows:
            yield row.when


def _representatives(
    thresholds: Sequence[Decimal], integer: bool, minimum: int | None
) -> list[Decimal]:
    """One value per class: each threshold, and one inside each open interval around them."""
    low_bound = Decimal(minimum) if minimum is not None else None
    if not thresholds:
        return [low_bound if low_bound is not None else Decimal(1)]
    ts = sorted(set(thresholds))
    out: list[Decimal] = []

    def interval(lo: Decimal | None, hi: Decimal | None) -> None:
        if integer:
            first = Decimal(math.floor(lo) + 1) if lo is not None else low_bound
            last = Decimal(math.ceil(hi) - 1) if hi is not None else None
            if lo is not None and low_bound is not None:
                first = max(first, low_bound) if first is not None else low_bound
            if first is not None and last is not None and first > last:
                return
            # next to the threshold: just above the lower end, else just below the upper
            rep = first if lo is not None else last
            assert rep is not None
            out.append(rep)
            return
        if lo is None:
            assert hi is not None
            rep = hi - 1
        elif hi is None:
            rep = lo + 1
        else:
            rep = (lo + hi) / 2
        if low_bound is not None and rep < low_bound:
            if (hi is not None and low_bound >= hi) or (lo is not None and low_bound <= lo):
                return
            rep = low_bound
        out.append(rep)

    interval(None, ts[0])
    for i, t in enumerate(ts):
        if (not integer or t == t.to_integral_value()) and (low_bound is None or t >= low_bound):
            out.append(t)
        interval(t, ts[i + 1] if i + 1 < len(ts) else None)
    return out


@dataclass(frozen=True)
class _FactInfo:
    id: str
    type: str


@dataclass(frozen=True)
class InputSpace:
    """The equivalence classes of complaints for one policy, or for two versions of one.

    Build it with :func:`input_space`. :meth:`complaints` iterates every complaint (as a
    dict ``decide`` accepts), refusing with :class:`SpaceTooLarge` above ``limit`` unless
    asked to ``sample``; :meth:`points` does the same for a sub-space.
    """

    policies: tuple[CompiledPolicy, ...]
    dimensions: tuple[Dimension, ...]
    facts: dict[str, _FactInfo]
    level_keys: frozenset[str]
    finding_order: tuple[str, ...]
    _index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({d.key: i for i, d in enumerate(self.dimensions)})

    # -- size and enumeration ---------------------------------------------------------

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(d.key for d in self.dimensions)

    def dimension(self, key: str) -> Dimension:
        return self.dimensions[self._index[key]]

    def size(self, keys: Iterable[str] | None = None) -> int:
        """How many complaints :meth:`points` gives for ``keys`` (all dimensions if None)."""
        return math.prod(len(d.values) for d in self._varied(keys))

    def factors(self, keys: Iterable[str] | None = None) -> str:
        """The size as a product, e.g. ``channel 7 × category 8 × received_at 5``."""
        dims = self._varied(keys)
        return " × ".join(f"{d.key} {len(d.values)}" for d in dims) or "one complaint"

    def _varied(self, keys: Iterable[str] | None) -> list[Dimension]:
        if keys is None:
            return list(self.dimensions)
        wanted = set(keys)
        return [d for d in self.dimensions if d.key in wanted]

    def base(self) -> Point:
        return tuple(d.values[0] for d in self.dimensions)

    def points(
        self,
        keys: Iterable[str] | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        sample: int | None = None,
        seed: int = 0,
        what: str | None = None,
    ) -> Iterator[Point]:
        """Every point varying ``keys`` (others at their base), in a fixed order.

        Above ``limit`` points this raises :class:`SpaceTooLarge`, unless ``sample`` asks
        for that many points chosen deterministically (the same ones for the same seed).
        """
        varied = self._varied(keys)
        size = math.prod(len(d.values) for d in varied)
        if size > limit and sample is None:
            label = what or f"policy {', '.join(dict.fromkeys(p.id for p in self.policies))}"
            raise SpaceTooLarge(label, size, limit, self.factors(keys))
        positions = [self._index[d.key] for d in varied]
        base = list(self.base())
        if sample is not None and sample < size:
            indices: Iterable[int] = _sample_indices(size, sample, seed)
        else:
            indices = range(size)
        radices = [len(d.values) for d in varied]
        for index in indices:
            point = list(base)
            rest = index
            for pos, dim, radix in zip(
                reversed(positions), reversed(varied), reversed(radices), strict=True
            ):
                rest, digit = divmod(rest, radix)
                point[pos] = dim.values[digit]
            yield tuple(point)

    def complaints(
        self,
        *,
        limit: int = DEFAULT_LIMIT,
        sample: int | None = None,
        seed: int = 0,
        policy: CompiledPolicy | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Every complaint of the whole space for ``policy`` (default: the first one).

        Complaints the policy cannot take (a channel only the other version has) are
        left out.
        """
        target = policy or self.policies[0]
        for point in self.points(limit=limit, sample=sample, seed=seed):
            complaint = self.complaint(point, target)
            if complaint is not None:
                yield complaint

    # -- one point ----------------------------------------------------------------------

    def value(self, point: Point, key: str) -> Any:
        index = self._index.get(key)
        return None if index is None else point[index]

    def weight(self, point: Point) -> int:
        """How many findings and facts the point gives (its size as an example)."""
        return sum(
            1
            for d, v in zip(self.dimensions, point, strict=True)
            if d.key.startswith(("finding", "fact:")) and v is not None
        )

    def received_at(self, point: Point) -> str:
        value = self.value(point, "received_at")
        return str(value if value is not None else INSTANTS[0][0])

    def complaint(
        self, point: Point, policy: CompiledPolicy | None = None
    ) -> dict[str, Any] | None:
        """The complaint dict of ``point`` for ``policy`` (None: for every version at once).

        None when the policy cannot take it: a channel, category or level it does not
        declare. Findings and facts it does not declare are left out.
        """
        received = self.received_at(point)
        out: dict[str, Any] = {"received_at": received}
        for key in ("channel", "category"):
            value = self.value(point, key)
            terms = None if policy is None else getattr(policy, _PLURAL[key]).terms
            if terms and value not in terms:
                return None
            out[key] = value
        if "level" in self._index:
            level = self.value(point, "level")
            if policy is None:
                if level is not None:
                    out["level"] = level
            elif policy.level_input != "forbidden":
                if level is None and policy.level_input == "required":
                    return None
                if level is not None and level not in policy.levels.terms:
                    return None
                if level is not None:
                    out["level"] = level
        findings = [f for f in self.findings(point) if policy is None or f in policy.findings.terms]
        if findings:
            out["findings"] = findings
        declared = None if policy is None else {f.id: f.type for f in policy.policy.facts}
        for key, value in self._fact_values(point, received):
            if declared is None or declared.get(key) == self.facts[key].type:
                out[key] = value
        return out

    def findings(self, point: Point) -> list[str]:
        present = {
            d.key.removeprefix("finding:")
            for d, v in zip(self.dimensions, point, strict=True)
            if d.key.startswith("finding:") and v
        }
        other = self.value(point, "findings:other")
        if other is not None:
            present.add(str(other))
        return [f for f in self.finding_order if f in present]

    def _fact_values(self, point: Point, received: str) -> Iterator[tuple[str, Any]]:
        datetime_rank = 0
        for d, v in zip(self.dimensions, point, strict=True):
            if not d.key.startswith("fact:"):
                continue
            fact = self.facts[d.key.removeprefix("fact:")]
            if fact.type == "datetime":
                datetime_rank += 1
                if v is not None:
                    at = datetime.fromisoformat(received) + timedelta(days=datetime_rank)
                    yield fact.id, at.isoformat()
            elif v is not None:
                if fact.type == "int":
                    yield fact.id, int(v)
                elif fact.type == "decimal":
                    yield fact.id, str(v)
                else:
                    yield fact.id, v

    def subject(self, point: Point, policy: CompiledPolicy) -> Subject | None:
        """What ``policy``'s conditions see of ``point`` (level classified), or None."""
        complaint = self.complaint(point, policy)
        if complaint is None:
            return None
        facts: dict[str, Any] = {}
        for fact in policy.policy.facts:
            value = complaint.get(fact.id)
            if value is None:
                if fact.default is not None:
                    facts[fact.id] = fact.default
                continue
            if fact.type == "datetime":
                facts[fact.id] = datetime.fromisoformat(value)
            elif fact.type in ("int", "decimal"):
                facts[fact.id] = value if fact.type == "int" else Decimal(value)
            else:
                facts[fact.id] = value
        subject = Subject(
            channel=complaint["channel"],
            category=complaint["category"],
            level=complaint.get("level"),
            findings=frozenset(complaint.get("findings", ())),
            facts=facts,
        )
        if policy.level_input == "forbidden" and policy.classification:
            subject = Subject(
                channel=subject.channel,
                category=subject.category,
                level=classify(policy, subject),
                findings=subject.findings,
                facts=subject.facts,
            )
        return subject

    # -- dependencies -------------------------------------------------------------------

    def keys_of(self, cond: Any) -> set[str]:
        """The dimensions a raw condition depends on, the level expanded where classified."""
        keys = condition_keys(cond)
        if "level" in keys:
            keys.discard("level")
            keys |= self.level_keys
        return self.known(keys)

    def finding_key(self, finding: str) -> str:
        own = f"finding:{finding}"
        return own if own in self._index else "findings:other"

    def known(self, keys: Iterable[str]) -> set[str]:
        """``keys`` that are dimensions of this space (findings mapped to their dimension)."""
        return _known(keys, set(self._index))

    def describe(
        self,
        points: Sequence[Point],
        keys: Iterable[str],
        within: Sequence[Point] | None = None,
    ) -> list[tuple[str, list[Any]]]:
        """For each of ``keys`` the values ``points`` take, where they do not take every value
        (of the dimension, or that the points ``within`` take)."""
        wanted = set(keys)
        out = []
        for key in self.keys:
            if key not in wanted:
                continue
            dim = self.dimension(key)
            taken = {self.value(p, key) for p in points}
            possible = dim.values if within is None else {self.value(p, key) for p in within}
            if len(taken) < len(set(possible)):
                out.append((key, [v for v in dim.values if v in taken]))
        return out


def classify(policy: CompiledPolicy, subject: Subject) -> str | None:
    """The level ``policy``'s first-match table gives (as the engine does), or None."""
    for _row, _article, level, cond in policy.classification:
        if cond.test(subject):
            return level
    table = policy.policy.classification
    return None if table is None else table.default


def _sample_indices(size: int, count: int, seed: int) -> list[int]:
    """``count`` distinct indices below ``size``, the same for the same seed, in order."""
    chosen: set[int] = set()
    n = 0
    while len(chosen) < count:
        digest = hashlib.sha256(f"{seed}:{n}".encode()).digest()
        chosen.add(int.from_bytes(digest[:16], "big") % size)
        n += 1
    return sorted(chosen)


def input_space(
    *policies: CompiledPolicy,
    instants: Sequence[str] | None = None,
) -> InputSpace:
    """The input space of ``policies`` (one, or the versions to compare: the union).

    ``instants`` replaces the representative instants of receipt (:data:`INSTANTS`).
    """
    if not policies:
        raise ValueError("input_space needs at least one policy")

    def union(get: Callable[[CompiledPolicy], Iterable[str]]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(itertools.chain.from_iterable(get(p) for p in policies)))

    conds = [c for p in policies for c in _conditions(p)]
    tested: set[str] = set()
    for cond in conds:
        tested |= condition_keys(cond)
    facts: dict[str, _FactInfo] = {}
    for p in policies:
        for fact in p.policy.facts:
            facts[fact.id] = _FactInfo(fact.id, fact.type)
    used_facts = {k.removeprefix("fact:") for k in tested if k.startswith("fact:")}
    thresholds: dict[str, set[Decimal]] = {}
    for cond in conds:
        _fact_thresholds(cond, thresholds)
    for p in policies:
        for rule in p.policy.rules:
            for deadline in rule.deadlines:
                used_facts.update(f for f in (deadline.starts, *deadline.until) if f in facts)
            for report in rule.reports:
                if report.starts in facts:
                    used_facts.add(report.starts)
            for penalty in rule.penalties:
                money = penalty.amount_yuan
                used_facts.update(
                    f
                    for f in (None if money is None else money.fact, penalty.headcount)
                    if f in facts
                )
            for approval in rule.approvals:
                used_facts.add(approval.amount_fact)
                for tier in approval.tiers:
                    limit = _limit(p, tier.limit_yuan)
                    if limit is not None:
                        thresholds.setdefault(approval.amount_fact, set()).add(limit)
                    if tier.earlier_total is not None:
                        # Nothing approved earlier, or the whole limit (the sum then exceeds it).
                        used_facts.add(tier.earlier_total)
                        earlier = thresholds.setdefault(tier.earlier_total, set())
                        earlier.update({Decimal(0)} if limit is None else {Decimal(0), limit})

    at = tuple(instants) if instants is not None else tuple(i for i, _ in INSTANTS)
    dims: list[Dimension] = [Dimension("received_at", at)]
    channels = union(lambda p: p.channels.terms)
    categories = union(lambda p: p.categories.terms)
    dims.append(Dimension("channel", channels or ("any_channel",)))
    dims.append(Dimension("category", categories or ("any_category",)))
    level_keys: set[str] = set()
    takes_level = [p for p in policies if p.level_input != "forbidden" and p.level_order]
    if takes_level:
        levels = union(lambda p: p.level_order if p.level_input != "forbidden" else ())
        optional = any(p.level_input == "optional" for p in takes_level)
        dims.append(Dimension("level", ((None,) if optional else ()) + levels))
        level_keys.add("level")
    for p in policies:
        if p.level_input == "forbidden" and p.policy.classification is not None:
            for row in p.policy.classification.rows:
                level_keys |= condition_keys(row.when) - {"level"}
    finding_order = union(lambda p: p.findings.terms)
    for finding in finding_order:
        if f"finding:{finding}" in tested:
            dims.append(Dimension(f"finding:{finding}", (None, True)))
    others = tuple(f for f in finding_order if f"finding:{f}" not in tested)
    if others:
        dims.append(Dimension("findings:other", (None, *others)))
    minimums = {f.id: f.minimum for p in policies for f in p.policy.facts}
    defaults = {f.id: f.default for p in policies for f in p.policy.facts}
    for fact_id in facts:
        if fact_id not in used_facts:
            continue
        kind = facts[fact_id].type
        values: tuple[Any, ...]
        if kind == "bool":
            default = defaults.get(fact_id)
            values = (None, True, False) if default is None else (None, not default)
        elif kind == "datetime":
            values = (None, "given")
        else:
            reps = _representatives(
                sorted(thresholds.get(fact_id, ())), kind == "int", minimums.get(fact_id)
            )
            values = (None, *reps)
        dims.append(Dimension(f"fact:{fact_id}", values))
    dim_keys = {d.key for d in dims}
    return InputSpace(
        policies=tuple(policies),
        dimensions=tuple(dims),
        facts={k: v for k, v in facts.items() if k in used_facts},
        level_keys=frozenset(_known(level_keys, dim_keys)),
        finding_order=finding_order,
    )


def _known(keys: Iterable[str], dim_keys: set[str]) -> set[str]:
    out = set()
    for key in keys:
        if key.startswith("finding:") and key not in dim_keys:
            key = "findings:other"
        if key in dim_keys:
            out.add(key)
    return out


def _limit(policy: CompiledPolicy, money: Any) -> Decimal | None:
    if money.parameter is None:
        return Decimal(money.max) if money.max is not None else None
    for param in policy.policy.parameters:
        if param.id == money.parameter and param.value is not None:
            return Decimal(param.value)
    return None


# --- deciding the points of a space -----------------------------------------------------

Key = tuple[str, str]


def _plain(value: Any) -> Any:
    """A dumped element with every {id, label} pair reduced to its id (labels are vocabulary)."""
    if isinstance(value, dict):
        if set(value) == {"id", "label"}:
            return value["id"]
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def part(decision: Decision, key: Key) -> list[Any]:
    """One comparable part of a decision: ``(kind, element id)`` or ``(kind, rule id)``."""
    kind, ident = key
    if kind == "level":
        level = decision.level
        if level is None:
            return []
        row = level.source.rule if level.source is not None else None
        return [{"id": level.id, "how": level.how, "row": row}]
    if kind == "rule":
        out: list[Any] = ["applies" for s in decision.matched_rules if s.rule == ident]
        return out + [
            "pending: needs " + ", ".join(p.needs)
            for p in decision.pending_rules
            if p.source.rule == ident
        ]
    if kind == "routing":
        return [
            {
                "duty": a.duty,
                "role": a.role.id,
                "or_roles": [r.id for r in a.or_roles],
                "note": a.note,
            }
            for a in decision.routing
            if a.source.rule == ident
        ]
    if kind == "conflict":
        return [
            _plain(c.model_dump(mode="json", exclude={"source"}))
            for c in decision.conflicts
            if c.id == ident
        ]
    if kind == "gap":
        return [{"about": g.about, "text": g.text} for g in decision.gaps if g.source.rule == ident]
    return [
        _plain(e.model_dump(mode="json", exclude={"source"}))
        for e in getattr(decision, _PLURAL_KIND[kind])
        if e.id == ident
    ]


def decidable(policy: CompiledPolicy) -> CompiledPolicy:
    """``policy``, or for an abstract layer a copy that decides with one placeholder
    channel and category (an abstract layer declares none of its own)."""
    if not policy.policy.abstract:
        return policy
    vocab = policy.policy.vocabulary
    probe = policy.policy.model_copy(
        update={
            "abstract": False,
            "extends": None,
            "vocabulary": vocab.model_copy(
                update={
                    "channels": vocab.channels or (Term(id="any_channel", label="(any channel)"),),
                    "categories": vocab.categories
                    or (Term(id="any_category", label="(any category)"),),
                }
            ),
        }
    )
    return compile_policy(probe)


class Decider:
    """Decisions of one or more policies over an input space, each point decided once,
    and what each policy's rule conditions say of a point (without deciding)."""

    def __init__(self, space: InputSpace, policies: Sequence[CompiledPolicy]) -> None:
        self.space = space
        self.policies = tuple(policies)
        self.runnable = tuple(decidable(p) for p in policies)
        self.rules = tuple({r.rule.id: r for r in p.rules} for p in policies)
        self.cache: dict[Point, tuple[Decision | None, ...]] = {}
        self.subjects: dict[tuple[Point, int], Subject | None] = {}

    def decisions(self, point: Point) -> tuple[Decision | None, ...]:
        got = self.cache.get(point)
        if got is None:
            out: list[Decision | None] = []
            for policy, runnable in zip(self.policies, self.runnable, strict=True):
                complaint = self.space.complaint(point, policy)
                out.append(
                    None if complaint is None else decide(runnable, complaint, estimate=True)
                )
            got = tuple(out)
            self.cache[point] = got
        return got

    def parts(self, point: Point, key: Key) -> tuple[list[Any] | None, ...]:
        """``key``'s part of each policy's decision (None: the policy cannot take it)."""
        return tuple(None if d is None else part(d, key) for d in self.decisions(point))

    def status(self, point: Point, index: int, rule_id: str | None) -> str:
        """Whether rule ``rule_id`` of policy ``index`` applies at ``point``, as the engine
        would find: ``applies``, ``pending``, ``no``, ``absent`` (no such rule), or
        ``refused`` (the policy cannot take the complaint)."""
        if (point, index) not in self.subjects:
            self.subjects[(point, index)] = self.space.subject(point, self.policies[index])
        subject = self.subjects[(point, index)]
        if subject is None:
            return "refused"
        rule = None if rule_id is None else self.rules[index].get(rule_id)
        if rule is None:
            return "absent"
        if rule.when is None:
            return "applies"
        got = rule.when.test(subject)
        return {True: "applies", False: "no", None: "pending"}[got]
