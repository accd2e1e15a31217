"""Loading: strict YAML, the model, consistency, and errors located by file, line, field."""

from __future__ import annotations

import hashlib

import pytest

from complaint_rules import PolicyError, load_policy_text
from tests.support.policy_texts import MINI


def errors(text: str) -> list[str]:
    with pytest.raises(PolicyError) as info:
        load_policy_text(text, file="p.yaml")
    return [str(p) for p in info.value.problems]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_mini_policy_loads() -> None:
    policy = load_policy_text(MINI)
    assert policy.id == "mini"
    assert policy.sha256 == hashlib.sha256(MINI.encode()).hexdigest()


def test_duplicate_keys_are_rejected_with_both_lines() -> None:
    text = MINI.replace('version: "1"\n', 'version: "1"\nversion: "2"\n')
    assert errors(text) == [
        "p.yaml:4: version: duplicate key 'version' (first at line 3); "
        "remove one: YAML would silently keep the last"
    ]


def test_duplicate_keys_deep_inside_are_rejected() -> None:
    text = MINI.replace("        by: [desk]\n", "        by: [desk]\n        by: [head]\n", 1)
    line = line_of(text, "by: [head]")
    assert errors(text) == [
        f"p.yaml:{line}: rules[0].deadlines[0].by: duplicate key 'by' (first at line "
        f"{line - 1}); remove one: YAML would silently keep the last"
    ]


def test_unknown_key_names_the_allowed_keys_and_the_closest() -> None:
    text = MINI.replace("        within: {working_days: 3}", "        withn: {working_days: 3}")
    line = line_of(text, "withn")
    assert errors(text) == [
        f"p.yaml:{line}: rules[0].deadlines[0].withn: unknown key; allowed: article, note, id, "
        "label, starts, within, until, by; did you mean 'within'?",
    ]


def test_undeclared_role_is_named_with_the_allowed_values() -> None:
    text = MINI.replace("      - {duty: accepts, role: desk}", "      - {duty: accepts, role: dsk}")
    line = line_of(text, "role: dsk")
    assert errors(text) == [
        f"p.yaml:{line}: rules[0].routing[0].role: role 'dsk' is not declared in vocabulary; "
        "allowed: desk, head; did you mean 'desk'?"
    ]


def test_wrong_type_and_bad_literal() -> None:
    text = MINI.replace("      - {duty: accepts, role: desk}", "      - {duty: accept, role: desk}")
    text = text.replace("within: {working_days: 3}", "within: {working_days: three}")
    messages = errors(text)
    assert len(messages) == 3
    assert messages[0].startswith(
        f"p.yaml:{line_of(text, 'duty: accept')}: rules[0].routing[0]"
        ".duty: Input should be 'accepts', 'handles'"
    )
    assert all(
        f"p.yaml:{line_of(text, 'three')}: rules[0].deadlines[0].within.working_days" in m
        for m in messages[1:]
    )


def test_min_greater_than_max_is_rejected() -> None:
    text = MINI.replace("within: {working_days: 3}", "within: {working_days: {min: 10, max: 7}}")
    assert errors(text) == [
        f"p.yaml:{line_of(text, 'min: 10')}: rules[0].deadlines[0].within.working_days: "
        "min 10 is greater than max 7"
    ]
    text = MINI.replace('amount_yuan: {min: 100, max: "100"}', "amount_yuan: {min: 2000, max: 200}")
    assert errors(text) == [
        f"p.yaml:{line_of(text, 'min: 2000')}: rules[2].penalties[0].amount_yuan.min: "
        "min 2000 is greater than max 200 (yuan)"
    ]


def test_money_as_float_is_rejected() -> None:
    text = MINI.replace('amount_yuan: {min: 100, max: "100"}', "amount_yuan: {min: 100, max: 99.9}")
    assert errors(text) == [
        f"p.yaml:{line_of(text, '99.9')}: rules[2].penalties[0].amount_yuan.max: "
        "write amounts of money as integers or quoted strings, not floats"
    ]


def test_escalation_cycle_is_rejected() -> None:
    text = MINI.replace("on: dissatisfied, to: [head]}", "on: dissatisfied, to: [head], next: up}")
    assert errors(text) == [
        f"p.yaml:{line_of(text, 'next: top')}: rules[0].escalations[0].next: "
        "escalation steps form a cycle: top -> up -> top"
    ]


