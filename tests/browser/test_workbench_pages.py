"""Real browser, a journalist's tour: articles -> article -> entity -> article -> search -> article.

Each step checks French text and French amounts, and saves a screenshot under tests/artifacts/
(workbench_*.png) for a reviewer to open. Lists must fit a 1,366 px wide screen.
"""

from __future__ import annotations

import re

from tests.browser.conftest import ARTIFACTS, BROWSER_MARKS, db_name, open_page

pytestmark = BROWSER_MARKS

SCREEN = 1366
FRENCH_AMOUNT = re.compile(r"\d+(,\d+)?\u00a0(k|M|Md)?(€|\$)")
ENGLISH = (
    "Powered by",
    "rows in",
    "Links from other tables",
    "This data as",
    "Custom SQL query",
    "0 results",
)


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"workbench_{name}.png"), full_page=True)


def _french(page) -> str:
    text = page.inner_text("body")
    for english in ENGLISH:
        assert english not in text, (page.url, english)
    return text


def _follow(page, locator, path_part: str) -> None:
    locator.click()
    page.wait_for_load_state("networkidle")
    assert path_part in page.url, page.url


def _fits(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= SCREEN, f"{page.url} is {width} px wide"


def test_article_entity_article_search_tour(server, browser):
    base = f"{server}/{db_name(server)}"
    page, outside, errors = open_page(browser, f"{base}/articles", width=SCREEN)
    _french(page)
    _fits(page)
    _shot(page, "1_articles")

    _follow(page, page.locator("td a.veille-article").first, "/-/veille/article/")
    text = _french(page)
    assert "publié le" in text and "Entités citées" in text and "Articles sur les mêmes entités" in text
    _shot(page, "2_article")

    _follow(page, page.locator(".veille-text a.veille-org").first, "/-/veille/entity/")
    text = _french(page)
    assert "Dirigeants" in text and "Souvent cités avec" in text and "Chronologie des mentions" in text
    assert page.locator("#veille-chart rect.veille-bar").count() >= 1
    _shot(page, "3_entity")

    _follow(page, page.locator("section.veille-period a.veille-article").first, "/-/veille/article/")
    title = page.inner_text("h1")
    _shot(page, "4_article_again")

    _follow(page, page.get_by_text("Rechercher dans tous les articles"), "/recherche")
    word = max(re.findall(r"\w+", title), key=len)
    page.fill("input[name=q]", word.lower())
    _follow(page, page.locator("form.sql input[type=submit]"), "q=")
    _french(page)
    _fits(page)
    assert page.locator("tbody tr").count() >= 1
    _shot(page, "5_search")

    _follow(page, page.locator("td a.veille-article").first, "/-/veille/article/")
    assert not outside, f"requests outside the server: {outside}"
    assert not errors, errors
    page.close()


def test_amounts_and_executives_read_the_french_way(server, browser):
    base = f"{server}/{db_name(server)}"
    page, _, errors = open_page(browser, f"{base}/montants?company=&currency=&by=month", width=SCREEN)
    text = _french(page)
    assert FRENCH_AMOUNT.search(text), "no amount written the French way"
    assert not re.search(r"\d{7,}\.\d", text), "a raw float is shown"
    _fits(page)
    _shot(page, "6_montants")
    page.close()

    page, _, errors = open_page(browser, f"{base}/qui_dirige_quoi?company=", width=SCREEN)
    text = _french(page)
    assert "en poste" in text and "CEO" not in page.inner_text("tbody td.col-fonction >> nth=0")
    assert page.locator("tbody a.veille-entity-link").count() >= 1
    _fits(page)
    _shot(page, "7_qui_dirige_quoi")
    assert not errors, errors
    page.close()
