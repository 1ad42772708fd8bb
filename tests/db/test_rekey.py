"""The name-key migration: an old database is re-keyed in place, entities whose keys now collide merged."""

from __future__ import annotations

import sqlite_utils

import db
from db.schema import MIGRATIONS

# keys as the NFKD folding before unidecode wrote them ("’" dropped, "æ" and "œ" lost)
OLD_ENTITIES = [
    (1, "ORG", "L'Oréal", "l oreal"),
    (2, "ORG", "L’Oréal", "loreal"),
    (3, "PERSON", "Lætitia Morel", "ltitia morel"),
    (4, "PERSON", "Laetitia Morel", "laetitia morel"),
    (5, "ORG", "Cœur Lumière", "cur lumiere"),
]


def old_database(path) -> sqlite_utils.Database:
    """A version-2 database written by the old code: two spellings of one name, two entities."""
    old = sqlite_utils.Database(path)
    for migration in MIGRATIONS[:2]:
        migration(old)
    old.execute("PRAGMA user_version = 2")
    old.execute(
        "INSERT INTO articles (id, source, url, canonical_url, text, fetched_at, content_hash) "
        "VALUES (1, 'demo', 'http://a.test/1', 'http://a.test/1', 'texte', '2024-01-01', 'h1')"
    )
    for ident, label, name, key in OLD_ENTITIES:
        old.execute(
            "INSERT INTO entities (id, label, name, name_key) VALUES (?, ?, ?, ?)", [ident, label, name, key]
        )
        old.execute("INSERT INTO entity_aliases VALUES (?, ?, ?)", [ident, name, key])
        old.execute(
            'INSERT INTO mentions (article_id, entity_id, label, surface, start, "end") VALUES (1, ?, ?, ?, 0, 1)',
            [ident, label, name],
        )
    old.execute(
        "INSERT INTO roles (article_id, person_entity_id, org_entity_id, person, org, title, role) "
        "VALUES (1, 3, 2, 'Lætitia Morel', 'L’Oréal', 'PDG', 'CEO')"
    )
    old.execute(
        'INSERT INTO amounts (article_id, kind, value, surface, start, "end", org_entity_id, org) '
        "VALUES (1, 'MONEY', 5, '5 €', 0, 3, 2, 'L’Oréal')"
    )
    old.conn.commit()
    return old


def test_upgrade_merges_entities_whose_keys_now_collide(tmp_path):
    old_database(tmp_path / "old.db").close()
    upgraded = db.open_db(tmp_path / "old.db")
    entities = upgraded.execute("SELECT id, name_key FROM entities ORDER BY id").fetchall()
    assert entities == [(1, "l oreal"), (3, "laetitia morel"), (5, "coeur lumiere")]
    assert upgraded.execute("SELECT entity_id FROM mentions ORDER BY id").fetchall() == [
        (1,),
        (1,),
        (3,),
        (3,),
        (5,),
    ]
    assert upgraded.execute("SELECT person_entity_id, org_entity_id FROM roles").fetchall() == [(3, 1)]
    assert upgraded.execute("SELECT org_entity_id FROM amounts").fetchall() == [(1,)]
    aliases = upgraded.execute(
        "SELECT entity_id, alias, alias_key FROM entity_aliases ORDER BY 1, 2"
    ).fetchall()
    # one alias per key and entity (the table's primary key): the surviving entity's spelling
    assert aliases == [
        (1, "L'Oréal", "l oreal"),
        (3, "Lætitia Morel", "laetitia morel"),
        (5, "Cœur Lumière", "coeur lumiere"),
    ]
    assert upgraded.execute("PRAGMA foreign_key_check").fetchall() == []


def test_after_the_upgrade_a_new_spelling_finds_the_merged_entity(tmp_path):
    old_database(tmp_path / "old.db").close()
    upgraded = db.open_db(tmp_path / "old.db")
    assert db.ensure_schema(upgraded) == 0
    article = {
        "source": "demo",
        "url": "http://a.test/2",
        "canonical_url": "http://a.test/2",
        "text": "Lætitia Morel rejoint L’Oréal.",
        "published_at": "2024-02-01",
    }
    extraction = {
        "entities": [{"label": "ORG", "text": "L’Oréal", "start": 22, "end": 29, "rule": "gazetteer"}]
    }
    db.save_article(upgraded, article, extraction)
    assert upgraded.execute("SELECT count(*) FROM entities WHERE label = 'ORG'").fetchone()[0] == 2
    assert upgraded.execute("SELECT entity_id, rule FROM mentions WHERE article_id = 2").fetchall() == [
        (1, "gazetteer")
    ]


def test_name_key_folds_apostrophes_and_ligatures():
    assert db.name_key("L’Oréal") == db.name_key("L'Oréal") == "l oreal"
    assert db.name_key("Lætitia") == "laetitia"
    assert db.name_key("Cœur") == "coeur"


def test_a_range_keeps_both_ends_and_is_never_summed(tmp_path):
    from db.queries import connect_readonly, run_query

    database = db.open_db(tmp_path / "veille.db")
    article = {
        "source": "demo",
        "url": "http://a.test/r",
        "canonical_url": "http://a.test/r",
        "text": "Quillon vise entre 40 et 60 millions d'euros.",
        "published_at": "2024-03-01",
    }
    ends = [("40", 40e6, "low"), ("60 millions d'euros", 60e6, "high")]
    extraction = {
        "entities": [
            {
                "label": "MONEY",
                "text": t,
                "start": 0,
                "end": 2,
                "value": v,
                "currency": "EUR",
                "about": "Quillon",
                "range": r,
            }
            for t, v, r in ends
        ]
    }
    db.save_article(database, article, extraction)
    database.close()
    conn = connect_readonly(tmp_path / "veille.db")
    columns, cursor = run_query(conn, "montants", {"company": "quillon", "currency": "", "by": "month"})
    (row,) = [dict(zip(columns, r, strict=True)) for r in cursor]
    # montants adds nothing up (#13): both ends are listed, the maximum is the high end
    assert (row["montants"], row["valeur_max"]) == (2, 60e6)
    assert "40\u00a0M€" in row["valeurs"] and "60\u00a0M€" in row["valeurs"]
    assert conn.execute("SELECT range_end FROM amounts ORDER BY value").fetchall() == [("low",), ("high",)]
