"""A small policy with escalation chains and routing, for the graph tests and the graph command."""

from __future__ import annotations

SMALL = """\
schema: complaint-rules/1
id: small
version: "1"
title: 小辦法
institution: 小銀行
source: tests
vocabulary:
  roles:
    - {id: desk, label: 櫃面}
    - {id: head, label: 負責人, reports_to: boss}
    - {id: boss, label: 行長}
  channels:
    - {id: counter, label: 櫃面投訴}
    - {id: phone, label: 電話投訴}
  categories:
    - {id: service, label: 服務態度}
  levels:
    - {id: minor, label: 輕微}
    - {id: major, label: 重大}
  events:
    - {id: dissatisfied, label: 客戶不滿意}
facts:
  - {id: vip, type: bool, label: 貴賓}
  - {id: amount, type: int, label: 金額}
rules:
  - id: intake
    article: 第一條
    title: 櫃面受理
    when: {channel: counter}
    routing:
      - {duty: accepts, role: desk}
      - {duty: handles, role: head}
    escalations:
      - {id: tell_head, label: 即報負責人, on: received, by: [desk], to: [head]}
  - id: limits
    article: 第二條
    deadlines:
      - {id: reply, label: 回復客戶, within: {working_days: {min: 3, max: 5}}, by: [desk]}
    escalations:
      - {id: up, label: 逾期上報, on: deadline_missed, deadline: reply, by: [desk], to: [head],
         next: top}
      - {id: top, label: 再上報, on: dissatisfied, by: [head], to: [boss]}
    routing:
      - {duty: supervises, role: boss}
"""
