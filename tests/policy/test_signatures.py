"""Pinning policies by sha256 (every layer), OpenSSH signatures, and replaying a decision."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from complaint_rules import Catalog, PolicyError, decide, load_policy, load_policy_text
from complaint_rules.policy.bundled import bundled_policy_dir
from complaint_rules.policy.signatures import Signers
from tests.support.policy_texts import MINI

COMPLAINT = {
    "received_at": "2026-09-30T10:00:00+08:00",
    "channel": "信件投訴",
    "category": "工作失誤",
}
BOCOM = {
    "received_at": "2026-09-29T10:00:00+08:00",
    "channel": "客戶來電",
    "category": "客戶投訴",
}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def messages(info: pytest.ExceptionInfo[PolicyError]) -> list[str]:
    return [str(p) for p in info.value.problems]


BASE = MINI.replace("id: mini", "id: base").replace("rules:\n", "abstract: false\nrules:\n", 1)
CHILD = """\
schema: complaint-rules/1
id: child
version: "1"
title: 子辦法
institution: 測試銀行
source: tests
extends: base
"""


@pytest.fixture
def stack(tmp_path: Path) -> tuple[Path, Path]:
    """A policy ``child`` extending ``base``, side by side."""
    base = tmp_path / "base.yaml"
    base.write_text(BASE, encoding="utf-8")
    child = tmp_path / "child.yaml"
    child.write_text(CHILD, encoding="utf-8")
    return base, child


# --- sha256 pins ----------------------------------------------------------------------------


def test_the_file_hash_pin_is_checked_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI, encoding="utf-8")
    good = sha(path)
    assert load_policy(path, sha256=good.upper()).sha256 == good
    path.write_text(MINI + "#\n", encoding="utf-8")
    with pytest.raises(PolicyError) as info:
        load_policy(path, sha256=good)
    assert messages(info) == [
        f"{path}: content sha256 is {sha(path)}, but {good} was required (the file has changed)"
    ]


def test_pins_cover_every_layer(stack: tuple[Path, Path]) -> None:
    base, child = stack
    pins = {"base": sha(base), "child": sha(child)}
    policy = load_policy(child, pins=pins)
    assert [(layer.id, layer.sha256) for layer in policy.layers] == list(pins.items())
    base.write_text(BASE.replace("測試辦法", "測試辦法(改)"), encoding="utf-8")
    with pytest.raises(PolicyError) as info:
        load_policy(child, pins=pins)
    assert messages(info) == [
        f"{child}:7: extends: cannot load base policy 'base':",
        f"{base}: content sha256 is {sha(base)}, but {pins['base']} was required (the file has "
        "changed)",
    ]


def test_a_pin_on_the_policy_itself_is_located_at_its_id(stack: tuple[Path, Path]) -> None:
    _, child = stack
    wrong = "0" * 64
    with pytest.raises(PolicyError) as info:
        load_policy(child, pins={"child": wrong})
    assert messages(info) == [
        f"{child}:2: id: content sha256 is {sha(child)}, but {wrong} is pinned for policy "
        "'child' (the file has changed)"
    ]


def test_pins_hold_whoever_resolves_the_base(tmp_path: Path) -> None:
    # A custom resolver (here the catalog) loads the base; the pin is checked all the same.
    catalog = Catalog()
    bocom = bundled_policy_dir() / "bocom.yaml"
    wrong = "f" * 64
    with pytest.raises(PolicyError) as info:
        load_policy(bocom, resolve=catalog.load, pins={"cn_banking_baseline": wrong})
    baseline = catalog.load("cn_banking_baseline").sha256
    assert messages(info)[1:] == [
        f"<input>: policy 'cn_banking_baseline': content sha256 is {baseline}, but {wrong} is "
        "pinned (the file has changed)"
    ]


def test_a_catalog_pins_each_layer_it_loads() -> None:
    plain = Catalog().load("bocom")
    pins = {layer.id: layer.sha256 for layer in plain.layers}
    assert Catalog(pins=pins).load("bocom").layers == plain.layers
    with pytest.raises(PolicyError) as info:
        Catalog(pins={**pins, "cn_banking_baseline": "0" * 64}).load("bocom")
    path = bundled_policy_dir() / "cn_banking_baseline.yaml"
    assert messages(info)[-1] == (
        f"{path}: content sha256 is {pins['cn_banking_baseline']}, but {'0' * 64} was required "
        "(the file has changed)"
    )


# --- OpenSSH signatures ---------------------------------------------------------------------

needs_ssh = pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="needs ssh-keygen")


def keygen(directory: Path, name: str) -> Path:
    key = directory / name
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", f"{name}@example", "-f", str(key)],
        check=True,
    )
    return key


def sign(key: Path, path: Path, namespace: str = "complaint-rules") -> None:
    subprocess.run(
        ["ssh-keygen", "-q", "-Y", "sign", "-f", str(key), "-n", namespace, str(path)],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def signer(tmp_path: Path) -> tuple[Path, Signers]:
    keys = tmp_path / "keys"
    keys.mkdir()
    key = keygen(keys, "officer")
    allowed = keys / "allowed_signers"
    public = key.with_suffix(".pub").read_text(encoding="utf-8").strip()
    allowed.write_text(f'officer@example namespaces="complaint-rules" {public}\n', "utf-8")
    return key, Signers(allowed)


@needs_ssh
def test_a_signed_policy_loads_and_a_changed_one_does_not(
    tmp_path: Path, signer: tuple[Path, Signers]
) -> None:
    key, signers = signer
    path = tmp_path / "mini.yaml"
    path.write_text(MINI, encoding="utf-8")
    sign(key, path)
    assert load_policy(path, signed_by=signers).id == "mini"
    path.write_text(MINI.replace("within: {working_days: 3}", "within: {working_days: 30}"))
    with pytest.raises(PolicyError) as info:
        load_policy(path, signed_by=signers)
    assert messages(info) == [
        f"{path}: signature: does not verify for 'officer@example' in namespace "
        "'complaint-rules' (Signature verification failed: incorrect signature); the file or "
        "its signature has changed"
    ]


@needs_ssh
def test_an_unknown_key_a_wrong_namespace_and_no_signature_are_refused(
    tmp_path: Path, signer: tuple[Path, Signers]
) -> None:
    _, signers = signer
    path = tmp_path / "mini.yaml"
    path.write_text(MINI, encoding="utf-8")
    with pytest.raises(PolicyError) as info:
        load_policy(path, signed_by=signers)
    assert messages(info) == [
        f"{path}: signature: no mini.yaml.sig beside the file, and the hash is not pinned "
        "(sign with: ssh-keygen -Y sign -n complaint-rules -f KEY FILE)"
    ]
    sign(keygen(tmp_path, "stranger"), path)
    with pytest.raises(PolicyError) as info:
        load_policy(path, signed_by=signers)
    assert messages(info) == [
        f"{path}: signature: not made by a key in '{signers.allowed_signers}' "
        "(No principal matched.)"
    ]
    path.with_suffix(".yaml.sig").unlink()
    sign(signer[0], path, namespace="other")
    with pytest.raises(PolicyError) as info:
        load_policy(path, signed_by=signers)
    assert messages(info) == [
        f"{path}: signature: does not verify for 'officer@example' in namespace "
        "'complaint-rules' (Couldn't verify signature: namespace does not match); the file or "
        "its signature has changed"
    ]


@needs_ssh
def test_signatures_for_text_in_memory_and_a_named_identity(signer: tuple[Path, Signers]) -> None:
    key, signers = signer
    directory = key.parent
    path = directory / "m.yaml"
    path.write_text(MINI, encoding="utf-8")
    sign(key, path)
    signature = path.with_suffix(".yaml.sig").read_bytes()
    named = Signers(signers.allowed_signers, identity="officer@example")
    assert load_policy_text(MINI, signed_by=named, signature=signature).id == "mini"
    with pytest.raises(PolicyError) as info:
        load_policy_text(MINI, signed_by=signers)
    assert messages(info) == ["<input>: signature: none given, and the hash is not pinned"]


@needs_ssh
def test_a_pinned_layer_needs_no_signature_and_an_unpinned_base_does(
    stack: tuple[Path, Path], signer: tuple[Path, Signers]
) -> None:
    base, child = stack
    key, signers = signer
    sign(key, child)
    with pytest.raises(PolicyError) as info:
        load_policy(child, signed_by=signers)
    assert messages(info)[1] == (
        f"{base}: signature: no base.yaml.sig beside the file, and the hash is not pinned "
        "(sign with: ssh-keygen -Y sign -n complaint-rules -f KEY FILE)"
    )
    assert load_policy(child, signed_by=signers, pins={"base": sha(base)}).id == "child"
    sign(key, base)
    assert load_policy(child, signed_by=signers).id == "child"


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


def test_a_missing_ssh_keygen_is_a_clear_error(tmp_path: Path) -> None:
    allowed = tmp_path / "allowed_signers"
    allowed.write_text("", encoding="utf-8")
    signers = Signers(allowed, program="no-such-ssh-keygen")
    with pytest.raises(PolicyError) as info:
        load_policy_text(MINI, signed_by=signers, signature=b"x")
    assert messages(info) == [
        "<input>: signature: checking it needs OpenSSH's 'no-such-ssh-keygen' (8.2 or later), "
        "which is not on PATH; install OpenSSH, or name the program with Signers(program=...)"
    ]


# --- what a decision records, and replaying it -------------------------------------------


def test_a_decision_records_every_layer_and_the_calendar_it_used() -> None:
    catalog = Catalog()
    decision = decide(catalog.load("bocom"), BOCOM)
    assert [(x.id, x.sha256) for x in decision.policy.layers] == [
        ("cn_banking_baseline", sha(bundled_policy_dir() / "cn_banking_baseline.yaml")),
        ("bocom", sha(bundled_policy_dir() / "bocom.yaml")),
    ]
    assert decision.policy.sha256 == decision.policy.layers[-1].sha256
    assert decision.policy.calendar == catalog.load("bocom").calendar.fingerprint


def test_the_calendar_fingerprint_is_a_hash_of_the_days() -> None:
    policy = Catalog().load("keyouqianqi_credit_union")
    fingerprint = policy.calendar.fingerprint
    # Declaring a day that is already off changes no day: the same fingerprint.
    assert policy.with_calendar(holidays={date(2026, 10, 1): "國慶節"}).calendar.fingerprint == (
        fingerprint
    )
    # Taking a working day off changes the days, so the fingerprint.
    changed = policy.with_calendar(holidays={date(2026, 10, 9): "host closure"})
    assert changed.calendar.fingerprint != fingerprint
    # ... and the decision, which records it.
    before, after = decide(policy, COMPLAINT), decide(changed, COMPLAINT)
    assert before.deadlines[0].due != after.deadlines[0].due
    assert (before.policy.calendar, after.policy.calendar) == (
        fingerprint,
        changed.calendar.fingerprint,
    )


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
