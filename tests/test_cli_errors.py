"""Database, file and startup errors as a user meets them: one `veille: ` line and a documented code."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import db
from veille import exitcodes
from veille.demo import sources_toml


def veille(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "veille", *args], capture_output=True, text=True, timeout=180, cwd=cwd
    )


def filled_db(path: Path) -> Path:
    database = db.open_db(path)
    for n in range(200):  # enough rows for the tables to span several pages
        db.save_article(database, {"source": "s", "url": f"https://a.fr/{n}", "text": f"Texte {n} " * 40})
    run = db.start_run(database, "crawl")
    db.finish_run(database, run, status="completed", exit_code=0)
    database.close()
    return path


def corrupt_tables(path: Path, tables: tuple[str, ...]) -> None:
    """Overwrite the root pages of these tables and their indexes: the file opens, reading them fails."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    marks = ",".join("?" * len(tables))
    roots = [
        r[0]
        for r in conn.execute(
            f"SELECT rootpage FROM sqlite_master WHERE rootpage > 1 AND tbl_name IN ({marks})", tables
        )
    ]
    conn.close()
    with path.open("r+b") as handle:
        for root in roots:
            handle.seek((root - 1) * page_size)
            handle.write(b"\xff" * page_size)


@pytest.fixture
def corrupt_db(tmp_path) -> Path:
    path = filled_db(tmp_path / "v.db")
    corrupt_tables(path, ("articles", "article_urls", "crawl_runs", "entities", "entity_aliases"))
    return path


COMMANDS = {
    "status": ["status"],
    "reprocess": ["reprocess"],
    "export dump": ["export", "dump", "OUT"],
    "export timeline": ["export", "timeline", "Cisco"],
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_corrupt_database_gives_one_line_and_db_error(corrupt_db, tmp_path, name):
    # Before: sqlite3.DatabaseError tracebacks with exit 1 ("a source unreadable").
    args = [str(tmp_path / "out") if a == "OUT" else a for a in COMMANDS[name]]
    result = veille(*args, "--db", str(corrupt_db))
    assert result.returncode == exitcodes.DB_ERROR, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("veille: ") and "malformed" in result.stderr


def test_crawl_on_a_corrupt_database_gives_one_line_and_db_error(corrupt_db, tmp_path):
    sources = tmp_path / "s.toml"
    sources.write_text(sources_toml("http://127.0.0.1:9"), encoding="utf-8")
    result = veille("crawl", "--sources", str(sources), "--db", str(corrupt_db))
    assert result.returncode == exitcodes.DB_ERROR, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]  # one line
    assert result.stderr.startswith("veille: ")


def _make_read_only(path: Path) -> bool:
    """A file this process cannot write: chmod for a normal user, the immutable flag for root."""
    import os

    if os.geteuid() != 0:
        path.chmod(0o444)
        path.parent.chmod(0o555)
        return True
    return shutil.which("chattr") is not None and subprocess.run(["chattr", "+i", str(path)]).returncode == 0


def _make_writable(path: Path) -> None:
    import os

    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], check=False)
    else:
        path.parent.chmod(0o755)
        path.chmod(0o644)


def test_read_only_database_gives_one_line_and_db_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = filled_db(folder / "v.db")
    sqlite3.connect(path).execute("PRAGMA journal_mode = DELETE").close()  # no -wal/-shm to create
    sources = tmp_path / "s.toml"
    sources.write_text(sources_toml("http://127.0.0.1:9"), encoding="utf-8")
    if not _make_read_only(path):
        pytest.skip("cannot make a file read-only here (root without chattr)")
    try:
        result = veille("crawl", "--sources", str(sources), "--db", str(path))
    finally:
        _make_writable(path)
    assert result.returncode == exitcodes.DB_ERROR, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and result.stderr.startswith("veille: ")


