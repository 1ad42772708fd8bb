"""The parts of the crawl path, called the way the crawl calls them, for the bound and memory runs.

page bytes -> crawler.pagemeta.decode_html + crawler.extract.extract_article (the spider's work)
texts      -> nlp.extract_texts in batches (pipelines/nlp_stage.py)
article    -> db.save_article with its extraction, one transaction each (pipelines/store.py)
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import benchlib  # noqa: F401  (first: puts the repository on sys.path)

import db
import nlp
from crawler.extract import PageSkipped, extract_article
from crawler.pagemeta import decode_html

BATCH_SIZE = 32  # VEILLE_NLP_BATCH_SIZE's default


@dataclass
class PartTimes:
    load_model: float = 0.0
    extract: float = 0.0
    nlp: float = 0.0
    store: float = 0.0
    articles: int = 0
    words: int = 0
    skipped: list[str] = field(default_factory=list)

    @property
    def total(self) -> float:
        return self.load_model + self.extract + self.nlp + self.store

    def as_dict(self) -> dict[str, Any]:
        return {
            "load_model_s": round(self.load_model, 2),
            "extract_s": round(self.extract, 2),
            "nlp_s": round(self.nlp, 2),
            "store_s": round(self.store, 2),
            "total_s": round(self.total, 2),
            "articles": self.articles,
            "words": self.words,
            "skipped": len(self.skipped),
        }


def extract_pages(pages: Iterable[tuple[str, str, bytes]], times: PartTimes) -> list[dict[str, Any]]:
    """(source, url, body) -> article dicts as the spider builds them; skipped pages are counted."""
    articles = []
    start = time.perf_counter()
    for source, url, body in pages:
        html, _ = decode_html(body, "utf-8")
        try:
            data = extract_article(html, url, sitenames=(source,))
        except PageSkipped as exc:
            times.skipped.append(f"{url}: {exc}")
            continue
        articles.append({**data, "source": source, "fetched_at": db.now_iso()})
    times.extract += time.perf_counter() - start
    return articles


def extract_entities(pipeline: Any, texts: list[str], times: PartTimes) -> list[dict]:
    start = time.perf_counter()
    results = []
    for i in range(0, len(texts), BATCH_SIZE):
        batch = list(nlp.extract_texts(pipeline, texts[i : i + BATCH_SIZE], batch_size=BATCH_SIZE))
        for result in batch:
            result.setdefault("version", nlp.EXTRACTION_VERSION)
        results.extend(batch)
    times.nlp += time.perf_counter() - start
    times.words += sum(len(t.split()) for t in texts)
    return results


def store(database: Any, articles: list[dict], extractions: list[dict], times: PartTimes) -> None:
    start = time.perf_counter()
    for article, extraction in zip(articles, extractions, strict=True):
        if db.save_article(database, article, extraction).created:
            times.articles += 1
    times.store += time.perf_counter() - start


def load_model(times: PartTimes) -> Any:
    start = time.perf_counter()
    pipeline = nlp.load_pipeline()
    times.load_model += time.perf_counter() - start
    return pipeline
