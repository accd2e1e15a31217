"""complaint-rules decide: a policy's decision for each complaint of a JSON file, as JSON
or text; a bad complaint exits 1 with located messages."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from tests.support import ROOT
from tests.support.cli import complaint_file, run


@pytest.fixture
def complaint(tmp_path: Path) -> Path:
    return complaint_file(tmp_path)


def test_decide_prints_json(capsys: pytest.CaptureFixture[str], complaint: Path) -> None:
    code, out, err = run(capsys, "decide", "keyouqianqi_credit_union", str(complaint))
    assert (code, err) == (0, "")
    decision = json.loads(out)
    assert decision["deadlines"][0]["due"] == {
        "last_day": "2026-10-10",
        "late_from": "2026-10-11T00:00:00+08:00",
    }
    assert decision["policy"]["id"] == "keyouqianqi_credit_union"


def test_decide_by_path_and_as_text(capsys: pytest.CaptureFixture[str], complaint: Path) -> None:
    policy = ROOT / "policies" / "keyouqianqi_credit_union.yaml"
    code, out, _ = run(capsys, "decide", str(policy), str(complaint), "--format", "text")
    assert code == 0
    assert "due by the end of 2026-10-10 (24:00) [limit_general · 第十一條]" in out


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
    code, out, err = run(
        capsys, "decide", "keyouqianqi_credit_union", str(path), "--format", "text"
    )
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"{path}: [0].received_at: received_at has no UTC offset; give one, e.g. "
        "2026-09-30T10:00:00+08:00",
        f"{path}: [0].category: missing; allowed: work_error (工作失誤), service_attitude "
        "(服務態度), internal_management (內部管理), service_product (服務產品), service_channel "
        "(服務渠道), irregular_operation (違規操作), financial_crime (金融犯罪), "
        "anonymous (匿名投訴)",
    ]


def test_a_list_keeps_every_good_decision_and_each_bad_items_problem_document(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = {
        "received_at": "2026-09-30T10:00:00+08:00",
        "channel": "letter",
        "category": "work_error",
    }
    path = tmp_path / "list.json"
    path.write_text(json.dumps([good, {**good, "channel": 7}, good]), encoding="utf-8")
    code, out, err = run(capsys, "decide", "keyouqianqi_credit_union", str(path))
    first, bad, third = json.loads(out)
    assert (code, err) == (1, "")
    assert first == third and first["schema"] == "complaint-rules/decision/1"
    assert first["channel"]["id"] == "letter"
    assert bad == {
        "schema": "complaint-rules/problem/1",
        "type": "urn:complaint-rules:problem:complaint",
        "title": "The input is not valid",
        "status": 422,
        "detail": "1 problem in complaint",
        "problems": [
            {
                "code": "complaint.wrong_type",
                "message": "expected a channel name (text), got a number",
                "file": str(path),
                "line": None,
                "column": None,
                "path": [1, "channel"],
            }
        ],
    }


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


def test_decide_as_of_an_instant_marks_what_is_overdue(
    capsys: pytest.CaptureFixture[str], complaint: Path
) -> None:
    # Due by the end of Sat Oct 10; asked at Oct 11 09:00 it is overdue, at Oct 10 09:00 not.
    argv = ["decide", "keyouqianqi_credit_union", str(complaint), "--at"]
    code, out, _ = run(capsys, *argv, "2026-10-11T09:00:00+08:00")
    assert code == 0
    (deadline,) = [d for d in json.loads(out)["deadlines"] if d["due"] is not None]
    assert (deadline["due"]["last_day"], deadline["overdue_at_decision"]) == ("2026-10-10", True)
    code, out, _ = run(capsys, *argv, "2026-10-10T09:00:00+08:00")
    (deadline,) = [d for d in json.loads(out)["deadlines"] if d["due"] is not None]
    assert deadline["overdue_at_decision"] is False


def test_decide_reads_stdin_and_estimates_when_asked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Received Wed Dec 30 2026: 3 working days run into 2027, whose schedule is unpublished.
    # Estimated: Dec 31 (1); Jan 1 2027 New Year's Day; Mon Jan 4 (2), Tue Jan 5 (3).
    late = {
        "received_at": "2026-12-30T10:00:00+08:00",
        "channel": "letter",
        "category": "work_error",
    }
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(late)))
    code, out, err = run(capsys, "decide", "keyouqianqi_credit_union", "-", "--format", "text")
    assert (code, out) == (1, "")
    assert err.startswith("<stdin>: the official holiday schedule for 2027 is not known")
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(late)))
    code, out, _ = run(capsys, "decide", "keyouqianqi_credit_union", "-", "--estimate")
    assert code == 0
    (deadline,) = [d for d in json.loads(out)["deadlines"] if d["due"] is not None]
    assert (deadline["due"]["last_day"], deadline["estimated"]) == ("2027-01-05", True)


def test_decide_carries_only_fields_that_may_be_carried(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "decide", "hotel", "c.json", "--carry", "name")
    assert code == 2
    assert (
        "argument --carry: invalid choice: 'name' (choose from 'id', 'complainant', 'text')" in err
    )
