from __future__ import annotations

from crawler.urls import canonical_key, clean_url, resolve_canonical


def test_tracking_parameters_are_removed_and_others_kept():
    url = "https://www.a.fr/art.html?id=3&utm_source=rss&utm_medium=feed&xtor=RSS-1&fbclid=x&gclid=y#top"
    assert clean_url(url) == "https://www.a.fr/art.html?id=3"


def test_urls_differing_by_tracking_scheme_www_or_order_share_one_key():
    keys = {
        canonical_key("https://www.a.fr/art.html?b=2&a=1"),
        canonical_key("http://a.fr/art.html?a=1&b=2&utm_campaign=x"),
        canonical_key("https://a.fr/art.html?a=1&b=2#comments"),
    }
    assert len(keys) == 1
    assert canonical_key("https://a.fr/art.html?a=1") != canonical_key("https://a.fr/art.html?a=2")


def test_canonical_is_resolved_cleaned_and_sanity_checked():
    page = "https://a.fr/actu/cisco.html?utm_source=x"
    assert (
        resolve_canonical("/actu/cisco-rachete.html?xtor=1", page) == "https://a.fr/actu/cisco-rachete.html"
    )
    assert resolve_canonical(None, page) == "https://a.fr/actu/cisco.html"
    # a site pointing every canonical at its home page would merge all its articles
    assert resolve_canonical("https://a.fr/", page) == "https://a.fr/actu/cisco.html"
    assert resolve_canonical("javascript:void(0)", page) == "https://a.fr/actu/cisco.html"
