"""The workbench in tests: a copy of a bundled policy under a new id in an editable
directory, the server on a free loopback port in a thread, and Debian's Chromium."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from complaint_rules.studio.app import create_app
from complaint_rules.studio.workspace import Workspace

from . import ROOT

EDITABLE = "my_credit_union"
"""The editable policy: 科右前旗's policy under another id, with its tests and a history."""

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def editable_directory(where: Path) -> Path:
    """``where/policies`` with :data:`EDITABLE` (its tests file too) and a history."""
    directory = where / "policies"
    directory.mkdir()
    text = (ROOT / "policies" / "keyouqianqi_credit_union.yaml").read_text(encoding="utf-8")
    (directory / f"{EDITABLE}.yaml").write_text(
        text.replace("id: keyouqianqi_credit_union", f"id: {EDITABLE}", 1), encoding="utf-8"
    )
    tests = (ROOT / "policies" / "keyouqianqi_credit_union.tests.yaml").read_text(encoding="utf-8")
    (directory / f"{EDITABLE}.tests.yaml").write_text(
        tests.replace("keyouqianqi_credit_union", EDITABLE), encoding="utf-8"
    )
    histories = directory / "histories"
    histories.mkdir()
    shutil.copy(ROOT / "examples" / "histories" / "keyouqianqi_credit_union.jsonl", histories)
    return directory


@contextmanager
def serving(directory: Path, *, lang: str = "zh-Hant") -> Iterator[str]:
    """The workbench over ``directory`` on 127.0.0.1, in a thread; yields its address."""
    app = create_app(Workspace([directory]), lang=lang)  # type: ignore[arg-type]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the workbench did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
