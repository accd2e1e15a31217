"""The complaint parser's fast path against its full check, on every bundled policy.

``parse_complaint`` first tries ``_FastParser.parse`` (plain dicts with exact spellings and
plain values) and falls back to the full check ``_parse``. The fast path may decline
(``None``) anything, but it must never accept what the full check refuses, and what it
accepts must be exactly the full check's ``Complaint``: equal, with facts of the same
types and the same ``repr`` (``Decimal('2800')``, not ``2800``) and instants with the same
offset. Complaints are drawn valid (from the testing kit's strategy) and then edited
(unknown keys, wrong types, spellings that need folding, odd instants, out-of-range facts).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from complaint_rules import Catalog, CompiledPolicy, ComplaintError, load_policy_text
from complaint_rules.decision._fast.parser import fast_parser
from complaint_rules.decision.complaint import Complaint, _parse, parse_complaint
from complaint_rules.errors import Problem
from complaint_rules.testing.strategies import complaints
from tests.support import ROOT
from tests.support.policy_texts import MINI

IDS = ("bocom", "hotel", "keyouqianqi_credit_union", "shihua_credit_coop", "xx_bank")
CATALOG = Catalog()
POLICIES: dict[str, CompiledPolicy] = {i: CATALOG.load(i) for i in IDS}
VALID: dict[str, st.SearchStrategy[dict[str, Any]]] = {
    i: complaints(policy) for i, policy in POLICIES.items()
}

Edit = Callable[[st.DrawFn, CompiledPolicy, dict[Any, Any]], None]


# -- comparing the two paths ----------------------------------------------------------


def _exact(value: Any) -> Any:
    """A value with its type and exact form: ``Decimal('5')`` is not ``5`` nor ``Decimal('5.0')``,
    and an instant keeps its offset (aware datetimes compare equal across offsets)."""
    if isinstance(value, datetime):
        return ("datetime", value.isoformat(), repr(value.tzinfo))
    return (type(value).__name__, repr(value))


def _shape(complaint: Complaint) -> tuple[Any, ...]:
    return (
        _exact(complaint.received_at),
        _exact(complaint.channel),
        _exact(complaint.category),
        _exact(complaint.level),
        repr(complaint.findings),
        type(complaint.facts).__name__,
        sorted((key, _exact(value)) for key, value in complaint.facts.items()),
        sorted((key, _exact(value)) for key, value in complaint.carried.items()),
    )


def assert_same(got: Complaint, want: Complaint) -> None:
    assert got == want
    assert dict(got.facts) == dict(want.facts)
    assert _shape(got) == _shape(want)


def outcome(parse: Callable[[], Complaint]) -> Complaint | list[Problem]:
    """A parser's answer: a Complaint, or the problems of the ComplaintError it raises."""
    try:
        return parse()
    except ComplaintError as exc:
        return list(exc.problems)


def assert_same_outcome(got: Complaint | list[Problem], want: Complaint | list[Problem]) -> None:
    if isinstance(got, Complaint) and isinstance(want, Complaint):
        assert_same(got, want)
    else:
        assert got == want


def check_agrees(policy: CompiledPolicy, data: dict[Any, Any], carry: tuple[str, ...]) -> None:
    """The fast path, the full check and ``parse_complaint`` agree on ``data``."""
    before = copy.deepcopy(data)
    fast = fast_parser(policy).parse(data)
    want = outcome(lambda: _parse(policy, data, ()))
    if isinstance(want, list):
        event("full check refuses")
        assert fast is None, f"the fast path accepted what the full check refuses: {want}"
    else:
        event("full check accepts")
        if fast is not None:
            event("fast path accepts")
            assert_same(fast, want)
    assert_same_outcome(outcome(lambda: parse_complaint(policy, data)), want)
    if carry:
        assert_same_outcome(
            outcome(lambda: parse_complaint(policy, data, carry=carry)),
            outcome(lambda: _parse(policy, data, carry)),
        )
    assert data == before, "parsing changed its input"


# -- edits -----------------------------------------------------------------------------

