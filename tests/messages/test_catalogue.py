"""The message catalogue: every code in every language with the same fields; choosing the
language; a problem shown with its place and the offending line."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from complaint_rules.errors import Problem
from complaint_rules.messages import catalogue
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


# -- every code the package can raise is in the catalogue --------------------------------

_SOURCE = Path(catalogue.__file__).resolve().parent.parent
_FAMILIES = ("json", "yaml", "policy", "catalog", "complaint", "case", "file", "calendar",
             "batch", "request", "service", "stdio", "tests_file", "input", "extra", "decide",
             "html", "tests", "diff")  # fmt: skip
_CODE = re.compile(r"^(" + "|".join(_FAMILIES) + r")(\.[a-z0-9_]+)+$")


def _raised_codes() -> dict[str, str]:
    """Each code written in the package's source where a problem is made (an argument or
    keyword of a call, a code table's entry, a value assigned or a function's answer),
    with where it is first written."""
    found: dict[str, str] = {}

    def take(node: ast.AST, where: str) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if _CODE.match(node.value):
                found.setdefault(node.value, where)
        elif isinstance(node, ast.IfExp):
            take(node.body, where)
            take(node.orelse, where)

    for path in sorted(_SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.relative_to(_SOURCE)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call):
                for value in [*node.args, *(kw.value for kw in node.keywords)]:
                    take(value, where)
            elif isinstance(node, ast.Tuple):
                for value in node.elts:
                    take(value, where)
            elif isinstance(node, ast.Return | ast.Assign) and node.value is not None:
                take(node.value, where)
    return found


def test_the_walk_finds_codes_of_every_family_of_problem() -> None:
    # The walk itself: codes made in each way it must see.
    codes = _raised_codes()
    for code in (
        "policy.timezone",  # self.add(path, "…") in the consistency checks
        "policy.condition.undeclared",  # self.fail(path, "…") in the conditions
        "policy.report_start.no_due",  # a second wording of a published code
        "complaint.unknown_field",  # the complaint's code table
        "complaint.unknown_term",  # fail(path, message, "…") in the complaint's check
        "complaint.impossible_instant",  # a conditional code
        "json.duplicate_key",  # a helper's first argument
        "case.event_rejected",  # code="…"
        "yaml.null_key",
        "file.not_regular",
    ):
        assert code in codes
    assert len(codes) > 150


_DYNAMIC = (
    # f"{kind}.invalid" (errors.problem_document) and the ".negative" wordings of amount facts.
    "policy.invalid",
    "complaint.invalid",
    "input.invalid",
    "policy.inconsistent",
    "policy.amount_fact.negative",
    "policy.headcount_fact.negative",
    "policy.earlier_total_fact.negative",
)


@pytest.mark.parametrize("code", sorted({*_raised_codes(), *_DYNAMIC}))
def test_every_code_the_package_raises_is_worded_in_all_three_languages(code: str) -> None:
    assert code in MESSAGES, f"{code} ({_raised_codes().get(code, 'made from parts')})"
    assert set(MESSAGES[code]) == set(LANGS)
    assert all(MESSAGES[code][lang].strip() for lang in LANGS)
