"""The publication date of an article page, original date first ("Publié le", not "Mis à jour le").

An ordered list of named rules (DATE_RULES), each returning a date or passing; the name of the rule
that decided is stored with the article (``date_source``), so a reader knows how solid a date is:

1. ``jsonld``: the JSON-LD datePublished (or dateCreated) of the article node;
2. ``opengraph``: article:published_time and its OpenGraph variants;
3. ``labelled``: a <time datetime> the page labels as the publication ("Publié le <time>");
4. ``htmldate``: htmldate in original-date mode (as trafilatura runs it, without text search);
5. ``byline``: itemprop=datePublished, the first <time> under the headline that is not an update,
   or a French date line there ("Publié le 12 mars 2024 à 10h05", "Le 12/03/2024 à 10:05");
6. ``news_sitemap``: a Google News sitemap's publication_date; ``feed``: the feed's pubDate;
7. ``htmldate_text``: htmldate's extensive search (dates in the URL and the text: the weakest).

Never a sitemap's lastmod (a modification date) and never the fetch time. A date keeps the offset
the page gives (a local time stays on its day), or is the date alone when only a date is given.
The order is the one measured on real pages: every other meta tag (date, dc.date, pubdate...) is
left to htmldate, which reads them with the update dates told apart.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import htmldate
from lxml.html import HtmlElement

from crawler.feeds import normalise_date
from crawler.pagemeta import PageMeta
from crawler.prune import boilerplate_ancestor

logger = logging.getLogger(__name__)

_OPENGRAPH_KEYS = ("article:published_time", "og:article:published_time", "og:published_time")
_MONTHS = {
    "janv": 1, "janvier": 1, "fev": 2, "févr": 2, "février": 2, "fevrier": 2, "mars": 3, "avr": 4, "avril": 4,
    "mai": 5, "juin": 6, "juil": 7, "juillet": 7, "aout": 8, "août": 8, "sept": 9, "septembre": 9, "oct": 10,
    "octobre": 10, "nov": 11, "novembre": 11, "dec": 12, "déc": 12, "décembre": 12, "decembre": 12,
}  # fmt: skip
_UPDATE_WORDS = re.compile(r"(?:mis à jour|mise à jour|màj|modifié|actualisé|updated|modified|édité)\W*(?:le)?\W*$",
                           re.IGNORECASE)  # fmt: skip
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_FRENCH_DATE_RE = re.compile(
    r"(?:(?P<label>publié|publiée|mis en ligne|posté|mis à jour|mise à jour|màj|modifié|actualisé)[^\d\n]{0,25}?)?"
    r"(?<!\d)(?P<day>\d{1,2})(?:er)?(?:\s+(?P<month>" + _MONTH_RE + r")\.?\s+|[/.-](?P<mnum>\d{1,2})[/.-])"
    r"(?P<year>(?:19|20)\d{2})(?:\s*(?:à|-|,)?\s*(?P<hour>\d{1,2})\s*[h:]\s*(?P<minute>\d{2}))?",
    re.IGNORECASE,
)
_BYLINE_WINDOW = 400  # characters after the headline where a date line stands


def plausible(value: str | None) -> str | None:
    """An ISO date between 1995 and tomorrow, else None."""
    date = normalise_date(value)
    if date is None and value:
        date = normalise_date(value.strip()[:19]) or normalise_date(value.strip()[:10]) or _french(value)
    if date is None:
        return None
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    return date if "1995-01-01" <= date[:10] <= tomorrow else None


def _french(value: str) -> str | None:
    """A date written the French way in a meta tag or a JSON-LD value: '12/03/2024', '12 mars 2024 à 10h05'."""
    match = _FRENCH_DATE_RE.search(value[:80])
    return _iso(match) if match else None


@dataclass(frozen=True)
class DateClues:
    """What the date rules read: the page, trafilatura's answer, and what the feed or sitemap said."""

    tree: HtmlElement
    page: PageMeta
    htmldate: str | None = None  # trafilatura's date (htmldate, original mode, no text search)
    title: str | None = None
    hint: str | None = None  # the date the feed or sitemap gave
    hint_source: str | None = None  # "feed" or "news_sitemap"


def _jsonld(clues: DateClues) -> str | None:
    for key in ("datePublished", "dateCreated"):
        value = clues.page.jsonld.get(key)
        date = plausible(value if isinstance(value, str) else None)
        if date:
            return date
    return None


def _opengraph(clues: DateClues) -> str | None:
    return next((d for d in (plausible(clues.page.meta.get(k)) for k in _OPENGRAPH_KEYS) if d), None)


def _byline(clues: DateClues) -> str | None:
    return markup_date(clues.tree, clues.title) or byline_date(clues.tree, clues.title)


def _hint(source: str) -> Callable[[DateClues], str | None]:
    return lambda clues: plausible(clues.hint) if clues.hint_source == source else None


