"""A local server with every kind of bad input, crawled once per session by `veille crawl`."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.crawler.test_extract import PARAGRAPHS

FAST = [
    "-s",
    "AUTOTHROTTLE_ENABLED=False",
    "-s",
    "DOWNLOAD_DELAY=0",
    "-s",
    "DOWNLOAD_TIMEOUT=5",
    "-s",
    "RETRY_TIMES=1",
]


def article(title: str, extra: str = "", lang: str = "fr", date: str = "2024-03-12") -> str:
    body = "".join(f"<p>{p} {extra}</p>" for p in PARAGRAPHS)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><title>{title} | Le Site</title>'
        f'<meta property="article:published_time" content="{date}T08:00:00+01:00"></head>'
        f"<body><nav>Accueil</nav><article><h1>{title}</h1>{body}</article></body></html>"
    )


ENGLISH = (
    '<html lang="en"><head><title>Cisco buys a start-up</title></head><body><article><h1>Cisco buys a start-up</h1>'
    + "".join(
        f"<p>The network equipment maker said on {day} that it had agreed to buy the company for an undisclosed "
        "amount, as it continues to invest in security and artificial intelligence for its customers.</p>"
        for day in ("Monday", "Tuesday", "Thursday")
    )
    + "</article></body></html>"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class CrawlResult:
    db_path: Path
    first: subprocess.CompletedProcess
    second: subprocess.CompletedProcess
    base: str


def serve_faults(server: HTTPServer) -> None:
    base = server.url_for("").rstrip("/")
    html = "text/html; charset=utf-8"
    links = [
        "/good/a.html",
        "/good/a.html?utm_source=rss&xtor=RSS-2",  # same article, tracking parameters
        "/good/copy.html",  # same text at another address
        "/good/latin.html",  # windows-1252, no charset anywhere
        "/good/missing.html",
        "/good/error.html",
        "/good/doc.pdf",
        "/good/empty.html",
        "/good/english.html",
        "/good/nav-only.html",
        "/private/secret.html",  # forbidden by robots.txt
    ]
    items = "".join(
        f"<item><title>t{i}</title><link>{base}{u.replace('&', '&amp;')}</link></item>"
        for i, u in enumerate(links)
    )
    rss = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Le Site</title>{items}</channel></rss>'
    server.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    server.expect_request("/good/rss.xml").respond_with_data(rss, content_type="application/rss+xml")
    server.expect_request("/good/a.html").respond_with_data(
        article("Cisco rachète Exemplia"), content_type=html
    )
    server.expect_request("/good/copy.html").respond_with_data(
        article("Cisco rachète Exemplia (copie)"), content_type=html
    )
    server.expect_request("/good/latin.html").respond_with_data(
        article("Télécoms : la fibre progresse", extra="Déploiement accéléré.").encode("cp1252"),
        content_type="text/html",
    )
    server.expect_request("/good/missing.html").respond_with_data(
        "introuvable", status=404, content_type=html
    )
    server.expect_request("/good/error.html").respond_with_data("erreur", status=500, content_type=html)
    server.expect_request("/good/doc.pdf").respond_with_data(
        b"%PDF-1.4 " + b"0" * 5000, content_type="application/pdf"
    )
    server.expect_request("/good/empty.html").respond_with_data(b"", content_type=html)
    server.expect_request("/good/english.html").respond_with_data(ENGLISH, content_type=html)
    server.expect_request("/good/nav-only.html").respond_with_data(
        "<html><body><nav>Accueil</nav><footer>Contact</footer></body></html>", content_type=html
    )
    server.expect_request("/broken/rss.xml").respond_with_data(
        "<rss><channel><item><title>oops", content_type="text/xml"
    )
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{base}/sm/news.xml</loc></sitemap></sitemapindex>"
    )
    news = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
        f"<loc>{base}/sm/b.html</loc><news:news><news:publication_date>2024-06-01</news:publication_date>"
        "<news:title>OVHcloud ouvre un centre</news:title></news:news></url></urlset>"
    )
    server.expect_request("/sm/index.xml").respond_with_data(index, content_type="application/xml")
    server.expect_request("/sm/news.xml").respond_with_data(news, content_type="application/xml")
    server.expect_request("/sm/b.html").respond_with_data(
        article("OVHcloud ouvre un centre", extra="Roubaix accueille le site.", date="2024-06-01"),
        content_type=html,
    )


def sources_file(path: Path, base: str) -> Path:
    path.write_text(
        f'[[sources]]\nname = "good"\nfeeds = ["{base}/good/rss.xml"]\n\n'
        f'[[sources]]\nname = "broken"\nfeeds = ["{base}/broken/rss.xml"]\n\n'
        f'[[sources]]\nname = "unreachable"\nfeeds = ["http://127.0.0.1:{free_port()}/rss.xml"]\n\n'
        f'[[sources]]\nname = "sitemaps"\nsitemaps = ["{base}/sm/index.xml"]\n',
        encoding="utf-8",
    )
    return path


def veille(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "veille", *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="session")
def fault_crawl(tmp_path_factory) -> Iterator[CrawlResult]:
    tmp = tmp_path_factory.mktemp("faults")
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        serve_faults(server)
        base = server.url_for("").rstrip("/")
        sources = sources_file(tmp / "sources.toml", base)
        db_path = tmp / "faults.db"
        args = ["crawl", "--sources", str(sources), "--db", str(db_path), "--no-nlp", *FAST]
        first = veille(*args)
        second = veille(*args)
        yield CrawlResult(db_path, first, second, base)
    finally:
        server.clear()
        server.stop()
