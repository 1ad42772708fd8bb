from __future__ import annotations

import subprocess
import sys

import pytest

import db
from veille import exitcodes
from veille.cli_ops import run_reprocess
from veille.reprocess import count_stale, reprocess

from .conftest import fake_extract, make_article
from .test_lock import HOLD


def store(database, n, version=None):
    ids = []
    for i in range(n):
        extraction = {"entities": [], "roles": [], "version": version} if version else None
        ids.append(db.save_article(database, make_article(i), extraction).article_id)
    return ids


def versions(database):
    return [row[0] for row in database.execute("SELECT nlp_version FROM articles ORDER BY id")]


def test_reprocess_replaces_stale_extractions_and_stamps_the_version(database):
    store(database, 5)
    database.execute("UPDATE articles SET nlp_version = 1 WHERE id <= 2")
    done = []
    result = reprocess(database, fake_extract, 2, batch_size=2, progress=done.append)
    assert (result.selected, result.processed, result.failed) == (5, 5, 0)
    assert done == [2, 2, 1]
    assert versions(database) == [2] * 5
    # every article names its company twice: two mentions each, offsets into the text
    assert database.execute("SELECT count(*) FROM mentions").fetchone()[0] == 10
    row = database.execute(
        'SELECT a.text, m.surface, m.start, m."end" FROM mentions m JOIN articles a ON a.id = m.article_id LIMIT 1'
    ).fetchone()
    assert row[0][row[2] : row[3]] == row[1]


def test_reprocess_twice_does_nothing_the_second_time(database):
    store(database, 3)
    reprocess(database, fake_extract, 2)
    again = reprocess(database, fake_extract, 2)
    assert again.selected == 0 and again.processed == 0
    assert database.execute("SELECT count(*) FROM mentions").fetchone()[0] == 6  # replaced, not added


def test_all_redoes_current_articles_without_duplicating_mentions(database):
    store(database, 3, version=2)
    assert count_stale(database, 2) == 0
    result = reprocess(database, fake_extract, 2, everything=True, batch_size=1)
    assert result.processed == 3
    assert database.execute("SELECT count(*) FROM mentions").fetchone()[0] == 6


def test_since_limits_to_recent_articles(database):
    store(database, 10)  # published 2024-01-01 .. 2024-01-10
    result = reprocess(database, fake_extract, 1, since="2024-01-08")
    assert result.processed == 3
    assert versions(database).count(1) == 3


def test_article_that_breaks_the_extractor_is_left_alone_and_others_proceed(database):
    store(database, 4)
    poisoned = database.execute("SELECT id, text FROM articles ORDER BY id LIMIT 1 OFFSET 2").fetchone()

    def picky(texts):
        if poisoned[1] in texts:
            raise ValueError("cannot parse")
        return fake_extract(texts)

    result = reprocess(database, picky, 3, batch_size=4)
    assert (result.processed, result.failed, result.failed_ids) == (3, 1, [poisoned[0]])
    assert versions(database) == [3, 3, None, 3]


def test_interrupted_reprocess_resumes_where_it_stopped(database):
    store(database, 6)
    calls = []

    def dies_on_third_batch(texts):
        calls.append(len(texts))
        if len(calls) == 3:
            raise KeyboardInterrupt  # a stop in the middle of the work, not an NLP failure
        return fake_extract(texts)

    with pytest.raises(KeyboardInterrupt):
        reprocess(database, dies_on_third_batch, 2, batch_size=2)
    assert versions(database) == [2, 2, 2, 2, None, None]
    assert reprocess(database, fake_extract, 2, batch_size=2).processed == 2


def fake_loader(batch_size, n_process):
    return fake_extract, 7


def test_reprocess_command_records_a_run_and_prints_counts(db_path, database, capsys):
    store(database, 4)
    code = run_reprocess(
        str(db_path), since=None, everything=False, batch_size=3, loader=fake_loader, version=lambda: 7
    )
    assert code == exitcodes.OK
    assert "Reprocessed 4 of 4 articles; 0 failed" in capsys.readouterr().out
    run = database.execute("SELECT command, status, exit_code, stats FROM crawl_runs").fetchone()
    assert run[:3] == ("reprocess", "ok", 0) and '"processed": 4' in run[3]
    assert (
        run_reprocess(
            str(db_path), since=None, everything=False, batch_size=3, loader=fake_loader, version=lambda: 7
        )
        == exitcodes.OK
    )
    assert "Nothing to reprocess" in capsys.readouterr().out


