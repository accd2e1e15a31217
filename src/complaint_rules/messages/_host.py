# ruff: noqa: E501  (one message a line per language, as in catalogue.py)
"""The wording of problems met by the service, the command line and the workbench.

By code, in each language; merged into
:data:`complaint_rules.messages.catalogue.MESSAGES`. A key under ``host.`` is a second
wording of a published code (``make_problem(code, wording=...)``), not a code itself.

The English of each entry is, word for word, what the command line, the service and the
workbench said before their problems were worded in the officer's language: scripts and
hosts may match on it. Where that English repeats the operating system's own words
(``[Errno 2] No such file or directory``), the Chinese says the same in Chinese; the
code that words such a problem checks the English is the system's exactly, and otherwise
uses the general wording (``host.read.other``), which shows the system's words as given.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._lang import Lang

_SERVICE: Mapping[str, Mapping[Lang, str]] = {
    "service.not_found": {
        "zh-Hant": "這個位址沒有內容:沒有這項資源",
        "zh-Hans": "这个地址没有内容:没有这项资源",
        "en": "no such resource",
    },
    "service.method": {
        "zh-Hant": "這個位址不接受 {method} 請求",
        "zh-Hans": "这个地址不接受 {method} 请求",
        "en": "method not allowed",
    },
    "service.unauthorised": {
        "zh-Hant": "缺少存取權杖,或權杖不正確:請在 Authorization 標頭寫「Bearer 權杖」",
        "zh-Hans": "缺少访问令牌,或令牌不正确:请在 Authorization 标头写「Bearer 令牌」",
        "en": "missing or wrong bearer token",
    },
    "service.internal": {
        "zh-Hant": "內部錯誤;這個請求沒有處理,請通知系統管理員",
        "zh-Hans": "内部错误;这个请求没有处理,请通知系统管理员",
        "en": "internal error",
    },
    "service.internal.type": {
        "zh-Hant": "內部錯誤({type});這個請求沒有處理,請通知系統管理員",
        "zh-Hans": "内部错误({type});这个请求没有处理,请通知系统管理员",
        "en": "internal error ({type})",
    },
    "service.reload_disabled": {
        "zh-Hant": "要透過 HTTP 重新載入政策,服務必須以 --token-file 啟動",
        "zh-Hans": "要通过 HTTP 重新加载政策,服务必须以 --token-file 启动",
        "en": "reloading over HTTP needs a server started with --token-file",
    },
    "request.too_large": {
        "zh-Hant": "請求的內容超過 {limit} 位元組的上限",
        "zh-Hans": "请求的内容超过 {limit} 字节的上限",
        "en": "body larger than {limit} bytes",
    },
    "request.timeout": {
        "zh-Hant": "處理時間超過 {seconds} 秒的上限",
        "zh-Hans": "处理时间超过 {seconds} 秒的上限",
        "en": "took longer than {seconds} s",
    },
    "request.query": {
        "zh-Hant": "查詢參數 {name} 只能是 true 或 false",
        "zh-Hans": "查询参数 {name} 只能是 true 或 false",
        "en": "{name} is true or false",
    },
    "request.yaml": {
        "zh-Hant": "這裡要寫政策的 YAML 文字",
        "zh-Hans": "这里要写政策的 YAML 文字",
        "en": "the policy's YAML text",
    },
    "request.yaml.body": {
        "zh-Hant": '請求的內容必須是 {{"yaml": <政策的文字>}}',
        "zh-Hans": '请求的内容必须是 {{"yaml": <政策的文字>}}',
        "en": 'the body is {{"yaml": <the policy\'s text>}}',
    },
    "request.policy": {
        "zh-Hant": "請指定政策代號(可用的代號見 listPolicies)",
        "zh-Hans": "请指定政策代号(可用的代号见 listPolicies)",
        "en": "name a policy id (see listPolicies)",
    },
    "request.too_deep": {
        "zh-Hant": "請求的巢狀層次太深,無法處理",
        "zh-Hans": "请求的嵌套层次太深,无法处理",
        "en": "nested too deeply",
    },
    "request.unsupported": {
        "zh-Hant": "無法處理這個請求:{detail}",
        "zh-Hans": "无法处理这个请求:{detail}",
        "en": "{detail}",
    },
    "batch.not_list": {
        "zh-Hant": "批次必須是投訴(JSON 物件)的 JSON 清單",
        "zh-Hans": "批量必须是投诉(JSON 对象)的 JSON 列表",
        "en": "a batch is a JSON list of complaint objects",
    },
    "batch.too_many": {
        "zh-Hant": "一批最多 {limit} 件投訴,這一批超過了",
        "zh-Hans": "一批最多 {limit} 件投诉,这一批超过了",
        "en": "more than {limit} items in a batch",
    },
    "case.not_object": {
        "zh-Hant": "案件必須是 JSON 物件 {{events: [...], at: 時刻}}:事件清單和狀態的時刻",
        "zh-Hans": "案件必须是 JSON 对象 {{events: [...], at: 时刻}}:事件列表和状态的时刻",
        "en": "a case is an object {{events: [...], at: instant}}",
    },
    "case.at": {
        "zh-Hant": "缺少狀態的時刻:請寫含時區的 ISO 8601 日期時間(例如 2026-10-12T09:00:00+08:00)",
        "zh-Hans": "缺少状态的时刻:请写含时区的 ISO 8601 日期时间(例如 2026-10-12T09:00:00+08:00)",
        "en": "missing: the instant of the status, ISO 8601 with offset",
    },
    "policy.unknown": {
        "zh-Hant": "沒有代號為 {id} 的政策;可用的有:{known}",
        "zh-Hans": "没有代号为 {id} 的政策;可用的有:{known}",
        "en": "no policy {id}; known: {known}",
    },
    "policy.unknown_version": {
        "zh-Hant": "政策 {id} 沒有版本 {version};現有的版本:{held}",
        "zh-Hans": "政策 {id} 没有版本 {version};现有的版本:{held}",
        "en": "policy {id} has no version {version}; held: {held}",
    },
    "host.policy.not_in_force": {
        "zh-Hant": "{at} 早於政策 {id} 的第一個版本(自 {first} 起生效):那時還沒有生效的版本",
        "zh-Hans": "{at} 早于政策 {id} 的第一个版本(自 {first} 起生效):那时还没有生效的版本",
        "en": "{at} is before the first version of policy {id}, in force from {first}",
    },
    "host.policy.base_unknown": {
        "zh-Hant": "extends 所指的政策 {id} 不在這個服務所提供的政策中",
        "zh-Hans": "extends 所指的政策 {id} 不在这个服务所提供的政策中",
        "en": "extends unknown policy {id}",
    },
    "stdio.not_object": {
        "zh-Hant": "每一行請求必須是 JSON 物件 {{id, op, ...}}",
        "zh-Hans": "每一行请求必须是 JSON 对象 {{id, op, ...}}",
        "en": "a request is a JSON object {{id, op, ...}}",
    },
    "stdio.op": {
        "zh-Hant": "op(操作)必須是其中之一:{ops}",
        "zh-Hans": "op(操作)必须是其中之一:{ops}",
        "en": "op is one of {ops}",
    },
    "stdio.field": {
        "zh-Hant": "{name} 必須是文字(JSON 字串)",
        "zh-Hans": "{name} 必须是文字(JSON 字符串)",
        "en": "{name} is text",
    },
}
"""The service's own problems (HTTP and JSON lines)."""

