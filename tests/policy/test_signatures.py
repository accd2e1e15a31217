"""OpenSSH signatures of policy files: checked before a file is read, for every layer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from complaint_rules import PolicyError, load_policy, load_policy_text
from complaint_rules.policy.signatures import (
    MAX_SIGNATURE_BYTES,
    NAMESPACE,
    Signers,
    verify_signature,
)
from tests.support.layered import sha, write_stack
from tests.support.policy_texts import MINI
from tests.support.problems import messages
from tests.support.signing import keygen, make_signer, needs_ssh, sign


@pytest.fixture
def stack(tmp_path: Path) -> tuple[Path, Path]:
    """A policy ``child`` extending ``base``, side by side."""
    return write_stack(tmp_path)


@pytest.fixture
def signer(tmp_path: Path) -> tuple[Path, Signers]:
    return make_signer(tmp_path)


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


# --- verify_signature itself ------------------------------------------------------------------


@needs_ssh
def test_a_good_signature_gives_the_principal_that_made_it(
    tmp_path: Path, signer: tuple[Path, Signers]
) -> None:
    key, signers = signer
    path = tmp_path / "m.yaml"
    path.write_bytes(b"id: m\n")
    sign(key, path)
    signature = path.with_suffix(".yaml.sig").read_bytes()
    assert (signers.namespace, NAMESPACE) == ("complaint-rules", "complaint-rules")
    assert verify_signature(b"id: m\n", signature, signers, file="m.yaml") == "officer@example"
    with pytest.raises(PolicyError) as info:
        verify_signature(b"id: n\n", signature, signers, file="m.yaml")
    assert messages(info) == [
        "m.yaml: signature: does not verify for 'officer@example' in namespace "
        "'complaint-rules' (Signature verification failed: incorrect signature); the file or "
        "its signature has changed"
    ]


@needs_ssh
def test_a_revoked_key_does_not_verify(tmp_path: Path, signer: tuple[Path, Signers]) -> None:
    key, signers = signer
    path = tmp_path / "m.yaml"
    path.write_bytes(b"id: m\n")
    sign(key, path)
    signature = path.with_suffix(".yaml.sig").read_bytes()
    revoked = Signers(signers.allowed_signers, revoked=key.with_suffix(".pub"))
    with pytest.raises(PolicyError) as info:
        verify_signature(b"id: m\n", signature, revoked, file="m.yaml")
    assert messages(info) == [
        "m.yaml: signature: does not verify for 'officer@example' in namespace "
        "'complaint-rules' (Could not verify signature.); the file or its signature has changed"
    ]


def fake_program(directory: Path, script: str) -> Path:
    """An executable shell script standing in for ssh-keygen."""
    program = directory / "fake-ssh-keygen"
    program.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    program.chmod(0o755)
    return program


def test_a_missing_allowed_signers_file_and_an_oversized_signature_are_refused_unread(
    tmp_path: Path,
) -> None:
    # A program that would fail loudly if it were run: neither check gets that far.
    program = fake_program(tmp_path, "echo ran >&2; exit 3")
    missing = Signers(tmp_path / "nowhere", program=str(program))
    with pytest.raises(PolicyError) as info:
        verify_signature(b"x", b"sig", missing, file="p.yaml")
    assert messages(info) == [
        f"p.yaml: signature: the allowed signers file '{tmp_path / 'nowhere'}' does not exist"
    ]
    allowed = tmp_path / "allowed_signers"
    allowed.write_text("", encoding="utf-8")
    signers = Signers(allowed, program=str(program))
    with pytest.raises(PolicyError) as info:
        verify_signature(b"x", b"s" * (MAX_SIGNATURE_BYTES + 1), signers, file="p.yaml")
    assert messages(info) == ["p.yaml: signature: larger than 64000 bytes: not an SSH signature"]
    # At the limit it is run, and its own reason (the last line of stderr) is shown.
    with pytest.raises(PolicyError) as info:
        verify_signature(b"x", b"s" * MAX_SIGNATURE_BYTES, signers, file="p.yaml")
    assert messages(info) == [f"p.yaml: signature: not made by a key in '{allowed}' (ran)"]


def test_without_a_reason_the_exit_status_is_shown(tmp_path: Path) -> None:
    allowed = tmp_path / "allowed_signers"
    allowed.write_text("", encoding="utf-8")
    silent = Signers(allowed, program=str(fake_program(tmp_path, "exit 7")))
    with pytest.raises(PolicyError) as info:
        verify_signature(b"x", b"sig", silent, file="p.yaml")
    assert messages(info) == [
        f"p.yaml: signature: not made by a key in '{allowed}' (exit status 7)"
    ]


def test_a_principal_found_but_refused_names_it_and_the_reason_on_stdout(tmp_path: Path) -> None:
    # find-principals answers "someone"; verify fails, saying why on stdout only.
    script = 'case "$2" in find-principals) echo someone;; *) echo "  bad key  "; exit 1;; esac'
    allowed = tmp_path / "allowed_signers"
    allowed.write_text("", encoding="utf-8")
    signers = Signers(allowed, namespace="ns", program=str(fake_program(tmp_path, script)))
    with pytest.raises(PolicyError) as info:
        verify_signature(b"x", b"sig", signers, file="p.yaml")
    assert messages(info) == [
        "p.yaml: signature: does not verify for 'someone' in namespace 'ns' (bad key); the "
        "file or its signature has changed"
    ]


def test_a_program_that_hangs_is_stopped_after_the_timeout(tmp_path: Path) -> None:
    allowed = tmp_path / "allowed_signers"
    allowed.write_text("", encoding="utf-8")
    program = fake_program(tmp_path, "exec sleep 30")
    signers = Signers(allowed, identity="me", program=str(program), timeout=0.2)
    with pytest.raises(PolicyError) as info:
        verify_signature(b"x", b"sig", signers, file="p.yaml")
    assert messages(info) == [f"p.yaml: signature: {program} did not finish in 0.2 s"]


def test_a_program_that_cannot_be_run_is_a_located_error(tmp_path: Path) -> None:
    allowed = tmp_path / "allowed_signers"
    allowed.write_text("", encoding="utf-8")
    # Executable for `which`, but not a program the system can start.
    program = tmp_path / "not-a-program"
    program.write_bytes(b"\x00\x01\x02")
    program.chmod(0o755)
    signers = Signers(allowed, identity="me", program=str(program))
    with pytest.raises(PolicyError) as info:
        verify_signature(b"x", b"sig", signers, file="p.yaml")
    assert messages(info) == [
        f"p.yaml: signature: cannot run {program}: {os.strerror(8)}"  # ENOEXEC
    ]