# Bad arguments on each subcommand (#10 item 18, re-probed): the value, the expected exit code.
# Each case that gave a traceback or click's exit 1 before is marked "before:".
BAD_ARGUMENTS = {
    # before: RuntimeError "Crawler.stats is not set yet" traceback, exit 1
    "crawl bad VEILLE_ integer": (
        ["crawl", "--sources", "SOURCES", "--db", "TMP/c.db", "-s", "VEILLE_MAX_LINKS_PER_FEED=abc"],
        exitcodes.CRAWL_FAILED,
    ),
    "crawl sources is a folder": (["crawl", "--sources", "TMP", "--db", "TMP/c.db"], exitcodes.USAGE),
    "crawl bad --limit": (["crawl", "--limit", "abc"], exitcodes.USAGE),
    "crawl garbage db": (["crawl", "--sources", "SOURCES", "--db", "GARBAGE"], exitcodes.DB_ERROR),
    "demo port out of range": (
        ["demo", "--port", "70000", "--no-serve"],
        exitcodes.USAGE,
    ),  # before: accepted
    "eval missing gold": (["eval", "TMP/absent.jsonl"], exitcodes.USAGE),
    "eval binary gold": (["eval", "GARBAGE"], exitcodes.USAGE),
    # before: OSError [E050] traceback, exit 1
    "explain unknown model": (
        ["explain", "--model", "no_such_model", "Cisco rachète Splunk."],
        exitcodes.NLP_ERROR,
    ),
    # before: "Python int too large to convert to SQLite INTEGER" as a database error, exit 3
    "explain huge id": (["explain", "--id", "99999999999999999999999", "--db", "GOOD"], exitcodes.USAGE),
    "explain garbage db": (["explain", "--id", "1", "--db", "GARBAGE"], exitcodes.DB_ERROR),
    # before: click's "Error: Could not open file", exit 1 (documented as "a source unreadable")
    "extract output in a missing folder": (["extract", "-o", "TMP/absent/x.jsonl", "INPUT"], exitcodes.USAGE),
    "extract output is a folder": (["extract", "-o", "TMP", "INPUT"], exitcodes.USAGE),
    "extract bad --processes": (["extract", "-p", "0", "INPUT"], exitcodes.USAGE),
    "reprocess garbage db": (["reprocess", "--db", "GARBAGE"], exitcodes.DB_ERROR),
    "reprocess bad --since": (["reprocess", "--db", "GOOD", "--since", "2024-13-01"], exitcodes.USAGE),
    "status db is a folder": (["status", "--db", "TMP"], exitcodes.USAGE),
    "status bad --runs": (["status", "--db", "GOOD", "--runs", "0"], exitcodes.USAGE),
    "serve garbage db": (["serve", "--db", "GARBAGE"], exitcodes.DB_ERROR),
    "serve bad password hash": (["serve", "--db", "GOOD", "--password-hash", "x"], exitcodes.USAGE),
    "store unknown option": (["store", "--bogus"], exitcodes.USAGE),
    "worker bad --idle-exit": (
        ["worker", "--redis", "redis://127.0.0.1:1/0", "--idle-exit", "x"],
        exitcodes.USAGE,
    ),
    "export events bad --min": (["export", "events", "--db", "GOOD", "--min", "abc"], exitcodes.USAGE),
    "export dump into a file": (["export", "dump", "--db", "GOOD", "GOOD"], exitcodes.USAGE),
}


@pytest.fixture(scope="module")
def probe_files(tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("probe")
    garbage = folder / "garbage.db"
    garbage.write_bytes(bytes(range(256)) * 16)  # not a database, not UTF-8
    sources = folder / "s.toml"
    sources.write_text(sources_toml("http://127.0.0.1:9"), encoding="utf-8")
    articles = folder / "in.jsonl"
    articles.write_text('{"id": "a", "text": "Cisco rachète Splunk."}\n', encoding="utf-8")
    good = filled_db(folder / "good.db")
    return {"TMP": str(folder), "GARBAGE": str(garbage), "SOURCES": str(sources), "INPUT": str(articles),
            "GOOD": str(good)}  # fmt: skip


@pytest.mark.parametrize("name", sorted(BAD_ARGUMENTS))
def test_bad_arguments_give_one_line_and_a_documented_code(probe_files, name):
    args, code = BAD_ARGUMENTS[name]
    for placeholder, value in probe_files.items():
        args = [a.replace(placeholder, value) if a.startswith(placeholder) else a for a in args]
    result = veille(*args)
    assert result.returncode == code, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    usage = lines and lines[0].startswith("Usage: ") and lines[-1].startswith("Error: ")
    assert usage or (len(lines) == 1 and lines[0].startswith("veille: ")), result.stderr
