"""Problems with a policy file — its YAML, its format, its pins and signature, its base,
the catalog that finds it — said in the officer's language, particulars and all; the
English message is the one it always was."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from complaint_rules import PolicyError, load_policy, load_policy_text
from complaint_rules.errors import ComplaintError, Problem
from complaint_rules.messages.catalogue import problem_text
from complaint_rules.policy.catalog import Catalog, _instant
from complaint_rules.policy.compiled import compile_policy
from complaint_rules.policy.signatures import Signers
from complaint_rules.policy.yaml_reader import Limits
from tests.policy.test_compiled import branch, compiled_base
from tests.support.cli import run
from tests.support.policy_texts import MINI

Make = Callable[[Path], Problem]


def _loading(text: str | bytes, index: int = 0, **options: object) -> Make:
    """The ``index``-th problem of loading ``text`` as ``p.yaml`` in the test's folder."""

    def make(folder: Path) -> Problem:
        with pytest.raises(PolicyError) as info:
            load_policy_text(text, file=str(folder / "p.yaml"), **options)  # type: ignore[arg-type]
        return info.value.problems[index]

    return make


def _mini(old: str, new: str) -> str:
    assert old in MINI
    return MINI.replace(old, new, 1)


def _catalog(**options: object) -> Callable[[Path], Catalog]:
    def make(folder: Path) -> Catalog:
        return Catalog([folder], bundled=False, entry_points=False, **options)  # type: ignore[arg-type]

    return make


def _catalog_problem(
    files: dict[str, str], act: Callable[[Path], object], error: type[Exception] = PolicyError
) -> Make:
    def make(folder: Path) -> Problem:
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        with pytest.raises(error) as info:
            act(folder)
        assert isinstance(info.value, ComplaintError | PolicyError)
        return info.value.problems[0]

    return make


def _inherited(folder: Path) -> Problem:
    # The branch makes `vip` a number: the base's sanction condition breaks.
    policy = branch(facts=[{"id": "vip", "type": "int", "label": "貴賓等級"}])
    with pytest.raises(PolicyError) as info:
        compile_policy(policy, base=compiled_base())
    return info.value.problems[0]


@dataclass(frozen=True)
class Case:
    make: Make
    code: str
    en: str
    hant: str
    hans: str


SHA = "0" * 64
MINI_ID = "mini"

