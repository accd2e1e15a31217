"""Policy tests: cases a compliance officer writes in YAML beside a policy, and their runner.

A file ``<policy-id>.tests.yaml`` names the policy and lists cases: a complaint (the JSON
shape ``decide`` takes), optionally ``at`` and ``estimate``, and either ``expect`` (the
decision fields that matter, compared as described in
:mod:`complaint_rules.toolkit.policytests.expectations`)
and/or ``expect_absent`` (elements that must not be there), or ``expect_error`` (the
complaint must be refused). :func:`run_tests` runs every case and
returns a :class:`TestReport` with each failure's differences and, per policy, which rules
and elements no case exercised (:mod:`complaint_rules.toolkit.policytests.coverage`).
The format is in
docs/policy-tests.md.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from os import PathLike
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ...decision.engine import decide
from ...decision.model import Decision
from ...errors import CalendarError, ComplaintError, InputError, PolicyError, Problem
from ...messages.catalogue import Lang, make_problem
from ...messages.host import calendar_problem
from ...policy.catalog import Catalog
from ...policy.compiled import CompiledPolicy
from ...policy.loader import load_policy, read_regular
from ...policy.yaml_reader import Located, read_yaml
from .coverage import PolicyCoverage, coverage
from .expectations import (
    Difference,
    Joined,
    Worded,
    check_absent,
    check_expectation,
    compare,
    compare_absent,
    parse_instant,
    said,
)

__all__ = [
    "CaseResult",
    "FileResult",
    "Mismatch",
    "ProblemOut",
    "TestReport",
    "TestsFile",
    "TestsFileError",
    "find_tests_files",
    "load_tests",
    "run_tests",
]

MAX_TESTS_BYTES = 5_000_000


class TestsFileError(InputError):
    """A tests file that cannot be read: syntax, unknown keys, bad values, a missing policy."""

    __test__ = False  # not a pytest test class
    kind = "tests file"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ExpectedError(_Model):
    """A problem the complaint must be refused with; every key written must match."""

    field: str | None = None
    message: str | None = None
    contains: str | None = None

    @model_validator(mode="after")
    def _something(self) -> ExpectedError:
        if self.field is None and self.message is None and self.contains is None:
            raise ValueError("an expected error names its field, message or contains")
        return self


class PolicyTestCase(_Model):
    """One complaint and what its decision must show (or that it is refused)."""

    name: str = Field(min_length=1)
    note: str | None = None
    complaint: dict[str, Any]
    at: str | None = None
    estimate: bool = False
    expect: dict[str, Any] | None = None
    expect_absent: dict[str, Any] | None = None
    expect_error: tuple[ExpectedError, ...] | None = Field(default=None, min_length=1)

    @field_validator("at", mode="before")
    @classmethod
    def _instant(cls, value: Any) -> Any:
        if value is not None and parse_instant(value) is None:
            raise ValueError(
                "expected an instant: ISO 8601 with an offset, e.g. 2026-10-12T09:00:00+08:00"
            )
        return value

    @model_validator(mode="after")
    def _one_outcome(self) -> PolicyTestCase:
        decided = self.expect is not None or self.expect_absent is not None
        if decided == (self.expect_error is not None):
            raise ValueError(
                "a case has 'expect' (and/or 'expect_absent') or 'expect_error', not both"
                if decided
                else "a case needs 'expect', 'expect_absent' or 'expect_error'"
            )
        return self


class TestsFile(_Model):
    """A whole tests file."""

    __test__ = False
    schema_: Literal["complaint-rules-tests/1"] = Field(alias="schema")
    policy: str = Field(min_length=1)
    description: str | None = None
    cases: tuple[PolicyTestCase, ...] = Field(min_length=1)

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


# --- the report -----------------------------------------------------------------------


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ProblemOut(_Out):
    """A located problem (a tests file or a policy that does not load)."""

    file: str | None
    line: int | None
    field: str
    message: str
    source: Problem | None = Field(default=None, exclude=True, repr=False)
    """The problem itself (its code and path, to say it in another language)."""

    @classmethod
    def of(cls, p: Problem) -> ProblemOut:
        return cls(file=p.file, line=p.line, field=p.field, message=p.message, source=p)

    def problem(self) -> Problem:
        """The problem as raised, or one made of these fields."""
        if self.source is not None:
            return self.source
        return Problem(self.message, file=self.file, line=self.line)

    def __str__(self) -> str:
        where = (self.file or "<input>") + ("" if self.line is None else f":{self.line}")
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class Mismatch(_Out):
    """One difference between the decision and the case: field, expected, actual (in
    English; :meth:`expected_in` and :meth:`actual_in` say them in another language)."""

    field: str
    expected: str
    actual: str
    line: int | None
    words: tuple[Any, Any] | None = Field(default=None, exclude=True, repr=False)
    """The expected and actual values as worded (:class:`~.expectations.Worded`)."""

    def expected_in(self, lang: Lang) -> str:
        """What the case expects, in ``lang`` (its values as they are written)."""
        return said(self.words[0] if self.words else self.expected, lang)

    def actual_in(self, lang: Lang) -> str:
        """What the decision has, in ``lang`` (its values as they are written)."""
        return said(self.words[1] if self.words else self.actual, lang)


class CaseResult(_Out):
    name: str
    line: int | None
    passed: bool
    mismatches: tuple[Mismatch, ...]


class FileResult(_Out):
    """One tests file: its cases, or the problems that kept it from running."""

    file: str
    policy: str | None
    passed: bool
    cases: tuple[CaseResult, ...]
    problems: tuple[ProblemOut, ...]


class TestReport(_Out):
    """Every file's cases, the totals, and the coverage of each policy tested."""

    __test__ = False
    ok: bool
    """Every case passed and every file could be read."""
    cases: int
    passed: int
    failed: int
    invalid_files: int
    files: tuple[FileResult, ...]
    coverage: tuple[PolicyCoverage, ...]


