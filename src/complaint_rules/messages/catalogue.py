"""Every message the tools say to a person, by its stable ``code``, in each language.

One table: :data:`MESSAGES` maps a problem's code (the :attr:`Problem.code
<complaint_rules.errors.Problem.code>` that machines match on) to its wording in
Traditional Chinese (``zh-Hant``), Simplified Chinese (``zh-Hans``) and English (``en``),
written out for each language; templates use :meth:`str.format` fields, the same fields in
every language. A problem carries its English text as ``message`` and the values it was
worded with as ``args``, so :func:`problem_text` can say it in any language.

Which language: :func:`choose_lang` (an explicit choice, then ``COMPLAINT_RULES_LANG``,
then the locale: ``zh_TW``/``zh_HK``/``zh_MO`` are Traditional, ``zh_CN``/``zh_SG``
Simplified, anything else English).
"""

from __future__ import annotations

import os
import string
import unicodedata
from collections.abc import Mapping, Sequence

from ..errors import InputError, Problem
from ..errors import problem_document as errors_problem_document
from ._argparse import MESSAGES_ARGPARSE, MESSAGES_NOTES
from ._diff import MESSAGES_DIFF
from ._graph import MESSAGES_GRAPH
from ._host import MESSAGES_HOST
from ._input import MESSAGES_INPUT, WORDS_INPUT
from ._lang import LANGS, Lang
from ._lint import MESSAGES_LINT
from ._policy import MESSAGES_POLICY
from ._render import MESSAGES_RENDER
from ._tests import MESSAGES_TESTS

__all__ = [
    "LANGS",
    "MESSAGES",
    "WORDS",
    "Lang",
    "Refusal",
    "choose_lang",
    "format_problem",
    "make_problem",
    "parse_lang",
    "problem_text",
    "say",
    "show_line",
]

ENV = "COMPLAINT_RULES_LANG"
"""The environment variable that chooses the language when no ``--lang`` is given."""

_HANT_REGIONS = ("TW", "HK", "MO")
_HANS_REGIONS = ("CN", "SG")


def parse_lang(value: str) -> Lang:
    """``zh-hant``, ``ZH-HANS``, ``en`` → the language, whatever its case (``_`` for ``-`` too)."""
    wanted = value.strip().replace("_", "-").casefold()
    for lang in LANGS:
        if wanted == lang.casefold():
            return lang
    raise ValueError(f"language is one of {', '.join(LANGS)}, not {value!r}")


def _from_locale(value: str) -> Lang | None:
    """``zh_TW.UTF-8`` → zh-Hant, ``zh_CN`` → zh-Hans, another language → en; ``C``/empty → None."""
    name = value.split(".")[0].split("@")[0]
    if not name or name in ("C", "POSIX"):
        return None
    parts = name.replace("-", "_").split("_")
    if parts[0].casefold() != "zh":
        return "en"
    rest = [p.upper() for p in parts[1:]]
    if "HANT" in rest or any(r in _HANT_REGIONS for r in rest):
        return "zh-Hant"
    if "HANS" in rest or any(r in _HANS_REGIONS for r in rest):
        return "zh-Hans"
    return "zh-Hant"


