"""The wording of problems with a complaint, a history or a case.

By code, in each language; merged into
:data:`complaint_rules.messages.catalogue.MESSAGES`. Most keys here are second wordings
(``wording=``) of a published code whose kind is worded in the catalogue: the code stays
what machines match on, the wording names the particulars (a field's allowed values, a
limit, a year) so that the problem can be said in each language.

:data:`WORDS_INPUT` are the kinds of JSON value a message names (``got text``), said in
each language; merged into :data:`complaint_rules.messages.catalogue.WORDS`.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._lang import Lang

WORDS_INPUT: Mapping[str, Mapping[Lang, str]] = {
    "text": {"zh-Hant": "文字", "zh-Hans": "文字", "en": "text"},
    "null": {"zh-Hant": "空值(null)", "zh-Hans": "空值(null)", "en": "null"},
    "an object": {"zh-Hant": "JSON 物件", "zh-Hans": "JSON 对象", "en": "an object"},
    "a list": {"zh-Hant": "清單", "zh-Hans": "列表", "en": "a list"},
}
"""The kinds of JSON value (``complaint_rules.decision.complaint._type``)."""

_NOT_REAL = {
    "zh-Hant": "不是真實存在的日期時間({why})(例如 {example})",
    "zh-Hans": "不是真实存在的日期时间({why})(例如 {example})",
}


def _not_real(hant: str, hans: str, en: str) -> Mapping[Lang, str]:
    """A date-time whose parts are numbers out of range: why, in each language."""
    return {
        "zh-Hant": _NOT_REAL["zh-Hant"].replace("{why}", hant),
        "zh-Hans": _NOT_REAL["zh-Hans"].replace("{why}", hans),
        "en": f"not a real date-time ({en}) (e.g. {{example}})",
    }


MESSAGES_COMPLAINT: Mapping[str, Mapping[Lang, str]] = {
    "complaint.not_an_object.got": {
        "zh-Hant": "投訴必須是 JSON 物件,這裡給的是{type}",
        "zh-Hans": "投诉必须是 JSON 对象,这里给的是{type}",
        "en": "a complaint is a JSON object, got {type}",
    },
    "complaint.unknown_field.allowed": {
        "zh-Hant": "不認識的欄位;可以寫:{allowed}",
        "zh-Hans": "不认识的字段;可以写:{allowed}",
        "en": "unknown field; allowed: {allowed}",
    },
    "complaint.unknown_field.nearest": {
        "zh-Hant": "不認識的欄位;可以寫:{allowed};是不是要寫 {nearest}?",
        "zh-Hans": "不认识的字段;可以写:{allowed};是不是要写 {nearest}?",
        "en": "unknown field; allowed: {allowed}; did you mean {nearest}?",
    },
    "complaint.missing.received_at": {
        "zh-Hant": "缺少投訴收到的時刻(ISO 8601 日期時間,含時區,例如 +08:00)",
        "zh-Hans": "缺少投诉收到的时刻(ISO 8601 日期时间,含时区,例如 +08:00)",
        "en": "missing: when the complaint was received (ISO 8601 with offset)",
    },
    "complaint.missing.term": {
        "zh-Hant": "缺少這個欄位;可以寫:{allowed}",
        "zh-Hans": "缺少这个字段;可以写:{allowed}",
        "en": "missing; allowed: {allowed}",
    },
    "complaint.not_accepted.classified": {
        "zh-Hant": "不接受這個欄位:這份政策依它的分類表決定級別",
        "zh-Hans": "不接受这个字段:这份政策依它的分类表决定级别",
        "en": "not accepted: this policy derives the level from its classification table",
    },
    "complaint.not_accepted.no_levels": {
        "zh-Hant": "不接受這個欄位:這份政策沒有級別",
        "zh-Hans": "不接受这个字段:这份政策没有级别",
        "en": "not accepted: this policy has no levels",
    },
    "complaint.wrong_type.findings": {
        "zh-Hant": "這裡應該是查明事項的清單,給的卻是{type}",
        "zh-Hans": "这里应该是查明事项的列表,给的却是{type}",
        "en": "expected a list of findings, got {type}",
    },
    "complaint.wrong_type.finding": {
        "zh-Hant": "查明事項應該寫名稱,或寫成物件 {{finding, count, roles}},給的卻是{type}",
        "zh-Hans": "查明事项应该写名称,或写成对象 {{finding, count, roles}},给的却是{type}",
        "en": "a finding is a name or an object {{finding, count, roles}}, got {type}",
    },
    "complaint.wrong_type.roles": {
        "zh-Hant": "roles 應該是角色名稱的清單,給的卻是{type}",
        "zh-Hans": "roles 应该是角色名称的列表,给的却是{type}",
        "en": "roles is a list of role names, got {type}",
    },
    "complaint.wrong_type.instant": {
        "zh-Hant": "這裡應該是 ISO 8601 日期時間的文字,給的卻是{type}",
        "zh-Hans": "这里应该是 ISO 8601 日期时间的文字,给的却是{type}",
        "en": "expected an ISO 8601 date-time string, got {type}",
    },
    "complaint.wrong_type.term": {
        "zh-Hant": "這裡應該寫{kind}的名稱(文字),給的卻是{type}",
        "zh-Hans": "这里应该写{kind}的名称(文字),给的却是{type}",
        "en": "expected a {kind} name (text), got {type}",
    },
    "complaint.wrong_type.bool": {
        "zh-Hant": "這裡應該寫 true 或 false,給的卻是{type}",
        "zh-Hans": "这里应该写 true 或 false,给的却是{type}",
        "en": "expected true or false, got {type}",
    },
    "complaint.wrong_type.number": {
        "zh-Hant": "這裡應該寫數字,給的卻是{type}",
        "zh-Hans": "这里应该写数字,给的却是{type}",
        "en": "expected a number, got {type}",
    },
    "complaint.wrong_type.whole": {
        "zh-Hant": "這裡應該寫整數,給的卻是{type}",
        "zh-Hans": "这里应该写整数,给的却是{type}",
        "en": "expected a whole number, got {type}",
    },
    "complaint.too_many.findings": {
        "zh-Hant": "查明事項超過 {limit} 項",
        "zh-Hans": "查明事项超过 {limit} 项",
        "en": "more than {limit} findings",
    },
    "complaint.too_many.roles": {
        "zh-Hant": "角色超過 {limit} 個",
        "zh-Hans": "角色超过 {limit} 个",
        "en": "more than {limit} roles",
    },
    "complaint.too_many.places": {
        "zh-Hant": "小數超過 {limit} 位",
        "zh-Hans": "小数超过 {limit} 位",
        "en": "more than {limit} decimal places",
    },
    "complaint.too_many_problems.count": {
        "zh-Hant": "另有 {count} 個以上的問題,未列出",
        "zh-Hans": "另有 {count} 个以上的问题,未列出",
        "en": "and {count}+ more problems, not listed",
    },
    "complaint.instant_out_of_range.calendar": {
        "zh-Hant": "{year} 年不在這份政策的日曆可以計算的年份內"
        "({first}-{last}:已知假日安排的年份,以及之前 {before} 年和之後 {after} 年)",
        "zh-Hans": "{year} 年不在这份政策的日历可以计算的年份内"
        "({first}-{last}:已知假日安排的年份,以及之前 {before} 年和之后 {after} 年)",
        "en": "year {year} is outside the years this policy's calendar can count "
        "({first}-{last}: its known holiday schedules, {before} year before and {after} after)",
    },
    "complaint.instant_out_of_range.year": {
        "zh-Hant": "{year} 年超出可以計算的範圍",
        "zh-Hans": "{year} 年超出可以计算的范围",
        "en": "year {year} is out of range",
    },
    "complaint.naive_instant.example": {
        "zh-Hant": "{name} 沒有時區;請加上,例如 {example}",
        "zh-Hans": "{name} 没有时区;请加上,例如 {example}",
        "en": "{name} has no UTC offset; give one, e.g. {example}",
    },
    "complaint.invalid_value.instant": {
        "zh-Hant": "不是 ISO 8601 日期時間(例如 {example})",
        "zh-Hans": "不是 ISO 8601 日期时间(例如 {example})",
        "en": "not an ISO 8601 date-time (e.g. {example})",
    },
    "complaint.impossible_instant.reason": {
        "zh-Hant": "不是真實存在的日期時間({reason})(例如 {example})",
        "zh-Hans": "不是真实存在的日期时间({reason})(例如 {example})",
        "en": "not a real date-time ({reason}) (e.g. {example})",
    },
    "complaint.impossible_instant.day": _not_real(
        "這個月沒有這一日", "这个月没有这一日", "day is out of range for month"
    ),
    "complaint.impossible_instant.month": _not_real(
        "月份要在 1 到 12 之間", "月份要在 1 到 12 之间", "month must be in 1..12"
    ),
    "complaint.impossible_instant.hour": _not_real(
        "小時要在 0 到 23 之間", "小时要在 0 到 23 之间", "hour must be in 0..23"
    ),
    "complaint.impossible_instant.minute": _not_real(
        "分鐘要在 0 到 59 之間", "分钟要在 0 到 59 之间", "minute must be in 0..59"
    ),
    "complaint.impossible_instant.second": _not_real(
        "秒要在 0 到 59 之間", "秒要在 0 到 59 之间", "second must be in 0..59"
    ),
    "complaint.impossible_instant.year": _not_real(
        "沒有第 0 年", "没有第 0 年", "year 0 is out of range"
    ),
    "complaint.too_long.term": {
        "zh-Hant": "不認識的{kind}:超過 {limit} 個字元",
        "zh-Hans": "不认识的{kind}:超过 {limit} 个字符",
        "en": "unknown {kind}: longer than {limit} characters",
    },
    "complaint.invisible_character.term": {
        "zh-Hant": "含有看不見的字元或控制字元({characters});請刪掉它;可以寫:{allowed}",
        "zh-Hans": "含有看不见的字符或控制字符({characters});请删掉它;可以写:{allowed}",
        "en": "contains an invisible or control character ({characters}); remove it; "
        "allowed: {allowed}",
    },
    "complaint.unknown_term.allowed": {
        "zh-Hant": "不認識的{kind};可以寫:{allowed}",
        "zh-Hans": "不认识的{kind};可以写:{allowed}",
        "en": "unknown {kind}; allowed: {allowed}",
    },
    "complaint.unknown_term.closest": {
        "zh-Hant": "不認識的{kind};可以寫:{allowed};最接近的是 {closest}",
        "zh-Hans": "不认识的{kind};可以写:{allowed};最接近的是 {closest}",
        "en": "unknown {kind}; allowed: {allowed}; closest: {closest}",
    },
    "complaint.unknown_term.look_alike": {
        "zh-Hant": "不認識的{kind};可以寫:{allowed};最接近的是 {closest}"
        "(含有其他文字系統中外形相似的字母:{characters})",
        "zh-Hans": "不认识的{kind};可以写:{allowed};最接近的是 {closest}"
        "(含有其他文字系统中外形相似的字母:{characters})",
        "en": "unknown {kind}; allowed: {allowed}; closest: {closest} "
        "(look-alike letters from another script: {characters})",
    },
    "complaint.invalid_value.count": {
        "zh-Hant": "count(次數)是 1 到 {limit} 之間的整數",
        "zh-Hans": "count(次数)是 1 到 {limit} 之间的整数",
        "en": "count is a whole number from 1 to {limit}",
    },
    "complaint.invalid_value.float": {
        "zh-Hant": '有小數的數字請寫成文字,例如 "99.50":浮點數不精確',
        "zh-Hans": '有小数的数字请写成文字,例如 "99.50":浮点数不精确',
        "en": 'write a fraction as text, e.g. "99.50": a float is inexact',
    },
    "complaint.invalid_value.implausible": {
        "zh-Hant": "大於 {limit}:不是合理的值",
        "zh-Hans": "大于 {limit}:不是合理的值",
        "en": "larger than {limit}: not a plausible value",
    },
    "complaint.invalid_value.implausible_amount": {
        "zh-Hant": "大於 {limit}:不是合理的金額",
        "zh-Hans": "大于 {limit}:不是合理的金额",
        "en": "larger than {limit}: not a plausible amount",
    },
    "complaint.invalid_value.not_a_number": {
        "zh-Hant": '不是數字(請寫例如 2800 或 "99.50")',
        "zh-Hans": '不是数字(请写例如 2800 或 "99.50")',
        "en": 'not a number (write e.g. 2800 or "99.50")',
    },
    "complaint.invalid_value.number_too_long": {
        "zh-Hant": "不是數字:超過 {limit} 個字元",
        "zh-Hans": "不是数字:超过 {limit} 个字符",
        "en": "not a number: longer than {limit} characters",
    },
    "complaint.invalid_value.not_finite": {
        "zh-Hant": "不是有限的數字",
        "zh-Hans": "不是有限的数字",
        "en": "not a finite number",
    },
    "complaint.invalid_value.minimum": {
        "zh-Hant": "至少要是 {minimum}",
        "zh-Hans": "至少要是 {minimum}",
        "en": "must be at least {minimum}",
    },
    "complaint.invalid_value.not_carried": {
        "zh-Hant": "無法複製:不是 JSON 資料(文字、數字、true/false、null、清單,"
        "以及以文字為鍵的物件;最多 {limit} 個字元、{depth} 層)",
        "zh-Hans": "无法复制:不是 JSON 数据(文字、数字、true/false、null、列表,"
        "以及以文字为键的对象;最多 {limit} 个字符、{depth} 层)",
        "en": "cannot be carried: not JSON data (text, numbers, true/false, null, lists and "
        "objects with text keys, at most {limit} characters, {depth} levels deep)",
    },
}
"""A complaint's problems (:mod:`complaint_rules.decision.complaint`)."""

