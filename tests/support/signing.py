"""OpenSSH keys and signatures for the tests of signed policies (``ssh-keygen -Y``)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from complaint_rules.policy.signatures import Signers

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


def make_signer(directory: Path) -> tuple[Path, Signers]:
    """A key ``officer`` in ``directory/keys`` and the allowed signers naming it."""
    keys = directory / "keys"
    keys.mkdir()
    key = keygen(keys, "officer")
    allowed = keys / "allowed_signers"
    public = key.with_suffix(".pub").read_text(encoding="utf-8").strip()
    allowed.write_text(f'officer@example namespaces="complaint-rules" {public}\n', "utf-8")
    return key, Signers(allowed)
