"""Complaint input: a mapping (or JSON object) checked against a compiled policy.

Fields: ``received_at`` (ISO 8601 with an offset), ``channel``, ``category``, ``level``
(where the policy takes it as input), ``findings`` (what an investigation established),
and the facts the policy declares, at the top level. Vocabulary values may be given by
id, by the source's label or by a listed alias (e.g. its Simplified form); full-width
letters and digits are folded (NFKC) and ASCII case is ignored, while invisible
characters and look-alike letters from other scripts are refused with the closest term.

``id``, ``complainant`` and ``text`` (the complaint's reference, who complained and what
they wrote) are accepted and never copied into a decision, unless the host names them in
``carry``. No value the complaint gives is ever repeated in an error message: a value in
the wrong field may be personal data. Anything else is an error naming the field (by its
name if that looks like a field name, else by its position: a key can be personal too).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any, NamedTuple

from ..errors import ComplaintError, Problem
from ..messages.catalogue import make_problem
from ..policy.compiled import CompiledPolicy
from ..policy.vocabulary import Lookup, normalise

__all__ = [
    "CARRYABLE",
    "MAX_AMOUNT",
    "MAX_COUNT",
    "MAX_FINDINGS",
    "MAX_PROBLEMS",
    "YEARS_AFTER",
    "YEARS_BEFORE",
    "Complaint",
    "FindingInput",
    "parse_complaint",
]

_PRIVATE = ("id", "complainant", "text")
FIELDS = ("received_at", "channel", "category", "level", "findings")

CARRYABLE = _PRIVATE
"""The fields a host may ask to have copied, verbatim, into ``Decision.carried``."""

MAX_FINDINGS = 1000
"""Findings per complaint (and roles per finding)."""
MAX_COUNT = 1_000_000
"""Occurrences of one finding."""
MAX_AMOUNT = Decimal(10) ** 15
"""The largest magnitude of a number fact (an amount in yuan, a count)."""
MAX_PLACES = 8
"""Decimal places of a number fact."""
MAX_NAME_CHARS = 200
"""Characters of a vocabulary name; longer text is no name of a term."""
MAX_CARRIED_CHARS = 100_000
"""Size of one carried field, as JSON text."""
MAX_PROBLEMS = 100
"""Problems listed for one complaint; the rest are counted."""
YEARS_BEFORE = 1
YEARS_AFTER = 10
"""Instants must lie from ``YEARS_BEFORE`` years before the first year of the policy's
calendar to ``YEARS_AFTER`` years after its last known year."""

_EXAMPLE = "2026-09-30T16:20:00+08:00"
_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?")


@dataclass(frozen=True, slots=True)
class FindingInput:
    """A finding of the complaint's investigation: what, how many times, who was involved."""

    finding: str
    count: int
    roles: tuple[str, ...]


NOTHING_CARRIED: Mapping[str, Any] = MappingProxyType({})


class Complaint(NamedTuple):
    """A complaint with every value resolved to the policy's ids (an immutable named
    tuple: one is made per decision, and a tuple is the cheapest immutable record).

    ``carried`` holds only the personal fields the host asked to carry; nothing else of
    the input's personal data is kept.
    """

    received_at: datetime
    channel: str
    category: str
    level: str | None
    findings: tuple[FindingInput, ...]
    facts: Mapping[str, Any]
    carried: Mapping[str, Any] = NOTHING_CARRIED


def parse_datetime(value: Any, name: str) -> datetime:
    """An aware datetime from a datetime or an ISO 8601 string; naive ones are refused.

    The message of the ``ValueError`` never repeats a string that does not parse.
    """
    if isinstance(value, str):
        text = value.strip()
        try:
            value = datetime.fromisoformat(text) if len(text) <= 64 else None
        except ValueError:
            value = None
        if value is None:
            raise _bad_datetime(text) from None
    if not isinstance(value, datetime):
        raise Invalid("complaint.wrong_type", "complaint.wrong_type.instant", type=_type(value))
    if value.tzinfo is None or value.utcoffset() is None:
        raise Invalid(
            "complaint.naive_instant",
            "complaint.naive_instant.example",
            name=name,
            example=f"{value.isoformat()}+08:00",
        )
    if not 2 <= value.year <= 9998:
        raise Invalid(
            "complaint.instant_out_of_range",
            "complaint.instant_out_of_range.year",
            year=value.year,
        )
    return value


