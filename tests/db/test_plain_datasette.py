"""A plain `datasette veille.db` (veille installed, no `veille serve`) gets the same workbench."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from db.queries import CANNED_QUERIES
from tests.db.workbench_data import build_database
from tests.serving import free_port, wait_until_up

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    path = build_database(tmp_path_factory.mktemp("plain") / "veille.db")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(path), "--port", str(port), "--host", "127.0.0.1"],
        cwd=tmp_path_factory.getbasetemp(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, process, "datasette did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def test_plain_datasette_has_the_canned_queries_and_french_pages(plain):
    database = json.loads(fetch(plain + "/veille.json"))
    assert {q["name"] for q in database["queries"]} == {q.name for q in CANNED_QUERIES}
    home = fetch(plain + "/")
    assert "veille — la presse tech française" in home and "Propulsé par" in home and "rows in" not in home
    who = fetch(plain + "/veille/qui_dirige_quoi?company=")
    assert "Qui dirige quoi" in who and 'href="/-/veille/entity/' in who and "en poste" in who


def test_plain_datasette_has_the_article_page_feeds_and_stays_read_only(plain):
    page = fetch(plain + "/-/veille/article/4")
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    feed = fetch(plain + "/veille/nouvelles_mentions.atom?entity=Cisco")
    assert "<title>Nouvelles mentions de « Cisco » — veille</title>" in feed
    request = urllib.request.Request(plain + "/veille/qui_dirige_quoi", data=b"company=x", method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 405
