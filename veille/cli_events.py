"""`veille export events`: business events as csv/json/jsonl; added to the `export` group by veille.cli."""

from __future__ import annotations

import click

from db.events_fr import EVENT_KINDS
from veille import exitcodes
from veille.cli_db import _database_file, _fail, _iso_date, write_output

_KINDS = tuple(EVENT_KINDS)  # the ten kinds of EVENTS.md


@click.command("events")
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="SQLite database.")
@click.option("--kind", type=click.Choice(_KINDS), help="Only this kind of event.")
@click.option("--company", default="", help="Company of the event or taking part (name or alias).")
@click.option("--since", callback=_iso_date, metavar="YYYY-MM-DD", help="First day included.")
@click.option("--until", callback=_iso_date, metavar="YYYY-MM-DD", help="Last day included.")
@click.option("--min", "minimum", type=click.FloatRange(min=0), help="Smallest amount, in units (10000000).")
@click.option("--currency", default="", help="Amounts in this currency only (EUR, USD...).")
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "json", "jsonl"]), default="csv", show_default=True
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File (default: stdout)."
)
def export_events_cmd(
    db_path: str,
    kind: str | None,
    company: str,
    since: str,
    until: str,
    minimum: float | None,
    currency: str,
    fmt: str,
    output: str | None,
) -> None:
    """Business events (acquisitions, fundings, appointments...), the latest first.

    The same rows as the Datasette canned query evenements. An unknown company exits with code 5
    and lists close names.

    Example: veille export events --db veille.db --kind funding --since 2025-01-01 --format json
    """
    from db.event_export import export_events
    from db.export import EntityNotFound

    path = _database_file(db_path)
    filters = {
        "kind": kind or "",
        "company": company,
        "since": since,
        "until": until,
        "min": "" if minimum is None else repr(minimum),
        "currency": currency,
    }
    try:
        write_output(output, lambda out: export_events(path, out, fmt=fmt, **filters))
    except EntityNotFound as exc:
        _fail(f"{exc} (database {db_path})", exitcodes.NOT_FOUND)
