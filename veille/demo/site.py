"""The demo site, built in memory from articles.toml and two page templates.

Two fictional French tech-press sites share one server: InfoPro (RSS 2.0 feed, JSON-LD pages,
feed links carrying tracking parameters) and TechHebdo (Atom feed and Google News sitemap,
OpenGraph pages, comments; one page in windows-1252 without a charset in the HTTP header).
"""

from __future__ import annotations

import html
import json
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from string import Template

SITE_DIR = Path(__file__).parent / "site"
MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()


@dataclass(frozen=True)
class Page:
    body: bytes
    content_type: str


def slugify(value: str) -> str:
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


def load_articles() -> list[dict]:
    return tomllib.loads((SITE_DIR / "articles.toml").read_text(encoding="utf-8"))["articles"]


def article_path(article: dict) -> str:
    if article["site"] == "infopro":
        return f"infopro/{slugify(article['section'])}/{article['slug']}.html"
    return f"techhebdo/{article['slug']}/"


def _date_fr(iso: str) -> str:
    date = datetime.fromisoformat(iso)
    return f"{date.day} {MONTHS[date.month - 1]} {date.year} à {date.hour}h{date.minute:02d}"


def _paragraphs(body: str) -> list[str]:
    return [" ".join(p.split()) for p in body.strip().split("\n\n") if p.strip()]


def render_article(article: dict, related: dict, base: str) -> Page:
    paragraphs = [f"    <p>{html.escape(p, quote=False)}</p>" for p in _paragraphs(article["body"])]
    fields = {
        "base": base,
        "title": html.escape(article["title"], quote=False),
        "title_attr": html.escape(article["title"]),
        "lead": html.escape(article["lead"], quote=False),
        "lead_attr": html.escape(article["lead"]),
        "author": html.escape(article["author"]),
        "date": article["date"],
        "date_fr": _date_fr(article["date"]),
        "section": html.escape(article["section"]),
        "section_slug": slugify(article["section"]),
        "slug": article["slug"],
        "related_path": article_path(related),
        "related_title": html.escape(related["title"], quote=False),
        "body_first": "\n".join(paragraphs[:2]),
        "body_rest": "\n".join(paragraphs[2:]),
        "jsonld": _jsonld(article, base),
        "charset_meta": "" if article.get("encoding") else '<meta charset="utf-8">',
    }
    template = Template((SITE_DIR / "templates" / f"{article['site']}.html").read_text(encoding="utf-8"))
    text = template.substitute(fields)
    if article.get("encoding"):  # an old CMS: windows-1252 bytes, declared nowhere
        return Page(text.encode("cp1252"), "text/html")
    return Page(text.encode("utf-8"), "text/html; charset=utf-8")


def _jsonld(article: dict, base: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article["title"],
        "description": article["lead"],
        "datePublished": article["date"],
        "dateModified": article["date"],
        "author": [{"@type": "Person", "name": article["author"]}],
        "publisher": {"@type": "Organization", "name": "InfoPro"},
        "mainEntityOfPage": f"{base}/{article_path(article)}",
        "inLanguage": "fr-FR",
    }
    return json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")


def _rss(articles: list[dict], base: str) -> Page:
    items = []
    for a in articles:
        date = datetime.fromisoformat(a["date"]).strftime("%a, %d %b %Y %H:%M:%S %z")
        items.append(
            f"<item><title>{html.escape(a['title'])}</title>"
            f"<link>{base}/{article_path(a)}?xtor=RSS-1&amp;utm_source=rss</link>"
            f'<guid isPermaLink="false">infopro-{a["slug"]}</guid><pubDate>{date}</pubDate>'
            f"<category>{html.escape(a['section'])}</category>"
            f"<description>{html.escape(a['lead'])}</description></item>"
        )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>InfoPro - Toute l\'actualité</title>'
        f"<link>{base}/infopro/</link><description>Le quotidien des décideurs informatiques</description>"
        f"<language>fr</language>{''.join(items)}</channel></rss>\n"
    )
    return Page(xml.encode("utf-8"), "application/rss+xml; charset=utf-8")


def _atom(articles: list[dict], base: str) -> Page:
    entries = "".join(
        f'<entry><title>{html.escape(a["title"])}</title><link rel="alternate" href="{base}/{article_path(a)}"/>'
        f"<id>tag:techhebdo.demo,2025:{a['slug']}</id><published>{a['date']}</published><updated>{a['date']}</updated>"
        f"<author><name>{html.escape(a['author'])}</name></author><summary>{html.escape(a['lead'])}</summary></entry>"
        for a in articles
    )
    updated = max(a["date"] for a in articles)
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">'
        f"<title>TechHebdo</title><id>{base}/techhebdo/</id><updated>{updated}</updated>"
        f'<link rel="self" href="{base}/techhebdo/atom.xml"/>{entries}</feed>\n'
    )
    return Page(xml.encode("utf-8"), "application/atom+xml; charset=utf-8")


def _news_sitemap(articles: list[dict], base: str) -> Page:
    urls = "".join(
        f"<url><loc>{base}/{article_path(a)}</loc><news:news><news:publication><news:name>TechHebdo</news:name>"
        f"<news:language>fr</news:language></news:publication><news:publication_date>{a['date']}"
        f"</news:publication_date><news:title>{html.escape(a['title'])}</news:title></news:news></url>"
        for a in articles
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>\n'
    )
    return Page(xml.encode("utf-8"), "application/xml")


def build_site(base: str) -> dict[str, Page]:
    """Every page of the demo site by path (without the leading slash), for the server at ``base``."""
    articles = load_articles()
    pages: dict[str, Page] = {}
    for site in ("infopro", "techhebdo"):
        group = [a for a in articles if a["site"] == site]
        for i, article in enumerate(group):
            pages[article_path(article)] = render_article(article, group[(i + 1) % len(group)], base)
    pages["infopro/rss.xml"] = _rss([a for a in articles if a["site"] == "infopro"], base)
    techhebdo = [a for a in articles if a["site"] == "techhebdo"]
    pages["techhebdo/atom.xml"] = _atom(techhebdo, base)
    pages["sitemap-news.xml"] = _news_sitemap(techhebdo, base)
    robots = f"User-agent: *\nDisallow: /admin/\n\nSitemap: {base}/sitemap-news.xml\n"
    pages["robots.txt"] = Page(robots.encode("utf-8"), "text/plain; charset=utf-8")
    return pages


def sources_toml(base: str) -> str:
    """A sources file pointing at the demo site served at ``base``."""
    return (
        "# Sources of the veille demo site (served locally by `veille demo`).\n\n"
        f'[[sources]]\nname = "demo-infopro"\nfeeds = ["{base}/infopro/rss.xml"]\n\n'
        f'[[sources]]\nname = "demo-techhebdo"\nfeeds = ["{base}/techhebdo/atom.xml"]\n'
        f'sitemaps = ["{base}/sitemap-news.xml"]\n'
    )
