"""Workload 1: a 30-row first-match classification table, the same inputs in every engine.

The table sets a complaint's level from its channel, category, disputed amount, number of
complainants and whether the complainant is vulnerable (elderly, disabled, ...). It is
written once, as data (``ROWS``), and turned into each engine's own form:

- plain Python: a loop over the rows, returning the level; and the same loop returning a
  traced decision record (row id and description);
- complaint_rules: a policy YAML with the 30 rows as its classification table
  (``level_input: forbidden``); :func:`~complaint_rules.decide` gives the level and its
  source (row id and article) — its full trace — in a complete decision;
- zen-engine: a JDM decision table, hit policy ``first``, evaluated without and with trace
  (the trace names the matched row's ``_id``);
- durable_rules: one rule per row; each fired action records its row index and the first
  match is the lowest index recorded.

Every engine's answer is checked against the plain loop on every input before timing.
"""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

__all__ = [
    "ROWS",
    "Inputs",
    "Row",
    "contenders",
    "durable_classifier",
    "inputs",
    "plain_classify",
    "plain_traced",
    "plain_unrolled",
    "policy_yaml",
    "zen_jdm",
    "zen_unprepared",
]

CHANNELS = ("counter", "phone", "letter", "online", "media", "regulator")
CATEGORIES = (
    "fees",
    "service_attitude",
    "card",
    "loan",
    "deposit",
    "wealth_product",
    "fraud",
    "privacy",
)
LEVELS = ("general", "complex", "major", "critical")
RECEIVED_AT = "2026-03-02T10:00:00+08:00"


@dataclass(frozen=True)
class Row:
    """One row: every given test must hold (amounts: ``min <= amount < max``)."""

    id: str
    description: str
    level: str
    channels: tuple[str, ...] | None = None
    categories: tuple[str, ...] | None = None
    amount_min: int | None = None
    amount_max: int | None = None
    count_min: int | None = None
    vulnerable: bool | None = None


ROWS: tuple[Row, ...] = (
    Row("r01", "regulator-forwarded group complaint", "critical", ("regulator",), count_min=10),
    Row("r02", "group complaint in the media", "critical", ("media",), count_min=5),
    Row("r03", "large fraud loss", "critical", categories=("fraud",), amount_min=100_000),
    Row("r04", "mass complaint", "critical", count_min=30),
    Row("r05", "fraud, vulnerable customer", "critical", None, ("fraud",), vulnerable=True),
    Row("r06", "regulator, large amount", "major", ("regulator",), amount_min=50_000),
    Row("r07", "media exposure", "major", ("media",)),
    Row("r08", "fraud", "major", categories=("fraud",)),
    Row("r09", "privacy breach, several complainants", "major", None, ("privacy",), count_min=5),
    Row("r10", "very large amount", "major", amount_min=200_000),
    Row(
        "r11",
        "large loan dispute, vulnerable customer",
        "major",
        None,
        ("loan",),
        amount_min=100_000,
        vulnerable=True,
    ),
    Row(
        "r12",
        "wealth product mis-selling to a vulnerable customer",
        "major",
        None,
        ("wealth_product",),
        amount_min=50_000,
        vulnerable=True,
    ),
    Row("r13", "group complaint", "major", count_min=10),
    Row("r14", "forwarded by the regulator", "complex", ("regulator",)),
    Row("r15", "privacy", "complex", categories=("privacy",)),
    Row("r16", "wealth product loss", "complex", None, ("wealth_product",), amount_min=10_000),
    Row("r17", "loan dispute", "complex", None, ("loan",), amount_min=20_000),
    Row("r18", "large deposit dispute", "complex", None, ("deposit",), amount_min=50_000),
    Row("r19", "remote card dispute", "complex", ("online", "phone"), ("card",), amount_min=5_000),
    Row("r20", "vulnerable customer, real money", "complex", amount_min=5_000, vulnerable=True),
    Row(
        "r21",
        "several complainants in writing or in person",
        "complex",
        ("letter", "counter"),
        count_min=3,
    ),
    Row("r22", "fee dispute over 2,000 yuan", "complex", None, ("fees",), amount_min=2_000),
    Row("r23", "amount over 30,000 yuan", "complex", amount_min=30_000),
    Row(
        "r24",
        "attitude towards a vulnerable customer at the counter",
        "complex",
        ("counter",),
        ("service_attitude",),
        vulnerable=True,
    ),
    Row("r25", "card, vulnerable customer", "general", None, ("card",), vulnerable=True),
    Row("r26", "small online fee", "general", ("online",), ("fees",), amount_max=100),
    Row("r27", "service attitude", "general", categories=("service_attitude",)),
    Row("r28", "deposit at the counter", "general", ("counter",), ("deposit",)),
    Row("r29", "small remote dispute", "general", ("phone", "online"), amount_max=1_000),
    Row("r30", "everything else", "general", CHANNELS),
)
assert len(ROWS) == 30 and len({r.id for r in ROWS}) == 30


