"""The bundled policy tests files, run once for the runner's and the coverage's tests."""

from __future__ import annotations

import pytest

from complaint_rules import Catalog
from complaint_rules.toolkit.policytests.cases import TestReport, run_tests
from tests.support import ROOT
from tests.support.policytests import GRAND_HOTEL


@pytest.fixture(scope="session")
def bundled(catalog: Catalog) -> TestReport:
    return run_tests([ROOT / "policies", GRAND_HOTEL], catalog)
