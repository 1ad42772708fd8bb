"""The item pipelines in process: validation, in-run dedupe, NLP batches, one save per article."""

from __future__ import annotations

import pytest
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.test import get_crawler

import db
from crawler.items import ArticleItem
from pipelines.store import StorePipeline
from pipelines.validate import ValidatePipeline
from tests.pipelines import fakes

TEXT = "Cisco annonce le rachat d'une start-up française spécialisée dans la sécurité des réseaux. " * 3


def item(n: int, text: str | None = None, **fields) -> ArticleItem:
    return ArticleItem(
        source="test",
        url=f"https://a.fr/article-{n}.html",
        text=text or f"Article {n}. {TEXT}",
        title=f"Titre {n}",
        published_at=f"2024-05-0{1 + n % 9}T10:00:00+02:00",
        **fields,
    )


def run_pipelines(tmp_path, items, **settings):
    crawler = get_crawler(
        settings_dict={
            "VEILLE_DB_PATH": str(tmp_path / "t.db"),
            "VEILLE_NLP": "tests.pipelines.fakes:make_extractor",
            "VEILLE_NLP_BATCH_SIZE": 3,
            **settings,
        }
    )
    validate, store = ValidatePipeline.from_crawler(crawler), StorePipeline.from_crawler(crawler)
    validate.open_spider()
    store.open_spider()
    for it in items:
        try:
            store.process_item(validate.process_item(it))
        except DropItem:
            pass
    store.close_spider()
    return db.open_db(tmp_path / "t.db"), crawler.stats.get_stats()


def test_articles_are_stored_with_entities_in_batches(tmp_path):
    fakes.CALLS.clear()
    database, stats = run_pipelines(tmp_path, [item(n) for n in range(7)])
    assert database["articles"].count == 7
    assert fakes.CALLS == [3, 3, 1]  # one NLP call per batch, the last one flushed on close
    assert database.execute("SELECT count(*) FROM mentions").fetchone()[0] == 7 * 3
    assert stats["veille/test/new_articles"] == 7


def test_same_text_at_two_urls_is_stored_once_with_both_urls(tmp_path):
    fakes.CALLS.clear()
    twin = item(2, text=item(1).text)
    tracked = item(1)
    tracked.url = "https://a.fr/article-1.html?utm_source=rss"
    database, stats = run_pipelines(tmp_path, [item(1), twin, tracked])
    assert database["articles"].count == 1
    urls = {row[0] for row in database.execute("SELECT url FROM article_urls")}
    assert {"https://a.fr/article-1.html", "https://a.fr/article-2.html"} <= urls
    assert fakes.CALLS == [1]  # duplicates skip the NLP stage
    assert stats["veille/test/duplicates"] == 2


def test_second_run_with_the_same_items_adds_no_rows(tmp_path):
    run_pipelines(tmp_path, [item(n) for n in range(4)])
    database, stats = run_pipelines(tmp_path, [item(n) for n in range(4)])
    assert database["articles"].count == 4
    assert database.execute("SELECT count(*) FROM mentions").fetchone()[0] == 4 * 3
    assert "veille/test/new_articles" not in stats


def test_limit_caps_new_articles(tmp_path):
    database, _ = run_pipelines(tmp_path, [item(n) for n in range(6)], VEILLE_LIMIT=2)
    assert database["articles"].count == 2


def test_nlp_failure_keeps_the_articles(tmp_path):
    database, stats = run_pipelines(
        tmp_path, [item(1), item(2)], VEILLE_NLP="tests.pipelines.fakes:make_failing_extractor"
    )
    assert database["articles"].count == 2
    assert stats["veille/errors/nlp_error"] == 1


def test_incomplete_item_is_dropped_and_counted(tmp_path):
    database, stats = run_pipelines(tmp_path, [item(1, text="   "), item(2)])
    assert database["articles"].count == 1
    assert stats["veille/test/errors/invalid_item"] == 1


def test_store_is_off_without_a_database_path():
    with pytest.raises(NotConfigured):
        StorePipeline.from_crawler(get_crawler(settings_dict={"VEILLE_DB_PATH": None}))


def test_unwritable_database_is_reported_not_raised(tmp_path):
    crawler = get_crawler(
        settings_dict={"VEILLE_DB_PATH": str(tmp_path / "missing-dir" / "t.db"), "VEILLE_NLP": "none"}
    )
    store = StorePipeline.from_crawler(crawler)
    store.open_spider()
    store.process_item(item(1))
    store.close_spider()
    assert "cannot open database" in crawler.stats.get_value("veille/db_error")


def test_nlp_stage_that_cannot_load_stores_the_articles_without_entities(tmp_path):
    # Before: the import error escaped close_spider, 0 articles stored while the feeds' ETags
    # were saved, so the next run never saw these articles again.
    database, stats = run_pipelines(
        tmp_path, [item(1), item(2)], VEILLE_NLP="tests.pipelines.nowhere:factory"
    )
    rows = database.execute("SELECT count(*), count(nlp_version) FROM articles").fetchone()
    assert rows == (2, 0)  # stored, nlp_version NULL: `veille reprocess` picks them up
    assert stats["veille/stored_without_entities"] == 2
    assert "ModuleNotFoundError" in stats["veille/nlp_unavailable"]


def test_missing_spacy_model_stores_the_articles_without_entities(tmp_path, monkeypatch):
    monkeypatch.setenv("VEILLE_SPACY_MODEL", "fr_core_news_not_installed")
    database, stats = run_pipelines(tmp_path, [item(1)], VEILLE_NLP="spacy")
    assert database["articles"].count == 1
    assert "E050" in stats["veille/nlp_unavailable"]


def test_accepted_item_that_cannot_be_stored_is_counted_as_not_stored(tmp_path):
    crawler = get_crawler(settings_dict={"VEILLE_DB_PATH": str(tmp_path / "t.db"), "VEILLE_NLP": "none"})
    store = StorePipeline.from_crawler(crawler)
    store.open_spider()
    store.process_item(ArticleItem(source="test", url="https://a.fr/x", text="  "))
    store.close_spider()
    assert crawler.stats.get_value("veille/not_stored") == 1


def test_lone_surrogates_are_replaced_not_the_article_dropped(tmp_path):
    # JSON-LD "\ud800" decodes to a lone surrogate that SQLite cannot encode: the article was
    # dropped as invalid_item and fetched again on every run.
    broken = item(1, text=f"Cisco \ud800 annonce. {TEXT}")
    broken.title = "Titre \udfff"
    database, stats = run_pipelines(tmp_path, [broken])
    row = database.execute("SELECT title, text FROM articles").fetchone()
    assert row[0] == "Titre \ufffd" and row[1].startswith("Cisco \ufffd annonce.")
    assert database.execute("SELECT count(*) FROM mentions").fetchone()[0] == 4  # its entities too
    assert "veille/test/errors/invalid_item" not in stats
