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
from typing import Any, NamedTuple

from .._generated import run_source
from ..errors import PolicyError, Problem
from ..messages.catalogue import make_problem

__all__ = [
    "COMBINATORS",
    "LEVEL_OPS",
    "NUM_OPS",
    "SET_OPS",
    "VOCAB_KEYS",
    "CompiledCondition",
    "ConditionContext",
    "Expr",
    "Facts",
    "PartCheck",
    "Subject",
    "build_function",
    "check_condition",
    "compile_condition",
    "explain_condition",
    "function_source",
]

Path = tuple[str | int, ...]
Facts = Mapping[str, Any]


class Subject(NamedTuple):
    """What a condition sees of a complaint (a named tuple: made once or twice per decision,
    it costs a quarter of a frozen dataclass)."""

    channel: str
    category: str
    level: str | None
    findings: frozenset[str]
    facts: Facts


Result = bool | None
Predicate = Callable[[Subject], Result]


@dataclass(frozen=True, slots=True)
class CompiledCondition:
    """A predicate plus the facts it may read (for explanations and error messages).

    ``test`` is generated Python (see :class:`Expr`): a condition costs what the same
    ``if`` written by hand costs. ``expr`` is its source, for building one function that
    tests many conditions at once (:mod:`complaint_rules.decision._fast.prepared`).
    """

    test: Predicate
    facts: frozenset[str]
    expr: Expr


@dataclass(frozen=True, slots=True)
class ConditionContext:
    """The vocabulary a condition may name."""

    channels: frozenset[str]
    categories: frozenset[str]
    levels: tuple[str, ...]
    findings: frozenset[str]
    fact_types: Mapping[str, str]


def _closest(word: str, allowed: Sequence[str]) -> dict[str, str]:
    """The ``choices`` of a message, sorted, and the ``nearest`` of them."""
    import difflib

    match = difflib.get_close_matches(word, list(allowed), n=1)
    return {
        "choices": ", ".join(sorted(allowed)) or "-",
        "nearest": repr(match[0]) if match else "",
    }


# The grammar's keywords; the JSON Schema (complaint_rules.policy.json_schema) is built from these.
COMBINATORS = ("all", "any", "not")
VOCAB_KEYS = ("channel", "category", "level", "finding")
SET_OPS = ("in", "not_in")
LEVEL_OPS = ("in", "not_in", "at_least", "at_most")
NUM_OPS = ("eq", "ne", "gt", "gte", "lt", "lte", "given")


@dataclass(frozen=True, slots=True)
class Expr:
    """A condition as two Python expressions over a complaint's values.

    ``true`` holds exactly when the condition is true, ``false`` exactly when it is false;
    neither holds when it is unknown (three-valued logic without a third value at run
    time). They read the locals ``ch``, ``cat``, ``lvl``, ``fnd`` (the findings, a
    frozenset) and ``f_<fact>`` (each fact's value or ``None``), and the names in
    ``constants``. Ids and fact names are checked identifiers and every literal is written
    with :func:`repr`, so no policy text reaches the generated code unquoted.
    """

    true: str
    false: str
    constants: Mapping[str, Any]


_NEVER = Expr("False", "True", {})


