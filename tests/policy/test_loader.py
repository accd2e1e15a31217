"""Loading a policy file: size and hash checked before parsing, the model's errors located
by file, line and field, the base a policy extends found and pinned."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from complaint_rules import Catalog, CompiledPolicy, PolicyError, load_policy, load_policy_text
from complaint_rules.policy.bundled import bundled_policy_dir
from complaint_rules.policy.loader import MAX_POLICY_BYTES, policy_files
from complaint_rules.policy.yaml_reader import Limits
from tests.support.layered import BASE, sha, write_stack
from tests.support.policy_texts import MINI
from tests.support.problems import errors, line_of, messages


@pytest.fixture
def stack(tmp_path: Path) -> tuple[Path, Path]:
    """A policy ``child`` extending ``base``, side by side."""
    return write_stack(tmp_path)


def test_the_mini_policy_loads() -> None:
    policy = load_policy_text(MINI)
    assert policy.id == "mini"
    assert policy.sha256 == hashlib.sha256(MINI.encode()).hexdigest()


def test_unknown_key_names_the_allowed_keys_and_the_closest() -> None:
    text = MINI.replace("        within: {working_days: 3}", "        withn: {working_days: 3}")
    line = line_of(text, "withn")
    assert errors(text) == [
        f"p.yaml:{line}: rules[0].deadlines[0].withn: unknown key; allowed: article, note, id, "
        "label, starts, within, until, by; did you mean 'within'?",
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


def test_condition_errors_are_located() -> None:
    text = MINI.replace("when: {finding: late_opening}", "when: {finding: late_openin, colour: 1}")
    line = line_of(text, "late_openin,")
    assert errors(text) == [
        f"p.yaml:{line}: rules[2].when.finding: 'late_openin' is not declared; "
        "allowed: late_opening; did you mean 'late_opening'?",
        f"p.yaml:{line}: rules[2].when.colour: unknown condition field 'colour'; allowed: all, "
        "any, category, channel, compensation_yuan, departs_at, finding, level, not, serious",
    ]


def test_pinned_hash_must_match() -> None:
    good = hashlib.sha256(MINI.encode()).hexdigest()
    assert load_policy_text(MINI, sha256=good).sha256 == good
    with pytest.raises(PolicyError, match="was required"):
        load_policy_text(MINI + "\n", sha256=good)


def test_every_problem_is_reported_at_once() -> None:
    text = MINI.replace("role: desk}", "role: nobody}").replace("to: [head], next", "to: [x], next")
    assert len(errors(text)) == 2


# --- size, text where text is meant, bounded lists of problems --------------------------------


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


def test_deeply_nested_conditions_within_the_limit_compile() -> None:
    when = "{not: " * 20 + "{finding: late_opening}" + "}" * 20
    text = MINI.replace("when: {finding: late_opening}", f"when: {when}")
    # 20 negations of a finding: an even count, so it holds when the finding does.
    assert load_policy_text(text).id == "mini"


def test_numbers_dates_and_nulls_where_text_is_meant_say_to_quote() -> None:
    cases = {
        "version: 0755": "'0755': a number in base 8 or with a leading zero is not read (YAML "
        "1.1 reads 0755 as 493, YAML 1.2 as 755); write it in decimal without the zero, or in "
        "quotes if it is text",
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


def test_the_list_of_problems_is_bounded() -> None:
    text = MINI + "".join(f"extra_{i}: {i}\n" for i in range(300))
    found = errors(text)
    assert len(found) == 201
    assert found[0].startswith(f"p.yaml:{len(MINI.splitlines()) + 1}: extra_0: unknown key;")
    assert found[-1] == "p.yaml: and 100 more problems, not listed"


# --- the base a policy extends ----------------------------------------------------------------


def test_extends_that_cannot_be_found_is_located(tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI.replace('version: "1"', 'version: "1"\nextends: nowhere'), "utf-8")
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    assert [str(p) for p in info.value.problems] == [
        f"{path}:4: extends: cannot load base policy 'nowhere':",
        f"{path}:4: extends: no policy 'nowhere' beside the file or bundled",
    ]


# --- sha256 pins ----------------------------------------------------------------------------


def test_the_file_hash_pin_is_checked_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI, encoding="utf-8")
    good = sha(path)
    assert load_policy(path, sha256=good.upper()).sha256 == good
    path.write_text(MINI + "#\n", encoding="utf-8")
    with pytest.raises(PolicyError) as info:
        load_policy(path, sha256=good)
    assert messages(info) == [
        f"{path}: content sha256 is {sha(path)}, but {good} was required (the file has changed)"
    ]


def test_pins_cover_every_layer(stack: tuple[Path, Path]) -> None:
    base, child = stack
    pins = {"base": sha(base), "child": sha(child)}
    policy = load_policy(child, pins=pins)
    assert [(layer.id, layer.sha256) for layer in policy.layers] == list(pins.items())
    base.write_text(BASE.replace("測試辦法", "測試辦法(改)"), encoding="utf-8")
    with pytest.raises(PolicyError) as info:
        load_policy(child, pins=pins)
    assert messages(info) == [
        f"{child}:7: extends: cannot load base policy 'base':",
        f"{base}: content sha256 is {sha(base)}, but {pins['base']} is pinned for policy 'base' "
        "(the file has changed)",
    ]


def test_a_file_pinned_for_no_id_is_refused_before_parsing(stack: tuple[Path, Path]) -> None:
    base, child = stack
    wrong = "0" * 64
    with pytest.raises(PolicyError) as info:
        load_policy(child, pins={"child": wrong, "base": sha(base)})
    assert messages(info) == [
        f"{child}: content sha256 is {sha(child)}, which is pinned for no policy (pins are "
        "given for 'base', 'child'); the file has changed, or is not one of them"
    ]
    assert info.value.problems[0].code == "policy.pin_mismatch"


def test_pins_hold_whoever_resolves_the_base(tmp_path: Path) -> None:
    # A custom resolver (here the catalog) loads the base; the pin is checked all the same.
    catalog = Catalog()
    bocom = bundled_policy_dir() / "bocom.yaml"
    wrong = "f" * 64
    with pytest.raises(PolicyError) as info:
        load_policy(
            bocom, resolve=catalog.load, pins={"bocom": sha(bocom), "cn_banking_baseline": wrong}
        )
    baseline = catalog.load("cn_banking_baseline").sha256
    assert messages(info)[1:] == [
        f"<input>: policy 'cn_banking_baseline': content sha256 is {baseline}, but {wrong} is "
        "pinned (the file has changed)"
    ]


# --- ways round a pin, each closed ---------------------------------------------------------------


def test_an_edited_id_does_not_escape_its_pin(tmp_path: Path) -> None:
    # The attack: a copy of a pinned policy with its id edited and a limit raised.
    original = bundled_policy_dir() / "keyouqianqi_credit_union.yaml"
    text = original.read_text(encoding="utf-8")
    tampered = tmp_path / "keyouqianqi_credit_union.yaml"
    tampered.write_text(
        text.replace("id: keyouqianqi_credit_union", "id: keyouqianqi_credit_union_x", 1),
        encoding="utf-8",
    )
    pins = {"keyouqianqi_credit_union": sha(original)}
    assert load_policy(original, pins=pins).id == "keyouqianqi_credit_union"
    loaders: list[Callable[[], CompiledPolicy]] = [
        lambda: load_policy(tampered, pins=pins),
        lambda: Catalog(pins=pins).resolve(tampered),
        lambda: load_policy(tampered, pins=pins, as_id="keyouqianqi_credit_union"),
    ]
    for loader in loaders:
        with pytest.raises(PolicyError) as info:
            loader()
        assert [p.code for p in info.value.problems] == ["policy.pin_mismatch"]
        assert f"content sha256 is {sha(tampered)}" in messages(info)[0]


def test_pinned_bytes_must_declare_the_pinned_id(tmp_path: Path) -> None:
    # The bytes of one policy, pinned under another id, are refused after parsing.
    original = bundled_policy_dir() / "keyouqianqi_credit_union.yaml"
    with pytest.raises(PolicyError) as info:
        load_policy(original, pins={"other_bank": sha(original)}, resolve=Catalog().load)
    assert [(p.code, p.line) for p in info.value.problems] == [("policy.pin_id_mismatch", 5)]
    assert messages(info)[0].endswith("is pinned as policy 'other_bank'")


def test_an_id_may_have_several_pinned_versions(stack: tuple[Path, Path]) -> None:
    base, child = stack
    old = sha(base)
    base.write_text(BASE.replace("測試辦法", "測試辦法(二版)"), encoding="utf-8")
    pins = {"base": [old, sha(base)], "child": sha(child)}
    assert load_policy(child, pins=pins).layers[0].sha256 == sha(base)
    base.write_text(BASE.replace("測試辦法", "測試辦法(三版)"), encoding="utf-8")
    with pytest.raises(PolicyError) as info:
        load_policy(child, pins=pins)
    assert (
        f"but {' or '.join(sorted(pins['base']))} is pinned for policy 'base'"
        in (messages(info)[1])
    )


def test_with_pins_an_unpinned_layer_is_refused(stack: tuple[Path, Path]) -> None:
    base, child = stack
    with pytest.raises(PolicyError) as info:
        load_policy(child, pins={"child": sha(child)})
    assert messages(info)[1:] == [
        f"{base}: policy 'base' is not pinned; when pins are given, every policy loaded needs one"
    ]
    assert info.value.problems[1].code == "policy.pin_missing"


def test_a_pinned_id_that_cannot_be_found_is_refused(stack: tuple[Path, Path]) -> None:
    base, child = stack
    pins = {"base": sha(base), "child": sha(child), "gone": "a" * 64}
    with pytest.raises(PolicyError) as info:
        load_policy(child, pins=pins)
    assert messages(info) == [
        f"{child}: pinned policy 'gone' cannot be found (beside the file or bundled): a pin "
        "for a policy that is not there is refused"
    ]
    with pytest.raises(PolicyError) as info:
        Catalog(pins={"gone": "a" * 64})
    assert [p.code for p in info.value.problems] == ["catalog.pin_unknown_id"]


def test_a_pin_is_64_hex_digits() -> None:
    with pytest.raises(ValueError, match=r"^pin for 'mini': a sha256 is 64 hex digits, not 'abc'$"):
        load_policy_text(MINI, pins={"mini": "abc"})


# --- files that are not regular ------------------------------------------------------------------


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "policy.yaml"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(PolicyError) as info:
        load_policy(fifo)
    assert time.monotonic() - started < 5
    assert messages(info) == [
        f"{fifo}: not a regular file (a FIFO, a device or a socket); give a file"
    ]
    catalog = Catalog([tmp_path], bundled=False, entry_points=False)
    with pytest.raises(PolicyError, match="not a regular file"):
        catalog.load("policy")
    with pytest.raises(PolicyError, match="not a regular file"):
        load_policy("/dev/zero")


# --- reading, the base, building ----------------------------------------------------------------


def test_a_file_that_cannot_be_read_or_is_not_a_mapping_is_located(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    with pytest.raises(PolicyError) as info:
        load_policy(missing)
    assert messages(info) == [f"{missing}: cannot read: No such file or directory"]
    assert errors("- a\n- b\n") == ["p.yaml:1: a policy is a mapping (key: value) at top level"]


def test_long_text_read_as_a_number_is_cut_in_the_hint() -> None:
    digits = "1234567890" * 5
    assert errors(MINI.replace('version: "1"', f"version: {digits}")) == [
        "p.yaml:3: version: expected text, but YAML reads 1234567890123456789012345678901234567890"
        '… as a number; put it in quotes: "1234567890123456789012345678901234567890…"'
    ]
    assert errors(MINI.replace('version: "1"', "version: ~")) == [
        "p.yaml:3: version: expected text, but YAML reads ~ as nothing (null); put it in "
        'quotes: "~"'
    ]


def test_a_policy_cannot_extend_itself_nor_extend_in_a_cycle(stack: tuple[Path, Path]) -> None:
    assert errors(MINI.replace('version: "1"', 'version: "1"\nextends: mini')) == [
        "p.yaml:4: extends: a policy cannot extend itself"
    ]
    base, child = stack
    base.write_text(BASE.replace('version: "1"', 'version: "1"\nextends: child'), "utf-8")
    with pytest.raises(PolicyError) as info:
        load_policy(child)
    assert messages(info) == [
        f"{child}:7: extends: cannot load base policy 'base':",
        f"{base}:4: extends: cannot load base policy 'child':",
        f"{base}:4: extends: policies extend each other in a cycle: child -> base -> child",
    ]


def test_the_base_is_found_beside_the_file_before_the_bundled_one(tmp_path: Path) -> None:
    bundled = bundled_policy_dir()
    bocom = tmp_path / "bocom.yaml"
    bocom.write_bytes((bundled / "bocom.yaml").read_bytes())
    policy = load_policy(bocom)
    assert [(x.id, x.sha256) for x in policy.layers] == [
        ("cn_banking_baseline", sha(bundled / "cn_banking_baseline.yaml")),
        ("bocom", sha(bocom)),
    ]
    beside = tmp_path / "cn_banking_baseline.yaml"
    beside.write_bytes((bundled / "cn_banking_baseline.yaml").read_bytes() + b"# a copy\n")
    assert [x.sha256 for x in load_policy(bocom).layers] == [sha(beside), sha(bocom)]
    # A resolver, when given, is asked instead: by the id the policy extends.
    asked: list[str] = []

    def resolve(policy_id: str) -> CompiledPolicy:
        asked.append(policy_id)
        return Catalog().load(policy_id)

    assert load_policy(bocom, resolve=resolve).layers == policy.layers
    assert asked == ["cn_banking_baseline"]


def test_a_value_the_calendar_cannot_hold_is_the_files_problem() -> None:
    text = MINI.replace("title: 測試辦法", "title: 測試辦法\ncalendar: {holidays: {0001-01-01: x}}")
    (message,) = errors(text)
    assert message.startswith(
        "p.yaml: cannot be compiled: extra_holidays/extra_workdays must lie in 1950-"
    )
    assert message.endswith("; got a day in [1]")


def test_pins_map_policy_ids_to_hex_text() -> None:
    with pytest.raises(TypeError, match=r"^pins must map policy ids to sha256 hex digests, not "):
        load_policy_text(MINI, pins=[("mini", "0" * 64)])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^pins must map policy ids \(str\) to sha256 hex"):
        load_policy_text(MINI, pins={"mini": 0})  # type: ignore[dict-item]
    digest = hashlib.sha256(MINI.encode()).hexdigest()
    assert load_policy_text(MINI, pins={"mini": digest.upper()}).sha256 == digest


def test_policy_files_expands_directories_and_leaves_out_tests_files(tmp_path: Path) -> None:
    for name in ("b.yaml", "a.yaml", "a.tests.yaml", "notes.txt"):
        (tmp_path / name).write_text("", encoding="utf-8")
    single = tmp_path / "a.tests.yaml"
    assert policy_files([tmp_path, single]) == [tmp_path / "a.yaml", tmp_path / "b.yaml", single]


def test_a_consistency_problem_keeps_its_code_with_its_file_and_line() -> None:
    text = MINI.replace(
        "        subjects: [head, desk]\n",
        "        subjects: [head, desk]\n        headcount: serious\n",
    )
    with pytest.raises(PolicyError) as info:
        load_policy_text(text, file="mini.yaml")
    (problem,) = info.value.problems
    assert (problem.file, problem.line, problem.field, problem.code) == (
        "mini.yaml",
        text.splitlines().index("        headcount: serious") + 1,
        "rules[2].penalties[0].headcount",
        "policy.headcount_fact",
    )
    assert problem.message == (
        "'serious' is not an int fact (a number of persons); none are declared"
    )
