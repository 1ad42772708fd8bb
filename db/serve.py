"""Serve a veille database in Datasette: read-only, with metadata, the plugin and a SQL time limit.

``serve_database(path, port=8001, host="127.0.0.1")`` blocks until interrupted; ``build_datasette``
returns the configured instance (tests use its ``client``). The file is served mutable — never
``-i`` immutable, since cron keeps writing to it — but Datasette only reads it: no canned query
writes, and Datasette 0.65 has no write API.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import webbrowser
from pathlib import Path
from typing import Any

from datasette.app import Datasette
from datasette.plugins import pm

import db.datasette_plugin as veille_plugin
import db.datasette_plugin.workbench as workbench_plugin
from db.metadata import PASSWORD_ENV, auth_metadata
from db.store import DatabaseError, open_db

logger = logging.getLogger(__name__)

SETTINGS: dict[str, Any] = {
    "sql_time_limit_ms": 3000,
    "facet_time_limit_ms": 500,
    "max_returned_rows": 1000,
    "default_page_size": 50,
    "truncate_cells_html": 400,
    "allow_download": False,
    "default_cache_ttl": 5,
}
_USERNAME = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
_HASH = re.compile(r"^pbkdf2_sha256\$\d+\$[^$]+\$[^$]+$")


def _register_plugin() -> None:
    # Entry points are scanned by Datasette at import, except under some test runners: register
    # explicitly so `veille serve` always has its plugin.
    if not pm.is_registered(veille_plugin) and pm.get_plugin("veille") is None:
        pm.register(veille_plugin, name="veille")
    if not pm.is_registered(workbench_plugin) and pm.get_plugin("veille_workbench") is None:
        pm.register(workbench_plugin, name="veille_workbench")


def check_password_options(password_hash: str | None, username: str) -> None:
    """Raise ValueError with a clear message for a malformed hash or user name."""
    if not _USERNAME.match(username):
        raise ValueError(f"invalid user name {username!r}: letters, digits, '.', '_' or '-' only")
    if password_hash is not None and not _HASH.match(password_hash):
        raise ValueError(
            "invalid password hash: expected the output of `veille hash-password` (pbkdf2_sha256$...)"
        )


def prepare_database(path: str | Path) -> Path:
    """Check the file exists and bring its schema up to date (the only write veille serve makes)."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseError(
            f"no database at {path} (`veille crawl --db {path}` or `veille demo` creates one)"
        )
    open_db(path).close()
    return path


def build_datasette(
    path: str | Path,
    *,
    password_hash: str | None = None,
    username: str = "veille",
    settings: dict[str, Any] | None = None,
    public_read: bool = False,
) -> Datasette:
    """A Datasette instance on ``path`` with veille's metadata, plugin and settings.

    With ``password_hash`` every page needs the account ``username`` (HTTP Basic auth); with
    ``public_read`` too, only arbitrary SQL does (pages, exports and feeds are open to all).
    """
    if public_read and password_hash is None:
        raise ValueError("--public-read needs a password (--password-hash): it reserves SQL to the account")
    check_password_options(password_hash, username)
    path = Path(path)
    _register_plugin()
    if password_hash is not None:
        os.environ[PASSWORD_ENV] = password_hash
    # titles, tables and canned queries come from the plugin (get_metadata), as in a plain `datasette`
    metadata = auth_metadata(username, public_read) if password_hash else {}
    return Datasette(
        files=[str(path)],
        metadata=metadata,
        settings={**SETTINGS, **(settings or {})},
        cors=False,
    )


class ServeError(Exception):
    """Datasette cannot listen where it was asked (port in use, unknown host); the message says why."""


def check_address(host: str, port: int) -> None:
    """Bind (host, port) once before starting: uvicorn would log a traceback and exit 1 instead."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise ServeError(f"cannot serve on {host}:{port}: unknown host ({exc})") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise ServeError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None


def serve_database(
    path: str | Path,
    port: int = 8001,
    host: str = "127.0.0.1",
    open_browser: bool = False,
    password_hash: str | None = None,
    username: str = "veille",
    public_read: bool = False,
) -> None:
    """Serve the database until interrupted (Ctrl-C). Raises DatabaseError if it cannot be opened."""
    import uvicorn

    path = prepare_database(path)
    check_address(host, port)
    datasette = build_datasette(path, password_hash=password_hash, username=username, public_read=public_read)
    asyncio.run(datasette.invoke_startup())
    url = f"http://{host}:{port}/"
    logger.info("serving %s at %s", path, url)
    print(f"veille: Datasette on {url} (database {path}; Ctrl-C to stop)", flush=True)
    if password_hash is None and host not in ("127.0.0.1", "localhost", "::1"):
        logger.warning("serving on %s without a password: anyone on the network can read the data", host)
    if open_browser:
        webbrowser.open(url)
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning", lifespan="on", workers=1)
