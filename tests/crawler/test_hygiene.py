"""Crawl hygiene: a cap on the new links of one feed per run, and links that failed for good
(404, 410, not HTML) not fetched again until their retry time."""

from __future__ import annotations

from collections import Counter

import pytest
from pytest_httpserver import HTTPServer

import db
from tests.crawler.conftest import FAST, article, veille
from veille import exitcodes

HTML = "text/html; charset=utf-8"


def rss(base: str, paths: list[str]) -> str:
    items = "".join(f"<item><title>{p}</title><link>{base}{p}</link></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>S</title>{items}</channel></rss>'


@pytest.fixture
def site():
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield server
    server.clear()
    server.stop()


def crawl(tmp_path, base: str, *extra: str):
    sources = tmp_path / "s.toml"
    sources.write_text(f'[[sources]]\nname = "s"\nfeeds = ["{base}/rss.xml"]\n', encoding="utf-8")
    return veille(
        "crawl", "--sources", str(sources), "--db", str(tmp_path / "v.db"), "--no-nlp", *FAST, *extra
    )


def test_new_links_per_feed_are_capped_and_the_rest_come_in_the_next_runs(tmp_path, site):
    base = site.url_for("").rstrip("/")
    paths = [f"/a{n}.html" for n in range(5)]
    # an ETag that would turn the second read into a 304 and hide the links left behind
    site.expect_request("/rss.xml", headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
    site.expect_request("/rss.xml").respond_with_data(
        rss(base, paths), content_type="application/rss+xml", headers={"ETag": '"v1"'}
    )
    for n, path in enumerate(paths):
        site.expect_request(path).respond_with_data(
            article(f"Article numéro {n}", extra=f"n{n}"), content_type=HTML
        )
    counts = []
    for _ in range(3):
        result = crawl(tmp_path, base, "-s", "VEILLE_MAX_LINKS_PER_FEED=2")
        assert result.returncode == exitcodes.OK, result.stderr[-2000:]
        counts.append(db.open_db(tmp_path / "v.db")["articles"].count)
    assert counts == [2, 4, 5]
    fetched = Counter(request.path for request, _ in site.log)
    assert all(fetched[p] == 1 for p in paths)  # each article once, over three runs


def test_links_that_failed_for_good_are_not_fetched_again_until_their_retry_time(tmp_path, site):
    base = site.url_for("").rstrip("/")
    site.expect_request("/rss.xml").respond_with_data(
        rss(base, ["/ok.html", "/gone.html", "/removed.html", "/doc.pdf", "/busy.html"]),
        content_type="application/rss+xml",
    )
    site.expect_request("/ok.html").respond_with_data(article("Un article"), content_type=HTML)
    site.expect_request("/gone.html").respond_with_data("introuvable", status=404, content_type=HTML)
    site.expect_request("/removed.html").respond_with_data("parti", status=410, content_type=HTML)
    site.expect_request("/doc.pdf").respond_with_data(
        b"%PDF-1.4 " + b"0" * 500, content_type="application/pdf"
    )
    site.expect_request("/busy.html").respond_with_data("plus tard", status=503, content_type=HTML)
    for _ in range(2):
        crawl(tmp_path, base, "-s", "RETRY_TIMES=0")
    fetched = Counter(request.path for request, _ in site.log)
    assert [fetched[p] for p in ("/gone.html", "/removed.html", "/doc.pdf")] == [1, 1, 1]
    assert fetched["/busy.html"] == 2  # a 503 may pass: tried again on every run
    database = db.open_db(tmp_path / "v.db")
    kinds = {
        row["url"].removeprefix(base): row["kind"] for row in database.query("SELECT * FROM failed_urls")
    }
    assert kinds == {"/gone.html": "http_404", "/removed.html": "http_410", "/doc.pdf": "not_html"}
    # once the retry time has come, the link is tried again and its next wait is longer
    database.execute("UPDATE failed_urls SET retry_after = '2000-01-01T00:00:00+00:00'")
    database.conn.commit()
    crawl(tmp_path, base, "-s", "RETRY_TIMES=0")
    assert Counter(request.path for request, _ in site.log)["/gone.html"] == 2
    row = database["failed_urls"].get(f"{base}/gone.html")
    assert row["failures"] == 2 and row["retry_after"] > row["last_failed_at"]
