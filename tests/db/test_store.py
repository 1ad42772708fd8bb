from __future__ import annotations

import sqlite3

import pytest

import db

ARTICLE = {
    "source": "demo",
    "url": "http://example.test/a1?utm_source=rss",
    "canonical_url": "http://example.test/a1",
    "title": "Cisco rachète Splunk",
    "text": "Cisco rachète Splunk pour 28 milliards de dollars. Chuck Robbins, PDG de Cisco, s'en félicite.",
    "published_at": "2024-01-02T10:00:00+00:00",
}
EXTRACTION = {
    "entities": [
        {
            "label": "ORG",
            "text": "Cisco",
            "start": 0,
            "end": 5,
            "canonical": "Cisco Systems",
            "sentence": "Cisco rachète",
        },
        {
            "label": "MONEY",
            "text": "28 milliards de dollars",
            "start": 26,
            "end": 49,
            "value": 28e9,
            "currency": "USD",
            "about": "Cisco",
        },
        {"label": "PERCENT", "text": "3 %", "start": 0, "end": 3, "value": 3.0},
    ],
    "roles": [{"person": "Chuck Robbins", "org": "Cisco", "title": "PDG", "role": "CEO", "former": False}],
    "version": 1,
}


@pytest.fixture
def database(tmp_path):
    return db.open_db(tmp_path / "veille.db")


def count(database, table):
    return database.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_open_db_uses_wal_and_is_idempotent(tmp_path):
    path = tmp_path / "v.db"
    first = db.open_db(path)
    assert first.journal_mode == "wal"
    assert db.ensure_schema(db.open_db(path)) == 0
    assert first.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION


def test_open_db_in_missing_folder_says_so(tmp_path):
    with pytest.raises(db.DatabaseError, match="does not exist"):
        db.open_db(tmp_path / "nope" / "v.db")


def test_save_article_stores_everything(database):
    saved = db.save_article(database, ARTICLE, EXTRACTION)
    assert saved.created
    assert count(database, "mentions") == 1
    assert count(database, "amounts") == 2
    (role,) = database.query("SELECT * FROM roles")
    assert (role["person"], role["org"], role["role"]) == ("Chuck Robbins", "Cisco", "CEO")
    # the role's org "Cisco" resolves to the entity whose alias it is
    assert (
        role["org_entity_id"]
        == database.execute("SELECT id FROM entities WHERE name = 'Cisco Systems'").fetchone()[0]
    )


def test_second_save_adds_no_rows(database):
    db.save_article(database, ARTICLE, EXTRACTION)
    before = {t: count(database, t) for t in ("articles", "mentions", "amounts", "roles", "entities")}
    again = db.save_article(database, ARTICLE, EXTRACTION)
    assert not again.created
    assert before == {t: count(database, t) for t in before}


def test_same_text_at_two_urls_is_stored_once_with_both_urls(database):
    first = db.save_article(database, ARTICLE, EXTRACTION)
    other = dict(
        ARTICLE,
        url="http://mirror.test/x",
        canonical_url="http://mirror.test/x",
        text=ARTICLE["text"].upper(),
    )
    second = db.save_article(database, other)
    assert second.article_id == first.article_id and not second.created
    assert count(database, "articles") == 1
    assert "http://mirror.test/x" in db.known_urls(database)


def test_failed_extraction_write_leaves_no_partial_article(database):
    bad = {
        "entities": [{"label": "ORG", "text": "Cisco", "start": "x" * 3, "end": 5}],
        "roles": [{"person": object()}],
    }
    with pytest.raises((db.DatabaseError, sqlite3.Error, TypeError)):
        db.save_article(database, ARTICLE, bad)
    assert count(database, "articles") == 0 and count(database, "article_urls") == 0


def test_save_extraction_replaces_previous_rows(database):
    saved = db.save_article(database, ARTICLE, EXTRACTION)
    db.save_extraction(database, saved.article_id, {"entities": [], "roles": [], "version": 2})
    assert count(database, "mentions") == count(database, "amounts") == count(database, "roles") == 0
    assert database.execute("SELECT nlp_version FROM articles").fetchone()[0] == 2


