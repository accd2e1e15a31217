"""Problems with a complaint, a JSON input, a decision's instant, a case and a tests file
are said in the officer's language: in Chinese, no English words but the values (ids,
labels, field names, numbers); in English, the words scripts and the docs match on."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from complaint_rules import Catalog, CompiledPolicy, ComplaintError, decide
from complaint_rules.cli import main
from complaint_rules.decision.batch import decide_jsonl
from complaint_rules.decision.json_input import read_json
from complaint_rules.decision.periodic import _period
from complaint_rules.errors import (
    BeyondCalendarError,
    InputError,
    Problem,
    UnpublishedCalendarError,
)
from complaint_rules.lifecycle.case import status
from complaint_rules.messages.catalogue import MESSAGES, problem_text
from complaint_rules.messages.host import calendar_problem
from complaint_rules.toolkit.policytests.cases import TestsFileError, load_tests

CATALOG = Catalog()
KY = CATALOG.load("keyouqianqi_credit_union")
HOTEL = CATALOG.load("hotel")
BASE = CATALOG.load("cn_banking_baseline")
GOOD = {"received_at": "2026-09-30T16:20:00+08:00", "channel": "上門投訴", "category": "匿名"}

# Words that are not English in a Chinese text: the names of formats, JSON's own words,
# the fields of a finding and the placeholders of a date.
_KEPT = {"JSON", "ISO", "UTF", "UTC", "true", "false", "null", "count", "roles", "finding"}
_KEPT |= {"YYYY", "MM", "schema", "complaint", "rules", "tests", "extends", "received_at"}
_WORD = re.compile(r"[A-Za-z][A-Za-z_]+")


def _english_words(text: str, problem: Problem) -> set[str]:
    """The ASCII words of ``text`` that are neither a value of ``problem`` nor kept."""
    for _, value in problem.args:
        text = text.replace(value, " ")
    return set(_WORD.findall(text)) - _KEPT


def _refused(policy: CompiledPolicy, data: Any) -> tuple[Problem, ...]:
    with pytest.raises(InputError) as raised:
        decide(policy, data)
    return raised.value.problems


def _assert_said(problem: Problem, code: str, english: str | None = None) -> None:
    """``problem`` has ``code``, carries its values and is said in each language."""
    assert problem.code == code
    assert problem.args, problem
    wording = dict(problem.args).get("wording", code)
    assert wording in MESSAGES
    if english is not None:
        assert problem.message == english
    assert problem_text(problem, "en") == problem.message
    for lang in ("zh-Hant", "zh-Hans"):
        text = problem_text(problem, lang)
        assert text != problem.message
        assert "(" + problem.message not in text  # not the English kept in brackets
        assert not _english_words(text, problem), (lang, text)


# -- a complaint -------------------------------------------------------------------------

OUR_FAULT = "our_fault"
COMPLAINTS: list[tuple[CompiledPolicy, dict[str, Any], str, str]] = [
    (KY, {"colour": "red"}, "colour", "complaint.unknown_field"),
    (KY, {"chanel": "x"}, "chanel", "complaint.unknown_field"),
    (KY, {"received_at": ...}, "received_at", "complaint.missing"),
    (KY, {"channel": None}, "channel", "complaint.missing"),
    (KY, {"channel": "carrier pigeon"}, "channel", "complaint.unknown_term"),
    (KY, {"channel": "phonе"}, "channel", "complaint.unknown_term"),  # Cyrillic е
    (KY, {"channel": "lettr"}, "channel", "complaint.unknown_term"),
    (KY, {"channel": 3}, "channel", "complaint.wrong_type"),
    (KY, {"channel": "x" * 201}, "channel", "complaint.too_long"),
    (KY, {"category": "匿\u200b名"}, "category", "complaint.invisible_character"),
    (KY, {"level": "high"}, "level", "complaint.not_accepted"),
    (KY, {"received_at": "2026-09-29T15:40:00"}, "received_at", "complaint.naive_instant"),
    (KY, {"received_at": "yesterday"}, "received_at", "complaint.invalid_value"),
    (KY, {"received_at": "2026-02-30T10:00+08:00"}, "received_at", "complaint.impossible_instant"),
    (KY, {"received_at": "2026-13-01T10:00+08:00"}, "received_at", "complaint.impossible_instant"),
    (KY, {"received_at": "2026-01-01T25:00+08:00"}, "received_at", "complaint.impossible_instant"),
    (KY, {"received_at": "2001-09-29T15:40:00+08:00"}, "received_at",
     "complaint.instant_out_of_range"),
    (KY, {"received_at": 5}, "received_at", "complaint.wrong_type"),
    (KY, {"findings": "our_fault"}, "findings", "complaint.wrong_type"),
    (KY, {"findings": [3]}, "findings[0]", "complaint.wrong_type"),
    (KY, {"findings": [{"finding": OUR_FAULT, "zz": 1}]}, "findings[0].zz",
     "complaint.unknown_field"),
    (KY, {"findings": [{"count": 2}]}, "findings[0].finding", "complaint.missing"),
    (KY, {"findings": [{"finding": OUR_FAULT, "count": 0}]}, "findings[0].count",
     "complaint.invalid_value"),
    (KY, {"findings": [{"finding": OUR_FAULT, "roles": "a"}]}, "findings[0].roles",
     "complaint.wrong_type"),
    (KY, {"findings": ["our_fault"] * 1001}, "findings", "complaint.too_many"),
    (KY, {"good_faith": "yes"}, "good_faith", "complaint.wrong_type"),
    (HOTEL, {"compensation_yuan": 1.5}, "compensation_yuan", "complaint.invalid_value"),
    (HOTEL, {"compensation_yuan": True}, "compensation_yuan", "complaint.wrong_type"),
    (HOTEL, {"compensation_yuan": "lots"}, "compensation_yuan", "complaint.invalid_value"),
    (HOTEL, {"compensation_yuan": "1" * 70}, "compensation_yuan", "complaint.invalid_value"),
    (HOTEL, {"compensation_yuan": "NaN"}, "compensation_yuan", "complaint.invalid_value"),
    (HOTEL, {"compensation_yuan": 10**16}, "compensation_yuan", "complaint.invalid_value"),
    (HOTEL, {"compensation_yuan": "0.123456789"}, "compensation_yuan", "complaint.too_many"),
    (HOTEL, {"compensation_yuan": "-5"}, "compensation_yuan", "complaint.invalid_value"),
]  # fmt: skip


def _hotel(changes: dict[str, Any]) -> dict[str, Any]:
    good = {"received_at": "2026-09-30T16:20:00+08:00", "channel": "phone"}
    good |= {"category": "room", "level": "minor"}
    return good | changes


@pytest.mark.parametrize(("policy", "changes", "field", "code"), COMPLAINTS)
def test_each_problem_with_a_complaint_is_said_in_chinese(
    policy: CompiledPolicy, changes: dict[str, Any], field: str, code: str
) -> None:
    data = (GOOD if policy is KY else _hotel({})) | changes
    data = {k: v for k, v in data.items() if v is not ...}  # ... leaves the field out
    problems = [p for p in _refused(policy, data) if p.field == field]
    assert problems, _refused(policy, data)
    _assert_said(problems[0], code)


def test_the_values_are_named_and_the_english_is_unchanged() -> None:
    (unknown,) = _refused(KY, GOOD | {"chanel": "x"})
    assert unknown.message.startswith("unknown field; allowed: received_at, channel, ")
    assert unknown.message.endswith(", id, complainant, text; did you mean 'channel'?")
    assert problem_text(unknown, "zh-Hant").startswith("不認識的欄位;可以寫:received_at, ")
    assert problem_text(unknown, "zh-Hant").endswith(";是不是要寫 'channel'?")
    assert problem_text(unknown, "zh-Hans").startswith("不认识的字段;可以写:received_at, ")

    (naive,) = _refused(KY, GOOD | {"received_at": "2026-09-29T15:40:00"})
    assert (
        naive.message == "received_at has no UTC offset; give one, e.g. 2026-09-29T15:40:00+08:00"
    )
    assert (
        problem_text(naive, "zh-Hant")
        == "received_at 沒有時區;請加上,例如 2026-09-29T15:40:00+08:00"
    )
    assert (
        problem_text(naive, "zh-Hans")
        == "received_at 没有时区;请加上,例如 2026-09-29T15:40:00+08:00"
    )

    (day,) = _refused(KY, GOOD | {"received_at": "2026-02-30T10:00+08:00"})
    assert day.message == (
        "not a real date-time (day is out of range for month) (e.g. 2026-09-30T16:20:00+08:00)"
    )
    assert problem_text(day, "zh-Hant") == (
        "不是真實存在的日期時間(這個月沒有這一日)(例如 2026-09-30T16:20:00+08:00)"
    )

    (old,) = _refused(KY, GOOD | {"received_at": "2001-09-29T15:40:00+08:00"})
    assert old.message == (
        "year 2001 is outside the years this policy's calendar can count (2003-2036: its known "
        "holiday schedules, 1 year before and 10 after)"
    )
    assert problem_text(old, "zh-Hans") == (
        "2001 年不在这份政策的日历可以计算的年份内(2003-2036:已知假日安排的年份,"
        "以及之前 1 年和之后 10 年)"
    )

    (wrong,) = _refused(KY, GOOD | {"channel": 3})
    assert wrong.message == "expected a channel name (text), got a number"
    assert problem_text(wrong, "zh-Hant") == "這裡應該寫渠道的名稱(文字),給的卻是數字"
    assert problem_text(wrong, "zh-Hans") == "这里应该写渠道的名称(文字),给的却是数字"


def test_a_complaint_that_is_no_object_and_too_many_problems() -> None:
    (problem,) = _refused(KY, [1, 2])
    assert problem.message == "a complaint is a JSON object, got a list"
    assert problem_text(problem, "zh-Hant") == "投訴必須是 JSON 物件,這裡給的是清單"
    assert problem_text(problem, "zh-Hans") == "投诉必须是 JSON 对象,这里给的是列表"
    many = _refused(KY, GOOD | {f"x{i}": 1 for i in range(120)})
    _assert_said(many[-1], "complaint.too_many_problems", "and 1+ more problems, not listed")
    assert problem_text(many[-1], "zh-Hant") == "另有 1 個以上的問題,未列出"


# -- JSON --------------------------------------------------------------------------------

JSON_INPUTS: list[tuple[bytes, str, str]] = [
    (b"\xff{}", "json.encoding", "not UTF-8 text (byte 1)"),
    (b"not json", "json.syntax", "not JSON: Expecting value"),
    (b'{"a" 1}', "json.syntax", "not JSON: Expecting ':' delimiter"),
    (b"[1 2]", "json.syntax", "not JSON: Expecting ',' delimiter"),
    (b"{a: 1}", "json.syntax", "not JSON: Expecting property name enclosed in double quotes"),
    (b'"abc', "json.syntax", "not JSON: Unterminated string starting at"),
    (b"1 2", "json.syntax", "not JSON: Extra data"),
    (b'"a\nb"', "json.syntax", "not JSON: Invalid control character at"),
    (b'"\\q"', "json.syntax", "not JSON: Invalid \\escape"),
    (b'"\\u12"', "json.syntax", "not JSON: Invalid \\uXXXX escape"),
    (b"[" * 70 + b"]" * 70, "json.too_deep", "nested more than 64 levels deep (lists and objects)"),
    (b"[NaN]", "json.not_a_number", "NaN is not a JSON number; write a finite number"),
    (b"[" + b"1" * 70 + b"]", "json.number_too_long",
     "a number of 70 characters; at most 64 are read"),
    (b'{"channel": 1,\n "channel": 2}', "json.duplicate_key",
     "duplicate key 'channel' (first at line 1, column 2); remove one: a JSON reader would "
     "silently keep the last"),
    (b'{"\xe5\xbc\xb5": 1, "\xe5\xbc\xb5": 2}', "json.duplicate_key",
     "duplicate key a key (first at line 1, column 2); remove one: a JSON reader would "
     "silently keep the last"),
]  # fmt: skip


@pytest.mark.parametrize(("data", "code", "english"), JSON_INPUTS)
def test_each_problem_with_json_is_said_in_chinese(data: bytes, code: str, english: str) -> None:
    with pytest.raises(ComplaintError) as raised:
        read_json(data, where="c.json")
    (problem,) = raised.value.problems
    assert problem.file == "c.json"
    # Each carries its wording, even one without a value of its own (Expecting value).
    assert problem.code == code and problem.message == english
    assert problem.args
    for lang in ("zh-Hant", "zh-Hans"):
        text = problem_text(problem, lang)
        assert not _english_words(text, problem), (lang, text)


def test_a_json_line_of_a_history_keeps_its_values() -> None:
    lines: list[str | bytes] = [b"\xff\n", '{"received_at": 1,\n']
    got = list(decide_jsonl(KY, lines, file="h.jsonl"))
    encoding, syntax = (line.problems[0] for line in got)  # type: ignore[union-attr]
    assert encoding.message == "not UTF-8 text (byte 1 of the line)"
    assert problem_text(encoding, "zh-Hant") == "不是 UTF-8 文字(這一行的第 1 個位元組)"
    assert (syntax.file, syntax.line) == ("h.jsonl", 2)
    assert problem_text(syntax, "zh-Hans") == "不是有效的 JSON:这里应该是用双引号括起来的键名"
    bad = list(decide_jsonl(KY, [b'{"received_at": "2026-09-30T16:20:00", "channel": 1}']))
    for problem in bad[0].problems:  # type: ignore[union-attr]
        assert problem.line == 1 and problem.args
        assert not _english_words(problem_text(problem, "zh-Hant"), problem)


# -- deciding, a case, the calendar, the recurring duties ---------------------------------


def _problems(call: Callable[[], object]) -> tuple[Problem, ...]:
    with pytest.raises(InputError) as raised:
        call()
    return raised.value.problems


def test_the_instant_to_decide_at_and_an_abstract_policy() -> None:
    (at,) = _problems(lambda: decide(KY, GOOD, at="2026-10-01T09:00"))
    _assert_said(
        at, "decide.bad_at", "at has no UTC offset; give one, e.g. 2026-10-01T09:00:00+08:00"
    )
    (bad,) = _problems(lambda: decide(KY, GOOD, at="soon"))
    _assert_said(bad, "decide.bad_at", "not an ISO 8601 date-time (e.g. 2026-09-30T16:20:00+08:00)")
    assert problem_text(bad, "zh-Hant") == "不是 ISO 8601 日期時間(例如 2026-09-30T16:20:00+08:00)"
    (abstract,) = _problems(lambda: decide(BASE, GOOD))
    _assert_said(abstract, "policy.abstract")
    assert abstract.message.startswith("policy 'cn_banking_baseline' is abstract: it is a base")
    assert problem_text(abstract, "zh-Hant").startswith(
        "政策 'cn_banking_baseline' 是抽象的基礎政策"
    )
    (case,) = _problems(lambda: status(BASE, [], "2026-10-01T09:00:00+08:00"))
    _assert_said(case, "policy.abstract")
    assert case.message.endswith("; a case runs under a policy that extends it")
    (when,) = _problems(lambda: status(KY, [], "2026-10-01"))
    _assert_said(when, "case.bad_instant")
    assert problem_text(when, "zh-Hans") == "at 没有时区;请加上,例如 2026-10-01T00:00:00+08:00"


def test_a_period_of_the_recurring_duties() -> None:
    (problem,) = _problems(lambda: _period("2026-13"))
    _assert_said(
        problem,
        "decide.bad_period",
        "a period is a month (YYYY-MM, e.g. 2026-10) or a year (YYYY), not '2026-13'",
    )
    assert problem_text(problem, "zh-Hant") == (
        "期間要寫月份(YYYY-MM,例如 2026-10)或年份(YYYY),不是 '2026-13'"
    )


def test_a_calendar_error_is_said_with_its_years() -> None:
    unpublished = calendar_problem(UnpublishedCalendarError(2031, (2004, 2026)))
    _assert_said(
        unpublished, "calendar.unpublished", str(UnpublishedCalendarError(2031, (2004, 2026)))
    )
    assert problem_text(unpublished, "zh-Hant").startswith(
        "2031 年的官方假日安排還不知道(已知的是 2004-2026 年):"
    )
    beyond = calendar_problem(BeyondCalendarError(9000, "years", "2026-10-01"))
    _assert_said(beyond, "calendar.unpublished")
    assert problem_text(beyond, "zh-Hans") == (
        "从 2026-10-01 起算 9000 years,会超出可以计算的日期(9999 年)"
    )


def test_a_tests_file_problem(tmp_path: Path) -> None:
    big = tmp_path / "big.tests.yaml"
    big.write_text("#" * 5_000_001, encoding="utf-8")
    with pytest.raises(TestsFileError) as raised:
        load_tests(big)
    _assert_said(raised.value.problems[0], "tests_file.too_large")
    bad = tmp_path / "bad.tests.yaml"
    bad.write_text("schema: complaint-rules-tests/1\npolicy: hotel\ncasez: []\n", encoding="utf-8")
    with pytest.raises(TestsFileError) as raised:
        load_tests(bad)
    for problem in raised.value.problems:
        _assert_said(problem, "tests_file.invalid")
    texts = [problem_text(p, "zh-Hant") for p in raised.value.problems]
    assert any(t.startswith("不認識的鍵;可以寫:") and "是不是要寫 'cases'?" in t for t in texts)


# -- as an officer sees them ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "lang", "shown"),
    [
        (
            '{"received_at": "2026-09-29T15:40:00+08:00", "channel": "上門投訴",\n'
            ' "channel": "上門投訴", "category": "服務產品"}',
            "zh-Hant",
            "c.json:2:2: 鍵 'channel' 重複了(第一次在第 1 行第 46 欄);請刪掉一個:"
            "一般的 JSON 讀取程式會不聲不響地只保留最後一個",
        ),
        (
            '{"received_at": "2026-09-29T15:40:00", "channel": "上門投訴", "category": "服務產品"}',
            "zh-Hans",
            "c.json: received_at: received_at 没有时区;请加上,例如 2026-09-29T15:40:00+08:00",
        ),
        (
            '{"received_at": "2026-09-29T15:40:00+08:00", "channel": "carrier pigeon",'
            ' "category": "服務產品"}',
            "zh-Hant",
            "c.json: channel: 不認識的渠道;可以寫:phone (電話投訴), ",
        ),
        ("[" * 70 + "]" * 70, "zh-Hant", "c.json:1:65: 清單和物件的巢狀層次超過 64 層"),
        ("this is not json", "zh-Hans", "c.json:1:1: 不是有效的 JSON:这里应该有一个值"),
    ],
)
def test_the_command_line_says_them_in_the_officers_language(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    content: str,
    lang: str,
    shown: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("c.json").write_text(content, encoding="utf-8")
    code = main(
        ["--lang", lang, "decide", "keyouqianqi_credit_union", "c.json", "--format", "text"]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith(shown), err
    (line,) = [x for x in err.splitlines() if x.startswith("c.json")]
    assert not set(_WORD.findall(line.split(": ", 1)[1])) - _KEPT - {
        "channel", "phone", "comment_book", "in_person", "letter", "media", "json",
        "forwarded_by_superior", "forwarded_by_government",
    }  # fmt: skip
    assert main(
        ["--lang", "en", "decide", "keyouqianqi_credit_union", "c.json", "--format", "text"]
    )
    english = capsys.readouterr().err
    assert english.startswith("c.json") and not any(
        "\u4e00" <= c <= "\u9fff"
        for c in english.replace("上門投訴", "")
        .replace("服務產品", "")
        .split("\n")[0]
        .split("allowed")[0]
    )
