"""`veille crawl` and `veille demo`: the crawl side of the command line.

One crawl per process (Scrapy's Twisted reactor cannot restart): `veille crawl` runs the
spider with CrawlerProcess, then reads the crawl stats to record the run, print a summary and
choose the exit code (veille/exitcodes.py). `veille demo` runs `veille crawl` in a subprocess.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import Any

import click

from veille import exitcodes

logger = logging.getLogger(__name__)


def _parse_settings(values: tuple[str, ...]) -> dict[str, str]:
    settings = {}
    for value in values:
        name, sep, setting = value.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"expected NAME=VALUE, got {value!r}", param_hint="--set")
        settings[name.strip()] = setting
    return settings


def run_crawl(
    sources: list,
    db_path: str,
    known: set[str],
    settings: dict[str, Any],
    log_file: str | None,
    feed_states: dict[str, dict] | None = None,
    failed_urls: set[str] | None = None,
    spider_cls: type | None = None,
    **spider_args: Any,
) -> tuple[dict[str, Any], dict[str, dict], dict[str, dict]]:
    """Run the news spider once in this process; return the final Scrapy stats, the feed outcomes
    and the article links that failed for good (db.save_failed_urls).

    ``spider_cls`` and ``spider_args``: the spider of a `veille crawl --redis` worker (veille/cli_scale.py).
    """
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings

    from crawler import settings as default_settings
    from crawler.spiders.news import NewsSpider

    scrapy_settings = Settings()
    scrapy_settings.setmodule(default_settings, priority="project")
    scrapy_settings.set("VEILLE_DB_PATH", db_path, priority="cmdline")
    if log_file:
        scrapy_settings.set("LOG_FILE", log_file, priority="cmdline")
        scrapy_settings.set("LOG_FILE_APPEND", True, priority="cmdline")
    scrapy_settings.setdict(settings, priority="cmdline")
    # Scrapy installs its own root handler (LOG_LEVEL, LOG_FILE); the CLI's default one would
    # print every Scrapy debug line a second time.
    for handler in list(logging.root.handlers):
        logging.root.removeHandler(handler)
    process = CrawlerProcess(scrapy_settings)
    crawler = process.create_crawler(spider_cls or NewsSpider)
    errors: list[str] = []
    done = process.crawl(
        crawler,
        sources=sources,
        known_urls=known,
        feed_states=feed_states or {},
        failed_urls=failed_urls or (),
        **spider_args,
    )
    # an error that stops the engine (a bad -s value...) would be an unhandled Deferred traceback
    done.addErrback(lambda failure: errors.append(f"{failure.type.__name__}: {failure.value}"))
    process.start()
    collector = _set_or_none(crawler, "stats")
    stats = dict(collector.get_stats()) if collector is not None else {}
    if errors:
        stats["veille/crawl_error"] = errors[0]
    spider = _set_or_none(crawler, "spider")
    return stats, getattr(spider, "feed_results", {}), getattr(spider, "permanent_failures", {})


def _set_or_none(crawler: Any, name: str) -> Any:
    """crawler.stats / crawler.spider, None when the crawl failed before they were made (a bad
    VEILLE_* value raised in a component's from_crawler): Scrapy 2.19 raises RuntimeError then."""
    try:
        return getattr(crawler, name)
    except RuntimeError:
        return None


def save_feed_results(database: Any, results: dict[str, dict], complete: bool) -> None:
    """Record each feed's outcome; validators only when every link was followed (no --limit stop),
    else the next run would get a 304 and miss the articles left behind."""
    import db

    for url, result in results.items():
        db.save_feed_state(
            database,
            url,
            result["source"],
            status=result.get("status"),
            ok=result["ok"],
            etag=result.get("etag") if complete else None,
            last_modified=result.get("last_modified") if complete else None,
            items=result.get("items"),
            fallback=result.get("fallback", False),
        )


#: how a crawl that ran to its end closes: every feed read, or stopped by --limit
FINISHED = frozenset({"finished", "article_limit"})


def exit_code_for(stats: dict[str, Any], summary: dict[str, dict]) -> tuple[int, str]:
    """(exit code, crawl_runs.status) of a crawl, from its stats: the worst outcome wins."""
    reason = stats.get("finish_reason")
    if stats.get("veille/db_error") or reason == "db_error":
        return exitcodes.DB_ERROR, "db_error"
    if reason == "shutdown":  # SIGTERM/SIGINT: stopped after the items in flight
        return exitcodes.INTERRUPTED, "interrupted"
    if reason not in FINISHED:  # no reason at all: the engine never ran (e.g. -s DOWNLOAD_TIMEOUT=abc)
        return exitcodes.CRAWL_FAILED, "failed"
    if stats.get("veille/stored_without_entities"):
        return exitcodes.NLP_ERROR, "partial"
    if (
        stats.get("veille/not_stored")
        or spider_errors(stats)
        or any(s["status"] == "failed" for s in summary.values())
    ):
        return exitcodes.PARTIAL, "partial"
    return exitcodes.OK, "completed"


def spider_errors(stats: dict[str, Any]) -> int:
    """Responses whose reading raised (Scrapy's spider_exceptions/<type> counts): pages lost to a bug
    or to a library that broke, never a success."""
    kinds = {k: v for k, v in stats.items() if k.startswith("spider_exceptions/") and isinstance(v, int)}
    return kinds.get("spider_exceptions/count") or sum(kinds.values())


def report_problems(stats: dict[str, Any]) -> None:
    """One line on stderr for each reason the run is not a plain success (the log has the details)."""
    reason = stats.get("finish_reason")
    if stats.get("veille/db_error"):
        exitcodes.error(f"database error: {stats['veille/db_error']}")
    elif reason not in FINISHED and reason != "shutdown":
        why = stats.get("veille/crawl_error") or f"finish reason: {reason or 'none'}; see the log"
        exitcodes.error(
            f"the crawl did not run to its end ({why}); a bad -s setting? "
            "Its feeds are read again by the next run"
        )
    if stats.get("veille/nlp_unavailable"):
        exitcodes.error(
            f"the NLP stage cannot load ({stats['veille/nlp_unavailable']}): "
            f"{stats.get('veille/stored_without_entities', 0)} article(s) stored without entities; "
            "fix the model, then run `veille reprocess`"
        )
    elif stats.get("veille/stored_without_entities"):
        exitcodes.error(
            f"NLP failed: {stats['veille/stored_without_entities']} article(s) stored without entities "
            "(`veille reprocess` adds them)"
        )
    if stats.get("veille/not_stored"):
        exitcodes.error(f"{stats['veille/not_stored']} article(s) fetched but not stored (see the log)")
    if spider_errors(stats):
        kinds = ", ".join(
            k.split("/", 1)[1]
            for k in stats
            if k.startswith("spider_exceptions/") and k != "spider_exceptions/count"
        )
        exitcodes.error(f"{spider_errors(stats)} page(s) could not be read ({kinds}; see the log)")


def print_summary(summary: dict[str, dict], run_id: int, seconds: float, stats: dict[str, Any]) -> None:
    new = sum(s["new_articles"] for s in summary.values())
    dup = sum(s["duplicates"] for s in summary.values())
    errors = sum(s["errors"] for s in summary.values())
    click.echo(
        f"veille crawl (run {run_id}): {len(summary)} source(s), {new} new article(s), "
        f"{dup} duplicate(s) skipped, {errors} error(s) in {seconds:.1f} s"
    )
    click.echo(f"  {'source':<24} {'feeds':>7} {'pages':>6} {'new':>5} {'dup':>5}  errors")
    for name, s in summary.items():
        feeds = f"{s['feeds_read']}/{s['feeds_total']}"
        kinds = ", ".join(f"{k}:{v}" for k, v in s["errors_by_kind"].items()) or "-"
        flag = "  UNREADABLE" if s["status"] == "failed" else ""
        click.echo(
            f"  {name:<24} {feeds:>7} {s['pages_fetched']:>6} {s['new_articles']:>5} {s['duplicates']:>5}  {kinds}{flag}"
        )
    report_problems(stats)


@click.command("crawl")
@click.option("--sources", "sources_file", default="sources.toml", show_default=True, type=click.Path(dir_okay=False),
              help="Sources file (TOML) listing feeds and sitemaps.")  # fmt: skip
@click.option("--db", "db_path", default="veille.db", show_default=True, type=click.Path(dir_okay=False),
              help="SQLite database to fill (created if missing).")  # fmt: skip
@click.option(
    "--limit", type=click.IntRange(min=0), default=0, help="Store at most N new articles (0: no limit)."
)
@click.option("--source", "only", multiple=True, help="Crawl only this source (repeatable).")
@click.option("--log-file", type=click.Path(dir_okay=False), help="Append the crawl log to this file.")
@click.option("--log-level", default="WARNING", show_default=True,
              type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False), help="Crawl log level.")  # fmt: skip
