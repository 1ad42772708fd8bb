"""As cron runs it: the lock between two crawls, and the README's crontab line, run as written."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.faults.conftest import query, write_sources
from tests.faults.server import FaultServer, FaultSite
from tests.ops.test_lock import HOLD

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"


def test_second_crawl_exits_4_within_seconds_naming_the_running_one(tmp_path):
    db_path = tmp_path / "veille.db"
    sources = tmp_path / "sources.toml"
    sources.write_text('[[sources]]\nname = "x"\nfeeds = ["http://127.0.0.1:9/rss"]\n', encoding="utf-8")
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        second = subprocess.run(
            [sys.executable, "-m", "veille", "crawl", "--sources", str(sources), "--db", str(db_path)],
            cwd=ROOT, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        took = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert second.returncode == 4, second.stderr
    assert f"pid {holder.pid} (crawl)" in second.stderr
    assert took < 10
    assert not db_path.exists()  # it did not even open the database


def crontab_line() -> str | None:
    """The crontab line of the README (its ```crontab block), or None while the README has none."""
    if not README.exists():
        return None
    match = re.search(r"```crontab\n(.+?)\n```", README.read_text(encoding="utf-8"), re.S)
    return match.group(1).strip() if match else None


@pytest.mark.slow
def test_crontab_line_of_the_readme_works_as_written(tmp_path):
    line = crontab_line()
    if line is None:
        pytest.skip("README.md has no ```crontab block yet")
    fields = line.split(None, 5)
    assert len(fields) == 6 and fields[0] == "0", "minute hour day month weekday command"
    command = fields[5]
    checkout = re.match(r"cd (\S+) &&", command)
    assert checkout, "the command starts by going to the checkout"
    home = tmp_path / "checkout"
    home.mkdir()
    (home / ".venv").symlink_to(ROOT / ".venv")
    with FaultServer(FaultSite(articles=3, faults=False)) as server:
        write_sources(home / "sources.toml", server, malformed=False)
        # cron's environment: no PATH to the venv, no activated virtualenv, no PYTHONPATH
        env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "SHELL": "/bin/sh", "LANG": "C.UTF-8"}
        env["VEILLE_ALLOW_PRIVATE_ADDRESSES"] = "127.0.0.1"  # the one line a crontab for a local site adds
        ran = subprocess.run(
            ["/bin/sh", "-c", command.replace(checkout.group(1), str(home))],
            env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    cron_log = (home / "logs" / "cron.log").read_text(encoding="utf-8")
    assert "3 new article(s)" in cron_log, cron_log
    assert (home / "logs" / "veille.log").exists()  # warnings only by default: empty after a clean run
    assert query(home / "veille.db", "SELECT status, exit_code FROM crawl_runs") == [("completed", 0)]
    assert query(home / "veille.db", "SELECT count(*) FROM mentions") != [(0,)]  # the real NLP stage ran
    status = subprocess.run(
        # the fixture articles are dated 2024: without a long --stale-after the source is STALE
        [str(home / ".venv" / "bin" / "veille"), "status", "--db", str(home / "veille.db"), "--stale-after", "10000"],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert status.returncode == 0 and "1 OK" in status.stdout, status.stdout
    shutil.rmtree(home / "logs")
