"""Expected decision fields, as a compliance officer writes them in a policy tests file.

An expectation is a mapping shaped like a :class:`~complaint_rules.decision.model.Decision`,
holding only the fields the officer cares about. :func:`check_expectation` reads it
against the decision model (unknown keys, wrong kinds of value) before anything runs;
:func:`compare` lists how a decision differs from it, and :func:`compare_absent` which
elements that must not be there are. The rules, stated once:

- a mapping is compared key by key: only what is written is checked;
- a list of decision elements (deadlines, routing, penalties, …) holds the elements that
  must be present, each found by its identity (``id``; ``duty`` and ``role`` for routing;
  ``role`` for an approval's tiers; ``rule`` for matched rules); others may be present
  too; ``[]`` means none at all;
- a list of names or values (``by``, ``to``, ``needs``, …) is compared exactly, in any order;
- a name (``{id, label}``) may be written as its id or its label, an element as its id;
- instants are ISO 8601 with an offset and compared as instants; money is an integer or a
  quoted decimal, compared as a number.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from pydantic import BaseModel

from ...decision.model import (
    DecidedAssignment,
    DecidedLevel,
    DecidedTier,
    Decision,
    Named,
    PendingRule,
    Source,
)

__all__ = ["Difference", "check_absent", "check_expectation", "compare", "compare_absent"]

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Difference:
    """One way a decision differs from an expectation: where, what was expected, what is."""

    field: str
    expected: str
    actual: str
    path: Path
    """Where the expectation is written, below the case's ``expect`` key (for its line)."""


# --- the shape of the decision -------------------------------------------------------


def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return (args[0] if len(args) == 1 else tp), len(args) < len(typing.get_args(tp))
    return tp, False


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _list_item(tp: Any) -> Any | None:
    if typing.get_origin(tp) is tuple:
        return typing.get_args(tp)[0]
    return None


def _is_element(tp: Any) -> bool:
    """Decision elements (matched in a list by identity), as opposed to names and values."""
    return _is_model(tp) and tp is not Named


def _fields(model: type[BaseModel]) -> dict[str, Any]:
    # The contract version ("schema") is the same in every decision: nothing to expect.
    return {name: info.annotation for name, info in model.model_fields.items() if name != "schema_"}


def _identity(model: type[BaseModel]) -> tuple[str, ...]:
    """The keys that find an element in a list (empty: found by its whole content)."""
    if model is DecidedAssignment:
        return ("duty", "role")
    if model is DecidedTier:
        return ("role",)
    if model is Source:
        return ("rule",)
    if "id" in model.model_fields:
        return ("id",)
    return ()


def _short(model: type[BaseModel], actual: Mapping[str, Any]) -> tuple[str, ...]:
    """What a plain string may name in place of this object (empty: no shorthand)."""
    if model in (Named, DecidedLevel):
        return (actual["id"], actual["label"])
    if model is Source:
        return (actual["rule"],)
    if model is PendingRule:
        return (actual["source"]["rule"],)
    if "id" in model.model_fields:
        return (actual["id"],)
    return ()


def _has_short(model: type[BaseModel]) -> bool:
    return model in (Named, DecidedLevel, Source, PendingRule) or "id" in model.model_fields


def _literal_values(tp: Any) -> tuple[Any, ...] | None:
    return typing.get_args(tp) if typing.get_origin(tp) is Literal else None


# --- reading an expectation ----------------------------------------------------------


def parse_instant(value: Any) -> datetime | None:
    """An aware datetime from an ISO 8601 string, else None."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.utcoffset() is not None else None


def _money(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def check_expectation(expect: Any) -> list[tuple[Path, str]]:
    """Every problem with an expectation, as (path below ``expect``, message)."""
    problems: list[tuple[Path, str]] = []
    if not isinstance(expect, Mapping):
        return [((), "expect is a mapping of decision fields (e.g. deadlines, level)")]
    _check(expect, Decision, (), problems)
    return problems


def _element_lists() -> dict[str, Any]:
    """The decision's lists of elements, by field name, with their item type."""
    out = {}
    for name, tp in _fields(Decision).items():
        item = _list_item(tp)
        if item is not None and _is_element(item):
            out[name] = item
    return out


