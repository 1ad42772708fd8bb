from __future__ import annotations

import pytest

from db.queries import (
    CANNED_QUERIES,
    close_matches,
    connect_readonly,
    fts_query,
    resolve_entity,
    run_query,
)
from tests.db.workbench_data import CISCO_BY_MONTH, build_database


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    path = build_database(tmp_path_factory.mktemp("wb") / "veille.db")
    connection = connect_readonly(path)
    yield connection
    connection.close()


def rows(conn, name, **params):
    columns, cursor = run_query(conn, name, params)
    return [dict(zip(columns, row, strict=True)) for row in cursor]


def test_timeline_counts_mentions_and_articles_per_month(conn):
    timeline = rows(conn, "chronologie_entite", entity="Cisco", by="month")
    assert {r["periode"]: (r["mentions"], r["articles"]) for r in timeline} == CISCO_BY_MONTH
    assert {r["entite"] for r in timeline} == {"Cisco Systems"}


@pytest.mark.parametrize("spelling", ["cisco", "CISCO SYSTEMS", "Cisco-Systems", " cisco "])
def test_entity_is_found_by_name_or_alias_ignoring_case_and_punctuation(conn, spelling):
    assert resolve_entity(conn, spelling)["name"] == "Cisco Systems"


def test_entity_is_found_ignoring_accents(conn):
    assert resolve_entity(conn, "societe GENERALE")["name"] == "Société Générale"


def test_entity_is_found_by_id(conn):
    cisco = resolve_entity(conn, "Cisco")
    assert resolve_entity(conn, str(cisco["id"])) == cisco


def test_unknown_entity_has_no_timeline_but_close_names(conn):
    assert resolve_entity(conn, "Ciscoo Sistems") is None
    assert rows(conn, "chronologie_entite", entity="Ciscoo Sistems", by="month") == []
    assert "Cisco Systems" in close_matches(conn, "Ciscoo Sistems")
    assert "Société Générale" in close_matches(conn, "societe")


def test_weeks_are_named_by_their_monday(conn):
    weeks = [r["periode"] for r in rows(conn, "chronologie_entite", entity="Cisco", by="week")]
    # 2024-04-02 is a Tuesday, 2024-04-18 a Thursday
    assert weeks == ["2024-01-08", "2024-01-22", "2024-02-05", "2024-04-01", "2024-04-15"]


def test_days_and_date_bounds_are_inclusive(conn):
    days = rows(conn, "chronologie_entite", entity="Cisco", by="day", since="2024-01-22", until="2024-04-02")
    assert [r["periode"] for r in days] == ["2024-01-22", "2024-02-05", "2024-04-02"]


def test_unknown_period_counts_by_month(conn):
    assert rows(conn, "chronologie_entite", entity="Cisco", by="") == rows(
        conn, "chronologie_entite", entity="Cisco", by="month"
    )


def test_articles_behind_each_period_add_up_with_evidence(conn):
    articles = rows(conn, "chronologie_articles", entity="Cisco", by="month")
    per_period: dict[str, list] = {}
    for article in articles:
        per_period.setdefault(article["periode"], []).append(article)
        assert "Cisco" in article["phrase"]
        assert article["lien"].startswith("https://") and "utm_" not in article["lien"]
    assert {
        p: (sum(a["mentions"] for a in arts), len(arts)) for p, arts in per_period.items()
    } == CISCO_BY_MONTH
    assert [a["date"] for a in articles] == sorted(a["date"] for a in articles)


def test_who_runs_what_is_latest_first_with_source_article(conn):
    executives = rows(conn, "qui_dirige_quoi", company="")
    dates = [r["date"] for r in executives]
    assert dates == sorted(dates, reverse=True)
    krupa = next(r for r in executives if r["personne"] == "Slawomir Krupa")
    assert (krupa["entreprise"], krupa["fonction"]) == ("Société Générale", "directeur général")
    assert krupa["lien"] == "https://zdnet.example.test/article-3"
    steele = next(r for r in executives if r["personne"] == "Gary Steele")
    assert steele["statut"] == "ancien"


def test_who_runs_what_filters_one_company_by_any_spelling(conn):
    executives = rows(conn, "qui_dirige_quoi", company="SOCIETE generale")
    assert [r["personne"] for r in executives] == ["Slawomir Krupa"]


def test_amounts_group_by_company_currency_and_period(conn):
    amounts = rows(conn, "montants", company="cisco", currency="usd", by="month")
    assert [(r["entreprise"], r["devise"], r["periode"], r["valeur_max"]) for r in amounts] == [
        ("Cisco Systems", "USD", "2024-04", 8e8),
        ("Cisco Systems", "USD", "2024-01", 28e9),
    ]
    everything = rows(conn, "montants", by="month")
    assert {r["devise"] for r in everything} == {"USD", "EUR", ""}


def test_co_mentions_rank_entities_by_shared_articles(conn):
    co = rows(conn, "co_mentions", entity="Cisco", label="")
    assert [r["entite"] for r in co[:2]] == ["Microsoft", "Splunk"]
    assert co[0]["articles_communs"] == 2
    assert "Cisco Systems" not in {r["entite"] for r in co}
    people = rows(conn, "co_mentions", entity="Cisco", label="person")
    assert {r["type"] for r in people} == {"PERSON"}


def test_search_highlights_matches_and_ignores_accents(conn):
    found = rows(conn, "recherche", q="societe centres", source="")
    assert [r["titre"] for r in found] == ["Société Générale confie son cloud à Microsoft"]
    assert "⟦centres⟧" in found[0]["extrait"]


@pytest.mark.parametrize("text", ['"', "AND OR (", "NEAR(", "-", "cisco*"])
def test_search_never_fails_on_fts_syntax(conn, text):
    rows(conn, "recherche", q=text, source="")


def test_fts_query_quotes_every_word_and_searches_its_french_forms():
    assert fts_query('Cisco "AND" rachat*') == '"Cisco"* "AND" "rachat"*'
    assert fts_query("cloud souveraines données IA") == '"cloud"* "souverain"* "donné"* "IA"'
    assert fts_query("   ") == '""'


def test_entity_feed_has_atom_columns_newest_first(conn):
    feed = rows(conn, "nouvelles_mentions", entity="Cisco")
    assert len(feed) == 5
    assert [r["atom_updated"] for r in feed] == sorted((r["atom_updated"] for r in feed), reverse=True)
    assert feed[0]["atom_updated"] == "2024-04-18T14:45:00Z"  # converted to UTC
    assert len({r["atom_id"] for r in feed}) == 5


def test_empty_feeds_keep_one_placeholder_entry(conn):
    (entry,) = rows(conn, "flux_recherche", q="zzzz")
    assert entry["atom_id"] == "tag:veille,2024:empty"
    (unknown,) = rows(conn, "nouvelles_mentions", entity="Cisko")
    assert unknown["atom_id"] == "tag:veille,2024:unknown-entity"
    assert unknown["atom_content"] == "Noms proches : Cisco"


def test_every_canned_query_runs_with_blank_parameters(conn):
    for query in CANNED_QUERIES:
        rows(conn, query.name)


def test_entity_index_links_to_timeline_pages(conn):
    (cisco,) = rows(conn, "entites", label="org", q="cisco")
    assert cisco["chronologie"] == f"/-/veille/entity/{cisco['entite_id']}"
    assert cisco["mentions"] == sum(m for m, _ in CISCO_BY_MONTH.values())
