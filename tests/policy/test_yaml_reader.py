"""The strict YAML reader: YAML 1.2 scalars, duplicate keys and object tags refused, every
value located by line, and hostile files bounded in size, depth and values: each refusal a
located error within bounded time and memory."""

from __future__ import annotations

import time
import tracemalloc
from datetime import date
from datetime import time as clock_time

import pytest

from complaint_rules import PolicyError, load_policy_text
from complaint_rules.errors import Problem
from complaint_rules.messages.catalogue import problem_text
from complaint_rules.policy.yaml_reader import (
    MAX_PROBLEMS,
    Limits,
    Located,
    capped,
    read_shape,
    read_yaml,
)
from tests.support.policy_texts import MINI
from tests.support.problems import errors, line_of


def read_errors(text: str | bytes, **options: object) -> list[str]:
    """The problems of reading ``text`` with :func:`read_yaml` alone (no model, no policy)."""
    with pytest.raises(PolicyError) as info:
        read_yaml(text, **options)  # type: ignore[arg-type]
    return [str(p) for p in info.value.problems]


DEEP = "nested more than 50 levels deep (mappings and lists, aliases expanded)"


# --- nesting, aliases, size -----------------------------------------------------------


def test_deep_flow_nesting_stops_at_the_limit_quickly() -> None:
    started = time.perf_counter()
    assert errors("a: " + "[" * 100_000 + "]" * 100_000) == [f"p.yaml:1: {DEEP}"]
    assert errors("a: " + "{a: " * 5_000 + "1" + "}" * 5_000) == [f"p.yaml:1: {DEEP}"]
    assert time.perf_counter() - started < 10  # about 0.5 s: the limit, not the size


def test_deep_block_nesting_names_the_line_past_the_limit() -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "leaf\n"
    # The 51st mapping starts on the line of key k50 (line 51).
    assert errors(text) == [f"p.yaml:51: {DEEP}"]


def test_the_depth_limit_is_configurable() -> None:
    text = "a: [[[[x]]]]\n"
    assert errors(text, Limits(max_depth=3)) == [
        "p.yaml:1: nested more than 3 levels deep (mappings and lists, aliases expanded)"
    ]
    # Within the limit, the file is read and fails later, on the schema.
    assert "deep" not in " ".join(errors(text, Limits(max_depth=5)))


def test_aliases_that_expand_deeper_than_the_limit_are_refused() -> None:
    # Each anchor is written 2 levels deep, but the chain expands to 300 levels.
    text = "a0: &a0 [x]\n" + "".join(f"a{i}: &a{i} [*a{i - 1}]\n" for i in range(1, 300))
    assert errors(text) == [f"p.yaml:2: {DEEP}"]


def test_an_alias_inside_its_own_anchor_is_a_cycle() -> None:
    assert errors("a: &a [x, *a]\n") == [
        "p.yaml:1: a[1]: an alias refers to a value that contains it (a cycle)"
    ]
    assert errors("a: &a {b: *a}\n") == [
        "p.yaml:1: a.b: an alias refers to a value that contains it (a cycle)"
    ]


def test_an_alias_bomb_is_bounded_in_time_and_memory() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    for name, prev in zip("bcdefghij", "abcdefghi", strict=True):
        bomb += f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    # 9 * 6**8 = 15 million values if expanded.
    tracemalloc.start()
    started = time.perf_counter()
    try:
        assert errors(bomb, Limits(max_values=20_000)) == [
            "p.yaml: more than 20000 YAML values (an alias bomb?)"
        ]
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert elapsed < 10
    assert peak < 50_000_000


def test_too_many_values_without_aliases_stop_while_reading() -> None:
    text = "a: [" + "x, " * 3_000 + "]\n"
    assert errors(text, Limits(max_values=1_000)) == [
        "p.yaml: more than 1000 YAML values (an alias bomb?)"
    ]


def test_limits_are_checked_when_made() -> None:
    with pytest.raises(ValueError, match=r"^Limits.max_depth must be a whole number >= 1, got 0$"):
        Limits(max_depth=0)
    with pytest.raises(ValueError, match=r"^Limits.max_values must be a whole number >= 1"):
        Limits(max_values=True)


def test_a_raised_depth_limit_still_ends_in_a_policy_error() -> None:
    # Past Python's recursion limit, the reader reports the nesting instead of crashing.
    text = "a: " + "[" * 1_200 + "]" * 1_200
    assert errors(text, Limits(max_depth=100_000)) == [
        "p.yaml: nested more than 100000 levels deep (mappings and lists, aliases expanded)"
    ]


