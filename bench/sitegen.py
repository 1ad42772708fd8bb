"""Generated French tech-press pages for the benchmarks, and a local site serving them.

Three page layouts in the manner of the French tech press (different class names, JSON-LD or
OpenGraph or neither, a byline in the text or in meta tags), each wrapped in the boilerplate
that extraction must drop: cookie banner, menus, "Lire aussi" blocks inside the text, most-read
lists, newsletter forms, comments and footers. Article text comes from synthdb's sentence
templates, so NLP finds companies, people and products in it.

``build_site(base_url, n)`` returns {path: (content type, bytes)}: per source an RSS feed of its
latest 30 articles and a sitemap listing all of them, robots.txt pointing at the sitemaps.
"""

from __future__ import annotations

import html
import json
import random
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

import synthdb

from db import name_key

SITES = ("actuit", "decideurs-numeriques", "lecanalpro", "zonetech")
SECTIONS = ("cloud", "securite", "reseaux", "intelligence-artificielle", "logiciels", "telecoms")
AUTHORS = ("Claire Dumont", "Marc Lefebvre", "Sophie Garnier", "Julien Moreau", "Nadia Benali", "Paul Henry")
COMMENTS = (
    "Encore une annonce marketing, on attend de voir les tarifs réels.",
    "Très bon article, merci pour la synthèse.",
    "Et la question de la réversibilité des données ? Personne n'en parle.",
)
MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()


@dataclass
class Article:
    site: str
    slug: str
    section: str
    title: str
    lead: str
    paragraphs: list[str]
    author: str
    published: datetime

    @property
    def path(self) -> str:
        return f"{self.site}/{self.section}/{self.slug}.html"


_ENTITIES = synthdb.make_entities(random.Random(1), 2000)
_WEIGHTS = [synthdb.zipf_weight(rank) for rank in range(1, len(_ENTITIES) + 1)]


def make_article(rng: random.Random, index: int) -> Article:
    """One article of 150 to 900 words about companies, people and products."""
    n = rng.randint(6, 30)
    picks = list(dict.fromkeys(rng.choices(range(1, len(_ENTITIES) + 1), weights=_WEIGHTS, k=n)))
    body, _ = synthdb.make_article(rng, index, n, picks, _ENTITIES)
    sentences = body["text"].split(". ")
    paragraphs, i = [], 0
    while i < len(sentences):
        size = rng.randint(2, 5)
        paragraphs.append(". ".join(sentences[i : i + size]).rstrip(".") + ".")
        i += size
    site = SITES[index % len(SITES)]
    published = datetime(2024, 1, 1, 6) + timedelta(minutes=index * 37 + rng.randint(0, 30))
    return Article(
        site=site,
        slug=f"{index:05d}-{name_key(body['title']).replace(' ', '-')[:60]}",
        section=rng.choice(SECTIONS),
        title=body["title"][0].upper() + body["title"][1:],
        lead=paragraphs[0],
        paragraphs=paragraphs[1:] or paragraphs,
        author=rng.choice(AUTHORS),
        published=published,
    )


def _date_fr(moment: datetime) -> str:
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year} à {moment.hour}h{moment.minute:02d}"


def _site_assets(site: str) -> str:
    """What a real page carries in its head: a stylesheet, a tag manager, an ad and consent config.

    About 40 KB, the same on every page of a site, as on the French tech press (pages of 60-200 KB)."""
    rng = random.Random(site)
    css = "".join(
        f".{rng.choice(synthdb.SYLLABLES)}-{i}{{margin:{i % 7}px;padding:{i % 5}px;color:#{rng.randrange(16**6):06x}}}"
        for i in range(400)
    )
    config = {f"slot_{i}": {"sizes": [[300, 250], [728, 90]], "targeting": {"rubrique": rng.choice(SECTIONS)}}
              for i in range(60)}  # fmt: skip
    code = ";".join(
        f"function {rng.choice(synthdb.SYLLABLES)}{i}(a,b){{var c=a.{rng.choice(synthdb.SYLLABLES)}||{{}};"
        f"return b?c[b]:window.dataLayer.push({{event:'v{i}',value:a}})}}"
        for i in range(250)
    )
    return (
        f"<style>{css}</style><script>window.dataLayer=window.dataLayer||[];var adConfig={json.dumps(config)};</script>"
        f'<script>{code}</script><script async src="/js/consent.js"></script><script async src="/js/ads.js"></script>'
    )


