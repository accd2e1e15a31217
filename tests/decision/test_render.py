"""A decision as text: one line per requirement with its rule and article, the sections in
a fixed order and the empty ones left out."""

from __future__ import annotations

from complaint_rules.decision.render import render_text
from tests.support.decisions import a_decision


def test_every_section_in_order_with_each_element_and_its_source() -> None:
    assert render_text(a_decision()).splitlines() == [
        "p 2026.1 (sha256 0123456789ab…)",
        "收到 received: 2026-09-30T10:00:00+08:00   渠道 櫃面投訴   類別 服務態度   級別 重大投訴",
        "Routing 分工",
        "  - accepts: 櫃面 [r1 · 第一條]",
        "  - handles: 負責人 (重大投訴) [r1 · 第一條]",  # a note in brackets
        "  - investigates: 負責人 或 櫃面 [r1 · 第一條]",  # or_roles: any one of them
        "  - investigates: 稽核部 [r2 · 第二條]",
        "Deadlines 時限",
        # A range (七至十個工作日) shows its window; an estimate says so; a deadline that
        # waits for facts names them.
        "  - 回復: due at the earliest by the end of 2026-10-13 (24:00), "
        "by the end of 2026-10-16 (24:00) [r1 · 第一條]",
        "  - 年報: due by the end of 2027-02-10 (24:00) (estimated) [r2 · 第二條]",
        "  - 離店前解決: needs_fact, waiting for departs_at, checkout_at [r3 · 第三條]",
        "Actions 應辦事項",
        "  - 回訪 — 櫃面、負責人 [r1 · 第一條]",
        "  - 登記 — — [r1 · 第一條]",  # nobody named: a dash
        # Sent to any one of two roles, after an event, permitted (可) rather than required.
        "  - 退回重新處理 — 負責人 → 櫃面 或 稽核部, on rejected (可: discretionary) [r1 · 第一條]",
        "Escalation 上報",
        "  - on deadline_missed (reply): 櫃面 → 負責人: 逾期上報 [r1 · 第一條]",
        "  - on dissatisfied: — → 負責人: 再上報 (可: discretionary) [r1 · 第四條]",
        "Reporting 報告",
        "  - 月報: 櫃面 → 負責人, due by the end of 2026-09-30 (24:00) [r5 · 第五條]",
        "  - 專報: — → 負責人 [r5 · 第五條]",
        # Due counted from a fact, and a report whose start is not given yet.
        "  - 匯報結果: 櫃面 或 稽核部 → 負責人, due by 2026-09-30T11:05:00+08:00 "
        "(from finished_at) [r5 · 第五條]",
        "  - 回訪報告: 櫃面 → 負責人, due from visited_at: not given [r5 · 第五條]",
        "Retention 保存",
        # Counted from a date: kept until that day 5 years on; or waiting for the date.
        "  - 歸檔: at least 5 years, until the end of 2031-10-12 [r6 · 第六條]",
        "  - 副本: 2 years, counted from copied_at: not given [r6 · 第六條]",
        "  - 記錄: no term set [r6 · 第六條]",
        "Penalties 處罰",
        "  - 罰款: 負責人、櫃面, 100 yuan per occurrence × 2 × 3 persons; 警告; 開除 (情節嚴重的); "
        "降級 (not_applicable) [r7 · 第七條]",
        "  - 扣績效: 櫃面, 200.50–2000 yuan per case × 1 [r7 · 第七條]",
        "  - 賠償: —, not configured per case × 1 [r7 · 第七條]",
        "  - 通報: 負責人, no amount per case × 1 [r7 · 第七條]",
        "  - 賠償本息: 櫃面, no amount per case × 1, waiting for loan_yuan [r7 · 第七條]",
        "Approvals 權限",
        # The chain, each step with its limit; a daily limit counts the day's earlier total.
        "  - 賠償審批: 800 yuan → 負責人; chain: 櫃面 (up to 500 yuan, with desk_today_yuan: "
        "1100 yuan) → 負責人 (up to 3000 yuan) → 稽核部 [r8 · 第八條]",
        "  - 大額審批: 5000.00 yuan → not configured; chain: 負責人 (limit not configured) → "
        "稽核部 [r8 · 第八條]",
        "  - 每日簽免: 300 yuan → waiting for desk_today_yuan; chain: 櫃面 (up to 500 yuan, with "
        "desk_today_yuan) → 負責人 [r8 · 第八條]",
        "Conflicts 衝突",
        "  - investigates: 負責人 或 櫃面 [r1 · 第一條] / 稽核部 [r2 · 第二條] — "
        "被投訴單位不得調查自身 [self_investigation · 第一條、第二條]",
        "Pending 待定",
        "  - r9 [r9 · 第九條] needs: vip, amount",
        "Silent or blank in the source 未規定",
        "  - 權限未定 [r8 · 第八條]",
    ]


def test_empty_sections_are_left_out_and_a_missing_level_is_a_dash() -> None:
    empty: dict[str, list[object]] = {
        name: []
        for name in (
            "routing",
            "deadlines",
            "actions",
            "escalations",
            "reports",
            "retention",
            "penalties",
            "approvals",
            "gaps",
            "conflicts",
            "pending_rules",
        )
    }
    assert render_text(a_decision(level=None, **empty)).splitlines() == [
        "p 2026.1 (sha256 0123456789ab…)",
        "收到 received: 2026-09-30T10:00:00+08:00   渠道 櫃面投訴   類別 服務態度   級別 —",
    ]


