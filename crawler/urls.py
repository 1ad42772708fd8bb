"""Canonical form of article URLs: what "already stored" means for the incremental crawl."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from w3lib.url import canonicalize_url, url_query_cleaner

# Query parameters that only track a click (campaign, referrer, social network); never part of
# the article's identity. Matched on the parameter name, case-insensitively.
TRACKING_PARAM_RE = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|xtor|xts|xtref|at_\w+|"
    r"_ga|_gl|yclid|igshid|ocid|cmpid|ns_\w+|oly_\w+|vero_\w+|__twitter_impression|"
    r"pk_\w+|piwik_\w+|mtm_\w+|matomo_\w+|wt\.\w+|ito|ref_src)$",
    re.IGNORECASE,
)


def clean_url(url: str) -> str:
    """Remove tracking parameters and the fragment; keep everything else as written."""
    url = url.strip()
    parts = urlsplit(url)
    if not parts.query:
        return url.split("#", 1)[0]
    names = {
        pair.split("=", 1)[0]
        for pair in parts.query.split("&")
        if TRACKING_PARAM_RE.match(pair.split("=", 1)[0])
    }
    return url_query_cleaner(url, parameterlist=sorted(names), remove=True) if names else url.split("#", 1)[0]


def canonical_key(url: str) -> str:
    """The comparison key of an URL: tracking removed, query sorted, scheme/host normalised.

    http and https variants, a trailing "?" or a different parameter order give the same key.
    """
    key = canonicalize_url(clean_url(url), keep_fragments=False)
    if key.startswith("http://"):
        key = "https://" + key[len("http://") :]
    host_end = key.find("/", len("https://"))
    host = key[len("https://") : host_end if host_end != -1 else None]
    if host.startswith("www."):
        key = "https://" + key[len("https://www.") :]
    return key


def resolve_canonical(candidate: str | None, page_url: str) -> str:
    """The canonical URL a page declares (link rel=canonical / og:url), resolved and cleaned.

    Falls back to the page URL when the candidate is missing, not http(s), or obviously wrong
    (a site that points every article's canonical at its home page).
    """
    page_url = clean_url(page_url)
    if not candidate or not candidate.strip():
        return page_url
    url = clean_url(urljoin(page_url, candidate.strip()))
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return page_url
    page_path = urlsplit(page_url).path
    if parts.path in ("", "/") and page_path not in ("", "/"):
        return page_url
    return url
