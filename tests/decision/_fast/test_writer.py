"""The decision writer: pydantic's JSON bytes for each value a decision holds, the shared
parts written once and kept by identity (never standing for another object), within bounds.

Its agreement with pydantic over whole decisions and drawn values is checked in
tests/decision/test_fast_decisions.py; here each of its rules on its own.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from pydantic_core import to_json

from complaint_rules.decision._fast import writer as writer_module
from complaint_rules.decision._fast.writer import DecisionWriter
from complaint_rules.decision.model import Named, Source
from tests.support.local_time import CST

DESK = Named(id="desk", label="櫃面")
HEAD = Named(id="head", label="負責人")


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("櫃面\n", '"櫃面\\n"'.encode()),
        (True, b"true"),
        (False, b"false"),
        (None, b"null"),
        (-42, b"-42"),
        (Decimal("2800.00"), b'"2800.00"'),  # money keeps its places, as text
        ({"a": [1, "x"]}, b'{"a":[1,"x"]}'),
        ((), b"[]"),
        ((1, "x", None), b'[1,"x",null]'),
        (1.5, b"1.5"),  # no writer of its own: pydantic's
        (["a"], b'["a"]'),
    ],
)
def test_each_kind_of_value_is_written_as_pydantic_writes_it(value: object, written: bytes) -> None:
    assert DecisionWriter().value(value) == written == to_json(value)


@pytest.mark.parametrize(
    ("instant", "written"),
    [
        (datetime(2026, 10, 10, 23, 59, 59, tzinfo=CST), b'"2026-10-10T23:59:59+08:00"'),
        (
            datetime(2026, 1, 1, tzinfo=timezone(timedelta(hours=-5))),
            b'"2026-01-01T00:00:00-05:00"',
        ),
        # pydantic's own forms: UTC as Z, fractions of a second, years before 1000, an offset
        # with seconds (dropped).
        (datetime(2026, 10, 10, 15, 59, 59, tzinfo=UTC), b'"2026-10-10T15:59:59Z"'),
        (datetime(2026, 1, 1, tzinfo=timezone(timedelta(0))), b'"2026-01-01T00:00:00Z"'),
        (
            datetime(2026, 10, 10, 23, 59, 59, 500_000, tzinfo=CST),
            b'"2026-10-10T23:59:59.500000+08:00"',
        ),
        (datetime(999, 1, 1, tzinfo=CST), b'"0999-01-01T00:00:00+08:00"'),
        (
            datetime(2026, 1, 1, tzinfo=timezone(timedelta(hours=8, seconds=30))),
            b'"2026-01-01T00:00:00+08:00"',
        ),
    ],
)
def test_instants_are_written_as_pydantic_writes_them(instant: datetime, written: bytes) -> None:
    writer = DecisionWriter()
    assert writer.value(instant) == written == to_json(instant)
    assert writer.value(instant) == written  # the last instant, kept
    assert writer.keep(instant) == written


def test_a_model_is_written_field_by_field_in_its_order() -> None:
    source = Source(rule="r", article="第一條", policy="p", verification=None)
    assert DecisionWriter().model(source) == (
        '{"rule":"r","article":"第一條","policy":"p","verification":null}'.encode()
    )
    assert DecisionWriter().value(DESK) == '{"id":"desk","label":"櫃面"}'.encode()


def test_fields_writes_a_run_of_an_object() -> None:
    values = {"id": "a", "n": 2, "who": DESK, "unused": 1}
    assert DecisionWriter().fields(values, ("id", "n", "who")) == (
        '"id":"a","n":2,"who":{"id":"desk","label":"櫃面"}'.encode()
    )
    assert DecisionWriter().fields(values, ()) == b""


def test_a_kept_part_is_written_once_and_found_by_identity() -> None:
    writer = DecisionWriter()
    people = (DESK, HEAD)
    text = writer.keep(people)
    assert (
        text
        == b"[" + DESK.model_dump_json().encode() + b"," + HEAD.model_dump_json().encode() + b"]"
    )
    # The kept text is returned as is (the same bytes object), for the tuple and its items.
    assert writer.keep(people) is text
    assert writer.sequence(people) is text
    assert writer.model(DESK) is writer.keep(DESK)
    # An equal part that is another object is written afresh (and the same).
    again = (Named(id="desk", label="櫃面"), HEAD)
    assert writer.sequence(again) == text and writer.sequence(again) is not text


def test_kept_text_never_stands_for_another_object_with_the_same_identity() -> None:
    writer = DecisionWriter()
    writer.keep(DESK)
    # A stale entry for the identity of another object: the identity check refuses it.
    other = Named(id="other", label="別人")
    writer._kept[id(other)] = (DESK, b"stale")
    assert writer.model(other) == '{"id":"other","label":"別人"}'.encode()


def test_what_a_writer_keeps_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer_module, "_KEPT_MAX", 2)
    writer = DecisionWriter()
    parts = [Named(id=f"n{i}", label="x") for i in range(3)]
    texts = [writer.keep(part) for part in parts]
    assert texts == [part.model_dump_json().encode() for part in parts]
    assert len(writer._kept) == 2  # the third is written, not kept
    assert writer.keep(parts[2]) == texts[2] and writer.keep(parts[2]) is not texts[2]
    for text in ("a", "b", "c"):
        writer.value(text)
    assert list(writer._strings) == ["a", "b"]
    assert writer.value("c") == b'"c"'
