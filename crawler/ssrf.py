"""Request guards: no request to an internal address (SSRF), no redirect out of a source's domains.

A feed is input from a stranger: its links, a sitemap index's children and any redirect can name
``http://169.254.169.254/`` (cloud metadata), ``http://10.0.0.5/``, another port of this machine,
or the same written ``2130706433`` or ``0x7f.1``. AddressGuard resolves the host of every request
the downloader sees (redirects and meta refreshes come back through ``process_request`` as new
requests) and refuses any address that is not public, unless ``VEILLE_ALLOW_PRIVATE_ADDRESSES``
lists it. An origin the sources file itself names by an IP literal (``http://127.0.0.1:8000/feed``,
``http://[::1]:9000/``, ``localhost``) is the operator's choice, not a stranger's: requests to that
exact scheme, address and port pass (another port or address of the same machine does not). A host
name is always resolved and checked, so DNS cannot turn a named source internal. The resolution goes through the reactor's resolver (Scrapy's DNS cache, in a thread), the
one the connection uses next, so the address checked is the address connected to.

RedirectDomainGuard keeps a source's ``allowed_domains`` on the targets of 3xx and meta refresh
redirects of its articles (the feed's own links are filtered by the spider).
"""

from __future__ import annotations

import ipaddress
import logging
import os
import re
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import defer
from twisted.internet.interfaces import IResolutionReceiver
from zope.interface import implementer

logger = logging.getLogger(__name__)

ALLOW_SETTING = "VEILLE_ALLOW_PRIVATE_ADDRESSES"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

#: NAT64 (RFC 6052) embeds an IPv4 address in its last 32 bits
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_PART = re.compile(r"^(0x[0-9a-f]*|0[0-7]*|[1-9][0-9]*)$", re.IGNORECASE)


class GuardRefused(IgnoreRequest):
    """A request refused by a guard; ``error_kind`` is the count it goes under (crawler.stats)."""

    error_kind = "ignored"


class BlockedAddress(GuardRefused):
    error_kind = "blocked_address"


class OffsiteRedirect(GuardRefused):
    error_kind = "offsite_redirect"


def parse_allowlist(value: str | None) -> tuple[IPNetwork, ...]:
    """``"127.0.0.1, 10.0.0.0/8"`` -> networks; ValueError naming the bad entry."""
    networks = []
    for entry in (value or "").split(","):
        entry = entry.strip()
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            raise ValueError(
                f"{ALLOW_SETTING}: {entry!r} is not an IP address or CIDR network (e.g. 127.0.0.1 or 10.0.0.0/8)"
            ) from None
    return tuple(networks)


def allowlist_from(settings: Any) -> tuple[IPNetwork, ...]:
    """The setting (``-s``) if given, else the environment variable of the same name."""
    value = settings.get(ALLOW_SETTING)
    if value is None or value == "":
        value = os.environ.get(ALLOW_SETTING, "")
    if isinstance(value, list | tuple):
        value = ",".join(value)
    return parse_allowlist(str(value))