MESSAGES_JSON: Mapping[str, Mapping[Lang, str]] = {
    "json.number_too_long.length": {
        "zh-Hant": "數字寫了 {length} 個字元;最多只讀 {limit} 個",
        "zh-Hans": "数字写了 {length} 个字符;最多只读 {limit} 个",
        "en": "a number of {length} characters; at most {limit} are read",
    },
    "json.not_a_number.value": {
        "zh-Hant": "{value} 不是 JSON 數字;請寫有限的數字",
        "zh-Hans": "{value} 不是 JSON 数字;请写有限的数字",
        "en": "{value} is not a JSON number; write a finite number",
    },
    "json.too_deep.limit": {
        "zh-Hant": "清單和物件的巢狀層次超過 {limit} 層",
        "zh-Hans": "列表和对象的嵌套层次超过 {limit} 层",
        "en": "nested more than {limit} levels deep (lists and objects)",
    },
    "json.duplicate_key.named": {
        "zh-Hant": "鍵 {name} 重複了(第一次在第 {first_line} 行第 {first_column} 欄);請刪掉一個:"
        "一般的 JSON 讀取程式會不聲不響地只保留最後一個",
        "zh-Hans": "键 {name} 重复了(第一次在第 {first_line} 行第 {first_column} 列);请删掉一个:"
        "一般的 JSON 读取程序会不声不响地只保留最后一个",
        "en": "duplicate key {name} (first at line {first_line}, column {first_column}); "
        "remove one: a JSON reader would silently keep the last",
    },
    "json.duplicate_key.unnamed": {
        "zh-Hant": "有一個鍵重複了(第一次在第 {first_line} 行第 {first_column} 欄);請刪掉一個:"
        "一般的 JSON 讀取程式會不聲不響地只保留最後一個",
        "zh-Hans": "有一个键重复了(第一次在第 {first_line} 行第 {first_column} 列);请删掉一个:"
        "一般的 JSON 读取程序会不声不响地只保留最后一个",
        "en": "duplicate key a key (first at line {first_line}, column {first_column}); "
        "remove one: a JSON reader would silently keep the last",
    },
    "json.duplicate_key.unplaced": {
        "zh-Hant": "鍵 {name} 重複了;一般的 JSON 讀取程式會不聲不響地只保留最後一個",
        "zh-Hans": "键 {name} 重复了;一般的 JSON 读取程序会不声不响地只保留最后一个",
        "en": "duplicate key {name}; a JSON reader would silently keep the last",
    },
    "json.encoding.byte": {
        "zh-Hant": "不是 UTF-8 文字(第 {byte} 個位元組)",
        "zh-Hans": "不是 UTF-8 文字(第 {byte} 个字节)",
        "en": "not UTF-8 text (byte {byte})",
    },
    "json.encoding.byte_of_line": {
        "zh-Hant": "不是 UTF-8 文字(這一行的第 {byte} 個位元組)",
        "zh-Hans": "不是 UTF-8 文字(这一行的第 {byte} 个字节)",
        "en": "not UTF-8 text (byte {byte} of the line)",
    },
    "json.syntax.reason": {
        "zh-Hant": "不是有效的 JSON({reason})",
        "zh-Hans": "不是有效的 JSON({reason})",
        "en": "not JSON: {reason}",
    },
    "json.syntax.expecting_value": {
        "zh-Hant": "不是有效的 JSON:這裡應該有一個值",
        "zh-Hans": "不是有效的 JSON:这里应该有一个值",
        "en": "not JSON: Expecting value",
    },
    "json.syntax.expecting_name": {
        "zh-Hant": "不是有效的 JSON:這裡應該是用雙引號括起來的鍵名",
        "zh-Hans": "不是有效的 JSON:这里应该是用双引号括起来的键名",
        "en": "not JSON: Expecting property name enclosed in double quotes",
    },
    "json.syntax.expecting_comma": {
        "zh-Hant": "不是有效的 JSON:這裡少了逗號「,」",
        "zh-Hans": "不是有效的 JSON:这里少了逗号「,」",
        "en": "not JSON: Expecting ',' delimiter",
    },
    "json.syntax.expecting_colon": {
        "zh-Hant": "不是有效的 JSON:這裡少了冒號「:」",
        "zh-Hans": "不是有效的 JSON:这里少了冒号「:」",
        "en": "not JSON: Expecting ':' delimiter",
    },
    "json.syntax.unterminated_string": {
        "zh-Hant": "不是有效的 JSON:從這裡開始的文字沒有結束的雙引號",
        "zh-Hans": "不是有效的 JSON:从这里开始的文字没有结束的双引号",
        "en": "not JSON: Unterminated string starting at",
    },
    "json.syntax.extra_data": {
        "zh-Hant": "不是有效的 JSON:值的後面還有多餘的內容",
        "zh-Hans": "不是有效的 JSON:值的后面还有多余的内容",
        "en": "not JSON: Extra data",
    },
    "json.syntax.control_character": {
        "zh-Hant": "不是有效的 JSON:文字中有控制字元(例如分行),請寫成 \\n 之類的跳脫寫法",
        "zh-Hans": "不是有效的 JSON:文字中有控制字符(例如换行),请写成 \\n 之类的转义写法",
        "en": "not JSON: Invalid control character at",
    },
    "json.syntax.escape": {
        "zh-Hant": "不是有效的 JSON:反斜線「\\」後面的跳脫寫法不正確",
        "zh-Hans": "不是有效的 JSON:反斜线「\\」后面的转义写法不正确",
        "en": "not JSON: Invalid \\escape",
    },
    "json.syntax.unicode_escape": {
        "zh-Hant": "不是有效的 JSON:\\u 後面應該是四個十六進位數字",
        "zh-Hans": "不是有效的 JSON:\\u 后面应该是四个十六进制数字",
        "en": "not JSON: Invalid \\uXXXX escape",
    },
}
"""Problems of the strict JSON reader (:mod:`complaint_rules.decision.json_input`)."""

