"""Shared helpers of the benchmarks: the machine, statistics, results files, memory, local servers.

Benchmarks are scripts (``python bench/bench_x.py``), not a package: Python puts ``bench/`` on
``sys.path`` so ``import benchlib`` works; the repository root is added too so ``db``, ``nlp``,
``crawler`` import from a checkout even without ``pip install -e .``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


# --- the machine ---------------------------------------------------------------------------------


def _meminfo_kib(field: str) -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_info() -> dict[str, Any]:
    """Cores, memory, CPU and load: printed first by every benchmark and saved with its figures."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    total_kib = _meminfo_kib("MemTotal")
    avail_kib = _meminfo_kib("MemAvailable")
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "memory_total_mb": round(total_kib / 1024) if total_kib else None,
        "memory_available_mb": round(avail_kib / 1024) if avail_kib else None,
        "load_average_1m": round(load[0], 2),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def print_header(title: str, info: dict[str, Any]) -> None:
    print(f"== {title}")
    print(
        f"machine: {info['cpu']}, {info['usable_cores']}/{info['cores']} cores usable, "
        f"{info['memory_total_mb']} MB memory ({info['memory_available_mb']} MB available), "
        f"load {info['load_average_1m']}, Python {info['python']}"
    )


# --- statistics ----------------------------------------------------------------------------------


def percentile(values: Sequence[float], pct: float) -> float:
    """Percentile by linear interpolation between closest ranks (numpy's default)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summary_ms(seconds: Sequence[float]) -> dict[str, float]:
    """p50/p95/min/max in milliseconds of a list of durations in seconds."""
    ms = [s * 1000 for s in seconds]
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 50), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "min_ms": round(min(ms), 2),
        "max_ms": round(max(ms), 2),
    }


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def alternate(rounds: int, contenders: dict[str, Callable[[], Any]]) -> dict[str, list[float]]:
    """Run each contender once per round, in an order that flips every round; seconds per run.

    Alternating in one process means both sides see the same machine load, so their ratio holds
    on a shared machine even when absolute times drift.
    """
    times: dict[str, list[float]] = {name: [] for name in contenders}
    names = list(contenders)
    for i in range(rounds):
        for name in names if i % 2 == 0 else reversed(names):
            start = time.perf_counter()
            contenders[name]()
            times[name].append(time.perf_counter() - start)
    return times


# --- results -------------------------------------------------------------------------------------


def write_results(name: str, payload: dict[str, Any]) -> Path:
    """Write ``bench/results/<name>.json`` (latest) and a timestamped copy; return the latest path."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    payload = {"benchmark": name, "finished_at": stamp, **payload}
    text = json.dumps(payload, indent=2, ensure_ascii=False, default=str)
    (RESULTS_DIR / f"{name}-{stamp}.json").write_text(text, encoding="utf-8")
    latest = RESULTS_DIR / f"{name}.json"
    latest.write_text(text, encoding="utf-8")
    print(f"results: {latest.relative_to(REPO)}")
    return latest


def verdict(ok: bool) -> str:
    return "meets target" if ok else "MISSES target"


def base_parser(description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true", help="smaller run (under ~2 minutes)")
    return parser


# --- memory --------------------------------------------------------------------------------------


def rss_bytes(pid: int | None = None) -> int:
    """Resident set size of one process now (Linux /proc); 0 if it is gone."""
    try:
        status = Path(f"/proc/{pid or os.getpid()}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return kids


def tree_rss_bytes(pid: int) -> int:
    """RSS of a process and all its descendants (a crawl may fork NLP workers)."""
    total, stack, seen = 0, [pid], set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        total += rss_bytes(current)
        stack.extend(_children(current))
    return total


class PeakRss:
    """Poll the RSS of a process tree in a thread; ``peak`` is the highest sum seen."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.pid, self.interval, self.peak = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss_bytes(self.pid))
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def mb(n_bytes: float) -> float:
    return round(n_bytes / 1024 / 1024, 1)


# --- local servers -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(url: str, timeout: float = 60.0, proc: subprocess.Popen | None = None) -> None:
    """Wait until ``url`` answers (any HTTP status); fail early if ``proc`` exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with code {proc.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def stop_process(proc: subprocess.Popen, timeout: float = 10.0) -> None:
    """Terminate a process we started, then kill it if it does not exit."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout)


def veille_command() -> list[str]:
    """How to run the `veille` CLI with the interpreter running the benchmark."""
    return [sys.executable, "-m", "veille"]
