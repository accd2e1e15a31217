"""The generated complaint parser: the common complaint checked in a few dictionary lookups.

:func:`fast_parser` gives, once per compiled policy, a parser of plain complaints (a
``dict`` of exact spellings and plain values) written as Python for that policy. What it
declines (``None``) takes the full check,
:func:`~complaint_rules.decision.complaint.parse_complaint`, which gives the same answer
or words the problem; the test suite compares the two.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

from ..._generated import run_source
from ...policy.compiled import CompiledPolicy
from ...policy.vocabulary import Lookup
from ..complaint import (
    CARRYABLE,
    FIELDS,
    MAX_AMOUNT,
    MAX_COUNT,
    MAX_FINDINGS,
    NOTHING_CARRIED,
    YEARS_AFTER,
    YEARS_BEFORE,
    Complaint,
    FindingInput,
    resolve_term,
)

__all__ = ["fast_parser"]


_CACHE_KEY = "complaint"


def fast_parser(policy: CompiledPolicy) -> _FastParser:
    """The policy's parser of the common case (see :class:`_FastParser`), built once."""
    found = policy.cache.get(_CACHE_KEY)
    if found is None:
        found = policy.cache.setdefault(_CACHE_KEY, _FastParser(policy))
    assert isinstance(found, _FastParser)
    return found


