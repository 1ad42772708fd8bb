"""`veille serve` that cannot listen exits SERVE_ERROR with one line, never a traceback with exit 1."""

import socket

from click.testing import CliRunner

import db
from veille import exitcodes
from veille.cli import main


def _database(tmp_path):
    db.open_db(tmp_path / "v.db").close()
    return str(tmp_path / "v.db")


def test_serve_on_a_port_in_use_exits_with_the_serve_code(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--db", _database(tmp_path), "--port", str(port)])
    assert result.exit_code == exitcodes.SERVE_ERROR
    assert result.stderr.startswith("veille: cannot serve on 127.0.0.1:") and "Traceback" not in result.output


def test_serve_on_an_unknown_host_exits_with_the_serve_code(tmp_path):
    result = CliRunner().invoke(
        main, ["serve", "--db", _database(tmp_path), "--host", "no such host!", "--port", "8999"]
    )
    assert result.exit_code == exitcodes.SERVE_ERROR
    assert "unknown host" in result.stderr
