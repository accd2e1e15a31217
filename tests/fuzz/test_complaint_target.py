"""Fuzzing complaint parsing and deciding with hypothesis, on every bundled policy.

Complaints are drawn field by field: each known field gets a valid value (an id, a label,
an alias, full-width or padded), a hostile one (look-alike letters, invisible characters,
personal data, huge text, impossible or far-off instants, absurd numbers) or arbitrary
JSON; unknown fields are added too. The oracle (:func:`check_decides`) accepts a decision
(which serialises, holds none of the personal markers, and is the same when decided
again) or the library's own ``ComplaintError`` (every problem located, none repeating a
personal marker) or ``CalendarError``; anything else is a finding. The coverage-guided
twin is fuzz/complaint_target.py.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from complaint_rules import CalendarError, Catalog, CompiledPolicy, ComplaintError, decide

CATALOG = Catalog()
POLICIES = [CATALOG.load(i) for i in CATALOG.ids()]

MARKERS = ("Ouyang Nana 歐陽娜娜", "+86 138-0013-8000", "11010119900307888X", "西單支行被吞卡")
HOSTILE_TEXT = st.sampled_from(
    [
        *MARKERS,
        "",
        " ",
        "\u200b",
        "lеtter",  # Cyrillic е
        "ｌｅｔｔｅｒ",
        "\ufdfa" * 300,
        "x" * 10_000,
        "\x00\x1b[2J",
        "\ud800",
        "NaN",
        "-Infinity",
        "1e999999",
        "0.000000001",
        "1" * 70,
        "2026-02-30T10:00:00+08:00",
        "2026-09-30T10:00:00",
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-12:00",
        "1949-10-01T10:00:00+08:00",
        "2099-10-01T10:00:00+08:00",
        "2026-09-30T10:00:00Z",
        "2026-09-30 10:00+08:00",
    ]
)
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats()
    | st.text(max_size=20)
    | HOSTILE_TEXT,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)


def spellings(policy: CompiledPolicy, kind: str) -> list[str]:
    lookup = getattr(policy, kind)
    out: list[str] = []
    for term in lookup.terms.values():
        out += [term.id, term.label, *term.aliases]
    return out or ["none"]


def widened(text: str) -> str:
    """Full-width ASCII (what NFKC folds back), and padding."""
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    return f"\u3000{wide} "


@st.composite
def complaints(draw: st.DrawFn, policy: CompiledPolicy) -> dict[str, Any]:
    def term(kind: str) -> Any:
        choice = draw(st.integers(0, 9))
        if choice < 6:
            value = draw(st.sampled_from(spellings(policy, kind)))
            return widened(value) if choice == 5 else value
        return draw(HOSTILE_TEXT if choice < 8 else JSON)

    def instant() -> Any:
        choice = draw(st.integers(0, 9))
        if choice < 6:
            day = draw(st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)))
            return f"{day.isoformat()}T{draw(st.integers(0, 23)):02d}:15:00+08:00"
        return draw(HOSTILE_TEXT if choice < 8 else JSON)

    data: dict[str, Any] = {}
    if draw(st.integers(0, 9)):
        data["received_at"] = instant()
    for field, kind in (("channel", "channels"), ("category", "categories"), ("level", "levels")):
        if draw(st.integers(0, 9)):
            data[field] = term(kind)
    if draw(st.booleans()):
        items = []
        for _ in range(draw(st.integers(0, 3))):
            if draw(st.booleans()):
                items.append(term("findings"))
            else:
                items.append(
                    {
                        "finding": term("findings"),
                        "count": draw(st.integers(-2, 2_000_000) | JSON),
                        "roles": [term("roles") for _ in range(draw(st.integers(0, 2)))],
                    }
                )
        data["findings"] = items
    for fact in policy.policy.facts:
        if not draw(st.integers(0, 2)):
            continue
        if fact.type == "bool":
            data[fact.id] = draw(st.booleans() | JSON)
        elif fact.type == "datetime":
            data[fact.id] = instant()
        elif fact.type == "int":
            data[fact.id] = draw(st.integers(-5, 10**16) | JSON)
        else:
            data[fact.id] = draw(
                st.decimals(allow_nan=True).map(str) | st.integers(-5, 10**17) | JSON
            )
    if draw(st.booleans()):
        data["complainant"] = {"name": MARKERS[0], "phone": MARKERS[1], "id": MARKERS[2]}
        data["text"] = MARKERS[3]
    for _ in range(draw(st.integers(0, 2))):
        data[draw(st.sampled_from([*MARKERS, "remarks", "chanel", "phone"]))] = draw(JSON)
    return data


def check_decides(policy: CompiledPolicy, complaint: Any, estimate: bool) -> str:
    """Decide: a clean, repeatable decision, or the library's own located errors."""
    try:
        decision = decide(policy, complaint, estimate=estimate)
    except ComplaintError as exc:
        whole = policy.policy.abstract or not isinstance(complaint, dict)
        for problem in exc.problems:
            assert problem.message.strip(), problem
            assert problem.path or whole or problem.message.startswith("and "), problem
        text = str(exc)
        assert not [m for m in MARKERS if m in text], text
        return "refused"
    except CalendarError:
        assert not estimate  # with estimate=True every year in the window is counted
        return "calendar"
    dumped = decision.model_dump_json()
    assert not [m for m in MARKERS if m in dumped], dumped
    assert decision.carried == {}
    assert decide(policy, complaint, estimate=estimate).model_dump_json() == dumped
    for penalty in decision.penalties:
        assert penalty.occurrences >= 1
    for approval in decision.approvals:
        assert approval.amount_yuan is None or isinstance(approval.amount_yuan, Decimal)
    return "decided"


@given(st.data())
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_drawn_complaints_on_every_policy(data: st.DataObject) -> None:
    policy = data.draw(st.sampled_from(POLICIES))
    complaint = data.draw(complaints(policy))
    check_decides(policy, complaint, estimate=data.draw(st.booleans()))


@given(st.sampled_from(POLICIES), JSON)
def test_arbitrary_json_is_refused_or_decided(policy: CompiledPolicy, complaint: Any) -> None:
    check_decides(policy, complaint, estimate=False)


def test_the_oracle_tells_the_outcomes_apart() -> None:
    policy = CATALOG.load("keyouqianqi_credit_union")
    good = {
        "received_at": "2026-09-30T10:00:00+08:00",
        "channel": "信件投訴",
        "category": "工作失誤",
    }
    assert check_decides(policy, good, estimate=False) == "decided"
    assert check_decides(policy, {**good, "channel": MARKERS[0]}, estimate=False) == "refused"
    later = {**good, "received_at": "2030-06-03T10:00:00+08:00"}
    assert check_decides(policy, later, estimate=False) == "calendar"


@given(JSON | st.tuples(JSON, JSON))
def test_any_carried_value_is_copied_as_json_or_refused_in_place(value: Any) -> None:
    policy = CATALOG.load("keyouqianqi_credit_union")
    good = {"received_at": "2026-09-30T10:00:00+08:00", "channel": "letter"}
    complaint = {**good, "category": "work_error", "complainant": value}
    try:
        decision = decide(policy, complaint, carry=("complainant",))
    except ComplaintError as exc:
        paths = [p.path for p in exc.problems]
        assert paths == [("complainant",)]
        return
    # Carried verbatim, as JSON: the decision's JSON reads back to the same data.
    assert json.loads(decision.model_dump_json())["carried"] == {
        "complainant": json.loads(json.dumps(value))
    }