_SHARED: Mapping[str, Mapping[Lang, str]] = {
    "host.calendar.unpublished": {
        "zh-Hant": "{year} 年的官方假日安排還不知道(已知的是 {first}-{last} 年):請把這一年的假日和調休上班日寫進政策的日曆設定,或改為要求估算的期限",
        "zh-Hans": "{year} 年的官方假日安排还不知道(已知的是 {first}-{last} 年):请把这一年的假日和调休上班日写进政策的日历设置,或改为要求估算的期限",
        "en": "the official holiday schedule for {year} is not known (known: {first}-{last}); add the year's holidays and make-up workdays to the policy's calendar, or ask for an estimated deadline",
    },
    "host.calendar.other": {
        "zh-Hant": "無法計算這個日期:{detail}",
        "zh-Hans": "无法计算这个日期:{detail}",
        "en": "{detail}",
    },
    "host.extra.opencc": {
        "zh-Hant": "比對繁體和簡體中文需要 OpenCC(complaint-rules 的相依套件):pip install 'opencc>=1.1.6,<2'",
        "zh-Hans": "比对繁体和简体中文需要 OpenCC(complaint-rules 的依赖包):pip install 'opencc>=1.1.6,<2'",
        "en": "matching Traditional and Simplified Chinese needs OpenCC, a dependency of complaint-rules: pip install 'opencc>=1.1.6,<2'",
    },
    "host.extra.serve": {
        "zh-Hant": "complaint-rules serve 需要選用套件 server:pip install 'complaint-rules[server]'",
        "zh-Hans": "complaint-rules serve 需要可选组件 server:pip install 'complaint-rules[server]'",
        "en": "complaint-rules serve needs the extra 'server': pip install 'complaint-rules[server]'",
    },
    "host.extra.studio": {
        "zh-Hant": "工作台需要選用套件 server:pip install 'complaint-rules[server]'",
        "zh-Hans": "工作台需要可选组件 server:pip install 'complaint-rules[server]'",
        "en": "the workbench needs the server extra: pip install 'complaint-rules[server]'",
    },
    "extra.missing": {
        "zh-Hant": "缺少選用的套件:{detail}",
        "zh-Hans": "缺少可选的组件:{detail}",
        "en": "{detail}",
    },
    "host.error_line": {
        "zh-Hant": "錯誤:{message}",
        "zh-Hans": "错误:{message}",
        "en": "error: {message}",
    },
}
"""Said by more than one of them: a calendar that cannot count, a missing extra."""

