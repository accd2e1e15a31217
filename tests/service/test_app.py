"""The HTTP service, called over HTTP on a real server (``complaint-rules serve``)."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from complaint_rules import Catalog, decide_json
from tests.support import ROOT
from tests.support.server import Server
from tests.support.versions import NEW_VERSION, POLICY, write_new_version

EXAMPLES = json.loads(
    (ROOT / "examples" / "complaints" / f"{POLICY}.json").read_text(encoding="utf-8")
)
DECIDE = f"/v1/policies/{POLICY}/decide"
BEFORE = {"received_at": "2026-10-30T10:00:00+08:00", "channel": "信件投訴", "category": "工作失誤"}
AFTER = {**BEFORE, "received_at": "2026-11-02T10:00:00+08:00"}


def test_decide_answers_exactly_decide_json(server: Server) -> None:
    policy = Catalog().load(POLICY)
    for complaint in EXAMPLES:
        status, headers, body = server.call(
            "POST", DECIDE, json.dumps(complaint, ensure_ascii=False).encode()
        )
        assert status == 200, body
        assert headers["content-type"] == "application/json"
        # Received before the test version's 2026-11-01: the bundled version decides.
        assert body == decide_json(policy, complaint).encode()


def test_decide_selects_the_version_by_receipt_and_names_it(server: Server) -> None:
    old = json.loads(server.post_json(DECIDE, BEFORE)[1])
    new = json.loads(server.post_json(DECIDE, AFTER)[1])
    assert (old["policy"]["version"], old["deadlines"][0]["amount"]) == ("2026.5", 3)
    assert (new["policy"]["version"], new["deadlines"][0]["amount"]) == (NEW_VERSION, 5)
    assert new["deadlines"][0]["due"] == {
        "last_day": "2026-11-09",
        "late_from": "2026-11-10T00:00:00+08:00",
    }
    # Received before the change, decided after it: the old version, overdue by then.
    status, body = server.post_json(DECIDE + "?at=2026-11-05T09:00:00%2B08:00", BEFORE)
    late = json.loads(body)
    assert status == 200
    assert (late["policy"]["version"], late["deadlines"][0]["due"]) == (
        "2026.5",
        {"last_day": "2026-11-04", "late_from": "2026-11-05T00:00:00+08:00"},
    )
    assert late["deadlines"][0]["overdue_at_decision"] is True
    # The caller may name the version or its sha256 instead.
    versions = json.loads(server.call("GET", "/v1/policies")[2])["policies"]
    new_sha = next(p["sha256"] for p in versions if p["version"] == NEW_VERSION)
    status, body = server.post_json(DECIDE + f"?sha256={new_sha[:16]}", BEFORE)
    assert json.loads(body)["policy"]["version"] == NEW_VERSION
    status, body = server.post_json(DECIDE + "?version=2026.5", AFTER)
    assert json.loads(body)["policy"]["sha256"] != new_sha
    status, body = server.post_json(DECIDE + "?version=1999", AFTER)
    assert status == 404
    assert json.loads(body)["problems"][0]["code"] == "policy.unknown_version"


def test_list_and_get_policy(server: Server) -> None:
    status, _, body = server.call("GET", "/v1/policies")
    listed = json.loads(body)["policies"]
    assert status == 200
    ours = [p for p in listed if p["id"] == POLICY]
    assert [(p["version"], p["effective_from"], p["effective_until"]) for p in ours] == [
        ("2026.5", None, "2026-11-01"),
        (NEW_VERSION, "2026-11-01", None),
    ]
    assert all(re.fullmatch("[0-9a-f]{64}", layer["sha256"]) for layer in ours[0]["layers"])
    status, _, body = server.call("GET", f"/v1/policies/{POLICY}?at=2026-10-01T00:00:00%2B08:00")
    detail = json.loads(body)
    assert status == 200 and detail["version"] == "2026.5"
    letter = next(c for c in detail["vocabulary"]["channels"] if c["id"] == "letter")
    assert letter["label"] == "信件投訴" and letter["simplified"] == ["信件投诉"]
    assert {"id", "label", "type"} <= set(detail["facts"][0])
    schema = detail["complaint_schema"]
    assert "信件投诉" in schema["properties"]["channel"]["enum"]
    assert schema["x-contract"] == "complaint-rules/complaint/1"
    assert server.call("GET", "/v1/policies/nope")[0] == 404


def test_errors_are_problem_documents_never_5xx(server: Server) -> None:
    cases = [
        ("POST", DECIDE, b"{not json", 400, "json.syntax"),
        ("POST", DECIDE, b'{"channel": 1, "channel": 2}', 400, "json.duplicate_key"),
        ("POST", DECIDE, b"[]", 422, "complaint.not_object"),
        ("POST", DECIDE, b'{"received_at": "2026-10-30T10:00:00"}', 422, None),
        ("POST", "/v1/policies/nope/decide", json.dumps(BEFORE).encode(), 404, "policy.unknown"),
        ("POST", DECIDE, b'{"a": "' + b"x" * 300_000 + b'"}', 413, "request.too_large"),
        (
            "POST",
            f"/v1/policies/{POLICY}/decide-batch",
            json.dumps([BEFORE] * 51).encode(),
            413,
            "batch.too_many",
        ),
        ("POST", DECIDE + "?estimate=maybe", json.dumps(BEFORE).encode(), 400, "request.query"),
        ("GET", "/v1/nothing-here", None, 404, "service.not_found"),
        ("POST", f"/v1/policies/{POLICY}/status", b'{"events": 3}', 422, "case.not_object"),
        ("POST", "/v1/validate", b'{"yaml": 3}', 422, "request.yaml"),
        ("POST", "/v1/reload", b"", 403, "service.reload_disabled"),
    ]
    for method, path, body, expected, code in cases:
        status, headers, answer = server.call(method, path, body)
        assert status == expected, (path, answer[:300])
        assert headers["content-type"] == "application/problem+json", path
        doc = json.loads(answer)
        assert doc["status"] == expected and doc["problems"], path
        if code is not None:
            assert doc["problems"][0]["code"] == code, (path, doc)
        assert b"Traceback" not in answer


def test_no_complaint_content_in_the_log(server: Server) -> None:
    secret = {**BEFORE, "complainant": "王小明 13800000000", "text": "我的帳號 6222 0000"}
    logged = len(server.log_path.read_text(encoding="utf-8").splitlines())
    status, _, _ = server.call(
        "POST", DECIDE, json.dumps(secret, ensure_ascii=False).encode(), {"X-Request-Id": "r-1"}
    )
    assert status == 200
    server.post_json(DECIDE, {**BEFORE, "channel": "王小明的信"})
    # The log line is written after the response: wait for both lines (a loaded machine
    # may take a while), then read the whole log.
    deadline = time.monotonic() + 10
    while len(server.log_path.read_text(encoding="utf-8").splitlines()) < logged + 2:
        assert time.monotonic() < deadline, "the server logged no line for the requests"
        time.sleep(0.05)
    text = server.log_path.read_text(encoding="utf-8")
    for personal in ("王小明", "13800000000", "6222", "帳號"):
        assert personal not in text
    line = next(r for r in server.log() if r.get("request_id") == "r-1")
    assert line["op"] == "decide" and line["policy"] == POLICY and line["status"] == 200
    assert line["version"] == "2026.5" and len(line["sha256"]) == 12
    assert isinstance(line["ms"], float)


def test_batch_answers_each_item_in_order(server: Server) -> None:
    items = [BEFORE, {"received_at": "bad"}, AFTER, 7]
    status, body = server.post_json(f"/v1/policies/{POLICY}/decide-batch", items)
    answers = json.loads(body)
    assert status == 200 and len(answers) == 4
    policy = Catalog().load(POLICY)
    assert json.dumps(answers[0], ensure_ascii=False, separators=(",", ":")) == decide_json(
        policy, BEFORE
    )
    assert answers[1]["status"] == 422 and answers[1]["problems"][0]["path"][0] == 1
    assert answers[2]["policy"]["version"] == NEW_VERSION
    assert answers[3]["status"] == 422 and answers[3]["problems"][0]["path"] == [3]


def test_accept_language_words_explain_and_problems(server: Server) -> None:
    path = f"/v1/policies/{POLICY}/explain"
    body = json.dumps(BEFORE).encode()
    en = json.loads(server.call("POST", path, body, {"Accept-Language": "en-GB, zh;q=0.5"})[2])
    hant = json.loads(server.call("POST", path, body, {"Accept-Language": "zh-TW"})[2])
    assert (en["lang"], hant["lang"]) == ("en", "zh-Hant")
    assert "working days" in json.dumps(en, ensure_ascii=False)
    assert "工作日" in json.dumps(hant, ensure_ascii=False)
    status, headers, answer = server.call(
        "POST", "/v1/policies/nope/decide", body, {"Accept-Language": "zh-Hant"}
    )
    assert status == 404 and headers["content-language"] == "zh-Hant"
    assert json.loads(answer)["title"] == "找不到"


def test_case_status_and_validate(server: Server) -> None:
    events = json.loads(
        (ROOT / "examples" / "cases" / f"{POLICY}.json").read_text(encoding="utf-8")
    )
    status, body = server.post_json(
        f"/v1/policies/{POLICY}/status", {"events": events, "at": "2026-10-10T09:00:00+08:00"}
    )
    answer = json.loads(body)
    assert status == 200 and answer["policy"]["version"] == "2026.5"
    assert "next_change" in answer
    text = (ROOT / "policies" / "hotel.yaml").read_text(encoding="utf-8")
    ok = json.loads(server.post_json("/v1/validate", {"yaml": text})[1])
    assert ok["valid"] is True and ok["id"] == "hotel"
    broken = text.replace("id: hotel\n", "id: Hotel!\n", 1)
    bad = json.loads(server.post_json("/v1/validate", {"yaml": broken})[1])
    assert bad["valid"] is False
    assert bad["problems"][0]["path"] == ["id"] and bad["problems"][0]["line"] is not None


def test_health_ready_metrics_openapi(server: Server) -> None:
    server.post_json(DECIDE, BEFORE)
    server.post_json(DECIDE, {"received_at": "bad"})
    assert json.loads(server.call("GET", "/healthz")[2]) == {"status": "ok"}
    ready = json.loads(server.call("GET", "/readyz")[2])
    assert ready["ready"] is True and ready["last_reload_error"] is None
    status, headers, metrics = server.call("GET", "/metrics")
    text = metrics.decode()
    assert status == 200 and headers["content-type"].startswith("text/plain")
    assert re.search(r'complaint_rules_requests_total\{operation="decide",status="200"\} \d', text)
    assert 'complaint_rules_request_seconds_bucket{le="0.005",operation="decide"}' in text
    assert f'complaint_rules_decisions_total{{policy="{POLICY}",version="2026.5"}}' in text
    assert f'complaint_rules_rejections_total{{policy="{POLICY}"}}' in text
    document = json.loads(server.call("GET", "/openapi.json")[2])
    assert document == json.loads((ROOT / "docs" / "openapi.json").read_text(encoding="utf-8"))


def test_the_token_guards_v1_and_reload_keeps_the_old_set_on_failure(
    token_server: tuple[Server, str, Path],
) -> None:
    server, token, directory = token_server
    auth = {"Authorization": f"Bearer {token}"}
    assert server.call("GET", "/v1/policies")[0] == 401
    assert server.call("GET", "/v1/policies", headers={"Authorization": "Bearer wrong"})[0] == 401
    assert server.call("GET", "/healthz")[0] == 200
    assert server.post_json(DECIDE, AFTER, **auth)[0] == 200
    assert json.loads(server.post_json(DECIDE, AFTER, **auth)[1])["policy"]["version"] == "2026.5"

    # A new version appears: reloadPolicies serves it.
    write_new_version(directory)
    status, _, body = server.call("POST", "/v1/reload", b"", auth)
    assert status == 200 and json.loads(body)["reloaded"] is True
    assert json.loads(server.post_json(DECIDE, AFTER, **auth)[1])["policy"]["version"] == (
        NEW_VERSION
    )
    # A broken file: SIGHUP's reload fails, the old set goes on, /readyz and the log say why.
    (directory / "broken.yaml").write_text("schema: nonsense\n", encoding="utf-8")
    server.sighup()
    for _ in range(100):
        ready = json.loads(server.call("GET", "/readyz")[2])
        if ready["last_reload_error"]:
            break
        time.sleep(0.1)
    assert "broken.yaml" in ready["last_reload_error"]
    assert ready["generation"] == 1
    assert json.loads(server.post_json(DECIDE, AFTER, **auth)[1])["policy"]["version"] == (
        NEW_VERSION
    )
    failed = [r for r in server.log() if r.get("event") == "reload" and not r["ok"]]
    assert failed and failed[-1]["trigger"] == "SIGHUP" and "broken.yaml" in failed[-1]["error"]
    # Fixed: SIGHUP again, and /readyz clears.
    (directory / "broken.yaml").unlink()
    server.sighup()
    for _ in range(100):
        ready = json.loads(server.call("GET", "/readyz")[2])
        if ready["generation"] == 2:
            break
        time.sleep(0.1)
    assert ready["generation"] == 2 and ready["last_reload_error"] is None
