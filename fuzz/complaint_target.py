"""Coverage-guided fuzzing of complaint parsing and deciding with atheris.

Every input is a policy selector byte followed by JSON text (the shape a host sends). The
oracle: ``decide`` returns a decision whose JSON never contains the complaint's personal
fields, or raises the library's own ``ComplaintError`` (every problem located by a field
path, or about the whole object, and none repeating a value that looks like a phone or
id number) or ``CalendarError``; anything else is a finding. Run
it with ``scripts/fuzz complaint`` (see fuzz/README.md).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import atheris  # type: ignore[import-untyped, import-not-found, unused-ignore]

with atheris.instrument_imports():
    from complaint_rules.decision.engine import decide
    from complaint_rules.errors import CalendarError, ComplaintError
    from complaint_rules.policy.catalog import Catalog

CATALOG = Catalog()
POLICIES = [CATALOG.load(i) for i in CATALOG.ids() if not CATALOG.load(i).policy.abstract]
PRIVATE = ("id", "complainant", "text")
NUMBER = re.compile(r"[0-9]{7}")


def numbers(value: Any) -> Iterator[str]:
    """Every string in ``value`` that holds 7 digits in a row (a phone, an id number)."""
    if isinstance(value, str):
        if NUMBER.search(value):
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from numbers(item)
    elif isinstance(value, list):
        for item in value:
            yield from numbers(item)


def check(data: bytes) -> None:
    """Decide the complaint in ``data``; fail on a crash, an unlocated error or a leak."""
    if not data:
        return
    policy = POLICIES[data[0] % len(POLICIES)]
    try:
        complaint: Any = json.loads(data[1:].decode("utf-8"), parse_float=str)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return
    try:
        decision = decide(policy, complaint, estimate=data[0] >= 128)
    except ComplaintError as exc:
        whole = not isinstance(complaint, dict) or len(exc.problems) > 100
        for problem in exc.problems:
            if not (problem.path or whole) or not problem.message:
                raise AssertionError(f"unlocated problem: {problem!r}") from exc
        text = str(exc)
        for value in numbers(complaint):
            if value in text:
                raise AssertionError("an error message repeats a value") from exc
        return
    except CalendarError:
        return
    dumped = decision.model_dump_json()
    for name in PRIVATE:
        for value in numbers(complaint.get(name)):
            if value in dumped:
                raise AssertionError(f"the decision carries the complaint's {name}")


def write_seeds(directory: Path) -> None:
    """Seed a corpus with the bundled example complaints, one file each."""
    directory.mkdir(parents=True, exist_ok=True)
    root = Path(__file__).resolve().parents[1]
    ids = [p.id for p in POLICIES]
    for path in sorted((root / "examples" / "complaints").glob("*.json")):
        if path.stem not in ids:
            continue
        selector = bytes([ids.index(path.stem)])
        for i, item in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            text = json.dumps(item, ensure_ascii=False).encode("utf-8")
            (directory / f"seed-{path.stem}-{i}.json").write_bytes(selector + text)


def main() -> None:
    if sys.argv[1:2] == ["--write-seeds"]:
        write_seeds(Path(sys.argv[2]))
        return
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