_FILES: Mapping[str, Mapping[Lang, str]] = {
    "host.read.missing": {
        "zh-Hant": "找不到檔案「{name}」,無法讀取;請檢查檔名和所在的資料夾",
        "zh-Hans": "找不到文件「{name}」,无法读取;请检查文件名和所在的文件夹",
        "en": "cannot read: [Errno 2] No such file or directory: '{name}'",
    },
    "host.read.directory": {
        "zh-Hant": "「{name}」是資料夾,不是檔案;請給一個檔案",
        "zh-Hans": "「{name}」是文件夹,不是文件;请给一个文件",
        "en": "cannot read: [Errno 21] Is a directory: '{name}'",
    },
    "host.read.denied": {
        "zh-Hant": "沒有權限讀取檔案「{name}」",
        "zh-Hans": "没有权限读取文件「{name}」",
        "en": "cannot read: [Errno 13] Permission denied: '{name}'",
    },
    "host.read.missing.short": {
        "zh-Hant": "找不到這個檔案,無法讀取;請檢查檔名和所在的資料夾",
        "zh-Hans": "找不到这个文件,无法读取;请检查文件名和所在的文件夹",
        "en": "cannot read: No such file or directory",
    },
    "host.read.directory.short": {
        "zh-Hant": "這是資料夾,不是檔案;請給一個檔案",
        "zh-Hans": "这是文件夹,不是文件;请给一个文件",
        "en": "cannot read: Is a directory",
    },
    "host.read.denied.short": {
        "zh-Hant": "沒有權限讀取這個檔案",
        "zh-Hans": "没有权限读取这个文件",
        "en": "cannot read: Permission denied",
    },
    "host.read.other": {
        "zh-Hant": "無法讀取這個檔案:{error}",
        "zh-Hans": "无法读取这个文件:{error}",
        "en": "cannot read: {error}",
    },
    "host.write.missing": {
        "zh-Hant": "無法寫入「{name}」:所在的資料夾不存在",
        "zh-Hans": "无法写入「{name}」:所在的文件夹不存在",
        "en": "cannot write: [Errno 2] No such file or directory: '{name}'",
    },
    "host.write.directory": {
        "zh-Hant": "無法寫入「{name}」:那是資料夾,不是檔案",
        "zh-Hans": "无法写入「{name}」:那是文件夹,不是文件",
        "en": "cannot write: [Errno 21] Is a directory: '{name}'",
    },
    "host.write.denied": {
        "zh-Hant": "沒有權限寫入「{name}」",
        "zh-Hans": "没有权限写入「{name}」",
        "en": "cannot write: [Errno 13] Permission denied: '{name}'",
    },
    "host.write.exists": {
        "zh-Hant": "無法寫入「{name}」:那裡已經有一個同名的檔案,不是資料夾",
        "zh-Hans": "无法写入「{name}」:那里已经有一个同名的文件,不是文件夹",
        "en": "cannot write: [Errno 17] File exists: '{name}'",
    },
    "host.write.not_directory": {
        "zh-Hant": "無法寫入「{name}」:路徑中有一段是檔案,不是資料夾",
        "zh-Hans": "无法写入「{name}」:路径中有一段是文件,不是文件夹",
        "en": "cannot write: [Errno 20] Not a directory: '{name}'",
    },
    "host.write.missing.short": {
        "zh-Hant": "無法寫入這個檔案:所在的資料夾不存在",
        "zh-Hans": "无法写入这个文件:所在的文件夹不存在",
        "en": "cannot write: No such file or directory",
    },
    "host.write.directory.short": {
        "zh-Hant": "無法寫入:這是資料夾,不是檔案",
        "zh-Hans": "无法写入:这是文件夹,不是文件",
        "en": "cannot write: Is a directory",
    },
    "host.write.denied.short": {
        "zh-Hant": "沒有權限寫入這個檔案",
        "zh-Hans": "没有权限写入这个文件",
        "en": "cannot write: Permission denied",
    },
    "host.write.other": {
        "zh-Hant": "無法寫入這個檔案:{error}",
        "zh-Hans": "无法写入这个文件:{error}",
        "en": "cannot write: {error}",
    },
}
"""A file that cannot be read or written, by the system's reason; ``.short`` where the
message gave the reason alone, without the error number and the file's name."""

