"""Conditions: data, not code. Their grammar, checked, and compiled to predicates.

A condition is a mapping; its keys are ANDed in order and evaluation stops at the first
that is false::

    when:
      channel: [media, letter]          # any of these channels
      category: {not_in: [anonymous]}
      level: {at_least: complex}        # levels are ordered, mildest first
      finding: [late_opening]           # the investigation established any of these
      anonymous: true                   # a bool fact
      complainant_count: {gte: 20}      # an int fact
      requested_by: {given: true}       # a fact the host did or did not give
      any: [{...}, {...}]               # combinators: any, all, not

Evaluation is three-valued: a fact the complaint does not give (and that has no default)
is unknown, and a rule whose condition depends on it cannot be decided.

:func:`check_condition` and :func:`explain_condition` say which part of a condition was
false or unknown for a complaint (for explanations), testing each part with the same
compiler.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .errors import PolicyError, Problem

__all__ = [
    "COMBINATORS",
    "LEVEL_OPS",
    "NUM_OPS",
    "SET_OPS",
    "VOCAB_KEYS",
    "CompiledCondition",
    "ConditionContext",
    "Facts",
    "PartCheck",
    "Subject",
    "check_condition",
    "compile_condition",
    "explain_condition",
]

Path = tuple[str | int, ...]
Facts = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Subject:
    """What a condition sees of a complaint."""

    channel: str
    category: str
    level: str | None
    findings: frozenset[str]
    facts: Facts


Result = bool | None
Predicate = Callable[[Subject], Result]


@dataclass(frozen=True, slots=True)
class CompiledCondition:
    """A predicate plus the facts it may read (for explanations and error messages)."""

    test: Predicate
    facts: frozenset[str]


@dataclass(frozen=True, slots=True)
class ConditionContext:
    """The vocabulary a condition may name."""

    channels: frozenset[str]
    categories: frozenset[str]
    levels: tuple[str, ...]
    findings: frozenset[str]
    fact_types: Mapping[str, str]


def _closest(word: str, allowed: Sequence[str]) -> str:
    import difflib

    match = difflib.get_close_matches(word, list(allowed), n=1)
    hint = f"; did you mean {match[0]!r}?" if match else ""
    return f"allowed: {', '.join(sorted(allowed))}{hint}"


# The grammar's keywords; the JSON Schema (complaint_rules.schema) is built from these.
COMBINATORS = ("all", "any", "not")
VOCAB_KEYS = ("channel", "category", "level", "finding")
SET_OPS = ("in", "not_in")
LEVEL_OPS = ("in", "not_in", "at_least", "at_most")
NUM_OPS = ("eq", "ne", "gt", "gte", "lt", "lte", "given")


class _Compiler:
    def __init__(self, ctx: ConditionContext) -> None:
        self.ctx = ctx
        self.problems: list[Problem] = []
        self.facts: set[str] = set()

    def fail(self, path: Path, message: str) -> Predicate:
        self.problems.append(Problem(message=message, path=path))
        return _never

    def compile(self, cond: Any, path: Path) -> Predicate:
        if not isinstance(cond, Mapping) or not cond:
            return self.fail(path, "a condition is a non-empty mapping of field to value")
        parts = [self.part(str(key), value, (*path, str(key))) for key, value in cond.items()]
        return parts[0] if len(parts) == 1 else _all(parts)

    def part(self, key: str, value: Any, path: Path) -> Predicate:
        if key in ("all", "any"):
            if not isinstance(value, list) or not value:
                return self.fail(path, f"'{key}' takes a non-empty list of conditions")
            subs = [self.compile(item, (*path, i)) for i, item in enumerate(value)]
            return _all(subs) if key == "all" else _any(subs)
        if key == "not":
            return _not(self.compile(value, path))
        if key in VOCAB_KEYS:
            return self.vocab(key, value, path)
        if key in self.ctx.fact_types:
            self.facts.add(key)
            return self.fact(key, self.ctx.fact_types[key], value, path)
        allowed = [*COMBINATORS, *VOCAB_KEYS, *self.ctx.fact_types]
        return self.fail(path, f"unknown condition field {key!r}; {_closest(key, allowed)}")

    def vocab(self, key: str, value: Any, path: Path) -> Predicate:
        allowed: Sequence[str] = {
            "channel": sorted(self.ctx.channels),
            "category": sorted(self.ctx.categories),
            "level": self.ctx.levels,
            "finding": sorted(self.ctx.findings),
        }[key]
        ops = LEVEL_OPS if key == "level" else SET_OPS
        if isinstance(value, Mapping):
            if len(value) != 1:
                return self.fail(path, f"use exactly one of: {', '.join(ops)}")
            op, arg = next(iter(value.items()))
            if op not in ops:
                return self.fail(path, f"unknown operator {op!r}; {_closest(str(op), ops)}")
            path = (*path, op)
        else:
            op, arg = "in", value
        if op in ("at_least", "at_most"):
            if not self.ids([arg], allowed, path):
                return _never
            rank = self.ctx.levels.index(arg)
            order = self.ctx.levels
            if op == "at_least":
                return lambda s: s.level is not None and order.index(s.level) >= rank
            return lambda s: s.level is not None and order.index(s.level) <= rank
        items = arg if isinstance(arg, list) else [arg]
        if not items or not self.ids(items, allowed, path):
            return self.fail(path, "name one or more values") if not items else _never
        chosen = frozenset(items)
        negate = op == "not_in"
        if key == "finding":
            return (
                (lambda s: not (s.findings & chosen))
                if negate
                else (lambda s: bool(s.findings & chosen))
            )
        attr = key

        def test(s: Subject) -> Result:
            got = getattr(s, attr)
            return (got not in chosen) if negate else (got in chosen)

        return test

    def ids(self, items: list[Any], allowed: Sequence[str], path: Path) -> bool:
        ok = True
        for i, item in enumerate(items):
            if not isinstance(item, str) or item not in allowed:
                where = (*path, i) if len(items) > 1 else path
                self.fail(where, f"{item!r} is not declared; {_closest(str(item), allowed)}")
                ok = False
        return ok

    def fact(self, name: str, kind: str, value: Any, path: Path) -> Predicate:
        if not isinstance(value, Mapping):
            value = {"eq": value}
        if len(value) != 1:
            return self.fail(path, f"use exactly one of: {', '.join(NUM_OPS)}")
        op, arg = next(iter(value.items()))
        if op not in NUM_OPS:
            return self.fail(path, f"unknown operator {op!r}; {_closest(str(op), NUM_OPS)}")
        path = (*path, op)
        if op == "given":
            if not isinstance(arg, bool):
                return self.fail(path, "'given' takes true or false")
            return lambda s: (name in s.facts and s.facts[name] is not None) == arg
        if kind == "bool":
            if op not in ("eq", "ne") or not isinstance(arg, bool):
                return self.fail(path, f"fact {name!r} is a bool: compare with true or false")
        elif kind in ("int", "decimal"):
            if isinstance(arg, bool) or not isinstance(arg, int | str):
                return self.fail(path, f"fact {name!r} is a number: compare with a number")
            try:
                arg = Decimal(str(arg))
            except ArithmeticError:
                return self.fail(path, f"{arg!r} is not a number")
        else:
            return self.fail(path, f"fact {name!r} ({kind}) can only be tested with 'given'")
        compare = _COMPARE[op]

        def test(s: Subject) -> Result:
            got = s.facts.get(name)
            return None if got is None else compare(got, arg)

        return test


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "eq": lambda a, b: bool(a == b),
    "ne": lambda a, b: bool(a != b),
    "gt": lambda a, b: bool(a > b),
    "gte": lambda a, b: bool(a >= b),
    "lt": lambda a, b: bool(a < b),
    "lte": lambda a, b: bool(a <= b),
}


def _never(_: Subject) -> Result:
    return False


def _all(parts: list[Predicate]) -> Predicate:
    def test(s: Subject) -> Result:
        unknown = False
        for part in parts:
            got = part(s)
            if got is False:
                return False
            if got is None:
                unknown = True
        return None if unknown else True

    return test


def _any(parts: list[Predicate]) -> Predicate:
    def test(s: Subject) -> Result:
        unknown = False
        for part in parts:
            got = part(s)
            if got is True:
                return True
            if got is None:
                unknown = True
        return None if unknown else False

    return test


def _not(part: Predicate) -> Predicate:
    def test(s: Subject) -> Result:
        got = part(s)
        return None if got is None else not got

    return test


def compile_condition(
    cond: Any, ctx: ConditionContext, path: Path
) -> tuple[CompiledCondition, list[Problem]]:
    """Check ``cond`` against ``ctx`` and compile it; problems carry paths below ``path``."""
    compiler = _Compiler(ctx)
    test = compiler.compile(cond, path)
    return CompiledCondition(test=test, facts=frozenset(compiler.facts)), compiler.problems


# --- explaining a condition ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PartCheck:
    """One part of a condition tested against a complaint: what it needs, what it got.

    ``field`` is ``channel``, ``category``, ``level``, ``finding``, a fact id, or the
    combinator ``all``/``any``/``not``; ``op`` its operator (``in``, ``not_in``,
    ``at_least``, ``at_most``, ``eq``, ``ne``, ``gt``, ``gte``, ``lt``, ``lte``, ``given``;
    the combinator's name for a combinator); ``expected`` the ids or the value named;
    ``actual`` the complaint's value (a sorted tuple of findings; ``None`` when not given).
    ``result`` is the compiled predicate's answer. A combinator's ``groups`` hold the check
    of every part of each sub-condition (one group for ``not``).
    """

    path: Path
    field: str
    op: str
    expected: tuple[Any, ...]
    actual: Any
    result: Result
    groups: tuple[tuple[PartCheck, ...], ...] = ()


def check_condition(
    cond: Mapping[str, Any], subject: Subject, ctx: ConditionContext, path: Path = ()
) -> tuple[PartCheck, ...]:
    """Test every top-level part of ``cond`` on its own, with the compiler that decides.

    Each part is compiled alone by :func:`compile_condition` and tested, so the answers
    cannot drift from the engine's. Raises :class:`~complaint_rules.errors.PolicyError`
    if ``cond`` does not compile against ``ctx``.
    """
    if not isinstance(cond, Mapping) or not cond:
        _compile_or_raise(cond, ctx, path)
    return tuple(
        _check_part(str(key), value, subject, ctx, (*path, str(key))) for key, value in cond.items()
    )


def explain_condition(
    cond: Mapping[str, Any], subject: Subject, ctx: ConditionContext, path: Path = ()
) -> tuple[PartCheck, ...]:
    """The parts of ``cond`` that make it not hold for ``subject``.

    If any part is false, the false parts (the condition is false); otherwise the parts
    whose facts are unknown (the condition is unknown); ``()`` when it holds.
    """
    checks = check_condition(cond, subject, ctx, path)
    false = tuple(c for c in checks if c.result is False)
    return false or tuple(c for c in checks if c.result is None)


def _compile_or_raise(cond: Any, ctx: ConditionContext, path: Path) -> CompiledCondition:
    compiled, problems = compile_condition(cond, ctx, path)
    if problems:
        raise PolicyError(problems)
    return compiled


def _check_part(
    key: str, value: Any, subject: Subject, ctx: ConditionContext, path: Path
) -> PartCheck:
    result = _compile_or_raise({key: value}, ctx, path[:-1]).test(subject)
    if key in ("all", "any"):
        groups = tuple(
            check_condition(item, subject, ctx, (*path, i)) for i, item in enumerate(value)
        )
        return PartCheck(path, key, key, (), None, result, groups)
    if key == "not":
        return PartCheck(
            path, key, key, (), None, result, (check_condition(value, subject, ctx, path),)
        )
    op, arg = next(iter(value.items())) if isinstance(value, Mapping) else (None, value)
    if key in VOCAB_KEYS:
        op = op or "in"
        expected = tuple(arg) if isinstance(arg, list) else (arg,)
        actual: Any = tuple(sorted(subject.findings)) if key == "finding" else getattr(subject, key)
        return PartCheck(path, key, op, expected, actual, result)
    return PartCheck(path, key, op or "eq", (arg,), subject.facts.get(key), result)
