"""Typed alerts: Atom feeds of business events a journalist subscribes to.

``/<database>/alertes.atom?kind=funding&min=10000000&currency=EUR``, ``?kind=appointment&company=Orange``:
the rows of the canned query ``evenements`` (db/event_queries.py) with the same filters, the 50
latest. Each entry says the event in French ("Mistral AI lève 600 M€", "Nomination : X devient
directeur financier de Y") and links to the article and to the company's page. A company the
database does not know gives one entry saying so (with close names), so that a mistyped
subscription shows itself in the reader instead of staying silently empty.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

from datasette.utils.asgi import NotFound, Response

from db.event_export import company_known
from db.event_queries import EVENT_PARAMS
from db.events_fr import EVENT_KINDS
from db.queries import QUERIES_BY_NAME, close_matches

logger = logging.getLogger(__name__)

FEED_ENTRIES = 50
ATOM_TYPE = "application/atom+xml; charset=utf-8"


async def alerts_feed(request, datasette):
    name = request.url_vars["database"]
    try:
        database = datasette.get_database(name)
    except KeyError:
        raise NotFound(f"no database {name}") from None
    if not await database.table_exists("events"):
        raise NotFound(f"{name} holds no events table")
    params = {p: (request.args.get(p) or "").strip() for p in EVENT_PARAMS}
    base = f"{request.scheme}://{request.host}"
    feed_id = f"tag:veille,2024:alertes/{name}?" + "&".join(f"{k}={v}" for k, v in params.items() if v)
    entries = await database.execute_fn(lambda conn: _entries(conn, params, base))
    body = _atom(feed_id, _feed_title(params), base + request.path + _query(request), entries)
    return Response(body, content_type=ATOM_TYPE)


def _query(request) -> str:
    return f"?{request.query_string}" if request.query_string else ""


def _entries(conn, params: dict[str, str], base: str) -> list[dict]:
    company = params["company"]
    if company and not company_known(conn, company):
        close = close_matches(conn, company)
        hint = f" Noms proches : {', '.join(close)}." if close else ""
        return [
            _notice(f"Entreprise inconnue : « {company} »", f"Aucune entreprise nommée « {company} ».{hint}")
        ]
    cursor = conn.execute(QUERIES_BY_NAME["evenements"].sql, params)
    columns = [d[0] for d in cursor.description]
    entries = []
    for values in cursor.fetchmany(FEED_ENTRIES):
        row = dict(zip(columns, values, strict=True))
        links = [("alternate", row["lien"])]
        if row["chronologie"]:
            links.append(("related", base + row["chronologie"]))
        source = f"Article : {row['article']}" if row["article"] else ""
        entries.append(
            {
                "id": f"tag:veille,2024:event/{row['evenement_id']}",
                "title": row["evenement"],
                "updated": _atom_date(row["publie_le"]),
                "links": links,
                "content": "\n".join(x for x in (row["phrase"], source) if x),
            }
        )
    if not entries:
        entries.append(
            _notice(
                "Aucun événement pour le moment",
                "Les événements apparaîtront après les prochaines collectes.",
            )
        )
    return entries


def _notice(title: str, text: str) -> dict:
    return {
        "id": "tag:veille,2024:alertes/notice",
        "title": title,
        "updated": "2000-01-01T00:00:00Z",
        "links": [],
        "content": text,
    }


def _feed_title(params: dict[str, str]) -> str:
    what = EVENT_KINDS.get(params["kind"].lower(), "événements") if params["kind"] else "événements"
    parts = [f"veille — alertes : {what}"]
    if params["company"]:
        parts.append(params["company"])
    if params["min"]:
        parts.append(f"≥ {params['min']} {params['currency']}".strip())
    return " · ".join(parts)


def _atom_date(value: str | None) -> str:
    """An RFC 3339 date for Atom ('2025-03-14' or '2025-03-14T09:00:00+01:00' as stored)."""
    if not value:
        return "2000-01-01T00:00:00Z"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return "2000-01-01T00:00:00Z"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _atom(feed_id: str, title: str, self_url: str, entries: list[dict]) -> str:
    updated = max((e["updated"] for e in entries), default="2000-01-01T00:00:00Z")
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<id>{escape(feed_id)}</id>",
        f"<title>{escape(title)}</title>",
        f"<updated>{updated}</updated>",
        f'<link rel="self" href={quoteattr(self_url)}/>',
        "<author><name>veille</name></author>",
    ]
    for entry in entries:
        lines += ["<entry>", f"<id>{escape(entry['id'])}</id>", f"<title>{escape(entry['title'])}</title>"]
        lines.append(f"<updated>{entry['updated']}</updated>")
        for rel, href in entry["links"]:
            lines.append(f"<link rel={quoteattr(rel)} href={quoteattr(href)}/>")
        lines += [f'<content type="text">{escape(entry["content"])}</content>', "</entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
