"""Events are stored with the article's extraction, in its transaction, with entity ids and participants."""

from __future__ import annotations

import pytest

import db

ARTICLE = {
    "source": "demo",
    "url": "http://example.test/e1",
    "title": "Orvelis lève 12 M€",
    "text": "Orvelis lève 12 millions d'euros auprès de Fonds Azur et Capital Lune.",
    "published_at": "2025-03-14T09:00:00+00:00",
}
FUNDING = {
    "kind": "funding",
    "org": "Orvelis",
    "amount": {"value": 12e6, "currency": "EUR"},
    "investors": ["Fonds Azur", "Capital Lune"],
    "sentence": ARTICLE["text"],
    "start": 0,
    "end": 71,
    "rule": "funding.active",
    "background": False,
}
APPOINTMENT = {
    "kind": "appointment",
    "org": "Orvelis",
    "person": "Jeanne Morel",
    "title": "directrice financière",
    "role": "CFO",
    "rule": "appointment.person",
    "background": True,
}
EXTRACTION = {"entities": [], "roles": [], "events": [FUNDING, APPOINTMENT], "version": 6}


@pytest.fixture
def database(tmp_path):
    return db.open_db(tmp_path / "veille.db")


def test_events_are_saved_with_entity_ids_amount_and_participants(database):
    saved = db.save_article(database, ARTICLE, EXTRACTION)
    rows = list(database.query("SELECT * FROM events ORDER BY id"))
    assert [r["kind"] for r in rows] == ["funding", "appointment"]
    funding, appointment = rows
    assert (funding["amount_value"], funding["amount_currency"], funding["rule"]) == (
        12e6,
        "EUR",
        "funding.active",
    )
    assert funding["article_id"] == saved.article_id
    assert funding["published_at"] == ARTICLE["published_at"]
    org = database.execute(
        "SELECT name, label FROM entities WHERE id = ?", [funding["org_entity_id"]]
    ).fetchone()
    assert org == ("Orvelis", "ORG")
    person = database.execute(
        "SELECT name FROM entities WHERE id = ?", [appointment["person_entity_id"]]
    ).fetchone()
    assert person == ("Jeanne Morel",)
    assert (appointment["title"], appointment["role"], appointment["background"]) == (
        "directrice financière",
        "CFO",
        1,
    )
    parts = database.execute(
        "SELECT p.name, p.part, e.label FROM event_participants p JOIN entities e ON e.id = p.entity_id "
        "WHERE p.event_id = ? ORDER BY p.name",
        [funding["id"]],
    ).fetchall()
    assert parts == [("Capital Lune", "investor", "ORG"), ("Fonds Azur", "investor", "ORG")]


def test_the_evidence_sentence_is_searchable(database):
    db.save_article(database, ARTICLE, EXTRACTION)
    found = database.execute("SELECT rowid FROM events_fts WHERE events_fts MATCH 'auprès'").fetchall()
    assert len(found) == 1


def test_save_extraction_replaces_the_events_of_an_article(database):
    saved = db.save_article(database, ARTICLE, EXTRACTION)
    db.save_extraction(database, saved.article_id, {"entities": [], "roles": [], "events": [APPOINTMENT]})
    assert [r[0] for r in database.execute("SELECT kind FROM events")] == ["appointment"]
    assert database.execute("SELECT count(*) FROM event_participants").fetchone()[0] == 0


def test_an_event_without_company_is_not_stored(database):
    db.save_article(database, ARTICLE, {"events": [{"kind": "launch", "org": " ", "product": "X"}]})
    assert database.execute("SELECT count(*) FROM events").fetchone()[0] == 0


def test_a_legal_event_keeps_its_counterparty(database):
    # Before: the extraction gave "counterparty" but the events table had no column for it: it was lost
    legal = {"kind": "legal", "org": "Orvelis", "counterparty": "Association Lune", "rule": "legal.active"}
    db.save_article(database, ARTICLE, {**EXTRACTION, "events": [legal]})
    [row] = database.query("SELECT counterparty FROM events")
    assert row["counterparty"] == "Association Lune"
    parts = database.execute("SELECT name, part FROM event_participants").fetchall()
    assert parts == [("Association Lune", "counterparty")]
