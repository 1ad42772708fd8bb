"""A whole crawl (`veille crawl` in a subprocess) over a server full of bad input."""

from __future__ import annotations

import json

import db
from veille import exitcodes


def run_sources(result) -> dict[str, dict]:
    database = db.open_db(result.db_path)
    rows = database.query("SELECT * FROM run_sources WHERE run_id = (SELECT min(id) FROM crawl_runs)")
    return {row["source"]: {**row, "errors_by_kind": json.loads(row["errors_by_kind"])} for row in rows}


def test_crawl_goes_on_past_bad_input_and_counts_each_kind(fault_crawl):
    assert fault_crawl.first.returncode == exitcodes.PARTIAL, fault_crawl.first.stderr[-2000:]
    sources = run_sources(fault_crawl)
    kinds = sources["good"]["errors_by_kind"]
    assert kinds == {
        "empty_page": 2,
        "http_404": 1,
        "http_5xx": 1,
        "not_french": 1,
        "not_html": 1,
        "robots_forbidden": 1,
    }
    assert sources["good"]["status"] == "ok"
    assert sources["broken"]["errors_by_kind"] == {"malformed_feed": 1}
    assert sources["broken"]["status"] == "failed"
    assert sources["unreachable"]["errors_by_kind"] == {"connection": 1}
    assert sources["unreachable"]["status"] == "failed"
    assert sources["sitemaps"]["new_articles"] == 1


def test_each_bad_input_has_a_clear_log_line_and_the_summary_shows_it(fault_crawl):
    err, out = fault_crawl.first.stderr, fault_crawl.first.stdout
    assert "good: cannot fetch article" in err and "http_404" in err
    assert "good: page skipped (not_french)" in err
    assert "broken: cannot read feed" in err
    assert "unreachable: cannot fetch feed" in err
    assert "UNREADABLE" in out and "malformed_feed:1" in out


def test_articles_are_stored_once_with_all_their_urls(fault_crawl):
    database = db.open_db(fault_crawl.db_path)
    titles = {row["title"]: row for row in database.query("SELECT * FROM articles")}
    assert len(titles) == 3
    # the same text at two addresses: whichever came first is stored
    assert {"Cisco rachète Exemplia", "Cisco rachète Exemplia (copie)"} & set(titles)
    assert {"Télécoms : la fibre progresse", "OVHcloud ouvre un centre"} <= set(titles)
    latin = titles["Télécoms : la fibre progresse"]
    assert "Déploiement accéléré" in latin["text"] and "\ufffd" not in latin["text"]
    assert titles["OVHcloud ouvre un centre"]["published_at"] == "2024-06-01T08:00:00+01:00"
    assert titles["OVHcloud ouvre un centre"]["date_source"] == "opengraph"  # the page's, not the sitemap's
    urls = {row[0] for row in database.execute("SELECT url FROM article_urls")}
    base = fault_crawl.base
    assert {f"{base}/good/a.html", f"{base}/good/copy.html"} <= urls  # same text, two addresses, one article
    assert not any("utm_source" in url for url in urls)


def test_second_identical_crawl_adds_no_rows(fault_crawl):
    assert fault_crawl.second.returncode == exitcodes.PARTIAL
    database = db.open_db(fault_crawl.db_path)
    assert database["articles"].count == 3
    runs = list(database.query("SELECT new_articles FROM crawl_runs ORDER BY id"))
    assert [r["new_articles"] for r in runs] == [3, 0]


def test_unchanged_feed_costs_one_304(tmp_path):
    from pytest_httpserver import HTTPServer

    from tests.crawler.conftest import FAST, article, veille

    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        base = server.url_for("").rstrip("/")
        rss = f'<?xml version="1.0"?><rss version="2.0"><channel><title>S</title><item><link>{base}/a.html</link></item></channel></rss>'
        etag = '"v1"'
        server.expect_request("/rss.xml", headers={"If-None-Match": etag}).respond_with_data("", status=304)
        server.expect_request("/rss.xml").respond_with_data(
            rss, content_type="application/rss+xml", headers={"ETag": etag}
        )
        server.expect_request("/a.html").respond_with_data(
            article("Un article"), content_type="text/html; charset=utf-8"
        )
        sources = tmp_path / "s.toml"
        sources.write_text(f'[[sources]]\nname = "s"\nfeeds = ["{base}/rss.xml"]\n', encoding="utf-8")
        args = ["crawl", "--sources", str(sources), "--db", str(tmp_path / "v.db"), "--no-nlp", *FAST]
        first, second = veille(*args), veille(*args)
        paths = [request.path for request, _ in server.log]
    finally:
        server.clear()
        server.stop()
    assert first.returncode == second.returncode == 0, second.stderr[-2000:]
    assert paths.count("/rss.xml") == 2 and paths.count("/a.html") == 1
    database = db.open_db(tmp_path / "v.db")
    assert database["feed_state"].get(f"{base}/rss.xml")["last_status"] == 304
