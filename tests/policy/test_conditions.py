"""The generated code of a condition against an independent reference interpreter.

:func:`complaint_rules.policy.conditions.compile_condition` writes Python source for a condition.
Here a small recursive evaluator, written from the grammar's semantics (Kleene three-valued
logic: an absent or ``None`` fact makes a comparison on it unknown; ``given`` and vocabulary
tests are never unknown), decides the same conditions for the same subjects, and the two
must agree: for drawn nested conditions, and for every single part over the test vocabulary
against subjects at, below and above every threshold. The ``true``/``false`` expressions
are checked on their own, hand-worked cases pin exact answers, and hostile text is shown
never to reach the generated code.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaint_rules.errors import PolicyError, Problem
from complaint_rules.policy.conditions import (
    CompiledCondition,
    ConditionContext,
    PartCheck,
    Subject,
    build_function,
    check_condition,
    compile_condition,
    explain_condition,
    function_source,
)

Result = bool | None

CHANNELS = ("a", "b", "c")
CATEGORIES = ("x", "y")
LEVELS = ("minor", "normal", "complex", "major")  # mildest first
FINDINGS = ("f1", "f2", "f3")
VOCAB = ("channel", "category", "level", "finding")
FACT_TYPES = {"amount": "decimal", "count": "int", "flag": "bool", "when": "datetime"}

CTX = ConditionContext(
    channels=frozenset(CHANNELS),
    categories=frozenset(CATEGORIES),
    levels=LEVELS,
    findings=frozenset(FINDINGS),
    fact_types=FACT_TYPES,
)
PATH: tuple[str | int, ...] = ("rules", 0, "when")


def bare(problems: Sequence[Problem]) -> list[tuple[str | None, tuple[str | int, ...], str]]:
    """Each problem's code, place and English words (its values for other languages aside)."""
    return [(p.code, p.path, p.message) for p in problems]


# --- the reference interpreter ---------------------------------------------------------


def k_and(values: list[Result]) -> Result:
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def k_or(values: list[Result]) -> Result:
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False


def k_not(value: Result) -> Result:
    return None if value is None else not value


COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}


def reference(cond: Mapping[str, Any], s: Subject) -> Result:
    """A well-formed condition's answer for ``s``: a mapping is the AND of its parts."""
    return k_and([ref_part(key, value, s) for key, value in cond.items()])


def ref_part(key: str, value: Any, s: Subject) -> Result:
    if key == "all":
        return k_and([reference(c, s) for c in value])
    if key == "any":
        return k_or([reference(c, s) for c in value])
    if key == "not":
        return k_not(reference(value, s))
    if key in VOCAB:
        return ref_vocab(key, value, s)
    return ref_fact(key, value, s)


def ref_vocab(key: str, value: Any, s: Subject) -> bool:
    op, arg = next(iter(value.items())) if isinstance(value, Mapping) else ("in", value)
    if op in ("at_least", "at_most"):
        if s.level is None:
            return False
        here, there = LEVELS.index(s.level), LEVELS.index(arg)
        return here >= there if op == "at_least" else here <= there
    named = set(arg) if isinstance(arg, list) else {arg}
    hit = bool(named & s.findings) if key == "finding" else getattr(s, key) in named
    return hit if op == "in" else not hit


def ref_fact(name: str, value: Any, s: Subject) -> Result:
    op, arg = next(iter(value.items())) if isinstance(value, Mapping) else ("eq", value)
    actual = s.facts.get(name)
    if op == "given":
        return (actual is not None) is arg
    if actual is None:
        return None
    if FACT_TYPES[name] == "bool":
        return COMPARE[op](actual, arg)
    return COMPARE[op](Decimal(actual), Decimal(str(arg)))


# --- strategies --------------------------------------------------------------------------

Part = tuple[str, Any]

# Thresholds for numeric facts: integral and not, negative, exponent and trailing-zero forms.
DECIMAL_ARGS = ("99.5", "99.50", "-3", "-0.25", "0", "-0", "100", "1E+1", "2.5", "0.1")
INT_ARGS = (-3, 0, 2, 7, 10, 100)
DECIMAL_VALUES = ("99.5", "99.49", "99.51", "-3", "-0.25", "-0.26", "0", "10", "100", "2.5")


