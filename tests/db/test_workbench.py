"""The journalists' workbench: article page, entity page, French cells, form checks, feeds, search."""

from __future__ import annotations

import asyncio
import re
import sqlite3

import pytest

from db.markup import mark_entities
from db.serve import build_datasette
from tests.db.workbench_data import build_database


def _add_events(path) -> None:
    conn = sqlite3.connect(path)
    ids = dict(conn.execute("SELECT name, id FROM entities"))
    conn.execute(
        "INSERT INTO events (article_id, kind, org_entity_id, org, target_entity_id, target, amount_value, "
        "amount_currency, sentence, published_at) VALUES (1, 'acquisition', ?, 'Cisco Systems', ?, 'Splunk', "
        "28e9, 'USD', 'Cisco a finalisé le rachat de Splunk.', '2024-01-08T09:00:00+01:00')",
        [ids["Cisco Systems"], ids["Splunk"]],
    )
    conn.execute(
        "INSERT INTO events (article_id, kind, org_entity_id, org, person_entity_id, person, title, sentence, "
        "published_at) VALUES (5, 'appointment', ?, 'Cisco Systems', ?, 'Gary Steele', 'directeur', "
        "'Gary Steele rejoint la direction de Cisco.', '2024-04-18T16:45:00+02:00')",
        [ids["Cisco Systems"], ids["Gary Steele"]],
    )
    conn.execute(
        "INSERT INTO entities (label, name, name_key) VALUES ('LOC', 'France', 'france')"
    )  # a place cited with Microsoft in article 6 (and in every article of a real crawl)
    loc = conn.execute("SELECT id FROM entities WHERE name = 'France'").fetchone()[0]
    conn.execute(
        "INSERT INTO entity_aliases (entity_id, alias, alias_key) VALUES (?, 'France', 'france')", [loc]
    )
    for article in (2, 3, 6):
        conn.execute(
            'INSERT INTO mentions (article_id, entity_id, label, surface, start, "end", published_at) '
            "SELECT id, ?, 'LOC', 'France', 0, 0, published_at FROM articles WHERE id = ?",
            [loc, article],
        )
    conn.commit()
    conn.close()


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = build_database(tmp_path_factory.mktemp("wb") / "veille.db")
    _add_events(path)
    return path


@pytest.fixture(scope="module")
def datasette(db_path):
    return build_datasette(db_path)


def get(ds, path, **kwargs):
    return asyncio.run(ds.client.get(path, **kwargs))


def entity_id(db_path, name):
    return sqlite3.connect(db_path).execute("SELECT id FROM entities WHERE name = ?", [name]).fetchone()[0]


def test_marked_text_is_escaped_and_links_only_matching_offsets():
    text = "Cisco <b>rachète</b> Splunk & co"
    mentions = [
        {"start": 0, "end": 5, "entity_id": 1, "label": "ORG", "name": "Cisco Systems", "surface": "Cisco"},
        {"start": 21, "end": 27, "entity_id": 2, "label": "ORG", "name": "Splunk", "surface": "Splunk"},
        {"start": 2, "end": 4, "entity_id": 3, "label": "ORG", "name": "overlap", "surface": "sc"},
        {"start": 6, "end": 9, "entity_id": 4, "label": "ORG", "name": "moved", "surface": "HPE"},
    ]
    html = str(mark_entities(text, mentions, lambda i: f"/e/{i}"))
    assert html == (
        '<a class="veille-entity veille-org" href="/e/1" title="Cisco Systems">Cisco</a> '
        '&lt;b&gt;rachète&lt;/b&gt; <a class="veille-entity veille-org" href="/e/2" title="Splunk">Splunk</a>'
        " &amp; co"
    )


def test_article_page_shows_text_entities_amounts_roles_events_and_related(datasette):
    page = get(datasette, "/-/veille/article/1")
    assert page.status_code == 200
    text = page.text
    assert "<h1>Cisco finalise le rachat de Splunk</h1>" in text
    assert "publié le <time" in text and "08/01/2024" in text and "par Rédaction" in text
    assert 'href="https://lemagit.example.test/article-1"' in text and "lemagit.example.test" in text
    assert re.search(
        r'<a class="veille-entity veille-org" href="/-/veille/entity/\d+" title="Cisco Systems">Cisco</a>',
        text,
    )
    assert "28\u00a0Md$" in text  # the amount, French-style
    assert "PDG" in text and "rachat" in text and "a racheté Splunk" in text
    related = text.split("Articles sur les mêmes entités")[1]
    assert 'href="/-/veille/article/3"' in related  # Cisco again


