"""The veille Datasette plugin: SQL functions, the entity timeline page, safe highlighting.

Registered through the ``datasette`` entry point (pyproject.toml) and, for ``veille serve``,
explicitly by ``db.serve`` (so it also loads where entry points are not scanned). It never
writes: every page it adds runs read-only SQL from ``db.queries``.
"""

from __future__ import annotations

import logging

from datasette import hookimpl
from markupsafe import Markup, escape

from db.datasette_plugin import pages
from db.queries import register_functions

logger = logging.getLogger(__name__)

#: the marks FTS5 snippet() puts around matched words in db.queries.SEARCH_SQL
HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE = "⟦", "⟧"


@hookimpl
def prepare_connection(conn):
    register_functions(conn)


@hookimpl
def register_routes():
    return [
        (r"^/-/veille/entity/(?P<entity_id>\d+)$", pages.entity_page),
        (r"^/-/veille/entity$", pages.entity_lookup),
        (r"^/-/veille/static/(?P<path>[A-Za-z0-9_.-]+)$", pages.static_file),
    ]


def highlight(value: str) -> Markup:
    """Escape the text, then turn the FTS marks into <mark>: the article text is never raw HTML."""
    escaped = str(escape(value))
    return Markup(escaped.replace(HIGHLIGHT_OPEN, "<mark>").replace(HIGHLIGHT_CLOSE, "</mark>"))


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if not isinstance(value, str):
        return None
    if column == "extrait" and HIGHLIGHT_OPEN in value:
        return highlight(value)
    if column == "chronologie" and value.startswith(pages.ENTITY_PATH):
        href = datasette.urls.path(value)
        return Markup('<a href="{}">graphique</a>').format(href)
    if table == "entities" and column == "name" and "id" in row.keys():
        href = datasette.urls.path(f"{pages.ENTITY_PATH}{int(row['id'])}")
        return Markup('<a href="{}" title="chronologie">{}</a>').format(href, value)
    return None


@hookimpl
def extra_js_urls(view_name, datasette):
    # A canned query returning `periode` and `mentions` columns gets the same bar chart above its table.
    if view_name == "query":
        return [pages.static_url(datasette, "veille-timeline.js")]
    return []


@hookimpl
def extra_css_urls(view_name, datasette):
    if view_name == "query":
        return [pages.static_url(datasette, "veille.css")]
    return []


@hookimpl
def menu_links(datasette, actor):
    return [{"href": datasette.urls.path(pages.ENTITY_PATH.rstrip("/")), "label": "Chronologie d'une entité"}]
