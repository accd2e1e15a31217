"""A real decision server for tests: ``complaint-rules serve`` in a subprocess on a free
loopback port, its log (stderr) kept, stopped at the end."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BIN = Path(sys.executable).parent
"""The virtualenv's scripts (``complaint-rules`` is there)."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    base: str
    log_path: Path

    def log(self) -> list[dict[str, Any]]:
        """The JSON log lines written so far."""
        lines = self.log_path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.startswith("{")]

    def call(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, str], bytes]:
        """One request: status, headers (lower-case names) and body; 4xx/5xx returned too."""
        request = urllib.request.Request(
            self.base + path, data=body, method=method, headers=headers or {}
        )
        if body is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                got = {k.lower(): v for k, v in response.headers.items()}
                return response.status, got, response.read()
        except urllib.error.HTTPError as exc:
            got = {k.lower(): v for k, v in exc.headers.items()}
            return exc.code, got, exc.read()

    def post_json(self, path: str, data: Any, **headers: str) -> tuple[int, bytes]:
        status, _, body = self.call(
            "POST", path, json.dumps(data, ensure_ascii=False).encode(), headers
        )
        return status, body

    def sighup(self) -> None:
        self.process.send_signal(signal.SIGHUP)


@contextmanager
def serving(tmp: Path, *args: str, policy_dirs: Sequence[Path] = ()) -> Iterator[Server]:
    """``complaint-rules [--policy-dir D]... serve --port P *args``, ready to call."""
    port = free_port()
    log_path = tmp / f"server-{port}.log"
    command = [str(BIN / "complaint-rules")]
    for d in policy_dirs:
        command += ["--policy-dir", str(d)]
    command += ["serve", "--port", str(port), *args]
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=log, env=env)
    server = Server(process, f"http://127.0.0.1:{port}", log_path)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server stopped: {log_path.read_text()[-3000:]}")
            try:
                if server.call("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start: {log_path.read_text()[-3000:]}")
            time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
