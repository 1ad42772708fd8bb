"""Article page -> article dict: text, title, author, date, language, canonical URL.

trafilatura (precision settings) finds the main text and metadata; JSON-LD and OpenGraph give
the publisher's own title, author and dates when present; htmldate finds dates elsewhere.
On top of that, two cheap passes that trafilatura alone lacks: boilerplate blocks of French news
sites are marked by their class/id tokens and pruned before the text is read (crawler.prune), and
boilerplate lines ("Lire aussi", newsletter and cookie prompts, share buttons, photo credits)
are dropped from the text. The page is parsed once; trafilatura works on a copy of that tree.
"""

from __future__ import annotations

import logging
import re
from html import unescape
from urllib.parse import urlsplit

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from crawler.pagedates import DateClues, find_date
from crawler.pagemeta import (
    PageMeta,
    declared_language,
    detect_language,
    jsonld_names,
    read_meta,
)
from crawler.prune import (
    INVISIBLE_RE,
    PRUNE_XPATH,
    Marks,
    coverage,
    mark_boilerplate,
    standfirst,
    unmark,
)
from crawler.urls import resolve_canonical

logger = logging.getLogger(__name__)

# Below this, a page holds no article text. A news brief of two sentences is about 150 characters:
# trafilatura stores any text, and an article page it extracts must not be lost.
MIN_TEXT_CHARS = 100
COVERED = 0.8  # share of the main container's long paragraphs below which a text looks truncated

# Labels of a box of links to other articles ("Lire aussi :"): the linked headline may follow on its own line.
_RELATED_LABEL_RE = re.compile(
    r"^\W*(?:(?:à|a) lire (?:aussi|également|egalement)|lire (?:aussi|également|egalement|la suite)|"
    r"voir aussi|sur le même sujet|dans la même rubrique|vous aimerez aussi|nos derniers articles|"
    r"articles? (?:similaires|liés|recommandés)|les plus lus)",
    re.IGNORECASE,
)
# Lines of text that are site furniture, whatever the markup.
_BOILERPLATE_LINE_RE = re.compile(
    r"^\W*(?:(?:abonnez|inscrivez)[- ]vous|"
    r"recevez (?:notre|nos|chaque)|(?:notre|la) newsletter|suivez[- ]nous|partager (?:sur|cet)|"
    r"partagez (?:cet|sur)|crédits? photo|(?:nous|ce site) utilis(?:ons|e) des cookies|"
    r"accepter (?:et fermer|les cookies|tout)|tous droits réservés|©|copyright\b|(?:photo|illustration|image)s? ?(?::|©|/|dr\b)|"
    r"laisser un commentaire|écrire un commentaire|cet article vous a plu|signaler un contenu)",
    re.IGNORECASE,
)
# Whole lines that are furniture: a date line, a counter, a lone word.
_FURNITURE_LINE_RE = re.compile(
    r"^\W*(?:(?:publié|mis à jour|modifié) le \d{1,2}[^.]{0,60}|\d+ (?:réactions?|commentaires?)|"
    r"commentaires?|publicité|newsletter|partager|par la rédaction|imprimer|envoyer (?:à|a) un ami|répondre|"
    r"[^\w]*|[\w .-]{0,40} \| [\w .-]{0,40})\W*$",
    re.IGNORECASE,
)
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|·|:)\s+")


class PageSkipped(Exception):
    """A page that is not stored; ``kind`` is the counter it goes to (empty_page, ...)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def extract_article(
    html: str,
    url: str,
    *,
    feed_title: str | None = None,
    feed_date: str | None = None,
    feed_date_source: str = "feed",
    sitenames: tuple[str, ...] = (),
) -> dict:
    """Extract one article; raise PageSkipped("empty_page", ...) when there is no article text.

    Returns url, canonical_url, title, author, published_at (ISO 8601), lang, description,
    sitename, text, and date_source (the rule that gave the date, see crawler.pagedates).
    ``feed_date`` is the date the feed ("feed") or a Google News sitemap ("news_sitemap") gave.
    """
    tree = _load(html)
    if tree is None:
        raise PageSkipped("empty_page", "page has no HTML content")
    page = read_meta(tree)
    marks = mark_boilerplate(tree)
    data = _trafilatura(tree, url, PRUNE_XPATH)
    names = _sitenames(page, data, url, sitenames)
    title = find_title(page, data, names, feed_title)
    text = _recover_truncated(tree, url, marks, title, clean_text(data.get("text") or "", title))
    if len(text) < MIN_TEXT_CHARS:
        text = _fallback_text(tree, url, page, title) or text
    if len(text) < MIN_TEXT_CHARS:
        raise PageSkipped("empty_page", f"no article text ({len(text)} characters) at {url}")
    lead = standfirst(tree, [page.meta.get("og:description"), page.meta.get("description")])
    if lead and lead not in " ".join(text.split()):
        text = f"{lead}\n{text}"
    clues = DateClues(tree, page, data.get("date"), title, feed_date, feed_date_source)
    published, date_source = find_date(clues)
    detected, share = detect_language(text)
    lang = detected if detected and share >= 0.08 else declared_language(page) or detected
    return {
        "url": url,
        "canonical_url": resolve_canonical(page.canonical or page.meta.get("og:url"), url),
        "title": title,
        "author": find_author(page, data),
        "published_at": published,
        "date_source": date_source,
        "lang": lang,
        "description": page.meta.get("og:description")
        or page.meta.get("description")
        or data.get("description"),
        "sitename": names[0] if names else None,
        "text": text,
    }


def _load(html: str) -> HtmlElement | None:
    """Parse with trafilatura's own parser, so that its results on the tree equal those on the string."""
    try:
        return load_html(html)
    except (TypeError, ValueError) as exc:
        logger.debug("unparseable page: %s", exc)
        return None


