"""Small policies written for the tests."""

MINI = """\
schema: complaint-rules/1
id: mini
version: "1"
title: 測試辦法
institution: 測試銀行
source: tests
vocabulary:
  roles:
    - {id: desk, label: 櫃面, aliases: [柜面]}
    - {id: head, label: 負責人, aliases: [负责人]}
  channels:
    - {id: counter, label: 櫃面投訴, aliases: [柜面投诉]}
    - {id: phone, label: 電話投訴}
  categories:
    - {id: service, label: 服務態度, aliases: [服务态度]}
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
  - {id: departs_at, type: datetime, label: 離店時間}
  - {id: compensation_yuan, type: decimal, label: 賠償金額}
parameters:
  - {id: head_limit, type: money, label: 負責人權限}
rules:
  - id: always
    article: 第一條
    routing:
      - {duty: accepts, role: desk}
    deadlines:
      - id: reply
        label: 回復
        within: {working_days: 3}
        by: [desk]
    escalations:
      - {id: up, label: 上報, on: deadline_missed, deadline: reply, to: [head], next: top}
      - {id: top, label: 再上報, on: dissatisfied, to: [head]}
  - id: departure
    article: 第二條
    deadlines:
      - {id: before_departure, label: 離店前解決, until: [departs_at]}
  - id: fines
    article: 第三條
    when: {finding: late_opening}
    penalties:
      - id: late_fine
        label: 每次處罰100元
        finding: late_opening
        subjects: [head, desk]
        kind: fine
        amount_yuan: {min: 100, max: "100"}
        sanctions:
          - {sanction: dismissal, when: {serious: true}, condition_text: 情節嚴重的}
  - id: major_only
    article: 第四條
    when: {level: {at_least: major}}
    approvals:
      - id: compensation
        label: 賠償審批
        amount_fact: compensation_yuan
        tiers:
          - {role: head, limit_yuan: {parameter: head_limit}}
        above: [desk]
"""

FASTPATH = """\
schema: complaint-rules/1
id: fastpath
version: "1"
title: 快速路徑測試辦法
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
  findings:
    - {id: late_opening, label: 不按時開門營業}
    - {id: no_badge, label: 未佩戴工牌}
  sanctions:
    - {id: dismissal, label: 開除}
facts:
  - {id: serious, type: bool, label: 情節嚴重}
  - {id: visited_at, type: datetime, label: 上門時間}
parameters:
  - {id: late_fine_yuan, type: money, label: 遲開門罰款}
  - {id: badge_fine_yuan, type: money, label: 工牌罰款}
rules:
  - id: always
    article: 第一條
    routing:
      - {duty: accepts, role: desk}
    deadlines:
      - {id: call_back, label: 回電, within: {hours: 2}, by: [desk]}
      - {id: visit_report, label: 上門後報告, starts: visited_at, within: {calendar_days: 3}}
    reports:
      - {id: report_days, label: 上報, by: [desk], to: [head], due: {working_days: 5}}
      - {id: report_month, label: 月報, to: [head], due: {end_of_month: true}, frequency: monthly}
    penalties:
      - id: late_fine
        label: 遲開門罰款
        finding: late_opening
        subjects: [desk]
        kind: fine
        amount_yuan: {parameter: late_fine_yuan}
        sanctions:
          - {sanction: dismissal, when: {serious: true}, condition_text: 情節嚴重的}
      - id: badge_fine
        label: 工牌罰款
        finding: no_badge
        subjects: [desk]
        kind: fine
        amount_yuan: {parameter: badge_fine_yuan}
  - id: phone_hours
    article: 第二條
    when: {channel: [phone]}
    reports:
      - {id: report_hours, label: 電話上報, to: [head], due: {hours: 36}}
  - id: serious_product
    article: 第三條
    when: {all: [{category: [product]}, {serious: true}]}
    deadlines:
      - {id: fix, label: 整改, within: {working_days: 10}, by: [head]}
"""
"""A policy for what the bundled ones do not exercise: reports due in working days with no
deadline counted in days (so only the report's count meets an unknown year), reports due
in hours (kept per instant), and penalties whose blank amounts add gaps per finding (for
tests/decision/test_fast_decisions.py and test_reference.py)."""


def mini_with_texts() -> str:
    """:data:`MINI` with texts given per language: a deadline's label, a routing note, a
    rule's title, a gap (en and zh-Hans) and a role's label (en only)."""
    text = MINI.replace(
        "    - {id: head, label: 負責人, aliases: [负责人]}\n",
        "    - {id: head, label: {zh-Hant: 負責人, en: Head}, aliases: [负责人]}\n",
    )
    text = text.replace(
        "      - {duty: accepts, role: desk}\n",
        "      - duty: accepts\n"
        "        role: desk\n"
        "        note: {zh-Hant: 當面受理, en: accepted face to face}\n",
        1,
    )
    text = text.replace(
        "        label: 回復\n",
        "        label:\n"
        "          zh-Hant: 回復客戶\n"
        "          zh-Hans: 答复客户\n"
        "          en: Reply\n",
    )
    text = text.replace(
        "        by: [desk]\n    escalations:",
        "        by: [desk]\n"
        "    gaps:\n"
        "      - about: deadline\n"
        "        text:\n"
        "          zh-Hant: 本條未定回訪時間。\n"
        "          zh-Hans: 本条未定回访时间（简体原文）。\n"
        "          en: The article sets no time for the follow-up visit.\n"
        "    escalations:",
    )
    return text.replace(
        "  - id: fines\n    article: 第三條\n",
        "  - id: fines\n    article: 第三條\n    title: {zh-Hant: 罰則, EN: Fines}\n",
    )
