"""The engine's fast path: shared parts, assembled models, the JSON writer and its caches.

A decision is built from parts kept per compiled policy (``prepare(cp).memo``), its models
are assembled without validation, and ``decide_json`` writes its JSON without pydantic's
serialiser. None of that may show: every decision equals the same decision validated by
pydantic, its JSON is ``model_dump_json()`` byte for byte, and what a complaint gets
does not depend on what the caches hold (other complaints, limits, ``estimate``, threads).

The baseline for "what the caches hold cannot matter" is a policy deciding with every
cache limit at 0 (nothing kept), and policies fresh from ``dataclasses.replace``.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic_core import to_json

from complaint_rules import (
    CalendarError,
    Catalog,
    CompiledPolicy,
    ComplaintError,
    Decision,
    UnpublishedCalendarError,
    decide,
    load_policy_text,
)
from complaint_rules.decision._fast import decider
from complaint_rules.decision._fast import writer as decisionjson
from complaint_rules.decision._fast.prepared import prepare
from complaint_rules.decision._fast.writer import DecisionWriter
from complaint_rules.decision.batch import DecidedLine, decide_jsonl
from complaint_rules.decision.engine import decide_json
from complaint_rules.decision.model import (
    DecidedApproval,
    DecidedDue,
    DecidedPenalty,
    DecidedReport,
    DecidedSanction,
    DecidedTier,
    Named,
    Source,
)
from complaint_rules.testing.strategies import complaints
from tests.support import ROOT
from tests.support.policy_texts import FASTPATH

POLICY_IDS = (
    "bocom",
    "hotel",
    "keyouqianqi_credit_union",
    "shihua_credit_coop",
    "xx_bank",
    "fastpath",
)
"""The bundled policies that decide, and :data:`~tests.support.policy_texts.FASTPATH`."""
FASTPATH_EXAMPLES: tuple[dict[str, Any], ...] = (
    {"id": "F-1", "received_at": "2026-09-30T10:00:00+08:00", "channel": "counter",
     "category": "service", "text": "等候過久"},
    {"received_at": "2026-09-30T23:59:59.5+08:00", "channel": "phone", "category": "product",
     "serious": True, "visited_at": "2026-10-01T10:00:00+08:00",
     "findings": ["late_opening", {"finding": "no_badge", "count": 2, "roles": ["desk"]}]},
    {"received_at": "2026-06-30T20:00:00+00:00", "channel": "電話投訴", "category": "service",
     "serious": False, "findings": ["no_badge"], "text": "電話無人接聽"},
)  # fmt: skip
GENERATED = 300
"""Complaints drawn per policy for the tests that decide many complaints outside hypothesis."""

Kwargs = dict[str, Any]
Case = tuple[dict[str, Any], Kwargs]
Outcome = tuple[str, str]
"""``("json", text)`` or the error's class name and message."""

# --- policies and complaints ---------------------------------------------------------------


def load(pid: str) -> CompiledPolicy:
    """A newly loaded compiled policy (its caches empty)."""
    if pid == "fastpath":
        return load_policy_text(FASTPATH, file="fastpath.yaml")
    return Catalog(entry_points=False).load(pid)


@cache
def policy(pid: str) -> CompiledPolicy:
    """The module's shared compiled policy (its caches fill as the tests run)."""
    return load(pid)


def fresh(pid: str) -> CompiledPolicy:
    """A copy of the policy with empty caches."""
    copy = dataclasses.replace(policy(pid))
    assert copy.cache == {} and copy.cache is not policy(pid).cache
    return copy


@cache
def strategy(pid: str) -> st.SearchStrategy[dict[str, Any]]:
    return complaints(policy(pid))


def examples(pid: str) -> list[dict[str, Any]]:
    if pid == "fastpath":
        return [dict(x) for x in FASTPATH_EXAMPLES]
    path = ROOT / "examples" / "complaints" / f"{pid}.json"
    items: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    assert items and all(isinstance(x, dict) for x in items)
    return items


