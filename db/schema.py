"""The database schema: a public interface journalists write SQL against (documented in README).

Migrations are numbered and recorded in ``PRAGMA user_version``; ``ensure_schema`` applies the
missing ones in order, so an existing database upgrades in place. A migration must be idempotent
(CREATE ... IF NOT EXISTS): DDL scripts commit as they go, so a migration cut short by a crash is
simply run again; the version is written only after it completed. Add a migration at the end of
MIGRATIONS; never edit one that has shipped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import sqlite_utils

from db.rekey import rekey_entities

logger = logging.getLogger(__name__)

_V1_TABLES = """
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    url TEXT NOT NULL,
    canonical_url TEXT NOT NULL UNIQUE,
    title TEXT,
    author TEXT,
    published_at TEXT,
    fetched_at TEXT NOT NULL,
    lang TEXT,
    text TEXT NOT NULL,
    description TEXT,
    sitename TEXT,
    feed_url TEXT,
    word_count INTEGER,
    content_hash TEXT NOT NULL UNIQUE,
    nlp_version INTEGER,
    run_id INTEGER REFERENCES crawl_runs(id)
);
CREATE TABLE IF NOT EXISTS article_urls (
    url TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    first_seen_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entities (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    maker TEXT,
    first_seen_at TEXT,
    UNIQUE (label, name_key)
);
CREATE TABLE IF NOT EXISTS entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    alias_key TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias_key)
);
CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    label TEXT NOT NULL,
    surface TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence TEXT,
    published_at TEXT
);
CREATE TABLE IF NOT EXISTS amounts (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value REAL,
    currency TEXT,
    rate TEXT,
    surface TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    org_entity_id INTEGER REFERENCES entities(id),
    org TEXT,
    sentence TEXT,
    published_at TEXT
);
CREATE TABLE IF NOT EXISTS roles (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person_entity_id INTEGER NOT NULL REFERENCES entities(id),
    org_entity_id INTEGER REFERENCES entities(id),
    person TEXT NOT NULL,
    org TEXT,
    title TEXT,
    role TEXT,
    former INTEGER NOT NULL DEFAULT 0,
    sentence TEXT,
    start INTEGER,
    "end" INTEGER,
    published_at TEXT
);
CREATE TABLE IF NOT EXISTS crawl_runs (
    id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    status TEXT NOT NULL,
    pid INTEGER,
    exit_code INTEGER,
    sources_file TEXT,
    feeds_read INTEGER DEFAULT 0,
    pages_fetched INTEGER DEFAULT 0,
    new_articles INTEGER DEFAULT 0,
    duplicates INTEGER DEFAULT 0,
    errors INTEGER DEFAULT 0,
    stats TEXT
);
CREATE TABLE IF NOT EXISTS run_sources (
    run_id INTEGER NOT NULL REFERENCES crawl_runs(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    status TEXT NOT NULL,
    feeds_read INTEGER DEFAULT 0,
    feeds_failed INTEGER DEFAULT 0,
    pages_fetched INTEGER DEFAULT 0,
    new_articles INTEGER DEFAULT 0,
    duplicates INTEGER DEFAULT 0,
    errors INTEGER DEFAULT 0,
    errors_by_kind TEXT,
    PRIMARY KEY (run_id, source)
);
CREATE TABLE IF NOT EXISTS feed_state (
    url TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    last_status INTEGER,
    last_checked_at TEXT,
    last_success_at TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0
);
"""

_V1_INDEXES = """
CREATE INDEX IF NOT EXISTS idx_articles_published ON articles(published_at);
CREATE INDEX IF NOT EXISTS idx_articles_source_published ON articles(source, published_at);
CREATE INDEX IF NOT EXISTS idx_article_urls_article ON article_urls(article_id);
CREATE INDEX IF NOT EXISTS idx_entity_aliases_key ON entity_aliases(alias_key);
CREATE INDEX IF NOT EXISTS idx_mentions_entity_published ON mentions(entity_id, published_at, article_id);
CREATE INDEX IF NOT EXISTS idx_mentions_article ON mentions(article_id, entity_id);
CREATE INDEX IF NOT EXISTS idx_amounts_article ON amounts(article_id);
CREATE INDEX IF NOT EXISTS idx_amounts_org ON amounts(org_entity_id, published_at);
CREATE INDEX IF NOT EXISTS idx_amounts_currency ON amounts(kind, currency, published_at);
CREATE INDEX IF NOT EXISTS idx_roles_org ON roles(org_entity_id, published_at);
CREATE INDEX IF NOT EXISTS idx_roles_person ON roles(person_entity_id, published_at);
CREATE INDEX IF NOT EXISTS idx_roles_article ON roles(article_id);
CREATE INDEX IF NOT EXISTS idx_run_sources_source ON run_sources(source, run_id);
"""

# Mentions with their article, the base every timeline query reads.
_V1_VIEWS = """
CREATE VIEW IF NOT EXISTS entity_mentions AS
SELECT
    m.entity_id, e.name AS entity, e.label, m.article_id,
    COALESCE(a.published_at, a.fetched_at) AS published_at,
    substr(COALESCE(a.published_at, a.fetched_at), 1, 10) AS day,
    strftime('%Y-W%W', substr(COALESCE(a.published_at, a.fetched_at), 1, 10)) AS week,
    substr(COALESCE(a.published_at, a.fetched_at), 1, 7) AS month,
    a.source, a.title, a.url, m.surface, m.sentence
FROM mentions m
JOIN entities e ON e.id = m.entity_id
JOIN articles a ON a.id = m.article_id;
"""


def _v1_initial(db: sqlite_utils.Database) -> None:
    db.executescript(_V1_TABLES + _V1_INDEXES + _V1_VIEWS)
    if "articles_fts" not in db.table_names():
        db["articles"].enable_fts(
            ["title", "text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
        )
    if "entities_fts" not in db.table_names():
        db["entities"].enable_fts(["name"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")


def _v2_covering_mentions_index(db: sqlite_utils.Database) -> None:
    # co-mentions read (article_id, entity_id, published_at) for every article of an entity:
    # a covering index answers without touching the table (bench/bench_queries.py: ~2x on 1M mentions)
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_mentions_article_cover ON mentions(article_id, entity_id, published_at)"
    )
    db.execute("DROP INDEX IF EXISTS idx_mentions_article")


# Business events (nlp veille_events, kinds of ../shared/eval/EVENTS.md): one row per event found in an
# article; companies taking part besides the main one (investors, partner, target) in event_participants.
_V3_EVENTS = """
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    org_entity_id INTEGER REFERENCES entities(id),
    org TEXT,
    target_entity_id INTEGER REFERENCES entities(id),
    target TEXT,
    partner_entity_id INTEGER REFERENCES entities(id),
    partner TEXT,
    person_entity_id INTEGER REFERENCES entities(id),
    person TEXT,
    title TEXT,
    role TEXT,
    product TEXT,
    amount_value REAL,
    amount_currency TEXT,
    stake REAL,
    job_count INTEGER,
    period TEXT,
    authority TEXT,
    background INTEGER NOT NULL DEFAULT 0,
    sentence TEXT,
    start INTEGER,
    "end" INTEGER,
    rule TEXT,
    published_at TEXT
);
CREATE TABLE IF NOT EXISTS event_participants (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    entity_id INTEGER REFERENCES entities(id),
    name TEXT NOT NULL,
    part TEXT NOT NULL,
    PRIMARY KEY (event_id, name, part)
);
CREATE INDEX IF NOT EXISTS idx_events_org ON events(org_entity_id, published_at);
CREATE INDEX IF NOT EXISTS idx_events_kind ON events(kind, published_at);
CREATE INDEX IF NOT EXISTS idx_events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS idx_event_participants_entity ON event_participants(entity_id, event_id);
"""


def _v3_events(db: sqlite_utils.Database) -> None:
    db.executescript(_V3_EVENTS)
    if "events_fts" not in db.table_names():
        db["events"].enable_fts(["sentence"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")


def _v4_failed_urls(db: sqlite_utils.Database) -> None:
    # article links that failed for a reason that does not pass by itself (404, 410, not HTML, too
    # large): the crawl skips them until retry_after instead of fetching them again every hour
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS failed_urls (
            url TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            kind TEXT NOT NULL,
            failures INTEGER NOT NULL DEFAULT 1,
            first_failed_at TEXT NOT NULL,
            last_failed_at TEXT NOT NULL,
            retry_after TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS idx_failed_urls_retry ON failed_urls(retry_after);
        """
    )


