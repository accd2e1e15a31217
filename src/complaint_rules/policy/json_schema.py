"""The JSON Schema (draft 2020-12) of the policy format, for editors.

Generated at run time from :class:`~complaint_rules.policy.model.Policy` (pydantic's validation
schema), so a field added to the model appears here without an edit. Post-processing adds
what pydantic cannot see:

- the condition grammar of :mod:`complaint_rules.policy.conditions` (``when:``) in place of "any
  object", as precise as a schema that does not know the policy's vocabulary can be;
- the model validators' one-of rules (a period has exactly one unit; money is min/max, a
  parameter or a fact; a deadline has ``within`` or ``until``);
- money as an integer or a decimal string, never a float; dates as ``YYYY-MM-DD`` keys;
- messages editors show in place of a bare keyword (``errorMessage``,
  ``patternErrorMessage``: extensions VS Code's YAML support reads, ignored elsewhere),
  worded as the loader words them;
- hover help: each field's docstring in the model (the string under it), else a short
  text kept here.

What only the whole document can tell (ids that refer to the vocabulary, fact types,
duplicate ids) stays with ``complaint-rules validate``. Only keywords that mean the same in
draft 7 are used, since editors' YAML support implements draft 7.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import json
import re
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ..messages.simplified import to_simplified
from .conditions import COMBINATORS, LEVEL_OPS, NUM_OPS, SET_OPS, VOCAB_KEYS
from .model import LOCALISED_TEXT_MARK, LOCALISED_TEXT_SCHEMA, Policy

__all__ = ["DIALECT", "outline", "policy_schema", "schema_text"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_ID_PATTERN = r"^[a-z][a-z0-9_]*$"
_MONEY_PATTERN = r"^[0-9]+(\.[0-9]+)?$"
_SIGNED_DECIMAL = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$"
_DATE_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
_CONDITION_MARK = "x-complaint-rules-condition"
_NULL = {"type": "null"}
_NOT_NULL = {"not": {"type": "null"}}


class _Generator(GenerateJsonSchema):
    """pydantic's generator, with money, dates and conditions as the policy format has them."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False  # "Label" for `label` says nothing; the descriptions do

    def decimal_schema(self, schema: core_schema.DecimalSchema) -> JsonSchemaValue:
        return {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": _SIGNED_DECIMAL}]}

    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        return {"type": "string", "format": "date", "pattern": _DATE_PATTERN}

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        keys = schema.get("keys_schema", {"type": "any"})
        values = schema.get("values_schema", {"type": "any"})
        if keys.get("type") == "str" and values.get("type") == "any":
            # The model's only untyped mapping is Condition (model.Condition); pydantic
            # resolves "$ref" itself, so mark the place and put the reference in later.
            return {_CONDITION_MARK: True}
        out = super().dict_schema(schema)
        patterns = out.pop("patternProperties", None)
        if patterns:  # keys with a pattern (dates): every key must match it
            ((pattern, value),) = patterns.items()
            out["propertyNames"] = {**out.get("propertyNames", {}), "pattern": pattern}
            out["additionalProperties"] = value
        return out


def _ref(name: str, description: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"$ref": f"#/$defs/{name}"}
    if description:
        out["description"] = description
    return out


def _one_op(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "minProperties": 1,
        "maxProperties": 1,
    }


def _condition_defs() -> dict[str, Any]:
    """The grammar of :mod:`complaint_rules.policy.conditions` as schema definitions."""
    ids = _ref("ConditionIds")
    vocab_help = {
        "channel": "Any of these channels (ids); or {in: …} / {not_in: …}.",
        "category": "Any of these categories (ids); or {in: …} / {not_in: …}.",
        "finding": "The investigation established any of these findings (ids); "
        "or {in: …} / {not_in: …}.",
        "level": "Any of these levels (ids); or {in: …}, {not_in: …}, "
        "{at_least: id}, {at_most: id} (levels are ordered, mildest first).",
    }
    properties: dict[str, Any] = {
        key: _ref("LevelTest" if key == "level" else "SetTest", vocab_help[key])
        for key in VOCAB_KEYS
    }
    for key, word in (("all", "Every one of these conditions holds."), ("any", "At least one.")):
        properties[key] = {
            "type": "array",
            "items": _ref("Condition"),
            "minItems": 1,
            "description": word,
        }
    properties["not"] = _ref("Condition", "This condition does not hold.")
    number = _ref("ConditionNumber")
    fact_ops: dict[str, Any] = {}
    for op in NUM_OPS:
        if op == "given":
            fact_ops[op] = {"type": "boolean", "description": "Whether the host gave the fact."}
        elif op in ("eq", "ne"):
            fact_ops[op] = {"anyOf": [{"type": "boolean"}, number]}
        else:
            fact_ops[op] = number
    fact_message = (
        "a fact is tested with true/false, a number or one of "
        + ", ".join(NUM_OPS)
        + "; a key other than "
        + ", ".join([*VOCAB_KEYS, *COMBINATORS])
        + " names a fact: is it misspelt?"
    )
    return {
        "Condition": {
            "title": "Condition",
            "description": "A condition over the complaint: its keys are ANDed. channel, "
            "category, level, finding test the vocabulary; any other key is a fact id; all, "
            "any, not combine conditions. Values are ids.",
            "type": "object",
            "properties": properties,
            "propertyNames": {"pattern": _ID_PATTERN},
            "additionalProperties": _ref("FactTest"),
            "minProperties": 1,
        },
        "ConditionIds": {
            "description": "One id, or a non-empty list of ids (any of them).",
            "anyOf": [
                {"type": "string", "pattern": _ID_PATTERN},
                {
                    "type": "array",
                    "items": {"type": "string", "pattern": _ID_PATTERN},
                    "minItems": 1,
                },
            ],
        },
        "ConditionNumber": {
            "description": "A whole number, or a decimal written as a string.",
            "anyOf": [{"type": "integer"}, {"type": "string", "pattern": _SIGNED_DECIMAL}],
        },
        "SetTest": {"anyOf": [ids, _one_op(dict.fromkeys(SET_OPS, ids))]},
        "LevelTest": {
            "anyOf": [
                ids,
                _one_op(
                    {
                        op: ids if op in SET_OPS else {"type": "string", "pattern": _ID_PATTERN}
                        for op in LEVEL_OPS
                    }
                ),
            ]
        },
        "FactTest": {
            "description": "A fact (declared under facts): true/false or a number to equal, "
            "or one operator: " + ", ".join(NUM_OPS) + ".",
            # Editors report the failing branch, so each branch carries the message.
            "anyOf": [
                {"type": "boolean", "errorMessage": fact_message},
                {"type": "integer", "errorMessage": fact_message},
                {
                    "type": "string",
                    "pattern": _SIGNED_DECIMAL,
                    "errorMessage": fact_message,
                    "patternErrorMessage": fact_message,
                },
                {**_one_op(fact_ops), "errorMessage": fact_message},
            ],
            "errorMessage": fact_message,
        },
    }


def _exactly_one(names: list[str]) -> dict[str, Any]:
    """Exactly one of ``names`` is given and not null (the others absent or null)."""
    return {"oneOf": [{"required": [n], "properties": {n: _NOT_NULL}} for n in names]}


# What the model's validators require beyond each field's own type (model.py, `_one_form`
# and `_exactly_one_unit`). Tests reject broken documents for each of them.
def _validator_rules(defs: dict[str, Any]) -> None:
    if "Period" in defs:
        units = list(defs["Period"]["properties"])
        defs["Period"].update(_exactly_one(sorted(units)))
        defs["Period"]["errorMessage"] = "a period has exactly one unit, one of: " + ", ".join(
            units
        )
    if "Money" in defs:
        defs["Money"]["anyOf"] = [
            {
                "required": ["min", "max"],
                "properties": {
                    "min": _NOT_NULL,
                    "max": _NOT_NULL,
                    "parameter": _NULL,
                    "fact": _NULL,
                },
            },
            {
                "required": ["parameter"],
                "properties": {"parameter": _NOT_NULL, "min": _NULL, "max": _NULL, "fact": _NULL},
            },
            {
                "required": ["fact"],
                "properties": {"fact": _NOT_NULL, "min": _NULL, "max": _NULL, "parameter": _NULL},
            },
        ]
        defs["Money"]["errorMessage"] = "money is one of: min/max (yuan), a parameter, a fact"
    if "Deadline" in defs:
        defs["Deadline"]["anyOf"] = [
            {"required": ["within"], "properties": {"within": _NOT_NULL, "until": {"maxItems": 0}}},
            {"required": ["until"], "properties": {"until": {"minItems": 1}, "within": _NULL}},
        ]
        defs["Deadline"]["errorMessage"] = (
            "a deadline has either 'within' (a period) or 'until' (facts)"
        )


_HELP: dict[str, str] = {
    # any model
    "id": "A stable id: lower-case ASCII letters, digits and '_', starting with a letter.",
    "label": "As written in the source (Traditional Chinese).",
    "aliases": "Other spellings a complaint may use (the Simplified form, short forms).",
    "description": "Explanation for people; not used in decisions.",
    "article": "The article of the source, exactly as written (e.g. 第十一條).",
    "note": "A remark for people: what the source says or leaves open here.",
    "by": "Who does it: role ids.",
    "to": "To whom: role ids.",
    "when": "The condition under which this applies; leave out to apply to every complaint.",
    # the policy
    "Policy.schema": "Always complaint-rules/1.",
    "Policy.id": "The policy id; equals the file stem.",
    "Policy.version": 'Your version string, e.g. "2026.1" (quote it).',
    "Policy.title": "The title of the source document, as written.",
    "Policy.institution": "The institution, as written in the source.",
    "Policy.source": "The source text this policy encodes (file name, legal basis).",
    "Policy.language": "The language of labels: zh-Hant.",
    "Policy.timezone": "IANA time zone of the institution (default Asia/Shanghai).",
    "Policy.calendar": "Holidays, make-up workdays and the counting convention.",
    "Policy.level_input": "Whether a complaint gives its level: required, optional or "
    "forbidden. Default: forbidden with a classification table or without levels, "
    "else required.",
    "Policy.vocabulary": "Roles, channels, categories, levels, findings, sanctions, events.",
    "Policy.facts": "Facts about a complaint that the host supplies.",
    "Policy.parameters": "Values the source leaves blank; the institution sets them.",
    "Policy.classification": "A first-match table deriving the level.",
    "Policy.abstract": "true for a base layer that only other policies extend.",
    "Policy.extends": "The id of the policy this one builds on.",
    "Policy.remove_rules": "Inherited rule ids to drop.",
    "Policy.rules": "What the source requires; every rule whose condition holds contributes.",
    "Policy.conflicts": "Duties roles cannot hold together; decisions and lint mark rules "
    "that give them so.",
    "Policy.defects": "Known defects of the source text.",
    "Policy.not_encoded": "Every normative text not encoded, with the reason.",
    "Vocabulary.roles": "Roles, departments and units.",
    "Vocabulary.channels": "How a complaint arrives.",
    "Vocabulary.categories": "What a complaint is about.",
    "Vocabulary.levels": "Complaint levels, from the mildest to the most severe.",
    "Vocabulary.findings": "What an investigation can establish.",
    "Vocabulary.sanctions": "Non-monetary consequences (開除, 紀律處分, …).",
    "Vocabulary.events": "Things that happen later and trigger an escalation.",
    "Role.reports_to": "The role id of its superior, if the source names one.",
    "Fact.type": "bool, int, decimal or datetime (ISO 8601 with offset).",
    "Fact.default": "The value when the host does not give one; without it the fact is "
    "unknown and a rule that needs it is pending.",
    "Fact.minimum": "The smallest value allowed (int facts).",
    "Parameter.type": "money or int.",
    "Parameter.value": "The value the institution sets; leave out while it is blank.",
    "CalendarSettings.country": "The national calendar: CN.",
    "CalendarSettings.holidays": "Days off to add or override: YYYY-MM-DD: name.",
    "CalendarSettings.workdays": "Make-up workdays to add or override: YYYY-MM-DD: name.",
    "CalendarSettings.exclude_start_day": "Counting starts the day after receipt "
    "(民法典 Art. 201).",
    "CalendarSettings.day_ends_at": (
        "Leave unset: the last day of a period in days ends at 24:00 (民法典 第二百零三條). "
        'An earlier cut-off "HH:MM:SS" (quote it) only where the source states one.'
    ),
    "CalendarSettings.roll_to_working_day": "A period in calendar days that ends on a day off "
    "ends on the next working day (民法典 Art. 203).",
    "Classification.rows": "Rows tried in order; the first that matches sets the level.",
    "Classification.default": "The level when no row matches; leave out for none.",
    "Classification.unclassified_gap": "Why there is no level when no row matches.",
    "ClassificationRow.when": "The condition of this row.",
    "ClassificationRow.level": "The level (id) this row gives.",
    "NotEncoded.reason": "Why the article is not encoded.",
    "NotEncoded.verification": "How the article's text was verified.",
    "Rule.verification": "verified, or secondary for facts from secondary sources.",
    "Rule.title": "A short title, in the source's words.",
    "Rule.quote": "An excerpt of the source.",
    "Rule.routing": "Who accepts, handles, … the complaints this rule matches.",
    "Rule.deadlines": "Time limits.",
    "Rule.actions": "Things to do.",
    "Rule.escalations": "Steps up, on receipt, a missed deadline or an event.",
    "Rule.reports": "Reports to make.",
    "Rule.retention": "Records to keep.",
    "Rule.penalties": "Penalties a finding carries.",
    "Rule.approvals": "Who may approve an amount.",
    "Rule.gaps": "What the source leaves blank or is silent about.",
    "Amount.min": "The earliest amount.",
    "Amount.max": "The latest amount.",
    "Period.minutes": "Minutes, counted on the clock.",
    "Period.hours": "Hours, counted on the clock.",
    "Period.calendar_days": "Calendar days.",
    "Period.working_days": "Working days (public holidays off, make-up workdays on).",
    "Period.end_of_month": "true: by the end of the month.",
    "Money.min": "The least amount in yuan.",
    "Money.max": "The greatest amount in yuan.",
    "Money.parameter": "A parameter id (a blank the institution sets), instead of min/max.",
    "Money.fact": "A number fact id: the amount is a fact of the case (e.g. a loan's "
    "principal and interest), instead of min/max.",
    "Assignment.duty": "What the role does with the complaint.",
    "Assignment.role": "The role id.",
    "Assignment.or_roles": "Other role ids any one of which may hold the duty instead "
    "(「或」): one holds it, not each.",
    "by_any": "true: any one of the roles in by does it (「或」), not each of them.",
    "to_any": "true: it goes to any one of the roles in to (「或」), not to each.",
    "discretionary": "true: the source permits it (「可」) rather than requires it; it is "
    "never owed.",
    "Action.on": "An event id: the action follows that event (leave out: on receipt).",
    "Action.to": "To whom it is sent or handed: role ids.",
    "Report.starts": "received, or a datetime fact its due is counted from.",
    "Conflict.duty": "The duty the roles cannot hold together.",
    "Conflict.roles": "Role ids that cannot hold the duty together; leave out for an "
    "exclusive duty (one role holds it).",
    "Conflict.article": "The articles that give the duty to roles that cannot go together.",
    "Conflict.text": "Why the roles cannot go together, in words.",
    "Deadline.starts": "received, or a datetime fact it counts from.",
    "Deadline.within": "The period, counted from starts.",
    "Deadline.until": "Datetime facts; the deadline is the earliest given.",
    "Action.deadline": "The id of the deadline this action must meet.",
    "Escalation.on": "received, deadline_missed or an event id.",
    "Escalation.deadline": "With on: deadline_missed, the deadline's id.",
    "Escalation.next": "The id of the escalation step that follows.",
    "Report.due": "When the report is due, counted from starts.",
    "Report.frequency": "once, monthly or periodic.",
    "Retention.keeper": "Who keeps the records: role ids.",
    "Retention.years": "How many years.",
    "Retention.at_least": "true when the years are a minimum.",
    "Retention.counted_from": "A datetime fact (e.g. archived_at) the years are counted from; "
    "the decision gives the day records are kept until.",
    "PeriodicDuty.every": "How often the duty recurs: month, quarter or year.",
    "PeriodicDuty.due": "end_of_period: due on the period's last day (月底前); leave out with "
    "due_day, or where the source gives no date.",
    "PeriodicDuty.by": "Who does it: role ids.",
    "PeriodicDuty.to": "To whom: role ids.",
    "PeriodicDuty.verification": "How the article's text was verified.",
    "SanctionItem.sanction": "The sanction id.",
    "SanctionItem.condition_text": "The source's words for the condition.",
    "Penalty.finding": "The finding id that carries the penalty.",
    "Penalty.subjects": "Who is penalised: role ids.",
    "Penalty.kind": "fine, pay_deduction, compensation or none.",
    "Penalty.amount_yuan": "The amount in yuan: {min, max}, {parameter} or {fact}.",
    "Penalty.per": "occurrence (multiplied by the finding's count) or case.",
    "Penalty.sanctions": "Non-monetary sanctions, each optionally conditional.",
    "Approval.amount_fact": "The number fact holding the amount.",
    "Approval.tiers": "Roles in order, each with its limit.",
    "Approval.above": "Who approves above the last tier: role ids.",
    "ApprovalTier.role": "The role id.",
    "ApprovalTier.limit_yuan": "The most this role may approve.",
    "Gap.about": "What is missing.",
    "Gap.text": "What the source leaves blank or is silent about.",
}
"""Hover help for fields the model does not document; a docstring under the field wins."""


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _money_bounds(root: dict[str, Any]) -> None:
    """pydantic writes Field(ge=0) on money as a non-standard ``ge``: make it a minimum."""
    for node in _walk(root):
        if "ge" in node and "anyOf" in node:
            low = node.pop("ge")
            for branch in node["anyOf"]:
                if branch.get("type") == "integer":
                    branch["minimum"] = low
                elif branch.get("type") == "string" and low >= 0:
                    branch["pattern"] = _MONEY_PATTERN
            node["description"] = (
                'Yuan: an integer or a quoted decimal (e.g. 200, "99.50"), never a float.'
            )


def _conditions(root: dict[str, Any]) -> None:
    for node in _walk(root):
        if node.pop(_CONDITION_MARK, False):
            node["$ref"] = "#/$defs/Condition"


_ID_MESSAGE = "an id is lower-case ASCII letters, digits and '_', starting with a letter"


def _editor_messages(root: dict[str, Any]) -> None:
    """VS Code's YAML support shows ``patternErrorMessage`` instead of the bare pattern."""
    for node in _walk(root):
        if node.get("pattern") == _ID_PATTERN:
            node["patternErrorMessage"] = _ID_MESSAGE


def _models(root: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """Every model class reachable from ``root``'s fields, by class name (the $defs key)."""
    found: dict[str, type[BaseModel]] = {}
    stack: list[Any] = [root]
    while stack:
        tp = stack.pop()
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if tp.__name__ in found:
                continue
            found[tp.__name__] = tp
            stack.extend(info.annotation for info in tp.model_fields.values())
        stack.extend(typing.get_args(tp))
    return found


def _attribute_docs(body: list[ast.stmt]) -> dict[str, str]:
    """The strings written under fields (``name: T = x`` then a docstring) in a class body."""
    return {
        stmt.target.id: after.value.value
        for stmt, after in itertools.pairwise(body)
        if isinstance(stmt, ast.AnnAssign)
        and isinstance(stmt.target, ast.Name)
        and isinstance(after, ast.Expr)
        and isinstance(after.value, ast.Constant)
        and isinstance(after.value.value, str)
    }


class _FieldDocs:
    """Field docstrings of model classes, own and inherited; each source file parsed once."""

    def __init__(self) -> None:
        self._files: dict[str, dict[str, ast.ClassDef]] = {}

    def _classes(self, file: str | None) -> dict[str, ast.ClassDef]:
        if file is None:
            return {}
        if file not in self._files:
            try:
                tree = ast.parse(Path(file).read_text(encoding="utf-8"))
            except (OSError, SyntaxError, UnicodeDecodeError):  # no source: no field help
                tree = ast.Module(body=[], type_ignores=[])
            self._files[file] = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
        return self._files[file]

    def __call__(self, cls: type[BaseModel]) -> dict[str, str]:
        docs: dict[str, str] = {}
        for klass in reversed(cls.__mro__):
            if not issubclass(klass, BaseModel) or klass is BaseModel:
                continue
            try:
                file = inspect.getsourcefile(klass)
            except TypeError:  # a built-in class
                continue
            node = self._classes(file).get(klass.__name__)
            if node is not None:
                docs.update(_attribute_docs(node.body))
        return docs


_RST_ROLE = re.compile(r":[a-z]+:`~?([^`]+)`")


def _plain(text: str) -> str:
    """Docstring text as one hover line: reST roles and double backticks made plain."""
    text = _RST_ROLE.sub(r"`\1`", text).replace("``", "`")
    return " ".join(text.split())


def _describe(name: str, definition: dict[str, Any], docs: dict[str, str]) -> None:
    if "description" in definition:
        definition["description"] = _plain(definition["description"])
    for field, prop in definition.get("properties", {}).items():
        help_text = docs.get(field) or _HELP.get(f"{name}.{field}") or _HELP.get(field)
        if "description" in prop:
            prop["description"] = _plain(prop["description"])
        elif help_text:
            prop["description"] = _plain(help_text)


def _localised_texts(node: Any) -> None:
    """A text that may be given per language refers to ``$defs/LocalisedText`` (in an
    ``allOf``, so draft-7 editors still show the field's own description next to it)."""
    if isinstance(node, dict):
        if node.pop(LOCALISED_TEXT_MARK, None):
            node["allOf"] = [{"$ref": "#/$defs/LocalisedText"}]
        for value in node.values():
            _localised_texts(value)
    elif isinstance(node, list):
        for value in node:
            _localised_texts(value)


def policy_schema() -> dict[str, Any]:
    """The JSON Schema of a policy document, generated from the model now."""
    generated = Policy.model_json_schema(
        by_alias=True, mode="validation", schema_generator=_Generator
    )
    defs: dict[str, Any] = generated.pop("$defs", {})
    grammar = _condition_defs()
    clash = sorted(set(grammar) & set(defs))
    if clash:
        raise RuntimeError(f"model classes named like condition definitions: {clash}")
    _validator_rules(defs)
    defs.update(grammar)
    defs["LocalisedText"] = json.loads(json.dumps(dict(LOCALISED_TEXT_SCHEMA)))
    _localised_texts(generated)
    _localised_texts(defs)
    for part in (generated, defs):
        _money_bounds(part)
        _conditions(part)
        _editor_messages(part)
    models = _models(Policy)
    field_docs = _FieldDocs()
    for name, definition in [*defs.items(), ("Policy", generated)]:
        model = models.get(name)
        _describe(name, definition, field_docs(model) if model else {})
    version = generated["properties"]["schema"]["const"]  # complaint-rules/1
    generated.pop("title", None)
    generated.pop("description", None)
    return {
        "$schema": DIALECT,
        "$id": f"urn:complaint-rules:policy-schema:{version.rsplit('/', 1)[-1]}",
        "title": f"complaint-rules policy ({version})",
        "description": (Policy.__doc__ or "").strip()
        + " An institution's written complaint-handling rules, encoded article by article;"
        " see docs/policy-format.md. Check a file with `complaint-rules validate`.",
        **generated,
        "$defs": dict(sorted(defs.items())),
    }


def schema_text() -> str:
    """The schema as JSON text: the same bytes for the same model."""
    return json.dumps(policy_schema(), ensure_ascii=False, indent=2) + "\n"


# --- a readable outline ---------------------------------------------------------------


def _type(node: dict[str, Any], defs: dict[str, Any]) -> tuple[str, str | None]:
    """A short type name, and the $defs entry to expand below it (if any)."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return name, name if "properties" in defs.get(name, {}) else None
    if "const" in node:
        return json.dumps(node["const"], ensure_ascii=False), None
    if "enum" in node:
        return " | ".join(str(v) for v in node["enum"]), None
    if "anyOf" in node:
        if any(b.get("pattern") == _MONEY_PATTERN for b in node["anyOf"]):
            return "yuan", None
        parts = [_type(b, defs) for b in node["anyOf"] if b != _NULL]
        expand = next((e for _, e in parts if e), None)
        return " or ".join(dict.fromkeys(t for t, _ in parts)), expand
    kind = node.get("type")
    if kind == "array":
        inner, expand = _type(node.get("items", {}), defs)
        return f"list of {inner}", expand
    if kind == "object" and isinstance(node.get("additionalProperties"), dict):
        key = "date" if node.get("propertyNames", {}).get("format") == "date" else "text"
        value, _ = _type(node["additionalProperties"], defs)
        return f"map of {key} to {value}", None
    if kind == "string":
        if node.get("pattern") == _ID_PATTERN:
            return "id", None
        return ("text" if "minLength" in node else "string"), None
    return str(kind or "any"), None


def outline(schema: dict[str, Any] | None = None) -> str:
    """The schema as an indented outline of keys, types and help, for people."""
    schema = schema or policy_schema()
    defs = schema["$defs"]
    lines = [f"{schema['title']} — {schema['$id']}", ""]
    shown: dict[str, str] = {"Condition": "Condition"}  # expanded once, at the end

    def fields(node: dict[str, Any], depth: int) -> None:
        required = set(node.get("required", ()))
        for name, prop in node.get("properties", {}).items():
            kind, expand = _type(prop, defs)
            mark = " (required)" if name in required else ""
            text = prop.get("description") or ""
            if not text and expand:
                text = defs[expand].get("description", "")
            help_text = f" — {text.splitlines()[0]}" if text else ""
            lines.append(f"{'  ' * depth}{name}: {kind}{mark}{help_text}")
            if expand is None or expand in shown:
                continue
            same = json.dumps(defs[expand].get("properties"), sort_keys=True)
            if same in shown:
                lines.append(f"{'  ' * (depth + 1)}(the keys of {shown[same]})")
                continue
            shown[expand] = shown[same] = expand
            fields(defs[expand], depth + 1)

    fields(schema, 0)
    condition = defs["Condition"]
    lines += ["", f"Condition — {condition['description']}"]
    fields(condition, 1)
    lines.append("  any other key: a fact id — " + defs["FactTest"]["description"])
    return "\n".join(lines) + "\n"


# --- the complaint input of one policy (the service's contract) --------------------


def _spellings(terms: Any) -> list[str]:
    """Each term's id, label and aliases as written, then their Simplified forms (OpenCC's,
    the conversion the library matches words with)."""
    out: dict[str, None] = {}
    for term in terms:
        written = [term.id, term.label, *term.aliases]
        for spelling in (*written, *to_simplified(written)):
            out.setdefault(spelling, None)
    return list(out)


def _term_schema(kind: str, terms: Any) -> dict[str, Any]:
    listed = "; ".join(
        f"{t.id} ({t.label}{', ' + ', '.join(t.aliases) if t.aliases else ''})" for t in terms
    )
    return {
        "type": "string",
        "enum": _spellings(terms),
        "description": f"a {kind}: its id, its label or a listed alias, in Traditional or "
        f"Simplified Chinese; ASCII case and full-width forms are folded too. "
        f"{listed}",
    }


_FACT_TYPES: dict[str, dict[str, Any]] = {
    "bool": {"type": ["boolean", "null"]},
    "int": {"type": ["integer", "null"]},
    "decimal": {
        "anyOf": [
            {"type": "integer"},
            {"type": "string", "pattern": _SIGNED_DECIMAL},
            {"type": "null"},
        ]
    },
    "datetime": {"type": ["string", "null"], "format": "date-time"},
}


def complaint_schema(policy: Any, contract: str = "complaint-rules/complaint/1") -> dict[str, Any]:
    """The JSON Schema (2020-12) of a complaint that ``policy`` (a compiled policy) decides.

    Its ids, labels and aliases, with their Simplified forms, as enums, and its facts with
    their types; the full check (``parse_complaint``) also folds case and full-width forms,
    and words every problem.
    """
    model = policy.policy
    vocab = model.vocabulary
    properties: dict[str, Any] = {
        "received_at": {
            "type": "string",
            "format": "date-time",
            "description": "when the complaint was received, ISO 8601 with an offset",
        },
        "channel": _term_schema("channel", vocab.channels),
        "category": _term_schema("category", vocab.categories),
    }
    required = ["received_at", "channel", "category"]
    if policy.level_input != "forbidden":
        properties["level"] = {"anyOf": [_term_schema("level", vocab.levels), _NULL]}
        if policy.level_input == "required":
            required.append("level")
    finding = _term_schema("finding", vocab.findings)
    role = _term_schema("role", vocab.roles)
    properties["findings"] = {
        "type": ["array", "null"],
        "maxItems": 1000,
        "items": {
            "anyOf": [
                finding,
                {
                    "type": "object",
                    "properties": {
                        "finding": finding,
                        "count": {"type": "integer", "minimum": 1, "maximum": 1_000_000},
                        "roles": {"type": ["array", "null"], "items": role, "maxItems": 1000},
                    },
                    "required": ["finding"],
                    "additionalProperties": False,
                },
            ]
        },
        "description": "what an investigation established",
    }
    for fact in model.facts:
        schema = dict(_FACT_TYPES[fact.type])
        schema["description"] = f"{fact.label}" + (f" ({fact.article})" if fact.article else "")
        if fact.minimum is not None and fact.type == "int":
            schema["minimum"] = fact.minimum
        properties[fact.id] = schema
    for private in ("id", "complainant", "text"):
        properties[private] = {
            "description": "personal: accepted, never copied into a decision unless carried"
        }
    return {
        "$schema": DIALECT,
        "$id": f"urn:{contract.replace('/', ':')}:{model.id}",
        "title": f"A complaint under {model.id} version {model.version}",
        "x-contract": contract,
        "x-policy": {"id": model.id, "version": model.version, "sha256": policy.sha256},
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
