"""The SQL of the journalists' workbench: one definition each, shared by Datasette and the CLI.

Every query here is a Datasette canned query (``db.metadata`` publishes them) and the CLI runs
the very same text (``veille export timeline``), so ``/veille/chronologie_entite.csv?entity=Cisco``
and ``veille export timeline Cisco --format csv`` give the same rows.

Two SQL functions must be registered on the connection (``register_functions``); the Datasette
plugin does it for every connection it opens:

- ``veille_name_key(text)``: the comparison key of ``db.names.name_key`` (case, accents and
  punctuation folded), so an entity is found by any of its names or aliases;
- ``veille_fts_query(text)``: a journalist's search words turned into a safe FTS5 query.

Parameters left empty ('') mean "no filter": Datasette passes every named parameter of a
canned query, empty when the form field is blank.
"""

from __future__ import annotations

import difflib
import logging
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.names import name_key

logger = logging.getLogger(__name__)

PERIODS = ("day", "week", "month")

_FTS_TOKEN = re.compile(r"\w+\*?", re.UNICODE)


def fts_query(text: str | None) -> str:
    """Turn search words into an FTS5 query: every word must appear; ``word*`` searches a prefix.

    Quotes and operators typed by the user are not interpreted, so no input is an FTS syntax error.
    """
    terms = []
    for token in _FTS_TOKEN.findall(str(text or "")):
        prefix = token.endswith("*")
        word = token.rstrip("*")
        terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(terms) or '""'


def register_functions(conn: sqlite3.Connection) -> None:
    """Register the SQL functions the queries need on a sqlite3 connection."""
    conn.create_function("veille_name_key", 1, name_key, deterministic=True)
    conn.create_function("veille_fts_query", 1, fts_query, deterministic=True)


def _period(column: str) -> str:
    """SQL naming the period (:by = day | week | month, else month) of an ISO date column.

    A day is YYYY-MM-DD, a month YYYY-MM, a week the date of its Monday (ISO weeks start on Monday).
    """
    day = f"substr({column}, 1, 10)"
    return (
        f"CASE :by WHEN 'day' THEN {day} WHEN 'week' THEN date({day}, 'weekday 0', '-6 days') "
        f"ELSE substr({column}, 1, 7) END"
    )


# The evidence: the first sentence of article a citing the target t.
_EVIDENCE = """(SELECT m2.sentence FROM mentions m2 WHERE m2.article_id = a.id AND m2.entity_id = t.id
        AND m2.sentence IS NOT NULL ORDER BY m2.start LIMIT 1)"""


# The entity asked for (:entity): a name or alias (case and accents ignored) or its numeric id.
# An exact name wins over an alias, then the entity with most mentions: "Cisco" is Cisco Systems
# when that ORG has the alias "Cisco".
_TARGET = """target AS (
    SELECT e.id, e.name, e.label FROM entities e
    JOIN (
        SELECT al.entity_id, 1 AS rank FROM entity_aliases al
        WHERE al.alias_key = veille_name_key(:entity)
        UNION ALL
        SELECT e2.id, 2 AS rank FROM entities e2
        WHERE trim(:entity) != '' AND trim(:entity) NOT GLOB '*[^0-9]*' AND e2.id = CAST(trim(:entity) AS INTEGER)
    ) c ON c.entity_id = e.id
    ORDER BY c.rank, e.name_key = veille_name_key(:entity) DESC,
        (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) DESC, e.id
    LIMIT 1
)"""

# The mentions of the target in the date range, each with its period (:by day|week|month;
# anything else counts as month). A week is named by its Monday (ISO weeks start on Monday).
_HITS = f"""hits AS (
    SELECT m.article_id, m.published_at,
        {_period("m.published_at")} AS periode
    FROM mentions m
    WHERE m.entity_id = (SELECT id FROM target)
      AND (:since = '' OR m.published_at >= :since)
      AND (:until = '' OR m.published_at < date(:until, '+1 day'))
)"""

TIMELINE_SQL = f"""WITH {_TARGET},
{_HITS}
SELECT
    h.periode,
    count(*) AS mentions,
    count(DISTINCT h.article_id) AS articles,
    min(substr(h.published_at, 1, 10)) AS premier_jour,
    max(substr(h.published_at, 1, 10)) AS dernier_jour,
    t.id AS entite_id,
    t.name AS entite,
    t.label AS type
FROM hits h, target t
GROUP BY h.periode
ORDER BY h.periode"""