MESSAGES_DECIDE: Mapping[str, Mapping[Lang, str]] = {
    "calendar.unpublished.beyond": {
        "zh-Hant": "從 {start} 起算 {amount} {unit},會超出可以計算的日期(9999 年)",
        "zh-Hans": "从 {start} 起算 {amount} {unit},会超出可以计算的日期(9999 年)",
        "en": "{amount} {unit} from {start} ends beyond the dates that can be counted (year 9999)",
    },
    "policy.abstract.decide": {
        "zh-Hant": "政策 {id} 是抽象的基礎政策:供其他政策延伸(extends),本身沒有宣告渠道或類別,"
        "不能用來決定",
        "zh-Hans": "政策 {id} 是抽象的基础政策:供其他政策延伸(extends),本身没有声明渠道或类别,"
        "不能用来决定",
        "en": "policy {id} is abstract: it is a base for other policies to extend, "
        "and declares no channels or categories of its own",
    },
    "policy.abstract.case": {
        "zh-Hant": "政策 {id} 是抽象的基礎政策,供其他政策延伸(extends);案件要依延伸它的政策辦理",
        "zh-Hans": "政策 {id} 是抽象的基础政策,供其他政策延伸(extends);案件要依延伸它的政策办理",
        "en": "policy {id} is abstract: it is a base for other policies to extend; "
        "a case runs under a policy that extends it",
    },
    "policy.abstract.impact": {
        "zh-Hant": "政策 {id} 是抽象的基礎政策,供其他政策延伸,本身不決定任何投訴",
        "zh-Hans": "政策 {id} 是抽象的基础政策,供其他政策延伸,本身不决定任何投诉",
        "en": "policy {id} is abstract: a base for other policies, it decides no complaint",
    },
    "policy.not_in_force.first": {
        "zh-Hant": "收到的時刻早於政策 {id} 的第一個版本(自 {date} 起生效)",
        "zh-Hans": "收到的时刻早于政策 {id} 的第一个版本(自 {date} 起生效)",
        "en": "received before the first version of policy {id}, in force from {date}",
    },
    "decide.bad_period": {
        "zh-Hant": "期間要寫月份(YYYY-MM,例如 2026-10)或年份(YYYY),不是 {period}",
        "zh-Hans": "期间要写月份(YYYY-MM,例如 2026-10)或年份(YYYY),不是 {period}",
        "en": "a period is a month (YYYY-MM, e.g. 2026-10) or a year (YYYY), not {period}",
    },
    "policy.extends_cycle.chain": {
        "zh-Hant": "政策之間的延伸(extends)形成循環:{cycle}",
        "zh-Hans": "政策之间的延伸(extends)形成循环:{cycle}",
        "en": "policies extend each other in a cycle: {cycle}",
    },
}
"""Problems of deciding: the policy decided under, the calendar counted with."""