def choose_lang(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> Lang:
    """The language to speak: ``explicit`` (``--lang``), else ``COMPLAINT_RULES_LANG``, else
    the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else English. Raises ``ValueError``
    for an explicit or ``COMPLAINT_RULES_LANG`` value that is not a language."""
    env = os.environ if environ is None else environ
    if explicit:
        return parse_lang(explicit)
    if env.get(ENV):
        return parse_lang(env[ENV])
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(name):
            found = _from_locale(env[name])
            if found is not None:
                return found
            break
    return "en"


MESSAGES_CHECKS: Mapping[str, Mapping[Lang, str]] = {
    "policy.undeclared_term": {
        "zh-Hant": "{kind} {value} 沒有在詞彙表(vocabulary)中宣告;{choices}",
        "zh-Hans": "{kind} {value} 没有在词汇表(vocabulary)中声明;{choices}",
        "en": "{kind} {value} is not declared in vocabulary; {choices}",
    },
    "policy.vocabulary.duplicate_id": {
        "zh-Hant": "代號 {id} 重複了(第一次在 {first})",
        "zh-Hans": "代号 {id} 重复了(第一次在 {first})",
        "en": "duplicate id {id} (first at {first})",
    },
    "policy.vocabulary.spelling_twice": {
        "zh-Hant": "{kind}的寫法 {spelling} 同時指 {first} 和 {id};每種寫法只能指一個",
        "zh-Hans": "{kind}的写法 {spelling} 同时指 {first} 和 {id};每种写法只能指一个",
        "en": "{kind} spelling {spelling} names both {first} and {id}",
    },
    "policy.reports_to_cycle": {
        "zh-Hant": "reports_to(向誰報告)形成循環:{cycle}",
        "zh-Hans": "reports_to(向谁报告)形成循环:{cycle}",
        "en": "reports_to forms a cycle: {cycle}",
    },
    "policy.fact.reserved": {
        "zh-Hant": "{id} 是投訴欄位保留的名稱,不能當事實的代號",
        "zh-Hans": "{id} 是投诉字段保留的名称,不能当事实的代号",
        "en": "{id} is reserved for complaint fields",
    },
    "policy.fact.duplicate_id": {
        "zh-Hant": "事實代號 {id} 重複了",
        "zh-Hans": "事实代号 {id} 重复了",
        "en": "duplicate fact id {id}",
    },
    "policy.fact.default_type": {
        "zh-Hant": "預設值(default)不符合類型 {type}",
        "zh-Hans": "默认值(default)不符合类型 {type}",
        "en": "default does not fit type {type}",
    },
    "policy.parameter.duplicate_id": {
        "zh-Hant": "參數代號 {id} 重複了",
        "zh-Hans": "参数代号 {id} 重复了",
        "en": "duplicate parameter id {id}",
    },
    "policy.timezone": {
        "zh-Hant": "不認識的時區 {zone}(例如 Asia/Shanghai)",
        "zh-Hans": "不认识的时区 {zone}(例如 Asia/Shanghai)",
        "en": "unknown time zone {zone} (e.g. Asia/Shanghai)",
    },
    "policy.calendar.both": {
        "zh-Hant": "{day} 同時列為假日和工作日",
        "zh-Hans": "{day} 同时列为假日和工作日",
        "en": "{day} is listed as holiday and workday",
    },
    "policy.level_input.classified": {
        "zh-Hant": "有分類表(classification)的政策由分類表決定級別;level_input 必須寫 'forbidden' 或不寫",
        "zh-Hans": "有分类表(classification)的政策由分类表决定级别;level_input 必须写 'forbidden' 或不写",
        "en": "a policy with a classification table derives the level; level_input must be 'forbidden' or left out",
    },
    "policy.classification.no_levels": {
        "zh-Hant": "分類表需要在 vocabulary.levels 中宣告級別",
        "zh-Hans": "分类表需要在 vocabulary.levels 中声明级别",
        "en": "a classification table needs vocabulary.levels",
    },
    "policy.level_input.no_levels": {
        "zh-Hant": "level_input 需要在 vocabulary.levels 中宣告級別",
        "zh-Hans": "level_input 需要在 vocabulary.levels 中声明级别",
        "en": "level_input needs vocabulary.levels",
    },
    "policy.period.min_max": {
        "zh-Hant": "最小值 {min} 大於最大值 {max}",
        "zh-Hans": "最小值 {min} 大于最大值 {max}",
        "en": "min {min} is greater than max {max}",
    },
    "policy.period.days_at_least_one": {
        "zh-Hant": "以日計的期限至少是 1 日",
        "zh-Hans": "以日计的期限至少是 1 日",
        "en": "a period in days is at least 1 day",
    },
    "policy.amount_fact": {
        "zh-Hant": "{fact} 不是 {kind} 類型的事實({what});{choices}",
        "zh-Hans": "{fact} 不是 {kind} 类型的事实({what});{choices}",
        "en": "{fact} is not an {kind} fact ({what}); {choices}",
    },
    "policy.amount_fact.negative": {
        "zh-Hant": "事實 {fact} 是{what},不會是負數:請在宣告中寫 'minimum: 0'(或更大)",
        "zh-Hans": "事实 {fact} 是{what},不会是负数:请在声明中写 'minimum: 0'(或更大)",
        "en": "fact {fact} is {what}, never negative: declare it with 'minimum: 0' (or more)",
    },
    "policy.headcount_fact": {
        "zh-Hant": "{fact} 不是 {kind} 類型的事實({what});{choices}",
        "zh-Hans": "{fact} 不是 {kind} 类型的事实({what});{choices}",
        "en": "{fact} is not an {kind} fact ({what}); {choices}",
    },
    "policy.headcount_fact.negative": {
        "zh-Hant": "事實 {fact} 是{what},不會是負數:請在宣告中寫 'minimum: 0'(或更大)",
        "zh-Hans": "事实 {fact} 是{what},不会是负数:请在声明中写 'minimum: 0'(或更大)",
        "en": "fact {fact} is {what}, never negative: declare it with 'minimum: 0' (or more)",
    },
    "policy.earlier_total_fact": {
        "zh-Hant": "{fact} 不是 {kind} 類型的事實({what});{choices}",
        "zh-Hans": "{fact} 不是 {kind} 类型的事实({what});{choices}",
        "en": "{fact} is not an {kind} fact ({what}); {choices}",
    },
    "policy.earlier_total_fact.negative": {
        "zh-Hant": "事實 {fact} 是{what},不會是負數:請在宣告中寫 'minimum: 0'(或更大)",
        "zh-Hans": "事实 {fact} 是{what},不会是负数:请在声明中写 'minimum: 0'(或更大)",
        "en": "fact {fact} is {what}, never negative: declare it with 'minimum: 0' (or more)",
    },
    "policy.either_needs_two": {
        "zh-Hant": "{name}_any 表示「或」:'{name}' 中的任一角色皆可;'{name}' 只列了 {count} 個,至少要兩個",
        "zh-Hans": "{name}_any 表示「或」:'{name}' 中的任一角色皆可;'{name}' 只列了 {count} 个,至少要两个",
        "en": "{name}_any says any one of the roles in '{name}' (「或」); '{name}' names {count}, it needs two or more",
    },
    "policy.parameter.undeclared": {
        "zh-Hant": "參數 {id} 沒有宣告;{choices}",
        "zh-Hans": "参数 {id} 没有声明;{choices}",
        "en": "parameter {id} is not declared; {choices}",
    },
    "policy.parameter.not_money": {
        "zh-Hant": "參數 {id} 不是金額(money)",
        "zh-Hans": "参数 {id} 不是金额(money)",
        "en": "parameter {id} is not money",
    },
    "policy.parameter.not_int": {
        "zh-Hant": "參數 {id} 不是整數(int)",
        "zh-Hans": "参数 {id} 不是整数(int)",
        "en": "parameter {id} is not int",
    },
    "policy.money.min_max": {
        "zh-Hant": "最小值 {min} 元大於最大值 {max} 元",
        "zh-Hans": "最小值 {min} 元大于最大值 {max} 元",
        "en": "min {min} is greater than max {max} (yuan)",
    },
    "policy.rules.none": {
        "zh-Hant": "政策至少要有一條規則(rules)",
        "zh-Hans": "政策至少要有一条规则(rules)",
        "en": "a policy needs at least one rule",
    },
    "policy.rule.duplicate_id": {
        "zh-Hant": "規則代號 {id} 重複了(第一次在 {first})",
        "zh-Hans": "规则代号 {id} 重复了(第一次在 {first})",
        "en": "duplicate rule id {id} (first at {first})",
    },
    "policy.element.duplicate_id": {
        "zh-Hant": "{kind}代號 {id} 重複了(第一次在 {first})",
        "zh-Hans": "{kind}代号 {id} 重复了(第一次在 {first})",
        "en": "duplicate {kind} id {id} (first at {first})",
    },
    "policy.either_roles": {
        "zh-Hant": "or_roles 把同一個角色寫了兩次(或重複了 'role');每個可替代的承辦角色只寫一次",
        "zh-Hans": "or_roles 把同一个角色写了两次(或重复了 'role');每个可替代的承办角色只写一次",
        "en": "or_roles names a role twice (or repeats 'role'); each alternative holder once",
    },
    "policy.deadline.start_fact": {
        "zh-Hant": "{fact} 不是日期時間(datetime)類型的事實;{choices}",
        "zh-Hans": "{fact} 不是日期时间(datetime)类型的事实;{choices}",
        "en": "{fact} is not a datetime fact; {choices}",
    },
    "policy.action_trigger": {
        "zh-Hant": "{event} 不是行動可以接在後面的事件;{choices}",
        "zh-Hans": "{event} 不是行动可以接在后面的事件;{choices}",
        "en": "{event} is not an event an action can follow; {choices}",
    },
    "policy.action.deadline_undeclared": {
        "zh-Hant": "期限 {id} 沒有宣告;{choices}",
        "zh-Hans": "期限 {id} 没有声明;{choices}",
        "en": "deadline {id} is not declared; {choices}",
    },
    "policy.escalation.needs_deadline": {
        "zh-Hant": "on: deadline_missed(逾期時)需要寫 'deadline'(哪個期限)",
        "zh-Hans": "on: deadline_missed(逾期时)需要写 'deadline'(哪个期限)",
        "en": "on: deadline_missed needs 'deadline'",
    },
    "policy.escalation.deadline_undeclared": {
        "zh-Hant": "期限 {id} 沒有宣告;{choices}",
        "zh-Hans": "期限 {id} 没有声明;{choices}",
        "en": "deadline {id} is not declared; {choices}",
    },
    "policy.escalation.deadline_without_missed": {
        "zh-Hant": "'deadline' 只能和 on: deadline_missed 一起寫",
        "zh-Hans": "'deadline' 只能和 on: deadline_missed 一起写",
        "en": "'deadline' goes with on: deadline_missed",
    },
    "policy.escalation.trigger": {
        "zh-Hant": "{event} 不是可以觸發上報的事件;{choices}",
        "zh-Hans": "{event} 不是可以触发上报的事件;{choices}",
        "en": "{event} is not a trigger; {choices}",
    },
    "policy.escalation.next_undeclared": {
        "zh-Hant": "上報步驟 {id} 沒有宣告;{choices}",
        "zh-Hans": "上报步骤 {id} 没有声明;{choices}",
        "en": "escalation {id} is not declared; {choices}",
    },
    "policy.escalation.cycle": {
        "zh-Hant": "上報步驟形成循環:{cycle}",
        "zh-Hans": "上报步骤形成循环:{cycle}",
        "en": "escalation steps form a cycle: {cycle}",
    },
    "policy.report_start": {
        "zh-Hant": "{fact} 不是日期時間(datetime)類型的事實;{choices}",
        "zh-Hans": "{fact} 不是日期时间(datetime)类型的事实;{choices}",
        "en": "{fact} is not a datetime fact; {choices}",
    },
    "policy.report_start.no_due": {
        "zh-Hant": "'starts' 說明 'due' 從何時起算;但這份報告沒有 'due'",
        "zh-Hans": "'starts' 说明 'due' 从何时起算;但这份报告没有 'due'",
        "en": "'starts' says from when 'due' is counted; this report has no 'due'",
    },
    "policy.retention.counted_from_fact": {
        "zh-Hant": "{fact} 不是日期時間(datetime)類型的事實;{choices}",
        "zh-Hans": "{fact} 不是日期时间(datetime)类型的事实;{choices}",
        "en": "{fact} is not a datetime fact; {choices}",
    },
    "policy.retention.no_years": {
        "zh-Hant": "'counted_from' 說明 'years' 從何時起算;但這項保存沒有 'years'",
        "zh-Hans": "'counted_from' 说明 'years' 从何时起算;但这项保存没有 'years'",
        "en": "'counted_from' says from when 'years' is counted; this retention has no 'years'",
    },
    "policy.penalty.needs_amount": {
        "zh-Hant": "{kind} 需要寫 amount_yuan(金額)",
        "zh-Hans": "{kind} 需要写 amount_yuan(金额)",
        "en": "a {kind} needs amount_yuan",
    },
    "policy.approval.amount_fact": {
        "zh-Hant": "{fact} 不是數字類型的事實;{choices}",
        "zh-Hans": "{fact} 不是数字类型的事实;{choices}",
        "en": "{fact} is not a number fact; {choices}",
    },
    "policy.tier_limit_fact": {
        "zh-Hant": "審批層級的限額是來源條文寫明的金額或機構設定的參數,不能是案件的事實",
        "zh-Hans": "审批层级的限额是来源条文写明的金额或机构设置的参数,不能是案件的事实",
        "en": "a tier's limit is an amount the source states or a parameter the institution sets, not a fact of the case",
    },
    "policy.periodic.duplicate_id": {
        "zh-Hant": "定期職責代號 {id} 重複了(第一次在 {first})",
        "zh-Hans": "定期职责代号 {id} 重复了(第一次在 {first})",
        "en": "duplicate periodic duty id {id} (first at {first})",
    },
    "policy.periodic.due_twice": {
        "zh-Hant": "'due: end_of_period' 和 'due_day' 只能寫一個",
        "zh-Hans": "'due: end_of_period' 和 'due_day' 只能写一个",
        "en": "give either 'due: end_of_period' or 'due_day', not both",
    },
    "policy.conflict_duplicate_id": {
        "zh-Hant": "職責衝突代號 {id} 重複了(第一次在 {first})",
        "zh-Hans": "职责冲突代号 {id} 重复了(第一次在 {first})",
        "en": "duplicate conflict id {id} (first at {first})",
    },
    "policy.conflict_roles": {
        "zh-Hant": "請列出兩個以上不能同時承擔這項職責的不同角色,或一個都不列(表示職責專屬:只由一個角色承擔)",
        "zh-Hans": "请列出两个以上不能同时承担这项职责的不同角色,或一个都不列(表示职责专属:只由一个角色承担)",
        "en": "name two or more different roles that cannot hold the duty together, or none (the duty is exclusive: one role holds it)",
    },
    "policy.exclusive_duty_conflict": {
        "zh-Hant": "規則 {rule} 把 {duty} 交給 {roles},但職責衝突 {conflict} 說它們不能同時承擔",
        "zh-Hans": "规则 {rule} 把 {duty} 交给 {roles},但职责冲突 {conflict} 说它们不能同时承担",
        "en": "rule {rule} gives {duty} to {roles}, which conflict {conflict} says cannot hold it together",
    },
    "policy.event.reserved": {
        "zh-Hant": "{id} 是每份政策都有的案件事件所保留的名稱({reserved})",
        "zh-Hans": "{id} 是每份政策都有的案件事件所保留的名称({reserved})",
        "en": "{id} is reserved for the case events every policy has ({reserved})",
    },
    "policy.lifecycle.not_an_event": {
        "zh-Hant": "{event} 不是事件;{choices}",
        "zh-Hans": "{event} 不是事件;{choices}",
        "en": "{event} is not an event; {choices}",
    },
    "policy.lifecycle.duplicate_id": {
        "zh-Hant": "{kind}代號 {id} 重複了(第一次在 {first})",
        "zh-Hans": "{kind}代号 {id} 重复了(第一次在 {first})",
        "en": "duplicate {kind} id {id} (first at {first})",
    },
    "policy.lifecycle.sets_fact": {
        "zh-Hant": "{fact} 不是是非值(bool)或整數(int)類型的事實;{choices}",
        "zh-Hans": "{fact} 不是是非值(bool)或整数(int)类型的事实;{choices}",
        "en": "{fact} is not a bool or int fact; {choices}",
    },
    "policy.lifecycle.sets_datetime": {
        "zh-Hant": "{fact} 不是是非值(bool)或整數(int)類型的事實(日期時間事實請用 sets_time);{choices}",
        "zh-Hans": "{fact} 不是是非值(bool)或整数(int)类型的事实(日期时间事实请用 sets_time);{choices}",
        "en": "{fact} is not a bool or int fact (use sets_time for a datetime fact); {choices}",
    },
    "policy.lifecycle.sets_type": {
        "zh-Hant": "{value} 不符合事實的類型 {type}",
        "zh-Hans": "{value} 不符合事实的类型 {type}",
        "en": "{value} does not fit fact type {type}",
    },
    "policy.lifecycle.event_undeclared": {
        "zh-Hant": "{id} 沒有在 vocabulary.events 中宣告;{choices}",
        "zh-Hans": "{id} 没有在 vocabulary.events 中声明;{choices}",
        "en": "{id} is not declared in vocabulary.events; {choices}",
    },
    "policy.lifecycle.sets_time_fact": {
        "zh-Hant": "{fact} 不是日期時間(datetime)類型的事實;{choices}",
        "zh-Hans": "{fact} 不是日期时间(datetime)类型的事实;{choices}",
        "en": "{fact} is not a datetime fact; {choices}",
    },
    "policy.clock.deadline_undeclared": {
        "zh-Hant": "期限 {id} 沒有宣告;{choices}",
        "zh-Hans": "期限 {id} 没有声明;{choices}",
        "en": "deadline {id} is not declared; {choices}",
    },
    "policy.clock.no_start": {
        "zh-Hant": "時鐘至少需要一個開始計時的事件",
        "zh-Hans": "时钟至少需要一个开始计时的事件",
        "en": "a clock needs at least one event that starts it",
    },
    "policy.clock.event_twice": {
        "zh-Hant": "事件 {event} 已經寫在這個時鐘的 {op} 裡;一個事件對一個時鐘只做一件事",
        "zh-Hans": "事件 {event} 已经写在这个时钟的 {op} 里;一个事件对一个时钟只做一件事",
        "en": "event {event} is already in {op} of this clock; an event does one thing to a clock",
    },
    "policy.clock.pause_resume": {
        "zh-Hant": "會暫停的時鐘需要恢復計時的事件,反之亦然",
        "zh-Hans": "会暂停的时钟需要恢复计时的事件,反之亦然",
        "en": "a clock that pauses needs events that resume it, and the reverse",
    },
    "policy.clock.not_pausable": {
        "zh-Hant": "只有以分鐘、小時、日曆日或工作日計的期限可以暫停或延長(月底或 'until' 期限不行)",
        "zh-Hans": "只有以分钟、小时、日历日或工作日计的期限可以暂停或延长(月底或 'until' 期限不行)",
        "en": "only a period in minutes, hours, calendar_days or working_days can be paused or extended (not an end of month or an 'until' deadline)",
    },
    "policy.clock.extension_units": {
        "zh-Hant": "可延長的時鐘只能用一種單位;它的期限用了 {units}",
        "zh-Hans": "可延长的时钟只能用一种单位;它的期限用了 {units}",
        "en": "an extended clock needs one unit; its deadlines use {units}",
    },
    "policy.extension.duplicate_id": {
        "zh-Hant": "延長代號 {id} 重複了(第一次在 {first})",
        "zh-Hans": "延长代号 {id} 重复了(第一次在 {first})",
        "en": "duplicate extension id {id} (first at {first})",
    },
    "policy.extension.two_clocks": {
        "zh-Hant": "事件 {event} 已經延長時鐘 {clock};一個延長事件只延長一個時鐘",
        "zh-Hans": "事件 {event} 已经延长时钟 {clock};一个延长事件只延长一个时钟",
        "en": "event {event} already extends clock {clock}; an extension event extends one clock",
    },
    "policy.extension.unit": {
        "zh-Hant": "延長要沿用時鐘的單位({unit})",
        "zh-Hans": "延长要沿用时钟的单位({unit})",
        "en": "an extension keeps the clock's unit ({unit})",
    },
    "policy.extension.not_longer": {
        "zh-Hant": "延長後的期限必須比之前的期限({previous} {unit})長;這裡寫的是 {got}",
        "zh-Hans": "延长后的期限必须比之前的期限({previous} {unit})长;这里写的是 {got}",
        "en": "an extension must be longer than the period before it ({previous} {unit}); got {got}",
    },
    "policy.duty.action_and_report": {
        "zh-Hant": "{id} 同時是一項行動和一份報告的代號",
        "zh-Hans": "{id} 同时是一项行动和一份报告的代号",
        "en": "{id} names both an action and a report",
    },
    "policy.duty.not_an_action": {
        "zh-Hant": "{id} 不是規則中的行動或報告;{choices}",
        "zh-Hans": "{id} 不是规则中的行动或报告;{choices}",
        "en": "{id} is not an action or report of the rules; {choices}",
    },
    "policy.discretionary_owed": {
        "zh-Hant": "{id} 是可選擇的(來源條文寫「可」:可以做);它永遠不是應辦事項",
        "zh-Hans": "{id} 是可选择的(来源条文写「可」:可以做);它永远不是应办事项",
        "en": "{id} is discretionary (the source says 「可」: it may be done); it is never owed",
    },
    "policy.discretionary_owed.reminder": {
        "zh-Hant": "{id} 是可選擇的(來源條文寫「可」:可以做);不會提醒任何人",
        "zh-Hans": "{id} 是可选择的(来源条文写「可」:可以做);不会提醒任何人",
        "en": "{id} is discretionary (the source says 「可」: it may be done); nobody is reminded of it",
    },
    "policy.duty.no_after": {
        "zh-Hant": "應辦事項需要寫明在哪些事件之後應辦(after)",
        "zh-Hans": "应办事项需要写明在哪些事件之后应办(after)",
        "en": "a duty needs the events after which it is owed",
    },
    "policy.duty.clock_undeclared": {
        "zh-Hant": "時鐘 {id} 沒有宣告;{choices}",
        "zh-Hans": "时钟 {id} 没有声明;{choices}",
        "en": "clock {id} is not declared; {choices}",
    },
    "policy.reminder.not_an_action": {
        "zh-Hant": "{id} 不是規則中的行動;{choices}",
        "zh-Hans": "{id} 不是规则中的行动;{choices}",
        "en": "{id} is not an action of the rules; {choices}",
    },
    "policy.reminder.clock_undeclared": {
        "zh-Hant": "時鐘 {id} 沒有宣告;{choices}",
        "zh-Hans": "时钟 {id} 没有声明;{choices}",
        "en": "clock {id} is not declared; {choices}",
    },
    "policy.reminder.offset": {
        "zh-Hant": "參數 {id} 是 {value};提前量必須是大於或等於 1 的整數",
        "zh-Hans": "参数 {id} 是 {value};提前量必须是大于或等于 1 的整数",
        "en": "parameter {id} is {value}; an offset is a whole number >= 1",
    },
    "policy.lifecycle.gap_article": {
        "zh-Hant": "生命週期中的缺漏(gap)要引用條文(article)",
        "zh-Hans": "生命周期中的缺漏(gap)要引用条文(article)",
        "en": "a lifecycle gap cites its article",
    },
    "policy.condition.not_a_mapping": {
        "zh-Hant": "條件要寫成「欄位: 值」的對照,而且不能是空的",
        "zh-Hans": "条件要写成「字段: 值」的对照,而且不能是空的",
        "en": "a condition is a non-empty mapping of field to value",
    },
    "policy.condition.empty_list": {
        "zh-Hant": "'{key}' 後面要寫一個不是空的條件清單",
        "zh-Hans": "'{key}' 后面要写一个不是空的条件清单",
        "en": "'{key}' takes a non-empty list of conditions",
    },
    "policy.condition.unknown_field": {
        "zh-Hant": "不認識的條件欄位 {field};{choices}",
        "zh-Hans": "不认识的条件字段 {field};{choices}",
        "en": "unknown condition field {field}; {choices}",
    },
    "policy.condition.one_operator": {
        "zh-Hant": "請只用下列其中一個:{ops}",
        "zh-Hans": "请只用下列其中一个:{ops}",
        "en": "use exactly one of: {ops}",
    },
    "policy.condition.unknown_operator": {
        "zh-Hant": "不認識的比較方式 {op};{choices}",
        "zh-Hans": "不认识的比较方式 {op};{choices}",
        "en": "unknown operator {op}; {choices}",
    },
    "policy.condition.no_values": {
        "zh-Hant": "請至少寫一個值",
        "zh-Hans": "请至少写一个值",
        "en": "name one or more values",
    },
    "policy.condition.undeclared": {
        "zh-Hant": "{value} 沒有宣告;{choices}",
        "zh-Hans": "{value} 没有声明;{choices}",
        "en": "{value} is not declared; {choices}",
    },
    "policy.condition.given": {
        "zh-Hant": "'given' 後面要寫 true 或 false",
        "zh-Hans": "'given' 后面要写 true 或 false",
        "en": "'given' takes true or false",
    },
    "policy.condition.bool_fact": {
        "zh-Hant": "事實 {fact} 是是非值:請和 true 或 false 比較",
        "zh-Hans": "事实 {fact} 是是非值:请和 true 或 false 比较",
        "en": "fact {fact} is a bool: compare with true or false",
    },
    "policy.condition.number_fact": {
        "zh-Hant": "事實 {fact} 是數字:請和數字比較",
        "zh-Hans": "事实 {fact} 是数字:请和数字比较",
        "en": "fact {fact} is a number: compare with a number",
    },
    "policy.condition.not_a_number": {
        "zh-Hant": "{value} 不是數字",
        "zh-Hans": "{value} 不是数字",
        "en": "{value} is not a number",
    },
    "policy.condition.given_only": {
        "zh-Hant": "事實 {fact}({type})只能用 'given' 檢查有沒有填",
        "zh-Hans": "事实 {fact}({type})只能用 'given' 检查有没有填",
        "en": "fact {fact} ({type}) can only be tested with 'given'",
    },
    "policy.remove_rules.unknown": {
        "zh-Hant": "{base} 沒有可移除的規則 {id}",
        "zh-Hans": "{base} 没有可移除的规则 {id}",
        "en": "{base} has no rule {id} to remove",
    },
    "policy.base_given": {
        "zh-Hant": "這份政策延伸(extends){extends},但提供的基礎政策是 {got}",
        "zh-Hans": "这份政策延伸(extends){extends},但提供的基础政策是 {got}",
        "en": "extends {extends}, but the base given is {got}",
    },
}
"""The consistency checks of a policy (:mod:`complaint_rules.policy.compiled`), by code."""

WORDS_CHECKS: Mapping[str, Mapping[Lang, str]] = {
    "deadline": {"zh-Hant": "期限", "zh-Hans": "期限", "en": "deadline"},
    "action": {"zh-Hant": "行動", "zh-Hans": "行动", "en": "action"},
    "escalation": {"zh-Hant": "上報", "zh-Hans": "上报", "en": "escalation"},
    "report": {"zh-Hant": "報告", "zh-Hans": "报告", "en": "report"},
    "retention": {"zh-Hant": "保存", "zh-Hans": "保存", "en": "retention"},
    "penalty": {"zh-Hant": "罰則", "zh-Hans": "罚则", "en": "penalty"},
    "approval": {"zh-Hant": "審批", "zh-Hans": "审批", "en": "approval"},
    "clock": {"zh-Hant": "時鐘", "zh-Hans": "时钟", "en": "clock"},
    "duty": {"zh-Hant": "應辦事項", "zh-Hans": "应办事项", "en": "duty"},
    "reminder": {"zh-Hant": "提醒", "zh-Hans": "提醒", "en": "reminder"},
    "an amount in yuan": {
        "zh-Hant": "以元計的金額",
        "zh-Hans": "以元计的金额",
        "en": "an amount in yuan",
    },
    "a number of persons": {"zh-Hant": "人數", "zh-Hans": "人数", "en": "a number of persons"},
    "an amount already approved, in yuan": {
        "zh-Hant": "已核准的金額(元)",
        "zh-Hans": "已核准的金额(元)",
        "en": "an amount already approved, in yuan",
    },
    "int or decimal": {
        "zh-Hant": "整數或小數(int 或 decimal)",
        "zh-Hans": "整数或小数(int 或 decimal)",
        "en": "int or decimal",
    },
    "int": {"zh-Hant": "整數(int)", "zh-Hans": "整数(int)", "en": "int"},
    "starts": {"zh-Hant": "starts(開始)", "zh-Hans": "starts(开始)", "en": "starts"},
    "meets": {"zh-Hant": "meets(達成)", "zh-Hans": "meets(达成)", "en": "meets"},
    "stops": {"zh-Hant": "stops(停止)", "zh-Hans": "stops(停止)", "en": "stops"},
    "pauses": {"zh-Hant": "pauses(暫停)", "zh-Hans": "pauses(暂停)", "en": "pauses"},
    "resumes": {"zh-Hant": "resumes(恢復)", "zh-Hans": "resumes(恢复)", "en": "resumes"},
    "restarts": {
        "zh-Hant": "restarts(重新開始)",
        "zh-Hans": "restarts(重新开始)",
        "en": "restarts",
    },
    "none": {"zh-Hant": "無", "zh-Hans": "无", "en": "none"},
}


MESSAGES_GENERAL: Mapping[str, Mapping[Lang, str]] = {
    "calendar.unknown": {
        "zh-Hant": "找不到所指定的日曆",
        "zh-Hans": "找不到所指定的日历",
        "en": "the calendar asked for is not known",
    },
    "calendar.unpublished": {
        "zh-Hant": "期限經過的某一年尚未公布官方假日安排",
        "zh-Hans": "期限经过的某一年尚未公布官方假日安排",
        "en": "the official holiday schedule of a year the deadline runs through is not known",
    },
    "case.bad_instant": {
        "zh-Hant": "時刻不是含時區的 ISO 8601 日期時間",
        "zh-Hans": "时刻不是含时区的 ISO 8601 日期时间",
        "en": "the instant is not an ISO 8601 date-time with offset",
    },
    "case.event_rejected": {
        "zh-Hant": "這個事件在案件的這個階段不能發生",
        "zh-Hans": "这个事件在案件的这个阶段不能发生",
        "en": "this event cannot happen at this point of the case",
    },
    "case.not_a_list": {
        "zh-Hant": "案件必須是事件的 JSON 清單",
        "zh-Hans": "案件必须是事件的 JSON 清单",
        "en": "a case is a JSON list of events",
    },
    "catalog.bundled_missing": {
        "zh-Hant": "安裝的套件中缺少一份內建政策",
        "zh-Hans": "安装的套件中缺少一份内置政策",
        "en": "a bundled policy is missing from the installed package",
    },
    "catalog.duplicate_id": {
        "zh-Hant": "兩份政策用了相同的代號",
        "zh-Hans": "两份政策用了相同的代号",
        "en": "two policies have the same id",
    },
    "catalog.entry_point": {
        "zh-Hant": "無法載入已安裝套件提供的政策資料夾",
        "zh-Hans": "无法加载已安装套件提供的政策文件夹",
        "en": "an installed package's policy directory could not be loaded",
    },
    "catalog.id_not_stem": {
        "zh-Hant": "政策的代號和檔名不一致",
        "zh-Hans": "政策的代号和文件名不一致",
        "en": "a policy's id is not its file name",
    },
    "catalog.not_a_directory": {
        "zh-Hant": "所給的政策資料夾不是資料夾",
        "zh-Hans": "所给的政策文件夹不是文件夹",
        "en": "the policy directory given is not a directory",
    },
    "catalog.pin_unknown_id": {
        "zh-Hant": "鎖定(pin)指定了目錄中沒有的政策代號",
        "zh-Hans": "锁定(pin)指定了目录中没有的政策代号",
        "en": "a pin names a policy id the catalog does not know",
    },
    "catalog.unknown_id": {
        "zh-Hant": "沒有這個代號的政策",
        "zh-Hans": "没有这个代号的政策",
        "en": "no policy has this id",
    },
    "complaint.bad_instant": {
        "zh-Hant": "不是 ISO 8601 日期時間",
        "zh-Hans": "不是 ISO 8601 日期时间",
        "en": "not an ISO 8601 date-time",
    },
    "complaint.impossible_instant": {
        "zh-Hant": "不是真實存在的日期時間",
        "zh-Hans": "不是真实存在的日期时间",
        "en": "not a real date-time",
    },
    "complaint.instant_out_of_range": {
        "zh-Hant": "這個時刻超出可以計算的年份範圍",
        "zh-Hans": "这个时刻超出可以计算的年份范围",
        "en": "the instant is outside the years that can be counted",
    },
    "complaint.invalid": {
        "zh-Hant": "投訴的內容不符合要求",
        "zh-Hans": "投诉的内容不符合要求",
        "en": "the complaint is not valid",
    },
    "complaint.invalid_value": {
        "zh-Hant": "這個值不符合這個欄位",
        "zh-Hans": "这个值不符合这个字段",
        "en": "the value does not fit this field",
    },
    "complaint.invisible_character": {
        "zh-Hant": "文字中有看不見的字元或控制字元",
        "zh-Hans": "文字中有看不见的字符或控制字符",
        "en": "the text contains an invisible or control character",
    },
    "complaint.look_alike": {
        "zh-Hant": "這個詞含有外形相似的替代字元",
        "zh-Hans": "这个词含有外形相似的替代字符",
        "en": "the word contains look-alike characters",
    },
    "complaint.missing": {
        "zh-Hant": "缺少必填的欄位",
        "zh-Hans": "缺少必填的字段",
        "en": "a required field is missing",
    },
    "complaint.naive_instant": {
        "zh-Hant": "日期時間沒有時區;請加上,例如 +08:00",
        "zh-Hans": "日期时间没有时区;请加上,例如 +08:00",
        "en": "the date-time has no UTC offset; give one, e.g. +08:00",
    },
    "complaint.not_accepted": {
        "zh-Hant": "這份政策不接受這個欄位",
        "zh-Hans": "这份政策不接受这个字段",
        "en": "this policy does not accept this field",
    },
    "complaint.not_an_object": {
        "zh-Hant": "投訴必須是 JSON 物件",
        "zh-Hans": "投诉必须是 JSON 对象",
        "en": "a complaint is a JSON object",
    },
    "complaint.not_object": {
        "zh-Hant": "投訴必須是 JSON 物件",
        "zh-Hans": "投诉必须是 JSON 对象",
        "en": "a complaint is a JSON object",
    },
    "complaint.too_long": {
        "zh-Hant": "文字超過長度上限",
        "zh-Hans": "文字超过长度上限",
        "en": "the text is longer than the limit",
    },
    "complaint.too_many": {
        "zh-Hant": "項目超過上限",
        "zh-Hans": "项目超过上限",
        "en": "more items than the limit",
    },
    "complaint.too_many_problems": {
        "zh-Hant": "問題太多,未全部列出",
        "zh-Hans": "问题太多,未全部列出",
        "en": "more problems than are listed",
    },
    "complaint.unknown_field": {
        "zh-Hant": "不認識的欄位",
        "zh-Hans": "不认识的字段",
        "en": "unknown field",
    },
    "complaint.unknown_term": {
        "zh-Hant": "不是這份政策宣告的名稱",
        "zh-Hans": "不是这份政策声明的名称",
        "en": "not a name this policy declares",
    },
    "complaint.wrong_type": {
        "zh-Hant": "值的類型不對",
        "zh-Hans": "值的类型不对",
        "en": "a value of the wrong type",
    },
    "decide.bad_at": {
        "zh-Hant": "決定所依的時刻不是含時區的 ISO 8601 日期時間",
        "zh-Hans": "决定所依的时刻不是含时区的 ISO 8601 日期时间",
        "en": "the instant to decide at is not an ISO 8601 date-time with offset",
    },
    "file.not_regular": {
        "zh-Hant": "不是一般檔案(具名管道、裝置或通訊端都不接受)",
        "zh-Hans": "不是一般文件(具名管道、设备或通信端都不接受)",
        "en": "not a regular file (a FIFO, device or socket is refused)",
    },
    "file.unreadable": {
        "zh-Hant": "無法讀取這個檔案",
        "zh-Hans": "无法读取这个文件",
        "en": "the file cannot be read",
    },
    "file.unwritable": {
        "zh-Hant": "無法寫入這個檔案",
        "zh-Hans": "无法写入这个文件",
        "en": "the file cannot be written",
    },
    "input.invalid": {
        "zh-Hant": "輸入的內容不符合要求",
        "zh-Hans": "输入的内容不符合要求",
        "en": "the input is not valid",
    },
    "json.duplicate_key": {
        "zh-Hant": "JSON 物件中有重複的鍵",
        "zh-Hans": "JSON 对象中有重复的键",
        "en": "a key appears twice in a JSON object",
    },
    "json.encoding": {
        "zh-Hant": "JSON 不是有效的 UTF-8 編碼",
        "zh-Hans": "JSON 不是有效的 UTF-8 编码",
        "en": "the JSON is not valid UTF-8",
    },
    "json.not_a_number": {
        "zh-Hant": "不是 JSON 數字;請寫有限的數字",
        "zh-Hans": "不是 JSON 数字;请写有限的数字",
        "en": "not a JSON number; write a finite number",
    },
    "json.number_too_long": {
        "zh-Hant": "數字的位數超過上限",
        "zh-Hans": "数字的位数超过上限",
        "en": "the number has more digits than the limit",
    },
    "json.syntax": {
        "zh-Hant": "不是有效的 JSON",
        "zh-Hans": "不是有效的 JSON",
        "en": "not JSON",
    },
    "json.too_deep": {
        "zh-Hant": "JSON 的巢狀層次超過上限",
        "zh-Hans": "JSON 的嵌套层次超过上限",
        "en": "the JSON is nested deeper than the limit",
    },
    "policy.abstract": {
        "zh-Hant": "這份政策是供其他政策延伸的基礎,本身不能用來決定",
        "zh-Hans": "这份政策是供其他政策延伸的基础,本身不能用来决定",
        "en": "this policy is a base for others to extend; it decides nothing on its own",
    },
    "policy.base_id_mismatch": {
        "zh-Hant": "基礎政策的代號和 extends 所寫的不一致",
        "zh-Hans": "基础政策的代号和 extends 所写的不一致",
        "en": "the base policy's id is not the one extended",
    },
    "policy.base_not_found": {
        "zh-Hant": "在檔案旁邊或內建政策中都找不到 extends 所指的政策",
        "zh-Hans": "在文件旁边或内置政策中都找不到 extends 所指的政策",
        "en": "the policy named by extends is not found beside the file or bundled",
    },
    "policy.base_unloadable": {
        "zh-Hant": "extends 所指的政策無法載入",
        "zh-Hans": "extends 所指的政策无法加载",
        "en": "the policy named by extends does not load",
    },
    "policy.extends_cycle": {
        "zh-Hant": "政策之間的延伸(extends)形成循環",
        "zh-Hans": "政策之间的延伸(extends)形成循环",
        "en": "policies extend each other in a cycle",
    },
    "policy.extends_itself": {
        "zh-Hant": "政策不能延伸自己",
        "zh-Hans": "政策不能延伸自己",
        "en": "a policy cannot extend itself",
    },
    "policy.inconsistent": {
        "zh-Hant": "政策的內容互相矛盾",
        "zh-Hans": "政策的内容互相矛盾",
        "en": "the policy contradicts itself",
    },
    "policy.invalid_value": {
        "zh-Hant": "這個值不符合政策格式",
        "zh-Hans": "这个值不符合政策格式",
        "en": "this value does not fit the policy format",
    },
    "policy.not_a_mapping": {
        "zh-Hant": "政策檔案必須是「鍵: 值」的 YAML 對照",
        "zh-Hans": "政策文件必须是「键: 值」的 YAML 对照",
        "en": "a policy file is a YAML mapping of keys to values",
    },
    "policy.not_compilable": {
        "zh-Hant": "這份政策無法編譯",
        "zh-Hans": "这份政策无法编译",
        "en": "the policy does not compile",
    },
    "policy.not_in_force": {
        "zh-Hant": "在那個時刻,這份政策沒有生效的版本",
        "zh-Hans": "在那个时刻,这份政策没有生效的版本",
        "en": "no version of this policy is in force at that instant",
    },
    "policy.pin_id_mismatch": {
        "zh-Hant": "檔案中的代號和鎖定(pin)時的代號不一致",
        "zh-Hans": "文件中的代号和锁定(pin)时的代号不一致",
        "en": "the file's id is not the id it is pinned under",
    },
    "policy.pin_mismatch": {
        "zh-Hant": "檔案的雜湊值不符合這個代號的任何鎖定(pin)",
        "zh-Hans": "文件的哈希值不符合这个代号的任何锁定(pin)",
        "en": "the file's hash matches none of the pins of its id",
    },
    "policy.pin_missing": {
        "zh-Hant": "找不到已鎖定(pin)的政策檔案",
        "zh-Hans": "找不到已锁定(pin)的政策文件",
        "en": "a pinned policy's file cannot be found",
    },
    "policy.pin_unknown_id": {
        "zh-Hant": "鎖定(pin)指定的代號沒有任何已載入的政策",
        "zh-Hans": "锁定(pin)指定的代号没有任何已加载的政策",
        "en": "a pin names an id no loaded policy has",
    },
    "policy.signature_invalid": {
        "zh-Hant": "政策的簽名無效",
        "zh-Hans": "政策的签名无效",
        "en": "the policy's signature is not valid",
    },
    "policy.signature_missing": {
        "zh-Hant": "政策沒有簽名,但要求必須有簽名",
        "zh-Hans": "政策没有签名,但要求必须有签名",
        "en": "the policy has no signature, and one is required",
    },
    "policy.signature_timeout": {
        "zh-Hant": "檢查簽名超過時間上限",
        "zh-Hans": "检查签名超过时间上限",
        "en": "checking the signature took longer than the limit",
    },
    "policy.signature_unavailable": {
        "zh-Hant": "無法檢查簽名:沒有可用的檢查工具",
        "zh-Hans": "无法检查签名:没有可用的检查工具",
        "en": "the signature cannot be checked: the tool is not available",
    },
    "policy.too_deep": {
        "zh-Hant": "政策延伸的層數超過上限",
        "zh-Hans": "政策延伸的层数超过上限",
        "en": "policies extend each other deeper than the limit",
    },
    "policy.too_large": {
        "zh-Hant": "政策檔案超過大小上限",
        "zh-Hans": "政策文件超过大小上限",
        "en": "the policy file is larger than the limit",
    },
    "policy.too_many_problems": {
        "zh-Hant": "問題太多,未全部列出",
        "zh-Hans": "问题太多,未全部列出",
        "en": "more problems than are listed",
    },
    "tests_file.invalid": {
        "zh-Hant": "測試檔的內容不符合格式",
        "zh-Hans": "测试文件的内容不符合格式",
        "en": "the tests file is not valid",
    },
    "tests_file.too_large": {
        "zh-Hant": "測試檔超過大小上限",
        "zh-Hans": "测试文件超过大小上限",
        "en": "the tests file is larger than the limit",
    },
    "yaml.alias_cycle": {
        "zh-Hant": "YAML 別名(alias)指向自己",
        "zh-Hans": "YAML 别名(alias)指向自己",
        "en": "a YAML alias refers to itself",
    },
    "yaml.bom_inside": {
        "zh-Hant": "檔案中間有位元組順序記號(BOM)",
        "zh-Hans": "文件中间有字节顺序记号(BOM)",
        "en": "a byte order mark inside the file",
    },
    "yaml.complex_key": {
        "zh-Hant": "鍵必須是簡單的文字",
        "zh-Hans": "键必须是简单的文字",
        "en": "a key must be plain text",
    },
    "yaml.control_character": {
        "zh-Hant": "檔案中有控制字元",
        "zh-Hans": "文件中有控制字符",
        "en": "the file contains a control character",
    },
    "yaml.duplicate_key": {
        "zh-Hant": "同一層中有重複的鍵",
        "zh-Hans": "同一层中有重复的键",
        "en": "a key appears twice in one mapping",
    },
    "yaml.empty": {
        "zh-Hant": "檔案是空的",
        "zh-Hans": "文件是空的",
        "en": "the file is empty",
    },
    "yaml.encoding": {
        "zh-Hant": "檔案不是有效的 UTF-8 編碼",
        "zh-Hans": "文件不是有效的 UTF-8 编码",
        "en": "the file is not valid UTF-8",
    },
    "yaml.hidden_character": {
        "zh-Hant": "文字中有雙向控制、看不見或分行字元",
        "zh-Hans": "文字中有双向控制、看不见或分行字符",
        "en": "the text contains a bidi, invisible or line-separator character",
    },
    "yaml.null_key": {
        "zh-Hant": "null 或 ~ 不能當鍵",
        "zh-Hans": "null 或 ~ 不能当键",
        "en": "null or ~ cannot be a key",
    },
    "yaml.scalar": {
        "zh-Hant": "YAML 對這個值的讀法不被政策格式接受(例如十六進位或八進位數字)",
        "zh-Hans": "YAML 对这个值的读法不被政策格式接受(例如十六进位或八进位数字)",
        "en": "a value YAML reads in a way the policy format refuses (e.g. a base 16 or 8 number)",
    },
    "yaml.syntax": {
        "zh-Hant": "YAML 語法錯誤",
        "zh-Hans": "YAML 语法错误",
        "en": "YAML syntax error",
    },
    "yaml.tag": {
        "zh-Hant": "不允許使用 YAML 標籤(tag)",
        "zh-Hans": "不允许使用 YAML 标签(tag)",
        "en": "YAML tags are not allowed",
    },
    "yaml.too_deep": {
        "zh-Hant": "YAML 的巢狀層次超過上限",
        "zh-Hans": "YAML 的嵌套层次超过上限",
        "en": "the YAML is nested deeper than the limit",
    },
    "yaml.too_many_values": {
        "zh-Hant": "YAML 的值的數目超過上限",
        "zh-Hans": "YAML 的值的数目超过上限",
        "en": "the YAML has more values than the limit",
    },
}
"""The kind of each other problem, by code, said in a sentence; the problem's own English
message (which names the particulars) follows it in the other languages."""


MESSAGES_OPTIONS: Mapping[str, Mapping[Lang, str]] = {
    "cli.option.html.lang": {
        "zh-Hant": "網頁的語言:zh-Hant(預設)、zh-Hans(政策的詞語以 OpenCC 轉換)或 en;政策的標籤保持原文",
        "zh-Hans": "网页的语言:zh-Hant(默认)、zh-Hans(政策的词语以 OpenCC 转换)或 en;政策的标签保持原文",
        "en": "the pages' language: zh-Hant (default), zh-Hans (the policy's words converted with OpenCC when installed) or en; the policy's labels stay as written",
    },
    "cli.option.help": {
        "zh-Hant": "顯示這段說明後結束",
        "zh-Hans": "显示这段说明后结束",
        "en": "show this help message and exit",
    },
    "cli.option.policy_dir": {
        "zh-Hant": "也在資料夾 DIR 中依代號尋找政策(可重複)",
        "zh-Hans": "也在文件夹 DIR 中依代号寻找政策(可重复)",
        "en": "also find policies by id in DIR (repeatable)",
    },
    "cli.option.decide.policy": {
        "zh-Hant": "政策代號(見 'list')或政策檔案的路徑",
        "zh-Hans": "政策代号(见 'list')或政策文件的路径",
        "en": "a policy id (see 'list') or the path of a policy file",
    },
    "cli.option.decide.complaint": {
        "zh-Hant": "含一件投訴物件或投訴清單的 JSON 檔案;- 表示標準輸入",
        "zh-Hans": "含一件投诉对象或投诉清单的 JSON 文件;- 表示标准输入",
        "en": "a JSON file with one complaint object or a list; - for stdin",
    },
    "cli.option.decide.at": {
        "zh-Hant": "以哪個時刻為準,ISO 8601 含時區(預設:received_at)",
        "zh-Hans": "以哪个时刻为准,ISO 8601 含时区(默认:received_at)",
        "en": "the as-of instant, ISO 8601 with offset (default: received_at)",
    },
    "cli.option.decide.format": {
        "zh-Hant": "輸出格式:json 是資料形式的決定(預設),text 是給人看的文字",
        "zh-Hans": "输出格式:json 是数据形式的决定(默认),text 是给人看的文字",
        "en": "output format: json, the decision as data (default), or text, for people",
    },
    "cli.option.decide.carry": {
        "zh-Hant": "把投訴的這個個人欄位複製到決定的 'carried'(可重複;id、complainant、text 之一);預設不複製任何欄位",
        "zh-Hans": "把投诉的这个个人字段拷贝到决定的 'carried'(可重复;id、complainant、text 之一);默认不拷贝任何字段",
        "en": "copy this personal field of the complaint into the decision's 'carried' (repeatable; one of: id, complainant, text); by default none is copied",
    },
    "cli.option.decide.estimate": {
        "zh-Hant": "經過尚未公布假日安排的年份時也計算,並標明為估計",
        "zh-Hans": "经过尚未公布假日安排的年份时也计算,并标明为估计",
        "en": "count through years with no published holiday schedule, marked estimated",
    },
    "cli.option.explain.policy": {
        "zh-Hant": "政策代號(見 'list')或政策檔案的路徑",
        "zh-Hans": "政策代号(见 'list')或政策文件的路径",
        "en": "a policy id (see 'list') or the path of a policy file",
    },
    "cli.option.explain.complaint": {
        "zh-Hant": "含一件投訴物件或投訴清單的 JSON 檔案;- 表示標準輸入",
        "zh-Hans": "含一件投诉对象或投诉清单的 JSON 文件;- 表示标准输入",
        "en": "a JSON file with one complaint object or a list; - for stdin",
    },
    "cli.option.explain.at": {
        "zh-Hant": "以哪個時刻為準,ISO 8601 含時區(預設:received_at)",
        "zh-Hans": "以哪个时刻为准,ISO 8601 含时区(默认:received_at)",
        "en": "the as-of instant, ISO 8601 with offset (default: received_at)",
    },
    "cli.option.explain.estimate": {
        "zh-Hant": "經過尚未公布假日安排的年份時也計算,並標明為估計",
        "zh-Hans": "经过尚未公布假日安排的年份时也计算,并标明为估计",
        "en": "count through years with no published holiday schedule, marked estimated",
    },
    "cli.option.explain.format": {
        "zh-Hant": "輸出格式(預設:text)",
        "zh-Hans": "输出格式(默认:text)",
        "en": "output format (default: text)",
    },
    "cli.option.status.policy": {
        "zh-Hant": "政策代號(見 'list')或政策檔案的路徑",
        "zh-Hans": "政策代号(见 'list')或政策文件的路径",
        "en": "a policy id (see 'list') or the path of a policy file",
    },
    "cli.option.status.events": {
        "zh-Hant": "含案件事件清單的 JSON 檔案;- 表示標準輸入",
        "zh-Hans": "含案件事件清单的 JSON 文件;- 表示标准输入",
        "en": "a JSON file with the case's list of events; - for stdin",
    },
    "cli.option.status.at": {
        "zh-Hant": "時刻,ISO 8601 含時區",
        "zh-Hans": "时刻,ISO 8601 含时区",
        "en": "the instant, ISO 8601 with offset",
    },
    "cli.option.status.estimate": {
        "zh-Hant": "經過尚未公布假日安排的年份時也計算,並標明為估計",
        "zh-Hans": "经过尚未公布假日安排的年份时也计算,并标明为估计",
        "en": "count through years with no published holiday schedule, marked estimated",
    },
    "cli.option.status.format": {
        "zh-Hant": "輸出格式(預設:text)",
        "zh-Hans": "输出格式(默认:text)",
        "en": "output format (default: text)",
    },
    "cli.option.serve.host": {
        "zh-Hant": "監聽的位址(預設:127.0.0.1)",
        "zh-Hans": "监听的地址(默认:127.0.0.1)",
        "en": "address to bind (default: 127.0.0.1)",
    },
    "cli.option.serve.port": {
        "zh-Hant": "連接埠(預設:8080;0:任一空閒的)",
        "zh-Hans": "端口(默认:8080;0:任一空闲的)",
        "en": "port (default: 8080; 0: any free)",
    },
    "cli.option.serve.stdio": {
        "zh-Hant": "以標準輸入/輸出的 JSON 行代替 HTTP:每行一個請求,每行一個回覆",
        "zh-Hans": "以标准输入/输出的 JSON 行代替 HTTP:每行一个请求,每行一个回复",
        "en": "JSON lines on stdin/stdout instead of HTTP: one request a line, one reply a line",
    },
    "cli.option.serve.pin": {
        "zh-Hant": "政策 ID 檔案的 sha256(可重複;一個代號可有多個,每個版本一個)。給了鎖定值,所提供的每個政策、每個版本和每個基礎政策都必須鎖定;檔案內容不符合其代號任何鎖定值的,一律拒絕",
        "zh-Hans": "政策 ID 文件的 sha256(可重复;一个代号可有多个,每个版本一个)。给了锁定值,所提供的每个政策、每个版本和每个基础政策都必须锁定;文件内容不符合其代号任何锁定值的,一律拒绝",
        "en": "the sha256 of policy ID's file (repeatable; an id may have several, one per version). With pins, every policy served, every version and every base, must be pinned; a file whose bytes match no pin of its id is refused",
    },
    "cli.option.serve.token_file": {
        "zh-Hant": "存放每個 /v1/ 請求都要帶的存取權杖的檔案;沒有它時拒絕 reloadPolicies(以 SIGHUP 重新載入)",
        "zh-Hans": "存放每个 /v1/ 请求都要带的访问令牌的文件;没有它时拒绝 reloadPolicies(以 SIGHUP 重新加载)",
        "en": "a file holding the bearer token every /v1/ request must carry; without it, reloadPolicies is refused (reload with SIGHUP)",
    },
    "cli.option.serve.max_body": {
        "zh-Hant": "請求內容的上限(預設:1 MiB;超過:413)",
        "zh-Hans": "请求内容的上限(默认:1 MiB;超过:413)",
        "en": "largest request body (default: 1 MiB; larger: 413)",
    },
    "cli.option.serve.max_items": {
        "zh-Hant": "一次 decideBatch 的投訴件數上限(預設:1000;超過:413)",
        "zh-Hans": "一次 decideBatch 的投诉件数上限(默认:1000;超过:413)",
        "en": "most complaints in one decideBatch (default: 1000; more: 413)",
    },
    "cli.option.serve.timeout": {
        "zh-Hant": "一個請求處理時間的上限(預設:10;超過:503)",
        "zh-Hans": "一个请求处理时间的上限(默认:10;超过:503)",
        "en": "longest time for one request's work (default: 10; longer: 503)",
    },
    "cli.option.duties.policy": {
        "zh-Hant": "政策代號(見 'list')或政策檔案的路徑",
        "zh-Hans": "政策代号(见 'list')或政策文件的路径",
        "en": "a policy id (see 'list') or the path of a policy file",
    },
    "cli.option.duties.month": {
        "zh-Hant": "月份,YYYY-MM(例如 2026-10)",
        "zh-Hans": "月份,YYYY-MM(例如 2026-10)",
        "en": "the month, YYYY-MM (e.g. 2026-10)",
    },
    "cli.option.duties.year": {
        "zh-Hant": "年份,YYYY",
        "zh-Hans": "年份,YYYY",
        "en": "the year, YYYY",
    },
    "cli.option.duties.estimate": {
        "zh-Hant": "在尚未公布假日安排的年份假設一般的週末",
        "zh-Hans": "在尚未公布假日安排的年份假设一般的周末",
        "en": "assume the usual weekends in years with no published holiday schedule",
    },
    "cli.option.duties.format": {
        "zh-Hant": "輸出格式(預設:text)",
        "zh-Hans": "输出格式(默认:text)",
        "en": "output format (default: text)",
    },
    "cli.option.validate.format": {
        "zh-Hant": "輸出格式(預設:text)",
        "zh-Hans": "输出格式(默认:text)",
        "en": "output format (default: text)",
    },
    "cli.option.list.format": {
        "zh-Hant": "輸出格式(預設:text)",
        "zh-Hans": "输出格式(默认:text)",
        "en": "output format (default: text)",
    },
    "cli.option.coverage.policy": {
        "zh-Hant": "政策代號或路徑",
        "zh-Hans": "政策代号或路径",
        "en": "a policy id or path",
    },
    "cli.option.coverage.source": {
        "zh-Hant": "政策所編寫的來源文字(UTF-8)",
        "zh-Hans": "政策所编写的来源文字(UTF-8)",
        "en": "the source text the policy encodes (UTF-8)",
    },
    "cli.option.coverage.format": {
        "zh-Hant": "markdown:docs/policies/ 的頁面(預設);json:每條條文一個物件",
        "zh-Hans": "markdown:docs/policies/ 的页面(默认);json:每条条文一个对象",
        "en": "markdown: the page of docs/policies/ (default); json: one object per article",
    },
    "cli.option.lint.policies": {
        "zh-Hant": "政策代號(見 'list')、政策檔案,或放政策的資料夾",
        "zh-Hans": "政策代号(见 'list')、政策文件,或放政策的文件夹",
        "en": "a policy id (see 'list'), a policy file, or a directory of them",
    },
    "cli.option.lint.format": {
        "zh-Hant": "輸出格式(預設:text)",
        "zh-Hans": "输出格式(默认:text)",
        "en": "output format (default: text)",
    },
    "cli.option.lint.max_size": {
        "zh-Hant": "子空間超過 N 件投訴時拒絕(預設 100000)",
        "zh-Hans": "子空间超过 N 件投诉时拒绝(默认 100000)",
        "en": "refuse a sub-space of more than N complaints (default 100000)",
    },
    "cli.option.lint.base": {
        "zh-Hant": "現行版本(代號或路徑):政策內容改了而版本號沒改時報錯",
        "zh-Hans": "现行版本(代号或路径):政策内容改了而版本号没改时报错",
        "en": "the version in force (an id or a path): an error if the policy's content changed but its version did not",
    },
    "cli.option.diff.old": {
        "zh-Hant": "現行的政策:代號(見 'list')或路徑",
        "zh-Hans": "现行的政策:代号(见 'list')或路径",
        "en": "the policy in force: an id (see 'list') or a path",
    },
    "cli.option.diff.new": {
        "zh-Hant": "修改後的政策:代號或路徑",
        "zh-Hans": "修改后的政策:代号或路径",
        "en": "the changed policy: an id or a path",
    },
    "cli.option.diff.format": {
        "zh-Hant": "輸出格式(預設:text)",
        "zh-Hans": "输出格式(默认:text)",
        "en": "output format (default: text)",
    },
    "cli.option.diff.max_size": {
        "zh-Hant": "某項目的子空間超過 N 件投訴時拒絕(預設 100000)",
        "zh-Hans": "某项目的子空间超过 N 件投诉时拒绝(默认 100000)",
        "en": "refuse an element's sub-space of more than N complaints (default 100000)",
    },
    "cli.option.diff.sample": {
        "zh-Hant": "超過 --max-size 時,改為決定以固定方式選出的 N 件投訴",
        "zh-Hans": "超过 --max-size 时,改为决定以固定方式选出的 N 件投诉",
        "en": "above --max-size, decide N complaints chosen deterministically instead",
    },
    "cli.option.diff.seed": {
        "zh-Hant": "抽樣的種子(預設 0)",
        "zh-Hans": "抽样的种子(默认 0)",
        "en": "the sample's seed (default 0)",
    },
    "cli.option.test.paths": {
        "zh-Hant": "政策檔案(執行旁邊的 <名稱>.tests.yaml)、測試檔,或資料夾(其中每個 *.tests.yaml)",
        "zh-Hans": "政策文件(运行旁边的 <名称>.tests.yaml)、测试文件,或文件夹(其中每个 *.tests.yaml)",
        "en": "a policy file (its <name>.tests.yaml beside it is run), a tests file, or a directory (every *.tests.yaml in it)",
    },
    "cli.option.test.format": {
        "zh-Hant": "輸出格式(預設:text)",
        "zh-Hans": "输出格式(默认:text)",
        "en": "output format (default: text)",
    },
    "cli.option.test.coverage": {
        "zh-Hant": "列出沒有任何案例用到的每條規則和項目(總數一定會顯示)",
        "zh-Hans": "列出没有任何案例用到的每条规则和项目(总数一定会显示)",
        "en": "list each rule and element no case exercised (the totals are always shown)",
    },
    "cli.option.test.fail_under": {
        "zh-Hant": "任何政策的覆蓋率低於百分之 N 時結束代碼為 1",
        "zh-Hans": "任何政策的覆盖率低于百分之 N 时结束代码为 1",
        "en": "exit 1 if any policy's coverage is under N percent",
    },
    "cli.option.schema.format": {
        "zh-Hant": "輸出格式(預設:json)",
        "zh-Hans": "输出格式(默认:json)",
        "en": "output format (default: json)",
    },
    "cli.option.schema.kind": {
        "zh-Hant": "policy:政策格式(預設);complaint:POLICY 接受的投訴;decision、status、explanation、problem:程式庫的回答;openapi:服務的 OpenAPI 文件(docs/openapi.json)",
        "zh-Hans": "policy:政策格式(默认);complaint:POLICY 接受的投诉;decision、status、explanation、problem:程序库的回答;openapi:服务的 OpenAPI 文档(docs/openapi.json)",
        "en": "policy: the policy format (default); complaint: the complaint POLICY takes; decision, status, explanation, problem: what the library answers; openapi: the service's OpenAPI document (docs/openapi.json)",
    },
    "cli.option.schema.policy": {
        "zh-Hant": "政策代號或檔案(用於 --kind complaint)",
        "zh-Hans": "政策代号或文件(用于 --kind complaint)",
        "en": "the policy id or file (for --kind complaint)",
    },
    "cli.option.schema.output": {
        "zh-Hant": "寫到檔案 FILE,而不是標準輸出",
        "zh-Hans": "写到文件 FILE,而不是标准输出",
        "en": "write to FILE instead of stdout",
    },
    "cli.option.graph.policy": {
        "zh-Hant": "政策代號(見 'list')或政策檔案的路徑",
        "zh-Hans": "政策代号(见 'list')或政策文件的路径",
        "en": "a policy id (see 'list') or the path of a policy file",
    },
    "cli.option.graph.format": {
        "zh-Hant": "mermaid(預設;Markdown 可顯示)、dot(Graphviz)或 json(節點和連線)",
        "zh-Hans": "mermaid(默认;Markdown 可显示)、dot(Graphviz)或 json(节点和连接)",
        "en": "mermaid (default; Markdown renders it), dot (Graphviz) or json (nodes and edges)",
    },
    "cli.option.graph.view": {
        "zh-Hant": "上報步驟、分工(規則、職責、reports_to)或兩者(預設)",
        "zh-Hans": "上报步骤、分工(规则、职责、reports_to)或两者(默认)",
        "en": "escalation steps, routing (rules, duties, reports_to) or both (default)",
    },
    "cli.option.impact.old": {
        "zh-Hant": "現行的政策:代號(見 'list';有多個版本時,每件投訴依其 received_at 當時生效的版本決定)或路徑",
        "zh-Hans": "现行的政策:代号(见 'list';有多个版本时,每件投诉依其 received_at 当时生效的版本决定)或路径",
        "en": "the policy in force: an id (see 'list'; with several versions, each complaint is decided under the one in force at its received_at) or a path",
    },
    "cli.option.impact.new": {
        "zh-Hant": "修改後的政策:代號(與 OLD 一樣依收到時間)或路徑",
        "zh-Hans": "修改后的政策:代号(与 OLD 一样依收到时间)或路径",
        "en": "the changed policy: an id (by receipt, as OLD) or a path",
    },
    "cli.option.impact.history": {
        "zh-Hant": "投訴,每行一個 JSON 物件;- 表示標準輸入",
        "zh-Hans": "投诉,每行一个 JSON 对象;- 表示标准输入",
        "en": "the complaints, one JSON object per line; - for stdin",
    },
    "cli.option.impact.format": {
        "zh-Hant": "輸出格式(預設:text)",
        "zh-Hans": "输出格式(默认:text)",
        "en": "output format (default: text)",
    },
    "cli.option.impact.at": {
        "zh-Hant": "以這個時刻為準決定每件投訴,ISO 8601(預設:received_at)",
        "zh-Hans": "以这个时刻为准决定每件投诉,ISO 8601(默认:received_at)",
        "en": "decide every complaint as of this instant, ISO 8601 (default: received_at)",
    },
    "cli.option.impact.estimate": {
        "zh-Hant": "經過尚未公布假日安排的年份時也計算,並標明為估計",
        "zh-Hans": "经过尚未公布假日安排的年份时也计算,并标明为估计",
        "en": "count through years with no published holiday schedule, marked estimated",
    },
    "cli.option.impact.workers": {
        "zh-Hant": "用 N 個程序決定(0:每個核心一個;預設:1,在本程序中)",
        "zh-Hans": "用 N 个进程决定(0:每个核心一个;默认:1,在本进程中)",
        "en": "decide in N processes (0: one per core; default: 1, in this process)",
    },
    "cli.option.impact.chunk_size": {
        "zh-Hant": "每次送給一個工作程序的行數(預設:256)",
        "zh-Hans": "每次送给一个工作进程的行数(默认:256)",
        "en": "lines sent to a worker at a time (default: 256)",
    },
    "cli.option.impact.examples": {
        "zh-Hant": "每種變化顯示的行號數,以及列出的錯誤行數(預設:5)",
        "zh-Hans": "每种变化显示的行号数,以及列出的错误行数(默认:5)",
        "en": "line numbers shown for each kind of change, and bad lines listed (default: 5)",
    },
    "cli.option.impact.changes": {
        "zh-Hant": "另外為每件改變的投訴寫一行 JSON:它的行號、代號和變化",
        "zh-Hans": "另外为每件改变的投诉写一行 JSON:它的行号、代号和变化",
        "en": "also write one JSON line per changed complaint: its line, id and changes",
    },
    "cli.option.impact.no_progress": {
        "zh-Hant": "不在標準錯誤輸出顯示進度(只有標準錯誤輸出是終端機時才顯示)",
        "zh-Hans": "不在标准错误输出显示进度(只有标准错误输出是终端机时才显示)",
        "en": "no progress line on stderr (shown only when stderr is a terminal)",
    },
    "cli.option.html.policies": {
        "zh-Hant": "政策代號或路徑",
        "zh-Hans": "政策代号或路径",
        "en": "a policy id or path",
    },
    "cli.option.html.output": {
        "zh-Hant": "寫入 index.html 和每份政策一個 <代號>.html 的資料夾(不存在時建立;其中其他檔案不動)",
        "zh-Hans": "写入 index.html 和每份政策一个 <代号>.html 的文件夹(不存在时创建;其中其他文件不动)",
        "en": "the directory to write index.html and one <id>.html per policy to (made if missing; other files in it are left alone)",
    },
    "cli.option.html.sources": {
        "zh-Hant": "也在資料夾 DIR 中尋找政策所指的來源文字(可重複;內建政策的來源隨套件提供)",
        "zh-Hans": "也在文件夹 DIR 中寻找政策所指的来源文字(可重复;内置政策的来源随套件提供)",
        "en": "also look for the source texts the policies name in DIR (repeatable; the bundled policies' sources ship with the package)",
    },
    "cli.option.html.format": {
        "zh-Hant": "失敗時如何報告:在標準錯誤輸出寫文字(預設),或 json:在標準輸出寫問題文件(網頁一定是 HTML 檔案)",
        "zh-Hans": "失败时如何报告:在标准错误输出写文字(默认),或 json:在标准输出写问题文档(网页一定是 HTML 文件)",
        "en": "how a failure is reported: text on stderr (default), or json, a problem document on stdout (the pages are always HTML files)",
    },
    "cli.option.studio.port": {
        "zh-Hant": "連接埠(預設 8765;0:任一空閒的)",
        "zh-Hans": "端口(默认 8765;0:任一空闲的)",
        "en": "the port (default 8765; 0: any free)",
    },
    "cli.option.studio.host": {
        "zh-Hant": "監聽的位址(預設 127.0.0.1,只限本機);其他位址需要 --token-file",
        "zh-Hans": "监听的地址(默认 127.0.0.1,只限本机);其他地址需要 --token-file",
        "en": "the address to listen on (default 127.0.0.1, this computer only); any other needs --token-file",
    },
    "cli.option.studio.token_file": {
        "zh-Hant": "存放每個請求都要帶的存取權杖的檔案(使用 --host 時必須)",
        "zh-Hans": "存放每个请求都要带的访问令牌的文件(使用 --host 时必须)",
        "en": "a file holding the access token every request must carry (needed with --host)",
    },
    "cli.option.studio.open": {
        "zh-Hant": "在瀏覽器中開啟工作台",
        "zh-Hans": "在浏览器中打开工作台",
        "en": "open the workbench in the browser",
    },
    "cli.option.studio.sources": {
        "zh-Hant": "也在資料夾 DIR 中尋找你的政策的來源文字(可重複)",
        "zh-Hans": "也在文件夹 DIR 中寻找你的政策的来源文字(可重复)",
        "en": "also look for the source texts of your policies in DIR (repeatable)",
    },
}
"""The help line of each option, ``cli.option.<subcommand>.<dest>`` (``cli.option.<dest>``
for the options before the subcommand); the English is the module's own ``help=``."""


MESSAGES_REPORTS: Mapping[str, Mapping[Lang, str]] = {
    "report.test.fail": {
        "zh-Hant": "不通過 {file}:{line}:{name}",
        "zh-Hans": "不通过 {file}:{line}:{name}",
        "en": "FAIL {file}:{line}: {name}",
    },
    "report.test.expected": {
        "zh-Hant": "預期:{value}",
        "zh-Hans": "预期:{value}",
        "en": "expected: {value}",
    },
    "report.test.actual": {
        "zh-Hant": "實際:{value}",
        "zh-Hans": "实际:{value}",
        "en": "actual:   {value}",
    },
    "report.test.ok": {
        "zh-Hant": "通過",
        "zh-Hans": "通过",
        "en": "ok  ",
    },
    "report.test.failed_status": {
        "zh-Hant": "不通過",
        "zh-Hans": "不通过",
        "en": "FAIL",
    },
    "report.test.error": {
        "zh-Hant": "錯誤",
        "zh-Hans": "错误",
        "en": "ERROR",
    },
    "report.test.cannot_run": {
        "zh-Hant": "無法執行(見錯誤訊息)",
        "zh-Hans": "无法运行(见错误消息)",
        "en": "cannot run (see the errors)",
    },
    "report.test.cases": {
        "zh-Hant": "{n} 個案例",
        "zh-Hans": "{n} 个案例",
        "en": "{n} cases",
    },
    "report.test.case": {
        "zh-Hant": "{n} 個案例",
        "zh-Hans": "{n} 个案例",
        "en": "{n} case",
    },
    "report.test.files": {
        "zh-Hant": "{n} 個檔案",
        "zh-Hans": "{n} 个文件",
        "en": "{n} files",
    },
    "report.test.file": {
        "zh-Hant": "{n} 個檔案",
        "zh-Hans": "{n} 个文件",
        "en": "{n} file",
    },
    "report.test.n_failed": {
        "zh-Hant": ",{n} 個不通過",
        "zh-Hans": ",{n} 个不通过",
        "en": ", {n} failed",
    },
    "report.test.coverage_heading": {
        "zh-Hant": "覆蓋率(案例用到的規則和項目):",
        "zh-Hans": "覆盖率(案例用到的规则和项目):",
        "en": "coverage (rules and elements exercised by the cases):",
    },
    "report.test.summary": {
        "zh-Hant": "{files}中共 {cases}:{passed} 個通過,{failed} 個不通過",
        "zh-Hans": "{files}中共 {cases}:{passed} 个通过,{failed} 个不通过",
        "en": "{cases} in {files}: {passed} passed, {failed} failed",
    },
    "report.test.could_not_run": {
        "zh-Hant": ",{files}無法執行",
        "zh-Hans": ",{files}无法运行",
        "en": ", {files} could not run",
    },
    "report.test.under": {
        "zh-Hant": "{policy} 的覆蓋率是 {percent}%,低於 {under}%",
        "zh-Hans": "{policy} 的覆盖率是 {percent}%,低于 {under}%",
        "en": "coverage of {policy} is {percent}%, under {under}%",
    },
    "report.test.not_exercised": {
        "zh-Hant": "沒有用到的:",
        "zh-Hans": "没有用到的:",
        "en": "not exercised:",
    },
    "report.diff.equivalent": {
        "zh-Hant": "等效(沒有任何投訴的決定不同)",
        "zh-Hans": "等效(没有任何投诉的决定不同)",
        "en": "equivalent (no complaint is decided differently)",
    },
    "report.diff.behavioural": {
        "zh-Hant": "{n} 項影響決定的變更",
        "zh-Hans": "{n} 项影响决定的变更",
        "en": "{n} behavioural change(s)",
    },
    "report.diff.decided": {
        "zh-Hant": ";兩版各決定了 {n} 類投訴",
        "zh-Hans": ";两版各决定了 {n} 类投诉",
        "en": "; {n} kinds of complaint decided by each",
    },
    "report.diff.kinds": {
        "zh-Hant": "(一類投訴是規則會區分的一種渠道、類別、級別、查明事項、事實和收件時刻的組合:每件投訴都按其中一類決定;「決定不同:3/8」是在一項變更可能影響的各類投訴中,決定不同的類數)",
        "zh-Hans": "(一类投诉是规则会区分的一种渠道、类别、级别、查明事项、事实和收件时刻的组合:每件投诉都按其中一类决定;「决定不同:3/8」是在一项变更可能影响的各类投诉中,决定不同的类数)",
        "en": '(a kind of complaint is one combination of channel, category, level, findings, facts and instant of receipt that the rules tell apart: every complaint is decided as one of them; "decided differently: 3 of 8" counts, among the kinds a change can touch, those whose decision differs)',
    },
    "report.diff.warning": {
        "zh-Hant": "警告:",
        "zh-Hans": "警告:",
        "en": "warning: ",
    },
    "report.diff.where": {
        "zh-Hant": "在:",
        "zh-Hans": "在:",
        "en": "where: ",
    },
    "report.diff.differently": {
        "zh-Hant": "決定不同:{compared} 類投訴中有 {affected} 類",
        "zh-Hans": "决定不同:{compared} 类投诉中有 {affected} 类",
        "en": "decided differently: {affected} of {compared} kinds of complaint",
    },
    "report.diff.no_decision": {
        "zh-Hant": "沒有任何決定會顯示這項變更",
        "zh-Hans": "没有任何决定会显示这项变更",
        "en": "no decision shows it",
    },
    "report.diff.example": {
        "zh-Hant": "例子:",
        "zh-Hans": "例子:",
        "en": "example: ",
    },
    "report.diff.old": {
        "zh-Hant": "舊版:",
        "zh-Hans": "旧版:",
        "en": "old: ",
    },
    "report.diff.new": {
        "zh-Hant": "新版:",
        "zh-Hans": "新版:",
        "en": "new: ",
    },
    "report.lint.summary": {
        "zh-Hant": "{policy} {version}:{errors} 個錯誤,{warnings} 個警告,{infos} 個提示",
        "zh-Hans": "{policy} {version}:{errors} 个错误,{warnings} 个警告,{infos} 个提示",
        "en": "{policy} {version}: {errors} error(s), {warnings} warning(s), {infos} info",
    },
    "report.lint.example": {
        "zh-Hant": "例子:",
        "zh-Hans": "例子:",
        "en": "example: ",
    },
}
"""The headings and fixed phrases of the reports of ``test``, ``diff`` and ``lint``."""


MESSAGES: Mapping[str, Mapping[Lang, str]] = {
    "policy.yaml.tab": {
        "zh-Hant": "這一行用了定位字元(Tab)縮排;YAML 只能用空格縮排。請把 Tab 換成空格(同一層用相同數目的空格)。",
        "zh-Hans": "这一行用了制表符(Tab)缩进;YAML 只能用空格缩进。请把 Tab 换成空格(同一层用相同数目的空格)。",
        "en": "this line is indented with a tab; YAML indents with spaces only. Replace the tab with spaces (the same number of spaces at the same level).",
    },
    "policy.yaml.indentation": {
        "zh-Hant": "縮排對不齊:這一行的空格數目和上一層的項目不一致。同一層的鍵要從同一欄開始,下一層多縮排兩個空格。",
        "zh-Hans": "缩进对不齐:这一行的空格数目和上一层的项目不一致。同一层的键要从同一栏开始,下一层多缩进两个空格。",
        "en": "the indentation does not line up: this line starts at a different column than the other entries at its level. Keys at one level start in the same column; a nested level is indented two more spaces.",
    },
    "policy.yaml.colon_space": {
        "zh-Hant": "冒號後面少了空格:請寫成「{key}: 值」(冒號後加一個空格)。",
        "zh-Hans": "冒号后面少了空格:请写成「{key}: 值」(冒号后加一个空格)。",
        "en": "a space is missing after the colon: write \u201c{key}: value\u201d (a space after the colon).",
    },
    "policy.yaml.missing_colon": {
        "zh-Hant": "這一行少了冒號:鍵和值之間要寫「: 」(例如「label: 被投訴單位」);若這一行是上一行文字的延續,請把整段文字放進引號。",
        "zh-Hans": "这一行少了冒号:键和值之间要写「: 」(例如「label: 被投诉单位」);若这一行是上一行文字的延续,请把整段文字放进引号。",
        "en": "a colon is missing on this line: a key and its value are separated by \u201c: \u201d (e.g. \u201clabel: 被投訴單位\u201d); if the line continues the text above, put the whole text in quotes.",
    },
    "policy.yaml.unclosed_quote": {
        "zh-Hant": "引號沒有關上:從第 {start} 行開始的 {quote} 到檔案結尾都沒有對應的結束引號。請在文字結尾補上 {quote}。",
        "zh-Hans": "引号没有关上:从第 {start} 行开始的 {quote} 到文件结尾都没有对应的结束引号。请在文字结尾补上 {quote}。",
        "en": "a quote is not closed: the {quote} opened on line {start} has no closing {quote} before the end of the file. Add {quote} at the end of the text.",
    },
    "policy.yaml.unclosed_bracket": {
        "zh-Hant": "方括號或大括號沒有關上:從第 {start} 行開始的清單要以 {bracket} 結束,項目之間用半形逗號「,」分隔。",
        "zh-Hans": "方括号或大括号没有关上:从第 {start} 行开始的清单要以 {bracket} 结束,项目之间用半角逗号「,」分隔。",
        "en": "a bracket is not closed: the list opened on line {start} must end with {bracket}, its items separated by ASCII commas \u201c,\u201d.",
    },
    "policy.yaml.fullwidth": {
        "zh-Hant": "這裡有全形字元「{char}」({name}),應該用半形的「{ascii}」。中文輸入法常會打出全形符號,請切換到英文輸入後重打。",
        "zh-Hans": "这里有全角字符「{char}」({name}),应该用半角的「{ascii}」。中文输入法常会打出全角符号,请切换到英文输入后重打。",
        "en": "there is a full-width \u201c{char}\u201d ({name}) here where YAML needs the ASCII \u201c{ascii}\u201d; a Chinese input method types full-width punctuation. Switch to English input and type it again.",
    },
    "policy.yaml.syntax": {
        "zh-Hant": "YAML 語法錯誤,無法讀取這個檔案({detail})。請檢查這一行和上一行的縮排、冒號和引號。",
        "zh-Hans": "YAML 语法错误,无法读取这个文件({detail})。请检查这一行和上一行的缩进、冒号和引号。",
        "en": "YAML syntax: {detail}",
    },
    "policy.yaml.duplicate_key": {
        "zh-Hant": "鍵「{key}」重複了(第一次在第 {first} 行);請刪掉其中一個:YAML 會默默只留下最後一個。",
        "zh-Hans": "键「{key}」重复了(第一次在第 {first} 行);请删掉其中一个:YAML 会默默只留下最后一个。",
        "en": "duplicate key \u201c{key}\u201d (first at line {first}); remove one: YAML would silently keep the last.",
    },
    "policy.unknown_key": {
        "zh-Hant": "不認識的鍵「{key}」。這裡可以寫:{allowed}。",
        "zh-Hans": "不认识的键「{key}」。这里可以写:{allowed}。",
        "en": "unknown key; allowed: {allowed}",
    },
    "policy.unknown_key.suggest": {
        "zh-Hant": "不認識的鍵「{key}」,是不是要寫「{suggestion}」?這裡可以寫:{allowed}。",
        "zh-Hans": "不认识的键「{key}」,是不是要写「{suggestion}」?这里可以写:{allowed}。",
        "en": "unknown key; allowed: {allowed}; did you mean '{suggestion}'?",
    },
    "policy.missing_field": {
        "zh-Hant": "缺少必填的「{key}」,請補上。",
        "zh-Hans": "缺少必填的「{key}」,请补上。",
        "en": "required field is missing",
    },
    "policy.not_an_id": {
        "zh-Hant": "「{value}」不是這份政策裡的{kind}。請寫{kind}的代號、標籤或別名(繁體、簡體皆可),可用的有:{allowed}。",
        "zh-Hans": "「{value}」不是这份政策里的{kind}。请写{kind}的代号、标签或别名(繁体、简体皆可),可用的有:{allowed}。",
        "en": "\u201c{value}\u201d is not a {kind} of this policy. Write the {kind}'s id, label or an alias (Traditional or Simplified); allowed: {allowed}.",
    },
    "policy.bad_id": {
        "zh-Hant": "「{value}」不能當代號:代號只能用小寫英文字母、數字和底線「_」,並以字母開頭(例如 complained_unit)。",
        "zh-Hans": "「{value}」不能当代号:代号只能用小写英文字母、数字和底线「_」,并以字母开头(例如 complained_unit)。",
        "en": "an id is lower-case ASCII letters, digits and '_', starting with a letter",
    },
    "policy.ambiguous_term": {
        "zh-Hant": "「{value}」可能指好幾個{kind}:{candidates}。請改寫其中一個的代號。",
        "zh-Hans": "「{value}」可能指好几个{kind}:{candidates}。请改写其中一个的代号。",
        "en": "\u201c{value}\u201d could mean more than one {kind}: {candidates}. Write the id of the one you mean.",
    },
    "policy.fullwidth_comma": {
        "zh-Hant": "「{value}」裡有全形逗號「\uff0c」(FULLWIDTH COMMA);清單的項目之間要用半形逗號「,」分隔。",
        "zh-Hans": "「{value}」里有全角逗号「\uff0c」(FULLWIDTH COMMA);清单的项目之间要用半角逗号「,」分隔。",
        "en": "\u201c{value}\u201d contains a full-width comma \u201c\uff0c\u201d (FULLWIDTH COMMA); separate the items of a list with the ASCII comma \u201c,\u201d.",
    },
    "policy.quote_text": {
        "zh-Hant": '這裡要寫文字,但 YAML 把 {raw} 讀成了{what};請加上引號:"{raw}"。',
        "zh-Hans": '这里要写文字,但 YAML 把 {raw} 读成了{what};请加上引号:"{raw}"。',
        "en": 'expected text, but YAML reads {raw} as {what}; put it in quotes: "{raw}"',
    },
    "policy.not_a_number": {
        "zh-Hant": "這裡要寫一個整數(例如 3),不是「{value}」。",
        "zh-Hans": "这里要写一个整数(例如 3),不是「{value}」。",
        "en": "a whole number is expected here (e.g. 3), not \u201c{value}\u201d.",
    },
    "policy.invalid": {
        "zh-Hant": "這個值不符合政策格式:{detail}",
        "zh-Hans": "这个值不符合政策格式:{detail}",
        "en": "this value does not fit the policy format: {detail}",
    },
    "cli.description": {
        "zh-Hant": "依機構的投訴處理政策決定投訴的處理方式,並檢查、比較和說明這些政策。",
        "zh-Hans": "依机构的投诉处理政策决定投诉的处理方式,并检查、比较和说明这些政策。",
        "en": "Decide complaints under institutions' complaint-handling policies, and check, compare and explain those policies.",
    },
    "cli.epilog": {
        "zh-Hant": "結束代碼:0 成功;1 答案為「否」或輸入有誤;2 指令用法錯誤。語言:--lang zh-Hant|zh-Hans|en,或環境變數 COMPLAINT_RULES_LANG,否則依系統語系。",
        "zh-Hans": "结束代码:0 成功;1 答案为「否」或输入有误;2 指令用法错误。语言:--lang zh-Hant|zh-Hans|en,或环境变数 COMPLAINT_RULES_LANG,否则依系统语系。",
        "en": "Exit codes: 0 success; 1 a 'no' answer or invalid input; 2 usage error. Language: --lang zh-Hant|zh-Hans|en, else COMPLAINT_RULES_LANG, else the locale.",
    },
    "cli.option.lang": {
        "zh-Hant": "訊息、說明和解釋的語言:zh-Hant、zh-Hans 或 en(大小寫不拘;預設依 COMPLAINT_RULES_LANG,再依系統語系)",
        "zh-Hans": "讯息、说明和解释的语言:zh-Hant、zh-Hans 或 en(大小写不拘;默认依 COMPLAINT_RULES_LANG,再依系统语系)",
        "en": "the language of messages, help and explanations: zh-Hant, zh-Hans or en (any case; default: COMPLAINT_RULES_LANG, then the locale)",
    },
    "cli.example": {
        "zh-Hant": "範例:",
        "zh-Hans": "范例:",
        "en": "example:",
    },
    "cli.help.decide": {
        "zh-Hant": "決定一件投訴(或 JSON 清單中的每一件)的處理方式",
        "zh-Hans": "决定一件投诉(或 JSON 清单中的每一件)的处理方式",
        "en": "decide one complaint (or a JSON list of them)",
    },
    "cli.help.explain": {
        "zh-Hant": "用白話解釋一個決定,以及其他規則為何不適用",
        "zh-Hans": "用白话解释一个决定,以及其他规则为何不适用",
        "en": "explain a decision in plain words, and why each other rule did not apply",
    },
    "cli.help.status": {
        "zh-Hant": "案件在某一時刻的狀態:每個時鐘、到期事項、應辦事項和下一步",
        "zh-Hans": "案件在某一时刻的状态:每个时钟、到期事项、应办事项和下一步",
        "en": "a case's status at an instant: every clock, what is due, what is owed, what is next",
    },
    "cli.help.validate": {
        "zh-Hant": "檢查政策檔案(資料夾:其中除 *.tests.yaml 外的每個 *.yaml)",
        "zh-Hans": "检查政策文件(文件夹:其中除 *.tests.yaml 外的每个 *.yaml)",
        "en": "check policy files (directories: every *.yaml but *.tests.yaml)",
    },
    "cli.help.list": {
        "zh-Hant": "列出可用的政策(內建、--policy-dir、已安裝的套件)",
        "zh-Hans": "列出可用的政策(内建、--policy-dir、已安装的软件包)",
        "en": "the policies the catalog knows (bundled, --policy-dir, installed packages)",
    },
    "cli.help.coverage": {
        "zh-Hant": "政策對照來源文字,逐條列出已編寫和未編寫的條文",
        "zh-Hans": "政策对照来源文字,逐条列出已编写和未编写的条文",
        "en": "the article-by-article coverage of a policy against its source text",
    },
    "cli.help.lint": {
        "zh-Hant": "靜態檢查:沒有規則會用到的值、被遮蔽的分類列、互相矛盾的規則、未使用的詞彙、比基礎政策寬鬆的時限;加 --base 舊版 也檢查版本號",
        "zh-Hans": "静态检查:没有规则会用到的值、被遮蔽的分类列、互相矛盾的规则、未使用的词汇、比基础政策宽松的时限;加 --base 旧版 也检查版本号",
        "en": "static checks: values no rule reaches, shadowed rows, rules that disagree, unused vocabulary, deadlines looser than the base layer; with --base OLD, also a change under an unchanged version",
    },
    "cli.help.diff": {
        "zh-Hant": "比較政策的兩個版本:在所有可能的投訴上各自決定,說明哪些結果改變(有差異時結束代碼為 1)",
        "zh-Hans": "比较政策的两个版本:在所有可能的投诉上各自决定,说明哪些结果改变(有差异时结束代码为 1)",
        "en": "what changes between two versions of a policy, decided over their input space (exit 1 if they differ)",
    },
    "cli.help.test": {
        "zh-Hant": "執行政策的測試案例(可給政策檔、測試檔或資料夾),並報告覆蓋率",
        "zh-Hans": "执行政策的测试案例(可给政策文件、测试文件或文件夹),并报告覆盖率",
        "en": "run a policy's test cases (give a policy file, a tests file or a directory), with coverage",
    },
    "cli.help.schema": {
        "zh-Hant": "JSON Schema:政策格式(供編輯器使用)、某政策的投訴、決定……",
        "zh-Hans": "JSON Schema:政策格式(供编辑器使用)、某政策的投诉、决定……",
        "en": "JSON Schemas: the policy format (for editors), a policy's complaint, the decision, ...",
    },
    "cli.help.graph": {
        "zh-Hant": "把政策的上報路徑和分工畫成 Mermaid 或 Graphviz DOT 圖",
        "zh-Hans": "把政策的上报路径和分工画成 Mermaid 或 Graphviz DOT 图",
        "en": "escalation paths and routing of a policy as a Mermaid or Graphviz DOT diagram",
    },
    "cli.help.impact": {
        "zh-Hant": "用兩個版本的政策重新決定一批歷史投訴(JSON lines),報告哪些決定改變(有改變時結束代碼為 1)",
        "zh-Hans": "用两个版本的政策重新决定一批历史投诉(JSON lines),报告哪些决定改变(有改变时结束代码为 1)",
        "en": "re-decide a history of complaints (JSON lines) under two policy versions and report what changes (exit 1 if any decision changes)",
    },
    "cli.help.serve": {
        "zh-Hant": "以 HTTP/JSON(或加 --stdio 以 JSON 行)向任何語言的主機系統提供決定",
        "zh-Hans": "以 HTTP/JSON(或加 --stdio 以 JSON 行)向任何语言的主机系统提供决定",
        "en": "serve decisions over HTTP/JSON (or JSON lines with --stdio) to hosts in any language",
    },
    "cli.help.duties": {
        "zh-Hant": "機構在某月或某年的定期職責,各附到期日",
        "zh-Hans": "机构在某月或某年的定期职责,各附到期日",
        "en": "the institution's recurring duties in a month or year, each with the day it is due",
    },
    "cli.help.studio": {
        "zh-Hant": "啟動工作台:以表格和圖表閱讀政策、試算投訴、編輯、比較",
        "zh-Hans": "启动工作台:以表格和图表阅读政策、试算投诉、编辑、比较",
        "en": "serve the workbench: read policies as tables and diagrams, try complaints, edit, compare",
    },
    "cli.help.html": {
        "zh-Hant": "把政策匯出成可獨立開啟的唯讀 HTML 網頁,附索引",
        "zh-Hans": "把政策汇出成可独立开启的唯读 HTML 网页,附索引",
        "en": "export policies' read-only views as self-contained HTML pages, with an index",
    },
    "cli.error.lang": {
        "zh-Hant": "「{value}」不是可用的語言;請寫 zh-Hant、zh-Hans 或 en。",
        "zh-Hans": "「{value}」不是可用的语言;请写 zh-Hant、zh-Hans 或 en。",
        "en": "\u201c{value}\u201d is not a language; use zh-Hant, zh-Hans or en.",
    },
    "tests.no_tests_file": {
        "zh-Hant": "政策檔案 {policy} 旁邊沒有測試檔 {tests}。請在同一個資料夾建立 {tests}(格式見 docs/zh/handbook.md 的「測試」一節)。",
        "zh-Hans": "政策文件 {policy} 旁边没有测试文件 {tests}。请在同一个文件夹建立 {tests}(格式见 docs/zh/handbook.md 的「测试」一节)。",
        "en": "no tests file {tests} beside the policy file {policy}; create {tests} in the same folder (the format is in docs/policy-tests.md).",
    },
    "tests.none_found": {
        "zh-Hant": "沒有找到測試檔(*.tests.yaml)。",
        "zh-Hans": "没有找到测试文件(*.tests.yaml)。",
        "en": "no tests files found (*.tests.yaml)",
    },
    "diff.version_unchanged": {
        "zh-Hant": "內容改了,但版本號仍是「{version}」:請更新 version,讓已做出的決定能分辨是依哪一版政策。",
        "zh-Hans": "内容改了,但版本号仍是「{version}」:请更新 version,让已做出的决定能分辨是依哪一版政策。",
        "en": "the content changed but the version is still \u201c{version}\u201d: give the changed policy a new version, so that decisions say which text they followed.",
    },
    **MESSAGES_CHECKS,
    **MESSAGES_GENERAL,
    **MESSAGES_OPTIONS,
    **MESSAGES_REPORTS,
    **MESSAGES_LINT,
    **MESSAGES_DIFF,
    **MESSAGES_RENDER,
    **MESSAGES_POLICY,
    **MESSAGES_INPUT,
    **MESSAGES_HOST,
    **MESSAGES_ARGPARSE,
    **MESSAGES_NOTES,
    **MESSAGES_TESTS,
    **MESSAGES_GRAPH,
}

WORDS: Mapping[str, Mapping[Lang, str]] = {
    "role": {"zh-Hant": "角色", "zh-Hans": "角色", "en": "role"},
    "channel": {"zh-Hant": "渠道", "zh-Hans": "渠道", "en": "channel"},
    "category": {"zh-Hant": "類別", "zh-Hans": "类别", "en": "category"},
    "level": {"zh-Hant": "級別", "zh-Hans": "级别", "en": "level"},
    "finding": {"zh-Hant": "查明事項", "zh-Hans": "查明事项", "en": "finding"},
    "sanction": {"zh-Hant": "處分", "zh-Hans": "处分", "en": "sanction"},
    "event": {"zh-Hant": "事件", "zh-Hans": "事件", "en": "event"},
    "fact": {"zh-Hant": "事實", "zh-Hans": "事实", "en": "fact"},
    "a number": {"zh-Hant": "數字", "zh-Hans": "数字", "en": "a number"},
    "a date": {"zh-Hant": "日期", "zh-Hans": "日期", "en": "a date"},
    "true/false": {
        "zh-Hant": "是非值(true/false)",
        "zh-Hans": "是非值(true/false)",
        "en": "true/false",
    },
    "nothing (null)": {"zh-Hant": "空值(null)", "zh-Hans": "空值(null)", "en": "nothing (null)"},
    **WORDS_CHECKS,
    **WORDS_INPUT,
}


def say(code: str, lang: Lang, **args: object) -> str:
    """The message ``code`` in ``lang``, worded with ``args`` (words in :data:`WORDS`, such
    as a kind of vocabulary, are said in ``lang`` too)."""
    template = MESSAGES[code][lang]
    words = {k: _word(v, lang) for k, v in args.items()}
    if "choices" in words and "nearest" in words:
        words["choices"] = _choices_phrase(lang, str(args["choices"]), str(args["nearest"]))
    return template.format(**words)


_CHOICES: Mapping[Lang, tuple[str, str, str]] = {
    "zh-Hant": ("可以寫:{choices}", "目前一個都沒有宣告", ";是不是要寫 {nearest}?"),
    "zh-Hans": ("可以写:{choices}", "目前一个都没有声明", ";是不是要写 {nearest}?"),
    "en": ("allowed: {choices}", "none are declared", "; did you mean {nearest}?"),
}
"""How a message says what may be written instead (``choices``, ``-`` for nothing), and
the nearest of them (``nearest``, empty for none)."""


def _choices_phrase(lang: Lang, choices: str, nearest: str) -> str:
    listed, none, hint = _CHOICES[lang]
    out = none if choices == "-" else listed.format(choices=choices)
    return out + (hint.format(nearest=nearest) if nearest else "")


def _word(value: object, lang: Lang) -> str:
    text = str(value)
    found = WORDS.get(text)
    return found[lang] if found is not None else text


class Refusal(ValueError):
    """A value the policy format refuses, raised inside a model's validator: its English is
    the catalogue's ``wording`` said with ``values``, which the loader keeps so the problem
    can be said in any language."""

    def __init__(self, wording: str, **values: object) -> None:
        self.wording = wording
        self.values = {k: str(v) for k, v in values.items()}
        super().__init__(say(wording, "en", **values))


_WORDING = "wording"
"""The value of a problem naming its words in the catalogue, when not its code."""

_INNER = "inner."
"""The prefix of the values of a problem said inside another (``make_problem(inner=)``)."""


def make_problem(
    code: str,
    *,
    path: tuple[str | int, ...] = (),
    file: str | None = None,
    line: int | None = None,
    column: int | None = None,
    args: Mapping[str, object] | None = None,
    wording: str | None = None,
    inner: Problem | None = None,
    **more: object,
) -> Problem:
    """A :class:`Problem` with code ``code``: its ``message`` in English, its values
    (``args`` and keywords) kept for the other languages. ``wording`` is the catalogue's
    key for the words when one published code has several (``policy.report_start`` and
    ``policy.report_start.no_due``); it is kept among the values as ``wording``.
    ``inner`` is a problem this one says within its words (the field ``{message}``, e.g.
    "in inherited rule at rules[2]: {message}"): its code, message and values are kept
    (prefixed ``inner.``) so that :func:`problem_text` says it in the same language."""
    args = {**(args or {}), **more}
    if wording is not None and wording != code:
        args[_WORDING] = wording
    if inner is not None:
        args["message"] = inner.message
        args[_INNER + "code"] = inner.code or ""
        args[_INNER + "message"] = inner.message
        args.update({_INNER + k: v for k, v in inner.args})
    return Problem(
        message=say(wording or code, "en", **args),
        path=path,
        file=file,
        line=line,
        code=code,
        column=column,
        args=tuple((k, str(v)) for k, v in args.items()),
    )


def problem_text(problem: Problem, lang: Lang) -> str:
    """What is wrong, in ``lang``; a problem without a catalogued code keeps its message."""
    args = dict(problem.args)
    code = args.get(_WORDING, problem.code)
    if lang == "en":
        return problem.message
    if code is None or code not in MESSAGES:
        return problem.message
    if problem.args:
        inner = _inner(args)
        if inner is not None:
            args = {k: v for k, v in args.items() if not k.startswith(_INNER)}
            args["message"] = problem_text(inner, lang)
        try:
            return say(code, lang, **args)
        except KeyError:
            return problem.message
    if any(name for _, name, _, _ in string.Formatter().parse(MESSAGES[code]["en"])):
        return problem.message
    # A problem worded in English only: the kind of problem in ``lang``, then its own
    # English message, which names the particulars. (A template's only braces may be
    # written ones, ``{{``: its English is then said, not read from the table.)
    said = say(code, lang)
    if problem.message in (say(code, "en"), said):
        return said
    return f"{said}({problem.message})"


def _inner(args: Mapping[str, str]) -> Problem | None:
    """The problem said within another (``make_problem(inner=)``), from its values."""
    if _INNER + "message" not in args:
        return None
    own = {k.removeprefix(_INNER): v for k, v in args.items() if k.startswith(_INNER)}
    message = own.pop("message")
    code = own.pop("code", "") or None
    return Problem(message=message, code=code, args=tuple(own.items()))


def format_problem(problem: Problem, lang: Lang, source: Sequence[str] | None = None) -> str:
    """``file:line:column: field: message`` in ``lang``, then the offending line of
    ``source`` (the file's lines) with a caret under the column, if both are known."""
    where = problem.file or "<input>"
    if problem.line is not None:
        where += f":{problem.line}"
        if problem.column is not None:
            where += f":{problem.column}"
    field = problem.field
    text = problem_text(problem, lang)
    head = f"{where}: {field}: {text}" if field else f"{where}: {text}"
    if source is None or problem.line is None or not 1 <= problem.line <= len(source):
        return head
    return head + "\n" + show_line(source[problem.line - 1], problem.line, problem.column)


def show_line(line: str, number: int, column: int | None) -> str:
    """The line as it is in the file, control and invisible characters escaped (so a
    hostile file cannot move the cursor), and a caret under ``column`` (counted in
    characters; wide characters take two places)."""
    shown = "".join(_visible(c) for c in line.rstrip("\r\n"))
    gutter = f"{number:>5} | "
    out = gutter + shown
    if column is not None and column >= 1:
        before = "".join(_visible(c) for c in line[: column - 1])
        width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in before)
        out += "\n" + " " * (len(gutter) - 2) + "| " + " " * width + "^"
    return out