CASES = {
    "a number in base 16": Case(
        _loading("a: 0x1F\n"),
        "yaml.scalar",
        "'0x1F': a number in base 16 is not read (YAML versions disagree on it); write it in "
        "decimal, or in quotes if it is text",
        "'0x1F':不讀十六進位的數字(各版本的 YAML 讀法不同);請寫成十進位,若是文字請加引號",
        "'0x1F':不读十六进位的数字(各版本的 YAML 读法不同);请写成十进位,若是文字请加引号",
    ),
    "a day the month does not have": Case(
        _loading("a: 2026-02-30\n"),
        "yaml.scalar",
        "'2026-02-30': day is out of range for month",
        "'2026-02-30':這個月沒有這一天;請寫日曆上有的日期(YYYY-MM-DD)",
        "'2026-02-30':这个月没有这一天;请写日历上有的日期(YYYY-MM-DD)",
    ),
    "a key twice": Case(
        _loading("a: 1\na: 2\n"),
        "yaml.duplicate_key",
        "duplicate key 'a' (first at line 1); remove one: YAML would silently keep the last",
        "鍵 'a' 重複了(第一次在第 1 行);請刪掉其中一個:YAML 會默默只留下最後一個",
        "键 'a' 重复了(第一次在第 1 行);请删掉其中一个:YAML 会默默只留下最后一个",
    ),
    "a tag": Case(
        _loading("a: !!python/str x\n"),
        "yaml.tag",
        "tag 'tag:yaml.org,2002:python/str' is not allowed (plain data only)",
        "不允許使用標籤 'tag:yaml.org,2002:python/str'(只接受一般的資料)",
        "不允许使用标签 'tag:yaml.org,2002:python/str'(只接受一般的数据)",
    ),
    "a null key": Case(
        _loading("~: 1\n"),
        "yaml.null_key",
        "a key that YAML reads as null ('~') is not allowed; put it in quotes if it is a name",
        "YAML 會把鍵 '~' 讀成空值(null),不能當鍵;若它是名稱,請加上引號",
        "YAML 会把键 '~' 读成空值(null),不能当键;若它是名称,请加上引号",
    ),
    "a bidi control": Case(
        _loading("a: x\u202ey\n"),
        "yaml.hidden_character",
        "character U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed in policy text: bidi "
        "controls, invisible characters and line separators make text read otherwise than it "
        "is; remove it",
        "政策文字中不允許字元 U+202E(RIGHT-TO-LEFT OVERRIDE):雙向控制字元、看不見的字元和分行"
        "字元會讓文字看起來和實際內容不同;請刪掉它",
        "政策文字中不允许字符 U+202E(RIGHT-TO-LEFT OVERRIDE):双向控制字符、看不见的字符和分行"
        "字符会让文字看起来和实际内容不同;请删掉它",
    ),
    "UTF-16": Case(
        _loading("a: 1\n".encode("utf-16")),
        "yaml.encoding",
        "not UTF-8 text (byte 0): it looks like UTF-16; save the file as UTF-8",
        "不是 UTF-8 編碼的文字(位元組位置 0):看起來是 UTF-16;請把檔案另存為 UTF-8",
        "不是 UTF-8 编码的文字(字节位置 0):看起来是 UTF-16;请把文件另存为 UTF-8",
    ),
    "too deep": Case(
        _loading("a: [[x]]\n", limits=Limits(max_depth=2)),
        "yaml.too_deep",
        "nested more than 2 levels deep (mappings and lists, aliases expanded)",
        "巢狀超過 2 層(對照和清單,別名展開後計算)",
        "嵌套超过 2 层(对照和清单,别名展开后计算)",
    ),
    "not a mapping": Case(
        _loading("- a\n"),
        "policy.not_a_mapping",
        "a policy is a mapping (key: value) at top level",
        "政策檔案最外層必須是「鍵: 值」的對照(例如第一行寫「schema: ...」)",
        "政策文件最外层必须是「键: 值」的对照(例如第一行写「schema: ...」)",
    ),
    "too large": Case(
        _loading(MINI, limits=Limits(max_bytes=100)),
        "policy.too_large",
        "larger than 100 bytes",
        "政策檔案超過 100 位元組的大小上限",
        "政策文件超过 100 字节的大小上限",
    ),
    "a value not allowed": Case(
        _loading(_mini("source: tests\n", "source: tests\nlevel_deadlines: sometimes\n")),
        "policy.not_allowed",
        "Input should be 'not_looser', 'not_tighter' or 'unordered'",
        "這裡只能寫下列其中一個值:'not_looser', 'not_tighter' or 'unordered'",
        "这里只能写下列其中一个值:'not_looser', 'not_tighter' or 'unordered'",
    ),
    "a date with one-digit month": Case(
        _loading(_mini("source: tests\n", 'source: tests\neffective_from: "2026-3-1"\n')),
        "policy.invalid_value",
        "Input should be a valid date or datetime, input is too short",
        "這裡要寫完整的日期,格式是 YYYY-MM-DD,月和日都寫兩位數(例如 2024-03-01)",
        "这里要写完整的日期,格式是 YYYY-MM-DD,月和日都写两位数(例如 2024-03-01)",
    ),
    "the hash required": Case(
        _loading(MINI, sha256=SHA),
        "policy.pin_mismatch",
        f"content sha256 is {{digest}}, but {SHA} was required (the file has changed)",
        f"檔案內容的 sha256 是 {{digest}},但要求的是 {SHA}(檔案已被改動)",
        f"文件内容的 sha256 是 {{digest}},但要求的是 {SHA}(文件已被改动)",
    ),
    "no pin for the id": Case(
        _loading(MINI, pins={"other": SHA}, as_id=MINI_ID),
        "policy.pin_missing",
        "policy 'mini' is not pinned; when pins are given, every policy loaded needs one",
        "政策 'mini' 沒有鎖定(pin);有給鎖定時,每一份載入的政策都要有",
        "政策 'mini' 没有锁定(pin);有给锁定时,每一份加载的政策都要有",
    ),
    "no signature": Case(
        _loading(MINI, signed_by=Signers(allowed_signers="signers")),
        "policy.signature_missing",
        "signature: none given, and the hash is not pinned",
        "簽名:沒有提供簽名,檔案的雜湊值也沒有鎖定(pin)",
        "签名:没有提供签名,文件的哈希值也没有锁定(pin)",
    ),
    "no ssh-keygen": Case(
        _loading(
            MINI,
            signed_by=Signers(allowed_signers="signers", program="no-such-ssh-keygen"),
            signature=b"sig",
        ),
        "policy.signature_invalid",
        "signature: checking it needs OpenSSH's 'no-such-ssh-keygen' (8.2 or later), which is "
        "not on PATH; install OpenSSH, or name the program with Signers(program=...)",
        "簽名:檢查簽名需要 OpenSSH 的 'no-such-ssh-keygen'(8.2 或更新版本),但在 PATH 中找不到;"
        "請安裝 OpenSSH,或以 Signers(program=...) 指定程式",
        "签名:检查签名需要 OpenSSH 的 'no-such-ssh-keygen'(8.2 或更新版本),但在 PATH 中找不到;"
        "请安装 OpenSSH,或以 Signers(program=...) 指定程序",
    ),
    "a base nowhere": Case(
        _loading(_mini("source: tests\n", "source: tests\nextends: nowhere\n"), index=1),
        "policy.base_not_found",
        "no policy 'nowhere' beside the file or bundled",
        "在這個檔案旁邊和內建政策中都找不到政策 'nowhere'",
        "在这个文件旁边和内置政策中都找不到政策 'nowhere'",
    ),
    "a base that does not load": Case(
        _loading(_mini("source: tests\n", "source: tests\nextends: nowhere\n")),
        "policy.base_unloadable",
        "cannot load base policy 'nowhere':",
        "無法載入延伸(extends)的基礎政策 'nowhere':",
        "无法加载延伸(extends)的基础政策 'nowhere':",
    ),
    "a file not there": Case(
        _catalog_problem({}, lambda f: load_policy(f / "nothere.yaml")),
        "file.unreadable",
        "cannot read: No such file or directory",
        "找不到這個檔案;請檢查路徑和檔名",
        "找不到这个文件;请检查路径和文件名",
    ),
    "an unknown id in the catalog": Case(
        _catalog_problem({"mini.yaml": MINI}, lambda f: _catalog()(f).path("mimi")),
        "catalog.unknown_id",
        "no policy 'mimi'; known: mini; did you mean 'mini'?",
        "沒有代號為 'mimi' 的政策;已有的政策:mini;是不是要寫 'mini'?",
        "没有代号为 'mimi' 的政策;已有的政策:mini;是不是要写 'mini'?",
    ),
    "a pin for a policy the catalog lacks": Case(
        _catalog_problem({"mini.yaml": MINI}, _catalog(pins={"gone": SHA})),
        "catalog.pin_unknown_id",
        "pinned policy 'gone' is not in the catalog: a pin for a policy that is not there is "
        "refused",
        "鎖定(pin)的政策 'gone' 不在政策目錄中:不接受為不存在的政策設定鎖定",
        "锁定(pin)的政策 'gone' 不在政策目录中:不接受为不存在的政策设置锁定",
    ),
    "a dated file that is not dated": Case(
        _catalog_problem({"mini@2026-13-01.yaml": MINI}, _catalog()),
        "policy.invalid",
        "a dated policy file is named <id>@<YYYY-MM-DD>.yaml; '2026-13-01' is not a date",
        "有日期的政策檔案要命名為「代號@YYYY-MM-DD.yaml」;'2026-13-01' 不是日期",
        "有日期的政策文件要命名为「代号@YYYY-MM-DD.yaml」;'2026-13-01' 不是日期",
    ),
    "an id that is not the file's name": Case(
        _catalog_problem({"other.yaml": MINI}, lambda f: _catalog()(f).load("other")),
        "catalog.id_not_stem",
        "the file declares id 'mini'; its file stem must be its id",
        "檔案中寫的代號是 'mini';政策檔案的檔名(不含 .yaml)必須就是它的代號",
        "文件中写的代号是 'mini';政策文件的文件名(不含 .yaml)必须就是它的代号",
    ),
    "an instant without an offset": Case(
        _catalog_problem({}, lambda f: _instant("2026-03-01T09:00:00"), ComplaintError),
        "complaint.invalid",
        "an instant needs an offset (e.g. +08:00)",
        "時刻要寫明時區(例如 +08:00)",
        "时刻要写明时区(例如 +08:00)",
    ),
    "a problem in an inherited rule": Case(
        _inherited,
        "policy.condition.number_fact",
        "in inherited rule at rules[0].penalties[0].sanctions[0].when.vip.eq: fact 'vip' is a "
        "number: compare with a number",
        "在繼承的規則 rules[0].penalties[0].sanctions[0].when.vip.eq:"
        "事實 'vip' 是數字:請和數字比較",
        "在继承的规则 rules[0].penalties[0].sanctions[0].when.vip.eq:"
        "事实 'vip' 是数字:请和数字比较",
    ),
}


