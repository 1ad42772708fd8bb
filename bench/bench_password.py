"""Password mode under a wrong-password flood: how long a logged-in reader waits.

    python bench/bench_password.py [--quick]

In one process, on the test-size workbench database, two password setups are run in alternated
rounds: datasette-auth-passwords' own HTTP Basic auth (what `veille serve --password-hash` used
before: PBKDF2 in the event loop) and veille's (db/datasette_plugin/auth.py: threads, cache,
rate limit). Each round fires 48 wrong-password requests, then, while they are in flight, one
request of a reader whose credentials were accepted before. Two floods: from one address (the
rate limit answers most of it) and from 48 addresses (one try each: only the threads help).
The reader's wait is reported as a ratio to one PBKDF2 check measured in the same run, so the
figure holds on a busy machine. Target: the reader waits less than half of one check.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import benchlib  # first: puts the repository on sys.path
import httpx
from datasette.app import Datasette
from datasette_auth_passwords.utils import hash_password, verify_password

from db.metadata import PASSWORD_ENV
from db.serve import SETTINGS, build_datasette

sys.path.insert(0, str(benchlib.REPO))
from tests.db.workbench_data import build_database  # noqa: E402

TARGET_RATIO = 0.5
FLOOD = 48
PASSWORD = "s3cret-du-banc"


def _basic(password: str) -> dict[str, str]:
    return {"authorization": "Basic " + base64.b64encode(f"veille:{password}".encode()).decode()}


def upstream(path: Path, password_hash: str) -> Datasette:
    """The setup before: datasette-auth-passwords checks every request itself."""
    os.environ["UPSTREAM_HASH"] = password_hash
    plugins = {
        "datasette-auth-passwords": {
            "veille_password_hash": {"$env": "UPSTREAM_HASH"},
            "http_basic_auth": True,
        }
    }
    return Datasette(files=[str(path)], metadata={"plugins": plugins}, settings=SETTINGS)


async def _reader_wait(app: Any, spread: bool) -> float:
    """Seconds the logged-in reader waits while FLOOD wrong-password requests are in flight."""

    def client(address: str) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=app, client=(address, 40000))
        return httpx.AsyncClient(transport=transport, base_url="http://localhost")

    async with client("192.0.2.1") as reader:
        assert (await reader.get("/-/versions.json", headers=_basic(PASSWORD))).status_code == 200
        attackers = [client(f"198.51.100.{i if spread else 1}") for i in range(FLOOD)]
        flood = [
            asyncio.create_task(a.get("/-/versions.json", headers=_basic(f"faux{i}")))
            for i, a in enumerate(attackers)
        ]
        await asyncio.sleep(0)  # the flood starts first
        start = time.perf_counter()
        response = await reader.get("/-/versions.json", headers=_basic(PASSWORD))
        waited = time.perf_counter() - start
        statuses = [r.status_code for r in await asyncio.gather(*flood)]
        for a in attackers:
            await a.aclose()
    assert response.status_code == 200 and set(statuses) <= {401, 429}, (response.status_code, set(statuses))
    return waited


def main() -> int:
    args = benchlib.base_parser(__doc__.splitlines()[0]).parse_args()
    logging.getLogger("db.datasette_plugin.auth").setLevel(logging.ERROR)  # one line per failed login
    rounds = 2 if args.quick else 5
    info = benchlib.machine_info()
    benchlib.print_header("password mode under a wrong-password flood", info)
    password_hash = hash_password(PASSWORD)
    start = time.perf_counter()
    verify_password(PASSWORD, password_hash)
    one_check = time.perf_counter() - start
    with tempfile.TemporaryDirectory(prefix="veille-bench-") as tmp:
        path = build_database(Path(tmp) / "veille.db")
        setups = {
            "before": upstream(path, password_hash),
            "veille": build_datasette(path, password_hash=password_hash),
        }
        apps = {name: ds.app() for name, ds in setups.items()}
        results: dict[str, Any] = {}
        for spread in (False, True):
            flood = "48 addresses" if spread else "one address"
            waits: dict[str, list[float]] = {name: [] for name in apps}
            for i in range(rounds):
                for name in apps if i % 2 == 0 else reversed(list(apps)):
                    waits[name].append(asyncio.run(_reader_wait(apps[name], spread)))
            results[flood] = {name: round(benchlib.median(w) / one_check, 3) for name, w in waits.items()}
            print(f"flood from {flood}: reader waits {results[flood]['before']:.2f} checks before, "
                  f"{results[flood]['veille']:.2f} with veille's auth")  # fmt: skip
    os.environ.pop(PASSWORD_ENV, None)
    worst = max(r["veille"] for r in results.values())
    ok = worst < TARGET_RATIO
    print(f"one PBKDF2 check {one_check * 1000:.0f} ms; worst veille wait {worst:.2f} checks "
          f"(target < {TARGET_RATIO}): {benchlib.verdict(ok)}")  # fmt: skip
    name = "bench_password" + ("-quick" if args.quick else "")
    benchlib.write_results(name, {"machine": info, "one_check_ms": round(one_check * 1000, 1), "rounds": rounds,
                                  "flood": FLOOD, "results": results, "worst_ratio": worst,
                                  "target_ratio": TARGET_RATIO, "ok": ok})  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
