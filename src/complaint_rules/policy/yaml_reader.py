"""Strict, located, bounded YAML reading.

PyYAML's defaults are YAML 1.1: ``no``/``on`` become booleans, ``23:59:59`` an integer,
``0755`` an octal, and a duplicate key silently replaces the first. This reader composes
the node tree with a resolver close to YAML 1.2's core schema, rejects duplicate keys
(naming both lines), refuses tags that construct objects, and records the line of every
value so that later errors can point at it.

Hostile input is bounded by :class:`Limits`: the size in bytes, the nesting depth (of
the text, and of the data that aliases expand to) and the number of values that aliases
expand to. Each refusal is a :class:`PolicyError`, never a traceback or a hang.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass, field, fields
from typing import Any

import yaml
from yaml.events import AliasEvent, MappingStartEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import PolicyError, Problem
from ..messages.catalogue import make_problem

__all__ = ["MAX_PROBLEMS", "Limits", "Located", "capped", "read_shape", "read_yaml"]

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on a policy file; a file beyond any of them is refused with a located error.

    The defaults are far above what a real policy needs (the largest bundled policy is
    about 52 kB, 8 levels deep, under 2,000 values) and bound the worst case to seconds
    and about 100 MB: the pure-Python YAML reader spends tens of microseconds per value.
    """

    max_bytes: int = 2_000_000
    """The file's size in bytes, checked before anything is parsed."""
    max_depth: int = 50
    """Nested mappings and lists, in the text and after aliases are expanded."""
    max_values: int = 50_000
    """Values (mappings, lists and scalars; keys too while reading), counted while reading
    and again after aliases are expanded: bounds alias bombs and files of tiny values."""

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"Limits.{f.name} must be a whole number >= 1, got {value!r}")


MAX_PROBLEMS = 200
"""Problems listed for one file; the rest are counted in a last line."""


def capped(problems: list[Problem], file: str | None) -> list[Problem]:
    """At most :data:`MAX_PROBLEMS` problems, then one that counts the rest."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    more = len(problems) - MAX_PROBLEMS
    return [
        *problems[:MAX_PROBLEMS],
        make_problem(
            "policy.too_many_problems",
            wording="policy.too_many_problems.count",
            file=file,
            count=more,
        ),
    ]


class _Resolver(yaml.resolver.BaseResolver):
    """Plain scalars resolve as in YAML 1.2's core schema, plus ISO dates."""


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
)
_Resolver.add_implicit_resolver(
    # A whole number typed with full-width digits (２, －３), as a Chinese input method types
    # them, is that number; the writer quotes such text so that it stays text.
    "tag:yaml.org,2002:int",
    re.compile(r"^[-+\uff0b\uff0d]?[0-9\uff10-\uff19]*[\uff10-\uff19][0-9\uff10-\uff19]*$"),
    list("-+0123456789\uff0b\uff0d\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19"),
)
_Resolver.add_implicit_resolver(
    # Base 16 and base 8 (0x1F, 0o17, and 0_7 as YAML 1.1 reads it) resolve as integers
    # so that the reader refuses them with the reason (and the writer quotes text that
    # looks like them).
    "tag:yaml.org,2002:int",
    re.compile(r"^[-+]?0(?:[xXoO][0-9a-fA-F_]+|[0-9_]*_[0-9_]*)$"),
    list("-+0"),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:timestamp", re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), list("0123456789")
)


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


@dataclass(frozen=True, slots=True)
class _Alias:
    """An alias use: the anchored node, and where the alias is written."""

    node: Node
    line: int


