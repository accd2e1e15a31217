"""The set a service holds: built whole, selected by receipt, replaced whole on reload."""

from __future__ import annotations

from pathlib import Path

import pytest

from complaint_rules import PolicyError
from complaint_rules.service.policies import Policies, Selection, UnknownPolicy
from tests.support.versions import NEW_VERSION, POLICY, write_new_version

BEFORE = "2026-10-30T10:00:00+08:00"
AFTER = "2026-11-02T10:00:00+08:00"


def test_a_request_keeps_the_set_it_started_with_across_a_reload(tmp_path: Path) -> None:
    policies = Policies([tmp_path], entry_points=False)
    in_flight = policies.current
    assert in_flight.select(POLICY, Selection(), AFTER).version == "2026.5"
    write_new_version(tmp_path)
    assert policies.reload() == (True, None)
    # The request that began before the reload still decides with the old set...
    assert in_flight.select(POLICY, Selection(), AFTER).version == "2026.5"
    # ... and the next one with the new.
    assert policies.current.generation == 1
    assert policies.current.select(POLICY, Selection(), AFTER).version == NEW_VERSION
    assert policies.current.select(POLICY, Selection(), BEFORE).version == "2026.5"


def test_a_failed_reload_keeps_the_old_set_and_says_why(tmp_path: Path) -> None:
    policies = Policies([tmp_path], entry_points=False)
    before = policies.current
    (tmp_path / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    ok, why = policies.reload()
    assert ok is False and why is not None and "broken.yaml" in why
    assert policies.current is before and policies.last_error == why


def _pins_of(policies: Policies) -> dict[str, list[str]]:
    """Every layer of every version held, by id: the pins an auditor would give."""
    pins: dict[str, list[str]] = {}
    for versions in policies.current.versions.values():
        for version in versions:
            for layer in version.layers:
                if layer.sha256 not in pins.setdefault(layer.id, []):
                    pins[layer.id].append(layer.sha256)
    return pins


def _codes(info: pytest.ExceptionInfo[PolicyError]) -> list[str | None]:
    return [p.code for p in info.value.problems]


def test_pins_go_through_the_catalog_bytes_bound_per_id(tmp_path: Path) -> None:
    write_new_version(tmp_path)
    unpinned = Policies([tmp_path], entry_points=False)
    held = unpinned.current.versions[POLICY]
    pins = _pins_of(unpinned)
    # Two pins for the id: its two versions (the bundled file and the dated one).
    assert pins[POLICY] == [v.sha256 for v in held] and len(set(pins[POLICY])) == 2
    pinned = Policies([tmp_path], pins, entry_points=False)
    assert [v.sha256 for v in pinned.current.versions[POLICY]] == [v.sha256 for v in held]
    assert pinned.current.ids() == unpinned.current.ids()

    # The dated version's hash left out: its file is refused on its bytes.
    with pytest.raises(PolicyError, match="is pinned for") as info:
        Policies([tmp_path], {**pins, POLICY: [held[0].sha256]}, entry_points=False)
    assert _codes(info) == ["policy.pin_mismatch"]
    assert info.value.problems[0].file == str(tmp_path / f"{POLICY}@2026-11-01.yaml")

    # With pins, every policy served is covered: an id with no pin is refused.
    with pytest.raises(PolicyError, match="not pinned") as info:
        Policies([tmp_path], {k: v for k, v in pins.items() if k != "hotel"}, entry_points=False)
    assert _codes(info) == ["policy.pin_missing"]

    # A pinned id the catalog lacks is refused, not ignored.
    with pytest.raises(PolicyError, match="not in the catalog") as info:
        Policies([tmp_path], {**pins, "nope": ["0" * 64]}, entry_points=False)
    assert _codes(info) == ["catalog.pin_unknown_id"]


def test_pins_refuse_a_copy_with_its_id_edited_and_a_reload_of_changed_bytes(
    tmp_path: Path,
) -> None:
    """The way round issue 17 found for load_policy, tried on the service: a copy of the
    pinned 科右前旗 policy with its id edited and its limit raised, under a file name of its
    own; then the dated version's bytes changed before a reload."""
    dated = write_new_version(tmp_path)
    pins = _pins_of(Policies([tmp_path], entry_points=False))
    policies = Policies([tmp_path], pins, entry_points=False)
    text = dated.read_text(encoding="utf-8")
    copy = tmp_path / f"{POLICY}_x.yaml"
    copy.write_text(text.replace(f"id: {POLICY}\n", f"id: {POLICY}_x\n", 1), encoding="utf-8")
    assert f"id: {POLICY}_x\n" in copy.read_text(encoding="utf-8")
    ok, why = policies.reload()
    assert ok is False and why is not None and "not pinned" in why and copy.name in why
    copy.unlink()
    dated.write_text(text.replace("working_days: 5", "working_days: 50"), encoding="utf-8")
    ok, why = policies.reload()
    assert ok is False and why is not None and dated.name in why
    # The set served is still the pinned one.
    assert [v.sha256 for v in policies.current.versions[POLICY]] == pins[POLICY]


def test_selection_by_version_and_sha256(tmp_path: Path) -> None:
    write_new_version(tmp_path)
    ps = Policies([tmp_path], entry_points=False).current
    new = ps.versions[POLICY][1]
    assert ps.select(POLICY, Selection(sha256=new.sha256[:12]), BEFORE) is new
    assert ps.select(POLICY, Selection(version=NEW_VERSION), BEFORE) is new
    with pytest.raises(UnknownPolicy, match="no version"):
        ps.select(POLICY, Selection(sha256=new.sha256[:8]), BEFORE)  # too short a prefix
    with pytest.raises(UnknownPolicy, match="no policy 'nope'"):
        ps.select("nope", Selection(), BEFORE)