def test_article_text_is_escaped_on_the_article_page(datasette):
    text = get(datasette, "/-/veille/article/4").text
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in text


def test_unknown_article_is_404_in_french(datasette):
    page = get(datasette, "/-/veille/article/999")
    assert page.status_code == 404 and "aucun article n°999" in page.text


def test_entity_page_of_a_company(datasette, db_path):
    text = get(datasette, f"/-/veille/entity/{entity_id(db_path, 'Cisco Systems')}").text
    assert "Aussi écrit" in text and "Cisco</span>" in text  # the alias
    executives = text.split("<h2>Dirigeants</h2>")[1].split("</table>")[0]
    assert "Chuck Robbins" in executives and "en poste" in executives and "08/01/2024" in executives
    assert "a racheté Splunk pour 28\u00a0Md$" in text
    assert "a nommé Gary Steele directeur" in text
    assert "800\u00a0M$" in text and "28\u00a0Md$" in text  # amounts about Cisco
    co = text.split("Souvent cités avec")[1].split("</p>")[0]
    assert f'href="/-/veille/entity/{entity_id(db_path, "Splunk")}"' in co
    assert 'href="/-/veille/article/' in text  # article titles lead to the article page


def test_entity_page_of_a_person_lists_positions_and_moves(datasette, db_path):
    text = get(datasette, f"/-/veille/entity/{entity_id(db_path, 'Gary Steele')}").text
    positions = text.split("Fonctions occupées")[1].split("</table>")[0]
    assert "Splunk" in positions and "ancien" in positions
    assert "a rejoint Cisco Systems comme directeur" in text


def test_places_do_not_lead_co_mentions_unless_asked(datasette, db_path):
    microsoft = entity_id(db_path, "Microsoft")
    rows = get(datasette, f"/veille/co_mentions.json?_shape=array&entity={microsoft}&label=").json()
    assert rows and "France" not in {r["entite"] for r in rows}
    places = get(datasette, f"/veille/co_mentions.json?_shape=array&entity={microsoft}&label=LOC").json()
    assert [r["entite"] for r in places] == ["France"]
    top = get(datasette, "/veille/entites.json?_shape=array&label=&q=").json()
    assert "France" not in {r["entite"] for r in top}


def test_who_runs_what_is_french_linked_and_has_one_row_per_role(datasette):
    rows = get(datasette, "/veille/qui_dirige_quoi.json?_shape=array&company=").json()
    keys = [(r["entreprise"], r["personne"], r["role"]) for r in rows]
    assert len(keys) == len(set(keys))
    assert {r["statut"] for r in rows} == {"en poste", "ancien"}
    steele = next(r for r in rows if r["personne"] == "Gary Steele")
    assert steele["statut"] == "ancien" and steele["fonction"] == "PDG" and steele["role"] == "CEO"
    html = get(datasette, "/veille/qui_dirige_quoi?company=").text
    assert re.search(
        r'<a class="veille-entity-link" href="/-/veille/entity/\d+"[^>]*>Chuck Robbins</a>', html
    )
    assert 'href="/-/veille/article/1"' in html
    assert ">lemagit.example.test</a>" in html  # the raw URL became its site's name


def test_amounts_are_listed_french_style_never_summed(datasette):
    rows = get(datasette, "/veille/montants.json?_shape=array&company=&currency=&by=month").json()
    assert "total" not in rows[0]
    percent = next(r for r in rows if r["type"] == "pourcentage")
    assert percent["valeurs"] == "5\u00a0%"
    cisco = [r for r in rows if r["entreprise"] == "Cisco Systems"]
    assert {r["maximum"] for r in cisco} == {"28\u00a0Md$", "800\u00a0M$"}


def test_search_finds_french_word_forms_latest_first_with_linked_titles(datasette):
    rows = get(datasette, "/veille/recherche.json?_shape=array&q=centre+donnee&source=").json()
    assert [r["article_id"] for r in rows] == [6, 3]  # "centres de données", latest first
    html = get(datasette, "/veille/recherche?q=centre&source=").text
    assert 'class="veille-article" href="/-/veille/article/6"' in html


