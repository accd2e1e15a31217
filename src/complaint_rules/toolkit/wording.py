"""Policy elements and points of an input space in words, for the officer's reports.

Used by :mod:`~complaint_rules.toolkit.diff` and :mod:`~complaint_rules.toolkit.lint`:
``3 working days``, ``50–200 yuan``, a condition in the policy's own flow style, and where
in an input space something shows (``category: 服務產品 (service_product)``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..policy.compiled import CompiledPolicy
from ..policy.model import Money, Period, Policy, Term
from .input_space import INSTANTS, InputSpace, Point

__all__ = [
    "by_id",
    "condition_text",
    "key_text",
    "labels",
    "money_text",
    "named",
    "period_text",
    "value_text",
    "where_text",
]

_PLURAL = {"channel": "channels", "category": "categories", "level": "levels"}
_UNIT_WORDS = {
    "minutes": "minutes",
    "hours": "hours",
    "calendar_days": "calendar days",
    "working_days": "working days",
}


def period_text(period: Period | None) -> str:
    """``3 working days``, ``7–10 working days``, ``the end of the month``."""
    if period is None:
        return "none"
    if period.unit == "end_of_month":
        return "the end of the month"
    low, high = period.bounds
    amount = str(low) if low == high else f"{low}–{high}"
    return f"{amount} {_UNIT_WORDS[period.unit]}"


def money_text(money: Money | None, policy: Policy | None = None) -> str:
    """``100 yuan``, ``50–200 yuan``, ``parameter vp_limit (副總權限): 500 yuan`` or ``blank``,
    ``fact loan_yuan (貸款全部本息)`` (an amount of the case)."""
    if money is None:
        return "no amount"
    if money.fact is not None:
        fact = None if policy is None else by_id(policy.facts).get(money.fact)
        return f"fact {named(fact, money.fact)}"
    if money.parameter is not None:
        param = None if policy is None else by_id(policy.parameters).get(money.parameter)
        if param is None:
            return f"parameter {money.parameter}"
        value = "blank" if param.value is None else f"{param.value} yuan"
        return f"parameter {param.id} ({param.label}): {value}"
    if money.min == money.max:
        return f"{money.min} yuan"
    return f"{money.min}–{money.max} yuan"


def condition_text(cond: Any) -> str:
    """A condition in the policy's own flow style: ``channel: [letter, visit], major: true``."""
    if cond is None:
        return "every complaint"

    def flow(value: Any) -> str:
        if isinstance(value, Mapping):
            return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(flow(v) for v in value) + "]"
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)

    return flow(cond)[1:-1] if isinstance(cond, Mapping) else flow(cond)


def by_id(items: Iterable[Any]) -> dict[str, Any]:
    return {item.id: item for item in items}


def named(term: Term | None, term_id: str) -> str:
    return f"{term.label} ({term_id})" if term is not None else term_id


def labels(cp: CompiledPolicy, kind: str, ids: Iterable[str]) -> str:
    lookup = getattr(cp, kind)
    out = [named(lookup.terms.get(i), i) for i in ids]
    return "、".join(out) if out else "none"


def value_text(space: InputSpace, cp: CompiledPolicy, key: str, value: Any) -> str:
    """One value of a dimension, for people."""
    if key == "received_at":
        words = dict(INSTANTS).get(str(value))
        return f"{value} ({words})" if words else str(value)
    if key in ("channel", "category", "level"):
        if value is None:
            return "not given"
        for policy in (cp, *space.policies):
            term = getattr(policy, _PLURAL[key]).terms.get(value)
            if term is not None:
                return named(term, value)
        return str(value)
    if key == "findings:other":
        if value is None:
            return "none"
        for policy in (cp, *space.policies):
            term = policy.findings.terms.get(value)
            if term is not None:
                return named(term, value)
        return str(value)
    if key.startswith("finding:"):
        return "present" if value else "absent"
    if value is None:
        return "not given"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def key_text(space: InputSpace, cp: CompiledPolicy, key: str) -> str:
    """A dimension's name, for people: ``category``, ``finding 遲到 (late)``, ``fact 匿名 (a)``."""
    if key.startswith("finding:"):
        finding = key.removeprefix("finding:")
        for policy in (cp, *space.policies):
            term = policy.findings.terms.get(finding)
            if term is not None:
                return f"finding {named(term, finding)}"
        return f"finding {finding}"
    if key == "findings:other":
        return "finding"
    if key.startswith("fact:"):
        fact_id = key.removeprefix("fact:")
        for policy in (cp, *space.policies):
            fact = by_id(policy.policy.facts).get(fact_id)
            if fact is not None:
                return f"fact {named(fact, fact_id)}"
        return f"fact {fact_id}"
    return key


def where_text(
    space: InputSpace,
    cp: CompiledPolicy,
    points: Sequence[Point],
    keys: Iterable[str],
    within: Sequence[Point] | None = None,
) -> tuple[str, ...]:
    """The values ``points`` take in each of ``keys`` (where not every value is taken)."""
    return tuple(
        f"{key_text(space, cp, key)}: " + ", ".join(value_text(space, cp, key, v) for v in values)
        for key, values in space.describe(points, keys, within)
    )
