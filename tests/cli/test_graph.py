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


def test_the_words_around_the_labels_are_in_the_chosen_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "--lang", "zh-Hant", "graph", "keyouqianqi_credit_union")
    assert (code, err) == (0, "")
    # 第十一條's step after 一般投訴's reply is late: its condition, its trigger and its roles.
    assert "overrun_general · 第十一條<br/>適用於 級別: 一般投訴" in out
    assert '  deadline_reply_general -->|"逾期"| step_overrun_general\n' in out
    assert '  role_complained_unit -->|"由"| step_overrun_general\n' in out
    assert '  step_overrun_general -->|"給"| role_acceptance_dept\n' in out
    # 第十八條: a fact compared with true, and a finding, joined with 並且.
    assert "適用於 首次投訴未得到滿意答復再次投訴 = 是 並且 查明事項: 非我方責任" in out
    for english in ("when ", "every complaint", '"missed"', '"by"', '"to"', " and "):
        assert english not in out
    code, out, _ = run(capsys, "--lang", "zh-Hans", "graph", "keyouqianqi_credit_union")
    assert '  step_overrun_general -->|"给"| role_acceptance_dept\n' in out
    assert "适用于 级别: 一般投訴" in out  # the label as the source writes it
    code, out, _ = run(capsys, "--lang", "en", "graph", "keyouqianqi_credit_union")
    assert "overrun_general · 第十一條<br/>when level: 一般投訴" in out
    assert "when 首次投訴未得到滿意答復再次投訴 = true and finding:<br/>非我方責任" in out
    assert '  deadline_reply_general -->|"missed"| step_overrun_general\n' in out