def _digest(problem: Problem) -> str:
    return dict(problem.args).get("digest", "")


@pytest.mark.parametrize("name", list(CASES))
def test_each_problem_is_said_in_each_language_with_its_particulars(
    name: str, tmp_path: Path
) -> None:
    case = CASES[name]
    problem = case.make(tmp_path)
    digest = _digest(problem)
    assert problem.code == case.code
    assert problem.message == case.en.replace("{digest}", digest)
    assert problem_text(problem, "en") == problem.message
    assert problem_text(problem, "zh-Hant") == case.hant.replace("{digest}", digest)
    assert problem_text(problem, "zh-Hans") == case.hans.replace("{digest}", digest)


# Words that may stay as written in a Chinese message: values, ids, names of formats,
# tools and Unicode characters.
_KEPT = re.compile(
    r"'[^']*'|U\+[0-9A-F]+\([A-Z -]+\)|[0-9a-f]{64}|YYYY-MM-DD|ssh-keygen|OpenSSH|"
    r"Signers\(program=\.\.\.\)|PATH|YAML|UTF-(?:8|16)|sha256|pin|extends|null|rules\[0\]\S*|"
    r"schema|\.yaml|mini"
)


@pytest.mark.parametrize("name", list(CASES))
def test_no_english_is_left_in_the_chinese_but_values(name: str, tmp_path: Path) -> None:
    problem = CASES[name].make(tmp_path)
    for lang in ("zh-Hant", "zh-Hans"):
        said = problem_text(problem, lang)
        assert problem.message not in said
        assert re.findall(r"[A-Za-z]{3,}", _KEPT.sub("", said)) in ([], ["or"])


