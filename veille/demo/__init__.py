"""The offline demo: a bundled French tech-press site served locally, crawled, explored in Datasette."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import click

from veille.demo.server import SiteServer
from veille.demo.site import build_site, sources_toml

logger = logging.getLogger(__name__)

__all__ = ["SiteServer", "build_site", "run_demo", "sources_toml"]

# The demo site is local: no need to wait between requests, and its one address must be allowed
# (the crawler refuses internal addresses: crawler/ssrf.py).
FAST_SETTINGS = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0",
                 "-s", "VEILLE_ALLOW_PRIVATE_ADDRESSES=127.0.0.1"]  # fmt: skip


def run_demo(db_path: Path, port: int = 8001, serve: bool = True, fresh: bool = True) -> int:
    """Serve the demo site, crawl it into ``db_path`` (a `veille crawl` subprocess), then serve it."""
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    # The demo site stays up while Datasette runs: the articles' links ("lire l'original") point to it.
    with SiteServer() as site, tempfile.TemporaryDirectory(prefix="veille-demo-") as tmp:
        sources = Path(tmp) / "sources.toml"
        sources.write_text(sources_toml(site.base_url), encoding="utf-8")
        click.echo(f"demo site served at {site.base_url}; crawling it into {db_path} ...")
        command = [sys.executable, "-m", "veille", "crawl", "--sources", str(sources), "--db", str(db_path)]
        # PYTHONSAFEPATH: a folder named "veille" in the current directory must not shadow the package
        code = subprocess.call(command + FAST_SETTINGS, env={**os.environ, "PYTHONSAFEPATH": "1"})
        if code != 0:
            click.echo(f"veille: the demo crawl failed (exit code {code})", err=True)
            return code
        if not serve:
            return 0
        click.echo(f"the demo site stays at {site.base_url} while Datasette runs (Ctrl-C stops both)")
        return serve_database(db_path, port)


def serve_database(db_path: Path, port: int) -> int:
    """Start Datasette on the database (db.serve, as `veille serve` does) until Ctrl+C."""
    from db.serve import serve_database as datasette_serve

    try:
        datasette_serve(db_path, port=port)
    except KeyboardInterrupt:
        pass
    return 0