# -- inputs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Inputs:
    """The same inputs in each engine's shape (index i is one complaint everywhere)."""

    plain: list[dict[str, Any]]
    """channel, category, amount (float yuan), complainant_count, vulnerable."""
    complaints: list[dict[str, Any]]
    """complaint_rules complaints: amount_yuan as a decimal string, received_at."""


def inputs(n: int, seed: int = 2026) -> Inputs:
    """``n`` random complaints (seeded); amounts in whole fen, log-uniform over 1-500,000."""
    rng = random.Random(seed)
    plain: list[dict[str, Any]] = []
    complaints: list[dict[str, Any]] = []
    for _ in range(n):
        fen = int(10 ** rng.uniform(2, 7.7))
        count = 1 if rng.random() < 0.7 else rng.randint(2, 40)
        item = {
            "channel": rng.choice(CHANNELS),
            "category": rng.choice(CATEGORIES),
            "amount": fen / 100,
            "complainant_count": count,
            "vulnerable": rng.random() < 0.15,
        }
        plain.append(item)
        complaints.append(
            {
                "received_at": RECEIVED_AT,
                "channel": item["channel"],
                "category": item["category"],
                "amount_yuan": str(Decimal(fen) / 100),
                "complainant_count": count,
                "vulnerable": item["vulnerable"],
            }
        )
    return Inputs(plain, complaints)


# -- plain Python ---------------------------------------------------------------------------

_Tuple = tuple[
    frozenset[str] | None,
    frozenset[str] | None,
    float | None,
    float | None,
    int | None,
    bool | None,
    str,
    str,
    str,
]
_TABLE: tuple[_Tuple, ...] = tuple(
    (
        None if r.channels is None else frozenset(r.channels),
        None if r.categories is None else frozenset(r.categories),
        r.amount_min,
        r.amount_max,
        r.count_min,
        r.vulnerable,
        r.level,
        r.id,
        r.description,
    )
    for r in ROWS
)


def plain_classify(c: dict[str, Any]) -> str:
    """The level, by a plain loop over the rows."""
    channel, category, amount = c["channel"], c["category"], c["amount"]
    count, vulnerable = c["complainant_count"], c["vulnerable"]
    for channels, categories, a_min, a_max, c_min, vul, level, _, _ in _TABLE:
        if (
            (channels is None or channel in channels)
            and (categories is None or category in categories)
            and (a_min is None or amount >= a_min)
            and (a_max is None or amount < a_max)
            and (c_min is None or count >= c_min)
            and (vul is None or vulnerable is vul)
        ):
            return level
    raise LookupError("no row matched")


def plain_traced(c: dict[str, Any]) -> dict[str, str]:
    """The same loop, returning a decision record: level, row id and row description."""
    channel, category, amount = c["channel"], c["category"], c["amount"]
    count, vulnerable = c["complainant_count"], c["vulnerable"]
    for channels, categories, a_min, a_max, c_min, vul, level, row_id, description in _TABLE:
        if (
            (channels is None or channel in channels)
            and (categories is None or category in categories)
            and (a_min is None or amount >= a_min)
            and (a_max is None or amount < a_max)
            and (c_min is None or count >= c_min)
            and (vul is None or vulnerable is vul)
        ):
            return {"level": level, "row": row_id, "description": description}
    raise LookupError("no row matched")


def _python_test(r: Row) -> str:
    tests = []
    if r.channels is not None and r.channels != CHANNELS:
        tests.append(f"channel in {r.channels!r}")
    if r.categories is not None:
        tests.append(f"category in {r.categories!r}")
    if r.amount_min is not None:
        tests.append(f"amount >= {r.amount_min}")
    if r.amount_max is not None:
        tests.append(f"amount < {r.amount_max}")
    if r.count_min is not None:
        tests.append(f"count >= {r.count_min}")
    if r.vulnerable is not None:
        tests.append(f"vulnerable is {r.vulnerable}")
    return " and ".join(tests) or "True"