def test_an_officer_sees_a_broken_policy_in_chinese_at_its_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        _mini('version: "1"\n', "version: 0x1F\neffective_from: 2026-02-30\n"), "utf-8"
    )
    layered = tmp_path / "branch.yaml"
    layered.write_text(_mini("source: tests\n", "source: tests\nextends: nowhere\n"), "utf-8")
    code, out, err = run(capsys, "--lang", "zh-Hant", "validate", str(broken), str(layered))
    assert code == 1
    lines = [line for line in (out + err).splitlines() if not line.startswith(" ")]
    assert f"{broken}:3: version: '0x1F':不讀十六進位的數字" in lines[0]
    assert f"{broken}:4: effective_from: '2026-02-30':這個月沒有這一天" in lines[1]
    assert f"{layered}:7:1: extends: 無法載入延伸(extends)的基礎政策 'nowhere':" in lines
    assert f"{layered}:7: extends: 在這個檔案旁邊和內建政策中都找不到政策 'nowhere'" in lines
    _, out, err = run(capsys, "--lang", "zh-Hans", "validate", str(layered))
    assert f"{layered}:7: extends: 在这个文件旁边和内置政策中都找不到政策 'nowhere'" in out + err
    _, out, err = run(capsys, "--lang", "en", "validate", str(layered))
    assert f"{layered}:7: extends: no policy 'nowhere' beside the file or bundled" in out + err


