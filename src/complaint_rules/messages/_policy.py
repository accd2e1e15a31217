# ruff: noqa: E501
"""The wording of problems with a policy file, its catalog, signatures and layers.

By code, in each language; merged into
:data:`complaint_rules.messages.catalogue.MESSAGES`. Most entries here are a *wording*
(``make_problem(code, wording=...)``): the words of one particular problem of a published
code whose catalogue entry names only the kind, so that the particulars (an id, a file, a
hash, a line) are said in the officer's language too. The English of each is the message
the problem has always had: scripts match on it.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._lang import Lang

_CATALOG: Mapping[str, Mapping[Lang, str]] = {
    "catalog.bundled_missing.all": {
        "zh-Hant": "這次安裝缺少內建的政策(套件不完整,請重新安裝)",
        "zh-Hans": "这次安装缺少内置的政策(软件包不完整,请重新安装)",
        "en": "the bundled policies are missing from this installation",
    },
    "catalog.entry_point.package": {
        "zh-Hant": "已安裝套件宣告的政策入口 {name} = {value}(群組 {group})找不到對應的套件({error})",
        "zh-Hans": "已安装软件包声明的政策入口 {name} = {value}(组 {group})找不到对应的软件包({error})",
        "en": "entry point {name} = {value} in group {group}: cannot find package ({error})",
    },
    "catalog.not_a_directory.bundled": {
        "zh-Hant": "內建政策的位置不是資料夾",
        "zh-Hans": "内置政策的位置不是文件夹",
        "en": "not a directory (bundled)",
    },
    "catalog.not_a_directory.given": {
        "zh-Hant": "所給的政策資料夾不是資料夾(或不存在)",
        "zh-Hans": "所给的政策文件夹不是文件夹(或不存在)",
        "en": "not a directory (directory)",
    },
    "catalog.not_a_directory.entry_point": {
        "zh-Hant": "已安裝套件的政策入口 {name} 所指的不是資料夾",
        "zh-Hans": "已安装软件包的政策入口 {name} 所指的不是文件夹",
        "en": "not a directory (entry point {name})",
    },
    "catalog.duplicate_id.other": {
        "zh-Hant": "政策代號 {id} 也由 {other} 提供;兩份政策不能用同一個代號",
        "zh-Hans": "政策代号 {id} 也由 {other} 提供;两份政策不能用同一个代号",
        "en": "policy id {id} is also provided by {other}",
    },
    "catalog.pin_unknown_id.catalog": {
        "zh-Hant": "鎖定(pin)的政策 {id} 不在政策目錄中:不接受為不存在的政策設定鎖定",
        "zh-Hans": "锁定(pin)的政策 {id} 不在政策目录中:不接受为不存在的政策设置锁定",
        "en": "pinned policy {id} is not in the catalog: a pin for a policy that is not there is refused",
    },
    "catalog.unknown_id.known": {
        "zh-Hant": "沒有代號為 {id} 的政策;已有的政策:{known}",
        "zh-Hans": "没有代号为 {id} 的政策;已有的政策:{known}",
        "en": "no policy {id}; known: {known}",
    },
    "catalog.unknown_id.suggest": {
        "zh-Hant": "沒有代號為 {id} 的政策;已有的政策:{known};是不是要寫 {nearest}?",
        "zh-Hans": "没有代号为 {id} 的政策;已有的政策:{known};是不是要写 {nearest}?",
        "en": "no policy {id}; known: {known}; did you mean {nearest}?",
    },
    "catalog.id_not_stem.declared": {
        "zh-Hant": "檔案中寫的代號是 {id};政策檔案的檔名(不含 .yaml)必須就是它的代號",
        "zh-Hans": "文件中写的代号是 {id};政策文件的文件名(不含 .yaml)必须就是它的代号",
        "en": "the file declares id {id}; its file stem must be its id",
    },
    "policy.invalid.two_versions": {
        "zh-Hant": "政策 {id} 有兩個從 {start} 起生效的版本:{first} 和 {second}",
        "zh-Hans": "政策 {id} 有两个从 {start} 起生效的版本:{first} 和 {second}",
        "en": "policy {id} has two versions in force from {start}: {first} and {second}",
    },
    "policy.invalid.dated_name": {
        "zh-Hant": "有日期的政策檔案要命名為「代號@YYYY-MM-DD.yaml」;{text} 不是日期",
        "zh-Hans": "有日期的政策文件要命名为「代号@YYYY-MM-DD.yaml」;{text} 不是日期",
        "en": "a dated policy file is named <id>@<YYYY-MM-DD>.yaml; {text} is not a date",
    },
    "policy.invalid.effective_from_name": {
        "zh-Hant": "檔名寫的日期是 {day},但檔案中的生效日(effective_from)是 {declared};兩者必須一致",
        "zh-Hans": "文件名写的日期是 {day},但文件中的生效日(effective_from)是 {declared};两者必须一致",
        "en": "the file is named for {day} but declares effective_from {declared}; they must agree",
    },
    "policy.not_in_force.before_first": {
        "zh-Hant": "{instant} 早於政策 {id} 的第一個版本(從 {first} 起生效)",
        "zh-Hans": "{instant} 早于政策 {id} 的第一个版本(从 {first} 起生效)",
        "en": "{instant} is before the first version of policy {id}, in force from {first}",
    },
    "policy.extends_cycle.chain": {
        "zh-Hant": "政策之間的延伸(extends)形成循環:{cycle}",
        "zh-Hans": "政策之间的延伸(extends)形成循环:{cycle}",
        "en": "policies extend each other in a cycle: {cycle}",
    },
    "complaint.invalid.not_an_instant": {
        "zh-Hant": "{value} 不是 ISO 8601 日期時間(例如 2024-03-01T09:00:00+08:00)",
        "zh-Hans": "{value} 不是 ISO 8601 日期时间(例如 2024-03-01T09:00:00+08:00)",
        "en": "not an ISO 8601 instant: {value}",
    },
    "complaint.invalid.naive_instant": {
        "zh-Hant": "時刻要寫明時區(例如 +08:00)",
        "zh-Hans": "时刻要写明时区(例如 +08:00)",
        "en": "an instant needs an offset (e.g. +08:00)",
    },
}
"""The catalog's problems (:mod:`complaint_rules.policy.catalog`, ``bundled``)."""

