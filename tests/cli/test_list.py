"""complaint-rules list: the policies the catalog knows, as text or JSON."""

from __future__ import annotations

import json

import pytest

from tests.support.cli import run


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0
    lines = out.splitlines()
    assert "keyouqianqi_credit_union\t2026.4\t科右前旗信用聯社\t客戶投訴處理管理辦法" in lines
    assert [line.split("\t")[0] for line in lines] == sorted(line.split("\t")[0] for line in lines)


def test_list_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--format", "json")
    assert code == 0
    rows = {r["id"]: r for r in json.loads(out)}
    assert rows["cn_banking_baseline"]["abstract"] is True
    assert rows["hotel"]["abstract"] is False
    assert rows["keyouqianqi_credit_union"]["path"].endswith("keyouqianqi_credit_union.yaml")