def _visible(char: str) -> str:
    if char == "\t":
        return "\\t"
    category = unicodedata.category(char)
    if category in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp") or char == "\u3000":
        return f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}"
    return char


TITLES: Mapping[int, Mapping[Lang, str]] = {
    400: {"en": "Bad request", "zh-Hant": "請求有誤", "zh-Hans": "请求有误"},
    401: {"en": "Unauthorized", "zh-Hant": "未經授權", "zh-Hans": "未经授权"},
    403: {"en": "Forbidden", "zh-Hant": "不允許", "zh-Hans": "不允许"},
    404: {"en": "Not found", "zh-Hant": "找不到", "zh-Hans": "找不到"},
    405: {"en": "Method not allowed", "zh-Hant": "不允許此方法", "zh-Hans": "不允许此方法"},
    413: {"en": "Content too large", "zh-Hant": "內容過大", "zh-Hans": "内容过大"},
    422: {"en": "Unprocessable content", "zh-Hant": "內容無法處理", "zh-Hans": "内容无法处理"},
    500: {"en": "Internal error", "zh-Hant": "內部錯誤", "zh-Hans": "内部错误"},
    503: {"en": "Service unavailable", "zh-Hant": "服務暫不可用", "zh-Hans": "服务暂不可用"},
}
"""The title of a problem document by HTTP status, in each language."""


def problem_document(
    error: InputError, *, status: int = 422, lang: str = "en"
) -> dict[str, object]:
    """:func:`complaint_rules.errors.problem_document` in ``lang``: its title (by
    ``status``) and each problem's message said in that language where the catalogue has
    its code; codes, places and the contract stay as they are. An unknown ``lang`` is
    English."""
    document = errors_problem_document(error, status=status)
    try:
        said = parse_lang(lang)
    except ValueError:
        said = "en"
    if said == "en" and status == 422:
        return document
    titles = TITLES.get(status, TITLES[422])
    document["title"] = titles[said]
    problems = document["problems"]
    assert isinstance(problems, list)
    for entry, problem in zip(problems, error.problems, strict=True):
        entry["message"] = problem_text(problem, said)
    return document
