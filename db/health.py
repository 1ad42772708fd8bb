"""Run log and source health read from crawl_runs, run_sources, feed_state and articles.

``veille status`` prints these; they are plain dicts so the same data serves the table and JSON.
Definitions (also in the README):

- a source *failed* in a run when its run_sources.status is not 'ok' (no feed or sitemap could be read);
- *consecutive failures*: failed runs in a row, counting back from the latest run that covered the source;
- *error rate*: errors / (errors + feeds read + pages fetched) over the last N runs;
- a source is DEAD after ``dead_after`` consecutive failed runs, or when every one of its feeds has failed
  ``dead_after`` times in a row (feed_state); FAILING when its latest run failed; DEGRADED when its error
  rate is above ``degraded_rate``; STALE when its newest article (publication date, else fetch date) is
  older than ``stale_after`` days although its feeds answer: the common way a feed dies silently; OK otherwise.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlite_utils

from db.store import now_iso, wraps_sqlite_errors

logger = logging.getLogger(__name__)

DEAD_AFTER = 3
DEGRADED_RATE = 0.5
STALE_AFTER_DAYS = 14


@wraps_sqlite_errors
def mark_interrupted(db: sqlite_utils.Database, *, keep: int | None = None) -> list[int]:
    """Mark runs left 'running' by a killed process as 'interrupted'; return their ids.

    Call it while holding the run lock (veille.lock): then no other run is alive, so every run
    still 'running' (except ``keep``, the caller's own) was cut short. Its new_articles is
    counted from the articles it stored before it died.
    """
    rows = db.execute("SELECT id FROM crawl_runs WHERE status = 'running' AND id IS NOT ?", [keep]).fetchall()
    ids = [row[0] for row in rows]
    if not ids:
        return []
    with db.atomic():
        for run_id in ids:
            db.execute(
                "UPDATE crawl_runs SET status = 'interrupted', "
                "new_articles = (SELECT count(*) FROM articles WHERE run_id = ?), "
                "ended_at = (SELECT max(fetched_at) FROM articles WHERE run_id = ?), "
                "stats = json_set(COALESCE(NULLIF(stats, ''), '{}'), '$.interrupted_noticed_at', ?) "
                "WHERE id = ?",
                [run_id, run_id, now_iso(), run_id],
            )
    logger.warning("runs %s were cut short (process killed); marked 'interrupted'", ids)
    return ids


def _duration(started: str | None, ended: str | None) -> float | None:
    if not started or not ended:
        return None
    try:
        return (datetime.fromisoformat(ended) - datetime.fromisoformat(started)).total_seconds()
    except ValueError:
        return None


@wraps_sqlite_errors
def recent_runs(db: sqlite_utils.Database, limit: int = 10, *, run_in_progress: bool = True) -> list[dict]:
    """The last ``limit`` runs, newest first, with their duration in seconds.

    ``run_in_progress`` False (nobody holds the run lock) shows a run still 'running' as
    'interrupted': its process is gone even if no later run has marked it yet.
    """
    rows = db.query(
        "SELECT id, command, started_at, ended_at, status, exit_code, pid, feeds_read, pages_fetched, "
        "new_articles, duplicates, errors, stats FROM crawl_runs ORDER BY id DESC LIMIT ?",
        [limit],
    )
    runs = []
    for row in rows:
        stats = _json(row.pop("stats"))
        if row["status"] == "running" and not run_in_progress:
            row["status"] = "interrupted"
        row["duration_s"] = _duration(row["started_at"], row["ended_at"])
        # the crawl's Scrapy stats count errors as veille/errors/<kind>
        prefix = "veille/errors/"
        row["errors_by_kind"] = {
            k[len(prefix) :]: v for k, v in sorted(stats.items()) if k.startswith(prefix)
        }
        runs.append(row)
    return runs


def _json(raw: str | None) -> dict:
    try:
        value = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _source_runs(db: sqlite_utils.Database, runs: int) -> dict[str, list[dict]]:
    """Per source, its run_sources rows over the last ``runs`` crawl runs that recorded sources, newest first."""
    rows = db.query(
        "SELECT rs.*, r.started_at, r.ended_at FROM run_sources rs JOIN crawl_runs r ON r.id = rs.run_id "
        "WHERE rs.run_id IN (SELECT DISTINCT run_id FROM run_sources ORDER BY run_id DESC LIMIT ?) "
        "ORDER BY rs.run_id DESC",
        [runs],
    )
    by_source: dict[str, list[dict]] = {}
    for row in rows:
        by_source.setdefault(row["source"], []).append(row)
    return by_source


def _last_success(db: sqlite_utils.Database) -> dict[str, str]:
    rows = db.execute(
        "SELECT rs.source, max(COALESCE(r.ended_at, r.started_at)) FROM run_sources rs "
        "JOIN crawl_runs r ON r.id = rs.run_id WHERE rs.status = 'ok' GROUP BY rs.source"
    )
    return dict(rows.fetchall())


def _consecutive_failures(db: sqlite_utils.Database) -> dict[str, int]:
    """Failed runs in a row per source, newest first, over its whole history (not only the window)."""
    rows = db.execute(
        "SELECT rs.source, count(*) FROM run_sources rs WHERE rs.status != 'ok' AND rs.run_id > "
        "COALESCE((SELECT max(ok.run_id) FROM run_sources ok WHERE ok.source = rs.source AND ok.status = 'ok'), 0) "
        "GROUP BY rs.source"
    )
    return dict(rows.fetchall())


def _feeds(db: sqlite_utils.Database) -> dict[str, list[dict]]:
    feeds: dict[str, list[dict]] = {}
    for row in db.query(
        "SELECT url, source, last_status, last_checked_at, last_success_at, consecutive_failures, "
        "etag IS NOT NULL OR last_modified IS NOT NULL AS conditional FROM feed_state ORDER BY url"
    ):
        row["conditional"] = bool(row["conditional"])
        feeds.setdefault(row["source"], []).append(row)
    return feeds


def _article_figures(db: sqlite_utils.Database) -> dict[str, dict]:
    rows = db.query(
        "SELECT source, count(*) AS articles, max(fetched_at) AS last_article_at, "
        "COALESCE(max(published_at), max(fetched_at)) AS newest_article_at FROM articles GROUP BY source"
    )
    return {row.pop("source"): row for row in rows}


@wraps_sqlite_errors
def source_health(
    db: sqlite_utils.Database,
    runs: int = 10,
    *,
    dead_after: int = DEAD_AFTER,
    degraded_rate: float = DEGRADED_RATE,
    stale_after: int = STALE_AFTER_DAYS,
    now: datetime | None = None,
) -> list[dict[str, Any]]:
    """Health of every source seen in the run log, feed_state or articles, worst first."""
    stale_before = ((now or datetime.now(UTC)) - timedelta(days=stale_after)).isoformat()
    window = _source_runs(db, runs)
    last_success = _last_success(db)
    consecutive = _consecutive_failures(db)
    feeds = _feeds(db)
    articles = _article_figures(db)
    names = sorted(set(window) | set(last_success) | set(feeds) | set(articles) | set(consecutive))
    report = [
        _stale(
            _one_source(
                name,
                window.get(name, []),
                last_success.get(name),
                consecutive.get(name, 0),
                feeds.get(name, []),
                articles.get(name, {}),
                dead_after,
                degraded_rate,
            ),
            stale_before,
            stale_after,
        )
        for name in names
    ]
    order = {"DEAD": 0, "FAILING": 1, "STALE": 2, "DEGRADED": 3, "OK": 4, "UNKNOWN": 5}
    return sorted(report, key=lambda s: (order[s["health"]], s["source"]))


def _one_source(
    name: str,
    rows: list[dict],
    last_success: str | None,
    consecutive: int,
    feeds: list[dict],
    articles: dict,
    dead_after: int,
    degraded_rate: float,
) -> dict[str, Any]:
    errors = sum(int(r["errors"] or 0) for r in rows)
    work = sum(int(r["feeds_read"] or 0) + int(r["pages_fetched"] or 0) for r in rows)
    by_kind: Counter[str] = Counter()
    for row in rows:
        for kind, count in _json(row["errors_by_kind"]).items():
            by_kind[kind] += int(count or 0)
    failing_feeds = [f for f in feeds if f["consecutive_failures"]]
    all_feeds_dead = bool(feeds) and all(f["consecutive_failures"] >= dead_after for f in feeds)
    error_rate = errors / (errors + work) if errors + work else 0.0
    health, reason = _verdict(rows, consecutive, all_feeds_dead, error_rate, dead_after, degraded_rate)
    return {
        "source": name,
        "health": health,
        "reason": reason,
        "last_success": last_success,
        "consecutive_failures": consecutive,
        "runs": len(rows),
        "failed_runs": sum(1 for r in rows if r["status"] != "ok"),
        "error_rate": round(error_rate, 3),
        "errors": errors,
        "errors_by_kind": dict(by_kind.most_common()),
        "new_articles": sum(int(r["new_articles"] or 0) for r in rows),
        "articles": articles.get("articles", 0),
        "last_article_at": articles.get("last_article_at"),
        "newest_article_at": articles.get("newest_article_at"),
        "feeds": len(feeds),
        "failing_feeds": [
            {k: f[k] for k in ("url", "last_status", "consecutive_failures", "last_success_at")}
            for f in failing_feeds
        ],
    }


def _verdict(
    rows: list[dict],
    consecutive: int,
    all_feeds_dead: bool,
    error_rate: float,
    dead_after: int,
    degraded_rate: float,
) -> tuple[str, str]:
    if consecutive >= dead_after:
        return "DEAD", f"{consecutive} consecutive failed runs"
    if all_feeds_dead:
        return "DEAD", f"every feed failed {dead_after}+ times in a row"
    if not rows:
        return "UNKNOWN", "no run recorded for this source in the window"
    if rows[0]["status"] != "ok":
        return "FAILING", f"latest run failed ({consecutive} in a row)"
    if error_rate > degraded_rate:
        return "DEGRADED", f"error rate {error_rate:.0%}"
    return "OK", ""


def _stale(report: dict[str, Any], stale_before: str, stale_after: int) -> dict[str, Any]:
    """STALE: feeds answer (health OK or DEGRADED) but the newest article is older than the limit."""
    newest = report["newest_article_at"]
    # ISO 8601 strings compare as dates once cut to the same length (a bare date sorts before its day)
    if report["health"] in ("OK", "DEGRADED") and newest and newest[:19] < stale_before[:19]:
        report["health"] = "STALE"
        report["reason"] = f"newest article {newest[:10]} is older than {stale_after} days"
    return report
