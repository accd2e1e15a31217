"""The framing words of an explanation, per language; labels are never translated.

Traditional Chinese is the source language; Simplified Chinese is the Traditional text
converted with OpenCC (:mod:`complaint_rules.messages.simplified`), so it has no table of its own.
English frames the source's labels, each followed by its ASCII id. Templates use
:meth:`str.format` fields; the same fields in every language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["PHRASES", "Phrases", "chinese_number", "english_article"]


@dataclass(frozen=True)
class Phrases:
    """Everything an explanation says in one language, apart from the source's own words."""

    sep: str
    """Between the items of a list of names."""
    any_sep: str
    """Between the names of which any one (not each) is meant: 「或」."""
    clause_sep: str
    """Between reasons or clauses."""
    true: str
    false: str
    none: str
    headings: Mapping[str, str]
    duties: Mapping[str, str]
    units: Mapping[str, str]
    abouts: Mapping[str, str]
    frequencies: Mapping[str, str]
    statuses: Mapping[str, str]
    who: Mapping[str, str]
    t: Mapping[str, str]
    """Templates, by name."""
    unit_space: str = ""
    """Between a number and its unit: none in Chinese (「3個工作日」), a space in English."""

    def period(self, unit: str, low: object, high: object) -> str:
        """A period in words: 「3個工作日」, 「7至10個工作日」, 「當月月底」, "3 working days"."""
        if unit == "end_of_month":
            return self.units[unit]
        number = str(high) if low == high else self.t["range"].format(low=low, high=high)
        return f"{number}{self.unit_space}{self.units[unit]}"


_HEADINGS_ZH = {
    "level": "級別",
    "routing": "分工",
    "deadline": "時限",
    "action": "應辦事項",
    "escalation": "上報",
    "report": "報告",
    "retention": "保存",
    "penalty": "處罰",
    "approval": "審批權限",
    "gap": "來源未規定或空白",
    "conflict": "職責衝突",
    "pending": "待定的規則",
    "not_applied": "未適用的規則",
}

_HEADINGS_EN = {
    "level": "Level",
    "routing": "Routing",
    "deadline": "Deadlines",
    "action": "Actions",
    "escalation": "Escalations",
    "report": "Reports",
    "retention": "Retention",
    "penalty": "Penalties",
    "approval": "Approvals",
    "gap": "Silent or blank in the source",
    "conflict": "Conflicting assignments",
    "pending": "Pending rules",
    "not_applied": "Rules that did not apply",
}

