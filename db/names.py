"""Name keys: how two spellings of one name are recognised as the same.

The key folds case, accents, ligatures, apostrophes, '&' and punctuation, so "Hewlett-Packard",
"hewlett packard" and "HEWLETT PACKARD" share one key, as do "L’Oréal" and "L'Oréal", "Lætitia" and
"Laetitia", "Cœur" and "Coeur"; it is the same folding journalists expect from a search. unidecode
transliterates what NFKD leaves alone (æ, œ, ß, ø, ł: NFKD dropped them, "Lætitia" was "ltitia").
"""

from __future__ import annotations

import re

from unidecode import unidecode

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def name_key(name: str | None) -> str:
    """Return the comparison key of a name: ascii, casefolded, punctuation as single spaces."""
    text = unidecode(str(name or "")).casefold().replace("&", " and ")
    return " ".join(_NON_ALNUM.sub(" ", text).split())
