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

Every check's message and every word of a difference (``absent``, ``present: …``) is a
:class:`Worded`: its English as before, which :func:`said` says in another language.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Mapping, Sequence
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
from ...errors import Problem
from ...messages.catalogue import MESSAGES, Lang, problem_text

__all__ = [
    "Difference",
    "Joined",
    "Worded",
    "check_absent",
    "check_expectation",
    "compare",
    "compare_absent",
    "said",
]

Path = tuple[str | int, ...]


class Joined(str):
    """Values one after another, ``sep`` between them: as a text, their English; said in
    another language, each value in it (see :func:`said`)."""

    items: tuple[object, ...]
    sep: str

    def __new__(cls, items: Sequence[object], sep: str = ", ") -> Joined:
        self = super().__new__(cls, sep.join(said(v, "en") for v in items))
        self.items = tuple(items)
        self.sep = sep
        return self


class Worded(str):
    """A message worded by the catalogue: ``wording`` (a key of
    :data:`~complaint_rules.messages.catalogue.MESSAGES`) said with ``values``. It is, and
    compares as, its English text; :meth:`said` says it in another language. A value may
    itself be worded, a :class:`Joined` list or a problem: it is said in the same language;
    any other value (an id, a label, a date, an amount) as it is."""

    wording: str
    values: Mapping[str, object]

    def __new__(cls, wording: str, **values: object) -> Worded:
        self = super().__new__(cls, _format(wording, "en", values))
        self.wording = wording
        self.values = values
        return self

    def said(self, lang: Lang) -> str:
        return _format(self.wording, lang, self.values)


def said(text: object, lang: Lang) -> str:
    """``text`` in ``lang``: a :class:`Worded` message (or a list or a problem) said in it,
    anything else as it is written."""
    if isinstance(text, Worded):
        return text.said(lang)
    if isinstance(text, Joined):
        return text.sep.join(said(v, lang) for v in text.items)
    if isinstance(text, Problem):
        return problem_text(text, lang)
    return str(text)


def _format(wording: str, lang: Lang, values: Mapping[str, object]) -> str:
    # Not ``say``: ids and labels among the values are never said as words.
    return MESSAGES[wording][lang].format(**{k: said(v, lang) for k, v in values.items()})


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


def check_expectation(expect: Any) -> list[tuple[Path, Worded]]:
    """Every problem with an expectation, as (path below ``expect``, message)."""
    problems: list[tuple[Path, Worded]] = []
    if not isinstance(expect, Mapping):
        return [((), Worded("tests_file.invalid.expect.not_mapping"))]
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


def check_absent(absent: Any) -> list[tuple[Path, Worded]]:
    """Every problem with an ``expect_absent`` mapping (lists of elements that must not be)."""
    lists = _element_lists()
    if not isinstance(absent, Mapping):
        lists_said = ", ".join(lists)
        return [((), Worded("tests_file.invalid.absent.not_mapping", lists=lists_said))]
    problems: list[tuple[Path, Worded]] = []
    for key, items in absent.items():
        if key not in lists:
            problems.append(((str(key),), _unknown_key(key, list(lists))))
        elif not isinstance(items, list) or not items:
            problems.append(((key,), Worded("tests_file.invalid.absent.not_list")))
        else:
            for j, entry in enumerate(items):
                _check(entry, lists[key], (key, j), problems)
    return problems


def _unknown_key(key: object, allowed: list[str]) -> Worded:
    close = difflib.get_close_matches(str(key), allowed, n=1)
    if close:
        wording = "tests_file.invalid.unknown_key_nearest"
        return Worded(wording, allowed=", ".join(allowed), nearest=repr(close[0]))
    return Worded("tests_file.invalid.unknown_key", allowed=", ".join(allowed))


def _check(value: Any, tp: Any, path: Path, out: list[tuple[Path, Worded]]) -> None:
    tp, optional = _unwrap_optional(tp)
    if value is None:
        if not optional:
            out.append((path, Worded("tests_file.invalid.expect.null")))
        return
    item = _list_item(tp)
    if item is not None:
        _check_list(value, item, path, out)
    elif _is_model(tp):
        _check_object(value, tp, path, out)
    elif typing.get_origin(tp) is dict:
        if not isinstance(value, Mapping):
            out.append((path, Worded("tests_file.invalid.expect.mapping")))
    else:
        message = _check_scalar(value, tp)
        if message:
            out.append((path, message))


def _check_object(value: Any, model: type[BaseModel], path: Path, out: list[Any]) -> None:
    if isinstance(value, str) and _has_short(model):
        return
    if not isinstance(value, Mapping):
        wording = "object_or_id" if _has_short(model) else "object"
        keys = ", ".join(_fields(model))
        out.append((path, Worded(f"tests_file.invalid.expect.{wording}", keys=keys)))
        return
    fields = _fields(model)
    for key, sub in value.items():
        if key not in fields:
            out.append(((*path, str(key)), _unknown_key(key, list(fields))))
            continue
        _check(sub, fields[key], (*path, key), out)


