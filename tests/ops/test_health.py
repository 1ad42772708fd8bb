from __future__ import annotations

import json

from click.testing import CliRunner

import db
from db.health import mark_interrupted, recent_runs, source_health
from veille.cli import main
from veille.lock import run_lock

from .conftest import make_article

OK = {
    "status": "ok",
    "feeds_read": 1,
    "pages_fetched": 9,
    "new_articles": 3,
    "errors": 1,
    "errors_by_kind": {"http_404": 1},
}
FAILED = {"status": "failed", "feeds_failed": 1, "errors": 1, "errors_by_kind": {"timeout": 1}}


def run(database, sources):
    run_id = db.start_run(database, "crawl", "sources.toml")
    db.finish_run(database, run_id, status="ok", exit_code=0, sources=sources)
    return run_id


def health_of(database, name, **kw):
    return next(s for s in source_health(database, **kw) if s["source"] == name)


def test_killed_run_is_marked_interrupted_with_what_it_stored(database):
    killed = db.start_run(database, "crawl")
    db.save_article(database, make_article(1, run_id=killed))
    db.save_article(database, make_article(2, run_id=killed))
    current = db.start_run(database, "crawl")
    assert mark_interrupted(database, keep=current) == [killed]
    rows = {r["id"]: r for r in recent_runs(database)}
    assert rows[killed]["status"] == "interrupted" and rows[killed]["new_articles"] == 2
    assert rows[killed]["ended_at"] is not None  # the time of its last stored article
    assert rows[current]["status"] == "running"
    assert mark_interrupted(database, keep=current) == []


def test_run_left_running_shows_as_interrupted_when_nobody_holds_the_lock(database):
    db.start_run(database, "crawl")
    assert recent_runs(database, run_in_progress=False)[0]["status"] == "interrupted"
    assert recent_runs(database, run_in_progress=True)[0]["status"] == "running"


def test_source_failing_three_runs_in_a_row_is_dead(database):
    run(database, {"lemagit": OK, "zdnet": OK})
    for _ in range(3):
        run(database, {"lemagit": OK, "zdnet": FAILED})
    zdnet = health_of(database, "zdnet")
    assert zdnet["health"] == "DEAD" and zdnet["consecutive_failures"] == 3
    assert zdnet["errors_by_kind"] == {"timeout": 3, "http_404": 1}
    assert zdnet["last_success"] is not None
    assert source_health(database)[0]["source"] == "zdnet"  # worst first
    assert health_of(database, "lemagit")["health"] == "OK"


def test_one_good_run_resets_the_failure_streak(database):
    for _ in range(4):
        run(database, {"numerama": FAILED})
    run(database, {"numerama": OK})
    numerama = health_of(database, "numerama")
    assert numerama["consecutive_failures"] == 0 and numerama["health"] == "OK"
    assert numerama["failed_runs"] == 4 and numerama["runs"] == 5


def test_window_limits_error_rate_but_not_the_streak(database):
    for _ in range(5):
        run(database, {"next": FAILED})
    run(database, {"next": {**OK, "errors": 20, "errors_by_kind": {"http_500": 20}}})
    recent = health_of(database, "next", runs=1)
    assert recent["runs"] == 1 and recent["error_rate"] == round(20 / 30, 3)
    assert recent["health"] == "DEGRADED"


def test_feed_failing_repeatedly_makes_the_source_dead(database):
    for _ in range(3):
        db.save_feed_state(database, "http://example.test/rss", "bfm", status=503, ok=False)
    bfm = health_of(database, "bfm")
    assert bfm["health"] == "DEAD"
    assert bfm["failing_feeds"][0]["last_status"] == 503


def test_status_json_for_scripts(db_path, database):
    run(database, {"silicon": OK})
    for _ in range(5):
        run(database, {"frandroid": FAILED})
    result = CliRunner().invoke(main, ["status", "--db", str(db_path), "--format", "json", "--runs", "3"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert len(report["runs"]) == 3 and report["run_in_progress"] is None
    frandroid = report["sources"][0]
    assert frandroid["source"] == "frandroid" and frandroid["health"] == "DEAD"
    assert frandroid["consecutive_failures"] == 5 and frandroid["runs"] == 3


def test_status_table_marks_dead_source_and_running_crawl(db_path, database):
    for _ in range(5):
        run(database, {"frandroid": FAILED})
    with run_lock(db_path, "crawl"):
        result = CliRunner().invoke(main, ["status", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "DEAD: frandroid: 5 consecutive failed runs" in result.output
    assert "Run in progress: pid" in result.output


def test_status_of_missing_database_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["status", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 3
    assert "no database at" in result.output
    assert not (tmp_path / "none.db").exists()


def test_database_of_a_newer_veille_is_refused_with_a_clear_message(db_path, database):
    database.execute("PRAGMA user_version = 99")
    result = CliRunner().invoke(main, ["status", "--db", str(db_path)])
    assert result.exit_code == 3
    assert "newer than this veille" in result.output and "upgrade veille" in result.output


def test_run_lists_its_errors_by_kind_from_the_crawl_stats(database):
    run_id = db.start_run(database, "crawl")
    stats = {"veille/errors/timeout": 3, "veille/errors/http_404": 1, "downloader/request_count": 40}
    db.finish_run(database, run_id, status="completed", exit_code=0, stats=stats)
    assert recent_runs(database)[0]["errors_by_kind"] == {"http_404": 1, "timeout": 3}


def test_source_whose_newest_article_is_old_is_stale_even_when_its_feed_answers(database):
    from datetime import UTC, datetime

    run(database, {"lemagit": OK, "zdnet": OK})
    db.save_article(database, make_article(1, source="lemagit", published_at="2024-03-01T08:00:00+00:00"))
    db.save_article(database, make_article(2, source="zdnet", published_at="2024-03-20T08:00:00+00:00"))
    now = datetime(2024, 3, 25, tzinfo=UTC)
    lemagit = health_of(database, "lemagit", now=now)
    assert lemagit["health"] == "STALE" and "older than 14 days" in lemagit["reason"]
    assert health_of(database, "zdnet", now=now)["health"] == "OK"
    assert health_of(database, "lemagit", now=now, stale_after=30)["health"] == "OK"


def test_status_marks_a_stale_source(db_path, database):
    run(database, {"lemagit": OK})
    db.save_article(database, make_article(1, source="lemagit", published_at="2020-01-01T08:00:00+00:00"))
    result = CliRunner().invoke(main, ["status", "--db", str(db_path), "--stale-after", "30"])
    assert result.exit_code == 0, result.output
    assert "STALE: lemagit: newest article 2020-01-01 is older than 30 days" in result.output
