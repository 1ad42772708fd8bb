"""The single writer of a distributed run: `veille store --redis URL --db FILE`.

It moves messages from ``veille:results`` to ``veille:results:processing`` (LMOVE, a reliable
queue), stores each one in its own transaction (db.save_article or db.save_extraction, both
idempotent), and only then removes the batch from the processing list. Killed at any moment, it
finds the batch again in the processing list at its next start and stores it again, which adds
nothing: an article already stored is recognised by its URLs and its text.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass, field

import db
from crawler.urls import canonical_key
from pipelines.redis_queue import (
    KNOWN,
    PROCESSING,
    RESULTS,
    add_dead_letter,
    alive_workers,
    bump_rate,
)

logger = logging.getLogger(__name__)

#: messages moved from the results queue per transaction group
BATCH = 64


@dataclass
class StoreCounts:
    new: Counter = field(default_factory=Counter)  # source -> new articles
    duplicates: Counter = field(default_factory=Counter)
    extractions: int = 0
    dead: int = 0

    def by_source(self) -> dict[str, dict]:
        names = sorted(set(self.new) | set(self.duplicates))
        return {n: {"new_articles": self.new[n], "duplicates": self.duplicates[n]} for n in names}

    def line(self) -> str:
        return (
            f"{sum(self.new.values())} new article(s), {sum(self.duplicates.values())} duplicate(s), "
            f"{self.extractions} re-extraction(s), {self.dead} message(s) to the dead letters"
        )


def publish_known(client, database) -> int:
    """Tell the crawl workers which URLs are stored already (they skip them, as `veille crawl` does)."""
    keys = [canonical_key(u) for u in db.known_urls(database)]
    for start in range(0, len(keys), 5000):
        client.sadd(KNOWN, *keys[start : start + 5000])
    return len(keys)


def _take_batch(client, block: float) -> list[bytes]:
    """The messages to store now: those a killed writer left in processing first, else new ones."""
    left = client.lrange(PROCESSING, 0, -1)
    if left:
        return left
    first = client.blmove(RESULTS, PROCESSING, block, "RIGHT", "LEFT") if block else None
    if first is None:
        first = client.lmove(RESULTS, PROCESSING, "RIGHT", "LEFT")
        if first is None:
            return []
    batch = [first]
    while len(batch) < BATCH:
        more = client.lmove(RESULTS, PROCESSING, "RIGHT", "LEFT")
        if more is None:
            break
        batch.append(more)
    return batch


def _store_one(client, database, raw: bytes, run_id: int, counts: StoreCounts) -> None:
    """One message, one transaction. A message that cannot be stored goes to the dead letters."""
    try:
        message = json.loads(raw)
        if message.get("kind") == "extraction":
            db.save_extraction(database, int(message["article_id"]), message["extraction"])
            counts.extractions += 1
            return
        article = {**message["article"], "run_id": run_id}
        saved = db.save_article(database, article, message.get("extraction"))
    except (ValueError, KeyError, TypeError) as exc:  # db.DatabaseError is not caught: it stops the writer
        logger.error("message not stored, moved to the dead letters: %s", exc)
        add_dead_letter(
            client, {"kind": "unstorable", "error": str(exc), "message": raw.decode("utf-8", "replace")}
        )
        counts.dead += 1
        return
    source = article.get("source") or "?"
    if saved.created:
        counts.new[source] += 1
    elif not message.get("duplicate"):
        counts.duplicates[source] += 1
    urls = [u for u in (article.get("url"), article.get("canonical_url"), *(article.get("urls") or [])) if u]
    client.sadd(KNOWN, *{canonical_key(u) for u in urls})


def store_batch(client, database, run_id: int, counts: StoreCounts, block: float = 1.0) -> int:
    """Store one batch of messages; return how many were handled (0: the queue was empty)."""
    batch = _take_batch(client, block)
    for raw in batch:
        _store_one(client, database, raw, run_id, counts)
    if batch:
        # every message of the batch is committed: only now does it leave the queue
        client.delete(PROCESSING)
        bump_rate(client, "stored", len(batch))
    return len(batch)


def nothing_left(client, pending_tasks: int) -> bool:
    """True when no worker is alive and no message waits (the condition of --until-idle)."""
    if alive_workers(client):
        return False
    return pending_tasks == 0 and client.llen(RESULTS) == 0 and client.llen(PROCESSING) == 0