@click.option(
    "--no-nlp", is_flag=True, help="Store articles without entities (add them later with reprocess)."
)
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE",
              help="Override a Scrapy or VEILLE_ setting, e.g. -s DOWNLOAD_TIMEOUT=10.")  # fmt: skip
@click.option("--redis", "redis_url", metavar="URL",
              help="Run one worker of a shared frontier instead (no --db; `veille store` writes).")  # fmt: skip
@click.option("--idle-exit", default=30.0, show_default=True, type=click.FloatRange(min=0), metavar="SECONDS",
              help="With --redis: exit once the shared queue has been empty this long.")  # fmt: skip
def crawl(
    sources_file, db_path, limit, only, log_file, log_level, no_nlp, overrides, redis_url, idle_exit
) -> None:
    """Crawl the feeds and sitemaps of a sources file into a SQLite database.

    Articles already stored (same URL, tracking parameters removed) are not fetched again.
    Exit code 0: run completed; 1: a source could not be read at all; 3: database error;
    4: another run holds the lock on this database; 6: stopped by SIGTERM/SIGINT after the
    items in flight (the next run completes the work).

    With --redis URL, this is one worker of a crawl shared by any number of machines (see the
    README, "Scaling out"): it stores nothing itself and exits after --idle-exit seconds idle.

    Example: veille crawl --sources sources.toml --db veille.db --limit 50
    """
    from crawler.sources import SourcesError, load_sources

    try:
        sources = load_sources(sources_file)
    except SourcesError as exc:
        exitcodes.error(str(exc))
        sys.exit(exitcodes.USAGE)
    if only:
        unknown = set(only) - {s.name for s in sources}
        if unknown:
            exitcodes.error(f"no source named {', '.join(sorted(unknown))} in {sources_file}")
            sys.exit(exitcodes.USAGE)
        sources = [s for s in sources if s.name in only]
    _check_allowlist(overrides)
    if redis_url:
        sys.exit(_redis_worker(sources, redis_url, idle_exit, limit, log_file, log_level, no_nlp, overrides))
    from veille.lock import RunLocked, run_lock

    try:
        if log_file:  # cron lines name a logs/ folder that may not exist yet
            Path(log_file).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        exitcodes.error(f"cannot create the folder of the log file {log_file}: {exc}")
        sys.exit(exitcodes.USAGE)
    try:
        with run_lock(db_path, "crawl"):
            code = _crawl_locked(
                sources, sources_file, db_path, limit, log_file, log_level, no_nlp, overrides
            )
    except RunLocked as exc:
        exitcodes.error(str(exc))
        code = exitcodes.LOCKED
    except OSError as exc:  # the lock file sits next to the database: same folder, same permissions
        exitcodes.error(f"cannot open database {db_path}: {exc}")
        code = exitcodes.DB_ERROR
    sys.exit(code)


