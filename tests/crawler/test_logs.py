"""One log line per failure, no tracebacks below DEBUG (crawler/logs.py)."""

from __future__ import annotations

import logging

from tests.crawler.conftest import FAST, free_port, veille


def record(name: str, msg: str, exc: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(exc), exc, None) if exc else None
    return logging.LogRecord(name, logging.ERROR, __file__, 1, msg, None, exc_info)


def test_scrapy_repeats_of_a_failure_are_demoted_and_tracebacks_cut_to_one_line():
    from crawler.logs import one_line

    retry = one_line(record("scrapy.downloadermiddlewares.retry", "Gave up retrying <GET http://x/>"))
    assert retry.levelno == logging.DEBUG
    failed = one_line(record("scrapy.core.scraper", "Error processing", ValueError("bad")))
    assert failed.exc_info is None and failed.getMessage().startswith("Error processing: ValueError: bad")
    twisted = one_line(
        record("twisted", "Unhandled error\nTraceback (most recent call last):\n  File x\nKeyError: 'k'\n")
    )
    assert "\n" not in twisted.getMessage() and "KeyError: 'k'" in twisted.getMessage()


def test_closed_port_gives_one_line_per_failed_feed(tmp_path):
    # Before: 76 stderr lines and 2 full tracebacks for one source on a closed port.
    port = free_port()
    sources = tmp_path / "s.toml"
    sources.write_text(
        f'[[sources]]\nname = "closed"\nfeeds = ["http://127.0.0.1:{port}/rss.xml"]\n'
        f'sitemaps = ["http://127.0.0.1:{port}/sitemap.xml"]\n',
        encoding="utf-8",
    )
    args = ["crawl", "--sources", str(sources), "--db", str(tmp_path / "v.db"), "--no-nlp", *FAST]
    quiet = veille(*args)
    lines = quiet.stderr.strip().splitlines()
    assert len(lines) == 2, quiet.stderr
    assert all("closed: cannot fetch" in line and "connection" in line for line in lines)
    debug = veille(*args, "--log-level", "DEBUG")
    assert "Gave up retrying" in debug.stderr and "Traceback" in debug.stderr
