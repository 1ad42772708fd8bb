"""`scrapy crawl news` from the repository root: it crawls a sources file, or says what to run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import db
from veille.demo import SiteServer, sources_toml

ROOT = Path(__file__).resolve().parents[2]
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "VEILLE_NLP=none"]


def scrapy(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "VEILLE_ALLOW_PRIVATE_ADDRESSES": "127.0.0.1"}  # the local demo site
    command = [sys.executable, "-m", "scrapy", "crawl", "news", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, cwd=ROOT, env=env)


def test_bare_scrapy_crawl_says_to_use_veille_crawl():
    # Before: it crawled nothing without a word and exited 0.
    result = scrapy()
    assert "veille: no sources given: `veille crawl --sources FILE --db FILE`" in result.stderr


def test_scrapy_crawl_with_a_sources_file_stores_the_articles(tmp_path):
    # Before: AttributeError: 'str' object has no attribute 'name'.
    with SiteServer() as site:
        sources = tmp_path / "s.toml"
        sources.write_text(sources_toml(site.base_url), encoding="utf-8")
        db_path = tmp_path / "v.db"
        result = scrapy("-a", f"sources={sources}", "-s", f"VEILLE_DB_PATH={db_path}", *FAST)
    assert result.returncode == 0, result.stderr[-2000:]
    assert db.open_db(db_path)["articles"].count == 12


def test_scrapy_crawl_with_a_bad_sources_file_names_the_problem(tmp_path):
    sources = tmp_path / "s.toml"
    sources.write_text('[[sources]]\nname = "x"\nfeed = ["https://a.fr/rss"]\n', encoding="utf-8")
    result = scrapy("-a", f"sources={sources}")
    assert "unknown key 'feed'" in result.stderr and "veille crawl" in result.stderr