def ids(pool: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(pool), min_size=1, max_size=3)


def vocab_part(key: str, pool: tuple[str, ...]) -> st.SearchStrategy[Part]:
    ops: list[st.SearchStrategy[Any]] = [
        ids(pool),  # bare list: in
        st.sampled_from(pool),  # bare id: in
        st.builds(lambda v: {"in": v}, ids(pool)),
        st.builds(lambda v: {"not_in": v}, ids(pool)),
    ]
    if key == "level":
        ops.append(st.builds(lambda v: {"at_least": v}, st.sampled_from(pool)))
        ops.append(st.builds(lambda v: {"at_most": v}, st.sampled_from(pool)))
    return st.tuples(st.just(key), st.one_of(ops))


def number_ops(args: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    ops = st.sampled_from(["eq", "ne", "gt", "gte", "lt", "lte"])
    return st.one_of(args, st.builds(lambda op, arg: {op: arg}, ops, args))


GIVEN: st.SearchStrategy[Any] = st.builds(lambda b: {"given": b}, st.booleans())

FACT_PARTS: dict[str, st.SearchStrategy[Any]] = {
    "amount": st.one_of(
        number_ops(st.one_of(st.sampled_from(DECIMAL_ARGS), st.sampled_from(INT_ARGS))), GIVEN
    ),
    "count": st.one_of(
        number_ops(st.one_of(st.sampled_from(INT_ARGS), st.sampled_from(DECIMAL_ARGS))), GIVEN
    ),
    "flag": st.one_of(
        st.booleans(),
        st.builds(lambda op, b: {op: b}, st.sampled_from(["eq", "ne"]), st.booleans()),
        GIVEN,
    ),
    "when": GIVEN,
}

ATOMS: st.SearchStrategy[Part] = st.one_of(
    vocab_part("channel", CHANNELS),
    vocab_part("category", CATEGORIES),
    vocab_part("level", LEVELS),
    vocab_part("finding", FINDINGS),
    *(st.tuples(st.just(name), value) for name, value in FACT_PARTS.items()),
)


def mapping_of(part: st.SearchStrategy[Part]) -> st.SearchStrategy[dict[str, Any]]:
    """A condition: one to three parts with distinct keys, ANDed."""
    return st.lists(part, min_size=1, max_size=3, unique_by=lambda p: p[0]).map(dict)


@st.composite
def parts(draw: st.DrawFn, below: st.SearchStrategy[dict[str, Any]]) -> Part:
    """An atom (half the time) or a combinator over conditions drawn from ``below``."""
    kind = draw(st.sampled_from(["atom", "atom", "atom", "all", "any", "not"]))
    if kind == "atom":
        return draw(ATOMS)
    if kind == "not":
        return ("not", draw(below))
    return (kind, draw(st.lists(below, min_size=1, max_size=2)))


def conditions(depth: int = 4) -> st.SearchStrategy[dict[str, Any]]:
    """Well-formed conditions nested up to ``depth`` combinators deep."""
    cond = mapping_of(ATOMS)
    for _ in range(depth):
        cond = mapping_of(parts(cond))
    return cond


CONDITIONS = conditions()


ABSENT = object()


def fact_value(value: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A fact's entry: its value, ``None``, or (drawn as ``ABSENT``) not given at all."""
    return st.one_of(value, st.none(), st.just(ABSENT))


FACT_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "amount": st.one_of(
        st.sampled_from(DECIMAL_ARGS + DECIMAL_VALUES).map(Decimal),
        st.sampled_from(INT_ARGS).map(Decimal),
        st.integers(min_value=-20000, max_value=20000).map(lambda n: Decimal(n).scaleb(-2)),
    ),
    "count": st.one_of(
        st.sampled_from([n + d for n in INT_ARGS for d in (-1, 0, 1)]),
        st.integers(min_value=-5, max_value=120),
    ),
    "flag": st.booleans(),
    "when": st.just(datetime(2026, 10, 8, 9, 0)),  # only 'given' reads it
}


@st.composite
def subjects(draw: st.DrawFn) -> Subject:
    facts: dict[str, Any] = {}
    for name, values in FACT_VALUES.items():
        value = draw(fact_value(values))
        if value is not ABSENT:
            facts[name] = value
    return Subject(
        channel=draw(st.sampled_from(CHANNELS)),
        category=draw(st.sampled_from(CATEGORIES)),
        level=draw(st.one_of(st.none(), st.sampled_from(LEVELS))),
        findings=frozenset(draw(st.sets(st.sampled_from(FINDINGS)))),
        facts=facts,
    )


def subject(
    *,
    channel: str = "a",
    category: str = "x",
    level: str | None = "normal",
    findings: frozenset[str] = frozenset(),
    **facts: Any,
) -> Subject:
    return Subject(channel, category, level, findings, facts)


def compiled_ok(cond: Mapping[str, Any]) -> CompiledCondition:
    compiled, problems = compile_condition(cond, CTX, PATH)
    assert problems == []
    return compiled


def true_and_false(compiled: CompiledCondition) -> Callable[[Subject], tuple[bool, bool]]:
    """A function returning the values of the condition's ``true`` and ``false``."""
    expr = compiled.expr
    body = [f"return bool({expr.true}), bool({expr.false})"]
    source = function_source("both", sorted(compiled.facts), body)
    namespace = {**expr.constants, "bool": bool}
    both: Callable[[Subject], tuple[bool, bool]] = build_function(source, "both", namespace)
    return both


# --- properties --------------------------------------------------------------------------


@given(CONDITIONS, st.lists(subjects(), min_size=1, max_size=3))
def test_compiled_condition_agrees_with_the_reference(
    cond: dict[str, Any], subjects_: list[Subject]
) -> None:
    compiled = compiled_ok(cond)
    for s in subjects_:
        assert compiled.test(s) is reference(cond, s), (cond, s)


def every_part(key: str) -> list[Any]:
    """Every value a part ``key`` can take over the context's vocabulary and thresholds."""
    if key in FACT_TYPES:
        given_ = [{"given": True}, {"given": False}]
        if FACT_TYPES[key] == "bool":
            return [True, False, *({op: b} for op in ("eq", "ne") for b in (True, False)), *given_]
        if FACT_TYPES[key] == "datetime":
            return given_
        args = [*DECIMAL_ARGS, *INT_ARGS]
        ops = ("eq", "ne", "gt", "gte", "lt", "lte")
        return [*args, *({op: arg} for op in ops for arg in args), *given_]
    pool = {"channel": CHANNELS, "category": CATEGORIES, "level": LEVELS, "finding": FINDINGS}[key]
    subsets = [
        [v for i, v in enumerate(pool) if mask >> i & 1] for mask in range(1, 1 << len(pool))
    ]
    values: list[Any] = [*pool, *subsets]
    values += [{op: ids_} for op in ("in", "not_in") for ids_ in subsets]
    if key == "level":
        values += [{op: v} for op in ("at_least", "at_most") for v in pool]
    return values


NUDGES = (Decimal("-0.01"), Decimal(0), Decimal("0.01"), Decimal(-1), Decimal(1))


def boundary_subjects() -> list[Subject]:
    """Subjects that differ from a base one in one field: every id, no level, each fact
    absent, ``None``, and at, just below and just above every threshold."""
    amounts = {Decimal(str(a)) + d for a in (*DECIMAL_ARGS, *INT_ARGS) for d in NUDGES}
    counts = {n + d for n in INT_ARGS for d in (-1, 0, 1)} | {2, 3}
    variants: list[dict[str, Any]] = [
        *({"channel": c} for c in CHANNELS),
        *({"category": c} for c in CATEGORIES),
        *({"level": lv} for lv in (*LEVELS, None)),
        *({"findings": frozenset(f)} for f in (set(), {"f1"}, {"f2", "f3"}, set(FINDINGS))),
        *({"amount": a} for a in sorted(amounts)),
        *({"count": n} for n in sorted(counts)),
        *({"flag": b} for b in (True, False)),
        {"when": datetime(2026, 10, 8, 9, 0)},
    ]
    base: dict[str, Any] = {"channel": "a", "category": "x", "level": "normal"}
    out = [subject(**base)]  # no facts at all
    out += [subject(**{**base, **dict.fromkeys(FACT_TYPES)})]  # every fact None
    out += [subject(**{**base, **v}) for v in variants]
    return out


@pytest.mark.parametrize("key", [*VOCAB, *FACT_TYPES])
def test_every_part_alone_agrees_with_the_reference_at_every_boundary(key: str) -> None:
    subjects_ = boundary_subjects()
    wrong = []
    for value in every_part(key):
        cond = {key: value}
        compiled = compiled_ok(cond)
        for s in subjects_:
            got, expected = compiled.test(s), reference(cond, s)
            if got is not expected:
                wrong.append((cond, s, got, expected))
    assert wrong == []


@given(CONDITIONS, st.lists(subjects(), min_size=1, max_size=3))
def test_true_and_false_expressions_are_exclusive_and_neither_means_unknown(
    cond: dict[str, Any], subjects_: list[Subject]
) -> None:
    both = true_and_false(compiled_ok(cond))
    for s in subjects_:
        true, false = both(s)
        expected = reference(cond, s)
        assert not (true and false), (cond, s)
        assert (true, false) == (expected is True, expected is False), (cond, s, expected)


# --- hand-worked cases -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cond", "s", "expected"),
    [
        ({"amount": {"gte": "99.5"}}, subject(amount=Decimal("99.5")), True),
        ({"amount": {"gte": "99.5"}}, subject(amount=Decimal("99.49")), False),
        ({"amount": {"gte": "99.5"}}, subject(), None),
        ({"amount": {"gte": "99.5"}}, subject(amount=None), None),
        ({"amount": {"lt": "-0.25"}}, subject(amount=Decimal("-0.26")), True),
        ({"amount": {"lt": "-0.25"}}, subject(amount=Decimal("-0.25")), False),
        ({"amount": "99.50"}, subject(amount=Decimal("99.5")), True),
        ({"count": {"gt": "2.5"}}, subject(count=3), True),
        ({"count": {"gt": "2.5"}}, subject(count=2), False),
        ({"count": {"lte": -3}}, subject(count=-3), True),
        ({"count": {"eq": "1E+1"}}, subject(count=10), True),
        ({"count": {"ne": 7}}, subject(count=7), False),
        ({"count": {"given": True}}, subject(), False),
        ({"count": {"given": False}}, subject(count=None), True),
        ({"when": {"given": True}}, subject(when=datetime(2026, 10, 8, 9, 0)), True),
        ({"flag": True}, subject(flag=False), False),
        ({"not": {"flag": True}}, subject(), None),
        ({"not": {"flag": True}}, subject(flag=False), True),
        ({"any": [{"flag": True}, {"channel": ["a"]}]}, subject(channel="a"), True),
        ({"any": [{"flag": True}, {"channel": ["a"]}]}, subject(channel="b"), None),
        ({"all": [{"flag": True}, {"channel": ["a"]}]}, subject(channel="b"), False),
        ({"all": [{"flag": True}, {"channel": ["a"]}]}, subject(channel="a"), None),
        ({"flag": True, "channel": "b"}, subject(channel="a"), False),
        ({"flag": True, "channel": "a"}, subject(channel="a"), None),
        ({"level": {"at_least": "complex"}}, subject(level=None), False),
        ({"level": {"at_most": "complex"}}, subject(level=None), False),
        ({"level": ["minor"]}, subject(level=None), False),
        ({"level": {"not_in": ["minor"]}}, subject(level=None), True),
        ({"level": {"at_least": "complex"}}, subject(level="major"), True),
        ({"level": {"at_least": "complex"}}, subject(level="normal"), False),
        ({"level": {"at_most": "normal"}}, subject(level="minor"), True),
        ({"finding": {"not_in": ["f1"]}}, subject(findings=frozenset({"f2"})), True),
        ({"finding": {"not_in": ["f1"]}}, subject(findings=frozenset({"f1", "f2"})), False),
        ({"finding": {"not_in": ["f1"]}}, subject(), True),
        ({"finding": ["f1", "f3"]}, subject(findings=frozenset({"f3"})), True),
        ({"category": {"not_in": ["x"]}}, subject(category="y"), True),
    ],
)
def test_hand_worked_answers(cond: dict[str, Any], s: Subject, expected: Result) -> None:
    assert compiled_ok(cond).test(s) is expected
    assert reference(cond, s) is expected  # the reference is held to the same answers


