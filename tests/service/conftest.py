"""A real server (subprocess, free loopback port) shared by the tests of a module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server import Server, serving
from tests.support.versions import write_new_version


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The bundled policies plus 科右前旗's test version in force from 2026-11-01."""
    tmp = tmp_path_factory.mktemp("server")
    write_new_version(tmp / "policies")
    with serving(
        tmp, "--max-body", "200000", "--max-items", "50", policy_dirs=[tmp / "policies"]
    ) as s:
        yield s


@pytest.fixture(scope="module")
def token_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, str, Path]]:
    """A server with --token-file, serving a directory the test may change and reload."""
    tmp = tmp_path_factory.mktemp("token")
    token = "s3cret-token-for-tests"
    (tmp / "token").write_text(token + "\n", encoding="utf-8")
    (tmp / "policies").mkdir()
    with serving(tmp, "--token-file", str(tmp / "token"), policy_dirs=[tmp / "policies"]) as s:
        yield s, token, tmp / "policies"