class _Loader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    _Resolver,
):
    def __init__(self, stream: str, max_depth: int, max_values: int) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Resolver.__init__(self)
        self.depth = 0
        self.max_depth = max_depth
        self.budget = max_values

    def compose_node(self, parent: Node | None, index: Any) -> Any:
        # Stop at the first collection nested too deeply, or at the value past the limit:
        # the scanner reads ahead a bounded amount, so the cost stays within the limits.
        if self.check_event(AliasEvent):
            event: Any = self.peek_event()  # type: ignore[no-untyped-call]
            node = super().compose_node(parent, index)
            assert node is not None
            return _Alias(node, event.start_mark.line + 1)
        self.budget -= 1
        if self.budget < 0:
            raise _TooBig
        if not self.check_event(MappingStartEvent, SequenceStartEvent):
            return super().compose_node(parent, index)
        self.depth += 1
        if self.depth > self.max_depth:
            start: Any = self.peek_event()  # type: ignore[no-untyped-call]
            raise _TooDeep(start.start_mark.line + 1)
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}

_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


@dataclass
class Located:
    """YAML data as plain Python values, with the line of each value by its path.

    ``scalars`` keeps the text of each plain scalar that YAML read as something other
    than a string (``0755``, ``2026-01-01``, ``true``), so that an error where text was
    meant can say so.
    """

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    file: str = "<input>"
    scalars: dict[Path, str] = field(default_factory=dict)
    columns: dict[Path, int] = field(default_factory=dict)
    """The column (1-based) where each value (for a key: the key) starts, by path."""

    def line_of(self, path: Path) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]

    def problem(self, path: Path, message: str, code: str = "policy.invalid") -> Problem:
        return Problem(
            message=message,
            path=path,
            file=self.file,
            line=self.line_of(path),
            column=self.column_of(path),
            code=code,
        )

    def column_of(self, path: Path) -> int | None:
        """The column of ``path`` if the line is its own (not an ancestor's)."""
        while path not in self.lines:
            if not path:
                return None
            path = path[:-1]
        return self.columns.get(path)


class _TooBig(Exception):
    pass


def _short(text: str, size: int = 60) -> str:
    """``text`` for a message: at most ``size`` characters, quoted."""
    return repr(text if len(text) <= size else text[:size] + "…")