# Kleene's tables, written out: T true, F false, U unknown.
K_NOT = {"T": "F", "F": "T", "U": "U"}
TABLE = """
    x y  and or
    T T   T  T
    T F   F  T
    T U   U  T
    F T   F  T
    F F   F  F
    F U   F  U
    U T   U  T
    U F   F  U
    U U   U  U
"""
ROWS = [line.split() for line in TABLE.strip().splitlines()[1:]]
K_AND = {x + y: and_ for x, y, and_, _ in ROWS}
K_OR = {x + y: or_ for x, y, _, or_ in ROWS}
ANSWER: dict[str, Result] = {"T": True, "F": False, "U": None}

# Two atoms of each value for KLEENE_SUBJECT, on different keys to share a mapping.
ATOM_1 = {"T": ("channel", "a"), "F": ("category", "y"), "U": ("amount", {"gt": "0"})}
ATOM_2 = {"T": ("level", {"at_least": "minor"}), "F": ("finding", ["f1"]), "U": ("count", 1)}
KLEENE_SUBJECT = subject(channel="a", category="x", level="normal", count=None)


@pytest.mark.parametrize("x", "TFU")
@pytest.mark.parametrize("y", "TFU")
def test_combinators_follow_kleene_tables(x: str, y: str) -> None:
    a, b = dict([ATOM_1[x]]), dict([ATOM_2[y]])
    cases: list[tuple[dict[str, Any], str]] = [
        (a, x),
        (b, y),
        ({"not": a}, K_NOT[x]),
        ({"all": [a, b]}, K_AND[x + y]),
        ({"any": [a, b]}, K_OR[x + y]),
        ({**a, **b}, K_AND[x + y]),  # several keys: AND
        ({"not": {"all": [a, b]}}, K_NOT[K_AND[x + y]]),
        ({"not": {"any": [a, {"not": b}]}}, K_NOT[K_OR[x + K_NOT[y]]]),
        ({"any": [{"all": [a, b]}, {"not": a}]}, K_OR[K_AND[x + y] + K_NOT[x]]),
        ({"all": [a], "any": [b], "not": {"not": a}}, K_AND[K_AND[x + y] + x]),
    ]
    for cond, expected in cases:
        assert compiled_ok(cond).test(KLEENE_SUBJECT) is ANSWER[expected], cond
        assert reference(cond, KLEENE_SUBJECT) is ANSWER[expected], cond


