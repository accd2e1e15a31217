"""The fast engine against the plain reference decider, byte for byte.

:mod:`complaint_rules.decision.reference` is the specification of a decision; the engine
(:mod:`complaint_rules.decision.engine`) must give the same decisions, equal as models and
identical as JSON, and refuse the same input with the same error (type, message and
problems). Complaints are drawn for every bundled policy (the abstract baseline, which
refuses every complaint, included), the example grand hotel and the small test policies,
and for policies drawn at random: valid complaints from the testing kit (every channel,
category, level and finding by every spelling, facts near their thresholds, received on
holidays, make-up days, month and year ends and in years whose schedule is unknown),
hostile ones from the fuzzer, decided as of instants on either side of their deadlines,
with and without ``estimate``, carrying personal fields or not, given as a ``dict``,
another mapping or a parsed ``Complaint``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import suppress
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from complaint_rules import Catalog, CompiledPolicy, compile_policy, load_policy_text
from complaint_rules.decision import engine, reference
from complaint_rules.decision.complaint import Complaint, parse_complaint
from complaint_rules.errors import ComplaintRulesError
from complaint_rules.policy.model import Policy
from complaint_rules.testing.strategies import complaints, policies
from tests.fuzz.test_complaint_target import complaints as hostile_complaints
from tests.support import ROOT
from tests.support.policy_texts import FASTPATH, MINI
from tests.support.profiles import POLICY_EXAMPLES

CATALOG = Catalog([ROOT / "examples" / "hotel_variant" / "grand_hotel_policies"])
BUNDLED = tuple(CATALOG.ids())
"""Every policy in policies/ and the example grand hotel (an entry point's policy too, if
one is installed)."""
CLASSIFIED = """\
schema: complaint-rules/1
id: classified
version: "1"
title: 分級測試辦法
institution: 測試銀行
source: tests
vocabulary:
  roles:
    - {id: desk, label: 櫃面}
  channels:
    - {id: counter, label: 櫃面投訴}
    - {id: media, label: 媒體投訴}
  categories:
    - {id: service, label: 服務態度}
    - {id: product, label: 服務產品}
    - {id: fraud, label: 金融詐騙}
  levels:
    - {id: general, label: 一般投訴}
    - {id: major, label: 重大投訴}
facts:
  - {id: group, type: bool, label: 群體投訴}
  - {id: amount_yuan, type: decimal, label: 涉及金額}
classification:
  rows:
    - {id: by_group, article: 第二條第一款, when: {group: true}, level: major}
    - {id: by_amount, article: 第二條第二款, when: {amount_yuan: {gte: 10000}}, level: major}
    - id: by_category
      article: 第二條第三款
      when: {category: [service, product]}
      level: general
  default: general
rules:
  - id: everyone
    article: 第一條
    routing:
      - {duty: handles, role: desk}
  - id: major
    article: 第三條
    when: {level: {at_least: major}}
    deadlines:
      - {id: reply, label: 答復, within: {working_days: {min: 7, max: 10}}, by: [desk]}
  - id: media_group
    article: 第四條
    when: {any: [{channel: media}, {group: true}]}
    reports:
      - {id: tell_head, label: 報告, to: [desk], due: {calendar_days: 1}}
