"""Operations commands: `veille status` (run log, source health) and `veille reprocess` (NLP again)."""

from __future__ import annotations

import json
import logging
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

import click

import db
from db.health import DEAD_AFTER, STALE_AFTER_DAYS, mark_interrupted, recent_runs, source_health
from veille import exitcodes
from veille.lock import RunLocked, lock_holder, run_lock
from veille.reprocess import Extractor, ReprocessResult, count_stale, reprocess
from veille.status_report import render_status

logger = logging.getLogger(__name__)

#: seconds a second run keeps trying to take the lock before it gives up
LOCK_WAIT = 2.0


def _existing_db(path: str) -> db.DatabaseError | None:
    if not Path(path).exists():
        return db.DatabaseError(f"no database at {path} (a first `veille crawl --db {path}` creates it)")
    return None


def _open(path: str):
    problem = _existing_db(path)
    if problem is not None:
        raise problem
    return db.open_db(path)


@click.command()
@click.option("--db", "db_path", type=click.Path(dir_okay=False), help="SQLite database.")
@click.option(
    "--redis", "redis_url", metavar="URL", help="Show the queues and workers of a distributed run instead."
)
@click.option(
    "--runs",
    default=10,
    show_default=True,
    type=click.IntRange(1, 1000),
    help="How many recent runs to show and to judge source health on.",
)
@click.option(
    "--dead-after",
    default=DEAD_AFTER,
    show_default=True,
    type=click.IntRange(1, 1000),
    help="Consecutive failed runs after which a source is marked DEAD.",
)
@click.option(
    "--stale-after",
    default=STALE_AFTER_DAYS,
    show_default=True,
    type=click.IntRange(1, 10000),
    help="Days after which a source whose newest article is older is marked STALE.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def status(
    db_path: str | None, redis_url: str | None, runs: int, dead_after: int, stale_after: int, fmt: str
) -> None:
    """Show the last runs and the health of each source (dead feeds first).

    A source is DEAD after --dead-after failed runs in a row (or when all its feeds keep
    failing), FAILING when its latest run failed, STALE when its newest article is older
    than --stale-after days although its feeds answer, DEGRADED when more than half of
    its requests failed. Read-only: it never waits for, nor disturbs, a running crawl.

    With --redis URL: queue depths, workers alive, articles per second over the last minute and
    dead letters of a distributed run.

    Example: veille status --db veille.db --runs 24 --format json
    """
    if redis_url or not db_path:
        _redis_status(redis_url, fmt)
        return
    try:
        database = _open(db_path)
        holder = lock_holder(db_path)
        report = {
            "database": str(db_path),
            "schema_version": db.SCHEMA_VERSION,
            "articles": database.execute("SELECT count(*) FROM articles").fetchone()[0],
            "run_in_progress": None if holder is None else holder.__dict__,
            "runs": recent_runs(database, runs, run_in_progress=holder is not None),
            "sources": source_health(database, runs, dead_after=dead_after, stale_after=stale_after),
        }
    except db.DatabaseError as exc:
        exitcodes.error(str(exc))
        sys.exit(exitcodes.DB_ERROR)
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(render_status(report, runs))


def _redis_status(redis_url: str | None, fmt: str) -> None:
    if not redis_url:
        raise click.UsageError("give --db FILE (a database) or --redis URL (a distributed run)")
    from veille.cli_scale import redis_report, render_redis_report

    report = redis_report(redis_url)
    click.echo(json.dumps(report, indent=2) if fmt == "json" else render_redis_report(report))


class _Stop(BaseException):
    """SIGTERM/SIGINT arrived: stop now (the article being written is rolled back, whole).

    A BaseException, like KeyboardInterrupt, so the per-article error handling does not swallow it.
    """


@contextmanager
def _graceful_stop() -> Iterator[None]:
    """Turn SIGTERM and SIGINT into _Stop so the run is recorded as 'interrupted' before exiting."""

    def handler(signum, frame):
        raise _Stop(signal.Signals(signum).name)

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def _parse_since(ctx, param, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD or ISO 8601)") from None
    return parsed.isoformat()


def load_extractor(batch_size: int, n_process: int) -> tuple[Extractor, int]:
    """The NLP stage: (texts -> extractions, current extraction version). Loads the model once."""
    import nlp  # the model loads only when there is work

    pipeline = nlp.load_pipeline()

    def extract(texts: list[str]):
        return nlp.extract_texts(pipeline, texts, batch_size=batch_size, n_process=n_process)

    return extract, nlp.EXTRACTION_VERSION


def current_version() -> int:
    import nlp

    return nlp.EXTRACTION_VERSION


