"""Real browser: `veille serve` on the demo database, headless Chromium draws the timeline chart."""

from __future__ import annotations

import pytest

from tests.browser.conftest import ARTIFACTS, BROWSER_MARKS, db_name, json_at, open_page

pytestmark = BROWSER_MARKS


@pytest.mark.parametrize("by", ["month", "week"])
def test_entity_page_draws_one_bar_per_period(server, browser, by):
    page, outside, errors = open_page(browser, f"{server}/-/veille/entity?q=cisco&by={by}")
    assert "/-/veille/entity/" in page.url  # the name was resolved to the entity's page
    entity_id = page.url.split("/-/veille/entity/")[1].split("?")[0]
    periods = json_at(
        f"{server}/{db_name(server)}/chronologie_entite.json?_shape=array&entity={entity_id}&by={by}"
    )
    assert len(periods) >= 2

    bars = page.locator("#veille-chart svg rect.veille-bar")
    assert bars.count() == len(periods)
    drawn = [
        (bars.nth(i).get_attribute("data-period"), int(bars.nth(i).get_attribute("data-mentions")))
        for i in range(bars.count())
    ]
    assert drawn == [(p["periode"], p["mentions"]) for p in periods]
    heights = [float(bars.nth(i).get_attribute("height")) for i in range(bars.count())]
    tallest = max(range(len(periods)), key=lambda i: periods[i]["mentions"])
    assert heights[tallest] == max(heights) > 0
    assert page.locator("section.veille-period").count() == len(periods)
    assert not outside, f"requests outside the server: {outside}"
    assert not errors, errors

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"timeline_chart_{by}.png"), full_page=True)
    page.close()


def test_canned_query_page_gets_the_chart_too(server, browser):
    url = f"{server}/{db_name(server)}/chronologie_entite?entity=cisco&by=month&since=&until="
    page, outside, errors = open_page(browser, url)
    rows = page.locator("table.rows-and-columns tbody tr").count()
    assert rows >= 2
    assert page.locator("#veille-chart rect.veille-bar").count() == rows
    assert not outside and not errors
    page.screenshot(path=str(ARTIFACTS / "timeline_canned_query.png"), full_page=True)
    page.close()