_ASSETS = {site: _site_assets(site) for site in SITES}


def _boilerplate_top(site: str, base: str) -> str:
    menu = "".join(
        f'<li class="menu-item"><a href="{base}/{site}/{s}/">{s.replace("-", " ").title()}</a><ul class="sub-menu">'
        + "".join(f'<li><a href="{base}/{site}/{s}/{t}/">{t.title()}</a></li>' for t in synthdb.NOUNS[:12])
        + "</ul></li>"
        for s in SECTIONS
    )
    return (
        '<div id="cookie-consent" class="cookie-consent"><p>Nous utilisons des cookies pour mesurer '
        "l'audience et vous proposer des publicités adaptées. En poursuivant votre navigation, vous acceptez "
        "leur utilisation.</p><button>Tout accepter</button><button>Personnaliser</button></div>"
        f'<header class="site-header"><a class="logo" href="{base}/{site}/">{site}</a>'
        f'<nav class="menu"><ul>{menu}</ul></nav><div class="login">Se connecter | S\'abonner</div></header>'
    )


def _boilerplate_bottom(site: str, base: str, related: list[Article]) -> str:
    most_read = "".join(
        f'<li class="teaser"><a href="{base}/{a.path}"><img src="/img/{a.slug}.jpg" alt="" width="120" '
        f'height="80" loading="lazy"><span class="teaser-title">{html.escape(a.title)}</span></a>'
        f'<span class="teaser-date">{_date_fr(a.published)}</span></li>'
        for a in related
    )
    links = "".join(
        f'<li><a href="{base}/{site}/{s}/{t}/">{t}</a></li>' for s in SECTIONS for t in synthdb.NOUNS[:8]
    )
    comments = "".join(
        f'<div class="comment"><p class="comment-author">Lecteur{i}</p><p>{c}</p></div>'
        for i, c in enumerate(COMMENTS)
    )
    return (
        f'<aside class="sidebar"><h3>Les plus lus</h3><ol>{most_read}</ol>'
        '<div class="pub-300x250">Publicité</div></aside>'
        '<section class="newsletter"><h3>Newsletter</h3><p>Recevez chaque matin l\'essentiel de '
        'l\'actualité IT : inscrivez-vous gratuitement.</p><form><input type="email"><button>OK</button>'
        f'</form></section><section id="comments" class="comments"><h3>3 commentaires</h3>{comments}</section>'
        f'<footer class="site-footer"><ul class="footer-sitemap">{links}</ul>'
        f'<p><a href="{base}/{site}/mentions-legales">Mentions légales</a> - '
        f'<a href="{base}/{site}/contact">Contact</a> - <a href="{base}/{site}/cgu">CGU</a></p>'
        f"<p>© 2025 {site} Médias. Tous droits réservés.</p></footer>"
    )