_LOADING: Mapping[str, Mapping[Lang, str]] = {
    "policy.too_large.bytes": {
        "zh-Hant": "政策檔案超過 {limit} 位元組的大小上限",
        "zh-Hans": "政策文件超过 {limit} 字节的大小上限",
        "en": "larger than {limit} bytes",
    },
    "policy.file.unreadable": {
        "zh-Hant": "無法讀取這個檔案:{reason}",
        "zh-Hans": "无法读取这个文件:{reason}",
        "en": "cannot read: {reason}",
    },
    "policy.file.not_found": {
        "zh-Hant": "找不到這個檔案;請檢查路徑和檔名",
        "zh-Hans": "找不到这个文件;请检查路径和文件名",
        "en": "cannot read: No such file or directory",
    },
    "policy.file.no_permission": {
        "zh-Hant": "沒有讀取這個檔案的權限",
        "zh-Hans": "没有读取这个文件的权限",
        "en": "cannot read: Permission denied",
    },
    "policy.file.directory": {
        "zh-Hant": "這是資料夾,不是檔案",
        "zh-Hans": "这是文件夹,不是文件",
        "en": "cannot read: Is a directory",
    },
    "policy.file.not_regular": {
        "zh-Hant": "不是一般檔案(而是具名管道、裝置或通訊端);請給一個檔案",
        "zh-Hans": "不是一般文件(而是具名管道、设备或通信端);请给一个文件",
        "en": "not a regular file (a FIFO, a device or a socket); give a file",
    },
    "policy.too_deep.validate": {
        "zh-Hant": "巢狀層次太深,無法檢查",
        "zh-Hans": "嵌套层次太深,无法检查",
        "en": "nested too deeply to validate",
    },
    "policy.too_deep.compile": {
        "zh-Hant": "巢狀層次太深,無法編譯",
        "zh-Hans": "嵌套层次太深,无法编译",
        "en": "nested too deeply to compile",
    },
    "policy.not_compilable.reason": {
        "zh-Hant": "這份政策無法編譯:{error}",
        "zh-Hans": "这份政策无法编译:{error}",
        "en": "cannot be compiled: {error}",
    },
    "policy.not_a_mapping.top_level": {
        "zh-Hant": "政策檔案最外層必須是「鍵: 值」的對照(例如第一行寫「schema: ...」)",
        "zh-Hans": "政策文件最外层必须是「键: 值」的对照(例如第一行写「schema: ...」)",
        "en": "a policy is a mapping (key: value) at top level",
    },
    "policy.base_unloadable.named": {
        "zh-Hant": "無法載入延伸(extends)的基礎政策 {id}:",
        "zh-Hans": "无法加载延伸(extends)的基础政策 {id}:",
        "en": "cannot load base policy {id}:",
    },
    "policy.base_not_found.named": {
        "zh-Hant": "在這個檔案旁邊和內建政策中都找不到政策 {id}",
        "zh-Hans": "在这个文件旁边和内置政策中都找不到政策 {id}",
        "en": "no policy {id} beside the file or bundled",
    },
    "policy.base_id_mismatch.given": {
        "zh-Hant": "要的基礎政策是 {expected},找到的卻是 {got}",
        "zh-Hans": "要的基础政策是 {expected},找到的却是 {got}",
        "en": "asked for base policy {expected}, the resolver gave {got}",
    },
    "policy.pin_mismatch.required": {
        "zh-Hant": "檔案內容的 sha256 是 {digest},但要求的是 {required}(檔案已被改動)",
        "zh-Hans": "文件内容的 sha256 是 {digest},但要求的是 {required}(文件已被改动)",
        "en": "content sha256 is {digest}, but {required} was required (the file has changed)",
    },
    "policy.pin_mismatch.for_id": {
        "zh-Hant": "檔案內容的 sha256 是 {digest},但政策 {id} 鎖定(pin)的是 {pinned}(檔案已被改動)",
        "zh-Hans": "文件内容的 sha256 是 {digest},但政策 {id} 锁定(pin)的是 {pinned}(文件已被改动)",
        "en": "content sha256 is {digest}, but {pinned} is pinned for policy {id} (the file has changed)",
    },
    "policy.pin_mismatch.no_id": {
        "zh-Hant": "檔案內容的 sha256 是 {digest},沒有任何政策鎖定(pin)這個值(已鎖定的政策:{ids});檔案已被改動,或不是其中任何一份",
        "zh-Hans": "文件内容的 sha256 是 {digest},没有任何政策锁定(pin)这个值(已锁定的政策:{ids});文件已被改动,或不是其中任何一份",
        "en": "content sha256 is {digest}, which is pinned for no policy (pins are given for {ids}); the file has changed, or is not one of them",
    },
    "policy.pin_mismatch.layer": {
        "zh-Hant": "政策 {id}:檔案內容的 sha256 是 {digest},但鎖定(pin)的是 {pinned}(檔案已被改動)",
        "zh-Hans": "政策 {id}:文件内容的 sha256 是 {digest},但锁定(pin)的是 {pinned}(文件已被改动)",
        "en": "policy {id}: content sha256 is {digest}, but {pinned} is pinned (the file has changed)",
    },
    "policy.pin_missing.id": {
        "zh-Hant": "政策 {id} 沒有鎖定(pin);有給鎖定時,每一份載入的政策都要有",
        "zh-Hans": "政策 {id} 没有锁定(pin);有给锁定时,每一份加载的政策都要有",
        "en": "policy {id} is not pinned; when pins are given, every policy loaded needs one",
    },
    "policy.pin_id_mismatch.declared": {
        "zh-Hant": "檔案中寫的代號是 {id},但它的內容(sha256 {digest})是以政策 {names} 的名義鎖定(pin)的",
        "zh-Hans": "文件中写的代号是 {id},但它的内容(sha256 {digest})是以政策 {names} 的名义锁定(pin)的",
        "en": "the file declares id {id}, but its content (sha256 {digest}) is pinned as policy {names}",
    },
    "policy.pin_unknown_id.beside": {
        "zh-Hant": "在這個檔案旁邊和內建政策中都找不到鎖定(pin)的政策 {id}:不接受為不存在的政策設定鎖定",
        "zh-Hans": "在这个文件旁边和内置政策中都找不到锁定(pin)的政策 {id}:不接受为不存在的政策设置锁定",
        "en": "pinned policy {id} cannot be found (beside the file or bundled): a pin for a policy that is not there is refused",
    },
}
"""Reading a policy file, its pins and its base (:mod:`complaint_rules.policy.loader`)."""