def _check_list(value: Any, item: Any, path: Path, out: list[Any]) -> None:
    if not isinstance(value, list):
        out.append((path, Worded("tests_file.invalid.expect.list")))
        return
    for j, entry in enumerate(value):
        where = (*path, j)
        if _is_element(item) and isinstance(entry, Mapping):
            missing = [k for k in _identity(item) if k not in entry]
            if missing:
                out.append((where, _name_by(missing)))
        _check(entry, item, where, out)


_IDENTITY_WORDING = {
    ("id",): "id",
    ("rule",): "rule",
    ("role",): "role",
    ("duty",): "duty",
    ("duty", "role"): "duty_role",
}
"""The keys that find an element, by the wording that asks for them (their names are
written as they are: "role" is a key here, not the word 角色)."""


def _name_by(missing: list[str]) -> Worded:
    known = _IDENTITY_WORDING.get(tuple(missing))
    if known is not None:
        return Worded(f"tests_file.invalid.expect.identity.{known}")
    return Worded("tests_file.invalid.expect.identity", missing=" and ".join(missing))


def _check_scalar(value: Any, tp: Any) -> Worded | None:
    got = _quoted(value)
    if tp is date:
        try:
            date.fromisoformat(str(value))
        except ValueError:
            return Worded("tests_file.invalid.expect.date", got=got)
        return None
    if tp is datetime:
        if parse_instant(value) is None:
            return Worded("tests_file.invalid.expect.instant", got=got)
        return None
    if tp is Decimal:
        if _money(value) is None:
            return Worded("tests_file.invalid.expect.amount", got=got)
        return None
    allowed = _literal_values(tp)
    if allowed is not None:
        if value not in allowed:
            values = ", ".join(map(str, allowed))
            close = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1)
            if close:
                wording = "tests_file.invalid.expect.choice_nearest"
                return Worded(wording, got=got, values=values, nearest=repr(close[0]))
            return Worded("tests_file.invalid.expect.choice", got=got, values=values)
        return None
    if tp is bool:
        if isinstance(value, bool):
            return None
        return Worded("tests_file.invalid.expect.bool", got=got)
    if tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return None
        return Worded("tests_file.invalid.expect.int", got=got)
    if tp is str:
        return None if isinstance(value, str) else Worded("tests_file.invalid.expect.text", got=got)
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
                shown = Joined([diff.brief(a, item) for a in present])
                label = entry if isinstance(entry, str) else j
                actual_said = Worded("tests.diff.present_here", shown=shown)
                out.append(Difference(f"{key}[{label}]", _ABSENT, actual_said, (key, j)))
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
                Difference(f"{field}.{k}", _show(v), _show(act[k]) if k in act else _MISSING, path)
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
        here: str = Joined([self.brief(a, item) for a in act]) if act else _NONE
        if not exp:
            return [] if not act else [Difference(field, _NONE, here, path)]
        absent_here = Worded("tests.diff.absent_here", here=here)
        out: list[Difference] = []
        keys = _identity(item)
        for j, e in enumerate(exp):
            if isinstance(e, str):
                if not any(e in _short(item, a) for a in act):
                    out.append(Difference(f"{field}[{e}]", _PRESENT, absent_here, (*path, j)))
                continue
            if keys:
                label = "/".join(_show(e[k]) for k in keys)
                candidates = [
                    a for a in act if all(self.same(e[k], a[k], _fields(item)[k]) for k in keys)
                ]
                if not candidates:
                    out.append(Difference(f"{field}[{label}]", _PRESENT, absent_here, (*path, j)))
                    continue
                diffs = [
                    self.object(e, a, item, f"{field}[{label}]", (*path, j)) for a in candidates
                ]
                if not any(not d for d in diffs):
                    out += diffs[0]
                continue
            if not any(self.same(e, a, item) for a in act):
                no_match = Worded("tests.diff.no_match_here", here=here)
                out.append(Difference(f"{field}[{j}]", _show(e), no_match, (*path, j)))
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
                needs = ", ".join(act["needs"])
                return Worded("tests.diff.pending", rule=act["source"]["rule"], needs=needs)
            if "about" in act and "source" in act:
                return Worded("tests.diff.gap", about=act["about"], rule=act["source"]["rule"])
        return _show(act)


_PRESENT = Worded("tests.diff.present")
_ABSENT = Worded("tests.diff.absent")
_MISSING = Worded("tests.diff.missing")
_NONE = Worded("tests.diff.none")


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
