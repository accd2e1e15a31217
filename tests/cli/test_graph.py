"""complaint-rules graph: a policy's escalation and routing diagram as Mermaid, DOT or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cli import run
from tests.support.graph_policy import SMALL


def test_cli_formats(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    code, out, err = run(capsys, "graph", str(path), "--format", "json", "--view", "routing")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["policy"] == "small" and data["view"] == "routing"
    assert data["edges"][0] == {
        "source": "rule_intake",
        "target": "role_desk",
        "kind": "duty",
        "label": "受理 accepts",
    }
    code, out, _ = run(capsys, "graph", str(path), "--format", "dot")
    assert code == 0 and out.startswith('digraph "small" {\n')
    code, out, _ = run(capsys, "graph", str(path))
    assert code == 0 and out.startswith("flowchart LR\n")


def test_cli_bad_policy_and_bad_usage(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(SMALL.replace("role: desk}", "role: dsk}"), encoding="utf-8")
    code, out, err = run(capsys, "graph", str(path))
    assert (code, out) == (1, "")
    assert err == (
        f"{path}:31:25: rules[0].routing[0].role: role 'dsk' is not declared in vocabulary; "
        "allowed: desk, head, boss; did you mean 'desk'?\n"
        "   31 |       - {duty: accepts, role: dsk}\n"
        "      |                         ^\n"
    )
    code, _, err = run(capsys, "graph", str(path), "--format", "svg")
    assert code == 2 and "invalid choice: 'svg'" in err