class _FastParser:
    """The common case, checked in a few dictionary lookups: a ``dict`` whose values are
    exact spellings and plain values. Anything else (an unknown key, a spelling that needs
    folding, a finding given as an object, a value to check further) returns ``None`` and
    takes the full check, which gives the same answer or words the problem; a test
    compares the two on random complaints.

    :meth:`parse` is Python generated for the policy: one straight block per declared fact
    (its key and type written in), no loop over the input's keys.
    """

    parse: Callable[[dict[str, Any]], Complaint | None]

    def __init__(self, policy: CompiledPolicy) -> None:
        self.policy = policy
        known = policy.calendar.known_years
        self.years = (max(2, min(known) - YEARS_BEFORE), min(9998, max(known) + YEARS_AFTER))
        self.allowed = frozenset([*FIELDS, *(f.id for f in policy.policy.facts), *CARRYABLE])
        self.channels = _exact(policy.channels)
        self.categories = _exact(policy.categories)
        self.levels = _exact(policy.levels)
        self.findings = _exact(policy.findings)
        self.roles = _exact(policy.roles)
        self.level_input = policy.level_input
        self.parse = self._generate()

    def _generate(self) -> Callable[[dict[str, Any]], Complaint | None]:
        """The source of ``parse`` for this policy, compiled.

        Only ``repr()`` literals of the policy's own ids and numbers enter the text; every
        other name is a constant passed in.
        """
        lo, hi = self.years

        def instant(name: str, indent: str) -> list[str]:
            # The text to an aware datetime (from text, an offset is a fixed one), with one
            # year of margin so that the local year is in range.
            block = [
                f"if {name}.__class__ is not str or len({name}) > 64:",
                "    return None",
                "try:",
                f"    {name} = fromisoformat({name})",
                "except ValueError:",
                "    return None",
                f"if {name}.tzinfo is None or not {lo!r} < {name}.year < {hi!r}:",
                "    return None",
            ]
            return [indent + line for line in block]

        lines = [
            "def parse(data):",
            "    if not data.keys() <= allowed:",
            "        return None",
            "    get = data.get",
            "    received_at = get('received_at')",
            *instant("received_at", "    "),
            "    channel = get('channel')",
            "    category = get('category')",
            "    if channel.__class__ is not str or category.__class__ is not str:",
            "        return None",
            "    channel = channels.get(channel)",
            "    category = categories.get(category)",
            "    if channel is None or category is None:",
            "        return None",
            "    level = get('level')",
        ]
        if self.level_input == "forbidden":
            lines += ["    if level is not None:", "        return None"]
        else:
            lines += [
                "    if level is not None:",
                "        level = levels.get(level) if level.__class__ is str else None",
                "        if level is None:",
                "            return None",
            ]
            if self.level_input == "required":
                lines += ["    else:", "        return None"]
        lines += [
            "    findings = get('findings')",
            "    if findings:",
            "        findings = findings_of(findings)",
            "        if findings is None:",
            "            return None",
            "    elif findings is None or findings.__class__ is list:",
            "        findings = ()",
            "    else:",
            "        return None",
            "    facts = {}",
        ]
        for fact in self.policy.policy.facts:
            key = repr(fact.id)
            low = -_MAX_INT if fact.minimum is None else max(-_MAX_INT, fact.minimum)
            lines += [f"    v = get({key})", "    if v is not None:"]
            if fact.type == "bool":
                lines += ["        if v.__class__ is not bool:", "            return None"]
            elif fact.type == "int":
                lines += [
                    f"        if v.__class__ is not int or not {low!r} <= v <= {_MAX_INT!r}:",
                    "            return None",
                ]
            elif fact.type == "decimal":
                # Plain text has at most 15 digits before the point and 8 after: finite,
                # below MAX_AMOUNT, within MAX_PLACES.
                lines += [
                    "        if v.__class__ is str:",
                    "            if plain(v) is None:",
                    "                return None",
                    "            v = Decimal(v)",
                ]
                if fact.minimum is not None:
                    lines += [
                        f"            if v < {fact.minimum!r}:",
                        "                return None",
                    ]
                lines += [
                    f"        elif v.__class__ is int and {low!r} <= v <= {_MAX_INT!r}:",
                    "            v = Decimal(v)",
                    "        else:",
                    "            return None",
                ]
            else:  # datetime
                lines += instant("v", "        ")
            lines.append(f"        facts[{key}] = v")
            if fact.default is not None:
                lines += ["    else:", f"        facts[{key}] = {fact.default!r}"]
        lines.append(
            "    return new(Complaint, "
            "(received_at, channel, category, level, findings, facts, nothing))"
        )
        namespace: dict[str, Any] = {
            "__builtins__": {},
            "allowed": self.allowed,
            "fromisoformat": datetime.fromisoformat,
            "ValueError": ValueError,
            "len": len,
            "channels": self.channels,
            "categories": self.categories,
            "levels": self.levels,
            "findings_of": self.findings_of,
            "plain": _PLAIN_DECIMAL.fullmatch,
            "Decimal": Decimal,
            "str": str,
            "int": int,
            "bool": bool,
            "list": list,
            "new": tuple.__new__,
            "Complaint": Complaint,
            "nothing": NOTHING_CARRIED,
        }
        source = "\n".join(lines) + "\n"
        run_source(source, f"complaint parser {self.policy.id}", namespace)
        parse: Callable[[dict[str, Any]], Complaint | None] = namespace["parse"]
        return parse

    def finding(self, item: dict[str, Any]) -> FindingInput | None:
        if not item.keys() <= _FINDING_KEYS:
            return None
        finding = _spelt(self.findings, item.get("finding"))
        count = item.get("count", 1)
        raw_roles = item.get("roles")
        if finding is None or count.__class__ is not int or not 1 <= count <= MAX_COUNT:
            return None
        roles = []
        if raw_roles:
            if raw_roles.__class__ is not list or len(raw_roles) > MAX_FINDINGS:
                return None
            for role in raw_roles:
                role_id = _spelt(self.roles, role)
                if role_id is None:
                    return None
                roles.append(role_id)
        elif raw_roles is not None and raw_roles.__class__ is not list:
            return None
        return FindingInput(finding=finding, count=count, roles=tuple(roles))

    def findings_of(self, raw: Any) -> tuple[FindingInput, ...] | None:
        """The findings (a non-empty value), or None for anything but a plain list."""
        if raw.__class__ is not list or len(raw) > MAX_FINDINGS:
            return None
        found = []
        for item in raw:
            if item.__class__ is dict:
                parsed = self.finding(item)
                if parsed is None:
                    return None
                found.append(parsed)
                continue
            finding = _spelt(self.findings, item)
            if finding is None:
                return None
            found.append(FindingInput(finding=finding, count=1, roles=()))
        return tuple(found)


_FINDING_KEYS = frozenset(("finding", "count", "roles"))
_PLAIN_DECIMAL = re.compile(r"-?[0-9]{1,15}(?:\.[0-9]{1,8})?")
_MAX_INT = int(MAX_AMOUNT)  # compared with an int, an int is faster than a Decimal


def _spelt(spellings: dict[str, str], value: Any) -> str | None:
    return spellings.get(value) if value.__class__ is str else None


def _exact(lookup: Lookup) -> dict[str, str]:
    """Every spelling the full check accepts as it is (ids, labels, aliases, folded forms)."""
    out: dict[str, str] = {}
    written = (s for t in lookup.terms.values() for s in (t.id, t.label, *t.aliases))
    problems: list[Any] = []
    for spelling in (*lookup.spellings, *written):
        problems.clear()
        found = resolve_term(
            spelling, lookup, (), lambda path, code, *_, **__: problems.append(code)
        )
        if found is not None and not problems:
            out[spelling] = found
    return out
