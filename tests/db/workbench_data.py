"""A small hand-written database for the workbench tests: articles saved with db.save_article.

Cisco Systems (alias « Cisco ») is cited in 2024-01 (2 articles), 2024-02 (1) and 2024-04 (2);
Société Générale is found by « societe generale »; one article carries <script> in its title and text.
"""

from __future__ import annotations

import re
from pathlib import Path

import db

_SENTENCE = re.compile(r"[^.!?]*[.!?]")


def _sentence(text: str, start: int) -> str:
    for match in _SENTENCE.finditer(text):
        if match.start() <= start < match.end():
            return match.group().strip()
    return text


def _entity(
    text: str, label: str, surface: str, canonical: str | None = None, last: bool = False, **extra
) -> dict:
    start = text.rindex(surface) if last else text.index(surface)
    ent = {"label": label, "text": surface, "start": start, "end": start + len(surface)}
    ent["sentence"] = _sentence(text, start)
    if canonical:
        ent["canonical"] = canonical
    ent.update(extra)
    return ent


def _role(text: str, person: str, org: str, title: str, role: str, former: bool = False) -> dict:
    start = text.index(person)
    return {
        "person": person,
        "org": org,
        "title": title,
        "role": role,
        "former": former,
        "sentence": _sentence(text, start),
        "start": start,
        "end": start + len(person),
    }


ARTICLES = [
    (
        "lemagit",
        "2024-01-08T09:00:00+01:00",
        "Cisco finalise le rachat de Splunk",
        "Cisco a finalisé le rachat de Splunk pour 28 milliards de dollars. "
        "Chuck Robbins, PDG de Cisco, promet une plateforme de sécurité unifiée.",
        lambda t: {
            "entities": [
                _entity(t, "ORG", "Cisco", "Cisco Systems"),
                _entity(t, "ORG", "Splunk"),
                _entity(t, "MONEY", "28 milliards de dollars", value=28e9, currency="USD", about="Cisco"),
                _entity(t, "PERSON", "Chuck Robbins"),
            ],
            "roles": [_role(t, "Chuck Robbins", "Cisco", "PDG", "CEO")],
        },
    ),
    (
        "silicon",
        "2024-01-22T14:30:00+01:00",
        "Réseau : Cisco et Microsoft s'allient sur Teams",
        "Cisco Systems et Microsoft annoncent la certification des salles Webex pour Teams. "
        "Les deux groupes visent les grandes entreprises.",
        lambda t: {
            "entities": [
                _entity(t, "ORG", "Cisco Systems"),
                _entity(t, "ORG", "Microsoft"),
                _entity(t, "PRODUCT", "Teams", maker="Microsoft"),
            ],
            "roles": [],
        },
    ),
    (
        "zdnet",
        "2024-02-05T08:15:00+01:00",
        "Société Générale confie son cloud à Microsoft",
        "Société Générale a signé avec Microsoft un contrat de 400 millions d'euros. "
        "Slawomir Krupa, directeur général de Société Générale, salue un partenariat stratégique. "
        "Cisco fournira le réseau des centres de données.",
        lambda t: {
            "entities": [
                _entity(t, "ORG", "Société Générale"),
                _entity(t, "ORG", "Microsoft"),
                _entity(
                    t, "MONEY", "400 millions d'euros", value=4e8, currency="EUR", about="Société Générale"
                ),
                _entity(t, "PERSON", "Slawomir Krupa"),
                _entity(t, "ORG", "Cisco", "Cisco Systems"),
            ],
            "roles": [_role(t, "Slawomir Krupa", "Société Générale", "directeur général", "CEO")],
        },
    ),
    (
        "lemagit",
        "2024-04-02T10:00:00+02:00",
        "Cisco supprime des postes <script>alert('x')</script>",
        "Cisco annonce un plan social touchant 5 % de ses effectifs <script>alert('x')</script>. "
        "Le groupe veut économiser 800 millions de dollars par an.",
        lambda t: {
            "entities": [
                _entity(t, "ORG", "Cisco", "Cisco Systems"),
                _entity(t, "PERCENT", "5 %", value=5.0),
                _entity(t, "MONEY", "800 millions de dollars", value=8e8, currency="USD", about="Cisco"),
            ],
            "roles": [],
        },
    ),
    (
        "silicon",
        "2024-04-18T16:45:00+02:00",
        "Splunk : Gary Steele quitte la direction",
        "Gary Steele, ancien PDG de Splunk, rejoint la direction de Cisco. "
        "Cisco et Splunk intègrent leurs offres d'observabilité.",
        lambda t: {
            "entities": [
                _entity(t, "PERSON", "Gary Steele"),
                _entity(t, "ORG", "Splunk"),
                _entity(t, "ORG", "Cisco", "Cisco Systems"),
                _entity(t, "ORG", "Cisco", "Cisco Systems", last=True),
            ],
            "roles": [_role(t, "Gary Steele", "Splunk", "PDG", "CEO", former=True)],
        },
    ),
    (
        "zdnet",
        "2024-03-11T11:00:00+01:00",
        "Microsoft investit en France",
        "Microsoft investira 4 milliards d'euros dans ses centres de données en France. "
        "Satya Nadella, PDG de Microsoft, l'a annoncé à Versailles.",
        lambda t: {
            "entities": [
                _entity(t, "ORG", "Microsoft"),
                _entity(t, "MONEY", "4 milliards d'euros", value=4e9, currency="EUR", about="Microsoft"),
                _entity(t, "PERSON", "Satya Nadella"),
            ],
            "roles": [_role(t, "Satya Nadella", "Microsoft", "PDG", "CEO")],
        },
    ),
]

#: what the timeline of Cisco Systems is, by month, with this data (mentions, articles)
CISCO_BY_MONTH = {"2024-01": (2, 2), "2024-02": (1, 1), "2024-04": (3, 2)}


def build_database(path: str | Path) -> Path:
    """Create the test database at ``path`` and return its path."""
    path = Path(path)
    database = db.open_db(path)
    for n, (source, published, title, text, extract) in enumerate(ARTICLES, start=1):
        article = {
            "source": source,
            "url": f"https://{source}.example.test/article-{n}?utm_source=rss",
            "canonical_url": f"https://{source}.example.test/article-{n}",
            "title": title,
            "author": "Rédaction",
            "published_at": published,
            "text": text,
            "lang": "fr",
        }
        db.save_article(database, article, extract(text))
    database.close()
    return path
