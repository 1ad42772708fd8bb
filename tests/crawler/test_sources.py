from __future__ import annotations

from pathlib import Path

import pytest

from crawler.sources import SourcesError, load_sources

ROOT = Path(__file__).resolve().parents[2]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_form_is_accepted(tmp_path):
    path = write(
        tmp_path,
        '[[sources]]\nname = "lemondeinformatique"\nfeeds = ["https://example.org/rss"]\n'
        'sitemaps = ["https://example.org/news.xml"]\n',
    )
    (source,) = load_sources(path)
    assert source.name == "lemondeinformatique"
    assert source.feeds == ("https://example.org/rss",)
    assert source.sitemaps == ("https://example.org/news.xml",)
    assert source.lang == "fr"


def test_fallback_addresses_keep_their_order(tmp_path):
    path = write(
        tmp_path,
        '[[sources]]\nname = "x"\nfeeds = ["https://a.fr/feed"]\n'
        'fallback_feeds = ["https://a.fr/old", "https://a.fr/older"]\n'
        'sitemaps = ["https://a.fr/news.xml"]\nfallback_sitemaps = ["https://a.fr/sitemap-news.xml"]\n',
    )
    (source,) = load_sources(path)
    assert source.fallbacks("feed") == ("https://a.fr/old", "https://a.fr/older")
    assert source.addresses() == [
        ("https://a.fr/feed", "feed", False),
        ("https://a.fr/news.xml", "sitemap", False),
        ("https://a.fr/old", "feed", True),
        ("https://a.fr/older", "feed", True),
        ("https://a.fr/sitemap-news.xml", "sitemap", True),
    ]


def test_shipped_sources_file_is_valid_and_lists_the_french_tech_press():
    names = {s.name for s in load_sources(ROOT / "sources.toml")}
    assert len(names) >= 30
    text = (ROOT / "sources.toml").read_text(encoding="utf-8")
    # each source says what it covers and how sure its address is, on the comment line above it
    blocks = text.split("[[sources]]")
    assert all(block.rstrip().splitlines()[-1].startswith("# ") for block in blocks[:-1])
    assert {"lemondeinformatique", "silicon", "zdnet", "lemagit", "01net", "jdn", "numerama", "next"} <= names


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[sources]]\nname = "x"\nfeed = ["https://a.fr/rss"]\n', "unknown key 'feed' (did you mean 'feeds'?)"),
        ('[[sources]]\nfeeds = ["https://a.fr/rss"]\n', "missing 'name'"),
        ('[[sources]]\nname = "x"\nfeeds = ["ftp://a.fr/rss"]\n', "bad URL in 'feeds'"),
        ('[[sources]]\nname = "x"\nfeeds = ["a.fr/rss"]\n', "bad URL"),
        ('[[sources]]\nname = "x"\n', "needs at least one URL"),
        ('[[sources]]\nname = "x"\nfeeds = ["https://a.fr/"]\nurl_patterns = {include = ["("]}\n', "bad regex"),
        ('[[sources]]\nname = "x"\nfeeds = ["https://a.fr/"]\n[[sources]]\nname = "x"\nfeeds = ["https://b.fr/"]\n',
         "used twice"),
        ('[[sources]]\nname = "x"\nfeeds = "https://a.fr/"\nlang = "french"\n', "two-letter"),
        ('[[sources]]\nname = "x"\nsitemaps = ["https://a.fr/s.xml"]\nfallback_feeds = ["https://a.fr/rss"]\n',
         "'fallback_feeds' without 'feeds'"),
        ('[[sources]]\nname = "x"\nfeeds = ["https://a.fr/rss"]\nfallback_feeds = ["https://a.fr/rss"]\n',
         "in both 'feeds' and 'fallback_feeds'"),
        ('[[sources]]\nname = "x"\nfeeds = ["https://a.fr/rss"]\nfallback_feeds = ["a.fr/old"]\n',
         "bad URL in 'fallback_feeds'"),
        ("[[sources]\n", "invalid TOML"),
        ("", "no [[sources]] table"),
    ],
)  # fmt: skip
def test_bad_sources_file_gives_a_clear_error(tmp_path, text, message):
    with pytest.raises(SourcesError) as info:
        load_sources(write(tmp_path, text))
    assert message in str(info.value)
    assert "sources.toml" in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(SourcesError, match="file not found"):
        load_sources(tmp_path / "nope.toml")


def test_allowed_domains_and_url_patterns_filter_article_links(tmp_path):
    path = write(
        tmp_path,
        '[[sources]]\nname = "x"\nfeeds = ["https://www.a.fr/rss"]\nallowed_domains = ["a.fr"]\n'
        'url_patterns = {include = ["/actualites/"], exclude = ["/bons-plans/"]}\n',
    )
    (source,) = load_sources(path)
    assert source.accepts("https://www.a.fr/actualites/cisco.html")
    assert not source.accepts("https://www.a.fr/actualites/bons-plans/promo.html")
    assert not source.accepts("https://www.a.fr/videos/cisco.html")
    assert not source.accepts("https://tracker.example/actualites/cisco.html")
