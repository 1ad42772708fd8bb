from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from veille.lock import RunLocked, lock_holder, lock_path, run_lock

HOLD = """
import sys, time
from veille.lock import run_lock
with run_lock(sys.argv[1], "crawl"):
    print("locked", flush=True)
    time.sleep(60)
"""


@pytest.fixture
def holder(db_path):
    """A separate process holding the lock, as a running crawl would."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db_path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def test_free_lock_is_taken_and_released(db_path):
    assert lock_holder(db_path) is None
    with run_lock(db_path, "crawl"):
        assert lock_path(db_path).exists()
    with run_lock(db_path, "crawl"):  # released: a second run of the same process gets it again
        pass


def test_second_run_is_refused_and_names_the_holder(db_path, holder):
    started = time.monotonic()
    with pytest.raises(RunLocked) as caught:
        with run_lock(db_path, "reprocess", wait=0.5):
            pytest.fail("two runs held the lock")
    assert time.monotonic() - started < 3
    assert caught.value.holder.pid == holder.pid
    assert f"pid {holder.pid}" in str(caught.value) and "crawl" in str(caught.value)
    assert lock_holder(db_path).pid == holder.pid


def test_lock_of_a_killed_run_is_recovered_without_cleanup(db_path, holder):
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert lock_path(db_path).exists()  # the file stays, the kernel dropped the lock
    assert lock_holder(db_path) is None
    with run_lock(db_path, "crawl") as path:
        assert f'"pid": {os.getpid()}' in path.read_text()


def test_lock_in_the_same_process_is_exclusive_too(db_path):
    with run_lock(db_path, "crawl"):
        with pytest.raises(RunLocked):
            with run_lock(db_path, "crawl"):
                pass
