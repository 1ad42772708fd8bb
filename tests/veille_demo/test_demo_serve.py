"""`veille demo` keeps the demo site up while Datasette serves the crawled database."""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path

import veille.demo as demo


def test_demo_site_answers_while_datasette_runs(tmp_path, monkeypatch):
    seen: dict[str, object] = {}

    def fake_crawl(command, env):  # the crawl itself is tested elsewhere: only its sources file matters here
        sources = Path(command[command.index("--sources") + 1]).read_text(encoding="utf-8")
        seen["base"] = re.search(r"https?://127\.0\.0\.1:\d+", sources)[0]
        return 0

    def fake_serve(db_path, port):  # what a reader clicking "lire l'original" in Datasette reaches
        with urllib.request.urlopen(seen["base"] + "/robots.txt", timeout=5) as response:
            seen["status"] = response.status
        return 0

    monkeypatch.setattr(demo.subprocess, "call", fake_crawl)
    monkeypatch.setattr(demo, "serve_database", fake_serve)
    assert demo.run_demo(tmp_path / "demo.db", port=0, serve=True) == 0
    assert seen["status"] == 200
