"""Generated code is registered in linecache: a traceback through it shows its source."""

from __future__ import annotations

import inspect
import linecache
import traceback
from typing import Any

import pytest

from complaint_rules import CompiledPolicy
from complaint_rules._generated import run_source
from complaint_rules.decision._fast.parser import fast_parser
from complaint_rules.decision._fast.writer import DecisionWriter
from complaint_rules.decision.model import Named
from complaint_rules.policy.conditions import Subject


def _traceback_of(call: Any) -> str:
    try:
        call()
    except Exception as exc:  # the test wants whatever the generated code raised
        return "".join(traceback.format_exception(exc))
    raise AssertionError("the call did not raise")


def test_a_traceback_through_a_rule_condition_shows_the_generated_line(
    keyouqianqi: CompiledPolicy,
) -> None:
    # A rule whose condition reads a fact: given facts that are not a mapping, the
    # generated predicate fails on the line that reads the fact, and the traceback says so.
    rule = next(r for r in keyouqianqi.rules if r.when is not None and r.when.facts)
    fact = sorted(rule.when.facts)[0] if rule.when is not None else ""
    bad = Subject("letter", "work_error", None, frozenset(), None)  # type: ignore[arg-type]
    assert rule.when is not None
    text = _traceback_of(lambda: rule.when.test(bad) if rule.when else None)
    assert 'File "<generated condition test ' in text
    assert f"f_{fact} = facts.get({fact!r})" in text


def test_the_complaint_parser_and_the_json_writer_have_their_source(
    keyouqianqi: CompiledPolicy,
) -> None:
    parse = fast_parser(keyouqianqi).parse
    source = inspect.getsource(parse)
    assert source.startswith("def parse(data):\n")
    assert "channels.get(channel)" in source
    writer = DecisionWriter()
    partial = Named.model_construct(id="x")  # type: ignore[call-arg]  # no label: cannot be written
    text = _traceback_of(lambda: writer.model(partial))
    assert 'File "<generated json Named ' in text
    assert "d['label']" in text


def test_equal_sources_share_one_entry_and_distinct_ones_do_not() -> None:
    source = "def f(x):\n    return 1 // x\n"
    first: dict[str, Any] = {}
    second: dict[str, Any] = {}
    run_source(source, "probe", first)
    run_source(source, "probe", second)
    name = first["f"].__code__.co_filename
    assert name == second["f"].__code__.co_filename
    assert name.startswith("<generated probe ")
    assert linecache.getline(name, 2) == "    return 1 // x\n"
    other: dict[str, Any] = {}
    run_source(source.replace("1 //", "2 //"), "probe", other)
    assert other["f"].__code__.co_filename != name
    with pytest.raises(ZeroDivisionError) as info:
        first["f"](0)
    assert "return 1 // x" in "".join(traceback.format_exception(info.value))
    linecache.checkcache()  # no file behind the name: the entry stays
    assert linecache.getline(name, 1) == "def f(x):\n"
