"""The hardening layer of the plugin: security headers, CSV without formulas, a cap on SQL values.

``wrap(datasette, app)`` is the ASGI middleware the plugin's ``asgi_wrapper`` puts around Datasette
(outermost first): security headers on every response (the 401 and 405 ones included), then the
password check (db.datasette_plugin.auth), then the rewriting of CSV exports through
db.csvsafe. ``limit_connection`` caps the size of any string or blob a query may build.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
from typing import Any
from urllib.parse import parse_qs

from db.csvsafe import CsvNeutraliser
from db.datasette_plugin import auth

logger = logging.getLogger(__name__)

#: largest string or blob a query may build or read: above the crawler's 10 MiB page cap
#: (DOWNLOAD_MAXSIZE), so any stored article stays readable, and far below the gigabytes
#: that ``printf('%.*c', 999999999, 'x')`` would allocate
MAX_VALUE_BYTES = 12 * 1024 * 1024

#: Datasette 0.65 pages carry small inline scripts and styles (menus, SQL editor): 'unsafe-inline'
#: stays for them, everything else is this site only; no framing, no plugin, no foreign form target
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode("ascii")),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]
_CSV_TYPES = (b"text/csv", b"text/plain")


def limit_connection(conn: sqlite3.Connection) -> None:
    """Every connection Datasette opens: no value over MAX_VALUE_BYTES ("string or blob too big"),
    and no printf() padding longer than that (see BoundedPrintf)."""
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    for name in ("printf", "format"):
        conn.create_function(name, -1, _PRINTF)


def _as_int(value: Any) -> int:
    try:
        return abs(int(float(value)))
    except (TypeError, ValueError, OverflowError):
        return 0


class BoundedPrintf:
    """SQLite's printf() with widths and precisions capped at MAX_VALUE_BYTES.

    With SQLITE_LIMIT_LENGTH, ``printf('%.*c', 999999999, 'x')`` returns NULL but still loops a
    billion times inside one SQL step, where Datasette's time limit cannot interrupt it (12 s on
    this machine). A larger width fails at once, like any value over the limit; any other call goes to the real printf() of a
    private in-memory connection (one per thread: Datasette runs queries in threads).
    """

    _SPEC = re.compile(r"%[-+ 0#,!]*(\d+|\*)?(?:\.(\d+|\*))?")

    def __init__(self) -> None:
        self._local = threading.local()

    def _builtin(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = sqlite3.connect(":memory:")
            conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
        return conn

    def __call__(self, fmt: Any, *args: Any) -> Any:
        if fmt is None:
            return None
        sizes = [int(n) for m in self._SPEC.finditer(str(fmt)) for n in m.groups() if n and n != "*"]
        if "*" in str(fmt):  # a width taken from the arguments: any of them may be it
            sizes += [_as_int(a) for a in args if not isinstance(a, bytes)]
        if any(n > MAX_VALUE_BYTES for n in sizes):
            # a result over the limit makes SQLite fail the query with its own "string or blob too
            # big", where an exception would only say "user-defined function raised exception"
            return " " * (MAX_VALUE_BYTES + 1)
        placeholders = ", ".join("?" * (1 + len(args)))
        return self._builtin().execute(f"SELECT printf({placeholders})", (fmt, *args)).fetchone()[0]


_PRINTF = BoundedPrintf()


def wrap(datasette: Any, app: Any) -> Any:
    """The ASGI app with headers, authentication and CSV neutralisation around ``app``."""
    inner = auth.wrap(datasette, csv_exports(app))

    async def with_headers(scope, receive, send):
        if scope["type"] != "http":
            return await inner(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await inner(scope, receive, send_with_headers)

    return with_headers


def is_csv_request(scope: dict) -> bool:
    if scope.get("path", "").endswith(".csv"):  # Datasette tilde-encodes a dot in a table name
        return True
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    return query.get("_format") == ["csv"]


def csv_exports(app: Any) -> Any:
    """Rewrite the body of Datasette's CSV responses so that no cell is a spreadsheet formula."""

    async def neutralised(scope, receive, send):
        if scope["type"] != "http" or not is_csv_request(scope):
            return await app(scope, receive, send)
        rewriter: CsvNeutraliser | None = None

        async def send_neutralised(message):
            nonlocal rewriter
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers", []))
                if headers.get(b"content-type", b"").startswith(_CSV_TYPES):
                    rewriter = CsvNeutraliser()
                    kept = [(n, v) for n, v in message.get("headers", []) if n.lower() != b"content-length"]
                    message = {**message, "headers": kept}
            elif message["type"] == "http.response.body" and rewriter is not None:
                body = rewriter.feed(message.get("body", b""))
                if not message.get("more_body", False):
                    body += rewriter.close()
                message = {**message, "body": body}
            await send(message)

        await app(scope, receive, send_neutralised)

    return neutralised
