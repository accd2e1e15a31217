"""The message catalogue: every code in every language with the same fields; choosing the
language; a problem shown with its place and the offending line."""

from __future__ import annotations

import string

import pytest

from complaint_rules.errors import Problem
from complaint_rules.messages.catalogue import (
    LANGS,
    MESSAGES,
    WORDS,
    choose_lang,
    format_problem,
    make_problem,
    parse_lang,
    problem_text,
    show_line,
)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_code_has_all_three_languages_with_the_same_fields(code: str) -> None:
    texts = MESSAGES[code]
    assert set(texts) == set(LANGS)
    assert all(texts[lang].strip() for lang in LANGS)
    assert _fields(texts["zh-Hant"]) == _fields(texts["zh-Hans"])
    # English may leave out the key or value the problem's field path already names
    # (the wording of earlier releases, which scripts may match); never add one.
    assert _fields(texts["en"]) <= _fields(texts["zh-Hant"])
    # Each language is written out: the Chinese texts are not the English one.
    if any("\u4e00" <= c <= "\u9fff" for c in texts["zh-Hant"]):
        assert texts["zh-Hant"] != texts["en"]


def test_every_word_has_all_three_languages() -> None:
    assert all(set(texts) == set(LANGS) for texts in WORDS.values())


@pytest.mark.parametrize(
    ("value", "lang"),
    [("zh-Hant", "zh-Hant"), ("zh-hans", "zh-Hans"), ("ZH-HANT", "zh-Hant"), ("EN", "en")],
)
def test_a_language_is_named_in_any_case(value: str, lang: str) -> None:
    assert parse_lang(value) == lang


def test_an_unknown_language_is_refused_naming_the_choices() -> None:
    with pytest.raises(ValueError, match="language is one of zh-Hant, zh-Hans, en, not 'fr'"):
        parse_lang("fr")


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "zh_TW.UTF-8"}, "zh-Hant"),
        ({"LANG": "zh_HK.UTF-8"}, "zh-Hant"),
        ({"LANG": "zh_MO"}, "zh-Hant"),
        ({"LANG": "zh_CN.UTF-8"}, "zh-Hans"),
        ({"LANG": "zh_SG.UTF-8"}, "zh-Hans"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_ALL": "zh_CN.UTF-8", "LANG": "zh_TW.UTF-8"}, "zh-Hans"),
        ({"COMPLAINT_RULES_LANG": "zh-hant", "LANG": "zh_CN.UTF-8"}, "zh-Hant"),
    ],
)
def test_without_a_choice_the_variable_then_the_locale_decide(
    environ: dict[str, str], lang: str
) -> None:
    assert choose_lang(None, environ) == lang


def test_an_explicit_choice_wins_over_the_environment() -> None:
    assert choose_lang("en", {"COMPLAINT_RULES_LANG": "zh-Hans", "LANG": "zh_TW"}) == "en"


def test_a_problem_keeps_its_values_to_be_said_in_each_language() -> None:
    problem = make_problem(
        "policy.ambiguous_term",
        path=("rules", 0, "by", 0),
        file="p.yaml",
        line=3,
        column=9,
        value="受理部門",
        kind="role",
        candidates="a (甲), b (乙)",
    )
    assert problem.code == "policy.ambiguous_term"
    assert problem.message == (
        "\u201c受理部門\u201d could mean more than one role: a (甲), b (乙). "
        "Write the id of the one you mean."
    )
    assert (
        problem_text(problem, "zh-Hant")
        == "「受理部門」可能指好幾個角色:a (甲), b (乙)。請改寫其中一個的代號。"
    )
    assert (
        problem_text(problem, "zh-Hans")
        == "「受理部門」可能指好几个角色:a (甲), b (乙)。请改写其中一个的代号。"
    )


def test_a_problem_without_a_catalogued_code_keeps_its_message() -> None:
    assert problem_text(Problem("something else"), "zh-Hant") == "something else"


def test_the_offending_line_is_shown_with_a_caret_under_wide_characters() -> None:
    problem = make_problem(
        "policy.yaml.fullwidth",
        file="p.yaml",
        line=2,
        column=5,
        char="\uff1a",
        name="FULLWIDTH COLON",
        ascii=":",
    )
    text = format_problem(problem, "zh-Hant", ["a:", "  時限：", "x"])
    assert text.splitlines() == [
        "p.yaml:2:5: 這裡有全形字元「\uff1a」(FULLWIDTH COLON),應該用半形的「:」。"
        "中文輸入法常會打出全形符號,請切換到英文輸入後重打。",
        "    2 |   時限\uff1a",
        "      | " + " " * 6 + "^",  # two spaces, then 時 and 限 two places wide
    ]


def test_control_characters_in_the_shown_line_are_escaped() -> None:
    # A hostile file cannot move the terminal's cursor or hide text: escapes are shown.
    assert show_line("a:\x1b[2J b\u202e", 1, None) == "    1 | a:\\u001b[2J b\\u202e"