def test_reports_to_cycle_is_rejected() -> None:
    text = MINI.replace(
        "{id: desk, label: 櫃面, aliases: [柜面]}",
        "{id: desk, label: 櫃面, aliases: [柜面], reports_to: head}",
    )
    text = text.replace(
        "{id: head, label: 負責人, aliases: [负责人]}",
        "{id: head, label: 負責人, aliases: [负责人], reports_to: desk}",
    )
    assert errors(text) == [
        f"p.yaml:{line_of(text, 'reports_to: desk')}: vocabulary.roles[1].reports_to: "
        "reports_to forms a cycle: "
        "desk -> head -> desk"
    ]


def test_condition_errors_are_located() -> None:
    text = MINI.replace("when: {finding: late_opening}", "when: {finding: late_openin, colour: 1}")
    line = line_of(text, "late_openin,")
    assert errors(text) == [
        f"p.yaml:{line}: rules[2].when.finding: 'late_openin' is not declared; "
        "allowed: late_opening; did you mean 'late_opening'?",
        f"p.yaml:{line}: rules[2].when.colour: unknown condition field 'colour'; allowed: all, "
        "any, category, channel, compensation_yuan, departs_at, finding, level, not, serious",
    ]


def test_yaml_1_1_traps_stay_strings() -> None:
    # 'no', 'on' and a sexagesimal-looking time stay text; a bare date becomes a date
    # only where a date is meant.
    text = MINI.replace("label: 電話投訴", "label: no").replace(
        "title: 測試辦法", "title: on\ncalendar: {day_ends_at: 17:30:00, holidays: {2026-12-31: x}}"
    )
    policy = load_policy_text(text)
    assert policy.channels.label("phone") == "no"
    assert policy.policy.title == "on"
    assert policy.convention.day_ends_at.isoformat() == "17:30:00"


def test_object_constructing_tags_are_refused() -> None:
    text = MINI.replace('version: "1"', "version: !!python/object/apply:os.system [ls]")
    assert errors(text) == [
        "p.yaml:3: version: tag 'tag:yaml.org,2002:python/object/apply:os.system' is not "
        "allowed (plain data only)"
    ]


def test_alias_bomb_is_bounded() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    for name, prev in zip("bcdefghij", "abcdefghi", strict=True):
        bomb += f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    assert errors(bomb) == ["p.yaml: more than 50000 YAML values (an alias bomb?)"]


def test_syntax_error_and_non_utf8_are_located() -> None:
    assert errors("id: [unclosed\n") == [
        "p.yaml:2: YAML syntax: while parsing a flow sequence expected ',' or ']', "
        "but got '<stream end>'"
    ]
    with pytest.raises(PolicyError) as info:
        load_policy_text(b"id: \xff\xfe", file="p.yaml")
    assert [str(p) for p in info.value.problems] == [
        "p.yaml: not UTF-8 text (byte 4): save the file as UTF-8"
    ]


def test_a_bom_is_accepted() -> None:
    assert load_policy_text(b"\xef\xbb\xbf" + MINI.encode()).id == "mini"


def test_pinned_hash_must_match() -> None:
    good = hashlib.sha256(MINI.encode()).hexdigest()
    assert load_policy_text(MINI, sha256=good).sha256 == good
    with pytest.raises(PolicyError, match="was required"):
        load_policy_text(MINI + "\n", sha256=good)


def test_every_problem_is_reported_at_once() -> None:
    text = MINI.replace("role: desk}", "role: nobody}").replace("to: [head], next", "to: [x], next")
    assert len(errors(text)) == 2


def test_a_simplified_spelling_clash_is_rejected() -> None:
    text = MINI.replace(
        "{id: head, label: 負責人, aliases: [负责人]}", "{id: head, label: 負責人, aliases: [柜面]}"
    )
    assert errors(text) == [
        f"p.yaml:{line_of(text, 'id: head')}: vocabulary.roles[1].aliases[0]: "
        "role spelling '柜面' names both 'desk' "
        "and 'head'"
    ]


def test_a_period_longer_than_ten_years_is_refused() -> None:
    text = MINI.replace("working_days: 3", "working_days: 1000000", 1)
    assert text != MINI
    with pytest.raises(PolicyError) as info:
        load_policy_text(text, file="p.yaml")
    (problem,) = info.value.problems
    assert problem.message == "working_days must be between 0 and 2600 (ten years), got 1000000"
    assert problem.file == "p.yaml"
    assert problem.line is not None