"""
"""A policy whose classification rows read facts (a row left unknown is passed over), with
a default level; :data:`UNCLASSIFIED` is the same without the default."""
UNCLASSIFIED = CLASSIFIED.replace("id: classified", "id: unclassified").replace(
    "  default: general\n", ""
)
SMALL = {
    "mini": MINI,
    "fastpath": FASTPATH,
    "classified": CLASSIFIED,
    "unclassified": UNCLASSIFIED,
}
POLICY_IDS = (*BUNDLED, *SMALL)


@cache
def policy(pid: str) -> CompiledPolicy:
    if pid in SMALL:
        return load_policy_text(SMALL[pid], file=f"{pid}.yaml")
    return CATALOG.load(pid)


@cache
def valid(pid: str) -> st.SearchStrategy[dict[str, Any]]:
    return complaints(policy(pid))


def test_every_bundled_policy_is_compared() -> None:
    ids = {p.stem for p in (ROOT / "policies").glob("*.yaml") if not p.stem.endswith(".tests")}
    assert ids | {"grand_hotel"} <= set(BUNDLED)
    assert policy("cn_banking_baseline").policy.abstract


# --- the comparison ----------------------------------------------------------------------

Outcome = tuple[str, Any]
"""``("decided", value)``, or ``("refused", (type, message, problems))``."""


def outcome(call: Callable[[], Any]) -> Outcome:
    try:
        return ("decided", call())
    except (ComplaintRulesError, ValueError, TypeError) as exc:
        return ("refused", (type(exc), str(exc), getattr(exc, "problems", None)))


def agree(cp: CompiledPolicy, complaint: Any, **kw: Any) -> Outcome:
    """Decide ``complaint`` with both deciders, as models and as JSON; they must agree.

    Returns the engine's outcome (as a model, or the error)."""
    fast = outcome(lambda: engine.decide(cp, complaint, **kw))
    plain = outcome(lambda: reference.decide(cp, complaint, **kw))
    fast_json = outcome(lambda: engine.decide_json(cp, complaint, **kw))
    plain_json = outcome(lambda: reference.decide_json(cp, complaint, **kw))
    assert fast_json == plain_json
    assert fast == plain
    if fast[0] == "decided":
        assert fast_json[1] == plain[1].model_dump_json()
    else:
        assert fast_json == fast
    return fast


def forms(cp: CompiledPolicy, complaint: dict[str, Any], carry: tuple[str, ...]) -> list[Any]:
    """The complaint as a host may give it: a ``dict`` (the engine's generated parser), a
    read-only mapping (the full check), and parsed (no check) if it parses."""
    shapes: list[Any] = [complaint, MappingProxyType(complaint)]
    with suppress(ComplaintRulesError):
        shapes.append(parse_complaint(cp, complaint, carry=carry))
    return shapes


ZONES = st.sampled_from(
    [timezone(timedelta(hours=8)), UTC, timezone(timedelta(hours=-5, minutes=-30))]
)
LATER = st.sampled_from(
    [timedelta(0), timedelta(microseconds=-1), timedelta(microseconds=1), timedelta(days=3)]
)
CARRY = st.sampled_from([(), ("id",), ("text", "complainant", "id")])


def as_of(data: st.DataObject, cp: CompiledPolicy, complaint: dict[str, Any]) -> Any:
    """An instant to decide ``complaint`` as of: its receipt or one of its due instants (the
    engine's: the instants they are late from), exactly, a microsecond earlier or later or
    days later; in another zone, or as text."""
    received = complaint.get("received_at")
    try:
        near = [datetime.fromisoformat(received)] if isinstance(received, str) else []
    except ValueError:
        near = []
    decided = outcome(lambda: engine.decide(cp, complaint, estimate=True))
    if decided[0] == "decided":
        near += [x.late_from for d in decided[1].deadlines for x in (d.due, d.due_earliest) if x]
    if not near:
        return None
    instant = data.draw(st.sampled_from(near), label="near")
    try:
        at = (instant + data.draw(LATER, label="later")).astimezone(data.draw(ZONES, label="zone"))
    except OverflowError:  # a hostile instant at the end of the calendar
        return None
    return at.isoformat() if data.draw(st.booleans(), label="as text") else at


def check(data: st.DataObject, cp: CompiledPolicy, complaint: dict[str, Any]) -> None:
    """``complaint`` decided by both and compared: given as a ``dict``, another mapping or
    parsed, with ``estimate`` and ``carry`` drawn, and as of its receipt or an instant
    drawn around its deadlines."""
    carry = data.draw(CARRY, label="carry")
    shape = data.draw(st.sampled_from(forms(cp, complaint, carry)), label="shape")
    kw: dict[str, Any] = {"estimate": data.draw(st.booleans(), label="estimate")}
    if isinstance(shape, Mapping):
        kw["carry"] = carry
    if data.draw(st.booleans(), label="as of"):
        kw["at"] = as_of(data, cp, complaint)
    agree(cp, shape, **kw)


# --- the properties ----------------------------------------------------------------------

DECIDING = tuple(pid for pid in POLICY_IDS if not policy(pid).policy.abstract)


@pytest.mark.parametrize("pid", DECIDING)
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_valid_complaints_decide_alike(pid: str, data: st.DataObject) -> None:
    check(data, policy(pid), data.draw(valid(pid), label="complaint"))


