"""Fuzzing the policy loader with hypothesis: only located PolicyErrors come out.

Four kinds of input: arbitrary bytes; text drawn from YAML's syntax and its traps; the
small test policy with hostile tokens spliced in; and the test policy's data with values
replaced, keys added or removed at random paths, dumped back to YAML. The oracle
(:func:`check_loads`) accepts a compiled policy that decides a plain complaint (or refuses
it with the library's own errors) or a :class:`PolicyError` whose every problem names
the file and says something; any other exception is a finding. The number
of examples comes from the hypothesis profile (``ci`` in CI; ``scripts/fuzz`` runs
``long``); the coverage-guided twin is fuzz/loader_target.py.
"""

from __future__ import annotations

import contextlib
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from complaint_rules import (
    CalendarError,
    CompiledPolicy,
    ComplaintError,
    PolicyError,
    Problem,
    decide,
    load_policy_text,
)
from complaint_rules.policy.yaml_reader import Limits
from tests.support.policy_texts import MINI

FILE = "fuzz.yaml"
LIMITS = Limits(max_bytes=200_000, max_depth=50, max_values=20_000)


def no_base(policy_id: str) -> CompiledPolicy:
    raise PolicyError([Problem(f"no base {policy_id!r} while fuzzing", file=FILE)])


def check_loads(data: str | bytes, limits: Limits = LIMITS) -> CompiledPolicy | PolicyError:
    """Load ``data``: a policy that decides, or a PolicyError whose problems are located."""
    try:
        policy = load_policy_text(data, file=FILE, resolve=no_base, limits=limits)
    except PolicyError as exc:
        error = exc
    else:
        check_decides_something(policy)
        return policy
    for problem in error.problems:
        assert problem.file == FILE, problem
        assert problem.message.strip(), problem
        assert problem.line is None or problem.line >= 1, problem
    return error


def check_decides_something(policy: CompiledPolicy) -> None:
    """A policy that loads decides a plain complaint, or refuses it with the library's errors."""
    complaint: dict[str, Any] = {"received_at": "2026-10-09T17:00:00+08:00"}
    for field, lookup in (("channel", policy.channels), ("category", policy.categories)):
        complaint[field] = next(iter(lookup.terms), "none")
    if policy.level_input != "forbidden" and policy.levels.terms:
        complaint["level"] = next(iter(policy.levels.terms))
    complaint["findings"] = list(policy.findings.terms)[:2]
    for estimate in (False, True):
        with contextlib.suppress(ComplaintError, CalendarError):
            decide(policy, complaint, estimate=estimate).model_dump_json()


TOKENS = [
    "&a ", "*a", "&b ", "*b", "!!python/object/apply:os.system [ls]", "!!binary aGk=", "!x ",
    "!!str ", "<<: ", "? ", "- ", ": ", "---\n", "...\n", "\t", "\ufeff", "{", "}", "[", "]",
    "'", '"', "\\", "#", "|\n", ">-\n", "\n", "  ", "no", "on", "yes", "0755", "0o17", "1e3",
    ".inf", ".nan", "2026-02-30", "2026-01-01", "23:59:59", "~", "null", "\x00", "\x1b",
    "\ud800", "\u200b", "ｌａｂｅｌ", "9" * 5000, "a" * 1100,
    "id: ", "extends: ", "when: ", "not: ", "all: ", "any: ", "rules:\n", "within: ",
    "working_days: ", "min: ", "max: ", "calendar: ", "holidays: ", "day_ends_at: ",
]  # fmt: skip


@given(st.binary(max_size=2_000))
def test_arbitrary_bytes(data: bytes) -> None:
    check_loads(data)


@given(st.lists(st.sampled_from(TOKENS) | st.text(max_size=5), max_size=60).map("".join))
def test_yaml_syntax_soup(text: str) -> None:
    check_loads(text)


@st.composite
def spliced(draw: st.DrawFn) -> str:
    """The test policy with a few hostile tokens spliced in or spans cut out."""
    text = MINI
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.sampled_from(TOKENS)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(0, 40)) :]
    return text


@given(spliced())
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_the_test_policy_with_hostile_splices(text: str) -> None:
    check_loads(text)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.sampled_from(["", "no", "0755", "17:30:00", "desk", "head", "late_opening", "x" * 300]),
    st.text(max_size=12),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
BASE_DATA: dict[str, Any] = yaml.safe_load(MINI)


def paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            out += paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += paths(value, (*path, i))
    return out


ALL_PATHS = paths(BASE_DATA)[1:]


@st.composite
def edited(draw: st.DrawFn) -> str:
    """The test policy's data with values replaced, keys removed or added, as YAML."""
    data = yaml.safe_load(MINI)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(ALL_PATHS))
        parent: Any = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            action = draw(st.sampled_from(["replace", "remove", "add"]))
            if action == "replace":
                parent[path[-1]] = draw(VALUES)
            elif action == "remove":
                del parent[path[-1]]
            elif isinstance(parent, dict):
                parent[draw(st.text(max_size=10))] = draw(VALUES)
            elif isinstance(parent, list):
                parent.append(draw(VALUES))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed or replaced this path
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


# Most edits load and compile (building a calendar each time): a third of the profile's
# examples keeps this test to seconds in CI.
@given(edited())
@settings(
    max_examples=max(10, settings().max_examples // 3),
    suppress_health_check=[HealthCheck.too_slow],
)
def test_the_test_policy_with_values_replaced_removed_and_added(text: str) -> None:
    result = check_loads(text)
    if isinstance(result, PolicyError):
        # Valid YAML: every problem is about a place in the file.
        for problem in result.problems:
            assert problem.line is not None or problem.path, problem


def test_the_oracle_can_fail() -> None:
    assert isinstance(check_loads(MINI), CompiledPolicy)
    assert isinstance(check_loads("id: [unclosed"), PolicyError)
