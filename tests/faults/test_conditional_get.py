"""Cheap re-runs: an unchanged feed costs one 304 and no article fetch (`veille crawl` in a subprocess)."""

from __future__ import annotations

import pytest

from tests.faults.conftest import query, run_crawl, write_sources
from tests.faults.server import FaultServer, FaultSite

pytestmark = pytest.mark.slow


def test_unchanged_feed_and_sitemap_cost_one_304_each_and_no_article_fetch(tmp_path):
    db_path = tmp_path / "veille.db"
    site = FaultSite(articles=5, faults=False)
    with FaultServer(site) as server:
        sources = write_sources(tmp_path / "sources.toml", server, malformed=False)
        first = run_crawl(sources, db_path)
        assert first.returncode == 0, first.stderr[-3000:]
        site.requests.clear()

        second = run_crawl(sources, db_path)
        seen_second = [(path, headers) for _, path, headers in site.requests]
        states_second = query(
            db_path, "SELECT url, last_status, consecutive_failures FROM feed_state ORDER BY url"
        )
        site.requests.clear()

        site.articles = 6  # one new article: the feed and the sitemap change (new ETag / Last-Modified)
        third = run_crawl(sources, db_path)
        seen_third = [path for _, path, _ in site.requests]
    assert second.returncode == 0, second.stderr[-3000:]
    assert [path for path, _ in seen_second if path != "/robots.txt"] == [
        "/feed.xml",
        "/sitemap.xml",
    ] or sorted(path for path, _ in seen_second if path != "/robots.txt") == ["/feed.xml", "/sitemap.xml"]
    headers = dict(seen_second)
    assert headers["/feed.xml"]["If-None-Match"] == '"feed-5"'
    assert "If-Modified-Since" in headers["/sitemap.xml"]
    assert [row[1:] for row in states_second] == [(304, 0), (304, 0)], states_second
    runs = query(
        db_path, "SELECT id, status, feeds_read, pages_fetched, new_articles FROM crawl_runs ORDER BY id"
    )
    assert runs[1] == (2, "completed", 2, 0, 0)

    assert third.returncode == 0, third.stderr[-3000:]
    assert {p for p in seen_third if p.startswith("/articles/")} == {"/articles/5.html"}
    assert query(db_path, "SELECT count(*) FROM articles") == [(6,)]
    assert query(db_path, "SELECT last_status FROM feed_state") == [(200,), (200,)]


def test_validators_are_not_kept_after_a_limited_run(tmp_path):
    db_path = tmp_path / "veille.db"
    site = FaultSite(articles=5, faults=False)
    with FaultServer(site) as server:
        sources = write_sources(tmp_path / "sources.toml", server, malformed=False)
        limited = run_crawl(sources, db_path, "--limit", "2")
        assert limited.returncode == 0, limited.stderr[-3000:]
        assert query(db_path, "SELECT etag, last_modified FROM feed_state") == [(None, None), (None, None)]
        site.requests.clear()
        rest = run_crawl(sources, db_path)
    assert rest.returncode == 0, rest.stderr[-3000:]
    fetched = {path for _, path, _ in site.requests if path.startswith("/articles/")}
    assert len(fetched) == 3  # the feed was read again in full: the three articles left behind, only them
    assert query(db_path, "SELECT count(*) FROM articles") == [(5,)]
