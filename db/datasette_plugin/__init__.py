"""The veille Datasette plugin: SQL functions, the entity timeline page, safe highlighting.

Registered through the ``datasette`` entry point (pyproject.toml) and, for ``veille serve``,
explicitly by ``db.serve`` (so it also loads where entry points are not scanned). It never
writes: every page it adds runs read-only SQL from ``db.queries``.
"""

from __future__ import annotations

import logging

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from db.datasette_plugin import alerts, auth, pages, security
from db.queries import register_functions

logger = logging.getLogger(__name__)

#: the marks FTS5 snippet() puts around matched words in db.queries.SEARCH_SQL
HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE = "⟦", "⟧"


@hookimpl
def prepare_connection(conn):
    register_functions(conn)
    security.limit_connection(conn)


@hookimpl
def actor_from_request(datasette, request):
    return auth.actor_from_request(request)


QUERY_VIEWS = ("query", "table", "database")
#: the only paths that accept a POST: logging in and out (datasette-auth-passwords' form)
WRITE_METHODS_ALLOWED = ("/-/login", "/-/logout")


@hookimpl
def asgi_wrapper(datasette):
    """Refuse every request that could write (POST, PUT, PATCH, DELETE) except logging in/out.

    Datasette 0.65 has no write API and veille ships no writable canned query; this makes the
    read-only promise hold even for a query or plugin added later.
    """

    def wrap(app):
        async def read_only(scope, receive, send):
            if (
                scope["type"] == "http"
                and scope.get("method", "GET") not in ("GET", "HEAD", "OPTIONS")
                and scope.get("path") not in WRITE_METHODS_ALLOWED
            ):
                response = Response.text(
                    "405 veille sert cette base en lecture seule", status=405, headers={"allow": "GET, HEAD"}
                )
                await response.asgi_send(send)
                return
            await app(scope, receive, send)

        # outermost: security headers, then the password check, then CSV neutralisation
        return security.wrap(datasette, read_only)

    return wrap


@hookimpl
def register_routes():
    return [
        (r"^/-/veille/entity/(?P<entity_id>\d+)$", pages.entity_page),
        (r"^/-/veille/entity$", pages.entity_lookup),
        (r"^/-/veille/static/(?P<path>[A-Za-z0-9_.-]+)$", pages.static_file),
        (r"^/(?P<database>[^/]+)/alertes\.atom$", alerts.alerts_feed),
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
    # Any query returning `periode` and `mentions` columns gets the same bar chart above its table
    # (Datasette 0.65 renders canned queries with its table view, arbitrary SQL with the database view).
    if view_name in QUERY_VIEWS:
        return [pages.static_url(datasette, "veille-timeline.js")]
    return []


@hookimpl
def extra_css_urls(view_name, datasette):
    if view_name in QUERY_VIEWS:
        return [pages.static_url(datasette, "veille.css")]
    return []


@hookimpl
def menu_links(datasette, actor):
    return [{"href": datasette.urls.path(pages.ENTITY_PATH.rstrip("/")), "label": "Chronologie d'une entité"}]