def canonical(item: dict[str, Any]) -> str:
    return json.dumps(item, ensure_ascii=False, sort_keys=True)


@cache
def generated(pid: str) -> tuple[dict[str, Any], ...]:
    """:data:`GENERATED` complaints drawn by the testing kit's strategy (generation only)."""
    out: list[dict[str, Any]] = []

    @settings(
        max_examples=GENERATED // 5,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(st.lists(strategy(pid), min_size=5, max_size=5, unique_by=canonical))
    def grab(items: list[dict[str, Any]]) -> None:
        out.extend(items)

    grab()
    assert len(out) == GENERATED
    return tuple(out)


def spelled_amounts(pid: str) -> list[dict[str, Any]]:
    """Complaints that differ only in how an equal amount is written (hotel's approval),
    to catch a part kept by an amount that equals another but is written otherwise."""
    if pid != "hotel":
        return []
    (item,) = [x for x in examples(pid) if "compensation_yuan" in x]
    return [{**item, "compensation_yuan": v} for v in ("2800", "2800.00", 2800, "2800.0")]


def later(item: dict[str, Any]) -> str:
    return (datetime.fromisoformat(item["received_at"]) + timedelta(days=400)).isoformat()


def variants(item: dict[str, Any]) -> list[Kwargs]:
    return [{}, {"at": later(item)}, {"carry": ("id", "text")}, {"estimate": True}]


def cases_of(pid: str, drawn: int = GENERATED) -> list[Case]:
    """Each example in every variant, then ``drawn`` generated complaints (variants in turn)."""
    items = [*examples(pid), *spelled_amounts(pid)]
    cases = [(item, kw) for item in items for kw in variants(item)]
    for i, item in enumerate(generated(pid)[:drawn]):
        cases.append((item, variants(item)[i % 4]))
    return cases


def decided(cp: CompiledPolicy, item: dict[str, Any], kw: Kwargs) -> Decision | Outcome:
    try:
        return decide(cp, item, **kw)
    except (ComplaintError, CalendarError) as exc:
        return (type(exc).__name__, str(exc))


def outcome(cp: CompiledPolicy, item: dict[str, Any], kw: Kwargs) -> Outcome:
    try:
        return ("json", decide_json(cp, item, **kw))
    except (ComplaintError, CalendarError) as exc:
        return (type(exc).__name__, str(exc))


_UNCACHED: dict[tuple[str, str, str], Outcome] = {}


def uncached(pid: str, cases: Sequence[Case]) -> list[Outcome]:
    """What each case gives on a policy that keeps nothing (every limit 0), remembered."""
    keys = [(pid, canonical(item), canonical(kw)) for item, kw in cases]
    with pytest.MonkeyPatch.context() as m:
        m.setattr(decider, "_LIMIT", 0)
        m.setattr(decider, "_BUNDLES_LIMIT", 0)
        m.setattr(decider, "_RUNS_LIMIT", 0)
        m.setattr(decider, "_DUES_LIMIT", 0)
        m.setattr(decisionjson, "_KEPT_MAX", 0)
        cp = fresh(pid)
        for key, (item, kw) in zip(keys, cases, strict=True):
            if key not in _UNCACHED:
                _UNCACHED[key] = outcome(cp, item, kw)
        # Reports with no due date, blank amounts: one object each whatever the limits.
        memo = prepare(cp).memo
        assert all(not table for kind, table in memo.items() if kind not in decider.BY_POLICY)
        assert not prepare(cp).writer._kept
    return [_UNCACHED[key] for key in keys]


def assert_same(
    got: Sequence[Outcome], want: Sequence[Outcome], cases: Sequence[Case], how: str
) -> None:
    assert len(got) == len(want) == len(cases)
    for g, w, (item, kw) in zip(got, want, cases, strict=True):
        assert g == w, f"{how}: {json.dumps(item, ensure_ascii=False)} with {kw}"


# --- 1. every decision equals the validated one; its JSON is pydantic's ------------------------


def parts(
    value: Any, seen: dict[int, object], path: str = "decision"
) -> Iterator[tuple[str, BaseModel]]:
    """Every pydantic model in ``value`` (recursively), with where it is, but those in
    ``seen`` (checked before: parts are immutable, and shared between decisions)."""
    if isinstance(value, BaseModel):
        if seen.get(id(value)) is value:
            return
        seen[id(value)] = value  # kept alive: its id is not reused
        yield path, value
        for name, item in value.__dict__.items():
            yield from parts(item, seen, f"{path}.{name}")
    elif isinstance(value, tuple | list):
        for i, item in enumerate(value):
            yield from parts(item, seen, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from parts(item, seen, f"{path}[{key!r}]")


_CHECKED: dict[int, object] = {}
"""The parts :func:`assert_complete` has checked."""


def assert_complete(decision: Decision, seen: dict[int, object] = _CHECKED) -> None:
    """Every model part has its fields in ``__dict__`` in the model's order, all set (as
    in a validated model: ``model_dump(exclude_unset=True)`` then drops nothing)."""
    for path, part in parts(decision, seen):
        fields = type(part).model_fields
        assert list(part.__dict__) == list(fields), path
        assert part.model_fields_set == set(fields), path


def check(cp: CompiledPolicy, item: dict[str, Any], **kw: Any) -> Decision | None:
    """Decide ``item``, checking every form of the decision; None if it is refused."""
    refused = decided(cp, item, kw)
    if not isinstance(refused, Decision):
        with pytest.raises((ComplaintError, CalendarError)) as info:
            decide_json(cp, item, **kw)
        assert (type(info.value).__name__, str(info.value)) == refused
        return None
    decision = refused
    for instant in (decision.received_at, decision.decided_at):  # in the policy's zone
        assert instant.utcoffset() == instant.astimezone(cp.tz).utcoffset()
    text = decide_json(cp, item, **kw)
    assert text == decision.model_dump_json()
    assert Decision.model_validate(decision.model_dump()) == decision
    assert Decision.model_validate_json(text) == decision
    assert_complete(decision)
    line = json.dumps(item, ensure_ascii=False)
    assert list(decide_jsonl(cp, [line], **kw)) == [DecidedLine(1, text.encode())]
    return decision


@pytest.mark.parametrize("pid", POLICY_IDS)
def test_bundled_examples_decide_as_validated_and_write_pydantics_json(pid: str) -> None:
    cp = policy(pid)
    for item in [*examples(pid), *spelled_amounts(pid)]:
        for kw in variants(item):
            decision = check(cp, item, **kw)
            assert decision is not None, (item, kw)
            if "carry" in kw:
                assert decision.carried == {k: item[k] for k in ("id", "text") if k in item}
            else:
                assert decision.carried == {}
            if "at" in kw:
                assert decision.decided_at == datetime.fromisoformat(kw["at"])
                assert all(d.overdue_at_decision for d in decision.deadlines if d.due)


@pytest.mark.parametrize("pid", POLICY_IDS)
@settings(max_examples=max(10, settings().max_examples // 2))  # x6 policies, x4 variants
@given(data=st.data())
def test_generated_complaints_decide_as_validated_and_write_pydantics_json(
    pid: str, data: st.DataObject
) -> None:
    cp = policy(pid)
    item = data.draw(strategy(pid), label="complaint")
    for kw in variants(item):
        if check(cp, item, **kw) is None and "estimate" not in kw:
            check(cp, item, **kw, estimate=True)


def test_every_part_of_a_decision_has_every_field_set() -> None:
    # keyouqianqi classifies its levels: the level's source is a classification row's, and
    # fastpath's blank amounts add gaps; each part is checked afresh (no ``seen``).
    for pid in POLICY_IDS:
        for item in examples(pid):
            decision = decide(policy(pid), item)
            validated = Decision.model_validate(decision.model_dump())
            unset = decision.model_dump(exclude_unset=True)
            assert unset == validated.model_dump(exclude_unset=True) == decision.model_dump()
            assert_complete(decision, seen={})


@pytest.mark.parametrize(
    ("pid", "example", "fixed"),
    [("shihua_credit_coop", 0, False), ("keyouqianqi_credit_union", 2, True)],
)
def test_decisions_made_from_one_template_share_nothing_mutable(
    pid: str, example: int, fixed: bool
) -> None:
    # Complaints with the same rules matched, row and vocabulary share a template of the
    # decision's fields (engine: "templates"): each decision gets its own copy of it, and
    # its own ``carried`` dict, so that changing one never shows in another. 石花's rules
    # set deadlines (the template is filled in by the engine's decider); 科右前旗's third
    # example matches rules with no deadline, no report due and no penalty (the template is
    # filled in directly: the bundle is "fixed").
    cp = fresh(pid)
    item = examples(pid)[example]
    later = {**item, "received_at": "2026-04-30T09:00:00+08:00"}
    first, second = decide(cp, item), decide(cp, later)
    assert prepare(cp).memo["templates"]
    bundles = list(prepare(cp).memo["bundles"].values())
    assert [b.fixed for b in bundles] == [fixed]
    assert first.matched_rules is second.matched_rules  # the same template...
    assert first.__dict__ is not second.__dict__  # ...copied
    assert first.carried is not second.carried
    first.carried["x"] = 1
    assert second.carried == {} and decide(cp, item).carried == {}
    assert first.received_at != second.received_at


# --- 2. the same complaint gets the same bytes whatever the caches hold -----------------------


def test_an_equal_amount_spelled_otherwise_keeps_its_spelling() -> None:
    # Decimal("2800") == Decimal("2800.00"): a part kept by amount must keep its spelling.
    base = next(x for x in examples("hotel") if "compensation_yuan" in x)
    cp = fresh("hotel")
    for spelled, written in (("2800", "2800"), ("2800.00", "2800.00"), (2800, "2800")):
        for decide_first in (True, False):
            item = {**base, "compensation_yuan": spelled}
            if decide_first:
                got = decide(cp, item).approvals[0].amount_yuan
                text = decide_json(cp, item)
            else:
                text = decide_json(cp, item)
                got = decide(cp, item).approvals[0].amount_yuan
            assert str(got) == written
            assert json.loads(text)["approvals"][0]["amount_yuan"] == written
            assert text == decide_json(fresh("hotel"), item)


@pytest.mark.parametrize("pid", POLICY_IDS)
def test_same_json_whatever_the_caches_hold(pid: str) -> None:
    cases = cases_of(pid)
    want = uncached(pid, cases)
    assert sum(kind == "json" for kind, _ in want) > len(cases) // 2
    shared = policy(pid)
    filled = [outcome(shared, item, kw) for item, kw in cases]
    assert_same(filled, want, cases, "the module's policy")
    again = [outcome(shared, item, kw) for item, kw in reversed(cases)]
    assert_same(again[::-1], want, cases, "again, in reverse order, with full caches")
    one = fresh(pid)
    assert_same([outcome(one, item, kw) for item, kw in cases], want, cases, "a fresh copy")
    # Each of some complaints on its own fresh policy: nothing decided before it.
    sample = list(range(0, len(cases), max(1, len(cases) // 12)))
    for i in sample:
        item, kw = cases[i]
        assert outcome(fresh(pid), item, kw) == want[i], (item, kw)
    loaded = load(pid)
    assert loaded is not shared and loaded.cache == {}
    for i in sample[:5]:
        assert outcome(loaded, *cases[i]) == want[i], cases[i]


# --- 3. bounded caches: limits hold, and decisions do not change ------------------------------

MEMO_LIMITS = {"dues": 1}
"""Each kind's entries with every limit 1: ``_DUES_LIMIT`` for dues, 1 for any other kind
(bundles, their JSON, pending, gaps, ...) but ``decider.BY_POLICY``'s, one per element of
the policy (not caches)."""


@pytest.mark.parametrize("pid", POLICY_IDS)
def test_caches_at_their_smallest_give_the_same_decisions(
    pid: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = cases_of(pid, 200)
    normal = fresh(pid)
    want = [(decided(normal, *c), outcome(normal, *c)) for c in cases]
    assert_same([w[1] for w in want], uncached(pid, cases), cases, "the usual limits")
    monkeypatch.setattr(decider, "_LIMIT", 1)
    monkeypatch.setattr(decider, "_BUNDLES_LIMIT", 1)
    monkeypatch.setattr(decider, "_RUNS_LIMIT", 1)
    monkeypatch.setattr(decider, "_DUES_LIMIT", 1)
    monkeypatch.setattr(decisionjson, "_KEPT_MAX", 1)
    small = fresh(pid)
    got = [(decided(small, *c), outcome(small, *c)) for c in cases]
    for g, w, c in zip(got, want, cases, strict=True):
        assert g[0] == w[0], c
        assert g[1] == w[1], c
    memo = prepare(small).memo
    assert {"bundles", "dues"} <= set(memo)
    reports = sum(len(rule.reports) for rule in prepare(small).rules)
    for kind, table in memo.items():
        if kind == "money_gaps":  # one per amount a rule takes from a parameter
            amounts = sum(
                sum(p.amount_yuan is not None for p in r.rule.penalties)
                + sum(t.limit_yuan is not None for a in r.rule.approvals for t in a.tiers)
                for r in small.rules
            )
            assert len(table) <= amounts, kind
            continue
        limit = reports if kind == "static_reports" else MEMO_LIMITS.get(kind, 1)
        assert len(table) <= limit, kind
    writer = prepare(small).writer
    assert len(writer._kept) <= 1 and len(writer._strings) <= 1
    # With the usual limits, the same complaints filled more than one entry of a kind.
    assert len(prepare(normal).memo["bundles"]) > 1


# --- 4. estimate never leaks through the caches -------------------------------------------


def moved_to_year_end(pid: str) -> Iterator[dict[str, Any]]:
    cp = policy(pid)
    last = max(cp.calendar.known_years)
    assert cp.calendar.published_range[1] == last and not cp.calendar.is_known(last + 1)
    for item in examples(pid):
        for day in (24, 28, 31):
            when = datetime(last, 12, day, 10, tzinfo=cp.tz)
            yield {**item, "received_at": when.isoformat()}


@cache
def unpublished() -> tuple[tuple[str, dict[str, Any]], ...]:
    """Complaints whose deadlines run into the year after the last one holidays knows:
    refused on a fresh policy, decided (and marked estimated) with ``estimate=True``."""
    found = []
    for pid in POLICY_IDS:
        cp = fresh(pid)
        mine = []
        for item in moved_to_year_end(pid):
            try:
                decide(cp, item)
            except UnpublishedCalendarError:
                mine.append((pid, item))
            except ComplaintError:
                continue
        found += mine[:3]  # three per policy are enough, and keep the tests quick
    return tuple(found)


def refusal(cp: CompiledPolicy, item: dict[str, Any]) -> tuple[str, str, int]:
    with pytest.raises(UnpublishedCalendarError) as info:
        decide_json(cp, item)
    with pytest.raises(UnpublishedCalendarError) as again:
        decide(cp, item)
    assert str(again.value) == str(info.value)
    return (type(info.value).__name__, str(info.value), info.value.year)


def estimated(cp: CompiledPolicy, item: dict[str, Any]) -> str:
    """The JSON of ``item`` decided with ``estimate=True``: a deadline is marked estimated,
    or (where no deadline counts days) a report is due in the unknown year."""
    decision = check(cp, item, estimate=True)
    assert decision is not None
    unknown = max(cp.calendar.known_years) + 1
    assert any(d.estimated for d in decision.deadlines) or any(
        r.due is not None and r.due.last_day is not None and r.due.last_day.year == unknown
        for r in decision.reports
    ), item
    return decide_json(cp, item, estimate=True)


def test_some_complaints_run_into_an_unknown_year() -> None:
    pids = {pid for pid, _ in unpublished()}
    assert {"keyouqianqi_credit_union", "shihua_credit_coop", "fastpath"} <= pids, pids
    # In fastpath, only a report counts working days when no fact starts a deadline.
    assert any(pid == "fastpath" and "visited_at" not in item for pid, item in unpublished())
    last = max(policy("keyouqianqi_credit_union").calendar.known_years)
    for pid, item in unpublished():
        assert refusal(fresh(pid), item)[2] == last + 1


def test_an_estimate_then_a_refusal_on_the_same_policy() -> None:
    for pid, item in unpublished():
        want_refusal = refusal(fresh(pid), item)
        want_json = estimated(fresh(pid), item)
        cp = fresh(pid)
        assert estimated(cp, item) == want_json
        assert refusal(cp, item) == want_refusal
        # Another complaint received the same day (same counts) is refused alike.
        hour_later = datetime.fromisoformat(item["received_at"]) + timedelta(hours=1)
        other = {**item, "received_at": hour_later.isoformat()}
        assert refusal(cp, other)[0] == want_refusal[0]
        assert refusal(cp, other) == refusal(fresh(pid), other)
        assert estimated(cp, item) == want_json


def test_a_refusal_then_an_estimate_on_the_same_policy() -> None:
    for pid, item in unpublished():
        want_refusal = refusal(fresh(pid), item)
        want_json = estimated(fresh(pid), item)
        cp = fresh(pid)
        assert refusal(cp, item) == want_refusal
        assert estimated(cp, item) == want_json
        assert refusal(cp, item) == want_refusal


def test_estimates_mixed_into_many_complaints_change_nothing() -> None:
    for pid in POLICY_IDS:
        items = [*moved_to_year_end(pid), *generated(pid)[:60]]
        cases = [(item, kw) for item in items for kw in ({"estimate": True}, {})]
        want = uncached(pid, cases)
        cp = fresh(pid)
        assert_same([outcome(cp, *c) for c in cases], want, cases, "estimate first")
        cp = fresh(pid)
        got = [outcome(cp, *c) for c in reversed(cases)][::-1]
        assert_same(got, want, cases, "estimate second")


# --- 5. the writer alone ----------------------------------------------------------------------

OFFSETS = st.one_of(
    st.integers(min_value=-24 * 60 + 1, max_value=24 * 60 - 1).map(
        lambda m: timezone(timedelta(minutes=m))
    ),
    st.integers(min_value=-86_399, max_value=86_399).map(lambda s: timezone(timedelta(seconds=s))),
    st.sampled_from([timezone(timedelta(hours=8)), timezone(timedelta(hours=-5, minutes=-30))]),
)
ZONES = st.one_of(st.timezones(), st.just(UTC), OFFSETS)
INSTANTS = st.datetimes(
    min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31), timezones=ZONES
)
TRICKY = ['"', "\\", "\u2028", "\u2029", "\x00", "\x1f", "\x7f", "😀", "中文", "</", "\ufeff"]
TEXTS = st.one_of(
    st.text(),
    st.lists(st.sampled_from(TRICKY) | st.text(max_size=3)).map("".join),
)
SOURCE = Source(rule="r", article="一、1", policy="p")
NAMED = Named(id="n", label="某人")
DECIMALS = st.decimals(allow_nan=False, allow_infinity=False)
MAYBE_DECIMALS = st.none() | DECIMALS


def write(part: BaseModel) -> list[bytes]:
    """``part``'s JSON by a fresh writer, a writer that wrote it before, and a policy's."""
    shared = prepare(policy("bocom")).writer
    first = DecisionWriter()
    return [first.model(part), first.model(part), shared.model(part), shared.model(part)]


@given(INSTANTS)
def test_the_writer_writes_any_aware_instant_as_pydantic(instant: datetime) -> None:
    want = to_json(instant)
    writer = DecisionWriter()
    assert writer.value(instant) == want
    assert writer.value(instant) == want
    assert writer.keep(instant) == want
    assert writer.value(instant) == want
    report = DecidedReport(
        id="r", label="報告", by=(NAMED,), by_any=False, to=(), to_any=False, frequency="once",
        starts="received", due=DecidedDue(last_day=None, late_from=instant), waiting_for=(),
        discretionary=False, note=None, source=SOURCE,
    )  # fmt: skip
    assert write(report) == [report.model_dump_json().encode()] * 4
    day = DecidedDue(last_day=instant.date(), late_from=instant)
    assert write(day) == [day.model_dump_json().encode()] * 4


@given(st.lists(INSTANTS, min_size=2, max_size=6), ZONES)
def test_the_last_instant_kept_never_stands_for_another(
    instants: list[datetime], zone: tzinfo
) -> None:
    # Equal instants written with other offsets, and equal values as other objects.
    others = [x.astimezone(zone) for x in instants if x.year < 9999 and x.year > 1]
    copies = [x.replace() for x in instants]
    writer = DecisionWriter()
    for _ in range(3):
        for x in [*instants, *others, *copies, *reversed(instants)]:
            assert writer.value(x) == to_json(x), x


def test_the_last_instant_kept_alternating_with_an_equal_one() -> None:
    writer = DecisionWriter()
    a = datetime(2026, 10, 10, 23, 59, 59, tzinfo=timezone(timedelta(hours=8)))
    b = a.astimezone(UTC)
    assert a == b
    for _ in range(3):
        assert writer.value(a) == b'"2026-10-10T23:59:59+08:00"'
        assert writer.value(b) == b'"2026-10-10T15:59:59Z"'
    for second in range(60):  # new objects each time (an id may be reused once freed)
        assert writer.value(a.replace(second=second)) == to_json(a.replace(second=second))


@given(TEXTS)
def test_the_writer_writes_any_text_as_pydantic(text: str) -> None:
    named = Named(id="x", label=text)
    assert write(named) == [named.model_dump_json().encode()] * 4
    gap_source = Source(rule=text, article=text, policy="p", verification=text)
    assert write(gap_source) == [gap_source.model_dump_json().encode()] * 4


@given(
    amount=MAYBE_DECIMALS,
    configured=st.booleans(),
    note=st.none() | TEXTS,
    approvers=st.lists(TEXTS, max_size=3),
    limits=st.lists(st.tuples(MAYBE_DECIMALS, MAYBE_DECIMALS), max_size=3),
)
def test_the_writer_writes_an_approval_as_pydantic(
    amount: Decimal | None,
    configured: bool,
    note: str | None,
    approvers: list[str],
    limits: list[tuple[Decimal | None, Decimal | None]],
) -> None:
    tiers = tuple(
        DecidedTier(
            role=NAMED,
            limit_yuan=limit,
            configured=limit is not None,
            earlier_total=None if total is None else "earlier_yuan",
            total_yuan=total,
        )
        for limit, total in limits
    )
    approval = DecidedApproval(
        id="a",
        label="審批",
        amount_yuan=amount,
        tiers=tiers,
        above=(NAMED,),
        approver=tuple(Named(id=a, label=a) for a in approvers),
        configured=configured,
        waiting_for=() if configured else ("earlier_yuan",),
        note=note,
        source=SOURCE,
    )
    assert write(approval) == [approval.model_dump_json().encode()] * 4


@given(
    occurrences=st.integers(),
    amounts=st.tuples(MAYBE_DECIMALS, MAYBE_DECIMALS, MAYBE_DECIMALS, MAYBE_DECIMALS),
    configured=st.booleans(),
    condition=st.none() | TEXTS,
)
def test_the_writer_writes_a_penalty_as_pydantic(
    occurrences: int,
    amounts: tuple[Decimal | None, ...],
    configured: bool,
    condition: str | None,
) -> None:
    low, high, total_low, total_high = amounts
    penalty = DecidedPenalty(
        id="p",
        label="罰款",
        finding=NAMED,
        occurrences=occurrences,
        roles_involved=(NAMED, NAMED),
        subjects=(),
        kind="fine",
        per="occurrence",
        headcount=None if occurrences % 2 else occurrences,
        min_yuan=low,
        max_yuan=high,
        total_min_yuan=total_low,
        total_max_yuan=total_high,
        configured=configured,
        waiting_for=() if configured else ("headcount",),
        sanctions=(
            DecidedSanction(id="s", label="警告", status="conditional", condition=condition),
        ),
        note=None,
        source=SOURCE,
    )
    assert write(penalty) == [penalty.model_dump_json().encode()] * 4


def test_the_writer_writes_decimals_of_every_exponent_as_pydantic() -> None:
    for text in ("0", "-0", "0E-8", "0E+3", "1E+2", "2.8E+3", "2800.00", "-1.5", "1E-30"):
        approval = DecidedApproval(
            id="a", label="l", amount_yuan=Decimal(text), tiers=(), above=(), approver=(),
            configured=True, waiting_for=(), note=None, source=SOURCE,
        )  # fmt: skip
        assert write(approval) == [approval.model_dump_json().encode()] * 4, text
        assert DecisionWriter().value(Decimal(text)) == to_json(Decimal(text))


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from([1e16, 0.1, -0.0, 10**30, -(2**63), 1.5e-323, 1e308])
    | TEXTS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXTS, inner, max_size=4),
    max_leaves=12,
)


@cache
def example_decision() -> Decision:
    return decide(policy("shihua_credit_coop"), examples("shihua_credit_coop")[0])


@given(st.dictionaries(st.sampled_from(["id", "text", "complainant"]), JSON_VALUES, min_size=1))
def test_the_writer_writes_a_decision_with_carried_data_as_pydantic(
    carried: dict[str, Any],
) -> None:
    base = example_decision()
    validated = Decision.model_validate({**base.model_dump(), "carried": carried})
    assert write(validated) == [validated.model_dump_json().encode()] * 4
    # The engine's own parts (kept by the policy's writer) with other carried data.
    mixed = base.model_copy(update={"carried": validated.carried})
    assert list(mixed.__dict__) == list(Decision.model_fields)
    want = validated.model_dump_json().encode()
    assert mixed.model_dump_json().encode() == want
    assert prepare(policy("shihua_credit_coop")).writer.model(mixed) == want


# --- 6. threads ---------------------------------------------------------------------------


def run_in_threads(cp: CompiledPolicy, cases: list[Case], threads: int) -> list[list[Outcome]]:
    """Each thread decides every case (starting at a different one) at the same time."""
    barrier = threading.Barrier(threads)
    n = len(cases)

    def run(k: int) -> list[Outcome]:
        start = k * n // threads
        order = [*range(start, n), *range(start)]
        barrier.wait()
        got: dict[int, Outcome] = {}
        for i in order:
            got[i] = outcome(cp, *cases[i])
        return [got[i] for i in range(n)]

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        with ThreadPoolExecutor(threads) as pool:
            return list(pool.map(run, range(threads)))
    finally:
        sys.setswitchinterval(old)


@pytest.mark.parametrize("pid", POLICY_IDS)
def test_threads_deciding_at_once_get_what_one_thread_gets(pid: str) -> None:
    cases: list[Case] = [(item, {}) for item, _ in cases_of(pid)]
    single = fresh(pid)
    want = [outcome(single, *c) for c in cases]
    assert_same(want, uncached(pid, cases), cases, "one thread")
    shared = fresh(pid)  # prepared by the threads themselves, at once
    for got in run_in_threads(shared, cases, 4):
        assert_same(got, want, cases, "four threads")
    assert prepare(shared).memo["bundles"]


def test_the_writer_is_one_per_prepared_policy() -> None:
    cp = fresh("bocom")
    prepared = prepare(cp)
    assert prepare(cp) is prepared and prepared.writer is prepare(cp).writer
    assert prepare(fresh("bocom")).writer is not prepared.writer
