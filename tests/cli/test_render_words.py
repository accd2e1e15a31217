"""The text forms of decide, status and duties in the officer's language (``--lang``): the
fixed words from the catalogue, duties and units from the explanation's phrases, the
policy's ids, labels and articles as written; English unchanged."""

from __future__ import annotations

import pytest

from complaint_rules.decision.engine import decide
from complaint_rules.decision.render import render_text
from complaint_rules.policy.catalog import Catalog
from tests.support import ROOT
from tests.support.cli import run

COMPLAINTS = str(ROOT / "examples" / "complaints" / "keyouqianqi_credit_union.json")
CASE = str(ROOT / "examples" / "cases" / "keyouqianqi_credit_union.json")
RECORDS = "受理投訴的所有記錄及有關資料保存完整,建檔、歸檔,以備查閱"
SUMMARY = "各行處會計每月對投訴情況進行匯總、核實、統計分析,月底前上報合行紀檢監察部"


def test_duties_in_traditional_and_simplified_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    # XX銀行 第十條 月底前: Sat 2026-01-31 is a rest day, so Mon 2026-02-02 (民法典 第二百零三條);
    # Sat 2026-02-28 is a make-up workday in the 2026 schedule, so February's stays.
    code, out, err = run(capsys, "--lang", "zh-Hant", "duties", "xx_bank", "--year", "2026")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == (
        f"2026-01-01 至 2026-01-31 monthly_complaint_summary:{SUMMARY} — 各行處會計 → "
        "紀檢監察部;須於 2026-02-02 24時前完成(2026-01-31 為休息日,依民法典 第二百零三條順延) "
        "[第十條]"
    )
    assert lines[1] == (
        f"2026-02-01 至 2026-02-28 monthly_complaint_summary:{SUMMARY} — 各行處會計 → "
        "紀檢監察部;須於 2026-02-28 24時前完成 [第十條]"
    )
    assert lines[12].endswith(";來源未規定日期 [第十條]")
    code, out, _ = run(capsys, "--lang", "zh-Hans", "duties", "xx_bank", "--month", "2026-10")
    # Sat 2026-10-31 is a rest day: Mon 2026-11-02. Labels stay as the policy writes them.
    assert out.splitlines()[0] == (
        f"2026-10-01 至 2026-10-31 monthly_complaint_summary:{SUMMARY} — 各行處會計 → "
        "紀檢監察部;须于 2026-11-02 24时前完成(2026-10-31 为休息日,依民法典 第二百零三條顺延) "
        "[第十條]"
    )
    code, out, _ = run(capsys, "--lang", "zh-Hant", "duties", "hotel", "--month", "2026-10")
    assert (code, out) == (0, "這段期間沒有到期的定期職責\n")


def test_status_in_traditional_and_simplified_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    # Received Tue 2026-09-29 10:00, a letter about a work error: 3 working days, Sep 30,
    # Oct 8 and Oct 9 (Oct 1-7 off), so due by the end of Oct 9 and late from Oct 10 00:00.
    argv = ["status", "keyouqianqi_credit_union", CASE, "--at", "2026-10-12T10:00:00+08:00"]
    code, out, err = run(capsys, "--lang", "zh-Hant", *argv)
    assert (code, err) == (1, "")
    lines = out.splitlines()
    src = "[limit_general 第十一條, keyouqianqi_credit_union]"
    assert lines[:5] == [
        "截至 2026-10-12 10:00:00+08:00:keyouqianqi_credit_union 2026.5(已套用 3 個事件,1 個被拒)",
        f"時鐘 reply 從接到客戶投訴到回復客戶(含回復轉來部門) {src}",
        "  已逾期;期限 3個工作日;截止:2026-10-09 24時前",
        "  自 2026-10-10 00:00:00+08:00 起逾期",
        # Sep 30, Oct 8, 9, 10 (a make-up workday) and Oct 12 until 10:00: 5 working days
        # begun; 13 days of wall time from Sep 29 10:00.
        "  已用 5個工作日 / 實際經過 312 小時 00 分;尚餘 0個工作日 / 實際經過 0 小時 00 分",
    ]
    assert lines[5].startswith("應上報:overrun_general 在規定時限內處理不完的")
    assert lines[5].endswith(
        "→ 投訴受理部門 (acceptance_dept);自 2026-10-10 00:00:00+08:00 起(因事件 "
        f"deadline_missed) {src}"
    )
    assert lines[6].startswith("應辦事項:head_contacts_immediately ")
    assert "來源未規定(時限):第十八條未為再次投訴另定時限" in out
    assert lines[-3].startswith(
        "第 3 個事件不予採用(withdrawal_voluntary,2026-10-08T11:00:00+08:00):"
    )
    assert lines[-2:] == ["下一次狀態變化:—", ""]
    code, out, _ = run(capsys, "--lang", "zh-Hans", *argv)
    assert out.splitlines()[:3] == [
        "截至 2026-10-12 10:00:00+08:00:keyouqianqi_credit_union 2026.5(已套用 3 个事件,1 个被拒)",
        f"时钟 reply 從接到客戶投訴到回復客戶(含回復轉來部門) {src}",
        "  已逾期;期限 3个工作日;截止:2026-10-09 24时前",
    ]
    # English is as it was.
    code, out, _ = run(capsys, "--lang", "en", *argv)
    assert out.splitlines()[2] == (
        "  breached; period 3 working days; due by the end of 2026-10-09 (24:00)"
    )


