"""A small policy with no lint finding, and the edits that make it trigger one: for the
tests of lint and of the lint command."""

from __future__ import annotations

CLEAN = """\
schema: complaint-rules/1
id: mini
version: "1"
title: 測試辦法
institution: 測試銀行
source: tests
vocabulary:
  roles:
    - {id: desk, label: 櫃面}
    - {id: head, label: 負責人}
  channels:
    - {id: counter, label: 櫃面投訴}
    - {id: phone, label: 電話投訴}
  categories:
    - {id: service, label: 服務態度}
    - {id: product, label: 服務產品}
  levels:
    - {id: minor, label: 輕微投訴}
    - {id: major, label: 重大投訴}
  findings:
    - {id: late_opening, label: 不按時開門營業}
  sanctions:
    - {id: dismissal, label: 開除}
  events:
    - {id: dissatisfied, label: 客戶不滿意}
facts:
  - {id: serious, type: bool, label: 情節嚴重}
rules:
  - id: intake
    article: 第一條
    when: {channel: [counter, phone], category: [service, product], level: [minor, major]}
    routing:
      - {duty: accepts, role: desk}
      - {duty: replies, role: desk}
    deadlines:
      - {id: reply, label: 回復, within: {working_days: 3}, by: [desk]}
    escalations:
      - {id: up, label: 上報, on: dissatisfied, by: [desk], to: [head]}
  - id: fines
    article: 第二條
    when: {finding: late_opening}
    penalties:
      - id: late_fine
        label: 每次處罰100元
        finding: late_opening
        subjects: [head]
        kind: fine
        amount_yuan: {min: 100, max: 100}
        sanctions:
          - {sanction: dismissal, when: {serious: true}, condition_text: 情節嚴重的}
"""


INTAKE_WHEN = (
    "    when: {channel: [counter, phone], category: [service, product], level: [minor, major]}"
)


def edit(old: str, new: str, text: str = CLEAN) -> str:
    """``text`` with its one occurrence of ``old`` replaced."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def add_rule(rule: str, text: str = CLEAN) -> str:
    """``text`` with ``rule`` (YAML, indented as a rule) before the rule ``fines``."""
    return edit("  - id: fines\n", rule + "  - id: fines\n", text)
