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


FORK_AND_DIE = """
import os, sys, time
from veille.lock import run_lock
with run_lock(sys.argv[1], "crawl"):
    child = os.fork()
    if child == 0:  # an NLP worker
        time.sleep(30)
        os._exit(0)
    print(child, flush=True)
    time.sleep(60)
"""


def test_forked_worker_does_not_inherit_the_lock(db_path):
    proc = subprocess.Popen(
        [sys.executable, "-c", FORK_AND_DIE, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    worker = int(proc.stdout.readline())
    try:
        assert lock_holder(db_path).pid == proc.pid
        os.kill(proc.pid, signal.SIGKILL)  # the parent dies; its forked worker lives on
        proc.wait()
        os.kill(worker, 0)  # still alive
        with run_lock(db_path, "crawl", wait=2):
            pass
    finally:
        for pid in (proc.pid, worker):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        proc.wait()
