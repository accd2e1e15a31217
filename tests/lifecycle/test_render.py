"""A case's status as text: one line per clock, escalation, reminder, owed action, gap and
rejected event, each with the rule and article (and layer) behind it."""

from __future__ import annotations

from typing import Any

from complaint_rules.lifecycle.case import status
from complaint_rules.lifecycle.render import status_text
from complaint_rules.lifecycle.status import CaseStatus
from tests.support.lifecycle_policy import POLICY, RECEIVED, at, ev


def test_a_running_clock_paused_once_and_extended() -> None:
    events = [
        RECEIVED,
        ev("hold", at(9, 30, 15)),
        ev("unhold", at(10, 9, 10)),
        ev("extended", at(10, 9, 11), by="head"),
    ]
    # 10 working days: Sep 30 used before the pause; from Oct 9 (not counted): Oct 10, 12,
    # 13, 14, 15, 16, 19, 20, 21. Used: 1 day; wall time Sep 29 10:00 - Sep 30 15:00 (29 h)
    # and Oct 9 10:00 - 12:00 (2 h). Left: 9 days; Oct 9 12:00 to Oct 22 00:00 (the last
    # day ends at 24:00) is 12 days 12 h. The reminder one working day before is due Oct 21
    # 00:00.
    assert status_text(status(POLICY, events, at(10, 9, 12))) == (
        "as of 2026-10-09 12:00:00+08:00: lifecycle_test 1 (4 events applied)\n"
        "clock reply 回復客戶 [reply 第一條, lifecycle_test]\n"
        "  running; period 10 working days; due by the end of 2026-10-21 (24:00)\n"
        "  used 1 working days / 31h00m wall time; left 9 working days / 300h00m wall time\n"
        "  extended 2026-10-09 11:00:00+08:00 to 10 working days (ext_10) by 負責人 (head) "
        "[lifecycle 第一條, lifecycle_test]\n"
        "next change: 2026-10-21 00:00:00+08:00\n"
    )
    # The same in Chinese: the catalogue's words, units from the explanation's phrases.
    assert status_text(status(POLICY, events, at(10, 9, 12)), "zh-Hant") == (
        "截至 2026-10-09 12:00:00+08:00:lifecycle_test 1(已套用 4 個事件)\n"
        "時鐘 reply 回復客戶 [reply 第一條, lifecycle_test]\n"
        "  計時中;期限 10個工作日;截止:2026-10-21 24時前\n"
        "  已用 1個工作日 / 實際經過 31 小時 00 分;尚餘 9個工作日 / 實際經過 300 小時 00 分\n"
        "  已於 2026-10-09 11:00:00+08:00 延長至 10個工作日(ext_10),由 負責人 (head) 延長 "
        "[lifecycle 第一條, lifecycle_test]\n"
        "下一次狀態變化:2026-10-21 00:00:00+08:00\n"
    )


def test_a_late_reply_its_escalation_the_action_it_makes_owed_and_a_rejected_event() -> None:
    events = [
        RECEIVED,
        ev("replied", at(10, 13, 9)),
        ev("received", at(10, 14, 9), complaint={"channel": "counter", "category": "service"}),
    ]
    # Due by the end of Mon Oct 12 (Sep 30, Oct 8, 9, 10, 12), late from Oct 13 00:00;
    # replied Tue Oct 13 09:00: used
    # Sep 30, Oct 8, 9, 10, 12, 13 (6 days) and 14 days less an hour (335 h); nothing left.
    assert status_text(status(POLICY, events, at(10, 20))) == (
        "as of 2026-10-20 00:00:00+08:00: lifecycle_test 1 (2 events applied, 1 rejected)\n"
        "clock reply 回復客戶 [reply 第一條, lifecycle_test]\n"
        "  breached; period 5 working days; due by the end of 2026-10-12 (24:00)\n"
        "  breached: late from 2026-10-13 00:00:00+08:00\n"
        "  ended 2026-10-13 09:00:00+08:00 by replied\n"
        "  used 6 working days / 335h00m wall time; left —\n"
        "escalation due: overdue_to_head 逾期報告負責人 -> 負責人 (head); since "
        "2026-10-13 00:00:00+08:00 (on deadline_missed) [reply 第一條, lifecycle_test]\n"
        "owed action: follow_up 回訪 by 櫃面 (desk); since 2026-10-13 09:00:00+08:00 "
        "[reply 第四條, lifecycle_test]\n"
        "rejected event 2 (received at 2026-10-14T09:00:00+08:00): the case was already "
        "received at 2026-09-29T10:00:00+08:00\n"
        "next change: —\n"
    )


