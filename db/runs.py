"""The run log (crawl_runs, run_sources), per-feed state for conditional GET (feed_state) and the
article links that keep failing for good (failed_urls)."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlite_utils

from db.store import now_iso, wraps_sqlite_errors

_COUNTERS = ("feeds_read", "pages_fetched", "new_articles", "duplicates", "errors")


@wraps_sqlite_errors
def start_run(db: sqlite_utils.Database, command: str, sources_file: str | None = None) -> int:
    """Record the start of a run; return its id. A run never finished stays 'running' (killed)."""
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO crawl_runs (command, started_at, status, pid, sources_file) VALUES (?, ?, 'running', ?, ?)",
            [command, now_iso(), os.getpid(), sources_file],
        )
    return cursor.lastrowid


@wraps_sqlite_errors
def finish_run(
    db: sqlite_utils.Database,
    run_id: int,
    *,
    status: str,
    exit_code: int,
    sources: dict[str, dict[str, Any]] | None = None,
    stats: dict[str, Any] | None = None,
) -> None:
    """Close a run: its status, exit code, totals and one run_sources row per source.

    ``sources`` maps a source name to its counters (feeds_read, feeds_failed, pages_fetched,
    new_articles, duplicates, errors, errors_by_kind: dict, status: 'ok' | 'failed').
    """
    sources = sources or {}
    totals = {name: sum(int(s.get(name) or 0) for s in sources.values()) for name in _COUNTERS}
    with db.atomic():
        db.execute(
            "UPDATE crawl_runs SET ended_at = ?, status = ?, exit_code = ?, feeds_read = ?, pages_fetched = ?, "
            "new_articles = ?, duplicates = ?, errors = ?, stats = ? WHERE id = ?",
            [
                now_iso(),
                status,
                exit_code,
                *(totals[n] for n in _COUNTERS),
                json.dumps(stats or {}, default=str, sort_keys=True),
                run_id,
            ],
        )
        for name, counts in sources.items():
            db.execute(
                "INSERT OR REPLACE INTO run_sources (run_id, source, status, feeds_read, feeds_failed, pages_fetched, "
                "new_articles, duplicates, errors, errors_by_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    run_id,
                    name,
                    counts.get("status", "ok"),
                    int(counts.get("feeds_read") or 0),
                    int(counts.get("feeds_failed") or 0),
                    int(counts.get("pages_fetched") or 0),
                    int(counts.get("new_articles") or 0),
                    int(counts.get("duplicates") or 0),
                    int(counts.get("errors") or 0),
                    json.dumps(counts.get("errors_by_kind") or {}, sort_keys=True),
                ],
            )


@wraps_sqlite_errors
def feed_states(db: sqlite_utils.Database) -> dict[str, dict[str, Any]]:
    """ETag / Last-Modified by feed or sitemap URL, for conditional requests."""
    return {row["url"]: row for row in db.query("SELECT * FROM feed_state")}


@wraps_sqlite_errors
def save_feed_state(
    db: sqlite_utils.Database,
    url: str,
    source: str,
    *,
    status: int | None,
    ok: bool,
    etag: str | None = None,
    last_modified: str | None = None,
    items: int | None = None,
    fallback: bool = False,
) -> None:
    """Record one fetch of a feed: a success (200 or 304) keeps validators and resets the failure count.

    ``items``: links read this time (None for a 304 or a failure: the last count stands);
    ``fallback``: the address was read because the source's first addresses gave nothing.
    """
    now = now_iso()
    with db.atomic():
        db.execute(
            "INSERT INTO feed_state (url, source, consecutive_failures) VALUES (?, ?, 0) ON CONFLICT(url) DO NOTHING",
            [url, source],
        )
        db.execute(
            "UPDATE feed_state SET fallback = ?, last_items = COALESCE(?, last_items) WHERE url = ?",
            [int(fallback), items, url],
        )
        if ok:
            db.execute(
                "UPDATE feed_state SET source = ?, last_status = ?, last_checked_at = ?, last_success_at = ?, "
                "consecutive_failures = 0, etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified) "
                "WHERE url = ?",
                [source, status, now, now, etag, last_modified, url],
            )
        else:
            db.execute(
                "UPDATE feed_state SET source = ?, last_status = ?, last_checked_at = ?, "
                "consecutive_failures = consecutive_failures + 1 WHERE url = ?",
                [source, status, now, url],
            )


#: a link that failed n times waits n times the retry delay, at most this many times
_MAX_BACKOFF = 8


@wraps_sqlite_errors
def failed_urls(db: sqlite_utils.Database, now: str | None = None) -> set[str]:
    """Links not to fetch in this run: they failed for good and their retry time has not come."""
    rows = db.execute("SELECT url FROM failed_urls WHERE retry_after > ?", [now or now_iso()])
    return {row[0] for row in rows}


@wraps_sqlite_errors
def save_failed_urls(
    db: sqlite_utils.Database, failures: dict[str, dict[str, str]], retry_days: float
) -> None:
    """Record links that failed for good in this run (``url -> {"source", "kind"}``).

    Each failure of the same link adds one delay: the n-th failure waits
    n x ``retry_days`` (at most 8x), so a page gone for good costs a request every few weeks.
    """
    now = datetime.now(UTC).replace(microsecond=0)
    with db.atomic():
        for url, failure in failures.items():
            row = db.execute("SELECT failures FROM failed_urls WHERE url = ?", [url]).fetchone()
            failures_so_far = (row[0] if row else 0) + 1
            retry = now + timedelta(days=retry_days * min(failures_so_far, _MAX_BACKOFF))
            db.execute(
                "INSERT INTO failed_urls (url, source, kind, failures, first_failed_at, last_failed_at, retry_after) "
                "VALUES (?, ?, ?, 1, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET kind = excluded.kind, "
                "failures = failures + 1, last_failed_at = excluded.last_failed_at, retry_after = excluded.retry_after",
                [
                    url,
                    failure["source"],
                    failure["kind"],
                    now.isoformat(),
                    now.isoformat(),
                    retry.isoformat(),
                ],
            )