ZH_HANT = Phrases(
    sep="、",
    any_sep="或",
    clause_sep=";",
    true="是",
    false="否",
    none="無",
    headings=_HEADINGS_ZH,
    duties={
        "accepts": "受理",
        "handles": "處理",
        "first_responsible": "第一責任",
        "assists": "協助",
        "coordinates": "協調",
        "supervises": "監督",
        "replies": "答復",
        "investigates": "調查",
        "decides": "決定",
    },
    units={
        "minutes": "分鐘",
        "hours": "小時",
        "calendar_days": "日",
        "working_days": "個工作日",
        "end_of_month": "當月月底",
    },
    abouts={
        "deadline": "時限",
        "routing": "分工",
        "penalty": "處罰",
        "retention": "保存",
        "amount": "金額",
        "level": "級別",
        "other": "其他",
    },
    frequencies={"once": "", "monthly": ",每月", "periodic": ",定期"},
    statuses={"applies": "適用", "conditional": "視條件", "not_applicable": "不適用"},
    who={"rule": "本規則", "row": "該行"},
    t={
        "source": " [{rule} · {article}]",
        "term": "{label} ({id})",
        "range": "{low}至{high}",
        "policy": "政策 {id} {version}:{institution}《{title}》",
        "layers": ";層級:{layers}",
        "complaint": "投訴於 {received} 收到;渠道 {channel};類別 {category};調查認定:{findings}",
        "as_of": ";以 {at} 為判斷時點",
        "facts_given": ";已給出的事實:{facts}",
        "fact_value": "{fact} 為 {value}",
        "count": " ×{n}",
        "summary": "適用的規則 {matched} 條,待定 {pending} 條,不適用 {other} 條",
        # level and classification
        "level_input": "級別 {level}:由投訴資料給出",
        "level_missing": "投訴資料未給出級別",
        "level_row": "級別 {level}:分類表中第一個符合的是 {row} 行({parts})",
        "row_not_matched": "分類表 {row} 行不符合:{reasons}",
        "level_default": "級別 {level}:分類表沒有符合的行,取預設級別",
        "level_none": "分類表沒有符合的行,投訴沒有級別(見「來源未規定或空白」)",
        # elements
        "routing": "{duty}:{role}{note}",
        "note": "({note})",
        "by": ",由 {by} 負責",
        "due": "{label}:須於 {due}完成{by}({period},自{start} {started} 起算)",
        "due_range": (
            "{label}:最早 {earliest},最遲須於 {due}完成{by}({period},自{start} {started} 起算)"
        ),
        "due_until": "{label}:須於 {due}完成{by}(以 {facts} 中最早者為準)",
        "needs_fact": "{label}:待 {facts} 給出後方能確定期限{by}",
        "not_started": "{label}:{period},自 {start} 起算,但該事實尚未給出{by}",
        "received": "收到投訴",
        "estimated": "(估算:該年度的節假日安排尚未公布)",
        "overdue": ",於 {at} 已逾期",
        "action": "{label}{on}{by}{to}{deadline}{may}",
        "action_on": "({event}時)",
        "action_to": ",交 {to}",
        "action_deadline": "(時限 {deadline})",
        "may": "(「可」:准許而非必須)",
        "escalation": "{label}:{trigger}時,上報 {to}{by}{next}{may}",
        "on_received": "收到投訴",
        "on_missed": "時限 {deadline} 逾期",
        "next": ",下一步 {next}",
        "report": "{label}:報 {to}{by}{frequency}{due}{may}",
        "report_due": ",須於 {due}",
        "report_due_from": ",須於 {due}(自 {start} 起算)",
        "report_waiting": ",自 {start} 起算,但該事實尚未給出",
        "retention": "{label}:{term}{by}",
        "years": "保存 {years} 年",
        "years_at_least": "至少保存 {years} 年",
        "kept_until": ",至 {day} 24時止",
        "no_term": "來源未規定保存期限",
        "penalty": "{label}:調查認定 {finding}{count}{roles};對象 {subjects};{money}{sanctions}",
        "roles_involved": ",涉及 {roles}",
        "money_not_configured": "金額未設定(來源空白,機構亦未設定)",
        "money_none": "無金額",
        "yuan": "{amount} 元",
        "per_occurrence": "每次 {money},共 {n} 次,合計 {total}",
        "per_case": "每案 {money}",
        "per_person_occurrence": "每人每次 {money},共 {n} 次、{persons} 人,合計 {total}",
        "per_person_case": "每人 {money},共 {persons} 人,合計 {total}",
        "money_waiting": "金額待 {facts} 給出",
        "amount_fact": "(金額為案件事實 {fact})",
        "sanctions": ";處分:{items}",
        "sanction": "{sanction}({status})",
        "sanction_conditional": "{sanction}(視條件:{condition})",
        "approval": "{label}:金額 {amount},由 {approver} 審批",
        "approval_no_amount": "{label}:未給出金額 {fact},無法確定審批人",
        "approval_not_configured": "{label}:金額 {amount};審批限額在來源中空白,機構亦未設定",
        "approval_waiting": "{label}:金額 {amount};待 {facts} 給出方能確定審批人",
        "approval_chain": ";審批鏈:{chain}",
        "chain_sep": " → ",
        "tier": "{role}(限額 {limit})",
        "tier_total": "{role}(限額 {limit},連同 {fact} 合計 {total})",
        "tier_earlier": "{role}(限額 {limit},須連同 {fact} 計算)",
        "tier_not_configured": "{role}(限額未設定)",
        "gap": "{about}:{text}",
        "conflict": "{duty}:{assignments} 不能同時承擔:{text}",
        "conflict_item": "{role}{source}",
        "pending": "規則 {rule}{title}待定:{reasons}",
        "not_applied": "規則 {rule}{title}不適用:{reasons}",
        "title": "「{title}」",
        "no_title": " ",
        # reasons
        "fail": "{actual},{who}要求{need}",
        "channel": "渠道是 {value}",
        "category": "類別是 {value}",
        "level": "級別是 {value}",
        "no_level": "投訴沒有級別",
        "findings": "調查認定 {value}",
        "no_findings": "沒有調查認定",
        "fact": "事實 {fact} 為 {value}",
        "fact_default": "事實 {fact} 為 {value}(預設)",
        "fact_not_given": "事實 {fact} 未給出",
        "need_in": "為 {items}",
        "need_in_many": "為 {items} 之一",
        "need_not_in": "不為 {items}",
        "need_at_least": "至少為 {items}",
        "need_at_most": "至多為 {items}",
        "need_eq": "為 {value}",
        "need_compare": " {op} {value}",
        "need_given": "已給出",
        "need_not_given": "未給出",
        "none_of": "以下各項均不成立:{items}",
        "none_known": "以下各項均未確定成立:{items}",
        "excludes": "{who}排除此情形:{inner}",
        "group": "({reasons})",
    },
)

