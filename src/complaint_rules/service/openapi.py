"""The service's OpenAPI 3.1 document, built from the same schemas the library publishes.

Committed at ``docs/openapi.json`` (a test fails if it drifts): regenerate with
``complaint-rules schema --kind openapi -o docs/openapi.json``.
"""

from __future__ import annotations

from typing import Any

from ..contract import COMPLAINT, DECISION, PROBLEM, STATUS
from ..toolkit.schemas import component_schemas

__all__ = ["openapi_document"]

_PROBLEM = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
_WHY = {
    "400": "the body is not JSON (located)",
    "401": "missing or wrong bearer token (server started with --token-file)",
    "404": "no such policy, version or sha256",
    "413": "the body or the batch is larger than the server's limit",
    "422": "the input does not fit the policy (every problem, located)",
    "503": "the request took longer than the server's limit",
}


def _problems(*codes: str) -> dict[str, Any]:
    return {code: {"description": _WHY[code], "content": _PROBLEM} for code in codes}


def _ok(ref: str, description: str) -> dict[str, Any]:
    return {
        "200": {
            "description": description,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}},
        }
    }


def _json_body(ref: str, description: str) -> dict[str, Any]:
    return {
        "required": True,
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}},
    }


_POLICY = {
    "name": "policy",
    "in": "path",
    "required": True,
    "description": "a policy id (listPolicies)",
    "schema": {"type": "string"},
    "example": "keyouqianqi_credit_union",
}


def _query(name: str, description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string"},
    }


_VERSION = _query("version", "decide under this version (default: in force at receipt)")
_SHA256 = _query("sha256", "decide under the version with this sha256 (12 hex digits or more)")
_AT = _query(
    "at",
    "the as-of instant, ISO 8601 with offset (default: the time of receipt)",
    {"type": "string", "format": "date-time"},
)
_ESTIMATE = _query(
    "estimate",
    "count through years with no published holiday schedule, marked estimated",
    {"type": "string", "enum": ["true", "false"]},
)


_VOCABULARY = ("channels", "categories", "levels", "findings", "roles", "events")


def _extra_schemas() -> dict[str, Any]:
    text = {"type": "string"}
    nullable = {"type": ["string", "null"]}
    layer = {
        "type": "object",
        "properties": {"id": text, "version": text, "sha256": text},
        "required": ["id", "version", "sha256"],
    }
    summary_props = {
        "id": text,
        "version": text,
        "title": text,
        "institution": text,
        "abstract": {"type": "boolean"},
        "effective_from": {"type": ["string", "null"], "format": "date"},
        "effective_until": {"type": ["string", "null"], "format": "date"},
        "sha256": text,
        "layers": {"type": "array", "items": layer},
    }
    summary = {
        "type": "object",
        "properties": summary_props,
        "required": list(summary_props),
    }
    term = {
        "type": "object",
        "properties": {
            "id": text,
            "label": text,
            "aliases": {"type": "array", "items": text},
            "simplified": {
                "type": "array",
                "items": text,
                "description": "the Simplified forms of the label and aliases (OpenCC), "
                "which a complaint may use too",
            },
            "article": nullable,
        },
        "required": ["id", "label", "aliases", "simplified"],
    }
    terms = {"type": "array", "items": term}
    return {
        "Complaint": {
            "type": "object",
            "description": "one complaint: received_at, channel, category, level, findings and "
            "the policy's facts; its exact schema per policy is getPolicy's "
            "complaint_schema (`complaint-rules schema --kind complaint POLICY`).",
            "x-contract": COMPLAINT,
            "examples": [
                {
                    "received_at": "2026-09-30T10:00:00+08:00",
                    "channel": "信件投訴",
                    "category": "工作失誤",
                }
            ],
        },
        "ComplaintBatch": {"type": "array", "items": {"$ref": "#/components/schemas/Complaint"}},
        "BatchResult": {
            "type": "array",
            "description": "per item, in order: its decision, or its problem document",
            "items": {
                "anyOf": [
                    {"$ref": "#/components/schemas/Decision"},
                    {"$ref": "#/components/schemas/Problem"},
                ]
            },
        },
        "PolicySummary": summary,
        "PolicyList": {
            "type": "object",
            "properties": {
                "generation": {"type": "integer"},
                "policies": {
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/PolicySummary"},
                },
            },
            "required": ["generation", "policies"],
        },
        "PolicyDetail": {
            "type": "object",
            "description": "a policy version: its summary, vocabulary and facts, and the JSON "
            "Schema of the complaint it takes",
            "properties": {
                **summary_props,
                "timezone": text,
                "level_input": text,
                "vocabulary": {
                    "type": "object",
                    "properties": dict.fromkeys(
                        ("channels", "categories", "levels", "findings", "roles", "events"), terms
                    ),
                },
                "facts": {"type": "array", "items": {"type": "object"}},
                "complaint_schema": {"type": "object"},
            },
            "required": [*summary_props, "vocabulary", "facts", "complaint_schema"],
        },
        "CaseRequest": {
            "type": "object",
            "properties": {
                "events": {"type": "array", "items": {"type": "object"}},
                "at": {"type": "string", "format": "date-time"},
            },
            "required": ["events", "at"],
        },
        "ValidateRequest": {
            "type": "object",
            "properties": {"yaml": {"type": "string", "description": "a policy file's text"}},
            "required": ["yaml"],
        },
        "ValidationResult": {
            "type": "object",
            "properties": {
                "valid": {"type": "boolean"},
                "id": text,
                "version": text,
                "sha256": text,
                "problems": {"type": "array", "items": {"type": "object"}},
            },
            "required": ["valid", "problems"],
        },
        "ReloadResult": {
            "type": "object",
            "properties": {
                "reloaded": {"type": "boolean"},
                "generation": {"type": "integer"},
                "error": nullable,
            },
            "required": ["reloaded", "generation", "error"],
        },
        "Readiness": {
            "type": "object",
            "properties": {
                "ready": {"type": "boolean"},
                "generation": {"type": "integer"},
                "loaded_at": text,
                "policies": {"type": "integer"},
                "last_reload_error": nullable,
            },
            "required": ["ready", "generation", "policies", "last_reload_error"],
        },
    }


