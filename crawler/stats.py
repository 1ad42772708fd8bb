"""Per-source counters in the Scrapy stats, and the classification of failures into error kinds.

Keys are ``veille/<source>/<counter>`` and ``veille/<source>/errors/<kind>``; ``source_summary``
turns them back into one dict per source for the run log and the printed summary.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as twisted_error
from twisted.python.failure import Failure

logger = logging.getLogger(__name__)

COUNTERS = (
    "feeds_total",
    "feeds_read",
    "feeds_failed",
    "links_found",
    "pages_fetched",
    "new_articles",
    "duplicates",
)

_TIMEOUTS = (DownloadTimeoutError, twisted_error.TimeoutError, twisted_error.TCPTimedOutError, TimeoutError)
_DNS = (CannotResolveHostError, twisted_error.DNSLookupError)
_CONNECTION = (
    DownloadConnectionRefusedError,
    DownloadFailedError,
    ResponseDataLossError,
    twisted_error.ConnectError,
    twisted_error.ConnectionLost,
    twisted_error.ConnectionDone,
    ConnectionError,
)


#: error kinds a later run may not meet again (its links must be tried again)
TRANSIENT_ERRORS = frozenset({"timeout", "connection", "dns", "http_5xx"})
#: error kinds of an article link that will not pass by themselves: not fetched again for a while
PERMANENT_ERRORS = frozenset({"http_404", "http_410", "not_html", "too_large"})


def key(source: str, counter: str) -> str:
    return f"veille/{source}/{counter}"


def count(stats: Any, source: str, counter: str, n: int = 1) -> None:
    stats.inc_value(key(source, counter), n)


def count_error(stats: Any, source: str, kind: str) -> None:
    stats.inc_value(key(source, f"errors/{kind}"))
    stats.inc_value(f"veille/errors/{kind}")


def classify_failure(failure: Failure) -> tuple[str, str]:
    """(error kind, short detail) of a failed request."""
    exc = failure.value
    if isinstance(exc, HttpError):
        status = exc.response.status
        if status in (404, 410):
            return f"http_{status}", f"HTTP {status}"
        if status >= 500:
            return "http_5xx", f"HTTP {status}"
        return "http_4xx" if status >= 400 else "http_other", f"HTTP {status}"
    if isinstance(exc, IgnoreRequest):
        text = str(exc)
        if getattr(exc, "error_kind", None):  # the request guards of crawler/ssrf.py name their kind
            return exc.error_kind, text
        if "robots.txt" in text:
            return "robots_forbidden", "forbidden by robots.txt"
        if "redirect" in text.lower():
            return "redirect_loop", text or "too many redirections"
        if "DOWNLOAD_MAXSIZE" in text:  # a compressed body that inflates past the limit (gzip bomb)
            return "too_large", text
        return "ignored", text or type(exc).__name__
    if isinstance(exc, DownloadCancelledError):
        return "too_large", str(exc) or "response larger than DOWNLOAD_MAXSIZE"
    if isinstance(exc, _TIMEOUTS):
        return "timeout", str(exc) or "timed out"
    if isinstance(exc, _DNS):
        return "dns", str(exc) or "host name not found"
    if isinstance(exc, _CONNECTION):
        return "connection", str(exc) or type(exc).__name__
    return "other", f"{type(exc).__name__}: {exc}"


def source_summary(stats: dict[str, Any], sources: list[str]) -> dict[str, dict[str, Any]]:
    """One dict per source: the counters, errors (total), errors_by_kind, status ('ok' | 'failed').

    A source is 'failed' when it had feeds or sitemaps and none of them could be read.
    """
    summary = {}
    for name in sources:
        prefix = key(name, "")
        counts: dict[str, Any] = {c: int(stats.get(prefix + c, 0)) for c in COUNTERS}
        kinds = {
            k[len(prefix) + len("errors/") :]: int(v)
            for k, v in stats.items()
            if k.startswith(prefix + "errors/")
        }
        counts["errors_by_kind"] = dict(sorted(kinds.items()))
        counts["errors"] = sum(kinds.values())
        unread = counts["feeds_total"] and counts["feeds_read"] == 0
        counts["status"] = "failed" if unread else "ok"
        summary[name] = counts
    return summary
