"""The wording of ``diff``'s and ``impact``'s change lines and ``test``'s coverage rows.

By code, in each language; merged into
:data:`complaint_rules.messages.catalogue.MESSAGES`. Ids, labels, numbers and dates are
fields; the English is the reports' wording as scripts match it.
"""

# ruff: noqa: E501  (one message a line per language reads better than split strings)

from __future__ import annotations

from collections.abc import Mapping

from ._lang import Lang

MESSAGES_DIFF: Mapping[str, Mapping[Lang, str]] = {
    "toolkit.space_too_large": {
        "zh-Hant": "{what} 的輸入組合有 {size} 種投訴({factors}),超過上限 {limit};請改為決定一份固定的抽樣(sample=N,--sample N)",
        "zh-Hans": "{what} 的输入组合有 {size} 种投诉({factors}),超过上限 {limit};请改为决定一份固定的抽样(sample=N,--sample N)",
        "en": "the input space of {what} has {size} complaints ({factors}), more than the limit of {limit}; decide a deterministic sample instead (sample=N, --sample N)",
    },
    "diff.none": {
        "zh-Hant": "無",
        "zh-Hans": "无",
        "en": "none",
    },
    "diff.true": {
        "zh-Hant": "是",
        "zh-Hans": "是",
        "en": "true",
    },
    "diff.false": {
        "zh-Hant": "否",
        "zh-Hans": "否",
        "en": "false",
    },
    "diff.sep": {
        "zh-Hant": "、",
        "zh-Hans": "、",
        "en": ", ",
    },
    "diff.clause_sep": {
        "zh-Hant": ";",
        "zh-Hans": ";",
        "en": "; ",
    },
    "diff.not_given": {
        "zh-Hant": "未給出",
        "zh-Hans": "未给出",
        "en": "not given",
    },
    "diff.present": {
        "zh-Hant": "有",
        "zh-Hans": "有",
        "en": "present",
    },
    "diff.absent": {
        "zh-Hant": "沒有",
        "zh-Hans": "没有",
        "en": "absent",
    },
    "diff.every_complaint": {
        "zh-Hant": "每件投訴",
        "zh-Hans": "每件投诉",
        "en": "every complaint",
    },
    "diff.receipt": {
        "zh-Hant": "收到投訴",
        "zh-Hans": "收到投诉",
        "en": "receipt",
    },
    "diff.blank": {
        "zh-Hant": "空白",
        "zh-Hans": "空白",
        "en": "blank",
    },
    "diff.yuan": {
        "zh-Hant": "{amount} 元",
        "zh-Hans": "{amount} 元",
        "en": "{amount} yuan",
    },
    "diff.range": {
        "zh-Hant": "{low}至{high}",
        "zh-Hans": "{low}至{high}",
        "en": "{low}–{high}",
    },
    "diff.unit.minutes": {
        "zh-Hant": "{n} 分鐘",
        "zh-Hans": "{n} 分钟",
        "en": "{n} minutes",
    },
    "diff.unit.hours": {
        "zh-Hant": "{n} 小時",
        "zh-Hans": "{n} 小时",
        "en": "{n} hours",
    },
    "diff.unit.calendar_days": {
        "zh-Hant": "{n} 日",
        "zh-Hans": "{n} 日",
        "en": "{n} calendar days",
    },
    "diff.unit.working_days": {
        "zh-Hant": "{n} 個工作日",
        "zh-Hans": "{n} 个工作日",
        "en": "{n} working days",
    },
    "diff.unit.end_of_month": {
        "zh-Hant": "當月月底",
        "zh-Hans": "当月月底",
        "en": "the end of the month",
    },
    "diff.money.none": {
        "zh-Hant": "無金額",
        "zh-Hans": "无金额",
        "en": "no amount",
    },
    "diff.money.fact": {
        "zh-Hant": "事實 {fact}",
        "zh-Hans": "事实 {fact}",
        "en": "fact {fact}",
    },
    "diff.money.parameter": {
        "zh-Hant": "參數 {id}",
        "zh-Hans": "参数 {id}",
        "en": "parameter {id}",
    },
    "diff.money.parameter_value": {
        "zh-Hant": "參數 {id} ({label}):{value}",
        "zh-Hans": "参数 {id} ({label}):{value}",
        "en": "parameter {id} ({label}): {value}",
    },
    "diff.key.received_at": {
        "zh-Hant": "收件時刻",
        "zh-Hans": "收件时刻",
        "en": "received_at",
    },
    "diff.key.channel": {
        "zh-Hant": "渠道",
        "zh-Hans": "渠道",
        "en": "channel",
    },
    "diff.key.category": {
        "zh-Hant": "類別",
        "zh-Hans": "类别",
        "en": "category",
    },
    "diff.key.level": {
        "zh-Hant": "級別",
        "zh-Hans": "级别",
        "en": "level",
    },
    "diff.key.findings": {
        "zh-Hant": "查明事項",
        "zh-Hans": "查明事项",
        "en": "finding",
    },
    "diff.key.finding": {
        "zh-Hant": "查明事項 {finding}",
        "zh-Hans": "查明事项 {finding}",
        "en": "finding {finding}",
    },
    "diff.key.fact": {
        "zh-Hant": "事實 {fact}",
        "zh-Hans": "事实 {fact}",
        "en": "fact {fact}",
    },
    "diff.where_item": {
        "zh-Hant": "{key}:{values}",
        "zh-Hans": "{key}:{values}",
        "en": "{key}: {values}",
    },
    "diff.instant": {
        "zh-Hant": "{value}({words})",
        "zh-Hans": "{value}({words})",
        "en": "{value} ({words})",
    },
    "diff.instant.2026-03-10T10:00:00+08:00": {
        "zh-Hant": "平常的工作日(週二)",
        "zh-Hans": "平常的工作日(周二)",
        "en": "an ordinary weekday (Tue)",
    },
    "diff.instant.2026-09-30T16:00:00+08:00": {
        "zh-Hant": "國慶節前一天(10月1日至7日放假)",
        "zh-Hans": "国庆节前一天(10月1日至7日放假)",
        "en": "the day before National Day (Oct 1-7 off)",
    },
    "diff.instant.2026-09-20T10:00:00+08:00": {
        "zh-Hant": "調休上班日(週日)",
        "zh-Hans": "调休上班日(周日)",
        "en": "a make-up workday (Sun)",
    },
    "diff.instant.2026-07-31T10:00:00+08:00": {
        "zh-Hant": "月底(週五)",
        "zh-Hans": "月底(周五)",
        "en": "a month end (Fri)",
    },
    "diff.instant.2025-12-31T10:00:00+08:00": {
        "zh-Hant": "年底(週三,元旦前)",
        "zh-Hans": "年底(周三,元旦前)",
        "en": "a year end (Wed, before New Year)",
    },
    "diff.kind.rule": {
        "zh-Hant": "規則",
        "zh-Hans": "规则",
        "en": "rule",
    },
    "diff.kind.deadline": {
        "zh-Hant": "時限",
        "zh-Hans": "时限",
        "en": "deadline",
    },
    "diff.kind.action": {
        "zh-Hant": "應辦事項",
        "zh-Hans": "应办事项",
        "en": "action",
    },
    "diff.kind.escalation": {
        "zh-Hant": "上報",
        "zh-Hans": "上报",
        "en": "escalation",
    },
    "diff.kind.report": {
        "zh-Hant": "報告",
        "zh-Hans": "报告",
        "en": "report",
    },
    "diff.kind.retention": {
        "zh-Hant": "保存",
        "zh-Hans": "保存",
        "en": "retention",
    },
    "diff.kind.penalty": {
        "zh-Hant": "處罰",
        "zh-Hans": "处罚",
        "en": "penalty",
    },
    "diff.kind.approval": {
        "zh-Hant": "審批",
        "zh-Hans": "审批",
        "en": "approval",
    },
    "diff.kind.sanction": {
        "zh-Hant": "處分",
        "zh-Hans": "处分",
        "en": "sanction",
    },
    "diff.kind.role": {
        "zh-Hant": "角色",
        "zh-Hans": "角色",
        "en": "role",
    },
    "diff.kind.channel": {
        "zh-Hant": "渠道",
        "zh-Hans": "渠道",
        "en": "channel",
    },
    "diff.kind.category": {
        "zh-Hant": "類別",
        "zh-Hans": "类别",
        "en": "category",
    },
    "diff.kind.level": {
        "zh-Hant": "級別",
        "zh-Hans": "级别",
        "en": "level",
    },
    "diff.kind.finding": {
        "zh-Hant": "查明事項",
        "zh-Hans": "查明事项",
        "en": "finding",
    },
    "diff.kind.event": {
        "zh-Hant": "事件",
        "zh-Hans": "事件",
        "en": "event",
    },
    "diff.kind.fact": {
        "zh-Hant": "事實",
        "zh-Hans": "事实",
        "en": "fact",
    },
    "diff.kind.parameter": {
        "zh-Hant": "參數",
        "zh-Hans": "参数",
        "en": "parameter",
    },
    "diff.kind.setting": {
        "zh-Hant": "設定",
        "zh-Hans": "设置",
        "en": "setting",
    },
    "diff.kind.text": {
        "zh-Hant": "文字",
        "zh-Hans": "文字",
        "en": "text",
    },
    "diff.kind.classification": {
        "zh-Hant": "分類表",
        "zh-Hans": "分类表",
        "en": "classification",
    },
    "diff.kind.routing": {
        "zh-Hant": "分工",
        "zh-Hans": "分工",
        "en": "routing",
    },
    "diff.kind.gap": {
        "zh-Hant": "來源未規定或空白",
        "zh-Hans": "来源未规定或空白",
        "en": "gap",
    },
    "diff.kind.conflict": {
        "zh-Hant": "職責衝突",
        "zh-Hans": "职责冲突",
        "en": "conflict",
    },
    "diff.change.added": {
        "zh-Hant": "新增",
        "zh-Hans": "新增",
        "en": "added",
    },
    "diff.change.removed": {
        "zh-Hant": "刪除",
        "zh-Hans": "删除",
        "en": "removed",
    },
    "diff.change.changed": {
        "zh-Hant": "修改",
        "zh-Hans": "修改",
        "en": "changed",
    },
    "diff.head": {
        "zh-Hant": "{name}{source}:{change}",
        "zh-Hans": "{name}{source}:{change}",
        "en": "{name}{source}: {change}",
    },
    "diff.field": {
        "zh-Hant": "{name}:{old} → {new}",
        "zh-Hans": "{name}:{old} → {new}",
        "en": "{name}: {old} → {new}",
    },
    "diff.said": {
        "zh-Hant": "{name}:{value}",
        "zh-Hans": "{name}:{value}",
        "en": "{name}: {value}",
    },
    "diff.applies_to": {
        "zh-Hant": "適用於:{condition}",
        "zh-Hans": "适用于:{condition}",
        "en": "applies to: {condition}",
    },
    "diff.routing": {
        "zh-Hant": "分工:{routing}",
        "zh-Hans": "分工:{routing}",
        "en": "routing: {routing}",
    },
    "diff.routing_change": {
        "zh-Hant": "分工:{old} → {new}",
        "zh-Hans": "分工:{old} → {new}",
        "en": "routing: {old} → {new}",
    },
    "diff.routing_item": {
        "zh-Hant": "{duty}:{role}",
        "zh-Hans": "{duty}:{role}",
        "en": "{duty}: {role}",
    },
    "diff.or_roles": {
        "zh-Hant": "或 {roles}",
        "zh-Hans": "或 {roles}",
        "en": " or {roles}",
    },
    "diff.note": {
        "zh-Hant": "({note})",
        "zh-Hans": "({note})",
        "en": " ({note})",
    },
    "diff.gaps": {
        "zh-Hant": "缺口:{old} → {new}",
        "zh-Hans": "缺口:{old} → {new}",
        "en": "gaps: {old} → {new}",
    },
    "diff.condition_unchanged": {
        "zh-Hant": "條件沒有改({condition}),但它所檢查的內容改了",
        "zh-Hans": "条件没有改({condition}),但它所检查的内容改了",
        "en": "condition unchanged ({condition}); what it tests changed",
    },
    "diff.reads_parameter": {
        "zh-Hant": "讀取的參數 {param} 改了",
        "zh-Hans": "读取的参数 {param} 改了",
        "en": "reads parameter {param}, which changed",
    },
    "diff.counted_with.calendar": {
        "zh-Hant": "以改過的日曆(calendar)計算",
        "zh-Hans": "以改过的日历(calendar)计算",
        "en": "counted with the changed calendar",
    },
    "diff.counted_with.timezone": {
        "zh-Hant": "以改過的時區(timezone)計算",
        "zh-Hans": "以改过的时区(timezone)计算",
        "en": "counted with the changed timezone",
    },
    "diff.unexplained": {
        "zh-Hant": "本身沒有改,但決定不同了",
        "zh-Hans": "本身没有改,但决定不同了",
        "en": "decided differently, though its own model is unchanged",
    },
    "diff.conflict": {
        "zh-Hant": "{duty}:{roles} 不能同時承擔({text})",
        "zh-Hans": "{duty}:{roles} 不能同时承担({text})",
        "en": "{duty}: {roles} cannot hold it together ({text})",
    },
    "diff.any_two_roles": {
        "zh-Hant": "任何兩個角色",
        "zh-Hans": "任何两个角色",
        "en": "any two roles",
    },
    "diff.element": {
        "zh-Hant": "{kind} {id} ({label})",
        "zh-Hans": "{kind} {id} ({label})",
        "en": "{kind} {id} ({label})",
    },
    "diff.summary.within": {
        "zh-Hant": "{name}:自{start}起 {period},由 {by} 負責",
        "zh-Hans": "{name}:自{start}起 {period},由 {by} 负责",
        "en": "{name}: {period} from {start}, by {by}",
    },
    "diff.summary.until": {
        "zh-Hant": "{name}:至 {until},由 {by} 負責",
        "zh-Hans": "{name}:至 {until},由 {by} 负责",
        "en": "{name}: until {until}, by {by}",
    },
    "diff.summary.penalty": {
        "zh-Hant": "{name}:查明 {finding} 時,{kind} {money},{per},對象 {subjects}",
        "zh-Hans": "{name}:查明 {finding} 时,{kind} {money},{per},对象 {subjects}",
        "en": "{name}: for {finding}, {kind} {money} per {per}, on {subjects}",
    },
    "diff.summary.escalation": {
        "zh-Hant": "{name}:{on}時 → {to}",
        "zh-Hans": "{name}:{on}时 → {to}",
        "en": "{name}: on {on} → {to}",
    },
    "diff.summary.report": {
        "zh-Hant": "{name}:→ {to}",
        "zh-Hans": "{name}:→ {to}",
        "en": "{name}: → {to}",
    },
    "diff.when": {
        "zh-Hant": "{sanction}({condition}時)",
        "zh-Hans": "{sanction}({condition}时)",
        "en": "{sanction} when {condition}",
    },
    "diff.tier": {
        "zh-Hant": "{role}(限額 {limit})",
        "zh-Hans": "{role}(限额 {limit})",
        "en": "{role} up to {limit}",
    },
    "diff.tier_with": {
        "zh-Hant": "{role}(限額 {limit},連同 {fact})",
        "zh-Hans": "{role}(限额 {limit},连同 {fact})",
        "en": "{role} up to {limit} with {fact}",
    },
    "diff.penalty_kind.fine": {
        "zh-Hant": "罰款",
        "zh-Hans": "罚款",
        "en": "fine",
    },
    "diff.penalty_kind.pay_deduction": {
        "zh-Hant": "扣薪",
        "zh-Hans": "扣薪",
        "en": "pay_deduction",
    },
    "diff.penalty_kind.compensation": {
        "zh-Hant": "賠償",
        "zh-Hans": "赔偿",
        "en": "compensation",
    },
    "diff.penalty_kind.none": {
        "zh-Hant": "無金額處罰",
        "zh-Hans": "无金额处罚",
        "en": "none",
    },
    "diff.per.occurrence": {
        "zh-Hant": "每次",
        "zh-Hans": "每次",
        "en": "occurrence",
    },
    "diff.per.case": {
        "zh-Hant": "每案",
        "zh-Hans": "每案",
        "en": "case",
    },
    "diff.term_example.rules": {
        "zh-Hant": "規則 {rules}",
        "zh-Hans": "规则 {rules}",
        "en": "rules {rules}",
    },
    "diff.term_example.no_rule": {
        "zh-Hant": "沒有規則適用",
        "zh-Hans": "没有规则适用",
        "en": "no rule applies",
    },
    "diff.term_example.refused": {
        "zh-Hant": "不受理:沒有{kind} {id}",
        "zh-Hans": "不受理:没有{kind} {id}",
        "en": "not accepted: no {kind} {id}",
    },
    "diff.row_added": {
        "zh-Hant": "新增分類行 {row}:{condition} → {level}",
        "zh-Hans": "新增分类行 {row}:{condition} → {level}",
        "en": "row {row} added: {condition} → {level}",
    },
    "diff.row_changed": {
        "zh-Hant": "分類行 {row}:{old_condition} → {old_level} 改為 {condition} → {level}",
        "zh-Hans": "分类行 {row}:{old_condition} → {old_level} 改为 {condition} → {level}",
        "en": "row {row}: {old_condition} → {old_level} becomes {condition} → {level}",
    },
    "diff.row_removed": {
        "zh-Hant": "刪除分類行 {row}",
        "zh-Hans": "删除分类行 {row}",
        "en": "row {row} removed",
    },
    "diff.rows_reordered": {
        "zh-Hant": "分類行的次序改為:{rows}",
        "zh-Hans": "分类行的次序改为:{rows}",
        "en": "rows reordered: {rows}",
    },
    "diff.table_added": {
        "zh-Hant": "新增分類表",
        "zh-Hans": "新增分类表",
        "en": "table added",
    },
    "diff.table_removed": {
        "zh-Hant": "刪除分類表",
        "zh-Hans": "删除分类表",
        "en": "table removed",
    },
    "diff.outcome.not_applied": {
        "zh-Hant": "不適用",
        "zh-Hans": "不适用",
        "en": "does not apply",
    },
    "diff.outcome.no_level": {
        "zh-Hant": "沒有級別",
        "zh-Hans": "没有级别",
        "en": "no level",
    },
    "diff.outcome.absent": {
        "zh-Hant": "沒有",
        "zh-Hans": "没有",
        "en": "absent",
    },
    "diff.outcome.row": {
        "zh-Hant": "{level},依分類行 {row}",
        "zh-Hans": "{level},依分类行 {row}",
        "en": "{level}, classified by row {row}",
    },
    "diff.outcome.how.input": {
        "zh-Hant": "{level},由投訴資料給出",
        "zh-Hans": "{level},由投诉资料给出",
        "en": "{level}, input",
    },
    "diff.outcome.how.classified": {
        "zh-Hant": "{level},依分類表",
        "zh-Hans": "{level},依分类表",
        "en": "{level}, classified",
    },
    "diff.outcome.how.default": {
        "zh-Hant": "{level},預設級別",
        "zh-Hans": "{level},默认级别",
        "en": "{level}, default",
    },
    "diff.outcome.against": {
        "zh-Hant": " 對 ",
        "zh-Hans": " 对 ",
        "en": " against ",
    },
    "diff.outcome.assignment": {
        "zh-Hant": "{roles}({rule})",
        "zh-Hans": "{roles}({rule})",
        "en": "{roles} ({rule})",
    },
    "diff.outcome.waits": {
        "zh-Hant": "待 {facts} 給出",
        "zh-Hans": "待 {facts} 给出",
        "en": "waits for {facts}",
    },
    "diff.outcome.not_started": {
        "zh-Hant": "尚未起算(待 {facts} 給出)",
        "zh-Hans": "尚未起算(待 {facts} 给出)",
        "en": "not started (waits for {facts})",
    },
    "diff.outcome.due": {
        "zh-Hant": "須於 {due}完成",
        "zh-Hans": "须于 {due}完成",
        "en": "due {due}",
    },
    "diff.outcome.due_window": {
        "zh-Hant": "最早 {earliest},最遲須於 {due}完成",
        "zh-Hans": "最早 {earliest},最迟须于 {due}完成",
        "en": "due at the earliest {earliest}, {due}",
    },
    "diff.outcome.no_amount_configured": {
        "zh-Hant": "金額未設定",
        "zh-Hans": "金额未设定",
        "en": "amount not configured",
    },
    "diff.outcome.no_amount": {
        "zh-Hant": "無金額",
        "zh-Hans": "无金额",
        "en": "no amount",
    },
    "diff.outcome.persons": {
        "zh-Hant": "{money} × {n} 人",
        "zh-Hans": "{money} × {n} 人",
        "en": "{money} × {n} persons",
    },
    "diff.outcome.money_waits": {
        "zh-Hant": "{money}(待 {facts} 給出)",
        "zh-Hans": "{money}(待 {facts} 给出)",
        "en": "{money} (waits for {facts})",
    },
    "diff.outcome.sanction_status": {
        "zh-Hant": "{id}({status})",
        "zh-Hans": "{id}({status})",
        "en": "{id} ({status})",
    },
    "diff.outcome.status.conditional": {
        "zh-Hant": "視條件",
        "zh-Hans": "视条件",
        "en": "conditional",
    },
    "diff.outcome.status.not_applicable": {
        "zh-Hant": "不適用",
        "zh-Hans": "不适用",
        "en": "not_applicable",
    },
    "diff.outcome.sanctions": {
        "zh-Hant": ";處分:{items}",
        "zh-Hans": ";处分:{items}",
        "en": "; sanctions: {items}",
    },
    "diff.outcome.penalty": {
        "zh-Hant": "{kind} {money},{per},對象 {subjects}{sanctions}",
        "zh-Hans": "{kind} {money},{per},对象 {subjects}{sanctions}",
        "en": "{kind} {money} per {per}, on {subjects}{sanctions}",
    },
    "diff.outcome.escalation": {
        "zh-Hant": "{trigger}時 → {to}",
        "zh-Hans": "{trigger}时 → {to}",
        "en": "on {trigger} → {to}",
    },
    "diff.outcome.trigger_deadline": {
        "zh-Hant": "{on}({deadline})",
        "zh-Hans": "{on}({deadline})",
        "en": "{on} ({deadline})",
    },
    "diff.outcome.report": {
        "zh-Hant": "{by} → {to}{due}",
        "zh-Hans": "{by} → {to}{due}",
        "en": "{by} → {to}{due}",
    },
    "diff.outcome.report_due": {
        "zh-Hant": ",須於 {due}完成",
        "zh-Hans": ",须于 {due}完成",
        "en": ", due {due}",
    },
    "diff.outcome.report_waits": {
        "zh-Hant": ",待 {facts} 給出後起算",
        "zh-Hans": ",待 {facts} 给出后起算",
        "en": ", due once {facts} is given",
    },
    "diff.outcome.retention": {
        "zh-Hant": "{label}:{term}",
        "zh-Hans": "{label}:{term}",
        "en": "{label}: {term}",
    },
    "diff.outcome.years": {
        "zh-Hant": "{years} 年",
        "zh-Hans": "{years} 年",
        "en": "{years} years",
    },
    "diff.outcome.years_at_least": {
        "zh-Hant": "至少 {years} 年",
        "zh-Hans": "至少 {years} 年",
        "en": "at least {years} years",
    },
    "diff.outcome.no_term": {
        "zh-Hant": "未規定期限",
        "zh-Hans": "未规定期限",
        "en": "no term",
    },
    "diff.outcome.not_configured": {
        "zh-Hant": "未設定",
        "zh-Hans": "未设定",
        "en": "not configured",
    },
    "diff.outcome.limit": {
        "zh-Hant": "{role}(限額 {limit}{total})",
        "zh-Hans": "{role}(限额 {limit}{total})",
        "en": "{role} up to {limit}{total}",
    },
    "diff.outcome.limit_total": {
        "zh-Hant": ",連同 {fact}:{total}",
        "zh-Hans": ",连同 {fact}:{total}",
        "en": " (with {fact}: {total})",
    },
    "diff.outcome.approval": {
        "zh-Hant": "{amount} 元 → {who}(審批鏈:{chain})",
        "zh-Hans": "{amount} 元 → {who}(审批链:{chain})",
        "en": "{amount} yuan → {who} (chain: {chain})",
    },
    "diff.outcome.by": {
        "zh-Hant": "{label}(由 {by})",
        "zh-Hans": "{label}(由 {by})",
        "en": "{label} (by {by})",
    },
    "coverage.row": {
        "zh-Hant": "{policy}:{percent}%({covered}/{total};{kinds})",
        "zh-Hans": "{policy}:{percent}%({covered}/{total};{kinds})",
        "en": "{policy}: {percent}% ({covered}/{total}; {kinds})",
    },
    "coverage.kind": {
        "zh-Hant": "{kind} {covered}/{total}",
        "zh-Hans": "{kind} {covered}/{total}",
        "en": "{kind} {covered}/{total}",
    },
    "coverage.sep": {
        "zh-Hant": ",",
        "zh-Hans": ",",
        "en": ", ",
    },
    "coverage.missed_row": {
        "zh-Hant": "分類行 {row}({article})",
        "zh-Hans": "分类行 {row}({article})",
        "en": "classification row {row} ({article})",
    },
    "coverage.missed_rule": {
        "zh-Hant": "規則 {rule}({article}{layer}):{parts}",
        "zh-Hans": "规则 {rule}({article}{layer}):{parts}",
        "en": "rule {rule} ({article}{layer}): {parts}",
    },
    "coverage.layer": {
        "zh-Hant": ",來自 {layer}",
        "zh-Hans": ",来自 {layer}",
        "en": ", from {layer}",
    },
    "coverage.the_rule": {
        "zh-Hant": "規則本身",
        "zh-Hans": "规则本身",
        "en": "the rule",
    },
    "coverage.part": {
        "zh-Hant": "{kind} {ids}",
        "zh-Hans": "{kind} {ids}",
        "en": "{kind} {ids}",
    },
    "coverage.part_sep": {
        "zh-Hant": ";",
        "zh-Hans": ";",
        "en": "; ",
    },
    "impact.old": {
        "zh-Hant": "舊版:{name}",
        "zh-Hans": "旧版:{name}",
        "en": "old:     {name}",
    },
    "impact.new": {
        "zh-Hant": "新版:{name}",
        "zh-Hans": "新版:{name}",
        "en": "new:     {name}",
    },
    "impact.history": {
        "zh-Hant": "歷史:{history}",
        "zh-Hans": "历史:{history}",
        "en": "history: {history}",
    },
    "impact.lines_stdin": {
        "zh-Hant": "<標準輸入的各行>",
        "zh-Hans": "<标准输入的各行>",
        "en": "<lines>",
    },
    "impact.version": {
        "zh-Hant": "{policy} {version}(sha256 {sha})",
        "zh-Hans": "{policy} {version}(sha256 {sha})",
        "en": "{policy} {version} (sha256 {sha})",
    },
    "impact.by_receipt": {
        "zh-Hant": "{policy} 依收件時刻:{each}",
        "zh-Hans": "{policy} 依收件时刻:{each}",
        "en": "{policy} by receipt: {each}",
    },
    "impact.version_from": {
        "zh-Hant": "{version}(sha256 {sha})自 {start} 起",
        "zh-Hans": "{version}(sha256 {sha})自 {start} 起",
        "en": "{version} (sha256 {sha}) from {start}",
    },
    "impact.the_start": {
        "zh-Hant": "最初",
        "zh-Hans": "最初",
        "en": "the start",
    },
    "impact.counts": {
        "zh-Hant": "共 {lines} 行,{complaints} 件投訴,已決定 {decided} 件,無效 {bad} 行,決定改變 {changed} 件{percent}",
        "zh-Hans": "共 {lines} 行,{complaints} 件投诉,已决定 {decided} 件,无效 {bad} 行,决定改变 {changed} 件{percent}",
        "en": "lines {lines}, complaints {complaints}, decided {decided}, bad {bad}, changed {changed}{percent}",
    },
    "impact.percent": {
        "zh-Hant": "(佔已決定的 {percent}%)",
        "zh-Hans": "(占已决定的 {percent}%)",
        "en": " ({percent}% of decided)",
    },
    "impact.col.change": {
        "zh-Hant": "改變",
        "zh-Hans": "改变",
        "en": "change",
    },
    "impact.col.subject": {
        "zh-Hant": "對象",
        "zh-Hans": "对象",
        "en": "subject",
    },
    "impact.col.complaints": {
        "zh-Hant": "投訴數",
        "zh-Hans": "投诉数",
        "en": "complaints",
    },
    "impact.col.shift": {
        "zh-Hant": "時間移動",
        "zh-Hans": "时间移动",
        "en": "shift",
    },
    "impact.col.lines": {
        "zh-Hant": "首見行號",
        "zh-Hans": "首见行号",
        "en": "first lines",
    },
    "impact.any": {
        "zh-Hant": "(全部)",
        "zh-Hans": "(全部)",
        "en": "(any)",
    },
    "impact.unchanged": {
        "zh-Hant": "沒有任何決定改變",
        "zh-Hans": "没有任何决定改变",
        "en": "no decision changed",
    },
    "impact.bad_lines": {
        "zh-Hant": "無效的行({bad}):",
        "zh-Hans": "无效的行({bad}):",
        "en": "bad lines ({bad}):",
    },
    "impact.bad_lines_first": {
        "zh-Hant": "無效的行({bad},列出前 {first} 行):",
        "zh-Hans": "无效的行({bad},列出前 {first} 行):",
        "en": "bad lines ({bad}, first {first}):",
    },
    "impact.line": {
        "zh-Hant": "第 {line} 行",
        "zh-Hans": "第 {line} 行",
        "en": "line {line}",
    },
    "impact.line_column": {
        "zh-Hant": "第 {line} 行第 {column} 欄",
        "zh-Hans": "第 {line} 行第 {column} 栏",
        "en": "line {line}, column {column}",
    },
    "impact.where": {
        "zh-Hant": "{where}:{problems}",
        "zh-Hans": "{where}:{problems}",
        "en": "{where}: {problems}",
    },
    "impact.span.days": {
        "zh-Hant": "{n} 天",
        "zh-Hans": "{n} 天",
        "en": "{n} d",
    },
    "impact.span.hours": {
        "zh-Hant": "{n} 小時",
        "zh-Hans": "{n} 小时",
        "en": "{n} h",
    },
    "impact.span.minutes": {
        "zh-Hant": "{n} 分鐘",
        "zh-Hans": "{n} 分钟",
        "en": "{n} min",
    },
    "impact.span.seconds": {
        "zh-Hant": "{n} 秒",
        "zh-Hans": "{n} 秒",
        "en": "{n} s",
    },
    "impact.kind.rejected_now": {
        "zh-Hant": "以前決定,現在不受理",
        "zh-Hans": "以前决定,现在不受理",
        "en": "decided before, rejected now",
    },
    "impact.kind.accepted_now": {
        "zh-Hant": "以前不受理,現在決定",
        "zh-Hans": "以前不受理,现在决定",
        "en": "rejected before, decided now",
    },
    "impact.kind.level_changed": {
        "zh-Hant": "級別改變",
        "zh-Hans": "级别改变",
        "en": "level changed",
    },
    "impact.kind.matched_rules_changed": {
        "zh-Hant": "適用的規則改變",
        "zh-Hans": "适用的规则改变",
        "en": "matched rules changed",
    },
    "impact.kind.deadline_earlier": {
        "zh-Hant": "時限提早",
        "zh-Hans": "时限提早",
        "en": "deadline earlier",
    },
    "impact.kind.deadline_later": {
        "zh-Hant": "時限延後",
        "zh-Hans": "时限延后",
        "en": "deadline later",
    },
    "impact.kind.deadline_added": {
        "zh-Hant": "新增時限",
        "zh-Hans": "新增时限",
        "en": "deadline added",
    },
    "impact.kind.deadline_removed": {
        "zh-Hant": "取消時限",
        "zh-Hans": "取消时限",
        "en": "deadline removed",
    },
    "impact.kind.deadline_changed": {
        "zh-Hant": "時限有其他改變",
        "zh-Hans": "时限有其他改变",
        "en": "deadline changed otherwise",
    },
    "impact.kind.routing_changed": {
        "zh-Hant": "分工改變",
        "zh-Hans": "分工改变",
        "en": "routing changed",
    },
    "impact.kind.escalations_changed": {
        "zh-Hant": "上報改變",
        "zh-Hans": "上报改变",
        "en": "escalations changed",
    },
    "impact.kind.penalty_added": {
        "zh-Hant": "新增處罰",
        "zh-Hans": "新增处罚",
        "en": "penalty added",
    },
    "impact.kind.penalty_removed": {
        "zh-Hant": "取消處罰",
        "zh-Hans": "取消处罚",
        "en": "penalty removed",
    },
    "impact.kind.penalty_range_changed": {
        "zh-Hant": "處罰金額改變",
        "zh-Hans": "处罚金额改变",
        "en": "penalty range changed",
    },
    "impact.kind.sanctions_changed": {
        "zh-Hant": "處分改變",
        "zh-Hans": "处分改变",
        "en": "sanctions changed",
    },
    "impact.kind.actions_changed": {
        "zh-Hant": "應辦事項改變",
        "zh-Hans": "应办事项改变",
        "en": "actions changed",
    },
    "impact.kind.reports_changed": {
        "zh-Hant": "報告改變",
        "zh-Hans": "报告改变",
        "en": "reports changed",
    },
    "impact.kind.retention_changed": {
        "zh-Hant": "保存改變",
        "zh-Hans": "保存改变",
        "en": "retention changed",
    },
    "impact.kind.approvals_changed": {
        "zh-Hant": "審批改變",
        "zh-Hans": "审批改变",
        "en": "approvals changed",
    },
    "impact.kind.gaps_changed": {
        "zh-Hant": "來源未規定或空白之處改變",
        "zh-Hans": "来源未规定或空白之处改变",
        "en": "gaps changed",
    },
    "impact.kind.conflicts_changed": {
        "zh-Hant": "職責衝突改變",
        "zh-Hans": "职责冲突改变",
        "en": "conflicts changed",
    },
    "impact.kind.pending_rules_changed": {
        "zh-Hant": "待定的規則改變",
        "zh-Hans": "待定的规则改变",
        "en": "pending rules changed",
    },
    "impact.kind.other": {
        "zh-Hant": "只有文字或來源改變",
        "zh-Hans": "只有文字或来源改变",
        "en": "only wording or sources changed",
    },
}
