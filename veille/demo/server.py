"""A small threaded HTTP server for a dict of pages (the demo site, or test fixtures)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from veille.demo.site import Page, build_site

logger = logging.getLogger(__name__)


class SiteServer:
    """Serves ``build(base_url)`` pages on 127.0.0.1 in a daemon thread; 404 for anything else.

    Use as a context manager: ``with SiteServer() as server: server.base_url``.
    """

    def __init__(self, build: Callable[[str], dict[str, Page]] = build_site, port: int = 0) -> None:
        self.requests: list[str] = []
        handler = self._handler()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.pages = build(self.base_url)
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="veille-demo-site", daemon=True)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                path = self.path.split("?", 1)[0].lstrip("/")
                server.requests.append(self.path)
                page = server.pages.get(path)
                if page is None:
                    self.send_error(404, "Not Found")
                    return
                self.send_response(200)
                self.send_header("Content-Type", page.content_type)
                self.send_header("Content-Length", str(len(page.body)))
                self.end_headers()
                self.wfile.write(page.body)

            def log_message(self, format: str, *args: object) -> None:
                logger.debug("demo site: " + format, *args)

        return Handler

    def start(self) -> SiteServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
