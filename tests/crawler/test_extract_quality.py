"""Extraction quality on 324 fixture pages (12 articles x 27 news-site layouts), against trafilatura alone."""

from __future__ import annotations

import trafilatura

from crawler.extract import extract_article
from tests.crawler.quality import score

TARGETS = {"stored": 0.97, "title": 0.95, "date": 0.92, "contains": 0.94, "excludes": 0.90}


def trafilatura_precision(html: str, url: str) -> dict | None:
    doc = trafilatura.bare_extraction(html, url=url, favor_precision=True, with_metadata=True)
    if doc is None:
        return None
    data = doc.as_dict()
    return {"title": data.get("title"), "published_at": data.get("date"), "text": data.get("text")}


def test_extraction_meets_the_targets_and_beats_trafilatura_alone():
    ours = score(extract_article)
    baseline = score(trafilatura_precision)
    figures, reference = ours.figures(), baseline.figures()
    print("\nmetric     veille  trafilatura(precision)")
    for name in TARGETS:
        print(f"{name:<10} {figures[name]:.3f}   {reference[name]:.3f}")
    for name, target in TARGETS.items():
        assert figures[name] >= target, (name, figures[name], ours.misses[:10])
    assert all(figures[name] >= reference[name] for name in TARGETS), (figures, reference)
    assert sum(figures.values()) > sum(reference.values())
