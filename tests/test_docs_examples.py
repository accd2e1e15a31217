"""Every Python block in docs/ runs: ``>>>`` blocks as doctests (their output compared),
the others as scripts; the blocks of one page share their names, in order, as a reader
running them one after another would. Blocks that need files (a signed policy, a policy
to check) get them in a temporary folder first."""

from __future__ import annotations

import doctest
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.durable import require_durable_rules
from tests.support.system import require_command

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks() -> list[tuple[str, int, str]]:
    out = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        for i, match in enumerate(BLOCK.finditer(page.read_text(encoding="utf-8"))):
            out.append((str(page.relative_to(ROOT)), i, match.group(1)))
    return out


BLOCKS = _blocks()


def _signed_policy(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/security.md: my_policies/my_bank.yaml signed by an officer, allowed_signers."""
    require_command("ssh-keygen", "openssh-client")
    from tests.support.signing import keygen, sign

    (tmp / "my_policies").mkdir()
    text = (ROOT / "policies" / "hotel.yaml").read_text(encoding="utf-8")
    policy = tmp / "my_policies" / "my_bank.yaml"
    policy.write_text(text.replace("id: hotel\n", "id: my_bank\n", 1), encoding="utf-8")
    key = keygen(tmp, "officer")
    public = key.with_suffix(".pub").read_text(encoding="utf-8").strip()
    (tmp / "allowed_signers").write_text(
        f'officer@my-bank.example namespaces="complaint-rules" {public}\n', encoding="utf-8"
    )
    sign(key, policy)


def _schema_check(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/editor-setup.md's check.py: the schema beside it, a policy named on its line."""
    shutil.copy(ROOT / "docs" / "policy.schema.json", tmp / "policy.schema.json")
    monkeypatch.setattr(sys, "argv", ["check.py", str(ROOT / "policies" / "hotel.yaml")])


SETUP: dict[tuple[str, int], Callable[[Path, pytest.MonkeyPatch], None]] = {
    ("docs/security.md", 1): _signed_policy,
    ("docs/editor-setup.md", 0): _schema_check,
}
"""Blocks that read files a reader would have made first; they run in a temporary folder."""

NEEDS_DURABLE = {"docs/adapters.md"}
"""Pages whose blocks run the durable_rules adapter (extra ``durable``, not on 3.13+)."""


@pytest.mark.parametrize(("page", "index", "code"), BLOCKS, ids=[f"{p}[{i}]" for p, i, _ in BLOCKS])
def test_every_python_block_in_the_docs_runs(
    page: str,
    index: int,
    code: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if page in NEEDS_DURABLE:
        require_durable_rules()  # skipped, with the reason, only on Python 3.13+
    names: dict[str, object] = {"__name__": "__docs__"}
    # In a folder of its own that sees the checkout's examples and policies, so that what
    # a block writes (decisions.jsonl) is not left in the checkout.
    for name in ("examples", "policies", "docs"):
        (tmp_path / name).symlink_to(ROOT / name)
    monkeypatch.chdir(tmp_path)
    # The earlier blocks of the page first, as a reader runs them.
    for earlier_page, earlier, text in BLOCKS:
        if earlier_page == page and earlier < index and (page, earlier) not in SETUP:
            _run(text, names, f"{page}[{earlier}]")
    setup = SETUP.get((page, index))
    if setup is not None:
        setup(tmp_path, monkeypatch)
    _run(code, names, f"{page}[{index}]")
    capsys.readouterr()


def _run(code: str, names: dict[str, object], where: str) -> None:
    if code.lstrip().startswith(">>>"):
        test = doctest.DocTestParser().get_doctest(code, names, where, where, 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        runner.run(test)
        assert runner.failures == 0, f"{where}: the doctest's output differs (see above)"
    else:
        exec(compile(code, where, "exec"), names)


def test_the_blocks_are_found() -> None:
    pages = {page for page, _, _ in BLOCKS}
    assert {"docs/testing.md", "docs/security.md", "docs/diff.md", "docs/lifecycle.md"} <= pages
