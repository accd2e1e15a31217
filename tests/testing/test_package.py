"""complaint_rules.testing as a package: its public names, loaded on first use, so that
importing it (or complaint_rules, or the plugin) imports no hypothesis."""

from __future__ import annotations

import subprocess
import sys

import pytest

import complaint_rules.testing as kit
from complaint_rules.testing import INVARIANTS, invariants


def _subprocess(code: str) -> str:
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return run.stdout.strip()


def test_importing_complaint_rules_or_the_plugin_imports_no_hypothesis() -> None:
    code = (
        "import sys, complaint_rules, complaint_rules.testing; "
        "from complaint_rules import Catalog, decide; "
        "p = Catalog().load('shihua_credit_coop'); "
        "decide(p, {'received_at': '2026-03-02T09:00:00+08:00', 'channel': 'unspecified', "
        "'category': 'unspecified', 'level': 'general'}); "
        "print(sorted(m for m in ('hypothesis', 'pytest') if m in sys.modules)); "
        "import complaint_rules.testing.plugin; "
        "print(sorted(m for m in ('hypothesis',) if m in sys.modules))"
    )
    assert _subprocess(code).splitlines() == ["[]", "[]"]


def test_public_names() -> None:
    assert sorted(kit.__all__) == sorted(kit._WHERE)
    for name in kit.__all__:
        assert getattr(kit, name) is not None
    assert [inv.name for inv in INVARIANTS] == [
        "complete_decision",
        "no_deadline_before_receipt",
        "later_receipt_not_earlier",
        "earliest_not_after_latest",
        "level_order",
        "penalties_in_range",
        "escalations_end",
        "not_looser_than_base",
        "deterministic",
        "json_round_trip",
    ]
    for inv in INVARIANTS:
        assert getattr(invariants, inv.name) is inv.check


def test_an_unknown_name_is_an_attribute_error_and_dir_lists_the_public_names() -> None:
    with pytest.raises(
        AttributeError, match=r"^module 'complaint_rules.testing' has no attribute 'nope'$"
    ):
        kit.nope  # noqa: B018
    assert set(kit.__all__) <= set(dir(kit))
    assert kit.check_policy is sys.modules["complaint_rules.testing._check"].check_policy
