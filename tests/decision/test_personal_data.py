"""No personal data in decisions, explanations, error messages or logs, unless carried on request.

On every bundled policy: a complaint whose reference, complainant (name, phone, id number,
e-mail) and free text are distinctive strings, and the same strings put in unknown fields
and in every field as invalid values. None of them may appear in a decision's JSON, an
explanation, the text rendering, an error (``str`` and every ``Problem`` field), the
command line's output, or a log record at DEBUG. ``carry=`` copies exactly the fields
named, verbatim.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from complaint_rules import Catalog, CompiledPolicy, ComplaintError
from complaint_rules.cli import main
from complaint_rules.decision.render import render_text
from complaint_rules.explanation.explain import explain
from tests.support import ROOT
from tests.support.deciders import decide

CATALOG = Catalog()
IDS = CATALOG.ids()

COMPLAINT_ID = "CASE-2026-SECRET-0042"
NAME = "歐陽娜娜 Ouyang Nana"
PHONE = "+86 138-0013-8000"
ID_NUMBER = "11010119900307888X"
EMAIL = "nana.ouyang@example.cn"
TEXT = "我的卡在西單支行被吞了 my card was swallowed at the Xidan branch"
PII = (COMPLAINT_ID, NAME, PHONE, ID_NUMBER, EMAIL, TEXT)
# Pieces a careless message could keep: the name's parts, the phone's digits.
MARKERS = (*PII, "歐陽娜娜", "Ouyang", "138-0013", "13800138000", "Xidan", "西單支行")

PERSONAL = {
    "id": COMPLAINT_ID,
    "complainant": {"name": NAME, "phone": PHONE, "id_number": ID_NUMBER, "email": EMAIL},
    "text": TEXT,
}


def leaks(text: str) -> list[str]:
    """The markers found in ``text``."""
    return [m for m in MARKERS if m in text or m.lower() in text.lower()]


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


def valid_complaint(policy_id: str) -> dict[str, Any]:
    path = ROOT / "examples" / "complaints" / f"{policy_id}.json"
    if not path.is_file():  # the abstract baseline has no examples: it cannot decide
        return {"received_at": "2026-09-30T10:00:00+08:00", "channel": "x", "category": "x"}
    first: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))[0]
    return first


def hostile_complaints(policy: CompiledPolicy) -> Iterator[dict[str, Any]]:
    """The personal strings in unknown fields and, as invalid values, in every field."""
    valid = valid_complaint(policy.id)
    yield {**valid, **PERSONAL, "name": NAME, "phone": PHONE, "remarks": TEXT, "e-mail": EMAIL}
    fields = ["received_at", "channel", "category", "level"]
    fields += [fact.id for fact in policy.policy.facts]
    for i, field in enumerate(fields):
        value = PII[i % len(PII)]
        yield {**valid, **PERSONAL, field: value}
        yield {**valid, **PERSONAL, field: {"name": NAME, "phone": [PHONE, ID_NUMBER]}}
    yield {
        **valid,
        **PERSONAL,
        "findings": [NAME, {"finding": TEXT, "roles": [PHONE, EMAIL], "count": ID_NUMBER}],
    }
    yield {**valid, **PERSONAL, "findings": [{"finding": NAME, EMAIL: PHONE}]}


def check_error(error: ComplaintError) -> None:
    assert not leaks(str(error)), str(error)
    for problem in error.problems:
        shown = [problem.message, problem.field, str(problem), *map(str, problem.path)]
        shown.append(str(problem.file))
        assert not leaks(" ".join(shown)), problem


@pytest.fixture(autouse=True)
def debug_logs(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Every test here also checks every log record, at DEBUG, for the markers."""
    caplog.set_level(logging.DEBUG)
    yield
    for record in caplog.records:
        text = f"{record.getMessage()} {record.args!r} {record.exc_text or ''}"
        assert not leaks(text), record


