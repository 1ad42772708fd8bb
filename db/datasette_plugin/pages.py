"""Pages the plugin adds: an entity's timeline (chart + articles per period) and its static files."""

from __future__ import annotations

import json
import logging
import re
from importlib import resources
from urllib.parse import urlencode

from datasette.utils.asgi import NotFound, Response

from db.datasette_plugin.cells import ARTICLE_PATH
from db.datasette_plugin.forms import page_date_notices
from db.entity_view import entity_profile
from db.queries import PERIODS, QUERIES_BY_NAME, close_matches, resolve_entity

logger = logging.getLogger(__name__)

ENTITY_PATH = "/-/veille/entity/"
STATIC_VERSION = "1"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CONTENT_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
#: the largest rowid SQLite stores (a signed 64-bit integer)
MAX_ROWID = 2**63 - 1
#: articles listed on the page at most; the CSV/JSON exports have them all
MAX_ARTICLES = 1000


def static_url(datasette, name: str) -> str:
    return datasette.urls.path(f"/-/veille/static/{name}?v={STATIC_VERSION}")


async def static_file(request, datasette):
    """Serve the plugin's own JavaScript and CSS (no CDN: everything comes from the package)."""
    name = request.url_vars["path"]
    path = resources.files("db.datasette_plugin") / "static" / name
    suffix = "." + name.rsplit(".", 1)[-1]
    if suffix not in _CONTENT_TYPES or not path.is_file():
        raise NotFound(f"no static file {name}")
    return Response(
        path.read_text(encoding="utf-8"),
        content_type=_CONTENT_TYPES[suffix],
        headers={"cache-control": "max-age=3600"},
    )


async def veille_database(datasette):
    """The first attached database that holds a veille schema (entities and mentions)."""
    for database in datasette.databases.values():
        if database.is_memory:
            continue
        if await database.table_exists("entities") and await database.table_exists("mentions"):
            return database
    raise NotFound("no veille database is served here")


def _filters(request) -> dict[str, str]:
    by = request.args.get("by") or "month"
    filters = {"by": by if by in PERIODS else "month"}
    for key in ("since", "until"):
        value = (request.args.get(key) or "").strip()
        filters[key] = value if _DATE.match(value) else ""
    return filters


def _query_links(datasette, db_name: str, params: dict[str, str]) -> dict[str, str]:
    query = urlencode(params)
    links = {}
    for name in ("chronologie_entite", "chronologie_articles"):
        links[f"{name}_csv"] = datasette.urls.query(db_name, name, format="csv") + "?" + query
        links[f"{name}_json"] = datasette.urls.query(db_name, name, format="json") + "?_shape=array&" + query
        links[name] = datasette.urls.query(db_name, name) + "?" + query
    feed = urlencode({"entity": params["entity"]})
    links["atom"] = datasette.urls.query(db_name, "nouvelles_mentions", format="atom") + "?" + feed
    links["co_mentions"] = datasette.urls.query(db_name, "co_mentions") + "?" + feed + "&label="
    return links


def _group_articles(rows) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["periode"], []).append(dict(row))
    return grouped


async def entity_page(request, datasette):
    """/-/veille/entity/<id>?by=month&since=&until=: the chart, the periods and their articles."""
    database = await veille_database(datasette)
    await datasette.ensure_permissions(request.actor, [("view-database", database.name), "view-instance"])
    entity_id = int(request.url_vars["entity_id"])
    if entity_id > MAX_ROWID:  # SQLite cannot even bind it ("Python int too large"): no such entity
        raise NotFound(f"no entity {entity_id}")
    found = await database.execute("SELECT id, name, label FROM entities WHERE id = ?", [entity_id])
    entity = found.first()
    if entity is None:
        raise NotFound(f"no entity {entity_id}")
    params = {"entity": str(entity_id), **_filters(request)}
    timeline = await database.execute(QUERIES_BY_NAME["chronologie_entite"].sql, params)
    articles = await database.execute(
        QUERIES_BY_NAME["chronologie_articles"].sql + f" LIMIT {MAX_ARTICLES + 1}", params
    )
    profile = await database.execute_fn(lambda conn: entity_profile(conn, dict(entity)))
    periods = [dict(row) for row in timeline.rows]
    article_rows = articles.rows[:MAX_ARTICLES]
    series = [
        {"periode": p["periode"], "mentions": p["mentions"], "articles": p["articles"]} for p in periods
    ]
    context = {
        "entity": dict(entity),
        "profile": profile,
        "notices": page_date_notices({k: request.args.get(k) for k in request.args}),
        "entity_path": datasette.urls.path(ENTITY_PATH),
        "article_path": datasette.urls.path(ARTICLE_PATH),
        "filters": params,
        "periods": periods,
        "articles_by_period": _group_articles(article_rows),
        "truncated": len(articles.rows) > MAX_ARTICLES,
        "series_json": json.dumps(series, ensure_ascii=False),
        "links": _query_links(datasette, database.name, params),
        "db_name": database.name,
        "periods_choice": PERIODS,
        "static": {name: static_url(datasette, name) for name in ("veille-timeline.js", "veille.css")},
    }
    html = await datasette.render_template("veille_entity.html", context, request=request)
    return Response.html(html)


async def entity_lookup(request, datasette):
    """/-/veille/entity?q=Cisco: find the entity by name or alias, else list close names."""
    database = await veille_database(datasette)
    await datasette.ensure_permissions(request.actor, [("view-database", database.name), "view-instance"])
    name = (request.args.get("q") or "").strip()
    entity, suggestions = None, []
    if name:
        entity = await database.execute_fn(lambda conn: resolve_entity(conn, name))
        if entity is None:
            suggestions = await database.execute_fn(lambda conn: close_matches(conn, name))
    if entity is not None:
        query = urlencode({k: v for k, v in _filters(request).items() if v})
        target = datasette.urls.path(f"{ENTITY_PATH}{entity['id']}") + (f"?{query}" if query else "")
        return Response.redirect(target)
    context = {
        "q": name,
        "suggestions": suggestions,
        "lookup_path": datasette.urls.path(ENTITY_PATH.rstrip("/")),
        "entities_query": datasette.urls.query(database.name, "entites"),
        "static": {"veille.css": static_url(datasette, "veille.css")},
    }
    html = await datasette.render_template("veille_lookup.html", context, request=request)
    return Response.html(html, status=404 if name else 200)
