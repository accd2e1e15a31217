"""The command line: decide, validate, list, and the exit codes 0 / 1 / 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from complaint_rules.cli import main
from tests.support import ROOT
from tests.support.policy_texts import MINI


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def complaint(tmp_path: Path) -> Path:
    path = tmp_path / "c.json"
    path.write_text(
        json.dumps(
            {
                "received_at": "2026-09-30T10:00:00+08:00",
                "channel": "信件投訴",
                "category": "工作失誤",
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return path


def test_decide_prints_json(capsys: pytest.CaptureFixture[str], complaint: Path) -> None:
    code, out, err = run(capsys, "decide", "keyouqianqi_credit_union", str(complaint))
    assert (code, err) == (0, "")
    decision = json.loads(out)
    assert decision["deadlines"][0]["due"] == "2026-10-10T23:59:59+08:00"
    assert decision["policy"]["id"] == "keyouqianqi_credit_union"


def test_decide_by_path_and_as_text(capsys: pytest.CaptureFixture[str], complaint: Path) -> None:
    policy = ROOT / "policies" / "keyouqianqi_credit_union.yaml"
    code, out, _ = run(capsys, "decide", str(policy), str(complaint), "--format", "text")
    assert code == 0
    assert "due 2026-10-10T23:59:59+08:00 [limit_general · 第十一條]" in out


def test_decide_a_list_of_complaints(capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / "examples" / "complaints" / "keyouqianqi_credit_union.json"
    code, out, _ = run(capsys, "decide", "keyouqianqi_credit_union", str(path))
    assert code == 0
    assert len(json.loads(out)) == len(json.loads(path.read_text(encoding="utf-8")))


def test_bad_complaint_exits_1_with_located_messages(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[{"received_at": "2026-09-30T10:00:00", "channel": "letter"}]')
    code, out, err = run(capsys, "decide", "keyouqianqi_credit_union", str(path))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"{path}: [0].received_at: received_at has no UTC offset; give one, e.g. "
        "2026-09-30T10:00:00+08:00",
        f"{path}: [0].category: missing; allowed: work_error (工作失誤), service_attitude "
        "(服務態度), internal_management (內部管理), service_product (服務產品), service_channel "
        "(服務渠道), irregular_operation (違規操作), financial_crime (金融犯罪), "
        "anonymous (匿名投訴)",
    ]


def test_not_json_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{\n oops")
    code, _, err = run(capsys, "decide", "keyouqianqi_credit_union", str(path))
    assert code == 1
    assert err == f"{path}:2: not JSON: Expecting property name enclosed in double quotes\n"


def test_validate(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "validate", str(ROOT / "policies"))
    assert code == 0
    assert "keyouqianqi_credit_union.yaml" in out
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINI.replace("role: desk}", "role: nobody}"), encoding="utf-8")
    code, _, err = run(capsys, "validate", str(bad))
    assert code == 1
    assert err.startswith(f"{bad}:36: rules[0].routing[0].role: role 'nobody' is not declared")


def test_unknown_policy_id_exits_1(capsys: pytest.CaptureFixture[str], complaint: Path) -> None:
    code, _, err = run(capsys, "decide", "keyouqianqi", str(complaint))
    assert code == 1
    assert "no policy 'keyouqianqi'" in err
    assert "did you mean 'keyouqianqi_credit_union'?" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "decide")[0] == 2
    assert run(capsys, "frobnicate")[0] == 2
    assert run(capsys, "decide", "a", "b", "--format", "xml")[0] == 2


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0
    lines = out.splitlines()
    assert "keyouqianqi_credit_union\t2026.1\t科右前旗信用聯社\t客戶投訴處理管理辦法" in lines
    assert [line.split("\t")[0] for line in lines] == sorted(line.split("\t")[0] for line in lines)


def test_list_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--format", "json")
    assert code == 0
    rows = {r["id"]: r for r in json.loads(out)}
    assert rows["cn_banking_baseline"]["abstract"] is True
    assert rows["hotel"]["abstract"] is False
    assert rows["keyouqianqi_credit_union"]["path"].endswith("keyouqianqi_credit_union.yaml")


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
            "file": str(bad),
            "line": 1,
            "field": "schema",
            "message": "Input should be 'complaint-rules/1'",
        }
    ]


def test_coverage_as_json_marks_each_article(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "coverage",
        "keyouqianqi_credit_union",
        str(ROOT / "docs" / "sources" / "3-keyouqianqi-credit-union.txt"),
        "--format",
        "json",
    )
    assert code == 0
    rows = {r["article"]: r for r in json.loads(out)}
    assert "limit_general" in rows["第十一條"]["rules"]
    assert not any(r["missing"] for r in rows.values())


def test_status_of_a_case_with_a_rejected_event(capsys: pytest.CaptureFixture[str]) -> None:
    # Received Tue Sep 29 10:00; 3 working days are Sep 30, Oct 8 and Oct 9 (Oct 1-7 off).
    case = ROOT / "examples" / "cases" / "keyouqianqi_credit_union.json"
    argv = ["status", "keyouqianqi_credit_union", str(case), "--at", "2026-10-10T09:00:00+08:00"]
    code, out, err = run(capsys, *argv, "--format", "json")
    assert (code, err) == (1, "")
    status = json.loads(out)
    (clock,) = status["clocks"]
    assert (clock["state"], clock["due"]) == ("breached", "2026-10-09T23:59:59+08:00")
    assert [e["id"] for e in status["escalations"]] == ["overrun_general"]
    assert [r["index"] for r in status["rejected"]] == [3]
    code, out, _ = run(capsys, *argv)
    assert code == 1
    assert "rejected event 3 (withdrawal_voluntary at 2026-10-08T11:00:00+08:00)" in out


def test_status_needs_a_list_of_events(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text("{}")
    code, out, err = run(capsys, "status", "hotel", str(path), "--at", "2026-10-10T09:00:00+08:00")
    assert (code, out, err) == (1, "", f"{path}: a case is a JSON list of events\n")


def test_decide_carries_only_the_personal_fields_asked_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "c.json"
    complaint = {
        "received_at": "2026-09-30T10:00:00+08:00",
        "channel": "信件投訴",
        "category": "工作失誤",
        "id": "C-2026-0042",
        "complainant": {"name": "王小明", "phone": "13800138000"},
        "text": "櫃員態度惡劣",
    }
    path.write_text(json.dumps(complaint, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "decide", "keyouqianqi_credit_union", str(path))
    assert code == 0
    assert json.loads(out)["carried"] == {}
    assert "王小明" not in out and "13800138000" not in out and "櫃員" not in out
    code, out, _ = run(capsys, "decide", "keyouqianqi_credit_union", str(path), "--carry", "id")
    assert code == 0
    assert json.loads(out)["carried"] == {"id": "C-2026-0042"}
    assert "王小明" not in out
