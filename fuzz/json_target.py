"""Coverage-guided fuzzing of the strict JSON reader with atheris.

Every input is bytes as a host would send them (a file, a request body, a JSON line). The
oracle: :func:`~complaint_rules.decision.json_input.read_json` returns a value that the
standard library reads the same way (where it reads it at all, and has no duplicate key),
or raises the library's own ``ComplaintError`` with one located problem with a code, whose
message repeats no 7-digit run of the input; any other exception is a finding. The same
bytes as a JSON line must give the same answer. Run it with ``scripts/fuzz json``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import atheris  # type: ignore[import-untyped, import-not-found, unused-ignore]

with atheris.instrument_imports():
    from complaint_rules.decision.json_input import read_json, read_json_line
    from complaint_rules.errors import ComplaintError

NUMBER = re.compile(rb"[0-9]{7,}")


def _plain(data: bytes) -> Any:
    """What the standard library reads, or None if it refuses or has a duplicate key."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(items)
        if len(out) != len(items):
            raise ValueError("duplicate")
        return out

    try:
        return json.loads(data.decode("utf-8-sig"), parse_float=str, object_pairs_hook=pairs)
    except (ValueError, RecursionError):
        return None


def check(data: bytes) -> None:
    """Read ``data`` strictly; fail on a crash, an unlocated problem or a repeated value."""
    refused = False
    value: Any = None
    try:
        value = read_json(data, where="f.json")
    except ComplaintError as exc:
        (problem,) = exc.problems
        if problem.file != "f.json" or not problem.code or not problem.code.startswith("json."):
            raise AssertionError(f"unlocated or uncoded problem: {problem!r}") from exc
        for run in NUMBER.findall(data):
            if run.decode() in str(exc):
                raise AssertionError("an error message repeats a value") from exc
        refused = True
    else:
        plain = _plain(data)
        if plain is not None and value != plain:
            raise AssertionError("read differently from the standard library")
    if b"\n" not in data and b"\r" not in data and data.strip():
        line_value, problems = read_json_line(data, 5, "h.jsonl")
        if bool(problems) != refused or (not refused and line_value != value):
            raise AssertionError("a JSON line is read otherwise than the same file")


def write_seeds(directory: Path) -> None:
    """Seed a corpus with the example complaints and a few hostile shapes."""
    directory.mkdir(parents=True, exist_ok=True)
    root = Path(__file__).resolve().parents[1]
    for path in sorted((root / "examples" / "complaints").glob("*.json")):
        (directory / f"seed-{path.stem}.json").write_bytes(path.read_bytes())
    for i, text in enumerate([b'{"a": 1, "a": 2}', b"[" * 70, b"9" * 70, b"[NaN]", b"\xff"]):
        (directory / f"seed-hostile-{i}.json").write_bytes(text)


def main() -> None:
    if sys.argv[1:2] == ["--write-seeds"]:
        write_seeds(Path(sys.argv[2]))
        return
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
