"""Complaints drawn from a compiled policy's own vocabulary, facts and conditions.

Every value comes from the policy: each channel, category, level and finding (by id, or
by a label or alias the policy declares), every fact with a value of its declared type
(numbers near the thresholds the policy's conditions and approval limits name, instants at
or after receipt), and the instant of receipt from :mod:`._instants`. What is drawn is
what :func:`complaint_rules.decision.complaint.parse_complaint` accepts, so the strategy cannot
drift from validation without a test failing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from ..policy.compiled import CompiledPolicy
from ..policy.model import Fact, Money, Term
from ._hypothesis import st
from ._instants import received_instants
from ._spelling import accepted_spellings

__all__ = ["complaints"]

_NUMBER_OPS = ("eq", "ne", "gt", "gte", "lt", "lte")
_COMBINATORS = ("all", "any")


def _conditions(policy: CompiledPolicy) -> Iterator[Mapping[str, Any]]:
    model = policy.policy
    if model.classification is not None:
        yield from (row.when for row in model.classification.rows)
    for rule in model.rules:
        if rule.when is not None:
            yield rule.when
        for penalty in rule.penalties:
            yield from (item.when for item in penalty.sanctions if item.when is not None)


def _numbers(cond: Any, facts: Mapping[str, Fact], out: dict[str, set[Decimal]]) -> None:
    """Collect the numbers each number fact is compared with in ``cond``."""
    if not isinstance(cond, Mapping):
        return
    for key, value in cond.items():
        if key in _COMBINATORS and isinstance(value, list):
            for item in value:
                _numbers(item, facts, out)
        elif key == "not":
            _numbers(value, facts, out)
        elif key in facts and facts[key].type in ("int", "decimal"):
            args = value.items() if isinstance(value, Mapping) else [("eq", value)]
            for op, arg in args:
                if op in _NUMBER_OPS and not isinstance(arg, bool):
                    try:
                        out[key].add(Decimal(str(arg)))
                    except ArithmeticError:
                        continue


def _limits(money: Money, policy: CompiledPolicy) -> list[Decimal]:
    if money.parameter is None:
        return [v for v in (money.min, money.max) if v is not None]
    param = next((p for p in policy.policy.parameters if p.id == money.parameter), None)
    return [] if param is None or param.value is None else [param.value]


def _thresholds(policy: CompiledPolicy) -> dict[str, list[Decimal]]:
    facts = {f.id: f for f in policy.policy.facts}
    out: dict[str, set[Decimal]] = {f: set() for f in facts}
    for cond in _conditions(policy):
        _numbers(cond, facts, out)
    for rule in policy.policy.rules:
        for approval in rule.approvals:
            for tier in approval.tiers:
                limits = _limits(tier.limit_yuan, policy)
                if approval.amount_fact in out:
                    out[approval.amount_fact].update(limits)
                if tier.earlier_total in out:
                    # What was approved earlier: nothing, or enough to reach the limit.
                    out[tier.earlier_total].update([Decimal(0), *limits])
    return {fact: sorted(values) for fact, values in out.items()}


def _spellings(policy: CompiledPolicy, key: str, terms: tuple[Term, ...]) -> st.SearchStrategy[str]:
    """A term (shrinks to the first) by its id, or by a label or alias the complaint parser
    accepts (it refuses, e.g., control characters)."""
    by_term = []
    for term in terms:
        others = accepted_spellings(policy, key, [term.label, *term.aliases])
        # The id half the time (and first, so that it shrinks to it).
        by_term.append(st.sampled_from([term.id] * max(1, len(others)) + others))
    return st.integers(min_value=0, max_value=len(terms) - 1).flatmap(by_term.__getitem__)


def _finding_id(policy: CompiledPolicy) -> Callable[[str], str]:
    def finding_id(name: str) -> str:
        term = policy.findings.find(name)
        return name if term is None else term.id

    return finding_id


def _number(fact: Fact, near: list[Decimal]) -> st.SearchStrategy[Any]:
    low = fact.minimum if fact.minimum is not None else 0
    if fact.type == "int":
        close = sorted({int(n) + d for n in near for d in (-1, 0, 1)} | {low, low + 1})
        ints = [n for n in close if n >= low]
        return st.one_of(st.sampled_from(ints), st.integers(min_value=low, max_value=low + 10_000))
    step = Decimal("0.01")
    close_d = sorted({n + d for n in near for d in (-step, Decimal(0), step)} | {Decimal(low)})
    # A host sends money as a decimal string or a whole number.
    texts: list[Any] = [str(n) for n in close_d if n >= low]
    texts += [int(n) for n in close_d if n >= low and n == n.to_integral_value()]
    free = st.decimals(min_value=low, max_value=low + 1_000_000, places=2, allow_nan=False)
    return st.one_of(st.sampled_from(texts), free.map(str))


_LATER = st.sampled_from([0, 1, 5, 60, 24 * 60, 3 * 24 * 60, 30 * 24 * 60, 90 * 24 * 60])
"""Minutes after receipt for a datetime fact (an instant after receipt: a departure, ...)."""


def _fact_value(fact: Fact, near: list[Decimal]) -> st.SearchStrategy[Any]:
    if fact.type == "bool":
        return st.booleans()
    if fact.type == "datetime":
        return _LATER.map(lambda m: timedelta(minutes=m))
    return _number(fact, near)


def complaints(
    policy: CompiledPolicy, *, received_at: st.SearchStrategy[datetime] | None = None
) -> st.SearchStrategy[dict[str, Any]]:
    """Complaints (as a host sends them, a JSON-ready dict) valid for ``policy``.

    ``received_at`` replaces the instants of receipt (aware datetimes). A complaint
    shrinks to its first channel and category (by id), its first level where the policy
    takes one, no findings, no facts, received at 09:00 on a plain working day.
    """
    if not isinstance(policy, CompiledPolicy):
        raise TypeError(f"policy must be a CompiledPolicy, not {type(policy).__name__}")
    model = policy.policy
    vocab = model.vocabulary
    if not vocab.channels or not vocab.categories:
        raise ValueError(f"policy {policy.id!r} declares no channels or categories to draw from")
    instants = received_at if received_at is not None else received_instants(policy)
    thresholds = _thresholds(policy)
    roles = vocab.roles
    channels = _spellings(policy, "channel", vocab.channels)
    categories = _spellings(policy, "category", vocab.categories)
    levels = _spellings(policy, "level", vocab.levels) if vocab.levels else st.nothing()
    findings = (
        st.lists(
            _spellings(policy, "findings", vocab.findings),
            max_size=3,
            unique_by=_finding_id(policy),
        )
        if vocab.findings
        else st.just([])
    )
    counts = st.sampled_from([1, 2, 3, 1_000_000])
    some_roles = (
        st.lists(_spellings(policy, "roles", roles), min_size=1, max_size=2)
        if roles and vocab.findings
        else st.just([])
    )
    forms = st.sampled_from(["name", "count", "roles"] if roles else ["name", "count"])
    private = st.sampled_from(
        [{}, {"id": "C-0001", "complainant": "王小明", "text": "櫃面服務態度差"}]
    )
    facts = model.facts
    fact_values = [_fact_value(fact, thresholds[fact.id]) for fact in facts]

    def finding_item(draw: st.DrawFn, name: str) -> Any:
        form = draw(forms)
        if form == "name":
            return name
        item: dict[str, Any] = {"finding": name, "count": draw(counts)}
        if form == "roles":
            item["roles"] = draw(some_roles)
        return item

    @st.composite
    def draw_complaint(draw: st.DrawFn) -> dict[str, Any]:
        received = draw(instants)
        complaint: dict[str, Any] = {
            "received_at": received.isoformat(),
            "channel": draw(channels),
            "category": draw(categories),
        }
        takes_level = policy.level_input == "required" or (
            policy.level_input == "optional" and draw(st.booleans())
        )
        if vocab.levels and takes_level:
            complaint["level"] = draw(levels)
        chosen = draw(findings)
        if chosen:
            complaint["findings"] = [finding_item(draw, name) for name in chosen]
        # One draw says which facts are given (shrinking to none), then one per fact given.
        given = draw(st.integers(min_value=0, max_value=2 ** len(facts) - 1)) if facts else 0
        for i, fact in enumerate(facts):
            if given >> i & 1:
                value = draw(fact_values[i])
                is_time = isinstance(value, timedelta)
                complaint[fact.id] = (received + value).isoformat() if is_time else value
        complaint.update(draw(private))
        return complaint

    return draw_complaint()
