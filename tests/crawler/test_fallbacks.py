from __future__ import annotations

from crawler.fallbacks import FallbackChains
from crawler.sources import parse_sources


def chains(**entry) -> FallbackChains:
    return FallbackChains(parse_sources({"sources": [{"name": "s", **entry}]}))


def test_fallbacks_are_read_in_order_until_one_works():
    c = chains(feeds=["https://a.fr/feed"], fallback_feeds=["https://a.fr/old", "https://a.fr/older"])
    assert c.done("s", "feed", fallback=False, worked=False) == "https://a.fr/old"
    assert c.done("s", "feed", fallback=True, worked=False) == "https://a.fr/older"
    assert c.done("s", "feed", fallback=True, worked=False) is None  # the chain is exhausted


def test_no_fallback_when_the_primary_works():
    c = chains(feeds=["https://a.fr/feed"], fallback_feeds=["https://a.fr/old"])
    assert c.done("s", "feed", fallback=False, worked=True) is None


def test_a_working_fallback_ends_the_chain():
    c = chains(feeds=["https://a.fr/feed"], fallback_feeds=["https://a.fr/old", "https://a.fr/older"])
    assert c.done("s", "feed", fallback=False, worked=False) == "https://a.fr/old"
    assert c.done("s", "feed", fallback=True, worked=True) is None


def test_fallback_waits_for_every_primary_and_kinds_are_separate():
    c = chains(
        feeds=["https://a.fr/f1", "https://a.fr/f2"],
        fallback_feeds=["https://a.fr/old"],
        sitemaps=["https://a.fr/news.xml"],
        fallback_sitemaps=["https://a.fr/sitemap-news.xml"],
    )
    assert c.done("s", "feed", fallback=False, worked=False) is None  # f2 still pending
    assert c.done("s", "sitemap", fallback=False, worked=True) is None  # a sitemap says nothing of feeds
    assert c.done("s", "feed", fallback=False, worked=False) == "https://a.fr/old"
    c2 = chains(feeds=["https://a.fr/f1", "https://a.fr/f2"], fallback_feeds=["https://a.fr/old"])
    assert c2.done("s", "feed", fallback=False, worked=True) is None
    assert c2.done("s", "feed", fallback=False, worked=False) is None  # f1 gave items