class _Builder:
    def __init__(self, file: str, limits: Limits) -> None:
        self.file = file
        self.lines: dict[Path, int] = {}
        self.columns: dict[Path, int] = {}
        self.scalars: dict[Path, str] = {}
        self.problems: list[Problem] = []
        self.budget = limits.max_values
        self.max_depth = limits.max_depth
        self.open: set[int] = set()  # the collections being built: an alias to one is a cycle

    def build(self, item: Node | _Alias, path: Path, depth: int = 0) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise _TooBig
        node, line = (item.node, item.line) if isinstance(item, _Alias) else (item, 0)
        line = line or node.start_mark.line + 1
        self.lines.setdefault(path, line)
        self.columns.setdefault(path, node.start_mark.column + 1)
        if node.tag not in _SAFE_TAGS:
            self._problem(path, line, "yaml.tag", "yaml.tag.named", tag=_short(node.tag))
            return None
        if isinstance(node, ScalarNode):
            return self._construct_scalar(node, path, line)
        if id(node) in self.open:
            self._problem(path, line, "yaml.alias_cycle", "yaml.alias_cycle.contains")
            return None
        if depth >= self.max_depth:
            raise _TooDeep(line)
        self.open.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return [self.build(x, (*path, i), depth + 1) for i, x in enumerate(node.value)]
            assert isinstance(node, MappingNode)
            return self._mapping(node, path, depth)
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: MappingNode, path: Path, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        first_line: dict[str, int] = {}
        for key_item, value_item in node.value:
            key_node = key_item.node if isinstance(key_item, _Alias) else key_item
            key_line = (
                key_item.line if isinstance(key_item, _Alias) else key_node.start_mark.line + 1
            )
            key = self._key(key_node, path, key_line)
            if key is None:
                continue
            name = key if isinstance(key, str) else str(key)
            if name in first_line:
                # '1' and 1, or 2026-01-01 and '2026-01-01', read the same to a person.
                self._problem(
                    (*path, name),
                    key_line,
                    "yaml.duplicate_key",
                    "yaml.duplicate_key.first",
                    key=_short(name),
                    first=first_line[name],
                )
                continue
            first_line[name] = key_line
            child = (*path, name)
            self.lines[child] = key_line
            self.columns[child] = key_node.start_mark.column + 1
            out[key] = self.build(value_item, child, depth + 1)
        return out

    def _key(self, node: Node, path: Path, line: int) -> Any:
        if not isinstance(node, ScalarNode):
            self._problem(path, line, "yaml.complex_key", "yaml.complex_key.plain")
            return None
        if node.tag not in _SAFE_TAGS:
            self._problem(path, line, "yaml.tag", "yaml.tag.named", tag=_short(node.tag))
            return None
        return self._construct_scalar(node, path, line, key=True)

    def _construct_scalar(self, node: ScalarNode, path: Path, line: int, key: bool = False) -> Any:
        value = node.value
        tag = node.tag
        bad = _NON_PRINTABLE.search(value)
        if bad is not None:
            # Only an escape in a quoted scalar gets here: the reader refuses raw ones.
            char = bad.group()
            self._problem(
                path,
                line,
                "yaml.control_character",
                "yaml.control_character.escape",
                char=f"U+{ord(char):04X}",
                name=_char_name(char),
            )
            return None
        if "\ufeff" in value:
            self._problem(path, line, "yaml.bom_inside", "yaml.bom_inside.text")
            return None
        hidden = _HIDDEN.search(value)
        if hidden is not None:
            char = hidden.group()
            self._problem(
                path,
                line,
                "yaml.hidden_character",
                "yaml.hidden_character.named",
                char=f"U+{ord(char):04X}",
                name=_char_name(char),
            )
            return None
        refusal = _scalar_refusal(value, tag, node.style is None)
        if refusal is not None:
            self._problem(path, line, "yaml.scalar", refusal, value=_short(value))
            return None
        try:
            if tag == "tag:yaml.org,2002:bool":
                result: Any = value.lower() == "true"
            elif tag == "tag:yaml.org,2002:int":
                result = int(unicodedata.normalize("NFKC", value))
            elif tag == "tag:yaml.org,2002:float":
                result = float(value)
            elif tag == "tag:yaml.org,2002:null":
                result = None
            elif tag == "tag:yaml.org,2002:timestamp":
                result = _dt.date.fromisoformat(value)
            else:
                return value
        except ValueError as exc:
            reason = str(exc)
            wording = _UNREADABLE.get(reason, "yaml.scalar.unreadable")
            if tag == "tag:yaml.org,2002:int":
                wording = "yaml.scalar.too_long_number"
            self._problem(path, line, "yaml.scalar", wording, value=_short(value), reason=reason)
            return None
        if key and result is None:
            if value:
                self._problem(
                    path, line, "yaml.null_key", "yaml.null_key.named", value=_short(value)
                )
            else:
                self._problem(path, line, "yaml.null_key", "yaml.null_key.nothing")
            return None
        if not key and node.style is None:
            self.scalars[path] = value
        return result

    def _problem(self, path: Path, line: int, code: str, wording: str, **args: object) -> None:
        self.problems.append(
            make_problem(code, wording=wording, path=path, file=self.file, line=line, args=args)
        )


_HIDDEN = re.compile(r"[\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f]")
"""Characters that change how text reads without being seen: soft hyphen, bidi marks,
embeddings, overrides and isolates, zero-width spaces and joiners, invisible operators,
line and paragraph separators (Unicode categories Cf, Zl, Zp as they occur in text)."""

_BASE16 = re.compile(r"[-+]?0[xX][0-9a-fA-F_]+")
_BASE8 = re.compile(r"[-+]?0[oO][0-7_]+")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+")
_NULLS = ("", "~", "null", "Null", "NULL")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?")

