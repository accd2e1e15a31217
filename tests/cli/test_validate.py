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


def test_a_consistency_problem_is_said_in_the_officers_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An officer misspells a role and writes a period of 0 working days.
    bad = tmp_path / "bad.yaml"
    text = MINI.replace("role: desk}", "role: dsk}").replace(
        "{working_days: 3}", "{working_days: 0}"
    )
    bad.write_text(text, encoding="utf-8")
    monkeypatch.delenv("COMPLAINT_RULES_LANG", raising=False)
    monkeypatch.setenv("LC_ALL", "C")
    code, _, en = run(capsys, "validate", str(bad), "--lang", "en")
    _, _, hant = run(capsys, "validate", str(bad), "--lang", "zh-hant")
    monkeypatch.setenv("COMPLAINT_RULES_LANG", "zh-Hans")
    _, _, hans = run(capsys, "validate", str(bad))
    assert code == 1
    role = f"{bad}:36:25: rules[0].routing[0].role: "
    assert role + "role 'dsk' is not declared in vocabulary; allowed: desk" in en
    assert role + "角色 'dsk' 沒有在詞彙表(vocabulary)中宣告;可以寫:desk" in hant
    assert "是不是要寫 'desk'?" in hant
    assert role + "角色 'dsk' 没有在词汇表(vocabulary)中声明;可以写:desk" in hans
    assert "a period in days is at least 1 day" in en
    assert "以日計的期限至少是 1 日" in hant and "以日计的期限至少是 1 日" in hans
    # Nothing of the English wording is left in the Chinese lines of these two problems.
    assert "is not declared" not in hant + hans and "at least 1 day" not in hant + hans
    code, out, _ = run(capsys, "validate", str(bad), "--format", "json", "--lang", "zh-Hant")
    problems = json.loads(out)[0]["problems"]
    assert [(p["code"], p["message"]) for p in problems] == [
        (
            "policy.undeclared_term",
            "角色 'dsk' 沒有在詞彙表(vocabulary)中宣告;可以寫:desk, head;是不是要寫 'desk'?",
        ),
        ("policy.period.days_at_least_one", "以日計的期限至少是 1 日"),
    ]