EN = Phrases(
    unit_space=" ",
    sep=", ",
    any_sep=" or ",
    clause_sep="; ",
    true="true",
    false="false",
    none="none",
    headings=_HEADINGS_EN,
    duties={
        "accepts": "accepts",
        "handles": "handles",
        "first_responsible": "first responsible",
        "assists": "assists",
        "coordinates": "coordinates",
        "supervises": "supervises",
        "replies": "replies",
        "investigates": "investigates",
        "decides": "decides",
    },
    units={
        "minutes": "minutes",
        "hours": "hours",
        "calendar_days": "calendar days",
        "working_days": "working days",
        "end_of_month": "the end of the month",
    },
    abouts={
        "deadline": "deadline",
        "routing": "routing",
        "penalty": "penalty",
        "retention": "retention",
        "amount": "amount",
        "level": "level",
        "other": "other",
    },
    frequencies={"once": "", "monthly": ", monthly", "periodic": ", periodically"},
    statuses={
        "applies": "applies",
        "conditional": "conditional",
        "not_applicable": "does not apply",
    },
    who={"rule": "rule", "row": "row"},
    t={
        "source": " [{rule} · {article}]",
        "term": "{label} ({id})",
        "range": "{low}–{high}",
        "policy": "policy {id} {version}: {institution}, {title}",
        "layers": "; layers: {layers}",
        "complaint": (
            "complaint received {received}; channel {channel}; category {category}; "
            "findings: {findings}"
        ),
        "as_of": "; decided as of {at}",
        "facts_given": "; facts given: {facts}",
        "fact_value": "{fact} = {value}",
        "count": " ×{n}",
        "summary": "rules applied: {matched}; pending: {pending}; did not apply: {other}",
        "level_input": "level {level}: given with the complaint",
        "level_missing": "no level given with the complaint",
        "level_row": "level {level}: the first classification row that matches is {row} ({parts})",
        "row_not_matched": "classification row {row} did not match: {reasons}",
        "level_default": "level {level}: no classification row matches; the default level",
        "level_none": (
            "no classification row matches, so the complaint has no level "
            "(see 'Silent or blank in the source')"
        ),
        "routing": "{duty}: {role}{note}",
        "note": " ({note})",
        "by": ", by {by}",
        "due": "{label}: due {due}{by} ({period} from {start} {started})",
        "due_range": (
            "{label}: due at the earliest {earliest}, at the latest {due}{by} "
            "({period} from {start} {started})"
        ),
        "due_until": "{label}: due {due}{by} (the earliest of {facts})",
        "needs_fact": "{label}: set once {facts} is given{by}",
        "not_started": "{label}: {period} from {start}, which is not given yet{by}",
        "received": "receipt",
        "estimated": " (estimated: the year's holiday schedule is not published)",
        "overdue": ", overdue at {at}",
        "action": "{label}{on}{by}{to}{deadline}{may}",
        "action_on": " (on {event})",
        "action_to": ", to {to}",
        "action_deadline": " (deadline {deadline})",
        "may": " (「可」: permitted, not required)",
        "escalation": "{label}: on {trigger}, to {to}{by}{next}{may}",
        "on_received": "receipt",
        "on_missed": "missing deadline {deadline}",
        "next": "; next step {next}",
        "report": "{label}: to {to}{by}{frequency}{due}{may}",
        "report_due": ", due {due}",
        "report_due_from": ", due {due} (from {start})",
        "report_waiting": ", counted from {start}, which is not given yet",
        "retention": "{label}: {term}{by}",
        "years": "kept for {years} years",
        "years_at_least": "kept for at least {years} years",
        "kept_until": ", until the end of {day}",
        "no_term": "the source sets no retention term",
        "penalty": (
            "{label}: finding {finding}{count}{roles}; subjects {subjects}; {money}{sanctions}"
        ),
        "roles_involved": ", roles involved {roles}",
        "money_not_configured": "amount not configured (blank in the source and not set)",
        "money_none": "no amount",
        "yuan": "{amount} yuan",
        "per_occurrence": "{money} per occurrence × {n} = {total}",
        "per_case": "{money} per case",
        "per_person_occurrence": (
            "{money} per person per occurrence × {n} occurrences × {persons} persons = {total}"
        ),
        "per_person_case": "{money} per person × {persons} persons = {total}",
        "money_waiting": "amount set once {facts} is given",
        "amount_fact": " (the amount is the fact {fact})",
        "sanctions": "; sanctions: {items}",
        "sanction": "{sanction} ({status})",
        "sanction_conditional": "{sanction} (conditional: {condition})",
        "approval": "{label}: {amount}, approved by {approver}",
        "approval_no_amount": "{label}: the amount {fact} is not given, so no approver is named",
        "approval_not_configured": (
            "{label}: {amount}; the approval limits are blank in the source and not configured"
        ),
        "approval_waiting": "{label}: {amount}; the approver is known once {facts} is given",
        "approval_chain": "; chain: {chain}",
        "chain_sep": " → ",
        "tier": "{role} (up to {limit})",
        "tier_total": "{role} (up to {limit}, with {fact}: {total})",
        "tier_earlier": "{role} (up to {limit}, counted with {fact})",
        "tier_not_configured": "{role} (limit not configured)",
        "gap": "{about}: {text}",
        "conflict": "{duty}: {assignments} cannot both hold it: {text}",
        "conflict_item": "{role}{source}",
        "pending": "rule {rule}{title} is pending: {reasons}",
        "not_applied": "rule {rule}{title} did not apply: {reasons}",
        "title": " ({title})",
        "no_title": "",
        "fail": "{actual}, {who} needs {need}",
        "channel": "channel is {value}",
        "category": "category is {value}",
        "level": "level is {value}",
        "no_level": "the complaint has no level",
        "findings": "findings are {value}",
        "no_findings": "no finding",
        "fact": "fact {fact} is {value}",
        "fact_default": "fact {fact} is {value} (default)",
        "fact_not_given": "fact {fact} not given",
        "need_in": "{items}",
        "need_in_many": "one of {items}",
        "need_not_in": "none of {items}",
        "need_at_least": "at least {items}",
        "need_at_most": "at most {items}",
        "need_eq": "{value}",
        "need_compare": " {op} {value}",
        "need_given": "it given",
        "need_not_given": "it not given",
        "none_of": "none of these holds: {items}",
        "none_known": "none of these is known to hold: {items}",
        "excludes": "{who} excludes this: {inner}",
        "group": "({reasons})",
    },
)

