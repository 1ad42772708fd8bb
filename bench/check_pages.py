"""Open every article page and every entity page of a database, as a reader would: all must answer.

    python bench/check_pages.py veille.db            # prints status counts and p50/p95 per page kind

Runs Datasette in process (db.serve.build_datasette, the settings of `veille serve`); exit code 1 if
any page answers other than 200. Used on a crawl of real pages (../shared/devweb) to check that the
article page holds on text nobody wrote for it.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys
import time
from collections import Counter

import benchlib  # noqa: F401  (puts the repository on sys.path)

from db.serve import build_datasette


async def _visit(datasette, paths: list[str]) -> tuple[Counter, list[float], list[str]]:
    statuses, times, failed = Counter(), [], []
    for path in paths:
        start = time.perf_counter()
        response = await datasette.client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        statuses[response.status_code] += 1
        if response.status_code != 200:
            failed.append(f"{path}: {response.status_code}")
    return statuses, times, failed


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    args = parser.parse_args()
    conn = sqlite3.connect(args.db)
    kinds = {
        "article": [f"/-/veille/article/{i}" for (i,) in conn.execute("SELECT id FROM articles ORDER BY id")],
        "entity": [f"/-/veille/entity/{i}" for (i,) in conn.execute("SELECT id FROM entities ORDER BY id")],
    }
    datasette = build_datasette(args.db)
    bad = 0
    for kind, paths in kinds.items():
        statuses, times, failed = asyncio.run(_visit(datasette, paths))
        print(
            f"{kind} pages: {len(paths)}, statuses {dict(statuses)}, "
            f"p50 {_percentile(times, 0.5):.1f} ms, p95 {_percentile(times, 0.95):.1f} ms"
        )
        for line in failed[:20]:
            print("  veille: page failed:", line)
        bad += len(failed)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
