"""robots.txt for every request that waits for it, not only the first.

Scrapy's RobotsTxtMiddleware (2.19 here; its async rewrite, scrapy/scrapy#6802) has each request
that arrives while a host's robots.txt is being fetched await the same Deferred through
``maybe_deferred_to_future``. Under the asyncio reactor that is ``Deferred.asFuture``, whose
callback returns None: the first waiter gets the parser, every later one gets None, which the
middleware reads as "no robots.txt, allow all". The requests that start together (a source's
feeds and sitemaps, all first requests to their host) were fetched although robots.txt forbids
them. Here each waiter gets a Deferred of its own, fed by a callback that passes the parser on.
"""

from __future__ import annotations

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Request
from scrapy.robotstxt import RobotParser
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred


class SharedRobotsTxtMiddleware(RobotsTxtMiddleware):
    async def robot_parser(self, request: Request) -> RobotParser | None:
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if not isinstance(pending, Deferred):
            return await super().robot_parser(request)
        own: Deferred[RobotParser | None] = Deferred()

        def relay(parser: RobotParser | None) -> RobotParser | None:
            own.callback(parser)
            return parser  # for the next waiter

        pending.addCallback(relay)
        return await maybe_deferred_to_future(own)