def _trafilatura(tree: HtmlElement, url: str, prune: list[str] | None, *, precision: bool = True) -> dict:
    """One trafilatura pass on (a copy of) the tree; metadata included; {} when it finds nothing."""
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        favor_precision=precision,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        prune_xpath=prune,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    return doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})


def _recover_truncated(tree: HtmlElement, url: str, marks: Marks, title: str | None, text: str) -> str:
    """A second pass only when the first one looks truncated (most pages need one pass).

    Truncated means: the long paragraphs of the page's main text container are not all in the
    text, or pruning removed long paragraphs weighing as much as a good share of the text.
    First the blocks named like boilerplate that hold long paragraphs are kept (a wrapper named
    "paywall" may hold the end of the article); then trafilatura's balanced mode is tried.
    """
    covered = coverage(text, marks.anchor_keys)
    if marks.suspects and (covered < COVERED or marks.lost_prose >= 0.3 * max(len(text), 1)):
        text = _without_suspect_pruning(tree, url, marks, title, text)
        covered = coverage(text, marks.anchor_keys)
    if covered < COVERED and len(marks.anchor_keys) >= 2:
        retry = clean_text(_trafilatura(tree, url, PRUNE_XPATH, precision=False).get("text") or "", title)
        if coverage(retry, marks.anchor_keys) >= covered + 0.25:
            logger.debug("precision mode left out part of the main text at %s; balanced mode kept", url)
            return retry
    return text


def _without_suspect_pruning(tree: HtmlElement, url: str, marks: Marks, title: str | None, text: str) -> str:
    """Extract again with the blocks holding long paragraphs kept; keep the result if they were article.

    Comments hold long paragraphs too, but trafilatura leaves those out on its own: the second
    text is kept only when it gained at least half of the prose that pruning had removed.
    """
    suspect_prose = sum(
        len(" ".join(p.text_content().split())) for node in marks.suspects for p in node.iter("p")
    )
    unmark(marks.suspects)
    retry = clean_text(_trafilatura(tree, url, PRUNE_XPATH).get("text") or "", title)
    if len(retry) - len(text) >= 0.5 * suspect_prose:
        logger.debug("pruning had cut the article at %s; kept the blocks named like boilerplate", url)
        return retry
    return text


def _fallback_text(tree: HtmlElement, url: str, page: PageMeta, title: str | None) -> str:
    """A short or missing text: the longest of balanced mode, JSON-LD articleBody and trafilatura alone.

    Precision mode can drop a short article entirely, and pruning can leave too little of it; an
    article page that trafilatura alone extracts must be stored.
    """
    body = page.jsonld.get("articleBody")
    candidates = [
        _trafilatura(tree, url, PRUNE_XPATH, precision=False).get("text"),
        body if isinstance(body, str) else None,
        _trafilatura(tree, url, None).get("text"),
    ]
    return max((clean_text(c, title) for c in candidates if c), key=len, default="")


