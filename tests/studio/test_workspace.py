"""Which files the workbench may read and write: policies by id only, saving whole and
only inside an editable directory, the committed version from git, histories listed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from complaint_rules.errors import PolicyError
from complaint_rules.studio.workspace import OutsideError, Workspace
from tests.support.studio import EDITABLE, editable_directory
from tests.support.system import require_command


@pytest.fixture
def directory(tmp_path: Path) -> Path:
    return editable_directory(tmp_path)


def test_bundled_policies_are_read_only_and_the_directory_s_are_editable(
    directory: Path,
) -> None:
    ws = Workspace([directory])
    assert not ws.file("hotel").editable
    mine = ws.file(EDITABLE)
    assert mine.editable
    assert mine.directory == directory.resolve()
    with pytest.raises(OutsideError):
        ws.save("hotel", "anything")
    with pytest.raises(OutsideError):
        ws.file("../hotel")


def test_a_save_replaces_the_file_whole_and_the_catalog_sees_it(directory: Path) -> None:
    ws = Workspace([directory])
    text = ws.read(EDITABLE).replace('version: "2026.5"', 'version: "2026.9"')
    assert ws.load(EDITABLE).version == "2026.5"
    ws.save(EDITABLE, text)
    assert (directory / f"{EDITABLE}.yaml").read_text(encoding="utf-8") == text
    assert ws.load(EDITABLE).version == "2026.9"
    assert not [p for p in directory.iterdir() if p.name.endswith(".tmp")]


def test_a_text_is_checked_as_the_file_it_would_replace(directory: Path) -> None:
    ws = Workspace([directory])
    text = ws.read(EDITABLE)
    assert ws.check(EDITABLE, text).id == EDITABLE
    with pytest.raises(PolicyError) as caught:
        ws.check(EDITABLE, text.replace(f"id: {EDITABLE}", "id: other_id", 1))
    assert "its file stem must be its id" in str(caught.value.problems[0])


def test_the_committed_version_comes_from_git(directory: Path) -> None:
    git = require_command("git", "git")
    ws = Workspace([directory])
    assert ws.committed(EDITABLE) is None  # not a repository
    run = {"cwd": directory, "check": True, "capture_output": True}
    subprocess.run([git, "init", "-q"], **run)  # type: ignore[call-overload]
    subprocess.run([git, "add", "."], **run)  # type: ignore[call-overload]
    subprocess.run(
        [git, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "first"],
        **run,  # type: ignore[call-overload]
    )
    committed = ws.read(EDITABLE)
    ws.save(EDITABLE, committed.replace('version: "2026.5"', 'version: "2026.6"'))
    assert ws.committed(EDITABLE) == committed


def test_histories_are_the_json_lines_inside_the_directories(
    directory: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere.jsonl"
    outside.write_text("{}\n", encoding="utf-8")
    (directory / "out.jsonl").symlink_to(outside)
    ws = Workspace([directory])
    assert ws.histories() == ["0/histories/keyouqianqi_credit_union.jsonl"]
    assert ws.history("0/histories/keyouqianqi_credit_union.jsonl").name.endswith(".jsonl")
    for name in ("0/out.jsonl", "0/../elsewhere.jsonl", str(outside), "1/x.jsonl"):
        with pytest.raises(OutsideError):
            ws.history(name)
