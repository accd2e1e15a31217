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