def clean_text(text: str, title: str | None = None) -> str:
    """Drop boilerplate lines and repeated lines; keep paragraphs separated by newlines.

    Leading lines that only repeat the headline or label the page (a section name, a kicker)
    are dropped too: the text starts with the article.
    """
    kept: list[str] = []
    seen: set[str] = set()
    lines = [" ".join(line.split()) for line in INVISIBLE_RE.sub("", text).splitlines()]
    squashed_title = _squash(title or "")
    while lines and (
        not lines[0]
        or (squashed_title and _squash(lines[0]) == squashed_title)
        or (len(lines[0]) <= 30 and not re.search(r"[.!?»:]$", lines[0]) and len(lines) > 1)
    ):
        lines.pop(0)
    after_label = False
    for line in lines:
        if not line or _FURNITURE_LINE_RE.match(line):
            continue
        if _RELATED_LABEL_RE.match(line) and len(line) < 250:
            # a bare "Lire aussi :" label: the linked headline follows on its own line (not after a
            # photo credit: a subheading often follows one)
            after_label = len(line) < 40
            continue
        if _BOILERPLATE_LINE_RE.match(line) and len(line) < 250:
            after_label = False
            continue
        if after_label and len(line) < 160 and not _ENDS_SENTENCE.search(line):
            after_label = False
            continue
        after_label = False
        if line in seen:
            continue
        seen.add(line)
        kept.append(line)
    # trailing furniture: short lines that are not sentences ("Imprimer", a related headline)
    return "\n".join(kept)


_ENDS_SENTENCE = re.compile(r"[.!?»)\"…]$")


def _sitenames(page: PageMeta, data: dict, url: str, extra: tuple[str, ...]) -> list[str]:
    names = [page.meta.get("og:site_name"), page.meta.get("application-name"), data.get("sitename")]
    names += jsonld_names(page.jsonld.get("publisher"))
    names += list(extra)
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    if host:
        names.append(host)
        names.append(host.split(".")[0])
    return [n.strip() for n in names if n and n.strip()]


def _squash(value: str) -> str:
    return re.sub(r"[\W_]+", "", value.casefold())


def strip_site_suffix(title: str, sitenames: list[str]) -> str:
    """'Cisco rachète Splunk | LeMagIT' -> 'Cisco rachète Splunk' (also a 'Site - ' prefix)."""
    keys = {_squash(n) for n in sitenames if len(_squash(n)) >= 3}

    def is_site(part: str) -> bool:
        squashed = _squash(part)
        return bool(squashed) and any(squashed == k or squashed in k or k in squashed for k in keys)

    parts = _TITLE_SEPARATORS.split(title)
    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
    if len(parts) == 1:
        return parts[0].strip()
    # rebuild with the original separators for the parts kept
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if start != -1 and end > start else title.strip()


def find_title(page: PageMeta, data: dict, sitenames: list[str], feed_title: str | None = None) -> str | None:
    """The headline: publisher metadata first, cleaned of the site name, checked against the <h1>.

    When the metadata disagree (an og:title written for social networks, a JSON-LD headline of
    another article), the one that the page's own <h1> repeats wins.
    """
    headline = page.jsonld.get("headline") if isinstance(page.jsonld.get("headline"), str) else None
    candidates = [headline, page.meta.get("og:title"), page.meta.get("twitter:title"), data.get("title"),
                  feed_title, page.title_tag]  # fmt: skip
    cleaned = [
        strip_site_suffix(" ".join(unescape(c).split()), sitenames) for c in candidates if c and c.strip()
    ]
    if not cleaned:
        return page.h1[0] if page.h1 else None
    confirmed = {_squash(c): c for c in reversed(cleaned)}  # the first candidate of each spelling
    for h1 in page.h1:
        if _squash(h1) in confirmed:
            return confirmed[_squash(h1)]
    if len(page.h1) == 1 and len(page.h1[0].split()) >= 5 and len(set(confirmed)) > 1:
        # the metadata disagree with each other and with the one headline on the page (SEO and social
        # titles written apart): the visible headline is what the reader sees
        return strip_site_suffix(page.h1[0], sitenames)
    title = cleaned[0]
    parts = [_squash(part) for part in _TITLE_SEPARATORS.split(title)]
    if (
        len(parts) > 1
    ):  # "Site name :: Headline" with an unknown site name: the page's heading says which part
        for heading in page.h1 + page.h2:
            if _squash(heading) in parts:
                return heading
    for h1 in page.h1:
        # a truncated or decorated metadata title: the visible headline is the reference
        if (
            h1 != title
            and len(h1) >= 0.5 * len(title)
            and (title.startswith(h1) or h1.startswith(title.rstrip("…. ")))
        ):
            return strip_site_suffix(h1, sitenames)
    return title


def find_author(page: PageMeta, data: dict) -> str | None:
    names = jsonld_names(page.jsonld.get("author"))
    if not names:
        meta = page.meta.get("author") or page.meta.get("article:author") or page.meta.get("dc.creator")
        names = [meta] if meta and not meta.startswith(("http://", "https://")) else []
    if not names and data.get("author"):
        names = [data["author"]]
    unique = list(dict.fromkeys(" ".join(n.split()) for n in names if n))
    return "; ".join(unique) or None
