"""What the entity page shows besides its chart: aliases, executives or positions, amounts, events,
co-mentioned entities. Read-only SQL over a sqlite3 connection; French formatting done here.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from db.article_view import format_value, has_table, rows
from db.events_fr import EVENT_KINDS, describe_event, event_subject
from db.fr import format_date, role_label
from db.queries import CO_MENTIONS_SQL

#: rows read at most per section (the canned queries and exports have the rest)
SECTION_LIMIT = 200
CO_MENTIONS_SHOWN = 25


def _aliases(conn: sqlite3.Connection, entity: dict[str, Any]) -> list[str]:
    found = conn.execute(
        "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias", [entity["id"]]
    )
    return [alias for (alias,) in found if alias != entity["name"]]


def _role_rows(conn: sqlite3.Connection, column: str, entity_id: int) -> list[dict[str, Any]]:
    return rows(
        conn,
        f"""SELECT r.id, r.article_id, r.person_entity_id, r.org_entity_id, r.title, r.role, r.former,
            r.sentence, r.published_at, p.name AS person, o.name AS org, a.title AS article_title
        FROM roles r
        JOIN entities p ON p.id = r.person_entity_id
        LEFT JOIN entities o ON o.id = r.org_entity_id
        JOIN articles a ON a.id = r.article_id
        WHERE r.{column} = ? ORDER BY r.published_at, r.id LIMIT ?""",
        [entity_id, SECTION_LIMIT * 5],
    )


def group_positions(role_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One line per (person, company, role): first and last date, how many articles, the latest evidence.

    The status is the one of the latest article: "ancien" once an article says "ancien ..." after
    the others. Lines come latest first.
    """
    groups: dict[tuple, dict[str, Any]] = {}
    for r in role_rows:  # oldest first, so the last row seen is the latest
        key = (r["person_entity_id"], r["org_entity_id"], r["role"] or (r["title"] or "").casefold())
        line = groups.setdefault(key, {"first": r["published_at"], "articles": 0})
        line.update(
            person=r["person"], person_entity_id=r["person_entity_id"], org=r["org"],
            org_entity_id=r["org_entity_id"], fonction=role_label(r["role"], r["title"]),
            role=r["role"], former=bool(r["former"]), last=r["published_at"], sentence=r["sentence"],
            article_id=r["article_id"], article_title=r["article_title"],
        )  # fmt: skip
        line["articles"] += 1
    lines = sorted(groups.values(), key=lambda g: (g["last"] or "", g["first"] or ""), reverse=True)
    for line in lines:
        line["statut"] = "ancien" if line["former"] else "en poste"
        line["depuis"], line["jusqu_au"] = format_date(line["first"]), format_date(line["last"])
    return lines[:SECTION_LIMIT]


def _amounts(conn: sqlite3.Connection, entity_id: int) -> list[dict[str, Any]]:
    found = rows(
        conn,
        """SELECT am.kind, am.value, am.currency, am.rate, am.surface, am.sentence, am.published_at,
            am.article_id, a.title AS article_title
        FROM amounts am JOIN articles a ON a.id = am.article_id
        WHERE am.org_entity_id = ? ORDER BY am.published_at DESC, am.id DESC LIMIT ?""",
        [entity_id, SECTION_LIMIT],
    )
    for a in found:
        a["montant"] = format_value(a["kind"], a["value"], a["currency"])
        a["date"] = format_date(a["published_at"])
    return found


def entity_events(conn: sqlite3.Connection, entity_id: int) -> list[dict[str, Any]]:
    """Events where the entity is the company, the target, the partner, the person or a participant."""
    if not has_table(conn, "events"):
        return []
    found = rows(
        conn,
        """SELECT ev.*, a.title AS article_title FROM events ev JOIN articles a ON a.id = ev.article_id
        WHERE ev.id IN (
            SELECT id FROM events WHERE org_entity_id = :id
            UNION SELECT id FROM events WHERE :id IN (target_entity_id, partner_entity_id, person_entity_id)
            UNION SELECT event_id FROM event_participants WHERE entity_id = :id)
        ORDER BY ev.published_at DESC, ev.id DESC LIMIT :limit""",
        {"id": entity_id, "limit": SECTION_LIMIT},
    )
    for e in found:
        e["type"] = EVENT_KINDS.get(e["kind"], e["kind"])
        e["sujet"] = event_subject(e, entity_id)
        e["phrase"] = describe_event(e, entity_id)
        e["date"] = format_date(e["published_at"])
    return found


def co_mentions(conn: sqlite3.Connection, entity_id: int, label: str = "") -> list[dict[str, Any]]:
    found = rows(conn, CO_MENTIONS_SQL, {"entity": str(entity_id), "label": label})
    return found[:CO_MENTIONS_SHOWN]


def entity_profile(conn: sqlite3.Connection, entity: dict[str, Any]) -> dict[str, Any]:
    """The sections of the entity page for ``entity`` (a dict with id, name, label)."""
    ident = entity["id"]
    profile: dict[str, Any] = {"aliases": _aliases(conn, entity), "executives": [], "positions": []}
    if entity["label"] == "ORG":
        profile["executives"] = group_positions(_role_rows(conn, "org_entity_id", ident))
    if entity["label"] == "PERSON":
        profile["positions"] = group_positions(_role_rows(conn, "person_entity_id", ident))
    profile["amounts"] = _amounts(conn, ident)
    profile["events"] = entity_events(conn, ident)
    profile["co_mentions"] = co_mentions(conn, ident)
    return profile
