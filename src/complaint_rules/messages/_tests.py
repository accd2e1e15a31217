"""The wording of an officers' tests file's checks and of a failing case's differences.

By code, in each language; merged into
:data:`complaint_rules.messages.catalogue.MESSAGES`. The checks are the words of a
``tests_file.invalid`` problem (its ``wording``); the differences are what a failing case
shows after 預期/expected and 實際/actual
(:mod:`complaint_rules.toolkit.policytests.expectations`).
"""

from __future__ import annotations

from collections.abc import Mapping

from ._lang import Lang

MESSAGES_TESTS_CHECKS: Mapping[str, Mapping[Lang, str]] = {
    "tests_file.invalid.expect.not_mapping": {
        "zh-Hant": "expect 要寫成「決定的欄位: 預期的值」的對照(例如 deadlines、level)",
        "zh-Hans": "expect 要写成「决定的字段: 预期的值」的对照(例如 deadlines、level)",
        "en": "expect is a mapping of decision fields (e.g. deadlines, level)",
    },
    "tests_file.invalid.absent.not_mapping": {
        "zh-Hant": "expect_absent 要寫成「清單: 不應出現的項目」的對照;清單可以是:{lists}",
        "zh-Hans": "expect_absent 要写成「清单: 不应出现的项目」的对照;清单可以是:{lists}",
        "en": "expect_absent is a mapping of element lists: {lists}",
    },
    "tests_file.invalid.absent.not_list": {
        "zh-Hant": "這裡要寫一個清單,列出不應出現的項目",
        "zh-Hans": "这里要写一个清单,列出不应出现的项目",
        "en": "expected a list of the elements that must not be present",
    },
    "tests_file.invalid.expect.null": {
        "zh-Hant": "這裡不能寫 null(空值):決定一定有這個欄位",
        "zh-Hans": "这里不能写 null(空值):决定一定有这个字段",
        "en": "null is not possible here: the decision always has this field",
    },
    "tests_file.invalid.expect.mapping": {
        "zh-Hant": "這裡要寫「鍵: 值」的對照",
        "zh-Hans": "这里要写「键: 值」的对照",
        "en": "expected a mapping",
    },
    "tests_file.invalid.expect.object": {
        "zh-Hant": "這裡要寫「鍵: 值」的對照,鍵可以是:{keys}",
        "zh-Hans": "这里要写「键: 值」的对照,键可以是:{keys}",
        "en": "expected a mapping with keys among: {keys}",
    },
    "tests_file.invalid.expect.object_or_id": {
        "zh-Hant": "這裡要寫「鍵: 值」的對照,鍵可以是:{keys};或只寫它的代號(id)",
        "zh-Hans": "这里要写「键: 值」的对照,键可以是:{keys};或只写它的代号(id)",
        "en": "expected a mapping with keys among: {keys} (or its id)",
    },
    "tests_file.invalid.expect.list": {
        "zh-Hant": "這裡要寫一個清單(一項都沒有就寫 [])",
        "zh-Hans": "这里要写一个清单(一项都没有就写 [])",
        "en": "expected a list ([] for none)",
    },
    "tests_file.invalid.expect.identity": {
        "zh-Hant": "請寫出這一項的 {missing},指明是哪一項",
        "zh-Hans": "请写出这一项的 {missing},指明是哪一项",
        "en": "name the element by its {missing}",
    },
    "tests_file.invalid.expect.identity.id": {
        "zh-Hant": "請寫出這一項的 id(代號),指明是哪一項",
        "zh-Hans": "请写出这一项的 id(代号),指明是哪一项",
        "en": "name the element by its id",
    },
    "tests_file.invalid.expect.identity.rule": {
        "zh-Hant": "請寫出這一項的 rule(規則代號),指明是哪一項",
        "zh-Hans": "请写出这一项的 rule(规则代号),指明是哪一项",
        "en": "name the element by its rule",
    },
    "tests_file.invalid.expect.identity.role": {
        "zh-Hant": "請寫出這一項的 role(角色),指明是哪一項",
        "zh-Hans": "请写出这一项的 role(角色),指明是哪一项",
        "en": "name the element by its role",
    },
    "tests_file.invalid.expect.identity.duty": {
        "zh-Hant": "請寫出這一項的 duty(職責),指明是哪一項",
        "zh-Hans": "请写出这一项的 duty(职责),指明是哪一项",
        "en": "name the element by its duty",
    },
    "tests_file.invalid.expect.identity.duty_role": {
        "zh-Hant": "請寫出這一項的 duty(職責)和 role(角色),指明是哪一項",
        "zh-Hans": "请写出这一项的 duty(职责)和 role(角色),指明是哪一项",
        "en": "name the element by its duty and role",
    },
    "tests_file.invalid.expect.date": {
        "zh-Hant": "這裡要寫日期,例如 2026-10-09(現在寫的是 {got})",
        "zh-Hans": "这里要写日期,例如 2026-10-09(现在写的是 {got})",
        "en": "expected a date, e.g. 2026-10-09 (got {got})",
    },
    "tests_file.invalid.expect.instant": {
        "zh-Hant": "這裡要寫時間點:ISO 8601 格式,帶時差,例如 2026-10-09T23:59:59+08:00"
        "(現在寫的是 {got})",
        "zh-Hans": "这里要写时间点:ISO 8601 格式,带时差,例如 2026-10-09T23:59:59+08:00"
        "(现在写的是 {got})",
        "en": "expected an instant: ISO 8601 with an offset, e.g. 2026-10-09T23:59:59+08:00 "
        "(got {got})",
    },
    "tests_file.invalid.expect.amount": {
        "zh-Hant": '金額請寫整數,或加上引號的小數,例如 "99.50"(現在寫的是 {got})',
        "zh-Hans": '金额请写整数,或加上引号的小数,例如 "99.50"(现在写的是 {got})',
        "en": 'write amounts as an integer or a quoted decimal, e.g. "99.50" (got {got})',
    },
    "tests_file.invalid.expect.choice": {
        "zh-Hant": "這裡不能寫 {got};可以寫:{values}",
        "zh-Hans": "这里不能写 {got};可以写:{values}",
        "en": "{got} is not possible; one of: {values}",
    },
    "tests_file.invalid.expect.choice_nearest": {
        "zh-Hant": "這裡不能寫 {got};可以寫:{values};是不是要寫 {nearest}?",
        "zh-Hans": "这里不能写 {got};可以写:{values};是不是要写 {nearest}?",
        "en": "{got} is not possible; one of: {values}; did you mean {nearest}?",
    },
    "tests_file.invalid.expect.bool": {
        "zh-Hant": "這裡要寫 true(是)或 false(否),現在寫的是 {got}",
        "zh-Hans": "这里要写 true(是)或 false(否),现在写的是 {got}",
        "en": "expected true or false, got {got}",
    },
    "tests_file.invalid.expect.int": {
        "zh-Hant": "這裡要寫整數,現在寫的是 {got}",
        "zh-Hans": "这里要写整数,现在写的是 {got}",
        "en": "expected a whole number, got {got}",
    },
    "tests_file.invalid.expect.text": {
        "zh-Hant": "這裡要寫文字,現在寫的是 {got}",
        "zh-Hans": "这里要写文字,现在写的是 {got}",
        "en": "expected text, got {got}",
    },
}
"""What is wrong with an ``expect`` or ``expect_absent`` of a tests file, before any case
runs (the words of a ``tests_file.invalid`` problem)."""

