"""The service's, the command line's and the workbench's own problems, in the officer's
language: each is the catalogue's Chinese with its values (no English but values), and
its English is what these tools always said."""

from __future__ import annotations

import errno
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from complaint_rules.errors import Problem, UnpublishedCalendarError, WorkerError
from complaint_rules.messages import (
    _argparse,
    _diff,
    _graph,
    _input,
    _lint,
    _policy,
    _render,
    _tests,
    catalogue,
)
from complaint_rules.messages._host import MESSAGES_HOST
from complaint_rules.messages.catalogue import make_problem, problem_text, say
from complaint_rules.messages.host import (
    calendar_problem,
    extra_problem,
    file_problem,
    worker_problem,
)
from complaint_rules.messages.simplified import MATCH_HINT
from complaint_rules.service import app as service_app
from complaint_rules.service.app import Limits, create_app
from complaint_rules.service.policies import Policies
from complaint_rules.service.stdio import answer
from complaint_rules.studio.app import create_app as create_studio
from complaint_rules.studio.workspace import Workspace
from tests.support.cli import run
from tests.support.studio import EDITABLE, editable_directory

ROOT = Path(__file__).resolve().parents[2]

# Words written in the Chinese texts on purpose: option, field and header names, commands.
_KEPT = {
    "JSON", "YAML", "ISO", "HTTP", "Authorization", "Bearer", "Host", "CSRF", "OpenCC",
    "pip", "install", "opencc", "complaint", "rules", "server", "serve", "kind", "format",
    "text", "openapi", "POLICY", "host", "token", "file", "pin", "listPolicies", "events",
    "at", "id", "op", "yaml", "true", "false", "calendar", "extends", "git", "DELETE",
}  # fmt: skip


def _assert_chinese(text: str, *values: str) -> None:
    """``text`` is Chinese but for ``values`` and the kept words: no English sentence."""
    rest = text
    for value in sorted(values, key=len, reverse=True):
        rest = rest.replace(value, " ")
    words = set(re.findall(r"[A-Za-z]{2,}", rest)) - _KEPT
    assert not words, f"English left in {text!r}: {sorted(words)}"
    assert re.search(r"[\u4e00-\u9fff]", text), text


# -- the table itself ---------------------------------------------------------------------


def test_each_wording_is_defined_once_across_the_tables() -> None:
    others = [
        _diff.MESSAGES_DIFF,
        _input.MESSAGES_INPUT,
        _lint.MESSAGES_LINT,
        _policy.MESSAGES_POLICY,
        _render.MESSAGES_RENDER,
        _argparse.MESSAGES_ARGPARSE,
        _argparse.MESSAGES_NOTES,
        _tests.MESSAGES_TESTS,
        _graph.MESSAGES_GRAPH,
        catalogue.MESSAGES_GENERAL,
        catalogue.MESSAGES_CHECKS,
        catalogue.MESSAGES_OPTIONS,
        catalogue.MESSAGES_REPORTS,
    ]
    for table in others:
        assert not set(MESSAGES_HOST) & set(table)
    assert all(catalogue.MESSAGES[k] is v for k, v in MESSAGES_HOST.items())


def test_the_install_hints_are_the_catalogue_s_english() -> None:
    assert say("host.extra.opencc", "en") == MATCH_HINT


# -- problems made of the system's errors -------------------------------------------------


def _os_error(number: int, name: str) -> OSError:
    try:
        raise OSError(number, __import__("os").strerror(number), name)
    except OSError as exc:
        return exc


