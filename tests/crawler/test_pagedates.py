"""Publication dates: the order of trust of crawler.pagedates, offsets kept, never lastmod nor the fetch time."""

from __future__ import annotations

import json

from trafilatura.utils import load_html

from crawler.extract import extract_article
from crawler.feeds import parse_feed, parse_sitemap
from crawler.pagedates import DateClues, find_date
from crawler.pagemeta import read_meta
from tests.crawler.test_extract_realworld import HEADLINE, P, page, paragraphs

BODY = f"<h1>{HEADLINE}</h1><div>{paragraphs(P)}</div>"
URL = "https://usine.example/a"


def jsonld(**fields: str) -> str:
    node = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": HEADLINE, **fields}
    return f'<script type="application/ld+json">{json.dumps(node)}</script>'


def test_a_local_time_keeps_its_offset_and_its_day():
    # 00:30 in Paris on 29 June is 22:30 UTC on 28 June: the page says 29 June
    article = extract_article(page(BODY, jsonld(datePublished="2019-06-29T00:30:00+02:00")), URL)
    assert article["published_at"] == "2019-06-29T00:30:00+02:00"
    assert article["date_source"] == "jsonld"


def test_a_feed_date_keeps_the_offset_the_feed_gives():
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>a</title>'
        b"<link>https://a.fr/a.html</link><pubDate>Sat, 29 Jun 2019 00:30:00 +0200</pubDate></item></channel></rss>"
    )
    (link,) = parse_feed(rss)
    assert link.published == "2019-06-29T00:30:00+02:00"


def test_a_date_alone_stays_a_date_alone():
    article = extract_article(
        page(BODY, '<meta property="article:published_time" content="2019-06-29">'), URL
    )
    assert (article["published_at"], article["date_source"]) == ("2019-06-29", "opengraph")


def test_datepublished_wins_over_datemodified_and_an_update_meta():
    head = jsonld(datePublished="2016-09-27T10:00:00+02:00", dateModified="2019-09-09T08:00:00+02:00")
    head += '<meta property="article:modified_time" content="2019-09-09T08:00:00+02:00">'
    assert extract_article(page(BODY, head), URL)["published_at"].startswith("2016-09-27")


def test_meta_tags_written_with_value_instead_of_content_are_read():
    head = '<meta value="2017-01-08T17:48:24+00:00" name="article:published_time">'
    article = extract_article(page(BODY, head), URL)
    assert (article["published_at"], article["date_source"]) == ("2017-01-08T17:48:24+00:00", "opengraph")


def test_a_time_labelled_publie_wins_over_htmldate_even_above_the_headline():
    body = f'<div class="top">Publié le <time datetime="2025-08-09T10:00:29+02:00">9 août</time></div>{BODY}'
    tree = load_html(page(body))
    clues = DateClues(tree, read_meta(tree), htmldate="2026-01-19", title=HEADLINE)
    assert find_date(clues) == ("2025-08-09T10:00:29+02:00", "labelled")


def test_htmldate_comes_before_the_byline_and_the_feed():
    body = f'<h1>{HEADLINE}</h1><p class="meta"><time datetime="2024-03-12">12/03</time></p><div>{paragraphs(P)}</div>'
    tree = load_html(page(body))
    clues = DateClues(tree, read_meta(tree), "2024-03-10", HEADLINE, "2024-03-15T08:00:00+00:00", "feed")
    assert find_date(clues) == ("2024-03-10", "htmldate")
    clues = DateClues(tree, read_meta(tree), None, HEADLINE, "2024-03-15T08:00:00+00:00", "feed")
    assert find_date(clues) == ("2024-03-12", "byline")


def test_a_news_sitemap_date_is_used_when_the_page_has_none_and_named_so():
    article = extract_article(
        page(BODY), URL, feed_date="2024-09-18T09:15:00+02:00", feed_date_source="news_sitemap"
    )
    assert (article["published_at"], article["date_source"]) == ("2024-09-18T09:15:00+02:00", "news_sitemap")


def test_a_sitemap_lastmod_never_becomes_the_publication_date():
    sitemap = (
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://a.fr/2019/a.html</loc><lastmod>2026-12-02</lastmod></url></urlset>"
    )
    (link,) = parse_sitemap(sitemap).links
    article = extract_article(page(BODY), URL, feed_date=link.published, feed_date_source=link.date_source)
    assert article["published_at"] is None and article["date_source"] is None  # nor the fetch time
