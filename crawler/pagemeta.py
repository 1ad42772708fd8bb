"""What a page says about itself: charset, JSON-LD, OpenGraph/meta tags, language.

Used by crawler.extract; pure functions over bytes / lxml trees.
"""

from __future__ import annotations

import codecs
import html
import json
import logging
import re
from dataclasses import dataclass, field

from charset_normalizer import from_bytes
from lxml import html as lxml_html

logger = logging.getLogger(__name__)

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# WHATWG: pages labelled latin-1 are decoded as windows-1252 by every browser.
_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
}
ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "blogposting", "techarticle", "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting", "report",
}  # fmt: skip


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    try:
        name = codecs.lookup(_ALIASES.get(name, name)).name
    except LookupError:
        return None
    return _ALIASES.get(name, name)


def decode_html(body: bytes, header_encoding: str | None = None) -> tuple[str, str]:
    """Decode a page: BOM, then UTF-8, then the declared charset (header, then meta), then detection.

    Valid UTF-8 wins over a declaration because a wrong "iso-8859-1" label on a UTF-8 page is
    common, while latin-1 text that happens to be valid UTF-8 practically never occurs. UTF-8 with
    a few invalid bytes (a pasted quote) is still UTF-8: decoded with replacement characters rather
    than read whole as windows-1252 mojibake. A UTF-16/UTF-32 label without a BOM is ignored, as
    WHATWG browsers do (such a label on an 8-bit page is a mistake). Returns (text, encoding used).
    """
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if body.startswith(bom):
            return body[len(bom) :].decode(enc, errors="replace"), enc
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(body)
    if mostly_utf8 is not None:
        return mostly_utf8, "utf-8"
    match = _META_CHARSET_RE.search(body[:4096])
    for declared in (
        _codec(header_encoding),
        _codec(match.group(1).decode("ascii", "ignore") if match else None),
    ):
        if declared and not declared.startswith(("utf-8", "utf_8", "utf-16", "utf_16", "utf-32", "utf_32")):
            try:
                return body.decode(declared), declared
            except (UnicodeDecodeError, LookupError):
                continue
    try:  # the French web's legacy charset; statistical detection confuses it with cp1250
        return body.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    best = from_bytes(body[:200_000]).best()
    encoding = _codec(best.encoding if best else None) or "cp1252"
    if encoding.startswith(("utf-16", "utf_16", "utf-32", "utf_32")):
        encoding = "cp1252"
    return body.decode(encoding, errors="replace"), encoding


_NON_ASCII_RE = re.compile("[^\x00-\x7f\ufffd]")


def _mostly_utf8(body: bytes) -> str | None:
    """The page decoded as UTF-8 with replacement when its valid UTF-8 characters outnumber its bad bytes.

    A latin-1 page has no valid multi-byte sequence (its accented letters are lone bytes), so this
    never takes one for UTF-8; a UTF-8 page with one broken byte has hundreds of good ones.
    """
    text = body.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    return text if len(_NON_ASCII_RE.findall(text)) > 4 * invalid else None


@dataclass
class PageMeta:
    html_lang: str | None = None
    meta: dict[str, str] = field(default_factory=dict)  # og:*, article:*, name=... (lower-case keys)
    canonical: str | None = None
    jsonld: dict = field(default_factory=dict)  # the article node, if any
    h1: list[str] = field(default_factory=list)
    h2: list[str] = field(default_factory=list)
    title_tag: str | None = None


def parse_tree(text: str) -> lxml_html.HtmlElement | None:
    try:
        return lxml_html.document_fromstring(text)
    except (ValueError, lxml_html.etree.ParserError):
        return None


def read_meta(tree: lxml_html.HtmlElement) -> PageMeta:
    """Metadata declared by the page (never guessed)."""
    page = PageMeta()
    page.html_lang = (tree.get("lang") or tree.get("xml:lang") or "").strip() or None
    for node in tree.iter("meta"):
        key = node.get("property") or node.get("name") or node.get("itemprop") or node.get("http-equiv") or ""
        # some CMSs write value= where content= belongs
        value = (node.get("content") or node.get("value") or "").strip()
        if key and value:
            page.meta.setdefault(key.strip().lower(), value)
    for node in tree.iter("link"):
        if "canonical" in (node.get("rel") or "").lower().split() and node.get("href"):
            page.canonical = node.get("href").strip()
            break
    page.h1 = [_clean_space(h.text_content()) for h in tree.iter("h1") if _clean_space(h.text_content())]
    page.h2 = [_clean_space(h.text_content()) for h in tree.iter("h2") if _clean_space(h.text_content())][:20]
    titles = [
        t.text_content()
        for t in tree.iter("title")
        if t.getparent() is not None and t.getparent().tag == "head"
    ]
    page.title_tag = _clean_space(titles[0]) if titles else None
    page.jsonld = _jsonld_article(tree, [page.meta.get("og:title"), page.title_tag, *page.h1])
    return page


