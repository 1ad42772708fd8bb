from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
import sqlite_utils
from click.testing import CliRunner

from db.export import dump_database, write_rows
from tests.db.workbench_data import CISCO_BY_MONTH, build_database
from veille import exitcodes
from veille.cli import main


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build_database(tmp_path_factory.mktemp("exp") / "veille.db")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_timeline_export_in_every_format_has_the_same_rows(db_path):
    as_csv = list(csv.DictReader(io.StringIO(run("export", "timeline", "cisco", "--db", db_path).stdout)))
    as_json = json.loads(run("export", "timeline", "cisco", "--db", db_path, "--format", "json").stdout)
    jsonl = run("export", "timeline", "cisco", "--db", db_path, "--format", "jsonl").stdout
    as_jsonl = [json.loads(line) for line in jsonl.splitlines()]
    assert as_json == as_jsonl
    assert [{k: str(v) for k, v in row.items()} for row in as_json] == as_csv
    assert {r["periode"]: (r["mentions"], r["articles"]) for r in as_json} == CISCO_BY_MONTH


def test_timeline_export_to_a_file(db_path, tmp_path):
    target = tmp_path / "cisco.csv"
    result = run("export", "timeline", "Cisco", "--db", db_path, "--by", "week", "-o", target)
    assert result.exit_code == 0
    assert "5 rows written" in result.stderr
    assert target.read_text(encoding="utf-8").startswith("periode,mentions,articles")
    assert not (tmp_path / "cisco.csv.partial").exists()


def test_unknown_entity_exits_5_with_close_names_and_writes_nothing(db_path, tmp_path):
    target = tmp_path / "out.csv"
    result = run("export", "timeline", "Cisko Sytems", "--db", db_path, "-o", target)
    assert result.exit_code == exitcodes.NOT_FOUND == 5
    assert "no entity named 'Cisko Sytems'" in result.stderr
    assert "Cisco Systems" in result.stderr
    assert not target.exists() and not (tmp_path / "out.csv.partial").exists()


def test_bad_date_is_a_usage_error(db_path):
    result = run("export", "timeline", "Cisco", "--db", db_path, "--since", "01/02/2024")
    assert result.exit_code == exitcodes.USAGE
    assert "expected YYYY-MM-DD" in result.output


def test_missing_database_is_a_database_error(tmp_path):
    result = run("export", "timeline", "Cisco", "--db", tmp_path / "absent.db")
    assert result.exit_code == exitcodes.DB_ERROR
    assert "no database at" in result.stderr
    assert not (tmp_path / "absent.db").exists()


@pytest.mark.parametrize("command", ["timeline", "events"])
def test_output_in_a_missing_folder_is_one_line_and_a_usage_error(db_path, tmp_path, command):
    # Before: a FileNotFoundError traceback (exit 1) on OUT.partial.
    target = tmp_path / "absent" / "out.csv"
    args = ["export", "timeline", "Cisco"] if command == "timeline" else ["export", "events"]
    result = run(*args, "--db", db_path, "-o", target)
    assert result.exit_code == exitcodes.USAGE, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.startswith("veille: ") and result.stderr.count("\n") == 1
    assert str(tmp_path / "absent") in result.stderr
    assert not (tmp_path / "absent").exists()


def test_dump_refuses_a_folder_that_is_not_empty_unless_forced(db_path, tmp_path):
    out = tmp_path / "dump"
    out.mkdir()
    (out / "notes.txt").write_text("mes notes", encoding="utf-8")
    refused = run("export", "dump", "--db", db_path, out)
    assert refused.exit_code == exitcodes.USAGE
    assert refused.stderr.startswith("veille: ") and "--force" in refused.stderr
    assert [p.name for p in out.iterdir()] == ["notes.txt"]  # nothing written
    forced = run("export", "dump", "--db", db_path, "--force", out)
    assert forced.exit_code == 0, forced.output
    assert (out / "manifest.json").is_file() and (out / "notes.txt").read_text(
        encoding="utf-8"
    ) == "mes notes"
    assert run("export", "dump", "--db", db_path, tmp_path / "empty-is-fine").exit_code == 0


def table_counts(path):
    conn = sqlite3.connect(path)
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
            "AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_dump_writes_every_table_with_a_manifest(db_path, tmp_path, fmt):
    out = tmp_path / "dump"
    result = run("export", "dump", "--db", db_path, "--format", fmt, out)
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    counts = table_counts(db_path)
    assert {t["table"]: t["rows"] for t in manifest["tables"]} == counts
    files = {p.name for p in out.iterdir()}
    assert files == {f"{t}.{fmt}" for t in counts} | {"manifest.json", "schema.sql", "README.txt"}
    assert not any("fts" in name for name in files)
    assert "entity_mentions" in manifest["views_not_exported"]
    assert f"articles.{fmt}: 6 rows" in result.stdout


def test_dump_reloads_into_an_identical_database(db_path, tmp_path):
    dump_database(db_path, tmp_path / "dump", "jsonl")
    copy = tmp_path / "copy.db"
    conn = sqlite3.connect(copy)
    conn.executescript((tmp_path / "dump" / "schema.sql").read_text())
    conn.close()
    rebuilt = sqlite_utils.Database(copy)
    for entry in json.loads((tmp_path / "dump" / "manifest.json").read_text())["tables"]:
        lines = (tmp_path / "dump" / entry["file"]).read_text().splitlines()
        rebuilt[entry["table"]].insert_all(json.loads(line) for line in lines)
    original = sqlite3.connect(db_path)
    for table in table_counts(db_path):
        assert list(rebuilt.execute(f'SELECT * FROM "{table}"')) == list(
            original.execute(f'SELECT * FROM "{table}"')
        )
    # the full-text index is rebuilt by its triggers
    assert (
        rebuilt.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'centres'").fetchone()[0]
        == 2
    )


def test_write_rows_streams_from_any_iterable():
    out = io.StringIO()
    rows = ((i, f"ligne {i}", None, b"\x00\x01") for i in range(3))
    assert write_rows(["id", "texte", "vide", "octets"], rows, "csv", out) == 3
    assert out.getvalue().splitlines() == ["id,texte,vide,octets", "0,ligne 0,,AAE="] + [
        "1,ligne 1,,AAE=",
        "2,ligne 2,,AAE=",
    ]
    empty = io.StringIO()
    write_rows(["a"], iter(()), "json", empty)
    assert json.loads(empty.getvalue()) == []
