"""The pytest plugin: --policy-examples, and a broken invariant shown as its report with no
traceback (any other failure as pytest shows it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = """\
from complaint_rules.testing import InvariantResult, PolicyReport
from complaint_rules.testing.invariants import InvariantViolation


def test_broken():
    violation = InvariantViolation("level_order", "went wrong")
    result = InvariantResult("level_order", "h", violation=violation)
    PolicyReport("p", (result,)).raise_for_failures()


def test_plain():
    assert 1 == 2


def test_option(request):
    assert request.config.getoption("policy_examples") == 7
"""


def pytest_in(
    directory: Path, *argv: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *argv],
        cwd=directory,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80", **(env or {})},
        check=False,
    )


def test_a_broken_invariant_is_shown_as_its_report_and_the_option_is_read(tmp_path: Path) -> None:
    (tmp_path / "test_it.py").write_text(TESTS, encoding="utf-8")
    run = pytest_in(tmp_path, "-q", "--policy-examples", "7")
    out = run.stdout
    assert run.returncode == 1, out
    failures = out[out.index("= FAILURES =") : out.index("= short test summary info =")]
    lines = failures.splitlines()
    start = next(i for i, line in enumerate(lines) if " test_broken " in line)
    end = next(i for i, line in enumerate(lines) if " test_plain " in line)
    broken, plain = "\n".join(lines[start + 1 : end]), "\n".join(lines[end:])
    assert lines[start + 1 : end] == [
        "p: 1 of 1 invariants broken",
        "FAILED level_order: went wrong",
    ]
    assert "Traceback" not in broken and "raise_for_failures" not in broken
    assert "assert 1 == 2" in plain and "def test_plain" in plain
    assert out.rstrip().splitlines()[-1].startswith("2 failed, 1 passed in ")


def test_the_option_is_listed_in_the_help(tmp_path: Path) -> None:
    run = pytest_in(tmp_path, "--help")
    assert run.returncode == 0
    assert "complaint_rules policy invariants:" in run.stdout
    assert "--policy-examples=N" in run.stdout


def test_without_the_option_the_profile_decides(tmp_path: Path) -> None:
    (tmp_path / "test_default.py").write_text(
        "def test_default(request):\n"
        "    assert request.config.getoption('policy_examples') is None\n",
        encoding="utf-8",
    )
    run = pytest_in(tmp_path, "-q")
    assert run.returncode == 0, run.stdout


ROOT = Path(__file__).resolve().parents[2]


def _policy_project(tmp_path: Path, *, ini: bool) -> Path:
    """A QA project: 科右前旗's policy and its officers' tests in policies/, a property
    test in tests/, and (with ``ini``) the option naming policies/."""
    policies = tmp_path / "policies"
    policies.mkdir()
    for name in ("keyouqianqi_credit_union.yaml", "keyouqianqi_credit_union.tests.yaml"):
        (policies / name).write_bytes((ROOT / "policies" / name).read_bytes())
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "test_nothing.py").write_text("def test_one():\n    assert True\n", encoding="utf-8")
    lines = ["[pytest]", "testpaths = tests"]
    if ini:
        lines.append("complaint_rules_policy_tests = policies")
    (tmp_path / "pytest.ini").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return policies


def test_the_officers_cases_are_items_when_the_project_asks(tmp_path: Path) -> None:
    policies = _policy_project(tmp_path, ini=True)
    run = pytest_in(tmp_path, "-q", "--collect-only")
    items = [line for line in run.stdout.splitlines() if "::" in line]
    assert len(items) == 23, run.stdout  # 22 cases and the property test
    assert (
        "policies/keyouqianqi_credit_union.tests.yaml::keyouqianqi_credit_union::"
        "一般投訴 by letter the day before National Day"
    ) in items
    assert run.returncode == 0
    run = pytest_in(tmp_path, "-q")
    assert run.returncode == 0, run.stdout
    assert run.stdout.rstrip().splitlines()[-1].startswith("23 passed")
    # The deadline of 一般投訴 cut from 3 to 2 working days: the same cases fail in pytest
    # as in `complaint-rules test`, each showing the expected and actual deadline.
    policy = policies / "keyouqianqi_credit_union.yaml"
    text = policy.read_text(encoding="utf-8")
    policy.write_text(
        text.replace("within: {working_days: 3}", "within: {working_days: 2}"), encoding="utf-8"
    )
    run = pytest_in(tmp_path, "-q")
    assert run.returncode == 1
    summary = run.stdout.rstrip().splitlines()[-1]
    assert summary.startswith("11 failed, 12 passed"), run.stdout
    failures = run.stdout[run.stdout.index("= FAILURES =") :]
    assert "Traceback" not in failures
    # Received Wed 30 Sep 2026; 1-7 Oct are the National Day holiday and Sat 10 Oct a
    # make-up workday: 3 working days end on Sat 10 Oct (8, 9, 10), 2 on Fri 9 Oct.
    first = failures[: failures.index("deadlines[reply_general].amount")]
    assert "一般投訴 by letter the day before National Day" in first
    assert first.endswith(
        "deadlines[reply_general].due.last_day\n"
        "    expected: 2026-10-10\n"
        "    actual:   2026-10-09\n"
        f"  {policies / 'keyouqianqi_credit_union.tests.yaml'}:25: "
    )


def test_without_the_option_no_policy_tests_are_collected(tmp_path: Path) -> None:
    _policy_project(tmp_path, ini=False)
    run = pytest_in(tmp_path, "-q", "--collect-only", ".")
    items = [line for line in run.stdout.splitlines() if "::" in line]
    assert items == ["tests/test_nothing.py::test_one"], run.stdout


def test_a_failing_case_is_said_in_the_language_of_complaint_rules_lang(tmp_path: Path) -> None:
    # pytest has no --lang: COMPLAINT_RULES_LANG (then the locale) chooses. The deadline of
    # 一般投訴 cut to 2 working days, and a second tests file with a mistake in an expect.
    policies = _policy_project(tmp_path, ini=True)
    policy = policies / "keyouqianqi_credit_union.yaml"
    text = policy.read_text(encoding="utf-8")
    policy.write_text(
        text.replace("within: {working_days: 3}", "within: {working_days: 2}"), encoding="utf-8"
    )
    (policies / "mistaken.tests.yaml").write_text(
        "schema: complaint-rules-tests/1\n"
        "policy: keyouqianqi_credit_union\n"
        "cases:\n"
        "  - name: one\n"
        "    complaint: {received_at: 2026-09-30T10:00:00+08:00, channel: letter}\n"
        "    expect: {level: {id: general, how: clasified}}\n",
        encoding="utf-8",
    )
    tests_file = policies / "keyouqianqi_credit_union.tests.yaml"
    run = pytest_in(tmp_path, "-q", env={"COMPLAINT_RULES_LANG": "zh-Hant"})
    assert run.returncode == 1
    failures = run.stdout[run.stdout.index("= FAILURES =") :]
    assert (
        f"不通過 {tests_file}:14:一般投訴 by letter the day before National Day\n"
        f"  {tests_file}:24: deadlines[reply_general].due.last_day\n"
        "    預期:2026-10-10\n"
        "    實際:2026-10-09\n"
    ) in failures
    assert "expected:" not in failures and "actual:" not in failures
    mistaken = policies / "mistaken.tests.yaml"
    assert (
        f"{mistaken}:無法執行:\n"
        f'  {mistaken}:6: cases[0].expect.level.how: 這裡不能寫 "clasified";'
        "可以寫:input, classified, default;是不是要寫 'classified'?"
    ) in failures
    # Without it (and no Chinese locale), English as before.
    run = pytest_in(tmp_path, "-q", env={"COMPLAINT_RULES_LANG": "en"})
    failures = run.stdout[run.stdout.index("= FAILURES =") :]
    assert "    expected: 2026-10-10\n    actual:   2026-10-09\n" in failures
    assert (
        f"{mistaken}: cannot run:\n"
        f'  {mistaken}:6: cases[0].expect.level.how: "clasified" is not possible; '
        "one of: input, classified, default; did you mean 'classified'?"
    ) in failures
