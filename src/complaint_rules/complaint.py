"""Complaint input: a mapping (or JSON object) checked against a compiled policy.

Fields: ``received_at`` (ISO 8601 with an offset), ``channel``, ``category``, ``level``
(where the policy takes it as input), ``findings`` (what an investigation established),
and the facts the policy declares, at the top level. Vocabulary values may be given by
id, by the source's label or by a listed alias (e.g. its Simplified form). ``id``,
``complainant`` and ``text`` are accepted and never copied into a decision. Anything
else is an error naming the field.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from .compiled import CompiledPolicy
from .errors import ComplaintError, Problem
from .vocabulary import Lookup

__all__ = ["Complaint", "FindingInput", "parse_complaint"]

_PRIVATE = ("id", "complainant", "text")
_FIELDS = ("received_at", "channel", "category", "level", "findings")


@dataclass(frozen=True, slots=True)
class FindingInput:
    finding: str
    count: int
    roles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Complaint:
    """A complaint with every value resolved to the policy's ids; no personal data."""

    received_at: datetime
    channel: str
    category: str
    level: str | None
    findings: tuple[FindingInput, ...]
    facts: Mapping[str, Any]


def parse_datetime(value: Any, name: str) -> datetime:
    """An aware datetime from a datetime or an ISO 8601 string; naive ones are refused."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(
                f"{value!r} is not an ISO 8601 date-time (e.g. 2026-09-30T16:20:00+08:00)"
            ) from None
    if not isinstance(value, datetime):
        raise ValueError(f"expected an ISO 8601 date-time string, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} has no UTC offset; give one, e.g. {value.isoformat()}+08:00")
    return value


def parse_complaint(policy: CompiledPolicy, data: Mapping[str, Any]) -> Complaint:
    """Resolve ``data`` against ``policy``; raise :class:`ComplaintError` listing every problem."""
    if not isinstance(data, Mapping):
        raise ComplaintError([Problem(f"a complaint is a JSON object, got {type(data).__name__}")])
    problems: list[Problem] = []

    def fail(path: tuple[str | int, ...], message: str) -> None:
        problems.append(Problem(message=message, path=path))

    facts_decl = {fact.id: fact for fact in policy.policy.facts}
    allowed = [*_FIELDS, *facts_decl, *_PRIVATE]
    for key in data:
        if key not in allowed:
            match = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"; did you mean {match[0]!r}?" if match else ""
            fail((str(key),), f"unknown field; allowed: {', '.join(allowed)}{hint}")

    received_at = None
    if "received_at" not in data:
        fail(("received_at",), "missing: when the complaint was received (ISO 8601 with offset)")
    else:
        try:
            received_at = parse_datetime(data["received_at"], "received_at")
        except ValueError as exc:
            fail(("received_at",), str(exc))

    def term(key: str, lookup: Lookup, required: bool) -> str | None:
        if key not in data or data[key] is None:
            if required:
                fail((key,), f"missing; {lookup.allowed()}")
            return None
        value = data[key]
        if not isinstance(value, str):
            fail((key,), f"expected a {lookup.kind} name (text), got {type(value).__name__}")
            return None
        found = lookup.find(value)
        if found is None:
            fail((key,), lookup.explain_unknown(value))
            return None
        return found.id

    channel = term("channel", policy.channels, True)
    category = term("category", policy.categories, True)
    level: str | None = None
    if policy.level_input == "forbidden":
        if data.get("level") is not None:
            why = (
                "this policy derives the level from its classification table"
                if policy.classification
                else "this policy has no levels"
            )
            fail(("level",), f"not accepted: {why}")
    else:
        level = term("level", policy.levels, policy.level_input == "required")

    findings: list[FindingInput] = []
    raw_findings = data.get("findings", [])
    if not isinstance(raw_findings, list):
        fail(("findings",), "expected a list of findings")
        raw_findings = []
    for i, item in enumerate(raw_findings):
        parsed = _finding(policy, item, ("findings", i), fail)
        if parsed is not None:
            findings.append(parsed)

    facts: dict[str, Any] = {}
    for fact_id, fact in facts_decl.items():
        if fact_id not in data or data[fact_id] is None:
            if fact.default is not None:
                facts[fact_id] = fact.default
            continue
        value = data[fact_id]
        try:
            facts[fact_id] = _fact_value(fact.type, value, fact_id, fact.minimum)
        except ValueError as exc:
            fail((fact_id,), str(exc))

    if problems:
        raise ComplaintError(problems)
    assert received_at is not None and channel is not None and category is not None
    return Complaint(
        received_at=received_at,
        channel=channel,
        category=category,
        level=level,
        findings=tuple(findings),
        facts=facts,
    )


def _finding(
    policy: CompiledPolicy, item: Any, path: tuple[str | int, ...], fail: Any
) -> FindingInput | None:
    if isinstance(item, str):
        item = {"finding": item}
    if not isinstance(item, Mapping):
        fail(path, "a finding is a name or an object {finding, count, roles}")
        return None
    extra = set(item) - {"finding", "count", "roles"}
    for key in sorted(extra):
        fail((*path, key), "unknown field; allowed: finding, count, roles")
    name = item.get("finding")
    found = policy.findings.find(name) if isinstance(name, str) else None
    if found is None:
        fail((*path, "finding"), policy.findings.explain_unknown(str(name)))
    count = item.get("count", 1)
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 1_000_000:
        fail((*path, "count"), "count is a whole number from 1 to 1000000")
        count = None
    roles: list[str] = []
    raw_roles = item.get("roles", [])
    if not isinstance(raw_roles, list):
        fail((*path, "roles"), "roles is a list of role names")
        raw_roles = []
    for j, role in enumerate(raw_roles):
        role_term = policy.roles.find(role) if isinstance(role, str) else None
        if role_term is None:
            fail((*path, "roles", j), policy.roles.explain_unknown(str(role)))
        else:
            roles.append(role_term.id)
    if found is None or count is None:
        return None
    return FindingInput(finding=found.id, count=count, roles=tuple(roles))


def _fact_value(kind: str, value: Any, name: str, minimum: int | None) -> Any:
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"expected true or false, got {value!r}")
        return value
    if kind == "datetime":
        return parse_datetime(value, name)
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise ValueError(f"expected a number, got {type(value).__name__}")
    if kind == "int":
        if not isinstance(value, int):
            raise ValueError(f"expected a whole number, got {value!r}")
        number: int | Decimal = value
    else:
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise ValueError(f"{value!r} is not a number") from None
        if not number.is_finite():
            raise ValueError(f"{value!r} is not a finite number")
    if minimum is not None and number < minimum:
        raise ValueError(f"must be at least {minimum}, got {value}")
    return number