def _check_allowlist(overrides: tuple[str, ...]) -> None:
    """A typo in VEILLE_ALLOW_PRIVATE_ADDRESSES stops the run before any request (exit 2)."""
    from crawler.ssrf import ALLOW_SETTING, allowlist_from

    try:
        allowlist_from({ALLOW_SETTING: _parse_settings(overrides).get(ALLOW_SETTING)})
    except ValueError as exc:
        click.echo(f"veille: {exc}", err=True)
        sys.exit(exitcodes.USAGE)


def _crawl_locked(sources, sources_file, db_path, limit, log_file, log_level, no_nlp, overrides) -> int:
    import db
    from crawler.stats import source_summary
    from db.health import mark_interrupted

    retry_days = _retry_days(_parse_settings(overrides))  # a bad value stops before any request
    try:
        database = db.open_db(db_path)
        mark_interrupted(database)  # we hold the lock: a run still 'running' was killed
        known = db.known_urls(database)
        feed_states = db.feed_states(database)
        failed_urls = db.failed_urls(database)
        run_id = db.start_run(database, "crawl", str(sources_file))
    except db.DatabaseError as exc:
        exitcodes.error(str(exc))
        return exitcodes.DB_ERROR
    settings: dict[str, Any] = {
        "VEILLE_LIMIT": limit,
        "VEILLE_RUN_ID": run_id,
        "LOG_LEVEL": log_level.upper(),
    }
    if no_nlp:
        settings["VEILLE_NLP"] = "none"
    settings.update(_parse_settings(overrides))
    started = time.monotonic()
    stats, feed_results, failures = run_crawl(
        sources, db_path, known, settings, log_file, feed_states, failed_urls
    )
    summary = source_summary(stats, [s.name for s in sources])
    code, status = exit_code_for(stats, summary)
    try:
        save_feed_results(database, feed_results, complete=stats.get("finish_reason") == "finished")
        db.save_failed_urls(database, failures, retry_days)
        db.finish_run(database, run_id, status=status, exit_code=code, sources=summary, stats=_plain(stats))
    except db.DatabaseError as exc:
        exitcodes.error(f"cannot record the run: {exc}")
        code = exitcodes.DB_ERROR
    print_summary(summary, run_id, time.monotonic() - started, stats)
    return code