def plain_unrolled() -> Callable[[dict[str, Any]], str]:
    """The table as a hand-written ``if ...: return level`` chain (generated from ``ROWS``)."""
    lines = [
        "def classify(c):",
        "    channel, category, amount = c['channel'], c['category'], c['amount']",
        "    count, vulnerable = c['complainant_count'], c['vulnerable']",
        *(f"    if {_python_test(r)}: return {r.level!r}" for r in ROWS),
        "    raise LookupError('no row matched')",
    ]
    namespace: dict[str, Any] = {}
    exec("\n".join(lines), namespace)
    classify: Callable[[dict[str, Any]], str] = namespace["classify"]
    return classify


# -- complaint_rules ------------------------------------------------------------------------


def _flow(values: Sequence[str]) -> str:
    return "[" + ", ".join(values) + "]"


def _condition(r: Row) -> str:
    parts: list[str] = []
    if r.channels is not None:
        parts.append(f"channel: {_flow(r.channels)}")
    if r.categories is not None:
        parts.append(f"category: {_flow(r.categories)}")
    amounts = []
    if r.amount_min is not None:
        amounts.append(f"{{amount_yuan: {{gte: {r.amount_min}}}}}")
    if r.amount_max is not None:
        amounts.append(f"{{amount_yuan: {{lt: {r.amount_max}}}}}")
    if len(amounts) == 1:
        parts.append(amounts[0][1:-1])
    elif amounts:
        parts.append(f"all: [{', '.join(amounts)}]")
    if r.count_min is not None:
        parts.append(f"complainant_count: {{gte: {r.count_min}}}")
    if r.vulnerable is not None:
        parts.append(f"vulnerable: {'true' if r.vulnerable else 'false'}")
    return "{" + ", ".join(parts) + "}"


def _terms(ids: Sequence[str]) -> str:
    return "\n".join(f"    - {{id: {i}, label: {i}}}" for i in ids)


def policy_yaml() -> str:
    """A complete policy whose classification table is ``ROWS`` (article = 第N條)."""
    rows = "\n".join(
        f"    - {{id: {r.id}, article: 第{n}條, level: {r.level}, when: {_condition(r)}}}"
        for n, r in enumerate(ROWS, start=1)
    )
    return f"""schema: complaint-rules/1
id: bench_classification
version: "1"
title: Benchmark classification table
institution: benchmarks/classification.py
source: benchmarks/classification.py (ROWS)
level_input: forbidden
vocabulary:
  roles:
    - {{id: complaints_desk, label: 投訴受理崗}}
  channels:
{_terms(CHANNELS)}
  categories:
{_terms(CATEGORIES)}
  levels:
{_terms(LEVELS)}
facts:
  - {{id: amount_yuan, type: decimal, label: 爭議金額}}
  - {{id: complainant_count, type: int, minimum: 1, label: 投訴人數}}
  - {{id: vulnerable, type: bool, label: 特殊消費者}}
classification:
  rows:
{rows}
rules:
  - id: accept
    article: 第31條
    routing:
      - {{duty: accepts, role: complaints_desk}}
"""


def complaint_rules_classifier() -> Callable[[dict[str, Any]], tuple[str, str, str]]:
    """``decide`` on the benchmark policy; returns (level, row id, article) of the decision."""
    from complaint_rules import decide, load_policy_text

    policy = load_policy_text(policy_yaml(), file="bench_classification.yaml")

    def classify(c: dict[str, Any]) -> tuple[str, str, str]:
        level = decide(policy, c).level
        assert level is not None and level.source is not None
        return level.id, level.source.rule, level.source.article

    return classify


# -- zen-engine -----------------------------------------------------------------------------


def _quoted(values: Sequence[str]) -> str:
    return ", ".join(json.dumps(v) for v in values)


def _zen_cells(r: Row) -> dict[str, str]:
    amount = ""
    if r.amount_min is not None and r.amount_max is not None:
        amount = f"[{r.amount_min}..{r.amount_max})"
    elif r.amount_min is not None:
        amount = f">= {r.amount_min}"
    elif r.amount_max is not None:
        amount = f"< {r.amount_max}"
    return {
        "in_channel": "" if r.channels is None or r.channels == CHANNELS else _quoted(r.channels),
        "in_category": "" if r.categories is None else _quoted(r.categories),
        "in_amount": amount,
        "in_count": "" if r.count_min is None else f">= {r.count_min}",
        "in_vulnerable": "" if r.vulnerable is None else json.dumps(r.vulnerable),
    }