_CLI: Mapping[str, Mapping[Lang, str]] = {
    "batch.worker_died": {
        "zh-Hant": "一個工作程序中止了(被終止,或記憶體不足):第 {first} 行和它之後的每一行都沒有決定",
        "zh-Hans": "一个工作进程中止了(被终止,或内存不足):第 {first} 行和它之后的每一行都没有决定",
        "en": "a worker process stopped (killed, or out of memory): line {first} and every one after it were not decided",
    },
    "host.batch.worker_died.item": {
        "zh-Hant": "一個工作程序中止了(被終止,或記憶體不足):第 {first} 件(從 0 算起)和它之後的每一件都沒有決定",
        "zh-Hans": "一个工作进程中止了(被终止,或内存不足):第 {first} 件(从 0 算起)和它之后的每一件都没有决定",
        "en": "a worker process stopped (killed, or out of memory): item {first} (counted from 0) and every one after it were not decided",
    },
    "input.too_deep": {
        "zh-Hant": "輸入的巢狀層次太深,無法處理",
        "zh-Hans": "输入的嵌套层次太深,无法处理",
        "en": "nested too deeply to process",
    },
    "input.too_large": {
        "zh-Hant": "輸入太大,記憶體不足以處理",
        "zh-Hans": "输入太大,内存不足以处理",
        "en": "too large to process in the memory available",
    },
    "html.same_policy_twice": {
        "zh-Hant": "{first} 和 {second} 是同一份政策 {id};每份政策只給一次",
        "zh-Hans": "{first} 和 {second} 是同一份政策 {id};每份政策只给一次",
        "en": "both {first} and {second} are policy {id}",
    },
    "cli.schema.json_only": {
        "zh-Hant": "--kind {kind} 只能輸出 JSON;請不要用 --format text",
        "zh-Hans": "--kind {kind} 只能输出 JSON;请不要用 --format text",
        "en": "--kind {kind} is JSON only",
    },
    "cli.schema.needs_policy": {
        "zh-Hant": "--kind complaint 需要指定政策(POLICY:政策代號或檔案)",
        "zh-Hans": "--kind complaint 需要指定政策(POLICY:政策代号或文件)",
        "en": "--kind complaint needs a POLICY",
    },
    "cli.schema.needs_server": {
        "zh-Hant": "--kind openapi 需要選用套件 server:pip install 'complaint-rules[server]'",
        "zh-Hans": "--kind openapi 需要可选组件 server:pip install 'complaint-rules[server]'",
        "en": "--kind openapi needs the extra 'server'",
    },
    "cli.pin": {
        "zh-Hant": "--pin {value} 的寫法不對:請寫「代號=64 個小寫十六進位數字」",
        "zh-Hans": "--pin {value} 的写法不对:请写「代号=64 个小写十六进制数字」",
        "en": "--pin {value}: expected ID=<64 lowercase hex digits>",
    },
    "cli.token.empty": {
        "zh-Hant": "權杖檔是空的;請在檔案中寫入存取權杖",
        "zh-Hans": "令牌文件是空的;请在文件中写入访问令牌",
        "en": "the token file is empty",
    },
    "cli.token.short": {
        "zh-Hant": "存取權杖至少要 16 個字元",
        "zh-Hans": "访问令牌至少要 16 个字符",
        "en": "the token must be at least 16 characters",
    },
    "cli.studio.host": {
        "zh-Hant": "--host {host} 會讓其他電腦也能開啟工作台:請同時給 --token-file(存取權杖檔)",
        "zh-Hans": "--host {host} 会让其他电脑也能打开工作台:请同时给 --token-file(访问令牌文件)",
        "en": "--host {host} opens the workbench to other computers: give --token-file",
    },
    "cli.no_policy_files": {
        "zh-Hant": "沒有找到政策檔案(*.yaml)",
        "zh-Hans": "没有找到政策文件(*.yaml)",
        "en": "no policy files found",
    },
    "cli.impact.abstract": {
        "zh-Hant": "{which}({id})是抽象政策:它是其他政策的基礎,本身不決定任何投訴",
        "zh-Hans": "{which}({id})是抽象政策:它是其他政策的基础,本身不决定任何投诉",
        "en": "{which} ({id}) is an abstract policy: a base for other policies, it decides no complaint",
    },
    "cli.impact.empty": {
        "zh-Hant": "{file}:沒有可比較的內容:檔案中沒有投訴",
        "zh-Hans": "{file}:没有可比较的内容:文件中没有投诉",
        "en": "{file}: nothing to compare: no complaints",
    },
    "cli.impact.all_bad": {
        "zh-Hant": "{file}:沒有可比較的內容:每一行都有問題(共 {bad} 行)",
        "zh-Hans": "{file}:没有可比较的内容:每一行都有问题(共 {bad} 行)",
        "en": "{file}: nothing to compare: every line is bad ({bad})",
    },
}
"""The command line's own problems."""

