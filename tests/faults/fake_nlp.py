"""A fast stand-in for the NLP stage in subprocess crawls: ``-s VEILLE_NLP=tests.faults.fake_nlp:factory``.

Every company of the fault site's articles becomes an ORG mention, so each stored article has
mentions, and a half-written article (article without its mentions) would show.
"""

from __future__ import annotations

import re

from tests.faults.content import COMPANIES

_ORG = re.compile("|".join(re.escape(name) for name in COMPANIES))


def extract(texts: list[str]) -> list[dict]:
    return [
        {
            "entities": [
                {"label": "ORG", "text": m.group(0), "start": m.start(), "end": m.end()}
                for m in _ORG.finditer(text)
            ],
            "roles": [],
        }
        for text in texts
    ]


def factory():
    return extract
