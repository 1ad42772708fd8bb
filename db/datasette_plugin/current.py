"""The request being answered, for the hooks Datasette 0.65 calls without it.

``render_cell`` and ``get_metadata`` receive no request, yet a list cuts long text where a row page
does not, and a feed's title names the entity asked for. An ASGI wrapper keeps the path and query
arguments of the current request in a context variable for the time of the request.
"""

from __future__ import annotations

import contextvars
from dataclasses import dataclass, field
from urllib.parse import parse_qsl


@dataclass(frozen=True)
class Current:
    path: str = ""
    args: dict[str, str] = field(default_factory=dict)


_CURRENT: contextvars.ContextVar[Current | None] = contextvars.ContextVar("veille_request", default=None)
_NO_REQUEST = Current()


def current() -> Current:
    return _CURRENT.get() or _NO_REQUEST


def wrap(app):
    async def remember_request(scope, receive, send):
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        query = scope.get("query_string", b"").decode("latin-1")
        token = _CURRENT.set(Current(scope.get("path", ""), dict(parse_qsl(query, keep_blank_values=True))))
        try:
            await app(scope, receive, send)
        finally:
            _CURRENT.reset(token)

    return remember_request
