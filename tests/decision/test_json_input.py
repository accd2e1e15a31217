"""The strict JSON reader: duplicate keys with both places, numbers and nesting bounded
before they can crash, every refusal located, no value of the input repeated."""

from __future__ import annotations

import pytest

from complaint_rules.decision.json_input import (
    MAX_DEPTH,
    MAX_NUMBER_CHARS,
    read_json,
    read_json_line,
    safe_name,
)
from complaint_rules.errors import ComplaintError, Problem


def refused(data: str | bytes) -> Problem:
    with pytest.raises(ComplaintError) as info:
        read_json(data, where="c.json")
    (problem,) = info.value.problems
    return problem


def test_duplicate_keys_are_refused_with_both_positions() -> None:
    text = '{"channel": "letter",\n "category": "x",\n  "channel": "media"}'
    problem = refused(text)
    assert str(problem) == (
        "c.json:3: duplicate key 'channel' (first at line 1, column 2); remove one: a JSON "
        "reader would silently keep the last"
    )
    assert (problem.code, problem.column) == ("json.duplicate_key", 3)


def test_a_duplicate_spelt_with_an_escape_is_the_same_key_and_found_in_its_own_object() -> None:
    text = '[{"a": 1}, {"a": 2, "b": {"channel": 1, "\\u0063hannel": 2}}]'
    assert (refused(text).line, refused(text).column) == (1, 41)
    # The same key in two objects, or as a value, is no duplicate.
    assert read_json('[{"a": "a"}, {"a": ["a", "a"]}]') == [{"a": "a"}, {"a": ["a", "a"]}]


def test_a_duplicate_key_that_could_be_personal_data_is_not_repeated() -> None:
    problem = refused('{"張三 13800138000": 1, "張三 13800138000": 2}')
    assert "張三" not in str(problem) and "13800138000" not in str(problem)
    assert problem.message.startswith("duplicate key a key (first at line 1, column 2)")


def test_numbers_are_bounded_before_they_are_converted() -> None:
    assert read_json("[" + "9" * MAX_NUMBER_CHARS + "]") == [int("9" * MAX_NUMBER_CHARS)]
    for text in ("9" * 5000, "[1." + "5" * 100 + "]", "[1e" + "9" * 100 + "]"):
        problem = refused(text)
        assert problem.code == "json.number_too_long"
        assert problem.message.endswith(f"characters; at most {MAX_NUMBER_CHARS} are read")
    assert read_json("[99.50]") == ["99.50"]  # a fraction stays text (money)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_numbers_are_refused(constant: str) -> None:
    problem = refused(f'{{"count": {constant}}}')
    assert (problem.code, problem.message) == (
        "json.not_a_number",
        f"{constant} is not a JSON number; write a finite number",
    )


@pytest.mark.parametrize("opener", ["[", '{"a":'])
def test_nesting_is_bounded_before_parsing(opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    assert read_json(opener * MAX_DEPTH + "1" + closer * MAX_DEPTH) is not None
    for depth in (MAX_DEPTH + 1, 100_000):
        problem = refused(opener * depth)
        assert (problem.code, problem.line) == ("json.too_deep", 1)
        assert problem.column == MAX_DEPTH * len(opener) + 1
        assert problem.message == f"nested more than {MAX_DEPTH} levels deep (lists and objects)"
    # Brackets inside strings do not count.
    assert read_json('["' + "[" * 1000 + '"]') == ["[" * 1000]


def test_encoding_syntax_and_a_byte_order_mark() -> None:
    assert read_json(b'\xef\xbb\xbf{"a": 1}') == {"a": 1}
    assert str(refused(b'{"a": "\xe9"}')) == "c.json: not UTF-8 text (byte 8)"
    syntax = refused('{"a": 1,\n "b" 2}')
    assert (str(syntax), syntax.column) == ("c.json:2: not JSON: Expecting ':' delimiter", 6)


def test_a_line_of_json_lines_is_located_at_its_line() -> None:
    value, problems = read_json_line('{"a": 1, "a": 2}', 7, "h.jsonl")
    assert value is None
    assert [(p.file, p.line, p.column, p.code) for p in problems] == [
        ("h.jsonl", 7, 10, "json.duplicate_key")
    ]
    assert problems[0].message.startswith("duplicate key 'a' (first at line 7, column 2)")
    assert read_json_line(b'{"a": 1}', 3, None) == ({"a": 1}, [])
    _, problems = read_json_line(b"\xff", 2, None)
    assert [str(p) for p in problems] == ["<input>:2: not UTF-8 text (byte 1 of the line)"]


def test_safe_names() -> None:
    assert safe_name("channel_2") == "'channel_2'"
    assert [safe_name(k) for k in ("", "a-b", "x" * 65, "é", 3, "\x1b[2J")] == [None] * 6
