"""Coverage-guided fuzzing of the event reader (a case's history) with atheris.

Every input is a policy selector byte followed by the JSON of a case's events. The
oracle: :func:`~complaint_rules.lifecycle.case.status` returns a status whose JSON and
text hold no ESC byte and no 11-digit run of the input outside a quoted id-shaped name
(``[A-Za-z0-9_]{1,64}``, which the library may repeat), or raises the library's own
``ComplaintError`` (located) or ``CalendarError``; anything else is a finding. Run it
with ``scripts/fuzz events``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import atheris  # type: ignore[import-untyped, import-not-found, unused-ignore]

with atheris.instrument_imports():
    from complaint_rules.decision.json_input import read_json
    from complaint_rules.errors import CalendarError, ComplaintError
    from complaint_rules.lifecycle.case import status
    from complaint_rules.lifecycle.render import status_text
    from complaint_rules.policy.catalog import Catalog

CATALOG = Catalog()
POLICIES = [CATALOG.load(i) for i in CATALOG.ids() if not CATALOG.load(i).policy.abstract]
MARK = re.compile(r"[0-9]{11}")
NAMED = re.compile(r"'[A-Za-z0-9_]{1,64}'")
AT = "2026-10-09T09:00:00+08:00"


def check(data: bytes) -> None:
    """The status of the events in ``data``; fail on a crash or an echo of the input."""
    if not data:
        return
    policy = POLICIES[data[0] % len(POLICIES)]
    try:
        events = read_json(data[1:])
    except ComplaintError:
        return
    if not isinstance(events, list):
        return
    try:
        result = status(policy, events, AT, estimate=data[0] >= 128)
    except ComplaintError as exc:
        for problem in exc.problems:
            if not problem.path or not problem.code:
                raise AssertionError(f"unlocated problem: {problem!r}") from exc
        return
    except CalendarError:
        return
    shown = result.model_dump_json() + status_text(result)
    if "\x1b" in shown:
        raise AssertionError("a control byte of the input reaches the output")
    for rejection in result.rejected:
        # A name shaped like an id ([A-Za-z0-9_]{1,64}) may be quoted back (an unknown
        # event's or key's name: the rule of docs/security.md); nothing else may.
        for run in MARK.findall(NAMED.sub("''", rejection.reason)):
            if run.encode() in data:
                raise AssertionError("a rejection repeats a value of the input")


def write_seeds(directory: Path) -> None:
    """Seed a corpus with the example case."""
    directory.mkdir(parents=True, exist_ok=True)
    root = Path(__file__).resolve().parents[1]
    ids = [p.id for p in POLICIES]
    for path in sorted((root / "examples" / "cases").glob("*.json")):
        if path.stem in ids:
            (directory / f"seed-{path.stem}.json").write_bytes(
                bytes([ids.index(path.stem)]) + path.read_bytes()
            )


def main() -> None:
    if sys.argv[1:2] == ["--write-seeds"]:
        write_seeds(Path(sys.argv[2]))
        return
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
