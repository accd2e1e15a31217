"""The pytest plugin (entry point ``pytest11``): options, readable failures for
:func:`~complaint_rules.testing.policy_invariants` tests, and the officers' policy tests
as pytest items.

- ``--policy-examples N``: examples per invariant (default: the hypothesis profile's).
- A broken invariant or a policy that does not load is shown as the report (what broke
  and the smallest complaint, or the located problems), without a traceback.
- ``complaint_rules_policy_tests`` (an ini option; directories, one a line): the
  ``*.tests.yaml`` files in them are collected, each case an item
  ``<file>::<policy>::<case name>`` whose failure shows the expected and actual values as
  ``complaint-rules test`` does, in the language ``COMPLAINT_RULES_LANG`` (then the
  locale) chooses: pytest has no ``--lang``. A plain ``pytest`` (no paths given) also
  visits these directories. Without the option nothing is collected: installing the
  package changes nothing in other projects.

Loading this plugin imports neither hypothesis nor the policy machinery.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from ..messages.catalogue import Lang
    from ..toolkit.policytests.cases import FileResult

__all__ = [
    "INI_POLICY_TESTS",
    "pytest_addoption",
    "pytest_collect_file",
    "pytest_configure",
    "pytest_runtest_makereport",
]

INI_POLICY_TESTS = "complaint_rules_policy_tests"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("complaint_rules", "complaint_rules policy invariants")
    group.addoption(
        "--policy-examples",
        dest="policy_examples",
        type=int,
        default=None,
        metavar="N",
        help="complaints tried per invariant in policy_invariants tests "
        "(default: the hypothesis profile's max_examples)",
    )
    parser.addini(
        INI_POLICY_TESTS,
        type="paths",
        default=[],
        help="directories whose *.tests.yaml policy tests are collected, each case an item",
    )


def _policy_dirs(config: pytest.Config) -> list[Path]:
    return [Path(p).resolve() for p in config.getini(INI_POLICY_TESTS)]


def pytest_configure(config: pytest.Config) -> None:
    """With no paths on the command line, the policy tests' directories are visited too."""
    dirs = _policy_dirs(config)
    if not dirs or config.args_source == pytest.Config.ArgsSource.ARGS:
        return
    visited = [Path(a).resolve() for a in config.args]
    for directory in dirs:
        if not any(directory == v or v in directory.parents for v in visited):
            config.args.append(str(directory))


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if not file_path.name.endswith(".tests.yaml"):
        return None
    dirs = _policy_dirs(parent.config)
    here = file_path.resolve()
    if not any(d == here.parent or d in here.parents for d in dirs):
        return None
    collector: pytest.Collector = PolicyTestsFile.from_parent(parent, path=file_path)
    return collector


class PolicyTestsFile(pytest.File):
    """A ``*.tests.yaml`` file: its policy, whose cases are the items."""

    _result: FileResult | None = None

    def collect(self) -> Iterable[pytest.Item | pytest.Collector]:
        from ..errors import InputError
        from ..toolkit.policytests.cases import load_tests

        try:
            tests, _ = load_tests(self.path)
        except InputError:
            yield PolicyCase.from_parent(self, name="(the tests file)", index=None)
            return
        policy = PolicyCases.from_parent(self, name=tests.policy)
        policy.cases = [case.name for case in tests.cases]
        yield policy

    def result(self) -> FileResult:
        """Every case of the file, run once (a case's item reads its own result)."""
        if self._result is None:
            from ..toolkit.policytests.cases import run_tests

            report = run_tests([self.path])
            self._result = report.files[0]
        return self._result


class PolicyCases(pytest.Collector):
    """The cases of one tests file, under its policy's name."""

    cases: list[str]

    def collect(self) -> Iterable[pytest.Item]:
        for index, name in enumerate(self.cases):
            yield PolicyCase.from_parent(self, name=name, index=index)


class PolicyCaseFailed(Exception):
    """A case whose decision differs from what it expects (or a file that cannot run)."""


class PolicyCase(pytest.Item):
    """One case of a tests file: passes when the decision is as the case expects."""

    def __init__(self, *, index: int | None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.index = index

    def _file(self) -> PolicyTestsFile:
        node: Any = self.parent
        while not isinstance(node, PolicyTestsFile):
            node = node.parent
        return node

    def runtest(self) -> None:
        from ..messages.catalogue import problem_text, say

        result = self._file().result()
        lang = _lang()
        if result.problems or self.index is None:
            lines = [say("tests.plugin.cannot_run", lang, file=result.file)]
            for p in result.problems:
                where = (p.file or "<input>") + ("" if p.line is None else f":{p.line}")
                text = problem_text(p.problem(), lang)
                lines.append(f"  {where}: {p.field}: {text}" if p.field else f"  {where}: {text}")
            raise PolicyCaseFailed("\n".join(lines))
        case = result.cases[self.index]
        if case.passed:
            return
        lines = [say("report.test.fail", lang, file=result.file, line=case.line, name=case.name)]
        for m in case.mismatches:
            lines += [
                f"  {result.file}:{m.line}: {m.field}",
                "    " + say("report.test.expected", lang, value=m.expected_in(lang)),
                "    " + say("report.test.actual", lang, value=m.actual_in(lang)),
            ]
        raise PolicyCaseFailed("\n".join(lines))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, PolicyCaseFailed):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"{self.parent.name if self.parent else ''}::{self.name}"


def _lang() -> Lang:
    """The language of a failing case: pytest has no ``--lang``, so
    ``COMPLAINT_RULES_LANG``, then the locale (English if the variable names no language)."""
    from ..messages.catalogue import choose_lang

    try:
        return choose_lang(None)
    except ValueError:
        return "en"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    excinfo: Any = call.excinfo
    if report.failed and excinfo is not None:
        from ._report import PolicyCheckFailed

        if isinstance(excinfo.value, PolicyCheckFailed):
            report.longrepr = str(excinfo.value)
    return report
