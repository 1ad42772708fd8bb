"""Downloader middleware and extension of veille.

SourceStatsMiddleware counts responses per source and status; RedirectLoopMiddleware turns a
redirect loop into an error (Scrapy's duplicate filter would drop it silently); NonHtmlGuard stops downloading
an article whose headers announce something other than HTML (a PDF, a video), so a 30 MB
attachment linked from a feed costs one header read, not the whole body.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urljoin

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, StopDownload
from scrapy.http import Request, Response

logger = logging.getLogger(__name__)

_HTML_TYPES = (b"text/html", b"application/xhtml+xml")


class SourceStatsMiddleware:
    """Counts veille/<source>/responses/<status> for every response of a source."""

    def __init__(self, stats: Any) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SourceStatsMiddleware:
        return cls(crawler.stats)

    def process_response(self, request: Request, response: Response) -> Response:
        source = request.meta.get("source")
        if source:
            self.stats.inc_value(f"veille/{source}/responses/{response.status}")
            self.stats.inc_value(f"veille/{source}/bytes", len(response.body))
        return response


class RedirectLoopMiddleware:
    """Fails a request whose redirect points back to an address of its own redirect chain.

    Placed before RedirectMiddleware (higher order number), it sees the 3xx first. Without it the
    looping request is dropped by the duplicate filter: no log line, no error counted.
    """

    def process_response(self, request: Request, response: Response) -> Response:
        location = response.headers.get("Location")
        if response.status in (301, 302, 303, 307, 308) and location:
            target = urljoin(request.url, location.decode("latin-1"))
            if target in {request.url, *request.meta.get("redirect_urls", ())}:
                raise IgnoreRequest(f"redirect loop: {request.url} -> {target}")
        return response


class NonHtmlGuard:
    """Stops the download of an article page as soon as its Content-Type is known not to be HTML."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NonHtmlGuard:
        guard = cls()
        crawler.signals.connect(guard.headers_received, signal=signals.headers_received)
        return guard

    def headers_received(self, headers: Any, body_length: int, request: Request) -> None:
        if request.meta.get("veille_kind") != "article":
            return
        content_type = (headers.get(b"Content-Type") or b"").lower()
        if content_type and not content_type.startswith(_HTML_TYPES):
            logger.debug("not HTML (%s), download stopped: %s", content_type.decode("latin-1"), request.url)
            raise StopDownload(fail=False)
