"""The workbench in a real browser: Playwright driving Debian's Chromium (installed with
apt-get when missing; never skipped). For every bundled policy: each view loads with no
console error; the form's decision shows the due dates ``decide`` gives; an edit that
breaks the policy shows the located message on its line, and fixing it clears it; the
test cases run from the page report what ``complaint-rules test`` reports. Screenshots
of each view (zh-Hant) go to a temporary folder."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, sync_playwright

from complaint_rules import Catalog, decide
from complaint_rules.cli import main
from complaint_rules.decision.complaint import parse_complaint
from complaint_rules.decision.render import due_text
from complaint_rules.studio.views import deadline_due, due_day
from tests.support import ROOT
from tests.support.studio import CHROMIUM_FLAGS, EDITABLE, editable_directory, serving
from tests.support.system import require_command, require_package

BUNDLED = [
    "bocom",
    "cn_banking_baseline",
    "hotel",
    "keyouqianqi_credit_union",
    "shihua_credit_coop",
    "xx_bank",
]
VIEWS = ("", "/try", "/edit", "/changes")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    chromium = require_command("chromium", "chromium")
    require_package("fonts-noto-cjk", provides="/usr/share/fonts/opentype/noto")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    directory = editable_directory(tmp_path_factory.mktemp("workbench"))
    with serving(directory) as url:
        yield url


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


class Console:
    """The page's console errors and uncaught exceptions, and failed requests."""

    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        page.on("console", self.console)
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        page.on("requestfailed", self.failed)

    def failed(self, request: Request) -> None:
        # A check still on its way when the test leaves the page is cancelled, not failed.
        if request.failure != "net::ERR_ABORTED":
            self.errors.append(f"request failed: {request.url} ({request.failure})")

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"{message.text} ({message.location.get('url')})")


@pytest.fixture
def page(browser: Browser) -> Iterator[tuple[Page, Console]]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-TW")
    opened = context.new_page()
    console = Console(opened)
    yield opened, console
    context.close()


def _example(policy_id: str) -> dict[str, Any] | None:
    """The first example complaint of the policy, as examples/complaints/ has it."""
    path = ROOT / "examples" / "complaints" / f"{policy_id}.json"
    if not path.exists():
        return None
    items = json.loads(path.read_text(encoding="utf-8"))
    return dict(items[0] if isinstance(items, list) else items)


@pytest.mark.parametrize("policy_id", BUNDLED)
def test_each_view_loads_without_a_console_error(
    page: tuple[Page, Console], base: str, shots: Path, policy_id: str
) -> None:
    tab, console = page
    for view in VIEWS:
        response = tab.goto(f"{base}/policies/{policy_id}{view}")
        assert response is not None and response.status == 200, view
        assert tab.locator("h1").count() == 1
        if view == "/edit":  # the check made on opening came back: no problem
            tab.wait_for_selector("#yaml[data-problem-lines='']", state="attached")
        name = view.strip("/") or "read"
        tab.screenshot(path=shots / f"{policy_id}-{name}.png")
        assert (shots / f"{policy_id}-{name}.png").stat().st_size > 10_000
    assert console.errors == []


