"""Policy elements and points of an input space in words, for the officer's reports.

Used by :mod:`~complaint_rules.toolkit.diff` and :mod:`~complaint_rules.toolkit.lint`:
``3 working days``, ``50–200 yuan``, a condition in the policy's own flow style, and where
in an input space something shows (``category: 服務產品 (service_product)``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..messages.catalogue import MESSAGES, Lang
from ..policy.compiled import CompiledPolicy
from ..policy.model import Money, Period, Policy, Term
from ..policy.vocabulary import KEY_NAMES
from .input_space import INSTANTS, InputSpace, Point

__all__ = [
    "by_id",
    "condition_text",
    "key_name",
    "key_text",
    "labels",
    "money_text",
    "named",
    "period_text",
    "phrase",
    "value_text",
    "where_text",
    "yuan",
]

_PLURAL = {"channel": "channels", "category": "categories", "level": "levels"}


def phrase(code: str, lang: Lang, **args: object) -> str:
    """The catalogue's words ``code`` in ``lang``, filled with ``args`` as they are (ids and
    labels are never translated)."""
    return MESSAGES[code][lang].format(**args)


def _key_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for chinese, keys in KEY_NAMES.items():
        for key in keys:
            names.setdefault(key, chinese)
    return names


_KEY_NAMES = _key_names()
_HANS_KEY_NAMES: dict[str, str] = {}


def key_name(key: str, lang: Lang = "en") -> str:
    """A key of the policy format as the officer may write it in ``lang``: ``within`` is
    期限 in Chinese (:data:`~complaint_rules.policy.vocabulary.KEY_NAMES`); a key with no
    Chinese name, and every key in English, as it is."""
    chinese = _KEY_NAMES.get(key)
    if lang == "en" or chinese is None:
        return key
    if lang == "zh-Hans":
        if key not in _HANS_KEY_NAMES:
            from ..messages.simplified import to_simplified

            _HANS_KEY_NAMES[key] = to_simplified([chinese])[0]
        return _HANS_KEY_NAMES[key]
    return chinese


def _range(low: object, high: object, lang: Lang) -> str:
    return str(low) if low == high else phrase("diff.range", lang, low=low, high=high)


def period_text(period: Period | None, lang: Lang = "en") -> str:
    """``3 working days``, ``7–10 working days``, ``the end of the month``."""
    if period is None:
        return phrase("diff.none", lang)
    if period.unit == "end_of_month":
        return phrase("diff.unit.end_of_month", lang)
    low, high = period.bounds
    return phrase(f"diff.unit.{period.unit}", lang, n=_range(low, high, lang))


def yuan(amount: object, lang: Lang = "en") -> str:
    """``100 yuan``: an amount in words."""
    return phrase("diff.yuan", lang, amount=amount)


def money_text(money: Money | None, policy: Policy | None = None, lang: Lang = "en") -> str:
    """``100 yuan``, ``50–200 yuan``, ``parameter vp_limit (副總權限): 500 yuan`` or ``blank``,
    ``fact loan_yuan (貸款全部本息)`` (an amount of the case)."""
    if money is None:
        return phrase("diff.money.none", lang)
    if money.fact is not None:
        fact = None if policy is None else by_id(policy.facts).get(money.fact)
        return phrase("diff.money.fact", lang, fact=named(fact, money.fact))
    if money.parameter is not None:
        param = None if policy is None else by_id(policy.parameters).get(money.parameter)
        if param is None:
            return phrase("diff.money.parameter", lang, id=money.parameter)
        value = phrase("diff.blank", lang) if param.value is None else yuan(param.value, lang)
        return phrase(
            "diff.money.parameter_value", lang, id=param.id, label=param.label, value=value
        )
    return yuan(_range(money.min, money.max, lang), lang)


def condition_text(cond: Any, lang: Lang = "en") -> str:
    """A condition in the policy's own flow style: ``channel: [letter, visit], major: true``
    (in Chinese, the keys the format has Chinese names for by those names: 渠道, 類別 ...)."""
    if cond is None:
        return phrase("diff.every_complaint", lang)

    def flow(value: Any) -> str:
        if isinstance(value, Mapping):
            return (
                "{" + ", ".join(f"{key_name(k, lang)}: {flow(v)}" for k, v in value.items()) + "}"
            )
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


def labels(cp: CompiledPolicy, kind: str, ids: Iterable[str], lang: Lang = "en") -> str:
    lookup = getattr(cp, kind)
    out = [named(lookup.terms.get(i), i) for i in ids]
    return "、".join(out) if out else phrase("diff.none", lang)


def value_text(
    space: InputSpace, cp: CompiledPolicy, key: str, value: Any, lang: Lang = "en"
) -> str:
    """One value of a dimension, for people."""
    if key == "received_at":
        if str(value) not in dict(INSTANTS):
            return str(value)
        words = phrase(f"diff.instant.{value}", lang)
        return phrase("diff.instant", lang, value=value, words=words)
    if key in ("channel", "category", "level"):
        if value is None:
            return phrase("diff.not_given", lang)
        for policy in (cp, *space.policies):
            term = getattr(policy, _PLURAL[key]).terms.get(value)
            if term is not None:
                return named(term, value)
        return str(value)
    if key == "findings:other":
        if value is None:
            return phrase("diff.none", lang)
        for policy in (cp, *space.policies):
            term = policy.findings.terms.get(value)
            if term is not None:
                return named(term, value)
        return str(value)
    if key.startswith("finding:"):
        return phrase("diff.present" if value else "diff.absent", lang)
    if value is None:
        return phrase("diff.not_given", lang)
    if isinstance(value, bool):
        return phrase("diff.true" if value else "diff.false", lang)
    return str(value)


def key_text(space: InputSpace, cp: CompiledPolicy, key: str, lang: Lang = "en") -> str:
    """A dimension's name, for people: ``category``, ``finding 遲到 (late)``, ``fact 匿名 (a)``."""
    if key.startswith("finding:"):
        finding = key.removeprefix("finding:")
        for policy in (cp, *space.policies):
            term = policy.findings.terms.get(finding)
            if term is not None:
                return phrase("diff.key.finding", lang, finding=named(term, finding))
        return phrase("diff.key.finding", lang, finding=finding)
    if key == "findings:other":
        return phrase("diff.key.findings", lang)
    if key.startswith("fact:"):
        fact_id = key.removeprefix("fact:")
        for policy in (cp, *space.policies):
            fact = by_id(policy.policy.facts).get(fact_id)
            if fact is not None:
                return phrase("diff.key.fact", lang, fact=named(fact, fact_id))
        return phrase("diff.key.fact", lang, fact=fact_id)
    if key in ("received_at", "channel", "category", "level"):
        return phrase(f"diff.key.{key}", lang)
    return key


def where_text(
    space: InputSpace,
    cp: CompiledPolicy,
    points: Sequence[Point],
    keys: Iterable[str],
    within: Sequence[Point] | None = None,
    lang: Lang = "en",
) -> tuple[str, ...]:
    """The values ``points`` take in each of ``keys`` (where not every value is taken)."""
    sep = phrase("diff.sep", lang)
    return tuple(
        phrase(
            "diff.where_item",
            lang,
            key=key_text(space, cp, key, lang),
            values=sep.join(value_text(space, cp, key, v, lang) for v in values),
        )
        for key, values in space.describe(points, keys, within)
    )
