"""Checking a policy file's OpenSSH signature before it is read.

A policy is signed with the standard OpenSSH tool, ``ssh-keygen -Y sign -n
complaint-rules -f KEY policy.yaml`` (which writes ``policy.yaml.sig``), and checked with
``ssh-keygen -Y verify`` against an *allowed signers* file (``man ssh-keygen``, section
ALLOWED SIGNERS). The check runs only when the host asks for it (``signed_by=`` of
:func:`~complaint_rules.load_policy` or :class:`~complaint_rules.Catalog`); it is the one
place the library starts a program, and it is outside the pure core.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from os import PathLike, fspath
from pathlib import Path

from ..errors import PolicyError, Problem

__all__ = ["NAMESPACE", "Signers", "verify_signature"]

NAMESPACE = "complaint-rules"
"""The signature namespace (``ssh-keygen -Y sign -n``) policies are signed in by default."""

MAX_SIGNATURE_BYTES = 64_000
"""An armoured SSH signature is well under 2 kB; anything this large is refused unread."""


@dataclass(frozen=True)
class Signers:
    """Who may sign policies: an OpenSSH allowed-signers file, and how to check.

    ``identity`` is the principal the signature must be from; by default, any principal
    of ``allowed_signers`` whose key made the signature (``ssh-keygen -Y
    find-principals``). ``revoked`` is an optional key revocation list (``-r``).
    """

    allowed_signers: str | PathLike[str]
    namespace: str = NAMESPACE
    identity: str | None = None
    revoked: str | PathLike[str] | None = None
    program: str = "ssh-keygen"
    timeout: float = 30.0


def verify_signature(data: bytes, signature: bytes, signers: Signers, *, file: str) -> str:
    """Check that ``signature`` signs ``data``; return the signer's principal.

    Raises :class:`PolicyError` (located at ``file``) if it does not, if the tool is
    missing, or if the allowed-signers file cannot be read.
    """

    def fail(message: str) -> PolicyError:
        return PolicyError(
            [Problem(f"signature: {message}", file=file, code="policy.signature_invalid")]
        )

    program = shutil.which(signers.program)
    if program is None:
        raise fail(
            f"checking it needs OpenSSH's {signers.program!r} (8.2 or later), which is not on "
            "PATH; install OpenSSH, or name the program with Signers(program=...)"
        )
    allowed = Path(fspath(signers.allowed_signers))
    if not allowed.is_file():
        raise fail(f"the allowed signers file {str(allowed)!r} does not exist")
    if len(signature) > MAX_SIGNATURE_BYTES:
        raise fail(f"larger than {MAX_SIGNATURE_BYTES} bytes: not an SSH signature")
    with tempfile.TemporaryDirectory(prefix="complaint-rules-") as tmp:
        sig = Path(tmp) / "policy.sig"
        sig.write_bytes(signature)
        identity = signers.identity
        if identity is None:
            found = _run(
                [program, "-Y", "find-principals", "-s", str(sig), "-f", str(allowed)],
                b"",
                signers.timeout,
                file,
            )
            principals = found.stdout.decode("utf-8", "replace").split()
            if found.returncode != 0 or not principals:
                raise fail(f"not made by a key in {str(allowed)!r} ({_why(found)})")
            identity = principals[0]
        command = [program, "-Y", "verify", "-f", str(allowed), "-I", identity]
        command += ["-n", signers.namespace, "-s", str(sig)]
        if signers.revoked is not None:
            command += ["-r", fspath(signers.revoked)]
        checked = _run(command, data, signers.timeout, file)
        if checked.returncode != 0:
            raise fail(
                f"does not verify for {identity!r} in namespace {signers.namespace!r} "
                f"({_why(checked)}); the file or its signature has changed"
            )
    return identity


def _run(
    command: list[str], data: bytes, timeout: float, file: str
) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            command, input=data, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise PolicyError(
            [
                Problem(
                    f"signature: {command[0]} did not finish in {timeout} s",
                    file=file,
                    code="policy.signature_timeout",
                )
            ]
        ) from None
    except OSError as exc:
        raise PolicyError(
            [
                Problem(
                    f"signature: cannot run {command[0]}: {exc.strerror or exc}",
                    file=file,
                    code="policy.signature_unavailable",
                )
            ]
        ) from None


def _why(result: subprocess.CompletedProcess[bytes]) -> str:
    """ssh-keygen's own reason: the last line it wrote to stderr (else stdout)."""
    for stream in (result.stderr, result.stdout):
        lines = stream.decode("utf-8", "replace").strip().splitlines()
        if lines:
            return lines[-1].strip()[:200]
    return f"exit status {result.returncode}"
