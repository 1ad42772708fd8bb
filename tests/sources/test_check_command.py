"""`veille sources check` against a local server playing each way an address fails (subprocesses:
one Scrapy crawl per process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from tests.crawler.conftest import article
from tests.crawler.test_extract import PARAGRAPHS

HTML = "text/html; charset=utf-8"
RSS = "application/rss+xml"
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0"]
# a source written as 127.0.0.1:PORT is trusted as in the crawl; nothing else of the machine is
ENV = {k: v for k, v in os.environ.items() if k != "VEILLE_ALLOW_PRIVATE_ADDRESSES"}

UNDATED = (
    '<!DOCTYPE html><html lang="fr"><head><title>Exemplia rachète Gestipro</title></head><body><article>'
    "<h1>Exemplia rachète Gestipro</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "</article></body></html>"
)


YESTERDAY = date.today() - timedelta(days=1)
OLD = date(2024, 3, 12)


def rss(*links: str, day: date | None = YESTERDAY) -> str:
    stamp = f"<pubDate>{day:%a, %d %b %Y} 08:00:00 +0100</pubDate>" if day else ""
    items = "".join(f"<item><title>t</title><link>{u}</link>{stamp}</item>" for u in links)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>S</title>{items}</channel></rss>'


def slow(_request):
    time.sleep(3)
    return Response(rss(), content_type=RSS)


def serve(server: HTTPServer, base: str) -> None:
    respond = {
        "/robots.txt": ("User-agent: *\nDisallow: /private/\n", "text/plain", 200),
        "/": ("<!DOCTYPE html><html><body><h1>Accueil</h1></body></html>", HTML, 200),
        "/good/new.xml": ("introuvable", HTML, 404),
        "/good/rss.xml": (rss(f"{base}/good/a.html"), RSS, 200),
        "/good/a.html": (article("Cisco rachète Exemplia", date=YESTERDAY.isoformat()), HTML, 200),
        "/missing/rss.xml": ("introuvable", HTML, 404),
        "/empty/rss.xml": (rss(), RSS, 200),
        "/html/rss.xml": (article("Une page, pas un flux"), HTML, 200),
        "/offsite/rss.xml": (rss("https://elsewhere.example/a.html"), RSS, 200),
        "/undated/rss.xml": (rss(f"{base}/undated/a.html", day=None), RSS, 200),
        "/undated/a.html": (UNDATED, HTML, 200),
        "/bots/rss.xml": (rss(f"{base}/bots/a.html"), RSS, 200),
        "/bots/a.html": ("Forbidden", HTML, 403),
        "/stale/rss.xml": (rss(f"{base}/stale/a.html", day=OLD), RSS, 200),
        "/stale/a.html": (article("Un vieil article", date=OLD.isoformat()), HTML, 200),
        "/private/rss.xml": (rss(f"{base}/good/a.html"), RSS, 200),
        "/index/sitemap.xml": (
            '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            "<sitemap><loc>http://10.255.255.1/news.xml</loc></sitemap></sitemapindex>",
            "application/xml",
            200,
        ),
    }
    for path, (body, content_type, status) in respond.items():
        server.expect_request(path).respond_with_data(body, status=status, content_type=content_type)
    server.expect_request("/moved/rss.xml").respond_with_data(
        "", status=302, headers={"Location": f"{base}/"}
    )
    server.expect_request("/slow/rss.xml").respond_with_handler(slow)


SOURCES = {
    "good": 'feeds = ["{b}/good/new.xml"]\nfallback_feeds = ["{b}/good/rss.xml"]\nallowed_domains = ["127.0.0.1"]',
    "missing": 'feeds = ["{b}/missing/rss.xml"]',
    "empty": 'feeds = ["{b}/empty/rss.xml"]',
    "html": 'feeds = ["{b}/html/rss.xml"]',
    "offsite": 'feeds = ["{b}/offsite/rss.xml"]\nallowed_domains = ["127.0.0.1"]',
    "undated": 'feeds = ["{b}/undated/rss.xml"]',
    "stale": 'feeds = ["{b}/stale/rss.xml"]',
    "bots": 'feeds = ["{b}/bots/rss.xml"]',
    "moved": 'feeds = ["{b}/moved/rss.xml"]',
    "slow": 'feeds = ["{b}/slow/rss.xml"]',
    "private": 'feeds = ["{b}/private/rss.xml"]',
    "index": 'sitemaps = ["{b}/index/sitemap.xml"]',
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    base = server.url_for("").rstrip("/")
    serve(server, base)
    folder = tmp_path_factory.mktemp("check")
    sources = folder / "sources.toml"
    sources.write_text(
        "\n".join(f'[[sources]]\nname = "{name}"\n{keys.format(b=base)}\n' for name, keys in SOURCES.items()),
        encoding="utf-8",
    )
    yield folder, sources, base
    server.clear()
    server.stop()


def check(folder: Path, sources: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "veille", "sources", "check", "--sources", str(sources), *FAST, *args],
        capture_output=True, text=True, timeout=120, cwd=folder, env=ENV,
    )  # fmt: skip


@pytest.fixture(scope="module")
def every_source(site):
    folder, sources, _ = site
    done = check(folder, sources, "--format", "json", "--timeout", "1")
    return done, json.loads(done.stdout)


def test_each_failure_gets_its_verdict(every_source):
    _, report = every_source
    verdicts = {s["name"]: [a["verdict"] for a in s["addresses"]] for s in report["sources"]}
    assert verdicts == {
        "good": ["http_404", "ok"],
        "missing": ["http_404"],
        "empty": ["empty"],
        "html": ["not_a_feed"],
        "offsite": ["offsite_links"],
        "undated": ["no_date"],
        "stale": ["stale"],
        "bots": ["extraction_failed"],
        "moved": ["redirect_home"],
        "slow": ["timeout"],
        "private": ["robots_disallowed"],
        "index": ["blocked_address"],
    }


def test_a_source_works_when_one_address_is_ok_and_the_exit_code_says_some_do_not(every_source):
    done, report = every_source
    assert [s["name"] for s in report["sources"] if s["working"]] == ["good"]
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith("veille: 11 source(s) without a working address")


def test_json_gives_what_each_address_said(every_source, site):
    _, report = every_source
    base = site[2]
    primary, fallback = report["sources"][0]["addresses"]
    assert (primary["url"], primary["status"], primary["fallback"], primary["items"]) == (
        f"{base}/good/new.xml", 404, False, None,
    )  # fmt: skip
    assert fallback == {
        "url": f"{base}/good/rss.xml",
        "kind": "feed",
        "fallback": True,
        "status": 200,
        "final_url": f"{base}/good/rss.xml",
        "items": 1,
        "newest": f"{YESTERDAY}T08:00:00+01:00",
        "on_domain": 1.0,
        "accepted": 1,
        "article": {
            "url": f"{base}/good/a.html",
            "title": "Cisco rachète Exemplia",
            "published_at": f"{YESTERDAY}T08:00:00+01:00",
            "text_chars": fallback["article"]["text_chars"],
            "error": None,
        },
        "verdict": "ok",
        "detail": "",
    }
    assert fallback["article"]["text_chars"] > 300
    offsite = report["sources"][4]["addresses"][0]
    assert (offsite["on_domain"], offsite["accepted"], offsite["article"]) == (0.0, 0, None)


def test_a_stale_address_says_how_old_its_newest_item_is_and_0_turns_it_off(every_source, site):
    _, report = every_source
    stale = next(s for s in report["sources"] if s["name"] == "stale")["addresses"][0]
    assert stale["detail"] == "newest item 2024-03-12 is older than 14 days"
    folder, sources, _ = site
    done = check(folder, sources, "--source", "stale", "--stale-after", "0")
    assert done.returncode == 0, done.stderr


def test_an_article_page_refused_to_bots_gives_its_status(every_source):
    _, report = every_source
    bots = next(s for s in report["sources"] if s["name"] == "bots")["addresses"][0]
    assert (bots["status"], bots["items"], bots["article"]["error"]) == (200, 1, "http_403: HTTP 403")
    assert bots["detail"] == "http_403: HTTP 403"


def test_the_check_writes_no_database(every_source, site):
    folder = site[0]
    assert sorted(p.name for p in folder.iterdir()) == ["sources.toml"]


def test_only_the_sources_named_are_checked_and_a_working_one_exits_0(site):
    folder, sources, base = site
    done = check(folder, sources, "--source", "good")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "veille sources check: 1 source(s), 1 working, 0 not"
    assert "good: working" in lines and f"           {base}/good/rss.xml" in lines
    assert "missing" not in done.stdout


def test_an_unknown_source_is_one_line_and_exit_2(site):
    folder, sources, _ = site
    done = check(folder, sources, "--source", "good", "--source", "nope")
    assert done.returncode == 2
    assert done.stderr.strip() == f"veille: no source named nope in {sources}"
    assert done.stdout == ""


def test_a_bad_sources_file_is_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[sources]]\nname = "x"\nfeed = ["http://127.0.0.1/"]\n', encoding="utf-8")
    done = check(tmp_path, bad)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "did you mean 'feeds'" in done.stderr
