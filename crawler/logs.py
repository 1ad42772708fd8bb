"""One log line per failure: the extension QuietLogs keeps Scrapy's own reports of a failure out
of the log unless LOG_LEVEL is DEBUG.

The spider's errbacks already log each failed feed or article once, with its source and error
kind; Scrapy adds "Gave up retrying" and robots.txt "Error downloading" lines for the same
failure, and Twisted full tracebacks. Below DEBUG those duplicates are demoted to DEBUG and any
traceback is cut to its last line (the exception), so a closed port costs one line per feed.
Scrapy replaces its root log handler when a crawler starts, so this works on the records
themselves (a log record factory), not on a handler.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

#: (logger, start of message) of Scrapy's lines that repeat a failure the spider logs itself
DUPLICATES = (
    ("scrapy.downloadermiddlewares.retry", "Gave up retrying"),
    ("scrapy.downloadermiddlewares.robotstxt", "Error downloading"),
)
_TRACEBACK = "Traceback (most recent call last)"


def one_line(record: logging.LogRecord) -> logging.LogRecord:
    """The record demoted (a duplicate) or cut to one line (a traceback), in place."""
    if isinstance(record.msg, str) and any(
        record.name == name and record.msg.startswith(start) for name, start in DUPLICATES
    ):
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return record
    exc = record.exc_info[1] if record.exc_info else None
    message = record.getMessage() if exc is not None or _TRACEBACK in str(record.msg) else None
    if message is None:
        return record
    if _TRACEBACK in message:  # Twisted puts the whole traceback in the message
        head, _, rest = message.partition(_TRACEBACK)
        last = [line for line in rest.splitlines() if line.strip()][-1:]
        message = " ".join(part.strip() for part in (head, *last) if part.strip())
    if exc is not None:
        message = f"{message}: {type(exc).__name__}: {exc}" if message else f"{type(exc).__name__}: {exc}"
    record.msg, record.args = message + " (--log-level DEBUG for the traceback)", None
    record.exc_info = record.exc_text = None
    return record


class QuietLogs:
    """Installs ``one_line`` on every log record while a crawl below LOG_LEVEL DEBUG runs."""

    def __init__(self) -> None:
        self.previous = logging.getLogRecordFactory()

        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            return one_line(self.previous(*args, **kwargs))

        logging.setLogRecordFactory(factory)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> QuietLogs:
        if str(crawler.settings.get("LOG_LEVEL", "DEBUG")).upper() == "DEBUG":
            raise NotConfigured("LOG_LEVEL DEBUG: every line and traceback is kept")
        quiet = cls()
        crawler.signals.connect(quiet.restore, signal=signals.engine_stopped)
        return quiet

    def restore(self) -> None:
        logging.setLogRecordFactory(self.previous)
