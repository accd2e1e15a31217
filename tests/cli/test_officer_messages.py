"""What an officer editing a copy of 科右前旗's policy meets, in each language: the words
they type accepted, and each mistake explained at its line and column with the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import run

ROOT = Path(__file__).resolve().parents[2]
POLICY = (ROOT / "policies" / "keyouqianqi_credit_union.yaml").read_text(encoding="utf-8")


def edited(tmp_path: Path, old: str, new: str, name: str = "k.yaml") -> Path:
    assert POLICY.count(old) >= 1, old
    path = tmp_path / name
    path.write_text(POLICY.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_labels_simplified_forms_chinese_keys_and_full_width_digits_are_accepted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = (
        POLICY.replace("        by: [complained_unit]", "        by: [被投诉单位]", 1)
        .replace("    when: {level: general}", "    when: {level: 一般投诉}", 1)
        .replace("within: {working_days: 3}", "within: {工作日: ３}", 1)
    )
    assert text != POLICY
    path = tmp_path / "k.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "validate", str(path))
    assert (code, err) == (0, "")
    assert out.startswith(f"ok\t{path}\tkeyouqianqi_credit_union ")
    # And decides as the policy as bundled: 3 working days from Wed 30 Sep 2026, the
    # National Day holiday 1-7 Oct skipped, Sat 10 Oct a make-up workday.
    complaint = tmp_path / "c.json"
    complaint.write_text(
        '{"received_at": "2026-09-30T10:00:00+08:00", "channel": "信件投訴", '
        '"category": "工作失誤"}',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "decide", str(path), str(complaint))
    assert code == 0 and '"last_day": "2026-10-10"' in out


def test_a_new_channel_is_found_by_its_simplified_form_without_aliases(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = edited(
        tmp_path,
        "  channels:\n",
        "  channels:\n    - id: wechat\n      label: 微信投訴\n",
    )
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "    when: {level: general}", "    when: {level: general, channel: [微信投诉]}", 1
        ),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "validate", str(path))
    assert (code, err) == (0, "")


MESSAGES = {
    "zh-Hant": "這裡有全形字元「\uff1a」(FULLWIDTH COLON),應該用半形的「:」。",
    "zh-Hans": "这里有全角字符「\uff1a」(FULLWIDTH COLON),应该用半角的「:」。",
    "en": "there is a full-width \u201c\uff1a\u201d (FULLWIDTH COLON) here where YAML needs "
    "the ASCII \u201c:\u201d",
}


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans", "en"])
def test_a_full_width_colon_is_named_at_its_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str
) -> None:
    path = edited(tmp_path, "within: {working_days: 3}", "within：\n          working_days: 3")
    number = line_of(path, "within：")
    code, out, err = run(capsys, "validate", str(path), "--lang", lang.upper())
    assert (code, out) == (1, "")
    head, shown, caret = err.splitlines()
    assert head.startswith(f"{path}:{number}:15: {MESSAGES[lang]}")
    assert shown == f"{number:>5} |         within："
    assert caret == "      |               ^"


INDENT = {
    "zh-Hant": "縮排對不齊:這一行的空格數目和上一層的項目不一致。",
    "zh-Hans": "缩进对不齐:这一行的空格数目和上一层的项目不一致。",
    "en": "the indentation does not line up: this line starts at a different column",
}


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans", "en"])
def test_wrong_indentation_is_explained_in_words_in_the_chosen_language(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
) -> None:
    path = edited(
        tmp_path, "within: {working_days: 3}", "within: {working_days: 3}\n         note: x"
    )
    number = line_of(path, "         note: x")
    monkeypatch.setenv("COMPLAINT_RULES_LANG", lang.lower())
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    assert err.splitlines()[0].startswith(f"{path}:{number}:10: {INDENT[lang]}")
    assert "while parsing a block mapping" not in err


def test_the_locale_chooses_the_language_when_nothing_else_does(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = edited(tmp_path, "        by: [complained_unit]", "        by: [被投诉单位，当事人]")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    assert "「被投诉单位，当事人」里有全角逗号「，」(FULLWIDTH COMMA)" in err
    monkeypatch.setenv("LANG", "zh_TW.UTF-8")
    code, _, err = run(capsys, "validate", str(path))
    assert "「被投诉单位，当事人」裡有全形逗號「，」(FULLWIDTH COMMA)" in err


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh-Hant", "「專人部門」不是這份政策裡的角色。請寫角色的代號、標籤或別名(繁體、簡體皆可)"),
        ("zh-Hans", "「專人部門」不是这份政策里的角色。请写角色的代号、标签或别名(繁体、简体皆可)"),
        ("en", "\u201c專人部門\u201d is not a role of this policy. Write the role's id, label or"),
    ],
)
def test_a_word_that_names_no_role_lists_the_roles(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str, expected: str
) -> None:
    path = edited(tmp_path, "        by: [complained_unit]", "        by: [專人部門]")
    code, _, err = run(capsys, "validate", str(path), "--lang", lang)
    assert code == 1
    assert expected in err
    assert "first_receiver (第一時間接受客戶投訴者)" in err


def test_a_word_that_could_mean_two_roles_is_refused_with_the_candidates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = edited(
        tmp_path, "      label: 接收部門\n", "      label: 接收部門\n      aliases: [專人]\n"
    )
    text = path.read_text(encoding="utf-8").replace(
        "        by: [complained_unit]", "        by: [专人]", 1
    )
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path), "--lang", "zh-hant")
    assert code == 1
    assert (
        "「专人」可能指好幾個角色:designated_receptionist (專人), receiving_dept (接收部門)。"
        "請改寫其中一個的代號。"
    ) in err


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh-Hant", "政策檔案 {p} 旁邊沒有測試檔 k.tests.yaml。"),
        ("zh-Hans", "政策文件 {p} 旁边没有测试文件 k.tests.yaml。"),
        ("en", "no tests file k.tests.yaml beside the policy file {p}"),
    ],
)
def test_test_given_a_policy_without_tests_says_where_they_belong(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str, expected: str
) -> None:
    path = edited(tmp_path, "version:", "version:")
    code, _, err = run(capsys, "test", str(path), "--lang", lang)
    assert code == 1
    assert expected.format(p=path) in err


def test_test_given_a_policy_runs_its_tests_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = edited(tmp_path, "version:", "version:", name="keyouqianqi_credit_union.yaml")
    tests = ROOT / "policies" / "keyouqianqi_credit_union.tests.yaml"
    (tmp_path / tests.name).write_bytes(tests.read_bytes())
    code, out, err = run(capsys, "test", str(path))
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == "22 cases in 1 file: 22 passed, 0 failed"
    code, out, _ = run(capsys, "test", str(path), str(tmp_path / tests.name), str(tmp_path))
    assert out.splitlines()[-1] == "22 cases in 1 file: 22 passed, 0 failed"  # run once


def test_help_is_in_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "zh-hant", "--help")
    assert code == 0
    assert "執行政策的測試案例(可給政策檔、測試檔或資料夾),並報告覆蓋率" in out
    code, out, _ = run(capsys, "test", "--help", "--lang", "zh-Hans")
    assert "执行政策的测试案例" in out


def test_diff_and_lint_flag_a_change_under_an_unchanged_version(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = edited(tmp_path, "within: {working_days: 3}", "within: {working_days: 2}")
    code, out, _ = run(capsys, "diff", "keyouqianqi_credit_union", str(path))
    assert code == 1
    head = out.split("\n\n")[0].splitlines()
    assert head[0].startswith(
        "keyouqianqi_credit_union 2026.5 → keyouqianqi_credit_union 2026.5: 1 behavioural change"
    )
    assert head[1].startswith("(a kind of complaint is one combination of channel, category")
    assert head[-1] == (
        "warning: the content changed but the version is still \u201c2026.5\u201d: give the "
        "changed policy a new version, so that decisions say which text they followed."
    )
    code, out, _ = run(capsys, "lint", str(path), "--base", "keyouqianqi_credit_union")
    assert code == 1
    number = line_of(path, 'version: "2026.5"')
    assert f"{path}:{number}: version: error version-unchanged: the content changed" in out
    bumped = tmp_path / "bumped.yaml"
    bumped.write_text(
        path.read_text(encoding="utf-8").replace('version: "2026.5"', 'version: "2026.6"'),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "diff", "keyouqianqi_credit_union", str(bumped))
    assert code == 1 and "warning:" not in out
    code, out, _ = run(capsys, "lint", str(bumped), "--base", "keyouqianqi_credit_union")
    assert "version-unchanged" not in out
