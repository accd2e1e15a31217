"""Fuzzing the strict JSON reader with hypothesis (the coverage-guided twin is
fuzz/json_target.py): arbitrary JSON values, written with duplicate keys, deep nesting,
long numbers, odd whitespace and bytes spliced in. The oracle: the value the standard
library reads, or one located, coded problem that repeats no long digit run of the input;
never another exception; a JSON line read as the same file."""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from complaint_rules.decision.json_input import read_json, read_json_line
from complaint_rules.errors import ComplaintError

NUMBER = re.compile(r"[0-9]{7,}")

values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**80), max_value=10**80)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=20,
)


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    text = json.dumps(draw(values), ensure_ascii=draw(st.booleans()))
    edit = draw(st.sampled_from(["none", "duplicate", "deep", "splice", "constant"]))
    if edit == "duplicate" and text.startswith("{") and text != "{}":
        first = text[1 : text.index(":")]
        text = "{" + first + ": 0, " + text[1:]
    elif edit == "deep":
        depth = draw(st.integers(min_value=60, max_value=3000))
        text = "[" * depth + text + "]" * depth
    elif edit == "splice":
        at = draw(st.integers(min_value=0, max_value=len(text)))
        text = (
            text[:at]
            + draw(st.sampled_from(["NaN", "-Infinity", "\x1b", "\\ud800", "9" * 80, ","]))
            + text[at:]
        )
    elif edit == "constant":
        text = "[" + draw(st.sampled_from(["NaN", "Infinity", "1e999", "1" * 4301])) + "]"
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    return data


def plain(data: bytes) -> Any:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(items)
        if len(out) != len(items):
            raise ValueError("duplicate")
        return out

    try:
        return json.loads(data.decode("utf-8-sig"), parse_float=str, object_pairs_hook=pairs)
    except (ValueError, RecursionError):
        return None


@given(documents())
def test_the_strict_reader_reads_or_refuses_with_one_located_problem(data: bytes) -> None:
    error: ComplaintError | None = None
    value: Any = None
    try:
        value = read_json(data, where="f.json")
    except ComplaintError as exc:
        error = exc
    refused = error is not None
    if error is not None:
        (problem,) = error.problems
        assert problem.file == "f.json" and problem.code and problem.code.startswith("json.")
        for run in NUMBER.findall(data.decode("utf-8", "replace")):
            assert run not in str(error)
    else:
        expected = plain(data)
        if expected is not None:
            assert value == expected
    if b"\n" not in data and b"\r" not in data:
        line_value, problems = read_json_line(data, 5, "h.jsonl")
        assert bool(problems) == refused
        assert all(p.line == 5 and p.file == "h.jsonl" for p in problems)
        if not refused:
            assert line_value == value