SCALAR_RULES = (
    ("true, false (any case)", "true/false", "booleans"),
    ("yes, no, on, off, y, n", "text", "only true/false are booleans, whatever the tag"),
    ("!!bool yes (any value but true/false)", "refused", "not a boolean"),
    ("123, -7, ２, －３", "a whole number", "full-width digits as typed by a Chinese input method"),
    ("0755, 0o17", "refused", "base 8 (YAML 1.1 reads 0755 as 493)"),
    ("0x1F", "refused", "base 16"),
    ("1.5, 1e3", "a number", ".inf and .nan are refused"),
    ("null, ~, nothing", "null", "as a key: refused"),
    ("2026-01-01", "a date", ""),
    ("anything else, or quoted", "text", "control, bidi and invisible characters refused"),
)
"""The reader's scalar rules: (written, read as, note); docs/policy-format.md shows them."""


def _scalar_refusal(value: str, tag: str, plain: bool) -> str | None:
    """Why a scalar is refused (the catalogue's wording of the ``yaml.scalar`` problem,
    said with the value), or None: base-16 and base-8 numbers, booleans other than
    true/false, nulls that are not null, non-finite floats, whatever the tag."""
    if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float") or plain:
        if _BASE16.fullmatch(value):
            return "yaml.scalar.base16"
        if _BASE8.fullmatch(value) or _LEADING_ZERO.fullmatch(value):
            return "yaml.scalar.base8"
    if tag == "tag:yaml.org,2002:bool" and value.lower() not in ("true", "false"):
        return "yaml.scalar.bool"
    if tag == "tag:yaml.org,2002:null" and value not in _NULLS:
        return "yaml.scalar.null"
    if tag == "tag:yaml.org,2002:float" and not _FLOAT.fullmatch(value):
        return "yaml.scalar.not_finite"
    whole = unicodedata.normalize("NFKC", value)  # full-width digits (２) are digits
    if tag == "tag:yaml.org,2002:int" and not re.fullmatch(r"[-+]?[0-9]+", whole):
        return "yaml.scalar.not_decimal"
    return None


_UNREADABLE = {
    "day is out of range for month": "yaml.scalar.day",
    "month must be in 1..12": "yaml.scalar.month",
    "year 0 is out of range": "yaml.scalar.year",
}
"""Python's reasons a date is not one, by the catalogue's wording of them."""


def _char_name(char: str) -> str:
    if "\ud800" <= char <= "\udfff":
        return "a lone surrogate"
    return unicodedata.name(char, "a control character")