@pytest.mark.parametrize("policy_id", BUNDLED)
def test_the_form_shows_the_due_dates_decide_gives(
    page: tuple[Page, Console], base: str, policy_id: str
) -> None:
    tab, console = page
    policy = Catalog().load(policy_id)
    tab.goto(f"{base}/policies/{policy_id}/try")
    if policy.policy.abstract:
        assert tab.locator("form.try").count() == 0
        assert tab.locator(".notice").count() == 1
        return
    example = _example(policy_id)
    assert example is not None, policy_id
    complaint = parse_complaint(policy, example)
    tz = complaint.received_at.tzinfo
    tab.fill("#received", complaint.received_at.strftime("%Y-%m-%dT%H:%M"))
    tab.select_option("#channel", complaint.channel)
    tab.select_option("#category", complaint.category)
    if complaint.level is not None:
        tab.select_option("#level", complaint.level)
    for finding in complaint.findings:
        tab.check(f"#finding-{finding.finding}")
        if finding.count != 1:
            tab.fill(f"[id='finding_count.{finding.finding}']", str(finding.count))
        if finding.roles:
            tab.select_option(f"[id='finding_roles.{finding.finding}']", list(finding.roles))
    for fact in policy.policy.facts:
        if fact.id not in example:
            continue
        value = complaint.facts[fact.id]
        field = f"[id='fact.{fact.id}']"
        if fact.type == "bool":
            tab.select_option(field, "true" if value else "false")
        elif fact.type == "datetime":
            assert isinstance(value, datetime)
            tab.fill(field, value.astimezone(tz).strftime("%Y-%m-%dT%H:%M"))
        else:
            tab.fill(field, str(value))
    tab.click("#decide")
    tab.wait_for_selector("#decision")
    shown = {
        row.get_attribute("data-deadline"): row.get_attribute("data-due")
        for row in tab.locator("tr[data-deadline]").all()
    }
    # The form has minutes; the examples are received on the minute.
    expected = decide(policy, example)
    due = {
        d.id: due_day(counted).isoformat() if (counted := deadline_due(d)) else ""
        for d in expected.deadlines
    }
    assert shown == due
    # Each due in words, as the decision's text says it: its last day, to 24:00.
    for d in expected.deadlines:
        counted = deadline_due(d)
        if counted is not None:
            cell = tab.inner_text(f"tr[data-deadline='{d.id}'] td.due")
            assert due_text(counted, "zh-Hant") in cell, (d.id, cell)
    # The whole decision, as the page gives it for machines, is decide's.
    assert json.loads(tab.text_content("#decision-json") or "") == json.loads(
        expected.model_dump_json()
    )
    # Each due day is marked on the month calendar.
    for day in filter(None, due.values()):
        if tab.locator(f"td[data-date='{day}']").count():
            assert "due" in (tab.locator(f"td[data-date='{day}']").get_attribute("class") or "")
    assert console.errors == []


def _edit(tab: Page, text: str) -> None:
    """``text`` in the editor, as one input (what pasting it does), the caret at the top."""
    tab.eval_on_selector(
        "#yaml",
        "(area, text) => { area.value = text; area.scrollTop = 0;"
        " area.dispatchEvent(new Event('input')); }",
        text,
    )


def _problem_line(tab: Page) -> list[str]:
    return [m.get_attribute("data-line") or "" for m in tab.locator("#marks .problem").all()]


@pytest.mark.parametrize("policy_id", BUNDLED)
def test_a_broken_edit_is_located_on_its_line_and_the_fix_clears_it(
    page: tuple[Page, Console], base: str, policy_id: str
) -> None:
    tab, console = page
    tab.goto(f"{base}/policies/{policy_id}/edit")  # zh-Hant, the officer's language
    tab.wait_for_selector("#edit-state.ok")
    original = tab.input_value("#yaml")
    lines = original.split("\n")
    # A field the format does not have, written as line 4 of the file.
    broken = "\n".join([*lines[:3], "reviewed_by: nobody", *lines[3:]])
    _edit(tab, broken)
    tab.wait_for_selector("#marks .problem")
    assert _problem_line(tab) == ["4"]
    # Said in the page's language: the catalogue's words for policy.unknown_key.
    said = "reviewed_by: 不認識的鍵「reviewed_by」。這裡可以寫:schema, id, version,"
    assert tab.inner_text("#marks .problem").startswith(said)
    assert tab.inner_text("#problems li").startswith("第 4 行 " + said)
    assert tab.get_attribute("#edit-state", "class") == "flag bad"
    _edit(tab, original)
    tab.wait_for_selector("#edit-state.ok")
    assert _problem_line(tab) == []
    assert console.errors == []


