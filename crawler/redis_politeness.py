"""Per-domain politeness across every crawl worker: at most N requests in flight per domain overall.

Scrapy's CONCURRENT_REQUESTS_PER_DOMAIN (2) holds per process; with several workers each would
send its own 2. This downloader middleware, the last before the download (order 990), takes a
token for the request's host name from Redis before the download and gives it back when the
response or the error arrives. A token is a member ``<worker>|<id>`` of the sorted set
``veille:tokens:<host>`` whose score is its expiry (DOWNLOAD_TIMEOUT + 5 s, Redis clock); the
tokens of a worker whose heartbeat has expired (``kill -9``) are dropped at once, the others when
they expire. The limit is the CONCURRENT_REQUESTS_PER_DOMAIN setting.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.http import Request, Response

from pipelines.redis_queue import PREFIX, WORKER, connect

logger = logging.getLogger(__name__)

TOKENS = f"{PREFIX}:tokens:"
POLL = 0.02  # seconds between two tries for a token

# drop the expired tokens and those of dead workers, then take one if fewer than ARGV[1] are held
_ACQUIRE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('zremrangebyscore', KEYS[1], '-inf', now)
for _, member in ipairs(redis.call('zrange', KEYS[1], 0, -1)) do
  local owner = string.match(member, '^(.*)|')
  if redis.call('exists', ARGV[4] .. owner) == 0 then redis.call('zrem', KEYS[1], member) end
end
if redis.call('zcard', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('zadd', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
  redis.call('pexpire', KEYS[1], tonumber(ARGV[2]))
  return 1
end
return 0
"""


class DomainTokenMiddleware:
    def __init__(self, url: str, limit: int, lease_ms: int, ident: str) -> None:
        self.client = connect(url)
        self.ident = ident
        self.limit = max(1, limit)
        self.lease_ms = lease_ms
        self.acquire = self.client.register_script(_ACQUIRE)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DomainTokenMiddleware:
        settings = crawler.settings
        lease = int((settings.getfloat("DOWNLOAD_TIMEOUT", 180) + 5) * 1000)
        limit = settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN", 2)
        return cls(settings.get("REDIS_URL"), limit, lease, settings.get("VEILLE_WORKER_ID"))

    async def process_request(self, request: Request) -> None:
        key = TOKENS + (urlsplit(request.url).hostname or "")
        token = f"{self.ident}|{uuid.uuid4().hex}"
        args = [self.limit, self.lease_ms, token, f"{WORKER}crawl:"]
        while not self.acquire(keys=[key], args=args):
            await asyncio.sleep(POLL)
        request.meta["veille_token"] = (key, token)
        return None

    def _release(self, request: Request) -> None:
        held = request.meta.pop("veille_token", None)
        if held:
            self.client.zrem(*held)

    def process_response(self, request: Request, response: Response) -> Response:
        self._release(request)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        self._release(request)
        return None
