"""Strict, located YAML reading.

PyYAML's defaults are YAML 1.1: ``no``/``on`` become booleans, ``23:59:59`` an integer,
``0755`` an octal, and a duplicate key silently replaces the first. This reader composes
the node tree with a resolver close to YAML 1.2's core schema, rejects duplicate keys
(naming both lines), refuses tags that construct objects, and records the line of every
value so that later errors can point at it.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import PolicyError, Problem

__all__ = ["Located", "read_yaml"]

Path = tuple[str | int, ...]


class _Resolver(yaml.resolver.BaseResolver):
    """Plain scalars resolve as in YAML 1.2's core schema, plus ISO dates."""


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
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


class _Loader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    _Resolver,
):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Resolver.__init__(self)


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


@dataclass
class Located:
    """YAML data as plain Python values, with the line of each value by its path."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    file: str = "<input>"

    def line_of(self, path: Path) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]

    def problem(self, path: Path, message: str) -> Problem:
        return Problem(message=message, path=path, file=self.file, line=self.line_of(path))


class _Builder:
    def __init__(self, file: str, max_nodes: int) -> None:
        self.file = file
        self.lines: dict[Path, int] = {}
        self.problems: list[Problem] = []
        self.budget = max_nodes

    def build(self, node: Node, path: Path) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise _TooBig
        line = node.start_mark.line + 1
        self.lines.setdefault(path, line)
        if node.tag not in _SAFE_TAGS:
            self._problem(path, line, f"tag {node.tag!r} is not allowed (plain data only)")
            return None
        if isinstance(node, MappingNode):
            out: dict[Any, Any] = {}
            first_line: dict[Any, int] = {}
            for key_node, value_node in node.value:
                key = self._scalar(key_node, path)
                if key is None:
                    continue
                key_line = key_node.start_mark.line + 1
                if key in first_line:
                    self._problem(
                        (*path, str(key)),
                        key_line,
                        f"duplicate key {key!r} (first at line {first_line[key]}); "
                        "remove one: YAML would silently keep the last",
                    )
                    continue
                first_line[key] = key_line
                child = (*path, key if isinstance(key, str) else str(key))
                self.lines[child] = key_line
                out[key] = self.build(value_node, child)
            return out
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._construct_scalar(node, path)

    def _scalar(self, node: Node, path: Path) -> Any:
        if not isinstance(node, ScalarNode):
            self._problem(path, node.start_mark.line + 1, "mapping keys must be plain scalars")
            return None
        return self._construct_scalar(node, path)

    def _construct_scalar(self, node: ScalarNode, path: Path) -> Any:
        value = node.value
        tag = node.tag
        try:
            if tag == "tag:yaml.org,2002:bool":
                return value.lower() == "true"
            if tag == "tag:yaml.org,2002:int":
                return int(value)
            if tag == "tag:yaml.org,2002:float":
                return float(value)
            if tag == "tag:yaml.org,2002:null":
                return None
            if tag == "tag:yaml.org,2002:timestamp":
                return _dt.date.fromisoformat(value)
        except ValueError as exc:
            self._problem(path, node.start_mark.line + 1, f"{value!r}: {exc}")
            return None
        return value

    def _problem(self, path: Path, line: int, message: str) -> None:
        self.problems.append(Problem(message=message, path=path, file=self.file, line=line))


class _TooBig(Exception):
    pass


def read_yaml(text: str | bytes, file: str = "<input>", *, max_nodes: int = 200_000) -> Located:
    """Read one YAML document strictly; raise :class:`PolicyError` listing every problem."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PolicyError(
                [Problem(f"not UTF-8 text (byte {exc.start}): save the file as UTF-8", file=file)]
            ) from None
    text = text.removeprefix("\ufeff")
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        message = " ".join(part for part in (exc.context, exc.problem) if part)
        raise PolicyError([Problem(f"YAML syntax: {message}", file=file, line=line)]) from None
    except yaml.YAMLError as exc:
        raise PolicyError([Problem(f"YAML syntax: {exc}", file=file)]) from None
    if root is None:
        raise PolicyError([Problem("the file is empty", file=file)])
    builder = _Builder(file, max_nodes)
    try:
        data = builder.build(root, ())
    except _TooBig:
        raise PolicyError(
            [Problem(f"more than {max_nodes} YAML values (an alias bomb?)", file=file)]
        ) from None
    except RecursionError:
        raise PolicyError([Problem("YAML nested too deeply", file=file)]) from None
    if builder.problems:
        raise PolicyError(builder.problems)
    return Located(data=data, lines=builder.lines, file=file)
