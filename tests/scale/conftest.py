"""A real redis-server per test (random port, temp dir) and helpers to run veille's distributed commands.

redis-server comes from Debian (`make system-deps` installs it when run as root). Without it these
tests are skipped on a workstation, and fail under CI=true, where it must be installed.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.faults.conftest import FAST, ROOT, crawl_env
from tests.security.test_crawl_guards import probe  # noqa: F401 - the SSRF probe sites, as a fixture

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
#: every loopback address the tests use, for the SSRF guard of the crawler (#10)
ALLOW = "127.0.0.0/8"
#: a killed worker is taken for dead after this many seconds without a heartbeat
TTL = "2"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path):
    if not Path(REDIS_SERVER).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"redis-server is missing ({REDIS_SERVER}): make system-deps installs it")
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = _free_port()
    folder = tmp_path / "redis"
    folder.mkdir()
    proc = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder), "--save", "",
         "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    else:
        proc.kill()
        pytest.fail("redis-server did not start")
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(10)


def scale_env(**extra: str) -> dict[str, str]:
    env = crawl_env()
    env["VEILLE_ALLOW_PRIVATE_ADDRESSES"] = ALLOW
    env.update(extra)
    return env


def veille(*args: str) -> list[str]:
    return [sys.executable, "-m", "veille", *args]


def worker_command(sources: Path, url: str, log: Path, *extra: str) -> list[str]:
    return veille("crawl", "--sources", str(sources), "--redis", url, "--idle-exit", "2",
                  "--log-file", str(log), "--log-level", "INFO", *FAST,
                  "-s", f"VEILLE_HEARTBEAT_TTL={TTL}", "-s", f"VEILLE_ALLOW_PRIVATE_ADDRESSES={ALLOW}",
                  *extra)  # fmt: skip


def start(command: list[str], **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        command, cwd=ROOT, env=scale_env(**env), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def run(command: list[str], timeout: float = 90, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, cwd=ROOT, env=scale_env(**env), capture_output=True, text=True, timeout=timeout
    )
