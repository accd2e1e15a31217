"""The workbench's screenshots for docs/workbench.md and the README (zh-Hant), taken in
Debian's Chromium: ``scripts/screenshots`` runs this; the browser tests take their own
into a temporary folder."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from .studio import CHROMIUM_FLAGS, EDITABLE, editable_directory, serving

SHOTS = ("index", "read", "try", "edit", "changes")
"""docs/images/workbench-<name>.png, in this order in docs/workbench.md."""


def take(out: Path, chromium: str = "/usr/bin/chromium") -> list[Path]:
    """Each view of the workbench as a PNG in ``out``; the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with (
        tempfile.TemporaryDirectory() as where,
        serving(editable_directory(Path(where))) as base,
        sync_playwright() as p,
    ):
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860})

        def shot(name: str) -> None:
            path = out / f"workbench-{name}.png"
            page.screenshot(path=path)
            written.append(path)

        # The index with two versions of the editable policy, each with its dates: a
        # version in force from 1 January 2027 for the time of the shot.
        dated = Path(where) / "policies" / f"{EDITABLE}@{NEXT_YEAR}.yaml"
        dated.write_text(_next_version(Path(where) / "policies"), encoding="utf-8")
        page.goto(f"{base}/")
        shot("index")
        dated.unlink()
        page.goto(f"{base}/policies/keyouqianqi_credit_union#classification")
        shot("read")
        page.goto(
            f"{base}/policies/keyouqianqi_credit_union/try?received=2026-09-30T10:00"
            "&channel=letter&category=work_error"
        )
        page.locator("#decision").scroll_into_view_if_needed()
        page.evaluate("document.getElementById('decision').scrollIntoView()")
        shot("try")
        page.goto(f"{base}/policies/{EDITABLE}/edit")
        _break(page)
        shot("edit")
        # The draft gives 一般投訴 4 working days instead of 第十一條's 3.
        page.goto(f"{base}/policies/{EDITABLE}/edit")
        page.wait_for_selector("#edit-state.ok")
        draft = page.input_value("#yaml").replace(
            "within: {working_days: 3}", "within: {working_days: 4}", 1
        )
        _set(page, draft)
        page.click("#to-changes")
        page.wait_for_load_state("load")
        page.select_option("#history", "0/histories/keyouqianqi_credit_union.jsonl")
        page.click("#run-changes")
        page.wait_for_selector("#impact-counts", timeout=120_000)
        page.evaluate("document.getElementById('impact').scrollIntoView()")
        shot("changes")
        browser.close()
    return written


NEXT_YEAR = "2027-01-01"


def _next_version(directory: Path) -> str:
    """The editable policy as a version in force from :data:`NEXT_YEAR`."""
    text = (directory / f"{EDITABLE}.yaml").read_text(encoding="utf-8")
    old = 'version: "2026.5"\n'
    assert text.count(old) == 1
    return text.replace(old, f'version: "2027.1"\neffective_from: {NEXT_YEAR}\n')


def _break(page: Page) -> None:
    """A field the format does not have, on line 4: its problem shows beside the line."""
    page.wait_for_selector("#edit-state.ok")
    text = page.input_value("#yaml").split("\n")
    _set(page, "\n".join([*text[:3], "reviewed_by: nobody", *text[3:]]))
    page.wait_for_selector("#marks .problem")


def _set(page: Page, text: str) -> None:
    """``text`` in the editor as one input (a paste), scrolled to the top."""
    page.eval_on_selector(
        "#yaml",
        "(area, text) => { area.value = text; area.scrollTop = 0;"
        " area.dispatchEvent(new Event('input')); }",
        text,
    )


if __name__ == "__main__":
    for path in take(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/images")):
        print(path)
