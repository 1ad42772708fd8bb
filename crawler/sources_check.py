"""`veille sources check`: read each feed and sitemap address of the sources once, judge it.

CheckSpider is the news spider (same sources, same request guards, same article extraction)
reading every address of each source once, primaries and fallbacks alike, plus one article page
per address, and keeping what it saw instead of yielding items: nothing is stored. Each address
ends with one verdict, chosen by ``decide``: an ordered list of small named rules, the first that
finds a problem wins, ``ok`` when none does. A source works when one of its addresses is ``ok``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.extract import PageSkipped
from crawler.feeds import FeedLink, MalformedFeed, looks_like_sitemap, parse_feed, parse_sitemap
from crawler.pagemeta import decode_html
from crawler.sources import Source
from crawler.spiders.news import NewsSpider, _looks_like_html
from crawler.ssrf import host_in_domains
from crawler.stats import classify_failure
from crawler.urls import clean_url

logger = logging.getLogger(__name__)

#: verdicts of an address, in the README ("veille sources check"); a failure to fetch that has
#: none of these names keeps the crawl's error kind (connection, dns, too_large, redirect_loop...)
VERDICTS = (
    "ok",
    "not_read",
    "http_<code>",
    "timeout",
    "blocked_address",
    "robots_disallowed",
    "redirect_home",
    "not_a_feed",
    "empty",
    "offsite_links",
    "links_filtered",
    "extraction_failed",
    "no_date",
    "stale",
)
#: the crawl's error kind -> the check's verdict, where the names differ
_FAILURE_VERDICTS = {"robots_forbidden": "robots_disallowed"}


@dataclass
class ArticleCheck:
    """The one article page read for an address: what the crawl would extract from it."""

    url: str
    title: str | None = None
    published_at: str | None = None
    text_chars: int | None = None
    error: str | None = None


@dataclass
class AddressCheck:
    """What reading one feed or sitemap address gave; ``verdict`` is set by ``decide``."""

    url: str
    kind: str  # "feed" or "sitemap"
    fallback: bool
    status: int | None = None
    final_url: str | None = None  # after redirects (and the first child of a sitemap index)
    items: int | None = None
    newest: str | None = None  # the newest date the items give (ISO 8601)
    on_domain: float | None = None  # share of the item links on the source's allowed_domains
    accepted: int | None = None  # item links the crawl would follow (domains and url_patterns)
    article: ArticleCheck | None = None
    verdict: str | None = None
    detail: str = ""
    failure: str | None = field(default=None, repr=False)  # the fetch's error kind, if it failed
    unreadable: str | None = field(default=None, repr=False)  # why the body is not a feed/sitemap
    html: bool = field(default=False, repr=False)  # the body is an HTML page
    redirected_home: bool = field(default=False, repr=False)
    domains: tuple[str, ...] = field(default=(), repr=False)
    stale_after: float = field(default=0, repr=False)  # days; 0: never stale

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: every key always present, null when not known."""
        data = asdict(self)
        for private in ("failure", "unreadable", "html", "redirected_home", "domains", "stale_after"):
            data.pop(private)
        return data


# the verdict rules, in the order they are tried -----------------------------------------------


def not_read(c: AddressCheck) -> tuple[str, str] | None:
    if c.status is None and c.failure is None:
        return "not_read", "the check stopped before this address answered"
    return None


def fetch_failed(c: AddressCheck) -> tuple[str, str] | None:
    return (c.failure, c.detail) if c.failure else None


def redirected_home(c: AddressCheck) -> tuple[str, str] | None:
    return ("redirect_home", f"redirected to the home page {c.final_url}") if c.redirected_home else None


def not_a_feed(c: AddressCheck) -> tuple[str, str] | None:
    if c.unreadable is None:
        return None
    return "not_a_feed", "an HTML page, not a feed or sitemap" if c.html else c.unreadable


def empty(c: AddressCheck) -> tuple[str, str] | None:
    return ("empty", f"the {c.kind} answers but lists no item") if not c.items else None


def offsite_links(c: AddressCheck) -> tuple[str, str] | None:
    if c.on_domain:
        return None
    return "offsite_links", f"0 of {c.items} link(s) on {', '.join(c.domains)}"


def links_filtered(c: AddressCheck) -> tuple[str, str] | None:
    return ("links_filtered", f"all {c.items} link(s) excluded by url_patterns") if not c.accepted else None


def extraction_failed(c: AddressCheck) -> tuple[str, str] | None:
    if c.article is not None and c.article.error:
        return "extraction_failed", c.article.error
    if c.article is None or c.article.text_chars is None:
        return "extraction_failed", "the article page was not read"
    return None


def no_date(c: AddressCheck) -> tuple[str, str] | None:
    if c.newest or (c.article and c.article.published_at):
        return None
    return "no_date", "no date in the items nor on the article page"


def stale(c: AddressCheck) -> tuple[str, str] | None:
    newest = newest_date([c.newest, c.article.published_at if c.article else None])
    if not c.stale_after or newest is None:
        return None
    if _moment(newest) >= datetime.now(UTC) - timedelta(days=c.stale_after):
        return None
    return "stale", f"newest item {newest[:10]} is older than {c.stale_after:g} days"


RULES = (
    not_read,
    fetch_failed,
    redirected_home,
    not_a_feed,
    empty,
    offsite_links,
    links_filtered,
    extraction_failed,
    no_date,
    stale,
)