def zen_jdm() -> dict[str, Any]:
    """The table as a GoRules JDM graph: input -> decision table (hit policy first) -> output."""
    inputs_ = [
        ("in_channel", "Channel", "channel"),
        ("in_category", "Category", "category"),
        ("in_amount", "Amount", "amount"),
        ("in_count", "Complainants", "complainant_count"),
        ("in_vulnerable", "Vulnerable", "vulnerable"),
    ]
    rules = [
        {
            "_id": r.id,
            "_description": r.description,
            **_zen_cells(r),
            "out_level": json.dumps(r.level),
        }
        for r in ROWS
    ]
    return {
        "contentType": "application/vnd.gorules.decision",
        "nodes": [
            {"id": "request", "type": "inputNode", "name": "Request", "position": {"x": 0, "y": 0}},
            {
                "id": "classify",
                "type": "decisionTableNode",
                "name": "Classify",
                "position": {"x": 300, "y": 0},
                "content": {
                    "hitPolicy": "first",
                    "inputs": [
                        {"id": i, "name": n, "field": f, "type": "expression"}
                        for i, n, f in inputs_
                    ],
                    "outputs": [
                        {"id": "out_level", "name": "Level", "field": "level", "type": "expression"}
                    ],
                    "rules": rules,
                },
            },
            {
                "id": "response",
                "type": "outputNode",
                "name": "Response",
                "position": {"x": 600, "y": 0},
            },
        ],
        "edges": [
            {"id": "e1", "sourceId": "request", "targetId": "classify", "type": "edge"},
            {"id": "e2", "sourceId": "classify", "targetId": "response", "type": "edge"},
        ],
    }


def zen_classifiers() -> tuple[
    Callable[[dict[str, Any]], str], Callable[[dict[str, Any]], tuple[str, str]]
]:
    """(level without trace, (level, matched row id) with trace), zen's fastest way.

    The engine's loader returns a ``ZenDecisionContent`` prepared once. (In zen-engine 2.1,
    ``create_decision(...).evaluate`` and a loader returning JSON text prepare the table
    again on every call, about ten times slower: see :func:`zen_unprepared`.)
    """
    import zen

    content = zen.ZenDecisionContent(json.dumps(zen_jdm()))
    engine = zen.ZenEngine({"loader": lambda key: content})
    evaluate = engine.evaluate
    trace_on: zen.DecisionEvaluateOptions = {"trace": True}

    def level(c: dict[str, Any]) -> str:
        return str(evaluate("classify", c)["result"]["level"])

    def traced(c: dict[str, Any]) -> tuple[str, str]:
        got = evaluate("classify", c, trace_on)
        row = got["trace"]["classify"]["traceData"]["rule"]["_id"]
        return str(got["result"]["level"]), str(row)

    return level, traced


def zen_unprepared() -> Callable[[dict[str, Any]], str]:
    """zen's documented first example: ``create_decision(json).evaluate(context)``."""
    import zen

    decision = zen.ZenEngine().create_decision(json.dumps(zen_jdm()))

    def level(c: dict[str, Any]) -> str:
        return str(decision.evaluate(c)["result"]["level"])

    return level


# -- durable_rules --------------------------------------------------------------------------


@dataclass
class DurableStats:
    """What durable_rules did besides answering: its threads and its empty answers."""

    threads_before: int = 0
    threads_after: int = 0
    posts_returning_none: int = 0
    posts_firing_nothing: int = 0


def _durable_condition(r: Row, m: Any) -> Any:
    tests = []
    if r.channels is not None and r.channels != CHANNELS:
        tests.append(_any_of([m.channel == v for v in r.channels]))
    if r.categories is not None:
        tests.append(_any_of([m.category == v for v in r.categories]))
    if r.amount_min is not None:
        tests.append(m.amount >= r.amount_min)
    if r.amount_max is not None:
        tests.append(m.amount < r.amount_max)
    if r.count_min is not None:
        tests.append(m.complainant_count >= r.count_min)
    if r.vulnerable is not None:
        tests.append(m.vulnerable == r.vulnerable)
    if not tests:
        return +m.channel  # the catch-all row: any complaint (it always has a channel)
    out = tests[0]
    for t in tests[1:]:
        out = out & t
    return out


def _any_of(tests: list[Any]) -> Any:
    out = tests[0]
    for t in tests[1:]:
        out = out | t
    return out


