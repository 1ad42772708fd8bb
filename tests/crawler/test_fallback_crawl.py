"""Fallback addresses in a real crawl (`veille crawl` in a subprocess, pages on 127.0.0.1)."""

from __future__ import annotations

import os
import subprocess
import sys

from pytest_httpserver import HTTPServer

import db
from tests.crawler.conftest import FAST, article

HTML = "text/html; charset=utf-8"
# the SSRF guard of the crawl refuses loopback addresses unless they are listed here
LOCAL_ENV = {**os.environ, "VEILLE_ALLOW_PRIVATE_ADDRESSES": "127.0.0.1"}


def rss(base: str, *paths: str) -> str:
    items = "".join(f"<item><title>t</title><link>{base}{p}</link></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>S</title>{items}</channel></rss>'


def crawl(sources, tmp_path, server: HTTPServer):
    """`veille crawl --no-nlp` of the sources file in a subprocess; (its result, the paths the server saw)."""
    done = subprocess.run(
        [sys.executable, "-m", "veille", "crawl", "--sources", str(sources), "--db", str(tmp_path / "v.db"),
         "--no-nlp", *FAST],
        capture_output=True, text=True, timeout=120, env=LOCAL_ENV,
    )  # fmt: skip
    return done, [request.path for request, _ in server.log]


def serve(server: HTTPServer, base: str) -> None:
    server.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nAllow: /\n", content_type="text/plain"
    )
    server.expect_request("/moved/new.xml").respond_with_data("introuvable", status=404, content_type=HTML)
    server.expect_request("/moved/empty.xml").respond_with_data(rss(base), content_type="application/rss+xml")
    server.expect_request("/moved/old.xml").respond_with_data(
        rss(base, "/moved/a.html"), content_type="application/rss+xml"
    )
    server.expect_request("/moved/never.xml").respond_with_data(
        rss(base, "/moved/b.html"), content_type="application/rss+xml"
    )
    server.expect_request("/fine/rss.xml").respond_with_data(
        rss(base, "/fine/c.html"), content_type="application/rss+xml"
    )
    server.expect_request("/fine/old.xml").respond_with_data(
        rss(base, "/fine/d.html"), content_type="application/rss+xml"
    )
    for name, title in (("moved/a", "Cisco rachète Exemplia"), ("fine/c", "OVHcloud ouvre un centre")):
        # a different text each, or the second is a duplicate of the first
        server.expect_request(f"/{name}.html").respond_with_data(
            article(title, extra=title), content_type=HTML
        )


def test_fallbacks_are_read_in_order_only_when_the_first_addresses_give_nothing(tmp_path):
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        base = server.url_for("").rstrip("/")
        serve(server, base)
        sources = tmp_path / "s.toml"
        sources.write_text(
            f'[[sources]]\nname = "moved"\nfeeds = ["{base}/moved/new.xml"]\n'
            f'fallback_feeds = ["{base}/moved/empty.xml", "{base}/moved/old.xml", "{base}/moved/never.xml"]\n\n'
            f'[[sources]]\nname = "fine"\nfeeds = ["{base}/fine/rss.xml"]\nfallback_feeds = ["{base}/fine/old.xml"]\n',
            encoding="utf-8",
        )
        done, paths = crawl(sources, tmp_path, server)
    finally:
        server.clear()
        server.stop()
    assert done.returncode == 0, done.stderr[-2000:]
    # the chain stops at the first fallback with items; a source whose feed works reads no fallback
    assert "/moved/never.xml" not in paths and "/fine/old.xml" not in paths
    database = db.open_db(tmp_path / "v.db")
    titles = {row["source"]: row["title"] for row in database.query("SELECT source, title FROM articles")}
    assert titles == {"moved": "Cisco rachète Exemplia", "fine": "OVHcloud ouvre un centre"}
    state = {row["url"][len(base) :]: row for row in database.query("SELECT * FROM feed_state")}
    assert set(state) == {"/moved/new.xml", "/moved/empty.xml", "/moved/old.xml", "/fine/rss.xml"}
    assert (state["/moved/new.xml"]["last_status"], state["/moved/new.xml"]["fallback"]) == (404, 0)
    assert (state["/moved/empty.xml"]["last_items"], state["/moved/empty.xml"]["fallback"]) == (0, 1)
    assert (state["/moved/old.xml"]["last_items"], state["/moved/old.xml"]["fallback"]) == (1, 1)
    assert (state["/fine/rss.xml"]["last_items"], state["/fine/rss.xml"]["fallback"]) == (1, 0)


def test_robots_txt_forbids_every_first_request_to_a_host_not_only_the_first(tmp_path):
    # Before (Scrapy's RobotsTxtMiddleware alone): the requests that waited for robots.txt with the
    # first one were let through, and /private/rss.xml was fetched although robots.txt forbids it.
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        base = server.url_for("").rstrip("/")
        server.expect_request("/robots.txt").respond_with_data(
            "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
        )
        for name in ("a", "b", "c"):
            server.expect_request(f"/open/{name}.xml").respond_with_data(
                rss(base), content_type="application/rss+xml"
            )
            server.expect_request(f"/private/{name}.xml").respond_with_data(
                rss(base), content_type="application/rss+xml"
            )
        sources = tmp_path / "s.toml"
        sources.write_text(
            "".join(
                f'[[sources]]\nname = "{n}"\nfeeds = ["{base}/open/{n}.xml", "{base}/private/{n}.xml"]\n\n'
                for n in ("a", "b", "c")
            ),
            encoding="utf-8",
        )
        _, paths = crawl(sources, tmp_path, server)
    finally:
        server.clear()
        server.stop()
    assert {"/open/a.xml", "/open/b.xml", "/open/c.xml"} <= set(paths)
    assert not [p for p in paths if p.startswith("/private/")], paths
