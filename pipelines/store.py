"""Last pipeline: NLP in batches, then one database transaction per article (db.save_article).

Items are buffered; every VEILLE_NLP_BATCH_SIZE items (and when the spider closes) the texts
go through the NLP stage in one call, then each article is saved with its extraction. A
database that cannot be written stops the crawl (reason "db_error", exit code 3): nothing is
lost, the articles not stored are fetched again by the next run. An NLP stage that cannot load
(model missing, bad VEILLE_NLP) or fails on a batch does not lose the articles either: they are
stored without entities (``nlp_version`` NULL, picked up by ``veille reprocess``) and the stat
``veille/stored_without_entities`` makes the CLI exit with NLP_ERROR.
"""

from __future__ import annotations

import logging

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro

import db
from crawler.items import ArticleItem
from pipelines.nlp_stage import load_extractor

logger = logging.getLogger(__name__)


class StorePipeline:
    def __init__(
        self, crawler: Crawler, db_path: str, nlp_spec: str, batch_size: int, n_process: int
    ) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.db_path = db_path
        self.nlp_spec = nlp_spec
        self.batch_size = max(1, batch_size)
        self.n_process = n_process
        self.limit = crawler.settings.getint("VEILLE_LIMIT", 0)
        self.run_id = crawler.settings.get("VEILLE_RUN_ID")
        self.buffer: list[ArticleItem] = []
        self.stored = 0
        self.database = None
        self.extractor = None
        self.extractor_loaded = False  # the model loads on the first batch: a run with nothing new skips it
        self.failed = False
        self.nlp_broken = False  # the NLP stage was asked for but could not load

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        settings = crawler.settings
        db_path = settings.get("VEILLE_DB_PATH")
        if not db_path:
            raise NotConfigured("VEILLE_DB_PATH is not set: articles are not stored")
        return cls(
            crawler,
            db_path,
            settings.get("VEILLE_NLP", "spacy"),
            settings.getint("VEILLE_NLP_BATCH_SIZE", 32),
            settings.getint("VEILLE_NLP_PROCESSES", 1),
        )

    def open_spider(self) -> None:
        try:
            self.database = db.open_db(self.db_path)
        except db.DatabaseError as exc:
            self._db_failed(exc)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        if self.failed:  # the database broke: the CLI exits DB_ERROR, the next run fetches it again
            self.stats.inc_value("veille/not_stored")
        else:
            self.buffer.append(item)
            if len(self.buffer) >= self.batch_size:
                self.flush()
        return item

    def close_spider(self) -> None:
        self.flush()
        if self.database is not None:
            self.database.close()

    def flush(self) -> None:
        batch, self.buffer = self.buffer, []
        if not batch or self.failed:
            return
        extractions = self._extract([item for item in batch if not item.duplicate])
        for item in batch:
            extraction = None if item.duplicate else extractions.pop(0)
            if not self._save(item, extraction):
                return

    def _load(self) -> None:
        self.extractor_loaded = True
        try:
            self.extractor = load_extractor(self.nlp_spec, self.batch_size, self.n_process)
        except Exception as exc:  # noqa: BLE001 - OSError (no model), ImportError, ValueError (bad spec)...
            # The articles are in hand and their feeds' validators will be saved: losing them here
            # would hide them from every later run. Store them bare; `veille reprocess` adds entities.
            logger.error(
                "the NLP stage cannot load (%s): articles are stored without entities; "
                "fix the model, then run `veille reprocess`",
                exc,
            )
            logger.debug("NLP load failure", exc_info=True)
            self.stats.set_value("veille/nlp_unavailable", f"{type(exc).__name__}: {exc}")
            self.extractor = None
            self.nlp_broken = True

    def _extract(self, items: list[ArticleItem]) -> list[dict | None]:
        if items and not self.extractor_loaded:
            self._load()
        if not items or self.extractor is None:
            return self._bare(items) if self.nlp_broken else [None] * len(items)
        try:
            results = list(self.extractor([item.text for item in items]))
        except Exception as exc:  # an NLP bug must not lose the articles: store them, reprocess later
            logger.error("NLP failed on a batch of %d articles; stored without entities: %s", len(items), exc)
            logger.debug("NLP failure", exc_info=True)
            self.stats.inc_value("veille/errors/nlp_error")
            return self._bare(items)
        if len(results) != len(items):
            logger.error(
                "NLP returned %d results for %d texts; stored without entities", len(results), len(items)
            )
            return self._bare(items)
        return results

    def _bare(self, items: list[ArticleItem]) -> list[None]:
        """No extraction for these items: they are stored for `veille reprocess`, and the run says so."""
        self.stats.inc_value("veille/stored_without_entities", len(items))
        return [None] * len(items)

    def _save(self, item: ArticleItem, extraction: dict | None) -> bool:
        if self.limit and self.stored >= self.limit and not item.duplicate:
            self.stats.inc_value(f"veille/{item.source}/over_limit")
            return True
        article = item.article()
        article["run_id"] = self.run_id
        try:
            saved = db.save_article(self.database, article, extraction)
        except db.DatabaseError as exc:
            self._db_failed(exc)
            return False
        except ValueError as exc:
            logger.warning("%s: article not stored: %s", item.source, exc)
            self.stats.inc_value(f"veille/{item.source}/errors/invalid_item")
            self.stats.inc_value("veille/not_stored")  # accepted but lost: the run is not 'completed'
            return True
        if saved.created:
            self.stored += 1
            self.stats.inc_value(f"veille/{item.source}/new_articles")
            self.stats.inc_value("veille/new_articles")
        elif not item.duplicate:
            self.stats.inc_value(f"veille/{item.source}/duplicates")
            logger.info("%s: %s is an article already stored; its URL was added", item.source, item.url)
        return True

    def _db_failed(self, exc: Exception) -> None:
        logger.error("database %s cannot be written: %s; stopping the crawl", self.db_path, exc)
        self.failed = True
        self.stats.set_value("veille/db_error", str(exc))
        try:
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="db_error"))
        except RuntimeError:  # no engine running (yet): the CLI reads the stat and exits with DB_ERROR
            pass
