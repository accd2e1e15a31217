"""The batch API: decide_many and decide_jsonl give exactly what decide() gives, item by item."""

from __future__ import annotations

import gc
import json
import random
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from complaint_rules import (
    CalendarError,
    Catalog,
    CompiledPolicy,
    ComplaintError,
    Decision,
    Problem,
    decide,
)
from complaint_rules.decision import batch
from complaint_rules.decision.batch import (
    DecidedLine,
    Rejected,
    RejectedLine,
    Settings,
    decide_jsonl,
    decide_many,
    stream,
)
from complaint_rules.decision.engine import decide_bytes, decide_pieces
from complaint_rules.messages.catalogue import problem_text
from complaint_rules.messages.host import calendar_problem
from tests.support import ROOT
from tests.support.local_time import CST, due_on

EXAMPLES = sorted((ROOT / "examples" / "complaints").glob("*.json"))


@pytest.fixture(scope="module")
def with_examples() -> Catalog:
    return Catalog([ROOT / "examples" / "hotel_variant" / "grand_hotel_policies"])


def single(policy: CompiledPolicy, item: Any, **kw: Any) -> Decision | tuple[Problem, ...]:
    """What decide() gives for one item: the decision, or the problems it raises."""
    try:
        return decide(policy, item, **kw)
    except ComplaintError as exc:
        return exc.problems
    except CalendarError as exc:
        return (calendar_problem(exc),)


def problems(policy: CompiledPolicy, item: Any) -> tuple[Problem, ...]:
    """The problems decide() raises for ``item`` (their wording is tested with the engine)."""
    got = single(policy, item)
    assert isinstance(got, tuple)
    return got


def assert_same(policy: CompiledPolicy, items: list[Any], got: list[Any], **kw: Any) -> None:
    assert len(got) == len(items)
    for index, (item, out) in enumerate(zip(items, got, strict=True)):
        want = single(policy, item, **kw)
        if isinstance(want, Decision):
            assert isinstance(out, Decision), (index, out)
            assert out.model_dump_json() == want.model_dump_json()
            assert out == want
            assert out.received_at.tzinfo == want.received_at.tzinfo
        else:
            assert out == Rejected(index, want)


def generated(policy: CompiledPolicy, count: int, seed: int) -> list[Any]:
    """Complaints spelled from the policy's own vocabulary, with some bad ones mixed in."""
    rng = random.Random(seed)
    vocab = policy.policy.vocabulary

    def spell(term: Any) -> str:
        return str(rng.choice([term.id, term.label, *term.aliases]))

    out: list[Any] = []
    for _ in range(count):
        day = date(2025, 1, 1) + timedelta(days=rng.randrange(730))  # to 2026-12-31
        when = datetime(day.year, day.month, day.day, rng.randrange(24), tzinfo=CST)
        item: dict[str, Any] = {"received_at": when.isoformat(), "id": "x"}
        if vocab.channels:
            item["channel"] = spell(rng.choice(vocab.channels))
        if vocab.categories:
            item["category"] = spell(rng.choice(vocab.categories))
        if policy.level_input != "forbidden" and vocab.levels and rng.random() < 0.9:
            item["level"] = spell(rng.choice(vocab.levels))
        if vocab.findings and rng.random() < 0.4:
            finding = rng.choice(vocab.findings)
            item["findings"] = [{"finding": spell(finding), "count": rng.randint(1, 3)}]
        for fact in policy.policy.facts:
            if rng.random() < 0.5:
                continue
            if fact.type == "bool":
                item[fact.id] = rng.random() < 0.5
            elif fact.type == "int":
                item[fact.id] = rng.randint(fact.minimum or 0, 50)
            elif fact.type == "decimal":
                item[fact.id] = f"{rng.randint(0, 100000)}.50"
            else:
                item[fact.id] = (when + timedelta(hours=rng.randint(1, 400))).isoformat()
        bad = rng.random()
        if bad < 0.04:
            item["channel"] = "no such channel"
        elif bad < 0.06:
            item["received_at"] = when.isoformat()[:19]
        elif bad < 0.08:
            out.append([item])
            continue
        out.append(item)
    return out


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_bundled_example_is_decided_as_by_decide(
    with_examples: Catalog, example: Path
) -> None:
    policy = with_examples.load(example.stem)
    items = json.loads(example.read_text(encoding="utf-8"))
    assert_same(policy, items, list(decide_many(policy, items)))
    at = "2026-12-01T09:00:00+08:00"
    assert_same(policy, items, list(decide_many(policy, items, at=at)), at=at)


