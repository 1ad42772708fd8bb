"""Business events of one article (called inside save_article's / save_extraction's transaction).

One `events` row per event of the extraction ("kind", "org", attributes, "sentence", "rule",
"background"), with the entity ids of its company, target, partner and person, and one
`event_participants` row per company taking part besides the main one (target, partner, investors,
authority, counterparty).
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from db.entities import entity_id
from db.names import name_key

_COLUMNS = (
    "article_id",
    "kind",
    "org_entity_id",
    "org",
    "target_entity_id",
    "target",
    "partner_entity_id",
    "partner",
    "person_entity_id",
    "person",
    "title",
    "role",
    "product",
    "amount_value",
    "amount_currency",
    "stake",
    "job_count",
    "period",
    "authority",
    "counterparty",
    "background",
    "sentence",
    "start",
    "end",
    "rule",
    "published_at",
)
_INSERT = "INSERT INTO events ({}) VALUES ({})".format(
    ", ".join(f'"{c}"' for c in _COLUMNS), ", ".join("?" for _ in _COLUMNS)
)


def delete_events(db: sqlite_utils.Database, article_id: int) -> None:
    db.execute(
        "DELETE FROM event_participants WHERE event_id IN (SELECT id FROM events WHERE article_id = ?)",
        [article_id],
    )
    db.execute("DELETE FROM events WHERE article_id = ?", [article_id])


def write_events(
    db: sqlite_utils.Database, article_id: int, events: list[dict[str, Any]], published_at: str
) -> None:
    for event in events:
        if not event.get("kind") or not event.get("org") or not name_key(event["org"]):
            continue
        row = _row(db, article_id, event, published_at)
        event_id = db.execute(_INSERT, [row[c] for c in _COLUMNS]).lastrowid
        for part, names in _participants(event):
            for name in names:
                ident = entity_id(db, "ORG", name, seen_at=published_at)
                db.execute(
                    "INSERT OR IGNORE INTO event_participants (event_id, entity_id, name, part) VALUES (?, ?, ?, ?)",
                    [event_id, ident, name, part],
                )


def _row(db: sqlite_utils.Database, article_id: int, event: dict[str, Any], published_at: str) -> dict:
    def ident(label: str, name: str | None) -> int | None:
        return entity_id(db, label, name, seen_at=published_at) if name and name_key(name) else None

    amount = event.get("amount") if isinstance(event.get("amount"), dict) else {}
    return {
        "article_id": article_id,
        "kind": event["kind"],
        "org_entity_id": ident("ORG", event["org"]),
        "org": event["org"],
        "target_entity_id": ident("ORG", event.get("target")),
        "target": event.get("target"),
        "partner_entity_id": ident("ORG", event.get("partner")),
        "partner": event.get("partner"),
        "person_entity_id": ident("PERSON", event.get("person")),
        "person": event.get("person"),
        "title": event.get("title"),
        "role": event.get("role"),
        "product": event.get("product"),
        "amount_value": amount.get("value"),
        "amount_currency": amount.get("currency"),
        "stake": event.get("stake"),
        "job_count": event.get("count"),
        "period": event.get("period"),
        "authority": event.get("authority"),
        "counterparty": event.get("counterparty"),
        "background": int(bool(event.get("background"))),
        "sentence": event.get("sentence"),
        "start": event.get("start"),
        "end": event.get("end"),
        "rule": event.get("rule"),
        "published_at": published_at,
    }


def _participants(event: dict[str, Any]) -> list[tuple[str, list[str]]]:
    parts = [("target", [event.get("target")]), ("partner", [event.get("partner")])]
    parts.append(("investor", list(event.get("investors") or [])))
    parts.append(("authority", [event.get("authority")]))
    parts.append(("counterparty", [event.get("counterparty")]))
    return [(part, [n for n in names if n and name_key(n)]) for part, names in parts]