# --- hostile input -------------------------------------------------------------------------

EVIL_ID = "a'; import os; '"
EVIL_NUMBER = "1); __import__('os').system('x') #"


@pytest.mark.parametrize(
    ("cond", "problems"),
    [
        (
            {"channel": [EVIL_ID]},
            [
                Problem(
                    f"{EVIL_ID!r} is not declared; allowed: a, b, c",
                    (*PATH, "channel"),
                    code="policy.condition.undeclared",
                )
            ],
        ),
        (
            {"finding": {"not_in": ["f1", EVIL_ID]}},
            [
                Problem(
                    f"{EVIL_ID!r} is not declared; allowed: f1, f2, f3",
                    (*PATH, "finding", "not_in", 1),
                    code="policy.condition.undeclared",
                )
            ],
        ),
        (
            {"level": {"at_least": EVIL_ID}},
            [
                Problem(
                    f"{EVIL_ID!r} is not declared; allowed: complex, major, minor, normal",
                    (*PATH, "level", "at_least"),
                    code="policy.condition.undeclared",
                )
            ],
        ),
        (
            {"amount": {"gte": EVIL_NUMBER}},
            [
                Problem(
                    f"{EVIL_NUMBER!r} is not a number",
                    (*PATH, "amount", "gte"),
                    code="policy.condition.not_a_number",
                )
            ],
        ),
        (
            {"all": [{"channel": "a"}, {"count": EVIL_NUMBER}]},
            [
                Problem(
                    f"{EVIL_NUMBER!r} is not a number",
                    (*PATH, "all", 1, "count", "eq"),
                    code="policy.condition.not_a_number",
                )
            ],
        ),
        (
            {"flag": {"eq": EVIL_NUMBER}},
            [
                Problem(
                    "fact 'flag' is a bool: compare with true or false",
                    (*PATH, "flag", "eq"),
                    code="policy.condition.bool_fact",
                )
            ],
        ),
        (
            {"when": {"gte": EVIL_NUMBER}},
            [
                Problem(
                    "fact 'when' (datetime) can only be tested with 'given'",
                    (*PATH, "when", "gte"),
                    code="policy.condition.given_only",
                )
            ],
        ),
    ],
)
def test_hostile_text_is_a_located_problem(cond: dict[str, Any], problems: list[Problem]) -> None:
    _, found = compile_condition(cond, CTX, PATH)
    assert bare(found) == bare(problems)