@pytest.mark.parametrize("policy_id", Catalog().ids())
def test_generated_complaints_are_decided_as_by_decide(catalog: Catalog, policy_id: str) -> None:
    policy = catalog.load(policy_id)
    items = generated(policy, 60, seed=len(policy_id))
    assert_same(policy, items, list(decide_many(policy, items)))
    assert_same(policy, items, list(decide_many(policy, items, estimate=True)), estimate=True)


def test_bad_items_are_rejected_in_place_and_the_stream_goes_on(
    keyouqianqi: CompiledPolicy,
) -> None:
    good = {"received_at": "2026-09-30T10:00:00+08:00", "channel": "信件", "category": "工作失誤"}
    items: list[Any] = [good, {**good, "channel": "fax"}, "not an object", good]
    got = list(decide_many(keyouqianqi, items))
    assert [type(x).__name__ for x in got] == ["Decision", "Rejected", "Rejected", "Decision"]
    # The messages are the engine's (tests/decision/test_engine.py); here: where and in what order.
    assert got[1] == Rejected(1, problems(keyouqianqi, items[1]))
    assert got[2] == Rejected(2, problems(keyouqianqi, items[2]))
    assert [p.path for p in problems(keyouqianqi, items[1])] == [("channel",)]
    assert isinstance(got[3], Decision)
    assert got[3].deadlines[0].due == due_on(2026, 10, 10)


def test_a_deadline_into_an_unpublished_year_is_rejected_unless_estimated(
    keyouqianqi: CompiledPolicy,
) -> None:
    # Complex: 7-10 working days from 28 Dec of the last year whose schedule the installed
    # holidays package knows cannot end by 31 Dec: they run into the next, unknown year.
    last = max(keyouqianqi.calendar.known_years)
    assert not keyouqianqi.calendar.is_known(last + 1)
    item = {
        "received_at": f"{last}-12-28T10:00:00+08:00",
        "channel": "letter",
        "category": "服務產品",
    }
    (got,) = decide_many(keyouqianqi, [item])
    assert isinstance(got, Rejected) and got.index == 0
    assert got.problems[0].message.startswith(
        f"the official holiday schedule for {last + 1} is not known"
    )
    (estimated,) = decide_many(keyouqianqi, [item], estimate=True)
    assert isinstance(estimated, Decision) and estimated.deadlines[0].estimated


def test_a_bad_at_raises_when_called_not_per_item(keyouqianqi: CompiledPolicy) -> None:
    with pytest.raises(ComplaintError) as info:
        decide_many(keyouqianqi, iter(()), at="2026-10-01T09:00:00")
    assert problem_text(info.value.problems[0], "zh-Hant") == (
        "at 沒有時區;請加上,例如 2026-10-01T09:00:00+08:00"
    )
    assert tuple(replace(p, args=()) for p in info.value.problems) == (
        Problem(
            "at has no UTC offset; give one, e.g. 2026-10-01T09:00:00+08:00",
            path=("at",),
            code="decide.bad_at",
        ),
    )
    with pytest.raises(ValueError, match=r"^workers must be a whole number >= 1, got 0$"):
        decide_many(keyouqianqi, [], workers=0)


class Counted:
    """An endless iterable of complaints that counts how many were taken."""

    def __init__(self) -> None:
        self.taken = 0

    def __iter__(self) -> Iterator[dict[str, str]]:
        while True:
            self.taken += 1
            yield {
                "received_at": "2026-09-30T10:00:00+08:00",
                "channel": "letter",
                "category": "work_error",
            }


@pytest.mark.parametrize(("workers", "most"), [(1, 1), (2, 2 * 2 * 5)])
def test_results_are_lazy(keyouqianqi: CompiledPolicy, workers: int, most: int) -> None:
    source = Counted()
    results = decide_many(keyouqianqi, source, workers=workers, chunk_size=5)
    assert source.taken == 0
    first = next(results)
    assert isinstance(first, Decision)
    assert 1 <= source.taken <= most
    results.close()  # type: ignore[attr-defined]


def test_two_workers_give_what_one_gives(keyouqianqi: CompiledPolicy) -> None:
    items = generated(keyouqianqi, 90, seed=7)
    one = list(decide_many(keyouqianqi, items))
    two = list(decide_many(keyouqianqi, items, workers=2, chunk_size=7))
    assert two == one
    assert [x.model_dump_json() for x in two if isinstance(x, Decision)] == [
        x.model_dump_json() for x in one if isinstance(x, Decision)
    ]
    # The workers' decisions come back pickled: whole models (every field set, the same
    # zone object), which a dump with exclude_unset cannot tell from the parent's own.
    for a, b in zip(two, one, strict=True):
        if isinstance(a, Decision) and isinstance(b, Decision):
            assert a.model_fields_set == b.model_fields_set == set(Decision.model_fields)
            assert a.model_dump(exclude_unset=True) == b.model_dump()
            assert a.received_at.tzinfo is b.received_at.tzinfo
    lines = [json.dumps(x, ensure_ascii=False) for x in items]
    assert list(decide_jsonl(keyouqianqi, lines, workers=2, chunk_size=4)) == list(
        decide_jsonl(keyouqianqi, lines)
    )


