"""Complaint input checked against a policy: values resolved to ids, and broken or hostile
input refused with every problem located, no value repeated, nothing crashing."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from complaint_rules import ComplaintError, load_policy_text
from complaint_rules.decision.complaint import (
    MAX_FINDINGS,
    MAX_PROBLEMS,
    Complaint,
    FindingInput,
    parse_complaint,
    parse_datetime,
)
from tests.support.deciders import decide
from tests.support.local_time import CST
from tests.support.policy_texts import MINI

pytestmark = pytest.mark.usefixtures("decider")  # the fast engine, then the reference

POLICY = load_policy_text(MINI, file="mini.yaml")
BASE: dict[str, Any] = {
    "received_at": "2026-10-09T17:00:00+08:00",
    "channel": "counter",
    "category": "service",
    "level": "minor",
}
CHANNELS = "allowed: counter (櫃面投訴), phone (電話投訴)"
FINDINGS = "allowed: late_opening (不按時開門營業)"


def problems(data: Any, **kwargs: Any) -> list[str]:
    with pytest.raises(ComplaintError) as info:
        decide(POLICY, data, **kwargs)
    return [str(p) for p in info.value.problems]


def test_not_an_object() -> None:
    assert problems(["a", "list"]) == ["<input>: a complaint is a JSON object, got a list"]
    assert problems("text") == ["<input>: a complaint is a JSON object, got text"]


def test_missing_fields_are_named_with_what_is_allowed() -> None:
    assert problems({}) == [
        "<input>: received_at: missing: when the complaint was received (ISO 8601 with offset)",
        f"<input>: channel: missing; {CHANNELS}",
        "<input>: category: missing; allowed: service (服務態度), product (服務產品)",
        "<input>: level: missing; allowed: minor (輕微投訴), major (重大投訴)",
    ]


def test_wrong_types_name_the_type_not_the_value() -> None:
    data = {
        **BASE,
        "channel": ["counter"],
        "category": 7,
        "findings": "late_opening",
        "serious": "yes",
        "compensation_yuan": 1.5,
    }
    assert problems(data) == [
        "<input>: channel: expected a channel name (text), got a list",
        "<input>: category: expected a category name (text), got a number",
        "<input>: findings: expected a list of findings, got text",
        "<input>: serious: expected true or false, got text",
        '<input>: compensation_yuan: write a fraction as text, e.g. "99.50": a float is inexact',
    ]


def test_naive_impossible_and_malformed_datetimes() -> None:
    assert problems({**BASE, "received_at": "2026-10-09T17:00:00"}) == [
        "<input>: received_at: received_at has no UTC offset; give one, e.g. "
        "2026-10-09T17:00:00+08:00"
    ]
    assert problems({**BASE, "received_at": "2026-02-30T17:00:00+08:00"}) == [
        "<input>: received_at: not a real date-time (day is out of range for month) "
        "(e.g. 2026-09-30T16:20:00+08:00)"
    ]
    assert problems({**BASE, "received_at": "2026-10-09T24:30:00+08:00"}) == [
        "<input>: received_at: not a real date-time (hour must be in 0..23) "
        "(e.g. 2026-09-30T16:20:00+08:00)"
    ]
    assert problems({**BASE, "departs_at": "tomorrow"}) == [
        "<input>: departs_at: not an ISO 8601 date-time (e.g. 2026-09-30T16:20:00+08:00)"
    ]
    assert problems({**BASE, "received_at": 1_790_000_000}) == [
        "<input>: received_at: expected an ISO 8601 date-time string, got a number"
    ]


def test_dates_far_outside_the_published_calendar_are_refused() -> None:
    first, last = POLICY.calendar.published_range
    assert first == 2004  # the verified calendar table starts in 2004
    window = f"({first - 1}-{last + 10}: its known holiday schedules, 1 year before and 10 after)"
    for stamp, year in [
        ("1999-12-31T12:00:00+08:00", 1999),
        # 2001-2003 are no longer published years (2003's May Day week was cancelled
        # after the holidays package recorded it): 2002 is now outside the window.
        ("2002-06-03T12:00:00+08:00", 2002),
        (f"{last + 11}-01-01T12:00:00+08:00", last + 11),
    ]:
        assert problems({**BASE, "received_at": stamp}) == [
            f"<input>: received_at: year {year} is outside the years this policy's calendar "
            f"can count {window}"
        ]
    # The year is the policy's local year: 23:30 UTC on Dec 31 is next year in Shanghai.
    assert problems({**BASE, "departs_at": f"{last + 10}-12-31T23:30:00Z"}) == [
        f"<input>: departs_at: year {last + 11} is outside the years this policy's calendar "
        f"can count {window}"
    ]
    # The ends of Python's range, where converting zones would overflow.
    assert problems({**BASE, "received_at": "0001-01-01T00:00:00+14:00"}) == [
        "<input>: received_at: year 1 is out of range"
    ]
    assert problems({**BASE, "received_at": "9999-12-31T23:59:59-12:00"}) == [
        "<input>: received_at: year 9999 is out of range"
    ]
    assert problems(BASE, at="9999-12-31T23:59:59-12:00") == [
        "<input>: at: year 9999 is out of range"
    ]


def test_a_date_next_year_is_inside_the_window_and_estimated_on_request() -> None:
    _, last = POLICY.calendar.published_range
    decision = decide(
        POLICY, {**BASE, "received_at": f"{last + 1}-03-02T10:00:00+08:00"}, estimate=True
    )
    assert decision.deadlines[0].estimated


def test_absurd_counts_and_amounts() -> None:
    finding = {"finding": "late_opening", "count": 10**7}
    assert problems({**BASE, "findings": [finding]}) == [
        "<input>: findings[0].count: count is a whole number from 1 to 1000000"
    ]
    assert problems({**BASE, "findings": [{"finding": "late_opening", "count": True}]}) == [
        "<input>: findings[0].count: count is a whole number from 1 to 1000000"
    ]
    assert problems({**BASE, "findings": ["late_opening"] * (MAX_FINDINGS + 1)}) == [
        "<input>: findings: more than 1000 findings"
    ]
    huge = "larger than 1,000,000,000,000,000: not a plausible amount"
    cases: list[tuple[Any, str]] = [
        ("1e999999", huge),
        (10**5000, huge),
        ("-1" + "0" * 20, huge),
        ("NaN", "not a finite number"),
        ("Infinity", "not a finite number"),
        ("0.000000001", "more than 8 decimal places"),
        ("9" * 100, "not a number: longer than 64 characters"),
        ("1,000", 'not a number (write e.g. 2800 or "99.50")'),
    ]
    for value, message in cases:
        assert problems({**BASE, "compensation_yuan": value}) == [
            f"<input>: compensation_yuan: {message}"
        ]


def test_plausible_amounts_are_exact_decimals() -> None:
    for value, expected in [("2800", "2800"), (2800, "2800"), ("99.50", "99.50"), ("１２", "12")]:
        parsed = parse_complaint(POLICY, {**BASE, "compensation_yuan": value})
        assert parsed.facts["compensation_yuan"] == Decimal(expected)


def test_unknown_values_list_the_allowed_and_the_closest_without_repeating_the_value() -> None:
    data = {**BASE, "channel": "countr", "findings": [{"finding": "late", "roles": ["dsk"]}]}
    assert problems(data) == [
        f"<input>: channel: unknown channel; {CHANNELS}; closest: counter (櫃面投訴)",
        f"<input>: findings[0].finding: unknown finding; {FINDINGS}; closest: late_opening "
        "(不按時開門營業)",
        "<input>: findings[0].roles[0]: unknown role; allowed: desk (櫃面), head (負責人); "
        "closest: desk (櫃面)",
    ]


def test_unknown_fields_are_named_and_their_values_never_repeated() -> None:
    data = {**BASE, "chanel": "Zhang San", "phone\n": "13800138000"}
    assert problems(data) == [
        "<input>: chanel: unknown field; allowed: received_at, channel, category, level, "
        "findings, serious, departs_at, compensation_yuan, id, complainant, text; did you mean "
        "'channel'?",
        "<input>: <key 6>: unknown field; allowed: received_at, channel, category, level, "
        "findings, serious, departs_at, compensation_yuan, id, complainant, text",
    ]


def test_full_width_labels_are_normalised_and_case_folded() -> None:
    plain = decide(POLICY, BASE)
    assert (
        decide(POLICY, {**BASE, "channel": "ＣＯＵＮＴＥＲ", "category": " service\u3000"}) == plain
    )
    assert decide(POLICY, {**BASE, "channel": "櫃面投訴"}) == plain  # the label
    assert decide(POLICY, {**BASE, "channel": "柜面投诉"}) == plain  # the Simplified alias


def test_look_alike_letters_from_another_script_are_refused_by_name() -> None:
    # 'сounter' starts with CYRILLIC SMALL LETTER ES, which NFKC does not fold to Latin 'c'.
    assert problems({**BASE, "channel": "\u0441ounter"}) == [
        f"<input>: channel: unknown channel; {CHANNELS}; closest: counter (櫃面投訴) "
        "(look-alike letters from another script: U+0441 Cyrillic Small Letter Es)"
    ]


def test_invisible_characters_are_refused_by_name() -> None:
    assert problems({**BASE, "channel": "coun\u200bter"}) == [
        "<input>: channel: contains an invisible or control character (U+200B Zero Width Space); "
        f"remove it; {CHANNELS}"
    ]
    assert problems({**BASE, "channel": "counter\x1b[2J"}) == [
        f"<input>: channel: contains an invisible or control character (U+001B); remove it; "
        f"{CHANNELS}"
    ]


def test_huge_names_are_refused_quickly() -> None:
    assert problems({**BASE, "channel": "\ufdfa" * 1_000_000}) == [
        "<input>: channel: unknown channel: longer than 200 characters"
    ]


def test_the_list_of_problems_is_bounded() -> None:
    data = {**BASE, **{f"x{i}": 1 for i in range(500)}}
    found = problems(data)
    assert len(found) == MAX_PROBLEMS + 1
    assert found[-1] == "<input>: and 1+ more problems, not listed"


def test_a_finding_as_name_or_object() -> None:
    assert problems({**BASE, "findings": [7, {"count": 2}, {"finding": None}]}) == [
        "<input>: findings[0]: a finding is a name or an object {finding, count, roles}, got a "
        "number",
        f"<input>: findings[1].finding: missing; {FINDINGS}",
        f"<input>: findings[2].finding: missing; {FINDINGS}",
    ]


def test_an_aware_datetime_object_is_accepted_from_python() -> None:
    decision = decide(POLICY, {**BASE, "received_at": datetime(2026, 10, 9, 17, tzinfo=CST)})
    assert decision.received_at == datetime(2026, 10, 9, 17, tzinfo=CST)


# --- the full check, called directly -------------------------------------------------------------

FULL = load_policy_text(
    MINI.replace(
        "  - {id: compensation_yuan, type: decimal, label: 賠償金額}\n",
        "  - {id: compensation_yuan, type: decimal, label: 賠償金額}\n"
        "  - {id: people, type: int, label: 人數, minimum: 2}\n"
        "  - {id: vip, type: bool, label: 貴賓, default: false}\n",
    ),
    file="full.yaml",
)


def full_check(data: Any, **kwargs: Any) -> list[str]:
    with pytest.raises(ComplaintError) as info:
        parse_complaint(FULL, data, **kwargs)
    return [str(p) for p in info.value.problems]


def test_every_value_is_resolved_to_the_policys_ids() -> None:
    data = {
        "received_at": "2026-10-09T17:00:00+08:00",
        "channel": "柜面投诉",  # the Simplified alias
        "category": "SERVICE",  # the id, case folded
        "level": "重大投訴",  # the label
        "findings": [
            "late_opening",
            {"finding": "不按時開門營業", "count": 3, "roles": ["负责人", "desk"]},
        ],
        "people": 5,
        "compensation_yuan": "99.50",
        "departs_at": "2026-10-10T12:00:00Z",
        "id": "C-1",
        "text": "櫃員態度惡劣",
    }
    complaint = parse_complaint(FULL, data, carry=["id"])
    assert complaint == Complaint(
        received_at=datetime(2026, 10, 9, 17, tzinfo=CST),
        channel="counter",
        category="service",
        level="major",
        findings=(
            FindingInput(finding="late_opening", count=1, roles=()),
            FindingInput(finding="late_opening", count=3, roles=("head", "desk")),
        ),
        # Given facts, then the default of a fact not given (vip); serious has none.
        facts={
            "departs_at": datetime(2026, 10, 10, 20, tzinfo=CST),
            "compensation_yuan": Decimal("99.50"),
            "people": 5,
            "vip": False,
        },
        carried={"id": "C-1"},
    )
    assert "text" not in complaint.carried


def test_a_null_is_a_value_not_given() -> None:
    data = {**BASE, "findings": None, "serious": None, "vip": None, "level": None}
    assert full_check(data) == [
        "<input>: level: missing; allowed: minor (輕微投訴), major (重大投訴)"
    ]
    complaint = parse_complaint(FULL, {**data, "level": "minor"})
    assert (complaint.findings, dict(complaint.facts)) == ((), {"vip": False})


def test_whole_numbers_are_checked_against_their_type_size_and_minimum() -> None:
    assert full_check({**BASE, "people": 1}) == ["<input>: people: must be at least 2"]
    assert full_check({**BASE, "people": "3"}) == [
        "<input>: people: expected a whole number, got text"
    ]
    assert full_check({**BASE, "people": 2.0}) == [
        '<input>: people: write a fraction as text, e.g. "99.50": a float is inexact'
    ]
    assert full_check({**BASE, "people": 10**16}) == [
        "<input>: people: larger than 1,000,000,000,000,000: not a plausible value"
    ]
    assert full_check({**BASE, "people": True, "vip": 1}) == [
        "<input>: people: expected a number, got true/false",
        "<input>: vip: expected true or false, got a number",
    ]
    assert parse_complaint(FULL, {**BASE, "people": 2}).facts["people"] == 2
    assert parse_complaint(FULL, {**BASE, "people": 10**15}).facts["people"] == 10**15


def test_a_findings_unknown_keys_roles_and_their_types_are_located() -> None:
    item = {"finding": "late_opening", "roles": "desk", "colour": 1, "張三": 2}
    assert full_check({**BASE, "findings": [item]}) == [
        "<input>: findings[0].colour: unknown field; allowed: finding, count, roles",
        "<input>: findings[0].<key 4>: unknown field; allowed: finding, count, roles",
        "<input>: findings[0].roles: roles is a list of role names, got text",
    ]
    roles = {"finding": "late_opening", "roles": [3, "boss"]}
    assert full_check({**BASE, "findings": [roles]}) == [
        "<input>: findings[0].roles[0]: expected a role name (text), got a number",
        "<input>: findings[0].roles[1]: unknown role; allowed: desk (櫃面), head (負責人)",
    ]
    many = {"finding": "late_opening", "roles": ["desk"] * (MAX_FINDINGS + 1)}
    assert full_check({**BASE, "findings": [many]}) == [
        "<input>: findings[0].roles: more than 1000 roles"
    ]
    # At most ten unknown keys of one finding are listed.
    noisy = {"finding": "late_opening", **{f"k{i}": i for i in range(15)}}
    assert len(full_check({**BASE, "findings": [noisy]})) == 10


def test_the_level_is_refused_where_the_policy_derives_it_or_has_none() -> None:
    classified = load_policy_text(
        MINI.replace(
            "rules:\n",
            "classification:\n"
            "  rows: [{id: big, article: 第五條, when: {serious: true}, level: major}]\n"
            "  default: minor\n"
            "rules:\n",
        )
    )
    with pytest.raises(ComplaintError) as info:
        parse_complaint(classified, BASE)
    assert [str(p) for p in info.value.problems] == [
        "<input>: level: not accepted: this policy derives the level from its classification table"
    ]
    levelless = load_policy_text(
        MINI[: MINI.index("  - id: major_only")].replace(
            "  levels:\n    - {id: minor, label: 輕微投訴}\n    - {id: major, label: 重大投訴}\n",
            "",
        )
    )
    with pytest.raises(ComplaintError) as info:
        parse_complaint(levelless, BASE)
    assert [str(p) for p in info.value.problems] == [
        "<input>: level: not accepted: this policy has no levels"
    ]
    assert parse_complaint(levelless, {**BASE, "level": None}).level is None


def test_carry_names_personal_fields_and_copies_them_as_json() -> None:
    with pytest.raises(TypeError, match=r"^carry is a list of field names, e\.g\. \('id',\), not"):
        parse_complaint(FULL, BASE, carry="id")
    with pytest.raises(ValueError, match=r"^cannot carry 'name'; carry names fields of \("):
        parse_complaint(FULL, BASE, carry=["name"])
    data = {**BASE, "id": ("C", 1), "complainant": {"name": "王小明", "ids": [1, 2.5, None]}}
    carried = parse_complaint(FULL, data, carry=["complainant", "id", "id", "text"]).carried
    # Tuples become lists; a name asked twice is carried once; absent fields are left out.
    assert dict(carried) == {
        "complainant": {"name": "王小明", "ids": [1, 2.5, None]},
        "id": ["C", 1],
    }


def nested(depth: int) -> Any:
    """Text inside ``depth`` lists: the text is ``depth`` levels deep."""
    value: Any = "deep"
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(
    "value",
    [
        {1: "a key that is no text"},
        "\ud800",  # a lone surrogate
        [float("nan")],
        2**63,
        {"set"},
        "x" * 100_001,
        nested(33),
    ],
    ids=["key", "surrogate", "nan", "huge int", "set", "too long", "too deep"],
)
def test_what_is_no_json_cannot_be_carried_and_is_not_repeated(value: Any) -> None:
    assert full_check({**BASE, "text": value}, carry=["text"]) == [
        "<input>: text: cannot be carried: not JSON data (text, numbers, true/false, null, lists "
        "and objects with text keys, at most 100000 characters, 32 levels deep)"
    ]


def test_within_the_limits_it_is_carried() -> None:
    near = nested(32)
    for value in [2**63 - 1, "x" * 99_990, near, 1.5, None, True]:
        assert parse_complaint(FULL, {**BASE, "text": value}, carry=["text"]).carried == {
            "text": value
        }


def test_parse_datetime_takes_aware_instants_and_never_repeats_bad_text() -> None:
    assert parse_datetime(" 2026-10-09T17:00:00+08:00 ", "at") == datetime(
        2026, 10, 9, 17, tzinfo=CST
    )
    aware = datetime(2026, 10, 9, 9, tzinfo=UTC)
    assert parse_datetime(aware, "at") is aware
    example = "(e.g. 2026-09-30T16:20:00+08:00)"
    cases: list[tuple[Any, str]] = [
        ("2026-10-09 17:00", "at has no UTC offset; give one, e.g. 2026-10-09T17:00:00+08:00"),
        ("王小明 13800138000", f"not an ISO 8601 date-time {example}"),
        ("2026-13-01", f"not a real date-time (month must be in 1..12) {example}"),
        # Longer than 64 characters is no date-time, whatever it starts with.
        ("2026-10-09T17:00:00+08:00" + " " * 40 + "x", f"not an ISO 8601 date-time {example}"),
        (datetime(2026, 10, 9), "at has no UTC offset; give one, e.g. 2026-10-09T00:00:00+08:00"),
        (None, "expected an ISO 8601 date-time string, got null"),
        ({"at": 1}, "expected an ISO 8601 date-time string, got an object"),
        ("0001-01-02T00:00:00+00:00", "year 1 is out of range"),
    ]
    for value, message in cases:
        with pytest.raises(ValueError, match=re.escape(message)) as info:
            parse_datetime(value, "at")
        assert str(info.value) == message
    assert parse_datetime("0002-01-01T00:00:00+00:00", "at").year == 2
    assert parse_datetime("9998-12-31T00:00:00+00:00", "at").year == 9998
