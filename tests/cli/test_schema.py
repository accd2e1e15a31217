"""complaint-rules schema: the policy format's JSON Schema (or its outline) on stdout or in
a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from complaint_rules.policy.json_schema import outline, schema_text
from tests.support import ROOT
from tests.support.cli import run


def test_the_schema_on_stdout_is_the_committed_copy(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "schema")
    assert (code, err) == (0, "")
    assert out == schema_text() == (ROOT / "docs" / "policy.schema.json").read_text("utf-8")


def test_the_outline_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema", "--format", "text")
    assert (code, out) == (0, outline())
    assert (
        out.splitlines()[2] == 'schema: "complaint-rules/1" (required) — Always complaint-rules/1.'
    )


def test_into_a_file_and_a_file_that_cannot_be_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "policy.schema.json"
    assert run(capsys, "schema", "-o", str(target)) == (0, "", "")
    assert target.read_text(encoding="utf-8") == schema_text()
    nowhere = tmp_path / "missing" / "policy.schema.json"
    code, out, err = run(capsys, "schema", "--output", str(nowhere), "--format", "text")
    assert (code, out, err) == (1, "", f"{nowhere}: cannot write: No such file or directory\n")
    code, out, err = run(capsys, "schema", "--output", str(nowhere))
    (problem,) = json.loads(out)["problems"]
    assert (code, err, problem["code"]) == (1, "", "file.unwritable")


def test_each_kind_names_its_contract(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    for kind, contract in [
        ("decision", "complaint-rules/decision/1"),
        ("status", "complaint-rules/status/1"),
        ("problem", "complaint-rules/problem/1"),
    ]:
        code, out, err = run(capsys, "schema", "--kind", kind)
        assert (code, err) == (0, "")
        assert json.loads(out)["x-contract"] == contract
    code, out, _ = run(capsys, "schema", "--kind", "complaint", "keyouqianqi_credit_union")
    schema = json.loads(out)
    assert code == 0 and schema["x-contract"] == "complaint-rules/complaint/1"
    assert "信件投诉" in schema["properties"]["channel"]["enum"]
    code, out, _ = run(capsys, "schema", "--kind", "openapi")
    assert (code, out) == (0, (ROOT / "docs" / "openapi.json").read_text("utf-8"))


def test_a_complaint_schema_needs_a_policy(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "schema", "--kind", "complaint")
    (problem,) = json.loads(out)["problems"]  # JSON is the default: a problem document
    assert (code, err) == (1, "")
    assert "--kind complaint needs a POLICY" in problem["message"]
    code, _, err = run(capsys, "schema", "--kind", "decision", "--format", "text")
    assert code == 1 and "JSON only" in err
