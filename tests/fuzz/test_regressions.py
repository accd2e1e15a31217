"""Findings of the hostile-input audit and the fuzzers, each the smallest input that showed it.

Every test says what happened before the fix. New findings from ``scripts/fuzz`` (see
fuzz/README.md) are added here.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from complaint_rules import (
    Catalog,
    ComplaintError,
    PolicyError,
    load_policy_text,
)
from tests.support.deciders import decide
from tests.support.policy_texts import MINI

CATALOG = Catalog()
KEYOU: dict[str, Any] = {
    "received_at": "2026-09-30T10:00:00+08:00",
    "channel": "letter",
    "category": "work_error",
}


def policy_errors(text: str | bytes) -> list[str]:
    with pytest.raises(PolicyError) as info:
        load_policy_text(text, file="p.yaml")
    return [str(p) for p in info.value.problems]


def complaint_errors(data: Any) -> list[str]:
    with pytest.raises(ComplaintError) as info:
        decide(CATALOG.load("keyouqianqi_credit_union"), data)
    return [str(p) for p in info.value.problems]


def test_deep_flow_nesting_was_a_recursion_error_after_half_a_minute() -> None:
    # Before: RecursionError out of PyYAML's composer, after ~30 s of scanning.
    started = time.perf_counter()
    assert policy_errors("a: " + "[" * 5_000) == [
        "p.yaml:1: nested more than 50 levels deep (mappings and lists, aliases expanded)"
    ]
    assert time.perf_counter() - started < 5


def test_an_alias_inside_its_anchor_was_reported_as_deep_nesting_without_a_line() -> None:
    # Before: "<input>: YAML nested too deeply" (a RecursionError caught late).
    assert policy_errors("a: &a [x, *a]") == [
        "p.yaml:1: a[1]: an alias refers to a value that contains it (a cycle)"
    ]


def test_a_duplicate_anchor_message_was_garbled() -> None:
    # Before: "found duplicate anchor 'x'; first occurrence second occurrence".
    assert policy_errors("a: &x 1\nb: &x 2") == [
        "p.yaml:2: YAML syntax: found duplicate anchor 'x' (first at line 1)"
    ]


def test_a_huge_number_was_repeated_whole_in_the_message() -> None:
    # Before: the 100,000 digits, then Python's int-conversion limit message.
    assert policy_errors("a: " + "9" * 100_000) == [
        "p.yaml:1: a: '999999999999999999999999999999999999999999999999999999999999…': a "
        "whole number too long to read"
    ]


def test_a_lone_surrogate_in_policy_text_was_a_unicode_encode_error() -> None:
    # Before: UnicodeEncodeError from load_policy_text(str).
    assert policy_errors("a: \ud800") == ["p.yaml: not UTF-8 text (byte 3): save the file as UTF-8"]


def test_terminal_escapes_in_labels_were_accepted() -> None:
    # Before: a label "\e[2J" loaded, and `decide --format text` cleared the screen.
    text = MINI.replace("label: 電話投訴", 'label: "\\e[2J電話投訴"')
    line = next(i for i, x in enumerate(text.splitlines(), 1) if "\\e[2J" in x)
    assert policy_errors(text) == [
        f"p.yaml:{line}: vocabulary.channels[1].label: character U+001B (a control "
        "character) is not allowed, even as an escape"
    ]


def test_a_bom_between_joined_files_was_a_confusing_missing_field() -> None:
    # Before: "title: required field is missing" and an unknown key '\ufefftitle'.
    assert policy_errors(MINI.replace("title:", "\ufefftitle:")) == [
        "p.yaml:4: a byte-order mark (U+FEFF) inside the text (two files joined?); remove it"
    ]


def test_one_and_quoted_one_were_two_keys() -> None:
    # Before: both kept, as the int 1 and the string '1'.
    assert policy_errors("1: a\n'1': b") == [
        "p.yaml:2: 1: duplicate key '1' (first at line 1); remove one: YAML would silently "
        "keep the last"
    ]


@pytest.mark.usefixtures("decider")
def test_a_year_at_the_end_of_pythons_range_was_an_overflow_error() -> None:
    # Before: OverflowError ("date value out of range") out of decide().
    assert complaint_errors({**KEYOU, "received_at": "0001-01-01T00:00:00+08:00"}) == [
        "<input>: received_at: year 1 is out of range"
    ]
    assert complaint_errors({**KEYOU, "received_at": "9999-12-31T23:59:59+08:00"}) == [
        "<input>: received_at: year 9999 is out of range"
    ]


@pytest.mark.usefixtures("decider")
def test_an_unknown_value_was_repeated_in_the_message() -> None:
    # Before: "unknown channel 'Zhang San 13800138000'; ..." (personal data in the wrong field).
    (message,) = complaint_errors({**KEYOU, "channel": "Zhang San 13800138000"})
    assert "Zhang" not in message and "13800138000" not in message
    assert message.startswith("<input>: channel: unknown channel; allowed: phone (電話投訴)")


@pytest.mark.usefixtures("decider")
def test_a_string_that_is_no_date_time_was_repeated_in_the_message() -> None:
    # Before: "'13800138000' is not an ISO 8601 date-time".
    assert complaint_errors({**KEYOU, "received_at": "13800138000"}) == [
        "<input>: received_at: not an ISO 8601 date-time (e.g. 2026-09-30T16:20:00+08:00)"
    ]


@pytest.mark.usefixtures("decider")
def test_an_astronomical_amount_was_accepted() -> None:
    # Before: compensation_yuan "1e999999" decided, with amount_yuan 1E+999999.
    hotel = CATALOG.load("hotel")
    complaint = {
        "received_at": "2026-05-06T19:00:00+08:00",
        "channel": "口頭",
        "category": "服務投訴",
        "level": "輕微投訴",
        "compensation_yuan": "1e999999",
    }
    with pytest.raises(ComplaintError) as info:
        decide(hotel, complaint)
    assert [str(p) for p in info.value.problems] == [
        "<input>: compensation_yuan: larger than 1,000,000,000,000,000: not a plausible amount"
    ]


@pytest.mark.usefixtures("decider")
def test_a_hundred_thousand_bad_findings_took_seconds_and_listed_each() -> None:
    # Before: 100,000 problems, each with a fuzzy match, in about 4 s.
    started = time.perf_counter()
    assert complaint_errors({**KEYOU, "findings": ["x"] * 100_000}) == [
        "<input>: findings: more than 1000 findings"
    ]
    assert time.perf_counter() - started < 1


@pytest.mark.usefixtures("decider")
def test_null_findings_and_roles_are_none_given() -> None:
    # Before: "expected a list of findings" for "findings": null.
    decision = decide(CATALOG.load("keyouqianqi_credit_union"), {**KEYOU, "findings": None})
    assert decision.findings == ()


def test_a_calendar_day_in_year_one_was_a_value_error() -> None:
    # Before: ValueError out of load_policy_text, from building the calendar.
    text = MINI.replace("title: 測試辦法", "title: 測試辦法\ncalendar: {holidays: {0001-01-01: x}}")
    assert policy_errors(text) == [
        "p.yaml: cannot be compiled: extra_holidays/extra_workdays must lie in 1950-2126; got "
        "a day in [1]"
    ]


@pytest.mark.usefixtures("decider")
def test_a_period_past_year_9999_was_an_overflow_error() -> None:
    # Before: OverflowError out of decide() for `within: {minutes: 10**15}`. Now such a
    # period is refused at load (no period may be longer than ten years).
    text = MINI.replace("within: {working_days: 3}", "within: {minutes: 1000000000000000}")
    with pytest.raises(PolicyError) as info:
        load_policy_text(text)
    (problem,) = info.value.problems
    assert problem.message == (
        "minutes must be between 0 and 5270400 (ten years), got 1000000000000000"
    )
    assert problem.field == "rules[0].deadlines[0].within"


def test_an_unknown_event_name_is_quoted_only_when_shaped_like_an_id() -> None:
    """atheris (fuzz/events_target.py, 2026-12-07) flagged an unknown event named
    ``withdrawal_coerced`` + 41 sixes whose rejection quoted the name back. That is the
    documented rule (docs/security.md: unknown names matching ``[A-Za-z0-9_]{1,64}`` may be
    repeated), so the target's oracle was too strict and now allows quoted id-shaped names;
    a name of any other shape (a space, 65 characters) is still not repeated."""
    from complaint_rules import Catalog
    from complaint_rules.lifecycle.case import status

    policy = Catalog().load("keyouqianqi_credit_union")
    received = {
        "event": "received",
        "at": "2026-09-29T10:00:00+08:00",
        "complaint": {"channel": "letter", "category": "work_error"},
    }
    at = "2026-10-08T10:00:00+08:00"
    named = "withdrawal_coerced" + "6" * 41
    for name, shown in (
        (named, True),
        ("withdrawal 66666666666", False),
        ("w" + "6" * 64, False),
    ):
        result = status(policy, [received, {"event": name, "at": at}], at)
        (rejection,) = result.rejected
        assert rejection.index == 1
        assert rejection.reason.startswith("unknown event")
        assert (repr(name) in rejection.reason) is shown
        assert ("66666666666" in rejection.reason) is shown