def numeric_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The address of a host written as inet_aton() reads it: ``2130706433``, ``0x7f.1``, ``0177.0.0.1``.

    Resolvers and browsers accept these forms, so a guard that compares text would miss them.
    """
    parts = host.rstrip(".").split(".")
    if not 1 <= len(parts) <= 4 or not all(_IPV4_PART.match(p) for p in parts):
        return None
    numbers = [_ipv4_part(p) for p in parts]
    *leading, last = numbers
    if any(n > 255 for n in leading) or last >= 256 ** (5 - len(numbers)):
        return None
    value = 0
    for n in leading:
        value = value * 256 + n
    value = (value << (8 * (5 - len(numbers)))) | last
    return ipaddress.IPv4Address(value)


def _ipv4_part(text: str) -> int:
    if text.lower().startswith("0x"):
        return int(text[2:] or "0", 16)
    return int(text, 8) if len(text) > 1 and text.startswith("0") else int(text)


def literal_address(host: str) -> IPAddress | None:
    """The IP address a URL host stands for without any DNS (IPv6 literal or a numeric IPv4 form)."""
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return numeric_ipv4(host)


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address.sixtofour:
        return address.sixtofour
    if address.teredo:
        return address.teredo[1]
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_internal(address: IPAddress) -> bool:
    """True for loopback, private, link-local, multicast, reserved, unspecified or shared addresses."""
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        if is_internal(embedded):
            return True
        if address.ipv4_mapped or address in _NAT64:  # only a wrapping: the IPv4 address decides
            return False
    return (
        not address.is_global
        or address.is_multicast
        or address.is_reserved
        or address.is_loopback
        or address.is_link_local
        or address.is_unspecified
    )


def refused(address: IPAddress, allowed: tuple[IPNetwork, ...]) -> bool:
    """True when the crawler must not connect to ``address``."""
    candidates = [address]
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        candidates.append(embedded)
    if any(a.version == n.version and a in n for a in candidates for n in allowed):
        return False
    return is_internal(address)


@implementer(IResolutionReceiver)
class _Collector:
    """Receives the addresses of one resolution (Twisted's IHostnameResolver protocol)."""

    def __init__(self) -> None:
        self.addresses: list[str] = []
        self.done: defer.Deferred[list[str]] = defer.Deferred()

    def resolutionBegan(self, resolution: Any) -> None:
        pass

    def addressResolved(self, address: Any) -> None:
        self.addresses.append(address.host)

    def resolutionComplete(self) -> None:
        self.done.callback(self.addresses)


async def resolve_with_reactor(host: str, port: int) -> list[str]:
    """All addresses of ``host`` from the reactor's name resolver (the one HTTP connections use)."""
    from twisted.internet import reactor

    collector = _Collector()
    reactor.nameResolver.resolveHostName(collector, host, port)
    return await maybe_deferred_to_future(collector.done)


Origin = tuple[str, IPAddress, int]

_LOCALHOST = ipaddress.ip_address("127.0.0.1")


def literal_origin(url: str) -> Origin | None:
    """(scheme, address, port) of a URL whose host is written as an IP literal or ``localhost``."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    address = _LOCALHOST if host == "localhost" else literal_address(host)
    if address is None:
        return None
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return None
    return (parts.scheme.lower(), address, port)


def configured_origins(sources: Any) -> frozenset[Origin]:
    """The literal-address origins named by the sources' own feeds, sitemaps and fallbacks."""
    origins = set()
    for source in getattr(sources, "values", lambda: ())():
        for attr in ("feeds", "sitemaps", "fallback_feeds", "fallback_sitemaps"):
            for url in getattr(source, attr, ()):
                origin = literal_origin(url)
                if origin is not None:
                    origins.add(origin)
    return frozenset(origins)


class AddressGuard:
    """Downloader middleware: refuse any request whose host resolves to an internal address."""

    def __init__(
        self, allowed: tuple[IPNetwork, ...], resolve=resolve_with_reactor, crawler: Crawler | None = None
    ) -> None:
        self.allowed = allowed
        self.resolve = resolve
        self.crawler = crawler
        self._trusted: frozenset[Origin] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressGuard:
        return cls(allowlist_from(crawler.settings), crawler=crawler)

    def trusted_origins(self) -> frozenset[Origin]:
        """Computed once the spider (and so its sources) exists."""
        if self._trusted is None:
            spider = getattr(self.crawler, "spider", None)
            if spider is None:
                return frozenset()
            self._trusted = configured_origins(getattr(spider, "sources", {}))
        return self._trusted

    async def process_request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        host = parts.hostname or ""
        address = literal_address(host)
        origin = literal_origin(request.url)
        if origin is not None and origin in self.trusted_origins():
            return None
        if address is not None:
            addresses = [address]
        else:
            port = parts.port or (443 if parts.scheme == "https" else 80)
            names = await self.resolve(host, port)
            addresses = [literal_address(a) for a in names]
            if not names:  # the download fails with the resolver's own error (counted as "dns")
                return None
        for found in addresses:
            if found is None or refused(found, self.allowed):
                raise BlockedAddress(
                    f"blocked address: {request.url} resolves to {found or 'an unreadable address'} "
                    f"(internal; list it in {ALLOW_SETTING} to allow it)"
                )
        return None


def host_in_domains(url: str, domains: tuple[str, ...]) -> bool:
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in domains)


class RedirectDomainGuard:
    """Downloader middleware: an article redirected out of its source's allowed_domains is refused."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectDomainGuard:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if not request.meta.get("redirect_urls") or request.meta.get("veille_kind") != "article":
            return None
        sources = getattr(self.crawler.spider, "sources", {})
        source = sources.get(request.meta.get("source"))
        domains = getattr(source, "allowed_domains", ())
        if domains and not host_in_domains(request.url, domains):
            raise OffsiteRedirect(
                f"offsite redirect: {request.meta['redirect_urls'][0]} -> {request.url} "
                f"(not in allowed_domains of {source.name})"
            )
        return None
