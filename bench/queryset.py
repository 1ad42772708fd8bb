"""The queries bench_queries times: the project's canned queries from db/queries.py, unchanged.

Each case runs the same SQL text twice per round: directly on SQLite (``db.queries.run_query``
on a read-only connection with the workbench SQL functions) and as the Datasette canned query
over HTTP (``/<db>/<query>.json``), so the HTTP overhead is measured side by side.
"""

from __future__ import annotations

import sqlite3
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db import queries


@dataclass
class Case:
    name: str
    description: str
    canned: str  # name of the canned query in db/queries.py
    params: dict[str, str]

    @property
    def sql(self) -> str:
        return queries.QUERIES_BY_NAME[self.canned].sql

    @property
    def bound(self) -> dict[str, str]:
        """Every parameter of the query, '' when not given (as Datasette passes them)."""
        return {p: self.params.get(p, "") for p in queries.QUERIES_BY_NAME[self.canned].params}

    def http_path(self, database: str) -> str:
        query = urllib.parse.urlencode({**self.params, "_shape": "array"})
        return f"/{database}/{self.canned}.json?{query}"

    def run_direct(self, conn: sqlite3.Connection) -> list[Any]:
        _, cursor = queries.run_query(conn, self.canned, self.params)
        return cursor.fetchall()


def connect(db_path: Path) -> sqlite3.Connection:
    return queries.connect_readonly(db_path)


def pick_entities(db_path: Path) -> dict[str, dict[str, Any]]:
    """The most mentioned entity and the median one (by mention count, among mentioned entities)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    counts = conn.execute(
        "SELECT entity_id, count(*) AS n FROM mentions GROUP BY entity_id ORDER BY n DESC, entity_id"
    ).fetchall()
    chosen = {"popular": counts[0], "median": counts[len(counts) // 2]}
    out = {}
    for role, (ident, n) in chosen.items():
        name, label = conn.execute("SELECT name, label FROM entities WHERE id = ?", [ident]).fetchone()
        articles = conn.execute(
            "SELECT count(DISTINCT article_id) FROM mentions WHERE entity_id = ?", [ident]
        ).fetchone()[0]
        out[role] = {"id": ident, "name": name, "label": label, "mentions": n, "articles": articles}
    conn.close()
    return out


def build_cases(db_path: Path) -> tuple[list[Case], dict[str, Any]]:
    """The cases, and the entities they are about."""
    entities = pick_entities(db_path)
    for role, ent in entities.items():
        print(
            f"{role} entity: {ent['name']} ({ent['label']}, {ent['mentions']:,} mentions "
            f"in {ent['articles']:,} articles)"
        )
    cases: list[Case] = []
    for role, ent in entities.items():
        name = ent["name"]
        cases.append(
            Case(f"timeline_month_{role}", f"timeline by month of {name}", "chronologie_entite",
                 {"entity": name, "by": "month"})
        )  # fmt: skip
        cases.append(
            Case(f"co_mentions_{role}", f"entities most often with {name}", "co_mentions", {"entity": name})
        )
    searches = {
        "search_popular_name": entities["popular"]["name"],
        "search_median_name": entities["median"]["name"],
        "search_two_words": "souveraineté numérique",
    }
    for case_name, words in searches.items():
        cases.append(Case(case_name, f"full-text search: {words}", "recherche", {"q": words}))
    return cases, entities