TIMELINE_ARTICLES_SQL = f"""WITH {_TARGET},
{_HITS}
SELECT
    h.periode,
    substr(h.published_at, 1, 10) AS date,
    a.source,
    a.title AS titre,
    a.canonical_url AS lien,
    count(*) AS mentions,
    {_EVIDENCE} AS phrase,
    a.id AS article_id,
    t.id AS entite_id,
    t.name AS entite
FROM hits h
JOIN articles a ON a.id = h.article_id
JOIN target t
GROUP BY h.periode, a.id
ORDER BY h.periode, h.published_at, a.id"""

# A feed with no entry yet still needs one (datasette-atom fails on an empty feed): this placeholder
# keeps a subscription valid until the first article arrives.
_EMPTY_FEED_ROW = """SELECT 'tag:veille,2024:empty' AS atom_id, 'Aucun article pour le moment' AS atom_title,
    '2000-01-01T00:00:00Z' AS atom_updated, '' AS atom_link,
    'Ce flux est vide : les nouveaux articles y apparaîtront après les prochaines collectes.' AS atom_content,
    NULL AS atom_author_name"""

# Atom feed of new mentions of one entity: datasette-atom renders the atom_* columns.
ENTITY_FEED_SQL = f"""WITH {_TARGET},
feed AS (
    SELECT
        'tag:veille,2024:article/' || a.id || '/entity/' || t.id AS atom_id,
        '[' || a.source || '] ' || COALESCE(a.title, a.canonical_url) AS atom_title,
        strftime('%Y-%m-%dT%H:%M:%SZ', max(m.published_at)) AS atom_updated,
        a.canonical_url AS atom_link,
        {_EVIDENCE} AS atom_content,
        a.author AS atom_author_name,
        t.name AS entite,
        a.source,
        a.published_at AS date
    FROM mentions m
    JOIN target t ON m.entity_id = t.id
    JOIN articles a ON a.id = m.article_id
    GROUP BY a.id
    ORDER BY max(m.published_at) DESC, a.id DESC
    LIMIT 50
)
SELECT * FROM feed
UNION ALL
{_EMPTY_FEED_ROW}, NULL, NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM feed)
ORDER BY atom_updated DESC, atom_id DESC"""

# Executives by company: one row per (company, person, title), the latest article first.
WHO_RUNS_WHAT_SQL = """WITH ranked AS (
    SELECT r.*, row_number() OVER (
        PARTITION BY r.org_entity_id, r.person_entity_id, COALESCE(r.role, r.title), r.former
        ORDER BY r.published_at DESC, r.id DESC) AS n,
        count(*) OVER (
        PARTITION BY r.org_entity_id, r.person_entity_id, COALESCE(r.role, r.title), r.former) AS sources
    FROM roles r
    WHERE r.org_entity_id IS NOT NULL
      AND (:company = '' OR r.org_entity_id IN (
            SELECT al.entity_id FROM entity_aliases al WHERE al.alias_key = veille_name_key(:company)))
)
SELECT
    o.name AS entreprise,
    p.name AS personne,
    r.title AS fonction,
    r.role,
    CASE WHEN r.former THEN 'ancien' ELSE '' END AS statut,
    substr(r.published_at, 1, 10) AS date,
    r.sources AS articles,
    a.title AS article,
    a.canonical_url AS lien,
    a.source,
    r.sentence AS phrase
FROM ranked r
JOIN entities o ON o.id = r.org_entity_id
JOIN entities p ON p.id = r.person_entity_id
JOIN articles a ON a.id = r.article_id
WHERE r.n = 1
ORDER BY r.published_at DESC, o.name, p.name
LIMIT 1000"""

# Amounts by company, currency and period (:by); the largest first within a period. The low end of
# a range ('entre 40 et 60 millions') is listed but not added to the total: the range counts once.
AMOUNTS_SQL = f"""SELECT
    COALESCE(o.name, '(non rattaché)') AS entreprise,
    am.kind AS type,
    COALESCE(am.currency, '') AS devise,
    {_period("am.published_at")} AS periode,
    count(*) AS montants,
    count(DISTINCT am.article_id) AS articles,
    sum(CASE WHEN am.range_end = 'low' THEN 0 ELSE am.value END) AS total,  -- a range counts once, by its high end
    max(am.value) AS maximum,
    group_concat(DISTINCT am.surface) AS libelles
FROM amounts am
LEFT JOIN entities o ON o.id = am.org_entity_id
WHERE (:company = '' OR am.org_entity_id IN (
        SELECT al.entity_id FROM entity_aliases al WHERE al.alias_key = veille_name_key(:company)))
  AND (:currency = '' OR am.currency = upper(:currency))
GROUP BY entreprise, type, devise, periode
ORDER BY periode DESC, total DESC
LIMIT 1000"""

