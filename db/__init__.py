"""Storage of veille: SQLite through sqlite-utils (never imports Scrapy or spaCy).

Public functions: open_db, save_article, save_extraction, known_urls, start_run, finish_run,
feed_states, save_feed_state, failed_urls, save_failed_urls, name_key.
"""

from db.names import name_key
from db.runs import failed_urls, feed_states, finish_run, save_failed_urls, save_feed_state, start_run
from db.schema import SCHEMA_VERSION, ensure_schema
from db.store import (
    DatabaseError,
    Saved,
    content_hash,
    known_urls,
    now_iso,
    open_db,
    save_article,
    save_extraction,
)

__all__ = [
    "SCHEMA_VERSION",
    "DatabaseError",
    "Saved",
    "content_hash",
    "ensure_schema",
    "failed_urls",
    "feed_states",
    "finish_run",
    "known_urls",
    "name_key",
    "now_iso",
    "open_db",
    "save_article",
    "save_extraction",
    "save_failed_urls",
    "save_feed_state",
    "start_run",
]
