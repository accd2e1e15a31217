"""The decision as data: frozen models, their JSON, and a one-line repr."""

from __future__ import annotations

import json

import pytest
from pydantic import BaseModel, ValidationError

from complaint_rules import CompiledPolicy, decide
from complaint_rules.decision.model import DecidedSanction, Decision, Named, assemble
from complaint_rules.policy.compiled import Source
from tests.support.decisions import DECISION, a_decision


def test_a_decision_shows_its_policy_and_receipt(keyouqianqi: CompiledPolicy) -> None:
    decision = decide(
        keyouqianqi,
        {"received_at": "2026-09-30T10:00:00+08:00", "channel": "letter", "category": "work_error"},
    )
    assert repr(decision) == (
        f"<Decision keyouqianqi_credit_union version {keyouqianqi.version} "
        f"sha256:{keyouqianqi.sha256[:12]} received_at 2026-09-30T10:00:00+08:00>"
    )
    assert "\n" not in repr(decision) and len(repr(decision)) < 150
    # The data is all still there.
    assert decision.model_dump()["deadlines"]


def test_a_decision_reads_back_from_its_own_json_with_money_as_text() -> None:
    decision = a_decision()
    text = decision.model_dump_json()
    assert Decision.model_validate_json(text) == decision
    data = json.loads(text)
    penalty = data["penalties"][1]
    assert (penalty["min_yuan"], penalty["max_yuan"]) == ("200.50", "2000")
    assert data["approvals"][1]["amount_yuan"] == "5000.00"
    assert data["received_at"] == "2026-09-30T10:00:00+08:00"
    assert data["carried"] == {}
    assert list(data) == ["schema", *list(Decision.model_fields)[1:]]
    assert data["schema"] == "complaint-rules/decision/1"


def test_the_models_are_frozen_and_refuse_unknown_fields() -> None:
    decision = a_decision()
    with pytest.raises(ValidationError, match="Instance is frozen"):
        decision.received_at = decision.decided_at  # type: ignore[misc]
    with pytest.raises(ValidationError) as info:
        Decision.model_validate({**DECISION, "complainant": "王小明"})
    assert [(e["type"], e["loc"]) for e in info.value.errors()] == [
        ("extra_forbidden", ("complainant",))
    ]
    with pytest.raises(ValidationError) as info:
        DecidedSanction.model_validate(
            {"id": "s", "label": "警告", "status": "maybe", "condition": None}
        )
    assert [(e["type"], e["loc"]) for e in info.value.errors()] == [("literal_error", ("status",))]


def test_assemble_makes_what_pydantic_would_validate() -> None:
    validated = a_decision()
    parts = {name: getattr(validated, name) for name in Decision.model_fields}
    made = assemble(Decision, parts)
    assert made == validated
    assert made.model_dump_json() == validated.model_dump_json()
    assert made.model_fields_set == set(Decision.model_fields)
    assert repr(made) == repr(validated)
    named = assemble(Named, {"id": "desk", "label": "櫃面"})
    assert named == Named(id="desk", label="櫃面")
    assert named.model_dump_json() == '{"id":"desk","label":"櫃面"}'


def test_assemble_knows_every_model_of_a_decision() -> None:
    from complaint_rules.decision import model

    defined = {
        cls
        for cls in vars(model).values()
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls.__module__ == model.__name__
    }
    defined.discard(model._Out)
    assert set(model._FIELD_NAMES) == defined | {Source}
    assert all(model._FIELD_NAMES[cls] == frozenset(cls.model_fields) for cls in model._FIELD_NAMES)
