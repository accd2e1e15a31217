"""The JSON Schemas of what this library writes for machines, each naming its contract.

A decision (``decide``), a case's status (``status``) and a problem document (every
command's ``--format json`` failure, and the service's): each JSON document carries its
contract version as ``"schema"`` (:mod:`complaint_rules.contract`), and its schema's
``$id`` is that version, so a reader can tell which schema a document follows.
"""

from __future__ import annotations

import json
from typing import Any

from ..contract import DECISION, PROBLEM, STATUS
from ..decision.model import Decision
from ..lifecycle.status import CaseStatus

__all__ = ["CONTRACTS", "contract_schema", "contract_schema_text"]

CONTRACTS = ("decision", "status", "problem")
"""The documents that have a contract schema, by the name ``schema --of`` takes."""


def _problem_schema() -> dict[str, Any]:
    place = {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "null"}]}
    return {
        "type": "object",
        "title": "Problem document (RFC 9457)",
        "required": ["schema", "type", "title", "status", "detail", "problems"],
        "additionalProperties": False,
        "properties": {
            "schema": {"const": PROBLEM},
            "type": {"type": "string", "description": "urn:complaint-rules:problem:<kind>"},
            "title": {"type": "string"},
            "status": {"type": "integer", "description": "the HTTP status it would have"},
            "detail": {"type": "string"},
            "problems": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["code", "message", "file", "line", "column", "path"],
                    "additionalProperties": False,
                    "properties": {
                        "code": {
                            "type": "string",
                            "pattern": r"^[a-z_]+(\.[a-z_0-9]+)+$",
                            "description": "stable dotted code of the kind of problem",
                        },
                        "message": {"type": "string"},
                        "file": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                        "line": place,
                        "column": place,
                        "path": {
                            "type": "array",
                            "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
                            "description": "field path; an integer is an item's index",
                        },
                    },
                },
            },
        },
    }


def contract_schema(which: str) -> dict[str, Any]:
    """The JSON Schema of ``which`` (one of :data:`CONTRACTS`), ``$id`` its contract."""
    if which == "decision":
        body = Decision.model_json_schema(mode="serialization")
        contract = DECISION
    elif which == "status":
        body = CaseStatus.model_json_schema(mode="serialization")
        contract = STATUS
    elif which == "problem":
        body = _problem_schema()
        contract = PROBLEM
    else:
        raise ValueError(f"which is one of {', '.join(CONTRACTS)}, not {which!r}")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": contract, **body}


def contract_schema_text(which: str) -> str:
    """:func:`contract_schema` as indented JSON text, as in ``docs/schemas/``."""
    return json.dumps(contract_schema(which), ensure_ascii=False, indent=2) + "\n"
