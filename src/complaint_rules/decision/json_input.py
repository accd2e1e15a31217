"""The one strict reader of complaint and event JSON.

Python's ``json`` module keeps the last of two duplicate keys without a word, turns a
5,000-digit integer into a ``ValueError`` and ``[`` nested 100,000 deep into a
``RecursionError``. This reader is what the command line, :func:`~complaint_rules.decision.
batch.decide_jsonl`, the impact report and ``status`` read JSON with; it refuses, each as a
located :class:`~complaint_rules.errors.Problem` (line and column) and never as a crash:

========================================  ============================================
input                                     code
========================================  ============================================
not UTF-8                                 ``json.encoding``
not JSON                                  ``json.syntax``
the same key twice in one object          ``json.duplicate_key`` (both positions)
an integer of more than 64 digits         ``json.number_too_long``
a number with a fraction or exponent of   ``json.number_too_long``
more than 64 characters
``NaN``, ``Infinity``, ``-Infinity``      ``json.not_a_number``
nesting deeper than 64 (lists, objects)   ``json.too_deep`` (checked before parsing)
========================================  ============================================

Numbers with a fraction stay text (money: a float is inexact), as before. No message
repeats a value of the input; a duplicate key is named only if it looks like a field name
(``[A-Za-z0-9_]{1,64}``).
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

from ..errors import ComplaintError, Problem
from ..messages.catalogue import make_problem

__all__ = ["MAX_DEPTH", "MAX_NUMBER_CHARS", "read_json", "read_json_line", "safe_name"]

MAX_DEPTH = 64
"""Lists and objects nested deeper than this are refused before parsing."""

MAX_NUMBER_CHARS = 64
"""A number written with more characters than this is refused before it is converted."""

_NAME = re.compile(r"[A-Za-z0-9_]{1,64}")
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def safe_name(key: object) -> str | None:
    """``key`` quoted for a message if it looks like a field name, else ``None``."""
    if isinstance(key, str) and _NAME.fullmatch(key):
        return repr(key)
    return None


class _Refused(ValueError):
    def __init__(self, code: str, wording: str, **args: object) -> None:
        super().__init__(code)
        self.code = code
        self.wording = wording
        self.values = args


class _Duplicate(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise _Refused(
            "json.number_too_long",
            "json.number_too_long.length",
            length=len(text),
            limit=MAX_NUMBER_CHARS,
        )
    return int(text)


def _fraction(text: str) -> str:
    if len(text) > MAX_NUMBER_CHARS:
        raise _Refused(
            "json.number_too_long",
            "json.number_too_long.length",
            length=len(text),
            limit=MAX_NUMBER_CHARS,
        )
    return text


def _constant(text: str) -> Any:
    raise _Refused("json.not_a_number", "json.not_a_number.value", value=text)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Duplicate(key)
            seen.add(key)
    return out


_DECODER = json.JSONDecoder(
    parse_float=_fraction, parse_int=_int, parse_constant=_constant, object_pairs_hook=_pairs
)


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _too_deep(text: str) -> int | None:
    """The offset where ``text`` nests deeper than :data:`MAX_DEPTH`, if it does."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    depth = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return match.start()
        elif token in "]}":
            depth -= 1
    return None


def _duplicate_at(text: str, key: str) -> tuple[int, int] | None:
    """The offsets of the first key and its duplicate in the same object."""
    stack: list[dict[str, int] | None] = []
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            stack.append({} if token == "{" else None)
        elif token in "]}":
            if stack:
                stack.pop()
        elif stack and stack[-1] is not None:
            rest = text[match.end() : match.end() + 64].lstrip()
            if not rest.startswith(":"):
                continue
            try:
                name = json.loads(token)
            except ValueError:
                continue
            keys = stack[-1]
            if name == key and name in keys:
                return keys[name], match.start()
            keys.setdefault(name, match.start())
    return None


def _problem(
    code: str, wording: str, where: str, line: int | None, column: int | None, **args: object
) -> Problem:
    return make_problem(code, file=where, line=line, column=column, wording=wording, args=args)