def test_fts_finds_articles_without_accents(database):
    db.save_article(database, ARTICLE, EXTRACTION)
    rows = list(database.query("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'felicite'"))
    assert len(rows) == 1


def test_run_log_and_feed_state(database):
    run = db.start_run(database, "crawl", "sources.toml")
    db.finish_run(
        database,
        run,
        status="partial",
        exit_code=1,
        sources={
            "a": {
                "feeds_read": 2,
                "pages_fetched": 5,
                "new_articles": 4,
                "errors": 1,
                "errors_by_kind": {"http_404": 1},
            },
            "b": {"status": "failed", "feeds_failed": 1, "errors": 1},
        },
    )
    (row,) = database.query("SELECT * FROM crawl_runs")
    assert (row["status"], row["new_articles"], row["errors"]) == ("partial", 4, 2)
    db.save_feed_state(database, "http://f/rss", "a", status=500, ok=False)
    db.save_feed_state(database, "http://f/rss", "a", status=500, ok=False)
    assert db.feed_states(database)["http://f/rss"]["consecutive_failures"] == 2
    db.save_feed_state(database, "http://f/rss", "a", status=200, ok=True, etag='"v1"')
    state = db.feed_states(database)["http://f/rss"]
    assert (state["consecutive_failures"], state["etag"]) == (0, '"v1"')


def test_a_version_1_database_upgrades_in_place_keeping_its_rows(tmp_path):
    import sqlite_utils

    from db.schema import MIGRATIONS

    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    MIGRATIONS[0](old)
    old.execute("PRAGMA user_version = 1")
    # rows as version 1 wrote them (today's writers need the columns of later migrations)
    old.execute(
        "INSERT INTO articles (id, source, url, canonical_url, text, fetched_at, content_hash) "
        "VALUES (1, 'demo', 'http://a.test/1', 'http://a.test/1', 'Cisco', '2024-01-01', 'h1')"
    )
    old.execute("INSERT INTO entities (id, label, name, name_key) VALUES (1, 'ORG', 'Cisco', 'cisco')")
    old.execute(
        "INSERT INTO mentions (article_id, entity_id, label, surface, start, \"end\") VALUES (1, 1, 'ORG', 'Cisco', 0, 5)"
    )
    old.conn.commit()
    old.close()

    upgraded = db.open_db(path)
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION
    assert "idx_mentions_article_cover" in {i.name for i in upgraded["mentions"].indexes}
    assert count(upgraded, "articles") == 1 and count(upgraded, "mentions") == 1


def test_date_source_is_stored_and_empty_for_articles_of_an_earlier_version(tmp_path):
    import sqlite_utils

    from db.schema import MIGRATIONS

    path = tmp_path / "v2.db"
    old = sqlite_utils.Database(path)
    for migration in MIGRATIONS[:2]:
        migration(old)
    old.execute("PRAGMA user_version = 2")
    # a row as a version-2 veille wrote it (today's writers need the newer columns)
    old.execute(
        "INSERT INTO articles (source, url, canonical_url, fetched_at, text, content_hash) VALUES (?, ?, ?, ?, ?, ?)",
        [ARTICLE["source"], ARTICLE["url"], ARTICLE["url"], "2025-01-01T00:00:00+00:00", "Texte.", "h1"],
    )
    old.close()

    upgraded = db.open_db(path)
    newer = {
        **ARTICLE,
        "url": "https://a.fr/b",
        "canonical_url": None,
        "text": "Autre texte.",
        "date_source": "jsonld",
    }
    db.save_article(upgraded, newer)
    rows = upgraded.execute("SELECT url, date_source FROM articles ORDER BY id").fetchall()
    assert rows == [(ARTICLE["url"], None), ("https://a.fr/b", "jsonld")]