@pytest.mark.parametrize(
    ("problem", "english", "hant", "hans"),
    [
        (
            file_problem(_os_error(errno.ENOENT, "c.json"), "c.json"),
            "cannot read: [Errno 2] No such file or directory: 'c.json'",
            "找不到檔案「c.json」,無法讀取;請檢查檔名和所在的資料夾",
            "找不到文件「c.json」,无法读取;请检查文件名和所在的文件夹",
        ),
        (
            file_problem(_os_error(errno.EISDIR, "d"), "d", short=True),
            "cannot read: Is a directory",
            "這是資料夾,不是檔案;請給一個檔案",
            "这是文件夹,不是文件;请给一个文件",
        ),
        (
            file_problem(_os_error(errno.EACCES, "o.json"), "o.json", write=True),
            "cannot write: [Errno 13] Permission denied: 'o.json'",
            "沒有權限寫入「o.json」",
            "没有权限写入「o.json」",
        ),
        (
            calendar_problem(UnpublishedCalendarError(2031, (2020, 2027))),
            "the official holiday schedule for 2031 is not known (known: 2020-2027); add the "
            "year's holidays and make-up workdays to the policy's calendar, or ask for an "
            "estimated deadline",
            "2031 年的官方假日安排還不知道(已知的是 2020-2027 年):請把這一年的假日和調休上班日"
            "寫進政策的日曆設定,或改為要求估算的期限",
            "2031 年的官方假日安排还不知道(已知的是 2020-2027 年):请把这一年的假日和调休上班日"
            "写进政策的日历设置,或改为要求估算的期限",
        ),
        (
            worker_problem(WorkerError(7, "line")),
            "a worker process stopped (killed, or out of memory): line 7 and every one after "
            "it were not decided",
            "一個工作程序中止了(被終止,或記憶體不足):第 7 行和它之後的每一行都沒有決定",
            "一个工作进程中止了(被终止,或内存不足):第 7 行和它之后的每一行都没有决定",
        ),
        (
            extra_problem(ImportError(MATCH_HINT)),
            MATCH_HINT,
            "比對繁體和簡體中文需要 OpenCC(complaint-rules 的相依套件):"
            "pip install 'opencc>=1.1.6,<2'",
            "比对繁体和简体中文需要 OpenCC(complaint-rules 的依赖包):"
            "pip install 'opencc>=1.1.6,<2'",
        ),
    ],
)
def test_an_error_of_the_system_is_said_in_each_language(
    problem: Problem, english: str, hant: str, hans: str
) -> None:
    assert problem.message == english
    assert problem_text(problem, "en") == english
    assert problem_text(problem, "zh-Hant") == hant
    assert problem_text(problem, "zh-Hans") == hans


def test_an_error_the_catalogue_does_not_word_keeps_the_system_s_words_as_its_value() -> None:
    problem = file_problem(_os_error(errno.ENOSPC, "o.json"), "o.json", write=True)
    assert problem.message == "cannot write: [Errno 28] No space left on device: 'o.json'"
    assert problem_text(problem, "zh-Hant") == (
        "無法寫入這個檔案:[Errno 28] No space left on device: 'o.json'"
    )


# -- the service ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def service() -> Iterator[TestClient]:
    policies = Policies([], entry_points=False)
    with TestClient(create_app(policies, limits=Limits(max_body=2000, max_items=2))) as client:
        yield client