HOSTILE = [
    {"channel": [EVIL_ID]},
    {"category": EVIL_ID},
    {"finding": {"not_in": ["f1", EVIL_ID]}},
    {"level": {"at_least": EVIL_ID}},
    {EVIL_ID: True},
    {"amount": {EVIL_ID: 1}},
    {"amount": {"gte": EVIL_NUMBER}},
    {"count": EVIL_NUMBER},
    {"flag": {"eq": EVIL_NUMBER}},
    {"when": {"gte": EVIL_NUMBER}},
    {"any": [{"channel": "a"}, {"not": {"amount": {"lt": EVIL_NUMBER}}}]},
]


def _names_and_strings(compiled: CompiledCondition) -> set[str]:
    code = compiled.test.__code__
    strings = {c for c in code.co_consts if isinstance(c, str)}
    return {*code.co_names, *code.co_varnames, *strings}


@pytest.mark.parametrize("cond", HOSTILE)
def test_hostile_condition_compiles_to_never_and_runs_nothing(cond: dict[str, Any]) -> None:
    compiled, problems = compile_condition(cond, CTX, PATH)
    assert problems
    assert all(p.path[: len(PATH)] == PATH for p in problems)
    seen = _names_and_strings(compiled)
    assert not {w for w in seen if "import" in w or w == "os" or "system" in w}
    assert EVIL_ID not in seen
    assert EVIL_NUMBER not in seen
    for text in (compiled.expr.true, compiled.expr.false):
        assert "import" not in text
    everything = subject(
        findings=frozenset(FINDINGS),
        amount=Decimal(1),
        count=1,
        flag=True,
        when=datetime(2026, 1, 1),
    )
    assert compiled.test(everything) is False
    assert compiled.test(subject(level=None)) is False


