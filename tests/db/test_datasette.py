from __future__ import annotations

import asyncio
import base64
import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from datasette import hookimpl
from datasette_auth_passwords.utils import hash_password

from db.metadata import PASSWORD_ENV
from db.queries import CANNED_QUERIES
from db.serve import build_datasette
from tests.db.workbench_data import CISCO_BY_MONTH, build_database
from veille.cli import main


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build_database(tmp_path_factory.mktemp("ds") / "veille.db")


@pytest.fixture(scope="module")
def datasette(db_path):
    return build_datasette(db_path)


def get(ds, path, **kwargs):
    return asyncio.run(ds.client.get(path, **kwargs))


def cli_export(db_path, *args):
    result = CliRunner().invoke(main, ["export", "timeline", *args, "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_canned_queries_have_french_titles_and_parameters(datasette):
    queries = get(datasette, "/-/metadata.json").json()["databases"]["veille"]["queries"]
    assert queries["qui_dirige_quoi"]["title"] == "Qui dirige quoi"
    assert queries["chronologie_entite"]["params"] == ["entity", "by", "since", "until"]
    assert set(queries) == {q.name for q in CANNED_QUERIES}
    assert not any(q.get("write") for q in queries.values())


def test_tables_have_french_metadata_and_facets(datasette):
    page = get(datasette, "/veille/articles.json?_facet=source").json()
    assert {f["value"] for f in page["facet_results"]["source"]["results"]} == {"lemagit", "silicon", "zdnet"}
    html = get(datasette, "/veille/articles").text
    assert "Adresse canonique" in html and "Articles" in html


def test_settings_limit_sql_time(datasette):
    assert get(datasette, "/-/settings.json").json()["sql_time_limit_ms"] == 3000


@pytest.mark.parametrize(
    "params",
    [
        {"entity": "Cisco", "by": "month"},
        {"entity": "cisco systems", "by": "week", "since": "2024-01-15"},
        {"entity": "Société Générale", "by": "day", "until": "2024-12-31"},
    ],
)
@pytest.mark.parametrize("articles", [False, True])
def test_canned_query_csv_and_json_equal_the_cli_export(datasette, db_path, params, articles):
    name = "chronologie_articles" if articles else "chronologie_entite"
    args = [params["entity"], "--by", params["by"]]
    for key in ("since", "until"):
        if key in params:
            args += [f"--{key}", params[key]]
    args += ["--articles"] if articles else []
    query = {k: params.get(k, "") for k in ("entity", "by", "since", "until")}

    web_csv = get(datasette, f"/veille/{name}.csv", params=query).text
    cli_csv = cli_export(db_path, *args, "--format", "csv")
    assert list(csv.reader(io.StringIO(web_csv))) == list(csv.reader(io.StringIO(cli_csv)))
    assert len(web_csv.splitlines()) > 1

    web_json = get(datasette, f"/veille/{name}.json", params={**query, "_shape": "array"}).json()
    assert web_json == json.loads(cli_export(db_path, *args, "--format", "json"))


def test_timeline_json_counts(datasette):
    rows = get(datasette, "/veille/chronologie_entite.json?_shape=array&entity=CISCO").json()
    assert {r["periode"]: (r["mentions"], r["articles"]) for r in rows} == CISCO_BY_MONTH


def test_writes_are_refused_and_nothing_changes(datasette, db_path):
    before = sqlite3.connect(db_path).execute("SELECT count(*) FROM articles").fetchone()[0]
    posted = asyncio.run(datasette.client.post("/veille/chronologie_entite", data={"entity": "Cisco"}))
    assert posted.status_code == 405
    for sql in ("DELETE FROM articles", "UPDATE articles SET title = 'x'", "select 1; delete from articles"):
        assert get(datasette, "/veille.json", params={"sql": sql}).status_code == 400
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM articles").fetchone()[0] == before


@pytest.mark.parametrize(
    "path",
    [
        "/veille/articles/4",
        "/veille/articles",
        "/veille/chronologie_articles?entity=Cisco&by=month",
        "/veille/recherche?q=plan+social&source=",
        "/-/veille/entity/1",
        "/-/veille/article/4",
        "/veille/mentions",
    ],
)
def test_article_text_is_never_rendered_as_html(datasette, path):
    page = get(datasette, path)
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert" in page.text


def test_search_page_highlights_matches_with_mark(datasette):
    page = get(datasette, "/veille/recherche", params={"q": "centres", "source": ""}).text
    assert "<mark>centres</mark>" in page
    assert "⟦" not in page.split("<tbody>")[1]


def test_entity_page_has_chart_data_articles_exports_and_feed(datasette):
    page = get(datasette, "/-/veille/entity/1").text
    assert 'data-veille-timeline="[{&#34;periode&#34;: &#34;2024-01&#34;' in page
    assert page.count('class="veille-period"') == len(CISCO_BY_MONTH)
    assert "/veille/chronologie_entite.csv?entity=1&amp;by=month" in page
    assert 'type="application/atom+xml"' in page and "/veille/nouvelles_mentions.atom?entity=1" in page
    assert "/-/veille/static/veille-timeline.js" in page
    script = get(datasette, "/-/veille/static/veille-timeline.js")
    assert script.status_code == 200 and "createElementNS" in script.text


def test_entity_page_for_unknown_id_is_404(datasette):
    assert get(datasette, "/-/veille/entity/999").status_code == 404


def test_entity_lookup_redirects_by_name_or_lists_close_names(datasette):
    found = get(datasette, "/-/veille/entity", params={"q": "SOCIETE generale", "by": "week"})
    assert found.status_code == 302
    assert found.headers["location"].startswith("/-/veille/entity/")
    assert found.headers["location"].endswith("?by=week")
    missing = get(datasette, "/-/veille/entity", params={"q": "Cisko"})
    assert missing.status_code == 404 and "Cisco" in missing.text


def test_entity_names_link_to_their_timeline(datasette):
    assert 'href="/-/veille/entity/1"' in get(datasette, "/veille/entities").text
    assert 'href="/-/veille/entity/1">graphique</a>' in get(datasette, "/veille/entites?label=&q=cisco").text


def test_atom_feed_of_new_mentions(datasette):
    feed = get(datasette, "/veille/nouvelles_mentions.atom", params={"entity": "Cisco"})
    assert feed.status_code == 200 and feed.headers["content-type"].startswith("application/xml")
    assert feed.text.count("<entry>") == 5
    assert "https://silicon.example.test/article-5" in feed.text
    assert "<title>Nouvelles mentions de « Cisco » — veille</title>" in feed.text
    empty = get(datasette, "/veille/flux_recherche.atom", params={"q": "introuvable"})
    assert empty.status_code == 200 and empty.text.count("<entry>") == 1


@pytest.fixture
def protected(db_path, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "")  # build_datasette sets it; undone after the test
    return build_datasette(db_path, password_hash=hash_password("s3cret"), username="redaction")


def basic(user, password):
    return {"authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


@pytest.mark.parametrize(
    "path",
    ["/", "/veille/articles.json", "/-/veille/entity/1", "/veille/nouvelles_mentions.atom?entity=Cisco"],
)
def test_password_protects_every_page(protected, path):
    assert get(protected, path).status_code == 401
    assert get(protected, path, headers=basic("redaction", "wrong")).status_code == 401
    assert get(protected, path, headers=basic("redaction", "s3cret")).status_code in (200, 302)


def test_password_hash_is_not_published_in_metadata(protected):
    text = get(protected, "/-/metadata.json", headers=basic("redaction", "s3cret")).text
    assert "pbkdf2" not in text


def test_malformed_password_hash_is_refused(db_path):
    with pytest.raises(ValueError, match="hash-password"):
        build_datasette(db_path, password_hash="not-a-hash")


def test_serve_without_database_exits_3(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "absent.db")])
    assert result.exit_code == 3
    assert "no database at" in result.stderr
    assert not (tmp_path / "absent.db").exists()


def test_serve_refuses_a_malformed_password_hash_from_the_environment(db_path, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "hunter2")
    result = CliRunner().invoke(main, ["serve", "--db", str(db_path)])
    assert result.exit_code == 2
    assert "invalid password hash" in result.stderr


def test_hash_password_prints_a_hash_serve_accepts(db_path, monkeypatch):
    result = CliRunner().invoke(main, ["hash-password", "--stdin"], input="s3cret\n")
    assert result.exit_code == 0
    password_hash = result.stdout.strip()
    monkeypatch.setenv(PASSWORD_ENV, "")  # build_datasette sets it; undone after the test
    ds = build_datasette(db_path, password_hash=password_hash)
    assert get(ds, "/", headers=basic("veille", "s3cret")).status_code == 200
    assert get(ds, "/").status_code == 401


class _ActionsPlugin:
    """A plugin that adds one action to every database and table page."""

    __name__ = "veille-test-actions"  # Datasette lists plugins by module name

    @hookimpl
    def menu_links(self):
        return [{"href": "/-/test-menu", "label": "Lien de menu"}]

    @hookimpl
    def database_actions(self, database):
        return [{"href": f"/-/test-action/{database}", "label": "Action de base"}]

    @hookimpl
    def table_actions(self, database, table):
        return [{"href": f"/-/test-action/{database}/{table}", "label": "Action de table"}]


def test_page_actions_menu_is_one_include_shown_on_database_and_table_pages(db_path):
    from datasette.plugins import pm

    templates = Path(__file__).resolve().parents[2] / "db" / "datasette_plugin" / "templates"
    holders = sorted(
        p.name for p in templates.glob("*.html") if 'class="actions-menu-links"' in p.read_text()
    )
    assert holders == ["_veille_actions_menu.html"]  # before: database.html and table.html each had it
    plugin = _ActionsPlugin()
    pm.register(plugin, name="veille-test-actions")
    try:
        ds = build_datasette(db_path)
        database_page = get(ds, "/veille").text
        table_page = get(ds, "/veille/articles").text
    finally:
        pm.unregister(plugin)
    assert database_page.count('class="actions-menu-links"') == 1
    assert 'href="/-/test-action/veille">Action de base</a>' in database_page
    assert 'href="/-/test-action/veille/articles">Action de table</a>' in table_page
    assert 'href="/-/test-menu">Lien de menu</a>' in table_page  # base.html's menu, the same link list
    assert "Action de base" not in get(build_datasette(db_path), "/veille").text  # no plugin, no menu
