"""The sources file (TOML): which feeds and sitemaps to crawl, validated before any request.

Minimal form::

    [[sources]]
    name = "lemondeinformatique"
    feeds = ["https://www.lemondeinformatique.fr/flux-rss/thematique/toutes-les-actualites/rss.xml"]
    sitemaps = ["https://www.lemondeinformatique.fr/sitemap-news.xml"]

Optional keys per source: ``fallback_feeds`` / ``fallback_sitemaps`` (addresses tried one after
the other, in order, only when every address of ``feeds`` / ``sitemaps`` failed or gave no
item: feeds move, and the old address often keeps answering, empty), ``allowed_domains`` (article links outside them are ignored; default:
no restriction), ``url_patterns = {include = [regex...], exclude = [regex...]}`` (matched with
``re.search`` on the article URL), ``lang`` (language expected of articles, default ``"fr"``).
"""

from __future__ import annotations

import difflib
import logging
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

SOURCE_KEYS = {
    "name",
    "feeds",
    "sitemaps",
    "fallback_feeds",
    "fallback_sitemaps",
    "allowed_domains",
    "url_patterns",
    "lang",
}
PATTERN_KEYS = {"include", "exclude"}
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class SourcesError(ValueError):
    """The sources file cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Source:
    name: str
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    fallback_feeds: tuple[str, ...] = ()
    fallback_sitemaps: tuple[str, ...] = ()
    allowed_domains: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    lang: str = "fr"
    _include_re: tuple[re.Pattern[str], ...] = field(default=(), repr=False, compare=False)
    _exclude_re: tuple[re.Pattern[str], ...] = field(default=(), repr=False, compare=False)

    def accepts(self, url: str) -> bool:
        """True when an article URL belongs to this source (domains and URL patterns)."""
        host = (urlsplit(url).hostname or "").lower()
        if self.allowed_domains and not any(
            host == d or host.endswith("." + d) for d in self.allowed_domains
        ):
            return False
        if self._include_re and not any(p.search(url) for p in self._include_re):
            return False
        return not any(p.search(url) for p in self._exclude_re)

    def fallbacks(self, kind: str) -> tuple[str, ...]:
        """The fallback addresses of one kind ("feed" or "sitemap"), in the order they are tried."""
        return self.fallback_feeds if kind == "feed" else self.fallback_sitemaps

    def addresses(self) -> list[tuple[str, str, bool]]:
        """Every address as (url, kind, is_fallback): feeds, sitemaps, then their fallbacks."""
        return (
            [(u, "feed", False) for u in self.feeds]
            + [(u, "sitemap", False) for u in self.sitemaps]
            + [(u, "feed", True) for u in self.fallback_feeds]
            + [(u, "sitemap", True) for u in self.fallback_sitemaps]
        )

    def to_dict(self) -> dict:
        """Plain form, to pass the sources to the spider through settings (JSON-able)."""
        return {
            "name": self.name,
            "feeds": list(self.feeds),
            "sitemaps": list(self.sitemaps),
            "fallback_feeds": list(self.fallback_feeds),
            "fallback_sitemaps": list(self.fallback_sitemaps),
            "allowed_domains": list(self.allowed_domains),
            "url_patterns": {"include": list(self.include), "exclude": list(self.exclude)},
            "lang": self.lang,
        }


def load_sources(path: str | Path) -> list[Source]:
    """Read and validate a sources file; raise SourcesError with a clear message on any problem."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourcesError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{path}: invalid TOML: {exc}") from None
    return parse_sources(data, origin=str(path))


def parse_sources(data: dict, origin: str = "sources") -> list[Source]:
    """Validate the parsed TOML document (``{"sources": [ {...}, ... ]}``)."""
    unknown = set(data) - {"sources"}
    if unknown:
        raise SourcesError(
            f"{origin}: unknown top-level key(s) {sorted(unknown)}; expected [[sources]] tables"
        )
    entries = data.get("sources")
    if not isinstance(entries, list) or not entries:
        raise SourcesError(f"{origin}: no [[sources]] table found")
    sources = [_parse_source(entry, f"{origin}: source #{i}") for i, entry in enumerate(entries, 1)]
    seen: set[str] = set()
    for source in sources:
        if source.name in seen:
            raise SourcesError(f"{origin}: source name {source.name!r} is used twice")
        seen.add(source.name)
    return sources


