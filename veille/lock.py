"""One run at a time per database: an advisory lock on ``<db>.lock``.

The lock is ``fcntl.flock`` on a file next to the database. The kernel releases it when the
holding process dies, however it dies (kill -9 included), so a stale lock from a killed run is
recovered by the next run with no clean-up step. The file also holds the holder's pid, command
and start time, only to make the "locked" message useful; it is never deleted, because deleting a
flock'ed file lets two processes lock two different inodes at the same path.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LockHolder:
    pid: int | None
    command: str | None
    started_at: str | None

    def describe(self) -> str:
        who = f"pid {self.pid}" if self.pid else "an unknown process"
        what = f" ({self.command})" if self.command else ""
        since = f", running since {self.started_at}" if self.started_at else ""
        return f"{who}{what}{since}"


class RunLocked(Exception):
    """Another run holds the lock on this database."""

    def __init__(self, db_path: str | Path, holder: LockHolder) -> None:
        self.db_path = str(db_path)
        self.holder = holder
        super().__init__(
            f"another veille run is using {self.db_path}: {holder.describe()}. "
            f"This run stops; the next scheduled run will catch up. "
            f"(If no such process exists, the lock is released already and a new run will start.)"
        )


#: descriptors of the locks this process holds; closed in forked children (see _close_in_child)
_HELD: set[int] = set()


def _close_in_child() -> None:
    """A forked child (NLP worker processes) must not inherit the lock: flock belongs to the open
    file, so a worker outliving a killed parent would keep the database locked."""
    for fd in list(_HELD):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


os.register_at_fork(after_in_child=_close_in_child)


def lock_path(db_path: str | Path) -> Path:
    return Path(f"{db_path}.lock")


def _read_holder(fd: int) -> LockHolder:
    try:
        raw = os.pread(fd, 4096, 0).decode("utf-8", "replace")
        info = json.loads(raw) if raw.strip() else {}
    except (OSError, ValueError):
        info = {}
    pid = info.get("pid")
    return LockHolder(
        pid=pid if isinstance(pid, int) else None,
        command=info.get("command"),
        started_at=info.get("started_at"),
    )


def _try_lock(fd: int, wait: float) -> bool:
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)


@contextmanager
def run_lock(db_path: str | Path, command: str = "veille", *, wait: float = 0.0) -> Iterator[Path]:
    """Hold the run lock of ``db_path`` for the ``with`` block; raise RunLocked if another run has it.

    ``wait``: seconds to keep trying before giving up (0: fail at once).
    """
    path = lock_path(db_path)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        if not _try_lock(fd, wait):
            raise RunLocked(db_path, _read_holder(fd))
        info = {
            "pid": os.getpid(),
            "command": command,
            "started_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode("utf-8") + b"\n", 0)
        logger.debug("run lock %s taken by pid %d", path, os.getpid())
        _HELD.add(fd)
        try:
            yield path
        finally:
            _HELD.discard(fd)
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # closing the descriptor releases the flock


def lock_holder(db_path: str | Path) -> LockHolder | None:
    """Who holds the run lock of ``db_path`` now, or None when no run is in progress (read-only probe)."""
    path = lock_path(db_path)
    if not path.exists():
        return None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        try:
            # A shared lock succeeds only when nobody holds the exclusive one.
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _read_holder(fd)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)