def test_bad_dates_and_unknown_entities_get_a_clear_message(datasette):
    html = get(datasette, "/veille/chronologie_entite?entity=Cisko&by=year&since=2024-13-01&until=").text
    assert "Date invalide pour « since » : &#39;2024-13-01&#39;" in html
    assert "Période inconnue « year »" in html
    assert "Aucune entité nommée « Cisko » dans la base. Noms proches :" in html
    assert 'href="/veille/chronologie_entite?entity=Cisco' in html
    rows = get(
        datasette,
        "/veille/chronologie_entite.json?_shape=array&entity=Cisco&by=month&since=2024-13-01&until=",
    )
    assert rows.json() == []  # no silent string comparison with a date that does not exist


def test_feeds_name_their_entity_and_say_when_it_is_unknown(datasette):
    feed = get(datasette, "/veille/nouvelles_mentions.atom", params={"entity": "Cisco"}).text
    assert "<title>Nouvelles mentions de « Cisco » — veille</title>" in feed
    unknown = get(datasette, "/veille/nouvelles_mentions.atom", params={"entity": "Cisko"}).text
    assert unknown.count("<entry>") == 1
    assert "Aucune entité nommée « Cisko » dans la base" in unknown and "Noms proches : Cisco" in unknown
    search = get(datasette, "/veille/flux_recherche.atom", params={"q": "plan social"}).text
    assert "<title>Recherche « plan social » — veille</title>" in search


@pytest.mark.parametrize(
    "path", ["/", "/veille", "/veille/articles", "/veille/articles/1", "/veille/qui_dirige_quoi"]
)
def test_datasette_pages_are_in_french(datasette, path):
    text = get(datasette, path).text
    for english in ("Powered by", "rows in", "Links from other tables", "This data as", "Custom SQL query"):
        assert english not in text, (path, english)
    assert "Propulsé par" in text


def test_article_lists_cut_long_text_and_link_titles(datasette):
    html = get(datasette, "/veille/articles").text
    assert 'class="veille-article" href="/-/veille/article/1"' in html
    assert "Que contient chaque colonne ?" in html
    assert "Lire l'article avec ses entités" in get(datasette, "/veille/articles/1").text


@pytest.mark.parametrize(
    "table",
    ["articles", "mentions", "entities", "entity_aliases", "amounts", "roles", "events", "entity_mentions"],
)
def test_every_table_page_renders_in_french(datasette, table):
    page = get(datasette, f"/veille/{table}")
    assert page.status_code == 200, page.text[-500:]
    assert "Propulsé par" in page.text and "Next page" not in page.text


def test_roles_show_french_labels_in_cells_and_facets(datasette):
    html = get(datasette, "/veille/roles").text
    assert '<span title="CEO">PDG / directeur général</span>' in html
    assert re.search(r'title="CEO">PDG / directeur général</a>', html)  # the facet
    assert "ancien" in html.split('id="facet-former"')[1]
    amounts = get(datasette, "/veille/amounts").text
    assert 'title="28000000000.0">28\u00a0Md$</span>' in amounts


def test_foreign_keys_lead_to_the_article_and_entity_pages(datasette):
    mentions = get(datasette, "/veille/mentions").text
    assert re.search(
        r'<a class="veille-article" href="/-/veille/article/1"[^>]*>Cisco finalise le rachat', mentions
    )
    assert re.search(r'<a class="veille-entity-link" href="/-/veille/entity/\d+"[^>]*>Splunk</a>', mentions)
    view = get(datasette, "/veille/entity_mentions").text
    assert 'class="veille-article" href="/-/veille/article/' in view


def test_entity_page_says_when_a_date_is_bad(datasette):
    page = get(datasette, "/-/veille/entity/1?by=month&since=2024-02-30&until=").text
    assert "Date invalide pour « since » : &#39;2024-02-30&#39;" in page


def test_a_query_over_the_time_limit_is_stopped(db_path):
    slow = build_datasette(db_path, settings={"sql_time_limit_ms": 50})
    sql = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
    response = get(slow, "/veille.json", params={"sql": sql})
    assert response.status_code == 400 and "interrupted" in response.text.lower()
