"""schemathesis against the OpenAPI document, on a real server: generated requests (the
document's examples, its coverage cases and fuzzing, bounded and deterministic) find no
5xx and no response that breaks its schema, status codes or content types."""

from __future__ import annotations

import subprocess

from tests.support.server import BIN, Server


def test_no_5xx_and_every_response_fits_the_document(server: Server) -> None:
    run = subprocess.run(
        [
            str(BIN / "schemathesis"),
            "run",
            f"{server.base}/openapi.json",
            "--checks",
            "not_a_server_error,response_schema_conformance,status_code_conformance,"
            "content_type_conformance",
            "--phases",
            "examples,coverage,fuzzing",
            "--max-examples",
            "10",
            "--generation-deterministic",
            "--workers",
            "1",
            "--request-timeout",
            "20",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "passed" in run.stdout
    # The server saw no error of its own either.
    assert not [r for r in server.log() if r.get("event") == "error"]
