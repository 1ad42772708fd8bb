"""The Redis side of a distributed run: key names, worker heartbeats, rates, the results queue.

Crawl workers (``veille crawl --redis``) and re-extraction workers (``veille worker``) push each
result as one JSON message onto ``veille:results``; the single writer (``veille store``) moves
them to ``veille:results:processing`` (LMOVE), commits each to SQLite, then removes them, so a
writer killed at any moment loses nothing (delivery is at least once, storage is idempotent).

``RedisResultPipeline`` is the crawl worker's last pipeline: NLP in batches as in StorePipeline,
then one message per article, then the acknowledgement of the request that produced it
(crawler/redis_frontier.py): a worker killed with articles still in its buffer has them fetched
again by another worker.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

from pipelines.nlp_stage import load_extractor
from pipelines.store import StorePipeline

logger = logging.getLogger(__name__)

PREFIX = "veille"
RESULTS = f"{PREFIX}:results"
PROCESSING = f"{PREFIX}:results:processing"
DEAD = f"{PREFIX}:dead"
KNOWN = f"{PREFIX}:known"  # canonical keys of every stored URL: workers skip them
WORKER = f"{PREFIX}:worker:"  # + kind:id -> JSON, with a TTL refreshed by the worker (alive while present)
RATE = f"{PREFIX}:rate:"  # + what:second -> count, kept two minutes
RATE_KEEP = 120


class RedisUnavailable(Exception):
    """Redis cannot be reached at the URL given; the message says which."""


def connect(url: str):
    """A client for ``url`` (redis://HOST:PORT/DB), checked with PING."""
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=30)
        client.ping()
    except (redis.RedisError, ValueError) as exc:
        raise RedisUnavailable(f"cannot reach Redis at {url}: {exc}") from exc
    return client


def worker_id() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"


def heartbeat(client, kind: str, ident: str, ttl: float, **info: Any) -> None:
    """Say this worker is alive for ``ttl`` seconds more (a killed worker disappears by itself)."""
    value = json.dumps({"host": socket.gethostname(), "pid": os.getpid(), "at": time.time(), **info})
    client.set(f"{WORKER}{kind}:{ident}", value, px=max(1, int(ttl * 1000)))


def forget_worker(client, kind: str, ident: str) -> None:
    client.delete(f"{WORKER}{kind}:{ident}")


def alive_workers(client, kind: str | None = None) -> dict[str, dict]:
    """``kind:id -> info`` of every worker whose heartbeat has not expired."""
    pattern = f"{WORKER}{kind or '*'}:*"
    keys = list(client.scan_iter(match=pattern, count=500))
    values = client.mget(keys) if keys else []
    alive = {}
    for key, value in zip(keys, values, strict=True):
        if value is not None:
            alive[key.decode()[len(WORKER) :]] = json.loads(value)
    return alive


def bump_rate(client, what: str, n: int = 1) -> None:
    """Count ``n`` events of kind ``what`` in the current second (for `veille status --redis`)."""
    key = f"{RATE}{what}:{int(time.time())}"
    pipe = client.pipeline()
    pipe.incrby(key, n).expire(key, RATE_KEEP)
    pipe.execute()


def rate_per_second(client, what: str, seconds: int = 60) -> float:
    now = int(time.time())
    values = client.mget([f"{RATE}{what}:{t}" for t in range(now - seconds, now)])
    return sum(int(v) for v in values if v) / seconds


def push_result(client, message: dict) -> None:
    client.lpush(RESULTS, json.dumps(message, ensure_ascii=False))


def push_results(client, messages: list[dict]) -> None:
    """All ``messages`` at once (one LPUSH is atomic): the writer sees all of them or none."""
    if messages:
        client.lpush(RESULTS, *(json.dumps(m, ensure_ascii=False) for m in messages))


def add_dead_letter(client, message: dict) -> None:
    client.rpush(DEAD, json.dumps({**message, "at": time.time()}, ensure_ascii=False))


class RedisResultPipeline(StorePipeline):
    """StorePipeline's NLP in batches, then each article as a message on the results queue, then the ack."""

    def __init__(self, crawler: Crawler, url: str) -> None:
        settings = crawler.settings
        super().__init__(
            crawler,
            "",
            settings.get("VEILLE_NLP", "spacy"),
            settings.getint("VEILLE_NLP_BATCH_SIZE", 32),
            settings.getint("VEILLE_NLP_PROCESSES", 1),
        )
        self.url = url
        self.client = None
        crawler.signals.connect(self.flush, signal=signals.spider_idle)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisResultPipeline:
        return cls(crawler, crawler.settings.get("REDIS_URL"))

    def open_spider(self) -> None:
        self.client = connect(self.url)
        # loaded before the first heartbeat: a worker loading its model is not taken for dead
        self.extractor = load_extractor(self.nlp_spec, self.batch_size, self.n_process)
        self.extractor_loaded = True

    def close_spider(self) -> None:
        self.flush()

    def flush(self) -> None:
        """Push the buffered articles (at a full batch, when the spider is idle, at the end)."""
        batch, self.buffer = self.buffer, []
        if not batch:
            return
        fresh = [item for item in batch if not item.duplicate]
        extractions = iter(self._extract(fresh))
        for item in batch:
            extraction = None if item.duplicate else next(extractions)
            message = {"kind": "article", "article": item.article(), "extraction": extraction}
            push_result(self.client, {**message, "duplicate": item.duplicate})
            self.crawler.spider.ack(getattr(item, "_veille_ack", None))
        bump_rate(self.client, "produced", len(fresh))
        self.stats.inc_value("veille/redis/results_pushed", len(batch))
