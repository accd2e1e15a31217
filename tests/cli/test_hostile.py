"""Every command, driven with hostile input: never a traceback, never a hang, never a
host value or a control byte in what it prints; with ``--format json``, a problem
document on stdout.

The corpus (beyond the cases the unit tests pin down): JSON nested 100,000 deep, an
integer of 5,000 digits, NaN, duplicate keys, bytes that are not UTF-8, an empty file,
a FIFO where a file is expected, ESC sequences and personal data in event names, roles
and fact keys, bidi overrides and zero-width spaces in a policy's title, YAML 1.1
traps under explicit tags, null keys, a policy whose base is missing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from complaint_rules.errors import WorkerError
from tests.support.cli import run
from tests.support.policy_texts import MINI

MARK = "張三13800138000"
"""Personal data planted in the hostile input: it must never be printed."""
ESC = "\x1b[2J"

POLICY = "keyouqianqi_credit_union"
GOOD = {"received_at": "2026-09-30T10:00:00+08:00", "channel": "letter", "category": "work_error"}


def corpus(d: Path) -> dict[str, Path]:
    """The hostile JSON inputs, by name."""
    files = {
        "deep": "[" * 100_000,
        "deep_object": '{"a":' * 100_000,
        "long_int": '{"received_at": ' + "9" * 5000 + "}",
        "nan": json.dumps({**GOOD, "findings": [{"finding": "x", "count": 1}]}).replace(
            '"count": 1', '"count": NaN'
        ),
        "duplicate": '{"channel": "letter", "category": "work_error", '
        '"received_at": "2026-09-30T10:00:00+08:00", "channel": "media"}',
        "escape_keys": json.dumps({**GOOD, MARK + ESC: 1}),
        "list_one_bad": json.dumps([GOOD, {**GOOD, "channel": MARK + ESC}, GOOD]),
        "empty": "",
        "not_json": MARK + ESC,
    }
    out = {name: d / f"{name}.json" for name in files}
    for name, text in files.items():
        out[name].write_text(text, encoding="utf-8")
    out["latin1"] = d / "latin1.json"
    out["latin1"].write_bytes(b'{"channel": "\xe9' + ESC.encode() + b'"}')
    out["fifo"] = d / "fifo.json"
    os.mkfifo(out["fifo"])
    return out


def events(d: Path) -> dict[str, Path]:
    """Hostile case histories (JSON lists of events)."""
    at = GOOD["received_at"]
    received = {"event": "received", "at": at, "complaint": GOOD}
    cases = {
        "event_name": [received, {"event": MARK + ESC, "at": at}],
        "by_role": [received, {"event": "closed", "at": at, "by": MARK + ESC}],
        "facts_key": [received, {"event": "updated", "at": at, "facts": {MARK + ESC: 1}}],
        "field": [received, {"event": "closed", "at": at, MARK + ESC: 1}],
        "instant": [received, {"event": "closed", "at": MARK + ESC}],
    }
    out = {}
    for name, case in cases.items():
        out[name] = d / f"case_{name}.json"
        out[name].write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    return out


def policies(d: Path) -> dict[str, Path]:
    """Hostile policy files."""
    texts = {
        "bidi": MINI.replace("title: 測試辦法", "title: 測試\u202e辦法\u200b"),
        "tags": MINI.replace('version: "1"', "version: !!bool yes"),
        "null_key": MINI.replace("source: tests", "source: tests\nnull: x\n~: y"),
        "octal": MINI.replace('version: "1"', "version: 0o17"),
        "missing_base": MINI.replace("source: tests", "source: tests\nextends: nowhere"),
        "deep": "a: " + "[" * 100_000,
        "garbage": "\udcff",
    }
    out = {}
    for name, text in texts.items():
        out[name] = d / f"{name}.yaml"
        out[name].write_bytes(text.encode("utf-8", "surrogateescape"))
    out["fifo"] = d / "fifo_policy.yaml"
    os.mkfifo(out["fifo"])
    return out


def clean(out: str, err: str, as_json: bool) -> None:
    assert MARK not in out + err and "\x1b" not in out + err
    assert "Traceback" not in out + err
    if as_json:
        document = json.loads(out)
        documents = document if isinstance(document, list) else [document]
        problems = [p for d in documents if "problems" in d for p in d["problems"]]
        # A case's status with the events it rejected (and why) is an answer, not a failure.
        rejected = [r for d in documents for r in d.get("rejected", [])]
        assert problems or rejected, out
        assert all(p["code"] and "." in p["code"] for p in problems)


def test_every_command_with_hostile_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = corpus(tmp_path)
    cases = events(tmp_path)
    bad = policies(tmp_path)
    history = tmp_path / "h.jsonl"
    history.write_text(
        "\n".join(
            p.read_text(encoding="utf-8")
            for n, p in data.items()
            if n not in ("fifo", "latin1", "empty")
        )
        + "\n"
        + json.dumps(GOOD)
        + "\n",
        encoding="utf-8",
    )
    html_out = tmp_path / "html"
    checked = 0
    for fmt in ("json", "text"):
        runs: list[tuple[str, ...]] = []
        for path in data.values():
            runs.append(("decide", POLICY, str(path)))
            runs.append(("explain", POLICY, str(path), "--lang", "en"))
            runs.append(("status", POLICY, str(path), "--at", "2026-10-09T09:00:00+08:00"))
        for path in cases.values():
            runs.append(("status", POLICY, str(path), "--at", "2026-10-09T09:00:00+08:00"))
        for path in bad.values():
            runs += [
                ("validate", str(path)),
                ("lint", str(path)),
                ("decide", str(path), str(data["empty"])),
                ("diff", str(path), POLICY),
                ("test", str(path)),
                ("graph", str(path)),
                ("coverage", str(path), str(data["fifo"])),
                ("html", str(path), "-o", str(html_out)),
                ("impact", str(path), POLICY, str(history)),
            ]
        runs.append(("coverage", POLICY, str(data["fifo"])))
        runs.append(("--policy-dir", str(tmp_path), "list"))
        runs.append(("schema", "-o", str(tmp_path / "missing" / "x.json")))
        for argv in runs:
            graph_like = argv[0] in ("graph", "coverage", "test") and fmt == "json"
            extra = () if argv[0] in ("graph", "coverage") else ("--format", fmt)
            code, out, err = run(capsys, *argv, *extra)
            assert code == 1, (argv, out, err)
            clean(out, err, fmt == "json" and not graph_like and argv[-1] != "list")
            checked += 1
    assert checked > 200


@pytest.mark.parametrize("workers", [1, 2])
def test_impact_goes_on_past_every_bad_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, workers: int
) -> None:
    data = corpus(tmp_path)
    names = ("deep", "long_int", "duplicate", "nan", "escape_keys", "not_json", "list_one_bad")
    lines = [data[n].read_text(encoding="utf-8") for n in names]
    history = tmp_path / "h.jsonl"
    history.write_text("\n".join([*lines, json.dumps(GOOD)] * 3) + "\n", encoding="utf-8")
    code, out, err = run(
        capsys,
        "impact",
        POLICY,
        POLICY,
        str(history),
        "--format",
        "json",
        "--workers",
        str(workers),
        "--chunk-size",
        "2",
    )
    report = json.loads(out)
    assert (code, report["decided"], report["bad"]) == (0, 3, 21)
    assert err.count("\n") == 21
    clean(out, err, as_json=False)


def test_a_dead_worker_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import complaint_rules.cli.impact as impact_cli

    def dies(*args: object, **kwargs: object) -> object:
        raise WorkerError(41, "line")

    monkeypatch.setattr(impact_cli, "impact_lines", dies)
    history = tmp_path / "h.jsonl"
    history.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "impact", POLICY, POLICY, str(history), "--workers", "2")
    assert (code, out) == (1, "")
    assert err == (
        "<input>: a worker process stopped (killed, or out of memory): line 41 and every one "
        "after it were not decided\n"
    )


def _exit_on_three(policies: object, index: int, item: int, context: object) -> int:
    if item == 3:
        os._exit(9)  # a worker killed mid-chunk
    return item


def test_a_worker_killed_in_a_stream_raises_naming_what_was_not_decided() -> None:
    from complaint_rules.decision.batch import stream

    step: Callable[..., int] = _exit_on_three
    got: list[int] = []

    def drain() -> None:
        got.extend(stream(step, (), range(10), None, workers=2, chunk_size=2))

    with pytest.raises(WorkerError) as info:
        drain()
    assert got == [0, 1]  # the items before the dead chunk were given
    assert (info.value.first, str(info.value)) == (
        2,
        "a worker process stopped (killed, or out of memory): item 2 (counted from 0) and "
        "every one after it were not decided",
    )