def decide(check: AddressCheck) -> AddressCheck:
    """Set the verdict (and its detail) of a finished check: the first rule that objects, else ok."""
    for rule in RULES:
        found = rule(check)
        if found:
            check.verdict, check.detail = found
            return check
    check.verdict, check.detail = "ok", ""
    return check


def _moment(value: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def newest_date(dates: Iterable[str | None]) -> str | None:
    """The latest of ISO 8601 dates as written (a date alone counts as midnight UTC; others are skipped)."""
    found = [d for d in dates if d and _moment(d) is not None]
    return max(found, key=_moment) if found else None


def failure_verdict(failure: Failure) -> tuple[str, str]:
    """(verdict, detail) of a failed request: the crawl's error kind, with the exact HTTP status."""
    kind, detail = classify_failure(failure)
    if isinstance(failure.value, HttpError):
        kind = f"http_{failure.value.response.status}"
    return _FAILURE_VERDICTS.get(kind, kind), detail


def is_home_page(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


# the spider ----------------------------------------------------------------------------------


class CheckSpider(NewsSpider):
    """Reads each address once and one article per address; ``feed_results`` holds the checks,
    keyed by (source, address), in the order of the sources file."""

    name = "sources_check"

    def __init__(self, sources: Iterable[Source] = (), stale_after: float = 0, **kwargs: Any) -> None:
        super().__init__(sources=sources, **kwargs)
        self.feed_results: dict[tuple[str, str], AddressCheck] = {
            (source.name, url): AddressCheck(
                url, kind, fallback, domains=source.allowed_domains, stale_after=stale_after
            )
            for source in self.sources.values()
            for url, kind, fallback in source.addresses()
        }

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for (name, url), check in self.feed_results.items():
            meta = {"source": name, "veille_kind": check.kind, "address": url}
            yield scrapy.Request(
                url, self.address_read, errback=self.address_failed, meta=meta, dont_filter=True
            )

    def _check(self, meta: dict) -> AddressCheck:
        return self.feed_results[(meta["source"], meta["address"])]

    def address_read(self, response: Response) -> Iterator[scrapy.Request]:
        check = self._check(response.meta)
        check.status, check.final_url = response.status, response.url
        if response.meta.get("redirect_urls") and is_home_page(response.url) and not is_home_page(check.url):
            check.redirected_home = True
            return
        try:
            links, children = self._links(response, check.kind)
        except MalformedFeed as exc:
            check.unreadable = str(exc)
            check.html = _looks_like_html(decode_html(response.body, None)[0])
            return
        if children and not response.meta.get("child"):  # a sitemap index: its first sitemap
            meta = {**response.meta, "child": True}
            yield response.request.replace(url=urljoin(response.url, children[0]), meta=meta)
            return
        yield from self._judge_links(check, self.sources[response.meta["source"]], links, response.url)

    def _links(self, response: Response, kind: str) -> tuple[list[FeedLink], list[str]]:
        """(article links, child sitemaps), read as NewsSpider.parse_feed / parse_sitemap read them."""
        if kind == "feed" and not looks_like_sitemap(response.body):
            content_type = response.headers.get("Content-Type", b"").decode("latin-1")
            return parse_feed(response.body, content_type), []
        content = parse_sitemap(response.body, max_size=self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
        return content.links, content.sitemaps

    def _judge_links(
        self, check: AddressCheck, source: Source, links: list[FeedLink], list_url: str
    ) -> Iterator[scrapy.Request]:
        urls = [clean_url(urljoin(list_url, link.url)) for link in links]
        check.items = len(links)
        check.newest = newest_date(link.published for link in links)
        if not links:
            return
        domains = source.allowed_domains
        check.on_domain = round(sum(not domains or host_in_domains(u, domains) for u in urls) / len(urls), 3)
        accepted = [(u, link) for u, link in zip(urls, links, strict=True) if source.accepts(u)]
        check.accepted = len(accepted)
        if accepted:
            url, link = accepted[0]  # feed order: usually the newest
            check.article = ArticleCheck(url)
            meta = {"source": source.name, "veille_kind": "article", "address": check.url, "link": link}
            meta["feed_url"] = list_url
            yield scrapy.Request(
                url, self.sample_read, errback=self.sample_failed, meta=meta, dont_filter=True
            )

    def address_failed(self, failure: Failure) -> None:
        check = self._check(failure.request.meta)
        if isinstance(failure.value, HttpError):
            check.status, check.final_url = failure.value.response.status, failure.value.response.url
        check.failure, check.detail = failure_verdict(failure)

    def sample_read(self, response: Response) -> None:
        article = self._check(response.meta).article
        try:
            item = self._article(response, self.sources[response.meta["source"]])
        except PageSkipped as exc:
            article.error = f"{exc.kind}: {exc}"
            return
        article.title, article.published_at = item.title, item.published_at
        article.text_chars = len(item.text or "")
        if not item.title:
            article.error = "no title extracted"

    def sample_failed(self, failure: Failure) -> None:
        self._check(failure.request.meta).article.error = "{}: {}".format(*failure_verdict(failure))

    def closed(self, reason: str) -> None:
        for check in self.feed_results.values():
            decide(check)


def source_reports(checks: dict[tuple[str, str], AddressCheck], names: list[str]) -> list[dict[str, Any]]:
    """One dict per source, in the order given: name, working, addresses (their JSON form)."""
    reports = []
    for name in names:
        addresses = [c for (source, _), c in checks.items() if source == name]
        reports.append(
            {
                "name": name,
                "working": any(c.verdict == "ok" for c in addresses),
                "addresses": [c.to_dict() for c in addresses],
            }
        )
    return reports
