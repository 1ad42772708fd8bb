"""End to end: the demo site served locally -> `veille crawl` (subprocess, real NLP) -> SQLite -> Datasette."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

import db
from veille import exitcodes
from veille.demo import SiteServer, sources_toml

pytestmark = pytest.mark.slow

FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0"]


def crawl(sources: Path, db_path: Path) -> subprocess.CompletedProcess:
    command = [
        sys.executable,
        "-m",
        "veille",
        "crawl",
        "--sources",
        str(sources),
        "--db",
        str(db_path),
        *FAST,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180)


def counts(db_path: Path) -> dict[str, int]:
    database = db.open_db(db_path)
    tables = ("articles", "article_urls", "entities", "mentions", "amounts", "roles")
    return {table: database[table].count for table in tables}


@pytest.fixture(scope="module")
def demo_crawl(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    db_path = tmp / "veille-e2e.db"
    with SiteServer() as site:
        sources = tmp / "sources.toml"
        sources.write_text(sources_toml(site.base_url), encoding="utf-8")
        first = crawl(sources, db_path)
        after_first = counts(db_path)
        second = crawl(sources, db_path)
    return db_path, first, second, after_first


def test_crawl_stores_every_demo_article_with_entities(demo_crawl):
    db_path, first, _, after_first = demo_crawl
    assert first.returncode == exitcodes.OK, first.stderr[-3000:]
    assert "12 new article(s)" in first.stdout
    assert after_first["articles"] == 12
    assert after_first["mentions"] > 100
    assert after_first["amounts"] > 10
    database = db.open_db(db_path)
    dates = [
        row[0] for row in database.execute("SELECT published_at FROM articles WHERE text LIKE '%Cisco%'")
    ]
    assert len(dates) >= 4 and len({d[:7] for d in dates}) >= 4  # Cisco over several months
    titles = {row[0] for row in database.execute("SELECT title FROM articles")}
    assert (
        "Cisco supprime 7 % de ses effectifs et mise sur l'IA et la sécurité" in titles
    )  # the windows-1252 page


def test_second_identical_crawl_adds_zero_rows(demo_crawl):
    db_path, _, second, after_first = demo_crawl
    assert second.returncode == exitcodes.OK, second.stderr[-3000:]
    assert "0 new article(s)" in second.stdout
    assert counts(db_path) == after_first


def test_datasette_json_api_answers_with_the_articles(demo_crawl):
    from db.serve import build_datasette

    db_path = demo_crawl[0]
    datasette = build_datasette(db_path)

    async def fetch():
        await datasette.invoke_startup()
        return await datasette.client.get(f"/{db_path.stem}/articles.json?_shape=array&_size=50")

    response = asyncio.run(fetch())
    assert response.status_code == 200
    rows = response.json()
    assert len(rows) == 12
    assert any("Cisco" in (row["title"] or "") for row in rows)


def test_demo_crawl_fills_events_of_every_kind(demo_crawl):
    database = db.open_db(demo_crawl[0])
    kinds = {row[0] for row in database.execute("SELECT kind FROM events WHERE background = 0")}
    assert kinds == {
        "acquisition",
        "funding",
        "appointment",
        "departure",
        "launch",
        "shutdown",
        "results",
        "partnership",
        "layoffs",
        "legal",
    }
    funding = database.execute(
        "SELECT amount_value, amount_currency FROM events WHERE kind = 'funding' AND org = 'Mistral AI'"
    ).fetchone()
    assert funding == (600e6, "EUR")
