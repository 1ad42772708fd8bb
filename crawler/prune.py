"""Boilerplate blocks of news pages, recognised by their class/id *tokens* and marked for pruning.

Why tokens and not substrings: on real sites the article wrapper itself often carries words such
as "promo", "share", "paywall" or "comments" ("content-body inline-promos", "post-content
has-share-buttons", "article__content paywall", "content--comments-enabled"); a substring match
deletes the article. Here a class token is boilerplate when the words of its name say so
(BEM-aware: the element name after "__" decides, "--modifiers" and "has-/is-" state classes are
ignored), and an element is kept whenever one of its tokens names content ("entry-content").

Two guards keep the article even when a CMS names its wrapper badly: the container holding the
most paragraph text (and its ancestors, and an itemprop=articleBody block) is never marked.
The marks are attributes, so metadata extraction still sees the whole page; trafilatura removes
the marked nodes through ``PRUNE_XPATH`` before reading the text.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from lxml.html import HtmlElement

logger = logging.getLogger(__name__)

PRUNE_ATTR = "data-veille-prune"
PRUNE_XPATH = [f"//*[@{PRUNE_ATTR}]"]

# Words (prefixes) of class/id names that mark a block that is never the article.
_BOILERPLATE_PREFIXES = (
    "related", "similar", "newsletter", "cookie", "consent", "rgpd", "gdpr", "comment", "share", "sharing",
    "partage", "social", "outbrain", "taboola", "advert", "publicite", "sponsor", "promo", "breadcrumb",
    "popular", "paywall", "subscri", "abonnement", "recommend", "trending", "sidebar", "footer", "reactions",
    "disqus", "ligatus", "teads",
)  # fmt: skip
# Whole words only: short or ambiguous names.
_BOILERPLATE_WORDS = {"ad", "ads", "pub", "tags", "tag", "menu", "nav", "alire", "lireaussi", "cta", "banner"}
# Sequences of words: "lire-aussi", "most-read" ...
_BOILERPLATE_SEQUENCES = (
    "lire-aussi", "a-lire", "read-also", "read-more", "sur-le-meme-sujet", "most-read", "plus-lus", "author-bio",
    "a-voir", "voir-aussi",
)  # fmt: skip
_CONTENT_WORDS = {
    "content", "contenu", "contents", "body", "corps", "article", "articlebody", "entry", "post", "story", "text",
    "texte", "main", "chapo", "chapeau", "prose", "richtext", "paragraph",
}  # fmt: skip
_STATE_WORDS = {"has", "is", "with", "js", "no", "show", "hide", "enable", "enabled", "disable", "u", "l"}
# WordPress-style taxonomy classes on a post ("tag-publicite", "category-social"): labels, not blocks.
_TAXONOMY_WORDS = {"tag", "category", "categorie", "format", "status", "type", "postid", "term"}
_ALWAYS_TAGS = {"aside", "nav", "footer", "form"}
_NEVER_TAGS = {"html", "body", "main", "article", "h1"}
_COMMENTS_RE = re.compile(r"comment|reaction|disqus", re.IGNORECASE)
# CSS-modules class names (Next.js, Vite...): "Component_element__hash", a single "_" before the "__"
_CSS_MODULE_RE = re.compile(r"^([A-Za-z][A-Za-z0-9]*_[A-Za-z][A-Za-z0-9]*)__[A-Za-z0-9_-]{5}$")
_WORD_SPLIT = re.compile(r"[-_\s]+|(?<=[a-z])(?=[A-Z])")
# A paragraph long enough to be article prose rather than a teaser or a button.
LONG_PARAGRAPH = 150


def token_kind(token: str) -> str | None:
    """'boilerplate', 'content' or None for one class token or id.

    BEM-aware: in "block__element--modifier" the element decides and the modifier is ignored.
    In a compound the last meaningful word is the head, as in English: "post-tags" and
    "content-sidebar" are boilerplate, "paywall-content" and "subscriber-content" are content.
    """
    module = _CSS_MODULE_RE.match(token)
    if module:  # "Newsletter_box__h3RtV" (CSS modules): the hash says nothing, the words before it do
        token = module.group(1)
    head = token.split("--", 1)[0]
    if "__" in head:
        head = head.rsplit("__", 1)[1]
    words = [w.lower() for w in _WORD_SPLIT.split(head) if w]
    if not words or words[0] in _STATE_WORDS or (words[0] in _TAXONOMY_WORDS and len(words) > 1):
        return None
    joined = f"-{'-'.join(words)}-"
    if any(f"-{seq}-" in joined for seq in _BOILERPLATE_SEQUENCES) or _COMMENTS_RE.match(words[0]):
        return "boilerplate"  # "comment-content" is a comment's content: never the article
    for word in reversed(words):
        if word in _CONTENT_WORDS:
            return "content"
        if word in _BOILERPLATE_WORDS or word.startswith(_BOILERPLATE_PREFIXES):
            return "boilerplate"
    return None


def is_boilerplate_element(node: HtmlElement) -> bool:
    """True when the element's own names say boilerplate and none of them says content."""
    if node.tag in _NEVER_TAGS or node.get("itemprop", "").lower() == "articlebody":
        return False
    tokens = (node.get("class") or "").split()
    if node.get("id"):
        tokens.append(node.get("id"))
    kinds = {token_kind(t) for t in tokens}
    if "content" in kinds:
        return False
    return "boilerplate" in kinds or node.tag in _ALWAYS_TAGS