def test_a_decision_in_traditional_and_simplified_chinese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The first complaint: received Tue 2026-09-29 15:40, 復雜投訴, 7 to 10 working days from
    # Sep 30 (Oct 1-7 off, Sat Oct 10 a make-up workday): Sep 30, Oct 8, 9, 10, 12, 13, 14
    # (the 7th), 15, 16, 19 (the 10th).
    argv = ["decide", "keyouqianqi_credit_union", COMPLAINTS, "--format", "text"]
    code, out, err = run(capsys, "--lang", "zh-Hant", *argv)
    assert (code, err) == (0, "")
    first = out.split("\n\n")[0].splitlines()
    assert first[1] == (
        "收到:2026-09-29T15:40:00+08:00   渠道 上門投訴   類別 服務產品   級別 復雜投訴"
    )
    headings = [line for line in first[2:] if not line.startswith("  - ")]
    assert headings == ["分工", "時限", "應辦事項", "上報", "報告", "保存", "來源未規定或空白"]
    assert "  - 答復:被投訴單位 [flow_in_person · 第十條]" in first
    assert "  - 處理:產品管理部門(以產品管理部門為主) [product_complaints · 第十四條]" in first
    assert (
        "  - 從接到客戶投訴到回復客戶(含回復轉來部門):最早 2026-10-14 24時前,"
        "最遲須於 2026-10-19 24時前完成 [limit_complex · 第十一條]"
    ) in first
    assert (
        "  - 時限 reply_complex 逾期時:被投訴單位 → 投訴受理部門:在規定時限內處理不完的,"
        "向投訴受理部門報告原因,同時向客戶作出說明 [limit_complex · 第十一條]"
    ) in first
    assert first[-3:] == [
        f"  - {RECORDS}:來源未規定保存期限 [confidentiality_and_records · 第六條]",
        "來源未規定或空白",
        f"  - {RECORDS}:來源未規定保存期限 [confidentiality_and_records · 第六條]",
    ]
    code, out, _ = run(capsys, "--lang", "zh-Hans", *argv)
    first = out.split("\n\n")[0].splitlines()
    assert first[1] == (
        "收到:2026-09-29T15:40:00+08:00   渠道 上門投訴   类别 服務產品   级别 復雜投訴"
    )
    assert "  - 答复:被投訴單位 [flow_in_person · 第十條]" in first
    assert (
        "  - 從接到客戶投訴到回復客戶(含回復轉來部門):最早 2026-10-14 24时前,"
        "最迟须于 2026-10-19 24时前完成 [limit_complex · 第十一條]"
    ) in first
    assert first[-1] == f"  - {RECORDS}:来源未规定保存期限 [confidentiality_and_records · 第六條]"


def test_a_decision_carries_the_gap_in_its_own_language_and_english_says_it_in_english(
    capsys: pytest.CaptureFixture[str],
) -> None:
    policy = Catalog().resolve("keyouqianqi_credit_union")
    decision = decide(
        policy,
        {"received_at": "2026-09-29T15:40:00+08:00", "channel": "上門投訴", "category": "服務產品"},
    )
    assert [g.text for g in decision.gaps if g.about == "retention"] == [
        f"{RECORDS}:來源未規定保存期限"
    ]
    text = render_text(decision).splitlines()
    assert text[-2:] == [
        "Silent or blank in the source 未規定",
        f"  - {RECORDS}: the source sets no retention term [confidentiality_and_records · 第六條]",
    ]
    code, out, _ = run(
        capsys, "--lang", "en", "decide", "keyouqianqi_credit_union", COMPLAINTS, "--format", "text"
    )
    assert code == 0
    assert out.split("\n\n")[0].splitlines()[2] == "Routing 分工"