@pytest.mark.parametrize("pid", POLICY_IDS)
@settings(
    max_examples=max(10, settings().max_examples // 3),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_hostile_complaints_are_refused_or_decided_alike(pid: str, data: st.DataObject) -> None:
    cp = policy(pid)
    check(data, cp, data.draw(hostile_complaints(cp), label="complaint"))


@settings(
    max_examples=POLICY_EXAMPLES,  # each example compiles a policy
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data(), model=policies(form="model"))
def test_complaints_under_drawn_policies_decide_alike(data: st.DataObject, model: Policy) -> None:
    cp = compile_policy(model)
    if model.abstract:
        check(data, cp, {"received_at": "2026-03-02T09:00:00+08:00"})
        return
    for _ in range(3):
        check(data, cp, data.draw(complaints(cp), label="complaint"))


# --- the errors, named ---------------------------------------------------------------------


def test_an_abstract_policy_is_refused_alike() -> None:
    complaint = {"received_at": "2026-03-02T09:00:00+08:00", "channel": "x", "category": "x"}
    refused = agree(policy("cn_banking_baseline"), complaint)
    assert refused[0] == "refused" and "is abstract" in refused[1][1]


BASE = {
    "received_at": "2026-10-09T17:00:00+08:00",
    "channel": "counter",
    "category": "service",
    "level": "minor",
}


@pytest.mark.parametrize(
    ("complaint", "kw", "error"),
    [
        (BASE, {"at": "2026-10-14"}, "ComplaintError"),  # an instant without an offset
        (BASE, {"at": 20261014}, "ComplaintError"),
        ({**BASE, "received_at": "2027-12-28T10:00:00+08:00"}, {}, "UnpublishedCalendarError"),
        (BASE, {"carry": "id"}, "TypeError"),
        (BASE, {"carry": ("channel",)}, "ValueError"),
        (["not", "an", "object"], {}, "ComplaintError"),
    ],
)
def test_bad_input_is_refused_alike(complaint: Any, kw: dict[str, Any], error: str) -> None:
    refused = agree(policy("mini"), complaint, **kw)
    assert refused[0] == "refused" and refused[1][0].__name__ == error


def test_a_parsed_complaint_takes_no_carry() -> None:
    parsed = parse_complaint(policy("mini"), BASE)
    assert isinstance(parsed, Complaint)
    refused = agree(policy("mini"), parsed, carry=("id",))
    assert refused[0] == "refused" and refused[1][0] is ValueError


def test_the_comparison_sees_one_field_differ(monkeypatch: pytest.MonkeyPatch) -> None:
    # A reference that decides a microsecond late differs in decided_at alone: caught.
    agree(policy("mini"), BASE)
    as_of = reference._as_of
    monkeypatch.setattr(
        reference,
        "_as_of",
        lambda cp, at, received: as_of(cp, at, received) + timedelta(microseconds=1),
    )
    with pytest.raises(AssertionError):
        agree(policy("mini"), BASE)


def test_drawn_complaints_reach_what_the_comparison_is_for() -> None:
    # The strategies reach running, waiting and unstarted deadlines, penalties, approvals,
    # blank amounts, levels of every origin, pending rules and refusals for an unknown year
    # (50 complaints a policy, the same on every run).
    seen: set[str] = set()

    def record(pid: str) -> None:
        @settings(max_examples=50, derandomize=True, database=None)
        @given(complaint=valid(pid))
        def one(complaint: dict[str, Any]) -> None:
            decided = outcome(lambda: engine.decide(policy(pid), complaint))
            if decided[0] == "refused":
                seen.add(decided[1][0].__name__)
                return
            d = decided[1]
            seen.update(f"deadline {x.status}" for x in d.deadlines)
            seen.update(f"gap {g.about}" for g in d.gaps)
            seen.update(f"penalty {x.kind}" for x in d.penalties)
            seen.update("approval" for _ in d.approvals)
            seen.update("pending" for _ in d.pending_rules)
            seen.update(f"level {d.level.how}" for _ in [0] if d.level is not None)

        one()

    for pid in DECIDING:
        record(pid)
    wanted = {
        "deadline running",
        "deadline needs_fact",
        "deadline not_started",
        "gap amount",
        "gap level",
        "gap retention",
        "penalty fine",
        "approval",
        "pending",
        "level input",
        "level classified",
        "level default",
        "UnpublishedCalendarError",
    }
    assert wanted - seen == set()
