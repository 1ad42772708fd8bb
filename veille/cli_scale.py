"""Scaling out on Redis: `veille store`, `veille worker`, and the --redis side of crawl, reprocess, status.

The pieces (README, "Scaling out"): crawl workers share one frontier (scrapy-redis, see
crawler/redis_frontier.py) and push their articles to a results queue; re-extraction workers take
chunks of stored articles from a Dramatiq queue (veille/redis_tasks.py) and push their results to
the same queue; one writer, `veille store`, drains it into SQLite under the run lock.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from typing import Any

import click

from pipelines.redis_queue import RedisUnavailable, connect
from veille import exitcodes

logger = logging.getLogger(__name__)

redis_option = click.option(
    "--redis",
    "redis_url",
    required=True,
    metavar="URL",
    help="Redis of the run, e.g. redis://10.0.0.5:6379/0.",
)


def _fail(message: str, code: int) -> int:
    click.echo(f"veille: {message}", err=True)
    return code


def _client(url: str):
    try:
        return connect(url)
    except RedisUnavailable as exc:
        click.echo(f"veille: {exc}", err=True)
        sys.exit(exitcodes.DB_ERROR)


# crawl --redis ------------------------------------------------------------------------------------


def crawl_worker(
    sources: list, settings: dict[str, Any], url: str, idle_exit: float, log_file: str | None
) -> int:
    """One crawl worker of the shared frontier (the body of `veille crawl --redis`); returns the exit code."""
    from crawler.redis_frontier import RedisNewsSpider, open_run, redis_settings
    from pipelines.redis_queue import KNOWN, worker_id
    from veille.cli_crawl import run_crawl

    client = _client(url)
    ident = worker_id()
    seed = open_run(client, max(60.0, float(settings.get("VEILLE_HEARTBEAT_TTL", 30))), ident)
    known = {key.decode() for key in client.smembers(KNOWN)}
    started = time.monotonic()
    stats, _, _ = run_crawl(
        sources, None, known, {**redis_settings(url, ident, idle_exit), **settings}, log_file, None,
        spider_cls=RedisNewsSpider, seed=seed,
    )  # fmt: skip
    pushed = stats.get("veille/redis/results_pushed", 0)
    click.echo(
        f"veille crawl worker {ident}: {'seeded the feeds, ' if seed else ''}"
        f"{stats.get('downloader/response_count', 0)} response(s), {pushed} article(s) sent to the writer "
        f"in {time.monotonic() - started:.1f} s ({stats.get('finish_reason')})"
    )
    reason = stats.get("finish_reason")
    if reason == "shutdown":
        return exitcodes.INTERRUPTED
    return exitcodes.OK if reason == "finished" else exitcodes.PARTIAL


# store ----------------------------------------------------------------------------------------------


@click.command("store")
@redis_option
@click.option(
    "--db", "db_path", required=True, type=click.Path(dir_okay=False), help="SQLite database to fill."
)
@click.option("--until-idle", is_flag=True, help="Return once the queue is empty and no worker is alive.")
def store(redis_url: str, db_path: str, until_idle: bool) -> None:
    """Drain the results queue of the crawl and re-extraction workers into SQLite (the one writer).

    Holds the same lock as `veille crawl` (exit code 4 if another run has it). Each article is
    stored in its own transaction and leaves the queue only after it commits; killed at any
    moment, the next start stores the rest and nothing twice. Without --until-idle it runs until
    SIGTERM (exit code 6).

    Example: veille store --redis redis://10.0.0.5:6379/0 --db veille.db --until-idle
    """
    import db
    from veille.lock import RunLocked, run_lock

    client = _client(redis_url)
    try:
        with run_lock(db_path, "store", wait=2.0):
            code = _store_locked(client, db_path, until_idle)
    except RunLocked as exc:
        code = _fail(str(exc), exitcodes.LOCKED)
    except (db.DatabaseError, OSError) as exc:
        code = _fail(
            f"database {db_path}: {exc}; the messages not stored stay in the queue", exitcodes.DB_ERROR
        )
    sys.exit(code)


def _ignore_stops() -> None:
    """After a first SIGTERM or SIGINT, the next ones (a supervisor asking twice) must not cut the
    run record short."""
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, signal.SIG_IGN)


def _store_locked(client, db_path: str, until_idle: bool) -> int:
    import db
    from db.health import mark_interrupted
    from veille.cli_ops import _graceful_stop, _Stop
    from veille.redis_store import StoreCounts, nothing_left, publish_known, store_batch
    from veille.redis_tasks import pending

    database = db.open_db(db_path)
    mark_interrupted(database)
    run_id = db.start_run(database, "store")
    publish_known(client, database)
    counts, status, code = StoreCounts(), "completed", exitcodes.OK
    with _graceful_stop():
        try:
            while True:
                if store_batch(client, database, run_id, counts) == 0 and until_idle:
                    if nothing_left(client, pending(client)):
                        break
        except _Stop:
            status, code = "interrupted", exitcodes.INTERRUPTED
            _ignore_stops()
    if code == exitcodes.INTERRUPTED:
        _ignore_stops()  # _graceful_stop put the default handlers back: a second signal would kill us
    if counts.dead and code == exitcodes.OK:
        status, code = "partial", exitcodes.PARTIAL
    db.finish_run(database, run_id, status=status, exit_code=code, sources=counts.by_source())
    click.echo(f"veille store (run {run_id}): {counts.line()}")
    return code


# worker ---------------------------------------------------------------------------------------------


@click.command("worker")
@redis_option
@click.option("--processes", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes; each loads the model once.")  # fmt: skip
@click.option("--idle-exit", default=30.0, show_default=True, type=click.FloatRange(min=0), metavar="SECONDS",
              help="Exit once no re-extraction task has waited for SECONDS (0: run until SIGTERM).")  # fmt: skip
def worker(redis_url: str, processes: int, idle_exit: float) -> None:
    """Run re-extraction workers: take chunks queued by `veille reprocess --redis`, push the results.

    The NLP is VEILLE_NLP (environment; 'spacy' by default). An article whose extraction fails is
    retried alone, then goes to the dead letters (`veille status --redis`); the others go on. A
    worker killed mid-chunk has its chunk taken by another one VEILLE_HEARTBEAT_TTL seconds
    (default 15) after its last heartbeat.

    Example: veille worker --redis redis://10.0.0.5:6379/0 --processes 2
    """
    from veille.redis_tasks import HEARTBEAT_TTL, serve

    _client(redis_url)
    raw_ttl = os.environ.get("VEILLE_HEARTBEAT_TTL") or str(HEARTBEAT_TTL)
    try:
        ttl = float(raw_ttl)
    except ValueError:
        ttl = 0.0
    if ttl <= 0:
        sys.exit(
            _fail(f"VEILLE_HEARTBEAT_TTL={raw_ttl!r}: expected a number of seconds > 0", exitcodes.USAGE)
        )
    if processes == 1:
        stop = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
        serve(redis_url, idle_exit=idle_exit, ttl=ttl, stop=stop)
        sys.exit(exitcodes.INTERRUPTED if stop.is_set() else exitcodes.OK)
    sys.exit(_worker_pool(redis_url, processes, idle_exit, ttl))


def _child(url: str, idle_exit: float, ttl: float) -> None:
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent forwards Ctrl-C as SIGTERM
    from veille.redis_tasks import serve

    serve(url, idle_exit=idle_exit, ttl=ttl, stop=stop)


def _worker_pool(url: str, processes: int, idle_exit: float, ttl: float) -> int:
    context = multiprocessing.get_context(
        "fork"
    )  # the parent never loads the model: each child loads it once
    children = [context.Process(target=_child, args=(url, idle_exit, ttl)) for _ in range(processes)]
    stopped = []

    def forward(signum, frame):
        stopped.append(signum)
        for child in children:
            if child.is_alive():
                child.terminate()

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, forward)
    for child in children:
        child.start()
    for child in children:
        child.join()
    if stopped:
        return exitcodes.INTERRUPTED
    return exitcodes.OK if all(c.exitcode == 0 for c in children) else exitcodes.PARTIAL


# reprocess --redis ------------------------------------------------------------------------------------


def reprocess_enqueue(db_path: str, url: str, *, since: str | None, everything: bool, batch_size: int) -> int:
    """`veille reprocess --redis`: queue the stale articles in chunks (reads only; the writer saves)."""
    import db
    from veille.cli_ops import current_version
    from veille.redis_tasks import CHUNK, enqueue, make_broker
    from veille.reprocess import _batches

    client = _client(url)
    try:
        database = db.open_db(db_path, migrate=False)
    except db.DatabaseError as exc:
        return _fail(str(exc), exitcodes.DB_ERROR)
    del client
    _, actor = make_broker(url)
    version = current_version()
    sent = enqueue(
        actor, _batches(database, version, since, everything, batch_size), chunk=min(CHUNK, batch_size)
    )
    click.echo(
        f"veille: {sent} article(s) queued for re-extraction (version {version}); "
        f"run `veille worker --redis {url}` and `veille store --redis {url} --db {db_path}`"
    )
    return exitcodes.OK


# status --redis -------------------------------------------------------------------------------------


def redis_report(url: str) -> dict[str, Any]:
    from crawler.redis_frontier import QUEUE, inflight_total
    from pipelines.redis_queue import DEAD, PROCESSING, RESULTS, alive_workers, rate_per_second
    from veille.redis_tasks import dramatiq_dead, pending

    client = _client(url)
    dead = [json.loads(raw) for raw in client.lrange(DEAD, -5, -1)]
    return {
        "redis": url,
        "queues": {
            "crawl_requests": client.zcard(QUEUE),
            "crawl_in_flight": inflight_total(client),
            "results_waiting": client.llen(RESULTS),
            "results_being_stored": client.llen(PROCESSING),
            "reextraction_tasks": pending(client),
        },
        "workers": alive_workers(client),
        "articles_per_second_last_minute": {
            "produced": round(rate_per_second(client, "produced"), 2),
            "stored": round(rate_per_second(client, "stored"), 2),
        },
        "dead_letters": {"count": client.llen(DEAD), "dramatiq_xq": dramatiq_dead(client), "latest": dead},
    }


def render_redis_report(report: dict[str, Any]) -> str:
    lines = [f"veille distributed run on {report['redis']}", "Queues:"]
    lines += [f"  {name.replace('_', ' '):<22} {n}" for name, n in report["queues"].items()]
    rates = report["articles_per_second_last_minute"]
    lines.append(f"Articles per second, last minute: {rates['produced']} produced, {rates['stored']} stored")
    lines.append(f"Workers alive: {len(report['workers'])}")
    now = time.time()
    for name, info in sorted(report["workers"].items()):
        lines.append(f"  {name:<40} host {info['host']} pid {info['pid']}, seen {now - info['at']:.0f} s ago")
    dead = report["dead_letters"]
    lines.append(f"Dead letters: {dead['count']}")
    for letter in dead["latest"]:
        ids = letter.get("article_ids")
        what = f"articles {ids}" if ids else letter.get("kind")
        lines.append(f"  {what}: {letter.get('error')}")
    return "\n".join(lines)


COMMANDS: list[click.Command] = [store, worker]