def durable_classifier(stats: DurableStats) -> Callable[[dict[str, Any]], int]:
    """Post each complaint as an event; the answer is the lowest row index whose rule fired."""
    from durable.lang import get_host, m, ruleset, when_all  # type: ignore[import-untyped]

    fired: list[int] = []

    def action(index: int) -> Callable[[Any], None]:
        def act(_: Any) -> None:
            fired.append(index)

        act.__name__ = f"row_{index:02d}"
        return act

    stats.threads_before = threading.active_count()
    with ruleset("bench_classification"):
        for index, row in enumerate(ROWS):
            when_all(_durable_condition(row, m))(action(index))
    host = get_host()
    stats.threads_after = threading.active_count()
    post = host.post

    def classify(c: dict[str, Any]) -> int:
        fired.clear()
        if post("bench_classification", c) is None:
            stats.posts_returning_none += 1
        if not fired:
            stats.posts_firing_nothing += 1
            return -1
        return min(fired)

    return classify


# -- the workload ---------------------------------------------------------------------------


def _loop(
    fn: Callable[[dict[str, Any]], object], items: list[dict[str, Any]]
) -> Callable[[], None]:
    def run() -> None:
        for item in items:
            fn(item)

    return run


def contenders(
    data: Inputs, timed: int, log: Callable[[str], None]
) -> Iterator[tuple[str, Callable[[], None], int, str, dict[str, Any]]]:
    """Check each engine on every input, then yield (name, run, items, note, extra info).

    ``timed`` inputs (the first ones) are used for timing; all of ``data`` is checked.
    """
    plain, complaints = data.plain, data.complaints
    n = len(plain)
    expected = [plain_classify(c) for c in plain]
    traced = [plain_traced(c) for c in plain]
    assert [t["level"] for t in traced] == expected
    rows_hit = sorted({t["row"] for t in traced})
    log(f"  plain Python: {n} inputs, {len(rows_hit)} of 30 rows hit")
    yield (
        "plain Python",
        _loop(plain_classify, plain[:timed]),
        timed,
        "baseline",
        {"rows_hit": len(rows_hit)},
    )
    unrolled = plain_unrolled()
    assert [unrolled(c) for c in plain] == expected
    yield (
        "plain Python, if-chain",
        _loop(unrolled, plain[:timed]),
        timed,
        "the rows unrolled into one function (reference)",
        {},
    )
    yield (
        "plain Python, traced record",
        _loop(plain_traced, plain[:timed]),
        timed,
        "dict(level, row id, description)",
        {},
    )

    cr = complaint_rules_classifier()
    article = {r.id: f"第{i}條" for i, r in enumerate(ROWS, start=1)}
    for i, c in enumerate(complaints):
        got = cr(c)
        want = (traced[i]["level"], traced[i]["row"], article[traced[i]["row"]])
        assert got == want, (i, c, got, want)
    log(f"  complaint_rules: identical on all {n} inputs")
    yield (
        "complaint_rules decide (full trace)",
        _loop(cr, complaints[:timed]),
        timed,
        "complete Decision; level source = row id + article",
        {},
    )

    try:
        zen_level, zen_traced = zen_classifiers()
    except ImportError:
        log("  zen-engine not installed: skipped (pip install complaint-rules[bench])")
    else:
        for i, c in enumerate(plain):
            assert zen_level(c) == expected[i], (i, c)
            assert zen_traced(c) == (traced[i]["level"], traced[i]["row"]), (i, c)
        log(f"  zen-engine: identical on all {n} inputs")
        yield (
            "zen-engine",
            _loop(zen_level, plain[:timed]),
            timed,
            "JDM table, hit policy first",
            {},
        )
        yield (
            "zen-engine, trace",
            _loop(zen_traced, plain[:timed]),
            timed,
            "trace on; row _id read from it",
            {},
        )

    stats = DurableStats()
    try:
        durable = durable_classifier(stats)
    except ImportError:
        log("  durable_rules not installed: skipped (needs Python < 3.13)")
    else:
        snapshot = json.dumps(plain[:100])
        index = {r.id: i for i, r in enumerate(ROWS)}
        for i, c in enumerate(plain):
            assert durable(c) == index[traced[i]["row"]], (i, c)
        assert json.dumps(plain[:100]) == snapshot, "durable_rules changed its input"
        checked = {
            "threads_started": stats.threads_after - stats.threads_before,
            "posts_returning_none_in_check": stats.posts_returning_none,
            "posts_firing_nothing_in_check": stats.posts_firing_nothing,
        }
        log(
            f"  durable_rules: identical on all {n} inputs; it started "
            f"{checked['threads_started']} dispatcher threads; posts returning None: "
            f"{stats.posts_returning_none}"
        )
        yield (
            "durable_rules",
            _loop(durable, plain[:timed]),
            timed,
            "one rule per row; post()",
            {
                "durable": checked,
                "durable_stats": stats,
            },
        )