@click.command(name="reprocess")
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="SQLite database.")
@click.option(
    "--since",
    callback=_parse_since,
    metavar="DATE",
    help="Only articles published (or fetched, when undated) on or after DATE (YYYY-MM-DD).",
)
@click.option(
    "--all", "everything", is_flag=True, help="Every article, even those already at the current version."
)
@click.option(
    "--batch-size",
    default=64,
    show_default=True,
    type=click.IntRange(1, 10000),
    help="Articles read, extracted and written per batch.",
)
@click.option(
    "--n-process",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Processes for spaCy (nlp.pipe n_process).",
)
@click.option("--redis", "redis_url", metavar="URL", help="Queue the articles for `veille worker` instead.")
def reprocess_command(
    db_path: str, since: str | None, everything: bool, batch_size: int, n_process: int, redis_url: str | None
) -> None:
    """Run the NLP stage again over stored articles, without fetching anything.

    Picks the articles whose extraction is older than this veille's (articles.nlp_version),
    or every article with --all. Each article's entities, amounts and roles are replaced in
    one transaction, so an interrupted reprocess resumes where it stopped. Takes the run
    lock: it does not run while a crawl writes the same database (exit code 4).

    With --redis URL, the articles are queued in chunks for `veille worker` on any machine, and
    `veille store` saves the results (README, "Scaling out").

    Example: veille reprocess --db veille.db --since 2024-01-01
    """
    if redis_url:
        from veille.cli_scale import reprocess_enqueue

        sys.exit(
            reprocess_enqueue(db_path, redis_url, since=since, everything=everything, batch_size=batch_size)
        )
    sys.exit(
        run_reprocess(
            db_path,
            since=since,
            everything=everything,
            batch_size=batch_size,
            n_process=n_process,
            loader=load_extractor,
            version=current_version,
        )
    )


def run_reprocess(
    db_path: str,
    *,
    since: str | None,
    everything: bool,
    batch_size: int,
    n_process: int = 1,
    loader: Callable[[int, int], tuple[Extractor, int]] = load_extractor,
    version: Callable[[], int] = current_version,
) -> int:
    """The reprocess command minus click: returns the exit code. ``loader`` is injectable for tests."""
    try:
        with run_lock(db_path, "reprocess", wait=LOCK_WAIT):
            database = _open(db_path)
            mark_interrupted(database)
            return _reprocess_locked(database, since, everything, batch_size, n_process, loader, version)
    except RunLocked as exc:
        exitcodes.error(str(exc))
        return exitcodes.LOCKED
    except db.DatabaseError as exc:
        exitcodes.error(str(exc))
        return exitcodes.DB_ERROR


def _reprocess_locked(database, since, everything, batch_size, n_process, loader, version) -> int:
    todo = count_stale(database, version(), since=since, everything=everything)
    if todo == 0:
        click.echo(f"Nothing to reprocess: every article is at extraction version {version()}.")
        return exitcodes.OK
    run_id = db.start_run(database, "reprocess")
    result, outcome = ReprocessResult(), "ok"
    try:
        extract, current = loader(batch_size, n_process)
    except (OSError, ImportError, ValueError) as exc:  # spaCy's "Can't find model" is an OSError
        db.finish_run(
            database, run_id, status="failed", exit_code=exitcodes.NLP_ERROR, stats=result.as_dict()
        )
        exitcodes.error(f"cannot load the spaCy model: {exc}; nothing was changed")
        return exitcodes.NLP_ERROR
    with _graceful_stop():
        try:
            with _progress(todo) as advance:
                reprocess(
                    database,
                    extract,
                    current,
                    since=since,
                    everything=everything,
                    batch_size=batch_size,
                    progress=advance,
                    result=result,
                )
        except _Stop:
            outcome = "interrupted"
    code = _exit_code(outcome, result)
    status = outcome if outcome == "interrupted" else ("ok" if not result.failed else "partial")
    db.finish_run(database, run_id, status=status, exit_code=code, stats=result.as_dict())
    verb = "Stopped by signal after" if outcome == "interrupted" else "Reprocessed"
    click.echo(
        f"{verb} {result.processed} of {todo} articles; {result.failed} failed (left unchanged).",
        err=outcome == "interrupted",
    )
    return code


def _exit_code(outcome: str, result: ReprocessResult) -> int:
    if outcome == "interrupted":
        return exitcodes.INTERRUPTED
    return exitcodes.PARTIAL if result.failed else exitcodes.OK


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr when it is a terminal; silent otherwise (cron, pipes)."""
    if not sys.stderr.isatty():
        yield lambda done: None
        return
    with click.progressbar(length=total, label="Reprocessing", file=sys.stderr, show_pos=True) as bar:
        yield bar.update


COMMANDS: list[click.Command] = [status, reprocess_command]
