"""Re-keying entities after a change of ``name_key``: a database upgraded in place.

Two entities of one label whose names now share a key ("L’Oréal" and "L'Oréal", keyed apart before)
become one: the lowest id stays, and every mention, role, amount and alias of the others points to it.
Runs in one transaction, so a crash leaves the old keys and the migration simply runs again.
"""

from __future__ import annotations

import logging

import sqlite_utils

from db.names import name_key

logger = logging.getLogger(__name__)

# (table, column) pairs that point to an entity
ENTITY_REFERENCES = (
    ("mentions", "entity_id"),
    ("roles", "person_entity_id"),
    ("roles", "org_entity_id"),
    ("amounts", "org_entity_id"),
    ("events", "org_entity_id"),
    ("events", "target_entity_id"),
    ("events", "partner_entity_id"),
    ("events", "person_entity_id"),
    ("event_participants", "entity_id"),
)


def rekey_entities(db: sqlite_utils.Database) -> int:
    """Give every entity and alias the current name key, merging entities that collide; return merges."""
    rows = db.execute("SELECT id, label, name, name_key FROM entities ORDER BY id").fetchall()
    keep: dict[tuple[str, str], int] = {}
    losers: list[tuple[int, int]] = []
    for ident, label, name, _ in rows:
        survivor = keep.setdefault((label, name_key(name)), ident)
        if survivor != ident:
            losers.append((ident, survivor))
    with db.conn:
        for loser, survivor in losers:  # merged first: a new key may be the old key of a later row
            _merge(db, loser, survivor)
        for (_, key), ident in keep.items():
            db.execute("UPDATE entities SET name_key = ? WHERE id = ? AND name_key != ?", [key, ident, key])
        _rekey_aliases(db)
    merged = len(losers)
    if merged:
        logger.info("name keys: %d entities merged into the entity of the same key", merged)
    return merged


def _merge(db: sqlite_utils.Database, loser: int, survivor: int) -> None:
    for table, column in ENTITY_REFERENCES:
        db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", [survivor, loser])
    db.execute(
        "INSERT OR IGNORE INTO entity_aliases (entity_id, alias, alias_key) "
        "SELECT ?, alias, alias_key FROM entity_aliases WHERE entity_id = ?",
        [survivor, loser],
    )
    db.execute(
        "UPDATE entities SET maker = COALESCE(maker, (SELECT maker FROM entities WHERE id = ?)), "
        "first_seen_at = min(COALESCE(first_seen_at, '9999'), "
        "COALESCE((SELECT first_seen_at FROM entities WHERE id = ?), '9999')) WHERE id = ?",
        [loser, loser, survivor],
    )
    db.execute("UPDATE entities SET first_seen_at = NULL WHERE id = ? AND first_seen_at = '9999'", [survivor])
    db.execute("DELETE FROM entity_aliases WHERE entity_id = ?", [loser])
    db.execute("DELETE FROM entities WHERE id = ?", [loser])


def _rekey_aliases(db: sqlite_utils.Database) -> None:
    """Aliases get the new key; two aliases of one entity that now share a key keep one row."""
    aliases = db.execute("SELECT entity_id, alias, alias_key FROM entity_aliases").fetchall()
    db.execute("DELETE FROM entity_aliases")
    for entity, alias, _ in aliases:
        db.execute(
            "INSERT OR IGNORE INTO entity_aliases (entity_id, alias, alias_key) VALUES (?, ?, ?)",
            [entity, alias, name_key(alias)],
        )