_REQUESTS: list[tuple[str, str, dict[str, Any], int, str, str, str]] = [
    # method, url, request, status, code, zh-Hant, en
    ("get", "/v1/nosuch", {}, 404, "service.not_found", "這個位址沒有內容:沒有這項資源",
     "no such resource"),
    ("delete", "/v1/policies", {}, 405, "service.method", "這個位址不接受 DELETE 請求",
     "method not allowed"),
    ("post", "/v1/policies/nosuch/decide", {"json": {}}, 404, "policy.unknown",
     "沒有代號為 'nosuch' 的政策;可用的有:bocom, cn_banking_baseline, hotel, "
     "keyouqianqi_credit_union, shihua_credit_coop, xx_bank",
     "no policy 'nosuch'; known: bocom, cn_banking_baseline, hotel, "
     "keyouqianqi_credit_union, shihua_credit_coop, xx_bank"),
    ("get", "/v1/policies/hotel?version=0.1", {}, 404, "policy.unknown_version",
     "政策 'hotel' 沒有版本 '0.1';現有的版本:",
     "policy 'hotel' has no version '0.1'; held: "),
    ("post", "/v1/policies/hotel/decide-batch", {"json": {}}, 422, "batch.not_list",
     "批次必須是投訴(JSON 物件)的 JSON 清單", "a batch is a JSON list of complaint objects"),
    ("post", "/v1/policies/hotel/decide-batch", {"json": [{}, {}, {}]}, 413, "batch.too_many",
     "一批最多 2 件投訴,這一批超過了", "more than 2 items in a batch"),
    ("post", "/v1/policies/hotel/decide", {"content": b"x" * 3000}, 413, "request.too_large",
     "請求的內容超過 2000 位元組的上限", "body larger than 2000 bytes"),
    ("post", "/v1/policies/hotel/decide?estimate=maybe", {"json": {}}, 400, "request.query",
     "查詢參數 estimate 只能是 true 或 false", "estimate is true or false"),
    ("post", "/v1/policies/hotel/status", {"json": {}}, 422, "case.not_object",
     "案件必須是 JSON 物件 {events: [...], at: 時刻}:事件清單和狀態的時刻",
     "a case is an object {events: [...], at: instant}"),
    ("post", "/v1/policies/hotel/status", {"json": {"events": []}}, 422, "case.at",
     "缺少狀態的時刻:請寫含時區的 ISO 8601 日期時間(例如 2026-10-12T09:00:00+08:00)",
     "missing: the instant of the status, ISO 8601 with offset"),
    ("post", "/v1/validate", {"json": {}}, 422, "request.yaml",
     '請求的內容必須是 {"yaml": <政策的文字>}', 'the body is {"yaml": <the policy\'s text>}'),
    ("post", "/v1/reload", {}, 403, "service.reload_disabled",
     "要透過 HTTP 重新載入政策,服務必須以 --token-file 啟動",
     "reloading over HTTP needs a server started with --token-file"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("method", "url", "request_", "status", "code", "hant", "english"),
    _REQUESTS,
    ids=[r[4] + ":" + r[1] for r in _REQUESTS],
)
def test_the_service_refuses_in_the_accepted_language(
    service: TestClient,
    method: str,
    url: str,
    request_: dict[str, Any],
    status: int,
    code: str,
    hant: str,
    english: str,
) -> None:
    said = getattr(service, method)(url, headers={"Accept-Language": "zh-Hant"}, **request_)
    assert said.status_code == status
    problem = said.json()["problems"][0]
    assert problem["code"] == code
    assert problem["message"].startswith(hant)
    listed = problem["message"].partition(":")[2].split(", ")  # policy ids, versions
    _assert_chinese(problem["message"], "nosuch", "estimate", "hotel", "sha256", *listed)
    plain = getattr(service, method)(url, **request_).json()["problems"][0]
    assert plain["message"].startswith(english)
    hans = getattr(service, method)(url, headers={"Accept-Language": "zh-CN"}, **request_)
    assert hans.json()["problems"][0]["message"] != problem["message"] or code in (
        "service.not_found",  # the same characters in both scripts
    )


def test_an_internal_error_is_said_in_the_accepted_language(
    service: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(service_app, "run", broken)
    said = service.get("/v1/policies", headers={"Accept-Language": "zh-Hans"})
    assert said.status_code == 500
    assert said.json()["problems"][0]["message"] == "内部错误;这个请求没有处理,请通知系统管理员"


def test_a_wrong_token_is_said_in_the_accepted_language() -> None:
    client = TestClient(create_app(Policies([], entry_points=False), token="t" * 20))
    said = client.get("/v1/policies", headers={"Accept-Language": "zh-Hant"})
    assert said.status_code == 401
    assert said.json()["problems"][0]["message"] == (
        "缺少存取權杖,或權杖不正確:請在 Authorization 標頭寫「Bearer 權杖」"
    )
    assert client.get("/v1/policies").json()["problems"][0]["message"] == (
        "missing or wrong bearer token"
    )


def test_a_request_line_s_problem_is_said_in_its_language() -> None:
    policies = Policies([], entry_points=False)
    line = answer(policies, b'{"id": 1, "op": "nosuch", "lang": "zh-Hans"}')
    assert "op(操作)必须是其中之一:listPolicies, getPolicy" in line.decode()
    line = answer(policies, b'{"id": 1, "op": "decide", "at": 3, "lang": "zh-Hant"}')
    assert "at 必須是文字(JSON 字串)" in line.decode()
    line = answer(policies, b'{"id": 1, "op": "decide", "at": 3}')
    assert '"message":"at is text"' in line.decode()


# -- the command line -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "hant", "english"),
    [
        (("decide", "hotel", "{tmp}/none.json", "--format", "text"),
         "{tmp}/none.json: 找不到檔案「{tmp}/none.json」,無法讀取;請檢查檔名和所在的資料夾\n",
         "{tmp}/none.json: cannot read: [Errno 2] No such file or directory: "
         "'{tmp}/none.json'\n"),
        (("decide", "hotel", "{tmp}", "--format", "text"),
         "{tmp}: 「{tmp}」是資料夾,不是檔案;請給一個檔案\n",
         "{tmp}: cannot read: [Errno 21] Is a directory: '{tmp}'\n"),
        (("schema", "--kind", "decision", "--format", "text"),
         "<input>: format: --kind decision 只能輸出 JSON;請不要用 --format text\n",
         "<input>: format: --kind decision is JSON only\n"),
        (("serve", "--pin", "bad"),
         "<input>: --pin 'bad' 的寫法不對:請寫「代號=64 個小寫十六進位數字」\n",
         "<input>: --pin 'bad': expected ID=<64 lowercase hex digits>\n"),
        (("studio", "--host", "0.0.0.0"),
         "<input>: --host 0.0.0.0 會讓其他電腦也能開啟工作台:請同時給 --token-file(存取權杖檔)\n",
         "<input>: --host 0.0.0.0 opens the workbench to other computers: give --token-file\n"),
        (("validate", "{tmp}"), "沒有找到政策檔案(*.yaml)\n", "no policy files found\n"),
        (("impact", "cn_banking_baseline", "hotel", "{tmp}/none.jsonl"),
         "錯誤:OLD(cn_banking_baseline)是抽象政策:它是其他政策的基礎,本身不決定任何投訴\n",
         "error: OLD (cn_banking_baseline) is an abstract policy: a base for other policies, "
         "it decides no complaint\n"),
        (("impact", "hotel", "hotel", "{tmp}/none.jsonl"),
         "{tmp}/none.jsonl: 找不到這個檔案,無法讀取;請檢查檔名和所在的資料夾\n",
         "{tmp}/none.jsonl: cannot read: No such file or directory\n"),
        (("coverage", "hotel", "{tmp}/none.txt"),
         "{tmp}/none.txt: 找不到檔案「{tmp}/none.txt」,無法讀取;請檢查檔名和所在的資料夾\n",
         "{tmp}/none.txt: cannot read: [Errno 2] No such file or directory: "
         "'{tmp}/none.txt'\n"),
    ],
)  # fmt: skip
def test_the_command_line_says_its_problems_in_the_officer_s_language(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    argv: tuple[str, ...],
    hant: str,
    english: str,
) -> None:
    args = [a.format(tmp=tmp_path) for a in argv]
    code, _, err = run(capsys, "--lang", "zh-Hant", *args)
    assert (code, err) == (1, hant.format(tmp=tmp_path))
    _assert_chinese(err, *args, "<input>", "OLD")
    code, _, err = run(capsys, "--lang", "en", *args)
    assert (code, err) == (1, english.format(tmp=tmp_path))


def test_a_file_that_cannot_be_written_is_said_in_the_problem_document(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = str(tmp_path / "no" / "schema.json")
    code, stdout, _ = run(capsys, "--lang", "zh-Hans", "schema", "-o", out)
    assert code == 1
    assert '"message": "无法写入这个文件:所在的文件夹不存在"' in stdout
    assert '"code": "file.unwritable"' in stdout


# -- the workbench --------------------------------------------------------------------------


@pytest.fixture
def studio(tmp_path: Path) -> TestClient:
    workspace = Workspace([editable_directory(tmp_path)])
    app = create_studio(workspace, csrf="c" * 32, lang="zh-Hant")
    return TestClient(app, base_url="http://127.0.0.1")


def test_the_workbench_refuses_in_the_page_s_language(studio: TestClient) -> None:
    url = f"/api/policies/{EDITABLE}/save"
    wrong = studio.post(url, json={"text": "x"}, headers={"X-CSRF-Token": "x"})
    assert (wrong.status_code, wrong.json()) == (
        403,
        {"error": "這一頁的防偽權杖(CSRF)缺少或不正確;請重新載入頁面後再試", "code": "studio.csrf"},
    )
    csrf = {"X-CSRF-Token": "c" * 32}
    body = studio.post(url + "?lang=zh-Hans", json={"txt": "x"}, headers=csrf)
    assert body.json()["error"] == '请求的内容必须是 {"text": "..."}'
    unknown = studio.post("/api/policies/nosuch/check", json={"text": "x"}, headers=csrf)
    assert (unknown.status_code, unknown.json()["error"]) == (
        404,
        "<input>: 沒有代號為 'nosuch' 的政策",
    )
    english = studio.post("/api/policies/nosuch/check?lang=en", json={"text": "x"}, headers=csrf)
    assert english.json()["error"] == "<input>: no policy 'nosuch'"
    page = studio.post(f"/policies/{EDITABLE}/edit", data={"csrf": "x", "text": "x"})
    assert (page.status_code, page.text) == (
        403,
        "這一頁的防偽權杖(CSRF)缺少或不正確;請重新載入頁面後再試",
    )


def test_saving_a_bundled_policy_is_refused_in_the_page_s_language(studio: TestClient) -> None:
    text = (ROOT / "policies" / "hotel.yaml").read_text(encoding="utf-8")
    csrf = {"X-CSRF-Token": "c" * 32}
    said = studio.post("/api/policies/hotel/save", json={"text": text}, headers=csrf)
    assert (said.status_code, said.json()) == (
        403,
        {"error": "這份政策是唯讀的,不能儲存", "code": "studio.read_only"},
    )


def test_a_problem_of_the_workbench_keeps_its_values() -> None:
    problem = make_problem("studio.no_history", name=repr("0/x.jsonl"))
    assert problem.message == "no history file '0/x.jsonl' in the policy directories"
    assert problem_text(problem, "zh-Hant") == "政策資料夾中沒有歷史紀錄檔 '0/x.jsonl'"