def openapi_document() -> dict[str, Any]:
    """The OpenAPI 3.1 document of the service."""
    lang = {
        "name": "Accept-Language",
        "in": "header",
        "required": False,
        "description": "zh-Hant, zh-Hans or en: the language of messages and explanations",
        "schema": {"type": "string"},
    }
    common = [lang]
    paths: dict[str, Any] = {
        "/v1/policies": {
            "get": {
                "operationId": "listPolicies",
                "summary": "every policy version: id, version, effective dates, layers' sha256",
                "parameters": common,
                "responses": {**_ok("PolicyList", "the policies"), **_problems("401")},
            }
        },
        "/v1/policies/{policy}": {
            "get": {
                "operationId": "getPolicy",
                "summary": "a policy's metadata, vocabulary and facts, and its complaint schema",
                "parameters": [
                    _POLICY,
                    _query(
                        "at",
                        "the version in force at this instant (default: the latest)",
                        {"type": "string", "format": "date-time"},
                    ),
                    _VERSION,
                    _SHA256,
                    *common,
                ],
                "responses": {
                    **_ok("PolicyDetail", "the policy"),
                    **_problems("401", "404", "422"),
                },
            }
        },
        "/v1/policies/{policy}/decide": {
            "post": {
                "operationId": "decide",
                "summary": "decide one complaint: the body is exactly decide_json()'s bytes",
                "parameters": [_POLICY, _AT, _ESTIMATE, _VERSION, _SHA256, *common],
                "requestBody": _json_body("Complaint", "one complaint object"),
                "responses": {
                    **_ok("Decision", f"the decision ({DECISION})"),
                    **_problems("400", "401", "404", "413", "422"),
                },
            }
        },
        "/v1/policies/{policy}/decide-batch": {
            "post": {
                "operationId": "decideBatch",
                "summary": "decide a list: per item, in order, its decision or problem document",
                "parameters": [_POLICY, _AT, _ESTIMATE, _VERSION, _SHA256, *common],
                "requestBody": _json_body("ComplaintBatch", "a list of complaint objects"),
                "responses": {
                    **_ok("BatchResult", "decisions and problems, in input order"),
                    **_problems("400", "401", "404", "413", "422", "503"),
                },
            }
        },
        "/v1/policies/{policy}/explain": {
            "post": {
                "operationId": "explain",
                "summary": "the decision in plain words (Accept-Language), and why other rules "
                "did not apply",
                "parameters": [_POLICY, _AT, _ESTIMATE, _VERSION, _SHA256, *common],
                "requestBody": _json_body("Complaint", "one complaint object"),
                "responses": {
                    **_ok("Explanation", "the explanation"),
                    **_problems("400", "401", "404", "413", "422", "503"),
                },
            }
        },
        "/v1/policies/{policy}/status": {
            "post": {
                "operationId": "caseStatus",
                "summary": "a case's status at an instant from its events, and its next change",
                "parameters": [_POLICY, _ESTIMATE, _VERSION, _SHA256, *common],
                "requestBody": _json_body("CaseRequest", "the case's events and the instant"),
                "responses": {
                    **_ok("CaseStatus", f"the status ({STATUS})"),
                    **_problems("400", "401", "404", "413", "422", "503"),
                },
            }
        },
        "/v1/validate": {
            "post": {
                "operationId": "validatePolicy",
                "summary": "check a policy's YAML text: every problem, located",
                "parameters": common,
                "requestBody": _json_body("ValidateRequest", "the policy's text"),
                "responses": {
                    **_ok("ValidationResult", "valid, or the located problems"),
                    **_problems("400", "401", "413", "422", "503"),
                },
            }
        },
        "/v1/reload": {
            "post": {
                "operationId": "reloadPolicies",
                "summary": "re-read the policies; a reload that fails keeps the old set",
                "parameters": common,
                "security": [{"bearer": []}],
                "responses": {
                    **_ok("ReloadResult", "reloaded"),
                    "403": {
                        "description": "the server has no --token-file: reload by SIGHUP",
                        "content": _PROBLEM,
                    },
                    "422": {
                        "description": "the reload failed; the old set is still served",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/ReloadResult"}
                            }
                        },
                    },
                    **_problems("401", "413"),
                },
            }
        },
        "/healthz": {
            "get": {
                "operationId": "health",
                "summary": "the process answers",
                "responses": {
                    "200": {
                        "description": "alive",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
        "/readyz": {
            "get": {
                "operationId": "ready",
                "summary": "policies loaded; the last reload's failure, if any",
                "responses": _ok("Readiness", "ready"),
            }
        },
        "/metrics": {
            "get": {
                "operationId": "metrics",
                "summary": "Prometheus text format: requests, latency, decisions, rejections",
                "responses": {
                    "200": {
                        "description": "metrics",
                        "content": {"text/plain": {"schema": {"type": "string"}}},
                    }
                },
            }
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "complaint_rules decision service",
            "version": "1",
            "description": "Decisions under institutions' complaint-handling policies, for "
            f"hosts in any language. Contracts: {DECISION}, {STATUS}, {PROBLEM}, {COMPLAINT}. "
            "The same operations over JSON lines: `complaint-rules serve --stdio`.",
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "paths": paths,
        "components": {
            "schemas": {**component_schemas(), **_extra_schemas()},
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