# -- the format's own refusals, raised inside the policy model (policy.model.*) -----------

MODEL_REFUSALS = [
    (
        "        within: {working_days: 3}\n",
        "        within: {working_days: 3, hours: 2}\n",
        "a period has exactly one unit, one of: minutes, hours, calendar_days, working_days, "
        "end_of_month (got hours, working_days)",
        "一個期限只能有一個單位,從 minutes, hours, calendar_days, working_days, end_of_month "
        "中選一個(目前寫了:hours, working_days)",
    ),
    (
        "        within: {working_days: 3}\n",
        "        within: {working_days: 3000}\n",
        "working_days must be between 0 and 2600 (ten years), got 3000",
        "working_days 要在 0 到 2600(十年)之間,這裡寫的是 3000",
    ),
    (
        '        amount_yuan: {min: 100, max: "100"}\n',
        "        amount_yuan: {min: 100.5, max: 200}\n",
        "write amounts of money as integers or quoted strings, not floats",
        '金額要寫成整數或加引號的字串(例如 200 或 "200.50"),不能寫成小數',
    ),
    (
        "        label: 回復\n",
        "        label: {zh-Hant: 回復, zh-hant: 答复}\n",
        "language zh-Hant given twice in a text given per language",
        "分語言的文字裡,語言 zh-Hant 寫了兩次;每種語言只寫一次",
    ),
    (
        "        label: 回復\n",
        "        label: {en: Reply}\n",
        "a text given per language must include zh-Hant, the policy's own language; given: en",
        "分語言的文字必須包含 zh-Hant(政策本身的語言);目前只有:en",
    ),
]


@pytest.mark.parametrize(("old", "new", "english", "chinese"), MODEL_REFUSALS)
def test_the_formats_own_refusals_are_said_in_chinese(
    old: str, new: str, english: str, chinese: str, tmp_path: Path
) -> None:
    problem = _loading(_mini(old, new))(tmp_path)
    assert problem.code == "policy.invalid_value"
    assert problem.message == english
    assert problem_text(problem, "zh-Hant") == chinese
    simplified = problem_text(problem, "zh-Hans")
    assert simplified != chinese and not re.search(r"[A-Za-z]{3,} [a-z]{3,}", simplified)


@pytest.mark.parametrize(
    ("label", "code", "english", "chinese"),
    [
        (
            "{zh-Hant: 回復, en: ''}",
            "policy.invalid_value",
            "String should have at least 1 character (the en text)",
            "文字不能是空的,至少要寫 1 個字(en 的文字)",
        ),
        (
            "{zh-Hant: 回復, en: [Reply]}",
            "policy.wrong_type",
            "Input should be a valid string (the en text)",
            "這裡要寫文字(en 的文字)",
        ),
    ],
)
def test_a_text_given_per_language_is_refused_in_chinese(
    label: str, code: str, english: str, chinese: str, tmp_path: Path
) -> None:
    problem = _loading(_mini("        label: 回復\n", f"        label: {label}\n"))(tmp_path)
    assert (problem.code, problem.message) == (code, english)
    assert problem_text(problem, "zh-Hant") == chinese