_SIMPLIFIED = str.maketrans(
    "訴務態產門體戶聞聲費單責網銀見關號熱線業處復雜電話書貸營員當對響應內級轉來監總質辦導紀檢財"
    "會綜規範違誤賠償衛報突發賓見頭讓問損確屬給經濟動撤壓層聯稽與領幹錢實門",
    "诉务态产门体户闻声费单责网银见关号热线业处复杂电话书贷营员当对响应内级转来监总质办导纪检财"
    "会综规范违误赔偿卫报突发宾见头让问损确属给经济动撤压层联稽与领干钱实门",
)
_LOOKALIKE = str.maketrans("aeopcx", "аеорсх")  # Latin to Cyrillic


def _widened(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


_TEXT_EDITS: tuple[Callable[[str], str], ...] = (
    lambda s: s,
    lambda s: s + " ",
    lambda s: " " + s,
    lambda s: "\u3000" + s,
    lambda s: s + "\t",
    lambda s: s + "\n",
    lambda s: "\u200b" + s,
    lambda s: s[:1] + "\u200b" + s[1:],
    lambda s: s + "\ufeff",
    lambda s: s.upper(),
    lambda s: s.swapcase(),
    lambda s: s.title(),
    _widened,
    lambda s: s.translate(_SIMPLIFIED),
    lambda s: s.translate(_LOOKALIKE),
    lambda s: s[:-1],
    lambda s: s + s,
    lambda s: s + "x" * 200,
)

_WEIRD: tuple[Any, ...] = (
    [],
    {},
    ["x"],
    {"a": 1},
    (),
    ("x",),
    1.0,
    0.5,
    float("nan"),
    float("inf"),
    True,
    False,
    None,
    0,
    1,
    -1,
    10**15,
    10**15 + 1,
    10**16,
    -(10**16),
    "",
    " ",
    "\u200b",
    "x",
    "１２",
    Decimal("1.5"),
    Decimal("NaN"),
    date(2026, 9, 30),
)

_OFFSETS = ("+08:00", "Z", "+00:00", "-05:00", "+14:00", "-12:00", "+23:59", "-23:59", "+0800", "")
_YEARS = (1, 2, 1999, 2000, 2001, 2025, 2026, 2027, 2035, 2036, 2037, 2100, 9998, 9999)


def _terms(policy: CompiledPolicy, kind: str) -> list[str]:
    lookup = getattr(policy, kind)
    out: list[str] = []
    for term in lookup.terms.values():
        out += [term.id, term.label, *term.aliases]
    return out


def _all_terms(policy: CompiledPolicy) -> list[str]:
    kinds = ("channels", "categories", "levels", "findings", "roles")
    return [s for kind in kinds for s in _terms(policy, kind)] or ["x"]


def _spelling(draw: st.DrawFn, policy: CompiledPolicy, kind: str) -> Any:
    """A spelling of a term of ``kind`` (or of another kind), edited, or a weird value."""
    choice = draw(st.integers(0, 9))
    if choice == 0:
        return draw(st.sampled_from(_WEIRD))
    own = _terms(policy, kind)
    pool = own if own and choice > 2 else _all_terms(policy)
    text = draw(st.sampled_from(pool))
    return draw(st.sampled_from(_TEXT_EDITS))(text)


def _instant(draw: st.DrawFn, base: str) -> Any:
    """A variant of the valid ISO 8601 instant ``base``."""
    aware = datetime.fromisoformat(base)
    choice = draw(st.integers(0, 14))
    if choice == 0:
        return aware.replace(tzinfo=None).isoformat()
    if choice == 1:
        return aware.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if choice == 2:
        return base.replace("T", " ")
    if choice == 3:
        return draw(st.sampled_from([" ", "\u3000", "\t"])) + base
    if choice == 4:
        return base + draw(st.sampled_from([" ", "\n", "\u200b", " " * 60]))
    if choice == 5:
        return aware.replace(microsecond=draw(st.sampled_from([1, 500_000, 999_999]))).isoformat()
    if choice == 6:
        return _widened(base)
    if choice == 7:
        return base[:10]
    if choice == 8:
        return draw(st.sampled_from([aware, aware.replace(tzinfo=None), aware.date()]))
    if choice == 9:
        return draw(
            st.sampled_from(
                [
                    "2026-02-30T10:00:00+08:00",
                    "2026-09-30T24:00:00+08:00",
                    "20260930T100000+0800",
                    "2026-09-30T10:00+08",
                    "2026-W40-3T10:00:00+08:00",
                    "2026-09-30T10:00:00.5+08:00",
                    "2026-09-30T10:00:00.123+08:00",
                    "2026-09-30T10:00:00+08:00:30",
                    "2026-09-30T10:00:00+24:00",
                    "2026-09-30T10:00:00\ud800+08:00",
                    "now",
                    "",
                ]
            )
        )
    if choice == 10:
        return draw(st.sampled_from(_WEIRD))
    if choice == 11:
        offset = draw(st.sampled_from([timedelta(hours=h) for h in (-23, -12, -5, 0, 9, 14, 23)]))
        return aware.astimezone(timezone(offset)).isoformat()
    year = draw(st.sampled_from(_YEARS))
    month_day = draw(st.sampled_from(["01-01", "12-31", "06-15"]))
    clock = draw(st.sampled_from(["00:00:00", "23:59:59", "12:00:00", "08:00:00", "15:59:59"]))
    return f"{year:04d}-{month_day}T{clock}{draw(st.sampled_from(_OFFSETS))}"


def _a_received_at(data: dict[Any, Any]) -> str:
    """The complaint's instant of receipt if it is (still) valid ISO 8601 text, else one."""
    given = data.get("received_at")
    try:
        parsed = datetime.fromisoformat(given) if isinstance(given, str) else None
        valid = parsed is not None and parsed.tzinfo is not None and 2 < parsed.year < 9998
    except ValueError:
        valid = False
    return given if valid and isinstance(given, str) else "2026-09-30T16:20:00+08:00"


def edit_unknown_key(draw: st.DrawFn, policy: CompiledPolicy, data: dict[Any, Any]) -> None:
    keys = [
        "foo",
        "Channel",
        "CHANNEL",
        "chanel",
        "received",
        "receivedAt",
        "facts",
        "levels",
        "finding",
        "渠道",
        "投訴人",
        "張三",
        "channel ",
        "\u200bchannel",
        "ｃｈａｎｎｅｌ",
        "",
        "a b",
        "x" * 100,
        "user@example.com",
        1,
        None,
        ("channel",),
    ]
    data[draw(st.sampled_from(keys))] = draw(st.sampled_from([*_WEIRD, "valid"]))


def edit_term(draw: st.DrawFn, policy: CompiledPolicy, data: dict[Any, Any]) -> None:
    key, kind = draw(
        st.sampled_from([("channel", "channels"), ("category", "categories"), ("level", "levels")])
    )
    data[key] = _spelling(draw, policy, kind)


def edit_level(draw: st.DrawFn, policy: CompiledPolicy, data: dict[Any, Any]) -> None:
    levels = _terms(policy, "levels") or ["general", "一般投訴"]
    choice = draw(st.integers(0, 2))
    if choice == 0:
        data.pop("level", None)
    elif choice == 1:
        data["level"] = draw(st.sampled_from(levels))
    else:
        data["level"] = draw(st.sampled_from([None, False, 0, "", [], {}]))


def edit_received_at(draw: st.DrawFn, policy: CompiledPolicy, data: dict[Any, Any]) -> None:
    data["received_at"] = _instant(draw, _a_received_at(data))


def edit_drop(draw: st.DrawFn, policy: CompiledPolicy, data: dict[Any, Any]) -> None:
    if data:
        del data[draw(st.sampled_from(sorted(data, key=repr)))]


def _finding_item(draw: st.DrawFn, policy: CompiledPolicy) -> Any:
    choice = draw(st.integers(0, 5))
    if choice == 0:
        return _spelling(draw, policy, "findings")
    if choice == 1:
        return draw(st.sampled_from(_WEIRD))
    item: dict[Any, Any] = {}
    if draw(st.integers(0, 9)):
        item["finding"] = _spelling(draw, policy, "findings")
    if draw(st.booleans()):
        item["count"] = draw(
            st.sampled_from(
                [0, 1, 2, True, False, -1, 1_000_000, 1_000_001, 1.0, "1", None, Decimal(1)]
            )
        )
    if draw(st.booleans()):
        roles = _terms(policy, "roles") or ["x"]
        some: Any = draw(
            st.sampled_from(
                [
                    None,
                    [],
                    (),
                    "x",
                    0,
                    {"role": 1},
                    [None],
                    [1],
                    [roles[0]],
                    (roles[0],),
                    [roles[0], "unknown role"],
                    [roles[-1], roles[0]],
                    [roles[0]] * 1001,
                ]
            )
        )
        if draw(st.booleans()):
            some = [_spelling(draw, policy, "roles") for _ in range(draw(st.integers(1, 2)))]
        item["roles"] = some
    if draw(st.integers(0, 5)) == 0:
        item[draw(st.sampled_from(["note", "角色", "Finding", 3]))] = "x"
    return item


def edit_findings(draw: st.DrawFn, policy: CompiledPolicy, data: dict[Any, Any]) -> None:
    choice = draw(st.integers(0, 4))
    if choice == 0:  # the whole field
        findings = _terms(policy, "findings") or ["x"]
        data["findings"] = draw(
            st.sampled_from(
                [
                    [],
                    None,
                    (),
                    "x",
                    "",
                    0,
                    False,
                    {},
                    {"finding": findings[0]},
                    findings[0],
                    (findings[0],),
                    [findings[0]] * 1001,
                ]
            )
        )
        return
    items = data.get("findings")
    items = list(items) if isinstance(items, list) else []
    if choice == 1 and items:
        items[draw(st.integers(0, len(items) - 1))] = _finding_item(draw, policy)
    else:
        items.append(_finding_item(draw, policy))
    data["findings"] = items


def _numbers(low: int) -> list[Any]:
    """Values for a number fact with the lowest value ``low``: edges, text, other types."""
    big = 10**15
    return [
        *(low - 1, low, low + 1, 0, -1, 2800, big, big + 1, -big, -big - 1, 10**16),
        *(float(low), 99.5, 2800.0, True, False, Decimal(low), Decimal(low - 1)),
        *(Decimal("99.50"), Decimal("-0.01"), Decimal("1E+3"), Decimal("NaN"), Decimal("sNaN")),
        *(str(low), str(low - 1), f"{low}.00", f"{low - 1}.99", "-0.01", "-0", "99.50"),
        *("2800", " 99.50", "99.50 ", "\u3000" + "12", "１２", "1e3", "1E+15", "1E+16"),
        *(str(big), f"{big}.01", str(big + 1), "0.12345678", "0.123456789", "12e-9"),
        *("+5", "5.", ".5", "1_000", "0x10", "12,800", "NaN", "Infinity", "-inf", ""),
        *("1" * 64, "1" * 65, "0." + "0" * 62 + "1", "1" * 70, "12\u200b"),
    ]


def _fact_value(draw: st.DrawFn, kind: str, minimum: int | None, received: str) -> Any:
    low = minimum if minimum is not None else 0
    if draw(st.integers(0, 4)) == 0:
        return draw(st.sampled_from(_WEIRD))
    if kind == "bool":
        return draw(st.sampled_from([True, False, 0, 1, "true", "True", None]))
    if kind in ("int", "decimal"):
        return draw(st.sampled_from(_numbers(low)))
    return _instant(draw, received)


def edit_fact(draw: st.DrawFn, policy: CompiledPolicy, data: dict[Any, Any]) -> None:
    facts = policy.policy.facts
    if not facts:
        data["findings"] = None
        return
    fact = draw(st.sampled_from(facts))
    data[fact.id] = _fact_value(draw, fact.type, fact.minimum, _a_received_at(data))


def edit_private(draw: st.DrawFn, policy: CompiledPolicy, data: dict[Any, Any]) -> None:
    key = draw(st.sampled_from(["id", "complainant", "text"]))
    data[key] = draw(st.sampled_from([*_WEIRD, "王小明", "x" * 1000, {"name": [1, {"a": None}]}]))


EDITS: tuple[Edit, ...] = (
    edit_unknown_key,
    edit_term,
    edit_term,
    edit_level,
    edit_received_at,
    edit_received_at,
    edit_drop,
    edit_findings,
    edit_findings,
    edit_fact,
    edit_fact,
    edit_fact,
    edit_private,
)


@st.composite
def mutated(draw: st.DrawFn, policy_id: str) -> dict[Any, Any]:
    """A valid complaint for the policy with one to three random edits."""
    policy = POLICIES[policy_id]
    data: dict[Any, Any] = dict(draw(VALID[policy_id]))
    for _ in range(draw(st.integers(1, 3))):
        draw(st.sampled_from(EDITS))(draw, policy, data)
    return data


# -- properties ------------------------------------------------------------------------


@pytest.mark.parametrize("policy_id", IDS)
@given(data=st.data())
def test_valid_complaints_agree(policy_id: str, data: st.DataObject) -> None:
    policy = POLICIES[policy_id]
    complaint = data.draw(VALID[policy_id])
    want = _parse(policy, complaint, ())  # the strategy draws only valid complaints
    fast = fast_parser(policy).parse(complaint)
    if fast is not None:
        event("fast path accepts")
        assert_same(fast, want)
    assert_same(parse_complaint(policy, complaint), want)


@pytest.mark.parametrize("policy_id", IDS)
@given(data=st.data())
def test_mutated_complaints_agree(policy_id: str, data: st.DataObject) -> None:
    complaint = data.draw(mutated(policy_id))
    carry = data.draw(st.sampled_from([(), (), ("id",), ("id", "complainant", "text")]))
    check_agrees(POLICIES[policy_id], complaint, carry)


NUMBER_FACTS = [
    (policy_id, fact.id)
    for policy_id, policy in POLICIES.items()
    for fact in policy.policy.facts
    if fact.type in ("int", "decimal")
]


@pytest.mark.parametrize(("policy_id", "fact_id"), NUMBER_FACTS)
@given(data=st.data())
def test_number_facts_agree(policy_id: str, fact_id: str, data: st.DataObject) -> None:
    """A valid complaint with one number fact at an edge: one edit, so that a bound the
    fast path misses is not hidden by another problem."""
    policy = POLICIES[policy_id]
    fact = next(f for f in policy.policy.facts if f.id == fact_id)
    low = fact.minimum if fact.minimum is not None else 0
    complaint = data.draw(VALID[policy_id])
    complaint[fact_id] = data.draw(
        st.one_of(
            st.sampled_from(_numbers(low)),
            st.integers(low - 3, low + 3),
            st.integers(-(10**15) - 3, -(10**15) + 3),
            st.integers(10**15 - 3, 10**15 + 3),
            st.decimals(-(10**16), 10**16, allow_nan=False, places=9).map(str),
            st.decimals(low - 1, low + 1, places=8).map(str),
        )
    )
    check_agrees(policy, complaint, ())


# -- exact cases -----------------------------------------------------------------------


def _examples(policy_id: str) -> list[dict[str, Any]]:
    path = ROOT / "examples" / "complaints" / f"{policy_id}.json"
    loaded: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


@pytest.mark.parametrize(
    ("policy_id", "accepted"),
    [
        ("bocom", [0, 1, 2]),
        ("hotel", [0, 1, 2]),
        ("keyouqianqi_credit_union", [0, 1, 2]),
        ("shihua_credit_coop", [0, 1, 2]),
        ("xx_bank", [0, 1, 2]),
    ],
)
def test_examples_take_the_fast_path(policy_id: str, accepted: list[int]) -> None:
    policy = POLICIES[policy_id]
    examples = _examples(policy_id)
    fast = [fast_parser(policy).parse(example) for example in examples]
    assert [n for n, found in enumerate(fast) if found is not None] == accepted
    for found, example in zip(fast, examples, strict=True):
        want = _parse(policy, example, ())
        if found is not None:
            assert_same(found, want)
        assert_same(parse_complaint(policy, example), want)


def test_first_keyouqianqi_example_exactly() -> None:
    policy = POLICIES["keyouqianqi_credit_union"]
    found = fast_parser(policy).parse(_examples("keyouqianqi_credit_union")[0])
    assert found == Complaint(
        received_at=datetime(2026, 9, 29, 15, 40, tzinfo=timezone(timedelta(hours=8))),
        channel="in_person",
        category="service_product",
        level=None,
        findings=(),
        facts={
            "repeat_complaint": False,
            "withdrawn": False,
            "economic_dispute_judicial": False,
            "media_provincial_or_central": False,
            "media_published": False,
            "major": False,
        },
    )


def test_decimal_text_becomes_a_decimal() -> None:
    policy = POLICIES["hotel"]
    example = _examples("hotel")[2]
    assert example["compensation_yuan"] == "2800"
    want = _parse(policy, example, ())
    amount = want.facts["compensation_yuan"]
    assert type(amount) is Decimal and repr(amount) == "Decimal('2800')"
    found = fast_parser(policy).parse(example)
    assert found is not None
    assert_same(found, want)


def test_whole_number_types() -> None:
    hotel = POLICIES["hotel"]
    data = {**_examples("hotel")[2], "compensation_yuan": 2800}
    found = fast_parser(hotel).parse(data)
    assert found is not None
    amount = found.facts["compensation_yuan"]
    assert type(amount) is Decimal and repr(amount) == "Decimal('2800')"
    assert_same(found, _parse(hotel, data, ()))
    bocom = POLICIES["bocom"]
    data = {**_examples("bocom")[0], "severity": 3, "in_person_count": 1}
    found = fast_parser(bocom).parse(data)
    assert found is not None
    assert type(found.facts["severity"]) is int and found.facts["severity"] == 3
    assert_same(found, _parse(bocom, data, ()))


KY = "keyouqianqi_credit_union"
KY_BASE = {"received_at": "2026-09-30T16:20:00+08:00", "channel": "上門投訴", "category": "匿名"}


def _ky(**changes: Any) -> dict[str, Any]:
    return {**KY_BASE, **changes}


def test_plain_complaint_is_fast() -> None:
    policy = POLICIES[KY]
    found = fast_parser(policy).parse(_ky())
    assert found is not None and (found.channel, found.category) == ("in_person", "anonymous")
    assert_same(found, _parse(policy, _ky(), ()))


def test_utc_z_is_fast() -> None:
    policy = POLICIES[KY]
    data = _ky(received_at="2026-09-30T08:20:00Z")
    found = fast_parser(policy).parse(data)
    assert found is not None
    assert found.received_at == datetime(2026, 9, 30, 8, 20, tzinfo=UTC)
    assert_same(found, _parse(policy, data, ()))


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        (
            {"received_at": "2026-09-30T16:20:00"},
            Problem(
                "received_at has no UTC offset; give one, e.g. 2026-09-30T16:20:00+08:00",
                ("received_at",),
            ),
        ),
        (
            {"chanel": "x"},
            Problem(
                "unknown field; allowed: received_at, channel, category, level, findings, "
                "good_faith, repeat_complaint, withdrawn, economic_dispute_judicial, "
                "media_provincial_or_central, media_published, major, id, complainant, text; "
                "did you mean 'channel'?",
                ("chanel",),
            ),
        ),
        (
            {"level": "一般投訴"},
            Problem(
                "not accepted: this policy derives the level from its classification table",
                ("level",),
            ),
        ),
        (
            {"received_at": "2036-12-31T16:00:00+00:00"},
            Problem(
                "year 2037 is outside the years this policy's calendar can count (2003-2036: "
                "its known holiday schedules, 1 year before and 10 after)",
                ("received_at",),
            ),
        ),
        (
            {"findings": [{"finding": "our_fault", "count": 0}]},
            Problem("count is a whole number from 1 to 1000000", ("findings", 0, "count")),
        ),
    ],
)
def test_refused_by_both(changes: dict[str, Any], problem: Problem) -> None:
    policy = POLICIES[KY]
    data = _ky(**changes)
    assert fast_parser(policy).parse(data) is None
    with pytest.raises(ComplaintError) as raised:
        parse_complaint(policy, data)
    assert [replace(p, code=None, args=()) for p in raised.value.problems] == [problem]
    assert all(p.code and p.code.startswith("complaint.") for p in raised.value.problems)


