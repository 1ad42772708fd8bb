"""Entities, mentions, amounts and roles of one article (called inside save_article's transaction)."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from db.names import name_key

AMOUNT_LABELS = {"MONEY", "PERCENT", "QUANTITY"}


def entity_id(
    db: sqlite_utils.Database,
    label: str,
    name: str,
    *,
    alias: str | None = None,
    maker: str | None = None,
    seen_at: str | None = None,
) -> int:
    """Return the id of the entity (label, name), creating it if needed; record ``alias`` as an alias.

    A name that is a known alias of an entity of the same label resolves to that entity, so
    "HP" found in one article and "Hewlett-Packard" (with alias HP) in another are one row.
    """
    key = name_key(name)
    row = db.execute("SELECT id FROM entities WHERE label = ? AND name_key = ?", [label, key]).fetchone()
    if row is None:
        row = db.execute(
            "SELECT a.entity_id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
            "WHERE a.alias_key = ? AND e.label = ? ORDER BY a.entity_id LIMIT 1",
            [key, label],
        ).fetchone()
    if row is None:
        cursor = db.execute(
            "INSERT INTO entities (label, name, name_key, maker, first_seen_at) VALUES (?, ?, ?, ?, ?)",
            [label, name, key, maker, seen_at],
        )
        ident = cursor.lastrowid
    else:
        ident = row[0]
        if maker:
            db.execute("UPDATE entities SET maker = COALESCE(maker, ?) WHERE id = ?", [maker, ident])
    for spelling in {name, alias or name}:
        db.execute(
            "INSERT OR IGNORE INTO entity_aliases (entity_id, alias, alias_key) VALUES (?, ?, ?)",
            [ident, spelling, name_key(spelling)],
        )
    return ident


def write_entities(
    db: sqlite_utils.Database, article_id: int, entities: list[dict[str, Any]], published_at: str
) -> None:
    for ent in entities:
        label, surface = ent.get("label"), ent.get("text") or ""
        if not label or not surface:
            continue
        if label in AMOUNT_LABELS:
            _write_amount(db, article_id, ent, published_at)
            continue
        canonical = ent.get("canonical") or surface
        if not name_key(canonical):
            continue
        ident = entity_id(db, label, canonical, alias=surface, maker=ent.get("maker"), seen_at=published_at)
        db.execute(
            'INSERT INTO mentions (article_id, entity_id, label, surface, start, "end", sentence, published_at, '
            "rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                article_id,
                ident,
                label,
                surface,
                ent.get("start", 0),
                ent.get("end", 0),
                ent.get("sentence"),
                published_at,
                ent.get("rule"),
            ],
        )


def _write_amount(db: sqlite_utils.Database, article_id: int, ent: dict[str, Any], published_at: str) -> None:
    org = ent.get("about")
    org_id = entity_id(db, "ORG", org, seen_at=published_at) if org and name_key(org) else None
    db.execute(
        'INSERT INTO amounts (article_id, kind, value, currency, rate, surface, start, "end", org_entity_id, org, '
        "sentence, published_at, rule, range_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            article_id,
            ent["label"],
            ent.get("value"),
            ent.get("currency"),
            ent.get("rate"),
            ent.get("text"),
            ent.get("start", 0),
            ent.get("end", 0),
            org_id,
            org if org_id else None,
            ent.get("sentence"),
            published_at,
            ent.get("rule"),
            ent.get("range"),
        ],
    )


def write_roles(
    db: sqlite_utils.Database, article_id: int, roles: list[dict[str, Any]], published_at: str
) -> None:
    for role in roles:
        person = role.get("person")
        if not person or not name_key(person):
            continue
        person_id = entity_id(db, "PERSON", person, seen_at=published_at)
        org = role.get("org")
        org_id = entity_id(db, "ORG", org, seen_at=published_at) if org and name_key(org) else None
        db.execute(
            "INSERT INTO roles (article_id, person_entity_id, org_entity_id, person, org, title, role, former, "
            'sentence, start, "end", published_at, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            [
                article_id,
                person_id,
                org_id,
                person,
                org if org_id else None,
                role.get("title"),
                role.get("role"),
                int(bool(role.get("former"))),
                role.get("sentence"),
                role.get("start"),
                role.get("end"),
                published_at,
                role.get("rule"),
            ],
        )
