"""Article text with its entities marked up, safely: escape every piece of text, then add the marks.

The text of an article is never trusted as HTML: each slice between two mentions is escaped on its
own and only the ``<a class="veille-entity">`` wrappers built here are markup. Mentions whose
offsets do not match the stored text (a text edited after extraction) or overlap an earlier one
are left out rather than guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from markupsafe import Markup, escape


def _usable(text: str, mentions: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    kept, last_end = [], 0
    for mention in sorted(mentions, key=lambda m: (m["start"] or 0, -(m["end"] or 0))):
        start, end = mention["start"], mention["end"]
        if start is None or end is None or not 0 <= start < end <= len(text) or start < last_end:
            continue
        if mention.get("surface") and text[start:end] != mention["surface"]:
            continue
        kept.append(mention)
        last_end = end
    return kept


def mark_entities(
    text: str | None, mentions: Iterable[Mapping[str, Any]], href: Callable[[int], str]
) -> Markup:
    """The escaped ``text`` with each mention (start, end, entity_id, label, name) as a link.

    ``href(entity_id)`` gives the link of an entity's page.
    """
    text = text or ""
    parts, cursor = [], 0
    for mention in _usable(text, mentions):
        start, end = mention["start"], mention["end"]
        parts.append(escape(text[cursor:start]))
        parts.append(
            Markup('<a class="veille-entity veille-{}" href="{}" title="{}">{}</a>').format(
                str(mention.get("label") or "").lower(),
                href(int(mention["entity_id"])),
                mention.get("name") or "",
                text[start:end],
            )
        )
        cursor = end
    parts.append(escape(text[cursor:]))
    return Markup("").join(parts)
