"""The journalists' workbench as Datasette plugin hooks, for any Datasette that has veille installed.

A plain ``datasette veille.db`` gets what ``veille serve`` shows: French metadata and canned queries
(get_metadata, so datasette-atom finds each feed's title there too), the article page, French
cells (render_cell), the form checks and column labels (extra_template_vars), the stylesheet.
The French templates come with the package (``templates/``, found by Datasette for every plugin).
Registered through its own ``datasette`` entry point (pyproject.toml) and by ``db.serve``.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

from datasette import hookimpl

from db.datasette_plugin import cells, current, forms
from db.datasette_plugin.article import article_page
from db.fr import format_date
from db.labels import column_label, facet_value, human_description
from db.metadata import TABLES, build_metadata, feed_title

logger = logging.getLogger(__name__)

_IS_VEILLE: dict[str, bool] = {}
_LIST_VIEWS = ("table", "query", "database")


def _is_veille_file(path: str) -> bool:
    """A file holding the veille schema (entities and mentions), read once per file and process."""
    if path not in _IS_VEILLE:
        try:
            conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
            try:
                found = conn.execute(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('entities', 'mentions')"
                ).fetchone()[0]
            finally:
                conn.close()
            _IS_VEILLE[path] = found == 2
        except sqlite3.Error:
            _IS_VEILLE[path] = False
    return _IS_VEILLE[path]


def veille_databases(datasette) -> list[str]:
    return [
        name
        for name, database in datasette.databases.items()
        if not database.is_memory and database.path and _is_veille_file(database.path)
    ]


@hookimpl
def get_metadata(datasette, key, database, table):
    names = veille_databases(datasette)
    if not names:
        return {}
    metadata: dict[str, Any] = {}
    for name in names:
        built = build_metadata(name)
        metadata = {**built, "databases": {**metadata.get("databases", {}), **built["databases"]}}
    # datasette-atom titles a feed with its canned query's title: name the entity or the search
    here = current.current()
    for name in names:
        queries = metadata["databases"][name]["queries"]
        for query_name, query in queries.items():
            if here.path.endswith(f"/{name}/{query_name}.atom"):
                query["title"] = feed_title(query_name, query["title"], here.args)
    return metadata


@hookimpl
def prepare_jinja2_environment(env, datasette):
    env.filters["veille_date"] = format_date
    env.filters["veille_label"] = column_label
    env.filters["veille_human"] = human_description
    env.filters["veille_facet"] = facet_value
    env.filters["veille_table_title"] = lambda name: TABLES.get(name, {}).get("title", "")


@hookimpl
def asgi_wrapper(datasette):
    return current.wrap


@hookimpl
def register_routes():
    return [(r"^/-/veille/article/(?P<article_id>\d+)$", article_page)]


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    in_list = not current.current().path.startswith(f"/{database}/{table}/") if table else True
    return cells.render(row, value, column, table, datasette.urls.path, in_list)


@hookimpl
def extra_template_vars(template, database, table, columns, view_name, request, datasette):
    async def inner():
        notices: list[forms.Notice] = []
        if request is not None and view_name in _LIST_VIEWS and database in veille_databases(datasette):
            query_name = request.url_vars.get("table") if request.url_vars else None
            if query_name:
                args = {k: request.args.get(k) for k in request.args}
                notices = await forms.query_notices(
                    datasette.get_database(database), query_name, args, request.path
                )
        return {"veille_notices": notices, "veille_label": column_label}

    return inner


@hookimpl
def extra_css_urls(template, database, table, columns, view_name, request, datasette):
    from db.datasette_plugin.pages import static_url

    return [static_url(datasette, "veille-workbench.css")]
