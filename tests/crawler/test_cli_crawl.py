"""`veille crawl` and `veille demo` as a user runs them."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

import db
from veille import exitcodes
from veille.cli import main
from veille.cli_crawl import exit_code_for
from veille.demo import SiteServer, sources_toml

FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0"]


def veille(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "veille", *args], capture_output=True, text=True, timeout=180
    )


def test_help_texts_have_an_example():
    for command in ("crawl", "demo"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0
        assert "Example: veille " + command in result.output


def test_bad_sources_file_is_a_usage_error(tmp_path):
    sources = tmp_path / "s.toml"
    sources.write_text('[[sources]]\nname = "x"\nfeed = ["https://a.fr/rss"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["crawl", "--sources", str(sources), "--db", str(tmp_path / "v.db")])
    assert result.exit_code == exitcodes.USAGE
    assert "unknown key 'feed' (did you mean 'feeds'?)" in result.output
    assert not (tmp_path / "v.db").exists()


def test_unknown_source_name_is_a_usage_error(tmp_path):
    sources = tmp_path / "s.toml"
    sources.write_text(sources_toml("http://127.0.0.1:9"), encoding="utf-8")
    result = CliRunner().invoke(main, ["crawl", "--sources", str(sources), "--source", "nope"])
    assert result.exit_code == exitcodes.USAGE
    assert "no source named nope" in result.output


def test_database_that_cannot_be_opened_exits_with_db_error(tmp_path):
    sources = tmp_path / "s.toml"
    sources.write_text(sources_toml("http://127.0.0.1:9"), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["crawl", "--sources", str(sources), "--db", str(tmp_path / "no" / "v.db")]
    )
    assert result.exit_code == exitcodes.DB_ERROR
    assert "cannot open database" in result.output


def test_limit_and_source_options(tmp_path):
    with SiteServer() as site:
        sources = tmp_path / "s.toml"
        sources.write_text(sources_toml(site.base_url), encoding="utf-8")
        db_path = tmp_path / "v.db"
        args = ["crawl", "--sources", str(sources), "--db", str(db_path), "--no-nlp", *FAST]
        result = veille(*args, "--limit", "3", "--source", "demo-infopro")
    assert result.returncode == exitcodes.OK, result.stderr[-2000:]
    database = db.open_db(db_path)
    assert database["articles"].count == 3
    assert {row[0] for row in database.execute("SELECT DISTINCT source FROM articles")} == {"demo-infopro"}


def test_demo_without_datasette_builds_the_demo_database(tmp_path):
    db_path = tmp_path / "demo.db"
    result = veille("demo", "--db", str(db_path), "--no-serve")
    assert result.returncode == exitcodes.OK, result.stderr[-2000:]
    assert "demo site served at http://127.0.0.1:" in result.stdout
    database = db.open_db(db_path)
    assert database["articles"].count == 12
    assert database.execute("SELECT count(*) FROM mentions").fetchone()[0] > 0


def _finished(**stats):
    return {"finish_reason": "finished", **stats}


def test_a_crawl_without_a_finish_reason_is_a_failed_run():
    assert exit_code_for({}, {}) == (exitcodes.CRAWL_FAILED, "failed")
    assert exit_code_for({"finish_reason": "cancelled"}, {}) == (exitcodes.CRAWL_FAILED, "failed")
    assert exit_code_for(_finished(), {}) == (exitcodes.OK, "completed")
    assert exit_code_for({"finish_reason": "article_limit"}, {}) == (exitcodes.OK, "completed")


def test_articles_stored_without_entities_or_not_stored_are_not_a_completed_run():
    assert exit_code_for(_finished(**{"veille/stored_without_entities": 3}), {}) == (
        exitcodes.NLP_ERROR,
        "partial",
    )
    assert exit_code_for(_finished(**{"veille/not_stored": 1}), {}) == (exitcodes.PARTIAL, "partial")


def test_bad_setting_that_stops_the_engine_exits_crawl_failed(tmp_path):
    # Before: -s DOWNLOAD_TIMEOUT=abc left an error in a Deferred, feeds 0/0, 'completed', exit 0.
    sources = tmp_path / "s.toml"
    sources.write_text(sources_toml("http://127.0.0.1:9"), encoding="utf-8")
    db_path = tmp_path / "v.db"
    result = veille("crawl", "--sources", str(sources), "--db", str(db_path), "-s", "DOWNLOAD_TIMEOUT=abc")
    assert result.returncode == exitcodes.CRAWL_FAILED, result.stderr[-2000:]
    assert "veille: the crawl did not run to its end" in result.stderr
    assert db.open_db(db_path).execute("SELECT status, exit_code FROM crawl_runs").fetchone() == (
        "failed",
        exitcodes.CRAWL_FAILED,
    )


def test_model_that_cannot_load_loses_no_article(tmp_path):
    # Before: 0 stored, 'completed', exit 0, and the feeds' ETags saved: the articles were lost for good.
    with SiteServer() as site:
        sources = tmp_path / "s.toml"
        sources.write_text(sources_toml(site.base_url), encoding="utf-8")
        db_path = tmp_path / "v.db"
        args = ["crawl", "--sources", str(sources), "--db", str(db_path), *FAST]
        result = veille(*args, "-s", "VEILLE_NLP=tests.nowhere:factory")
    assert result.returncode == exitcodes.NLP_ERROR, result.stderr[-2000:]
    assert "veille reprocess" in result.stderr
    database = db.open_db(db_path)
    assert database.execute("SELECT count(*), count(nlp_version) FROM articles").fetchone() == (12, 0)
    assert database.execute("SELECT status FROM crawl_runs").fetchone()[0] == "partial"


def test_pages_whose_reading_raised_make_the_run_partial():
    # Before: under trafilatura 2.0, 7 pages raised KeyError in the spider, 0 were stored, exit 0.
    stats = {"finish_reason": "finished", "spider_exceptions/KeyError": 7, "spider_exceptions/count": 7}
    assert exit_code_for(stats, {}) == (exitcodes.PARTIAL, "partial")
    assert exit_code_for({"finish_reason": "finished"}, {}) == (exitcodes.OK, "completed")
