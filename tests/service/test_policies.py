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
    assert in_flight.select(POLICY, Selection(), AFTER).version == "2026.4"
    write_new_version(tmp_path)
    assert policies.reload() == (True, None)
    # The request that began before the reload still decides with the old set...
    assert in_flight.select(POLICY, Selection(), AFTER).version == "2026.4"
    # ... and the next one with the new.
    assert policies.current.generation == 1
    assert policies.current.select(POLICY, Selection(), AFTER).version == NEW_VERSION
    assert policies.current.select(POLICY, Selection(), BEFORE).version == "2026.4"


def test_a_failed_reload_keeps_the_old_set_and_says_why(tmp_path: Path) -> None:
    policies = Policies([tmp_path], entry_points=False)
    before = policies.current
    (tmp_path / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    ok, why = policies.reload()
    assert ok is False and why is not None and "broken.yaml" in why
    assert policies.current is before and policies.last_error == why


def test_pins_bind_each_version_and_layer(tmp_path: Path) -> None:
    write_new_version(tmp_path)
    held = Policies([tmp_path], entry_points=False).current.versions[POLICY]
    pins = {POLICY: [v.sha256 for v in held]}
    pinned = Policies([tmp_path], pins, entry_points=False).current.versions[POLICY]
    assert [v.sha256 for v in pinned] == [v.sha256 for v in held]
    with pytest.raises(PolicyError, match="not a pinned one"):
        Policies([tmp_path], {POLICY: [held[0].sha256]}, entry_points=False)
    with pytest.raises(PolicyError, match="which the catalog lacks"):
        Policies([tmp_path], {"nope": ["0" * 64]}, entry_points=False)


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
