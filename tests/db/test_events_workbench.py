"""Canned event queries and typed alert feeds, through Datasette's JSON and Atom, and the CLI export."""

from __future__ import annotations

import asyncio
import csv
import io
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from db.serve import build_datasette
from tests.db.event_data import build_database
from veille.cli import main

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build_database(tmp_path_factory.mktemp("events") / "veille.db")


@pytest.fixture(scope="module")
def datasette(db_path):
    return build_datasette(db_path)


def get(ds, path, **kwargs):
    return asyncio.run(ds.client.get(path, **kwargs))


def rows(ds, name, **params):
    response = get(ds, f"/veille/{name}.json", params={"_shape": "array", **params})
    assert response.status_code == 200, response.text
    return response.json()


def entries(ds, **params):
    response = get(ds, "/veille/alertes.atom", params=params)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.text)
    return [
        {
            "title": e.find(f"{ATOM}title").text,
            "links": {link.get("rel"): link.get("href") for link in e.findall(f"{ATOM}link")},
            "content": e.find(f"{ATOM}content").text,
        }
        for e in feed.findall(f"{ATOM}entry")
    ]


def test_evenements_lists_reported_events_latest_first_with_french_amounts(datasette):
    found = rows(datasette, "evenements")
    assert [r["evenement"] for r in found] == [
        "Nomination : Paul Rey devient PDG / directeur général de Kalisto",
        "Nuvia lève 5\u00a0M$",
        "Nomination : Jeanne Morel devient directrice financière de Brintek",
        "Brintek rachète Kalisto pour 270\u00a0M€",
        "Orvelis lève 12\u00a0M€",
    ]  # the background acquisition by Orvelis is left out
    assert found[-1]["investisseurs"] == "Fonds Azur"
    assert found[-1]["chronologie"].startswith("/-/veille/entity/")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "funding"}, ["Nuvia", "Orvelis"]),
        ({"kind": "funding", "min": "10000000", "currency": "eur"}, ["Orvelis"]),
        ({"company": "kalisto"}, ["Kalisto", "Brintek"]),  # as the company and as the target
        ({"since": "2025-02-01", "until": "2025-02-03"}, ["Brintek", "Brintek"]),
        ({"kind": "layoffs"}, []),
    ],
)
def test_evenements_filters(datasette, params, expected):
    assert [r["entreprise"] for r in rows(datasette, "evenements", **params)] == expected


def test_bookmarkable_queries_fix_the_kind(datasette):
    assert [r["entreprise"] for r in rows(datasette, "levees_de_fonds")] == ["Nuvia", "Orvelis"]
    assert [r["cible"] for r in rows(datasette, "acquisitions")] == ["Kalisto"]
    assert [r["personne"] for r in rows(datasette, "nominations", company="Brintek")] == ["Jeanne Morel"]


def test_alert_feed_of_large_fundings(datasette):
    found = entries(datasette, kind="funding", min="10000000", currency="EUR")
    assert [e["title"] for e in found] == ["Orvelis lève 12\u00a0M€"]
    assert found[0]["links"]["alternate"] == "http://127.0.0.1/e0"
    assert "/-/veille/entity/" in found[0]["links"]["related"]
    assert "Fonds Azur" in found[0]["content"]


def test_alert_feed_of_appointments_at_a_company(datasette):
    found = entries(datasette, kind="appointment", company="Brintek")
    assert [e["title"] for e in found] == [
        "Nomination : Jeanne Morel devient directrice financière de Brintek"
    ]


def test_alert_feed_for_an_unknown_company_says_so(datasette):
    found = entries(datasette, kind="appointment", company="Brintec")
    assert len(found) == 1
    assert "inconnue" in found[0]["title"] and "Brintek" in found[0]["content"]


def test_alert_feed_without_event_has_one_placeholder_entry(datasette):
    assert [e["title"] for e in entries(datasette, kind="layoffs")] == ["Aucun événement pour le moment"]


def test_cli_export_gives_the_rows_of_the_canned_query(datasette, db_path):
    web = get(
        datasette,
        "/veille/evenements.csv",
        params={"kind": "funding", "company": "", "since": "", "until": "", "min": "", "currency": ""},
    ).text
    result = CliRunner().invoke(main, ["export", "events", "--db", str(db_path), "--kind", "funding"])
    assert result.exit_code == 0, result.output
    assert list(csv.reader(io.StringIO(result.stdout))) == list(csv.reader(io.StringIO(web)))


def test_cli_export_of_an_unknown_company_fails_with_close_names(db_path):
    result = CliRunner().invoke(main, ["export", "events", "--db", str(db_path), "--company", "Brintec"])
    assert result.exit_code == 5
    assert "veille: no entity named 'Brintec'" in result.stderr and "Brintek" in result.stderr
