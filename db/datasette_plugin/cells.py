"""How the workbench shows a cell in Datasette's tables and canned queries (the render_cell hook).

Titles link to the article page, names to the entity page, raw URLs become a link named after their
site, ISO dates read dd/mm/yyyy, role codes and amounts are French, long text is cut in lists.
Every value is escaped by markupsafe's format(): nothing from the database becomes markup.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from db.article_view import format_value
from db.fr import ROLE_LABELS, format_date

ARTICLE_PATH = "/-/veille/article/"
ENTITY_PATH = "/-/veille/entity/"

#: column showing an article's title -> the column holding its id
TITLE_COLUMNS = {"titre": "article_id", "article": "article_id", "article_title": "article_id"}
#: column showing an entity's name -> the column holding its id
NAME_COLUMNS = {
    "entreprise": "entreprise_id",
    "personne": "personne_id",
    "entite": "entite_id",
    "org": "org_entity_id",
    "person": "person_entity_id",
    "target": "target_entity_id",
    "partner": "partner_entity_id",
}
#: foreign keys a table view expands to {"value", "label"}: to the article page or the entity page
FOREIGN_KEYS = {
    "article_id": ARTICLE_PATH,
    "entity_id": ENTITY_PATH,
    "org_entity_id": ENTITY_PATH,
    "person_entity_id": ENTITY_PATH,
    "target_entity_id": ENTITY_PATH,
    "partner_entity_id": ENTITY_PATH,
}
URL_COLUMNS = {"lien", "url", "canonical_url", "atom_link", "feed_url", "link"}
DATE_COLUMNS = {
    "date", "depuis", "published_at", "fetched_at", "first_seen_at", "premier_jour", "dernier_jour",
    "premiere_date", "derniere_date", "started_at", "ended_at", "last_checked_at", "last_success_at",
}  # fmt: skip
#: (table, column) cut in lists, to this many characters; the article page has the whole text
LONG_TEXT = {
    "text": 160,
    "description": 160,
    "sentence": 240,
    "phrase": 240,
    "atom_content": 240,
    "stats": 120,
}
HASH_COLUMNS = {"content_hash": 12}
_ATOM_ARTICLE = re.compile(r"^tag:veille,\d{4}:article/(\d+)")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def site_name(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host


def _link(path: str, text: Any, css: str, title: str = "") -> Markup:
    return Markup('<a class="{}" href="{}" title="{}">{}</a>').format(css, path, title, text)


def _cell(row: Mapping[str, Any], column: str | None) -> Any:
    """The raw value of another column of the row (a table view expands foreign keys to dicts)."""
    if not column or column not in row.keys():
        return None
    value = row[column]
    return value.get("value") if isinstance(value, dict) else value


def _foreign_key(value: Any, column: str, path_of) -> Markup | None:
    if not isinstance(value, dict) or column not in FOREIGN_KEYS or value.get("value") is None:
        return None
    path = path_of(f"{FOREIGN_KEYS[column]}{int(value['value'])}")
    css = "veille-article" if column == "article_id" else "veille-entity-link"
    return _link(path, value.get("label") or value["value"], css)


def _article_id(row: Mapping[str, Any], column: str, table: str | None) -> Any:
    if table == "articles" and column == "title":
        return _cell(row, "id")
    if table == "entity_mentions" and column == "title":
        return _cell(row, "article_id")
    if column == "atom_title" and "atom_id" in row.keys():
        match = _ATOM_ARTICLE.match(str(row["atom_id"] or ""))
        return match[1] if match else None
    return _cell(row, TITLE_COLUMNS.get(column))


def _entity_id(row: Mapping[str, Any], column: str) -> Any:
    return _cell(row, NAME_COLUMNS.get(column))


def _shorten(value: str, limit: int) -> Markup | None:
    if len(value) <= limit:
        return None
    cut = value[:limit].rsplit(" ", 1)[0]
    return Markup('<span class="veille-cut" title="{}">{}…</span>').format(value, cut)


def _formatted(row: Mapping[str, Any], value: Any, column: str, table: str | None) -> Markup | None:
    if table == "amounts" and column == "value" and value is not None:
        shown = format_value(_cell(row, "kind"), value, _cell(row, "currency"))
        return Markup('<span class="veille-amount" title="{}">{}</span>').format(value, shown)
    if table in ("roles", "events") and column == "role" and value in ROLE_LABELS:
        return Markup('<span title="{}">{}</span>').format(value, ROLE_LABELS[value])
    return None


def render(row: Mapping[str, Any], value: Any, column: str, table: str | None, path_of, in_list: bool):
    """The markup of one cell, or None to let Datasette (or another plugin) render it."""
    formatted = _formatted(row, value, column, table) or _foreign_key(value, column, path_of)
    if formatted is not None or not isinstance(value, str) or not value:
        return formatted
    article_id = _article_id(row, column, table)
    if article_id is not None:
        return _link(
            path_of(f"{ARTICLE_PATH}{int(article_id)}"), value, "veille-article", "page de l'article"
        )
    entity_id = _entity_id(row, column)
    if entity_id is not None:
        return _link(
            path_of(f"{ENTITY_PATH}{int(entity_id)}"), value, "veille-entity-link", "page de l'entité"
        )
    if column in URL_COLUMNS and value.startswith(("https://", "http://")):
        return Markup('<a class="veille-url" href="{}" title="{}" rel="noopener noreferrer">{}</a>').format(
            value, value, site_name(value)
        )
    if column in DATE_COLUMNS and _ISO_DAY.match(value):
        return Markup('<span class="veille-date" title="{}">{}</span>').format(value, format_date(value))
    if column in HASH_COLUMNS:
        return _shorten(value, HASH_COLUMNS[column])
    if in_list and column in LONG_TEXT:
        return _shorten(value, LONG_TEXT[column])
    return None
