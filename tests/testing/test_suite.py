"""policy_invariants: a directory of policies as parametrized pytest tests, one per policy
and invariant, paths taken from the calling test file; a bank's three-line test file."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from complaint_rules.testing import INVARIANTS, policy_invariants
from tests.support import ROOT


def cases(test: Any) -> list[tuple[str, Path, str]]:
    """The parameters of a ``policy_invariants`` test: (id, policy file, invariant)."""
    (mark,) = test.pytestmark
    assert mark.args[0] == ("policy_file", "invariant")
    return [(p.id, Path(p.values[0]).resolve(), p.values[1]) for p in mark.args[1]]


def test_unknown_invariant_names_are_refused_by_the_suite() -> None:
    with pytest.raises(ValueError, match="unknown invariant 'no_such'"):
        policy_invariants("../../policies", invariants=["no_such"])


def test_each_policy_loads_and_each_that_decides_is_checked_by_each_invariant() -> None:
    test = policy_invariants("../../policies", invariants=["deterministic", "level_order"])
    found = cases(test)
    policies = ROOT / "policies"
    assert found[:4] == [
        ("bocom-loads", policies / "bocom.yaml", "loads"),
        ("bocom-deterministic", policies / "bocom.yaml", "deterministic"),
        ("bocom-level_order", policies / "bocom.yaml", "level_order"),
        # The abstract baseline only loads.
        ("cn_banking_baseline-loads", policies / "cn_banking_baseline.yaml", "loads"),
    ]
    assert len(found) == 1 + 5 * 3  # six files, five of them decide
    every = cases(policy_invariants(str(policies / "hotel.yaml")))
    assert [i for i, _, _ in every] == ["hotel-loads"] + [f"hotel-{x.name}" for x in INVARIANTS]


def test_paths_and_files_are_required() -> None:
    with pytest.raises(
        ValueError, match=r"^policy_invariants needs at least one file or directory$"
    ):
        policy_invariants()
    with pytest.raises(ValueError, match=r"^no policy files \(\*\.yaml\) in "):
        policy_invariants(str(ROOT / "docs" / "sources"))


THREE_LINES = """\
from complaint_rules.testing import policy_invariants

test_policies = policy_invariants("policies")
"""


def test_a_three_line_file_checks_a_policy_directory(tmp_path: Path) -> None:
    policies = tmp_path / "policies"
    policies.mkdir()
    good = (ROOT / "policies" / "shihua_credit_coop.yaml").read_text(encoding="utf-8")
    (policies / "shihua_credit_coop.yaml").write_text(good, encoding="utf-8")
    # my_bank: the same policy without its declaration that complex gets more time.
    broken = re.sub(r"(?m)^level_deadlines: not_tighter.*\n", "", good)
    assert broken != good
    (policies / "my_bank.yaml").write_text(
        broken.replace("id: shihua_credit_coop", "id: my_bank"), encoding="utf-8"
    )
    (policies / "typo.yaml").write_text(
        good.replace("within: {working_days: 1}", "withn: {working_days: 1}"), encoding="utf-8"
    )
    (tmp_path / "test_my_policies.py").write_text(THREE_LINES, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--policy-examples", "5"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
    )
    out = run.stdout
    assert run.returncode == 1, out
    typo = policies / "typo.yaml"
    line = good[: good.index("within: {working_days: 1}")].count("\n") + 1
    failures = out[out.index("= FAILURES =") : out.index("= short test summary info =")]
    shown = failures.split("\n", 1)[1].rsplit("\n", 1)[0].replace(str(typo), "<typo>")
    assert shown.splitlines() == [
        "______________________ test_policies[my_bank-level_order] ______________________",
        "my_bank: 1 of 1 invariants broken",
        "FAILED level_order: level complex is more severe than level general (levels are listed "
        "mildest first) but its first deadline from receipt is later: reply_complex (rule "
        "reply_complex) due by the end of 2026-03-09 (24:00) against reply_general (rule "
        "reply_general) due by the end of 2026-03-03 (24:00) (a more severe level never gets a "
        "looser deadline than a milder one); if the policy means it, declare "
        "level_deadlines: not_tighter",
        '  smallest complaint: {"received_at": "2026-03-02T09:00:00+08:00", "channel": '
        '"unspecified", "category": "unspecified", "level": "general"}',
        "__________________________ test_policies[typo-loads] ___________________________",
        "<typo>: does not load: 1 problem in policy:",
        f"  <typo>:{line}: rules[4].deadlines[0].withn: unknown key; allowed: article, note, id, "
        "label, starts, within, until, by; did you mean 'within'?",
    ]
    assert out.rstrip().splitlines()[-1].startswith("2 failed, 21 passed in ")
