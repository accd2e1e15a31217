"""The wording of ``lint``'s findings.

By code, in each language; merged into
:data:`complaint_rules.messages.catalogue.MESSAGES`. A finding's sentence is one of the
``lint.*`` codes below (its :attr:`~complaint_rules.toolkit.lint.LintFinding.wording`);
the smaller ``lint.*`` codes are the parts a sentence is built of in each language (a
scope, a deadline's period, a condition). Ids, labels and numbers are fields, never
translated.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._lang import Lang

MESSAGES_LINT: Mapping[str, Mapping[Lang, str]] = {
    # -- how bad -------------------------------------------------------------------------
    "lint.severity.error": {"zh-Hant": "錯誤", "zh-Hans": "错误", "en": "error"},
    "lint.severity.warning": {"zh-Hant": "警告", "zh-Hans": "警告", "en": "warning"},
    "lint.severity.info": {"zh-Hant": "提示", "zh-Hans": "提示", "en": "info"},
    # -- values no rule reaches ------------------------------------------------------------
    "lint.unreached_dimension": {
        "zh-Hant": "沒有任何規則看{key}:它的 {count} 個值({values})都得到相同的處理",
        "zh-Hans": "没有任何规则看{key}:它的 {count} 个值({values})都得到相同的处理",
        "en": "no rule looks at the {key}: its {count} values ({values}) are all decided alike",
    },
    "lint.unreached_value": {
        "zh-Hant": "{key} {id} ({label}):看{key}的規則沒有一條適用於它;"
        "這類投訴只會得到所有{key}都有的處理",
        "zh-Hans": "{key} {id} ({label}):看{key}的规则没有一条适用于它;"
        "这类投诉只会得到所有{key}都有的处理",
        "en": "{key} {id} ({label}): no rule that looks at the {key} applies to it; "
        "its complaints get only what every {key} gets",
    },
    "lint.unreached_level": {
        "zh-Hant": "級別 {id} ({label}):看級別的規則沒有一條適用於它",
        "zh-Hans": "级别 {id} ({label}):看级别的规则没有一条适用于它",
        "en": "level {id} ({label}): no rule that looks at the level applies to it",
    },
    "lint.unreached_level.classification": {
        "zh-Hant": "級別 {id} ({label}):分類表沒有任何一行給出這個級別,它也不是預設級別",
        "zh-Hans": "级别 {id} ({label}):分类表没有任何一行给出这个级别,它也不是默认级别",
        "en": "level {id} ({label}): no classification row gives it and it is not the default",
    },
    "lint.unreached_finding": {
        "zh-Hant": "查明事項 {id} ({label}):沒有罰則提到它,檢查它的規則在查明它時也沒有一條適用",
        "zh-Hans": "查明事项 {id} ({label}):没有罚则提到它,检查它的规则在查明它时也没有一条适用",
        "en": "finding {id} ({label}): no penalty names it and no rule that tests it applies "
        "when it is found",
    },
    # -- rules and rows that never act -------------------------------------------------------
    "lint.dead_rule": {
        "zh-Hant": "規則 {rule} 永遠不會適用:沒有任何投訴符合它的條件「{condition}」{inherited}",
        "zh-Hans": "规则 {rule} 永远不会适用:没有任何投诉符合它的条件「{condition}」{inherited}",
        "en": "rule {rule} never applies: no complaint satisfies {condition}{inherited}",
    },
    "lint.shadowed_row": {
        "zh-Hant": "分類表的 {row} 行(→ {level})永遠不會決定級別:"
        "它符合的每一件投訴都先符合了 {earlier}",
        "zh-Hans": "分类表的 {row} 行(→ {level})永远不会决定级别:"
        "它符合的每一件投诉都先符合了 {earlier}",
        "en": "classification row {row} (→ {level}) never sets the level: every complaint "
        "it matches is matched first by {earlier}",
    },
    "lint.shadowed_row.unmatched": {
        "zh-Hant": "分類表的 {row} 行(→ {level})永遠不會決定級別:沒有任何投訴符合它",
        "zh-Hans": "分类表的 {row} 行(→ {level})永远不会决定级别:没有任何投诉符合它",
        "en": "classification row {row} (→ {level}) never sets the level: no complaint matches it",
    },
    # -- rules that disagree -------------------------------------------------------------------
    "lint.conflicting_deadlines": {
        "zh-Hant": "期限 {deadline_a}({period_a},規則 {rule_a})和 {deadline_b}({period_b},"
        "規則 {rule_b})都是「{label}」,卻適用於同一些投訴{scope}{inherited}",
        "zh-Hans": "期限 {deadline_a}({period_a},规则 {rule_a})和 {deadline_b}({period_b},"
        "规则 {rule_b})都是「{label}」,却适用于同一些投诉{scope}{inherited}",
        "en": "deadlines {deadline_a} ({period_a}, rule {rule_a}) and {deadline_b} "
        "({period_b}, rule {rule_b}) are both 「{label}」 and apply to the same "
        "complaints{scope}{inherited}",
    },
    "lint.declared_conflict": {
        "zh-Hant": "規則 {rule_a}({article_a})和 {rule_b}({article_b})把{duty}分別交給 "
        "{roles_a} 和 {roles_b},但職責衝突 {conflict}({article})規定兩者不能同時承擔"
        "{scope}{inherited}",
        "zh-Hans": "规则 {rule_a}({article_a})和 {rule_b}({article_b})把{duty}分别交给 "
        "{roles_a} 和 {roles_b},但职责冲突 {conflict}({article})规定两者不能同时承担"
        "{scope}{inherited}",
        "en": "rules {rule_a} ({article_a}) and {rule_b} ({article_b}) give {duty} to "
        "{roles_a} and {roles_b}, which conflict {conflict} ({article}) says cannot hold it "
        "together{scope}{inherited}",
    },
    "lint.conflicting_duty": {
        "zh-Hant": "規則 {rule_a} 和 {rule_b} 把{duty}交給不同的角色:前者交給 {roles_a},"
        "後者交給 {roles_b}{scope}{inherited}",
        "zh-Hans": "规则 {rule_a} 和 {rule_b} 把{duty}交给不同的角色:前者交给 {roles_a},"
        "后者交给 {roles_b}{scope}{inherited}",
        "en": "rules {rule_a} and {rule_b} both assign {duty} to different roles: {roles_a} "
        "against {roles_b}{scope}{inherited}",
    },
    "lint.conflicting_escalation": {
        "zh-Hant": "上報 {escalation_a}(規則 {rule_a})和 {escalation_b}(規則 {rule_b}):"
        "{trigger}時,同樣的角色依前者上報給 {to_a},依後者卻上報給 {to_b}{scope}{inherited}",
        "zh-Hans": "上报 {escalation_a}(规则 {rule_a})和 {escalation_b}(规则 {rule_b}):"
        "{trigger}时,同样的角色依前者上报给 {to_a},依后者却上报给 {to_b}{scope}{inherited}",
        "en": "escalations {escalation_a} (rule {rule_a}) and {escalation_b} (rule {rule_b}): "
        "on {trigger} the same roles escalate to {to_a} against {to_b}{scope}{inherited}",
    },
    "lint.conflicting_penalties": {
        "zh-Hant": "罰則 {penalty_a}(規則 {rule_a}:{per_a} {money_a})和 {penalty_b}"
        "(規則 {rule_b}:{per_b} {money_b})對 {roles} 的查明事項 {finding} "
        "定了不同的{kind}金額{scope}{inherited}",
        "zh-Hans": "罚则 {penalty_a}(规则 {rule_a}:{per_a} {money_a})和 {penalty_b}"
        "(规则 {rule_b}:{per_b} {money_b})对 {roles} 的查明事项 {finding} "
        "定了不同的{kind}金额{scope}{inherited}",
        "en": "penalties {penalty_a} (rule {rule_a}: {money_a} per {per_a}) and {penalty_b} "
        "(rule {rule_b}: {money_b} per {per_b}) give {roles} different {kind} amounts for "
        "finding {finding}{scope}{inherited}",
    },
    # -- vocabulary nobody uses ------------------------------------------------------------------
    "lint.unused_term": {
        "zh-Hant": "{kind} {id} ({label}) 已宣告,但沒有任何地方用到",
        "zh-Hans": "{kind} {id} ({label}) 已声明,但没有任何地方用到",
        "en": "{kind} {id} ({label}) is declared but never used",
    },
    "lint.unused_term.abstract": {
        "zh-Hant": "{kind} {id} ({label}) 已宣告,但沒有任何地方用到"
        "(這是抽象層:延伸它的政策可能會用到)",
        "zh-Hans": "{kind} {id} ({label}) 已声明,但没有任何地方用到"
        "(这是抽象层:延伸它的政策可能会用到)",
        "en": "{kind} {id} ({label}) is declared but never used (an abstract layer: policies "
        "that extend it may use it)",
    },
    # -- against the base layer ------------------------------------------------------------------
    "lint.looser_than_base": {
        "zh-Hant": "期限 {deadline}({label})比基礎政策 {base} 的晚:{total} 類投訴中有 {count} 類;"
        "這裡是{ours},基礎政策是{theirs};例如於 {received} 收到的投訴,"
        "這裡須於 {due}完成,基礎政策須於 {base_due}完成",
        "zh-Hans": "期限 {deadline}({label})比基础政策 {base} 的晚:{total} 类投诉中有 {count} 类;"
        "这里是{ours},基础政策是{theirs};例如于 {received} 收到的投诉,"
        "这里须于 {due}完成,基础政策须于 {base_due}完成",
        "en": "deadline {deadline} ({label}) falls later than the base layer {base}'s for "
        "{count} of {total} kinds of complaint: {ours} against {theirs}; e.g. received "
        "{received}: due {due}, the base's {base_due}",
    },
    "lint.dropped_base_deadline": {
        "zh-Hant": "基礎政策 {base} 的期限 {deadline}({label},{period})在基礎政策中適用的 "
        "{total} 類投訴中,有 {count} 類在這裡不再適用{where}",
        "zh-Hans": "基础政策 {base} 的期限 {deadline}({label},{period})在基础政策中适用的 "
        "{total} 类投诉中,有 {count} 类在这里不再适用{where}",
        "en": "the base layer {base}'s deadline {deadline} ({label}, {period}) no longer "
        "applies to {count} of {total} kinds of complaint it applies to in the base{where}",
    },
    # -- the parts of a sentence -----------------------------------------------------------------
    "lint.inherited": {
        "zh-Hant": "(繼承自 {layer})",
        "zh-Hans": "(继承自 {layer})",
        "en": " (inherited from {layer})",
    },
    "lint.scope.every": {
        "zh-Hant": "(所有投訴)",
        "zh-Hans": "(所有投诉)",
        "en": " (every complaint)",
    },
    "lint.scope.some": {
        "zh-Hant": "(部分投訴)",
        "zh-Hans": "(部分投诉)",
        "en": " (some complaints)",
    },
    "lint.scope.where": {
        "zh-Hant": "(當{where})",
        "zh-Hans": "(当{where})",
        "en": " (where {where})",
    },
    "lint.where.part": {
        "zh-Hant": "{key}為 {values}",
        "zh-Hans": "{key}为 {values}",
        "en": "{key}: {values}",
    },
    "lint.key.received_at": {"zh-Hant": "收到時間", "zh-Hans": "收到时间", "en": "received_at"},
    "lint.value.present": {"zh-Hant": "已查明", "zh-Hans": "已查明", "en": "present"},
    "lint.value.absent": {"zh-Hant": "未查明", "zh-Hans": "未查明", "en": "absent"},
    "lint.value.not_given": {"zh-Hant": "未給出", "zh-Hans": "未给出", "en": "not given"},
    "lint.instant.0": {
        "zh-Hant": "平常的工作日,星期二",
        "zh-Hans": "平常的工作日,星期二",
        "en": "an ordinary weekday (Tue)",
    },
    "lint.instant.1": {
        "zh-Hant": "國慶前一日,10月1日至7日放假",
        "zh-Hans": "国庆前一日,10月1日至7日放假",
        "en": "the day before National Day (Oct 1-7 off)",
    },
    "lint.instant.2": {
        "zh-Hant": "調休上班的星期日",
        "zh-Hans": "调休上班的星期日",
        "en": "a make-up workday (Sun)",
    },
    "lint.instant.3": {
        "zh-Hant": "月底,星期五",
        "zh-Hans": "月底,星期五",
        "en": "a month end (Fri)",
    },
    "lint.instant.4": {
        "zh-Hant": "年底,元旦前的星期三",
        "zh-Hans": "年底,元旦前的星期三",
        "en": "a year end (Wed, before New Year)",
    },
    "lint.period.from": {
        "zh-Hant": "自 {start} 起{period}",
        "zh-Hans": "自 {start} 起{period}",
        "en": "{period} from {start}",
    },
    "lint.period.until": {
        "zh-Hant": "至 {facts} 中最早者",
        "zh-Hans": "至 {facts} 中最早者",
        "en": "until {facts}",
    },
    "lint.trigger.deadline": {
        "zh-Hant": "時限 {deadline} 逾期(on: {event})",
        "zh-Hans": "时限 {deadline} 逾期(on: {event})",
        "en": "{event} of {deadline}",
    },
    "lint.money.parameter": {
        "zh-Hant": "參數 {id}",
        "zh-Hans": "参数 {id}",
        "en": "parameter {id}",
    },
    "lint.money.fact": {"zh-Hant": "事實 {id}", "zh-Hans": "事实 {id}", "en": "fact {id}"},
    "lint.per.occurrence": {"zh-Hant": "每次", "zh-Hans": "每次", "en": "occurrence"},
    "lint.per.case": {"zh-Hant": "每案", "zh-Hans": "每案", "en": "case"},
    "lint.penalty.fine": {"zh-Hant": "罰款", "zh-Hans": "罚款", "en": "fine"},
    "lint.penalty.pay_deduction": {
        "zh-Hant": "扣減薪酬",
        "zh-Hans": "扣减薪酬",
        "en": "pay_deduction",
    },
    "lint.penalty.compensation": {"zh-Hant": "賠償", "zh-Hans": "赔偿", "en": "compensation"},
    "lint.kind.parameter": {"zh-Hant": "參數", "zh-Hans": "参数", "en": "parameter"},
    "lint.condition.and": {"zh-Hant": ",並且", "zh-Hans": ",并且", "en": ", "},
    "lint.condition.or": {"zh-Hant": ",或", "zh-Hans": ",或", "en": " or "},
    "lint.condition.not": {
        "zh-Hant": "不是「{inner}」的情形",
        "zh-Hans": "不是「{inner}」的情形",
        "en": "not ({inner})",
    },
}
"""Every sentence of a lint finding, and the parts they are built of, in each language."""
