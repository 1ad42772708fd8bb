"""Probe: a whole `veille crawl` against feeds pointing inside (SSRF) and redirects leaving the source.

Everything listens on loopback: the news site on 127.0.0.1 (allowed with
VEILLE_ALLOW_PRIVATE_ADDRESSES=127.0.0.1), the "internal" site on 127.0.0.2 (must stay unreached),
names through the resolver stub. The internal site logs every hit, so a leak cannot hide.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.security import sites

pytestmark = pytest.mark.slow


@dataclass
class Probe:
    news: HTTPServer
    internal: HTTPServer
    sources: Path

    def internal_hits(self) -> list[str]:
        return [request.path for request, _ in self.internal.log]


def _start(host: str) -> HTTPServer:
    server = HTTPServer(host=host, port=0)
    try:
        server.start()
    except OSError as exc:  # only Linux routes all of 127.0.0.0/8 to loopback by default
        pytest.skip(f"cannot listen on {host}: {exc}")
    return server


def _serve_news(news: HTTPServer, internal_port: int) -> dict[str, list[str]]:
    base, inside = f"http://news.test:{news.port}", f"http://127.0.0.2:{internal_port}"
    ssrf_links = [
        f"{base}/articles/ok.html",
        f"{inside}/internal/1.html",
        f"http://2130706434:{internal_port}/internal/2.html",  # 127.0.0.2 as one number
        f"http://0x7f.2:{internal_port}/internal/3.html",  # and in hexadecimal
        f"http://metadata.test:{internal_port}/internal/4.html",  # a name resolving inside
        f"{base}/articles/redirect-inside.html",
        f"{base}/articles/refresh-inside.html",
    ]
    offsite_links = [
        f"{base}/articles/ok2.html",
        f"{base}/articles/redirect-out.html",
        f"{base}/articles/refresh-out.html",
    ]
    news.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    news.expect_request("/ssrf.xml").respond_with_data(
        sites.rss(ssrf_links), content_type="application/rss+xml"
    )
    news.expect_request("/offsite.xml").respond_with_data(
        sites.rss(offsite_links), content_type="application/rss+xml"
    )
    news.expect_request("/index.xml").respond_with_data(
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{inside}/sitemap.xml</loc></sitemap></sitemapindex>",
        content_type="application/xml",
    )
    sites.serve_article(news, "/articles/ok.html", "Un article public")
    sites.serve_article(news, "/articles/ok2.html", "Un autre article public")
    sites.serve_article(news, "/articles/elsewhere.html", "Un article d'un autre site")
    sites.serve_redirect(news, "/articles/redirect-inside.html", f"{inside}/internal/5.html")
    sites.serve_refresh(news, "/articles/refresh-inside.html", f"{inside}/internal/6.html")
    sites.serve_redirect(
        news, "/articles/redirect-out.html", f"http://other.test:{news.port}/articles/elsewhere.html"
    )
    sites.serve_refresh(
        news, "/articles/refresh-out.html", f"http://other.test:{news.port}/articles/elsewhere2.html"
    )
    return {"ssrf": [f"{base}/ssrf.xml"], "index": [f"{base}/index.xml"], "offsite": [f"{base}/offsite.xml"]}


def _sources_file(path: Path, feeds: dict[str, list[str]]) -> Path:
    path.write_text(
        '[[sources]]\nname = "ouvert"\n'
        f"feeds = {json.dumps(feeds['ssrf'])}\nsitemaps = {json.dumps(feeds['index'])}\n\n"
        '[[sources]]\nname = "restreint"\nallowed_domains = ["news.test"]\n'
        f"feeds = {json.dumps(feeds['offsite'])}\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def probe(tmp_path) -> Iterator[Probe]:
    news, internal = _start("127.0.0.1"), _start("127.0.0.2")
    try:
        sites.serve_internal(internal)
        feeds = _serve_news(news, internal.port)
        yield Probe(news, internal, _sources_file(tmp_path / "sources.toml", feeds))
    finally:
        for server in (news, internal):
            server.clear()
            server.stop()


def _errors(db_path: Path, source: str) -> dict[str, int]:
    with sqlite3.connect(db_path) as conn:
        (value,) = conn.execute(
            "SELECT errors_by_kind FROM run_sources WHERE source = ?", [source]
        ).fetchone()
    return json.loads(value)


def _stored(db_path: Path) -> list[str]:
    with sqlite3.connect(db_path) as conn:
        return sorted(row[0] for row in conn.execute("SELECT url FROM articles"))


def test_feed_links_redirects_and_index_children_never_reach_internal_addresses(probe, tmp_path):
    db_path = tmp_path / "v.db"
    result = sites.crawl(probe.sources, db_path, allow="127.0.0.1")
    assert result.returncode == 0, result.stderr[-3000:]
    assert probe.internal_hits() == []
    port = probe.news.port
    assert _stored(db_path) == [
        f"http://news.test:{port}/articles/ok.html",
        f"http://news.test:{port}/articles/ok2.html",
    ]
    # 4 feed links, a 302 and a meta refresh into 127.0.0.2, and the sitemap index's child
    assert _errors(db_path, "ouvert") == {"blocked_address": 7}
    assert "blocked_address:7" in result.stdout


def test_redirects_out_of_allowed_domains_are_refused(probe, tmp_path):
    db_path = tmp_path / "v.db"
    result = sites.crawl(probe.sources, db_path, allow="127.0.0.1")
    assert result.returncode == 0, result.stderr[-3000:]
    assert _errors(db_path, "restreint") == {"offsite_redirect": 2}  # the 302 and the meta refresh
    paths = [request.path for request, _ in probe.news.log]
    assert "/articles/elsewhere.html" not in paths and "/articles/elsewhere2.html" not in paths


def test_without_allowlist_loopback_sources_are_refused(probe, tmp_path):
    db_path = tmp_path / "v.db"
    result = sites.crawl(probe.sources, db_path, allow=None)
    assert result.returncode == 1  # every source unreadable
    assert probe.news.log == [] and probe.internal_hits() == []
    assert _errors(db_path, "ouvert") == {"blocked_address": 2}  # its feed and its sitemap index
    assert "UNREADABLE" in result.stdout


def test_setting_overrides_the_environment(probe, tmp_path):
    db_path = tmp_path / "v.db"
    result = sites.crawl(
        probe.sources, db_path, "10.0.0.0/8", "-s", "VEILLE_ALLOW_PRIVATE_ADDRESSES=127.0.0.1"
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(_stored(db_path)) == 2 and probe.internal_hits() == []


def test_a_source_written_as_a_loopback_address_is_crawled_and_only_that_origin(probe, tmp_path):
    """The operator names http://127.0.0.1:PORT/ in the sources file: that origin passes without the
    allow-list; its feed's links to another port or another internal address stay blocked."""
    port, inside = probe.news.port, f"http://127.0.0.2:{probe.internal.port}"
    links = [
        f"http://127.0.0.1:{port}/articles/ok.html",
        f"http://127.0.0.1:{probe.internal.port}/internal/1.html",  # same machine, another port
        f"{inside}/internal/2.html",
        f"http://metadata.test:{port}/internal/3.html",  # a name is still resolved and checked
    ]
    probe.news.expect_request("/literal.xml").respond_with_data(
        sites.rss(links), content_type="application/rss+xml"
    )
    sources = tmp_path / "literal.toml"
    sources.write_text(
        f'[[sources]]\nname = "local"\nfeeds = ["http://127.0.0.1:{port}/literal.xml"]\n', encoding="utf-8"
    )
    db_path = tmp_path / "v.db"
    result = sites.crawl(sources, db_path, allow=None)
    assert result.returncode == 0, result.stderr[-3000:]
    assert _stored(db_path) == [f"http://127.0.0.1:{port}/articles/ok.html"]
    assert _errors(db_path, "local") == {"blocked_address": 3}
    assert probe.internal_hits() == []