class Invalid(ValueError):
    """A value that does not fit, with the stable ``code`` of its kind of problem, and the
    catalogue's ``wording`` of it with its values (``args``); its text is the English."""

    def __init__(self, code: str, wording: str, **args: object) -> None:
        self.code = code
        self.wording = wording
        self.values = args
        super().__init__(make_problem(code, wording=wording, args=args).message)

    def at(self, path: tuple[str | int, ...], code: str | None = None) -> Problem:
        """The problem at ``path``, published as ``code`` (by default its own)."""
        return make_problem(code or self.code, path=path, wording=self.wording, args=self.values)


def problem_of(exc: ValueError, path: tuple[str | int, ...], code: str | None = None) -> Problem:
    """The problem ``exc`` (from :func:`parse_datetime`) says, at ``path``, published as
    ``code`` (e.g. ``decide.bad_at``; by default the code of its kind), worded in each
    language."""
    if isinstance(exc, Invalid):
        return exc.at(path, code)
    return Problem(str(exc), path=path, code=code or "complaint.invalid_value")


_NOT_REAL = {
    "day is out of range for month": "complaint.impossible_instant.day",
    "month must be in 1..12": "complaint.impossible_instant.month",
    "hour must be in 0..23": "complaint.impossible_instant.hour",
    "minute must be in 0..59": "complaint.impossible_instant.minute",
    "second must be in 0..59": "complaint.impossible_instant.second",
    "year 0 is out of range": "complaint.impossible_instant.year",
}
"""Why a date-time of numbers is not real (Python's words), in the catalogue's words."""


def _bad_datetime(text: str) -> Invalid:
    """Why ``text`` is no ISO 8601 date-time, without repeating it."""
    shape = _SHAPE.match(text)
    if shape is not None:
        try:
            datetime.fromisoformat(shape.group())
        except ValueError as exc:
            # e.g. "day is out of range for month": the parts are numbers, not the text.
            why = str(exc)
            if "isoformat" not in why:
                code = "complaint.impossible_instant"
                if why in _NOT_REAL:
                    return Invalid(code, _NOT_REAL[why], example=_EXAMPLE)
                return Invalid(code, f"{code}.reason", reason=why, example=_EXAMPLE)
    return Invalid("complaint.invalid_value", "complaint.invalid_value.instant", example=_EXAMPLE)


def _type(value: Any) -> str:
    """The JSON name of ``value``'s type, for messages that must not show the value."""
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float | Decimal):
        return "a number"
    if value is None:
        return "null"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return type(value).__name__


_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]{0,63}")


def _shown_key(key: Any, position: int) -> str:
    """An unknown field's name for a message, if it looks like one (ASCII, identifier-like).

    Any other key (``張三``, an e-mail address, a phone number) may itself be personal
    data: it is shown by its position among the object's keys, e.g. ``<key 3>``.
    """
    if isinstance(key, str) and _FIELD_NAME.fullmatch(key):
        return key
    return f"<key {position}>"


def parse_complaint(
    policy: CompiledPolicy, data: Mapping[str, Any], *, carry: Iterable[str] = ()
) -> Complaint:
    """Resolve ``data`` against ``policy``; raise :class:`ComplaintError` listing every problem.

    ``carry`` names personal fields (of :data:`CARRYABLE`) to keep, verbatim, in
    ``Complaint.carried``; by default none is kept.
    """
    return _parse(policy, data, _carry_names(carry))


