"""A small hand-written database of business events for the workbench tests (articles written for
the project, events given as the extraction would give them)."""

from __future__ import annotations

from pathlib import Path

import db

ARTICLES = [
    (
        "2025-01-10T08:00:00+00:00",
        "Orvelis lève 12 millions d'euros auprès de Fonds Azur.",
        [
            {
                "kind": "funding",
                "org": "Orvelis",
                "amount": {"value": 12e6, "currency": "EUR"},
                "investors": ["Fonds Azur"],
            },
            {"kind": "acquisition", "org": "Orvelis", "target": "Datapli", "background": True},
        ],
    ),
    (
        "2025-02-03T09:30:00+01:00",
        "Brintek rachète Kalisto pour 270 millions d'euros. Jeanne Morel devient directrice financière de Brintek.",
        [
            {
                "kind": "acquisition",
                "org": "Brintek",
                "target": "Kalisto",
                "amount": {"value": 270e6, "currency": "EUR"},
            },
            {
                "kind": "appointment",
                "org": "Brintek",
                "person": "Jeanne Morel",
                "title": "directrice financière",
                "role": "CFO",
            },
        ],
    ),
    (
        "2025-03-20T10:00:00+00:00",
        "Nuvia lève 5 millions de dollars. Paul Rey est nommé directeur général de Kalisto.",
        [
            {"kind": "funding", "org": "Nuvia", "amount": {"value": 5e6, "currency": "USD"}},
            {"kind": "appointment", "org": "Kalisto", "person": "Paul Rey", "role": "CEO"},
        ],
    ),
]


def build_database(path: Path) -> Path:
    database = db.open_db(path)
    for i, (published, text, events) in enumerate(ARTICLES):
        for event in events:
            event.setdefault("sentence", text)
            event.setdefault("rule", f"{event['kind']}.test")
        article = {"source": "demo", "url": f"http://127.0.0.1/e{i}", "text": text, "published_at": published}
        article["title"] = text.split(".")[0]
        db.save_article(database, article, {"entities": [], "roles": [], "events": events})
    database.close()
    return path
