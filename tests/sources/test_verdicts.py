"""The verdict rules of `veille sources check` (crawler/sources_check.py), without a crawl."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from crawler.sources import load_sources
from crawler.sources_check import AddressCheck, ArticleCheck, CheckSpider, decide, is_home_page, newest_date

URL = "https://example.org/rss.xml"


def read(**fields) -> AddressCheck:
    """An address that answered 200 with one dated item whose article extracts, changed by ``fields``."""
    article = ArticleCheck("https://example.org/a", "Titre", "2026-12-01T08:00:00+01:00", 2000)
    values = {"status": 200, "items": 1, "newest": "2026-12-01T08:00:00+01:00", "on_domain": 1.0,
              "accepted": 1, "article": article, **fields}  # fmt: skip
    return AddressCheck(URL, "feed", False, **values)


def test_a_readable_feed_with_a_dated_article_is_ok():
    assert (decide(read()).verdict, decide(read()).detail) == ("ok", "")


def test_a_failed_fetch_decides_before_anything_else():
    check = decide(AddressCheck(URL, "feed", False, status=404, failure="http_404", detail="HTTP 404"))
    assert (check.verdict, check.detail) == ("http_404", "HTTP 404")


def test_an_address_that_never_answered_is_not_read_rather_than_empty():
    assert decide(AddressCheck(URL, "feed", False)).verdict == "not_read"


def test_a_feed_without_dates_is_ok_when_the_page_gives_one():
    assert decide(read(newest=None)).verdict == "ok"
    undated = ArticleCheck("https://example.org/a", "Titre", None, 2000)
    assert decide(read(newest=None, article=undated)).verdict == "no_date"
    assert decide(read(article=undated)).verdict == "ok"  # the crawl takes the feed's date


def test_links_on_the_domains_all_excluded_by_url_patterns_are_not_called_offsite():
    assert decide(read(on_domain=1.0, accepted=0, article=None)).verdict == "links_filtered"
    assert decide(read(on_domain=0.0, accepted=0, article=None)).verdict == "offsite_links"


def test_an_article_that_does_not_extract_fails_the_address():
    failed = ArticleCheck("https://example.org/a", error="empty_page: no article text (12 characters)")
    check = decide(read(article=failed))
    assert (check.verdict, check.detail) == ("extraction_failed", failed.error)
    assert decide(read(article=ArticleCheck("https://example.org/a"))).verdict == "extraction_failed"


def test_the_rules_run_in_order_redirect_home_before_not_a_feed():
    check = decide(
        read(redirected_home=True, unreadable="no entries", html=True, final_url="https://example.org/")
    )
    assert check.verdict == "redirect_home" and "https://example.org/" in check.detail
    assert decide(read(unreadable="no entries", html=True)).verdict == "not_a_feed"


def test_newest_date_compares_moments_not_strings():
    dates = ["2026-12-01T23:30:00-05:00", "2026-12-02T01:00:00+01:00", None, "2026-12-01"]
    assert newest_date(dates) == "2026-12-01T23:30:00-05:00"  # 04:30 UTC on the 2nd
    assert newest_date([None]) is None
    assert newest_date(["mardi dernier", "2026-12-01"]) == "2026-12-01"


def test_home_page():
    assert is_home_page("https://example.org/") and is_home_page("https://example.org")
    assert not is_home_page("https://example.org/?page=2") and not is_home_page("https://example.org/feed")


def test_stale_when_the_newest_of_items_and_page_is_older_than_stale_after():
    old = (datetime.now(UTC) - timedelta(days=30)).isoformat()
    recent = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    old_page = ArticleCheck("https://example.org/a", "Titre", old, 2000)
    check = decide(read(newest=old, stale_after=14, article=old_page))
    assert (check.verdict, check.detail) == ("stale", f"newest item {old[:10]} is older than 14 days")
    page = ArticleCheck("https://example.org/a", "Titre", recent, 2000)
    assert decide(read(newest=old, stale_after=14, article=page)).verdict == "ok"  # the page is recent
    assert decide(read(newest=old, stale_after=0, article=old_page)).verdict == "ok"


def test_every_shipped_address_is_checked_once_in_file_order():
    sources = load_sources(Path(__file__).resolve().parents[2] / "sources.toml")
    spider = CheckSpider(sources=sources)
    expected = [(s.name, url) for s in sources for url, _, _ in s.addresses()]
    assert list(spider.feed_results) == expected and len(sources) >= 30
    assert all(c.verdict is None and c.status is None for c in spider.feed_results.values())
