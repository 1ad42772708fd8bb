"""The shared queue of the crawl workers against a real redis-server: what a pop hands out."""

from __future__ import annotations

import time
from types import SimpleNamespace

import redis
from scrapy import Request
from scrapy.settings import Settings

from crawler.redis_frontier import QUEUE, ReliableQueue
from crawler.redis_politeness import TOKENS


def _queue(url: str) -> ReliableQueue:
    spider = SimpleNamespace(
        name="news_redis", settings=Settings({"VEILLE_WORKER_ID": "w1", "CONCURRENT_REQUESTS_PER_DOMAIN": 2})
    )
    return ReliableQueue(redis.Redis.from_url(url), spider, QUEUE)


def test_a_pop_skips_the_requests_of_a_host_whose_tokens_are_all_taken(redis_url):
    queue = _queue(redis_url)
    busy = [f"http://busy.test/{n}.html" for n in range(6)]
    for url in [*busy, "http://free.test/1.html"]:
        queue.push(Request(url, dont_filter=True))
    # the two tokens of busy.test are held (by another worker) for the next minute
    expiry = int(time.time() * 1000) + 60_000
    queue.server.zadd(TOKENS + "busy.test", {"w2|a": expiry, "w2|b": expiry})
    assert queue.pop().url == "http://free.test/1.html"
    # nothing free any more: the first request comes, and waits for its token at the download
    assert queue.pop().url in busy
    assert len(queue) == 5


def test_a_popped_request_comes_back_whole_and_is_held_in_flight(redis_url):
    queue = _queue(redis_url)
    queue.push(Request("http://a.test/x.html?q=1", meta={"source": "a"}, priority=10, dont_filter=True))
    request = queue.pop()
    assert (request.url, request.meta["source"], request.priority) == ("http://a.test/x.html?q=1", "a", 10)
    assert len(queue) == 0 and queue.server.hlen(queue.inflight) == 1
