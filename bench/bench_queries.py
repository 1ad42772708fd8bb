"""Query latency on a synthetic database of 100,000 articles and 1,000,000 mentions.

Measures p50/p95 of the journalists' queries (entity timeline by month for a popular and a median
entity, co-mentions, full-text search) through Datasette's JSON API, and the same SQL run directly
on SQLite in the same rounds, so the HTTP overhead is a ratio measured side by side.

    python bench/bench_queries.py            # 100k articles / 1M mentions (generated once, cached)
    python bench/bench_queries.py --quick    # 20k articles / 200k mentions, fewer rounds

Target: timeline p95 < 100 ms through Datasette.
"""

from __future__ import annotations

import http.client
import json
import random
import sqlite3
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import benchlib
import queryset
import synthdb

TIMELINE_TARGET_MS = 100.0
FULL = {"articles": 100_000, "mentions": 1_000_000, "entities": 30_000}
QUICK = {"articles": 20_000, "mentions": 200_000, "entities": 10_000}


@dataclass
class Timings:
    direct: list[float] = field(default_factory=list)
    http: list[float] = field(default_factory=list)
    rows: int = 0
    errors: list[str] = field(default_factory=list)


class DatasetteServer:
    """`veille serve` on the database: the project's metadata, plugin and settings (SQL time limit)."""

    def __init__(self, db_path: Path) -> None:
        self.db_path, self.port = db_path, benchlib.free_port()
        self.command = [*benchlib.veille_command(), "serve", "--db", str(db_path), "--port", str(self.port)]
        self.proc: subprocess.Popen | None = None
        self.via = "veille serve"

    def __enter__(self) -> DatasetteServer:
        self.proc = subprocess.Popen(
            self.command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        try:
            benchlib.wait_http(f"http://127.0.0.1:{self.port}/-/versions.json", timeout=120, proc=self.proc)
        except RuntimeError:
            benchlib.stop_process(self.proc)
            raise RuntimeError(
                f"{' '.join(self.command)} failed: {self.proc.stderr.read()[-2000:]}"
            ) from None
        self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.close()
        if self.proc is not None:
            benchlib.stop_process(self.proc)

    def get_json(self, path: str) -> tuple[int, Any]:
        """GET over one keep-alive connection, so the figure is the server's, not TCP setup's."""
        self.conn.request("GET", path)
        response = self.conn.getresponse()
        body = response.read()
        try:
            return response.status, json.loads(body)
        except ValueError:
            return response.status, body[:300].decode("utf-8", "replace")


def _run_http(server: DatasetteServer, case: queryset.Case, timings: Timings) -> None:
    path = case.http_path(server.db_path.stem)
    start = time.perf_counter()
    status, payload = server.get_json(path)
    timings.http.append(time.perf_counter() - start)
    rows = payload if isinstance(payload, list) else None
    if status != 200 or rows is None:
        timings.errors.append(f"HTTP {status}: {str(payload)[:200]}")
    elif not rows:
        timings.errors.append("HTTP 200 but no rows")


def _run_direct(conn: sqlite3.Connection, case: queryset.Case, timings: Timings) -> None:
    start = time.perf_counter()
    rows = case.run_direct(conn)
    timings.direct.append(time.perf_counter() - start)
    timings.rows = len(rows)


def measure(db_path: Path, cases: list[queryset.Case], rounds: int, http: bool) -> tuple[dict, str | None]:
    conn = queryset.connect(db_path)
    timings = {case.name: Timings() for case in cases}
    server = DatasetteServer(db_path) if http else None
    rng = random.Random(0)
    with server or _Null():
        for i in range(rounds + 2):  # two warm-up rounds fill the page cache on both sides
            order = list(cases)
            rng.shuffle(order)
            for case in order:
                for side in ("direct", "http") if i % 2 == 0 else ("http", "direct"):
                    if side == "direct":
                        _run_direct(conn, case, timings[case.name])
                    elif server is not None:
                        _run_http(server, case, timings[case.name])
            if i == 1:
                for t in timings.values():
                    t.direct.clear()
                    t.http.clear()
                    t.errors.clear()
    conn.close()
    return timings, (server.via if server else None)


class _Null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def report(cases: list[queryset.Case], timings: dict[str, Timings], db_path: Path) -> dict[str, Any]:
    conn = queryset.connect(db_path)
    out: dict[str, Any] = {}
    print(
        f"\n{'query':<34} {'rows':>5} {'direct p50/p95 ms':>19} {'HTTP p50/p95 ms':>17} {'HTTP/direct':>11}"
    )
    for case in cases:
        t = timings[case.name]
        direct = benchlib.summary_ms(t.direct)
        entry: dict[str, Any] = {"description": case.description, "rows": t.rows, "direct": direct}
        line = f"{case.name:<34} {t.rows:>5} {direct['p50_ms']:>9.1f} / {direct['p95_ms']:<7.1f}"
        if t.http:
            http = benchlib.summary_ms(t.http)
            ratio = http["p50_ms"] / direct["p50_ms"] if direct["p50_ms"] else float("nan")
            entry.update(http=http, http_over_direct_p50=round(ratio, 2), errors=len(t.errors))
            if t.errors:
                entry["first_error"] = t.errors[0]
            line += f" {http['p50_ms']:>8.1f} / {http['p95_ms']:<7.1f} {ratio:>6.2f}x"
            line += f"  ({len(t.errors)} errors: {t.errors[0][:80]})" if t.errors else ""
        plan = conn.execute("EXPLAIN QUERY PLAN " + case.sql, case.bound).fetchall()
        entry["plan"] = [row[-1] for row in plan]
        out[case.name] = entry
        print(line)
    conn.close()
    return out


def main() -> int:
    parser = benchlib.base_parser(__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, help="timed rounds per query (default 30, quick 10)")
    parser.add_argument("--no-http", action="store_true", help="time the SQL directly only (no Datasette)")
    args = parser.parse_args()
    sizes = QUICK if args.quick else FULL
    rounds = args.rounds or (10 if args.quick else 30)
    info = benchlib.machine_info()
    benchlib.print_header("bench_queries: Datasette query latency", info)
    db_path = benchlib.RESULTS_DIR / f"queries-{sizes['articles'] // 1000}k.db"
    benchlib.RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    dataset = synthdb.cached(db_path, **sizes)
    origin = "cached" if dataset["cached"] else f"generated in {dataset['generation_s']} s"
    print(
        f"database: {db_path.relative_to(benchlib.REPO)} ({dataset['size_mb']} MB, {dataset['articles']:,} articles, "
        f"{dataset['mentions']:,} mentions, {dataset['entities']:,} entities; "
        f"{origin})"
    )
    cases, entities = queryset.build_cases(db_path)
    print("queries: the canned queries of db/queries.py (the same SQL text directly and through Datasette)")
    timings, via = measure(db_path, cases, rounds, http=not args.no_http)
    print(
        f"served by: {via or 'none (--no-http)'}; {rounds} rounds, order shuffled each round, direct/HTTP alternated"
    )
    results = report(cases, timings, db_path)
    timeline = [v for k, v in results.items() if k.startswith("timeline")]
    side = "http" if not args.no_http else "direct"
    worst = max(v[side]["p95_ms"] for v in timeline)
    ok = worst < TIMELINE_TARGET_MS and not any(v.get("errors") for v in timeline)
    print(
        f"\ntimeline p95 ({side}) worst case {worst:.1f} ms, target < {TIMELINE_TARGET_MS:.0f} ms: {benchlib.verdict(ok)}"
    )
    benchlib.write_results(
        "bench_queries" + ("-quick" if args.quick else ""),
        {
            "machine": info,
            "dataset": dataset,
            "queries_from": "db/queries.py canned queries",
            "entities": entities,
            "served_by": via,
            "rounds": rounds,
            "results": results,
            "timeline_p95_worst_ms": worst,
            "timeline_target_ms": TIMELINE_TARGET_MS,
            "meets_target": ok,
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
