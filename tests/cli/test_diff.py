"""complaint-rules diff: what changes between two versions of a policy; exit 1 if they
differ, 2 if an input space is too large to decide whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from complaint_rules import load_policy
from complaint_rules.cli import main
from complaint_rules.toolkit.diff import diff
from tests.support import ROOT
from tests.support.cli import run
from tests.support.editing import edited

KEYOUQIANQI = ROOT / "policies" / "keyouqianqi_credit_union.yaml"


def test_the_command_exits_1_when_they_differ_and_prints_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = edited(tmp_path, KEYOUQIANQI, ("within: {working_days: 3}", "within: {working_days: 5}"))
    code = main(["diff", "keyouqianqi_credit_union", str(new), "--format", "json"])
    out, err = capsys.readouterr()
    assert (code, err) == (1, "")
    data = json.loads(out)
    assert data["equivalent"] is False
    assert [c["id"] for c in data["changes"]] == ["reply_general"]
    assert data["changes"][0]["example"]["new"] == "due by the end of 2026-03-17 (24:00)"


def test_a_space_too_large_is_refused_unless_sampled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = edited(tmp_path, KEYOUQIANQI, ("within: {working_days: 3}", "within: {working_days: 5}"))
    code = main(["diff", str(KEYOUQIANQI), str(new), "--max-size", "4"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err == (
        "error: the input space of level has 8 complaints (category 8), more than the limit "
        "of 4; decide a deterministic sample instead (sample=N, --sample N)\n"
    )
    code = main(["--lang", "zh-Hant", "diff", str(KEYOUQIANQI), str(new), "--max-size", "4"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err == (
        "錯誤:級別 的輸入組合有 8 種投訴(category 8),超過上限 4;"
        "請改為決定一份固定的抽樣(sample=N,--sample N)\n"
    )
    sampled = diff(load_policy(KEYOUQIANQI), load_policy(new), limit=4, sample=4)
    assert all(c.compared <= 4 for c in sampled.changes)


def test_the_command_exits_0_when_equivalent_and_prints_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    same = edited(tmp_path, KEYOUQIANQI, ("version: ", "# a comment\nversion: "))
    code, out, err = run(capsys, "diff", str(KEYOUQIANQI), str(same))
    assert (code, err) == (0, "")
    assert out == diff(load_policy(KEYOUQIANQI), load_policy(same)).as_text()


def test_an_officer_reads_the_diff_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A deadline shortened from 3 to 2 working days, the version left as it was.
    new = edited(tmp_path, KEYOUQIANQI, ("within: {working_days: 3}", "within: {working_days: 2}"))
    code, hant, _ = run(capsys, "diff", str(KEYOUQIANQI), str(new), "--lang", "zh-Hant")
    _, hans, _ = run(capsys, "diff", str(KEYOUQIANQI), str(new), "--lang", "zh-hans")
    _, english, _ = run(capsys, "diff", str(KEYOUQIANQI), str(new), "--lang", "en")
    assert code == 1
    head = hant.splitlines()
    assert head[0].endswith(
        "項影響決定的變更;兩版各決定了 " + english.split("; ")[1].split()[0] + " 類投訴"
    )
    assert head[1].startswith("(一類投訴是規則會區分的一種渠道、類別、級別")
    assert head[2].startswith("警告:內容改了,但版本號仍是")
    assert "決定不同:" in hant and "類投訴中有" in hant
    assert "决定不同:" in hans and "警告:内容改了,但版本号仍是" in hans
    # The English report is as it always was.
    assert "behavioural change(s)" in english and "warning: the content changed" in english
    assert "decided differently: " in english
    for words in ("behavioural", "warning:", "decided differently", "kinds of complaint"):
        assert words not in hant and words not in hans


HOTEL = ROOT / "policies" / "hotel.yaml"
HOTEL_EXAMPLE = (
    '  例子:{"received_at": "2026-03-10T10:00:00+08:00", "channel": "oral", '
    '"category": "hardware", "level": "minor", "guest_departed": true}'
)


def test_an_officer_reads_each_change_of_the_diff_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The hotel's limit for a departed guest shortened from 3 working days to 2: a
    # complaint received on Tue 2026-03-10 was due by the end of Fri 13 March, now of
    # Thu 12 March.
    new = edited(tmp_path, HOTEL, ("within: {working_days: 3}", "within: {working_days: 2}"))
    head = (
        "resolve_within_3_working_days 從受理投訴到最終處理,不得超過三個工作日 "
        "[departed_guest_limit · 三、4、4)]"
    )
    code, hant, _ = run(capsys, "diff", str(HOTEL), str(new), "--lang", "zh-Hant")
    assert code == 1
    assert hant.split("\n\n")[1] == "\n".join(
        [
            f"時限 {head}:修改",
            "  期限:3 個工作日 → 2 個工作日",
            "  在:事實 已離店客人 (guest_departed):是",
            "  決定不同:15 類投訴中有 5 類",
            HOTEL_EXAMPLE,
            "    舊版:須於 2026-03-13 24時前完成",
            "    新版:須於 2026-03-12 24時前完成\n",
        ]
    )
    _, hans, _ = run(capsys, "diff", str(HOTEL), str(new), "--lang", "zh-Hans")
    # The policy's own words (its labels, the article) stay as the policy writes them.
    assert hans.split("\n\n")[1] == "\n".join(
        [
            f"时限 {head}:修改",
            "  期限:3 个工作日 → 2 个工作日",
            "  在:事实 已離店客人 (guest_departed):是",
            "  决定不同:15 类投诉中有 5 类",
            HOTEL_EXAMPLE,
            "    旧版:须于 2026-03-13 24时前完成",
            "    新版:须于 2026-03-12 24时前完成\n",
        ]
    )
    _, english, _ = run(capsys, "diff", str(HOTEL), str(new))
    assert english.split("\n\n")[1] == "\n".join(
        [
            f"deadline {head}: changed",
            "  within: 3 working days → 2 working days",
            "  where: fact 已離店客人 (guest_departed): true",
            "  decided differently: 5 of 15 kinds of complaint",
            HOTEL_EXAMPLE.replace("例子:", "example: "),
            "    old: due by the end of 2026-03-13 (24:00)",
            "    new: due by the end of 2026-03-12 (24:00)\n",
        ]
    )


def test_a_period_in_calendar_days_is_said_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = edited(tmp_path, HOTEL, ("within: {working_days: 3}", "within: {calendar_days: 3}"))
    _, hant, _ = run(capsys, "diff", str(HOTEL), str(new), "--lang", "zh-Hant")
    assert "  期限:3 個工作日 → 3 日\n" in hant
    _, hans, _ = run(capsys, "diff", str(HOTEL), str(new), "--lang", "zh-Hans")
    assert "  期限:3 个工作日 → 3 日\n" in hans
    assert "calendar days" not in hant + hans and "working days" not in hant + hans