MESSAGES_TESTS_FILE: Mapping[str, Mapping[Lang, str]] = {
    "file.unreadable.reason": {
        "zh-Hant": "無法讀取這個檔案:{reason}",
        "zh-Hans": "无法读取这个文件:{reason}",
        "en": "cannot read: {reason}",
    },
    "tests_file.too_large.limit": {
        "zh-Hant": "測試檔超過 {limit} 位元組",
        "zh-Hans": "测试文件超过 {limit} 字节",
        "en": "larger than {limit} bytes",
    },
    "tests_file.invalid.not_mapping": {
        "zh-Hant": "測試檔的最上層必須是「鍵: 值」的對照",
        "zh-Hans": "测试文件的最上层必须是「键: 值」的对照",
        "en": "a tests file is a mapping at top level",
    },
    "tests_file.invalid.duplicate_name": {
        "zh-Hant": "測試案例的名稱重複了(第一次在第 {first_line} 行):每個案例請取不同的名稱",
        "zh-Hans": "测试案例的名称重复了(第一次在第 {first_line} 行):每个案例请取不同的名称",
        "en": "duplicate case name (first at line {first_line}): name each case apart",
    },
    "tests_file.invalid.unknown_key": {
        "zh-Hant": "不認識的鍵;可以寫:{allowed}",
        "zh-Hans": "不认识的键;可以写:{allowed}",
        "en": "unknown key; allowed: {allowed}",
    },
    "tests_file.invalid.unknown_key_nearest": {
        "zh-Hant": "不認識的鍵;可以寫:{allowed};是不是要寫 {nearest}?",
        "zh-Hans": "不认识的键;可以写:{allowed};是不是要写 {nearest}?",
        "en": "unknown key; allowed: {allowed}; did you mean {nearest}?",
    },
    "tests_file.invalid.missing": {
        "zh-Hant": "缺少必填的欄位",
        "zh-Hans": "缺少必填的字段",
        "en": "required field is missing",
    },
    "tests_file.invalid.schema": {
        "zh-Hant": "請寫:schema: complaint-rules-tests/1",
        "zh-Hans": "请写:schema: complaint-rules-tests/1",
        "en": "write: schema: complaint-rules-tests/1",
    },
    "tests_file.invalid.policy_id": {
        "zh-Hant": "{file} 宣告的代號是 {id},不是 {name}",
        "zh-Hans": "{file} 声明的代号是 {id},不是 {name}",
        "en": "{file} declares id {id}, not {name}",
    },
    "tests_file.invalid.policy": {
        "zh-Hant": "無法載入政策 {name}:",
        "zh-Hans": "无法加载政策 {name}:",
        "en": "cannot load policy {name}:",
    },
}
"""Problems of a policy's tests file (:mod:`complaint_rules.toolkit.policytests.cases`)."""

