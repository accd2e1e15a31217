"""A decision's JSON without pydantic's serialiser: the same bytes, a fraction of the time.

A decision is mostly made of parts shared by every complaint that matches the same rules
(see :mod:`complaint_rules.decision.engine`). A :class:`DecisionWriter` writes each shared part's
JSON once (with pydantic itself) and keeps it, as UTF-8, by the part's identity; only the
parts made for one complaint (its instants, deadlines) are written field by field, and
the pieces are joined as bytes (encoding a decision's text to UTF-8 each time would cost
more than writing it). The result is byte for byte ``decision.model_dump_json()``, which
the test suite checks on every bundled policy.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from pydantic_core import to_json

from ..._generated import run_source

__all__ = ["DecisionWriter"]

_KEPT_MAX = 200_000
"""Parts (and strings) a writer keeps the JSON of; past this, they are written each time."""

_Write = Callable[[Any], bytes]
_ModelWriter = Callable[[dict[str, Any], _Write], bytes]


def _decision_models() -> list[type[BaseModel]]:
    from .. import model as decision

    return [
        cls
        for cls in vars(decision).values()
        if isinstance(cls, type)
        and issubclass(cls, BaseModel)
        and cls.__module__ == decision.__name__
    ]


def _model_writer(cls: type[BaseModel]) -> _ModelWriter:
    """A function writing a ``cls``'s fields in order, made once per class."""
    parts = []
    for i, (name, info) in enumerate(cls.model_fields.items()):
        shown = (info.alias or name) if cls.model_config.get("serialize_by_alias") else name
        key = (b"{" if i == 0 else b",") + to_json(shown) + b":"
        parts.append(f"{key!r}, value(d[{name!r}])")
    # One join: adding the parts one by one would copy a decision's text many times.
    source = "def write(d, value):\n    return b''.join((" + ", ".join(parts) + ", b'}'))\n"
    namespace: dict[str, Any] = {"__builtins__": {}}
    run_source(source, f"json {cls.__name__}", namespace)
    write: _ModelWriter = namespace["write"]
    return write


class DecisionWriter:
    """Writes decisions (and their parts) as compact JSON (UTF-8), keeping shared parts'.

    :meth:`keep` is for parts that live as long as the writer: it holds a reference, so an
    identity is never reused while its text is kept. Thread-safe: a race writes the same
    text twice.
    """

    __slots__ = ("_kept", "_last", "_models", "_strings", "_writers")

    def __init__(self) -> None:
        self._kept: dict[int, tuple[object, bytes]] = {}
        self._strings: dict[str, bytes] = {}
        # The last instant written, which a decision repeats (received, decided, started).
        self._last: tuple[object, bytes] = (None, b"null")
        self._models: dict[type[BaseModel], _ModelWriter] = {}
        self._writers: dict[type, _Write] = {
            str: self._string,
            bool: lambda v: b"true" if v else b"false",
            int: lambda v: b"%d" % v,
            type(None): lambda v: b"null",
            datetime: self._datetime,
            Decimal: to_json,
            tuple: self.sequence,
            dict: to_json,
            **dict.fromkeys(_decision_models(), self.model),
        }

    def keep(self, part: Any) -> bytes:
        """The JSON of ``part`` (a model, a tuple of models, an instant), kept for its life."""
        found = self._kept.get(id(part))
        if found is not None and found[0] is part:
            return found[1]
        if isinstance(part, tuple):
            text = b"[" + b",".join([self.keep(item) for item in part]) + b"]"
        elif isinstance(part, BaseModel):
            text = part.model_dump_json().encode()
        else:
            text = self.value(part)
        if len(self._kept) < _KEPT_MAX:
            self._kept[id(part)] = (part, text)
        return text

    def value(self, value: Any) -> bytes:
        """The JSON of any value a decision holds."""
        writer = self._writers.get(value.__class__)
        if writer is not None:
            return writer(value)
        if isinstance(value, BaseModel):
            return self.model(value)
        return to_json(value)

    def fields(self, values: dict[str, Any], names: tuple[str, ...]) -> bytes:
        """``"name":value`` for each of ``names``, comma-separated (a run of an object)."""
        return b",".join([to_json(name) + b":" + self.value(values[name]) for name in names])

    def sequence(self, items: tuple[Any, ...]) -> bytes:
        found = self._kept.get(id(items))
        if found is not None and found[0] is items:
            return found[1]
        if not items:
            return b"[]"
        value = self.value
        return b"[" + b",".join([value(item) for item in items]) + b"]"

    def model(self, model: BaseModel) -> bytes:
        """The JSON of ``model``: kept, or written field by field."""
        found = self._kept.get(id(model))
        if found is not None and found[0] is model:
            return found[1]
        cls = model.__class__
        write = self._models.get(cls)
        if write is None:
            write = self._models.setdefault(cls, _model_writer(cls))
        return write(model.__dict__, self.value)

    def _datetime(self, value: datetime) -> bytes:
        found = self._kept.get(id(value))
        if found is not None and found[0] is value:
            return found[1]
        # pydantic writes a whole-second instant in years 1000-9999 with a non-zero,
        # whole-minute offset as isoformat() does (25 characters); anything else (UTC as
        # "Z", fractions of a second, offsets with seconds) it writes its own way.
        last = self._last
        if last[0] is value:
            return last[1]
        text = value.isoformat()
        if len(text) == 25 and text[0] != "0" and text[-6:] not in ("+00:00", "-00:00"):
            written = b'"' + text.encode() + b'"'
        else:
            written = to_json(value)
        self._last = (value, written)  # one assignment: another thread sees old or new
        return written

    def _string(self, text: str) -> bytes:
        found = self._strings.get(text)
        if found is None:
            found = to_json(text)
            if len(self._strings) < _KEPT_MAX:
                self._strings[text] = found
        return found