def test_invisible_character_refused_by_both() -> None:
    policy = POLICIES[KY]
    data = _ky(channel="上門\u200b投訴")
    assert fast_parser(policy).parse(data) is None
    with pytest.raises(ComplaintError) as raised:
        parse_complaint(policy, data)
    message = (
        "contains an invisible or control character (U+200B Zero Width Space); remove it; "
        "allowed: phone (電話投訴), comment_book (意見簿(箱)投訴), in_person (上門投訴), "
        "letter (信件投訴), media (媒體投訴), forwarded_by_superior (上級社轉來的投訴), "
        "forwarded_by_government (政府部門轉來的投訴)"
    )
    assert [replace(p, args=()) for p in raised.value.problems] == [
        Problem(message, ("channel",), code="complaint.invisible_character")
    ]


@pytest.mark.parametrize(
    ("changes", "field", "value"),
    [
        ({"channel": "上門投訴 "}, "channel", "in_person"),
        ({"channel": "\u3000上門投訴"}, "channel", "in_person"),
        ({"channel": "FORWARDED_BY_GOVERNMENT"}, "channel", "forwarded_by_government"),
        ({"category": "ａｎｏｎｙｍｏｕｓ"}, "category", "anonymous"),
        ({"received_at": " 2026-09-30T16:20:00+08:00"}, "received_at", "2026-09-30T16:20:00+08:00"),
        # Local year 2003 in Shanghai: inside the calendar's range, outside the fast margin.
        ({"received_at": "2002-12-31T23:00:00-12:00"}, "received_at", "2002-12-31T23:00:00-12:00"),
        ({"findings": ("our_fault",)}, "findings", "our_fault"),
        ({"findings": [{"finding": "our_fault", "roles": ()}]}, "findings", "our_fault"),
    ],
)
def test_folded_by_the_full_check_only(changes: dict[str, Any], field: str, value: str) -> None:
    policy = POLICIES[KY]
    data = _ky(**changes)
    assert fast_parser(policy).parse(data) is None
    got = parse_complaint(policy, data)
    assert_same(got, _parse(policy, data, ()))
    if field == "received_at":
        assert got.received_at.isoformat() == value
    elif field == "findings":
        assert [f.finding for f in got.findings] == [value]
    else:
        assert getattr(got, field) == value


