"""Workbench commands: `veille serve`, `veille hash-password`, `veille export timeline|dump`.

Registered by veille.cli. Datasette is imported only by the commands that need it, so the
other commands start fast.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

import click

from veille import exitcodes

logger = logging.getLogger(__name__)

PASSWORD_ENV = "VEILLE_PASSWORD_HASH"  # same name as db.metadata.PASSWORD_ENV


_fail = exitcodes.fail


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    if not value:
        return ""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (expected YYYY-MM-DD)") from None


def _database_file(path: str) -> Path:
    if not Path(path).is_file():
        _fail(
            f"no database at {path} (`veille crawl --db {path}` or `veille demo` creates one)",
            exitcodes.DB_ERROR,
        )
    return Path(path)


def write_output(output: str | None, write: Callable[[TextIO], int]) -> None:
    """Run ``write`` on stdout, or on OUTPUT.partial renamed to OUTPUT once complete (an export
    stopped half-way never looks finished). A folder that does not exist or a file that cannot
    be written is a usage error, one line."""
    if output is None:
        write(sys.stdout)
        return
    target = Path(output)
    if not target.parent.is_dir():
        _fail(f"cannot write {output}: no folder {target.parent} (create it first)", exitcodes.USAGE)
    partial = target.with_name(f"{target.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as out:
            rows = write(out)
        os.replace(partial, target)
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}", exitcodes.USAGE)
    finally:
        partial.unlink(missing_ok=True)
    click.echo(f"{rows} rows written to {output}", err=True)


@click.command()
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="SQLite database.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (0.0.0.0 publishes it: set a password).",
)
@click.option(
    "--password-hash",
    envvar=PASSWORD_ENV,
    metavar="HASH",
    help=f"Require a login for every page: the output of `veille hash-password` (or set ${PASSWORD_ENV}).",
)
@click.option("--username", default="veille", show_default=True, help="Account name when a password is set.")
@click.option("--open", "open_browser", is_flag=True, help="Open the browser on the home page.")
@click.option("--public-read", is_flag=True,
              help="With a password: pages, exports and feeds open to all; only arbitrary SQL needs the account.")  # fmt: skip
def serve(
    db_path: str,
    port: int,
    host: str,
    password_hash: str | None,
    username: str,
    open_browser: bool,
    public_read: bool,
) -> None:
    """Explore the database in Datasette (read-only), with the journalists' workbench.

    Canned queries (timeline, who runs what, amounts, co-mentions, search), entity timeline
    charts at /-/veille/entity/<id>, Atom feeds, CSV/JSON exports. Stop with Ctrl-C.

    Example: veille serve --db veille.db --port 8001
    """
    from db.serve import ServeError, serve_database
    from db.store import DatabaseError

    try:
        serve_database(
            db_path,
            port=port,
            host=host,
            open_browser=open_browser,
            password_hash=password_hash or None,
            username=username,
            public_read=public_read,
        )
    except DatabaseError as exc:
        _fail(str(exc), exitcodes.DB_ERROR)
    except ServeError as exc:
        _fail(str(exc), exitcodes.SERVE_ERROR)
    except ValueError as exc:
        _fail(str(exc), exitcodes.USAGE)


@click.command(name="hash-password")
@click.option("--stdin", "from_stdin", is_flag=True, help="Read the password from standard input.")
def hash_password(from_stdin: bool) -> None:
    """Print the hash of a password, for `veille serve --password-hash` or $VEILLE_PASSWORD_HASH.

    Example: export VEILLE_PASSWORD_HASH="$(veille hash-password)"
    """
    from datasette_auth_passwords.utils import hash_password as make_hash

    if from_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True, err=True)
    if not password:
        _fail("empty password", exitcodes.USAGE)
    if not password.isascii():  # HTTP Basic authentication has no agreed encoding beyond ASCII
        _fail("the password must be ASCII (letters without accents, digits, punctuation)", exitcodes.USAGE)
    click.echo(make_hash(password))


@click.group()
def export() -> None:
    """Export data: an entity's timeline, business events, or every table (dump).

    Example: veille export timeline Cisco --db veille.db --format csv -o cisco.csv
    """


@export.command()
@click.argument("entity")
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="SQLite database.")
@click.option(
    "--by",
    type=click.Choice(["day", "week", "month"]),
    default="month",
    show_default=True,
    help="Period length (a week is named by its Monday).",
)
@click.option("--since", callback=_iso_date, metavar="YYYY-MM-DD", help="First day included.")
@click.option("--until", callback=_iso_date, metavar="YYYY-MM-DD", help="Last day included.")
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "json", "jsonl"]), default="csv", show_default=True
)
@click.option("--articles", is_flag=True, help="List the articles behind each period instead of the counts.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File (default: stdout)."
)
def timeline(
    entity: str, db_path: str, by: str, since: str, until: str, fmt: str, articles: bool, output: str | None
) -> None:
    """Mentions and articles per period for ENTITY (name, alias or id; case and accents ignored).

    The same rows as the Datasette canned query chronologie_entite (chronologie_articles with
    --articles). An unknown name exits with code 5 and lists close names.

    Example: veille export timeline "Société Générale" --db veille.db --by week --since 2024-01-01
    """
    from db.export import EntityNotFound, export_timeline

    path = _database_file(db_path)
    options = {"by": by, "since": since, "until": until, "fmt": fmt, "articles": articles}
    try:
        write_output(output, lambda out: export_timeline(path, entity, out, **options))
    except EntityNotFound as exc:
        _fail(f"{exc} (database {db_path})", exitcodes.NOT_FOUND)


@export.command()
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="SQLite database.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option(
    "--force", is_flag=True, help="Write into DIRECTORY even if it is not empty (same names replaced)."
)
def dump(directory: str, db_path: str, fmt: str, force: bool) -> None:
    """Write every table to DIRECTORY: one file per table, manifest.json, schema.sql, README.txt.

    Streams rows (any database size) from one consistent snapshot, even while a crawl runs.
    DIRECTORY is created; one that holds files is refused unless --force.

    Example: veille export dump --db veille.db --format csv export/
    """
    from db.export import dump_database

    path = _database_file(db_path)
    folder = Path(directory)
    if not force and folder.is_dir() and any(folder.iterdir()):
        _fail(f"{directory} is not empty: choose a new folder, or --force to write into it", exitcodes.USAGE)
    manifest = dump_database(path, directory, fmt)
    for entry in manifest["tables"]:
        click.echo(f"{entry['file']}: {entry['rows']} rows")
    click.echo(f"manifest: {Path(directory) / 'manifest.json'}", err=True)


COMMANDS: list[click.Command] = [serve, hash_password, export]