# --- encodings, invisible characters ------------------------------------------------------


def test_non_utf8_bytes_and_utf16_are_refused() -> None:
    assert errors(b"id: \xff\xfe") == ["p.yaml: not UTF-8 text (byte 4): save the file as UTF-8"]
    assert errors(MINI.encode("utf-16")) == [
        "p.yaml: not UTF-8 text (byte 0): it looks like UTF-16; save the file as UTF-8"
    ]


def test_a_leading_bom_is_accepted_and_one_inside_is_refused() -> None:
    assert load_policy_text(b"\xef\xbb\xbf" + MINI.encode()).id == "mini"
    joined = MINI.replace("title:", "\ufefftitle:")
    assert errors(joined) == [
        f"p.yaml:{line_of(joined, 'title:')}: a byte-order mark (U+FEFF) inside the text "
        "(two files joined?); remove it"
    ]


def test_tabs_are_refused_with_a_hint() -> None:
    text = MINI.replace("  roles:", "\troles:")
    assert errors(text) == [
        f"p.yaml:{line_of(text, 'roles:')}: this line is indented with a tab; YAML indents "
        "with spaces only. Replace the tab with spaces (the same number of spaces at the same "
        "level)."
    ]


def test_control_characters_are_refused_raw_and_as_escapes() -> None:
    assert errors(MINI.replace("title: 測試辦法", "title: 測試\x07辦法")) == [
        "p.yaml:4: character U+0007 (a control character) is not allowed; remove it"
    ]
    assert errors(MINI.replace("title: 測試辦法", 'title: "\\e[2J"')) == [
        "p.yaml:4: title: character U+001B (a control character) is not allowed, even as an escape"
    ]
    assert errors(MINI.replace("title: 測試辦法", 'title: "\\ud800"')) == [
        "p.yaml:4: title: character U+D800 (a lone surrogate) is not allowed, even as an escape"
    ]


# --- YAML 1.1 traps, duplicates, tags -------------------------------------------------------


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


def test_yaml_1_1_traps_stay_strings() -> None:
    # 'no', 'on' and a sexagesimal-looking time stay text; a bare date becomes a date
    # only where a date is meant.
    text = MINI.replace("label: 電話投訴", "label: no").replace(
        "title: 測試辦法", "title: on\ncalendar: {day_ends_at: 17:30:00, holidays: {2026-12-31: x}}"
    )
    policy = load_policy_text(text)
    assert policy.channels.label("phone") == "no"
    assert policy.policy.title == "on"
    assert policy.convention.day_ends_at == clock_time(17, 30)


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
        "p.yaml:1: a bracket is not closed: the list opened on line 1 must end with ], its "
        "items separated by ASCII commas \u201c,\u201d."
    ]
    with pytest.raises(PolicyError) as info:
        load_policy_text(b"id: \xff\xfe", file="p.yaml")
    assert [str(p) for p in info.value.problems] == [
        "p.yaml: not UTF-8 text (byte 4): save the file as UTF-8"
    ]


def test_a_bom_is_accepted() -> None:
    assert load_policy_text(b"\xef\xbb\xbf" + MINI.encode()).id == "mini"


def test_yaml_1_1_booleans_stay_text() -> None:
    text = MINI.replace('version: "1"', "version: on").replace("label: 電話投訴", "label: no")
    policy = load_policy_text(text)
    assert (policy.version, policy.channels.label("phone")) == ("on", "no")


BASE_8 = (
    "a number in base 8 or with a leading zero is not read (YAML 1.1 reads 0755 as 493, "
    "YAML 1.2 as 755); write it in decimal without the zero, or in quotes if it is text"
)
NOT_BOOL = "only true and false are booleans, whatever the tag"
BASE_16 = (
    "a number in base 16 is not read (YAML versions disagree on it); write it in decimal, "
    "or in quotes if it is text"
)


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("a: 0o17\n", f"p.yaml:1: a: '0o17': {BASE_8}"),
        ("a: 0755\n", f"p.yaml:1: a: '0755': {BASE_8}"),
        ("a: !!int 0755\n", f"p.yaml:1: a: '0755': {BASE_8}"),
        ("a: 0x1F\n", f"p.yaml:1: a: '0x1F': {BASE_16}"),
        ("a: !!int '0x1F'\n", f"p.yaml:1: a: '0x1F': {BASE_16}"),
        (
            "a: !!bool yes\n",
            "p.yaml:1: a: 'yes': only true and false are booleans, whatever the tag",
        ),
        (
            "a: !!bool off\n",
            "p.yaml:1: a: 'off': only true and false are booleans, whatever the tag",
        ),
        ("a: !!null x\n", "p.yaml:1: a: 'x': only null, ~ or nothing is null"),
        (
            "a: !!float .nan\n",
            "p.yaml:1: a: '.nan': not a finite number (.inf and .nan are not read)",
        ),
        ("a: !!int 1.5\n", "p.yaml:1: a: '1.5': not a whole number in decimal"),
        (
            "null: 1\n",
            "p.yaml:1: a key that YAML reads as null ('null') is not allowed; put it in quotes "
            "if it is a name",
        ),
        (
            "~: 1\n",
            "p.yaml:1: a key that YAML reads as null ('~') is not allowed; put it in quotes if "
            "it is a name",
        ),
    ],
)
def test_the_scalar_rules_refuse_with_the_reason(yaml_text: str, message: str) -> None:
    assert errors(yaml_text) == [message]