_SIGNATURES: Mapping[str, Mapping[Lang, str]] = {
    "policy.signature_missing.none_given": {
        "zh-Hant": "簽名:沒有提供簽名,檔案的雜湊值也沒有鎖定(pin)",
        "zh-Hans": "签名:没有提供签名,文件的哈希值也没有锁定(pin)",
        "en": "signature: none given, and the hash is not pinned",
    },
    "policy.signature_missing.no_file": {
        "zh-Hant": "簽名:檔案旁邊沒有 {name},檔案的雜湊值也沒有鎖定(pin)(簽名的指令:ssh-keygen -Y sign -n complaint-rules -f 金鑰 檔案)",
        "zh-Hans": "签名:文件旁边没有 {name},文件的哈希值也没有锁定(pin)(签名的命令:ssh-keygen -Y sign -n complaint-rules -f 密钥 文件)",
        "en": "signature: no {name} beside the file, and the hash is not pinned (sign with: ssh-keygen -Y sign -n complaint-rules -f KEY FILE)",
    },
    "policy.signature_invalid.no_program": {
        "zh-Hant": "簽名:檢查簽名需要 OpenSSH 的 {program}(8.2 或更新版本),但在 PATH 中找不到;請安裝 OpenSSH,或以 Signers(program=...) 指定程式",
        "zh-Hans": "签名:检查签名需要 OpenSSH 的 {program}(8.2 或更新版本),但在 PATH 中找不到;请安装 OpenSSH,或以 Signers(program=...) 指定程序",
        "en": "signature: checking it needs OpenSSH's {program} (8.2 or later), which is not on PATH; install OpenSSH, or name the program with Signers(program=...)",
    },
    "policy.signature_invalid.no_signers": {
        "zh-Hant": "簽名:允許的簽署者檔案 {signers} 不存在",
        "zh-Hans": "签名:允许的签署者文件 {signers} 不存在",
        "en": "signature: the allowed signers file {signers} does not exist",
    },
    "policy.signature_invalid.too_large": {
        "zh-Hant": "簽名:超過 {limit} 位元組,不是 SSH 簽名",
        "zh-Hans": "签名:超过 {limit} 字节,不是 SSH 签名",
        "en": "signature: larger than {limit} bytes: not an SSH signature",
    },
    "policy.signature_invalid.unknown_key": {
        "zh-Hant": "簽名:不是由 {signers} 中的金鑰簽署的(ssh-keygen:{why})",
        "zh-Hans": "签名:不是由 {signers} 中的密钥签署的(ssh-keygen:{why})",
        "en": "signature: not made by a key in {signers} ({why})",
    },
    "policy.signature_invalid.not_verified": {
        "zh-Hant": "簽名:以 {identity}(命名空間 {namespace})檢查不通過(ssh-keygen:{why});檔案或它的簽名已被改動",
        "zh-Hans": "签名:以 {identity}(命名空间 {namespace})检查不通过(ssh-keygen:{why});文件或它的签名已被改动",
        "en": "signature: does not verify for {identity} in namespace {namespace} ({why}); the file or its signature has changed",
    },
    "policy.signature_timeout.seconds": {
        "zh-Hant": "簽名:{program} 在 {seconds} 秒內沒有完成",
        "zh-Hans": "签名:{program} 在 {seconds} 秒内没有完成",
        "en": "signature: {program} did not finish in {seconds} s",
    },
    "policy.signature_unavailable.reason": {
        "zh-Hant": "簽名:無法執行 {program}:{reason}",
        "zh-Hans": "签名:无法运行 {program}:{reason}",
        "en": "signature: cannot run {program}: {reason}",
    },
}
"""Checking a policy's signature (:mod:`complaint_rules.policy.signatures`)."""