def _parse_source(entry: object, where: str) -> Source:
    if not isinstance(entry, dict):
        raise SourcesError(f"{where}: expected a table, got {type(entry).__name__}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise SourcesError(f"{where}: missing 'name' (a short identifier such as \"lemagit\")")
    where = f"{where} ({name!r})"
    if not NAME_RE.match(name):
        raise SourcesError(f"{where}: name may only contain letters, digits, '_', '-', '.'")
    for key in entry:
        if key not in SOURCE_KEYS:
            hint = difflib.get_close_matches(key, SOURCE_KEYS, n=1)
            suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
            raise SourcesError(f"{where}: unknown key {key!r}{suggestion}; known keys: {sorted(SOURCE_KEYS)}")
    feeds = _urls(entry, "feeds", where)
    sitemaps = _urls(entry, "sitemaps", where)
    fallback_feeds = _urls(entry, "fallback_feeds", where)
    fallback_sitemaps = _urls(entry, "fallback_sitemaps", where)
    if not feeds and not sitemaps:
        raise SourcesError(f"{where}: needs at least one URL in 'feeds' or 'sitemaps'")
    _check_fallbacks("feeds", feeds, fallback_feeds, where)
    _check_fallbacks("sitemaps", sitemaps, fallback_sitemaps, where)
    domains = tuple(d.lower().lstrip(".") for d in _strings(entry, "allowed_domains", where))
    include, exclude = _patterns(entry.get("url_patterns", {}), where)
    lang = entry.get("lang", "fr")
    if not isinstance(lang, str) or not re.fullmatch(r"[a-z]{2}", lang):
        raise SourcesError(f"{where}: 'lang' must be a two-letter language code such as \"fr\"")
    return Source(
        name=name,
        feeds=feeds,
        sitemaps=sitemaps,
        fallback_feeds=fallback_feeds,
        fallback_sitemaps=fallback_sitemaps,
        allowed_domains=domains,
        include=include,
        exclude=exclude,
        lang=lang,
        _include_re=tuple(re.compile(p) for p in include),
        _exclude_re=tuple(re.compile(p) for p in exclude),
    )


def _check_fallbacks(kind: str, primary: tuple[str, ...], fallback: tuple[str, ...], where: str) -> None:
    if fallback and not primary:  # fallbacks are tried once the primaries failed: there must be some
        raise SourcesError(f"{where}: 'fallback_{kind}' without {kind!r}; put the first address in {kind!r}")
    twice = set(primary) & set(fallback)
    if twice:
        raise SourcesError(f"{where}: {sorted(twice)[0]!r} is in both {kind!r} and 'fallback_{kind}'")


def _strings(entry: dict, key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SourcesError(f"{where}: {key!r} must be a list of strings")
    return tuple(v.strip() for v in value)


def _urls(entry: dict, key: str, where: str) -> tuple[str, ...]:
    urls = _strings(entry, key, where)
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SourcesError(f"{where}: bad URL in {key!r}: {url!r} (expected http:// or https://)")
    return urls


def _patterns(value: object, where: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if not isinstance(value, dict):
        raise SourcesError(f"{where}: 'url_patterns' must be a table: {{include = [...], exclude = [...]}}")
    unknown = set(value) - PATTERN_KEYS
    if unknown:
        raise SourcesError(f"{where}: unknown key(s) in 'url_patterns': {sorted(unknown)}")
    result = []
    for key in ("include", "exclude"):
        patterns = _strings(value, key, f"{where} url_patterns")
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise SourcesError(f"{where}: bad regex in url_patterns.{key}: {pattern!r}: {exc}") from None
        result.append(patterns)
    return result[0], result[1]
