"""The article page, /-/veille/article/<id>: the text with its entities linked, what was found in it,
and the articles on the same entities. The text is escaped piece by piece (db.markup), never HTML.
"""

from __future__ import annotations

from datasette.utils.asgi import NotFound, Response

from db.article_view import article_page_data
from db.datasette_plugin.cells import ARTICLE_PATH, ENTITY_PATH, site_name
from db.markup import mark_entities


async def article_page(request, datasette):
    from db.datasette_plugin.pages import static_url, veille_database

    database = await veille_database(datasette)
    await datasette.ensure_permissions(request.actor, [("view-database", database.name), "view-instance"])
    article_id = int(request.url_vars["article_id"])
    data = await database.execute_fn(lambda conn: article_page_data(conn, article_id))
    if data is None:
        raise NotFound(f"aucun article n°{article_id}")
    article = data["article"]
    link = article["canonical_url"] or article["url"] or ""
    context = {
        **data,
        "db_name": database.name,
        "text_html": mark_entities(
            article["text"], data["mentions"], lambda ident: datasette.urls.path(f"{ENTITY_PATH}{ident}")
        ),
        "original": link if link.startswith(("https://", "http://")) else "",
        "site": site_name(link) if link else "",
        "entity_path": datasette.urls.path(ENTITY_PATH),
        "article_path": datasette.urls.path(ARTICLE_PATH),
        "row_url": datasette.urls.row(database.name, "articles", str(article_id)),
        "search_url": datasette.urls.query(database.name, "recherche"),
        "static": {"veille.css": static_url(datasette, "veille.css")},
    }
    html = await datasette.render_template("veille_article.html", context, request=request)
    return Response.html(html)