# --- reading --------------------------------------------------------------------------


def find_tests_files(paths: Sequence[str | PathLike[str]]) -> list[Path]:
    """The tests files to run for ``paths``, each once, in order: a tests file as given; a
    policy file's ``<name>.tests.yaml`` beside it; a directory's ``*.tests.yaml`` (which
    are its policies' tests), sorted. A policy without a tests file is listed as that
    missing file (:func:`run_tests` reports it)."""
    out: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found = sorted(path.glob("*.tests.yaml"))
        elif path.name.endswith(".tests.yaml") or path.suffix not in (".yaml", ".yml"):
            found = [path]
        else:
            found = [tests_file_of(path)]
        out.extend(p for p in found if p not in out)
    return out


def tests_file_of(policy: Path) -> Path:
    """Where the tests of the policy file ``policy`` are: ``<name>.tests.yaml`` beside it."""
    return policy.with_name(policy.name.rsplit(".", 1)[0] + ".tests.yaml")


def _problem(located: Located, path: tuple[str | int, ...], message: str) -> Problem:
    return located.problem(path, message, "tests_file.invalid")


def _said(located: Located, path: tuple[str | int, ...], wording: str, **args: object) -> Problem:
    """A ``tests_file.invalid`` problem at ``path`` in the catalogue's ``wording``."""
    return make_problem(
        "tests_file.invalid",
        path=path,
        file=located.file,
        line=located.line_of(path),
        column=located.column_of(path),
        wording=wording,
        args=args,
    )


def load_tests(path: str | PathLike[str]) -> tuple[TestsFile, Located]:
    """Read a tests file strictly; raise :class:`TestsFileError` listing every problem."""
    file = str(path)
    try:
        raw = read_regular(file, MAX_TESTS_BYTES + 1)
    except InputError as exc:
        raise TestsFileError(exc.problems) from None
    except OSError as exc:
        raise TestsFileError(
            [
                make_problem(
                    "file.unreadable",
                    file=file,
                    wording="file.unreadable.reason",
                    reason=exc.strerror or exc,
                )
            ]
        ) from None
    if len(raw) > MAX_TESTS_BYTES:
        raise TestsFileError(
            [
                make_problem(
                    "tests_file.too_large",
                    file=file,
                    wording="tests_file.too_large.limit",
                    limit=MAX_TESTS_BYTES,
                )
            ]
        )
    try:
        located = read_yaml(raw, file)
    except PolicyError as exc:
        raise TestsFileError(exc.problems) from None
    return parse_tests(located), located


