"""A crawl killed mid-run (SIGKILL) or stopped (SIGTERM) loses nothing and duplicates nothing.

`veille crawl` runs in a subprocess against 40 local pages served slowly enough to kill it with
some articles stored and others not; then the next run must complete the work.
"""

from __future__ import annotations

import signal
import time

import pytest

from tests.faults.conftest import query, run_crawl, start_crawl, write_sources
from tests.faults.server import FaultServer, FaultSite

pytestmark = pytest.mark.slow

PAGES = 40


def wait_for(condition, timeout: float = 30.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def stored(db_path) -> int:
    try:
        return query(db_path, "SELECT count(*) FROM articles")[0][0]
    except Exception:  # noqa: BLE001 - the database may not exist or have its tables yet
        return 0


def check_consistent(db_path) -> None:
    assert query(db_path, "PRAGMA integrity_check") == [("ok",)]
    assert query(db_path, "PRAGMA foreign_key_check") == []
    # an article and its mentions are written in one transaction: never one without the other
    orphans = "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id)"
    assert query(db_path, orphans) == [(0,)]


def check_complete(db_path) -> None:
    titles = [row[0] for row in query(db_path, "SELECT title FROM articles")]
    numbers = sorted(int(t.rsplit("n°", 1)[1].rstrip(")")) for t in titles)
    assert numbers == list(range(PAGES)), "every page stored exactly once"
    assert query(db_path, "SELECT count(*) FROM article_urls") == [(PAGES,)]


def test_sigkill_mid_run_then_next_run_completes_without_duplicates(tmp_path):
    db_path = tmp_path / "veille.db"
    site = FaultSite(articles=PAGES, faults=False, delay=0.15)
    with FaultServer(site) as server:
        sources = write_sources(tmp_path / "sources.toml", server, malformed=False)
        proc = start_crawl(sources, db_path)
        try:
            wait_for(lambda: stored(db_path) >= 8 or proc.poll() is not None, what="8 stored articles")
            assert proc.poll() is None, "the crawl ended before it could be killed"
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
        finally:
            if proc.poll() is None:
                proc.kill()
        before = stored(db_path)
        stored_before = {url.split("/", 3)[3] for (url,) in query(db_path, "SELECT url FROM articles")}
        assert 8 <= before < PAGES
        check_consistent(db_path)
        assert query(db_path, "SELECT status FROM crawl_runs") == [("running",)]  # nobody could record it

        site.delay = 0
        fetched_before = {p for _, p, _ in site.requests if p.startswith("/articles/")}
        site.requests.clear()
        again = run_crawl(sources, db_path)
    assert again.returncode == 0, again.stderr[-3000:]
    check_consistent(db_path)
    check_complete(db_path)
    runs = query(db_path, "SELECT id, status, new_articles FROM crawl_runs ORDER BY id")
    assert runs == [(1, "interrupted", before), (2, "completed", PAGES - before)]
    refetched = {p.lstrip("/") for _, p, _ in site.requests if p.startswith("/articles/")}
    assert len(stored_before) == before
    assert refetched == {f"articles/{n}.html" for n in range(PAGES)} - stored_before  # only what was missing
    assert len(fetched_before) >= before


def test_sigterm_stops_gracefully_storing_the_articles_in_flight(tmp_path):
    db_path = tmp_path / "veille.db"
    site = FaultSite(articles=PAGES, faults=False, delay=0.15)
    with FaultServer(site) as server:
        sources = write_sources(tmp_path / "sources.toml", server, malformed=False)
        # a batch larger than the crawl: nothing is written before the spider closes
        proc = start_crawl(sources, db_path, "-s", "VEILLE_NLP_BATCH_SIZE=1000")
        articles_served = lambda: sum(n for p, n in site.hits.items() if p.startswith("/articles/"))  # noqa: E731
        wait_for(lambda: articles_served() >= 6 or proc.poll() is not None, what="6 pages served")
        assert stored(db_path) == 0
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
        after_stop = stored(db_path)
        site.delay = 0
        again = run_crawl(sources, db_path)
    assert proc.returncode == 6, err[-3000:]  # exitcodes.INTERRUPTED
    assert after_stop >= 6, "the articles fetched before SIGTERM were stored on the way out"
    assert query(db_path, "SELECT status, exit_code FROM crawl_runs WHERE id = 1") == [("interrupted", 6)]
    check_consistent(db_path)
    assert again.returncode == 0, again.stderr[-3000:]
    check_complete(db_path)
