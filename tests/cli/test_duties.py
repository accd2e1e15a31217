"""complaint-rules duties: the institution's recurring duties in a month, as text or JSON."""

from __future__ import annotations

import json

import pytest

from tests.support.cli import run


def test_the_months_duties_as_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    # XX銀行 第十條: 月底前; Sat Oct 31 2026 is a rest day, so Mon Nov 2 (民法典 第二百零三條).
    code, out, err = run(capsys, "duties", "xx_bank", "--month", "2026-10")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        "2026-10-01..2026-10-31 monthly_complaint_summary: 各行處會計每月對投訴情況進行匯總、核實、"
        "統計分析,月底前上報合行紀檢監察部 — 各行處會計 → 紀檢監察部; due by the end of "
        "2026-11-02 (24:00) (2026-10-31 is a rest day: moved per 民法典 第二百零三條) [第十條]"
    )
    assert out.splitlines()[1].endswith("; no date in the source [第十條]")
    code, out, _ = run(capsys, "duties", "xx_bank", "--month", "2026-10", "--format", "json")
    first = json.loads(out)[0]
    assert (first["nominal_day"], first["due"], first["rolled"]) == (
        "2026-10-31",
        {"last_day": "2026-11-02", "late_from": "2026-11-03T00:00:00+08:00"},
        True,
    )


def test_a_year_a_bad_month_and_a_policy_with_none(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "duties", "xx_bank", "--year", "2026")
    assert (code, len(out.splitlines())) == (0, 24)
    code, out, err = run(capsys, "duties", "xx_bank", "--month", "2026-13")
    assert (code, out) == (1, "")
    assert "a period is a month (YYYY-MM, e.g. 2026-10) or a year (YYYY), not '2026-13'" in err
    code, out, _ = run(capsys, "duties", "hotel", "--month", "2026-10")
    assert (code, out) == (0, "no periodic duty falls in this period\n")
    code, _, err = run(capsys, "duties", "xx_bank")
    assert code == 2 and "one of the arguments --month --year is required" in err
