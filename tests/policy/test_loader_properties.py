"""Properties of loading and dumping: what the testing kit's ``policies()`` draws loads,
dumps and reloads to the same model; every bundled policy dumps and reloads to itself; a
valid policy mutated at random gives located problems, never another exception."""

from __future__ import annotations

import doctest
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import complaint_rules.policy.to_yaml
from complaint_rules import Catalog, PolicyError, load_policy, load_policy_text
from complaint_rules.policy.loader import parse_policy, policy_files
from complaint_rules.policy.model import CalendarSettings, Policy, Rule
from complaint_rules.policy.to_yaml import dump_policy
from complaint_rules.policy.yaml_reader import read_yaml
from complaint_rules.testing._policies import NOT_DRAWN
from complaint_rules.testing.strategies import policies
from tests.support import ROOT
from tests.support.profiles import POLICY_EXAMPLES

FILES = policy_files([ROOT / "policies", ROOT / "examples/hotel_variant/grand_hotel_policies"])


def test_dump_docstring_example_holds() -> None:
    result = doctest.testmod(complaint_rules.policy.to_yaml, verbose=False)
    assert (result.attempted, result.failed) == (2, 0)


def test_policies_draws_every_field_of_the_model() -> None:
    # A field the model gains is drawn, or listed as not drawn, or this test fails.
    seen: dict[str, set[str]] = {"policy": set(), "rule": set(), "calendar": set()}

    @settings(max_examples=100, derandomize=True)  # the same 100 documents on every run
    @given(policies(form="data"))
    def record(data: dict[str, Any]) -> None:
        seen["policy"].update(data)
        seen["calendar"].update(data.get("calendar", {}))
        for rule in data["rules"]:
            seen["rule"].update(rule)

    record()
    fields = {info.alias or name for name, info in Policy.model_fields.items()}
    assert seen["policy"] == fields - NOT_DRAWN
    assert seen["rule"] == set(Rule.model_fields)
    assert seen["calendar"] == set(CalendarSettings.model_fields)


# Each example is dumped and read by the pure-Python YAML reader: a fifth of the profile's.
@settings(max_examples=POLICY_EXAMPLES)
@given(policies(form="data"))
def test_drawn_policy_data_dumps_and_reads_back_to_the_same_model(data: dict[str, Any]) -> None:
    model = Policy.model_validate(data)
    text = dump_policy(model)
    again = parse_policy(read_yaml(text))
    assert again == model
    assert dump_policy(again) == text


# Loading also compiles (with a working-day calendar): a tenth of the profile's examples.
@settings(max_examples=POLICY_EXAMPLES // 2)
@given(policies(form="model"))
def test_drawn_policies_load_dump_and_reload_to_the_same_model(model: Policy) -> None:
    text = dump_policy(model)
    loaded = load_policy_text(text)
    assert loaded.policy == model
    assert dump_policy(loaded.policy) == text
    assert load_policy_text(text).sha256 == loaded.sha256


@settings(max_examples=5)
@given(policies())
def test_the_drawn_yaml_loads(text: str) -> None:
    assert dump_policy(load_policy_text(text).policy) == text


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_bundled_policies_dump_and_reload_to_themselves(path: Path, catalog: Catalog) -> None:
    own = parse_policy(read_yaml(path.read_bytes(), str(path)))
    text = dump_policy(own)
    assert parse_policy(read_yaml(text)) == own
    # The dump, put where the file is (so that its base is found the same way), loads to
    # the same merged policy.
    loaded = catalog.load(path.stem) if path.stem in catalog.ids() else load_policy(path)
    assert load_policy_text(text, file=str(path)).policy == loaded.policy


# --- mutations --------------------------------------------------------------------------------

TOKENS = (
    ":", ": ", "- ", "{", "}", "[", "]", "'", '"', "&a ", "*a", "!!python/object:os.system ",
    "\t", "#", "? ", "|", ">", "%", "@", "`", "\\", "~", "null", "yes", "0x1F", "09",
    "2026-02-30", "9999-12-31", "1e400", "-1", "99999999999999999999", "\x00", "\ufeff",
    "\u2028", "ｉｄ", "within", "working_days: ", "extends: ", "next: ", "when: ",
)  # fmt: skip
SMALL = [f for f in FILES if f.stem in ("shihua_credit_coop", "grand_hotel", "cn_banking_baseline")]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[Path, str]:
    """A bundled policy's text with one to three line edits: a line deleted, duplicated,
    swapped with the next, indented, dedented, cut off, or a token inserted or replacing a
    character."""
    path = draw(st.sampled_from(SMALL))
    lines = path.read_text(encoding="utf-8").split("\n")
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        kind = draw(
            st.sampled_from(
                ["delete", "duplicate", "swap", "indent", "dedent", "truncate", "insert", "replace"]
            )
        )
        i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        if kind == "delete" and len(lines) > 1:
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif kind == "indent":
            lines[i] = "  " + lines[i]
        elif kind == "dedent":
            lines[i] = lines[i][2:]
        elif kind == "truncate":
            lines = lines[: i + 1]
        elif kind in ("insert", "replace"):
            j = draw(st.integers(min_value=0, max_value=len(lines[i])))
            token = draw(st.sampled_from(TOKENS))
            lines[i] = lines[i][:j] + token + lines[i][j + (kind == "replace") :]
    return path, "\n".join(lines)


WHOLE_FILE = {"the file is empty"}
"""Problems about the whole file, which have no line."""


@settings(max_examples=POLICY_EXAMPLES)
@given(mutated())
def test_mutated_policies_give_located_problems(case: tuple[Path, str]) -> None:
    path, text = case
    try:
        load_policy_text(text, file=str(path))
        return  # the edit left a valid policy
    except PolicyError as exc:
        problems = exc.problems
    assert problems
    for problem in problems:
        assert problem.message.strip()
        if problem.file == str(path):
            assert problem.line is not None or problem.message in WHOLE_FILE, problem
        else:  # a problem of the base layer the mutated file extends, in its own file
            assert problems[0].file == str(path) and problems[0].line is not None