def prose_length(paragraph: HtmlElement) -> int:
    """Characters of a paragraph that are not link text (teasers and menus are mostly links)."""
    total = len(" ".join(paragraph.text_content().split()))
    links = sum(len(" ".join(a.text_content().split())) for a in paragraph.iter("a"))
    return max(total - links, 0)


@dataclass
class Marks:
    """What was marked: the nodes, and the prose they hold (to tell a truncated extraction)."""

    nodes: list[HtmlElement] = field(default_factory=list)
    anchor_prose: int = 0  # prose of the container with the most paragraph text
    anchor_keys: list[str] = field(default_factory=list)  # openings of its long paragraphs
    lost_prose: int = 0  # prose inside marked nodes, in long paragraphs
    suspects: list[HtmlElement] = field(default_factory=list)  # marked nodes holding >= 2 long paragraphs


def _protected(tree: HtmlElement) -> tuple[set[HtmlElement], HtmlElement | None, int]:
    """The main text container (most paragraph prose), its ancestors and articleBody blocks."""
    by_parent: dict[HtmlElement, int] = {}
    for paragraph in tree.iter("p"):
        parent = paragraph.getparent()
        if parent is not None:
            by_parent[parent] = by_parent.get(parent, 0) + prose_length(paragraph)
    roots = [
        n for n in tree.iter() if isinstance(n.tag, str) and n.get("itemprop", "").lower() == "articlebody"
    ]
    anchor, anchor_prose = max(by_parent.items(), key=lambda item: item[1]) if by_parent else (None, 0)
    if anchor is not None:
        roots.append(anchor)
    protected: set[HtmlElement] = set()
    for node in roots:
        protected.update(node.iterancestors())
        protected.add(node)
    return protected, anchor, anchor_prose


INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")  # soft hyphens, zero-width spaces


def text_key(text: str) -> str:
    """What identifies a paragraph in an extracted text: its first words, spacing and case aside."""
    return " ".join(INVISIBLE_RE.sub("", text).split()[:8]).casefold()


def mark_boilerplate(tree: HtmlElement) -> Marks:
    """Mark the boilerplate blocks of ``tree`` with PRUNE_ATTR (outermost ones only); return the marks."""
    protected, anchor, anchor_prose = _protected(tree)
    marks = Marks(anchor_prose=anchor_prose)
    if anchor is not None:
        marks.anchor_keys = [
            text_key(p.text_content()) for p in anchor.iterchildren("p") if prose_length(p) >= LONG_PARAGRAPH
        ]
    for node in tree.iter():
        if not isinstance(node.tag, str) or node in protected or not is_boilerplate_element(node):
            continue
        if any(ancestor.get(PRUNE_ATTR) or ancestor.tag == "p" for ancestor in node.iterancestors()):
            continue  # inside a paragraph, a link named "social-email" is part of the sentence
        node.set(PRUNE_ATTR, "1")
        marks.nodes.append(node)
        long_ones = [n for n in (prose_length(p) for p in node.iter("p")) if n >= LONG_PARAGRAPH]
        marks.lost_prose += sum(long_ones)
        if len(long_ones) >= 2 and not _COMMENTS_RE.search(f"{node.get('class')} {node.get('id')}"):
            marks.suspects.append(node)  # an article's end is never in a comments block
    return marks


def coverage(text: str, keys: list[str]) -> float:
    """Share of the main container's long paragraphs found in an extracted text (1.0 with none)."""
    if not keys:
        return 1.0
    squashed = " ".join(INVISIBLE_RE.sub("", text).split()).casefold()
    return sum(key in squashed for key in keys) / len(keys)


def unmark(nodes: list[HtmlElement]) -> None:
    for node in nodes:
        node.attrib.pop(PRUNE_ATTR, None)


def boilerplate_ancestor(node: HtmlElement) -> bool:
    """True when the node sits inside a marked block (a related article's date, a comment's)."""
    return any(a.get(PRUNE_ATTR) for a in node.iterancestors()) or bool(node.get(PRUNE_ATTR))


def standfirst(tree: HtmlElement, descriptions: list[str | None]) -> str | None:
    """The lead paragraph shown under the headline when it is the page's own description.

    Many sites set the standfirst apart from the body (``<p class="description-article">``,
    ``<div class="intro">``) and trafilatura leaves it out; when a visible block outside
    boilerplate and links says exactly what the meta description says, it is the article's opening.
    """
    wanted = {" ".join(d.split()) for d in descriptions if d and len(d.strip()) >= 60}
    starts = {d[:30] for d in wanted}
    body = tree.find("body")
    for node in body.iter() if body is not None else ():
        if not isinstance(node.tag, str) or " ".join((node.text or "").split())[:30] not in starts:
            continue
        text = " ".join(node.text_content().split())
        if (
            text in wanted
            and not boilerplate_ancestor(node)
            and not any(a.tag == "a" for a in node.iterancestors())
        ):
            return text
    return None