def test_in_chinese_each_heading_is_the_chinese_word_and_each_phrase_is_chinese() -> None:
    # The same decision in Traditional Chinese: duties 受理/處理/調查, dues 「… 24時前」,
    # money in 元; ids, labels and articles as the policy writes them.
    assert render_text(a_decision(), "zh-Hant").splitlines() == [
        "政策 p 2026.1(sha256 0123456789ab…)",
        "收到:2026-09-30T10:00:00+08:00   渠道 櫃面投訴   類別 服務態度   級別 重大投訴",
        "分工",
        "  - 受理:櫃面 [r1 · 第一條]",
        "  - 處理:負責人(重大投訴) [r1 · 第一條]",
        "  - 調查:負責人 或 櫃面 [r1 · 第一條]",
        "  - 調查:稽核部 [r2 · 第二條]",
        "時限",
        "  - 回復:最早 2026-10-13 24時前,最遲須於 2026-10-16 24時前完成 [r1 · 第一條]",
        "  - 年報:須於 2027-02-10 24時前完成(估算:該年度的節假日安排尚未公布) [r2 · 第二條]",
        "  - 離店前解決:期限要待事實給出方能確定,待 departs_at、checkout_at 給出 [r3 · 第三條]",
        "應辦事項",
        "  - 回訪 — 櫃面、負責人 [r1 · 第一條]",
        "  - 登記 — — [r1 · 第一條]",
        "  - 退回重新處理 — 負責人 → 櫃面 或 稽核部(事件 rejected 之後)(「可」:准許而非必須)"
        " [r1 · 第一條]",
        "上報",
        "  - 時限 reply 逾期時:櫃面 → 負責人:逾期上報 [r1 · 第一條]",
        "  - 事件 dissatisfied 發生時:— → 負責人:再上報(「可」:准許而非必須) [r1 · 第四條]",
        "報告",
        "  - 月報:櫃面 → 負責人,須於 2026-09-30 24時前完成 [r5 · 第五條]",
        "  - 專報:— → 負責人 [r5 · 第五條]",
        "  - 匯報結果:櫃面 或 稽核部 → 負責人,須於 2026-09-30T11:05:00+08:00 前完成(自 "
        "finished_at 起算) [r5 · 第五條]",
        "  - 回訪報告:櫃面 → 負責人,自 visited_at 起算,但尚未給出 [r5 · 第五條]",
        "保存",
        "  - 歸檔:至少保存 5 年,保存至 2031-10-12 24時止 [r6 · 第六條]",
        "  - 副本:保存 2 年,自 copied_at 起算,但尚未給出 [r6 · 第六條]",
        "  - 記錄:來源未規定保存期限 [r6 · 第六條]",
        "處罰",
        "  - 罰款:對象 負責人、櫃面;100 元,每次計,共 2 次,3 人;處分:警告;開除(情節嚴重的);"
        "降級(不適用) [r7 · 第七條]",
        "  - 扣績效:對象 櫃面;200.50至2000 元,每案計,共 1 案 [r7 · 第七條]",
        "  - 賠償:對象 —;金額未設定(來源空白,機構亦未設定),每案計,共 1 案 [r7 · 第七條]",
        "  - 通報:對象 負責人;無金額,每案計,共 1 案 [r7 · 第七條]",
        "  - 賠償本息:對象 櫃面;無金額,每案計,共 1 案,待 loan_yuan 給出 [r7 · 第七條]",
        "審批權限",
        "  - 賠償審批:800 元 → 負責人;審批鏈:櫃面(限額 500 元,連同 desk_today_yuan 合計 1100 元)"
        " → 負責人(限額 3000 元) → 稽核部 [r8 · 第八條]",
        "  - 大額審批:5000.00 元 → 審批限額在來源中空白,機構亦未設定;審批鏈:"
        "負責人(限額未設定) → 稽核部 [r8 · 第八條]",
        "  - 每日簽免:300 元 → 待 desk_today_yuan 給出;審批鏈:櫃面(限額 500 元,"
        "須連同 desk_today_yuan 計算) → 負責人 [r8 · 第八條]",
        "職責衝突",
        "  - 調查:負責人 或 櫃面 [r1 · 第一條] / 稽核部 [r2 · 第二條] — "
        "被投訴單位不得調查自身 [self_investigation · 第一條、第二條]",
        "待定的規則",
        "  - r9 [r9 · 第九條] 待給出:vip、amount",
        "來源未規定或空白",
        "  - 權限未定 [r8 · 第八條]",
    ]
    # Simplified Chinese: the fixed words written out in Simplified, labels as written.
    simplified = render_text(a_decision(), "zh-Hans").splitlines()
    assert simplified[0] == "政策 p 2026.1(sha256 0123456789ab…)"
    assert simplified[5] == "  - 调查:負責人 或 櫃面 [r1 · 第一條]"
    assert (
        simplified[8]
        == "  - 回復:最早 2026-10-13 24时前,最迟须于 2026-10-16 24时前完成 [r1 · 第一條]"
    )
