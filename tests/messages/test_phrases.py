"""The framing words of explanations per language, and Chinese article numbers."""

from __future__ import annotations

import string

import pytest

from complaint_rules.messages.phrases import (
    COMPARISONS,
    PHRASES,
    chinese_number,
    english_article,
)

FORMATTER = string.Formatter()


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in FORMATTER.parse(template) if name is not None}


def test_phrase_tables_have_the_same_entries() -> None:
    zh, en = PHRASES["zh-Hant"], PHRASES["en"]
    for name in ("headings", "duties", "units", "abouts", "frequencies", "statuses", "who", "t"):
        assert set(getattr(zh, name)) == set(getattr(en, name)), name


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("三", 3),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("二十五", 25),
        ("一百零五", 105),
        ("兩", 2),
        ("一一", None),
        ("", None),
        ("條", None),
    ],
)
def test_chinese_number(numeral: str, value: int | None) -> None:
    assert chinese_number(numeral) == value


@pytest.mark.parametrize(
    ("article", "english"),
    [
        ("第十一條", "第十一條 (Art. 11)"),
        ("第十一條(處罰)一", "第十一條(處罰)一 (Art. 11)"),
        ("第二十二條", "第二十二條 (Art. 22)"),
        ("第二章(第七條至第九條)", "第二章(第七條至第九條) (Ch. 2)"),
        ("三、4、1)", "三、4、1)"),
        ("重大投訴應急", "重大投訴應急"),
    ],
)
def test_english_article(article: str, english: str) -> None:
    assert english_article(article) == english


def test_every_template_takes_the_same_fields_in_every_language() -> None:
    zh, en = PHRASES["zh-Hant"], PHRASES["en"]
    assert set(PHRASES) == {"zh-Hant", "en"}  # zh-Hans is zh-Hant converted
    for table in ("headings", "duties", "units", "abouts", "frequencies", "statuses", "who", "t"):
        for name, template in getattr(zh, table).items():
            assert fields(template) == fields(getattr(en, table)[name]), (table, name)
    # Each template formats with its own fields and nothing else.
    for name, template in zh.t.items():
        values = dict.fromkeys(fields(template), "X")
        assert "{" not in template.format(**values), name
        assert "{" not in en.t[name].format(**values), name


def test_the_separators_and_words_of_each_language() -> None:
    zh, en = PHRASES["zh-Hant"], PHRASES["en"]
    assert (zh.sep, zh.clause_sep, zh.true, zh.false, zh.none) == ("、", ";", "是", "否", "無")
    assert (en.sep, en.clause_sep, en.true, en.false, en.none) == (
        ", ",
        "; ",
        "true",
        "false",
        "none",
    )
    assert (zh.headings["deadline"], en.headings["deadline"]) == ("時限", "Deadlines")
    assert COMPARISONS == {"ne": "≠", "gt": ">", "gte": "≥", "lt": "<", "lte": "≤"}


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("〇", 0),
        ("一千零一", 1001),
        ("九千九百九十九", 9999),
        ("三百", 300),
        ("十二", 12),
    ],
)
def test_chinese_numbers_up_to_the_thousands(numeral: str, value: int) -> None:
    assert chinese_number(numeral) == value


@pytest.mark.parametrize(
    ("article", "english"),
    [
        ("第一百零五條", "第一百零五條 (Art. 105)"),
        ("第三章", "第三章 (Ch. 3)"),
        ("第一一條", "第一一條"),  # no numeral this reads: unchanged
        ("附則第三條", "附則第三條"),  # not at the start
    ],
)
def test_english_article_more(article: str, english: str) -> None:
    assert english_article(article) == english
