"""The fault suite: `veille crawl` (a subprocess, as cron runs it) against the misbehaving site.

Every fault must be survived: the crawl finishes, counts the fault under the right kind, stores
every good article exactly once and nothing from the broken pages. The suite prints its figures.
"""

from __future__ import annotations

import json

import pytest

from tests.faults.conftest import query, run_crawl, write_sources
from tests.faults.server import FAULTS, FaultServer, FaultSite

pytestmark = pytest.mark.slow

ARTICLES = 6
OUTCOMES = {
    **FAULTS,
    "tracking-parameter duplicates": "?utm_*/xtor variants of one article: fetched and stored once",
    "same article at two URLs": "identical text at /articles/2 and /mirror/2: one row, both URLs kept",
    "unreachable source": "connection refused: source marked failed, the run goes on, exit code 1",
}


@pytest.fixture(scope="module")
def suite(tmp_path_factory):
    """Two crawls of the fault site (the second must add nothing), with what the server saw."""
    tmp = tmp_path_factory.mktemp("faults")
    site = FaultSite(articles=ARTICLES)
    with FaultServer(site) as server:
        sources = write_sources(tmp / "sources.toml", server, unreachable=True)
        db_path = tmp / "veille.db"
        first = run_crawl(sources, db_path)
        requests_first = list(site.requests)
        second = run_crawl(sources, db_path)
    return {
        "site": site,
        "db": db_path,
        "first": first,
        "second": second,
        "requests_first": requests_first,
        "requests_second": site.requests[len(requests_first) :],
    }


def errors_by_kind(db_path, source="fauxjournal", run_id=1) -> dict[str, int]:
    rows = query(
        db_path, "SELECT errors_by_kind FROM run_sources WHERE run_id = ? AND source = ?", [run_id, source]
    )
    return json.loads(rows[0][0])


def stored_numbers(db_path) -> list[int]:
    """The article number of each stored row ("dossier n°N" in every title)."""
    titles = [row[0] for row in query(db_path, "SELECT title FROM articles")]
    return sorted(int(t.rsplit("n°", 1)[1].rstrip(")")) for t in titles)


def page_requests(requests) -> list[str]:
    return [
        path
        for _, path, _ in requests
        if path.startswith(("/articles/", "/mirror/", "/fault/")) and ".html" in path
    ]


def check_faults(suite) -> dict[str, bool]:
    """fault route -> survived as it should (the run went on and the outcome is the right one)."""
    db_path, site = suite["db"], suite["site"]
    kinds = errors_by_kind(db_path)
    numbers = stored_numbers(db_path)
    urls = [row[0] for row in query(db_path, "SELECT url FROM article_urls")]
    stored_paths = {u.split("/", 3)[3] for u in urls}
    nothing_from = not any(
        p.startswith("fault/") and "flaky" not in p and "charset" not in p for p in stored_paths
    )
    text = query(db_path, "SELECT text FROM articles WHERE url LIKE '%/fault/charset.html'")
    return {
        "/fault/timeout.html": kinds.get("timeout", 0) >= 2 and nothing_from,
        "/fault/drip.html": kinds.get("timeout", 0) >= 2 and nothing_from,
        "/fault/reset.html": kinds.get("connection", 0) >= 1,
        "/fault/flaky.html": 900 in numbers and site.hits["/fault/flaky.html"] >= 3,
        "/fault/loop-a.html": kinds.get("redirect_loop", 0) == 1,
        "/fault/huge.html": kinds.get("too_large", 0) >= 3 and nothing_from,
        "/fault/huge-stream.html": kinds.get("too_large", 0) >= 3 and nothing_from,
        "/fault/gzip-bomb.html": kinds.get("too_large", 0) >= 3 and nothing_from,
        "/fault/malformed.xml": kinds.get("malformed_feed", 0) == 1,
        "/fault/charset.html": bool(text)
        and "Sopra Steria a annoncé" in text[0][0]
        and "\ufffd" not in text[0][0],
        "/fault/missing.html": kinds.get("http_404", 0) == 1,
        "tracking-parameter duplicates": numbers.count(1) == 1
        and not any(p.startswith("/articles/1.html?") for p in site.hits)  # variants never fetched
        and not any("utm_" in u or "xtor" in u for u in urls),
        "same article at two URLs": numbers.count(2) == 1
        and {"articles/2.html", "mirror/2.html"} <= stored_paths,
        "unreachable source": query(db_path, "SELECT status FROM run_sources WHERE source = 'injoignable'")[
            0
        ][0]
        == "failed",
    }