@pytest.mark.parametrize(
    ("threshold", "s", "expected"),
    [
        ("1e5000", subject(amount=Decimal("1e5000")), True),
        ("1e5000", subject(amount=Decimal("9.99e4999")), False),
        ("1e5000", subject(count=10**20), False),
        ("1E+1000000", subject(count=10**20), False),  # once ~30 s building an int
        ("-1E+1000000", subject(amount=Decimal("-1e999999")), True),
        ("1E+18", subject(count=10**18), True),
        ("1E+18", subject(count=10**18 - 1), False),
        ("123456789012345678901", subject(count=123456789012345678901), True),
        ("123456789012345678901", subject(count=123456789012345678900), False),
        ("123456789012345678901", subject(amount=Decimal("123456789012345678900.99")), False),
    ],
)
def test_a_threshold_with_a_huge_exponent_compiles_and_compares(
    threshold: str, s: Subject, expected: Result
) -> None:
    fact = "amount" if "amount" in s.facts else "count"
    cond = {fact: {"gte": threshold}}
    assert compiled_ok(cond).test(s) is expected
    assert reference(cond, s) is expected


# -- found by mutation testing (scripts/mutate): each a change of result the suite missed --


@pytest.mark.parametrize(
    ("cond", "problems"),
    [
        # A condition is a mapping, and not an empty one.
        (
            [{"channel": "a"}],
            [
                Problem(
                    "a condition is a non-empty mapping of field to value",
                    PATH,
                    code="policy.condition.not_a_mapping",
                )
            ],
        ),
        (
            {},
            [
                Problem(
                    "a condition is a non-empty mapping of field to value",
                    PATH,
                    code="policy.condition.not_a_mapping",
                )
            ],
        ),
        (
            {"not": {}},
            [
                Problem(
                    "a condition is a non-empty mapping of field to value",
                    (*PATH, "not"),
                    code="policy.condition.not_a_mapping",
                )
            ],
        ),
        # 'any' and 'all' take a list, and not an empty one.
        (
            {"any": {"channel": "a"}},
            [
                Problem(
                    "'any' takes a non-empty list of conditions",
                    (*PATH, "any"),
                    code="policy.condition.empty_list",
                )
            ],
        ),
        (
            {"all": []},
            [
                Problem(
                    "'all' takes a non-empty list of conditions",
                    (*PATH, "all"),
                    code="policy.condition.empty_list",
                )
            ],
        ),
    ],
)
def test_the_shape_of_a_condition(cond: Any, problems: list[Problem]) -> None:
    _, found = compile_condition(cond, CTX, PATH)
    assert bare(found) == bare(problems)


