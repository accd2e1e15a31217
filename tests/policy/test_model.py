"""The policy model: the shape of each piece (ids, text, money, periods, the one form of a
deadline, clock, offset), checked by pydantic with the whole list of errors compared."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from complaint_rules import PolicyError, load_policy_text
from complaint_rules.policy.model import (
    BUILTIN_EVENTS,
    ELEMENT_KINDS,
    ELEMENT_SINGULAR,
    MAX_PERIOD,
    CalendarSettings,
    Clock,
    Deadline,
    Escalation,
    EventEffect,
    Money,
    Offset,
    Period,
    Policy,
    Rule,
    Term,
)
from tests.support.policy_texts import MINI
from tests.support.problems import errors, line_of

Error = tuple[str, tuple[str | int, ...], str]


def refused(model: type[BaseModel], data: dict[str, Any]) -> list[Error]:
    """Every error of validating ``data`` as ``model``: (type, location, message)."""
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    return [(e["type"], tuple(e["loc"]), e["msg"]) for e in info.value.errors()]


ONE_UNIT = (
    "Value error, a period has exactly one unit, one of: minutes, hours, calendar_days, "
    "working_days, end_of_month"
)


# --- ids and text ---------------------------------------------------------------------------


def test_an_id_is_lower_case_ascii_and_a_label_is_not_empty() -> None:
    assert refused(Term, {"id": "Desk", "label": ""}) == [
        ("string_pattern_mismatch", ("id",), "String should match pattern '^[a-z][a-z0-9_]*$'"),
        ("string_too_short", ("label",), "String should have at least 1 character"),
    ]
    for bad in ("1desk", "_desk", "desk-2", "櫃面"):
        assert refused(Term, {"id": bad, "label": "櫃面"})[0][0] == "string_pattern_mismatch"
    assert Term(id="desk_2", label="櫃面").id == "desk_2"


def test_ids_and_texts_have_a_length_limit() -> None:
    assert Term(id="a" * 80, label="x" * 4000).id == "a" * 80
    assert refused(Term, {"id": "a" * 81, "label": "x" * 4001}) == [
        ("string_too_long", ("id",), "String should have at most 80 characters"),
        ("string_too_long", ("label",), "String should have at most 4000 characters"),
    ]


def test_unknown_keys_are_refused_and_models_are_frozen() -> None:
    assert refused(Term, {"id": "desk", "label": "櫃面", "colour": 1}) == [
        ("extra_forbidden", ("colour",), "Extra inputs are not permitted")
    ]
    term = Term(id="desk", label="櫃面")
    with pytest.raises(ValidationError, match="Instance is frozen"):
        term.label = "柜面"  # type: ignore[misc]


# --- money ------------------------------------------------------------------------------------


def test_money_is_an_integer_or_quoted_decimal_never_a_float_nor_negative() -> None:
    assert refused(Money, {"min": 1.5, "max": -1}) == [
        (
            "value_error",
            ("min",),
            "Value error, write amounts of money as integers or quoted strings, not floats",
        ),
        ("greater_than_equal", ("max",), "Input should be greater than or equal to 0"),
    ]
    money = Money.model_validate({"min": "1.50", "max": 2})
    assert (money.min, money.max, money.parameter) == (Decimal("1.50"), Decimal(2), None)
    assert str(money.min) == "1.50"  # as written: exact, with its places


def test_money_is_a_range_or_a_parameter_or_a_fact() -> None:
    needs = "Value error, money needs both min and max (yuan), or a parameter, or a fact"
    assert refused(Money, {"min": 1}) == [("value_error", (), needs)]
    assert refused(Money, {}) == [("value_error", (), needs)]
    one_of = "Value error, money is one of: min/max, a parameter, a fact"
    for both in (
        {"min": 1, "max": 2, "parameter": "limit"},
        {"min": 1, "max": 2, "fact": "loan_yuan"},
        {"max": 2, "fact": "loan_yuan"},
        {"parameter": "limit", "fact": "loan_yuan"},
    ):
        assert refused(Money, both) == [("value_error", (), one_of)], both
    assert Money(parameter="limit").parameter == "limit"
    assert Money(fact="loan_yuan").fact == "loan_yuan"


# --- periods ----------------------------------------------------------------------------------


def test_a_period_has_exactly_one_unit() -> None:
    assert refused(Period, {}) == [("value_error", (), f"{ONE_UNIT} (got none)")]
    assert refused(Period, {"hours": 1, "working_days": 2}) == [
        ("value_error", (), f"{ONE_UNIT} (got hours, working_days)")
    ]
    assert refused(Period, {"end_of_month": False}) == [
        ("literal_error", ("end_of_month",), "Input should be True")
    ]


@pytest.mark.parametrize(
    ("data", "unit", "bounds"),
    [
        ({"minutes": 30}, "minutes", (30, 30)),
        ({"hours": 0}, "hours", (0, 0)),
        ({"calendar_days": 15}, "calendar_days", (15, 15)),
        ({"working_days": {"min": 7, "max": 10}}, "working_days", (7, 10)),
        ({"end_of_month": True}, "end_of_month", (1, 1)),
    ],
)
def test_a_periods_unit_and_bounds(
    data: dict[str, Any], unit: str, bounds: tuple[int, int]
) -> None:
    period = Period.model_validate(data)
    assert (period.unit, period.bounds) == (unit, bounds)


def test_a_period_is_at_most_ten_years_in_its_unit() -> None:
    # Ten years of 366 days; of 260 working days.
    assert MAX_PERIOD == {
        "minutes": 5_270_400,
        "hours": 87_840,
        "calendar_days": 3_660,
        "working_days": 2_600,
    }
    for unit, limit in MAX_PERIOD.items():
        assert Period.model_validate({unit: limit}).bounds == (limit, limit)
        assert refused(Period, {unit: limit + 1}) == [
            (
                "value_error",
                (),
                f"Value error, {unit} must be between 0 and {limit} (ten years), got {limit + 1}",
            )
        ]
    assert refused(Period, {"calendar_days": {"min": 1, "max": 3661}}) == [
        (
            "value_error",
            (),
            "Value error, calendar_days must be between 0 and 3660 (ten years), got 1 to 3661",
        )
    ]
    assert refused(Period, {"hours": -5}) == [
        ("value_error", (), "Value error, hours must be between 0 and 87840 (ten years), got -5")
    ]
    # A range given backwards is the compiler's to report (min 10 is greater than max 7).
    assert Period.model_validate({"working_days": {"min": 10, "max": 7}}).bounds == (10, 7)


def test_a_range_has_no_negative_end() -> None:
    assert refused(Period, {"working_days": {"min": -1, "max": 3}}) == [
        ("int_type", ("working_days", "int"), "Input should be a valid integer"),
        (
            "greater_than_equal",
            ("working_days", "Amount", "min"),
            "Input should be greater than or equal to 0",
        ),
    ]


# --- the one form of a deadline, a clock, an offset --------------------------------------------


def test_a_deadline_is_a_period_or_the_facts_it_runs_until() -> None:
    message = "Value error, a deadline has either 'within' (a period) or 'until' (facts)"
    both = {"id": "d", "label": "回復", "within": {"hours": 1}, "until": ["departs_at"]}
    assert refused(Deadline, both) == [("value_error", (), message)]
    assert refused(Deadline, {"id": "d", "label": "回復"}) == [("value_error", (), message)]
    until = Deadline.model_validate({"id": "d", "label": "離店前", "until": ["departs_at"]})
    assert (until.starts, until.within, until.until) == ("received", None, ("departs_at",))


def test_a_clock_has_its_own_period_or_rule_deadlines() -> None:
    message = (
        "Value error, a clock has either 'within' (a period) or 'deadlines' (rule deadline ids)"
    )
    plain = {"id": "c", "label": "回復", "article": "第一條"}
    assert refused(Clock, plain) == [("value_error", (), message)]
    both = {**plain, "within": {"hours": 2}, "deadlines": ["reply"]}
    assert refused(Clock, both) == [("value_error", (), message)]
    clock = Clock.model_validate({**plain, "deadlines": ["reply"]})
    assert (clock.starts, clock.pauses, clock.extensions) == (("received",), (), ())


def test_an_offset_is_an_amount_of_at_least_one_or_a_parameter() -> None:
    assert refused(Offset, {"unit": "hours"}) == [
        ("value_error", (), "Value error, an offset has either 'amount' or 'parameter'")
    ]
    assert refused(Offset, {"unit": "hours", "amount": 0}) == [
        ("greater_than_equal", ("amount",), "Input should be greater than or equal to 1")
    ]
    assert refused(Offset, {"unit": "end_of_month", "amount": 1})[0][0] == "literal_error"


def test_an_event_sets_facts_to_true_false_or_whole_numbers_only() -> None:
    for value in (1.5, "yes"):
        assert refused(EventEffect, {"id": "e", "sets": {"vip": value}}) == [
            ("bool_type", ("sets", "vip", "bool"), "Input should be a valid boolean"),
            ("int_type", ("sets", "vip", "int"), "Input should be a valid integer"),
        ]
    assert EventEffect.model_validate({"id": "e", "sets": {"vip": True, "n": 2}}).sets == {
        "vip": True,
        "n": 2,
    }


def test_an_escalation_goes_to_someone() -> None:
    assert refused(Escalation, {"id": "e", "label": "上報", "on": "received", "to": []}) == [
        ("too_short", ("to",), "Tuple should have at least 1 item after validation, not 0")
    ]


def test_calendar_days_are_dates_and_the_day_ends_at_a_clock_time() -> None:
    bad = {"day_ends_at": "24:00:01", "holidays": {"2026-13-01": "x"}}
    assert refused(CalendarSettings, bad) == [
        (
            "date_from_datetime_parsing",
            ("holidays", "2026-13-01", "[key]"),
            "Input should be a valid date or datetime, month value is outside expected range of "
            "1-12",
        ),
        (
            "string_pattern_mismatch",
            ("day_ends_at",),
            "String should match pattern '^(([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d|24:00:00)$'",
        ),
    ]
    settings = CalendarSettings()
    # Unset: the last day of a period ends at 24:00 (民法典 第二百零三條); "24:00:00" says so.
    assert (settings.day_ends_at, settings.exclude_start_day, settings.roll_to_working_day) == (
        None,
        True,
        True,
    )
    assert CalendarSettings(day_ends_at="24:00:00").day_ends_at == "24:00:00"


# --- the policy document ------------------------------------------------------------------------


def test_the_policy_takes_schema_by_its_name_and_shows_one_line() -> None:
    head = {"id": "p", "version": "1", "title": "辦法", "institution": "銀行", "source": "tests"}
    policy = Policy.model_validate({"schema": "complaint-rules/1", **head})
    assert Policy.model_validate({"schema_": "complaint-rules/1", **head}) == policy
    assert (policy.timezone, policy.language, policy.rules, policy.lifecycle) == (
        "Asia/Shanghai",
        "zh-Hant",
        (),
        None,
    )
    assert repr(policy) == "<Policy p version 1>"
    assert refused(Policy, {"schema": "complaint-rules/2", **head}) == [
        ("literal_error", ("schema",), "Input should be 'complaint-rules/1'")
    ]


def test_element_kinds_and_builtin_events() -> None:
    assert tuple(ELEMENT_SINGULAR) == ELEMENT_KINDS
    assert set(ELEMENT_KINDS) <= set(Rule.model_fields)
    assert dict(ELEMENT_SINGULAR) == {
        "deadlines": "deadline",
        "actions": "action",
        "escalations": "escalation",
        "reports": "report",
        "retention": "retention",
        "penalties": "penalty",
        "approvals": "approval",
    }
    assert BUILTIN_EVENTS == ("received", "updated", "escalated", "reminded", "done", "closed")


# --- the same errors, as the loader shows them ----------------------------------------------------


def test_money_as_float_is_rejected() -> None:
    text = MINI.replace('amount_yuan: {min: 100, max: "100"}', "amount_yuan: {min: 100, max: 99.9}")
    assert errors(text) == [
        f"p.yaml:{line_of(text, '99.9')}: rules[2].penalties[0].amount_yuan.max: "
        "write amounts of money as integers or quoted strings, not floats"
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


# --- texts given per language -----------------------------------------------------------


def test_texts_given_per_language_load_and_read_as_the_policys_own_language() -> None:
    from complaint_rules.policy.model import LocalText, text_in
    from tests.support.policy_texts import mini_with_texts

    policy = load_policy_text(mini_with_texts(), file="p.yaml").policy
    always = policy.rules[0]
    fines = next(rule for rule in policy.rules if rule.id == "fines")
    label = always.deadlines[0].label
    assert isinstance(label, LocalText)
    assert label == "回復客戶"  # the zh-Hant text, wherever the policy is read as strings
    assert dict(label.by_lang) == {"zh-Hant": "回復客戶", "zh-Hans": "答复客户", "en": "Reply"}
    assert [text_in(label, lang) for lang in ("zh-Hant", "zh-Hans", "en")] == [
        "回復客戶",
        "答复客户",
        "Reply",
    ]
    # A key in another case is the same language; a language not given falls back.
    assert fines.title == "罰則" and text_in(fines.title or "", "en") == "Fines"
    assert text_in(fines.title or "", "zh-Hans") == "罰則"
    assert text_in(always.gaps[0].text, "en") == "The article sets no time for the follow-up visit."
    # A plain string is the same in every language.
    assert always.escalations[0].label == "上報"
    assert not isinstance(always.escalations[0].label, LocalText)
    assert text_in(always.escalations[0].label, "en") == "上報"


def test_a_label_given_per_language_still_names_its_term_by_its_zh_hant_text() -> None:
    from tests.support.policy_texts import mini_with_texts

    text = mini_with_texts().replace(
        "      - {id: top, label: 再上報, on: dissatisfied, to: [head]}",
        "      - {id: top, label: 再上報, on: dissatisfied, to: [負責人]}",
    )
    policy = load_policy_text(text, file="p.yaml").policy
    assert policy.rules[0].escalations[1].to == ("head",)


def test_a_text_given_per_language_is_kept_when_dumped_and_changes_the_hash() -> None:
    from complaint_rules.policy.compiled import compile_policy
    from tests.support.policy_texts import mini_with_texts

    plain = load_policy_text(mini_with_texts().replace("en: Reply", "en: Answer"), file="p.yaml")
    given = load_policy_text(mini_with_texts(), file="p.yaml")
    dumped = given.policy.model_dump(mode="json")
    assert dumped["rules"][0]["deadlines"][0]["label"] == {
        "zh-Hant": "回復客戶",
        "zh-Hans": "答复客户",
        "en": "Reply",
    }
    assert dumped["rules"][0]["escalations"][0]["label"] == "上報"
    # Without a file's hash, a policy is known by its content's: a translation is content.
    assert compile_policy(plain.policy).sha256 != compile_policy(given.policy).sha256


@pytest.mark.parametrize(
    ("label", "message"),
    [
        (
            "{zh-Hant: 回復, fr: Réponse}",
            "unknown language 'fr' in a text given per language; allowed: zh-Hant, zh-Hans, en",
        ),
        (
            "{en: Reply}",
            "a text given per language must include zh-Hant, the policy's own language; given: en",
        ),
        ("{zh-Hant: 回復, en: 3}", "Input should be a valid string (the en text)"),
        ("{zh-Hant: 回復, en: ''}", "String should have at least 1 character (the en text)"),
        (
            "{zh-Hant: 回復, zh-hant: 答复}",
            "language zh-Hant given twice in a text given per language",
        ),
        (
            "[回復, Reply]",
            "a text is a string (in the policy's own language, zh-Hant) or a mapping of "
            "languages to strings; allowed languages: zh-Hant, zh-Hans, en",
        ),
    ],
)
def test_a_bad_text_given_per_language_is_refused_with_the_allowed_languages(
    label: str, message: str
) -> None:
    text = MINI.replace("        label: 回復\n", f"        label: {label}\n")
    with pytest.raises(PolicyError) as info:
        load_policy_text(text, file="p.yaml")
    line = next(i for i, x in enumerate(text.splitlines(), 1) if x.startswith("        label: "))
    assert [str(p) for p in info.value.problems] == [
        f"p.yaml:{line}: rules[0].deadlines[0].label: {message}"
    ]


def test_texts_that_stay_as_the_source_wrote_them_take_one_string() -> None:
    text = MINI.replace("    article: 第一條\n", "    article: {zh-Hant: 第一條, en: Art. 1}\n", 1)
    with pytest.raises(PolicyError) as info:
        load_policy_text(text, file="p.yaml")
    assert [p.field for p in info.value.problems] == ["rules[0].article"]


def test_every_note_and_gap_of_the_bundled_policies_is_in_chinese_with_the_english_kept() -> None:
    from complaint_rules import Catalog
    from complaint_rules.policy.model import Gap, LocalText

    def cjk(s: str) -> int:
        return sum("\u4e00" <= ch <= "\u9fff" for ch in s)

    def words(s: str) -> list[str]:
        """English words: not ids (with '_'), not in backticks."""
        return re.findall(r"[A-Za-z]{2,}", re.sub(r"`[^`]*`|\w*_\w*", "", s))

    def notes_and_gaps(value: object) -> list[str]:
        found: list[str] = []
        if isinstance(value, BaseModel):
            for name in type(value).model_fields:
                field = getattr(value, name)
                if (name == "note" and field is not None) or (
                    isinstance(value, Gap) and name == "text"
                ):
                    found.append(field)
                else:
                    found.extend(notes_and_gaps(field))
        elif isinstance(value, tuple):
            for item in value:
                found.extend(notes_and_gaps(item))
        return found

    catalog = Catalog([], entry_points=False)
    seen = 0
    for policy_id in catalog.ids():
        policy = catalog.load(policy_id).policy
        for text in notes_and_gaps(policy):
            seen += 1
            assert cjk(text) > 3 * len(words(text)), (policy_id, text)
            if words(text) or isinstance(text, LocalText):
                assert isinstance(text, LocalText), (policy_id, text)
                assert len(words(text.by_lang["en"])) >= 2, (policy_id, text)
    assert seen >= 120


def _localised_texts(value: object, where: str = "") -> list[tuple[str, str]]:
    """Every text of ``value`` (a model) whose field is a :data:`LocalisedText`, with where
    it is; not the texts kept as the source wrote them (articles, quotes), nor ids."""
    import types
    import typing

    from complaint_rules.policy.model import LOCALISED_TEXT_MARK

    def localised(annotation: Any) -> bool:
        marks = [getattr(m, "json_schema", None) for m in getattr(annotation, "__metadata__", ())]
        if any(isinstance(m, dict) and LOCALISED_TEXT_MARK in m for m in marks):
            return True
        if typing.get_origin(annotation) in (typing.Union, types.UnionType, tuple, dict):
            return any(localised(a) for a in typing.get_args(annotation) if a is not Ellipsis)
        return False

    found: list[tuple[str, str]] = []
    if isinstance(value, BaseModel):
        hints = typing.get_type_hints(type(value), include_extras=True)
        for name in type(value).model_fields:
            field = getattr(value, name)
            if isinstance(field, str) and localised(hints[name]):
                found.append((f"{where}.{name}", field))
            else:
                found.extend(_localised_texts(field, f"{where}.{name}"))
    elif isinstance(value, tuple | list):
        for i, item in enumerate(value):
            found.extend(_localised_texts(item, f"{where}[{i}]"))
    elif isinstance(value, dict):
        for key, item in value.items():
            found.extend(_localised_texts(item, f"{where}[{key}]"))
    return found


def test_no_text_of_the_bundled_policies_is_english_only() -> None:
    """Issue 19: every officer-facing text (titles, labels, descriptions, reasons, notes,
    gaps) is in Chinese; where it was written in English, the English is kept as ``en``."""
    from complaint_rules import Catalog
    from complaint_rules.policy.model import LocalText

    def english(s: str) -> list[str]:
        """Three English words in a row, not counting ids (with '_') and code (backticks)."""
        return re.findall(r"[A-Za-z']+(?:\s+[A-Za-z']+){2,}", re.sub(r"`[^`]*`|\w*_\w*", "", s))

    catalog = Catalog([], entry_points=False)
    seen = given = 0
    for policy_id in catalog.ids():
        for where, text in _localised_texts(catalog.load(policy_id).policy):
            seen += 1
            assert not english(text), (policy_id, where, text)
            given += isinstance(text, LocalText)
    assert seen >= 1000 and given >= 250, (seen, given)
    # The walk finds the texts it is meant to: titles, descriptions and reasons among them.
    bocom = dict(_localised_texts(catalog.load("bocom").policy))
    assert {".title", ".institution", ".not_encoded[0].reason"} <= set(bocom)
    for kind in (".vocabulary.roles[", ".vocabulary.events[", ".facts["):
        assert any(k.startswith(kind) and k.endswith("].description") for k in bocom), kind
    assert ".rules[0].article" not in bocom and ".rules[0].quote" not in bocom
