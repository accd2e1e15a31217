"""The studio's own words (headings, column names, short phrases), in one table.

Each entry has a stable id and its text in Traditional Chinese (the default), Simplified
Chinese and English, written by hand so that no language needs OpenCC. Labels from a
policy are never here: they are shown as the policy writes them (converted to Simplified
in a Simplified page when OpenCC is installed). Templates use :meth:`str.format` fields,
the same in every language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, get_args

__all__ = ["LANGS", "WORDS", "Lang", "Words", "parse_lang"]

Lang = Literal["zh-Hant", "zh-Hans", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)

WORDS: Mapping[str, Mapping[str, str]] = {
    # --- the frame of a page ---------------------------------------------------------------
    "skip": {"zh-Hant": "跳到內容", "zh-Hans": "跳到内容", "en": "Skip to the content"},
    "contents": {"zh-Hant": "本頁內容", "zh-Hans": "本页内容", "en": "On this page"},
    "index_title": {"zh-Hant": "政策一覽", "zh-Hans": "政策一览", "en": "Policies"},
    "back_to_index": {
        "zh-Hant": "返回政策一覽",
        "zh-Hans": "返回政策一览",
        "en": "Back to the policies",
    },
    "generated": {
        "zh-Hant": "本頁由 complaint-rules 依政策檔案產生,請勿手動修改。",
        "zh-Hans": "本页由 complaint-rules 依政策文件生成,请勿手动修改。",
        "en": "Generated from the policy files by complaint-rules; do not edit by hand.",
    },
    "simplified_converted": {
        "zh-Hant": "政策中的文字已由 OpenCC 自動轉換為簡體;以政策檔案的繁體原文為準。",
        "zh-Hans": "政策中的文字已由 OpenCC 自动转换为简体;以政策文件的繁体原文为准。",
        "en": "The policy's words were converted to Simplified Chinese by OpenCC; the "
        "Traditional text of the policy file is authoritative.",
    },
    "simplified_missing": {
        "zh-Hant": "未安裝 OpenCC,政策中的文字以繁體原文顯示"
        "(安裝方法:pip install 'complaint-rules[zh-hans]')。",
        "zh-Hans": "未安装 OpenCC,政策中的文字以繁体原文显示"
        "(安装方法:pip install 'complaint-rules[zh-hans]')。",
        "en": "OpenCC is not installed, so the policy's words are shown in Traditional Chinese "
        "(pip install 'complaint-rules[zh-hans]').",
    },
    # --- the policies index ----------------------------------------------------------------
    "index_intro": {
        "zh-Hant": "每項政策的機構、版本、生效日期、內容摘要(SHA-256 前綴),"
        "以及是否通過驗證與測試案例。",
        "zh-Hans": "每项政策的机构、版本、生效日期、内容摘要(SHA-256 前缀),"
        "以及是否通过验证与测试案例。",
        "en": "Each policy's institution, version, effective dates, content digest (SHA-256 "
        "prefix), and whether it validates and passes its test cases.",
    },
    "col_policy": {"zh-Hant": "政策", "zh-Hans": "政策", "en": "Policy"},
    "col_institution": {"zh-Hant": "機構", "zh-Hans": "机构", "en": "Institution"},
    "col_title": {"zh-Hant": "名稱", "zh-Hans": "名称", "en": "Title"},
    "col_version": {"zh-Hant": "版本", "zh-Hans": "版本", "en": "Version"},
    "col_effective": {"zh-Hant": "生效日期", "zh-Hans": "生效日期", "en": "Effective"},
    "col_sha256": {"zh-Hant": "SHA-256", "zh-Hans": "SHA-256", "en": "SHA-256"},
    "col_validates": {"zh-Hant": "驗證", "zh-Hans": "验证", "en": "Validates"},
    "col_tests": {"zh-Hant": "測試案例", "zh-Hans": "测试案例", "en": "Test cases"},
    "effective_none": {
        "zh-Hant": "未聲明",
        "zh-Hans": "未声明",
        "en": "not declared",
    },
    "effective_range": {
        "zh-Hant": "{start} 起",
        "zh-Hans": "{start} 起",
        "en": "from {start}",
    },
    "effective_span": {
        "zh-Hant": "{start} 至 {end}",
        "zh-Hans": "{start} 至 {end}",
        "en": "{start} to {end}",
    },
    "effective_until": {
        "zh-Hant": "至 {end}",
        "zh-Hans": "至 {end}",
        "en": "until {end}",
    },
    "validates_yes": {"zh-Hant": "通過", "zh-Hans": "通过", "en": "valid"},
    "validates_no": {"zh-Hant": "未通過", "zh-Hans": "未通过", "en": "invalid"},
    "abstract": {
        "zh-Hant": "基礎層(不單獨使用)",
        "zh-Hans": "基础层(不单独使用)",
        "en": "base layer (not used on its own)",
    },
    "tests_none": {
        "zh-Hant": "沒有測試檔案",
        "zh-Hans": "没有测试文件",
        "en": "no tests file",
    },
    "tests_passed": {
        "zh-Hant": "{passed}/{cases} 通過",
        "zh-Hans": "{passed}/{cases} 通过",
        "en": "{passed}/{cases} passed",
    },
    "tests_failed": {
        "zh-Hant": "{failed} 個失敗(共 {cases} 個)",
        "zh-Hans": "{failed} 个失败(共 {cases} 个)",
        "en": "{failed} of {cases} failed",
    },
    "tests_cannot_run": {
        "zh-Hant": "無法執行",
        "zh-Hans": "无法执行",
        "en": "cannot run",
    },
    "no_page": {
        "zh-Hant": "(未通過驗證,沒有頁面)",
        "zh-Hans": "(未通过验证,没有页面)",
        "en": "(invalid: no page)",
    },
    "index_empty": {
        "zh-Hant": "沒有政策。",
        "zh-Hans": "没有政策。",
        "en": "No policies.",
    },
    # --- a policy's header -----------------------------------------------------------------
    "policy_id": {"zh-Hant": "政策編號", "zh-Hans": "政策编号", "en": "Policy id"},
    "source": {"zh-Hant": "來源", "zh-Hans": "来源", "en": "Source"},
    "layers": {
        "zh-Hant": "層級(由基礎起)",
        "zh-Hans": "层级(由基础起)",
        "en": "Layers (base first)",
    },
    "file": {"zh-Hant": "檔案", "zh-Hans": "文件", "en": "File"},
    # --- sections --------------------------------------------------------------------------
    "sec_source": {
        "zh-Hant": "來源條文與編碼的規則",
        "zh-Hans": "来源条文与编码的规则",
        "en": "The source, article by article, beside the rules",
    },
    "sec_by_article": {
        "zh-Hant": "規則(依條文排列)",
        "zh-Hans": "规则(依条文排列)",
        "en": "Rules by article",
    },
    "sec_not_encoded": {
        "zh-Hant": "未編碼的條文及原因",
        "zh-Hans": "未编码的条文及原因",
        "en": "Not encoded, and why",
    },
    "sec_defects": {
        "zh-Hant": "來源的已知缺陷",
        "zh-Hans": "来源的已知缺陷",
        "en": "Known defects of the source",
    },
    "sec_vocabulary": {"zh-Hant": "詞彙", "zh-Hans": "词汇", "en": "Vocabulary"},
    "sec_classification": {
        "zh-Hant": "分類表(級別)",
        "zh-Hans": "分类表(级别)",
        "en": "Classification table (level)",
    },
    "sec_routing": {
        "zh-Hant": "依渠道的分工",
        "zh-Hans": "依渠道的分工",
        "en": "Routing by channel",
    },
    "sec_deadlines": {"zh-Hant": "時限", "zh-Hans": "时限", "en": "Deadlines"},
    "sec_clocks": {
        "zh-Hant": "案件時鐘(案件生命週期)",
        "zh-Hans": "案件时钟(案件生命周期)",
        "en": "Clocks over a case's life",
    },
    "sec_escalations": {"zh-Hant": "上報", "zh-Hans": "上报", "en": "Escalations"},
    "sec_penalties": {
        "zh-Hant": "處罰與處分(依調查認定)",
        "zh-Hans": "处罚与处分(依调查认定)",
        "en": "Penalties and sanctions by finding",
    },
    "sec_approvals": {
        "zh-Hant": "審批權限及其層級",
        "zh-Hans": "审批权限及其层级",
        "en": "Approvals and their chains",
    },
    "sec_gaps": {
        "zh-Hant": "空白與衝突",
        "zh-Hans": "空白与冲突",
        "en": "Gaps and conflicts",
    },
    "sec_not_found": {
        "zh-Hant": "引用的條文在來源文字中找不到",
        "zh-Hans": "引用的条文在来源文字中找不到",
        "en": "Cited articles not found in the source text",
    },
    "sec_other_layer": {
        "zh-Hant": "來自 {layer} 的規則(依其來源的條文排列)",
        "zh-Hans": "来自 {layer} 的规则(依其来源的条文排列)",
        "en": "Rules from {layer}, by the articles of its own source",
    },
    # --- vocabulary kinds ------------------------------------------------------------------
    "roles": {"zh-Hant": "角色", "zh-Hans": "角色", "en": "Roles"},
    "channels": {"zh-Hant": "渠道", "zh-Hans": "渠道", "en": "Channels"},
    "categories": {"zh-Hant": "類別", "zh-Hans": "类别", "en": "Categories"},
    "levels": {
        "zh-Hant": "級別(由輕至重)",
        "zh-Hans": "级别(由轻至重)",
        "en": "Levels (mildest first)",
    },
    "findings": {"zh-Hant": "調查認定", "zh-Hans": "调查认定", "en": "Findings"},
    "sanctions": {"zh-Hant": "處分", "zh-Hans": "处分", "en": "Sanctions"},
    "events": {"zh-Hant": "事件", "zh-Hans": "事件", "en": "Events"},
    "facts": {"zh-Hant": "事實", "zh-Hans": "事实", "en": "Facts"},
    "parameters": {
        "zh-Hant": "參數(來源空白,由機構設定)",
        "zh-Hans": "参数(来源空白,由机构设定)",
        "en": "Parameters (blank in the source, set by the institution)",
    },
    # --- column names ----------------------------------------------------------------------
    "col_id": {"zh-Hant": "編號", "zh-Hans": "编号", "en": "Id"},
    "col_label": {"zh-Hant": "名稱", "zh-Hans": "名称", "en": "Label"},
    "col_aliases": {"zh-Hant": "其他寫法", "zh-Hans": "其他写法", "en": "Other spellings"},
    "col_description": {"zh-Hant": "說明", "zh-Hans": "说明", "en": "Description"},
    "col_article": {"zh-Hant": "條文", "zh-Hans": "条文", "en": "Article"},
    "col_reports_to": {"zh-Hant": "上級", "zh-Hans": "上级", "en": "Reports to"},
    "col_type": {"zh-Hant": "類型", "zh-Hans": "类型", "en": "Type"},
    "col_default": {"zh-Hant": "預設", "zh-Hans": "预设", "en": "Default"},
    "col_value": {"zh-Hant": "設定值", "zh-Hans": "设定值", "en": "Value"},
    "col_passage": {"zh-Hant": "來源條文", "zh-Hans": "来源条文", "en": "The source"},
    "col_encoded": {
        "zh-Hant": "編碼的規則",
        "zh-Hans": "编码的规则",
        "en": "What encodes it",
    },
    "col_reason": {"zh-Hant": "原因", "zh-Hans": "原因", "en": "Reason"},
    "col_verification": {"zh-Hant": "核實", "zh-Hans": "核实", "en": "Verification"},
    "col_order": {"zh-Hant": "順序", "zh-Hans": "顺序", "en": "Order"},
    "col_row": {"zh-Hant": "行", "zh-Hans": "行", "en": "Row"},
    "col_other_conditions": {
        "zh-Hant": "其他條件",
        "zh-Hans": "其他条件",
        "en": "Other conditions",
    },
    "col_gives_level": {"zh-Hant": "→ 級別", "zh-Hans": "→ 级别", "en": "→ Level"},
    "col_channel": {"zh-Hant": "渠道", "zh-Hans": "渠道", "en": "Channel"},
    "col_category": {"zh-Hant": "類別", "zh-Hans": "类别", "en": "Category"},
    "col_level": {"zh-Hant": "級別", "zh-Hans": "级别", "en": "Level"},
    "col_finding": {"zh-Hant": "調查認定", "zh-Hans": "调查认定", "en": "Finding"},
    "col_rule": {"zh-Hant": "規則", "zh-Hans": "规则", "en": "Rule"},
    "col_condition": {"zh-Hant": "條件", "zh-Hans": "条件", "en": "Condition"},
    "col_duty": {"zh-Hant": "職責", "zh-Hans": "职责", "en": "Duty"},
    "col_role": {"zh-Hant": "角色", "zh-Hans": "角色", "en": "Role"},
    "col_deadline": {"zh-Hant": "時限", "zh-Hans": "时限", "en": "Deadline"},
    "col_period": {"zh-Hant": "期間", "zh-Hans": "期间", "en": "Period"},
    "col_from": {"zh-Hant": "起算", "zh-Hans": "起算", "en": "Counted from"},
    "col_by": {"zh-Hant": "負責", "zh-Hans": "负责", "en": "By"},
    "col_trigger": {"zh-Hant": "觸發", "zh-Hans": "触发", "en": "Trigger"},
    "col_to": {"zh-Hant": "上報至", "zh-Hans": "上报至", "en": "To"},
    "col_next": {"zh-Hant": "下一步", "zh-Hans": "下一步", "en": "Next"},
    "col_step": {"zh-Hant": "步驟", "zh-Hans": "步骤", "en": "Step"},
    "col_penalty": {"zh-Hant": "處罰", "zh-Hans": "处罚", "en": "Penalty"},
    "col_subjects": {"zh-Hant": "對象", "zh-Hans": "对象", "en": "Subjects"},
    "col_kind": {"zh-Hant": "種類", "zh-Hans": "种类", "en": "Kind"},
    "col_amount": {"zh-Hant": "金額", "zh-Hans": "金额", "en": "Amount"},
    "col_per": {"zh-Hant": "計算", "zh-Hans": "计算", "en": "Per"},
    "col_sanctions": {"zh-Hant": "處分", "zh-Hans": "处分", "en": "Sanctions"},
    "col_tier": {"zh-Hant": "層級", "zh-Hans": "层级", "en": "Tier"},
    "col_limit": {"zh-Hant": "限額", "zh-Hans": "限额", "en": "Limit"},
    "col_about": {"zh-Hant": "關於", "zh-Hans": "关于", "en": "About"},
    "col_text": {"zh-Hant": "內容", "zh-Hans": "内容", "en": "What"},
    "col_where": {"zh-Hant": "出處", "zh-Hans": "出处", "en": "Where"},
    "col_clock": {"zh-Hant": "時鐘", "zh-Hans": "时钟", "en": "Clock"},
    "col_starts": {"zh-Hant": "開始於", "zh-Hans": "开始于", "en": "Starts on"},
    "col_meets": {"zh-Hant": "完成於", "zh-Hans": "完成于", "en": "Met by"},
    "col_pauses": {"zh-Hant": "暫停 / 恢復", "zh-Hans": "暂停 / 恢复", "en": "Paused / resumed by"},
    "col_extensions": {"zh-Hant": "延長", "zh-Hans": "延长", "en": "Extensions"},
    "col_severity": {"zh-Hant": "嚴重程度", "zh-Hans": "严重程度", "en": "Severity"},
    # --- phrases ---------------------------------------------------------------------------
    "any_value": {"zh-Hant": "不限", "zh-Hans": "不限", "en": "any"},
    "every_complaint": {"zh-Hant": "所有投訴", "zh-Hans": "所有投诉", "en": "every complaint"},
    "every_channel": {
        "zh-Hant": "所有渠道(不限渠道的規則)",
        "zh-Hans": "所有渠道(不限渠道的规则)",
        "en": "Every channel (rules that do not look at the channel)",
    },
    "and": {"zh-Hant": ",且", "zh-Hans": ",且", "en": ", and "},
    "or": {"zh-Hant": "或", "zh-Hans": "或", "en": " or "},
    "list_sep": {"zh-Hant": "、", "zh-Hans": "、", "en": ", "},
    "colon": {"zh-Hant": ":", "zh-Hans": ":", "en": ": "},
    "not": {"zh-Hant": "並非:{inner}", "zh-Hans": "并非:{inner}", "en": "not: {inner}"},
    "is": {"zh-Hant": "{what}:{values}", "zh-Hans": "{what}:{values}", "en": "{what}: {values}"},
    "is_not": {
        "zh-Hant": "{what}不是:{values}",
        "zh-Hans": "{what}不是:{values}",
        "en": "{what} is not: {values}",
    },
    "at_least": {
        "zh-Hant": "{what}至少為:{values}",
        "zh-Hans": "{what}至少为:{values}",
        "en": "{what} at least: {values}",
    },
    "at_most": {
        "zh-Hant": "{what}至多為:{values}",
        "zh-Hans": "{what}至多为:{values}",
        "en": "{what} at most: {values}",
    },
    "given": {"zh-Hant": "{fact}已給出", "zh-Hans": "{fact}已给出", "en": "{fact} given"},
    "not_given": {
        "zh-Hant": "{fact}未給出",
        "zh-Hans": "{fact}未给出",
        "en": "{fact} not given",
    },
    "yes": {"zh-Hant": "是", "zh-Hans": "是", "en": "yes"},
    "no": {"zh-Hant": "否", "zh-Hans": "否", "en": "no"},
    "none": {"zh-Hant": "無", "zh-Hans": "无", "en": "none"},
    "received": {"zh-Hant": "收到投訴", "zh-Hans": "收到投诉", "en": "receipt"},
    "from_layer": {"zh-Hant": "來自 {layer}", "zh-Hans": "来自 {layer}", "en": "from {layer}"},
    "when": {
        "zh-Hant": "條件:{condition}",
        "zh-Hans": "条件:{condition}",
        "en": "when {condition}",
    },
    "quote": {"zh-Hant": "原文:", "zh-Hans": "原文:", "en": "Source words: "},
    "period_from": {
        "zh-Hant": "{period}(自{start}起算)",
        "zh-Hans": "{period}(自{start}起算)",
        "en": "{period} (from {start})",
    },
    "until_earliest": {
        "zh-Hant": "至 {facts} 中最早者",
        "zh-Hans": "至 {facts} 中最早者",
        "en": "until the earliest of {facts}",
    },
    "range": {"zh-Hant": "{low}至{high}", "zh-Hans": "{low}至{high}", "en": "{low}–{high}"},
    "yuan": {"zh-Hant": "{amount} 元", "zh-Hans": "{amount} 元", "en": "{amount} yuan"},
    "parameter_value": {
        "zh-Hant": "參數 {name}:{value}",
        "zh-Hans": "参数 {name}:{value}",
        "en": "parameter {name}: {value}",
    },
    "unset": {
        "zh-Hant": "未設定(來源空白,機構須設定)",
        "zh-Hans": "未设定(来源空白,机构须设定)",
        "en": "not set (blank in the source; the institution must set it)",
    },
    "no_amount": {"zh-Hant": "無金額", "zh-Hans": "无金额", "en": "no amount"},
    "per_occurrence": {"zh-Hant": "每次", "zh-Hans": "每次", "en": "per occurrence"},
    "per_case": {"zh-Hant": "每案", "zh-Hans": "每案", "en": "per case"},
    "kind_fine": {"zh-Hant": "罰款", "zh-Hans": "罚款", "en": "fine"},
    "kind_pay_deduction": {"zh-Hant": "扣減薪酬", "zh-Hans": "扣减薪酬", "en": "pay deduction"},
    "kind_compensation": {"zh-Hant": "賠償", "zh-Hans": "赔偿", "en": "compensation"},
    "kind_none": {"zh-Hant": "無金錢處罰", "zh-Hans": "无金钱处罚", "en": "no money"},
    "sanction_always": {"zh-Hant": "{sanction}", "zh-Hans": "{sanction}", "en": "{sanction}"},
    "sanction_when": {
        "zh-Hant": "{sanction}(條件:{condition})",
        "zh-Hans": "{sanction}(条件:{condition})",
        "en": "{sanction} (when {condition})",
    },
    "years": {
        "zh-Hant": "保存 {years} 年",
        "zh-Hans": "保存 {years} 年",
        "en": "kept {years} years",
    },
    "years_at_least": {
        "zh-Hant": "至少保存 {years} 年",
        "zh-Hans": "至少保存 {years} 年",
        "en": "kept at least {years} years",
    },
    "no_term": {
        "zh-Hant": "來源未規定保存期限",
        "zh-Hans": "来源未规定保存期限",
        "en": "the source sets no term",
    },
    "frequency_once": {"zh-Hant": "", "zh-Hans": "", "en": ""},
    "frequency_monthly": {"zh-Hant": "每月", "zh-Hans": "每月", "en": "monthly"},
    "frequency_periodic": {"zh-Hant": "定期", "zh-Hans": "定期", "en": "periodically"},
    "due_within": {
        "zh-Hant": "須於 {period} 內",
        "zh-Hans": "须于 {period} 内",
        "en": "within {period}",
    },
    "missed": {
        "zh-Hant": "時限 {deadline} 逾期",
        "zh-Hans": "时限 {deadline} 逾期",
        "en": "deadline {deadline} missed",
    },
    "tier_up_to": {
        "zh-Hant": "{role}:至 {limit}",
        "zh-Hans": "{role}:至 {limit}",
        "en": "{role}: up to {limit}",
    },
    "above": {"zh-Hant": "超出:{roles}", "zh-Hans": "超出:{roles}", "en": "above: {roles}"},
    "amount_fact": {
        "zh-Hant": "以事實「{fact}」的金額判斷",
        "zh-Hans": "以事实「{fact}」的金额判断",
        "en": "judged on the amount in fact {fact}",
    },
    "element_deadline": {"zh-Hant": "時限", "zh-Hans": "时限", "en": "Deadline"},
    "element_action": {"zh-Hant": "應辦事項", "zh-Hans": "应办事项", "en": "Action"},
    "element_escalation": {"zh-Hant": "上報", "zh-Hans": "上报", "en": "Escalation"},
    "element_report": {"zh-Hant": "報告", "zh-Hans": "报告", "en": "Report"},
    "element_retention": {"zh-Hant": "保存", "zh-Hans": "保存", "en": "Retention"},
    "element_penalty": {"zh-Hant": "處罰", "zh-Hans": "处罚", "en": "Penalty"},
    "element_approval": {"zh-Hant": "審批", "zh-Hans": "审批", "en": "Approval"},
    "element_routing": {"zh-Hant": "分工", "zh-Hans": "分工", "en": "Routing"},
    "element_gap": {"zh-Hant": "空白", "zh-Hans": "空白", "en": "Gap"},
    "element_row": {"zh-Hant": "分類表行", "zh-Hans": "分类表行", "en": "Classification row"},
    "element_not_encoded": {"zh-Hant": "未編碼", "zh-Hans": "未编码", "en": "Not encoded"},
    "element_clock": {"zh-Hant": "案件時鐘", "zh-Hans": "案件时钟", "en": "Clock"},
    "missing_article": {
        "zh-Hant": "既未編碼,也未說明原因",
        "zh-Hans": "既未编码,也未说明原因",
        "en": "neither encoded nor explained",
    },
    "no_source_text": {
        "zh-Hant": "此政策沒有可顯示的來源文字({source});規則依其引用的條文排列。",
        "zh-Hans": "此政策没有可显示的来源文字({source});规则依其引用的条文排列。",
        "en": "The source text of this policy ({source}) is not available here; its rules are "
        "listed by the articles they cite.",
    },
    "source_intro": {
        "zh-Hant": "左欄是來源的原文,逐段列出;右欄是編碼該段的規則、分類表行,"
        "或未編碼的原因。標紅的條文既未編碼,也未說明原因。",
        "zh-Hans": "左栏是来源的原文,逐段列出;右栏是编码该段的规则、分类表行,"
        "或未编码的原因。标红的条文既未编码,也未说明原因。",
        "en": "On the left, the source as written, passage by passage; on the right, the "
        "rules and classification rows that encode each passage, or why it is not encoded. "
        "An article marked red is neither encoded nor explained.",
    },
    "classification_intro": {
        "zh-Hant": "由上而下逐行比對,第一個符合條件的行決定投訴的級別;空白的條件欄表示不限。",
        "zh-Hans": "由上而下逐行比对,第一个符合条件的行决定投诉的级别;空白的条件栏表示不限。",
        "en": "Rows are tried from the top; the first whose conditions all hold gives the "
        "complaint its level. A blank condition cell means any value.",
    },
    "classification_default": {
        "zh-Hant": "沒有行符合時:{level}",
        "zh-Hans": "没有行符合时:{level}",
        "en": "When no row matches: {level}",
    },
    "classification_no_default": {
        "zh-Hant": "沒有行符合時,投訴沒有級別。",
        "zh-Hans": "没有行符合时,投诉没有级别。",
        "en": "When no row matches, the complaint has no level.",
    },
    "no_classification": {
        "zh-Hant": "此政策沒有分類表。",
        "zh-Hans": "此政策没有分类表。",
        "en": "The policy has no classification table.",
    },
    "level_input_required": {
        "zh-Hant": "級別須隨投訴資料給出。",
        "zh-Hans": "级别须随投诉资料给出。",
        "en": "The level must be given with the complaint.",
    },
    "level_input_optional": {
        "zh-Hant": "投訴資料可給出級別;給出時以其為準。",
        "zh-Hans": "投诉资料可给出级别;给出时以其为准。",
        "en": "The complaint may give its level; when it does, that level is used.",
    },
    "level_input_forbidden": {
        "zh-Hant": "級別只由分類表決定,投訴資料不得給出。",
        "zh-Hans": "级别只由分类表决定,投诉资料不得给出。",
        "en": "The level comes from the table only; a complaint may not give one.",
    },
    "routing_intro": {
        "zh-Hant": "每個渠道下列出其投訴適用的分工(規則的其他條件另列);"
        "不看渠道的規則適用於所有渠道。",
        "zh-Hans": "每个渠道下列出其投诉适用的分工(规则的其他条件另列);"
        "不看渠道的规则适用于所有渠道。",
        "en": "Under each channel, the duties its complaints are given (with the rule's other "
        "conditions); rules that do not look at the channel apply to every channel.",
    },
    "no_routing": {
        "zh-Hant": "此政策沒有分工。",
        "zh-Hans": "此政策没有分工。",
        "en": "The policy assigns no duties.",
    },
    "day_end_note": {
        "zh-Hant": "以日、工作日、月計算的期間,最後一日至二十四時截止(民法典第二百零三條):"
        "當日任何時刻均未逾期,次日零時起逾期。",
        "zh-Hans": "以日、工作日、月计算的期间,最后一日至二十四时截止(民法典第二百零三条):"
        "当日任何时刻均未逾期,次日零时起逾期。",
        "en": "A period in days, working days or months ends at 24:00 on its last day "
        "(民法典 第二百零三條): nothing on that day is late; it is late from the next day's 00:00.",
    },
    "day_end_cut_off": {
        "zh-Hant": "本政策依來源規定,最後一日 {time} 起逾期。",
        "zh-Hans": "本政策依来源规定,最后一日 {time} 起逾期。",
        "en": "As its source states, this policy's last day is late from {time}.",
    },
    "no_deadlines": {
        "zh-Hant": "此政策沒有時限。",
        "zh-Hans": "此政策没有时限。",
        "en": "The policy sets no deadlines.",
    },
    "no_escalations": {
        "zh-Hant": "此政策沒有上報步驟。",
        "zh-Hans": "此政策没有上报步骤。",
        "en": "The policy has no escalation steps.",
    },
    "no_penalties": {
        "zh-Hant": "此政策沒有處罰。",
        "zh-Hans": "此政策没有处罚。",
        "en": "The policy sets no penalties.",
    },
    "no_approvals": {
        "zh-Hant": "此政策沒有審批權限。",
        "zh-Hans": "此政策没有审批权限。",
        "en": "The policy sets no approval authority.",
    },
    "no_not_encoded": {
        "zh-Hant": "沒有列為未編碼的條文。",
        "zh-Hans": "没有列为未编码的条文。",
        "en": "No article is listed as not encoded.",
    },
    "no_gaps": {
        "zh-Hant": "沒有空白或衝突。",
        "zh-Hans": "没有空白或冲突。",
        "en": "No gaps and no conflicts.",
    },
    "no_terms": {"zh-Hant": "(無)", "zh-Hans": "(无)", "en": "(none)"},
    "gaps_intro": {
        "zh-Hant": "來源未規定或留白之處(黃色),以及適用於同一投訴卻互相矛盾的規則(紅色)。",
        "zh-Hans": "来源未规定或留白之处(黄色),以及适用于同一投诉却互相矛盾的规则(红色)。",
        "en": "Where the source is silent or blank (yellow), and rules that apply to the same "
        "complaint and disagree (red).",
    },
    "gaps_heading": {
        "zh-Hant": "來源未規定或留白",
        "zh-Hans": "来源未规定或留白",
        "en": "Silent or blank in the source",
    },
    "conflicts_heading": {
        "zh-Hant": "互相矛盾的規則",
        "zh-Hans": "互相矛盾的规则",
        "en": "Rules that disagree",
    },
    "conflicts_none": {
        "zh-Hant": "沒有互相矛盾的規則。",
        "zh-Hans": "没有互相矛盾的规则。",
        "en": "No rules disagree.",
    },
    "conflicts_unknown": {
        "zh-Hant": "此政策的輸入組合太多,無法逐一比對規則是否矛盾:{reason}",
        "zh-Hans": "此政策的输入组合太多,无法逐一比对规则是否矛盾:{reason}",
        "en": "The policy's input space is too large to compare its rules: {reason}",
    },
    "conflicts_intro": {
        "zh-Hant": "由 complaint-rules lint 找出。來源本身互相矛盾時,"
        "決定會列出每一項及其條文,而不代為取捨。",
        "zh-Hans": "由 complaint-rules lint 找出。来源本身互相矛盾时,"
        "决定会列出每一项及其条文,而不代为取舍。",
        "en": "Found by complaint-rules lint. Where the source itself disagrees, a decision "
        "lists each assignment with its article rather than choosing.",
    },
    "gap_unclassified": {
        "zh-Hant": "分類表未涵蓋的投訴",
        "zh-Hans": "分类表未涵盖的投诉",
        "en": "complaints the table does not classify",
    },
    "gap_parameter": {
        "zh-Hant": "參數 {name} 未設定",
        "zh-Hans": "参数 {name} 未设定",
        "en": "parameter {name} is not set",
    },
    "gap_lifecycle": {"zh-Hant": "案件生命週期", "zh-Hans": "案件生命周期", "en": "a case's life"},
    # --- diagrams --------------------------------------------------------------------------
    "diagram_escalation": {
        "zh-Hant": "上報路徑圖",
        "zh-Hans": "上报路径图",
        "en": "Escalation paths",
    },
    "diagram_escalation_legend": {
        "zh-Hant": "每個上報步驟(黃色圓角框)位於其觸發(收到投訴、逾期的時限〔紅色〕"
        "或事件〔灰色〕)、負責的角色(by)與上報對象(to)之間;粗線為連續的下一步(next)。",
        "zh-Hans": "每个上报步骤(黄色圆角框)位于其触发(收到投诉、逾期的时限〔红色〕"
        "或事件〔灰色〕)、负责的角色(by)与上报对象(to)之间;粗线为连续的下一步(next)。",
        "en": "Each escalation step (yellow, rounded) stands between its trigger (receipt, a "
        "missed deadline in red, or an event in grey), the roles it is by, and the roles it "
        "goes to; a bold arrow is the next step of a chain.",
    },
    "diagram_routing": {"zh-Hant": "分工圖", "zh-Hans": "分工图", "en": "Routing"},
    "diagram_routing_legend": {
        "zh-Hant": "每條分派職責的規則(藍色)指向承擔職責的角色;虛線為上級(reports_to)。",
        "zh-Hans": "每条分派职责的规则(蓝色)指向承担职责的角色;虚线为上级(reports_to)。",
        "en": "Each rule that assigns duties (blue) points to the roles it gives them to; a "
        "dashed arrow is reports_to.",
    },
    "edge_on": {"zh-Hant": "觸發", "zh-Hans": "触发", "en": "on"},
    "edge_missed": {"zh-Hant": "逾期", "zh-Hans": "逾期", "en": "missed"},
    "edge_by": {"zh-Hant": "由", "zh-Hans": "由", "en": "by"},
    "edge_by_any": {"zh-Hant": "由(任一)", "zh-Hans": "由(任一)", "en": "by (any one)"},
    "edge_conflict": {
        "zh-Hant": "不能同時{duty}",
        "zh-Hans": "不能同时{duty}",
        "en": "cannot both {duty}",
    },
    "edge_to": {"zh-Hant": "上報至", "zh-Hans": "上报至", "en": "to"},
    "edge_next": {"zh-Hant": "下一步", "zh-Hans": "下一步", "en": "next"},
    "edge_reports_to": {"zh-Hant": "上級", "zh-Hans": "上级", "en": "reports to"},
    # --- the workbench: tabs and frame -----------------------------------------------------
    "tabs": {"zh-Hant": "檢視", "zh-Hans": "查看", "en": "Views"},
    "tab_read": {"zh-Hant": "閱讀", "zh-Hans": "阅读", "en": "Read"},
    "tab_try": {"zh-Hant": "試算投訴", "zh-Hans": "试算投诉", "en": "Try a complaint"},
    "tab_edit": {"zh-Hant": "編輯", "zh-Hans": "编辑", "en": "Edit"},
    "tab_edit_readonly": {
        "zh-Hant": "原始檔(唯讀)",
        "zh-Hans": "原始文件(只读)",
        "en": "YAML (read-only)",
    },
    "tab_changes": {"zh-Hant": "修改的影響", "zh-Hans": "修改的影响", "en": "What changes"},
    "workbench_footer": {
        "zh-Hant": "complaint-rules 工作台:只在本機執行,不連線到外部網站。",
        "zh-Hans": "complaint-rules 工作台:只在本机运行,不连接外部网站。",
        "en": "complaint-rules workbench: runs on this computer only; nothing is fetched "
        "from outside.",
    },
    "line_n": {"zh-Hant": "第 {line} 行", "zh-Hans": "第 {line} 行", "en": "line {line}"},
    # --- the workbench: try a complaint ----------------------------------------------------
    "try_intro": {
        "zh-Hant": "依本政策的詞彙填寫一件投訴,即可看到政策要求誰在何時前做什麼。",
        "zh-Hans": "依本政策的词汇填写一件投诉,即可看到政策要求谁在何时前做什么。",
        "en": "Fill in a complaint in this policy's own words to see who must do what, "
        "and by when.",
    },
    "try_abstract": {
        "zh-Hant": "這是一項基礎政策(abstract),只供其他政策延伸,不直接決定投訴。",
        "zh-Hans": "这是一项基础政策(abstract),只供其他政策延伸,不直接决定投诉。",
        "en": "This is an abstract policy, a base for others: it decides no complaint.",
    },
    "try_problems": {
        "zh-Hant": "這件投訴無法判定",
        "zh-Hans": "这件投诉无法判定",
        "en": "This complaint cannot be decided",
    },
    "try_explanation": {"zh-Hant": "說明", "zh-Hans": "说明", "en": "Explanation"},
    "try_json": {
        "zh-Hant": "決定的 JSON(與 decide 的輸出相同)",
        "zh-Hans": "决定的 JSON(与 decide 的输出相同)",
        "en": "The decision as JSON (what decide prints)",
    },
    "form_received": {"zh-Hant": "收到時間", "zh-Hans": "收到时间", "en": "Received at"},
    "form_channel": {"zh-Hant": "投訴渠道", "zh-Hans": "投诉渠道", "en": "Channel"},
    "form_category": {"zh-Hant": "投訴類別", "zh-Hans": "投诉类别", "en": "Category"},
    "form_level": {"zh-Hant": "投訴級別", "zh-Hans": "投诉级别", "en": "Level"},
    "form_level_auto": {
        "zh-Hant": "(依分類表判定)",
        "zh-Hans": "(依分类表判定)",
        "en": "(from the classification table)",
    },
    "form_findings": {"zh-Hant": "調查認定", "zh-Hans": "调查认定", "en": "Findings"},
    "form_finding_count": {"zh-Hant": "次數", "zh-Hans": "次数", "en": "Times"},
    "form_finding_roles": {
        "zh-Hant": "涉及的角色",
        "zh-Hans": "涉及的角色",
        "en": "Roles involved",
    },
    "form_facts": {"zh-Hant": "事實", "zh-Hans": "事实", "en": "Facts"},
    "form_unknown": {"zh-Hant": "未知", "zh-Hans": "未知", "en": "unknown"},
    "form_yes": {"zh-Hant": "是", "zh-Hans": "是", "en": "yes"},
    "form_no": {"zh-Hant": "否", "zh-Hans": "否", "en": "no"},
    "form_decide": {"zh-Hant": "判定", "zh-Hans": "判定", "en": "Decide"},
    "form_events": {"zh-Hant": "案件事件", "zh-Hans": "案件事件", "en": "The case's events"},
    "form_events_note": {
        "zh-Hant": "加入收到之後的事件,並選擇查看的時間,即可看到案件在該時點的狀態與各時限。"
        "「補充說明」:done 填職責 id,escalated 填上報 id,updated 填事實的 JSON。",
        "zh-Hans": "加入收到之后的事件,并选择查看的时间,即可看到案件在该时点的状态与各时限。"
        "“补充说明”:done 填职责 id,escalated 填上报 id,updated 填事实的 JSON。",
        "en": "Add events after receipt and an instant to look at, to see the case's status "
        "and clocks then. Detail: the duty id for done, the escalation id for escalated, the "
        "facts as JSON for updated.",
    },
    "form_event": {"zh-Hant": "事件", "zh-Hans": "事件", "en": "Event"},
    "form_event_at": {"zh-Hant": "發生時間", "zh-Hans": "发生时间", "en": "At"},
    "form_event_arg": {"zh-Hant": "補充說明", "zh-Hans": "补充说明", "en": "Detail"},
    "form_add_event": {"zh-Hant": "再加一個事件", "zh-Hans": "再加一个事件", "en": "Add an event"},
    "form_as_of": {"zh-Hant": "查看時間", "zh-Hans": "查看时间", "en": "Status as of"},
    "card_title": {
        "zh-Hant": "誰、做什麼、何時前",
        "zh-Hans": "谁、做什么、何时前",
        "en": "Who does what, by when",
    },
    "card_received": {"zh-Hant": "收到", "zh-Hans": "收到", "en": "received"},
    "problem_not_int": {
        "zh-Hant": "這裡要填整數,不是 {value}",
        "zh-Hans": "这里要填整数,不是 {value}",
        "en": "not a whole number: {value}",
    },
    "problem_not_datetime": {
        "zh-Hant": "這裡要填日期與時間,不是 {value}",
        "zh-Hans": "这里要填日期与时间,不是 {value}",
        "en": "not a date and time: {value}",
    },
    "problem_not_json": {
        "zh-Hant": '事實要寫成 JSON(例如 {{"guest_departed": true}}),不是 {value}',
        "zh-Hans": '事实要写成 JSON(例如 {{"guest_departed": true}}),不是 {value}',
        "en": 'the facts are JSON (e.g. {{"guest_departed": true}}), not {value}',
    },
    "try_version": {
        "zh-Hant": "這項政策有幾個版本:依收到時生效的 {version} 版(生效日期:{start})判定。",
        "zh-Hans": "这项政策有几个版本:依收到时生效的 {version} 版(生效日期:{start})判定。",
        "en": "This policy has several versions: decided under {version}, in force at "
        "receipt (effective from: {start}).",
    },
    "card_what": {"zh-Hant": "事項", "zh-Hans": "事项", "en": "What"},
    "card_who": {"zh-Hant": "由誰", "zh-Hans": "由谁", "en": "Who"},
    "card_when": {"zh-Hant": "期限", "zh-Hans": "期限", "en": "By when"},
    "card_article": {"zh-Hant": "依據", "zh-Hans": "依据", "en": "Article"},
    "card_nothing": {
        "zh-Hant": "本政策對這件投訴沒有要求。",
        "zh-Hans": "本政策对这件投诉没有要求。",
        "en": "The policy requires nothing for this complaint.",
    },
    "card_duty": {"zh-Hant": "職責", "zh-Hans": "职责", "en": "Duty"},
    "card_deadline": {"zh-Hant": "時限", "zh-Hans": "时限", "en": "Deadline"},
    "card_action": {"zh-Hant": "應辦事項", "zh-Hans": "应办事项", "en": "Action"},
    "card_escalation": {"zh-Hant": "上報", "zh-Hans": "上报", "en": "Escalation"},
    "card_report": {"zh-Hant": "報告", "zh-Hans": "报告", "en": "Report"},
    "card_retention": {"zh-Hant": "保存", "zh-Hans": "保存", "en": "Retention"},
    "card_penalty": {"zh-Hant": "處罰", "zh-Hans": "处罚", "en": "Penalty"},
    "card_approval": {"zh-Hant": "審批", "zh-Hans": "审批", "en": "Approval"},
    "card_missed": {
        "zh-Hant": "{deadline}逾期時",
        "zh-Hans": "{deadline}逾期时",
        "en": "when {deadline} is missed",
    },
    "card_years": {"zh-Hant": "{years} 年", "zh-Hans": "{years} 年", "en": "{years} years"},
    "card_waiting": {
        "zh-Hant": "待定:{facts}",
        "zh-Hans": "待定:{facts}",
        "en": "waiting for {facts}",
    },
    "cal_title": {"zh-Hant": "月曆", "zh-Hans": "月历", "en": "Calendar"},
    "cal_month": {
        "zh-Hant": "{year} 年 {month} 月",
        "zh-Hans": "{year} 年 {month} 月",
        "en": "{year}-{month:02d}",
    },
    "cal_holiday": {"zh-Hant": "假日", "zh-Hans": "假日", "en": "holiday"},
    "cal_makeup": {"zh-Hant": "補班", "zh-Hans": "补班", "en": "make-up workday"},
    "cal_received": {"zh-Hant": "收到", "zh-Hans": "收到", "en": "received"},
    "cal_due": {"zh-Hant": "到期", "zh-Hans": "到期", "en": "due"},
    "cal_weekday_0": {"zh-Hant": "一", "zh-Hans": "一", "en": "Mon"},
    "cal_weekday_1": {"zh-Hant": "二", "zh-Hans": "二", "en": "Tue"},
    "cal_weekday_2": {"zh-Hant": "三", "zh-Hans": "三", "en": "Wed"},
    "cal_weekday_3": {"zh-Hant": "四", "zh-Hans": "四", "en": "Thu"},
    "cal_weekday_4": {"zh-Hant": "五", "zh-Hans": "五", "en": "Fri"},
    "cal_weekday_5": {"zh-Hant": "六", "zh-Hans": "六", "en": "Sat"},
    "cal_weekday_6": {"zh-Hant": "日", "zh-Hans": "日", "en": "Sun"},
    "status_title": {"zh-Hant": "案件狀態", "zh-Hans": "案件状态", "en": "The case's status at"},
    "timeline_title": {
        "zh-Hant": "案件的經過:每個事件之後",
        "zh-Hans": "案件的经过:每个事件之后",
        "en": "The case over time: after each event",
    },
    "timeline_at": {"zh-Hant": "時間", "zh-Hans": "时间", "en": "At"},
    "status_clock": {"zh-Hant": "時限", "zh-Hans": "时限", "en": "Clock"},
    "status_state": {"zh-Hant": "狀態", "zh-Hans": "状态", "en": "State"},
    "status_left": {"zh-Hant": "剩餘", "zh-Hans": "剩余", "en": "Left"},
    "status_days_left": {"zh-Hant": "{days} 天", "zh-Hans": "{days} 天", "en": "{days} days"},
    "status_no_clocks": {
        "zh-Hant": "此案件沒有計時中的時限。",
        "zh-Hans": "此案件没有计时中的时限。",
        "en": "The case has no clocks.",
    },
    "clock_not_started": {"zh-Hant": "未開始", "zh-Hans": "未开始", "en": "not started"},
    "clock_running": {"zh-Hant": "計時中", "zh-Hans": "计时中", "en": "running"},
    "clock_paused": {"zh-Hant": "暫停", "zh-Hans": "暂停", "en": "paused"},
    "clock_met": {"zh-Hant": "已完成", "zh-Hans": "已完成", "en": "met"},
    "clock_breached": {"zh-Hant": "已逾期", "zh-Hans": "已逾期", "en": "breached"},
    "clock_stopped": {"zh-Hant": "已停止", "zh-Hans": "已停止", "en": "stopped"},
    # --- the workbench: edit -----------------------------------------------------------------
    "edit_note_editable": {
        "zh-Hant": "每次修改都會自動檢查;問題顯示在所在行的旁邊。"
        "儲存會完整寫入 {file}(只在政策目錄內)。",
        "zh-Hans": "每次修改都会自动检查;问题显示在所在行的旁边。"
        "保存会完整写入 {file}(只在政策目录内)。",
        "en": "Every change is checked as you type; problems appear beside their lines. "
        "Saving writes {file} whole, inside its policy directory only.",
    },
    "edit_note_readonly": {
        "zh-Hant": "這項政策隨套件或外部套件提供,不能在此儲存;"
        "可以修改試驗並查看檢查結果與修改的影響。"
        "要編輯自己的政策,請以 --policy-dir 指定其目錄。",
        "zh-Hans": "这项政策随软件包或外部软件包提供,不能在此保存;"
        "可以修改试验并查看检查结果与修改的影响。"
        "要编辑自己的政策,请以 --policy-dir 指定其目录。",
        "en": "This policy ships with a package and cannot be saved here; you can still change "
        "it to see the checks and what the change does. To edit your own policies, name "
        "their directory with --policy-dir.",
    },
    "edit_check": {"zh-Hant": "檢查", "zh-Hans": "检查", "en": "Check"},
    "edit_save": {"zh-Hant": "儲存", "zh-Hans": "保存", "en": "Save"},
    "edit_changes": {
        "zh-Hant": "查看修改的影響",
        "zh-Hans": "查看修改的影响",
        "en": "See what this changes",
    },
    "edit_problems_title": {"zh-Hant": "問題", "zh-Hans": "问题", "en": "Problems"},
    "edit_problems": {
        "zh-Hant": "有 {count} 個問題",
        "zh-Hans": "有 {count} 个问题",
        "en": "{count} problem(s)",
    },
    "edit_valid": {"zh-Hant": "檢查通過", "zh-Hans": "检查通过", "en": "Valid"},
    "edit_saved": {"zh-Hant": "已儲存", "zh-Hans": "已保存", "en": "Saved"},
    # --- the workbench: what changes ---------------------------------------------------------
    "changes_intro": {
        "zh-Hant": "比較兩個版本對同樣的投訴有何不同決定,並以歷史投訴評估影響;"
        "下方為本政策測試案例的執行結果與覆蓋率。",
        "zh-Hans": "比较两个版本对同样的投诉有何不同决定,并以历史投诉评估影响;"
        "下方为本政策测试案例的执行结果与覆盖率。",
        "en": "Compare how two versions decide the same complaints, and re-decide a history "
        "of complaints; below, this policy's test cases with their coverage.",
    },
    "changes_draft": {
        "zh-Hant": "新版本:編輯器中尚未儲存的內容。",
        "zh-Hans": "新版本:编辑器中尚未保存的内容。",
        "en": "New version: the editor's unsaved text.",
    },
    "changes_no_draft": {
        "zh-Hant": "新版本:已儲存的檔案(在「編輯」中修改後可比較未儲存的內容)。",
        "zh-Hans": "新版本:已保存的文件(在“编辑”中修改后可比较未保存的内容)。",
        "en": "New version: the saved file (change it under Edit to compare unsaved text).",
    },
    "changes_against": {"zh-Hant": "比較對象", "zh-Hans": "比较对象", "en": "Compare with"},
    "changes_saved": {
        "zh-Hant": "已儲存的版本",
        "zh-Hans": "已保存的版本",
        "en": "the saved version",
    },
    "changes_committed": {
        "zh-Hant": "git 已提交的版本",
        "zh-Hans": "git 已提交的版本",
        "en": "the version committed in git",
    },
    "changes_other": {"zh-Hant": "政策 {id}", "zh-Hans": "政策 {id}", "en": "policy {id}"},
    "changes_history": {
        "zh-Hant": "歷史投訴檔",
        "zh-Hans": "历史投诉文件",
        "en": "History of complaints",
    },
    "changes_upload": {"zh-Hant": "或上傳", "zh-Hans": "或上传", "en": "or upload"},
    "changes_run": {"zh-Hant": "比較", "zh-Hans": "比较", "en": "Compare"},
    "changes_diff_title": {
        "zh-Hant": "決定的差異",
        "zh-Hans": "决定的差异",
        "en": "What is decided differently",
    },
    "changes_equivalent": {
        "zh-Hant": "兩個版本對所有投訴的決定相同。",
        "zh-Hans": "两个版本对所有投诉的决定相同。",
        "en": "The two versions decide every complaint the same.",
    },
    "changes_differ": {
        "zh-Hant": "有 {count} 處修改",
        "zh-Hans": "有 {count} 处修改",
        "en": "{count} change(s)",
    },
    "changes_impact_title": {
        "zh-Hant": "對歷史投訴的影響",
        "zh-Hans": "对历史投诉的影响",
        "en": "Impact on a history of complaints",
    },
    "impact_counts": {
        "zh-Hant": "重新判定 {decided} 件,{changed} 件的決定改變,{bad} 行無法讀取",
        "zh-Hans": "重新判定 {decided} 件,{changed} 件的决定改变,{bad} 行无法读取",
        "en": "{decided} decided again, {changed} changed, {bad} bad line(s)",
    },
    "tests_title": {"zh-Hant": "測試案例", "zh-Hans": "测试案例", "en": "Test cases"},
    "tests_no_file": {
        "zh-Hant": "這項政策旁沒有 .tests.yaml 測試檔。",
        "zh-Hans": "这项政策旁没有 .tests.yaml 测试文件。",
        "en": "There is no .tests.yaml file beside this policy.",
    },
    "tests_counts": {
        "zh-Hant": "{cases} 個案例:{passed} 個通過,{failed} 個失敗",
        "zh-Hans": "{cases} 个案例:{passed} 个通过,{failed} 个失败",
        "en": "{cases} cases: {passed} passed, {failed} failed",
    },
    "tests_case": {"zh-Hant": "案例", "zh-Hans": "案例", "en": "Case"},
    "tests_line": {"zh-Hant": "行", "zh-Hans": "行", "en": "Line"},
    "tests_result": {"zh-Hant": "結果", "zh-Hans": "结果", "en": "Result"},
    "tests_detail": {"zh-Hant": "預期與實際", "zh-Hans": "预期与实际", "en": "Expected / actual"},
    "tests_pass": {"zh-Hant": "通過", "zh-Hans": "通过", "en": "passed"},
    "tests_fail": {"zh-Hant": "失敗", "zh-Hans": "失败", "en": "failed"},
    "tests_expected": {"zh-Hant": "預期", "zh-Hans": "预期", "en": "expected"},
    "tests_actual": {"zh-Hant": "實際", "zh-Hans": "实际", "en": "actual"},
    "tests_coverage": {
        "zh-Hant": "{policy} 覆蓋率 {percent}%({covered}/{total})",
        "zh-Hans": "{policy} 覆盖率 {percent}%({covered}/{total})",
        "en": "{policy} coverage {percent}% ({covered}/{total})",
    },
    "tests_missed": {
        "zh-Hant": "未被案例覆蓋的 {count} 項",
        "zh-Hans": "未被案例覆盖的 {count} 项",
        "en": "{count} part(s) no case exercises",
    },
}
"""Every word the studio frames a policy with, by id, in each of :data:`LANGS`."""


def parse_lang(value: str) -> Lang:
    """``zh-hant``, ``ZH-HANS``, ``en`` → the language, whatever its case."""
    for lang in LANGS:
        if value.casefold() == lang.casefold():
            return lang
    raise ValueError(f"language is one of {', '.join(LANGS)}, not {value!r}")


class Words:
    """The words of one language: ``w("skip")``, ``w("tests_passed", passed=3, cases=4)``."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def __call__(self, word: str, /, **fields: object) -> str:
        template = WORDS[word][self.lang]
        return template.format(**fields) if fields else template
