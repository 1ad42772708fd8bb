"""Real browser: `veille serve` on the demo database, headless Chromium draws the timeline chart.

The database comes from `veille demo --no-serve` (the offline demo site crawled end to end);
if that command fails, from the hand-written test data, so the chart is still checked.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.db.workbench_data import build_database

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

pytestmark = [
    pytest.mark.browser,
    # CI installs chromium (make system-deps): there a missing browser is a failure, not a skip
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM) and not os.environ.get("CI"), reason=f"{CHROMIUM} is not installed"
    ),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _veille(*args: str, **kwargs) -> subprocess.CompletedProcess:
    # cwd=ROOT: `python -m veille` must find this package, not a stray `veille/` folder in the cwd
    return subprocess.run([sys.executable, "-m", "veille", *args], cwd=ROOT, **kwargs)


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "demo.db"
    demo = _veille("demo", "--no-serve", "--db", str(path), capture_output=True, text=True, timeout=300)
    if demo.returncode != 0 or not path.exists():
        logger.warning("veille demo failed (%s); using the test data\n%s", demo.returncode, demo.stderr)
        path.unlink(missing_ok=True)
        build_database(path)
    return path


@pytest.fixture(scope="module")
def server(database):
    port = _free_port()
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
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2).read()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"veille serve did not start: see {log}") from None
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
        output.close()


def _json(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _open(browser, url: str):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    outside, errors = [], []
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(url))
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(origin) else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, outside, errors


@pytest.mark.parametrize("by", ["month", "week"])
def test_entity_page_draws_one_bar_per_period(server, browser, by):
    page, outside, errors = _open(browser, f"{server}/-/veille/entity?q=cisco&by={by}")
    assert "/-/veille/entity/" in page.url  # the name was resolved to the entity's page
    entity_id = page.url.split("/-/veille/entity/")[1].split("?")[0]
    periods = _json(
        f"{server}/{_db_name(server)}/chronologie_entite.json?_shape=array&entity={entity_id}&by={by}"
    )
    assert len(periods) >= 2

    bars = page.locator("#veille-chart svg rect.veille-bar")
    assert bars.count() == len(periods)
    drawn = [
        (bars.nth(i).get_attribute("data-period"), int(bars.nth(i).get_attribute("data-mentions")))
        for i in range(bars.count())
    ]
    assert drawn == [(p["periode"], p["mentions"]) for p in periods]
    heights = [float(bars.nth(i).get_attribute("height")) for i in range(bars.count())]
    tallest = max(range(len(periods)), key=lambda i: periods[i]["mentions"])
    assert heights[tallest] == max(heights) > 0
    assert page.locator("section.veille-period").count() == len(periods)
    assert not outside, f"requests outside the server: {outside}"
    assert not errors, errors

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"timeline_chart_{by}.png"), full_page=True)
    page.close()


def test_canned_query_page_gets_the_chart_too(server, browser):
    url = f"{server}/{_db_name(server)}/chronologie_entite?entity=cisco&by=month&since=&until="
    page, outside, errors = _open(browser, url)
    rows = page.locator("table.rows-and-columns tbody tr").count()
    assert rows >= 2
    assert page.locator("#veille-chart rect.veille-bar").count() == rows
    assert not outside and not errors
    page.screenshot(path=str(ARTIFACTS / "timeline_canned_query.png"), full_page=True)
    page.close()


def _db_name(server: str) -> str:
    databases = _json(f"{server}/-/databases.json")
    return next(d["name"] for d in databases if not d["is_memory"])