_YAML: Mapping[str, Mapping[Lang, str]] = {
    "policy.too_many_problems.count": {
        "zh-Hant": "另外還有 {count} 個問題,沒有列出",
        "zh-Hans": "另外还有 {count} 个问题,没有列出",
        "en": "and {count} more problems, not listed",
    },
    "yaml.tag.named": {
        "zh-Hant": "不允許使用標籤 {tag}(只接受一般的資料)",
        "zh-Hans": "不允许使用标签 {tag}(只接受一般的数据)",
        "en": "tag {tag} is not allowed (plain data only)",
    },
    "yaml.alias_cycle.contains": {
        "zh-Hant": "別名(alias)指向包含它自己的值(形成循環)",
        "zh-Hans": "别名(alias)指向包含它自己的值(形成循环)",
        "en": "an alias refers to a value that contains it (a cycle)",
    },
    "yaml.duplicate_key.first": {
        "zh-Hant": "鍵 {key} 重複了(第一次在第 {first} 行);請刪掉其中一個:YAML 會默默只留下最後一個",
        "zh-Hans": "键 {key} 重复了(第一次在第 {first} 行);请删掉其中一个:YAML 会默默只留下最后一个",
        "en": "duplicate key {key} (first at line {first}); remove one: YAML would silently keep the last",
    },
    "yaml.complex_key.plain": {
        "zh-Hant": "鍵必須是簡單的文字(不能是清單或對照)",
        "zh-Hans": "键必须是简单的文字(不能是清单或对照)",
        "en": "mapping keys must be plain scalars",
    },
    "yaml.control_character.escape": {
        "zh-Hant": "不允許字元 {char}({name}),寫成跳脫序列也不行",
        "zh-Hans": "不允许字符 {char}({name}),写成转义序列也不行",
        "en": "character {char} ({name}) is not allowed, even as an escape",
    },
    "yaml.control_character.remove": {
        "zh-Hant": "不允許字元 {char}({name});請刪掉它",
        "zh-Hans": "不允许字符 {char}({name});请删掉它",
        "en": "character {char} ({name}) is not allowed; remove it",
    },
    "yaml.bom_inside.text": {
        "zh-Hant": "文字中間有位元組順序記號(U+FEFF)(是不是把兩個檔案接在一起了?);請刪掉它",
        "zh-Hans": "文字中间有字节顺序记号(U+FEFF)(是不是把两个文件接在一起了?);请删掉它",
        "en": "a byte-order mark (U+FEFF) inside the text (two files joined?); remove it",
    },
    "yaml.hidden_character.named": {
        "zh-Hant": "政策文字中不允許字元 {char}({name}):雙向控制字元、看不見的字元和分行字元會讓文字看起來和實際內容不同;請刪掉它",
        "zh-Hans": "政策文字中不允许字符 {char}({name}):双向控制字符、看不见的字符和分行字符会让文字看起来和实际内容不同;请删掉它",
        "en": "character {char} ({name}) is not allowed in policy text: bidi controls, invisible characters and line separators make text read otherwise than it is; remove it",
    },
    "yaml.scalar.base16": {
        "zh-Hant": "{value}:不讀十六進位的數字(各版本的 YAML 讀法不同);請寫成十進位,若是文字請加引號",
        "zh-Hans": "{value}:不读十六进位的数字(各版本的 YAML 读法不同);请写成十进位,若是文字请加引号",
        "en": "{value}: a number in base 16 is not read (YAML versions disagree on it); write it in decimal, or in quotes if it is text",
    },
    "yaml.scalar.base8": {
        "zh-Hant": "{value}:不讀八進位或以 0 開頭的數字(YAML 1.1 把 0755 讀成 493,YAML 1.2 讀成 755);請寫成不帶 0 的十進位,若是文字請加引號",
        "zh-Hans": "{value}:不读八进位或以 0 开头的数字(YAML 1.1 把 0755 读成 493,YAML 1.2 读成 755);请写成不带 0 的十进位,若是文字请加引号",
        "en": "{value}: a number in base 8 or with a leading zero is not read (YAML 1.1 reads 0755 as 493, YAML 1.2 as 755); write it in decimal without the zero, or in quotes if it is text",
    },
    "yaml.scalar.bool": {
        "zh-Hant": "{value}:是非值只能寫 true 或 false,不論標籤為何",
        "zh-Hans": "{value}:是非值只能写 true 或 false,不论标签为何",
        "en": "{value}: only true and false are booleans, whatever the tag",
    },
    "yaml.scalar.null": {
        "zh-Hant": "{value}:只有 null、~ 或什麼都不寫才是空值",
        "zh-Hans": "{value}:只有 null、~ 或什么都不写才是空值",
        "en": "{value}: only null, ~ or nothing is null",
    },
    "yaml.scalar.not_finite": {
        "zh-Hant": "{value}:不是有限的數字(不讀 .inf 和 .nan)",
        "zh-Hans": "{value}:不是有限的数字(不读 .inf 和 .nan)",
        "en": "{value}: not a finite number (.inf and .nan are not read)",
    },
    "yaml.scalar.not_decimal": {
        "zh-Hant": "{value}:不是十進位的整數",
        "zh-Hans": "{value}:不是十进位的整数",
        "en": "{value}: not a whole number in decimal",
    },
    "yaml.scalar.too_long_number": {
        "zh-Hant": "{value}:整數太長,無法讀取",
        "zh-Hans": "{value}:整数太长,无法读取",
        "en": "{value}: a whole number too long to read",
    },
    "yaml.scalar.day": {
        "zh-Hant": "{value}:這個月沒有這一天;請寫日曆上有的日期(YYYY-MM-DD)",
        "zh-Hans": "{value}:这个月没有这一天;请写日历上有的日期(YYYY-MM-DD)",
        "en": "{value}: day is out of range for month",
    },
    "yaml.scalar.month": {
        "zh-Hant": "{value}:月份要在 1 到 12 之間(日期寫成 YYYY-MM-DD)",
        "zh-Hans": "{value}:月份要在 1 到 12 之间(日期写成 YYYY-MM-DD)",
        "en": "{value}: month must be in 1..12",
    },
    "yaml.scalar.year": {
        "zh-Hant": "{value}:年份不能是 0(日期寫成 YYYY-MM-DD)",
        "zh-Hans": "{value}:年份不能是 0(日期写成 YYYY-MM-DD)",
        "en": "{value}: year 0 is out of range",
    },
    "yaml.scalar.unreadable": {
        "zh-Hant": "{value}:無法讀取這個值({reason})",
        "zh-Hans": "{value}:无法读取这个值({reason})",
        "en": "{value}: {reason}",
    },
    "yaml.null_key.named": {
        "zh-Hant": "YAML 會把鍵 {value} 讀成空值(null),不能當鍵;若它是名稱,請加上引號",
        "zh-Hans": "YAML 会把键 {value} 读成空值(null),不能当键;若它是名称,请加上引号",
        "en": "a key that YAML reads as null ({value}) is not allowed; put it in quotes if it is a name",
    },
    "yaml.null_key.nothing": {
        "zh-Hant": "冒號前面沒有寫鍵;YAML 會把它讀成空值(null),不能當鍵",
        "zh-Hans": "冒号前面没有写键;YAML 会把它读成空值(null),不能当键",
        "en": "a key that YAML reads as null (nothing) is not allowed; put it in quotes if it is a name",
    },
    "yaml.encoding.utf8": {
        "zh-Hant": "不是 UTF-8 編碼的文字(位元組位置 {byte});請把檔案另存為 UTF-8",
        "zh-Hans": "不是 UTF-8 编码的文字(字节位置 {byte});请把文件另存为 UTF-8",
        "en": "not UTF-8 text (byte {byte}): save the file as UTF-8",
    },
    "yaml.encoding.utf16": {
        "zh-Hant": "不是 UTF-8 編碼的文字(位元組位置 {byte}):看起來是 UTF-16;請把檔案另存為 UTF-8",
        "zh-Hans": "不是 UTF-8 编码的文字(字节位置 {byte}):看起来是 UTF-16;请把文件另存为 UTF-8",
        "en": "not UTF-8 text (byte {byte}): it looks like UTF-16; save the file as UTF-8",
    },
    "yaml.syntax.detail": {
        "zh-Hant": "YAML 語法錯誤,無法讀取這個檔案({detail})",
        "zh-Hans": "YAML 语法错误,无法读取这个文件({detail})",
        "en": "YAML syntax: {detail}",
    },
    "yaml.too_many_values.limit": {
        "zh-Hant": "YAML 的值超過 {limit} 個(是不是別名(alias)展開太多次?)",
        "zh-Hans": "YAML 的值超过 {limit} 个(是不是别名(alias)展开太多次?)",
        "en": "more than {limit} YAML values (an alias bomb?)",
    },
    "yaml.too_deep.limit": {
        "zh-Hant": "巢狀超過 {limit} 層(對照和清單,別名展開後計算)",
        "zh-Hans": "嵌套超过 {limit} 层(对照和清单,别名展开后计算)",
        "en": "nested more than {limit} levels deep (mappings and lists, aliases expanded)",
    },
}
"""Reading a policy's YAML (:mod:`complaint_rules.policy.yaml_reader`)."""

