from __future__ import annotations

import re

import pytest

import db

ORG = re.compile(r"\b(Cisco|Splunk|OVHcloud|Mistral AI|Capgemini)\b")


def fake_extract(texts: list[str]) -> list[dict]:
    """A stand-in for the NLP stage: every known company name is an ORG mention."""
    return [
        {
            "entities": [
                {
                    "label": "ORG",
                    "text": m.group(0),
                    "start": m.start(),
                    "end": m.end(),
                    "sentence": text[:80],
                }
                for m in ORG.finditer(text)
            ],
            "roles": [],
        }
        for text in texts
    ]


def make_article(n: int, **extra) -> dict:
    company = ["Cisco", "OVHcloud", "Mistral AI", "Capgemini"][n % 4]
    article = {
        "source": extra.pop("source", "demo"),
        "url": f"http://example.test/articles/{n}.html",
        "title": f"Article {n}",
        "text": f"{company} annonce un nouveau contrat numéro {n}. Le groupe {company} confirme sa croissance.",
        "published_at": f"2024-01-{n % 28 + 1:02d}T08:00:00+00:00",
    }
    article.update(extra)
    return article


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "veille.db"


@pytest.fixture
def database(db_path):
    return db.open_db(db_path)
