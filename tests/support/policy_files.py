"""The policy files of the repository: the bundled policies and the example variant."""

from __future__ import annotations

from complaint_rules.policy.loader import policy_files
from tests.support import ROOT

FILES = policy_files([ROOT / "policies", ROOT / "examples/hotel_variant/grand_hotel_policies"])
"""Every policy file (not the test files beside them), sorted within each directory."""
