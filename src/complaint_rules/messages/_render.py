"""The wording of the text forms of a decision, a case's status and the recurring duties.

By code, in each language; merged into
:data:`complaint_rules.messages.catalogue.MESSAGES`. The English texts are the text forms
as they were before they spoke Chinese (scripts and documents match on them): a
heading of a decision stays bilingual in English, and is the Chinese word alone in Chinese.
Ids, labels, dates and numbers are fields; a policy's labels are never translated.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._lang import Lang


def _same(zh_hant: str, zh_hans: str, en: str) -> Mapping[Lang, str]:
    return {"zh-Hant": zh_hant, "zh-Hans": zh_hans, "en": en}


_HEADINGS: Mapping[str, Mapping[Lang, str]] = {
    "render.heading.routing": _same("分工", "分工", "Routing 分工"),
    "render.heading.deadlines": _same("時限", "时限", "Deadlines 時限"),
    "render.heading.actions": _same("應辦事項", "应办事项", "Actions 應辦事項"),
    "render.heading.escalations": _same("上報", "上报", "Escalation 上報"),
    "render.heading.reports": _same("報告", "报告", "Reporting 報告"),
    "render.heading.retention": _same("保存", "保存", "Retention 保存"),
    "render.heading.penalties": _same("處罰", "处罚", "Penalties 處罰"),
    "render.heading.approvals": _same("審批權限", "审批权限", "Approvals 權限"),
    "render.heading.conflicts": _same("職責衝突", "职责冲突", "Conflicts 衝突"),
    "render.heading.pending": _same("待定的規則", "待定的规则", "Pending 待定"),
    "render.heading.gaps": _same(
        "來源未規定或空白", "来源未规定或空白", "Silent or blank in the source 未規定"
    ),
}

_DECISION: Mapping[str, Mapping[Lang, str]] = {
    # The engine's own gap: a record the source says to keep for no term. A decision
    # carries the zh-Hant text (the policy's own language); the text forms say it in theirs.
    "decision.gap.no_retention_term": _same(
        "{label}:來源未規定保存期限",
        "{label}:来源未规定保存期限",
        "{label}: the source sets no retention term",
    ),
    "render.decision.policy": _same(
        "政策 {policy} {version}(sha256 {sha}…)",
        "政策 {policy} {version}(sha256 {sha}…)",
        "{policy} {version} (sha256 {sha}…)",
    ),
    "render.decision.complaint": _same(
        "收到:{received}   渠道 {channel}   類別 {category}   級別 {level}",
        "收到:{received}   渠道 {channel}   类别 {category}   级别 {level}",
        "收到 received: {received}   渠道 {channel}   類別 {category}   級別 {level}",
    ),
    "render.decision.routing": _same(
        "{duty}:{roles}{note} {source}",
        "{duty}:{roles}{note} {source}",
        "{duty}: {roles}{note} {source}",
    ),
    "render.decision.note": _same("({note})", "({note})", " ({note})"),
    "render.decision.deadline_waiting": _same(
        "{label}:{status},待 {facts} 給出 {source}",
        "{label}:{status},待 {facts} 给出 {source}",
        "{label}: {status}, waiting for {facts} {source}",
    ),
    "render.decision.deadline_status.running": _same("計時中", "计时中", "running"),
    "render.decision.deadline_status.needs_fact": _same(
        "期限要待事實給出方能確定", "期限要待事实给出方能确定", "needs_fact"
    ),
    "render.decision.deadline_status.not_started": _same("尚未起算", "尚未起算", "not_started"),
    "render.decision.deadline": _same(
        "{label}:{window}須於 {due}完成{estimated} {source}",
        "{label}:{window}须于 {due}完成{estimated} {source}",
        "{label}: due {window}{due}{estimated} {source}",
    ),
    "render.decision.window": _same(
        "最早 {earliest},最遲", "最早 {earliest},最迟", "at the earliest {earliest}, "
    ),
    "render.decision.estimated": _same(
        "(估算:該年度的節假日安排尚未公布)",
        "(估算:该年度的节假日安排尚未公布)",
        " (estimated)",
    ),
    "render.decision.action": _same(
        "{label} — {by}{to}{on}{may} {source}",
        "{label} — {by}{to}{on}{may} {source}",
        "{label} — {by}{to}{on}{may} {source}",
    ),
    "render.decision.to": _same(" → {to}", " → {to}", " → {to}"),
    "render.decision.on": _same("(事件 {on} 之後)", "(事件 {on} 之后)", ", on {on}"),
    "render.decision.may": _same(
        "(「可」:准許而非必須)", "(「可」:准许而非必须)", " (可: discretionary)"
    ),
    "render.decision.escalation": _same(
        "{trigger}時:{by} → {to}:{label}{may} {source}",
        "{trigger}时:{by} → {to}:{label}{may} {source}",
        "{trigger}: {by} → {to}: {label}{may} {source}",
    ),
    "render.decision.trigger": _same("事件 {on} 發生", "事件 {on} 发生", "on {on}"),
    "render.decision.trigger.received": _same("收到投訴", "收到投诉", "on received"),
    "render.decision.trigger.missed": _same(
        "時限 {deadline} 逾期", "时限 {deadline} 逾期", "on deadline_missed ({deadline})"
    ),
    "render.decision.report": _same(
        "{label}:{by} → {to}{due}{may} {source}",
        "{label}:{by} → {to}{due}{may} {source}",
        "{label}: {by} → {to}{due}{may} {source}",
    ),
    "render.decision.report_due": _same(",須於 {due}完成", ",须于 {due}完成", ", due {due}"),
    "render.decision.report_due_from": _same(
        ",須於 {due}完成(自 {start} 起算)",
        ",须于 {due}完成(自 {start} 起算)",
        ", due {due} (from {start})",
    ),
    "render.decision.report_waiting": _same(
        ",自 {facts} 起算,但尚未給出",
        ",自 {facts} 起算,但尚未给出",
        ", due from {facts}: not given",
    ),
    "render.decision.retention": _same(
        "{label}:{term}{until}{waiting} {source}",
        "{label}:{term}{until}{waiting} {source}",
        "{label}: {term}{until}{waiting} {source}",
    ),
    "render.decision.years": _same("保存 {years} 年", "保存 {years} 年", "{years} years"),
    "render.decision.years_at_least": _same(
        "至少保存 {years} 年", "至少保存 {years} 年", "at least {years} years"
    ),
    "render.decision.no_term": _same("來源未規定保存期限", "来源未规定保存期限", "no term set"),
    "render.decision.kept_until": _same(
        ",保存至 {day} 24時止", ",保存至 {day} 24时止", ", until the end of {day}"
    ),
    "render.decision.counted_from": _same(
        ",自 {facts} 起算,但尚未給出",
        ",自 {facts} 起算,但尚未给出",
        ", counted from {facts}: not given",
    ),
    "render.decision.penalty": _same(
        "{label}:對象 {subjects};{money},每{per}計,共 {occurrences} {per}{persons}"
        "{waiting}{sanctions} {source}",
        "{label}:对象 {subjects};{money},每{per}计,共 {occurrences} {per}{persons}"
        "{waiting}{sanctions} {source}",
        "{label}: {subjects}, {money} per {per} × {occurrences}{persons}{waiting}{sanctions} "
        "{source}",
    ),
    "render.decision.per.case": _same("案", "案", "case"),
    "render.decision.per.occurrence": _same("次", "次", "occurrence"),
    "render.decision.persons": _same(",{persons} 人", ",{persons} 人", " × {persons} persons"),
    "render.decision.money_not_configured": _same(
        "金額未設定(來源空白,機構亦未設定)",
        "金额未设定(来源空白,机构亦未设定)",
        "not configured",
    ),
    "render.decision.money_none": _same("無金額", "无金额", "no amount"),
    "render.decision.yuan": _same("{amount} 元", "{amount} 元", "{amount} yuan"),
    "render.decision.yuan_range": _same(
        "{low}至{high} 元", "{low}至{high} 元", "{low}–{high} yuan"
    ),
    "render.decision.waiting": _same(
        ",待 {facts} 給出", ",待 {facts} 给出", ", waiting for {facts}"
    ),
    "render.decision.sanctions": _same(";處分:{items}", ";处分:{items}", "; {items}"),
    "render.decision.sanction_status": _same(
        "{label}({status})", "{label}({status})", "{label} ({status})"
    ),
    "render.decision.sanction.conditional": _same("視條件", "视条件", "conditional"),
    "render.decision.sanction.not_applicable": _same("不適用", "不适用", "not_applicable"),
    "render.decision.approval": _same(
        "{label}:{amount} → {who};審批鏈:{chain} {source}",
        "{label}:{amount} → {who};审批链:{chain} {source}",
        "{label}: {amount} → {who}; chain: {chain} {source}",
    ),
    "render.decision.amount_not_given": _same("未給出金額", "未给出金额", "amount not given"),
    "render.decision.approver_not_configured": _same(
        "審批限額在來源中空白,機構亦未設定",
        "审批限额在来源中空白,机构亦未设定",
        "not configured",
    ),
    "render.decision.approver_waiting": _same(
        "待 {facts} 給出", "待 {facts} 给出", "waiting for {facts}"
    ),
    "render.decision.tier": _same(
        "{role}({limit}{total})", "{role}({limit}{total})", "{role} ({limit}{total})"
    ),
    "render.decision.limit": _same("限額 {limit} 元", "限额 {limit} 元", "up to {limit} yuan"),
    "render.decision.limit_not_configured": _same(
        "限額未設定", "限额未设定", "limit not configured"
    ),
    "render.decision.with_earlier": _same(
        ",須連同 {fact} 計算", ",须连同 {fact} 计算", ", with {fact}"
    ),
    "render.decision.with_earlier_total": _same(
        ",連同 {fact} 合計 {total} 元",
        ",连同 {fact} 合计 {total} 元",
        ", with {fact}: {total} yuan",
    ),
    "render.decision.conflict": _same(
        "{duty}:{assignments} — {text} {source}",
        "{duty}:{assignments} — {text} {source}",
        "{duty}: {assignments} — {text} {source}",
    ),
    "render.decision.pending": _same(
        "{rule} {source} 待給出:{facts}",
        "{rule} {source} 待给出:{facts}",
        "{rule} {source} needs: {facts}",
    ),
}

_STATUS: Mapping[str, Mapping[Lang, str]] = {
    "render.status.head": _same(
        "截至 {at}:{policy} {version}(已套用 {applied} 個事件{rejected}{later})",
        "截至 {at}:{policy} {version}(已套用 {applied} 个事件{rejected}{later})",
        "as of {at}: {policy} {version} ({applied} events applied{rejected}{later})",
    ),
    "render.status.rejected_count": _same(
        ",{count} 個被拒", ",{count} 个被拒", ", {count} rejected"
    ),
    "render.status.later_count": _same(
        ",{count} 個在此時點之後", ",{count} 个在此时点之后", ", {count} later"
    ),
    "render.status.closed": _same("已結案:{at}", "已结案:{at}", "closed {at}"),
    "render.status.clock": _same(
        "時鐘 {id} {label} {source}", "时钟 {id} {label} {source}", "clock {id} {label} {source}"
    ),
    "render.status.clock_state": _same(
        "  {state};期限 {period};截止:{due}{earliest}",
        "  {state};期限 {period};截止:{due}{earliest}",
        "  {state}; period {period}; due {due}{earliest}",
    ),
    "render.status.earliest": _same("(最早 {due})", "(最早 {due})", " (earliest {due})"),
    "render.status.state.not_started": _same("未開始", "未开始", "not_started"),
    "render.status.state.running": _same("計時中", "计时中", "running"),
    "render.status.state.paused": _same("已暫停", "已暂停", "paused"),
    "render.status.state.met": _same("已按時完成", "已按时完成", "met"),
    "render.status.state.breached": _same("已逾期", "已逾期", "breached"),
    "render.status.state.stopped": _same("已停止計時", "已停止计时", "stopped"),
    "render.status.until": _same("至 {facts} 為止", "至 {facts} 为止", "until {facts}"),
    "render.status.until_instant": _same("至某一時點為止", "至某一时点为止", "until an instant"),
    "render.status.needs": _same(
        "  待給出的事實:{facts}", "  待给出的事实:{facts}", "  needs facts: {facts}"
    ),
    "render.status.paused": _same("  自 {at} 起暫停", "  自 {at} 起暂停", "  paused since {at}"),
    "render.status.breached": _same(
        "  自 {at} 起逾期", "  自 {at} 起逾期", "  breached: late from {at}"
    ),
    "render.status.ended": _same(
        "  已於 {at} 因事件 {event} 結束",
        "  已于 {at} 因事件 {event} 结束",
        "  ended {at} by {event}",
    ),
    "render.status.used": _same(
        "  已用 {used};尚餘 {left}", "  已用 {used};尚余 {left}", "  used {used}; left {left}"
    ),
    "render.status.wall": _same(
        "實際經過 {hours} 小時 {minutes} 分",
        "实际经过 {hours} 小时 {minutes} 分",
        "{hours}h{minutes}m wall time",
    ),
    "render.status.extended": _same(
        "  已於 {at} 延長至 {amount}{unit}({id}),由 {by} ({by_id}) 延長 {source}",
        "  已于 {at} 延长至 {amount}{unit}({id}),由 {by} ({by_id}) 延长 {source}",
        "  extended {at} to {amount} {unit} ({id}) by {by} ({by_id}) {source}",
    ),
    "render.status.escalation": _same(
        "應上報:{id} {label} → {to};自 {since} 起(因事件 {on}) {source}",
        "应上报:{id} {label} → {to};自 {since} 起(因事件 {on}) {source}",
        "escalation due: {id} {label} -> {to}; since {since} (on {on}) {source}",
    ),
    "render.status.reminder": _same(
        "應提醒:{id} {label} → {to};自 {since} 起 {source}",
        "应提醒:{id} {label} → {to};自 {since} 起 {source}",
        "reminder due: {id} {label} -> {to}; since {since} {source}",
    ),
    "render.status.owed": _same(
        "應辦{kind}:{id} {label},由 {by} 辦理{to};自 {since} 起{due} {source}",
        "应办{kind}:{id} {label},由 {by} 办理{to};自 {since} 起{due} {source}",
        "owed {kind}: {id} {label} by {by}{to}; since {since}{due} {source}",
    ),
    "render.status.owed.action": _same("事項", "事项", "action"),
    "render.status.owed.report": _same("報告", "报告", "report"),
    "render.status.owed_to": _same(",交 {to}", ",交 {to}", " -> {to}"),
    "render.status.owed_due": _same(";須於 {due}完成", ";须于 {due}完成", "; due {due}"),
    "render.status.overdue": _same(",已逾期", ",已逾期", " OVERDUE"),
    "render.status.gap": _same(
        "來源未規定({about}):{text} {source}",
        "来源未规定({about}):{text} {source}",
        "gap ({about}): {text} {source}",
    ),
    "render.status.rejected": _same(
        "第 {index} 個事件不予採用({event},{at}):{reason}",
        "第 {index} 个事件不予采用({event},{at}):{reason}",
        "rejected event {index} ({event} at {at}): {reason}",
    ),
    "render.status.next": _same("下一次狀態變化:{at}", "下一次状态变化:{at}", "next change: {at}"),
}

_DUTIES: Mapping[str, Mapping[Lang, str]] = {
    "render.duties.line": _same(
        "{start} 至 {end} {id}:{label} — {by} → {to};{when} [{article}]",
        "{start} 至 {end} {id}:{label} — {by} → {to};{when} [{article}]",
        "{start}..{end} {id}: {label} — {by} → {to}; {when} [{article}]",
    ),
    "render.duties.no_date": _same("來源未規定日期", "来源未规定日期", "no date in the source"),
    "render.duties.due": _same("須於 {due}完成", "须于 {due}完成", "due {due}"),
    "render.duties.rolled": _same(
        "({day} 為休息日,依{by}順延)",
        "({day} 为休息日,依{by}顺延)",
        " ({day} is a rest day: moved per {by})",
    ),
    "render.duties.estimated": _same(
        "(估算:該年度的節假日安排尚未公布)",
        "(估算:该年度的节假日安排尚未公布)",
        " (estimated)",
    ),
    "render.duties.none": _same(
        "這段期間沒有到期的定期職責",
        "这段期间没有到期的定期职责",
        "no periodic duty falls in this period",
    ),
}

MESSAGES_RENDER: Mapping[str, Mapping[Lang, str]] = {
    **_HEADINGS,
    **_DECISION,
    **_STATUS,
    **_DUTIES,
}