def test_a_quoted_base_8_is_text_and_true_false_are_booleans_whatever_the_tag() -> None:
    assert read_yaml("a: '0o17'\nb: !!bool TRUE\nc: !!bool false\n'null': 1\n").data == {
        "a": "0o17",
        "b": True,
        "c": False,
        "null": 1,
    }


@pytest.mark.parametrize("char", ["\u202e", "\u200b", "\u2028", "\u2066", "\u00ad", "\u200d"])
def test_bidi_invisible_and_separator_characters_are_refused_in_policy_text(char: str) -> None:
    (message,) = errors(f'a:\n  b: "x{char}y"\n')
    assert message.startswith(f"p.yaml:2: a.b: character U+{ord(char):04X} (")
    assert message.endswith(
        ") is not allowed in policy text: bidi controls, invisible characters and line "
        "separators make text read otherwise than it is; remove it"
    )


def test_exclude_start_day_off_is_not_false() -> None:
    text = MINI.replace("rules:", "calendar:\n  exclude_start_day: off\nrules:", 1)
    with pytest.raises(PolicyError) as info:
        load_policy_text(text, file="p.yaml")
    assert [p.field for p in info.value.problems] == ["calendar.exclude_start_day"]


def test_duplicate_keys_at_any_depth_and_in_any_spelling() -> None:
    text = "a:\n  b:\n    c:\n      d:\n        e: 1\n        e: 2\n"
    assert errors(text) == [
        "p.yaml:6: a.b.c.d.e: duplicate key 'e' (first at line 5); remove one: YAML would "
        "silently keep the last"
    ]
    # 1 and '1' read the same to a person, so they are one key.
    assert errors("1: a\n'1': b\n") == [
        "p.yaml:2: 1: duplicate key '1' (first at line 1); remove one: YAML would silently "
        "keep the last"
    ]


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!python/object/apply:os.system [ls]", "tag:yaml.org,2002:python/object/apply:os.system"),
        ("!!python/name:os.system ''", "tag:yaml.org,2002:python/name:os.system"),
        ("!!binary aGVsbG8=", "tag:yaml.org,2002:binary"),
        ("!!set {x}", "tag:yaml.org,2002:set"),
        ("!local x", "!local"),
    ],
)
def test_tags_that_construct_objects_are_refused(value: str, tag: str) -> None:
    assert errors(MINI.replace('version: "1"', f"version: {value}")) == [
        f"p.yaml:3: version: tag {tag!r} is not allowed (plain data only)"
    ]


def test_a_tagged_key_is_refused() -> None:
    assert errors("!!python/object:os.system x: 1\n") == [
        "p.yaml:1: tag 'tag:yaml.org,2002:python/object:os.system' is not allowed (plain data only)"
    ]


def test_two_documents_duplicate_anchors_and_undefined_aliases() -> None:
    assert errors(MINI + "---\nid: other\n") == [
        f"p.yaml:{len(MINI.splitlines()) + 1}: YAML syntax: expected a single document in the "
        "stream but found another document"
    ]
    assert errors("a: &x 1\nb: &x 2\n") == [
        "p.yaml:2: YAML syntax: found duplicate anchor 'x' (first at line 1)"
    ]
    assert errors("a: *nope\n") == ["p.yaml:1: YAML syntax: found undefined alias 'nope'"]


def test_a_merge_key_is_an_unknown_key_not_a_merge() -> None:
    text = MINI.replace('version: "1"', 'version: "1"\n<<: {title: merged}')
    (message,) = errors(text)
    # The list of allowed keys grows with the format; its start is enough here.
    assert message.startswith("p.yaml:4: <<: unknown key; allowed: schema, id, version, title")


