"""A misbehaving news site on 127.0.0.1 for the fault tests.

Good article pages (French, tech-press style, generated from a few templates so each text is
distinct) sit among routes that misbehave the way real sites and networks do: no answer, a slow
drip, a reset connection, 503 then 200, a redirect loop, a 30 MB page, a gzip bomb, a malformed
feed, a wrong charset declaration, tracking-parameter duplicates and one article at two URLs.
The feed answers conditional requests (ETag / Last-Modified) with 304. Every request is logged
(``FaultSite.requests``) so tests can count what the crawler fetched.

Run it by hand: ``python -m tests.faults.server [--articles N]`` prints its base URL.
"""

from __future__ import annotations

import gzip
import io
import logging
import socket
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

from tests.faults import content

logger = logging.getLogger(__name__)

HUGE_SIZE = 30 * 1024 * 1024
BOMB_SIZE = 100 * 1024 * 1024  # what the gzip bomb expands to; it weighs ~100 KB on the wire
_BOMB: bytes | None = None


def gzip_bomb() -> bytes:
    """A gzip stream of BOMB_SIZE spaces (built once per process)."""
    global _BOMB
    if _BOMB is None:
        buffer = io.BytesIO()
        with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0) as out:
            chunk = b" " * (1024 * 1024)
            for _ in range(BOMB_SIZE // len(chunk)):
                out.write(chunk)
        _BOMB = buffer.getvalue()
    return _BOMB


#: fault routes: path -> what a robust crawler should end up with
FAULTS = {
    "/fault/timeout.html": "no answer at all: given up after the download timeout",
    "/fault/drip.html": "headers, then one byte every 0.5 s: given up after the download timeout",
    "/fault/reset.html": "connection reset (TCP RST) before any answer: counted as an error",
    "/fault/flaky.html": "503 twice, then the article: retried and stored",
    "/fault/loop-a.html": "redirect loop a -> b -> a: given up, counted as an error",
    "/fault/huge.html": "a 30 MB page with Content-Length: refused by the size limit",
    "/fault/huge-stream.html": "a 30 MB page without Content-Length: cut at the size limit",
    "/fault/gzip-bomb.html": "100 KB of gzip expanding to 100 MB: refused by the size limit",
    "/fault/malformed.xml": "a truncated RSS feed: logged, the other feeds go on",
    "/fault/charset.html": "UTF-8 page declared ISO-8859-1: stored",
    "/fault/missing.html": "404: counted as an error",
}


@dataclass
class FaultSite:
    articles: int = 8
    delay: float = 0.0  # seconds before answering each article page (to make a crawl last)
    faults: bool = True
    flaky_failures: int = 2
    requests: list[tuple[str, str, dict]] = field(default_factory=list)
    hits: Counter = field(default_factory=Counter)
    stopping: threading.Event = field(default_factory=threading.Event)

    # -- what the site lists -------------------------------------------------------------
    def article_paths(self) -> list[str]:
        return [f"/articles/{n}.html" for n in range(self.articles)]

    def feed_paths(self) -> list[str]:
        """Everything the main feed links to, in order, duplicates and faults included."""
        paths = self.article_paths()
        if self.faults:
            paths += [
                "/articles/1.html?utm_source=rss&utm_medium=feed",
                "/articles/1.html?xtor=RSS-8&utm_campaign=lundi",
                "/mirror/2.html",
            ]
            paths += [p for p in FAULTS if p.endswith(".html")]
        return paths

    def expected_articles(self) -> int:
        """Distinct articles a correct crawl stores: the good pages, the flaky one and the charset one."""
        return self.articles + (2 if self.faults else 0)

    # -- the routes -------------------------------------------------------------------------
    def handle(self, request: BaseHTTPRequestHandler) -> None:
        path = request.path
        self.requests.append((request.command, path, dict(request.headers)))
        self.hits[path] += 1
        route = path.split("?", 1)[0]
        if route == "/robots.txt":
            return send(request, 200, b"User-agent: *\nAllow: /\n", "text/plain")
        if route == "/feed.xml":
            return self._feed(request)
        if route == "/sitemap.xml":
            return self._sitemap(request)
        if route.startswith(("/articles/", "/mirror/")):
            return self._article(request, route)
        handler = getattr(self, "_" + route.removeprefix("/fault/").split(".")[0].replace("-", "_"), None)
        if self.faults and route.startswith("/fault/") and handler is not None:
            return handler(request)
        return send(request, 404, b"<html><body><h1>Page introuvable</h1></body></html>", "text/html")

    def _article(self, request, route: str) -> None:
        try:
            number = int(route.rsplit("/", 1)[1].split(".")[0])
        except ValueError:
            number = -1
        if not 0 <= number < self.articles:
            return send(request, 404, b"<html><body>introuvable</body></html>", "text/html")
        if self.delay and self.stopping.wait(self.delay):
            return
        base = f"http://{request.headers.get('Host')}"
        canonical = base + route  # the mirror names itself canonical: only the text tells they are one
        body = content.article_html(number, canonical).encode("utf-8")
        send(request, 200, body, "text/html; charset=utf-8")

    def feed(self, base: str) -> bytes:
        items = "".join(
            f"<item><title>{escape(content.title(i))}</title><link>{escape(base + path)}</link>"
            f"<pubDate>{formatdate(1700000000 + i * 3600, usegmt=True)}</pubDate></item>"
            for i, path in enumerate(self.feed_paths())
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Faux Journal IT</title>'
            f"<link>{base}/</link><description>Actualités</description>{items}</channel></rss>"
        ).encode()

    def sitemap(self, base: str) -> bytes:
        """The good articles again (already known from the feed: nothing more to fetch)."""
        urls = "".join(f"<url><loc>{escape(base + p)}</loc></url>" for p in self.article_paths())
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        ).encode()

    def _feed(self, request) -> None:
        validators = {
            "ETag": f'"feed-{self.articles}"',
            "Last-Modified": formatdate(1700000000 + self.articles, usegmt=True),
        }
        if not_modified(request, validators):
            return send(request, 304, b"", None, validators)
        body = self.feed(f"http://{request.headers.get('Host')}")
        send(request, 200, body, "application/rss+xml; charset=utf-8", validators)

    def _sitemap(self, request) -> None:
        # Last-Modified only: the crawler must handle both validators
        validators = {"Last-Modified": formatdate(1700000000 + self.articles, usegmt=True)}
        if not_modified(request, validators):
            return send(request, 304, b"", None, validators)
        send(
            request, 200, self.sitemap(f"http://{request.headers.get('Host')}"), "application/xml", validators
        )

    def _timeout(self, request) -> None:
        self.stopping.wait(60)  # never answers; released when the server stops

    def _drip(self, request) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html; charset=utf-8")
        request.send_header("Content-Length", "100000")
        request.end_headers()
        try:
            for _ in range(200):
                if self.stopping.wait(0.5):
                    return
                request.wfile.write(b"<")
                request.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting: the point of this route

    def _reset(self, request) -> None:
        # SO_LINGER with a zero timeout turns close() into a TCP RST.
        request.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        request.close_connection = True
        request.connection.close()

    def _flaky(self, request) -> None:
        if self.hits["/fault/flaky.html"] <= self.flaky_failures:
            return send(
                request,
                503,
                b"<html><body>Service indisponible</body></html>",
                "text/html",
                {"Retry-After": "0"},
            )
        base = f"http://{request.headers.get('Host')}"
        send(
            request,
            200,
            content.article_html(900, base + "/fault/flaky.html").encode(),
            "text/html; charset=utf-8",
        )

    def _loop_a(self, request) -> None:
        send(request, 302, b"", None, {"Location": "/fault/loop-b.html"})

    def _loop_b(self, request) -> None:
        send(request, 302, b"", None, {"Location": "/fault/loop-a.html"})

    def _huge(self, request) -> None:
        send_stream(request, HUGE_SIZE, content_length=True)

    def _huge_stream(self, request) -> None:
        send_stream(request, HUGE_SIZE, content_length=False)

    def _gzip_bomb(self, request) -> None:
        send(request, 200, gzip_bomb(), "text/html; charset=utf-8", {"Content-Encoding": "gzip"})

    def _malformed(self, request) -> None:
        body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Cass\xc3\xa9<item><link>http://'
        send(request, 200, body, "application/rss+xml")

    def _charset(self, request) -> None:
        base = f"http://{request.headers.get('Host')}"
        body = content.article_html(901, base + "/fault/charset.html").encode("utf-8")
        body = body.replace(b'<meta charset="utf-8">', b'<meta charset="iso-8859-1">')
        send(request, 200, body, "text/html; charset=iso-8859-1")


