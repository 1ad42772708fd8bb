"""What the article page shows: one article, its entities, roles, amounts, events and related articles.

Read-only SQL over a sqlite3 connection (Datasette hands one to ``execute_fn``); rows come back as
plain dicts. Amounts, dates and roles are formatted the French way here (db.fr), once, so the
template only prints.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from db.events_fr import EVENT_KINDS, describe_event
from db.fr import format_amount, format_date, format_percent, role_label

#: labels that say where, not who: kept on the page but never used to relate articles
PLACE_LABELS = ("LOC",)
RELATED_LIMIT = 10

_ARTICLE_COLUMNS = ("id", "source", "url", "canonical_url", "title", "author", "published_at", "fetched_at")
_OPTIONAL_COLUMNS = ("date_source", "sitename", "word_count", "description", "text")


def rows(conn: sqlite3.Connection, sql: str, params: Any = ()) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name])
    return found.fetchone() is not None


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def format_value(kind: str | None, value: float | None, currency: str | None) -> str:
    """An amount row as a journalist reads it: '1,5 Md€', '12 %', '250' (quantities)."""
    if kind == "PERCENT":
        return format_percent(value)
    if kind == "MONEY":
        return format_amount(value, currency)
    return "" if value is None else format_amount(value, None)


def _article(conn: sqlite3.Connection, article_id: int) -> dict[str, Any] | None:
    present = _columns(conn, "articles")
    wanted = [c for c in _ARTICLE_COLUMNS + _OPTIONAL_COLUMNS if c in present]
    found = rows(conn, f"SELECT {', '.join(wanted)} FROM articles WHERE id = ?", [article_id])
    if not found:
        return None
    article = {c: None for c in _OPTIONAL_COLUMNS} | found[0]
    article["date"] = format_date(article["published_at"] or article["fetched_at"])
    return article


def _mentions(conn: sqlite3.Connection, article_id: int) -> list[dict[str, Any]]:
    return rows(
        conn,
        'SELECT m.entity_id, m.label, m.surface, m.start, m."end", e.name FROM mentions m '
        "JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.start",
        [article_id],
    )


def _entities(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Distinct entities of the article, most mentioned first, places last."""
    by_id: dict[int, dict[str, Any]] = {}
    for m in mentions:
        entry = by_id.setdefault(
            m["entity_id"], {"id": m["entity_id"], "name": m["name"], "label": m["label"]}
        )
        entry["mentions"] = entry.get("mentions", 0) + 1
    return sorted(by_id.values(), key=lambda e: (e["label"] in PLACE_LABELS, -e["mentions"], e["name"]))


def _roles(conn: sqlite3.Connection, article_id: int) -> list[dict[str, Any]]:
    found = rows(
        conn,
        "SELECT person, person_entity_id, org, org_entity_id, title, role, former, sentence "
        "FROM roles WHERE article_id = ? ORDER BY start, id",
        [article_id],
    )
    for r in found:
        r["fonction"] = role_label(r["role"], r["title"])
    return found


def _amounts(conn: sqlite3.Connection, article_id: int) -> list[dict[str, Any]]:
    found = rows(
        conn,
        "SELECT kind, value, currency, rate, surface, org, org_entity_id, sentence "
        "FROM amounts WHERE article_id = ? ORDER BY start, id",
        [article_id],
    )
    for a in found:
        a["montant"] = format_value(a["kind"], a["value"], a["currency"])
    return found


def _events(conn: sqlite3.Connection, article_id: int) -> list[dict[str, Any]]:
    if not has_table(conn, "events"):
        return []
    found = rows(conn, "SELECT * FROM events WHERE article_id = ? ORDER BY start, id", [article_id])
    for e in found:
        e["type"] = EVENT_KINDS.get(e["kind"], e["kind"])
        e["phrase"] = describe_event(e)
    return found


def related_articles(
    conn: sqlite3.Connection, article_id: int, limit: int = RELATED_LIMIT
) -> list[dict[str, Any]]:
    """Articles sharing the most entities (places left out) with this one, the latest first on ties."""
    marks = ",".join("?" for _ in PLACE_LABELS)
    found = rows(
        conn,
        f"""WITH mine AS (
            SELECT DISTINCT entity_id FROM mentions WHERE article_id = ? AND label NOT IN ({marks}))
        SELECT a.id, a.title, a.source, COALESCE(a.published_at, a.fetched_at) AS published_at,
            count(DISTINCT m.entity_id) AS shared, json_group_array(DISTINCT e.name) AS names
        FROM mentions m
        JOIN mine ON mine.entity_id = m.entity_id
        JOIN articles a ON a.id = m.article_id
        JOIN entities e ON e.id = m.entity_id
        WHERE m.article_id != ?
        GROUP BY a.id
        ORDER BY shared DESC, published_at DESC, a.id DESC
        LIMIT ?""",
        [article_id, *PLACE_LABELS, article_id, limit],
    )
    for r in found:
        r["names"] = sorted(json.loads(r["names"]))
        r["date"] = format_date(r["published_at"])
    return found


def article_page_data(conn: sqlite3.Connection, article_id: int) -> dict[str, Any] | None:
    """Everything the article page shows, or None when there is no such article."""
    article = _article(conn, article_id)
    if article is None:
        return None
    mentions = _mentions(conn, article_id)
    return {
        "article": article,
        "mentions": mentions,
        "entities": _entities(mentions),
        "roles": _roles(conn, article_id),
        "amounts": _amounts(conn, article_id),
        "events": _events(conn, article_id),
        "related": related_articles(conn, article_id),
    }
