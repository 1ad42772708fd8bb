"""`veille sources check`: is each source of the sources file readable today? Nothing is stored.

The check is one Scrapy crawl in this process (crawler/sources_check.py) with the crawl's own
settings, guards and politeness, made stricter: one request at a time per host, no retry (each
address is fetched once), no item pipeline (no database is opened or created).
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from crawler import settings as crawl_settings
from db.health import STALE_AFTER_DAYS
from veille import exitcodes

#: settings the check always runs with (after the project's, before -s)
CHECK_SETTINGS: dict[str, Any] = {
    "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
    "RETRY_ENABLED": False,
    "ITEM_PIPELINES": {},
    # the crawl's middlewares (the address guard first of all), and a robots.txt check that holds
    # for the requests waiting with the first one (crawler/robots.py)
    "DOWNLOADER_MIDDLEWARES": {
        **crawl_settings.DOWNLOADER_MIDDLEWARES,
        "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
        "crawler.robots.SharedRobotsTxtMiddleware": 100,
    },
    "LOG_LEVEL": "ERROR",  # every failure is in the report; -s LOG_LEVEL=INFO shows the crawl log
}


@click.group("sources")
def sources_group() -> None:
    """The sources file: check its feeds and sitemaps before crawling them."""


@sources_group.command("check")
@click.option("--sources", "sources_file", default="sources.toml", show_default=True, type=click.Path(dir_okay=False),
              help="Sources file (TOML) listing feeds and sitemaps.")  # fmt: skip
@click.option("--source", "only", multiple=True, help="Check only this source (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True, metavar="SECONDS",
              help="Give up on an address or page after this long (DOWNLOAD_TIMEOUT).")  # fmt: skip
@click.option("--stale-after", default=STALE_AFTER_DAYS, show_default=True, type=click.FloatRange(min=0), metavar="DAYS",
              help="An address whose newest item is older than this is 'stale' (0: never).")  # fmt: skip
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE",
              help="Override a Scrapy or VEILLE_ setting, e.g. -s DOWNLOAD_DELAY=2.")  # fmt: skip
def check(
    sources_file: str,
    only: tuple[str, ...],
    fmt: str,
    timeout: float,
    stale_after: float,
    overrides: tuple[str, ...],
) -> None:
    """Fetch each feed and sitemap address once (fallbacks too) and one article per address.

    Per address: HTTP status, items, newest item's date, share of links on the allowed
    domains, whether one article page extracts, and a verdict (ok, http_404, empty,
    not_a_feed, offsite_links, no_date, stale, redirect_home, timeout, ...). Writes nothing.
    Exit code 0: every source checked has an address that is ok; 1: at least one has none;
    2: bad usage or sources file; 8: the check did not run to its end.

    Example: veille sources check --source lemagit --source zdnet
    """
    from crawler.sources_check import CheckSpider, source_reports
    from veille.cli_crawl import _check_allowlist, _parse_settings, run_crawl

    selected = _selected_sources(sources_file, only)
    _check_allowlist(overrides)
    settings = {**CHECK_SETTINGS, "DOWNLOAD_TIMEOUT": timeout, **_parse_settings(overrides)}
    if sys.stderr.isatty():  # a whole sources file takes a minute or two: say what is going on
        addresses = sum(len(s.addresses()) for s in selected)
        click.echo(f"checking {addresses} address(es) of {len(selected)} source(s)...", err=True)
    stats, checks, _ = run_crawl(
        selected, None, set(), settings, None, spider_cls=CheckSpider, stale_after=stale_after
    )
    reports = source_reports(checks, [s.name for s in selected])
    if fmt == "json":
        click.echo(json.dumps({"sources": reports}, ensure_ascii=False, indent=2))
    else:
        print_table(reports)
    sys.exit(_exit_code(stats, reports))


def _selected_sources(sources_file: str, only: tuple[str, ...]) -> list:
    from crawler.sources import SourcesError, load_sources

    try:
        sources = load_sources(sources_file)
    except SourcesError as exc:
        exitcodes.fail(str(exc), exitcodes.USAGE)
    unknown = sorted(set(only) - {s.name for s in sources})
    if unknown:
        exitcodes.fail(f"no source named {', '.join(unknown)} in {sources_file}", exitcodes.USAGE)
    return [s for s in sources if not only or s.name in only]


def _exit_code(stats: dict[str, Any], reports: list[dict[str, Any]]) -> int:
    reason = stats.get("finish_reason")
    if reason == "shutdown":
        exitcodes.error("the check was stopped before its end")
        return exitcodes.INTERRUPTED
    if reason != "finished":
        why = stats.get("veille/crawl_error") or f"finish reason: {reason or 'none'}"
        exitcodes.error(f"the check did not run to its end ({why}); a bad -s setting?")
        return exitcodes.CRAWL_FAILED
    broken = [r["name"] for r in reports if not r["working"]]
    if broken:
        exitcodes.error(f"{len(broken)} source(s) without a working address: {', '.join(broken)}")
        return exitcodes.PARTIAL
    return exitcodes.OK


def _article_cell(article: dict | None) -> str:
    if article is None:
        return "-"
    if article["error"]:
        return "failed"
    if article["text_chars"] is None:
        return "not read"
    date = (article["published_at"] or "no date")[:10]
    return f"{'title' if article['title'] else 'no title'}, {date}, {article['text_chars']} chars"


def print_table(reports: list[dict[str, Any]]) -> None:
    working = sum(r["working"] for r in reports)
    click.echo(
        f"veille sources check: {len(reports)} source(s), {working} working, {len(reports) - working} not"
    )
    click.echo(
        f"  {'kind':<8} {'status':>6} {'items':>5} {'newest':<10} {'domain':>6}  {'article':<32} verdict"
    )
    for report in reports:
        click.echo(f"{report['name']}: {'working' if report['working'] else 'NOT WORKING'}")
        for a in report["addresses"]:
            kind = a["kind"] + ("*" if a["fallback"] else "")
            share = "-" if a["on_domain"] is None else f"{a['on_domain']:.2f}"
            click.echo(f"  {kind:<8} {a['status'] or '-':>6} {'-' if a['items'] is None else a['items']:>5} "
                       f"{(a['newest'] or '-')[:10]:<10} {share:>6}  {_article_cell(a['article']):<32} "
                       f"{a['verdict']}")  # fmt: skip
            click.echo(f"           {a['url']}" + (f"\n           {a['detail']}" if a["detail"] else ""))


COMMANDS: list[click.Command] = [sources_group]
