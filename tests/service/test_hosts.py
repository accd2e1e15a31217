"""The host examples (examples/hosts/), run against a real server: each prints exactly
``decide_json()`` and a newline. Java and Node are installed if missing, never skipped."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from complaint_rules import Catalog, decide_json
from tests.support import ROOT
from tests.support.server import BIN, Server
from tests.support.system import require_command
from tests.support.versions import POLICY

HOSTS = ROOT / "examples" / "hosts"
COMPLAINTS = json.loads(
    (ROOT / "examples" / "complaints" / f"{POLICY}.json").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def complaint_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """One complaint, written across lines as a person would; and its expected output."""
    complaint = COMPLAINTS[1]
    path = tmp_path_factory.mktemp("hosts") / "complaint.json"
    path.write_text(json.dumps(complaint, ensure_ascii=False, indent=2), encoding="utf-8")
    return path, decide_json(Catalog().load(POLICY), complaint).encode() + b"\n"


def _run(command: list[str]) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(command, capture_output=True, check=False, timeout=300, env=env)


def test_java_over_http(server: Server, complaint_file: tuple[Path, bytes]) -> None:
    java = require_command("java", "openjdk-17-jdk-headless")
    path, expected = complaint_file
    run = _run([java, str(HOSTS / "java" / "Decide.java"), server.base, POLICY, str(path)])
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout == expected


def test_java_over_stdio(complaint_file: tuple[Path, bytes]) -> None:
    java = require_command("java", "openjdk-17-jdk-headless")
    path, expected = complaint_file
    run = _run([java, str(HOSTS / "java" / "DecideStdio.java"), POLICY, str(path)])
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout == expected


def test_node_over_http(server: Server, complaint_file: tuple[Path, bytes]) -> None:
    node = require_command("node", "nodejs")
    path, expected = complaint_file
    run = _run([node, str(HOSTS / "node" / "decide.mjs"), server.base, POLICY, str(path)])
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout == expected


def test_a_refusal_goes_to_stderr_with_exit_1(server: Server, tmp_path: Path) -> None:
    node = require_command("node", "nodejs")
    bad = tmp_path / "bad.json"
    bad.write_text('{"channel": "nowhere"}', encoding="utf-8")
    run = _run([node, str(HOSTS / "node" / "decide.mjs"), server.base, POLICY, str(bad)])
    assert run.returncode == 1 and run.stdout == b""
    assert json.loads(run.stderr)["status"] == 422