def _freeze_count(policies: tuple[CompiledPolicy, ...], index: int, item: int, _: None) -> int:
    return gc.get_freeze_count()


def test_workers_freeze_what_they_start_with_and_the_caller_is_left_alone(
    keyouqianqi: CompiledPolicy,
) -> None:
    # A worker's collector leaves the heap it starts with alone (so a fork()ed worker does
    # not copy the parent's pages); the calling process's collector is not touched.
    before = gc.get_freeze_count()
    counts = list(stream(_freeze_count, (keyouqianqi,), range(6), None, workers=2, chunk_size=1))
    assert len(counts) == 6
    assert all(count > 1000 for count in counts), counts
    assert list(stream(_freeze_count, (keyouqianqi,), range(2), None)) == [before, before]
    assert gc.get_freeze_count() == before


def test_pieces_join_to_the_decisions_json(catalog: Catalog) -> None:
    for policy_id in ("keyouqianqi_credit_union", "hotel", "xx_bank"):
        policy = catalog.load(policy_id)
        for item in generated(policy, 40, seed=11):
            try:
                pieces = decide_pieces(policy, item)
            except (ComplaintError, CalendarError):  # refused: nothing to join
                continue
            assert b"".join(pieces) == decide_bytes(policy, item)
            assert b"".join(pieces) == decide(policy, item).model_dump_json().encode()


