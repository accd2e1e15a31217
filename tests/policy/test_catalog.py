"""The catalog: policies by id, bundled, in a host's directory or declared by an installed
package's entry point; each loaded once, with the limits, pins and signatures asked for.

The example package in examples/hotel_variant extends the bundled hotel policy and sets
the compensation authority amounts that the source leaves blank (六、1, 六、2).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from complaint_rules import Catalog, CompiledPolicy, PolicyError, decide
from complaint_rules.policy.bundled import bundled_policy_dir
from complaint_rules.policy.catalog import ENTRY_POINT_GROUP
from complaint_rules.policy.signatures import Signers
from complaint_rules.policy.yaml_reader import Limits
from tests.support import ROOT
from tests.support.layered import BASE, CHILD
from tests.support.policy_texts import MINI
from tests.support.problems import messages
from tests.support.signing import make_signer, needs_ssh, sign

BOCOM = {
    "received_at": "2026-09-29T10:00:00+08:00",
    "channel": "客戶來電",
    "category": "客戶投訴",
}

VARIANT = ROOT / "examples" / "hotel_variant"
COMPLAINT = {
    "received_at": "2026-10-02T19:30:00+08:00",
    "channel": "當面投訴",
    "category": "賠償投訴",
    "level": "一般投訴",
    "guest_departed": False,
}


def approver(catalog: Catalog, policy_id: str, amount: str) -> list[str]:
    complaint = {**COMPLAINT, "compensation_yuan": amount, "deputy_gm_waived_today_yuan": 0}
    decision = decide(catalog.load(policy_id), complaint)
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


# --- finding policies by id --------------------------------------------------------------


def own(directory: Path, **files: str) -> Catalog:
    """A catalog of ``directory`` alone, holding ``files`` (name without .yaml: text)."""
    for name, text in files.items():
        (directory / f"{name}.yaml").write_text(text, encoding="utf-8")
    return Catalog([directory], bundled=False, entry_points=False)


def test_ids_are_the_file_stems_sorted_and_tests_files_are_left_out(tmp_path: Path) -> None:
    catalog = own(tmp_path, other=MINI.replace("id: mini", "id: other"), mini=MINI)
    (tmp_path / "mini.tests.yaml").write_text("", encoding="utf-8")
    assert catalog.ids() == ["mini", "other"]
    assert catalog.path("mini") == tmp_path / "mini.yaml"
    bundled = bundled_policy_dir().glob("*.yaml")
    assert Catalog(entry_points=False).ids() == sorted(
        p.stem for p in bundled if not p.name.endswith(".tests.yaml")
    )


def test_an_unknown_id_lists_the_known_ones_and_the_closest(tmp_path: Path) -> None:
    catalog = own(tmp_path, mini=MINI, other=MINI.replace("id: mini", "id: other"))
    for call in (catalog.path, catalog.load, catalog.resolve):
        with pytest.raises(PolicyError) as info:
            call("mnii")
        assert messages(info) == [
            "<input>: no policy 'mnii'; known: mini, other; did you mean 'mini'?"
        ]
    with pytest.raises(PolicyError) as info:
        catalog.load("nothing")
    assert messages(info) == ["<input>: no policy 'nothing'; known: mini, other"]


def test_a_file_must_declare_the_id_of_its_stem(tmp_path: Path) -> None:
    catalog = own(tmp_path, other=MINI)
    with pytest.raises(PolicyError) as info:
        catalog.load("other")
    assert messages(info) == [
        f"{tmp_path / 'other.yaml'}: id: the file declares id 'mini'; its file stem must be its id"
    ]


def test_a_missing_directory_and_every_clash_are_reported_at_once(tmp_path: Path) -> None:
    (tmp_path / "hotel.yaml").write_text(MINI, encoding="utf-8")
    (tmp_path / "mini.yaml").write_text(MINI, encoding="utf-8")
    second = tmp_path / "second"
    second.mkdir()
    (second / "mini.yaml").write_text(MINI, encoding="utf-8")
    with pytest.raises(PolicyError) as info:
        Catalog([tmp_path, tmp_path / "nowhere", second], entry_points=False)
    assert messages(info) == [
        f"{tmp_path / 'hotel.yaml'}: policy id 'hotel' is also provided by "
        f"{bundled_policy_dir() / 'hotel.yaml'}",
        f"{tmp_path / 'nowhere'}: not a directory (directory)",
        f"{second / 'mini.yaml'}: policy id 'mini' is also provided by {tmp_path / 'mini.yaml'}",
    ]


def test_each_policy_is_loaded_once_even_from_many_threads(tmp_path: Path) -> None:
    catalog = own(tmp_path, mini=MINI)
    got: list[CompiledPolicy] = []
    threads = [threading.Thread(target=lambda: got.append(catalog.load("mini"))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got) == 8 and all(policy is got[0] for policy in got)
    assert Catalog([tmp_path], bundled=False, entry_points=False).load("mini") is not got[0]


def test_a_base_comes_from_the_catalog_and_a_cycle_is_named(tmp_path: Path) -> None:
    catalog = own(tmp_path, base=BASE, child=CHILD)
    child = catalog.load("child")
    assert child.layers[0] == catalog.load("base").layers[0]
    assert [layer.id for layer in child.layers] == ["base", "child"]
    looped = own(tmp_path, base=BASE.replace('version: "1"', 'version: "1"\nextends: child'))
    with pytest.raises(PolicyError) as info:
        looped.load("child")
    assert messages(info) == [
        f"{tmp_path / 'child.yaml'}:7: extends: cannot load base policy 'base':",
        f"{tmp_path / 'base.yaml'}:4: extends: cannot load base policy 'child':",
        "<input>: policies extend each other in a cycle: child -> base -> child",
    ]


def test_resolve_takes_an_id_or_the_path_of_a_file(tmp_path: Path) -> None:
    catalog = own(tmp_path, mini=MINI)
    assert catalog.resolve("mini") is catalog.load("mini")
    elsewhere = tmp_path / "sub"
    elsewhere.mkdir()
    (elsewhere / "anything.yml").write_text(MINI, encoding="utf-8")
    by_path = catalog.resolve(elsewhere / "anything.yml")
    assert by_path.id == "mini" and by_path is not catalog.load("mini")
    # A file that extends a policy finds its base in the catalog.
    (elsewhere / "child.yaml").write_text(CHILD, encoding="utf-8")
    assert [
        x.id for x in own(tmp_path, base=BASE).resolve(str(elsewhere / "child.yaml")).layers
    ] == [
        "base",
        "child",
    ]


def test_an_entry_point_naming_no_package_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    def entry_points(group: str) -> list[SimpleNamespace]:
        assert group == ENTRY_POINT_GROUP == "complaint_rules.policies"
        return [SimpleNamespace(name="broken", value="no_such_package_anywhere")]

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    with pytest.raises(PolicyError) as info:
        Catalog(bundled=False)
    assert messages(info) == [
        "<input>: entry point 'broken' = 'no_such_package_anywhere' in group "
        "complaint_rules.policies: cannot find package (No module named 'no_such_package_anywhere')"
    ]
    assert Catalog(bundled=False, entry_points=False).ids() == []


# --- limits, pins and signatures reach every file a catalog loads -----------------------------


@pytest.fixture
def signer(tmp_path: Path) -> tuple[Path, Signers]:
    return make_signer(tmp_path)


def test_limits_reach_every_file_a_catalog_loads() -> None:
    with pytest.raises(PolicyError) as info:
        Catalog(limits=Limits(max_bytes=1_000)).load("xx_bank")
    (problem,) = info.value.problems
    assert problem.message == "larger than 1000 bytes"
    assert problem.file is not None and problem.file.endswith("xx_bank.yaml")


def test_a_catalog_pins_each_layer_it_loads() -> None:
    plain = Catalog().load("bocom")
    pins = {layer.id: layer.sha256 for layer in plain.layers}
    assert Catalog(pins=pins).load("bocom").layers == plain.layers
    with pytest.raises(PolicyError) as info:
        Catalog(pins={**pins, "cn_banking_baseline": "0" * 64}).load("bocom")
    path = bundled_policy_dir() / "cn_banking_baseline.yaml"
    assert messages(info)[-1] == (
        f"{path}: content sha256 is {pins['cn_banking_baseline']}, but {'0' * 64} is pinned "
        "for policy 'cn_banking_baseline' (the file has changed)"
    )


@needs_ssh
def test_a_catalog_can_require_signatures(tmp_path: Path, signer: tuple[Path, Signers]) -> None:
    key, signers = signer
    path = tmp_path / "mini.yaml"
    path.write_text(MINI, encoding="utf-8")
    sign(key, path)
    catalog = Catalog([tmp_path], bundled=False, entry_points=False, signed_by=signers)
    assert catalog.load("mini").id == "mini"
    # A bundled policy carries no signature: pin it instead.
    with pytest.raises(PolicyError, match=r"signature: no xx_bank.yaml.sig"):
        Catalog(signed_by=signers).load("xx_bank")
    pinned = {"xx_bank": Catalog().load("xx_bank").sha256}
    assert Catalog(signed_by=signers, pins=pinned).load("xx_bank").id == "xx_bank"


def test_an_auditor_replays_a_decision_exactly() -> None:
    host_days = {date(2027, 1, 1): "元旦"}
    original = decide(
        Catalog().load("bocom").with_calendar(holidays=host_days), BOCOM, at="2026-10-20T09:00:00Z"
    )
    recorded = json.loads(original.model_dump_json())

    # The auditor has the recorded decision, the complaint and the host's calendar days.
    pins = {layer["id"]: layer["sha256"] for layer in recorded["policy"]["layers"]}
    policy = Catalog(pins=pins).load(recorded["policy"]["id"]).with_calendar(holidays=host_days)
    assert policy.calendar.fingerprint == recorded["policy"]["calendar"]
    replayed = decide(policy, BOCOM, at=recorded["decided_at"])
    assert replayed.model_dump_json() == original.model_dump_json()