# --- read_yaml, Located, capped, read_shape directly ------------------------------------------


def test_values_are_read_as_yaml_1_2_core_scalars_with_their_lines() -> None:
    text = "a:\n  b: [1, '2', true, ~, 1.5, 2026-01-01, '0o17', 23:59:59, x]\n  c: {d: no}\n"
    located = read_yaml(text, "f.yaml")
    assert located.data == {
        "a": {
            "b": [1, "2", True, None, 1.5, date(2026, 1, 1), "0o17", "23:59:59", "x"],
            "c": {"d": "no"},
        }
    }
    assert located.file == "f.yaml"
    lines: dict[tuple[str | int, ...], int] = {
        (): 1,
        ("a",): 1,
        ("a", "b"): 2,
        **{("a", "b", i): 2 for i in range(9)},
        ("a", "c"): 3,
        ("a", "c", "d"): 3,
    }
    assert located.lines == lines
    # The text of each plain scalar YAML read as something else than text (not quoted ones).
    assert located.scalars == {
        ("a", "b", 0): "1",
        ("a", "b", 2): "true",
        ("a", "b", 3): "~",
        ("a", "b", 4): "1.5",
        ("a", "b", 5): "2026-01-01",
    }


def test_a_path_without_a_line_takes_its_nearest_ancestors() -> None:
    located = Located(data=None, lines={(): 1, ("rules",): 4, ("rules", 0): 5}, file="f.yaml")
    assert located.line_of(("rules", 0, "deadlines", 2)) == 5
    assert located.line_of(("rules", 7)) == 4
    assert located.line_of(("title",)) == 1
    assert Located(data=None).line_of(("x",)) is None
    assert located.problem(("rules", 0, "id"), "bad") == Problem(
        "bad", path=("rules", 0, "id"), file="f.yaml", line=5, code="policy.invalid"
    )


def test_impossible_dates_huge_numbers_and_collection_keys_are_located() -> None:
    assert read_errors("a: 2026-02-30\n") == [
        "<input>:1: a: '2026-02-30': day is out of range for month"
    ]
    assert read_errors("a: " + "9" * 5000 + "\n", file="f.yaml") == [
        "f.yaml:1: a: '" + "9" * 60 + "…': a whole number too long to read"
    ]
    assert read_errors("? [a, b]\n: 1\n") == ["<input>:1: mapping keys must be plain scalars"]


def test_an_empty_file_or_one_of_comments_is_refused() -> None:
    assert read_errors("", file="f.yaml") == ["f.yaml: the file is empty"]
    assert read_errors("# only a comment\n", file="f.yaml") == ["f.yaml: the file is empty"]


def test_max_nodes_counts_keys_while_reading() -> None:
    # The root mapping, its key, the list and its three items: six values.
    assert read_yaml("a: [x, y, z]\n", max_nodes=6).data == {"a": ["x", "y", "z"]}
    assert read_errors("a: [x, y, z]\n", max_nodes=5) == [
        "<input>: more than 5 YAML values (an alias bomb?)"
    ]
    # max_nodes replaces the limit's number of values, and keeps its depth.
    assert read_errors("a: [[x]]\n", limits=Limits(max_depth=2), max_nodes=100) == [
        "<input>:1: nested more than 2 levels deep (mappings and lists, aliases expanded)"
    ]


def test_capped_keeps_the_first_problems_and_counts_the_rest() -> None:
    assert MAX_PROBLEMS == 200
    problems = [Problem(f"p{i}") for i in range(203)]
    assert capped(problems[:200], "f.yaml") == problems[:200]
    *kept, more = capped(problems, "f.yaml")
    assert kept == problems[:200]
    assert (more.message, more.file, more.code) == (
        "and 3 more problems, not listed",
        "f.yaml",
        "policy.too_many_problems",
    )
    assert problem_text(more, "zh-Hant") == "另外還有 3 個問題,沒有列出"


def test_read_shape_keeps_scalars_as_text_and_gives_up_quietly() -> None:
    shape = read_shape(b"\xef\xbb\xbfa:\n  b: [1, x]\n", "g.yaml")
    assert shape == Located(
        data={"a": {"b": ["1", "x"]}},
        lines={(): 1, ("a",): 1, ("a", "b"): 2, ("a", "b", 0): 2, ("a", "b", 1): 2},
        file="g.yaml",
    )
    assert read_shape(b"a: [\n", "g.yaml") is None
    assert read_shape(b"\xff", "g.yaml") is None
    assert read_shape(b"", "g.yaml") == Located(data=None, lines={}, file="g.yaml")