def _clean_space(value: str | None) -> str:
    return " ".join((value or "").split())


def _jsonld_article(tree: lxml_html.HtmlElement, hints: list[str | None]) -> dict:
    """The JSON-LD node of this page's article.

    A page may describe several articles (an @graph, a list, an ItemList of related articles):
    the node whose headline matches the page's own title or h1 wins, else the first article node.
    """
    articles = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            data = _salvage_jsonld(raw)
        for node in _nodes(data):
            types = node.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in ARTICLE_TYPES for t in types):
                articles.append(node)
    keys = [_squash(h) for h in hints if h and _squash(h)]
    for node in articles:
        headline = _squash(node.get("headline") if isinstance(node.get("headline"), str) else "")
        if headline and any(headline == key or (len(headline) > 20 and headline in key) for key in keys):
            return node
    return articles[0] if articles else {}


_JSONLD_FIELD_RE = re.compile(
    r'"(@type|headline|datePublished|dateCreated|dateModified)"\s*:\s*"([^"]{1,300})"'
)


def _salvage_jsonld(raw: str) -> dict:
    """Broken JSON-LD (trailing commas, unescaped quotes are common): keep its first flat fields."""
    fields: dict[str, str] = {}
    for key, value in _JSONLD_FIELD_RE.findall(raw):
        fields.setdefault(key, html.unescape(value))
    logger.debug("unreadable JSON-LD block, %d fields salvaged", len(fields))
    return fields


def _squash(value: str) -> str:
    return re.sub(r"[\W_]+", "", value.casefold())


def _nodes(data: object, depth: int = 0):
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "item"):
            if isinstance(data.get(key), (dict, list)):
                yield from _nodes(data[key], depth + 1)


def jsonld_names(value: object) -> list[str]:
    """Names in a JSON-LD author/publisher value (string, object or list of them)."""
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, dict):
        name = value.get("name")
        return jsonld_names(name) if name else []
    if isinstance(value, list):
        return [name for item in value for name in jsonld_names(item)]
    return []


# Function words frequent in each language and rare in the others: enough to tell French
# from the languages a French tech-press feed may link to.
_STOPWORDS = {
    "fr": "le la les des du de un une et est dans pour que qui sur par avec pas plus ce cette sont au aux ont été "
    "ses leur mais ou donc il elle nous vous ils",
    "en": "the and of to in is that for on with as are this be by from was have it an which at its has not "
    "but they their been were",
    "de": "der die das und ist nicht ein eine zu den von mit sich auf für im dem des auch wird es sie",
    "es": "el los las del en y que por una con para es se su al lo como más pero sus le ha",
    "it": "il di che la per un una del della con non sono le gli si al è nel dei anche ha",
    "nl": "de het een en van is dat op te in voor met zijn niet aan er ook als",
}
_STOPSETS = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}
_WORD_RE = re.compile(r"[a-zàâäçéèêëîïôöûùüÿœæ]+")


def detect_language(text: str) -> tuple[str | None, float]:
    """(language, share of stop-words of that language among the words) from the text itself."""
    words = _WORD_RE.findall(text[:20_000].lower())
    if len(words) < 30:
        return None, 0.0
    scores = {lang: sum(w in stops for w in words) for lang, stops in _STOPSETS.items()}
    lang = max(scores, key=scores.get)
    return lang, scores[lang] / len(words)


def declared_language(page: PageMeta) -> str | None:
    """The two-letter language the page declares (html lang, og:locale, content-language, JSON-LD)."""
    jsonld_lang = page.jsonld.get("inLanguage") if isinstance(page.jsonld.get("inLanguage"), str) else None
    for value in (page.html_lang, page.meta.get("og:locale"), page.meta.get("content-language"), jsonld_lang):
        if value and re.match(r"^[A-Za-z]{2}\b", value.strip()):
            return value.strip()[:2].lower()
    return None
