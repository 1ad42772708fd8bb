"""Name keys: how two spellings of one name are recognised as the same.

The key folds case, accents, '&' and punctuation, so "Hewlett-Packard", "hewlett packard"
and "HEWLETT PACKARD" share one key; it is the same folding journalists expect from a search.
"""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def name_key(name: str | None) -> str:
    """Return the comparison key of a name: ascii, casefolded, punctuation as single spaces."""
    text = unicodedata.normalize("NFKD", str(name or "")).encode("ascii", "ignore").decode()
    text = text.casefold().replace("&", " and ")
    return " ".join(_NON_ALNUM.sub(" ", text).split())
