"""The OpenAPI document: committed at docs/openapi.json, every operation of the issue."""

from __future__ import annotations

import json

import jsonschema  # type: ignore[import-untyped,unused-ignore]

from complaint_rules.service.openapi import openapi_document
from tests.support import ROOT

COMMITTED = ROOT / "docs" / "openapi.json"


def test_docs_openapi_json_is_up_to_date() -> None:
    built = json.dumps(openapi_document(), ensure_ascii=False, indent=2) + "\n"
    assert COMMITTED.read_text(encoding="utf-8") == built, (
        "docs/openapi.json is out of date; regenerate it with: "
        ".venv/bin/complaint-rules schema --kind openapi -o docs/openapi.json"
    )


def test_every_operation_is_there_with_its_operation_id() -> None:
    document = openapi_document()
    assert document["openapi"].startswith("3.1")
    ids = {op["operationId"] for path in document["paths"].values() for op in path.values()}
    assert {
        "listPolicies",
        "getPolicy",
        "decide",
        "decideBatch",
        "explain",
        "caseStatus",
        "validatePolicy",
        "reloadPolicies",
    } <= ids
    decide = document["paths"]["/v1/policies/{policy}/decide"]["post"]
    assert decide["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Decision"
    }
    assert set(decide["responses"]) >= {"200", "400", "404", "413", "422"}


def test_every_schema_in_it_is_a_valid_json_schema() -> None:
    for name, schema in openapi_document()["components"]["schemas"].items():
        jsonschema.Draft202012Validator.check_schema(schema)
        assert name