# The entities most often in the same articles as :entity (optionally of one :label).
CO_MENTIONS_SQL = f"""WITH {_TARGET},
its_articles AS (SELECT DISTINCT article_id FROM mentions WHERE entity_id = (SELECT id FROM target)),
co AS (
    -- grouped on the entity id first, names joined after: half the time on a very cited entity
    SELECT m.entity_id, count(DISTINCT m.article_id) AS articles_communs, count(*) AS mentions,
           max(substr(m.published_at, 1, 10)) AS derniere_date
    FROM mentions m
    JOIN its_articles ia ON ia.article_id = m.article_id
    WHERE m.entity_id != (SELECT id FROM target)
    GROUP BY m.entity_id
)
SELECT
    e.name AS entite,
    e.label AS type,
    co.articles_communs,
    co.mentions,
    co.derniere_date,
    e.id AS entite_id,
    (SELECT name FROM target) AS avec
FROM co
JOIN entities e ON e.id = co.entity_id
WHERE (:label = '' OR e.label = upper(:label))
ORDER BY co.articles_communs DESC, co.mentions DESC, e.name
LIMIT 100"""

# Full-text search with highlighted extracts; the ⟦ ⟧ marks become <mark> in the browser only
# (the plugin escapes the text first), so article text is never rendered as HTML.
SEARCH_SQL = """SELECT
    a.id AS article_id,
    substr(a.published_at, 1, 10) AS date,
    a.source,
    a.title AS titre,
    snippet(articles_fts, 1, '⟦', '⟧', '…', 24) AS extrait,
    a.canonical_url AS lien
FROM articles_fts
JOIN articles a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH veille_fts_query(:q)
  AND (:source = '' OR a.source = :source)
ORDER BY rank
LIMIT 200"""

# The same search as an Atom feed: a saved search a journalist subscribes to.
SEARCH_FEED_SQL = f"""WITH latest AS (
    SELECT a.id FROM articles_fts
    JOIN articles a ON a.id = articles_fts.rowid
    WHERE articles_fts MATCH veille_fts_query(:q)
    ORDER BY COALESCE(a.published_at, a.fetched_at) DESC
    LIMIT 50
),
feed AS (
    -- snippet() only for the 50 latest: it is the costly part of a search matching many articles
    SELECT
        'tag:veille,2024:article/' || a.id AS atom_id,
        '[' || a.source || '] ' || COALESCE(a.title, a.canonical_url) AS atom_title,
        strftime('%Y-%m-%dT%H:%M:%SZ', COALESCE(a.published_at, a.fetched_at)) AS atom_updated,
        a.canonical_url AS atom_link,
        snippet(articles_fts, 1, '', '', '…', 32) AS atom_content,
        a.author AS atom_author_name
    FROM articles_fts
    JOIN articles a ON a.id = articles_fts.rowid
    WHERE articles_fts MATCH veille_fts_query(:q) AND articles_fts.rowid IN (SELECT id FROM latest)
)
SELECT * FROM feed
UNION ALL
{_EMPTY_FEED_ROW} WHERE NOT EXISTS (SELECT 1 FROM feed)
ORDER BY atom_updated DESC, atom_id DESC"""

# Entities with their mention counts: the way in to the timeline pages.
ENTITY_INDEX_SQL = """SELECT
    e.id AS entite_id,
    e.name AS entite,
    e.label AS type,
    count(m.id) AS mentions,
    count(DISTINCT m.article_id) AS articles,
    min(substr(m.published_at, 1, 10)) AS premiere_date,
    max(substr(m.published_at, 1, 10)) AS derniere_date,
    '/-/veille/entity/' || e.id AS chronologie
FROM entities e
JOIN mentions m ON m.entity_id = e.id
WHERE (:label = '' OR e.label = upper(:label))
  AND (:q = '' OR e.id IN (
        SELECT al.entity_id FROM entity_aliases al
        WHERE al.alias_key LIKE '%' || veille_name_key(:q) || '%'))
GROUP BY e.id
ORDER BY mentions DESC, e.name
LIMIT 500"""


@dataclass(frozen=True)
class CannedQuery:
    name: str
    title: str
    description: str
    sql: str
    params: tuple[str, ...]


