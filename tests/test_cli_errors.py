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