def _retry_days(settings: dict[str, Any]) -> float:
    from crawler import settings as default_settings

    value = settings.get("VEILLE_RETRY_FAILED_AFTER_DAYS", default_settings.VEILLE_RETRY_FAILED_AFTER_DAYS)
    try:
        return max(0.0, float(value))
    except ValueError:
        raise click.BadParameter(f"VEILLE_RETRY_FAILED_AFTER_DAYS must be a number, got {value!r}") from None


def _redis_worker(sources, redis_url, idle_exit, limit, log_file, log_level, no_nlp, overrides) -> int:
    from veille.cli_scale import crawl_worker

    ctx = click.get_current_context()
    if ctx.get_parameter_source("db_path") is not click.core.ParameterSource.DEFAULT or limit:
        click.echo(
            "veille: --redis runs a crawl worker: no --db nor --limit (`veille store` writes)", err=True
        )
        return exitcodes.USAGE
    settings = {"LOG_LEVEL": log_level.upper(), **({"VEILLE_NLP": "none"} if no_nlp else {})}
    return crawl_worker(sources, {**settings, **_parse_settings(overrides)}, redis_url, idle_exit, log_file)


def _plain(stats: dict[str, Any]) -> dict[str, Any]:
    return {
        k: (v if isinstance(v, int | float | str | bool) or v is None else str(v)) for k, v in stats.items()
    }


@click.command("demo")
@click.option("--db", "db_path", default="veille-demo.db", show_default=True, type=click.Path(dir_okay=False),
              help="Database to create (the default demo database is recreated on each run).")  # fmt: skip
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8001, show_default=True, help="Port of Datasette."
)
@click.option("--no-serve", is_flag=True, help="Crawl the demo site only; do not start Datasette.")
def demo(db_path: str, port: int, no_serve: bool) -> None:
    """Offline demo: serve the bundled demo site, crawl it, explore the result in Datasette.

    The demo site (a dozen French tech-press articles, an RSS feed, an Atom feed and a news
    sitemap) is served on 127.0.0.1; no internet needed.

    Example: veille demo --db demo.db
    """
    from veille.demo import run_demo

    sys.exit(run_demo(Path(db_path), port=port, serve=not no_serve, fresh=db_path == "veille-demo.db"))


COMMANDS: list[click.Command] = [crawl, demo]
