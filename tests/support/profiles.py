"""The hypothesis profiles (HYPOTHESIS_PROFILE=ci in CI), loaded by tests/conftest.py.

- ``ci``: 150 examples per property test, no per-example deadline (a decision's time
  depends on the machine, not on the code), derandomised so that a failure in CI
  reproduces byte for byte on any machine, and the failing example's blob printed.
- ``dev`` (the default): 100 examples, random, failures kept in ``.hypothesis/``.
- ``long``: 5000 examples, for a night run: ``HYPOTHESIS_PROFILE=long``.

The testing kit's checks of whole policies (tests/testing/test_invariants.py,
tests/testing/test_broken_edits.py) decide each drawn complaint up to nine times per invariant,
so they take :data:`POLICY_EXAMPLES` (a fifth of the profile's, at least 10) per invariant.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True, print_blob=True)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("long", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

POLICY_EXAMPLES = max(10, settings().max_examples // 5)
"""Complaints per invariant when the testing kit checks a whole policy."""