def test_first_crawl_survives_every_fault_and_exits_partial(suite):
    first = suite["first"]
    assert first.returncode == 1, first.stderr[-3000:]  # 1: the unreachable source could not be read at all
    assert "injoignable" in first.stdout and "UNREADABLE" in first.stdout
    survived = check_faults(suite)
    assert [name for name, ok in survived.items() if not ok] == []


def test_every_good_article_is_stored_once_with_its_mentions(suite):
    db_path, site = suite["db"], suite["site"]
    assert stored_numbers(db_path) == sorted([*range(ARTICLES), 900, 901])
    assert len(stored_numbers(db_path)) == site.expected_articles()
    orphans = query(
        db_path,
        "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id)",
    )
    assert orphans == [(0,)]
    assert query(db_path, "PRAGMA integrity_check") == [("ok",)]


def test_second_crawl_adds_nothing_and_fetches_no_stored_page(suite):
    second, db_path = suite["second"], suite["db"]
    assert second.returncode == 1, second.stderr[-3000:]
    assert len(stored_numbers(db_path)) == suite["site"].expected_articles()
    assert query(db_path, "SELECT new_articles FROM crawl_runs WHERE id = 2") == [(0,)]
    refetched = {p.split("?")[0] for p in page_requests(suite["requests_second"])}
    stored_pages = {f"/articles/{n}.html" for n in range(ARTICLES)} | {"/mirror/2.html", "/fault/flaky.html"}
    assert not refetched & stored_pages
    # what failed for a reason that may pass (timeout, reset) is tried again...
    assert {"/fault/timeout.html", "/fault/reset.html"} <= refetched
    # ...so its feed is read in full, while the sitemap (all its articles stored) costs one 304
    lists = {
        path: headers
        for _, path, headers in suite["requests_second"]
        if path in ("/feed.xml", "/sitemap.xml")
    }
    assert "If-None-Match" not in lists["/feed.xml"]
    assert "If-Modified-Since" in lists["/sitemap.xml"]
    states = query(db_path, "SELECT url, last_status, consecutive_failures FROM feed_state")
    assert {url.rsplit("/", 1)[1]: rest for url, *rest in states} == {
        "feed.xml": [200, 0],
        "sitemap.xml": [304, 0],
        "malformed.xml": [200, 2],  # answers, but garbage: failing, shown by veille status
        "rss": [None, 2],  # the unreachable source
    }


def test_fault_suite_figures(suite, capsys):
    survived = check_faults(suite)
    db_path, site = suite["db"], suite["site"]
    stored = len(stored_numbers(db_path))
    pages = page_requests(suite["requests_first"])
    lost = site.expected_articles() - len(set(stored_numbers(db_path)))
    duplicated = stored - len(set(stored_numbers(db_path)))
    lines = [
        "",
        "fault suite (veille crawl against tests/faults/server.py, first run)",
        f"  links offered by the feed   {len(site.feed_paths())}",
        f"  pages tried (distinct)      {len({p.split('?')[0] for p in pages})}  ({len(pages)} requests with retries)",
        f"  faults survived             {sum(survived.values())}/{len(survived)}",
    ]
    lines += [
        f"    {'ok ' if ok else 'FAIL'} {name}: {OUTCOMES.get(name, '')}" for name, ok in survived.items()
    ]
    lines += [
        f"  articles expected/stored    {site.expected_articles()}/{stored}",
        f"  rows lost                   {lost}",
        f"  rows duplicated             {duplicated}",
        f"  errors by kind              {errors_by_kind(db_path)}",
        f"  exit codes (run 1, run 2)   {suite['first'].returncode}, {suite['second'].returncode}",
    ]
    with capsys.disabled():
        print("\n".join(lines))
    assert lost == 0 and duplicated == 0 and all(survived.values())