def test_workers_name_each_long_piece_once_and_send_the_rest(
    keyouqianqi: CompiledPolicy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Chunks decided as a worker decides them: a long piece seen twice is sent once more
    # and named after, so once the worker has seen the policy's common pieces, a chunk
    # sends a fraction of its JSON; the calling process joins the same lines back.
    monkeypatch.setattr(batch, "_WORKER_POLICIES", [(keyouqianqi,)])
    monkeypatch.setattr(batch, "_WORKER_NAMER", [batch._Namer()])
    lines = [json.dumps(x, ensure_ascii=False) for x in generated(keyouqianqi, 600, seed=5)]
    context = Settings()
    names = batch._Named()
    got: list[DecidedLine | RejectedLine | None] = []
    sent = []
    for start in range(1, 601, 100):
        chunk = batch._run_lines(
            batch._decide_line_pieces, start, lines[start - 1 : start + 99], context
        )
        assert all(len(piece) >= batch._SHARED_MIN for piece in chunk[1])
        # A decided line is (line, packed): its short pieces as bytes, long ones by number.
        packed = [result[1] for result in chunk[2] if isinstance(result, tuple)]
        sent.append(sum(len(p) for pieces in packed for p in pieces if isinstance(p, bytes)))
        got.extend(names.unpack(chunk))
    want = list(decide_jsonl(keyouqianqi, lines))
    assert [r for r in got if r is not None] == want
    last = sum(len(r.data) for r in want if isinstance(r, DecidedLine) and r.line > 500)
    assert last > 0
    # These 600 complaints match many different sets of rules (a history repeats itself
    # more): the last chunk sends under half its JSON, and ever less as pieces are named.
    assert sent[-1] * 2 < last, (sent, last)
    # Chunk to chunk the count varies with what the complaints match; over the run it falls.
    assert sent[-1] * 1.5 < sent[0] and sum(sent[3:]) < sum(sent[:3]), sent


@pytest.mark.parametrize(("shortest", "most"), [(1, 5_000), (10**9, 2**24)])
def test_two_workers_give_what_one_gives_whatever_is_named(
    keyouqianqi: CompiledPolicy, monkeypatch: pytest.MonkeyPatch, shortest: int, most: int
) -> None:
    # Any piece seen twice named until 5,000 bytes are named (then sent as is), or none
    # named at all. The workers are forked, so they see the patched bounds.
    monkeypatch.setattr(batch, "_SHARED_MIN", shortest)
    monkeypatch.setattr(batch, "_SHARED_BYTES", most)
    lines = [json.dumps(x, ensure_ascii=False) for x in generated(keyouqianqi, 60, seed=9)]
    assert list(decide_jsonl(keyouqianqi, lines, workers=2, chunk_size=5)) == list(
        decide_jsonl(keyouqianqi, lines)
    )


def test_decide_jsonl_numbers_lines_and_locates_problems(keyouqianqi: CompiledPolicy) -> None:
    good = {"received_at": "2026-09-30T10:00:00+08:00", "channel": "信件", "category": "工作失誤"}
    text = json.dumps(good, ensure_ascii=False)
    lines: list[str | bytes] = [
        "\ufeff" + text + "\n",
        b"\n",
        b'{"received_at": "2026-09-30T10:00:00+08:00",\n',
        json.dumps({**good, "category": "unknown"}, ensure_ascii=False).encode() + b"\r\n",
        b"\xff\xfe{}\n",
        text.encode("utf-8"),
        "[1, 2]",
    ]
    got = list(decide_jsonl(keyouqianqi, lines, file="h.jsonl"))
    want_json = decide(keyouqianqi, good).model_dump_json()
    assert got[0] == DecidedLine(1, want_json.encode())
    assert _plain(got[1]) == RejectedLine(
        3,
        (
            Problem(
                "not JSON: Expecting property name enclosed in double quotes",
                file="h.jsonl",
                line=3,
                column=45,
                code="json.syntax",
            ),
        ),
    )
    bad = problems(keyouqianqi, {**good, "category": "unknown"})
    assert [p.path for p in bad] == [("category",)]
    assert got[2] == RejectedLine(4, tuple(replace(p, file="h.jsonl", line=4) for p in bad))
    assert _plain(got[3]) == RejectedLine(
        5,
        (
            Problem(
                "not UTF-8 text (byte 1 of the line)", file="h.jsonl", line=5, code="json.encoding"
            ),
        ),
    )
    assert got[4] == DecidedLine(6, want_json.encode())
    not_object = problems(keyouqianqi, [1, 2])
    assert got[5] == RejectedLine(7, tuple(replace(p, file="h.jsonl", line=7) for p in not_object))
    assert len(got) == 6  # the blank line 2 gives nothing


def _plain(got: object) -> RejectedLine:
    """A rejected line's problems without the values they are worded with."""
    assert isinstance(got, RejectedLine)
    return RejectedLine(got.line, tuple(replace(p, args=()) for p in got.problems))


def test_money_with_a_fraction_is_read_as_text_as_by_the_cli(catalog: Catalog) -> None:
    policy = catalog.load("hotel")
    item = generated(policy, 1, seed=3)[0]
    line = json.dumps(item, ensure_ascii=False)
    (got,) = decide_jsonl(policy, [line])
    want = single(policy, json.loads(line, parse_float=str))
    if isinstance(want, Decision):
        assert got == DecidedLine(1, want.model_dump_json().encode())
    else:
        assert isinstance(got, RejectedLine)


def test_carry_is_passed_to_decide_and_checked_when_called(keyouqianqi: CompiledPolicy) -> None:
    item = {
        "id": "KY-1",
        "received_at": "2026-09-30T10:00:00+08:00",
        "channel": "letter",
        "category": "work_error",
    }
    (got,) = decide_many(keyouqianqi, [item], carry=["id"])
    assert isinstance(got, Decision) and got.carried == {"id": "KY-1"}
    assert got == decide(keyouqianqi, item, carry=["id"])
    (line,) = decide_jsonl(keyouqianqi, [json.dumps(item)], carry=["id"], workers=2)
    assert line == DecidedLine(1, got.model_dump_json().encode())
    with pytest.raises(ValueError, match=r"^cannot carry 'name'; carry names fields of "):
        decide_many(keyouqianqi, [], carry=["name"])


@pytest.mark.parametrize("workers", [1, 2])
def test_hostile_lines_are_rejected_in_place_and_the_stream_goes_on(
    keyouqianqi: CompiledPolicy, workers: int
) -> None:
    good = json.dumps(
        {"received_at": "2026-09-30T10:00:00+08:00", "channel": "letter", "category": "work_error"}
    )
    hostile = [
        "[" * 100_000,
        '{"a":' * 100_000,
        '{"received_at": ' + "9" * 5000 + "}",
        good[:-1] + ', "channel": "media"}',
        '{"count": NaN}',
    ]
    lines = [*hostile, good] * 3 + [good, good, good]
    got = list(decide_jsonl(keyouqianqi, lines, workers=workers, chunk_size=2, file="h.jsonl"))
    assert len(got) == 21
    codes = [r.problems[0].code if isinstance(r, RejectedLine) else "decided" for r in got[:6]]
    assert codes == [
        "json.too_deep",
        "json.too_deep",
        "json.number_too_long",
        "json.duplicate_key",
        "json.not_a_number",
        "decided",
    ]
    assert [r.line for r in got] == list(range(1, 22))
    assert sum(isinstance(r, DecidedLine) for r in got) == 6