@pytest.mark.usefixtures("decider")
@pytest.mark.parametrize("policy_id", IDS)
def test_a_decision_and_its_explanation_hold_no_personal_data(policy_id: str) -> None:
    policy = CATALOG.load(policy_id)
    complaint = {**valid_complaint(policy_id), **PERSONAL}
    if policy.policy.abstract:
        with pytest.raises(ComplaintError) as info:
            decide(policy, complaint)
        check_error(info.value)
        return
    decision = decide(policy, complaint, estimate=True)
    assert decision.carried == {}
    assert not leaks(decision.model_dump_json())
    assert not leaks(render_text(decision))
    for lang in ("zh-Hant", "en"):
        explanation = explain(policy, complaint, estimate=True, lang=lang)
        assert not leaks(explanation.model_dump_json())


@pytest.mark.usefixtures("decider")
@pytest.mark.parametrize("policy_id", IDS)
def test_errors_never_repeat_personal_data_from_any_field(policy_id: str) -> None:
    policy = CATALOG.load(policy_id)
    checked = 0
    for complaint in hostile_complaints(policy):
        with pytest.raises(ComplaintError) as info:
            decide(policy, complaint, estimate=True)
        check_error(info.value)
        checked += 1
    assert checked >= 10


@pytest.mark.usefixtures("decider")
@pytest.mark.parametrize("policy_id", [i for i in IDS if not CATALOG.load(i).policy.abstract])
def test_carry_copies_exactly_the_fields_named(policy_id: str) -> None:
    policy = CATALOG.load(policy_id)
    complaint = {**valid_complaint(policy_id), **PERSONAL}
    decision = decide(policy, complaint, carry=("id",), estimate=True)
    assert decision.carried == {"id": COMPLAINT_ID}
    assert leaks(decision.model_dump_json()) == [COMPLAINT_ID]
    everything = decide(policy, complaint, carry=("id", "complainant", "text"), estimate=True)
    assert everything.carried == PERSONAL
    assert json.loads(everything.model_dump_json())["carried"] == PERSONAL
    # A field the complaint does not have is not invented.
    without = {k: v for k, v in complaint.items() if k != "text"}
    assert decide(policy, without, carry=("text",), estimate=True).carried == {}


@pytest.mark.usefixtures("decider")
def test_carry_names_only_personal_fields() -> None:
    policy = CATALOG.load("keyouqianqi_credit_union")
    complaint = {**valid_complaint(policy.id), **PERSONAL}
    message = "cannot carry 'channel'; carry names fields of ('id', 'complainant', 'text')"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        decide(policy, complaint, carry=("channel",))
    with pytest.raises(TypeError, match=r"^carry is a list of field names, e.g. \('id',\)"):
        decide(policy, complaint, carry="id")


@pytest.mark.usefixtures("decider")
def test_a_field_that_cannot_be_carried_is_refused_without_its_value() -> None:
    policy = CATALOG.load("keyouqianqi_credit_union")
    complaint = {**valid_complaint(policy.id), "text": TEXT * 5_000}
    with pytest.raises(ComplaintError) as info:
        decide(policy, complaint, carry=("text",))
    check_error(info.value)
    assert [str(p) for p in info.value.problems] == [
        "<input>: text: cannot be carried: not JSON data (text, numbers, true/false, null, "
        "lists and objects with text keys, at most 100000 characters, 32 levels deep)"
    ]


def test_the_command_line_prints_no_personal_data(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    policy = CATALOG.load("keyouqianqi_credit_union")
    complaints = [
        {**valid_complaint(policy.id), **PERSONAL},
        *list(hostile_complaints(policy))[:6],
    ]
    path = tmp_path / "complaints.json"
    path.write_text(json.dumps(complaints, ensure_ascii=False), encoding="utf-8")
    for command in ("decide", "explain"):
        for fmt in ("json", "text"):
            code = main([command, policy.id, str(path), "--format", fmt])
            out, err = capsys.readouterr()
            assert code == 1
            assert (err if fmt == "text" else out) and not leaks(out + err)
    path.write_text(json.dumps(complaints[:1], ensure_ascii=False), encoding="utf-8")
    assert main(["decide", policy.id, str(path)]) == 0
    out, err = capsys.readouterr()
    assert out and not leaks(out + err)


def test_the_markers_would_be_found() -> None:
    # The check itself can fail: each marker is seen, in any case.
    for marker in MARKERS:
        assert leaks(f"…{marker.upper()}…")
    assert list(strings(PERSONAL)) and not leaks("received_at channel category")
