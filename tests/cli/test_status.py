"""complaint-rules status: a case's status at an instant, as JSON or text; exit 1 if an
event was rejected (the status of the others is still printed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from complaint_rules import load_policy
from complaint_rules.lifecycle.case import status
from complaint_rules.lifecycle.render import status_text
from tests.support import ROOT
from tests.support.cli import run
from tests.support.lifecycle_policy import POLICY_TEXT, RECEIVED, at, ev


def test_status_of_a_case_with_a_rejected_event(capsys: pytest.CaptureFixture[str]) -> None:
    # Received Tue Sep 29 10:00; 3 working days are Sep 30, Oct 8 and Oct 9 (Oct 1-7 off).
    case = ROOT / "examples" / "cases" / "keyouqianqi_credit_union.json"
    argv = ["status", "keyouqianqi_credit_union", str(case), "--at", "2026-10-10T09:00:00+08:00"]
    code, out, err = run(capsys, *argv, "--format", "json")
    assert (code, err) == (1, "")
    status = json.loads(out)
    (clock,) = status["clocks"]
    assert (clock["state"], clock["due"], clock["breached_at"]) == (
        "breached",
        {"last_day": "2026-10-09", "late_from": "2026-10-10T00:00:00+08:00"},
        "2026-10-10T00:00:00+08:00",
    )
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


def test_status_as_text_exits_0_when_every_event_is_accepted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    policy = tmp_path / "lifecycle_test.yaml"
    policy.write_text(POLICY_TEXT, encoding="utf-8")
    events = [RECEIVED, ev("hold", at(9, 30, 15))]
    case = tmp_path / "case.json"
    case.write_text(json.dumps(events), encoding="utf-8")
    code, out, err = run(
        capsys, "status", str(policy), str(case), "--at", "2026-10-05T12:00:00+08:00"
    )
    assert (code, err) == (0, "")
    expected = status(load_policy(policy), events, at(10, 5, 12))
    assert out == status_text(expected) + "\n"
    assert "  paused since 2026-09-30 15:00:00+08:00" in out.splitlines()
    code, _, err = run(capsys, "status", str(policy), str(case))
    assert code == 2 and "the following arguments are required: --at" in err