_FORMAT: Mapping[str, Mapping[Lang, str]] = {
    "policy.wrong_type": {
        "zh-Hant": "這裡寫的值類型不對",
        "zh-Hans": "这里写的值类型不对",
        "en": "a value of the wrong type",
    },
    "policy.not_allowed": {
        "zh-Hant": "這裡不能寫這個值",
        "zh-Hans": "这里不能写这个值",
        "en": "a value that is not allowed here",
    },
    "policy.bad_pattern": {
        "zh-Hant": "這個值的寫法不符合格式",
        "zh-Hans": "这个值的写法不符合格式",
        "en": "a value not written in the form asked for",
    },
    "policy.missing": {
        "zh-Hant": "缺少必填的欄位",
        "zh-Hans": "缺少必填的字段",
        "en": "a required field is missing",
    },
    "policy.too_short": {
        "zh-Hant": "項目太少",
        "zh-Hans": "项目太少",
        "en": "fewer items than needed",
    },
    "policy.too_long": {
        "zh-Hant": "項目太多",
        "zh-Hans": "项目太多",
        "en": "more items than allowed",
    },
    "policy.format.one_of": {
        "zh-Hant": "這裡只能寫下列其中一個值:{expected}",
        "zh-Hans": "这里只能写下列其中一个值:{expected}",
        "en": "Input should be {expected}",
    },
    "policy.format.integer": {
        "zh-Hant": "這裡要寫一個整數(例如 3)",
        "zh-Hans": "这里要写一个整数(例如 3)",
        "en": "Input should be a valid integer",
    },
    "policy.format.integer_fraction": {
        "zh-Hant": "這裡要寫一個整數,不能有小數",
        "zh-Hans": "这里要写一个整数,不能有小数",
        "en": "Input should be a valid integer, got a number with a fractional part",
    },
    "policy.format.boolean": {
        "zh-Hant": "這裡要寫 true 或 false",
        "zh-Hans": "这里要写 true 或 false",
        "en": "Input should be a valid boolean",
    },
    "policy.format.boolean_text": {
        "zh-Hant": "這裡要寫 true 或 false,這個值讀不出是或否",
        "zh-Hans": "这里要写 true 或 false,这个值读不出是或否",
        "en": "Input should be a valid boolean, unable to interpret input",
    },
    "policy.format.text": {
        "zh-Hant": "這裡要寫文字",
        "zh-Hans": "这里要写文字",
        "en": "Input should be a valid string",
    },
    "policy.format.mapping": {
        "zh-Hant": "這裡要寫「鍵: 值」的對照",
        "zh-Hans": "这里要写「键: 值」的对照",
        "en": "Input should be a valid dictionary",
    },
    "policy.format.list": {
        "zh-Hant": "這裡要寫一個清單(每項以「- 」開頭,或寫成 [甲, 乙])",
        "zh-Hans": "这里要写一个清单(每项以「- 」开头,或写成 [甲, 乙])",
        "en": "Input should be a valid list",
    },
    "policy.format.tuple": {
        "zh-Hant": "這裡要寫一個清單(每項以「- 」開頭,或寫成 [甲, 乙])",
        "zh-Hans": "这里要写一个清单(每项以「- 」开头,或写成 [甲, 乙])",
        "en": "Input should be a valid tuple",
    },
    "policy.format.at_least": {
        "zh-Hant": "這裡的數值至少要是 {ge}",
        "zh-Hans": "这里的数值至少要是 {ge}",
        "en": "Input should be greater than or equal to {ge}",
    },
    "policy.format.greater_than": {
        "zh-Hant": "這裡的數值要大於 {gt}",
        "zh-Hans": "这里的数值要大于 {gt}",
        "en": "Input should be greater than {gt}",
    },
    "policy.format.at_most": {
        "zh-Hant": "這裡的數值最多是 {le}",
        "zh-Hans": "这里的数值最多是 {le}",
        "en": "Input should be less than or equal to {le}",
    },
    "policy.format.empty_list": {
        "zh-Hant": "這裡至少要寫一項",
        "zh-Hans": "这里至少要写一项",
        "en": "List should have at least 1 item after validation, not 0",
    },
    "policy.format.empty_tuple": {
        "zh-Hant": "這裡至少要寫一項",
        "zh-Hans": "这里至少要写一项",
        "en": "Tuple should have at least 1 item after validation, not 0",
    },
    "policy.format.date.short": {
        "zh-Hant": "這裡要寫完整的日期,格式是 YYYY-MM-DD,月和日都寫兩位數(例如 2024-03-01)",
        "zh-Hans": "这里要写完整的日期,格式是 YYYY-MM-DD,月和日都写两位数(例如 2024-03-01)",
        "en": "Input should be a valid date or datetime, input is too short",
    },
    "policy.format.date.separator": {
        "zh-Hant": "日期的年、月、日之間要用半形的「-」分隔,寫成 YYYY-MM-DD(例如 2024-03-01)",
        "zh-Hans": "日期的年、月、日之间要用半角的「-」分隔,写成 YYYY-MM-DD(例如 2024-03-01)",
        "en": "Input should be a valid date or datetime, invalid date separator, expected `-`",
    },
    "policy.format.date.month": {
        "zh-Hant": "日期的月份要在 01 到 12 之間(日期寫成 YYYY-MM-DD)",
        "zh-Hans": "日期的月份要在 01 到 12 之间(日期写成 YYYY-MM-DD)",
        "en": "Input should be a valid date or datetime, month value is outside expected range of 1-12",
    },
    "policy.format.date.day": {
        "zh-Hant": "這個月沒有這一天;請寫日曆上有的日期(YYYY-MM-DD)",
        "zh-Hans": "这个月没有这一天;请写日历上有的日期(YYYY-MM-DD)",
        "en": "Input should be a valid date or datetime, day value is outside expected range",
    },
    "policy.format.date.time": {
        "zh-Hant": "這裡只寫日期(YYYY-MM-DD),不寫時間",
        "zh-Hans": "这里只写日期(YYYY-MM-DD),不写时间",
        "en": "Datetimes provided to dates should have zero time - e.g. be exact dates",
    },
    "policy.format.date": {
        "zh-Hant": "這裡要寫日期,格式是 YYYY-MM-DD,月和日都寫兩位數(例如 2024-03-01)(讀取時的問題:{error})",
        "zh-Hans": "这里要写日期,格式是 YYYY-MM-DD,月和日都写两位数(例如 2024-03-01)(读取时的问题:{error})",
        "en": "Input should be a valid date or datetime, {error}",
    },
}
"""The policy format's own refusals (types, allowed values, sizes), worded as pydantic
words them in English (:func:`complaint_rules.policy.loader.parse_policy`)."""

