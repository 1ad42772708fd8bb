"""Scores of an extractor on the fixture pages: the figures of the issue's acceptance check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from crawler.extract import PageSkipped
from crawler.pagemeta import decode_html
from tests.crawler.layouts import fixture_pages


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass
class Scores:
    pages: int = 0
    stored: int = 0
    titles: int = 0
    dates: int = 0
    snippets: int = 0
    snippets_found: int = 0
    boilerplate: int = 0
    boilerplate_excluded: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        return {
            "stored": self.stored / self.pages,
            "title": self.titles / self.pages,
            "date": self.dates / self.pages,
            "contains": self.snippets_found / self.snippets,
            "excludes": self.boilerplate_excluded / self.boilerplate,
        }


def score(extract: Callable[[str, str], dict | None]) -> Scores:
    """Run ``extract(html, url)`` on every fixture page; a snippet is a paragraph's first and last words."""
    scores = Scores()
    for page_id, body, content_type, expected in fixture_pages():
        scores.pages += 1
        html, _ = decode_html(body, content_type.partition("charset=")[2] or None)
        try:
            article = extract(html, f"https://presse.example/{page_id}")
        except PageSkipped:
            article = None
        if not article or not article.get("text"):
            scores.misses.append((page_id, "not stored"))
            continue
        scores.stored += 1
        text = _norm(article["text"])
        if article.get("title") == expected["title"]:
            scores.titles += 1
        else:
            scores.misses.append((page_id, f"title {article.get('title')!r}"))
        if (article.get("published_at") or "")[:10] == expected["date"]:
            scores.dates += 1
        else:
            scores.misses.append((page_id, f"date {article.get('published_at')!r}"))
        for paragraph in expected["paragraphs"]:
            scores.snippets += 1
            found = _norm(paragraph[:80]) in text and _norm(paragraph[-60:]) in text
            scores.snippets_found += found
            if not found:
                scores.misses.append((page_id, f"missing {paragraph[:40]!r}"))
        for snippet in expected["boilerplate"]:
            scores.boilerplate += 1
            excluded = _norm(snippet) not in text
            scores.boilerplate_excluded += excluded
            if not excluded:
                scores.misses.append((page_id, f"boilerplate {snippet!r}"))
    return scores
