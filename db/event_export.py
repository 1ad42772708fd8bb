"""`veille export events`: the rows of the canned query `evenements`, written as csv, json or jsonl."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from db.export import EntityNotFound, write_rows
from db.queries import close_matches, connect_readonly, run_query


def company_known(conn, company: str) -> bool:
    """Is ``company`` a name or alias of an ORG entity (the rule of the query's company filter)?"""
    row = conn.execute(
        "SELECT 1 FROM entity_aliases al JOIN entities e ON e.id = al.entity_id "
        "WHERE al.alias_key = veille_name_key(?) AND e.label = 'ORG' LIMIT 1",
        [company],
    ).fetchone()
    return row is not None


def export_events(path: str | Path, out: TextIO, *, fmt: str = "csv", **filters: str) -> int:
    """Write the events matching ``filters`` (kind, company, since, until, min, currency; empty = all).

    Raise EntityNotFound (with close names) for a company the database does not know. Return the
    row count.
    """
    conn = connect_readonly(path)
    try:
        company = filters.get("company") or ""
        if company and not company_known(conn, company):
            raise EntityNotFound(company, close_matches(conn, company))
        columns, cursor = run_query(conn, "evenements", filters)
        return write_rows(columns, cursor, fmt, out)
    finally:
        conn.close()
