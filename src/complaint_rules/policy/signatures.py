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

from ..errors import PolicyError
from ..messages.catalogue import make_problem

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

    def fail(wording: str, **args: object) -> PolicyError:
        return PolicyError(
            [
                make_problem(
                    "policy.signature_invalid",
                    wording=wording,
                    file=file,
                    args=args,
                )
            ]
        )

    program = shutil.which(signers.program)
    if program is None:
        raise fail("policy.signature_invalid.no_program", program=repr(signers.program))
    allowed = Path(fspath(signers.allowed_signers))
    if not allowed.is_file():
        raise fail("policy.signature_invalid.no_signers", signers=repr(str(allowed)))
    if len(signature) > MAX_SIGNATURE_BYTES:
        raise fail("policy.signature_invalid.too_large", limit=MAX_SIGNATURE_BYTES)
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
                raise fail(
                    "policy.signature_invalid.unknown_key",
                    signers=repr(str(allowed)),
                    why=_why(found),
                )
            identity = principals[0]
        command = [program, "-Y", "verify", "-f", str(allowed), "-I", identity]
        command += ["-n", signers.namespace, "-s", str(sig)]
        if signers.revoked is not None:
            command += ["-r", fspath(signers.revoked)]
        checked = _run(command, data, signers.timeout, file)
        if checked.returncode != 0:
            raise fail(
                "policy.signature_invalid.not_verified",
                identity=repr(identity),
                namespace=repr(signers.namespace),
                why=_why(checked),
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
                make_problem(
                    "policy.signature_timeout",
                    wording="policy.signature_timeout.seconds",
                    file=file,
                    program=command[0],
                    seconds=timeout,
                )
            ]
        ) from None
    except OSError as exc:
        raise PolicyError(
            [
                make_problem(
                    "policy.signature_unavailable",
                    wording="policy.signature_unavailable.reason",
                    file=file,
                    program=command[0],
                    reason=exc.strerror or exc,
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
