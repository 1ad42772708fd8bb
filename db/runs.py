"""The run log (crawl_runs, run_sources) and per-feed state for conditional GET (feed_state)."""

from __future__ import annotations

import json
import os
from typing import Any

import sqlite_utils

from db.store import now_iso

_COUNTERS = ("feeds_read", "pages_fetched", "new_articles", "duplicates", "errors")


def start_run(db: sqlite_utils.Database, command: str, sources_file: str | None = None) -> int:
    """Record the start of a run; return its id. A run never finished stays 'running' (killed)."""
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO crawl_runs (command, started_at, status, pid, sources_file) VALUES (?, ?, 'running', ?, ?)",
            [command, now_iso(), os.getpid(), sources_file],
        )
    return cursor.lastrowid


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


def feed_states(db: sqlite_utils.Database) -> dict[str, dict[str, Any]]:
    """ETag / Last-Modified by feed or sitemap URL, for conditional requests."""
    return {row["url"]: row for row in db.query("SELECT * FROM feed_state")}


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
