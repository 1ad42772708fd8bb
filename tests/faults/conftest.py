from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: short timeouts and no politeness delay: the fault site is local and the suite must stay fast
FAST = [
    "-s", "DOWNLOAD_TIMEOUT=1",
    "-s", "DOWNLOAD_DELAY=0",
    "-s", "AUTOTHROTTLE_ENABLED=False",
    "-s", "RETRY_TIMES=3",  # one more than the flaky route needs: a 1 s timeout on a busy machine is one try
    "-s", "VEILLE_NLP=tests.faults.fake_nlp:factory",
    "-s", "VEILLE_NLP_BATCH_SIZE=4",
]  # fmt: skip


def closed_port() -> int:
    """A local port nobody listens on (connection refused at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_sources(path: Path, server, *, malformed: bool = True, unreachable: bool = False) -> Path:
    feeds = [server.url("/feed.xml")] + ([server.url("/fault/malformed.xml")] if malformed else [])
    lines = ["[[sources]]", 'name = "fauxjournal"', f"feeds = {json.dumps(feeds)}",
             f"sitemaps = {json.dumps([server.url('/sitemap.xml')])}"]  # fmt: skip
    if unreachable:
        lines += [
            "",
            "[[sources]]",
            'name = "injoignable"',
            f'feeds = ["http://127.0.0.1:{closed_port()}/rss"]',
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def crawl_command(sources: Path, db_path: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "veille", "crawl", "--sources", str(sources), "--db", str(db_path),
            "--log-file", str(db_path.with_suffix(".log")), "--log-level", "INFO", *FAST, *extra]  # fmt: skip


def crawl_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_crawl(sources: Path, db_path: Path, *extra: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        crawl_command(sources, db_path, *extra),
        cwd=ROOT, env=crawl_env(), capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip


def start_crawl(sources: Path, db_path: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        crawl_command(sources, db_path, *extra),
        cwd=ROOT, env=crawl_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def query(db_path: Path, sql: str, params=()) -> list[tuple]:
    """Read with a plain connection (no schema work), as a curious user would."""
    with sqlite3.connect(db_path, timeout=30) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.fixture
def tmp_db(tmp_path) -> Path:
    return tmp_path / "veille.db"