def _and(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else "(" + " and ".join(parts) + ")"


def _or(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else "(" + " or ".join(parts) + ")"


def _merge(parts: Sequence[Expr]) -> dict[str, Any]:
    constants: dict[str, Any] = {}
    for part in parts:
        constants.update(part.constants)
    return constants


def _all(parts: Sequence[Expr]) -> Expr:
    if len(parts) == 1:
        return parts[0]
    return Expr(_and([p.true for p in parts]), _or([p.false for p in parts]), _merge(parts))


def _any(parts: Sequence[Expr]) -> Expr:
    if len(parts) == 1:
        return parts[0]
    return Expr(_or([p.true for p in parts]), _and([p.false for p in parts]), _merge(parts))


def _not(part: Expr) -> Expr:
    return Expr(part.false, part.true, part.constants)


def _set(items: Sequence[str]) -> str:
    # ``x in {'a', 'b'}`` of constants is compiled to a frozenset constant.
    return "{" + ", ".join(repr(i) for i in sorted(set(items))) + "}"


class _Compiler:
    def __init__(self, ctx: ConditionContext) -> None:
        self.ctx = ctx
        self.problems: list[Problem] = []
        self.facts: set[str] = set()

    def fail(self, path: Path, code: str, **args: object) -> Expr:
        self.problems.append(make_problem(code, path=path, args=args))
        return _NEVER

    def compile(self, cond: Any, path: Path) -> Expr:
        if not isinstance(cond, Mapping) or not cond:
            return self.fail(path, "policy.condition.not_a_mapping")
        return _all([self.part(str(key), value, (*path, str(key))) for key, value in cond.items()])

    def part(self, key: str, value: Any, path: Path) -> Expr:
        if key in ("all", "any"):
            if not isinstance(value, list) or not value:
                return self.fail(path, "policy.condition.empty_list", key=key)
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
        return self.fail(
            path, "policy.condition.unknown_field", field=repr(key), **_closest(key, allowed)
        )

    def vocab(self, key: str, value: Any, path: Path) -> Expr:
        allowed: Sequence[str] = {
            "channel": sorted(self.ctx.channels),
            "category": sorted(self.ctx.categories),
            "level": self.ctx.levels,
            "finding": sorted(self.ctx.findings),
        }[key]
        ops = LEVEL_OPS if key == "level" else SET_OPS
        if isinstance(value, Mapping):
            if len(value) != 1:
                return self.fail(path, "policy.condition.one_operator", ops=", ".join(ops))
            op, arg = next(iter(value.items()))
            if op not in ops:
                return self.fail(
                    path, "policy.condition.unknown_operator", op=repr(op), **_closest(str(op), ops)
                )
            path = (*path, op)
        else:
            op, arg = "in", value
        if op in ("at_least", "at_most"):
            if not self.ids([arg], allowed, path):
                return _NEVER
            rank = self.ctx.levels.index(arg)
            chosen = self.ctx.levels[rank:] if op == "at_least" else self.ctx.levels[: rank + 1]
            # A complaint without a level is at no level: the test is false, not unknown.
            test = f"lvl in {_set(chosen)}"
            return Expr(test, f"not {test}", {})
        items = arg if isinstance(arg, list) else [arg]
        if not items or not self.ids(items, allowed, path):
            return self.fail(path, "policy.condition.no_values") if not items else _NEVER
        if key == "finding":
            test = _or([f"{item!r} in fnd" for item in sorted(set(items))])
        else:
            var = {"channel": "ch", "category": "cat", "level": "lvl"}[key]
            test = f"{var} in {_set(items)}"
        yes, no = test, f"not {test}"
        return Expr(no, yes, {}) if op == "not_in" else Expr(yes, no, {})

    def ids(self, items: list[Any], allowed: Sequence[str], path: Path) -> bool:
        ok = True
        for i, item in enumerate(items):
            if not isinstance(item, str) or item not in allowed:
                where = (*path, i) if len(items) > 1 else path
                self.fail(
                    where,
                    "policy.condition.undeclared",
                    value=repr(item),
                    **_closest(str(item), allowed),
                )
                ok = False
        return ok

    def fact(self, name: str, kind: str, value: Any, path: Path) -> Expr:
        if not isinstance(value, Mapping):
            value = {"eq": value}
        if len(value) != 1:
            return self.fail(path, "policy.condition.one_operator", ops=", ".join(NUM_OPS))
        op, arg = next(iter(value.items()))
        if op not in NUM_OPS:
            return self.fail(
                path,
                "policy.condition.unknown_operator",
                op=repr(op),
                **_closest(str(op), NUM_OPS),
            )
        path = (*path, op)
        var = f"f_{name}"
        if op == "given":
            if not isinstance(arg, bool):
                return self.fail(path, "policy.condition.given")
            given, absent = f"{var} is not None", f"{var} is None"
            return Expr(given, absent, {}) if arg else Expr(absent, given, {})
        constants: dict[str, Any] = {}
        if kind == "bool":
            if op not in ("eq", "ne") or not isinstance(arg, bool):
                return self.fail(path, "policy.condition.bool_fact", fact=repr(name))
            literal = repr(arg)
        elif kind in ("int", "decimal"):
            if isinstance(arg, bool) or not isinstance(arg, int | str):
                return self.fail(path, "policy.condition.number_fact", fact=repr(name))
            try:
                number = Decimal(str(arg))
            except ArithmeticError:
                return self.fail(path, "policy.condition.not_a_number", value=repr(arg))
            if not number.is_finite():
                return self.fail(path, "policy.condition.not_a_number", value=repr(arg))
            if number.adjusted() < _INT_DIGITS and number == number.to_integral_value():
                literal = repr(int(number))  # exact against int and Decimal alike
            else:
                literal = "_d" + str(number).encode().hex()
                constants[literal] = number
        else:
            return self.fail(path, "policy.condition.given_only", fact=repr(name), type=kind)
        compare = f"{var} {_OPERATORS[op]} {literal}"
        return Expr(
            f"({var} is not None and {compare})",
            f"({var} is not None and not {compare})",
            constants,
        )


_INT_DIGITS = 18
"""Whole thresholds of fewer digits are written as int literals; larger ones (``1e5000``)
stay Decimal constants, which compare just as exactly without building a huge int."""

_OPERATORS = {"eq": "==", "ne": "!=", "gt": ">", "gte": ">=", "lt": "<", "lte": "<="}


def function_source(
    name: str, facts: Sequence[str], body: Sequence[str], *, subject: bool = True
) -> str:
    """The source of a function that binds the locals an :class:`Expr` reads, then runs
    ``body`` (lines, indented by the caller). Its arguments: a :class:`Subject` ``s``, or
    with ``subject=False`` the values themselves, ``(ch, cat, lvl, fnd, facts)``."""
    if subject:
        lines = [
            f"def {name}(s):",
            "    ch = s.channel; cat = s.category; lvl = s.level; fnd = s.findings",
        ]
        if facts:
            lines.append("    facts = s.facts")
    else:
        lines = [f"def {name}(ch, cat, lvl, fnd, facts):"]
    lines.extend(f"    f_{fact} = facts.get({fact!r})" for fact in sorted(facts))
    lines.extend(f"    {line}" for line in body)
    return "\n".join(lines) + "\n"


def build_function(source: str, name: str, constants: Mapping[str, Any]) -> Any:
    """Compile ``source`` (made by :func:`function_source`) and return its function."""
    namespace: dict[str, Any] = {"__builtins__": {"tuple": tuple}, **constants}
    run_source(source, f"condition {name}", namespace)
    return namespace[name]


def _predicate(expr: Expr, facts: frozenset[str]) -> Predicate:
    body = [f"return True if {expr.true} else (False if {expr.false} else None)"]
    source = function_source("test", sorted(facts), body)
    test: Predicate = build_function(source, "test", expr.constants)
    return test


def compile_condition(
    cond: Any, ctx: ConditionContext, path: Path
) -> tuple[CompiledCondition, list[Problem]]:
    """Check ``cond`` against ``ctx`` and compile it; problems carry paths below ``path``."""
    compiler = _Compiler(ctx)
    expr = compiler.compile(cond, path)
    facts = frozenset(compiler.facts)
    if compiler.problems:
        expr = _NEVER
    compiled = CompiledCondition(test=_predicate(expr, facts), facts=facts, expr=expr)
    return compiled, compiler.problems


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