MESSAGES_INPUT: Mapping[str, Mapping[Lang, str]] = {
    **MESSAGES_TESTS_FILE,
    **MESSAGES_COMPLAINT,
    **MESSAGES_JSON,
    **MESSAGES_DECIDE,
}


def _clock_units(en: str, hant: str, hans: str) -> dict[str, Mapping[Lang, str]]:
    """``case.event.extension_past_maximum`` for each unit a period is counted in."""
    units = {
        "minutes": ("{amount} minutes", "{amount}分鐘", "{amount}分钟"),
        "hours": ("{amount} hours", "{amount}小時", "{amount}小时"),
        "calendar_days": ("{amount} calendar days", "{amount}日", "{amount}日"),
        "working_days": ("{amount} working days", "{amount}個工作日", "{amount}个工作日"),
        "end_of_month": ("1 end of month", "當月月底", "当月月底"),
    }
    return {
        f"case.event.extension_past_maximum.{unit}": {
            "zh-Hant": hant.replace("{period}", t_hant),
            "zh-Hans": hans.replace("{period}", t_hans),
            "en": en.replace("{period}", t_en),
        }
        for unit, (t_en, t_hant, t_hans) in units.items()
    }


_EVENTS: Mapping[str, Mapping[Lang, str]] = {
    # -- an event that cannot be read (lifecycle.events) ------------------------------
    "case.event.not_an_object": {
        "zh-Hant": "每個事件必須是 JSON 物件,這裡給的是 {type}",
        "zh-Hans": "每个事件必须是 JSON 对象,这里给的是 {type}",
        "en": "an event is a JSON object, got {type}",
    },
    "case.event.missing_event": {
        "zh-Hant": "缺少 'event':發生了什麼事件",
        "zh-Hans": "缺少 'event':发生了什么事件",
        "en": "missing 'event': what happened",
    },
    "case.event.event_not_text": {
        "zh-Hant": "'event' 必須用文字寫出事件的名稱",
        "zh-Hans": "'event' 必须用文字写出事件的名称",
        "en": "'event' must name the event (text)",
    },
    "case.event.unknown_event": {
        "zh-Hant": "不認識的事件{shown};可以寫:{allowed}",
        "zh-Hans": "不认识的事件{shown};可以写:{allowed}",
        "en": "unknown event{shown}; allowed: {allowed}",
    },
    "case.event.unknown_event.nearest": {
        "zh-Hant": "不認識的事件{shown};可以寫:{allowed};是不是要寫 {nearest}?",
        "zh-Hans": "不认识的事件{shown};可以写:{allowed};是不是要写 {nearest}?",
        "en": "unknown event{shown}; allowed: {allowed}; did you mean {nearest}?",
    },
    "case.event.missing_at": {
        "zh-Hant": "缺少 'at':事件發生的時刻(ISO 8601 日期時間,含時區,例如 +08:00)",
        "zh-Hans": "缺少 'at':事件发生的时刻(ISO 8601 日期时间,含时区,例如 +08:00)",
        "en": "missing 'at': when it happened (ISO 8601 with offset)",
    },
    "case.event.unknown_field": {
        "zh-Hant": "{kind} 事件沒有 {field} 這個欄位;可以寫:{allowed}",
        "zh-Hans": "{kind} 事件没有 {field} 这个字段;可以写:{allowed}",
        "en": "unknown field {field} for a {kind} event; allowed: {allowed}",
    },
    "case.event.unknown_field.nearest": {
        "zh-Hant": "{kind} 事件沒有 {field} 這個欄位;可以寫:{allowed};是不是要寫 {nearest}?",
        "zh-Hans": "{kind} 事件没有 {field} 这个字段;可以写:{allowed};是不是要写 {nearest}?",
        "en": "unknown field {field} for a {kind} event; allowed: {allowed}; "
        "did you mean {nearest}?",
    },
    "case.event.unknown_field.position": {
        "zh-Hant": "{kind} 事件的第 {position} 個欄位不認識;可以寫:{allowed}",
        "zh-Hans": "{kind} 事件的第 {position} 个字段不认识;可以写:{allowed}",
        "en": "unknown field <key {position}> for a {kind} event; allowed: {allowed}",
    },
    "case.event.unknown_field.position.nearest": {
        "zh-Hant": "{kind} 事件的第 {position} 個欄位不認識;可以寫:{allowed};是不是要寫 {nearest}?",
        "zh-Hans": "{kind} 事件的第 {position} 个字段不认识;可以写:{allowed};是不是要写 {nearest}?",
        "en": "unknown field <key {position}> for a {kind} event; allowed: {allowed}; "
        "did you mean {nearest}?",
    },
    "case.event.unknown_role": {
        "zh-Hant": "by(辦理的角色):不認識的角色{shown};可以寫:{allowed}",
        "zh-Hans": "by(办理的角色):不认识的角色{shown};可以写:{allowed}",
        "en": "by: unknown role{shown}; allowed: {allowed}",
    },
    "case.event.unknown_role.closest": {
        "zh-Hant": "by(辦理的角色):不認識的角色{shown};可以寫:{allowed};最接近的是 {closest}",
        "zh-Hans": "by(办理的角色):不认识的角色{shown};可以写:{allowed};最接近的是 {closest}",
        "en": "by: unknown role{shown}; allowed: {allowed}; closest: {closest}",
    },
    "case.event.no_complaint": {
        "zh-Hant": "'received'(收到投訴)事件要附上投訴內容:'complaint': {{...}}",
        "zh-Hans": "'received'(收到投诉)事件要附上投诉内容:'complaint': {{...}}",
        "en": "a 'received' event carries the complaint: 'complaint': {{...}}",
    },
    "case.event.updated_empty": {
        "zh-Hant": "'updated'(更新)事件要附上 'facts'(事實)或 'findings'(查明事項),或兩者都附",
        "zh-Hans": "'updated'(更新)事件要附上 'facts'(事实)或 'findings'(查明事项),或两者都附",
        "en": "an 'updated' event carries 'facts' and/or 'findings'",
    },
    "case.event.facts_not_object": {
        "zh-Hant": "'facts' 必須是 JSON 物件:事實代號對應到它的值",
        "zh-Hans": "'facts' 必须是 JSON 对象:事实代号对应到它的值",
        "en": "'facts' is an object: fact id to value",
    },
    "case.event.findings_not_list": {
        "zh-Hant": "'findings' 必須是查明事項的清單",
        "zh-Hans": "'findings' 必须是查明事项的列表",
        "en": "'findings' is a list of findings",
    },
    "case.event.names_no_id": {
        "zh-Hant": "這個事件要寫出它回應的是哪一項(代號)",
        "zh-Hans": "这个事件要写出它回应的是哪一项(代号)",
        "en": "the event names the item it answers (its id)",
    },
    "case.event.names_no_id.escalation": {
        "zh-Hant": "'escalated'(已上報)事件要寫出是哪一項上報(代號):'escalation': '...'",
        "zh-Hans": "'escalated'(已上报)事件要写出是哪一项上报(代号):'escalation': '...'",
        "en": "an 'escalated' event names the escalation (its id): 'escalation': '...'",
    },
    "case.event.names_no_id.reminder": {
        "zh-Hant": "'reminded'(已提醒)事件要寫出是哪一項提醒(代號):'reminder': '...'",
        "zh-Hans": "'reminded'(已提醒)事件要写出是哪一项提醒(代号):'reminder': '...'",
        "en": "a 'reminded' event names the reminder (its id): 'reminder': '...'",
    },
    "case.event.names_no_id.duty": {
        "zh-Hant": "'done'(已辦妥)事件要寫出是哪一項應辦事項(代號):'duty': '...'",
        "zh-Hans": "'done'(已办妥)事件要写出是哪一项应办事项(代号):'duty': '...'",
        "en": "a 'done' event names the duty (its id): 'duty': '...'",
    },
    # -- an event the case refuses (lifecycle.replay) ---------------------------------
    "case.event.not_received": {
        "zh-Hant": "案件還沒有收到:第一個事件必須是 'received'(收到投訴)",
        "zh-Hans": "案件还没有收到:第一个事件必须是 'received'(收到投诉)",
        "en": "the case has not been received: the first event must be 'received'",
    },
    "case.event.received_twice": {
        "zh-Hant": "案件已於 {at} 收到,不能再收到一次",
        "zh-Hans": "案件已于 {at} 收到,不能再收到一次",
        "en": "the case was already received at {at}",
    },
    "case.event.out_of_order": {
        "zh-Hant": "次序不對:{at} 早於前一個事件({previous},{previous_at});事件要按發生先後排列",
        "zh-Hans": "次序不对:{at} 早于前一个事件({previous},{previous_at});事件要按发生先后排列",
        "en": "out of order: {at} is before the previous event ({previous} at {previous_at})",
    },
    "case.event.after_closing": {
        "zh-Hant": "案件已於 {at} 結案;結案後只能再記錄 {allowed}",
        "zh-Hans": "案件已于 {at} 结案;结案后只能再记录 {allowed}",
        "en": "the case was closed at {at}; after closing only {allowed} may follow",
    },
    "case.event.complaint": {
        "zh-Hant": "投訴內容的 {field}:{message}",
        "zh-Hans": "投诉内容的 {field}:{message}",
        "en": "{field}: {message}",
    },
    "case.event.received_at": {
        "zh-Hant": "complaint.received_at(投訴收到的時刻):{message}",
        "zh-Hans": "complaint.received_at(投诉收到的时刻):{message}",
        "en": "complaint.received_at: {message}",
    },
    "case.event.received_at_differs": {
        "zh-Hant": "complaint.received_at 寫的是 {given},與事件的 at {at} 不同;"
        "請刪掉 received_at(收到的時刻就是事件的 at)",
        "zh-Hans": "complaint.received_at 写的是 {given},与事件的 at {at} 不同;"
        "请删掉 received_at(收到的时刻就是事件的 at)",
        "en": "complaint.received_at {given} is not the event's at {at}; leave it out",
    },
    "case.event.not_a_fact": {
        "zh-Hant": "facts.{fact}:這份政策沒有這個事實;可以寫:{allowed}",
        "zh-Hans": "facts.{fact}:这份政策没有这个事实;可以写:{allowed}",
        "en": "facts.{fact}: not a fact of this policy; allowed: {allowed}",
    },
    "case.event.not_a_fact.none": {
        "zh-Hant": "facts.{fact}:這份政策沒有這個事實;它沒有宣告任何事實",
        "zh-Hans": "facts.{fact}:这份政策没有这个事实;它没有声明任何事实",
        "en": "facts.{fact}: not a fact of this policy; none are declared",
    },
    "case.event.not_a_fact.position": {
        "zh-Hant": "facts 的第 {position} 個鍵不是這份政策的事實;可以寫:{allowed}",
        "zh-Hans": "facts 的第 {position} 个键不是这份政策的事实;可以写:{allowed}",
        "en": "facts.<key {position}>: not a fact of this policy; allowed: {allowed}",
    },
    "case.event.not_a_fact.position.none": {
        "zh-Hant": "facts 的第 {position} 個鍵不是這份政策的事實;它沒有宣告任何事實",
        "zh-Hans": "facts 的第 {position} 个键不是这份政策的事实;它没有声明任何事实",
        "en": "facts.<key {position}>: not a fact of this policy; none are declared",
    },
    "case.event.unknown_item": {
        "zh-Hant": "不認識的上報、提醒或應辦事項",
        "zh-Hans": "不认识的上报、提醒或应办事项",
        "en": "unknown escalation, reminder or duty",
    },
    "case.event.unknown_item.escalation": {
        "zh-Hant": "不認識的上報{shown};可以寫:{allowed}",
        "zh-Hans": "不认识的上报{shown};可以写:{allowed}",
        "en": "unknown escalation{shown}; allowed: {allowed}",
    },
    "case.event.unknown_item.escalation.none": {
        "zh-Hant": "不認識的上報{shown};這份政策沒有規定任何上報",
        "zh-Hans": "不认识的上报{shown};这份政策没有规定任何上报",
        "en": "unknown escalation{shown}; the policy declares none",
    },
    "case.event.unknown_item.reminder": {
        "zh-Hant": "不認識的提醒{shown};可以寫:{allowed}",
        "zh-Hans": "不认识的提醒{shown};可以写:{allowed}",
        "en": "unknown reminder{shown}; allowed: {allowed}",
    },
    "case.event.unknown_item.reminder.none": {
        "zh-Hant": "不認識的提醒{shown};這份政策沒有規定任何提醒",
        "zh-Hans": "不认识的提醒{shown};这份政策没有规定任何提醒",
        "en": "unknown reminder{shown}; the policy declares none",
    },
    "case.event.unknown_item.duty": {
        "zh-Hant": "不認識的應辦事項{shown};可以寫:{allowed}",
        "zh-Hans": "不认识的应办事项{shown};可以写:{allowed}",
        "en": "unknown duty{shown}; allowed: {allowed}",
    },
    "case.event.unknown_item.duty.none": {
        "zh-Hant": "不認識的應辦事項{shown};這份政策沒有規定任何應辦事項",
        "zh-Hans": "不认识的应办事项{shown};这份政策没有规定任何应办事项",
        "en": "unknown duty{shown}; the policy declares none",
    },
    "case.event.not_due": {
        "zh-Hant": "在這個時刻還不是應上報、應提醒或應辦的",
        "zh-Hans": "在这个时刻还不是应上报、应提醒或应办的",
        "en": "not due at this instant",
    },
    "case.event.not_due.escalation": {
        "zh-Hant": "上報 {item} 在 {at} 還不到要上報的時候(目前應上報的是:{due})",
        "zh-Hans": "上报 {item} 在 {at} 还不到要上报的时候(目前应上报的是:{due})",
        "en": "escalation {item} is not due at {at} (due now: {due})",
    },
    "case.event.not_due.escalation.none": {
        "zh-Hant": "上報 {item} 在 {at} 還不到要上報的時候(目前沒有應上報的)",
        "zh-Hans": "上报 {item} 在 {at} 还不到要上报的时候(目前没有应上报的)",
        "en": "escalation {item} is not due at {at} (none is due now)",
    },
    "case.event.not_due.reminder": {
        "zh-Hant": "提醒 {item} 在 {at} 還不到要發出的時候(目前應發出的是:{due})",
        "zh-Hans": "提醒 {item} 在 {at} 还不到要发出的时候(目前应发出的是:{due})",
        "en": "reminder {item} is not due at {at} (due now: {due})",
    },
    "case.event.not_due.reminder.none": {
        "zh-Hant": "提醒 {item} 在 {at} 還不到要發出的時候(目前沒有應發出的提醒)",
        "zh-Hans": "提醒 {item} 在 {at} 还不到要发出的时候(目前没有应发出的提醒)",
        "en": "reminder {item} is not due at {at} (none is due now)",
    },
    "case.event.not_due.duty": {
        "zh-Hant": "應辦事項 {item} 在 {at} 並不是應辦的(目前應辦的是:{due})",
        "zh-Hans": "应办事项 {item} 在 {at} 并不是应办的(目前应办的是:{due})",
        "en": "duty {item} is not owed at {at} (owed now: {due})",
    },
    "case.event.not_due.duty.none": {
        "zh-Hant": "應辦事項 {item} 在 {at} 並不是應辦的(目前沒有應辦的事項)",
        "zh-Hans": "应办事项 {item} 在 {at} 并不是应办的(目前没有应办的事项)",
        "en": "duty {item} is not owed at {at} (none is owed now)",
    },
    "case.event.needs_first": {
        "zh-Hant": "{event} 之前必須先發生以下其中一個事件:{events}",
        "zh-Hans": "{event} 之前必须先发生以下其中一个事件:{events}",
        "en": "{event} needs one of these events first: {events}",
    },
    "case.event.contradicts": {
        "zh-Hant": "{event} 與 {at} 已發生的 {other} 互相矛盾,兩者不能同時成立",
        "zh-Hans": "{event} 与 {at} 已发生的 {other} 互相矛盾,两者不能同时成立",
        "en": "{event} contradicts {other}, which happened at {at}",
    },
    "case.event.needs_by": {
        "zh-Hant": "{event} 必須用 'by' 寫明是哪個角色辦理的",
        "zh-Hans": "{event} 必须用 'by' 写明是哪个角色办理的",
        "en": "{event} must name the role that acted ('by')",
    },
    "case.event.not_paused": {
        "zh-Hant": "時鐘 {clock} 沒有暫停,不能恢復計時",
        "zh-Hans": "时钟 {clock} 没有暂停,不能恢复计时",
        "en": "clock {clock} is not paused",
    },
    "case.event.already_paused": {
        "zh-Hant": "時鐘 {clock} 已經暫停(自 {at} 起,因事件 {event})",
        "zh-Hans": "时钟 {clock} 已经暂停(自 {at} 起,因事件 {event})",
        "en": "clock {clock} is already paused (since {at} by {event})",
    },
    "case.event.extension_too_late": {
        "zh-Hant": "時鐘 {clock} 已於 {at} 到期;延長必須在期限屆滿前批准",
        "zh-Hans": "时钟 {clock} 已于 {at} 到期;延长必须在期限届满前批准",
        "en": "clock {clock} already ran out at {at}; "
        "an extension must be approved before the period ends",
    },
    "case.event.cannot_extend": {
        "zh-Hant": "時鐘 {clock} 不能延長:它的狀態是 {state}",
        "zh-Hans": "时钟 {clock} 不能延长:它的状态是 {state}",
        "en": "clock {clock} cannot be extended: it is {state}",
    },
    "case.event.cannot_extend.not_started": {
        "zh-Hant": "時鐘 {clock} 不能延長:還沒有開始計時",
        "zh-Hans": "时钟 {clock} 不能延长:还没有开始计时",
        "en": "clock {clock} cannot be extended: it is not_started",
    },
    "case.event.cannot_extend.met": {
        "zh-Hant": "時鐘 {clock} 不能延長:已按時完成",
        "zh-Hans": "时钟 {clock} 不能延长:已按时完成",
        "en": "clock {clock} cannot be extended: it is met",
    },
    "case.event.cannot_extend.stopped": {
        "zh-Hant": "時鐘 {clock} 不能延長:已停止計時",
        "zh-Hans": "时钟 {clock} 不能延长:已停止计时",
        "en": "clock {clock} cannot be extended: it is stopped",
    },
    "case.event.cannot_extend.not_applicable": {
        "zh-Hant": "時鐘 {clock} 不能延長:這宗投訴不適用這個時限",
        "zh-Hans": "时钟 {clock} 不能延长:这宗投诉不适用这个时限",
        "en": "clock {clock} cannot be extended: it is not_applicable",
    },
    "case.event.extension_past_maximum": {
        "zh-Hant": "已達上限:時鐘已延長到來源允許的最長期限",
        "zh-Hans": "已达上限:时钟已延长到来源允许的最长期限",
        "en": "past the maximum: the clock was already extended as far as the source allows",
    },
    **_clock_units(
        "past the maximum: clock {clock} was already extended to {period} ({id}), "
        "the most {article} allows",
        "已達上限:時鐘 {clock} 已延長至{period}({id}),這是{article}允許的最長期限",
        "已达上限:时钟 {clock} 已延长至{period}({id}),这是{article}允许的最长期限",
    ),
    "case.event.extension_not_next": {
        "zh-Hant": "時鐘 {clock} 的下一次延長({id})要由事件 {event} 記錄",
        "zh-Hans": "时钟 {clock} 的下一次延长({id})要由事件 {event} 记录",
        "en": "the next extension of clock {clock} ({id}) is by {event}",
    },
    "case.event.extension_needs_by": {
        "zh-Hant": "時鐘 {clock} 的延長 {id} 必須用 'by' 寫明批准的角色;可以寫:{allowed}",
        "zh-Hans": "时钟 {clock} 的延长 {id} 必须用 'by' 写明批准的角色;可以写:{allowed}",
        "en": "extension {id} of clock {clock} needs 'by': the approving role; allowed: {allowed}",
    },
    "case.event.extension_no_authority": {
        "zh-Hant": "角色 {role} 無權批准時鐘 {clock} 的延長 {id};有權批准的是:{allowed}",
        "zh-Hans": "角色 {role} 无权批准时钟 {clock} 的延长 {id};有权批准的是:{allowed}",
        "en": "role {role} has no authority to approve extension {id} of clock {clock}; "
        "allowed: {allowed}",
    },
}
"""Why a case event was rejected (:mod:`complaint_rules.lifecycle`): an event that cannot
be read, or one the case refuses; each with the values it is worded with (ids, instants
and labels as they are)."""

MESSAGES_INPUT = {**MESSAGES_INPUT, **_EVENTS}
