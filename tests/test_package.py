"""The package as installed: public surface, import cost, bundled policies shipped inside."""

from __future__ import annotations

import subprocess
import sys

import complaint_rules
from complaint_rules import Catalog
from tests.support import ROOT


def test_all_matches_the_public_names() -> None:
    public = {name for name in dir(complaint_rules) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(complaint_rules, name)).__name__ == "module"}
    assert set(complaint_rules.__all__) == public - modules
    for name in complaint_rules.__all__:
        assert getattr(complaint_rules, name).__name__ == name


def test_import_is_lazy() -> None:
    # `import complaint_rules` imports none of the heavy libraries; using a name does.
    # holidays comes only with the first calendar built: its China days are checked
    # against the verified table then (the table, not holidays, gives 2004-2026).
    code = (
        "import sys, complaint_rules; "
        "print(sorted(m for m in ('pydantic', 'yaml', 'holidays') if m in sys.modules)); "
        "complaint_rules.decide; "
        "print(sorted(m for m in ('pydantic', 'holidays') if m in sys.modules)); "
        "from complaint_rules.calendar.working_days import WorkingCalendar; "
        "print('holidays' in sys.modules); "
        "WorkingCalendar(); "
        "print('holidays' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.splitlines() == ["[]", "['pydantic']", "False", "True"]


def test_import_loads_no_policy_and_no_test_or_adapter_library() -> None:
    code = (
        "import sys, complaint_rules; "
        "names = ('hypothesis', 'durable', 'durable_rules_engine', 'pytest'); "
        "bad = [m for m in names if m in sys.modules]; "
        "print(bad)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_every_bundled_policy_loads_and_has_an_example(catalog: Catalog) -> None:
    for policy_id in catalog.ids():
        policy = catalog.load(policy_id)
        assert policy.id == policy_id
        example = ROOT / "examples" / "complaints" / f"{policy_id}.json"
        assert example.is_file() != policy.policy.abstract, policy_id


def test_the_package_docstring_example_holds() -> None:
    import doctest

    result = doctest.testmod(complaint_rules, verbose=False)
    assert result.attempted == 5
    assert result.failed == 0
