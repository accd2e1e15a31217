"""A bundled policy's text with the events and facts it names by id written by their labels
instead (in Traditional or Simplified Chinese), as an officer may write them."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from complaint_rules import CompiledPolicy
from complaint_rules.messages.simplified import to_simplified
from complaint_rules.policy.model import BUILTIN_EVENTS
from complaint_rules.policy.vocabulary import PLACED_FIELDS
from complaint_rules.policy.yaml_reader import read_yaml

ROOT = Path(__file__).resolve().parents[2]
POLICIES = ROOT / "policies"
BUILTIN = frozenset((*BUILTIN_EVENTS, "deadline_missed"))

Place = tuple[str | int, ...]


@dataclass(frozen=True)
class Named:
    """An event or fact named by its id at ``place`` (line and column, 1-based)."""

    place: Place
    shape: tuple[str, ...]
    value: str
    line: int
    column: int


def named(text: str) -> Iterator[Named]:
    """Every event or fact a policy's text names by id, where the format expects one."""
    located = read_yaml(text.encode("utf-8"))

    def walk(node: Any, place: Place) -> Iterator[Named]:
        if isinstance(node, dict):
            for key, value in node.items():
                child = (*place, key)
                shape = tuple(p for p in child if isinstance(p, str))
                if shape in PLACED_FIELDS:
                    items = value if isinstance(value, list) else [value]
                    for i, item in enumerate(items):
                        where = (*child, i) if isinstance(value, list) else child
                        if isinstance(item, str):
                            line = located.line_of(where)
                            column = located.column_of(where)
                            assert line is not None and column is not None
                            yield Named(where, shape, item, line, column)
                else:
                    yield from walk(value, child)
        elif isinstance(node, list):
            for i, item in enumerate(node):
                yield from walk(item, (*place, i))

    yield from walk(located.data, ())


def labels(compiled: CompiledPolicy) -> dict[str, dict[str, str]]:
    """The label of each event and fact of a compiled (merged) policy, by kind and id."""
    return {
        "event": {term.id: str(term.label) for term in compiled.policy.vocabulary.events},
        "fact": {fact.id: str(fact.label) for fact in compiled.policy.facts},
    }


def label_of(item: Named, names: dict[str, dict[str, str]]) -> str | None:
    """The label of the event or fact ``item`` names (``None``: a built-in event)."""
    return names[PLACED_FIELDS[item.shape]].get(item.value)


def written(label: str) -> str:
    """A label as YAML reads it back, in a flow list or as a value: quoted if it must be."""
    return json.dumps(label, ensure_ascii=False) if re.search(r"[,:#\[\]{}]", label) else label


def relabelled(
    text: str,
    compiled: CompiledPolicy,
    keep: Callable[[Named], bool] = lambda _: True,
    script: Callable[[str], str] = lambda label: label,
) -> tuple[str, list[Named]]:
    """``text`` with each event or fact (but the built-in events) that ``keep`` picks
    written as its label, in ``script``; and the ones replaced."""
    names = labels(compiled)
    lines = text.split("\n")
    done: list[Named] = []
    # Right to left on each line, so the columns of the others still hold.
    for item in sorted(named(text), key=lambda n: (n.line, n.column), reverse=True):
        found = label_of(item, names)
        if item.value in BUILTIN or found is None or not keep(item):
            continue
        line = lines[item.line - 1]
        pattern = re.compile(rf"(?<![a-z0-9_]){re.escape(item.value)}(?![a-z0-9_])")
        match = pattern.search(line, item.column - 1)
        assert match is not None, (item, line)
        label = written(script(found))
        lines[item.line - 1] = line[: match.start()] + label + line[match.end() :]
        done.append(item)
    return "\n".join(lines), done


def simplified(label: str) -> str:
    """A label in Simplified Chinese, as OpenCC writes it."""
    return to_simplified([label])[0]
