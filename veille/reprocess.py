"""Re-run the NLP stage over stored articles, without fetching anything.

The extractor is a parameter (texts -> one extraction dict per text, in order), so this module
needs neither spaCy nor the model: the CLI passes ``nlp.extract_texts`` bound to a loaded
pipeline, tests pass a small function. Each article's new extraction replaces the old one in its
own transaction (``db.save_extraction``) and stamps ``articles.nlp_version``, so a run killed
half-way is simply resumed by the next one: finished articles are no longer selected.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import sqlite_utils

import db

logger = logging.getLogger(__name__)

Extractor = Callable[[list[str]], Iterable[dict]]


@dataclass
class ReprocessResult:
    selected: int = 0
    processed: int = 0
    failed: int = 0
    failed_ids: list[int] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"selected": self.selected, "processed": self.processed, "failed": self.failed}


def _where(version: int, since: str | None, everything: bool) -> tuple[str, list]:
    clauses, params = [], []
    if not everything:
        clauses.append("(nlp_version IS NULL OR nlp_version < ?)")
        params.append(version)
    if since:
        clauses.append("COALESCE(published_at, fetched_at) >= ?")
        params.append(since)
    return (" AND ".join(clauses) or "1"), params


def count_stale(
    db_: sqlite_utils.Database, version: int, *, since: str | None = None, everything: bool = False
) -> int:
    """How many articles a reprocess with these options would handle."""
    where, params = _where(version, since, everything)
    return db_.execute(f"SELECT count(*) FROM articles WHERE {where}", params).fetchone()[0]


def _batches(
    db_: sqlite_utils.Database, version: int, since: str | None, everything: bool, size: int
) -> Iterator[list[tuple[int, str]]]:
    """(id, text) batches in id order; keyset paging so rows updated meanwhile are not seen twice."""
    where, params = _where(version, since, everything)
    last_id = 0
    while True:
        rows = db_.execute(
            f"SELECT id, text FROM articles WHERE {where} AND id > ? ORDER BY id LIMIT ?",
            [*params, last_id, size],
        ).fetchall()
        if not rows:
            return
        yield [(row[0], row[1]) for row in rows]
        last_id = rows[-1][0]


def _extract_batch(extract: Extractor, batch: list[tuple[int, str]]) -> list[dict | Exception]:
    """Extractions of a batch; when the batch fails, each text alone so one bad article costs only itself."""
    texts = [text for _, text in batch]
    try:
        results = list(extract(texts))
        if len(results) != len(texts):
            raise RuntimeError(f"extractor returned {len(results)} results for {len(texts)} texts")
        return results
    except Exception as exc:  # noqa: BLE001 - isolate the failing article below
        logger.warning("NLP failed on a batch of %d articles (%s); retrying one by one", len(texts), exc)
    outcome: list[dict | Exception] = []
    for text in texts:
        try:
            outcome.extend(list(extract([text]))[:1] or [RuntimeError("extractor returned nothing")])
        except Exception as exc:  # noqa: BLE001
            outcome.append(exc)
    return outcome


def reprocess(
    db_: sqlite_utils.Database,
    extract: Extractor,
    version: int,
    *,
    since: str | None = None,
    everything: bool = False,
    batch_size: int = 64,
    progress: Callable[[int], None] | None = None,
    result: ReprocessResult | None = None,
) -> ReprocessResult:
    """Re-extract articles whose nlp_version is NULL or below ``version`` (every article with ``everything``).

    ``progress`` is called with the number of articles done after each batch. ``result`` (filled
    in as the work goes) lets a caller interrupted by a signal still report what was done.
    """
    if batch_size < 1:
        raise ValueError("batch size must be at least 1")
    result = result if result is not None else ReprocessResult()
    result.selected = count_stale(db_, version, since=since, everything=everything)
    for batch in _batches(db_, version, since, everything, batch_size):
        for (article_id, _), extraction in zip(batch, _extract_batch(extract, batch), strict=True):
            if isinstance(extraction, Exception):
                logger.error("article %d: NLP failed, left as it was: %s", article_id, extraction)
                result.failed += 1
                result.failed_ids.append(article_id)
                continue
            db.save_extraction(db_, article_id, {**extraction, "version": version})
            result.processed += 1
        if progress is not None:
            progress(len(batch))
    return result