@pytest.mark.parametrize("policy_id", BUNDLED)
def test_the_test_cases_run_from_the_page_report_what_the_cli_reports(
    page: tuple[Page, Console],
    base: str,
    policy_id: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    tab, console = page
    tab.goto(f"{base}/policies/{policy_id}/changes?lang=en")
    tests = ROOT / "policies" / f"{policy_id}.tests.yaml"
    if not tests.exists():
        assert "no .tests.yaml" in tab.inner_text("#tests")
        return
    counts = tab.inner_text("#tests-counts")
    code = main(["test", str(tests)])
    out = capsys.readouterr().out
    cli = re.search(r"(\d+) cases? in 1 file: (\d+) passed, (\d+) failed", out)
    assert cli is not None
    assert counts == f"{cli[1]} cases: {cli[2]} passed, {cli[3]} failed"
    failed = set(re.findall(r"^FAIL [^:]+:\d+: (.*)$", out, re.M))
    shown = {row.locator("th").inner_text() for row in tab.locator("tr.case.failed").all()}
    assert shown == failed
    assert (code == 0) == (cli[3] == "0")
    coverage = re.search(rf"  {policy_id}: ([\d.]+)% \((\d+)/(\d+);", out)
    assert coverage is not None
    assert f"coverage {coverage[1]}% ({coverage[2]}/{coverage[3]})" in tab.inner_text("#tests")
    assert console.errors == []


def test_saving_an_edit_and_the_impact_with_its_progress_bar(
    page: tuple[Page, Console], base: str, shots: Path
) -> None:
    tab, console = page
    tab.goto(f"{base}/policies/{EDITABLE}/edit")
    tab.wait_for_selector("#edit-state.ok")
    text = tab.input_value("#yaml")
    draft = text.replace("within: {working_days: 3}", "within: {working_days: 4}", 1)
    assert draft != text
    _edit(tab, draft)
    tab.wait_for_selector("#edit-state.ok")
    tab.click("#to-changes")
    tab.wait_for_selector("#changes-form")
    tab.wait_for_load_state("load")  # the script (deferred) has run
    tab.select_option("#history", "0/histories/keyouqianqi_credit_union.jsonl")
    tab.click("#run-changes")
    tab.wait_for_selector("#impact-counts", timeout=60_000)
    counts = tab.inner_text("#impact-counts")
    # Lines 57, 143 and 250 of the sample history are bad on purpose (its README).
    assert re.match(r"重新判定 297 件,[1-9]\d* 件的決定改變,3 行無法讀取", counts), counts
    assert "57, 143, 250" in tab.inner_text("pre.impact") or "57" in tab.inner_text("pre.impact")
    tab.wait_for_selector("#diff-verdict.bad")
    assert tab.get_attribute("#impact-progress", "max") == "300"
    tab.screenshot(path=shots / "changes-impact.png", full_page=True)
    tab.goto(f"{base}/policies/{EDITABLE}/edit")
    _edit(tab, draft)
    tab.click("#save")
    tab.wait_for_selector("#edit-state.ok:text('已儲存')")
    tab.goto(f"{base}/")
    row = tab.inner_text(f"#policy-{EDITABLE}")
    assert "2026.5" in row
    assert console.errors == []


def test_the_read_and_try_views_work_with_javascript_off(browser: Browser, base: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{base}/policies/keyouqianqi_credit_union")
    assert tab.locator("svg").count() >= 1
    assert tab.locator("#classification table").count() >= 1
    tab.goto(f"{base}/policies/keyouqianqi_credit_union/try")
    assert not tab.is_visible("#add-event")  # the one control that needs the script
    tab.fill("#received", "2026-09-30T10:00")
    tab.select_option("#channel", "letter")
    tab.select_option("#category", "work_error")
    tab.click("#decide")
    tab.wait_for_selector("#decision")
    due = tab.get_attribute("tr[data-deadline='reply_general']", "data-due")
    assert due == "2026-10-10"  # Wed 30 Sep + 3 working days: Sat 10 Oct
    context.close()