def parse_tests(located: Located) -> TestsFile:
    """Validate YAML data into a :class:`TestsFile`; errors carry file, line and field."""
    data = located.data
    if not isinstance(data, dict):
        raise TestsFileError([_said(located, (), "tests_file.invalid.not_mapping")])
    cases = data.get("cases")
    problems = [
        _said(located, ("cases", i, key, *path), message.wording, **message.values)
        for i, case in enumerate(cases if isinstance(cases, list) else [])
        if isinstance(case, dict)
        for key, check in (("expect", check_expectation), ("expect_absent", check_absent))
        if case.get(key) is not None
        for path, message in check(case[key])
    ]
    try:
        tests = TestsFile.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        checked = {p.path for p in problems}  # an expect that is no mapping: said once
        problems += [
            _from_pydantic(located, e)
            for e in errors
            if not _consequence(e, errors) and tuple(e["loc"]) not in checked
        ]
        raise TestsFileError(sorted(problems, key=lambda p: p.line or 0)) from None
    first: dict[str, int] = {}
    for i, case in enumerate(tests.cases):
        if case.name in first:
            line = located.line_of(("cases", first[case.name]))
            wording = "tests_file.invalid.duplicate_name"
            problems.append(_said(located, ("cases", i, "name"), wording, first_line=line))
        first.setdefault(case.name, i)
    if problems:
        raise TestsFileError(problems)
    return tests


def _consequence(err: Any, errors: list[Any]) -> bool:
    """A list too short only because its items were invalid (pydantic reports both)."""
    loc = tuple(err["loc"])
    return err["type"] == "too_short" and any(
        tuple(other["loc"])[: len(loc)] == loc and len(other["loc"]) > len(loc) for other in errors
    )


_MODELS: dict[str, type[BaseModel]] = {
    "cases": PolicyTestCase,
    "expect_error": ExpectedError,
}


def _from_pydantic(located: Located, err: Any) -> Problem:
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p))
    kind = err["type"]
    message = str(err["msg"]).removeprefix("Value error, ")
    if kind == "extra_forbidden":
        owner: type[BaseModel] = TestsFile
        for part in loc[:-1]:
            owner = _MODELS.get(str(part), owner)
        names = [info.alias or key for key, info in owner.model_fields.items()]
        close = difflib.get_close_matches(str(loc[-1]), names, n=1)
        if close:
            wording = "tests_file.invalid.unknown_key_nearest"
            return _said(located, loc, wording, allowed=", ".join(names), nearest=repr(close[0]))
        return _said(located, loc, "tests_file.invalid.unknown_key", allowed=", ".join(names))
    if kind == "missing":
        return _said(located, loc, "tests_file.invalid.missing")
    if kind == "literal_error" and loc == ("schema",):
        return _said(located, loc, "tests_file.invalid.schema")
    return _problem(located, loc, message)


# --- running --------------------------------------------------------------------------


def run_tests(paths: Sequence[str | PathLike[str]], catalog: Catalog | None = None) -> TestReport:
    """Run every case of the tests files at ``paths`` (directories: their ``*.tests.yaml``).

    A policy named by id is the ``<id>.yaml`` beside the tests file, else the catalog's
    (by default the bundled policies); a path is relative to the tests file. Bases are
    found through ``catalog``. A file that cannot be read, or whose policy does not load,
    is reported with its located problems; the other files still run.
    """
    runner = _Runner(catalog)
    missing = {
        tests_file_of(Path(p)): Path(p)
        for p in paths
        if Path(p).is_file()
        and Path(p).suffix in (".yaml", ".yml")
        and not Path(p).name.endswith(".tests.yaml")
    }
    files = [
        _no_tests(missing[path], path)
        if path in missing and not path.exists()
        else runner.file(path)
        for path in find_tests_files(paths)
    ]
    results = [c for f in files for c in f.cases]
    passed = sum(c.passed for c in results)
    invalid = sum(1 for f in files if f.problems)
    return TestReport(
        ok=passed == len(results) and not invalid,
        cases=len(results),
        passed=passed,
        failed=len(results) - passed,
        invalid_files=invalid,
        files=tuple(files),
        coverage=tuple(
            coverage(policy, decisions)
            for _, (policy, decisions) in sorted(runner.decisions.items())
        ),
    )


def _no_tests(policy: Path, tests: Path) -> FileResult:
    problem = make_problem("tests.no_tests_file", file=str(policy), policy=policy, tests=tests.name)
    return FileResult(
        file=str(tests), policy=None, passed=False, cases=(), problems=(ProblemOut.of(problem),)
    )


