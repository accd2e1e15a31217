"""Policies from elsewhere: a host's directory and an installed package's entry point.

The example package in examples/hotel_variant extends the bundled hotel policy and sets
the compensation authority amounts that the source leaves blank (六、1, 六、2).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from complaint_rules import Catalog, PolicyError, decide
from tests.support import ROOT

VARIANT = ROOT / "examples" / "hotel_variant"
COMPLAINT = {
    "received_at": "2026-10-02T19:30:00+08:00",
    "channel": "當面投訴",
    "category": "賠償投訴",
    "level": "一般投訴",
    "guest_departed": False,
}


def approver(catalog: Catalog, policy_id: str, amount: str) -> list[str]:
    decision = decide(catalog.load(policy_id), {**COMPLAINT, "compensation_yuan": amount})
    (approval,) = decision.approvals
    return [role.id for role in approval.approver]


def test_the_bundled_hotel_says_its_blank_amounts_are_not_configured(catalog: Catalog) -> None:
    decision = decide(catalog.load("hotel"), {**COMPLAINT, "compensation_yuan": "800"})
    (approval,) = decision.approvals
    assert (approval.configured, approval.approver) == (False, ())
    blanks = [
        g.source.article for g in decision.gaps if g.about == "amount" and "parameter" in g.text
    ]
    assert blanks == ["六、1", "六、2"]


def test_a_variant_in_a_host_directory_sets_them() -> None:
    catalog = Catalog([VARIANT / "grand_hotel_policies"])
    # Limits set by the variant: 餐廳副總經理 500 a day, 駐店總經理 3000, above: 公司總經理.
    assert approver(catalog, "grand_hotel", "500") == ["restaurant_deputy_gm"]
    assert approver(catalog, "grand_hotel", "500.01") == ["resident_gm"]
    assert approver(catalog, "grand_hotel", "3000") == ["resident_gm"]
    assert approver(catalog, "grand_hotel", "3000.5") == ["company_gm"]
    decision = decide(catalog.load("grand_hotel"), {**COMPLAINT, "compensation_yuan": "800"})
    assert [layer.id for layer in decision.policy.layers] == ["hotel", "grand_hotel"]
    assert decision.approvals[0].amount_yuan == Decimal("800")
    assert {s.policy for s in decision.matched_rules} == {"hotel"}


def test_an_id_clash_is_an_error_not_an_override() -> None:
    with pytest.raises(PolicyError, match="policy id 'hotel' is also provided by"):
        Catalog([ROOT / "policies"])


def test_an_installed_package_declares_its_policies_by_entry_point(tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            "--target",
            str(target),
            str(VARIANT),
        ],
        check=True,
        capture_output=True,
    )
    complaint = tmp_path / "c.json"
    complaint.write_text(json.dumps({**COMPLAINT, "compensation_yuan": "5000"}), "utf-8")
    env = {**os.environ, "PYTHONPATH": str(target)}
    listed = subprocess.run(
        [sys.executable, "-m", "complaint_rules", "list"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "grand_hotel\t2026.11\t示例大酒店 (example)" in listed
    decided = subprocess.run(
        [sys.executable, "-m", "complaint_rules", "decide", "grand_hotel", str(complaint)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (approval,) = json.loads(decided)["approvals"]
    assert [r["id"] for r in approval["approver"]] == ["company_gm"]
