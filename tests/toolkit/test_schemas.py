"""The published JSON Schemas: every golden decision, example complaint and status fits,
and each schema names its contract version."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped,unused-ignore]
import pytest

from complaint_rules import Catalog, ComplaintError, status
from complaint_rules.contract import COMPLAINT, DECISION, PROBLEM, STATUS
from complaint_rules.policy.json_schema import complaint_schema
from complaint_rules.toolkit.schemas import KINDS, component_schemas, contract_schema
from tests.support import ROOT

GOLDEN = sorted((ROOT / "tests" / "policies" / "golden").glob("*.json"))


def _validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@pytest.mark.parametrize("kind", KINDS)
def test_each_schema_is_valid_and_names_its_contract(kind: str) -> None:
    schema = contract_schema(kind)
    _validator(schema)
    expected = {"decision": DECISION, "status": STATUS, "problem": PROBLEM}
    if kind in expected:
        assert schema["x-contract"] == expected[kind]
        assert schema["$id"] == "urn:" + expected[kind].replace("/", ":")


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_every_golden_decision_validates_against_the_decision_schema(path: Path) -> None:
    validator = _validator(contract_schema("decision"))
    decisions = json.loads(path.read_text(encoding="utf-8"))
    assert decisions
    for decision in decisions:
        errors = list(validator.iter_errors(decision))
        assert not errors, [e.message for e in errors[:3]]


def test_the_decision_schema_refuses_a_broken_decision() -> None:
    validator = _validator(contract_schema("decision"))
    decision = json.loads(GOLDEN[0].read_text(encoding="utf-8"))[0]
    assert not list(validator.iter_errors(decision))
    del decision["deadlines"]
    assert list(validator.iter_errors(decision))
    assert list(validator.iter_errors({**decision, "deadlines": [], "surprise": 1}))


def test_a_case_status_validates_against_the_status_schema(catalog: Catalog) -> None:
    events = json.loads(
        (ROOT / "examples/cases/keyouqianqi_credit_union.json").read_text(encoding="utf-8")
    )
    result = status(catalog.load("keyouqianqi_credit_union"), events, "2026-10-10T09:00:00+08:00")
    data = json.loads(result.model_dump_json())
    assert not list(_validator(contract_schema("status")).iter_errors(data))


@pytest.mark.parametrize(
    "policy_id", ["keyouqianqi_credit_union", "hotel", "bocom", "xx_bank", "shihua_credit_coop"]
)
def test_the_example_complaints_fit_their_policys_complaint_schema(
    catalog: Catalog, policy_id: str
) -> None:
    policy = catalog.load(policy_id)
    schema = complaint_schema(policy, COMPLAINT)
    assert schema["x-contract"] == COMPLAINT
    assert schema["x-policy"]["sha256"] == policy.sha256
    validator = _validator(schema)
    complaints = json.loads(
        (ROOT / "examples" / "complaints" / f"{policy_id}.json").read_text(encoding="utf-8")
    )
    for complaint in complaints if isinstance(complaints, list) else [complaints]:
        assert not [e.message for e in validator.iter_errors(complaint)]


def test_the_complaint_schema_lists_ids_labels_and_simplified_forms(catalog: Catalog) -> None:
    schema = complaint_schema(catalog.load("keyouqianqi_credit_union"))
    channels = schema["properties"]["channel"]["enum"]
    assert {"letter", "信件投訴", "信件投诉"} <= set(channels)
    validator = _validator(schema)
    assert list(
        validator.iter_errors(
            {
                "received_at": "2026-09-30T10:00:00+08:00",
                "channel": "pigeon",
                "category": "工作失誤",
            }
        )
    )
    assert list(validator.iter_errors({"channel": "letter", "category": "工作失誤"}))
    # What the schema refuses, the library refuses too (the unknown channel).
    from complaint_rules import decide

    with pytest.raises(ComplaintError):
        decide(
            catalog.load("keyouqianqi_credit_union"),
            {
                "received_at": "2026-09-30T10:00:00+08:00",
                "channel": "pigeon",
                "category": "工作失誤",
            },
        )


def test_the_components_for_openapi_refer_only_to_each_other() -> None:
    components = component_schemas()
    text = json.dumps(components)
    for ref in {part.split('"')[0] for part in text.split('"#/components/schemas/')[1:]}:
        assert ref in components, ref
    assert components["Decision"]["x-contract"] == DECISION


@pytest.mark.parametrize("kind", ["decision", "status", "problem"])
def test_docs_schemas_hold_each_contract_schema_as_generated(kind: str) -> None:
    from complaint_rules.toolkit.schemas import schema_json

    path = ROOT / "docs" / "schemas" / f"{kind}.schema.json"
    assert path.read_text(encoding="utf-8") == schema_json(contract_schema(kind)), (
        f"regenerate: complaint-rules schema --kind {kind} -o docs/schemas/{kind}.schema.json"
    )
