"""Fixtures of the browser tests: the demo database, `veille serve` on it, headless Chromium.

The database comes from `veille demo --no-serve` (the offline demo site crawled end to end);
if that command fails, from the hand-written test data, so the pages are still checked.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.db.workbench_data import build_database
from tests.serving import free_port, wait_until_up

logger = logging.getLogger(__name__)

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

BROWSER_MARKS = [
    pytest.mark.browser,
    # CI installs chromium (make system-deps): there a missing browser is a failure, not a skip
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM) and not os.environ.get("CI"), reason=f"{CHROMIUM} is not installed"
    ),
]


def _veille(*args: str, **kwargs) -> subprocess.CompletedProcess:
    # cwd=ROOT: `python -m veille` must find this package, not a stray `veille/` folder in the cwd
    return subprocess.run([sys.executable, "-m", "veille", *args], cwd=ROOT, **kwargs)


@pytest.fixture(scope="session")
def database(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "demo.db"
    demo = _veille("demo", "--no-serve", "--db", str(path), capture_output=True, text=True, timeout=300)
    if demo.returncode != 0 or not path.exists():
        logger.warning("veille demo failed (%s); using the test data\n%s", demo.returncode, demo.stderr)
        path.unlink(missing_ok=True)
        build_database(path)
    return path


@pytest.fixture(scope="session")
def server(database):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "VEILLE_PASSWORD_HASH"}  # no login here
    log = ARTIFACTS / "serve.log"
    ARTIFACTS.mkdir(exist_ok=True)
    output = log.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "veille", "serve", "--db", str(database), "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, process, f"veille serve did not start: see {log}")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
        output.close()


def json_at(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


# module scope: Playwright's sync API keeps an event loop running in this thread while it is open,
# and later tests (asyncio.run) must not find one
@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def open_page(browser, url: str, width: int = 1200):
    page = browser.new_page(viewport={"width": width, "height": 900}, locale="fr-FR")
    outside, errors = [], []
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(url))
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(origin) else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, outside, errors


def db_name(server: str) -> str:
    databases = json_at(f"{server}/-/databases.json")
    return next(d["name"] for d in databases if not d["is_memory"])
