"""``complaint-rules serve --stdio``: JSON lines in, one line out per request, in order."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from complaint_rules import Catalog, decide_json
from tests.support import ROOT
from tests.support.server import BIN
from tests.support.versions import NEW_VERSION, POLICY, write_new_version

COMPLAINTS = json.loads(
    (ROOT / "examples" / "complaints" / f"{POLICY}.json").read_text(encoding="utf-8")
)


def _serve(lines: list[bytes], *dirs: Path) -> list[bytes]:
    command = [str(BIN / "complaint-rules")]
    for d in dirs:
        command += ["--policy-dir", str(d)]
    run = subprocess.run(
        [*command, "serve", "--stdio"],
        input=b"".join(lines),
        capture_output=True,
        check=False,
        timeout=120,
        env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"},
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.splitlines()


def _line(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode() + b"\n"


def test_ready_line_then_one_reply_per_request_in_order(tmp_path: Path) -> None:
    write_new_version(tmp_path)
    requests = [
        _line({"id": i, "op": "decide", "policy": POLICY, "complaint": c})
        for i, c in enumerate(COMPLAINTS)
    ]
    requests += [
        b"{not json\n",
        b"[1, 2]\n",
        _line({"id": "x", "op": "frobnicate"}),
        _line({"id": "y", "op": "decide", "policy": "nope", "complaint": {}}),
        _line({"id": "z", "op": "decide", "policy": POLICY, "complaint": {"channel": "?"}}),
        _line({"id": "l", "op": "listPolicies"}),
        _line(
            {
                "id": "b",
                "op": "decideBatch",
                "policy": POLICY,
                "complaints": [
                    COMPLAINTS[0],
                    {
                        "received_at": "2026-11-02T10:00:00+08:00",
                        "channel": "信件投訴",
                        "category": "工作失誤",
                    },
                ],
            }
        ),
        _line(
            {"id": "e", "op": "explain", "policy": POLICY, "complaint": COMPLAINTS[0], "lang": "en"}
        ),
    ]
    out = _serve(requests, tmp_path)
    ready = json.loads(out[0])
    assert ready["ready"] is True and ready["protocol"] == "complaint-rules/stdio/1"
    held = [(p["id"], p["version"]) for p in ready["policies"] if p["id"] == POLICY]
    assert held == [(POLICY, "2026.5"), (POLICY, NEW_VERSION)]
    assert all(len(p["sha256"]) == 64 for p in ready["policies"])
    replies = out[1:]
    assert len(replies) == len(requests)
    policy = Catalog().load(POLICY)
    for i, complaint in enumerate(COMPLAINTS):
        expected = (
            b'{"id":%d,"op":"decide","ok":true,"result":' % i
            + decide_json(policy, complaint).encode()
            + b"}"
        )
        assert replies[i] == expected
    rest = [json.loads(r) for r in replies[len(COMPLAINTS) :]]
    assert [(r["id"], r["ok"]) for r in rest] == [
        (None, False),
        (None, False),
        ("x", False),
        ("y", False),
        ("z", False),
        ("l", True),
        ("b", True),
        ("e", True),
    ]
    assert rest[0]["problem"]["problems"][0]["code"] == "json.syntax"
    assert rest[3]["problem"]["status"] == 404
    assert rest[4]["problem"]["status"] == 422
    assert [d["policy"]["version"] for d in rest[6]["result"]] == ["2026.5", NEW_VERSION]
    assert rest[7]["result"]["lang"] == "en"


def test_each_reply_is_flushed_before_the_next_request_is_read() -> None:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    process = subprocess.Popen(
        [str(BIN / "complaint-rules"), "serve", "--stdio"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        assert json.loads(process.stdout.readline())["ready"] is True
        for i in range(3):  # a reply arrives while the pipe is still open
            process.stdin.write(
                _line({"id": i, "op": "decide", "policy": POLICY, "complaint": COMPLAINTS[0]})
            )
            process.stdin.flush()
            reply = json.loads(process.stdout.readline())
            assert (reply["id"], reply["ok"]) == (i, True)
    finally:
        process.stdin.close()
        assert process.wait(timeout=30) == 0


def test_pins_are_the_catalogs_every_version_pinned_or_refused(tmp_path: Path) -> None:
    """``serve --pin ID=SHA256``: pins go to the catalog; with every layer of every version
    pinned the service starts and holds those bytes; a version left unpinned is refused
    before anything is served."""
    write_new_version(tmp_path)
    catalog = Catalog([tmp_path], entry_points=False)
    pins: list[str] = []
    for pid in catalog.ids():
        for version in catalog.versions(pid):
            for layer in version.layers:
                if f"{layer.id}={layer.sha256}" not in pins:
                    pins.append(f"{layer.id}={layer.sha256}")
    args = [a for pin in pins for a in ("--pin", pin)]
    command = [str(BIN / "complaint-rules"), "--policy-dir", str(tmp_path), "serve", "--stdio"]
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    ok = subprocess.run(
        [*command, *args], input=b"", capture_output=True, check=False, timeout=120, env=env
    )
    assert ok.returncode == 0, ok.stderr
    ready = json.loads(ok.stdout.splitlines()[0])
    held = {(p["id"], p["sha256"]) for p in ready["policies"]}
    assert {(POLICY, v.sha256) for v in catalog.versions(POLICY)} <= held
    new = catalog.versions(POLICY)[1]
    assert new.version == NEW_VERSION
    without_new = [a for pin in pins if pin != f"{POLICY}={new.sha256}" for a in ("--pin", pin)]
    refused = subprocess.run(
        [*command, *without_new],
        input=b"",
        capture_output=True,
        check=False,
        timeout=120,
        env=env,
    )
    assert refused.returncode == 1 and refused.stdout == b""
    assert f"{POLICY}@2026-11-01.yaml" in refused.stderr.decode()
    assert "is pinned for" in refused.stderr.decode()
