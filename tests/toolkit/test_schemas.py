"""The contract schemas: in docs/schemas as generated, each naming its contract, and the
documents the tool writes valid against them."""

from __future__ import annotations

import json

import jsonschema  # type: ignore[import-untyped,unused-ignore]
import pytest

from complaint_rules import Catalog, decide
from complaint_rules.contract import DECISION, PROBLEM, STATUS
from complaint_rules.errors import ComplaintError, Problem, problem_document
from complaint_rules.lifecycle.case import status
from complaint_rules.toolkit.schemas import CONTRACTS, contract_schema, contract_schema_text
from tests.support import ROOT

LETTER = {"received_at": "2026-09-30T10:00:00+08:00", "channel": "letter", "category": "work_error"}


@pytest.mark.parametrize("which", CONTRACTS)
def test_docs_hold_each_schema_as_generated(which: str) -> None:
    path = ROOT / "docs" / "schemas" / f"{which}.schema.json"
    assert path.read_text(encoding="utf-8") == contract_schema_text(which)
    schema = contract_schema(which)
    assert schema["$id"] == {"decision": DECISION, "status": STATUS, "problem": PROBLEM}[which]
    jsonschema.Draft202012Validator.check_schema(schema)


def test_a_decision_a_status_and_a_problem_document_follow_their_schemas() -> None:
    policy = Catalog().load("keyouqianqi_credit_union")
    decision = json.loads(decide(policy, LETTER).model_dump_json())
    assert next(iter(decision)) == "schema"
    jsonschema.validate(decision, contract_schema("decision"))
    events = [{"event": "received", "at": LETTER["received_at"], "complaint": LETTER}]
    case = json.loads(status(policy, events, "2026-10-09T09:00:00+08:00").model_dump_json())
    assert case["schema"] == STATUS
    jsonschema.validate(case, contract_schema("status"))
    error = ComplaintError([Problem("x", path=(0, "channel"), file="c.json", code="json.syntax")])
    document = problem_document(error)
    jsonschema.validate(document, contract_schema("problem"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(
            {**decision, "schema": "complaint-rules/decision/2"}, contract_schema("decision")
        )


def test_unknown_schema_name() -> None:
    with pytest.raises(ValueError, match=r"^which is one of decision, status, problem, not 'x'$"):
        contract_schema("x")
