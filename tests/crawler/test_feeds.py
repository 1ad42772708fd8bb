from __future__ import annotations

import gzip

import pytest

from crawler.feeds import MalformedFeed, looks_like_sitemap, parse_feed, parse_sitemap

RSS2 = b"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>LeMag</title>
<item><title>Cisco rach\xc3\xa8te Splunk</title><link>https://a.fr/cisco.html?xtor=RSS-1</link>
<pubDate>Tue, 12 Mar 2024 08:30:00 +0100</pubDate></item>
<item><title>Sans lien</title><guid isPermaLink="false">123</guid></item>
<item><title>Guid lien</title><guid>https://a.fr/guid.html</guid></item></channel></rss>"""

RSS1 = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://a.fr/"><title>A</title><link>https://a.fr/</link><description>d</description></channel>
<item rdf:about="https://a.fr/rdf1.html"><title>Un</title><link>https://a.fr/rdf1.html</link><dc:date>2024-05-02T10:00:00+02:00</dc:date></item>
</rdf:RDF>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<id>urn:x</id><updated>2024-06-01T00:00:00Z</updated>
<entry><title>E</title><link rel="alternate" href="https://b.fr/e.html"/><id>urn:e</id>
<published>2024-06-01T09:00:00+02:00</published><updated>2024-06-02T09:00:00+02:00</updated></entry></feed>"""


def test_rss2_links_titles_and_dates():
    links = parse_feed(RSS2)
    assert [link.url for link in links] == ["https://a.fr/cisco.html?xtor=RSS-1", "https://a.fr/guid.html"]
    assert links[0].title == "Cisco rachète Splunk"
    assert links[0].published == "2024-03-12T08:30:00+01:00"  # the offset the feed gives
    assert links[0].date_source == "feed"


def test_rss1_rdf_feed():
    (link,) = parse_feed(RSS1)
    assert link.url == "https://a.fr/rdf1.html"
    assert link.published.startswith("2024-05-02")


def test_atom_feed_uses_published_date():
    (link,) = parse_feed(ATOM)
    assert link.url == "https://b.fr/e.html"
    assert link.published == "2024-06-01T09:00:00+02:00"


@pytest.mark.parametrize(
    "body", [b"<html><body>Not a feed</body></html>", b"<rss><channel><item><title>x</ti", b""]
)
def test_malformed_feed_raises(body):
    with pytest.raises(MalformedFeed):
        parse_feed(body)


NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
 xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
<url><loc>https://c.fr/a.html</loc><image:image><image:loc>https://c.fr/i.jpg</image:loc><image:title>Photo</image:title></image:image>
<news:news><news:publication><news:name>C</news:name><news:language>fr</news:language></news:publication>
<news:publication_date>2024-09-18T09:15:00+02:00</news:publication_date><news:title>Titre A</news:title></news:news></url>
<url><loc>https://c.fr/b.html</loc><lastmod>2024-09-17</lastmod></url></urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://c.fr/sitemap-1.xml</loc></sitemap><sitemap><loc>https://c.fr/sitemap-2.xml.gz</loc></sitemap></sitemapindex>"""


def test_google_news_sitemap_gives_title_and_publication_date():
    content = parse_sitemap(NEWS_SITEMAP)
    first, second = content.links
    assert (first.url, first.title, first.published) == (
        "https://c.fr/a.html",
        "Titre A",
        "2024-09-18T09:15:00+02:00",
    )
    assert first.date_source == "news_sitemap"
    # lastmod is when the page last changed, not when the article was published
    assert (second.url, second.published, second.date_source) == ("https://c.fr/b.html", None, None)
    assert looks_like_sitemap(NEWS_SITEMAP)


def test_sitemap_index_lists_children():
    content = parse_sitemap(INDEX)
    assert content.sitemaps == ["https://c.fr/sitemap-1.xml", "https://c.fr/sitemap-2.xml.gz"]
    assert content.links == []


def test_gzipped_and_text_sitemaps():
    assert [link.url for link in parse_sitemap(gzip.compress(NEWS_SITEMAP)).links] == [
        "https://c.fr/a.html",
        "https://c.fr/b.html",
    ]
    assert [link.url for link in parse_sitemap(b"https://d.fr/1\nhttps://d.fr/2\n").links] == [
        "https://d.fr/1",
        "https://d.fr/2",
    ]


@pytest.mark.parametrize("body", [b"<html><body>404</body></html>", b"not xml at all", b"\x1f\x8bbroken"])
def test_malformed_sitemap_raises(body):
    with pytest.raises(MalformedFeed):
        parse_sitemap(body)


def test_sitemap_entities_are_not_expanded():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://e.fr/&b;</loc></url></urlset>'
    )
    content = parse_sitemap(bomb)
    assert all("aaaaaaaaaa" not in link.url for link in content.links)