def _parse(policy: CompiledPolicy, data: Mapping[str, Any], carry: tuple[str, ...]) -> Complaint:
    """The full check, which finds and words every problem."""
    if not isinstance(data, Mapping):
        raise ComplaintError(
            [
                make_problem(
                    "complaint.not_an_object",
                    wording="complaint.not_an_object.got",
                    type=_type(data),
                )
            ]
        )
    problems: list[Problem] = []

    def fail(path: tuple[str | int, ...], code: str, wording: str, **args: object) -> None:
        problems.append(make_problem(code, path=path, wording=wording, args=args))

    facts_decl = {fact.id: fact for fact in policy.policy.facts}
    allowed = [*FIELDS, *facts_decl, *_PRIVATE]
    for position, key in enumerate(data, 1):
        if key not in allowed:
            shown = _shown_key(key, position)
            match = difflib.get_close_matches(shown, allowed, n=1)
            if match:
                fail(
                    (shown,),
                    "complaint.unknown_field",
                    "complaint.unknown_field.nearest",
                    allowed=", ".join(allowed),
                    nearest=repr(match[0]),
                )
            else:
                fail(
                    (shown,),
                    "complaint.unknown_field",
                    "complaint.unknown_field.allowed",
                    allowed=", ".join(allowed),
                )
            if len(problems) > MAX_PROBLEMS:
                break

    received_at = None
    if "received_at" not in data:
        fail(("received_at",), "complaint.missing", "complaint.missing.received_at")
    else:
        received_at = _instant(data["received_at"], "received_at", policy, fail)

    def term(key: str, lookup: Lookup, required: bool) -> str | None:
        if key not in data or data[key] is None:
            if required:
                fail(
                    (key,),
                    "complaint.missing",
                    "complaint.missing.term",
                    allowed=lookup.listing(),
                )
            return None
        return resolve_term(data[key], lookup, (key,), fail)

    channel = term("channel", policy.channels, True)
    category = term("category", policy.categories, True)
    level: str | None = None
    if policy.level_input == "forbidden":
        if data.get("level") is not None:
            why = (
                "complaint.not_accepted.classified"
                if policy.classification
                else "complaint.not_accepted.no_levels"
            )
            fail(("level",), "complaint.not_accepted", why)
    else:
        level = term("level", policy.levels, policy.level_input == "required")

    findings: list[FindingInput] = []
    raw_findings = data.get("findings", [])
    if raw_findings is None:
        raw_findings = []
    if not isinstance(raw_findings, list | tuple):
        fail(
            ("findings",),
            "complaint.wrong_type",
            "complaint.wrong_type.findings",
            type=_type(raw_findings),
        )
        raw_findings = []
    if len(raw_findings) > MAX_FINDINGS:
        fail(("findings",), "complaint.too_many", "complaint.too_many.findings", limit=MAX_FINDINGS)
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
        if fact.type == "datetime":
            instant = _instant(value, fact_id, policy, fail)
            if instant is not None:
                facts[fact_id] = instant
            continue
        try:
            facts[fact_id] = _fact_value(fact.type, value, fact.minimum)
        except Invalid as exc:
            fail((fact_id,), exc.code, exc.wording, **exc.values)

    carried = _carried(data, carry, fail)
    if problems:
        if len(problems) > MAX_PROBLEMS:
            more = len(problems) - MAX_PROBLEMS
            problems[MAX_PROBLEMS:] = [
                make_problem(
                    "complaint.too_many_problems",
                    wording="complaint.too_many_problems.count",
                    count=more,
                )
            ]
        raise ComplaintError(problems)
    assert received_at is not None and channel is not None and category is not None
    return Complaint(
        received_at=received_at,
        channel=channel,
        category=category,
        level=level,
        findings=tuple(findings),
        facts=facts,
        carried=MappingProxyType(carried),
    )


def _instant(value: Any, name: str, policy: CompiledPolicy, fail: Any) -> datetime | None:
    try:
        instant = parse_datetime(value, name)
    except Invalid as exc:
        fail((name,), exc.code, exc.wording, **exc.values)
        return None
    known = policy.calendar.known_years
    first, last = min(known) - YEARS_BEFORE, max(known) + YEARS_AFTER
    year = instant.astimezone(policy.tz).year
    if not first <= year <= last:
        fail(
            (name,),
            "complaint.instant_out_of_range",
            "complaint.instant_out_of_range.calendar",
            year=year,
            first=first,
            last=last,
            before=YEARS_BEFORE,
            after=YEARS_AFTER,
        )
        return None
    return instant


