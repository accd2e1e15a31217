"""The workbench's web application without a browser: what each route returns, what it
refuses (paths outside the directories, writes without the page's CSRF token, other
hosts, requests without the access token), saving, and the language rule."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from complaint_rules.cli import main
from complaint_rules.studio.app import create_app, language_of_environment
from complaint_rules.studio.workspace import Workspace
from tests.support.html_pages import read_page
from tests.support.studio import EDITABLE, editable_directory

CSRF = "c" * 32
LOCAL = "http://127.0.0.1"


@pytest.fixture
def directory(tmp_path: Path) -> Path:
    return editable_directory(tmp_path)


@pytest.fixture
def client(directory: Path) -> TestClient:
    return TestClient(create_app(Workspace([directory]), csrf=CSRF), base_url=LOCAL)


def test_the_index_lists_every_policy_with_its_digest_validation_and_tests(
    client: TestClient,
) -> None:
    page = client.get("/")
    assert page.status_code == 200
    for policy_id in ("bocom", "hotel", "keyouqianqi_credit_union", EDITABLE):
        assert f'id="policy-{policy_id}"' in page.text
        assert f'href="/policies/{policy_id}?lang=zh-Hant"' in page.text
    row = re.search(rf'<tr id="policy-{EDITABLE}">(.*?)</tr>', page.text, re.S)
    assert row is not None
    assert "科右前旗信用聯社" in row.group(1)
    assert "2026.5" in row.group(1)
    # The same file under another id has the same content but for its id: its own digest.
    assert re.search(r"<code title=\"[0-9a-f]{64}\">[0-9a-f]{12}</code>", row.group(1))
    assert "通過驗證" in row.group(1) or "有效" in row.group(1) or "flag ok" in row.group(1)


def test_the_read_view_is_the_policy_page_with_the_workbench_tabs(client: TestClient) -> None:
    page = client.get("/policies/hotel?lang=en")
    assert page.status_code == 200
    assert '<html lang="en">' in page.text
    assert 'href="/policies/hotel/try?lang=en"' in page.text
    assert 'href="/policies/hotel/edit?lang=en"' in page.text
    assert "YAML (read-only)" in page.text  # bundled: not editable
    assert 'href="/policies/hotel?lang=zh-Hant"' in page.text  # one click to Chinese
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page.text)  # nothing from outside


def test_a_complaint_tried_gives_the_due_date_counted_by_hand_on_its_calendar(
    client: TestClient,
) -> None:
    # 科右前旗 第十一條: 3 working days. Wed 30 Sep 2026; 1-7 Oct are the National Day
    # holiday; Thu 8 Oct = 1, Fri 9 Oct = 2, Sat 10 Oct (a make-up workday) = 3.
    page = client.get(
        "/policies/keyouqianqi_credit_union/try",
        params={"received": "2026-09-30T10:00", "channel": "letter", "category": "work_error"},
    )
    assert page.status_code == 200
    assert (
        'data-deadline="reply_general" data-due="2026-10-10" '
        'data-late-from="2026-10-11T00:00:00+08:00"'
    ) in page.text
    cells = re.findall(r'<td class="([^"]*)" data-date="(\d{4}-\d\d-\d\d)"', page.text)
    by_day = {day: classes for classes, day in cells}
    assert by_day["2026-09-30"] == "received"
    assert by_day["2026-10-10"] == "makeup due"
    assert by_day["2026-09-20"] == "makeup"  # Sunday 20 September is worked
    for day in ("2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"):
        assert by_day[day] == "holiday", day
    assert by_day["2026-10-03"] == "weekend"
    # The card says the last day, to 24:00, as the decision's text does.
    row = re.search(r'<tr data-deadline="reply_general".*?</tr>', page.text, re.S)
    assert row is not None
    assert '<time datetime="2026-10-11T00:00:00+08:00">2026-10-10 24時前</time>' in row.group(0)
    assert 'id="explanation"' in page.text
    dumped = re.search(r'<pre class="json" id="decision-json">(.*?)</pre>', page.text, re.S)
    assert dumped is not None
    import html

    decision = json.loads(html.unescape(dumped.group(1)))
    assert decision["deadlines"][0]["due"] == {
        "last_day": "2026-10-10",
        "late_from": "2026-10-11T00:00:00+08:00",
    }


def test_events_added_give_the_case_status_at_the_instant_asked(client: TestClient) -> None:
    page = client.get(
        "/policies/keyouqianqi_credit_union/try",
        params=[
            ("received", "2026-09-30T10:00"),
            ("channel", "letter"),
            ("category", "work_error"),
            ("event", "closed"),
            ("event_at", "2026-10-09T15:00"),
            ("event_arg", ""),
            ("as_of", "2026-10-12T09:00"),
        ],
    )
    assert page.status_code == 200
    status = page.text[page.text.index('id="status"') :]
    # Closed on 9 October, before the reply was due (10 October): the clock stopped.
    row = re.search(r'<tr data-clock="reply">(.*?)</tr>', status)
    assert row is not None
    assert '<span class="state stopped">已停止</span>' in row.group(1)
    assert 'datetime="2026-10-11T00:00:00+08:00"' in row.group(1)  # late from, after the 10th
    assert ">2026-10-10 24時前</time>" in row.group(1)  # the last day, to 24:00
    # Over time: running after receipt, stopped after the case was closed.
    timeline = page.text[page.text.index('id="timeline"') :]
    steps = re.findall(
        r'<tr><th scope="row"><time datetime="([^"]+)".*?class="state (\w+)"', timeline
    )
    assert steps == [
        ("2026-09-30T10:00:00+08:00", "running"),
        ("2026-10-09T15:00:00+08:00", "stopped"),
    ]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh-Hant", "'withdrawal_voluntary' 之前必須先發生以下其中一個事件:withdrawal_requested"),
        ("zh-Hans", "'withdrawal_voluntary' 之前必须先发生以下其中一个事件:withdrawal_requested"),
        ("en", "'withdrawal_voluntary' needs one of these events first: withdrawal_requested"),
    ],
)
def test_a_rejected_event_is_said_in_the_language_of_the_page(
    client: TestClient, lang: str, said: str
) -> None:
    page = client.get(
        "/policies/keyouqianqi_credit_union/try",
        params=[
            ("lang", lang),
            ("received", "2026-09-29T10:00"),
            ("channel", "letter"),
            ("category", "work_error"),
            ("event", "withdrawal_voluntary"),
            ("event_at", "2026-10-08T11:00"),
            ("event_arg", ""),
            ("as_of", "2026-10-12T09:00"),
        ],
    )
    assert page.status_code == 200
    status = page.text[page.text.index('id="status"') :]
    rejected = re.findall(r'<li class="conflict">(.*?)</li>', status)
    assert [html.unescape(item) for item in rejected] == [f"#1: {said}"]


def test_a_complaint_the_policy_refuses_shows_its_problems(client: TestClient) -> None:
    page = client.get(
        "/policies/keyouqianqi_credit_union/try",
        params={"received": "2026-09-30T10:00", "channel": "pigeon", "category": "work_error"},
    )
    assert page.status_code == 422
    assert 'id="complaint-problems"' in page.text
    assert "channel" in page.text


def _editable_file(directory: Path) -> Path:
    return directory / f"{EDITABLE}.yaml"


def test_saving_writes_the_file_whole_and_needs_the_csrf_token(
    client: TestClient, directory: Path
) -> None:
    path = _editable_file(directory)
    text = path.read_text(encoding="utf-8").replace('version: "2026.5"', 'version: "2026.31"')
    url = f"/api/policies/{EDITABLE}/save"
    assert client.post(url, json={"text": text}).status_code == 403
    assert client.post(url, json={"text": text}, headers={"X-CSRF-Token": "x"}).status_code == 403
    evil = {"X-CSRF-Token": CSRF, "Origin": "http://evil.example"}
    assert client.post(url, json={"text": text}, headers=evil).status_code == 403
    assert 'version: "2026.5"' in path.read_text(encoding="utf-8")
    saved = client.post(url, json={"text": text}, headers={"X-CSRF-Token": CSRF})
    assert saved.status_code == 200
    assert saved.json()["saved"] is True
    assert path.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in directory.iterdir() if p.name.startswith(".")) == []
    assert "2026.5" in client.get("/").text


def test_text_that_does_not_load_is_not_saved_and_its_problem_is_located(
    client: TestClient, directory: Path
) -> None:
    path = _editable_file(directory)
    before = path.read_text(encoding="utf-8")
    lines = before.splitlines(keepends=True)
    broken = "".join([*lines[:5], "unknown_field: 1\n", *lines[5:]])
    response = client.post(
        f"/api/policies/{EDITABLE}/save",
        json={"text": broken},
        headers={"X-CSRF-Token": CSRF},
    )
    assert response.status_code == 422
    problems = response.json()["problems"]
    assert [p["line"] for p in problems] == [6]
    assert "unknown_field" in problems[0]["field"] + problems[0]["message"]
    assert path.read_text(encoding="utf-8") == before
    checked = client.post(
        f"/api/policies/{EDITABLE}/check?lang=en",
        json={"text": broken},
        headers={"X-CSRF-Token": CSRF},
    ).json()
    assert checked["problems"][0]["where"] == "line 6"
    assert checked["problems"][0]["message"].startswith("unknown key; allowed: schema, id,")


@pytest.mark.parametrize(
    ("lang", "where", "said"),
    [
        ("zh-Hant", "第 6 行", "不認識的鍵「unknown_field」。這裡可以寫:schema, id,"),
        ("zh-Hans", "第 6 行", "不认识的键「unknown_field」。这里可以写:schema, id,"),
        ("en", "line 6", "unknown key; allowed: schema, id,"),
    ],
)
def test_the_editor_s_problems_are_said_in_the_officer_s_language(
    client: TestClient, directory: Path, lang: str, where: str, said: str
) -> None:
    lines = _editable_file(directory).read_text(encoding="utf-8").splitlines(keepends=True)
    broken = "".join([*lines[:5], "unknown_field: 1\n", *lines[5:]])
    checked = client.post(
        f"/api/policies/{EDITABLE}/check?lang={lang}",
        json={"text": broken},
        headers={"X-CSRF-Token": CSRF},
    ).json()
    (problem,) = checked["problems"]
    assert (problem["line"], problem["where"], problem["code"]) == (6, where, "policy.unknown_key")
    assert problem["message"].startswith(said)
    # The same words in the page the form posts back (the script off).
    page = client.post(
        f"/policies/{EDITABLE}/edit?lang={lang}",
        data={"csrf": CSRF, "text": broken, "action": "check", "lang": lang},
    )
    import html

    assert said in html.unescape(page.text)


def test_a_bundled_policy_cannot_be_saved(client: TestClient) -> None:
    text = client.get("/policies/hotel/edit").text
    assert 'id="save"' not in text
    response = client.post(
        "/api/policies/hotel/save", json={"text": "x: 1"}, headers={"X-CSRF-Token": CSRF}
    )
    assert response.status_code == 403


def test_the_editor_form_works_without_javascript(client: TestClient, directory: Path) -> None:
    path = _editable_file(directory)
    text = path.read_text(encoding="utf-8").replace('version: "2026.5"', 'version: "2026.6"')
    response = client.post(
        f"/policies/{EDITABLE}/edit",
        data={"csrf": CSRF, "text": text, "action": "save"},
    )
    assert response.status_code == 200
    assert path.read_text(encoding="utf-8") == text
    refused = client.post(f"/policies/{EDITABLE}/edit", data={"text": text, "action": "save"})
    assert refused.status_code == 403


@pytest.mark.parametrize(
    "address",
    [
        "/policies/..%2F..%2F..%2Fetc%2Fpasswd",
        "/policies/%2Fetc%2Fpasswd/edit",
        "/policies/..%2Fpolicies%2Fhotel/edit",
        "/static/..%2Fapp.py",
        "/static/app.py",
        "/static/%2Fetc%2Fpasswd",
    ],
)
def test_no_path_reaches_a_file_outside_the_directories(client: TestClient, address: str) -> None:
    response = client.get(address)
    assert response.status_code == 404
    assert "root:" not in response.text
    assert "import" not in response.text


@pytest.mark.parametrize(
    "history", ["../../../etc/passwd", "0/../../etc/passwd", "/etc/passwd", "0/histories/x.jsonl"]
)
def test_a_history_is_only_a_file_the_workbench_listed(client: TestClient, history: str) -> None:
    response = client.post(
        f"/api/policies/{EDITABLE}/impact",
        json={"history": history},
        headers={"X-CSRF-Token": CSRF},
    )
    assert response.status_code == 404


def test_a_link_out_of_the_directory_is_not_offered_as_a_history(
    client: TestClient, directory: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "secret.jsonl"
    outside.write_text('{"x": 1}\n', encoding="utf-8")
    (directory / "link.jsonl").symlink_to(outside)
    page = client.get(f"/policies/{EDITABLE}/changes").text
    assert "histories/keyouqianqi_credit_union.jsonl" in page
    assert "link.jsonl" not in page
    response = client.post(
        f"/api/policies/{EDITABLE}/impact",
        json={"history": "0/link.jsonl"},
        headers={"X-CSRF-Token": CSRF},
    )
    assert response.status_code == 404


def test_impact_streams_its_progress_then_the_report(client: TestClient) -> None:
    # The draft gives 一般投訴 4 working days instead of 第十一條's 3.
    text = _editable_text(client)
    changed = text.replace("within: {working_days: 3}", "within: {working_days: 4}", 1)
    assert changed != text
    response = client.post(
        f"/api/policies/{EDITABLE}/impact",
        json={"history": "0/histories/keyouqianqi_credit_union.jsonl", "text": changed},
        headers={"X-CSRF-Token": CSRF},
    )
    assert response.status_code == 200
    messages = [json.loads(line) for line in response.text.splitlines()]
    progress = [m for m in messages if "done" in m]
    assert progress[-1] == {"done": 300, "total": 300}
    assert [m["done"] for m in progress] == sorted(m["done"] for m in progress)
    assert "html" in messages[-1]
    assert 'id="impact-counts"' in messages[-1]["html"]


def _editable_text(client: TestClient) -> str:
    import html

    page = client.get(f"/policies/{EDITABLE}/edit").text
    found = re.search(r"<textarea[^>]*>(.*?)</textarea>", page, re.S)
    assert found is not None
    return html.unescape(found.group(1))


def test_what_changes_shows_the_diff_and_the_tests_as_the_cli_reports_them(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _editable_text(client)
    page = client.post(
        f"/policies/{EDITABLE}/changes",
        data={
            "csrf": CSRF,
            "text": text.replace("within: {working_days: 3}", "within: {working_days: 4}", 1),
            "against": "saved",
        },
    ).text
    assert 'id="diff-verdict"' in page
    assert "flag bad" in page.split('id="diff-verdict"')[0][-40:]
    # The change's lines in the page's language, as `diff --lang zh-Hant` says them.
    assert "期限:3 個工作日 → 4 個工作日" in html.unescape(page)
    counts = re.search(r'id="tests-counts"[^>]*>(\d+) 個案例:(\d+) 個通過,(\d+) 個失敗', page)
    assert counts is not None
    code = main(["test", "policies/keyouqianqi_credit_union.tests.yaml"])
    out = capsys.readouterr().out
    cli = re.search(r"(\d+) cases? in 1 file: (\d+) passed, (\d+) failed", out)
    assert cli is not None
    assert counts.groups() == cli.groups()
    assert code == 0


def test_another_host_is_refused(directory: Path) -> None:
    client = TestClient(create_app(Workspace([directory])), base_url="http://evil.example")
    assert client.get("/").status_code == 400


def test_with_a_token_every_request_must_carry_it(directory: Path) -> None:
    token = "t" * 24
    app = create_app(Workspace([directory]), token=token, allowed_hosts=["*"])
    client = TestClient(app, base_url="http://192.0.2.7:8765")
    assert client.get("/").status_code == 401
    assert client.get("/", params={"token": "wrong" * 5}).status_code == 401
    first = client.get("/policies/hotel", params={"token": token}, follow_redirects=False)
    assert first.status_code == 303
    assert "token" not in first.headers["location"]
    assert client.get("/policies/hotel").status_code == 200  # the cookie now
    other = TestClient(app, base_url="http://192.0.2.7:8765")
    assert other.get("/", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_the_command_refuses_another_host_without_a_token(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["studio", "--host", "0.0.0.0"]) == 1
    assert "--token-file" in capsys.readouterr().err


def test_the_command_refuses_a_short_token(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    token = tmp_path / "token"
    token.write_text("short\n", encoding="utf-8")
    assert main(["studio", "--host", "0.0.0.0", "--token-file", str(token)]) == 1
    assert "at least 16" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"COMPLAINT_RULES_LANG": "ZH-HANS", "LANG": "en_US.UTF-8"}, "zh-Hans"),
        ({"COMPLAINT_RULES_LANG": "en", "LANG": "zh_TW.UTF-8"}, "en"),
        ({"LANG": "zh_TW.UTF-8"}, "zh-Hant"),
        ({"LANG": "zh_HK.UTF-8"}, "zh-Hant"),
        ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh-Hans"),
        ({"LANG": "zh_SG"}, "zh-Hans"),
        ({"LANG": "zh"}, "zh-Hant"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_language_follows_the_command_line_rule(environ: dict[str, str], lang: str) -> None:
    assert language_of_environment(environ) == lang


def test_pages_without_javascript_hold_the_whole_read_view(client: TestClient) -> None:
    page = read_page(client.get("/policies/keyouqianqi_credit_union").text)
    assert page.lang == "zh-Hant"
    assert "/static/studio.js" in page.links  # the only script, and only for the live parts
    assert all(not link.startswith(("http:", "https:", "//")) for link in page.links)


def test_the_command_serves_on_loopback_and_prints_the_address(directory: Path) -> None:
    import os
    import subprocess
    import sys
    import urllib.request

    command = [sys.executable, "-m", "complaint_rules", "--policy-dir", str(directory)]
    command += ["studio", "--port", "0", "--lang", "en"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=os.environ)
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        found = re.fullmatch(r"complaint-rules studio: (http://127\.0\.0\.1:\d+/)\n", line)
        assert found is not None, line
        with urllib.request.urlopen(found.group(1) + f"policies/{EDITABLE}") as response:
            page = response.read().decode("utf-8")
        assert '<html lang="en">' in page
        assert "Edit</a>" in page  # in a --policy-dir directory: editable
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_policy_that_does_not_load_is_listed_with_a_link_to_its_editor(
    client: TestClient, directory: Path
) -> None:
    (directory / "broken_policy.yaml").write_text(
        "schema: complaint-rules/1\nid: broken_policy\nversion: 1\n", encoding="utf-8"
    )
    index = client.get("/").text
    row = re.search(r'<tr id="policy-broken_policy">(.*?)</tr>', index, re.S)
    assert row is not None
    assert '<a href="/policies/broken_policy/edit?lang=zh-Hant">' in row.group(1)
    read = client.get("/policies/broken_policy", follow_redirects=False)
    assert read.status_code == 303
    assert read.headers["location"].startswith("/policies/broken_policy/edit")
    editor = client.get("/policies/broken_policy/edit").text
    assert "broken_policy.yaml" in editor
    assert 'class="flag bad"' in editor
    # Its problems, located in the text shown and said in the officer's language (the
    # catalogue's words for each code), even with the script off.
    problems = editor[editor.index('id="problems"') :]
    assert re.search(
        r'<li data-line="3" data-code="policy.quote_text"><span class="where">第 3 行</span>'
        r" <code>version</code> 這裡要寫文字,但 YAML 把 1 讀成了數字",
        problems,
    ), problems
    assert "缺少必填的「title」,請補上。" in problems
    english = client.get("/policies/broken_policy/edit?lang=en").text
    assert "<code>title</code> required field is missing" in english
    assert "缺少必填" not in english
    # The index says why it does not load, in the page's language too.
    assert "institution: 缺少必填的「institution」,請補上。" in row.group(1)


def test_an_uploaded_history_is_re_decided(client: TestClient) -> None:
    lines = [
        '{"received_at": "2026-09-30T10:00:00+08:00", "channel": "letter",'
        ' "category": "work_error"}',
        "not json",
    ]
    text = _editable_text(client)
    response = client.post(
        f"/api/policies/{EDITABLE}/impact",
        json={
            "upload": "\n".join(lines) + "\n",
            "upload_name": "mine.jsonl",
            "text": text.replace("within: {working_days: 3}", "within: {working_days: 4}", 1),
        },
        headers={"X-CSRF-Token": CSRF},
    )
    assert response.status_code == 200
    last = json.loads(response.text.splitlines()[-1])
    # The one complaint: due Sat 10 Oct after 3 working days, Mon 12 Oct after 4.
    assert "1 件的決定改變" in last["html"]
    assert "1 行無法讀取" in last["html"]


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("127.0.0.1:8765", 200),
        ("localhost:8765", 200),
        ("LOCALHOST", 200),
        ("[::1]:8765", 200),
        ("evil.example:8765", 400),
        ("127.0.0.1.evil.example", 400),
        ("", 400),
    ],
)
def test_only_requests_addressed_to_this_computer_are_answered(
    client: TestClient, host: str, status: int
) -> None:
    assert client.get("/", headers={"Host": host}).status_code == status


def test_the_policies_list_shows_each_version_with_its_effective_dates(
    client: TestClient, directory: Path
) -> None:
    from complaint_rules import Catalog
    from tests.support.versions import NEW_VERSION, POLICY, write_new_version

    write_new_version(directory)  # in force from Sun 2026-11-01; the bundled one undated
    versions = Catalog([directory]).versions(POLICY)
    index = client.get("/").text
    row = re.search(rf'<tr id="policy-{POLICY}">(.*?)</tr>', index, re.S)
    assert row is not None
    items = re.findall(r'<li data-effective-from="([\d-]*)">(.*?)</li>', row.group(1))
    shown = [(start, re.sub(r"<[^>]+>", "", body)) for start, body in items]
    # The bundled version is in force until the day before the new one: Sat 31 October.
    assert shown == [
        ("", f"2026.5 至 2026-10-31 {versions[0].sha256[:12]}"),
        ("2026-11-01", f"{NEW_VERSION} 2026-11-01 起 {versions[1].sha256[:12]}"),
    ]
    english = client.get(f"/policies/{POLICY}?lang=en").text
    header = english[: english.index("</header>")]
    assert "2026.5 until 2026-10-31" in re.sub(r"<[^>]+>", "", header)
    assert f"{NEW_VERSION} from 2026-11-01" in re.sub(r"<[^>]+>", "", header)
    # A policy with one version says its date, or that it declares none.
    hotel = re.search(r'<tr id="policy-hotel">(.*?)</tr>', index, re.S)
    assert hotel is not None and "<td>未聲明</td>" in hotel.group(1)


def test_what_changes_against_the_committed_version_gives_an_example_complaint(
    client: TestClient, directory: Path
) -> None:
    import html
    import subprocess

    from tests.support.system import require_command

    git = require_command("git", "git")
    run = {"cwd": directory, "check": True, "capture_output": True}
    subprocess.run([git, "init", "-q"], **run)  # type: ignore[call-overload]
    subprocess.run([git, "add", "."], **run)  # type: ignore[call-overload]
    subprocess.run(
        [git, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "first"],
        **run,  # type: ignore[call-overload]
    )
    # Saved since the commit: 一般投訴 gets 4 working days instead of 第十一條's 3.
    path = _editable_file(directory)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "within: {working_days: 3}", "within: {working_days: 4}", 1
        ),
        encoding="utf-8",
    )
    form = client.get(f"/policies/{EDITABLE}/changes").text
    assert '<option value="committed">' in form
    page = html.unescape(
        client.post(
            f"/policies/{EDITABLE}/changes?lang=en",
            data={"csrf": CSRF, "against": "committed", "lang": "en"},
        ).text
    )
    diff = page[page.index('id="diff"') :]
    assert "within: 3 working days → 4 working days" in diff
    # Its example: received Tue 10 March 2026 by phone; 3 working days end Fri 13 March,
    # 4 end Mon 16 March (the weekend of 14-15 March is off).
    assert '"received_at": "2026-03-10T10:00:00+08:00"' in diff
    assert "old: due by the end of 2026-03-13 (24:00)" in diff
    assert "new: due by the end of 2026-03-16 (24:00)" in diff
    # Against the saved file itself: nothing differs.
    same = client.post(f"/policies/{EDITABLE}/changes", data={"csrf": CSRF, "against": "saved"})
    assert (
        'id="diff-verdict"' in same.text
        and "flag ok" in same.text.split('id="diff-verdict"')[0][-40:]
    )


def test_a_failed_test_case_is_shown_field_by_field_expected_and_actual(
    client: TestClient, directory: Path
) -> None:
    tests = directory / f"{EDITABLE}.tests.yaml"
    text = tests.read_text(encoding="utf-8")
    assert text.count("due: {last_day: 2026-10-10}\n") >= 1
    tests.write_text(
        text.replace("due: {last_day: 2026-10-10}\n", "due: {last_day: 2026-10-09}\n", 1),
        encoding="utf-8",
    )
    page = client.get(f"/policies/{EDITABLE}/changes?lang=en").text
    failed = re.findall(r'<tr class="case failed"><th scope="row">(.*?)</th>(.*?)</tr>', page)
    assert [name for name, _ in failed] == ["一般投訴 by letter the day before National Day"]
    detail = failed[0][1]
    assert '<code class="expected">2026-10-09</code>' in detail
    assert '<code class="actual">2026-10-10</code>' in detail
    assert "last_day" in detail


@pytest.mark.parametrize(
    ("method", "address", "body"),
    [
        ("post", f"/api/policies/{EDITABLE}/check", {"json": {"text": "x: 1"}}),
        ("post", f"/api/policies/{EDITABLE}/save", {"json": {"text": "x: 1"}}),
        ("post", f"/api/policies/{EDITABLE}/impact", {"json": {"history": "x"}}),
        ("post", f"/policies/{EDITABLE}/edit", {"data": {"text": "x: 1", "action": "save"}}),
        ("post", f"/policies/{EDITABLE}/changes", {"data": {"against": "saved"}}),
    ],
)
def test_every_write_needs_the_page_s_csrf_token(
    client: TestClient, directory: Path, method: str, address: str, body: dict[str, object]
) -> None:
    before = _editable_file(directory).read_text(encoding="utf-8")
    response = getattr(client, method)(address, **body)
    assert response.status_code == 403
    wrong = {"X-CSRF-Token": "d" * 32}
    data = body.get("data")
    if isinstance(data, dict):
        body = {"data": {**data, "csrf": "d" * 32}}
    assert getattr(client, method)(address, headers=wrong, **body).status_code == 403
    assert _editable_file(directory).read_text(encoding="utf-8") == before


def test_a_policy_file_linked_from_outside_is_read_only(
    client: TestClient, directory: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    target = outside / "linked_union.yaml"
    text = _editable_file(directory).read_text(encoding="utf-8")
    target.write_text(text.replace(f"id: {EDITABLE}", "id: linked_union", 1), encoding="utf-8")
    (directory / "linked_union.yaml").symlink_to(target)
    before = target.read_text(encoding="utf-8")
    assert 'id="save"' not in client.get("/policies/linked_union/edit").text
    changed = before.replace('version: "2026.5"', 'version: "2026.9"')
    response = client.post(
        "/api/policies/linked_union/save", json={"text": changed}, headers={"X-CSRF-Token": CSRF}
    )
    assert response.status_code == 403
    assert target.read_text(encoding="utf-8") == before
    for name in ("..%2Felsewhere%2Flinked_union", "%2Fetc%2Fpasswd", "..%2F..%2Fetc%2Fpasswd"):
        response = client.post(
            f"/api/policies/{name}/save", json={"text": changed}, headers={"X-CSRF-Token": CSRF}
        )
        assert response.status_code == 404, name


def test_open_starts_the_browser_at_the_address(directory: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys
    import time

    opened = tmp_path / "opened"
    browser = tmp_path / "browser"
    browser.write_text(f'#!/bin/sh\nprintf %s "$1" > {opened}\n', encoding="utf-8")
    browser.chmod(0o755)
    command = [sys.executable, "-m", "complaint_rules", "--policy-dir", str(directory)]
    command += ["studio", "--port", "0", "--open"]
    env = {**os.environ, "BROWSER": str(browser)}
    server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        found = re.fullmatch(r"complaint-rules studio: (http://127\.0\.0\.1:\d+/)\n", line)
        assert found is not None, line
        deadline = time.monotonic() + 20
        while not (opened.exists() and opened.read_text(encoding="utf-8")):
            assert time.monotonic() < deadline, "the browser was not started"
            time.sleep(0.05)
        assert opened.read_text(encoding="utf-8") == found.group(1)
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize(
    ("received", "version", "last_day", "late_from"),
    [
        # Wed 30 Sep 2026, under the bundled 3 working days: 1-7 Oct are off; Thu 8 Oct =
        # 1, Fri 9 = 2, Sat 10 (a make-up workday) = 3.
        ("2026-09-30T10:00", "2026.5", "2026-10-10", "2026-10-11T00:00:00+08:00"),
        # Mon 2 Nov 2026, under the version in force from Sun 1 November, 5 working days:
        # Tue 3 = 1, Wed 4 = 2, Thu 5 = 3, Fri 6 = 4, (weekend), Mon 9 = 5.
        ("2026-11-02T10:00", "2026.11-test", "2026-11-09", "2026-11-10T00:00:00+08:00"),
    ],
)
def test_a_complaint_tried_is_decided_under_the_version_in_force_at_receipt(
    client: TestClient,
    directory: Path,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    received: str,
    version: str,
    last_day: str,
    late_from: str,
) -> None:
    from tests.support.versions import POLICY, write_new_version

    write_new_version(directory)
    page = client.get(
        f"/policies/{POLICY}/try",
        params={"received": received, "channel": "letter", "category": "work_error"},
    )
    assert page.status_code == 200
    assert f"依收到時生效的 {version} 版" in page.text
    assert (
        f'data-deadline="reply_general" data-due="{last_day}" data-late-from="{late_from}"'
    ) in page.text
    # The same as the command line decides it.
    complaint = tmp_path / "complaint.json"
    complaint.write_text(
        json.dumps(
            {"received_at": f"{received}:00+08:00", "channel": "letter", "category": "work_error"}
        ),
        encoding="utf-8",
    )
    capsys.readouterr()
    code = main(
        ["--policy-dir", str(directory), "decide", POLICY, str(complaint), "--format", "json"]
    )
    decided = json.loads(capsys.readouterr().out)
    assert code == 0
    assert decided["policy"]["version"] == version
    assert decided["deadlines"][0]["due"] == {"last_day": last_day, "late_from": late_from}


def test_what_changes_against_another_policy_of_the_catalog(client: TestClient) -> None:
    import html

    text = _editable_text(client).replace(
        "within: {working_days: 3}", "within: {working_days: 4}", 1
    )
    form = client.get(f"/policies/{EDITABLE}/changes").text
    assert '<option value="policy:keyouqianqi_credit_union">' in form
    page = html.unescape(
        client.post(
            f"/policies/{EDITABLE}/changes",
            data={"csrf": CSRF, "text": text, "against": "policy:keyouqianqi_credit_union"},
        ).text
    )
    diff = page[page.index('id="diff"') :]
    assert "keyouqianqi_credit_union 2026.5 → my_credit_union 2026.5" in diff
    assert "期限:3 個工作日 → 4 個工作日" in diff  # the page's language
    assert "舊版:須於 2026-03-13 24時前完成" in diff
    # A name that is not one of the catalog's policies is refused, not looked up as a path.
    for name in ("../../etc/passwd", "/etc/passwd", "policies/hotel"):
        refused = client.post(
            f"/policies/{EDITABLE}/changes",
            data={"csrf": CSRF, "text": text, "against": f"policy:{name}"},
        )
        assert refused.status_code == 200
        assert "root:" not in refused.text
        # Said in the page's language (Traditional Chinese here), the name as given.
        assert html.escape(f"沒有代號為 {name!r} 的政策") in refused.text


def test_what_the_form_cannot_read_is_said_in_the_page_s_language(client: TestClient) -> None:
    import html

    params: list[tuple[str, str | int | float | bool | None]] = [
        ("received", "2026-09-30T10:00"),
        ("channel", "letter"),
        ("category", "work_error"),
        ("event", "updated"),
        ("event_at", "2026-10-09T15:00"),
        ("event_arg", "{major: yes"),
    ]
    page = client.get("/policies/keyouqianqi_credit_union/try", params=params)
    assert page.status_code == 422
    problems = html.unescape(page.text[page.text.index('id="complaint-problems"') :])
    assert "<code>facts</code> 事實要寫成 JSON" in problems and "不是 '{major: yes'" in problems
    english = client.get("/policies/keyouqianqi_credit_union/try", params=[*params, ("lang", "en")])
    assert "the facts are JSON" in html.unescape(english.text)
    late = client.get(
        "/policies/keyouqianqi_credit_union/try",
        params={"received": "2026-09-30 at ten", "channel": "letter", "category": "work_error"},
    )
    assert late.status_code == 422
    assert "這裡要填日期與時間,不是 '2026-09-30 at ten'" in html.unescape(late.text)