CANNED_QUERIES: tuple[CannedQuery, ...] = (
    CannedQuery(
        "entites",
        "Entités les plus citées",
        "Entreprises, personnes et produits avec leur nombre de mentions ; la colonne « chronologie » "
        "mène au graphique. Filtres : type (ORG, PERSON, PRODUCT), q (partie du nom).",
        ENTITY_INDEX_SQL,
        ("label", "q"),
    ),
    CannedQuery(
        "chronologie_entite",
        "Chronologie d'une entité",
        "Mentions et articles par période (by = day, week ou month) pour une entité cherchée par nom, "
        "alias ou identifiant (casse et accents ignorés) ; since / until : dates AAAA-MM-JJ incluses.",
        TIMELINE_SQL,
        ("entity", "by", "since", "until"),
    ),
    CannedQuery(
        "chronologie_articles",
        "Articles de la chronologie d'une entité",
        "Les articles derrière chaque période de la chronologie : date, source, titre, lien et phrase "
        "où l'entité est citée.",
        TIMELINE_ARTICLES_SQL,
        ("entity", "by", "since", "until"),
    ),
    CannedQuery(
        "qui_dirige_quoi",
        "Qui dirige quoi",
        "Dirigeants par entreprise, le plus récent d'abord, avec l'article source et la phrase. "
        "company : nom de l'entreprise (vide = toutes).",
        WHO_RUNS_WHAT_SQL,
        ("company",),
    ),
    CannedQuery(
        "montants",
        "Montants par entreprise, devise et période",
        "Sommes et pourcentages relevés dans les articles, regroupés par entreprise, devise et période "
        "(by = day, week ou month). company et currency (EUR, USD…) facultatifs.",
        AMOUNTS_SQL,
        ("company", "currency", "by"),
    ),
    CannedQuery(
        "co_mentions",
        "Co-mentions",
        "Les entités le plus souvent citées dans les mêmes articles que l'entité donnée "
        "(label facultatif : ORG, PERSON, PRODUCT).",
        CO_MENTIONS_SQL,
        ("entity", "label"),
    ),
    CannedQuery(
        "recherche",
        "Recherche plein texte",
        "Articles contenant tous les mots cherchés (accents ignorés ; mot* pour un préfixe), avec "
        "l'extrait où ils apparaissent. source facultative.",
        SEARCH_SQL,
        ("q", "source"),
    ),
    CannedQuery(
        "nouvelles_mentions",
        "Flux : nouvelles mentions d'une entité",
        "Les 50 derniers articles citant l'entité ; ajoutez .atom à l'adresse pour vous abonner "
        "dans un lecteur de flux.",
        ENTITY_FEED_SQL,
        ("entity",),
    ),
    CannedQuery(
        "flux_recherche",
        "Flux : recherche enregistrée",
        "Les 50 derniers articles contenant les mots cherchés ; ajoutez .atom à l'adresse pour "
        "suivre cette recherche dans un lecteur de flux.",
        SEARCH_FEED_SQL,
        ("q",),
    ),
)

QUERIES_BY_NAME = {q.name: q for q in CANNED_QUERIES}


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """Open the database read-only (cron may be writing) with the workbench SQL functions."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no database at {path}")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    conn.execute("PRAGMA busy_timeout = 30000")
    register_functions(conn)
    return conn


def run_query(
    conn: sqlite3.Connection, name: str, params: dict[str, Any]
) -> tuple[list[str], sqlite3.Cursor]:
    """Run the canned query ``name``; missing parameters are ''. Return (columns, row cursor)."""
    query = QUERIES_BY_NAME[name]
    values = {p: ("" if params.get(p) is None else str(params[p])) for p in query.params}
    cursor = conn.execute(query.sql, values)
    return [d[0] for d in cursor.description], cursor


def resolve_entity(conn: sqlite3.Connection, entity: str) -> dict[str, Any] | None:
    """The entity a name, alias or id designates (the rule of the timeline query), or None."""
    cursor = conn.execute(f"WITH {_TARGET} SELECT id, name, label FROM target", {"entity": entity})
    row = cursor.fetchone()
    return None if row is None else {"id": row[0], "name": row[1], "label": row[2]}


def close_matches(conn: sqlite3.Connection, entity: str, limit: int = 8) -> list[str]:
    """Known names close to ``entity`` (spelling or part of the name), for "did you mean".

    The alias keys are read once (a few MB for a large database) for difflib.
    """
    key = name_key(entity)
    if not key:
        return []
    aliases: dict[str, str] = {}
    for alias, alias_key in conn.execute("SELECT alias, alias_key FROM entity_aliases ORDER BY entity_id"):
        aliases.setdefault(alias_key, alias)
    close = difflib.get_close_matches(key, list(aliases), n=limit, cutoff=0.6)
    partial = sorted((k for k in aliases if key in k.split() or k.startswith(key)), key=len)
    keys = list(dict.fromkeys(close + partial))[:limit]
    return [aliases[k] for k in keys]