def _agree_once(policy: CompiledPolicy, data: dict[str, Any]) -> tuple[bool, bool]:
    """Whether the fast path and the full check accept ``data``, once checked to agree."""
    want = outcome(lambda: _parse(policy, data, ()))
    fast = fast_parser(policy).parse(data)
    if fast is not None:
        assert isinstance(want, Complaint), data
        assert_same(fast, want)
    assert_same_outcome(outcome(lambda: parse_complaint(policy, data)), want)
    return fast is not None, isinstance(want, Complaint)


@pytest.mark.parametrize(("policy_id", "key"), [(KY, "received_at"), ("hotel", "notified_at")])
def test_every_edge_instant_agrees(policy_id: str, key: str) -> None:
    """Every year at the edges of the calendar's range, at the first and last instants of
    the year, with the widest offsets: the fast path's one-year margin is never too wide."""
    policy = POLICIES[policy_id]
    base = _examples(policy_id)[0]
    seen: set[tuple[bool, bool]] = set()
    for year in _YEARS:
        for month_day in ("01-01", "12-31", "06-15"):
            for clock in ("00:00:00", "23:59:59", "23:59:59.999999", "08:00:00", "15:59:59"):
                for offset in _OFFSETS:
                    data = {**base, key: f"{year:04d}-{month_day}T{clock}{offset}"}
                    seen.add(_agree_once(policy, data))
    # Accepted by both, by the full check only, and refused by both.
    assert seen == {(True, True), (False, True), (False, False)}


