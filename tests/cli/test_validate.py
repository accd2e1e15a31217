"""complaint-rules validate: each policy file checked, ok lines or located problems,
exit 1 if any does not load."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.support import ROOT
from tests.support.cli import run
from tests.support.policy_texts import MINI


def test_validate(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "validate", str(ROOT / "policies"))
    assert code == 0
    assert "keyouqianqi_credit_union.yaml" in out
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINI.replace("role: desk}", "role: nobody}"), encoding="utf-8")
    code, _, err = run(capsys, "validate", str(bad))
    assert code == 1
    assert err.startswith(f"{bad}:36:25: rules[0].routing[0].role: role 'nobody' is not declared")


def test_validate_as_json_lists_problems_with_their_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINI.replace("schema: complaint-rules/1", "schema: complaint-rules/9"))
    good = ROOT / "policies" / "hotel.yaml"
    code, out, err = run(capsys, "validate", str(good), str(bad), "--format", "json")
    assert (code, err) == (1, "")
    results = json.loads(out)
    assert [r["ok"] for r in results] == [True, False]
    assert results[0]["id"] == "hotel"
    assert results[1]["problems"] == [
        {
            "code": "policy.not_allowed",
            "message": "Input should be 'complaint-rules/1'",
            "file": str(bad),
            "line": 1,
            "column": 1,
            "path": ["schema"],
            "field": "schema",
        }
    ]


def test_validate_lists_each_file_ok_with_its_hash_and_needs_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = tmp_path / "mini.yaml"
    good.write_text(MINI, encoding="utf-8")
    (tmp_path / "mini.tests.yaml").write_text("not a policy", encoding="utf-8")
    code, out, err = run(capsys, "validate", str(tmp_path))
    digest = hashlib.sha256(MINI.encode()).hexdigest()
    assert (code, out, err) == (0, f"ok\t{good}\tmini 1\tsha256:{digest}\n", "")
    code, out, _ = run(capsys, "validate", str(good), "--format", "json")
    assert json.loads(out) == [
        {"file": str(good), "ok": True, "id": "mini", "version": "1", "sha256": digest}
    ]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run(capsys, "validate", str(empty)) == (1, "", "no policy files found\n")
