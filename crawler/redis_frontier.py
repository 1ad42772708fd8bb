"""The shared frontier of `veille crawl --redis`: scrapy-redis's scheduler and dupefilter, plus a shim.

Tested with scrapy-redis 0.9.1 on Scrapy 2.19. veille's own spider (``async def start()``) is
used, not scrapy-redis's spider mixin (which needs ``start_requests()``, gone since Scrapy 2.16).

The shim, all of it here:

- ``ReliableQueue`` (scrapy-redis's priority queue): a pop moves the request, atomically, into
  the worker's in-flight hash ``veille:inflight:<worker>``; the request leaves it only once done
  (its callback ran and its article, if any, is on the results queue). The in-flight requests of
  a worker whose heartbeat has expired (``kill -9``) go back to the queue, so nothing is lost.
  scrapy-redis alone drops them: its pop removes the request at once.
- ``Scheduler``: a retried or redirected request carries the in-flight mark of the request it
  replaces; once the replacement is queued (or filtered out), the old mark is cleared.
- ``RedisNewsSpider``: seeds the feeds only in the worker that opened the run, and acknowledges
  each request when its callback has finished.
- ``FrontierExtension``: the heartbeat, the run key, idle exit (``--idle-exit``), and a 0.5 s
  engine heartbeat instead of Scrapy's 5 s, so an idle worker sees new requests from the others
  at once (``ExecutionEngine._SLOT_HEARTBEAT_INTERVAL``, a private class attribute).
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.core.engine import ExecutionEngine
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler as RedisScheduler

from crawler.items import ArticleItem
from crawler.redis_politeness import TOKENS
from crawler.spiders.news import NewsSpider
from pipelines.redis_queue import PREFIX, WORKER, forget_worker, heartbeat

logger = logging.getLogger(__name__)

QUEUE = f"{PREFIX}:requests"
DUPEFILTER = f"{PREFIX}:dupefilter"
INFLIGHT = f"{PREFIX}:inflight:"
RUN = f"{PREFIX}:run"
SEQ = f"{PREFIX}:inflight-seq"

# among the ARGV[1] first requests, pop the first whose host has a free politeness token (else
# the first) and keep it under "<n>:<score>" in the worker's in-flight hash, atomically
_POP = r"""
local items = redis.call('zrange', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
if #items == 0 then return nil end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local pick = 1
for i = 1, #items, 2 do
  local host = string.match(items[i], '^%x+ ([^\n]*)\n')
  if host == nil or redis.call('zcount', ARGV[3] .. host, '(' .. now, '+inf') < tonumber(ARGV[2]) then
    pick = i
    break
  end
end
redis.call('zrem', KEYS[1], items[pick])
local field = redis.call('incr', KEYS[3]) .. ':' .. items[pick + 1]
redis.call('hset', KEYS[2], field, items[pick])
return {field, items[pick]}
"""
#: how many of the first queued requests a pop looks at for one whose host is free
POP_WINDOW = 32
# a dead worker's in-flight requests back into the queue, with their priority
_RECLAIM = """
local entries = redis.call('hgetall', KEYS[1])
for i = 1, #entries, 2 do
  local score = string.match(entries[i], ':(.*)$')
  redis.call('zadd', KEYS[2], score, entries[i + 1])
end
redis.call('del', KEYS[1])
return #entries / 2
"""


def redis_settings(url: str, ident: str, idle_exit: float) -> dict[str, Any]:
    """The Scrapy settings that turn a crawl into a worker of the shared frontier."""
    from crawler import settings as project

    return {
        "REDIS_URL": url,
        "SCHEDULER": "crawler.redis_frontier.Scheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_QUEUE_CLASS": "crawler.redis_frontier.ReliableQueue",
        "SCHEDULER_QUEUE_KEY": QUEUE,
        "SCHEDULER_DUPEFILTER_KEY": DUPEFILTER,
        "SCHEDULER_PERSIST": True,  # never flush the shared queue when one worker stops
        "ITEM_PIPELINES": {
            "pipelines.validate.ValidatePipeline": 100,
            "pipelines.redis_queue.RedisResultPipeline": 300,
        },
        # added to the project's own (the SSRF guards of crawler/settings.py included), not instead
        "EXTENSIONS": {**project.EXTENSIONS, "crawler.redis_frontier.FrontierExtension": 510},
        "DOWNLOADER_MIDDLEWARES": {
            **project.DOWNLOADER_MIDDLEWARES,
            "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
            "crawler.robots.SharedRobotsTxtMiddleware": None,  # replaced by its Redis-backed subclass
            "crawler.redis_robots.SharedRobotsTxt": 100,
            "crawler.redis_politeness.DomainTokenMiddleware": 990,
        },
        "VEILLE_WORKER_ID": ident,
        "VEILLE_IDLE_EXIT": idle_exit,
    }


class ReliableQueue(PriorityQueue):
    """scrapy-redis's priority queue whose pop keeps the request in flight until acknowledged.

    A queued request is the line ``<hash> <host>`` then scrapy-redis's encoding. The host lets
    the pop skip the requests of a host whose politeness tokens are all taken (the worker would
    hold one of its download slots waiting while other hosts wait for nobody); the hash of the
    URL keeps the hosts mixed in the queue's order, at equal priority.
    """

    def __init__(self, server, spider, key, serializer=None) -> None:
        super().__init__(server, spider, key, serializer)
        self.inflight = INFLIGHT + spider.settings.get("VEILLE_WORKER_ID")
        self.per_host = spider.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN", 2)
        self._pop = server.register_script(_POP)

    def _encode_request(self, request) -> bytes:
        host = urlsplit(request.url).hostname or ""
        mix = hashlib.sha1(request.url.encode(), usedforsecurity=False).hexdigest()[:8]
        return f"{mix} {host}\n".encode() + super()._encode_request(request)

    def _decode_request(self, encoded_request: bytes):
        if not encoded_request.startswith(b"\x80"):  # not a bare pickle: drop the "<hash> <host>" line
            encoded_request = encoded_request.split(b"\n", 1)[1]
        return super()._decode_request(encoded_request)

    def pop(self, timeout: float = 0):
        popped = self._pop(keys=[self.key, self.inflight, SEQ], args=[POP_WINDOW, self.per_host, TOKENS])
        if not popped:
            return None
        field, data = popped
        request = self._decode_request(data)
        request.meta["veille_inflight"] = field.decode()
        return request


class Scheduler(RedisScheduler):
    def enqueue_request(self, request) -> bool:
        replaced = request.meta.pop("veille_inflight", None)  # a retry or a redirect of that request
        queued = super().enqueue_request(request)
        if replaced:
            self.server.hdel(self.queue.inflight, replaced)
        return queued


def reclaim_dead(server, kind: str = "crawl") -> int:
    """Put back into the queue the in-flight requests of every worker that is no longer alive."""
    script = server.register_script(_RECLAIM)
    moved = 0
    for key in server.scan_iter(match=f"{INFLIGHT}*", count=500):
        ident = key.decode()[len(INFLIGHT) :]
        if not server.exists(f"{WORKER}{kind}:{ident}"):
            n = script(keys=[key, QUEUE])
            if n:
                logger.warning("worker %s is gone: %d request(s) in flight put back into the queue", ident, n)
            moved += n
    return moved


def inflight_total(server) -> int:
    return sum(server.hlen(key) for key in server.scan_iter(match=f"{INFLIGHT}*", count=500))


class RedisNewsSpider(NewsSpider):
    """The news spider with acknowledgements; seeds the feeds only when ``seed`` is true."""

    name = "news_redis"

    def __init__(self, *args: Any, seed: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.seed = seed

    async def start(self) -> AsyncIterator:
        if self.seed:
            async for request in super().start():
                yield request

    def ack(self, mark: str | None) -> None:
        if mark:
            self.crawler.engine._slot.scheduler.server.hdel(
                INFLIGHT + self.settings.get("VEILLE_WORKER_ID"), mark
            )

    def _acked(self, output: Iterator | None, response_or_failure: Any) -> Iterator:
        """Yield the callback's output; ack its request at the end, unless an article waits in a pipeline."""
        request = getattr(response_or_failure, "request", None)
        mark = request.meta.get("veille_inflight") if request is not None else None
        held = False
        try:
            for out in output or ():
                if isinstance(out, ArticleItem) and mark:
                    object.__setattr__(out, "_veille_ack", mark)  # RedisResultPipeline acks after its push
                    held = True
                yield out
        finally:
            if not held:
                self.ack(mark)

    def parse_feed(self, response) -> Iterator:
        yield from self._acked(super().parse_feed(response), response)

    def parse_sitemap(self, response) -> Iterator:
        yield from self._acked(super().parse_sitemap(response), response)

    def parse_article(self, response) -> Iterator:
        yield from self._acked(super().parse_article(response), response)

    def list_failed(self, failure) -> None:
        super().list_failed(failure)
        self.ack(failure.request.meta.get("veille_inflight"))

    def article_failed(self, failure) -> None:
        super().article_failed(failure)
        self.ack(failure.request.meta.get("veille_inflight"))


class FrontierExtension:
    """Heartbeat, run key and idle exit of one crawl worker."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.ident = settings.get("VEILLE_WORKER_ID")
        self.idle_exit = settings.getfloat("VEILLE_IDLE_EXIT", 30)
        self.ttl = settings.getfloat("VEILLE_HEARTBEAT_TTL", 30)
        self.idle_since: float | None = None
        self.stopped = threading.Event()
        ExecutionEngine._SLOT_HEARTBEAT_INTERVAL = 0.5
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.idle, signal=signals.spider_idle)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierExtension:
        return cls(crawler)

    @property
    def server(self):
        return self.crawler.engine._slot.scheduler.server

    def opened(self, spider) -> None:
        self.beat()
        # a thread, not a reactor call: a long NLP batch blocks the reactor, not the heartbeat
        threading.Thread(target=self._beat_loop, name="veille-heartbeat", daemon=True).start()
        reclaim_dead(self.server)

    def _beat_loop(self) -> None:
        while not self.stopped.wait(max(0.2, self.ttl / 4)):
            try:
                self.beat()
            except Exception as exc:  # noqa: BLE001 - Redis away for a moment: the next beat retries
                logger.warning("heartbeat failed: %s", exc)

    def beat(self) -> None:
        heartbeat(self.server, "crawl", self.ident, self.ttl)
        self.server.pexpire(RUN, int(self.ttl * 1000))  # the run lasts while a worker is alive

    def idle(self, spider) -> None:
        reclaim_dead(self.server)
        busy = self.server.zcard(QUEUE) or inflight_total(self.server)
        now = time.monotonic()
        if busy:
            self.idle_since = None
            raise DontCloseSpider
        self.idle_since = self.idle_since or now
        if now - self.idle_since < self.idle_exit:
            raise DontCloseSpider
        logger.info("shared queue empty for %.0f s: worker %s exits", self.idle_exit, self.ident)

    def closed(self, spider, reason: str) -> None:
        self.stopped.set()
        forget_worker(self.server, "crawl", self.ident)


def open_run(server, ttl: float, run_id: str) -> bool:
    """True when this worker starts a new run (it seeds the feeds); False when it joins one.

    A new run starts when no worker of the previous one is alive any more (the key expires
    ``ttl`` seconds after the last heartbeat); it forgets the seen-set of the previous run, so
    the pages that failed then are tried again (the stored ones are skipped through KNOWN).
    """
    if not server.set(RUN, run_id, nx=True, px=int(ttl * 1000)):
        return False
    server.delete(DUPEFILTER)
    return True