_LAYERS: Mapping[str, Mapping[Lang, str]] = {
    "policy.inherited.rule": {
        "zh-Hant": "在繼承的規則 {field}:{message}",
        "zh-Hans": "在继承的规则 {field}:{message}",
        "en": "in inherited rule at {field}: {message}",
    },
    "policy.inherited.conflict": {
        "zh-Hant": "在繼承的職責衝突 {field}:{message}",
        "zh-Hans": "在继承的职责冲突 {field}:{message}",
        "en": "in inherited conflict at {field}: {message}",
    },
    "policy.inherited.lifecycle": {
        "zh-Hant": "在繼承的生命週期項目 {field}:{message}",
        "zh-Hans": "在继承的生命周期项目 {field}:{message}",
        "en": "in inherited lifecycle entry at {field}: {message}",
    },
}
"""A problem in what an extending policy inherited: said at its ``extends``, the inner
problem (``make_problem(..., inner=...)``) said in the same language."""

_MODEL: Mapping[str, Mapping[Lang, str]] = {
    "policy.model.text_not_string.lang": {
        "zh-Hant": "這裡要寫文字({language} 的文字)",
        "zh-Hans": "这里要写文字({language} 的文字)",
        "en": "Input should be a valid string (the {language} text)",
    },
    "policy.model.text_not_string": {
        "zh-Hant": "這裡要寫文字",
        "zh-Hans": "这里要写文字",
        "en": "Input should be a valid string",
    },
    "policy.model.text_empty.lang": {
        "zh-Hant": "文字不能是空的,至少要寫 {min_length} 個字({language} 的文字)",
        "zh-Hans": "文字不能是空的,至少要写 {min_length} 个字({language} 的文字)",
        "en": "String should have at least {min_length} character (the {language} text)",
    },
    "policy.model.text_empty": {
        "zh-Hant": "文字不能是空的,至少要寫 {min_length} 個字",
        "zh-Hans": "文字不能是空的,至少要写 {min_length} 个字",
        "en": "String should have at least {min_length} character",
    },
    "policy.model.text_too_long.lang": {
        "zh-Hant": "文字太長,最多 {max_length} 個字({language} 的文字)",
        "zh-Hans": "文字太长,最多 {max_length} 个字({language} 的文字)",
        "en": "String should have at most {max_length} characters (the {language} text)",
    },
    "policy.model.text_too_long": {
        "zh-Hant": "文字太長,最多 {max_length} 個字",
        "zh-Hans": "文字太长,最多 {max_length} 个字",
        "en": "String should have at most {max_length} characters",
    },
    "policy.model.text_form": {
        "zh-Hant": "文字要寫成一個字串(政策本身的語言,zh-Hant),或寫成語言對文字的對照;可用的語言:{allowed}",
        "zh-Hans": "文字要写成一个字符串(政策本身的语言,zh-Hant),或写成语言对文字的对照;可用的语言:{allowed}",
        "en": "a text is a string (in the policy's own language, zh-Hant) or a mapping of languages to strings; allowed languages: {allowed}",
    },
    "policy.model.text_language": {
        "zh-Hant": "分語言的文字裡有不認識的語言 {key};可用的語言:{allowed}",
        "zh-Hans": "分语言的文字里有不认识的语言 {key};可用的语言:{allowed}",
        "en": "unknown language {key} in a text given per language; allowed: {allowed}",
    },
    "policy.model.text_twice": {
        "zh-Hant": "分語言的文字裡,語言 {language} 寫了兩次;每種語言只寫一次",
        "zh-Hans": "分语言的文字里,语言 {language} 写了两次;每种语言只写一次",
        "en": "language {language} given twice in a text given per language",
    },
    "policy.model.text_own_language": {
        "zh-Hant": "分語言的文字必須包含 {own}(政策本身的語言);目前只有:{given}",
        "zh-Hans": "分语言的文字必须包含 {own}(政策本身的语言);目前只有:{given}",
        "en": "a text given per language must include {own}, the policy's own language; given: {given}",
    },
    "policy.model.money_float": {
        "zh-Hant": '金額要寫成整數或加引號的字串(例如 200 或 "200.50"),不能寫成小數',
        "zh-Hans": '金额要写成整数或加引号的字符串(例如 200 或 "200.50"),不能写成小数',
        "en": "write amounts of money as integers or quoted strings, not floats",
    },
    "policy.model.period_unit": {
        "zh-Hant": "一個期限只能有一個單位,從 {units} 中選一個(目前寫了:{got})",
        "zh-Hans": "一个期限只能有一个单位,从 {units} 中选一个(目前写了:{got})",
        "en": "a period has exactly one unit, one of: {units} (got {got})",
    },
    "policy.model.period_range": {
        "zh-Hant": "{unit} 要在 0 到 {limit}(十年)之間,這裡寫的是 {got}",
        "zh-Hans": "{unit} 要在 0 到 {limit}(十年)之间,这里写的是 {got}",
        "en": "{unit} must be between 0 and {limit} (ten years), got {got}",
    },
    "policy.model.money_needs": {
        "zh-Hant": "金額要同時寫 min 和 max(元),或寫 parameter(參數),或寫 fact(事實)",
        "zh-Hans": "金额要同时写 min 和 max(元),或写 parameter(参数),或写 fact(事实)",
        "en": "money needs both min and max (yuan), or a parameter, or a fact",
    },
    "policy.model.money_one_of": {
        "zh-Hant": "金額只能是其中一種:min/max、parameter(參數)、fact(事實)",
        "zh-Hans": "金额只能是其中一种:min/max、parameter(参数)、fact(事实)",
        "en": "money is one of: min/max, a parameter, a fact",
    },
    "policy.model.deadline_form": {
        "zh-Hant": "時限要寫 within(期限)或 until(事實)其中一個,不能兩個都寫或都不寫",
        "zh-Hans": "时限要写 within(期限)或 until(事实)其中一个,不能两个都写或都不写",
        "en": "a deadline has either 'within' (a period) or 'until' (facts)",
    },
    "policy.model.clock_form": {
        "zh-Hant": "時鐘要寫 within(期限)或 deadlines(規則時限的代號)其中一個,不能兩個都寫或都不寫",
        "zh-Hans": "时钟要写 within(期限)或 deadlines(规则时限的代号)其中一个,不能两个都写或都不写",
        "en": "a clock has either 'within' (a period) or 'deadlines' (rule deadline ids)",
    },
    "policy.model.offset_form": {
        "zh-Hant": "提前量要寫 amount(數量)或 parameter(參數)其中一個",
        "zh-Hans": "提前量要写 amount(数量)或 parameter(参数)其中一个",
        "en": "an offset has either 'amount' or 'parameter'",
    },
}

MESSAGES_POLICY: Mapping[str, Mapping[Lang, str]] = {
    **_CATALOG,
    **_LOADING,
    **_SIGNATURES,
    **_YAML,
    **_FORMAT,
    **_LAYERS,
    **_MODEL,
}
