"""Policies by date: ``effective_from``, ``Catalog.versions`` and ``Catalog.load(id, at=)``.

Deadlines worked by hand from the 2026 schedule (国办发明电〔2025〕7号: no holiday in
November): received Fri 2026-10-30 10:00, 3 working days counted from the next day:
Mon Nov 2, Tue Nov 3, Wed Nov 4 → last day Wed 2026-11-04, late from Thu 2026-11-05
00:00+08:00. Received Mon 2026-11-02 10:00 under the new version's 5 working days: Nov 3,
4, 5, 6, Mon Nov 9 → last day Mon 2026-11-09, late from Tue 2026-11-10 00:00+08:00.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from complaint_rules import Catalog, PolicyError, decide
from tests.support.versions import NEW_VERSION, POLICY, new_version_text, write_new_version

BEFORE = {"received_at": "2026-10-30T10:00:00+08:00", "channel": "信件投訴", "category": "工作失誤"}
AFTER = {**BEFORE, "received_at": "2026-11-02T10:00:00+08:00"}


@pytest.fixture
def dated(tmp_path: Path) -> Catalog:
    write_new_version(tmp_path)
    return Catalog([tmp_path], entry_points=False)


def test_versions_lists_both_oldest_first(dated: Catalog) -> None:
    versions = dated.versions(POLICY)
    assert [v.version for v in versions] == ["2026.5", NEW_VERSION]
    assert [str(v.policy.effective_from) for v in versions] == ["None", "2026-11-01"]
    assert versions[0].sha256 != versions[1].sha256
    assert POLICY in dated.ids()


def test_load_at_selects_the_version_in_force(dated: Catalog) -> None:
    old = dated.load(POLICY, at=BEFORE["received_at"])
    new = dated.load(POLICY, at=AFTER["received_at"])
    assert (old.version, new.version) == ("2026.5", NEW_VERSION)
    # The change day itself, at its first instant in the policy's zone, is the new version;
    # the instant before it (15:59:59 UTC the day before) the old one.
    assert dated.load(POLICY, at="2026-11-01T00:00:00+08:00").version == NEW_VERSION
    assert dated.load(POLICY, at="2026-10-31T15:59:59+00:00").version == "2026.5"
    assert dated.load(POLICY, at="2026-10-31T16:00:00+00:00").version == NEW_VERSION
    # Without `at`, the latest version.
    assert dated.load(POLICY).version == NEW_VERSION


def test_a_case_received_before_the_change_and_decided_after_it(dated: Catalog) -> None:
    policy = dated.load(POLICY, at=BEFORE["received_at"])
    decision = decide(policy, BEFORE, at="2026-11-05T09:00:00+08:00")
    deadline = decision.deadlines[0]
    assert decision.policy.version == "2026.5"
    assert decision.policy.sha256 == dated.versions(POLICY)[0].sha256
    assert deadline.due is not None
    assert (deadline.amount, deadline.due.last_day, deadline.due.late_from.isoformat()) == (
        3,
        date(2026, 11, 4),
        "2026-11-05T00:00:00+08:00",
    )
    assert deadline.overdue_at_decision is True

    after = decide(dated.load(POLICY, at=AFTER["received_at"]), AFTER)
    assert after.deadlines[0].due is not None
    assert after.policy.version == NEW_VERSION
    assert (after.deadlines[0].amount, after.deadlines[0].due.late_from.isoformat()) == (
        5,
        "2026-11-10T00:00:00+08:00",
    )
    assert after.deadlines[0].due.last_day == date(2026, 11, 9)


def test_before_the_first_version_is_an_error_that_says_so(tmp_path: Path) -> None:
    write_new_version(tmp_path)
    catalog = Catalog([tmp_path], bundled=False, entry_points=False)
    assert [v.version for v in catalog.versions(POLICY)] == [NEW_VERSION]
    with pytest.raises(PolicyError, match="before the first version of policy") as info:
        catalog.load(POLICY, at="2026-10-31T23:59:59+08:00")
    assert "in force from 2026-11-01" in str(info.value)
    assert catalog.load(POLICY, at="2026-11-01T00:00:00+08:00").version == NEW_VERSION


def test_the_same_id_and_date_twice_is_an_error(tmp_path: Path) -> None:
    one, two = tmp_path / "a", tmp_path / "b"
    write_new_version(one)
    write_new_version(two)
    with pytest.raises(PolicyError, match="also provided by"):
        Catalog([one, two], entry_points=False)
    # Two files declaring one date under different names: found when the versions load.
    (one / f"{POLICY}@2026-12-01.yaml").write_text(
        new_version_text("2026-12-01", "x"), encoding="utf-8"
    )
    undated = one / "other"
    undated.mkdir()
    (undated / f"{POLICY}.yaml").write_text(new_version_text("2026-12-01", "y"), encoding="utf-8")
    catalog = Catalog([one, undated], bundled=False, entry_points=False)
    with pytest.raises(PolicyError, match="two versions in force from 2026-12-01"):
        catalog.versions(POLICY)


def test_a_file_named_for_one_date_declaring_another_is_refused(tmp_path: Path) -> None:
    (tmp_path / f"{POLICY}@2026-12-01.yaml").write_text(new_version_text(), encoding="utf-8")
    catalog = Catalog([tmp_path], bundled=False, entry_points=False)
    with pytest.raises(PolicyError, match="named for 2026-12-01 but declares effective_from"):
        catalog.load(POLICY)


def test_a_bad_date_in_a_file_name_is_refused(tmp_path: Path) -> None:
    (tmp_path / f"{POLICY}@2026-13-01.yaml").write_text(new_version_text(), encoding="utf-8")
    with pytest.raises(PolicyError, match="is not a date"):
        Catalog([tmp_path], bundled=False, entry_points=False)


def test_a_naive_instant_is_refused(dated: Catalog) -> None:
    from complaint_rules import ComplaintError

    with pytest.raises(ComplaintError, match="offset"):
        dated.load(POLICY, at="2026-11-02T10:00:00")