def check_absent(absent: Any) -> list[tuple[Path, str]]:
    """Every problem with an ``expect_absent`` mapping (lists of elements that must not be)."""
    lists = _element_lists()
    if not isinstance(absent, Mapping):
        return [((), f"expect_absent is a mapping of element lists: {', '.join(lists)}")]
    problems: list[tuple[Path, str]] = []
    for key, items in absent.items():
        if key not in lists:
            close = difflib.get_close_matches(str(key), list(lists), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(((str(key),), f"unknown key; allowed: {', '.join(lists)}{hint}"))
        elif not isinstance(items, list) or not items:
            problems.append(((key,), "expected a list of the elements that must not be present"))
        else:
            for j, entry in enumerate(items):
                _check(entry, lists[key], (key, j), problems)
    return problems


def _check(value: Any, tp: Any, path: Path, out: list[tuple[Path, str]]) -> None:
    tp, optional = _unwrap_optional(tp)
    if value is None:
        if not optional:
            out.append((path, "null is not possible here: the decision always has this field"))
        return
    item = _list_item(tp)
    if item is not None:
        _check_list(value, item, path, out)
    elif _is_model(tp):
        _check_object(value, tp, path, out)
    elif typing.get_origin(tp) is dict:
        if not isinstance(value, Mapping):
            out.append((path, "expected a mapping"))
    else:
        message = _check_scalar(value, tp)
        if message:
            out.append((path, message))


def _check_object(value: Any, model: type[BaseModel], path: Path, out: list[Any]) -> None:
    if isinstance(value, str) and _has_short(model):
        return
    if not isinstance(value, Mapping):
        short = " (or its id)" if _has_short(model) else ""
        out.append(
            (path, f"expected a mapping with keys among: {', '.join(_fields(model))}{short}")
        )
        return
    fields = _fields(model)
    for key, sub in value.items():
        if key not in fields:
            close = difflib.get_close_matches(str(key), list(fields), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            out.append(((*path, str(key)), f"unknown key; allowed: {', '.join(fields)}{hint}"))
            continue
        _check(sub, fields[key], (*path, key), out)


def _check_list(value: Any, item: Any, path: Path, out: list[Any]) -> None:
    if not isinstance(value, list):
        out.append((path, "expected a list ([] for none)"))
        return
    for j, entry in enumerate(value):
        where = (*path, j)
        if _is_element(item) and isinstance(entry, Mapping):
            missing = [k for k in _identity(item) if k not in entry]
            if missing:
                out.append((where, f"name the element by its {' and '.join(missing)}"))
        _check(entry, item, where, out)


def _check_scalar(value: Any, tp: Any) -> str | None:
    if tp is date:
        try:
            date.fromisoformat(str(value))
        except ValueError:
            return f"expected a date, e.g. 2026-10-09 (got {_quoted(value)})"
        return None
    if tp is datetime:
        if parse_instant(value) is None:
            return (
                f"expected an instant: ISO 8601 with an offset, e.g. 2026-10-09T23:59:59+08:00 "
                f"(got {_quoted(value)})"
            )
        return None
    if tp is Decimal:
        if _money(value) is None:
            example = 'e.g. "99.50"'
            return (
                f"write amounts as an integer or a quoted decimal, {example} (got {_quoted(value)})"
            )
        return None
    allowed = _literal_values(tp)
    if allowed is not None:
        if value not in allowed:
            close = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            return f"{_quoted(value)} is not possible; one of: {', '.join(map(str, allowed))}{hint}"
        return None
    if tp is bool:
        return None if isinstance(value, bool) else f"expected true or false, got {_quoted(value)}"
    if tp is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return None if ok else f"expected a whole number, got {_quoted(value)}"
    if tp is str:
        return None if isinstance(value, str) else f"expected text, got {_quoted(value)}"
    return None


# --- comparing ------------------------------------------------------------------------


def compare(expect: Mapping[str, Any], decision: Decision) -> list[Difference]:
    """How ``decision`` differs from a checked expectation (empty: it matches)."""
    actual = decision.model_dump(mode="json")
    return _Diff().object(expect, actual, Decision, "", ())


def compare_absent(absent: Mapping[str, Any], decision: Decision) -> list[Difference]:
    """The elements of a checked ``expect_absent`` that ``decision`` has (empty: none)."""
    actual = decision.model_dump(mode="json")
    lists = _element_lists()
    diff = _Diff()
    out = []
    for key, items in absent.items():
        item = lists[key]
        for j, entry in enumerate(items):
            present = [
                a
                for a in actual[key]
                if (
                    entry in _short(item, a)
                    if isinstance(entry, str)
                    else diff.same(entry, a, item)
                )
            ]
            if present:
                shown = ", ".join(diff.brief(a, item) for a in present)
                label = entry if isinstance(entry, str) else j
                out.append(Difference(f"{key}[{label}]", "absent", f"present: {shown}", (key, j)))
    return out


class _Diff:
    def walk(self, exp: Any, act: Any, tp: Any, field: str, path: Path) -> list[Difference]:
        tp, _ = _unwrap_optional(tp)
        if exp is None or act is None:
            if exp is None and act is None:
                return []
            return [Difference(field, _show(exp), self.brief(act, tp), path)]
        item = _list_item(tp)
        if item is not None:
            if _is_element(item):
                return self.elements(exp, act, item, field, path)
            return self.values(exp, act, item, field, path)
        if _is_model(tp):
            if isinstance(exp, str):
                if exp in _short(tp, act):
                    return []
                return [Difference(field, exp, self.brief(act, tp), path)]
            return self.object(exp, act, tp, field, path)
        if typing.get_origin(tp) is dict:  # free-form data (e.g. carried fields): by key
            return [
                Difference(f"{field}.{k}", _show(v), _show(act[k]) if k in act else "absent", path)
                for k, v in exp.items()
                if k not in act or v != act[k]
            ]
        if self.same_scalar(exp, act, tp):
            return []
        return [Difference(field, _show(exp), _show(act), path)]

    def object(
        self, exp: Mapping[str, Any], act: Mapping[str, Any], model: Any, field: str, path: Path
    ) -> list[Difference]:
        fields = _fields(model)
        out: list[Difference] = []
        for key, sub in exp.items():
            name = f"{field}.{key}" if field else key
            out += self.walk(sub, act[key], fields[key], name, (*path, key))
        return out

    def same(self, exp: Any, act: Any, tp: Any) -> bool:
        return not self.walk(exp, act, tp, "", ())

    def same_scalar(self, exp: Any, act: Any, tp: Any) -> bool:
        if tp is datetime:
            return parse_instant(exp) == parse_instant(act)
        if tp is date:
            return str(exp) == str(act)
        if tp is Decimal:
            return _money(exp) == _money(act)
        return type(exp) is type(act) and bool(exp == act)

    def elements(
        self, exp: list[Any], act: list[Any], item: Any, field: str, path: Path
    ) -> list[Difference]:
        here = ", ".join(self.brief(a, item) for a in act) or "none"
        if not exp:
            return [] if not act else [Difference(field, "none", here, path)]
        out: list[Difference] = []
        keys = _identity(item)
        for j, e in enumerate(exp):
            if isinstance(e, str):
                if not any(e in _short(item, a) for a in act):
                    out.append(
                        Difference(f"{field}[{e}]", "present", f"absent; here: {here}", (*path, j))
                    )
                continue
            if keys:
                label = "/".join(_show(e[k]) for k in keys)
                candidates = [
                    a for a in act if all(self.same(e[k], a[k], _fields(item)[k]) for k in keys)
                ]
                if not candidates:
                    out.append(
                        Difference(
                            f"{field}[{label}]", "present", f"absent; here: {here}", (*path, j)
                        )
                    )
                    continue
                diffs = [
                    self.object(e, a, item, f"{field}[{label}]", (*path, j)) for a in candidates
                ]
                if not any(not d for d in diffs):
                    out += diffs[0]
                continue
            if not any(self.same(e, a, item) for a in act):
                out.append(
                    Difference(f"{field}[{j}]", _show(e), f"no match; here: {here}", (*path, j))
                )
        return out

    def values(
        self, exp: list[Any], act: list[Any], item: Any, field: str, path: Path
    ) -> list[Difference]:
        unused = list(act)
        for e in exp:
            match = next((a for a in unused if self.same(e, a, item)), None)
            if match is None:
                break
            unused.remove(match)
        else:
            if not unused:
                return []
        shown = "[" + ", ".join(self.brief(a, item) for a in act) + "]"
        return [Difference(field, _show(exp), shown, path)]

    def brief(self, act: Any, tp: Any) -> str:
        """An actual value in a few words: an element by its identity, a name by its id."""
        tp, _ = _unwrap_optional(tp)
        if act is None:
            return "null"
        if _is_model(tp) and isinstance(act, Mapping):
            keys = _identity(tp)
            if keys:
                return "/".join(self.brief(act[k], _fields(tp)[k]) for k in keys)
            if tp is PendingRule:
                return f"{act['source']['rule']} (needs {', '.join(act['needs'])})"
            if "about" in act and "source" in act:
                return f"{act['about']} from {act['source']['rule']}"
        return _show(act)


def _show(value: Any) -> str:
    """A value as it would be written in the tests file (YAML flow style)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    return str(value)


def _quoted(value: Any) -> str:
    """A value for an error message: text in quotes, so that "3" and 3 differ."""
    return f'"{value}"' if isinstance(value, str) else _show(value)
