"""robots.txt read once per run for every crawl worker, not once per worker.

Scrapy's RobotsTxtMiddleware fetches a host's robots.txt in each process that meets the host:
with N workers, N fetches per host, each one holding one of the host's 2 politeness tokens
(crawler/redis_politeness.py) for a whole round trip. This subclass keeps the body it fetched
in Redis (``veille:robots:<scheme>://<host:port>``, for VEILLE_ROBOTS_TTL seconds, 1 hour by
default); a worker that finds it there parses it without a request. A robots.txt that could not
be fetched is not kept: each worker tries it for itself, as Scrapy does.
"""

from __future__ import annotations

import logging

from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from crawler.robots import SharedRobotsTxtMiddleware
from pipelines.redis_queue import PREFIX, connect

logger = logging.getLogger(__name__)

ROBOTS = f"{PREFIX}:robots:"


class SharedRobotsTxt(SharedRobotsTxtMiddleware):  # every waiter gets the parser (crawler/robots.py)
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.client = connect(crawler.settings.get("REDIS_URL"))
        self.ttl_ms = int(crawler.settings.getfloat("VEILLE_ROBOTS_TTL", 3600) * 1000)

    async def robot_parser(self, request: Request):
        url = urlparse_cached(request)
        if url.netloc not in self._parsers:
            robots_url = f"{url.scheme}://{url.netloc}/robots.txt"
            body = self.client.get(ROBOTS + f"{url.scheme}://{url.netloc}")
            if body is not None:
                self._parsers[url.netloc] = Deferred()
                self._stats.inc_value("veille/redis/robots_shared")
                await self._parse_robots(Response(robots_url, body=body), url.netloc, request)
        return await super().robot_parser(request)

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        scheme = urlparse_cached(response).scheme
        self.client.set(ROBOTS + f"{scheme}://{netloc}", response.body, px=self.ttl_ms, nx=True)
        await super()._parse_robots(response, netloc, request)
