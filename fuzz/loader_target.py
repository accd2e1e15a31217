"""Coverage-guided fuzzing of the policy loader with atheris (libFuzzer for Python).

Every input is policy bytes. The oracle: loading either succeeds, and the policy decides
a plain complaint or refuses it with the library's own errors, or raises ``PolicyError``
whose every problem names the file; anything else (a traceback, a hang past libFuzzer's
-timeout, memory past -rss_limit_mb) is a finding. Run it with ``scripts/fuzz loader``
(see fuzz/README.md).
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Any

import atheris  # type: ignore[import-untyped, import-not-found, unused-ignore]

with atheris.instrument_imports():
    import yaml  # noqa: F401  (instrumented: the fuzzer learns PyYAML's branches too)

    from complaint_rules.decision.engine import decide
    from complaint_rules.errors import CalendarError, ComplaintError, PolicyError, Problem
    from complaint_rules.policy.compiled import CompiledPolicy
    from complaint_rules.policy.loader import load_policy_text
    from complaint_rules.policy.yaml_reader import Limits

FILE = "fuzz.yaml"
# Small limits keep every run fast; the limits themselves are what is being tested.
LIMITS = Limits(max_bytes=64_000, max_depth=50, max_values=20_000)


def no_base(policy_id: str) -> CompiledPolicy:
    raise PolicyError([Problem("no base policies while fuzzing", file=FILE)])


def check(data: bytes) -> None:
    """Load ``data``; fail on anything but a policy that decides or a located PolicyError."""
    try:
        policy = load_policy_text(data, file=FILE, resolve=no_base, limits=LIMITS)
    except PolicyError as exc:
        for problem in exc.problems:
            if problem.file != FILE or not problem.message:
                raise AssertionError(f"unlocated problem: {problem!r}") from exc
        return
    # A policy that loads decides a plain complaint, or refuses it with the library's errors.
    complaint: dict[str, Any] = {"received_at": "2026-10-09T17:00:00+08:00"}
    complaint["channel"] = next(iter(policy.channels.terms), "none")
    complaint["category"] = next(iter(policy.categories.terms), "none")
    if policy.level_input != "forbidden" and policy.levels.terms:
        complaint["level"] = next(iter(policy.levels.terms))
    complaint["findings"] = list(policy.findings.terms)[:2]
    for estimate in (False, True):
        with contextlib.suppress(ComplaintError, CalendarError):
            decide(policy, complaint, estimate=estimate).model_dump_json()


def write_seeds(directory: Path) -> None:
    """Seed a corpus with the bundled policies and a few small hostile files."""
    directory.mkdir(parents=True, exist_ok=True)
    root = Path(__file__).resolve().parents[1]
    for path in sorted((root / "policies").glob("*.yaml")):
        # The small policies only: each execution of a 50 kB one takes a second.
        if not path.name.endswith(".tests.yaml") and path.stat().st_size < 20_000:
            (directory / f"seed-{path.name}").write_bytes(path.read_bytes())
    for i, text in enumerate(SMALL):
        (directory / f"seed-small-{i}.yaml").write_text(text, encoding="utf-8")


SMALL = (
    "schema: complaint-rules/1\nid: x\nversion: '1'\ntitle: t\ninstitution: i\nsource: s\n"
    "vocabulary: {roles: [{id: r, label: R}], channels: [{id: c, label: C}], "
    "categories: [{id: k, label: K}]}\nrules:\n  - {id: a, article: A, "
    "routing: [{duty: accepts, role: r}]}\n",
    "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
    "a: {b: {c: 1, c: 2}}\non: no\nd: 0755\ne: 2026-01-01\n",
    "x: !!python/object/apply:os.system [ls]\n",
)


def main() -> None:
    if sys.argv[1:2] == ["--write-seeds"]:
        write_seeds(Path(sys.argv[2]))
        return
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
