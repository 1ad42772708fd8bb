"""Two loopback sites for the crawl probes: a news site on 127.0.0.1 and an "internal" one on 127.0.0.2.

Host names come from the resolver stub (tests/security/resolver.py): ``news.test`` and
``other.test`` are 127.0.0.1, ``metadata.test`` is 127.0.0.2. The internal site serves real-looking
articles, so a guard that lets a request through shows up as a stored article and a logged hit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.crawler.conftest import FAST, article

ROOT = Path(__file__).resolve().parents[2]
HOSTS = {"news.test": "127.0.0.1", "other.test": "127.0.0.1", "metadata.test": "127.0.0.2"}


def rss(links: list[str]) -> str:
    items = "".join(f"<item><title>Article {i}</title><link>{u}</link></item>" for i, u in enumerate(links))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Site</title>{items}</channel></rss>'


def refresh(target: str) -> str:
    return f'<html><head><meta http-equiv="refresh" content="0; url={target}"></head><body></body></html>'


def serve_article(server: HTTPServer, path: str, title: str) -> None:
    server.expect_request(path).respond_with_data(
        article(title, extra=f"Ce passage propre à « {title} » distingue cet article des autres."),
        content_type="text/html; charset=utf-8",
    )


def serve_redirect(server: HTTPServer, path: str, target: str) -> None:
    server.expect_request(path).respond_with_data("", status=302, headers={"Location": target})


def serve_refresh(server: HTTPServer, path: str, target: str) -> None:
    server.expect_request(path).respond_with_data(refresh(target), content_type="text/html; charset=utf-8")


def serve_internal(server: HTTPServer) -> None:
    """Every path of the internal site answers an article (robots.txt included): any hit is a leak."""
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    for n in range(10):
        serve_article(server, f"/internal/{n}.html", f"Page interne numéro {n}")
    server.expect_request("/sitemap.xml").respond_with_data(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{server.url_for('/internal/9.html')}</loc></url></urlset>",
        content_type="application/xml",
    )


def crawl(sources: Path, db_path: Path, allow: str | None, *extra: str) -> subprocess.CompletedProcess:
    """`veille crawl` in a subprocess with the resolver stub; ``allow`` is the environment variable."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VEILLE_TEST_HOSTS": json.dumps(HOSTS)}
    env.pop("VEILLE_ALLOW_PRIVATE_ADDRESSES", None)
    if allow is not None:
        env["VEILLE_ALLOW_PRIVATE_ADDRESSES"] = allow
    command = [sys.executable, "-m", "veille", "crawl", "--sources", str(sources), "--db", str(db_path),
               "--no-nlp", "--log-level", "INFO", "--log-file", str(db_path.with_suffix(".log")), *FAST,
               "-s", "DNS_RESOLVER=tests.security.resolver.StubResolver", *extra]  # fmt: skip
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
