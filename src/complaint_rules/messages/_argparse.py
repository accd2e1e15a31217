# ruff: noqa: E501
"""The wording of the command line's own frame, which Python's ``argparse`` writes: the
``usage:`` and section headings and its usage errors.

``ARGPARSE`` maps each text ``argparse`` asks to have translated (its gettext message id,
the same in Python 3.11-3.13) to the catalogue's code; :data:`MESSAGES_ARGPARSE` words each
code in each language, keeping argparse's ``%``-placeholders. By code, in each language;
merged into :data:`complaint_rules.messages.catalogue.MESSAGES`.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._lang import Lang

ARGPARSE: Mapping[str, str] = {
    "usage: ": "cli.argparse.usage",
    "positional arguments": "cli.argparse.positionals",
    "options": "cli.argparse.options",
    "subcommands": "cli.argparse.subcommands",
    "%(heading)s:": "cli.argparse.heading",
    "show this help message and exit": "cli.argparse.help",
    " (default: %(default)s)": "cli.argparse.default",
    "the following arguments are required: %s": "cli.argparse.required",
    "one of the arguments %s is required": "cli.argparse.one_required",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.invalid_choice",
    "unrecognized arguments: %s": "cli.argparse.unrecognized",
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
    "invalid %(type)s value: %(value)r": "cli.argparse.invalid_value",
    "not allowed with argument %s": "cli.argparse.not_allowed_with",
    "ambiguous option: %(option)s could match %(matches)s": "cli.argparse.ambiguous",
    "expected one argument": "cli.argparse.expected_one",
    "expected at least one argument": "cli.argparse.expected_at_least_one",
    "expected at most one argument": "cli.argparse.expected_at_most_one",
    "expected %s argument": "cli.argparse.expected_n",
    "expected %s arguments": "cli.argparse.expected_n",
    "ignored explicit argument %r": "cli.argparse.ignored_explicit",
    "can't open '%(filename)s': %(error)s": "cli.argparse.cannot_open",
    "%(prog)s: error: %(message)s\n": "cli.argparse.error",
}
"""argparse's message ids, each with the code of its wording."""

MESSAGES_ARGPARSE: Mapping[str, Mapping[Lang, str]] = {
    "cli.argparse.usage": {"zh-Hant": "用法:", "zh-Hans": "用法:", "en": "usage: "},
    "cli.argparse.positionals": {
        "zh-Hant": "位置引數(依序寫出)",
        "zh-Hans": "位置参数(依序写出)",
        "en": "positional arguments",
    },
    "cli.argparse.options": {"zh-Hant": "選項", "zh-Hans": "选项", "en": "options"},
    "cli.argparse.subcommands": {"zh-Hant": "子指令", "zh-Hans": "子命令", "en": "subcommands"},
    "cli.argparse.heading": {
        "zh-Hant": "%(heading)s:",
        "zh-Hans": "%(heading)s:",
        "en": "%(heading)s:",
    },
    "cli.argparse.help": {
        "zh-Hant": "顯示這段說明後結束",
        "zh-Hans": "显示这段说明后结束",
        "en": "show this help message and exit",
    },
    "cli.argparse.default": {
        "zh-Hant": "(預設:%(default)s)",
        "zh-Hans": "(默认:%(default)s)",
        "en": " (default: %(default)s)",
    },
    "cli.argparse.required": {
        "zh-Hant": "缺少必填的引數:%s",
        "zh-Hans": "缺少必填的参数:%s",
        "en": "the following arguments are required: %s",
    },
    "cli.argparse.one_required": {
        "zh-Hant": "以下引數必須給一個:%s",
        "zh-Hans": "以下参数必须给一个:%s",
        "en": "one of the arguments %s is required",
    },
    "cli.argparse.invalid_choice": {
        "zh-Hant": "不能寫 %(value)r;可以寫:%(choices)s",
        "zh-Hans": "不能写 %(value)r;可以写:%(choices)s",
        "en": "invalid choice: %(value)r (choose from %(choices)s)",
    },
    "cli.argparse.unrecognized": {
        "zh-Hant": "不認識的引數:%s",
        "zh-Hans": "不认识的参数:%s",
        "en": "unrecognized arguments: %s",
    },
    "cli.argparse.argument": {
        "zh-Hant": "引數 %(argument_name)s:%(message)s",
        "zh-Hans": "参数 %(argument_name)s:%(message)s",
        "en": "argument %(argument_name)s: %(message)s",
    },
    "cli.argparse.invalid_value": {
        "zh-Hant": "%(value)r 不是有效的值(%(type)s)",
        "zh-Hans": "%(value)r 不是有效的值(%(type)s)",
        "en": "invalid %(type)s value: %(value)r",
    },
    "cli.argparse.not_allowed_with": {
        "zh-Hant": "不能和引數 %s 同時使用",
        "zh-Hans": "不能和参数 %s 同时使用",
        "en": "not allowed with argument %s",
    },
    "cli.argparse.ambiguous": {
        "zh-Hant": "選項 %(option)s 不明確,可能是:%(matches)s",
        "zh-Hans": "选项 %(option)s 不明确,可能是:%(matches)s",
        "en": "ambiguous option: %(option)s could match %(matches)s",
    },
    "cli.argparse.expected_one": {
        "zh-Hant": "後面要寫一個值",
        "zh-Hans": "后面要写一个值",
        "en": "expected one argument",
    },
    "cli.argparse.expected_at_least_one": {
        "zh-Hant": "後面至少要寫一個值",
        "zh-Hans": "后面至少要写一个值",
        "en": "expected at least one argument",
    },
    "cli.argparse.expected_at_most_one": {
        "zh-Hant": "後面最多只能寫一個值",
        "zh-Hans": "后面最多只能写一个值",
        "en": "expected at most one argument",
    },
    "cli.argparse.expected_n": {
        "zh-Hant": "後面要寫 %s 個值",
        "zh-Hans": "后面要写 %s 个值",
        "en": "expected %s arguments",
    },
    "cli.argparse.ignored_explicit": {
        "zh-Hant": "這個選項不接受值,%r 被忽略",
        "zh-Hans": "这个选项不接受值,%r 被忽略",
        "en": "ignored explicit argument %r",
    },
    "cli.argparse.cannot_open": {
        "zh-Hant": "無法開啟「%(filename)s」:%(error)s",
        "zh-Hans": "无法打开「%(filename)s」:%(error)s",
        "en": "can't open '%(filename)s': %(error)s",
    },
    "cli.argparse.error": {
        "zh-Hant": "%(prog)s:錯誤:%(message)s\n",
        "zh-Hans": "%(prog)s:错误:%(message)s\n",
        "en": "%(prog)s: error: %(message)s\n",
    },
}


