"""Password mode of `veille serve`: HTTP Basic authentication that a stranger cannot use to stall it.

datasette-auth-passwords checks the PBKDF2 hash (480,000 rounds, about 0.3 s of CPU) inside the
event loop, twice per request: 48 wrong-password requests made a legitimate one wait 5 s. Here:

- the hash is checked in a worker thread (hashlib releases the GIL), at most two at a time;
- a successful check is remembered, keyed by a keyed BLAKE2 digest of the Authorization header,
  so a logged-in reader (a feed reader polling every minute) costs one dictionary lookup;
- a client (its IP address) that failed MAX_FAILURES times in FAILURE_WINDOW seconds gets 429
  without any hashing until the window has passed;
- a malformed header (bad base64, bytes that are not UTF-8) is a failed login, never a 500.

The hash format stays datasette-auth-passwords' (``veille hash-password`` makes it). With
``public_read`` the pages, exports and feeds are open to all and only arbitrary SQL (``?sql=``,
``_where=``) and ``/-/login`` ask for the account; Datasette's ``allow_sql`` enforces the same rule.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import logging
import secrets
import time
from collections import OrderedDict, deque
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import parse_qs

from datasette.utils.asgi import Response
from datasette_auth_passwords.utils import verify_password

logger = logging.getLogger(__name__)

PLUGIN = "veille"
MAX_FAILURES = 10
FAILURE_WINDOW = 60.0
MAX_CACHED = 256
MAX_CLIENTS = 10_000
CONCURRENT_CHECKS = 2
ACTOR_KEY = "veille.actor"
REALM = b'Basic realm="veille", charset="UTF-8"'
#: query parameters that run SQL written by the visitor (Datasette's execute-sql permission)
SQL_PARAMS = ("sql", "_where")
LOGIN_PATH = "/-/login"


def authorization(scope: dict) -> bytes | None:
    for name, value in scope.get("headers") or []:
        if name.lower() == b"authorization":
            return value
    return None


def credentials(header: bytes) -> tuple[str, str] | None:
    """(username, password) of a Basic Authorization header; None when unreadable."""
    scheme, _, encoded = header.partition(b" ")
    if scheme.lower() != b"basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    username, sep, password = decoded.partition(":")
    return (username, password) if sep else None


def _consumed(scope: dict, actor: dict | None) -> dict:
    """The scope passed on: the actor set, the Authorization header removed, so that no other
    plugin (datasette-auth-passwords is installed) decodes or hashes it again."""
    headers = [(n, v) for n, v in scope.get("headers") or [] if n.lower() != b"authorization"]
    return {**scope, "headers": headers, ACTOR_KEY: actor}


class Guard:
    """The account, the cache of good credentials and the failures of each client."""

    def __init__(self, username: str, password_hash: str, public_read: bool = False) -> None:
        self.username = username
        self.password_hash = password_hash
        self.public_read = public_read
        self._key = secrets.token_bytes(32)  # the cache keys mean nothing outside this process
        self._good: OrderedDict[bytes, None] = OrderedDict()
        self._failures: dict[str, deque[float]] = {}
        # at most CONCURRENT_CHECKS hashes at a time: a flood of wrong passwords queues here
        self._checks = ThreadPoolExecutor(CONCURRENT_CHECKS, thread_name_prefix="veille-password")

    def _digest(self, username: str, password: str) -> bytes:
        return hashlib.blake2b(f"{username}:{password}".encode(), key=self._key).digest()

    def limited(self, client: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        times = self._failures.get(client)
        while times and now - times[0] > FAILURE_WINDOW:
            times.popleft()
        return bool(times) and len(times) >= MAX_FAILURES

    def _failed(self, client: str) -> None:
        if len(self._failures) >= MAX_CLIENTS:  # a swarm of addresses must not grow memory forever
            self._failures.clear()
        self._failures.setdefault(client, deque(maxlen=MAX_FAILURES)).append(time.monotonic())

    def cached(self, username: str, password: str) -> bool:
        digest = self._digest(username, password)
        if digest in self._good:
            self._good.move_to_end(digest)
            return True
        return False

    async def check(self, username: str, password: str, client: str) -> bool:
        digest = self._digest(username, password)
        good = secrets.compare_digest(username.encode(), self.username.encode()) and await self._verify(
            password
        )
        if not good:
            self._failed(client)
            return False
        self._good[digest] = None
        if len(self._good) > MAX_CACHED:
            self._good.popitem(last=False)
        return True

    async def _verify(self, password: str) -> bool:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._checks, verify_password, password, self.password_hash)

    def needs_login(self, scope: dict) -> bool:
        if not self.public_read or scope.get("path") == LOGIN_PATH:
            return True
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        return any(query.get(name) for name in SQL_PARAMS)


def _challenge(status: int = 401, retry_after: int | None = None) -> Response:
    if status == 429:
        text = "429 trop d'échecs de connexion depuis cette adresse, réessayez dans une minute"
        return Response.text(text, status=429, headers={"retry-after": str(retry_after or 60)})
    return Response.text(
        "401 identification requise", status=401, headers={"www-authenticate": REALM.decode()}
    )


def guard_for(datasette: Any) -> Guard | None:
    config = datasette.plugin_config(PLUGIN) or {}
    if not config.get("password_hash"):
        return None
    return Guard(config["username"], config["password_hash"], bool(config.get("public_read")))


def wrap(datasette: Any, app: Any) -> Any:
    """Require the account (see the module docstring); without a password hash, ``app`` as is."""
    guard = guard_for(datasette)
    if guard is None:
        return app

    async def authenticated(scope, receive, send):
        if scope["type"] != "http":
            return await app(scope, receive, send)
        client = (scope.get("client") or ("?",))[0]
        header = authorization(scope)
        if header is None:
            if guard.needs_login(scope):
                return await _challenge().asgi_send(send)
            return await app(_consumed(scope, None), receive, send)
        given = credentials(header)
        if given is None:  # garbage is a failed login, whatever the page
            return await _challenge().asgi_send(send)
        if guard.cached(*given):  # a reader already logged in passes even from a noisy address
            pass
        elif guard.limited(client):
            return await _challenge(429, retry_after=int(FAILURE_WINDOW)).asgi_send(send)
        elif not await guard.check(*given, client):
            logger.warning("failed login for %r from %s", given[0][:64], client)
            return await _challenge().asgi_send(send)
        if scope.get("path") == LOGIN_PATH:
            return await Response.redirect(datasette.urls.path("/")).asgi_send(send)
        await app(_consumed(scope, {"id": guard.username}), receive, send)

    return authenticated


def actor_from_request(request: Any) -> dict | None:
    """The actor the wrapper authenticated (the ``actor_from_request`` hook of the plugin)."""
    return request.scope.get(ACTOR_KEY)
