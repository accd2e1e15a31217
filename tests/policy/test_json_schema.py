"""The JSON Schema for editors: valid, committed, accepting every bundled policy, rejecting
broken ones, and agreeing with the condition compiler."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

# jsonschema ships no type hints (types-jsonschema has them, if installed)
from jsonschema import (  # type: ignore[import-untyped,unused-ignore]
    Draft7Validator,
    Draft202012Validator,
)
from jsonschema.exceptions import best_match  # type: ignore[import-untyped,unused-ignore]

from complaint_rules.errors import PolicyError
from complaint_rules.policy.conditions import ConditionContext, compile_condition
from complaint_rules.policy.json_schema import outline, policy_schema, schema_text
from complaint_rules.policy.loader import load_policy_text
from complaint_rules.policy.yaml_reader import read_yaml
from tests.support import ROOT
from tests.support.policy_texts import MINI

COMMITTED = ROOT / "docs" / "policy.schema.json"
BUNDLED = sorted(
    p
    for p in [
        *(ROOT / "policies").glob("*.yaml"),
        *(ROOT / "examples" / "hotel_variant" / "grand_hotel_policies").glob("*.yaml"),
    ]
    if not p.name.endswith(".tests.yaml")
)

SCHEMA = policy_schema()
VALIDATOR = Draft202012Validator(SCHEMA)
DRAFT7 = Draft7Validator(SCHEMA)  # what editors' YAML support implements


def as_json(value: Any) -> Any:
    """YAML data as an editor sees it: dates (keys and values) are ISO strings."""
    if isinstance(value, dict):
        return {as_json(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def read(path: Path) -> Any:
    """A policy file read as the loader reads it (strict YAML 1.2-style scalars)."""
    return as_json(read_yaml(path.read_bytes(), str(path)).data)


def errors(doc: Any, validator: Draft202012Validator | Draft7Validator = VALIDATOR) -> list[str]:
    return sorted(f"{e.json_path} {e.validator}" for e in validator.iter_errors(doc))


def reason(doc: Any, validator: Draft202012Validator | Draft7Validator = VALIDATOR) -> str:
    """Where and why the schema rejects ``doc``: the error an editor would underline."""
    error = best_match(validator.iter_errors(doc))
    return "valid" if error is None else f"{error.json_path} {error.validator}"


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"] == "urn:complaint-rules:policy-schema:1"


def test_the_committed_copy_is_the_generated_schema() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "docs/policy.schema.json is out of date; regenerate it with: "
        ".venv/bin/complaint-rules schema -o docs/policy.schema.json"
    )


def test_the_output_is_deterministic() -> None:
    assert schema_text() == schema_text()


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_every_bundled_policy_validates(path: Path) -> None:
    doc = read(path)
    assert errors(doc) == []
    assert errors(doc, DRAFT7) == []


def test_the_bundled_policies_are_all_found() -> None:
    names = {p.stem for p in BUNDLED}
    assert {"keyouqianqi_credit_union", "bocom", "hotel", "grand_hotel"} <= names


def mini() -> Any:
    return as_json(read_yaml(MINI).data)


def _set(path: tuple[str | int, ...], value: Any) -> Callable[[Any], None]:
    def change(doc: Any) -> None:
        node = doc
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return change


def _drop(path: tuple[str | int, ...]) -> Callable[[Any], None]:
    def change(doc: Any) -> None:
        node = doc
        for part in path[:-1]:
            node = node[part]
        del node[path[-1]]

    return change


DEADLINE = ("rules", 0, "deadlines", 0)
MONEY = ("rules", 2, "penalties", 0, "amount_yuan")
BROKEN: dict[str, tuple[Callable[[Any], None], str]] = {
    # name: (how to break the MINI policy, where and by which keyword the schema says no)
    "unknown key": (
        _set(("vocabulary", "roles", 0, "colour"), "red"),
        "$.vocabulary.roles[0] additionalProperties",
    ),
    "misspelt key": (
        lambda d: d["rules"][0]["deadlines"][0].update(
            withn=d["rules"][0]["deadlines"][0].pop("within")
        ),
        "$.rules[0].deadlines[0] additionalProperties",
    ),
    "wrong unit": (
        _set((*DEADLINE, "within"), {"days": 3}),
        "$.rules[0].deadlines[0].within oneOf",
    ),
    "two units": (
        _set((*DEADLINE, "within"), {"working_days": 3, "hours": 4}),
        "$.rules[0].deadlines[0].within oneOf",
    ),
    "within and until": (
        _set((*DEADLINE, "until"), ["departs_at"]),
        "$.rules[0].deadlines[0].until maxItems",
    ),
    "float money": (_set((*MONEY, "min"), 99.5), "$.rules[2].penalties[0].amount_yuan.min anyOf"),
    "negative money": (
        _set((*MONEY, "min"), -5),
        "$.rules[2].penalties[0].amount_yuan.min minimum",
    ),
    "money min without max": (
        _drop((*MONEY, "max")),
        "$.rules[2].penalties[0].amount_yuan anyOf",
    ),
    "money and a parameter": (
        _set((*MONEY, "parameter"), "head_limit"),
        "$.rules[2].penalties[0].amount_yuan anyOf",
    ),
    "money and a fact": (
        _set((*MONEY, "fact"), "compensation_yuan"),
        "$.rules[2].penalties[0].amount_yuan anyOf",
    ),
    "conflict of an unknown duty": (
        _set(("conflicts",), [{"id": "x", "duty": "owns", "article": "第一條", "text": "t"}]),
        "$.conflicts[0].duty enum",
    ),
    "conflict without its reason": (
        _set(("conflicts",), [{"id": "x", "duty": "replies", "article": "第一條"}]),
        "$.conflicts[0] required",
    ),
    "bad condition key": (
        _set(("rules", 2, "when", "chanel"), ["counter"]),
        "$.rules[2].when.chanel anyOf",
    ),
    "bad level operator": (
        _set(("rules", 3, "when"), {"level": {"at_leest": "major"}}),
        "$.rules[3].when.level anyOf",
    ),
    "a word that is no channel in a condition": (
        _set(("rules", 2, "when"), {"channel": ["傳真投訴"]}),
        "$.rules[2].when.channel[0] pattern",
    ),
    "empty condition": (_set(("rules", 2, "when"), {}), "$.rules[2].when minProperties"),
    "holiday that is not a date": (
        _set(("calendar",), {"holidays": {"2026-13-01": "假日"}}),
        "$.calendar.holidays pattern",
    ),
    "unknown duty": (
        _set(("rules", 0, "routing", 0, "duty"), "owns"),
        "$.rules[0].routing[0].duty enum",
    ),
    "escalation to nobody": (
        _set(("rules", 0, "escalations", 0, "to"), []),
        "$.rules[0].escalations[0].to minItems",
    ),
}


def test_the_unbroken_document_is_valid() -> None:
    assert errors(mini()) == []


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_documents_are_rejected_by_the_schema_and_the_loader(name: str) -> None:
    change, expected = BROKEN[name]
    doc = mini()
    change(doc)
    assert reason(doc) == expected
    assert reason(doc, DRAFT7) == expected
    with pytest.raises(PolicyError):
        load_policy_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))


def test_descriptions_come_from_the_model_and_the_help() -> None:
    defs = SCHEMA["$defs"]
    assert defs["Period"]["description"] == (
        "Exactly one unit with its amount (a whole number, or a min/max range)."
    )
    assert defs["Escalation"]["properties"]["on"]["description"] == (
        "received, deadline_missed or an event id."
    )
    assert defs["Role"]["properties"]["label"]["description"] == (
        "As written in the source (Traditional Chinese)."
    )


def test_every_field_of_the_model_has_hover_help() -> None:
    missing = [
        f"{name}.{field}"
        for name, definition in [("Policy", SCHEMA), *SCHEMA["$defs"].items()]
        for field, prop in definition.get("properties", {}).items()
        if "description" not in prop
    ]
    assert missing == []


def test_the_outline_lists_nested_keys_with_help() -> None:
    text = outline(SCHEMA)
    assert "    within: Period — The period, counted from starts.\n" in text
    assert "      working_days: integer or Amount — Working days" in text
    assert "  level: LevelTest — Any of these levels (ids)" in text


# --- the condition grammar agrees with the compiler --------------------------------------

CONTEXT = ConditionContext(
    channels=frozenset({"counter", "phone"}),
    categories=frozenset({"service"}),
    levels=("minor", "major"),
    findings=frozenset({"late"}),
    fact_types={"flag": "bool", "n": "int", "d": "decimal", "t": "datetime"},
)
CONDITION = Draft202012Validator({"$ref": "#/$defs/Condition", "$defs": SCHEMA["$defs"]})
NEEDS_THE_DOCUMENT = re.compile(
    r"is not declared|unknown condition field|is a bool: compare|is a number: compare"
    r"|can only be tested with 'given'"
)
"""What a schema cannot check: which ids are declared and which type each fact has."""

ids = st.sampled_from(["counter", "phone", "service", "minor", "major", "late", "nope", "柜面"])
junk: st.SearchStrategy[Any] = st.sampled_from(
    [None, 1.5, "", "abc", "Bad Id", [], {}, {"in": "counter", "not_in": "x"}]
)
numbers = st.sampled_from([0, 3, -2, "1.5", "20"])
id_sets = st.one_of(ids, st.lists(ids, min_size=1, max_size=2))


def _op(names: list[str], value: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.sampled_from(names).flatmap(lambda op: st.fixed_dictionaries({op: value}))


VALUES: dict[str, st.SearchStrategy[Any]] = {
    "channel": st.one_of(id_sets, _op(["in", "not_in", "at_least"], id_sets)),
    "category": st.one_of(id_sets, _op(["in", "not_in"], id_sets)),
    "finding": st.one_of(id_sets, _op(["in", "not_in"], id_sets)),
    "level": st.one_of(
        id_sets, _op(["in", "not_in"], id_sets), _op(["at_least", "at_most", "gte"], ids)
    ),
    "flag": st.one_of(st.booleans(), _op(["eq", "ne", "given"], st.booleans())),
    "n": st.one_of(numbers, _op(["eq", "gt", "gte", "lt", "lte", "ne", "given"], numbers)),
    "d": st.one_of(numbers, _op(["eq", "lte", "given", "between"], numbers)),
    "t": _op(["given", "gt"], st.one_of(st.booleans(), numbers)),
    "chanel": ids,
}


def _leaf() -> st.SearchStrategy[dict[str, Any]]:
    entry = st.sampled_from(sorted(VALUES)).flatmap(
        lambda key: st.tuples(st.just(key), st.one_of(VALUES[key], VALUES[key], junk))
    )
    return st.lists(entry, min_size=1, max_size=3).map(dict)


conditions = st.recursive(
    _leaf(),
    lambda inner: st.one_of(
        st.fixed_dictionaries({"all": st.lists(inner, min_size=1, max_size=3)}),
        st.fixed_dictionaries({"any": st.lists(inner, min_size=1, max_size=3)}),
        st.fixed_dictionaries({"not": inner}),
        st.fixed_dictionaries({"any": st.just([])}),
    ),
    max_leaves=5,
)


@given(conditions)
def test_the_schema_accepts_what_compiles_and_rejects_what_it_can(cond: dict[str, Any]) -> None:
    _, problems = compile_condition(cond, CONTEXT, ("when",))
    schema_ok = CONDITION.is_valid(cond)
    if not problems:
        assert schema_ok, "the schema rejects a condition that compiles"
    elif schema_ok:
        assert all(NEEDS_THE_DOCUMENT.search(p.message) for p in problems), problems


def test_the_grammar_examples_of_the_docs_are_valid() -> None:
    cond = {
        "channel": ["media", "letter"],
        "category": {"not_in": ["anonymous"]},
        "level": {"at_least": "complex"},
        "finding": ["late_opening"],
        "anonymous": True,
        "complainant_count": {"gte": 20},
        "requested_by": {"given": True},
        "any": [{"channel": "media"}, {"not": {"amount": {"lt": "99.50"}}}],
    }
    assert CONDITION.is_valid(cond)