def _syntax(exc: yaml.MarkedYAMLError, file: str, text: str) -> Problem:
    """A YAML syntax error explained in words, at the line (and column) to fix.

    The parser notices a mistake where it can no longer go on, often a line after it: a
    ``key:value`` without a space, or a full-width colon, is read as text, and only the
    next line fails. So the lines just above are looked at too.
    """
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    lines = text.splitlines()
    context = exc.context or ""
    problem = exc.problem or ""
    if context.endswith("; first occurrence") and exc.context_mark is not None:
        context = context.removesuffix("; first occurrence")
        context += f" (first at line {exc.context_mark.line + 1})"
        problem = ""

    def at(code: str, where: int | None, col: int | None, **args: object) -> Problem:
        return make_problem(code, file=file, line=where, column=col, args=args)

    if "'\\t'" in problem or "'\\t'" in context:
        return at("policy.yaml.tab", line, column)
    if line is not None:
        for number in range(line, max(line - 3, 0), -1):
            found = _full_width_at(lines[number - 1] if number <= len(lines) else "")
            if found is not None:
                char, col = found
                return at(
                    "policy.yaml.fullwidth",
                    number,
                    col,
                    char=char,
                    name=unicodedata.name(char, "?"),
                    ascii=_FULL_WIDTH[char],
                )
    start = exc.context_mark
    if "scanning a quoted scalar" in context and start is not None:
        quote = _char(lines, start.line, start.column) or '"'
        return at(
            "policy.yaml.unclosed_quote",
            start.line + 1,
            start.column + 1,
            quote=quote,
            start=start.line + 1,
        )
    if "flow sequence" in context or "flow mapping" in context:
        bracket = "]" if "sequence" in context else "}"
        if start is None:
            return at("policy.yaml.unclosed_bracket", line, column, bracket=bracket, start=line)
        first = start.line + 1
        return at(
            "policy.yaml.unclosed_bracket", first, start.column + 1, bracket=bracket, start=first
        )
    if "could not find expected ':'" in problem and start is not None:
        number = start.line + 1
        glued = _GLUED_COLON.match(lines[start.line] if start.line < len(lines) else "")
        if glued:
            return at("policy.yaml.colon_space", number, glued.end(1) + 1, key=glued.group(1))
        return at("policy.yaml.missing_colon", number, start.column + 1)
    if "mapping values are not allowed" in problem and line is not None:
        for number in range(line - 1, max(line - 3, 0), -1):
            glued = _GLUED_COLON.match(lines[number - 1])
            if glued:
                return at("policy.yaml.colon_space", number, glued.end(1) + 1, key=glued.group(1))
        return at("policy.yaml.indentation", line, _indent(lines, line))
    if "expected <block end>" in problem or "expected <block end>" in context:
        return at("policy.yaml.indentation", line, _indent(lines, line))
    detail = " ".join(part for part in (context, problem) if part)
    return at("policy.yaml.syntax", line, column, detail=detail)


_FULL_WIDTH = {
    "\uff1a": ":",
    "\uff0c": ",",
    "\u3000": " ",
    "\uff3b": "[",
    "\uff3d": "]",
    "\uff5b": "{",
    "\uff5d": "}",
    "\uff03": "#",
    "\uff0d": "-",
}
"""Full-width punctuation a Chinese input method types where YAML needs the ASCII one."""

_FULL_WIDTH_INDENT = re.compile(r"^( *)\u3000[\u3000 ]*(?:- |[A-Za-z_]\w*:)", re.MULTILINE)
"""A full-width space in the indentation of a key or a list item."""

_GLUED_COLON = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w]*):(?=[^\s:])")


def _full_width_at(line: str) -> tuple[str, int] | None:
    """A full-width character in the structure of ``line`` (its indentation, or before the
    first ASCII colon, outside quotes and comments), and its column."""
    stripped = line.lstrip(" ")
    if stripped.startswith("\u3000"):
        return "\u3000", len(line) - len(stripped) + 1
    for i, char in enumerate(line):
        if char in "#'\":" or (char == ":" and line[i + 1 : i + 2] in ("", " ")):
            return None
        if char in _FULL_WIDTH and char != "\u3000":
            return char, i + 1
    return None


def _char(lines: list[str], line: int, column: int) -> str | None:
    return lines[line][column] if line < len(lines) and column < len(lines[line]) else None


def _indent(lines: list[str], line: int | None) -> int:
    text = lines[line - 1] if line is not None and 0 < line <= len(lines) else ""
    return len(text) - len(text.lstrip(" ")) + 1


