"""What an expectation means: checked against the decision's shape before a case runs, then
compared with the decision by the rules of :mod:`~complaint_rules.toolkit.policytests.expectations`
(written out in its docstring); in a tests file, and called directly on a decision written by
hand (tests/support/decisions.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from complaint_rules import Catalog
from complaint_rules.toolkit.policytests.cases import run_tests
from complaint_rules.toolkit.policytests.expectations import (
    Difference,
    check_absent,
    check_expectation,
    compare,
    compare_absent,
    said,
)
from tests.support.decisions import a_decision
from tests.support.policytests import CASE, HEAD, write

DECISION = a_decision(carried={"id": "C-1"})
FIELDS = (
    "policy, received_at, decided_at, channel, category, level, findings, matched_rules, "
    "routing, deadlines, actions, escalations, reports, retention, penalties, approvals, gaps, "
    "conflicts, pending_rules, carried"
)
LISTS = (
    "matched_rules, routing, deadlines, actions, escalations, reports, retention, penalties, "
    "approvals, gaps, conflicts, pending_rules"
)


def mismatches(tmp_path: Path, catalog: Catalog, expect: str, complaint: str = CASE) -> list[str]:
    path = write(tmp_path, HEAD + complaint + expect)
    (result,) = run_tests([path], catalog).files
    assert result.problems == ()
    (case,) = result.cases
    return [f"{m.field}: expected {m.expected}; actual {m.actual}" for m in case.mismatches]


def test_lists_of_elements_hold_what_must_be_present(tmp_path: Path, catalog: Catalog) -> None:
    expect = """\
    expect:
      matched_rules: [flow_letter]
      routing: [{duty: handles, role: 被投訴單位}]
      reports: []
      penalties: []
      gaps: [{about: deadline}]
"""
    assert mismatches(tmp_path, catalog, expect) == [
        "reports: expected none; actual letter_written_report, reply_form_to_issuer, "
        "reply_form_copy, unit_reports_handling, periodic_notification",
        "gaps[0]: expected {about: deadline}; actual no match; "
        "here: retention from confidentiality_and_records",
    ]


def test_lists_of_names_are_compared_exactly(tmp_path: Path, catalog: Catalog) -> None:
    expect = """\
    expect:
      reports:
        - {id: letter_written_report, to: [higher_union], by: []}
        - {id: reply_form_copy, to: [相關部門]}
"""
    assert mismatches(tmp_path, catalog, expect) == [
        "reports[letter_written_report].by: expected []; actual [complained_unit]"
    ]


def test_instants_are_compared_as_instants_and_money_as_numbers(
    tmp_path: Path, catalog: Catalog
) -> None:
    complaint = CASE.replace(
        "category: work_error", "category: work_error\n      findings: [our_fault]"
    )
    expect = """\
    expect:
      received_at: 2026-09-30T02:00:00Z
      deadlines: [{id: reply_general, due: {late_from: 2026-10-11T00:00:00+09:00}}]
      penalties: [{id: party_criticism, min_yuan: null, occurrences: 1}]
"""
    assert mismatches(tmp_path, catalog, expect, complaint) == [
        "deadlines[reply_general].due.late_from: expected 2026-10-11T00:00:00+09:00; "
        "actual 2026-10-11T00:00:00+08:00"
    ]


def test_expect_absent(tmp_path: Path, catalog: Catalog) -> None:
    expect = """\
    expect_absent:
      deadlines: [reply_complex]
      escalations: [overrun_general]
      routing: [{duty: handles, role: complained_unit}]
