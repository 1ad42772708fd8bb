"""Exports: an entity's timeline (the canned query's rows) and a dump of every table.

Both read through a read-only connection inside one transaction, so a crawl writing at the
same time neither blocks them nor makes the files disagree with each other. Rows are streamed
from the cursor to the file: nothing is loaded whole into memory.
"""

from __future__ import annotations

import base64
import csv
import json
import logging
import os
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from db.csvsafe import neutralise
from db.queries import close_matches, connect_readonly, resolve_entity, run_query
from db.store import wraps_sqlite_errors

logger = logging.getLogger(__name__)

FORMATS = ("csv", "json", "jsonl")
DUMP_FORMATS = ("csv", "jsonl")


class EntityNotFound(LookupError):
    """No entity has that name, alias or id; ``suggestions`` lists close names."""

    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        hint = f" Close names: {', '.join(suggestions)}." if suggestions else ""
        super().__init__(f"no entity named {name!r}.{hint}")


def _plain(value: Any) -> Any:
    # No column of the schema holds bytes, but a dump must never fail on one: base64 text.
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def write_rows(columns: Sequence[str], rows: Iterable[Sequence[Any]], fmt: str, out: TextIO) -> int:
    """Write rows as csv (header line, like Datasette's .csv), json (array of objects) or jsonl.

    CSV text cells that a spreadsheet would evaluate (``=``, ``+``, ``-``, ``@``) get a leading
    apostrophe; json and jsonl keep every value exactly.

    Return the number of rows written.
    """
    count = 0
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            # text from the web must not become a spreadsheet formula (db/csvsafe.py)
            writer.writerow(["" if v is None else neutralise(_plain(v)) for v in row])
            count += 1
        return count
    if fmt not in ("json", "jsonl"):
        raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if fmt == "json":
        out.write("[")
    for row in rows:
        record = json.dumps({c: _plain(v) for c, v in zip(columns, row, strict=True)}, ensure_ascii=False)
        if fmt == "json":
            out.write(("\n" if count == 0 else ",\n") + record)
        else:
            out.write(record + "\n")
        count += 1
    if fmt == "json":
        out.write("\n]\n" if count else "]\n")
    return count


@wraps_sqlite_errors
def export_timeline(
    path: str | Path,
    entity: str,
    out: TextIO,
    *,
    by: str = "month",
    since: str = "",
    until: str = "",
    fmt: str = "csv",
    articles: bool = False,
) -> int:
    """Write the timeline of ``entity`` (counts per period, or with ``articles`` the articles behind
    each period): the rows of the canned queries chronologie_entite / chronologie_articles.

    Raise EntityNotFound (with close names) when no entity matches. Return the row count.
    """
    conn = connect_readonly(path)
    try:
        if resolve_entity(conn, entity) is None:
            raise EntityNotFound(entity, close_matches(conn, entity))
        name = "chronologie_articles" if articles else "chronologie_entite"
        params = {"entity": entity, "by": by, "since": since or "", "until": until or ""}
        columns, cursor = run_query(conn, name, params)
        return write_rows(columns, cursor, fmt, out)
    finally:
        conn.close()


def _exportable_tables(conn: sqlite3.Connection) -> list[str]:
    """Every table except SQLite's own and the full-text indexes (virtual tables and their shadows)."""
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    return [
        name for name, _ in rows if name not in virtual and not any(name.startswith(v + "_") for v in virtual)
    ]


def _schema_sql(conn: sqlite3.Connection, tables: list[str]) -> str:
    statements = []
    for kind, name, tbl, sql in conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 "
        "WHEN 'view' THEN 2 ELSE 3 END, name"
    ):
        shadow = kind == "table" and name not in tables and not sql.upper().startswith("CREATE VIRTUAL")
        if not shadow and (kind != "trigger" or tbl in tables):
            statements.append(sql.strip() + ";")
    return "\n\n".join(statements) + "\n"


def _write_atomically(target: Path, write) -> Any:
    partial = target.with_name(target.name + ".partial")
    with partial.open("w", encoding="utf-8", newline="") as out:
        result = write(out)
    os.replace(partial, target)
    return result


_README = """Export complet de la base veille ({database}), {exported_at}.

Un fichier par table ({fmt}) ; manifest.json donne pour chacune le nombre de lignes et les colonnes ;
schema.sql recrée les tables, index, vues et index plein texte.

Recharger dans une nouvelle base SQLite :
    sqlite3 nouvelle.db < schema.sql
    sqlite-utils insert nouvelle.db articles articles.{ext} {flag}
    (une commande par table ; les index plein texte se remplissent par leurs déclencheurs)
"""


@wraps_sqlite_errors
def dump_database(path: str | Path, directory: str | Path, fmt: str = "csv") -> dict[str, Any]:
    """Write every table of the database to ``directory`` (one file per table, streamed), plus
    manifest.json, schema.sql and README.txt. Return the manifest.
    """
    if fmt not in DUMP_FORMATS:
        raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(DUMP_FORMATS)}")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    conn = connect_readonly(path)
    try:
        conn.execute("BEGIN")  # one read snapshot for every file, even while cron writes
        tables = _exportable_tables(conn)
        entries = []
        for table in tables:
            cursor = conn.execute(f'SELECT * FROM "{table}"')
            columns = [d[0] for d in cursor.description]
            target = directory / f"{table}.{fmt}"
            rows = _write_atomically(target, lambda out, c=columns, cur=cursor: write_rows(c, cur, fmt, out))
            entries.append({"table": table, "file": target.name, "rows": rows, "columns": columns})
            logger.info("exported %s: %d rows", table, rows)
        views = [
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name")
        ]
        manifest = {
            "database": str(Path(path).resolve()),
            "schema_version": conn.execute("PRAGMA user_version").fetchone()[0],
            "exported_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
            "format": fmt,
            "tables": entries,
            "views_not_exported": views,
        }
        (directory / "schema.sql").write_text(_schema_sql(conn, tables), encoding="utf-8")
        conn.rollback()
    finally:
        conn.close()
    (directory / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    readme = _README.format(
        database=manifest["database"],
        exported_at=manifest["exported_at"],
        fmt=fmt,
        ext=fmt,
        flag="--csv --empty-null" if fmt == "csv" else "--nl",
    )
    (directory / "README.txt").write_text(readme, encoding="utf-8")
    return manifest
