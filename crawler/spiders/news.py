"""The news spider: feeds and sitemaps of each source -> article pages -> ArticleItem.

Sources and the URLs already stored come in as spider arguments (the CLI reads them from the
sources file and the database); every bad input is logged once, counted per source in the
stats (crawler.stats), and the crawl goes on.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import scrapy
from scrapy.exceptions import CloseSpider
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.extract import PageSkipped, extract_article
from crawler.fallbacks import FallbackChains
from crawler.feeds import FeedLink, MalformedFeed, looks_like_sitemap, parse_feed, parse_sitemap
from crawler.items import ArticleItem
from crawler.pagemeta import decode_html
from crawler.sources import Source, SourcesError, load_sources
from crawler.stats import PERMANENT_ERRORS, TRANSIENT_ERRORS, classify_failure, count, count_error
from crawler.urls import canonical_key, clean_url

logger = logging.getLogger(__name__)

MAX_SITEMAP_DEPTH = 3
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(
        self,
        sources: Iterable[Source] = (),
        known_urls: Iterable[str] = (),
        feed_states: dict[str, dict] | None = None,
        failed_urls: Iterable[str] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.sources_error = None
        if isinstance(sources, str):  # `scrapy crawl news -a sources=FILE` from the repository root
            sources = self._sources_file(sources)
        self.sources = {s.name: s for s in sources}
        self.chains = FallbackChains(self.sources.values())  # fallback_feeds / fallback_sitemaps
        self.feed_states = feed_states or {}  # url -> {"etag", "last_modified"} from the last run
        self.feed_results: dict[str, dict] = {}  # url -> outcome in this run, saved by the CLI
        # lists whose new validators must not be kept: a later 304 would hide links still to fetch
        self.revisit: set[str] = set()
        self.known = {canonical_key(u) for u in known_urls}
        self.seen: set[str] = set()
        self.emitted = 0
        self.limit = 0
        # crawl hygiene: links that failed for good are skipped until their retry time (db.failed_urls),
        # and a feed gives at most max_links new links per run (the rest come in the next runs)
        self.skip = {canonical_key(u) for u in failed_urls}
        self.permanent_failures: dict[str, dict[str, str]] = {}  # saved by the CLI
        self.max_links = 0
        self.followed: Counter[str] = Counter()

    @classmethod
    def from_crawler(cls, crawler: scrapy.crawler.Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.limit = crawler.settings.getint("VEILLE_LIMIT", 0)
        spider.max_links = crawler.settings.getint("VEILLE_MAX_LINKS_PER_FEED", 500)
        return spider

    def _sources_file(self, path: str) -> list[Source]:
        try:
            return load_sources(path)
        except SourcesError as exc:
            self.sources_error = str(exc)
            return []

    async def start(self) -> AsyncIterator[scrapy.Request]:
        if not self.sources:  # a bare `scrapy crawl news` would crawl nothing without a word
            logger.error(
                "veille: %s: `veille crawl --sources FILE --db FILE` runs a crawl "
                "(or `scrapy crawl news -a sources=FILE -s VEILLE_DB_PATH=FILE`)",
                self.sources_error or "no sources given",
            )
            raise CloseSpider("no_sources")
        for source in self.sources.values():
            for url, kind in [(u, "feed") for u in source.feeds] + [(u, "sitemap") for u in source.sitemaps]:
                count(self.crawler.stats, source.name, "feeds_total")
                yield self._list_request(url, source.name, kind, depth=0)

    def _list_request(
        self, url: str, source: str, kind: str, depth: int, fallback: bool = False
    ) -> scrapy.Request:
        callback = self.parse_feed if kind == "feed" else self.parse_sitemap
        meta = {"source": source, "veille_kind": kind, "depth_in_index": depth, "top_level": depth == 0}
        meta["fallback"] = fallback
        headers = {}
        if depth == 0:  # conditional GET: an unchanged feed costs one 304
            meta["handle_httpstatus_list"] = [304]
            state = self.feed_states.get(url) or {}
            if state.get("etag"):
                headers["If-None-Match"] = state["etag"]
            if state.get("last_modified"):
                headers["If-Modified-Since"] = state["last_modified"]
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.list_failed,
            meta=meta,
            headers=headers,
            priority=10,
            dont_filter=True,
        )

    def _not_modified(self, response: Response) -> bool:
        if response.status != 304:
            return False
        source = response.meta["source"]
        count(self.crawler.stats, source, "feeds_read")
        count(self.crawler.stats, source, "feeds_not_modified")
        self._record(response, ok=True)
        logger.info("%s: %s not modified since the last run", source, response.url)
        return True

    def _next_address(self, request: scrapy.Request, worked: bool) -> Iterator[scrapy.Request]:
        """Once a top-level address is done: the source's next fallback, when none gave items yet."""
        if not request.meta.get("top_level"):
            return
        source, kind = request.meta["source"], request.meta["veille_kind"]
        url = self.chains.done(source, kind, fallback=request.meta.get("fallback", False), worked=worked)
        if url:
            logger.warning("%s: no item from its %s address(es) yet, reading fallback %s", source, kind, url)
            count(self.crawler.stats, source, "feeds_total")
            yield self._list_request(url, source, kind, depth=0, fallback=True)

    def _record(
        self,
        response: Response | None,
        ok: bool,
        request: scrapy.Request | None = None,
        items: int | None = None,
    ) -> None:
        """Outcome of a top-level feed or sitemap, saved by the CLI (validators for conditional GET)."""
        request = request or response.request
        if not request.meta.get("top_level"):
            return
        etag = response.headers.get("ETag") if response is not None else None
        modified = response.headers.get("Last-Modified") if response is not None else None
        # under the address of the sources file, where the next run looks it up (not a redirect target)
        self.feed_results[(request.meta.get("redirect_urls") or [request.url])[0]] = {
            "source": request.meta["source"],
            "status": response.status if response is not None else None,
            "ok": ok,
            "etag": etag.decode("latin-1") if etag and ok else None,
            "last_modified": modified.decode("latin-1") if modified and ok else None,
            "fetched_as": request.url,
            "items": items,
            "fallback": bool(request.meta.get("fallback")),
        }

    # feeds and sitemaps -------------------------------------------------------------------

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        source = response.meta["source"]
        if self._not_modified(response):
            yield from self._next_address(response.request, worked=True)
            return
        if looks_like_sitemap(response.body):
            yield from self.parse_sitemap(response)
            return
        try:
            links = parse_feed(response.body, response.headers.get("Content-Type", b"").decode("latin-1"))
        except MalformedFeed as exc:
            self._list_unreadable(response, "malformed_feed", str(exc))
            yield from self._next_address(response.request, worked=False)
            return
        self._list_read(response, len(links))
        yield from self._next_address(response.request, worked=bool(links))
        for link in links:
            yield from self._follow(link, source, response.url)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        source = response.meta["source"]
        if self._not_modified(response):
            yield from self._next_address(response.request, worked=True)
            return
        try:
            content = parse_sitemap(response.body, max_size=self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
        except MalformedFeed as exc:
            self._list_unreadable(response, "malformed_feed", str(exc))
            yield from self._next_address(response.request, worked=False)
            return
        self._list_read(response, len(content.links))
        yield from self._next_address(response.request, worked=bool(content.links or content.sitemaps))
        if content.sitemaps:  # an unchanged index says nothing about its children: always read it
            self.revisit.add(response.url)
        depth = response.meta.get("depth_in_index", 0) + 1
        for child in content.sitemaps:
            if depth > MAX_SITEMAP_DEPTH:
                logger.warning("%s: sitemap index nested too deep, %s ignored", source, child)
                break
            yield self._list_request(urljoin(response.url, child), source, "sitemap", depth)
        for link in content.links:
            yield from self._follow(link, source, response.url)

    def _list_read(self, response: Response, n_links: int) -> None:
        source = response.meta["source"]
        if response.meta.get("top_level"):
            count(self.crawler.stats, source, "feeds_read")
        self._record(response, ok=True, items=n_links)
        count(self.crawler.stats, source, "links_found", n_links)
        logger.info("%s: %d links in %s", source, n_links, response.url)

    def _list_unreadable(self, response: Response, kind: str, detail: str) -> None:
        source = response.meta["source"]
        if response.meta.get("top_level"):
            count(self.crawler.stats, source, "feeds_failed")
            self._record(response, ok=False)  # a feed that answers garbage is failing too (veille status)
        count_error(self.crawler.stats, source, kind)
        logger.warning(
            "%s: cannot read %s %s: %s", source, response.meta["veille_kind"], response.url, detail
        )

    def list_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        request = failure.request
        source = request.meta["source"]
        kind, detail = classify_failure(failure)
        if request.meta.get("top_level"):
            count(self.crawler.stats, source, "feeds_failed")
            response = getattr(failure.value, "response", None)
            self._record(response, ok=False, request=request)
        count_error(self.crawler.stats, source, kind)
        logger.warning(
            "%s: cannot fetch %s %s: %s (%s)", source, request.meta["veille_kind"], request.url, kind, detail
        )
        yield from self._next_address(request, worked=False)

    def _follow(self, link: FeedLink, source_name: str, list_url: str) -> Iterator[scrapy.Request]:
        source = self.sources[source_name]
        url = clean_url(urljoin(list_url, link.url))
        if not source.accepts(url):
            count(self.crawler.stats, source_name, "links_filtered")
            return
        key = canonical_key(url)
        if key in self.known:
            count(self.crawler.stats, source_name, "duplicates")
            return
        if key in self.seen:
            count(self.crawler.stats, source_name, "repeated_links")
            return
        if key in self.skip:
            count(self.crawler.stats, source_name, "links_failed_before")
            return
        if self.limit and self.emitted >= self.limit:
            return
        if self.max_links and self.followed[list_url] >= self.max_links:
            # a 100k-link feed would block hourly runs for a day: the rest waits for the next runs,
            # which must read this list again (no 304)
            count(self.crawler.stats, source_name, "links_over_cap")
            self.revisit.add(list_url)
            return
        self.followed[list_url] += 1
        self.seen.add(key)
        meta = {"source": source_name, "veille_kind": "article", "feed_url": list_url, "link": link}
        yield scrapy.Request(url, callback=self.parse_article, errback=self.article_failed, meta=meta)

    # article pages -------------------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[ArticleItem]:
        source = self.sources[response.meta["source"]]
        count(self.crawler.stats, source.name, "pages_fetched")
        if self.limit and self.emitted >= self.limit:
            return
        try:
            item = self._article(response, source)
        except PageSkipped as exc:
            count_error(self.crawler.stats, source.name, exc.kind)
            logger.warning("%s: page skipped (%s): %s", source.name, exc.kind, exc)
            self._failed_for_good(response.request, source.name, exc.kind)
            return
        if not item.duplicate:
            self.emitted += 1
        yield item
        if self.limit and self.emitted >= self.limit:
            raise CloseSpider("article_limit")

    def _article(self, response: Response, source: Source) -> ArticleItem:
        content_type = response.headers.get("Content-Type", b"").decode("latin-1").lower()
        if content_type and not content_type.startswith(_HTML_TYPES):
            raise PageSkipped("not_html", f"{response.url} is {content_type.split(';')[0]}, not HTML")
        if not response.body.strip():
            raise PageSkipped("empty_page", f"{response.url} has an empty body")
        header_charset = content_type.partition("charset=")[2].strip() or None
        html, _ = decode_html(response.body, header_charset)
        if not content_type and not _looks_like_html(html):
            raise PageSkipped("not_html", f"{response.url} does not look like HTML")
        link: FeedLink = response.meta["link"]
        data = extract_article(
            html,
            clean_url(response.url),
            feed_title=link.title,
            feed_date=link.published,
            feed_date_source=link.date_source or "feed",
            sitenames=(source.name,),
        )
        if data["lang"] and data["lang"] != source.lang:
            kind = "not_french" if source.lang == "fr" else f"not_{source.lang}"
            raise PageSkipped(kind, f"{response.url} is in {data['lang']!r}, source expects {source.lang!r}")
        return self._item(response, source, data)

    def _item(self, response: Response, source: Source, data: dict) -> ArticleItem:
        requested = clean_url(response.request.meta.get("redirect_urls", [response.request.url])[0])
        urls = [u for u in dict.fromkeys([requested]) if u not in (data["url"], data["canonical_url"])]
        canonical = canonical_key(data["canonical_url"])
        duplicate = canonical in self.known  # stored by an earlier run under its canonical URL
        if duplicate:
            count(self.crawler.stats, source.name, "duplicates")
        self.seen.add(canonical)
        fields = {k: data[k] for k in ("url", "canonical_url", "title", "author", "published_at", "date_source",
                                       "lang", "description", "sitename", "text")}  # fmt: skip
        return ArticleItem(
            source=source.name,
            urls=urls,
            feed_url=response.meta.get("feed_url"),
            fetched_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
            duplicate=duplicate,
            **fields,
        )

    def article_failed(self, failure: Failure) -> None:
        request = failure.request
        source = request.meta["source"]
        kind, detail = classify_failure(failure)
        count_error(self.crawler.stats, source, kind)
        logger.warning("%s: cannot fetch article %s: %s (%s)", source, request.url, kind, detail)
        if kind in TRANSIENT_ERRORS:  # the next run must see this link again, so no 304 for its list
            self.revisit.add(request.meta.get("feed_url"))
        self._failed_for_good(request, source, kind)

    def _failed_for_good(self, request: scrapy.Request, source: str, kind: str) -> None:
        if kind in PERMANENT_ERRORS:  # under the address of the feed link, where the next run meets it
            url = clean_url((request.meta.get("redirect_urls") or [request.url])[0])
            self.permanent_failures[url] = {"source": source, "kind": kind}

    def closed(self, reason: str) -> None:
        for url, result in self.feed_results.items():
            if url in self.revisit or result.pop("fetched_as", url) in self.revisit:
                result["etag"] = result["last_modified"] = None


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in text[:20_000].lower()
