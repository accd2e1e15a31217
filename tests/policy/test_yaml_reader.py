"""Hostile and broken policy files: each gives a located error within bounded time and memory."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from complaint_rules import Catalog, PolicyError, load_policy, load_policy_text
from complaint_rules.policy.loader import MAX_POLICY_BYTES
from complaint_rules.policy.yaml_reader import Limits
from tests.support.policy_texts import MINI


def errors(text: str | bytes, limits: Limits | None = None) -> list[str]:
    with pytest.raises(PolicyError) as info:
        load_policy_text(text, file="p.yaml", limits=limits)
    return [str(p) for p in info.value.problems]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


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


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed() -> None:
    assert MAX_POLICY_BYTES == Limits().max_bytes == 2_000_000
    assert errors("#" * 2_000_001) == ["p.yaml: larger than 2000000 bytes"]
    assert errors(MINI, Limits(max_bytes=100)) == ["p.yaml: larger than 100 bytes"]


def test_only_the_limit_is_read_of_a_huge_file(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(4_000_000_000)  # sparse: 4 GB of zero bytes, none on disk
    started = time.perf_counter()
    with pytest.raises(PolicyError) as info:
        load_policy(huge)
    assert [str(p) for p in info.value.problems] == [f"{huge}: larger than 2000000 bytes"]
    assert time.perf_counter() - started < 5


def test_limits_reach_every_file_a_catalog_loads() -> None:
    with pytest.raises(PolicyError) as info:
        Catalog(limits=Limits(max_bytes=1_000)).load("xx_bank")
    (problem,) = info.value.problems
    assert problem.message == "larger than 1000 bytes"
    assert problem.file is not None and problem.file.endswith("xx_bank.yaml")


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


def test_deeply_nested_conditions_within_the_limit_compile() -> None:
    when = "{not: " * 20 + "{finding: late_opening}" + "}" * 20
    text = MINI.replace("when: {finding: late_opening}", f"when: {when}")
    # 20 negations of a finding: an even count, so it holds when the finding does.
    assert load_policy_text(text).id == "mini"


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
        f"p.yaml:{line_of(text, 'roles:')}: YAML syntax: while scanning for the next token "
        "found character '\\t' that cannot start any token (YAML indents with spaces, never "
        "tabs)"
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


def test_numbers_dates_and_nulls_where_text_is_meant_say_to_quote() -> None:
    cases = {
        "version: 0755": 'expected text, but YAML reads 0755 as a number; put it in quotes: "0755"',
        "version: 1.10": 'expected text, but YAML reads 1.10 as a number; put it in quotes: "1.10"',
        "version: 2026-01-01": "expected text, but YAML reads 2026-01-01 as a date; put it in "
        'quotes: "2026-01-01"',
        "version: true": "expected text, but YAML reads true as true/false; put it in quotes: "
        '"true"',
        "version: null": "expected text, but YAML reads null as nothing (null); put it in "
        'quotes: "null"',
    }
    for line, message in cases.items():
        assert errors(MINI.replace('version: "1"', line)) == [f"p.yaml:3: version: {message}"]


def test_yaml_1_1_booleans_and_octals_stay_what_they_look_like() -> None:
    text = MINI.replace('version: "1"', "version: on").replace("label: 電話投訴", "label: no")
    text = text.replace("label: 服務產品", "label: 0o17")
    policy = load_policy_text(text)
    assert (policy.version, policy.channels.label("phone")) == ("on", "no")
    assert policy.categories.label("product") == "0o17"


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


def test_extends_that_cannot_be_found_is_located(tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI.replace('version: "1"', 'version: "1"\nextends: nowhere'), "utf-8")
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    assert [str(p) for p in info.value.problems] == [
        f"{path}:4: extends: cannot load base policy 'nowhere':",
        f"{path}: extends: no policy 'nowhere' beside the file or bundled",
    ]


def test_the_list_of_problems_is_bounded() -> None:
    text = MINI + "".join(f"extra_{i}: {i}\n" for i in range(300))
    found = errors(text)
    assert len(found) == 201
    assert found[0].startswith(f"p.yaml:{len(MINI.splitlines()) + 1}: extra_0: unknown key;")
    assert found[-1] == "p.yaml: and 100 more problems, not listed"
