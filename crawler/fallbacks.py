"""Fallback addresses: per source and kind, the next address to read once the primaries gave nothing.

Feeds move and the old address often keeps answering, empty or redirected to the home page. A
source lists ``fallback_feeds`` / ``fallback_sitemaps``: they are read one after the other, in
order, only when every primary address of that kind failed or gave no item, and the chain stops
at the first address that works. Pure bookkeeping, so the spider stays small and this is tested
without a crawl.
"""

from __future__ import annotations

from collections.abc import Iterable

from crawler.sources import Source


class FallbackChains:
    def __init__(self, sources: Iterable[Source]) -> None:
        self._fallbacks: dict[tuple[str, str], tuple[str, ...]] = {}
        self._pending: dict[tuple[str, str], int] = {}
        self._next: dict[tuple[str, str], int] = {}
        self._worked: set[tuple[str, str]] = set()
        for source in sources:
            for kind, primaries in (("feed", source.feeds), ("sitemap", source.sitemaps)):
                self._fallbacks[(source.name, kind)] = source.fallbacks(kind)
                self._pending[(source.name, kind)] = len(primaries)
                self._next[(source.name, kind)] = 0

    def done(self, source: str, kind: str, *, fallback: bool, worked: bool) -> str | None:
        """One top-level address of ``source`` finished; return the fallback to read next, if any."""
        chain = (source, kind)
        if chain not in self._pending:
            return None
        if worked:
            self._worked.add(chain)
        if not fallback:
            self._pending[chain] -= 1
            if self._pending[chain] > 0:  # another primary may still give items
                return None
        if chain in self._worked:
            return None
        index = self._next[chain]
        if index >= len(self._fallbacks[chain]):
            return None
        self._next[chain] = index + 1
        return self._fallbacks[chain][index]