MESSAGES_NOTES: Mapping[str, Mapping[Lang, str]] = {
    "cli.notes.status": {
        "zh-Hant": "結束代碼:0 每個事件都被接受;1 有事件被拒絕(仍會印出已接受事件的狀態)或輸入有誤;2 指令用法錯誤",
        "zh-Hans": "结束代码:0 每个事件都被接受;1 有事件被拒绝(仍会打印已接受事件的状态)或输入有误;2 命令用法错误",
        "en": "exit codes: 0 every event was accepted; 1 some event was rejected (the status of the accepted ones is still printed) or the input is invalid; 2 usage error",
    },
    "cli.notes.impact": {
        "zh-Hant": "結束代碼:0 沒有任何決定改變;1 有決定改變,或輸入有誤(政策無法載入、歷史檔無法讀取、沒有一行被決定);2 指令用法錯誤。\n有問題的行會連同行號列在標準錯誤輸出,不會中斷執行。",
        "zh-Hans": "结束代码:0 没有任何决定改变;1 有决定改变,或输入有误(政策无法加载、历史文件无法读取、没有一行被决定);2 命令用法错误。\n有问题的行会连同行号列在标准错误输出,不会中断执行。",
        "en": "exit codes: 0 no decision changed; 1 some decision changed, or invalid input (a policy\nthat does not load, an unreadable history, no line decided); 2 usage error. Bad lines\nare listed on stderr with their line numbers and do not stop the run.",
    },
    "cli.notes.serve": {
        "zh-Hant": "收到 SIGHUP 時重新讀取政策;重新讀取失敗時繼續使用原來的政策,並在日誌和 /readyz 說明原因。每個請求在標準錯誤輸出寫一行 JSON 日誌。\n--stdio:complaint-rules serve --stdio < requests.jsonl",
        "zh-Hans": "收到 SIGHUP 时重新读取政策;重新读取失败时继续使用原来的政策,并在日志和 /readyz 说明原因。每个请求在标准错误输出写一行 JSON 日志。\n--stdio:complaint-rules serve --stdio < requests.jsonl",
        "en": "SIGHUP re-reads the policies; a reload that fails keeps serving the old set and says why in the log and /readyz. One JSON log line per request on stderr.\n--stdio: complaint-rules serve --stdio < requests.jsonl",
    },
}
"""What some commands' ``--help`` says after the example (their ``NOTES``)."""