def test_reprocess_refuses_to_run_beside_a_crawl(db_path, database, capsys):
    store(database, 2)
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        code = run_reprocess(
            str(db_path), since=None, everything=False, batch_size=3, loader=fake_loader, version=lambda: 7
        )
    finally:
        proc.kill()
        proc.wait()
    assert code == exitcodes.LOCKED
    assert f"pid {proc.pid}" in capsys.readouterr().err
    assert versions(database) == [None, None]


def test_reprocess_command_rejects_a_bad_date(db_path, database):
    from click.testing import CliRunner

    from veille.cli import main

    result = CliRunner().invoke(main, ["reprocess", "--db", str(db_path), "--since", "hier"])
    assert result.exit_code == 2 and "is not a date" in result.output


SLOW_REPROCESS = """
import sys, time
from tests.ops.conftest import fake_extract
from veille.cli_ops import run_reprocess

def slow(texts):
    print("batch", flush=True)
    time.sleep(0.3)
    return fake_extract(texts)

sys.exit(run_reprocess(sys.argv[1], since=None, everything=False, batch_size=2,
                       loader=lambda b, n: (slow, 5), version=lambda: 5))
"""


def test_sigterm_stops_reprocess_cleanly_and_records_it(db_path, database):
    import signal
    from pathlib import Path

    store(database, 20)
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_REPROCESS, str(db_path)],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "batch"
    assert proc.stdout.readline().strip() == "batch"
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=10)
    assert proc.returncode == exitcodes.INTERRUPTED, err
    assert "Stopped by signal after" in err
    status, stats = database.execute("SELECT status, stats FROM crawl_runs").fetchone()
    assert status == "interrupted"
    done = versions(database).count(5)
    assert 2 <= done < 20 and f'"processed": {done}' in stats
    assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_sigkill_during_reprocess_loses_nothing_and_the_next_one_finishes(db_path, database):
    import signal
    from pathlib import Path

    store(database, 20)
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_REPROCESS, str(db_path)], cwd=root, stdout=subprocess.PIPE, text=True
    )
    for _ in range(3):
        assert proc.stdout.readline().strip() == "batch"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    done = versions(database).count(5)
    assert 2 <= done < 20
    # every article is either untouched or fully re-extracted (2 mentions each): never half-written
    per_article = database.execute(
        "SELECT a.nlp_version, count(m.id) FROM articles a LEFT JOIN mentions m ON m.article_id = a.id GROUP BY a.id"
    ).fetchall()
    assert all((v, n) in ((None, 0), (5, 2)) for v, n in per_article)
    code = run_reprocess(
        str(db_path),
        since=None,
        everything=False,
        batch_size=8,
        loader=lambda b, n: (fake_extract, 5),
        version=lambda: 5,
    )
    assert code == exitcodes.OK
    assert versions(database) == [5] * 20
    assert database.execute("SELECT status FROM crawl_runs ORDER BY id").fetchall() == [
        ("interrupted",),
        ("ok",),
    ]


def test_reprocess_with_a_model_that_cannot_load_gives_one_line_and_changes_nothing(
    db_path, database, capsys
):
    # Before: spaCy's OSError escaped as a traceback and the run stayed 'running'.
    store(database, 2)

    def missing(batch_size, n_process):
        raise OSError("[E050] Can't find model 'fr_core_news_sm'")

    code = run_reprocess(
        str(db_path), since=None, everything=False, batch_size=3, loader=missing, version=lambda: 7
    )
    assert code == exitcodes.NLP_ERROR
    assert capsys.readouterr().err.startswith("veille: cannot load the spaCy model: [E050]")
    assert database.execute("SELECT status, exit_code FROM crawl_runs").fetchone() == (
        "failed",
        exitcodes.NLP_ERROR,
    )
    assert versions(database) == [None, None]