_STUDIO: Mapping[str, Mapping[Lang, str]] = {
    "studio.csrf": {
        "zh-Hant": "這一頁的防偽權杖(CSRF)缺少或不正確;請重新載入頁面後再試",
        "zh-Hans": "这一页的防伪令牌(CSRF)缺少或不正确;请重新加载页面后再试",
        "en": "the page's CSRF token is missing or wrong",
    },
    "studio.read_only": {
        "zh-Hant": "這份政策是唯讀的,不能儲存",
        "zh-Hans": "这份政策是只读的,不能保存",
        "en": "this policy is read-only",
    },
    "studio.read_only.bundled": {
        "zh-Hant": "這份政策是唯讀的(內建,或由已安裝的套件提供),不能儲存;請把它複製到你的政策資料夾再修改",
        "zh-Hans": "这份政策是只读的(内置,或由已安装的软件包提供),不能保存;请把它复制到你的政策文件夹再修改",
        "en": "this policy is read-only (bundled or installed)",
    },
    "studio.body.text": {
        "zh-Hant": '請求的內容必須是 {{"text": "..."}}',
        "zh-Hans": '请求的内容必须是 {{"text": "..."}}',
        "en": 'the body is {{"text": "..."}}',
    },
    "studio.body.object": {
        "zh-Hant": "請求的內容必須是 JSON 物件",
        "zh-Hans": "请求的内容必须是 JSON 对象",
        "en": "the body is a JSON object",
    },
    "studio.too_large": {
        "zh-Hant": "請求的內容超過 {limit} 位元組的上限",
        "zh-Hans": "请求的内容超过 {limit} 字节的上限",
        "en": "the request is larger than {limit} bytes",
    },
    "studio.too_large.short": {
        "zh-Hant": "上傳的內容超過 {limit} 位元組的上限",
        "zh-Hans": "上传的内容超过 {limit} 字节的上限",
        "en": "larger than {limit} bytes",
    },
    "studio.not_found": {
        "zh-Hant": "找不到這個檔案",
        "zh-Hans": "找不到这个文件",
        "en": "not found",
    },
    "studio.not_committed": {
        "zh-Hant": "這個檔案沒有提交到 git 儲存庫,無法和已提交的版本比較",
        "zh-Hans": "这个文件没有提交到 git 仓库,无法和已提交的版本比较",
        "en": "the file is not committed in a git repository",
    },
    "studio.no_policy": {
        "zh-Hant": "沒有代號為 {id} 的政策",
        "zh-Hans": "没有代号为 {id} 的政策",
        "en": "no policy {id}",
    },
    "host.catalog.id_not_stem": {
        "zh-Hant": "檔案宣告的代號是 {id};檔名(不含副檔名)必須和代號相同",
        "zh-Hans": "文件声明的代号是 {id};文件名(不含扩展名)必须和代号相同",
        "en": "the file declares id {id}; its file stem must be its id",
    },
    "studio.outside": {
        "zh-Hant": "這個位置不在政策資料夾裡",
        "zh-Hans": "这个位置不在政策文件夹里",
        "en": "outside the policy directory",
    },
    "studio.no_history": {
        "zh-Hant": "政策資料夾中沒有歷史紀錄檔 {name}",
        "zh-Hans": "政策文件夹中没有历史记录文件 {name}",
        "en": "no history file {name} in the policy directories",
    },
    "studio.token_required": {
        "zh-Hant": "需要存取權杖:請用含 ?token=… 的網址開啟一次工作台",
        "zh-Hans": "需要访问令牌:请用含 ?token=… 的网址打开一次工作台",
        "en": "access token required",
    },
    "studio.host": {
        "zh-Hant": "不接受這個主機名稱(Host 標頭)",
        "zh-Hans": "不接受这个主机名称(Host 标头)",
        "en": "Invalid host header",
    },
}
"""The workbench's own problems (its pages' words are :mod:`complaint_rules.studio.words`)."""

MESSAGES_HOST: Mapping[str, Mapping[Lang, str]] = {
    **_SERVICE,
    **_SHARED,
    **_FILES,
    **_CLI,
    **_STUDIO,
}