class _Runner:
    def __init__(self, catalog: Catalog | None) -> None:
        self._catalog = catalog
        self.decisions: dict[tuple[str, str], tuple[CompiledPolicy, list[Decision]]] = {}

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = Catalog()
        return self._catalog

    def file(self, path: Path) -> FileResult:
        try:
            tests, located = load_tests(path)
            policy = self.policy(path, tests.policy, located)
        except InputError as exc:
            problems = tuple(ProblemOut.of(p) for p in exc.problems)
            return FileResult(
                file=str(path), policy=None, passed=False, cases=(), problems=problems
            )
        key = (policy.id, policy.sha256)
        decided = self.decisions.setdefault(key, (policy, []))[1]
        results = [
            self.case(policy, case, located, i, decided) for i, case in enumerate(tests.cases)
        ]
        return FileResult(
            file=str(path),
            policy=policy.id,
            passed=all(r.passed for r in results),
            cases=tuple(results),
            problems=(),
        )

    def policy(self, path: Path, name: str, located: Located) -> CompiledPolicy:
        try:
            if name.endswith((".yaml", ".yml")) or "/" in name:
                return load_policy(path.parent / name, resolve=self.catalog.load)
            beside = path.parent / f"{name}.yaml"
            if beside.is_file():
                known = name in self.catalog.ids()
                if known and self.catalog.path(name).resolve() == beside.resolve():
                    return self.catalog.load(name)  # the same file, compiled once
                policy = load_policy(beside, resolve=self.catalog.load)
                if policy.id != name:
                    wording = "tests_file.invalid.policy_id"
                    raise TestsFileError(
                        [
                            _said(
                                located,
                                ("policy",),
                                wording,
                                file=beside,
                                id=repr(policy.id),
                                name=repr(name),
                            )
                        ]
                    )
                return policy
            return self.catalog.load(name)
        except PolicyError as exc:
            where = _said(located, ("policy",), "tests_file.invalid.policy", name=repr(name))
            raise TestsFileError([where, *exc.problems]) from None

    def case(
        self,
        policy: CompiledPolicy,
        case: PolicyTestCase,
        located: Located,
        index: int,
        decided: list[Decision],
    ) -> CaseResult:
        base: tuple[str | int, ...] = ("cases", index)
        errors: list[Problem] = []
        decision = None
        try:
            decision = decide(policy, case.complaint, at=case.at, estimate=case.estimate)
        except ComplaintError as exc:
            errors = list(exc.problems)
        except CalendarError as exc:
            errors = [calendar_problem(exc)]
        if decision is not None:
            decided.append(decision)
        if case.expect_error is not None:
            diffs = _refusal(case.expect_error, errors)
            mismatches = [_mismatch(located, (*base, "expect_error"), d) for d in diffs]
        elif decision is None:
            mismatches = [
                _mismatch(
                    located,
                    (*base, "complaint"),
                    Difference(
                        p.field or "(complaint)",
                        Worded("tests.diff.a_decision"),
                        Worded("tests.diff.refused", message=p),
                        p.path,
                    ),
                )
                for p in errors
            ]
        else:
            mismatches = [
                _mismatch(located, (*base, "expect"), d)
                for d in compare(case.expect or {}, decision)
            ] + [
                _mismatch(located, (*base, "expect_absent"), d)
                for d in compare_absent(case.expect_absent or {}, decision)
            ]
        return CaseResult(
            name=case.name,
            line=located.line_of(base),
            passed=not mismatches,
            mismatches=tuple(mismatches),
        )


def _mismatch(located: Located, base: tuple[str | int, ...], d: Difference) -> Mismatch:
    return Mismatch(
        field=d.field,
        expected=d.expected,
        actual=d.actual,
        line=located.line_of((*base, *d.path)),
        words=(d.expected, d.actual),
    )


def _refusal(expected: Sequence[ExpectedError], errors: list[Problem]) -> list[Difference]:
    wanted = [
        ", ".join(f"{k}: {v}" for k, v in want.model_dump(exclude_none=True).items())
        for want in expected
    ]
    if not errors:
        refused = Worded("tests.diff.refused_with", wanted="; ".join(wanted))
        return [Difference("(complaint)", refused, Worded("tests.diff.decided"), ())]
    here = Joined([Joined([p.field, p], ": ") if p.field else p for p in errors], "; ")
    refused_here = Worded("tests.diff.refused_here", here=here)
    return [
        Difference(want.field or "(complaint)", shown, refused_here, (j,))
        for j, (want, shown) in enumerate(zip(expected, wanted, strict=True))
        if not any(
            (want.field is None or want.field == p.field)
            and (want.message is None or want.message == p.message)
            and (want.contains is None or want.contains in p.message)
            for p in errors
        )
    ]