def src(rule: str, article: str, policy: str = "p") -> dict[str, Any]:
    return {"rule": rule, "article": article, "policy": policy, "verification": None}


def a_clock(**fields: Any) -> dict[str, Any]:
    clock: dict[str, Any] = {
        "id": "c",
        "label": "時限",
        "state": "running",
        "deadline": None,
        "unit": "working_days",
        "amount": 5,
        "amount_min": None,
        "started_at": "2026-09-29T10:00:00+08:00",
        "due": None,
        "due_earliest": None,
        "paused_since": None,
        "breached_at": None,
        "ended_at": None,
        "ended_by": None,
        "used": None,
        "left": None,
        "extensions": [],
        "needs": [],
        "estimated": False,
        "source": src("lifecycle", "第一條"),
        "transitions": [],
    }
    return {**clock, **fields}


DESK = {"id": "desk", "label": "櫃面"}
HEAD = {"id": "head", "label": "負責人"}


def test_every_other_line_a_status_can_have() -> None:
    written = CaseStatus.model_validate(
        {
            "policy": {
                "id": "p",
                "version": "2",
                "sha256": "0" * 64,
                "calendar": "c" * 64,
                "timezone": "Asia/Shanghai",
                "opencc": "1.1.9",
                "layers": [],
            },
            "at": "2026-10-09T12:00:00+08:00",
            "received_at": "2026-09-29T10:00:00+08:00",
            "closed_at": "2026-10-09T11:00:00+08:00",
            "clocks": [
                # A range (七至十個工作日), its earliest due; facts it needs.
                a_clock(
                    id="range",
                    amount=10,
                    amount_min=7,
                    due={"last_day": "2026-10-16", "late_from": "2026-10-17T00:00:00+08:00"},
                    due_earliest={
                        "last_day": "2026-10-13",
                        "late_from": "2026-10-14T00:00:00+08:00",
                    },
                    needs=["vip"],
                    used={"day_unit": "working_days", "days": 2, "wall_seconds": None},
                    left={"day_unit": None, "days": None, "wall_seconds": 59},
                ),
                # Until facts not given yet, and until an instant that is known.
                a_clock(id="leave", unit="until", amount=None, needs=["departs_at", "checkout_at"]),
                a_clock(
                    id="stay",
                    unit="until",
                    amount=None,
                    due={"last_day": None, "late_from": "2026-10-10T12:00:00+08:00"},
                ),
                # Paused, with no period known.
                a_clock(
                    id="held",
                    state="paused",
                    unit=None,
                    amount=None,
                    paused_since="2026-10-01T09:30:00+08:00",
                ),
            ],
            "escalations": [],
            "reminders": [
                {
                    "id": "urge",
                    "label": "催辦",
                    "clock": "range",
                    "since": "2026-10-09T00:00:00+08:00",
                    "by": [HEAD],
                    "to": [DESK, HEAD],
                    "source": src("r", "第三條", policy="base"),
                }
            ],
            "owed": [
                {
                    "id": "report",
                    "label": "報告",
                    "kind": "report",
                    "since": "2026-09-29T10:00:00+08:00",
                    "due": {"last_day": "2026-10-08", "late_from": "2026-10-09T00:00:00+08:00"},
                    "overdue": True,
                    "clock": None,
                    "by": [],
                    "to": [HEAD],
                    "source": src("r", "第四條"),
                },
                {
                    "id": "call",
                    "label": "致電",
                    "kind": "action",
                    "since": "2026-09-29T10:00:00+08:00",
                    "due": {"last_day": "2026-10-12", "late_from": "2026-10-13T00:00:00+08:00"},
                    "overdue": False,
                    "clock": "range",
                    "by": [DESK],
                    "to": [],
                    "source": src("r", "第五條"),
                },
            ],
            "gaps": [{"about": "deadline", "text": "未定時限", "source": src("lifecycle", "")}],
            "applied": 3,
            "rejected": [],
            "later": 2,
            "next_change": "2026-10-10T12:00:00.000001+08:00",
        }
    )
    assert status_text(written).splitlines() == [
        "as of 2026-10-09 12:00:00+08:00: p 2 (3 events applied, 2 later)",
        "closed 2026-10-09 11:00:00+08:00",
        "clock range 時限 [lifecycle 第一條, p]",
        "  running; period 7-10 working days; due by the end of 2026-10-16 (24:00) "
        "(earliest by the end of 2026-10-13 (24:00))",
        "  needs facts: vip",
        "  used 2 working days; left 0h00m wall time",
        "clock leave 時限 [lifecycle 第一條, p]",
        "  running; period until departs_at, checkout_at; due —",
        "  used —; left —",
        "clock stay 時限 [lifecycle 第一條, p]",
        "  running; period until an instant; due by 2026-10-10T12:00:00+08:00",
        "  used —; left —",
        "clock held 時限 [lifecycle 第一條, p]",
        "  paused; period —; due —",
        "  paused since 2026-10-01 09:30:00+08:00",
        "  used —; left —",
        "reminder due: urge 催辦 -> 櫃面 (desk), 負責人 (head); since 2026-10-09 "
        "00:00:00+08:00 [r 第三條, base]",
        "owed report: report 報告 by — -> 負責人 (head); since 2026-09-29 10:00:00+08:00; "
        "due by the end of 2026-10-08 (24:00) OVERDUE [r 第四條, p]",
        "owed action: call 致電 by 櫃面 (desk); since 2026-09-29 10:00:00+08:00; due "
        "by the end of 2026-10-12 (24:00) [r 第五條, p]",
        "gap (deadline): 未定時限 [lifecycle , p]",
        "next change: 2026-10-10 12:00:00.000001+08:00",
    ]
    assert status_text(written, "zh-Hant").splitlines() == [
        "截至 2026-10-09 12:00:00+08:00:p 2(已套用 3 個事件,2 個在此時點之後)",
        "已結案:2026-10-09 11:00:00+08:00",
        "時鐘 range 時限 [lifecycle 第一條, p]",
        "  計時中;期限 7至10個工作日;截止:2026-10-16 24時前(最早 2026-10-13 24時前)",
        "  待給出的事實:vip",
        "  已用 2個工作日;尚餘 實際經過 0 小時 00 分",
        "時鐘 leave 時限 [lifecycle 第一條, p]",
        "  計時中;期限 至 departs_at、checkout_at 為止;截止:—",
        "  已用 —;尚餘 —",
        "時鐘 stay 時限 [lifecycle 第一條, p]",
        "  計時中;期限 至某一時點為止;截止:2026-10-10T12:00:00+08:00 前",
        "  已用 —;尚餘 —",
        "時鐘 held 時限 [lifecycle 第一條, p]",
        "  已暫停;期限 —;截止:—",
        "  自 2026-10-01 09:30:00+08:00 起暫停",
        "  已用 —;尚餘 —",
        "應提醒:urge 催辦 → 櫃面 (desk)、負責人 (head);自 2026-10-09 00:00:00+08:00 起 "
        "[r 第三條, base]",
        "應辦報告:report 報告,由 — 辦理,交 負責人 (head);自 2026-09-29 10:00:00+08:00 起;"
        "須於 2026-10-08 24時前完成,已逾期 [r 第四條, p]",
        "應辦事項:call 致電,由 櫃面 (desk) 辦理;自 2026-09-29 10:00:00+08:00 起;"
        "須於 2026-10-12 24時前完成 [r 第五條, p]",
        "來源未規定(時限):未定時限 [lifecycle , p]",
        "下一次狀態變化:2026-10-10 12:00:00.000001+08:00",
    ]
    # Simplified Chinese: the fixed words converted, the policy's labels as written.
    simplified = status_text(written, "zh-Hans").splitlines()
    assert simplified[3] == (
        "  计时中;期限 7至10个工作日;截止:2026-10-16 24时前(最早 2026-10-13 24时前)"
    )
    assert simplified[17] == (
        "应办报告:report 報告,由 — 办理,交 負責人 (head);自 2026-09-29 10:00:00+08:00 起;"
        "须于 2026-10-08 24时前完成,已逾期 [r 第四條, p]"
    )
