"""Writes: articles with everything extracted from them, one transaction per article.

``save_article`` is what the crawl calls; ``save_extraction`` replaces an article's mentions,
amounts, roles and events (the crawl and ``veille reprocess`` share it).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import sqlite_utils

from db.entities import write_entities, write_roles
from db.events import delete_events, write_events
from db.schema import ensure_schema

logger = logging.getLogger(__name__)


class DatabaseError(Exception):
    """The database cannot be opened or written; the message says why."""


_P = ParamSpec("_P")
_R = TypeVar("_R")


def wraps_sqlite_errors(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """The db/ boundary: a public function raises DatabaseError, never a bare sqlite3.Error.

    A read-only, corrupt or full database then gives the CLI one line and exit code 3 instead of
    a traceback, from whichever call first touches the broken part of the file.
    """

    @functools.wraps(func)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return func(*args, **kwargs)
        except sqlite3.Error as exc:
            raise DatabaseError(f"database error ({func.__name__}): {exc}") from exc

    return wrapper


@dataclass(frozen=True)
class Saved:
    article_id: int
    created: bool  # False: the article was already stored (same URL or same text); only URLs were added


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def open_db(path: str | Path, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path`` in WAL mode with the schema up to date."""
    path = Path(path)
    if not path.parent.exists():
        raise DatabaseError(f"cannot open database {path}: folder {path.parent} does not exist")
    try:
        db = sqlite_utils.Database(path)
        db.execute("PRAGMA busy_timeout = 30000")
        db.execute("PRAGMA foreign_keys = ON")
        if db.journal_mode != "wal":
            db.enable_wal()
        if migrate:
            ensure_schema(db)
    except (sqlite3.Error, RuntimeError) as exc:  # RuntimeError: schema newer than this veille
        raise DatabaseError(f"cannot open database {path}: {exc}") from exc
    return db


def content_hash(text: str) -> str:
    """Hash of the text with case and white space folded: the same article at two URLs has one hash."""
    folded = " ".join(clean_surrogates(text).casefold().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


@wraps_sqlite_errors
def known_urls(db: sqlite_utils.Database) -> set[str]:
    """Every URL already stored (fetched, canonical and duplicate addresses)."""
    return {row[0] for row in db.execute("SELECT url FROM article_urls")}


def _existing_article(db: sqlite_utils.Database, urls: list[str], digest: str) -> int | None:
    marks = ",".join("?" for _ in urls)
    row = db.execute(f"SELECT article_id FROM article_urls WHERE url IN ({marks}) LIMIT 1", urls).fetchone()
    if row is None:
        row = db.execute("SELECT id FROM articles WHERE content_hash = ?", [digest]).fetchone()
    return row[0] if row else None


def _add_urls(db: sqlite_utils.Database, article_id: int, urls: dict[str, str]) -> None:
    seen = now_iso()
    for url, kind in urls.items():
        db.execute(
            "INSERT OR IGNORE INTO article_urls (url, article_id, kind, first_seen_at) VALUES (?, ?, ?, ?)",
            [url, article_id, kind, seen],
        )


def _article_urls(article: dict[str, Any]) -> dict[str, str]:
    urls: dict[str, str] = {}
    for key, kind in (("canonical_url", "canonical"), ("url", "fetched")):
        if article.get(key):
            urls.setdefault(article[key], kind)
    for url in article.get("urls") or []:
        urls.setdefault(url, "alternate")
    return urls


_WORD = re.compile(r"\w+")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate (a JSON-LD "\\ud800", a bad escape) replaced by U+FFFD.

    SQLite cannot encode them, so one such character would cost the whole article; strings nested
    in lists and dicts (an extraction) are cleaned too. A valid pair was already one character.
    """
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {k: clean_surrogates(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_surrogates(v) for v in value]
    return value


def save_article(db: sqlite_utils.Database, article: dict[str, Any], extraction: dict | None = None) -> Saved:
    """Store one article and its extraction in one transaction.

    ``article`` needs source, url, text; optional: canonical_url, urls (other addresses), title,
    author, published_at, date_source (the rule that gave published_at), fetched_at, lang,
    description, sitename, feed_url, run_id. An article
    already stored under one of its URLs or with the same text is not stored again: its new
    URLs are added to ``article_urls`` and ``Saved.created`` is False.
    """
    article = clean_surrogates(article)
    extraction = clean_surrogates(extraction)
    text = article.get("text") or ""
    if not text.strip():
        raise ValueError(f"article {article.get('url')!r} has no text")
    urls = _article_urls(article)
    digest = content_hash(text)
    try:
        with db.atomic():
            existing = _existing_article(db, list(urls), digest)
            if existing is not None:
                _add_urls(db, existing, {u: ("duplicate" if k == "fetched" else k) for u, k in urls.items()})
                return Saved(existing, False)
            row = {
                "source": article["source"],
                "url": article["url"],
                "canonical_url": article.get("canonical_url") or article["url"],
                "fetched_at": article.get("fetched_at") or now_iso(),
                "text": text,
                "content_hash": digest,
                "word_count": len(_WORD.findall(text)),
            }
            for key in (
                "title",
                "author",
                "published_at",
                "lang",
                "description",
                "sitename",
                "feed_url",
                "run_id",
            ):
                row[key] = article.get(key)
            if article.get("date_source"):  # absent: NULL, as for the articles of earlier versions
                row["date_source"] = article["date_source"]
            article_id = db["articles"].insert(row).last_pk
            _add_urls(db, article_id, urls)
            if extraction is not None:
                _write_extraction(db, article_id, extraction, row["published_at"] or row["fetched_at"])
            return Saved(article_id, True)
    except sqlite3.Error as exc:
        raise DatabaseError(f"cannot write article {article.get('url')}: {exc}") from exc


@wraps_sqlite_errors
def save_extraction(db: sqlite_utils.Database, article_id: int, extraction: dict) -> None:
    """Replace the mentions, amounts, roles and events of a stored article, in one transaction."""
    extraction = clean_surrogates(extraction)
    row = db.execute(
        "SELECT COALESCE(published_at, fetched_at) FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    if row is None:
        raise KeyError(f"no article {article_id}")
    with db.atomic():
        for table in ("mentions", "amounts", "roles"):
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        delete_events(db, article_id)
        _write_extraction(db, article_id, extraction, row[0])


def _write_extraction(
    db: sqlite_utils.Database, article_id: int, extraction: dict, published_at: str
) -> None:
    write_entities(db, article_id, extraction.get("entities") or [], published_at)
    write_roles(db, article_id, extraction.get("roles") or [], published_at)
    write_events(db, article_id, extraction.get("events") or [], published_at)
    version = extraction.get("version")
    if version is not None:
        db.execute("UPDATE articles SET nlp_version = ? WHERE id = ?", [version, article_id])