def resolve_term(value: Any, lookup: Lookup, path: tuple[str | int, ...], fail: Any) -> str | None:
    """The id ``value`` names in ``lookup``; a message that never repeats ``value``."""
    if not isinstance(value, str):
        fail(
            path,
            "complaint.wrong_type",
            "complaint.wrong_type.term",
            kind=lookup.kind,
            type=_type(value),
        )
        return None
    if len(value) > MAX_NAME_CHARS:
        fail(
            path,
            "complaint.too_long",
            "complaint.too_long.term",
            kind=lookup.kind,
            limit=MAX_NAME_CHARS,
        )
        return None
    hidden = [c for c in value if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn")]
    if hidden:
        fail(
            path,
            "complaint.invisible_character",
            "complaint.invisible_character.term",
            characters=_codes(hidden),
            allowed=lookup.listing(),
        )
        return None
    found = lookup.find(value)
    if found is not None:
        return found.id
    wording, args = _unknown(value, lookup)
    fail(path, "complaint.unknown_term", wording, **args)
    return None


def _unknown(value: str, lookup: Lookup) -> tuple[str, dict[str, object]]:
    """The wording of an unknown term and its values: the allowed ones, the closest."""
    args: dict[str, object] = {"kind": lookup.kind, "allowed": lookup.listing()}
    key = normalise(value)
    match = difflib.get_close_matches(key, list(lookup.spellings), n=1, cutoff=0.5)
    if not match:
        return "complaint.unknown_term.allowed", args
    term = lookup.terms[lookup.spellings[match[0]]]
    args["closest"] = f"{term.id} ({term.label})"
    if match[0].isascii() and not key.isascii():
        # Cyrillic 'е' for Latin 'e' and the like: NFKC does not fold other scripts.
        odd = [c for c in dict.fromkeys(key) if not c.isascii()]
        args["characters"] = _codes(odd)
        return "complaint.unknown_term.look_alike", args
    return "complaint.unknown_term.closest", args


def _codes(chars: list[str]) -> str:
    named = [f"U+{ord(c):04X} {unicodedata.name(c, '').title()}".rstrip() for c in chars[:3]]
    return ", ".join(named) + (", …" if len(chars) > 3 else "")


def _finding(
    policy: CompiledPolicy, item: Any, path: tuple[str | int, ...], fail: Any
) -> FindingInput | None:
    if isinstance(item, str):
        item = {"finding": item}
    if not isinstance(item, Mapping):
        fail(path, "complaint.wrong_type", "complaint.wrong_type.finding", type=_type(item))
        return None
    extra = [(n, key) for n, key in enumerate(item, 1) if key not in ("finding", "count", "roles")]
    for position, key in extra[:10]:
        fail(
            (*path, _shown_key(key, position)),
            "complaint.unknown_field",
            "complaint.unknown_field.allowed",
            allowed="finding, count, roles",
        )
    if "finding" not in item or item["finding"] is None:
        fail(
            (*path, "finding"),
            "complaint.missing",
            "complaint.missing.term",
            allowed=policy.findings.listing(),
        )
        found = None
    else:
        found = resolve_term(item["finding"], policy.findings, (*path, "finding"), fail)
    count = item.get("count", 1)
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_COUNT:
        fail(
            (*path, "count"),
            "complaint.invalid_value",
            "complaint.invalid_value.count",
            limit=MAX_COUNT,
        )
        count = None
    roles: list[str] = []
    raw_roles = item.get("roles", [])
    if raw_roles is None:
        raw_roles = []
    if not isinstance(raw_roles, list | tuple):
        fail(
            (*path, "roles"),
            "complaint.wrong_type",
            "complaint.wrong_type.roles",
            type=_type(raw_roles),
        )
        raw_roles = []
    if len(raw_roles) > MAX_FINDINGS:
        fail((*path, "roles"), "complaint.too_many", "complaint.too_many.roles", limit=MAX_FINDINGS)
        raw_roles = []
    for j, role in enumerate(raw_roles):
        role_id = resolve_term(role, policy.roles, (*path, "roles", j), fail)
        if role_id is not None:
            roles.append(role_id)
    if found is None or count is None:
        return None
    return FindingInput(finding=found, count=count, roles=tuple(roles))


def _fact_value(kind: str, value: Any, minimum: int | None) -> Any:
    if kind == "bool":
        if not isinstance(value, bool):
            raise Invalid("complaint.wrong_type", "complaint.wrong_type.bool", type=_type(value))
        return value
    if isinstance(value, float):
        raise Invalid("complaint.invalid_value", "complaint.invalid_value.float")
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise Invalid("complaint.wrong_type", "complaint.wrong_type.number", type=_type(value))
    if kind == "int":
        if not isinstance(value, int):
            raise Invalid("complaint.wrong_type", "complaint.wrong_type.whole", type=_type(value))
        if abs(value) > MAX_AMOUNT:
            raise Invalid(
                "complaint.invalid_value",
                "complaint.invalid_value.implausible",
                limit=f"{MAX_AMOUNT:,.0f}",
            )
        number: int | Decimal = value
    else:
        if isinstance(value, int) and abs(value) > MAX_AMOUNT:
            raise _implausible_amount()
        try:
            number = Decimal(value if isinstance(value, Decimal) else str(value)[:64])
        except InvalidOperation:
            raise Invalid(
                "complaint.invalid_value", "complaint.invalid_value.not_a_number"
            ) from None
        if isinstance(value, str) and len(value) > 64:
            raise Invalid(
                "complaint.invalid_value", "complaint.invalid_value.number_too_long", limit=64
            )
        if not number.is_finite():
            raise Invalid("complaint.invalid_value", "complaint.invalid_value.not_finite")
        if abs(number) > MAX_AMOUNT:
            raise _implausible_amount()
        exponent = number.normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent < -MAX_PLACES:
            raise Invalid("complaint.too_many", "complaint.too_many.places", limit=MAX_PLACES)
    if minimum is not None and number < minimum:
        raise Invalid("complaint.invalid_value", "complaint.invalid_value.minimum", minimum=minimum)
    return number


def _implausible_amount() -> Invalid:
    return Invalid(
        "complaint.invalid_value",
        "complaint.invalid_value.implausible_amount",
        limit=f"{MAX_AMOUNT:,.0f}",
    )


def _carry_names(carry: Iterable[str]) -> tuple[str, ...]:
    if isinstance(carry, str):
        raise TypeError(f"carry is a list of field names, e.g. ({carry!r},), not a string")
    names = tuple(dict.fromkeys(carry))
    for name in names:
        if name not in CARRYABLE:
            raise ValueError(f"cannot carry {name!r}; carry names fields of {CARRYABLE}")
    return names


def _carried(data: Mapping[str, Any], carry: tuple[str, ...], fail: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in carry:
        if name not in data:
            continue
        try:
            out[name] = _json_copy(data[name], 0, [MAX_CARRIED_CHARS])
        except _NotJson:
            fail(
                (name,),
                "complaint.invalid_value",
                "complaint.invalid_value.not_carried",
                limit=MAX_CARRIED_CHARS,
                depth=32,
            )
    return out


class _NotJson(Exception):
    pass


def _json_copy(value: Any, depth: int, budget: list[int]) -> Any:
    """A copy of ``value`` as plain JSON data (tuples become lists), within the budget."""
    budget[0] -= 1
    if budget[0] < 0 or depth > 32:
        raise _NotJson
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int) and abs(value) < 2**63:
        return value
    if isinstance(value, float) and value == value and abs(value) != float("inf"):
        return value
    if isinstance(value, str):
        budget[0] -= len(value)
        if budget[0] < 0 or any("\ud800" <= c <= "\udfff" for c in value):
            raise _NotJson
        return value
    if isinstance(value, list | tuple):
        return [_json_copy(x, depth + 1, budget) for x in value]
    if isinstance(value, Mapping):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise _NotJson
            out[_json_copy(key, depth, budget)] = _json_copy(item, depth + 1, budget)
        return out
    raise _NotJson
