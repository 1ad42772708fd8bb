"""SQL functions for the French display of the canned queries (registered with db.queries').

- ``veille_amount(kind, value, currency)``: '1,5 Md€', '12 %' (db.fr), so a query shows amounts as
  a journalist writes them while keeping the raw number in another column;
- ``veille_role_fr(role, title)``: the title as written, else the French label of the role code;
- ``veille_date_fr(iso)``: dd/mm/yyyy;
- ``veille_close_names(name)``: known names close to an unknown one, joined with ' ; ' (the feeds
  and the canned queries say "did you mean" with it).
"""

from __future__ import annotations

import sqlite3
from datetime import date

from db.article_view import format_value
from db.fr import format_date, role_label


def valid_date(value: str | None) -> bool:
    """True for '' (no filter) or a real YYYY-MM-DD day, as the CLI's --since/--until accept."""
    text = (value or "").strip()
    if not text:
        return True
    try:
        return date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def register_display_functions(conn: sqlite3.Connection) -> None:
    from db.queries import close_matches  # db.queries registers these functions: import here, not at top

    conn.create_function("veille_amount", 3, format_value, deterministic=True)
    conn.create_function("veille_role_fr", 2, role_label, deterministic=True)
    conn.create_function("veille_date_fr", 1, format_date, deterministic=True)
    conn.create_function("veille_close_names", 1, lambda name: " ; ".join(close_matches(conn, name or "")))