DATE_RULES: list[tuple[str, Callable[[DateClues], str | None]]] = [
    ("jsonld", _jsonld),
    ("opengraph", _opengraph),
    ("labelled", lambda clues: labelled_date(clues.tree)),
    ("htmldate", lambda clues: plausible(clues.htmldate)),
    ("byline", _byline),
    ("news_sitemap", _hint("news_sitemap")),
    ("feed", _hint("feed")),
    ("htmldate_text", lambda clues: htmldate_search(clues.tree, extensive=True)),
]


def find_date(clues: DateClues) -> tuple[str | None, str | None]:
    """(ISO 8601 publication date, name of the rule that gave it), or (None, None)."""
    for name, rule in DATE_RULES:
        date = rule(clues)
        if date:
            return date, name
    return None, None


_PUBLISHED_LABEL = re.compile(
    r"(?:publié|publiée|mis en ligne|posté|published)\W*(?:le|on)?\W*$", re.IGNORECASE
)


def labelled_date(tree: HtmlElement) -> str | None:
    """The first <time datetime> right after a "Publié le" label, outside boilerplate blocks and links.

    Wherever it stands (some sites put the date line above the headline): the label says what it is.
    """
    for node in tree.iter("time"):
        if boilerplate_ancestor(node) or any(a.tag == "a" for a in node.iterancestors()):
            continue
        if _PUBLISHED_LABEL.search(_text_before(node)):
            date = plausible(node.get("datetime"))
            if date:
                return date
    return None


def markup_date(tree: HtmlElement, title: str | None = None) -> str | None:
    """itemprop=datePublished, else the first <time datetime> after the headline that is not an update.

    The headline is the <h1> that repeats the title (some sites put their logo in an <h1> too).
    """
    for node in tree.xpath('//*[@itemprop="datePublished" or @itemprop="datepublished"]'):
        date = plausible(node.get("datetime") or node.get("content") or node.text_content())
        if date and not boilerplate_ancestor(node):
            return date
    headings = list(tree.iter("h1"))
    squashed = _squash(title or "")
    headline = next((h for h in headings if squashed and _squash(h.text_content()) == squashed), None)
    headline = headline if headline is not None else next(iter(headings), None)
    for node in tree.iter("time"):
        if boilerplate_ancestor(node) or any(a.tag == "a" for a in node.iterancestors()):
            continue
        if headline is not None and not _after(node, headline):
            continue
        label = f"{node.get('class') or ''} {node.get('itemprop') or ''}".lower()
        if "modif" in label or "update" in label or _UPDATE_WORDS.search(_text_before(node)):
            continue
        date = plausible(node.get("datetime"))
        if date:
            return date
    return None


def _squash(value: str) -> str:
    return re.sub(r"[\W_]+", "", value.casefold())


def _after(node: HtmlElement, headline: HtmlElement) -> bool:
    """True when node comes after the headline in document order (a byline under the h1)."""
    for element in headline.itersiblings(preceding=False):
        if element is node or node in element.iterdescendants():
            return True
    parent = headline.getparent()
    return parent is not None and parent.tag not in ("html", "body") and _after(node, parent)


def _text_before(node: HtmlElement) -> str:
    previous = node.getprevious()
    text = (previous.tail if previous is not None else node.getparent().text) or ""
    if not text.strip() and previous is not None:
        text = previous.text_content()
    return text[-40:]


def byline_date(tree: HtmlElement, headline: str | None) -> str | None:
    """A French date line under the headline: 'Publié le 12 mars 2024 à 10h05', 'Le 12/03/2024'."""
    body = tree.find("body")
    text = " ".join((body if body is not None else tree).text_content().split())
    start = text.find(headline) + len(headline) if headline and headline in text else -1
    if start < 0:
        return None
    window = text[start : start + _BYLINE_WINDOW]
    dates = [(m.group("label") or "", _iso(m)) for m in _FRENCH_DATE_RE.finditer(window)]
    dates = [(label.lower(), date) for label, date in dates if date]
    for label, date in dates:
        if label.startswith(("publi", "mis en", "post")):
            return date
    for label, date in dates:
        if not label:
            return date
    return None


def _iso(match: re.Match) -> str | None:
    month = _MONTHS.get(match.group("month").lower().rstrip(".")) if match.group("month") else None
    month = month or (int(match.group("mnum")) if match.group("mnum") else None)
    try:
        moment = datetime(int(match.group("year")), month or 0, int(match.group("day")))
        if match.group("hour"):
            moment = moment.replace(hour=int(match.group("hour")), minute=int(match.group("minute")))
    except (TypeError, ValueError):
        return None
    return plausible(moment.isoformat() if match.group("hour") else moment.date().isoformat())


def htmldate_search(tree: HtmlElement, extensive: bool) -> str | None:
    try:
        found = htmldate.find_date(tree, extensive_search=extensive, original_date=True)
    except (ValueError, TypeError) as exc:  # htmldate is defensive, but never let a page stop the crawl
        logger.debug("htmldate failed: %s", exc)
        return None
    return plausible(found)
