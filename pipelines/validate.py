"""First pipeline: reject incomplete items, mark in-run duplicates (same URL or same text).

A duplicate is not dropped: it goes on to the store with ``duplicate=True`` so that its
address is recorded next to the article already stored (and the next run does not fetch it).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler.items import ArticleItem
from crawler.urls import canonical_key
from db import content_hash

logger = logging.getLogger(__name__)


class ValidatePipeline:
    def __init__(self, stats: Any) -> None:
        self.stats = stats
        self.keys: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        return cls(crawler.stats)

    def open_spider(self) -> None:
        self.keys = set()

    def process_item(self, item: ArticleItem) -> ArticleItem:
        if not item.url or not item.source or not (item.text or "").strip():
            self.stats.inc_value(f"veille/{item.source}/errors/invalid_item")
            raise DropItem(f"incomplete article item: {item.url!r}")
        keys = {canonical_key(u) for u in (item.url, item.canonical_url, *item.urls) if u}
        keys.add("text:" + content_hash(item.text))
        if not item.duplicate and keys & self.keys:
            item.duplicate = True
            self.stats.inc_value(f"veille/{item.source}/duplicates")
            logger.info(
                "%s: %s repeats an article of this run; only its URL is recorded", item.source, item.url
            )
        self.keys |= keys
        return item