def render_page(article: Article, base: str, related: list[Article], style: int) -> str:
    """The page of ``article`` in layout ``style`` (0: JSON-LD, 1: OpenGraph, 2: byline only)."""
    url = f"{base}/{article.path}"
    title, lead = html.escape(article.title), html.escape(article.lead)
    iso = article.published.strftime("%Y-%m-%dT%H:%M:00+01:00")
    paras = [f"<p>{html.escape(p)}</p>" for p in article.paragraphs]
    mid = max(1, len(paras) // 2)
    also = related[0]
    inline = f'<div class="read-also">À lire aussi : <a href="{base}/{also.path}">{html.escape(also.title)}</a></div>'
    body = "".join(paras[:mid]) + inline + "".join(paras[mid:])
    head = [
        f'<meta charset="utf-8"><title>{title} - {article.site}</title>',
        f'<link rel="canonical" href="{url}">',
    ]
    if style == 0:
        ld = {
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
            "datePublished": iso, "author": {"@type": "Person", "name": article.author},
            "publisher": {"@type": "Organization", "name": article.site},
        }  # fmt: skip
        head.append(f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>')
    elif style == 1:
        head += [
            f'<meta property="og:title" content="{title}">', '<meta property="og:type" content="article">',
            f'<meta property="article:published_time" content="{iso}">',
            f'<meta name="author" content="{html.escape(article.author)}">',
        ]  # fmt: skip
    byline = f'<p class="byline">Par {article.author}, publié le {_date_fr(article.published)}</p>'
    return (
        f'<!DOCTYPE html><html lang="fr"><head>{"".join(head)}<meta name="description" content="{lead}">'
        f"{_ASSETS[article.site]}</head>"
        f"<body>{_boilerplate_top(article.site, base)}"
        f'<div class="breadcrumb"><a href="{base}/{article.site}/">Accueil</a> &gt; {article.section}</div>'
        f'<main><article class="post"><h1>{title}</h1>{byline}<p class="chapo"><strong>{lead}</strong></p>'
        f'<div class="post-content">{body}</div><div class="share">Partager sur LinkedIn | Partager sur X</div>'
        f'<div class="tags">Mots-clés : {article.section}</div></article></main>'
        f"{_boilerplate_bottom(article.site, base, related[1:])}</body></html>"
    )


def iter_pages(n: int, base: str = "http://127.0.0.1:8000", seed: int = 6) -> Iterator[tuple[Article, str]]:
    """``n`` articles and their pages, each rendered when asked for (10,000 pages are 660 MB of HTML).

    Layouts rotate, so every third page has no structured data."""
    rng = random.Random(seed)
    articles = [make_article(rng, i) for i in range(n)]
    for i, article in enumerate(articles):
        related = [articles[(i + k) % n] for k in (1, 7, 13, 29, 31, 43)]
        yield article, render_page(article, base, related, i % 3)


def make_pages(n: int, base: str = "http://127.0.0.1:8000", seed: int = 6) -> list[tuple[Article, str]]:
    return list(iter_pages(n, base, seed))


def _rss(site: str, base: str, articles: list[Article]) -> str:
    items = "".join(
        f"<item><title>{escape(a.title)}</title><link>{base}/{a.path}</link>"
        f"<guid>{base}/{a.path}</guid><pubDate>{a.published.strftime('%a, %d %b %Y %H:%M:00 +0100')}</pubDate>"
        f"<description>{escape(a.lead)}</description></item>"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{site}</title><link>{base}/{site}/</link><description>Actualités</description>{items}</channel></rss>"
    )


def _sitemap(base: str, articles: list[Article]) -> str:
    urls = "".join(
        f"<url><loc>{base}/{a.path}</loc><lastmod>{a.published.strftime('%Y-%m-%d')}</lastmod></url>"
        for a in articles
    )
    return f'<?xml version="1.0" encoding="utf-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def build_site(base: str, n: int) -> dict[str, tuple[str, bytes]]:
    """Every page of the site: articles, one RSS feed (latest 30) and one sitemap per source, robots.txt."""
    pages = make_pages(n, base)
    site: dict[str, tuple[str, bytes]] = {
        a.path: ("text/html; charset=utf-8", page.encode("utf-8")) for a, page in pages
    }
    robots = ["User-agent: *", "Allow: /"]
    for name in SITES:
        mine = sorted((a for a, _ in pages if a.site == name), key=lambda a: a.published, reverse=True)
        site[f"{name}/rss.xml"] = ("application/rss+xml; charset=utf-8", _rss(name, base, mine[:30]).encode())
        site[f"{name}/sitemap.xml"] = ("application/xml; charset=utf-8", _sitemap(base, mine).encode())
        robots.append(f"Sitemap: {base}/{name}/sitemap.xml")
    site["robots.txt"] = ("text/plain; charset=utf-8", ("\n".join(robots) + "\n").encode())
    return site


def sources_toml(base: str) -> str:
    """A veille sources file for the generated site."""
    return "".join(
        f'[[sources]]\nname = "{name}"\nfeeds = ["{base}/{name}/rss.xml"]\nsitemaps = ["{base}/{name}/sitemap.xml"]\n\n'
        for name in SITES
    )


class SiteServer:
    """Serve ``build_site`` pages on 127.0.0.1 from a threaded HTTP server in a daemon thread."""

    def __init__(self, n: int) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.pages = build_site(self.base_url, n)
        self.hits = 0
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                server.hits += 1
                page = server.pages.get(self.path.split("?", 1)[0].lstrip("/"))
                if page is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", page[0])
                self.send_header("Content-Length", str(len(page[1])))
                self.end_headers()
                self.wfile.write(page[1])

            def log_message(self, format: str, *args: object) -> None:
                return

        return Handler

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
