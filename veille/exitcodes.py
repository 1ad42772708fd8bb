"""Exit codes of every veille command, documented in the README (section "Exit codes"), and the
one way commands report an error: a single line on stderr starting with ``veille: ``."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

OK = 0
#: the run completed but part of the input could not be used (a source unreadable, malformed lines,
#: articles accepted but not stored)
PARTIAL = 1
#: bad command-line usage (click's own code)
USAGE = 2
#: the database could not be opened or written (read-only, corrupt, disk full)
DB_ERROR = 3
#: another run holds the lock on this database
LOCKED = 4
#: a name asked for (entity, table) is not in the database
NOT_FOUND = 5
#: the run was stopped by SIGTERM or SIGINT after the items in flight; the next run completes the work
INTERRUPTED = 6
#: the NLP stage could not run (spaCy model missing, bad VEILLE_NLP): articles were stored without
#: entities (`veille reprocess` adds them once the model loads), or nothing was extracted
NLP_ERROR = 7
#: the crawl did not run to its end (a Scrapy error such as a bad -s setting): feeds are read again next run
CRAWL_FAILED = 8
#: `veille serve` could not start (port in use, address not available on this machine)
SERVE_ERROR = 9

PREFIX = "veille: "


def error(message: str) -> None:
    """Print one error line on stderr, with the prefix every veille message carries."""
    click.echo(f"{PREFIX}{message}", err=True)


def fail(message: str, code: int) -> NoReturn:
    error(message)
    sys.exit(code)
