"""The `veille` command: the one module that ties crawler, nlp and db together.

Each area keeps its commands in its own module (cli_crawl, cli_nlp, cli_db, cli_ops);
this module only builds the group and registers them.
"""

from __future__ import annotations

import logging

import click

from veille import __version__, cli_crawl, cli_db, cli_nlp, cli_ops, cli_scale

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT_SETTINGS)
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


for _module in (cli_crawl, cli_nlp, cli_db, cli_ops, cli_scale):
    for _command in _module.COMMANDS:
        main.add_command(_command)


if __name__ == "__main__":
    main()