PHRASES: Mapping[str, Phrases] = {"zh-Hant": ZH_HANT, "en": EN}
"""The phrase tables; ``zh-Hans`` uses ``zh-Hant`` and converts the result."""

COMPARISONS = {"ne": "≠", "gt": ">", "gte": "≥", "lt": "<", "lte": "≤"}

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "兩": 2, "三": 3, "四": 4}
_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUMERAL = "〇零一二兩三四五六七八九十百千"
_ARTICLE = re.compile(rf"^第([{_NUMERAL}]+)([條章])")


def chinese_number(text: str) -> int | None:
    """The value of a Chinese numeral below 10000 (十一 → 11, 二十 → 20, 一百零五 → 105)."""
    total, digit = 0, None
    for char in text:
        if char in _DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits in a row: not a numeral this reads
            digit = _DIGITS[char]
        elif char in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[char]
            digit = None
        else:
            return None
    return total + (digit or 0) if text else None


def english_article(article: str) -> str:
    """``第十一條…`` → ``第十一條… (Art. 11)``; ``第二章…`` → ``… (Ch. 2)``; others unchanged."""
    match = _ARTICLE.match(article)
    if match is None:
        return article
    number = chinese_number(match.group(1))
    if number is None:
        return article
    return f"{article} ({'Art.' if match.group(2) == '條' else 'Ch.'} {number})"