MESSAGES_TESTS_DIFFERENCES: Mapping[str, Mapping[Lang, str]] = {
    "tests.diff.present": {
        "zh-Hant": "應該出現",
        "zh-Hans": "应该出现",
        "en": "present",
    },
    "tests.diff.absent": {
        "zh-Hant": "不應出現",
        "zh-Hans": "不应出现",
        "en": "absent",
    },
    "tests.diff.missing": {
        "zh-Hant": "沒有這一項",
        "zh-Hans": "没有这一项",
        "en": "absent",
    },
    "tests.diff.none": {
        "zh-Hant": "一項都沒有",
        "zh-Hans": "一项都没有",
        "en": "none",
    },
    "tests.diff.present_here": {
        "zh-Hant": "出現了:{shown}",
        "zh-Hans": "出现了:{shown}",
        "en": "present: {shown}",
    },
    "tests.diff.absent_here": {
        "zh-Hant": "沒有出現;現有的是:{here}",
        "zh-Hans": "没有出现;现有的是:{here}",
        "en": "absent; here: {here}",
    },
    "tests.diff.no_match_here": {
        "zh-Hant": "沒有相符的一項;現有的是:{here}",
        "zh-Hans": "没有相符的一项;现有的是:{here}",
        "en": "no match; here: {here}",
    },
    "tests.diff.pending": {
        "zh-Hant": "{rule}(還需要 {needs})",
        "zh-Hans": "{rule}(还需要 {needs})",
        "en": "{rule} (needs {needs})",
    },
    "tests.diff.gap": {
        "zh-Hant": "{about}(來自規則 {rule})",
        "zh-Hans": "{about}(来自规则 {rule})",
        "en": "{about} from {rule}",
    },
    "tests.diff.a_decision": {
        "zh-Hant": "作出決定",
        "zh-Hans": "作出决定",
        "en": "a decision",
    },
    "tests.diff.refused": {
        "zh-Hant": "不受理:{message}",
        "zh-Hans": "不受理:{message}",
        "en": "refused: {message}",
    },
    "tests.diff.refused_with": {
        "zh-Hant": "不受理,問題符合 {wanted}",
        "zh-Hans": "不受理,问题符合 {wanted}",
        "en": "refused with {wanted}",
    },
    "tests.diff.decided": {
        "zh-Hant": "作出了決定(沒有不受理)",
        "zh-Hans": "作出了决定(没有不受理)",
        "en": "decided",
    },
    "tests.diff.refused_here": {
        "zh-Hant": "不受理,問題是:{here}",
        "zh-Hans": "不受理,问题是:{here}",
        "en": "refused with: {here}",
    },
}
"""What a failing case shows as expected and actual, besides the values themselves (a
case that expects its complaint refused: what it expects, the decision or the problems)."""

MESSAGES_TESTS_PLUGIN: Mapping[str, Mapping[Lang, str]] = {
    "tests.plugin.cannot_run": {
        "zh-Hant": "{file}:無法執行:",
        "zh-Hans": "{file}:无法运行:",
        "en": "{file}: cannot run:",
    },
}
"""The pytest plugin's heading of a tests file that cannot run (its problems follow)."""

MESSAGES_TESTS: Mapping[str, Mapping[Lang, str]] = {
    **MESSAGES_TESTS_CHECKS,
    **MESSAGES_TESTS_DIFFERENCES,
    **MESSAGES_TESTS_PLUGIN,
}