# -- the generated parser, on every kind of fact -------------------------------------------

_EVERY_KIND = """\
  - {id: n_plain, type: int, label: 次數}
  - {id: n_floor, type: int, label: 人數, minimum: -5, default: 3}
  - {id: amount_floor, type: decimal, label: 金額, minimum: 10}
  - {id: flag_on, type: bool, label: 開, default: true}
"""


def _every_kind(level_input: str) -> CompiledPolicy:
    """MINI with facts of every type, with and without a minimum and a default."""
    text = MINI.replace("facts:\n", "facts:\n" + _EVERY_KIND, 1)
    text = text.replace("source: tests\n", f"source: tests\nlevel_input: {level_input}\n", 1)
    return load_policy_text(text, file=f"every_kind_{level_input}.yaml")


EVERY_KIND = {how: _every_kind(how) for how in ("optional", "required")}


def _mostly(valid: st.SearchStrategy[Any], *other: Any) -> st.SearchStrategy[Any]:
    """``valid`` seven times in eight, else one of ``other``."""
    return st.integers(0, 7).flatmap(lambda k: valid if k else st.sampled_from(other))


def _number(low: int, *, decimal: bool) -> st.SearchStrategy[Any]:
    plain: st.SearchStrategy[Any] = st.integers(low, low + 10**6)
    if decimal:
        plain = plain | st.decimals(low, low + 10**6, places=2).map(str)
    return _mostly(plain, *_numbers(low))