def _v5_article_date_source(db: sqlite_utils.Database) -> None:
    # which rule gave published_at (crawler.pagedates): a journalist can tell a page's own JSON-LD date
    # from a feed's; NULL for the articles stored before
    if "date_source" not in db["articles"].columns_dict:
        db.execute("ALTER TABLE articles ADD COLUMN date_source TEXT")


def _v6_name_keys_and_rules(db: sqlite_utils.Database) -> None:
    # name_key now folds ligatures and apostrophes ("L’Oréal" = "L'Oréal", "Lætitia" = "Laetitia"):
    # existing keys are recomputed and the entities they now join are merged. Every mention, role
    # and amount also records the extraction rule that produced it, and a range end its side.
    rekey_entities(db)
    for table, column in (
        ("mentions", "rule"),
        ("roles", "rule"),
        ("amounts", "rule"),
        ("amounts", "range_end"),
    ):
        if column not in db[table].columns_dict:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")


def _v7_feed_state_fallbacks(db: sqlite_utils.Database) -> None:
    # which address of a source worked: a 200 with no item is not a working feed (sources #14);
    # fallback marks the addresses read only because the source's first ones gave nothing
    columns = {c.name for c in db["feed_state"].columns}
    if "last_items" not in columns:
        db.execute("ALTER TABLE feed_state ADD COLUMN last_items INTEGER")
    if "fallback" not in columns:
        db.execute("ALTER TABLE feed_state ADD COLUMN fallback INTEGER NOT NULL DEFAULT 0")


def _v8_event_counterparty(db: sqlite_utils.Database) -> None:
    # legal events name the other side ("UFC-Que Choisir assigne X", "le litige avec Y"), not only an authority
    if "counterparty" not in db["events"].columns_dict:
        db.execute("ALTER TABLE events ADD COLUMN counterparty TEXT")


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1_initial,
    _v2_covering_mentions_index,
    _v3_events,
    _v4_failed_urls,
    _v5_article_date_source,
    _v6_name_keys_and_rules,
    _v7_feed_state_fallbacks,
    _v8_event_counterparty,
]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def ensure_schema(db: sqlite_utils.Database) -> int:
    """Apply missing migrations in order; return the number applied. Idempotent."""
    current = schema_version(db)
    if current > SCHEMA_VERSION:
        raise RuntimeError(
            f"database schema version {current} is newer than this veille ({SCHEMA_VERSION}): upgrade veille"
        )
    for version in range(current + 1, SCHEMA_VERSION + 1):
        logger.info("applying database migration %d", version)
        MIGRATIONS[version - 1](db)
        db.execute(f"PRAGMA user_version = {version}")
    return SCHEMA_VERSION - current
