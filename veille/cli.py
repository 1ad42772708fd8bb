"""The `veille` command: the one module that ties crawler, nlp and db together.

Each area keeps its commands in its own module (cli_crawl, cli_nlp, cli_db, cli_ops);
this module only builds the group and registers them.
"""

from __future__ import annotations

import logging
import sqlite3

import click

from db.store import DatabaseError
from veille import (
    __version__,
    cli_crawl,
    cli_db,
    cli_events,
    cli_explain,
    cli_nlp,
    cli_ops,
    cli_scale,
    cli_sources,
    exitcodes,
)

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class VeilleGroup(click.Group):
    """The command group, with the last line of defence for database and file errors.

    db/ turns sqlite3 errors into DatabaseError and the commands report them; a database error
    that still escapes (SQL run outside db/) gets the same one line and exit code 3, not a traceback.
    An output file click cannot open (`extract -o missing/x.jsonl`) is a usage error, one line.
    """

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DatabaseError as exc:  # its message already says "database error (function): ..."
            exitcodes.error(str(exc) if str(exc).startswith("database error") else f"database error: {exc}")
            ctx.exit(exitcodes.DB_ERROR)
        except sqlite3.Error as exc:
            exitcodes.error(f"database error: {exc}")
            ctx.exit(exitcodes.DB_ERROR)
        except click.FileError as exc:  # click's own exit code 1 would read as "a source unreadable"
            exitcodes.error(f"cannot open {exc.ui_filename}: {exc.message}")
            ctx.exit(exitcodes.USAGE)


@click.group(cls=VeilleGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="veille")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def main(verbose: int) -> None:
    """veille: monitor the French tech press.

    Crawl feeds and sitemaps, extract companies, people, executives, products and
    amounts, store them in SQLite and explore them in Datasette.

    Example: veille demo
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


for _module in (cli_crawl, cli_nlp, cli_explain, cli_db, cli_ops, cli_scale, cli_sources):
    for _command in _module.COMMANDS:
        main.add_command(_command)
cli_db.export.add_command(cli_events.export_events_cmd)


if __name__ == "__main__":
    main()
