"""A small policy with a lifecycle, for the tests of case replay, status and layers.

Every expected instant in those tests is worked out by hand from China's official 2026
schedule (National Day Oct 1-7 off, Sat Oct 10 a make-up workday; Mid-Autumn Sep 25-27 off).
The test policy's reply clock runs 5 working days: received Tue Sep 29 it counts Sep 30
(1), Oct 8 (2), Oct 9 (3), Sat Oct 10 (4), Mon Oct 12 (5), due Mon Oct 12 23:59:59.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from complaint_rules import load_policy_text
from complaint_rules.lifecycle.status import CaseStatus, ClockStatus
from tests.support.local_time import CST

POLICY_TEXT = """\
schema: complaint-rules/1
id: lifecycle_test
version: "1"
title: 測試
institution: 測試
source: test
vocabulary:
  roles:
    - {id: desk, label: 櫃面}
    - {id: head, label: 負責人}
  channels: [{id: counter, label: 櫃面投訴}]
  categories: [{id: service, label: 服務}]
  events:
    - {id: replied, label: 回復}
    - {id: hold, label: 暫停}
    - {id: unhold, label: 恢復}
    - {id: extended, label: 延長}
    - {id: reopened, label: 重新受理}
    - {id: checked, label: 核實}
facts:
  - {id: vip, type: bool, default: false, label: 貴賓}
rules:
  - id: reply
    article: 第一條
    deadlines:
      - {id: reply_5wd, label: 回復, within: {working_days: 5}, by: [desk]}
    escalations:
      - id: overdue_to_head
        label: 逾期報告負責人
        on: deadline_missed
        deadline: reply_5wd
        by: [desk]
        to: [head]
    actions:
      - {id: urge, label: 催辦, by: [head]}
      - {id: follow_up, label: 回訪, by: [desk]}
  - id: vip_check
    article: 第二條
    when: {vip: true}
    actions:
      - {id: vip_call, label: 致電貴賓, by: [head]}
lifecycle:
  events:
    - {id: checked, after: [replied], sets: {vip: true}}
  clocks:
    - id: reply
      label: 回復客戶
      article: 第一條
      deadlines: [reply_5wd]
      meets: [replied]
      pauses: [hold]
      resumes: [unhold]
      restarts: [reopened]
      extensions:
        - id: ext_10
          label: 延長至十個工作日
          on: extended
          to: {working_days: 10}
          approvers: [head]
  reminders:
    - {id: urge, article: 第三條, clock: reply, before: {unit: working_days, amount: 1}, to: [desk]}
  duties:
    - {id: follow_up, article: 第四條, after: [replied]}
    - {id: vip_call, article: 第二條}
"""


POLICY = load_policy_text(POLICY_TEXT, file="lifecycle_test.yaml")


RECEIVED = {
    "event": "received",
    "at": "2026-09-29T10:00:00+08:00",
    "complaint": {"channel": "counter", "category": "service"},
}


TICK = timedelta(microseconds=1)


def at(month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, second, tzinfo=CST)


def ev(name: str, when: datetime, **data: Any) -> dict[str, Any]:
    return {"event": name, "at": when.isoformat(), **data}


def clock(result: CaseStatus, clock_id: str = "reply") -> ClockStatus:
    (found,) = [c for c in result.clocks if c.id == clock_id]
    return found


def reasons(result: CaseStatus) -> list[tuple[int, str]]:
    return [(r.index, r.reason) for r in result.rejected]


def last_instant(events: list[dict[str, Any]]) -> datetime:
    """The latest aware instant among the events (as given, ISO 8601 text)."""
    instants = [datetime.fromisoformat(e["at"]) for e in events]
    return max(i for i in instants if i.tzinfo is not None)
