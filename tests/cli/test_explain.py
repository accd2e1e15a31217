"""complaint-rules explain: a decision in plain words per complaint, in zh-Hant, zh-Hans or
en, as text or JSON; located messages and exit 1 for bad input or a missing extra."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.support import ROOT
from tests.support.cli import run
from tests.support.examples import EXAMPLES, example


def test_cli_text_json_and_languages(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(EXAMPLES / "keyouqianqi_credit_union.json")
    code, out, err = run(capsys, "explain", "keyouqianqi_credit_union", path, "--lang", "zh-hant")
    assert (code, err) == (0, "")
    assert out.count("政策 keyouqianqi_credit_union 2026.5") == 3
    assert "最遲須於 2026-10-19 24時前完成" in out
    code, out, _ = run(capsys, "explain", "keyouqianqi_credit_union", path, "--format", "json")
    data = json.loads(out)
    assert code == 0 and len(data) == 3
    assert set(data[0]) == {"policy", "version", "lang", "received_at", "decided_at", "lines"}
    assert set(data[0]["lines"][0]) == {"kind", "text", "rule", "article", "layer"}
    assert next(x for x in data[0]["lines"] if x["kind"] == "deadline")["rule"] == "limit_complex"
    code, out, _ = run(capsys, "explain", "keyouqianqi_credit_union", path, "--lang", "en")
    assert code == 0 and "[limit_complex · 第十一條 (Art. 11)]" in out
    code, out, _ = run(capsys, "explain", "keyouqianqi_credit_union", path, "--lang", "zh-Hans")
    assert code == 0 and "[limit_complex · 第十一条]" in out and "第十一條" not in out


def test_cli_one_object_gives_one_json_object(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "c.json"
    path.write_text(json.dumps(example("xx_bank", 0), ensure_ascii=False), encoding="utf-8")
    policy = str(ROOT / "policies" / "xx_bank.yaml")
    code, out, err = run(capsys, "explain", policy, str(path), "--format", "json", "--lang", "en")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["policy"], data["lang"]) == ("xx_bank", "en")


def test_cli_bad_complaint_exits_1_with_located_messages(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.json"
    good = {"received_at": "2026-09-30T10:00:00+08:00", "channel": "letter", "category": "工作失誤"}
    bad = {"received_at": "2026-09-30T10:00:00", "channel": "letr", "category": "工作失誤"}
    path.write_text(json.dumps([good, bad], ensure_ascii=False), encoding="utf-8")
    code, out, err = run(
        capsys, "explain", "keyouqianqi_credit_union", str(path), "--lang", "zh-Hant"
    )
    assert code == 1
    assert out.startswith("政策 keyouqianqi_credit_union") and out.count("政策 ") == 1
    assert err.splitlines() == [
        # Wholly in the officer's language; ids, labels and values as they are.
        f"{path}: [1].received_at: received_at 沒有時區;請加上,例如 2026-09-30T10:00:00+08:00",
        f"{path}: [1].channel: 不認識的渠道;可以寫:phone (電話投訴), "
        "comment_book (意見簿(箱)投訴), in_person (上門投訴), letter (信件投訴), media (媒體投訴), "
        "forwarded_by_superior (上級社轉來的投訴), forwarded_by_government (政府部門轉來的投訴);"
        "最接近的是 letter (信件投訴)",
    ]


def test_cli_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(EXAMPLES / "hotel.json")
    code, out, err = run(capsys, "explain", "hotel", path, "--lang", "fr")
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == (
        "complaint-rules explain: error: argument --lang: "
        "\u201cfr\u201d is not a language; use zh-Hant, zh-Hans or en."
    )


def test_cli_unpublished_year_exits_1_unless_estimated(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "late.json"
    late = {"received_at": "2026-12-30T10:00:00+08:00", "channel": "letter", "category": "違規操作"}
    path.write_text(json.dumps(late, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "explain", "keyouqianqi_credit_union", str(path))
    assert (code, out) == (1, "")
    assert err.startswith(f"{path}: the official holiday schedule for 2027 is not known")
    code, out, err = run(
        capsys, "explain", "keyouqianqi_credit_union", str(path), "--estimate", "--lang", "zh-Hant"
    )
    assert (code, err) == (0, "")
    assert "(估算:該年度的節假日安排尚未公布)" in out


def test_cli_missing_extra_exits_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # OpenCC is a dependency: a broken install without it cannot match a policy's words
    # in either script, and says how to install it (no traceback).
    from complaint_rules.messages import simplified

    monkeypatch.setitem(sys.modules, "opencc", None)
    simplified._converter.cache_clear()
    simplified.matching_key.cache_clear()
    path = str(EXAMPLES / "hotel.json")
    try:
        code, out, err = run(capsys, "explain", "hotel", path, "--lang", "zh-Hans")
    finally:
        simplified._converter.cache_clear()
        simplified.matching_key.cache_clear()
    assert (code, out) == (1, "")
    # Said in the officer's language (zh-Hans here); the command to run stays as it is.
    assert err == (
        "错误:比对繁体和简体中文需要 OpenCC(complaint-rules 的依赖包):"
        "pip install 'opencc>=1.1.6,<2'\n"
    )


def test_help_shows_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", "--help")
    assert code == 0
    assert "complaint-rules explain keyouqianqi_credit_union examples/complaints/" in out