@st.composite
def every_kind_complaint(draw: st.DrawFn) -> dict[Any, Any]:
    data: dict[Any, Any] = {
        "received_at": draw(_mostly(st.just("2026-10-09T17:00:00+08:00"), "2026-10-09", 5)),
        "channel": draw(_mostly(st.sampled_from(["counter", "櫃面投訴", "柜面投诉"]), "x", 1)),
        "category": draw(_mostly(st.sampled_from(["service", "服務產品", "服务态度"]), "服務")),
    }
    if draw(st.integers(0, 3)):
        data["level"] = draw(_mostly(st.sampled_from(["minor", "重大投訴"]), "major ", None, 1))
    for fact_id, values in (
        ("n_plain", _number(0, decimal=False)),
        ("n_floor", _number(-5, decimal=False)),
        ("amount_floor", _number(10, decimal=True)),
        ("flag_on", _mostly(st.booleans(), None, 1, "true")),
        ("serious", _mostly(st.booleans(), None, 0)),
        ("departs_at", _mostly(st.just("2026-10-10T12:00:00+08:00"), "2026-10-10", None)),
        ("compensation_yuan", _number(0, decimal=True)),
    ):
        if draw(st.booleans()):
            data[fact_id] = draw(values)
    return data


@pytest.mark.parametrize("level_input", sorted(EVERY_KIND))
@given(data=every_kind_complaint())
def test_every_kind_of_fact_agrees(level_input: str, data: dict[Any, Any]) -> None:
    check_agrees(EVERY_KIND[level_input], data, ())


def test_the_generated_parser_fills_defaults_and_keeps_the_declared_order() -> None:
    policy = EVERY_KIND["optional"]
    data: dict[str, Any] = {"received_at": "2026-10-09T17:00:00+08:00", "channel": "counter"}
    data |= {"category": "service", "amount_floor": "10.50", "n_plain": 2}
    fast = fast_parser(policy).parse(data)
    assert fast is not None
    assert list(fast.facts.items()) == [
        ("n_plain", 2),
        ("n_floor", 3),
        ("amount_floor", Decimal("10.50")),
        ("flag_on", True),
    ]
    assert_same(fast, _parse(policy, data, ()))
    # Below a minimum, the fast path steps aside and the full check words the problem.
    assert fast_parser(policy).parse({**data, "amount_floor": "9.99"}) is None
    assert fast_parser(policy).parse({**data, "n_floor": -6}) is None
    assert fast_parser(policy).parse({**data, "n_floor": -5}) is not None