"""
    assert mismatches(tmp_path, catalog, expect) == [
        "escalations[overrun_general]: expected absent; actual present: overrun_general",
        "routing[0]: expected absent; actual present: handles/complained_unit",
    ]


# --- checking an expectation before anything runs -----------------------------------------------


def test_an_expectation_is_a_mapping_of_decision_fields() -> None:
    assert check_expectation([1]) == [
        ((), "expect is a mapping of decision fields (e.g. deadlines, level)")
    ]
    assert check_expectation({}) == []


def test_each_kind_of_bad_value_is_located_below_expect() -> None:
    expect: dict[str, Any] = {
        "levl": 1,
        "received_at": "2026-09-30",
        "deadlines": [{"due": None}, "reply", {"id": "x", "amount": "3"}],
        "penalties": [{"id": "fine", "min_yuan": 1.5, "kind": 3}],
        "level": {"how": "guess"},
        "routing": "x",
        "carried": [1],
        "channel": 5,
        "findings": [7],
        "pending_rules": ["r9"],
        "decided_at": None,
        "matched_rules": ["r1", {"article": "x"}],
        "reports": [{"id": "monthly", "due": None}],
        "retention": [{"id": "file", "at_least": "yes"}],
    }
    assert check_expectation(expect) == [
        (("levl",), f"unknown key; allowed: {FIELDS}; did you mean 'level'?"),
        (
            ("received_at",),
            "expected an instant: ISO 8601 with an offset, e.g. 2026-10-09T23:59:59+08:00 "
            '(got "2026-09-30")',
        ),
        (("deadlines", 0), "name the element by its id"),
        (("deadlines", 2, "amount"), 'expected a whole number, got "3"'),
        (
            ("penalties", 0, "min_yuan"),
            'write amounts as an integer or a quoted decimal, e.g. "99.50" (got 1.5)',
        ),
        (("penalties", 0, "kind"), "expected text, got 3"),
        (("level", "how"), '"guess" is not possible; one of: input, classified, default'),
        (("routing",), "expected a list ([] for none)"),
        (("carried",), "expected a mapping"),
        (("channel",), "expected a mapping with keys among: id, label (or its id)"),
        (("findings", 0), "expected a mapping with keys among: id, label (or its id)"),
        (("decided_at",), "null is not possible here: the decision always has this field"),
        (("matched_rules", 1), "name the element by its rule"),
        (("retention", 0, "at_least"), 'expected true or false, got "yes"'),
    ]


def test_an_absent_list_names_elements_that_must_not_be_there() -> None:
    assert check_absent([1]) == [((), f"expect_absent is a mapping of element lists: {LISTS}")]
    assert check_absent(
        {"deadline": [], "deadlines": [], "escalations": ["up", {"label": "x"}]}
    ) == [
        (("deadline",), f"unknown key; allowed: {LISTS}; did you mean 'deadlines'?"),
        (("deadlines",), "expected a list of the elements that must not be present"),
    ]
    # An element that must be absent may be written by its content, without its id.
    assert check_absent({"escalations": [{"on": "dissatisfied"}, {"colour": 1}]}) == [
        (
            ("escalations", 1, "colour"),
            "unknown key; allowed: id, label, on, deadline, by, by_any, to, to_any, next, "
            "discretionary, note, source",
        )
    ]


# --- comparing with a decision ---------------------------------------------------------------


def test_a_mapping_is_compared_key_by_key_a_name_by_its_id_or_label() -> None:
    expect = {
        "level": "重大投訴",  # a label for the whole level
        "channel": "counter",  # an id
        "category": {"id": "service", "label": "服務"},
        "received_at": "2026-09-30T02:00:00Z",  # the same instant as 10:00+08:00
        "carried": {"id": "C-1", "x": 1},
    }
    assert compare(expect, DECISION) == [
        Difference("category.label", "服務", "服務態度", ("category", "label")),
        Difference("carried.x", "1", "absent", ("carried",)),
    ]


def test_a_list_of_elements_holds_those_that_must_be_present() -> None:
    expect = {
        "deadlines": [
            {"id": "reply", "due": {"last_day": "2026-10-16"}, "by": ["櫃面"]},
            "missing",
            {"id": "gone"},
        ],
        "actions": [{"id": "visit", "by": ["head"]}],
        "penalties": [{"id": "deduction", "min_yuan": "200.5", "max_yuan": 2000}],
        "gaps": [{"about": "deadline"}],
        "pending_rules": ["r9"],
    }
    here = "absent; here: reply, next_year, leave"
    assert compare(expect, DECISION) == [
        Difference("deadlines[missing]", "present", here, ("deadlines", 1)),
        Difference("deadlines[gone]", "present", here, ("deadlines", 2)),
        # A list of names is compared whole (in any order): desk is there too.
        Difference("actions[visit].by", "[head]", "[desk, head]", ("actions", 0, "by")),
        Difference("gaps[0]", "{about: deadline}", "no match; here: amount from r8", ("gaps", 0)),
    ]


def test_an_approvals_tiers_are_found_by_role_and_a_conflict_by_its_id() -> None:
    expect = {
        "approvals": [
            {
                "id": "pay",
                # 800 yuan plus the 300 the desk approved earlier today: 1100, over its 500.
                "tiers": [{"role": "櫃面", "total_yuan": 1100, "earlier_total": "desk_today_yuan"}],
                "above": ["audit"],
                "approver": ["head"],
            },
            {"id": "pay_daily", "waiting_for": ["desk_today_yuan"], "approver": []},
        ],
        "conflicts": [
            {
                "id": "self_investigation",
                "assignments": [{"duty": "investigates", "role": "audit"}],
            }
        ],
        "penalties": [{"id": "fine", "headcount": 3, "total_min_yuan": 600}],
    }
    assert compare(expect, DECISION) == []
    wrong = {
        "approvals": [
            {"id": "pay", "tiers": [{"role": "audit"}, {"role": "head", "total_yuan": 5}]}
        ],
        "conflicts": [{"id": "self_investigation", "duty": "replies"}],
    }
    assert compare(wrong, DECISION) == [
        Difference(
            "approvals[pay].tiers[audit]",
            "present",
            "absent; here: desk, head",
            ("approvals", 0, "tiers", 0),
        ),
        Difference(
            "approvals[pay].tiers[head].total_yuan",
            "5",
            "null",
            ("approvals", 0, "tiers", 1, "total_yuan"),
        ),
        Difference(
            "conflicts[self_investigation].duty",
            "replies",
            "investigates",
            ("conflicts", 0, "duty"),
        ),
    ]


def test_an_empty_list_means_none_and_null_means_null() -> None:
    expect = {"approvals": [], "findings": ["late"], "matched_rules": ["r1", "r2"], "level": None}
    assert compare(expect, DECISION) == [
        Difference("approvals", "none", "pay, pay_more, pay_daily", ("approvals",)),
        Difference("matched_rules[r2]", "present", "absent; here: r1", ("matched_rules", 1)),
        Difference("level", "null", "major", ("level",)),
    ]
    assert compare({"findings": ["遲開門"], "actions": [{"id": "log", "by": []}]}, DECISION) == []


def test_elements_that_must_be_absent() -> None:
    absent = {
        "escalations": ["up", {"on": "dissatisfied"}, "nothing"],
        "routing": [{"duty": "handles", "role": "head"}],
    }
    assert compare_absent(absent, DECISION) == [
        Difference("escalations[up]", "absent", "present: up", ("escalations", 0)),
        Difference("escalations[1]", "absent", "present: again", ("escalations", 1)),
        Difference("routing[0]", "absent", "present: handles/head", ("routing", 0)),
    ]
    assert compare_absent({"deadlines": ["nothing"]}, DECISION) == []


# --- in the officer's language ----------------------------------------------------------------


def test_a_check_is_its_english_and_said_in_chinese() -> None:
    ((path, message),) = check_expectation({"level": {"how": "guess"}})
    assert path == ("level", "how")
    assert message == '"guess" is not possible; one of: input, classified, default'
    assert said(message, "zh-Hant") == '這裡不能寫 "guess";可以寫:input, classified, default'
    assert said(message, "zh-Hans") == '这里不能写 "guess";可以写:input, classified, default'
    # A key's name is written as it is, never said as a word ("role" is not 角色 here).
    ((_, by_role),) = check_expectation({"approvals": [{"id": "pay", "tiers": [{}]}]})
    assert by_role == "name the element by its role"
    assert said(by_role, "zh-Hant") == "請寫出這一項的 role(角色),指明是哪一項"


def test_each_difference_is_said_in_chinese_its_values_as_written() -> None:
    expect = {
        "approvals": [],
        "carried": {"x": 1},
        "gaps": [{"about": "deadline"}],
        "pending_rules": [{"source": {"rule": "r0"}}],
        "matched_rules": ["r2"],
    }
    differences = compare(expect, DECISION)
    absent = compare_absent({"routing": [{"duty": "handles", "role": "head"}]}, DECISION)
    shown = [(d.field, d.expected, d.actual) for d in [*differences, *absent]]
    assert shown == [
        ("approvals", "none", "pay, pay_more, pay_daily"),
        ("carried.x", "1", "absent"),
        ("gaps[0]", "{about: deadline}", "no match; here: amount from r8"),
        ("pending_rules[0]", "{source: {rule: r0}}", "no match; here: r9 (needs vip, amount)"),
        ("matched_rules[r2]", "present", "absent; here: r1"),
        ("routing[0]", "absent", "present: handles/head"),
    ]
    hant = [(d.field, said(d.expected, "zh-Hant"), said(d.actual, "zh-Hant")) for d in differences]
    hant += [(d.field, said(d.expected, "zh-Hant"), said(d.actual, "zh-Hant")) for d in absent]
    assert hant == [
        ("approvals", "一項都沒有", "pay, pay_more, pay_daily"),
        ("carried.x", "1", "沒有這一項"),
        ("gaps[0]", "{about: deadline}", "沒有相符的一項;現有的是:amount(來自規則 r8)"),
        (
            "pending_rules[0]",
            "{source: {rule: r0}}",
            "沒有相符的一項;現有的是:r9(還需要 vip, amount)",
        ),
        ("matched_rules[r2]", "應該出現", "沒有出現;現有的是:r1"),
        ("routing[0]", "不應出現", "出現了:handles/head"),
    ]
    assert said(absent[0].actual, "zh-Hans") == "出现了:handles/head"