def not_modified(request, validators: dict[str, str]) -> bool:
    """True when the request's If-None-Match / If-Modified-Since match the current validators."""
    etag, modified = validators.get("ETag"), validators.get("Last-Modified")
    if request.headers.get("If-None-Match") is not None:  # RFC 9110: it takes precedence
        return request.headers.get("If-None-Match") == etag
    return bool(modified) and request.headers.get("If-Modified-Since") == modified


def send(request, status: int, body: bytes, content_type: str | None, headers: dict | None = None) -> None:
    try:
        request.send_response(status)
        if content_type:
            request.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            request.send_header(name, value)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        if request.command != "HEAD":
            request.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the client gave up: that is what some faults are for


def send_stream(request, size: int, *, content_length: bool) -> None:
    """``size`` bytes of HTML in 64 KB chunks; without Content-Length the end is the connection closing."""
    chunk = b"<p>" + b"Lorem ipsum dolor sit amet. " * 2340 + b"</p>\n"
    try:
        request.send_response(200)
        request.send_header("Content-Type", "text/html; charset=utf-8")
        if content_length:
            request.send_header("Content-Length", str(size))
        request.send_header("Connection", "close")
        request.end_headers()
        sent = 0
        while sent < size:
            piece = chunk[: size - sent]
            request.wfile.write(piece)
            sent += len(piece)
    except (BrokenPipeError, ConnectionResetError):
        pass
    request.close_connection = True


class _Handler(BaseHTTPRequestHandler):
    site: FaultSite

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.site.handle(self)

    do_HEAD = do_GET

    def log_message(self, format, *args) -> None:  # noqa: A002
        logger.debug("fault server: " + format, *args)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64  # a full accept queue drops SYNs: a 1 s client timeout would see a fake fault

    def handle_error(self, request, client_address) -> None:
        logger.debug("fault server: client %s went away", client_address, exc_info=True)


class FaultServer:
    """``with FaultServer(FaultSite()) as server: server.url("/feed.xml")``"""

    def __init__(self, site: FaultSite | None = None) -> None:
        self.site = site or FaultSite()
        handler = type("Handler", (_Handler,), {"site": self.site})
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="fault-server", daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> FaultServer:
        if self.site.faults:
            gzip_bomb()  # built before serving: building it takes longer than the crawler's timeout
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.site.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=8)
    args = parser.parse_args()
    with FaultServer(FaultSite(articles=args.articles)) as server:
        print(f"serving {server.url('/feed.xml')} (Ctrl-C to stop)", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
