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
from typing import Any

from ..errors import ComplaintError, Problem

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
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class _Duplicate(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise _Refused(
            "json.number_too_long",
            f"a number of {len(text)} characters; at most {MAX_NUMBER_CHARS} are read",
        )
    return int(text)


def _fraction(text: str) -> str:
    if len(text) > MAX_NUMBER_CHARS:
        raise _Refused(
            "json.number_too_long",
            f"a number of {len(text)} characters; at most {MAX_NUMBER_CHARS} are read",
        )
    return text


def _constant(text: str) -> Any:
    raise _Refused("json.not_a_number", f"{text} is not a JSON number; write a finite number")


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


def _problem(code: str, message: str, where: str, line: int | None, column: int | None) -> Problem:
    return Problem(message, file=where, line=line, column=column, code=code)


def _parse(text: str, where: str, first_line: int) -> tuple[Any, list[Problem]]:
    shift = first_line - 1

    def at(offset: int) -> tuple[int, int]:
        line, column = _position(text, offset)
        return line + shift, column

    deep = _too_deep(text)
    if deep is not None:
        line, column = at(deep)
        message = f"nested more than {MAX_DEPTH} levels deep (lists and objects)"
        return None, [_problem("json.too_deep", message, where, line, column)]
    try:
        return _DECODER.decode(text), []
    except _Duplicate as exc:
        places = _duplicate_at(text, exc.key)
        name = safe_name(exc.key) or "a key"
        if places is None:  # pragma: no cover - the scan finds what the decoder found
            message = f"duplicate key {name}; a JSON reader would silently keep the last"
            return None, [_problem("json.duplicate_key", message, where, None, None)]
        (l1, c1), (l2, c2) = at(places[0]), at(places[1])
        message = (
            f"duplicate key {name} (first at line {l1}, column {c1}); remove one: "
            "a JSON reader would silently keep the last"
        )
        return None, [_problem("json.duplicate_key", message, where, l2, c2)]
    except _Refused as exc:
        # The decoder does not say where; the first number too long is where it stopped.
        return None, [_problem(exc.code, exc.message, where, None, None)]
    except json.JSONDecodeError as exc:
        line, column = exc.lineno + shift, exc.colno
        return None, [_problem("json.syntax", f"not JSON: {exc.msg}", where, line, column)]
    except RecursionError:  # pragma: no cover - the depth is checked before parsing
        message = f"nested more than {MAX_DEPTH} levels deep (lists and objects)"
        return None, [_problem("json.too_deep", message, where, None, None)]


def _text(data: str | bytes, where: str, line: int | None) -> str | Problem:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        message = f"not UTF-8 text (byte {exc.start + 1})"
        return _problem("json.encoding", message, where, line, None)


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
    text = _text(data, name, line)
    if isinstance(text, Problem):
        message = text.message.replace(")", " of the line)")
        return None, [Problem(message, file=where, line=line, code=text.code)]
    value, problems = _parse(text, name, line)
    problems = [
        Problem(p.message, file=where, line=p.line or line, column=p.column, code=p.code)
        for p in problems
    ]
    return value, problems
