"""Programs from the system's packages that some tests need (Graphviz, later a browser or
a JDK): a test that needs one gets it installed, or fails saying why; it never skips."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading

import pytest

_LOCK = threading.Lock()


def require_command(command: str, package: str) -> str:
    """The path of ``command``, installing the Debian ``package`` with apt-get if missing.

    Fails the calling test (never skips) when it cannot be installed: a machine without
    the program would otherwise pass without running the test.
    """
    with _LOCK:
        found = shutil.which(command)
        if found is not None:
            return found
        apt = shutil.which("apt-get")
        if apt is None:
            pytest.fail(f"{command} is missing and there is no apt-get to install {package}")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for args in ([apt, "update", "-qq"], [apt, "install", "-y", "-qq", package]):
            run = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
            if run.returncode != 0 and args[1] == "install":
                pytest.fail(f"could not install {package} for {command}:\n{run.stderr[-2000:]}")
        found = shutil.which(command)
        if found is None:
            pytest.fail(f"{package} was installed but {command} is still not on PATH")
        return found


def require_package(package: str, *, provides: str) -> None:
    """Debian's ``package`` installed, judged by the file ``provides`` (for packages with no
    command, such as fonts); installed with apt-get if missing, or the calling test fails."""
    with _LOCK:
        if os.path.exists(provides):
            return
        apt = shutil.which("apt-get")
        if apt is None:
            pytest.fail(f"{package} is missing and there is no apt-get to install it")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for args in ([apt, "update", "-qq"], [apt, "install", "-y", "-qq", package]):
            run = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
            if run.returncode != 0 and args[1] == "install":
                pytest.fail(f"could not install {package}:\n{run.stderr[-2000:]}")
        if not os.path.exists(provides):
            pytest.fail(f"{package} was installed but {provides} is still missing")
