"""The item a spider hands to the pipelines: plain JSON-able fields, never a Response."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class ArticleItem:
    source: str
    url: str  # the address fetched (after redirects)
    text: str
    canonical_url: str | None = None
    urls: list[str] = field(
        default_factory=list
    )  # other addresses of the same page (feed link before redirect)
    title: str | None = None
    author: str | None = None
    published_at: str | None = None  # ISO 8601
    date_source: str | None = None  # the rule that gave published_at (crawler.pagedates.DATE_RULES)
    lang: str | None = None
    description: str | None = None
    sitename: str | None = None
    feed_url: str | None = None
    fetched_at: str | None = None
    duplicate: bool = False  # already seen in this run or stored: only its URLs are recorded, no NLP

    def article(self) -> dict:
        """The dict db.save_article takes."""
        data = asdict(self)
        data.pop("duplicate")
        return data