def _decode(raw: bytes, file: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        wording = "yaml.encoding.utf8"
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            wording = "yaml.encoding.utf16"
        raise PolicyError(
            [make_problem("yaml.encoding", wording=wording, file=file, byte=exc.start)]
        ) from None


def read_yaml(
    text: str | bytes,
    file: str = "<input>",
    *,
    limits: Limits | None = None,
    max_nodes: int | None = None,
) -> Located:
    """Read one YAML document strictly; raise :class:`PolicyError` listing every problem.

    ``limits`` bounds depth and the values aliases expand to (the size in bytes is the
    loader's to check, before it hashes the file); ``max_nodes`` overrides
    ``limits.max_values``.
    """
    limits = limits or Limits()
    if max_nodes is not None:
        limits = Limits(limits.max_bytes, limits.max_depth, max_nodes)
    if isinstance(text, bytes):
        text = _decode(text, file)
    text = text.removeprefix("\ufeff")
    if "\ufeff" in text:
        line = text.count("\n", 0, text.index("\ufeff")) + 1
        raise PolicyError(
            [make_problem("yaml.bom_inside", wording="yaml.bom_inside.text", file=file, line=line)]
        )
    spaced = _FULL_WIDTH_INDENT.search(text)
    if spaced is not None:
        number = text.count("\n", 0, spaced.start()) + 1
        column = spaced.end(1) - spaced.start() + 1
        raise PolicyError(
            [
                make_problem(
                    "policy.yaml.fullwidth",
                    file=file,
                    line=number,
                    column=column,
                    char="\u3000",
                    name="IDEOGRAPHIC SPACE",
                    ascii=" ",
                )
            ]
        )
    try:
        loader = _Loader(text, limits.max_depth, limits.max_values)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except _TooDeep as exc:
        raise PolicyError([_too_deep(limits, file, exc.line)]) from None
    except _TooBig:
        raise PolicyError([_too_many(limits, file)]) from None
    except RecursionError:
        raise PolicyError([_too_deep(limits, file, None)]) from None
    except yaml.MarkedYAMLError as exc:
        raise PolicyError([_syntax(exc, file, text)]) from None
    except yaml.reader.ReaderError as exc:
        char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        line = text.count("\n", 0, exc.position) + 1
        problem = make_problem(
            "yaml.control_character",
            wording="yaml.control_character.remove",
            file=file,
            line=line,
            char=f"U+{ord(char[:1] or ' '):04X}",
            name=_char_name(char[:1]),
        )
        raise PolicyError([problem]) from None
    except yaml.YAMLError as exc:
        raise PolicyError(
            [make_problem("yaml.syntax", wording="yaml.syntax.detail", file=file, detail=exc)]
        ) from None
    if root is None:
        raise PolicyError([make_problem("yaml.empty", file=file)])
    builder = _Builder(file, limits)
    try:
        data = builder.build(root, ())
    except _TooBig:
        raise PolicyError([_too_many(limits, file)]) from None
    except _TooDeep as exc:
        raise PolicyError([_too_deep(limits, file, exc.line)]) from None
    except RecursionError:
        raise PolicyError([_too_deep(limits, file, None)]) from None
    if builder.problems:
        raise PolicyError(capped(builder.problems, file))
    return Located(
        data=data,
        lines=builder.lines,
        file=file,
        scalars=builder.scalars,
        columns=builder.columns,
    )


def _too_many(limits: Limits, file: str) -> Problem:
    return make_problem(
        "yaml.too_many_values",
        wording="yaml.too_many_values.limit",
        file=file,
        limit=limits.max_values,
    )


def _too_deep(limits: Limits, file: str, line: int | None) -> Problem:
    return make_problem(
        "yaml.too_deep", wording="yaml.too_deep.limit", file=file, line=line, limit=limits.max_depth
    )


def read_shape(raw: bytes, file: str) -> Located | None:
    """The shape and lines of a file that has already loaded strictly, scalars kept as text
    (read with libyaml where it is installed); ``None`` if it does not parse."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(raw.decode("utf-8-sig"), Loader=loader)
    except (yaml.YAMLError, UnicodeDecodeError):
        return None
    lines: dict[tuple[str | int, ...], int] = {}

    def build(node: Any, at: tuple[str | int, ...]) -> Any:
        lines.setdefault(at, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key, value in node.value:
                name = str(key.value)
                lines[(*at, name)] = key.start_mark.line + 1
                out[name] = build(value, (*at, name))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [build(item, (*at, i)) for i, item in enumerate(node.value)]
        return node.value

    data = None if root is None else build(root, ())
    return Located(data=data, lines=lines, file=file)
