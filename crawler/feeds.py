"""Feeds (RSS 2.0, RSS 1.0, Atom) and sitemaps (urlset, index, Google News) -> article links.

Pure functions over bytes, so they are tested without a crawl. Each link is a ``FeedLink``:
the article URL plus what the feed says about it (title, date), the date being the fallback
when the page itself carries none. Dates keep the offset the feed gives (a local time stays on its
day). A sitemap's ``lastmod`` is a modification date, never taken for a publication date: only a
Google News ``publication_date`` is.
"""

from __future__ import annotations

import calendar
import logging
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import feedparser
from lxml import etree
from scrapy.utils.gz import gunzip

logger = logging.getLogger(__name__)

MAX_SITEMAP_SIZE = 50 * 1024 * 1024  # the sitemaps.org limit for an uncompressed sitemap


class MalformedFeed(ValueError):
    """A feed or sitemap that cannot be parsed at all."""


@dataclass(frozen=True)
class FeedLink:
    url: str
    title: str | None = None
    published: str | None = None  # ISO 8601
    date_source: str | None = None  # where ``published`` comes from: "feed" or "news_sitemap"


@dataclass(frozen=True)
class SitemapContent:
    links: list[FeedLink]
    sitemaps: list[str]  # children of a sitemap index


def looks_like_sitemap(body: bytes) -> bool:
    head = body[:2048].lstrip()
    return head.startswith(b"\x1f\x8b") or b"<urlset" in head or b"<sitemapindex" in head


def parse_feed(body: bytes, content_type: str | None = None) -> list[FeedLink]:
    """Links of an RSS/Atom feed, in feed order. Raises MalformedFeed when nothing can be read."""
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(
        body, response_headers=headers, sanitize_html=False, resolve_relative_uris=False
    )
    if not parsed.entries:
        reason = parsed.get("bozo_exception") or "no entries"
        if parsed.get("bozo") or not parsed.get("version"):
            raise MalformedFeed(f"not a readable RSS/Atom feed: {reason}")
        return []
    if parsed.get("bozo"):
        logger.info("feed parsed with recoverable problems: %s", parsed.get("bozo_exception"))
    links = []
    for entry in parsed.entries:
        url = _entry_url(entry)
        if not url:
            continue
        published = _entry_date(entry)
        title = (entry.get("title") or "").strip() or None
        links.append(FeedLink(url, title, published, "feed" if published else None))
    if not links and parsed.get("bozo"):
        raise MalformedFeed(f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")
    return links


def _entry_url(entry: dict) -> str | None:
    link = entry.get("link")
    if not link:
        for alt in entry.get("links", []):
            if alt.get("rel", "alternate") == "alternate" and alt.get("href"):
                link = alt["href"]
                break
    if not link and entry.get("guidislink") is not False:
        guid = entry.get("id") or ""
        link = guid if guid.startswith(("http://", "https://")) else None
    link = (link or "").strip()
    return link if link.startswith(("http://", "https://")) else None


def _entry_date(entry: dict) -> str | None:
    """The entry's date as written (with its offset); feedparser's UTC reading when it is not RFC 822/ISO."""
    key = "published" if entry.get("published") else "updated"
    raw = (entry.get(key) or "").strip()
    date = normalise_date(raw)
    if date is None and raw:
        try:
            parsed = parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            parsed = None
        date = parsed.isoformat() if parsed is not None and parsed.tzinfo is not None else None
    return date or _iso(entry.get(f"{key}_parsed"))


def _iso(stamp: time.struct_time | None) -> str | None:
    if not stamp:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(stamp), tz=UTC).isoformat()
    except (OverflowError, ValueError, OSError):
        return None


def parse_sitemap(body: bytes, max_size: int = MAX_SITEMAP_SIZE) -> SitemapContent:
    """Links of a sitemap (plain, gzipped, Google News) or the children of a sitemap index."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = gunzip(body, max_size=max_size)
        except (OSError, EOFError, ValueError) as exc:
            raise MalformedFeed(f"cannot gunzip sitemap: {exc}") from None
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, recover=True, remove_comments=True, huge_tree=False
    )
    error = "empty document"
    try:
        root = etree.fromstring(body.strip(), parser=parser)
    except etree.XMLSyntaxError as exc:
        root, error = None, str(exc)
    if root is None:
        links = _text_sitemap(body)
        if links:
            return SitemapContent(links=links, sitemaps=[])
        raise MalformedFeed(f"not a readable sitemap: {error}")
    kind = etree.QName(root).localname
    if kind == "sitemapindex":
        return SitemapContent(links=[], sitemaps=[loc for loc, _ in _children(root, "sitemap")])
    if kind != "urlset":
        raise MalformedFeed(f"not a sitemap: root element <{kind}>")
    links = [
        FeedLink(loc, fields.get("title"), date, "news_sitemap" if date else None)
        for loc, fields in _children(root, "url")
        for date in [fields.get("publication_date") or None]  # never lastmod: a modification date
    ]
    return SitemapContent(links=links, sitemaps=[])


def _children(root: etree._Element, tag: str) -> list[tuple[str, dict[str, str]]]:
    """(loc, {field: text}) of each <url>/<sitemap>, nested news:* fields flattened."""
    found = []
    for element in root:
        if not isinstance(element.tag, str) or etree.QName(element).localname != tag:
            continue
        fields: dict[str, str] = {}
        for child in element.iter():
            if child is element or not isinstance(child.tag, str) or not child.text:
                continue
            qname = etree.QName(child)
            if qname.namespace and ("image" in qname.namespace or "video" in qname.namespace):
                continue  # image:title / video:title are not the article's title
            fields.setdefault(qname.localname, child.text.strip())
        loc = fields.get("loc", "")
        if loc.startswith(("http://", "https://")):
            if "publication_date" in fields:
                fields["publication_date"] = normalise_date(fields["publication_date"]) or ""
            found.append((loc, fields))
    return found


def _text_sitemap(body: bytes) -> list[FeedLink]:
    """A text sitemap: one URL per line (allowed by sitemaps.org)."""
    try:
        lines = body.decode("utf-8").split()
    except UnicodeDecodeError:
        return []
    if not lines or not all(re.match(r"https?://\S+$", line) for line in lines):
        return []
    return [FeedLink(url=line) for line in lines]


def normalise_date(value: str | None) -> str | None:
    """A W3C/ISO date as ISO 8601, or None when it is not a date."""
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(value) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()
