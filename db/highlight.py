"""Search extracts whose highlight marks cannot be forged by the text they highlight.

FTS5 ``snippet()`` puts a mark around each matched word; the plugin turns ``⟦`` / ``⟧`` into
``<mark>`` after escaping the text. An article that itself contains ``⟦`` would open a mark that
never closes (or close one never opened). So snippet() marks with a per-process random token that
no article can contain, then ``veille_extrait`` shows the text's own ``⟦ ⟧`` as the look-alike
``〚 〛`` and the tokens as ``⟦ ⟧``: in the result, every ``⟦ ⟧`` is a match, in HTML, CSV and JSON.
"""

from __future__ import annotations

import secrets
import sqlite3

OPEN, CLOSE = "⟦", "⟧"
_NONCE = secrets.token_hex(8)
#: what snippet() inserts (control characters never survive HTML extraction; the nonce is secret)
TOKEN_OPEN, TOKEN_CLOSE = f"\x02{_NONCE}\x02", f"\x03{_NONCE}\x03"
_LOOKALIKES = str.maketrans({OPEN: "〚", CLOSE: "〛"})


def mark(which: int) -> str:
    """``veille_mark(0)`` / ``veille_mark(1)``: the tokens snippet() puts before / after a match."""
    return TOKEN_OPEN if which == 0 else TOKEN_CLOSE


def extract(snippet: str | None) -> str | None:
    """``veille_extrait(snippet(...))``: the snippet with ⟦ ⟧ around the matches and nowhere else."""
    if snippet is None:
        return None
    return snippet.translate(_LOOKALIKES).replace(TOKEN_OPEN, OPEN).replace(TOKEN_CLOSE, CLOSE)


def register(conn: sqlite3.Connection) -> None:
    conn.create_function("veille_mark", 1, mark, deterministic=True)
    conn.create_function("veille_extrait", 1, extract, deterministic=True)
