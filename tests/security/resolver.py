"""A DNS resolver stub for crawl subprocesses: names from $VEILLE_TEST_HOSTS, nothing else.

Used with ``-s DNS_RESOLVER=tests.security.resolver.StubResolver``: the AddressGuard and the HTTP
connections both resolve through it, so a test can make ``metadata.test`` stand for an internal
address while every socket stays on loopback. An unknown name fails as DNS would: no real lookup.
"""

from __future__ import annotations

import json
import os

from scrapy.resolver import CachingThreadedResolver
from twisted.internet import defer
from twisted.internet.error import DNSLookupError

HOSTS_ENV = "VEILLE_TEST_HOSTS"


class StubResolver(CachingThreadedResolver):
    def getHostByName(self, name: str, timeout=()):  # noqa: N802 (Twisted's interface)
        hosts = json.loads(os.environ.get(HOSTS_ENV) or "{}")
        if name in hosts:
            return defer.succeed(hosts[name])
        if name.replace(".", "").isdigit():  # dotted-quad literals need no DNS
            return defer.succeed(name)
        return defer.fail(DNSLookupError(f"{name} (not in the test resolver stub)"))