_SYNTAX = {
    "Expecting value": "json.syntax.expecting_value",
    "Expecting property name enclosed in double quotes": "json.syntax.expecting_name",
    "Expecting ',' delimiter": "json.syntax.expecting_comma",
    "Expecting ':' delimiter": "json.syntax.expecting_colon",
    "Unterminated string starting at": "json.syntax.unterminated_string",
    "Extra data": "json.syntax.extra_data",
    "Invalid control character at": "json.syntax.control_character",
    "Invalid \\escape": "json.syntax.escape",
    "Invalid \\uXXXX escape": "json.syntax.unicode_escape",
}
"""What Python's JSON reader says is wrong, in the catalogue's words."""


def _syntax(reason: str, where: str, line: int, column: int) -> Problem:
    wording = _SYNTAX.get(reason)
    if wording is not None:
        return _problem("json.syntax", wording, where, line, column)
    return _problem("json.syntax", "json.syntax.reason", where, line, column, reason=reason)


def _parse(text: str, where: str, first_line: int) -> tuple[Any, list[Problem]]:
    shift = first_line - 1

    def at(offset: int) -> tuple[int, int]:
        line, column = _position(text, offset)
        return line + shift, column

    deep = _too_deep(text)
    if deep is not None:
        line, column = at(deep)
        return None, [_too_deep_problem(where, line, column)]
    try:
        return _DECODER.decode(text), []
    except _Duplicate as exc:
        places = _duplicate_at(text, exc.key)
        name = safe_name(exc.key)
        code = "json.duplicate_key"
        if places is None:  # pragma: no cover - the scan finds what the decoder found
            wording = "json.duplicate_key.unplaced"
            return None, [_problem(code, wording, where, None, None, name=name or "a key")]
        (l1, c1), (l2, c2) = at(places[0]), at(places[1])
        if name is None:
            wording = "json.duplicate_key.unnamed"
            return None, [_problem(code, wording, where, l2, c2, first_line=l1, first_column=c1)]
        wording = "json.duplicate_key.named"
        return None, [
            _problem(code, wording, where, l2, c2, name=name, first_line=l1, first_column=c1)
        ]
    except _Refused as exc:
        # The decoder does not say where; the first number too long is where it stopped.
        return None, [_problem(exc.code, exc.wording, where, None, None, **exc.values)]
    except json.JSONDecodeError as exc:
        return None, [_syntax(exc.msg, where, exc.lineno + shift, exc.colno)]
    except RecursionError:  # pragma: no cover - the depth is checked before parsing
        return None, [_too_deep_problem(where, None, None)]


def _too_deep_problem(where: str, line: int | None, column: int | None) -> Problem:
    return _problem("json.too_deep", "json.too_deep.limit", where, line, column, limit=MAX_DEPTH)


def _text(data: str | bytes, where: str | None, line: int | None) -> str | Problem:
    """The text of ``data``, or the problem of a file (``line`` None) or a line not UTF-8."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        wording = "json.encoding.byte" if line is None else "json.encoding.byte_of_line"
        return make_problem(
            "json.encoding", file=where, line=line, wording=wording, byte=exc.start + 1
        )


def read_json(data: str | bytes, *, where: str = "<input>") -> object:
    """The JSON value in ``data``, read strictly (see the module's table).

    Raises :class:`~complaint_rules.errors.ComplaintError` with one located problem.
    Objects are ``dict``; numbers with a fraction are ``str``.
    """
    text = _text(data, where, None)
    if isinstance(text, Problem):
        raise ComplaintError([text])
    value, problems = _parse(text, where, 1)
    if problems:
        raise ComplaintError(problems)
    return value


def read_json_line(data: str | bytes, line: int, where: str | None) -> tuple[Any, list[Problem]]:
    """One line of JSON lines: ``(value, [])``, or ``(None, [problem])`` located at ``line``."""
    name = where or "<input>"
    text = _text(data, where, line)
    if isinstance(text, Problem):
        return None, [text]
    value, problems = _parse(text, name, line)
    problems = [replace(p, file=where, line=p.line or line) for p in problems]
    return value, problems
