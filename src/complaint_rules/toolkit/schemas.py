"""The JSON Schemas (draft 2020-12) of what the library answers: the decision, a case's
status, an explanation and the problem document, each naming its contract version.

The decision, status and explanation schemas are generated from their pydantic models
(serialisation mode), so a field added to a model appears here without an edit. The
complaint a policy takes is :func:`complaint_rules.policy.json_schema.complaint_schema`.
A host in another language generates its types from these (``complaint-rules schema``).
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from ..contract import DECISION, PROBLEM, STATUS
from ..decision.model import Decision
from ..explanation.explain import Explanation
from ..lifecycle.status import CaseStatus
from ..policy.json_schema import DIALECT

__all__ = [
    "EXPLANATION",
    "KINDS",
    "component_schemas",
    "contract_schema",
    "problem_schema",
    "schema_json",
]

EXPLANATION = "complaint-rules/explanation/1"
"""The explanation's contract version (an explanation is words for people; kept apart)."""

_MODELS: dict[str, tuple[type[BaseModel], str]] = {
    "decision": (Decision, DECISION),
    "status": (CaseStatus, STATUS),
    "explanation": (Explanation, EXPLANATION),
}
KINDS = ("decision", "status", "explanation", "problem")
"""The documents ``complaint-rules schema --kind`` prints (besides ``policy`` and ``complaint``)."""


def _urn(contract: str) -> str:
    return "urn:" + contract.replace("/", ":")


def problem_schema(ref_prefix: str = "#/$defs/") -> dict[str, Any]:
    """An RFC 9457 problem document, as the library and the service write it."""
    del ref_prefix
    nullable_string = {"type": ["string", "null"]}
    return {
        "title": "Problem",
        "description": "RFC 9457 problem details (application/problem+json); each problem "
        "located by file, line, column or field path, with a stable code.",
        "type": "object",
        "properties": {
            "schema": {"type": "string"},
            "type": {"type": "string"},
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
            "instance": {"type": "string"},
            "problems": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "code": {"type": "string"},
                        "message": {"type": "string"},
                        "file": nullable_string,
                        "line": {"type": ["integer", "null"]},
                        "column": {"type": ["integer", "null"]},
                        "path": {"type": "array", "items": {"type": ["string", "integer"]}},
                    },
                    "required": ["code", "message", "path"],
                },
            },
        },
        "required": ["type", "title", "status", "problems"],
    }


def contract_schema(kind: str) -> dict[str, Any]:
    """The standalone JSON Schema of ``kind`` (one of :data:`KINDS`)."""
    if kind == "problem":
        body, contract = problem_schema(), PROBLEM
    elif kind in _MODELS:
        model, contract = _MODELS[kind]
        body = model.model_json_schema(mode="serialization")
    else:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    return {"$schema": DIALECT, "$id": _urn(contract), "x-contract": contract, **body}


def component_schemas(ref_template: str = "#/components/schemas/{model}") -> dict[str, Any]:
    """Every model's schema and its parts, keyed by name, for an OpenAPI document."""
    models = [(model, "serialization") for model, _ in _MODELS.values()]
    top, defs = models_json_schema(models, ref_template=ref_template)  # type: ignore[arg-type]
    out: dict[str, Any] = dict(defs.get("$defs", {}))
    for (model, contract), key in zip(_MODELS.values(), top, strict=True):
        name = model.__name__
        out[name] = {**out.get(name, top[key]), "x-contract": contract}
    out["Problem"] = {**problem_schema(), "x-contract": PROBLEM}
    return dict(sorted(out.items()))


def schema_json(schema: dict[str, Any]) -> str:
    """A schema as the files and ``complaint-rules schema`` write it."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
