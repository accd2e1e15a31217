"""The workbench's views as HTML: the month calendar against the official schedule,
worked out by hand, and the one place a deadline's due instant is read."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from complaint_rules import Catalog, decide
from complaint_rules.decision.model import DecidedDue
from complaint_rules.studio.views import deadline_due, month_calendars
from complaint_rules.studio.words import Words

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_the_calendar_marks_the_spring_festival_and_its_make_up_saturdays() -> None:
    # 2026 (State Council): Spring Festival 15-23 February off; Saturdays 14 and 28
    # February worked. Received Friday 13 February; a deadline on Wednesday 25 February.
    policy = Catalog().load("keyouqianqi_credit_union")
    received = datetime(2026, 2, 13, 9, 0, tzinfo=SHANGHAI)
    due = DecidedDue(
        last_day=date(2026, 2, 25), late_from=datetime(2026, 2, 26, 0, 0, tzinfo=SHANGHAI)
    )
    html = month_calendars(policy, received, [("回復", due)], Words("zh-Hant"))
    cells = {d: c for c, d in re.findall(r'<td class="([^"]*)" data-date="([\d-]+)"', html)}
    assert cells["2026-02-13"] == "received"
    assert cells["2026-02-14"] == "makeup"
    assert cells["2026-02-28"] == "makeup"
    for day in ("2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"):
        assert cells[day] == "holiday", day
    assert cells["2026-02-23"] == "holiday"  # Monday 23 February, the last day off
    assert cells["2026-02-15"] == "weekend"  # a Sunday is off anyway
    assert cells["2026-02-25"] == "due"
    assert "2026-03-01" not in cells  # one month: nothing falls in March
    assert html.count('<table class="month">') == 1


def test_the_due_instant_is_read_in_one_place() -> None:
    policy = Catalog().load("keyouqianqi_credit_union")
    decision = decide(
        policy,
        {"received_at": "2026-09-30T10:00:00+08:00", "channel": "letter", "category": "work_error"},
    )
    # Wed 30 Sep; 1-7 Oct off; Thu 8 = 1, Fri 9 = 2, Sat 10 (worked) = 3.
    # The last day ends at 24:00: late from Sun 11 Oct 00:00 (民法典 第二百零三條).
    assert [deadline_due(d) for d in decision.deadlines] == [
        DecidedDue(
            last_day=date(2026, 10, 10), late_from=datetime(2026, 10, 11, 0, 0, tzinfo=SHANGHAI)
        )
    ]


def test_the_docs_show_every_screenshot_scripts_screenshots_takes() -> None:
    from tests.support import ROOT
    from tests.support.screenshots import SHOTS

    images = {f"workbench-{name}.png" for name in SHOTS}
    assert {p.name for p in (ROOT / "docs" / "images").glob("workbench-*.png")} == images
    for doc, prefix in (
        ("docs/workbench.md", "images/"),
        ("docs/zh/workbench.md", "../images/"),
    ):
        text = (ROOT / doc).read_text(encoding="utf-8")
        shown = set(re.findall(rf"\]\({re.escape(prefix)}(workbench-[a-z]+\.png)\)", text))
        assert shown == images, doc
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/images/workbench-try.png)" in readme