@pytest.mark.parametrize("arg", [True, 1.5])
def test_a_number_fact_is_compared_with_a_whole_number_or_a_decimal_string(arg: Any) -> None:
    _, found = compile_condition({"amount": {"gte": arg}}, CTX, PATH)
    assert bare(found) == [
        (
            "policy.condition.number_fact",
            (*PATH, "amount", "gte"),
            "fact 'amount' is a number: compare with a number",
        )
    ]


# -- explaining a condition: each part checked on its own ---------------------------------

EXPLAINED = subject(
    channel="a", category="x", findings=frozenset({"f2", "f1"}), amount=Decimal(50), flag=True
)  # count not given: unknown


def test_each_part_of_a_condition_is_checked_with_what_it_needs_and_what_it_got() -> None:
    cond = {
        "channel": ["a", "b"],
        "finding": ["f3"],
        "category": {"not_in": ["y"]},
        "amount": {"gte": 100},
        "count": 3,
        "any": [{"flag": True}, {"count": {"gt": 1}}],
        "not": {"channel": "b"},
    }
    assert check_condition(cond, EXPLAINED, CTX, PATH) == (
        PartCheck((*PATH, "channel"), "channel", "in", ("a", "b"), "a", True),
        PartCheck((*PATH, "finding"), "finding", "in", ("f3",), ("f1", "f2"), False),
        PartCheck((*PATH, "category"), "category", "not_in", ("y",), "x", True),
        PartCheck((*PATH, "amount"), "amount", "gte", (100,), Decimal(50), False),
        PartCheck((*PATH, "count"), "count", "eq", (3,), None, None),
        PartCheck(
            (*PATH, "any"),
            "any",
            "any",
            (),
            None,
            True,
            (
                (PartCheck((*PATH, "any", 0, "flag"), "flag", "eq", (True,), True, True),),
                (PartCheck((*PATH, "any", 1, "count"), "count", "gt", (1,), None, None),),
            ),
        ),
        PartCheck(
            (*PATH, "not"),
            "not",
            "not",
            (),
            None,
            True,
            ((PartCheck((*PATH, "not", "channel"), "channel", "in", ("b",), "a", False),),),
        ),
    )
    # Why it does not hold: the false parts (the finding and the amount).
    assert explain_condition(cond, EXPLAINED, CTX, PATH) == (
        PartCheck((*PATH, "finding"), "finding", "in", ("f3",), ("f1", "f2"), False),
        PartCheck((*PATH, "amount"), "amount", "gte", (100,), Decimal(50), False),
    )


def test_a_condition_with_no_false_part_is_explained_by_its_unknown_parts() -> None:
    assert explain_condition({"channel": "a", "count": 3}, EXPLAINED, CTX, PATH) == (
        PartCheck((*PATH, "count"), "count", "eq", (3,), None, None),
    )
    assert explain_condition({"channel": "a", "flag": True}, EXPLAINED, CTX, PATH) == ()


@pytest.mark.parametrize("cond", [{}, [{"channel": "a"}]])
def test_checking_a_condition_that_is_not_a_mapping_is_an_error(cond: Any) -> None:
    with pytest.raises(PolicyError) as info:
        check_condition(cond, EXPLAINED, CTX, PATH)
    assert bare(info.value.problems) == [
        (
            "policy.condition.not_a_mapping",
            PATH,
            "a condition is a non-empty mapping of field to value",
        )
    ]


def test_checking_a_part_that_does_not_compile_names_where_it_is() -> None:
    with pytest.raises(PolicyError) as info:
        check_condition({"channel": ["zz"]}, EXPLAINED, CTX, PATH)
    assert bare(info.value.problems) == [
        (
            "policy.condition.undeclared",
            (*PATH, "channel"),
            "'zz' is not declared; allowed: a, b, c",
        )
    ]
