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
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Literal, get_args

from ..errors import InputError, Problem
from ..errors import problem_document as errors_problem_document

__all__ = [
    "LANGS",
    "MESSAGES",
    "WORDS",
    "Lang",
    "choose_lang",
    "format_problem",
    "make_problem",
    "parse_lang",
    "problem_text",
    "say",
    "show_line",
]

Lang = Literal["zh-Hant", "zh-Hans", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)

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
}


def say(code: str, lang: Lang, **args: object) -> str:
    """The message ``code`` in ``lang``, worded with ``args`` (words in :data:`WORDS`, such
    as a kind of vocabulary, are said in ``lang`` too)."""
    template = MESSAGES[code][lang]
    return template.format(**{k: _word(v, lang) for k, v in args.items()})


def _word(value: object, lang: Lang) -> str:
    text = str(value)
    found = WORDS.get(text)
    return found[lang] if found is not None else text


def make_problem(
    code: str,
    *,
    path: tuple[str | int, ...] = (),
    file: str | None = None,
    line: int | None = None,
    column: int | None = None,
    args: Mapping[str, object] | None = None,
    **more: object,
) -> Problem:
    """A :class:`Problem` with code ``code``: its ``message`` in English, its values
    (``args`` and keywords) kept for the other languages."""
    args = {**(args or {}), **more}
    return Problem(
        message=say(code, "en", **args),
        path=path,
        file=file,
        line=line,
        code=code,
        column=column,
        args=tuple((k, str(v)) for k, v in args.items()),
    )


def problem_text(problem: Problem, lang: Lang) -> str:
    """What is wrong, in ``lang``; a problem without a catalogued code keeps its message."""
    code = problem.code
    if code is not None and code in MESSAGES and (problem.args or "{" not in MESSAGES[code]["en"]):
        try:
            return say(code, lang, **dict(problem.args))
        except KeyError:
            pass
    return problem.message


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
