"""Fixture pages for the extraction-quality check: the demo articles rendered in six layouts
modelled on French news-site CMSs, each with its own boilerplate (menus, cookie banners,
"Lire aussi" boxes, newsletter prompts, comments, related articles) and its own metadata, plus
the eleven layouts of tests.crawler.layouts_real that reproduce structures of real sites, and the
ten of tests.crawler.layouts_blind, written by another author who never read crawler/.

``fixture_pages()`` yields (page id, html bytes, content-type, expected) where expected holds the
title, the date (YYYY-MM-DD), the article paragraphs and the boilerplate snippets of that page.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from datetime import datetime, timedelta
from string import Template

from tests.crawler.layouts_blind import BLIND_BOILERPLATE, BLIND_ENCODING, BLIND_LAYOUTS
from tests.crawler.layouts_real import NO_CHARSET, REAL_BOILERPLATE, REAL_LAYOUTS
from veille.demo.site import MONTHS, load_articles

WORDPRESS = Template("""<!DOCTYPE html><html lang="fr-FR"><head><meta charset="UTF-8">
<title>$title | Le Journal du Cloud</title>
<meta property="og:title" content="$title_attr | Le Journal du Cloud"><meta property="og:site_name" content="Le Journal du Cloud">
<meta property="og:type" content="article"><link rel="canonical" href="https://journalducloud.example/$slug/">
</head><body class="post-template-default single">
<header id="masthead"><div class="site-branding"><p class="site-title">Le Journal du Cloud</p></div>
<nav id="site-navigation" class="main-navigation"><ul><li>Accueil</li><li>Cloud souverain</li><li>Cybersécurité</li><li>Data &amp; IA</li><li>Carrières</li></ul></nav></header>
<div id="content"><main id="main"><article class="post type-post">
<header class="entry-header"><h1 class="entry-title">$title</h1>
<div class="entry-meta">Publié le <time class="entry-date published" datetime="$date">$date_fr</time> par <span class="author vcard">$author</span></div></header>
<div class="entry-content">
$p0
$p1
<p><strong>À lire aussi :</strong> <a href="/autre/">Le marché du cloud européen accélère au premier trimestre</a></p>
$rest2
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Partager :</h3><ul><li>Twitter</li><li>LinkedIn</li><li>Facebook</li></ul></div>
</div></article>
<div id="comments" class="comments-area"><h2 class="comments-title">2 réflexions sur « $title »</h2>
<ol class="comment-list"><li class="comment"><div class="comment-content"><p>Article très intéressant, on attend maintenant les premiers retours des clients sur le terrain.</p></div><a class="comment-reply-link">Répondre</a></li>
<li class="comment"><div class="comment-content"><p>Je travaille chez un intégrateur et je confirme que les prix ont augmenté cette année.</p></div></li></ol>
<div id="respond"><h3>Laisser un commentaire</h3><form><textarea></textarea></form></div></div>
</main><aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2>Articles récents</h2><ul><li>Les hyperscalers investissent 40 milliards en Europe</li><li>Kubernetes fête ses dix ans</li></ul></section></aside></div>
<footer id="colophon"><div class="site-info">Fièrement propulsé par WordPress · Le Journal du Cloud © 2025</div></footer></body></html>""")

DRUPAL = Template("""<!DOCTYPE html><html lang="fr" dir="ltr"><head><meta charset="utf-8">
<title>$title - Décision Informatique</title><meta name="description" content="$lead_attr">
</head><body class="path-node page-node-type-article">
<div id="tarteaucitronRoot"><div id="tarteaucitronAlertBig">Ce site utilise des cookies et vous donne le contrôle sur ceux que vous souhaitez activer. <button>Tout accepter</button> <button>Personnaliser</button></div></div>
<div class="region region-header"><a href="/" rel="home">Décision Informatique</a><div class="menu--main"><a href="/actualites">Actualités</a> <a href="/dossiers">Dossiers</a> <a href="/agenda">Agenda</a> <a href="/livres-blancs">Livres blancs</a></div></div>
<div class="region region-content"><div class="node node--type-article">
<h1 class="page-title"><span class="field--name-title">$title</span></h1>
<div class="node__meta"><span class="field--name-uid">$author</span> - <span class="date">$date_fr</span></div>
<div class="field field--name-field-chapo"><p>$lead</p></div>
<div class="field field--name-body">
$p0
$p1
$p2
<div class="encadre-newsletter"><p>Chaque semaine, recevez notre newsletter avec les décisions stratégiques des DSI.</p><p><a href="/newsletter">Je m'abonne gratuitement</a></p></div>
$rest
</div>
<div class="field--name-field-tags">Tags : entreprises, stratégie</div></div>
<div class="block-views-blockarticles-lies"><h2>Articles liés</h2><div class="views-row">Les DSI face à la pénurie de compétences en cybersécurité</div><div class="views-row">Comment négocier ses contrats de licences logicielles</div></div></div>
<footer class="region-footer"><p>Décision Informatique · Mentions légales · Nous contacter · Plan du site</p></footer></body></html>""")

MODERN = Template("""<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>$title</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","@id":"https://tech-eco.example/$slug#page","name":"$title_json - Tech Éco"},
{"@type":"NewsArticle","headline":"$title_json","datePublished":"$date","dateModified":"2025-06-01T10:00:00+02:00","author":{"@type":"Person","name":"$author"},"publisher":{"@type":"Organization","name":"Tech Éco"}}]}</script>
<meta property="og:title" content="$title_attr"><meta property="og:locale" content="fr_FR">
</head><body><div class="app">
<div class="header__nav"><a>Tech</a><a>Économie</a><a>Start-up</a><a>Podcasts</a><a>Se connecter</a></div>
<div class="layout"><div class="article__header"><span class="article__kicker">Exclusif</span><h1 class="article__title">$title</h1>
<div class="article__byline">Par $author · Mis à jour le 1 juin 2025</div></div>
<div class="article__body">
$p0
<div class="ad-slot">Publicité</div>
$p1
<ul class="read-also"><li>Lire aussi | La French Tech lève 8 milliards d'euros en 2024</li><li>Lire aussi | Les licenciements dans la tech ralentissent</li></ul>
$rest2
</div>
<div class="paywall-cta"><p>Profitez de l'offre d'abonnement numérique à 1 euro le premier mois.</p></div>
<div class="most-read"><h3>Les plus lus</h3><ol><li>Pourquoi les data centers inquiètent les collectivités</li><li>Salaires : ce que gagnent vraiment les développeurs</li></ol></div>
</div></div><footer class="footer">Tech Éco, une publication du groupe Média Éco. Conditions générales de vente.</footer></body></html>""")

OLD_TABLE = Template("""<html><head><title>Réseaux &amp; Télécoms :: $title</title>
<meta name="keywords" content="réseaux, télécoms, informatique"></head>
<body bgcolor="#ffffff"><table width="100%"><tr><td class="menu" width="160">
<a href="/">Accueil</a><br><a href="/actu">Actualités</a><br><a href="/forum">Forum</a><br><a href="/annonces">Petites annonces</a><br>
</td><td class="contenu"><font face="Verdana" size="2">
<span class="rubrique">$section</span><br>
<h2 class="titre">$title</h2>
<span class="date">Le $date_short</span> - <i>$author</i><br><br>
<div class="texte">
$p_br
</div>
<br><b>A lire également</b> : <a href="/actu/1234.html">Les opérateurs européens réclament une contribution des géants du web</a>
<br><br><a href="/imprimer">Imprimer</a> | <a href="/envoyer">Envoyer à un ami</a>
</font></td></tr></table>
<center><font size="1">Copyright Réseaux &amp; Télécoms 1998-2025 - Tous droits réservés - Reproduction interdite</font></center>
</body></html>""")

DIVS = Template("""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>$title - Le Fil Numérique</title>
<meta property="article:published_time" content="$date"><meta name="author" content="$author">
<meta property="og:site_name" content="Le Fil Numérique"></head><body>
<div id="cookie-consent">En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de cookies à des fins statistiques.</div>
<div class="topnav"><span>Fil info</span> <span>Smartphones</span> <span>Entreprises</span> <span>Jeux vidéo</span></div>
<div class="main-col"><div class="story">
<h1>$title</h1><div class="story-info">$author | $date_fr</div>
<div class="txt">
$div_paragraphs
</div>
<div class="social-share">Partager sur Facebook · Partager sur LinkedIn · Copier le lien</div>
</div>
<div class="reactions"><h4>5 commentaires</h4>
<div class="reaction"><div class="reaction-author">NicoDev</div><div class="reaction-body">Cela fait des mois que l'on voit venir cette annonce, rien de surprenant.</div><a>Répondre</a></div>
<div class="reaction"><div class="reaction-author">Sylvie_IT</div><div class="reaction-body">Quelqu'un sait si les contrats existants seront renégociés ?</div><a>Répondre</a></div></div>
<div class="similar-stories"><h4>Vous aimerez aussi</h4><div>Le télétravail transforme le marché des ordinateurs portables</div><div>Pourquoi la 5G peine à convaincre les entreprises</div></div>
</div><div class="footer-links">Qui sommes-nous · Publicité · Recrutement · Données personnelles</div></body></html>""")

FEATURE = Template("""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>$title | Stratégies Numériques</title>
<meta property="og:title" content="$title_attr"><meta property="article:published_time" content="$date">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"$title_json","datePublished":"$date","author":"$author"}</script>
</head><body><nav class="navbar"><a>Stratégie</a> <a>Transformation</a> <a>Portraits</a> <a>Événements</a></nav>
<main><article>
<div class="breadcrumb">Accueil › $section</div>
<h1>$title</h1><p class="chapeau">$lead</p>
<figure><img src="/photo.jpg" alt=""><figcaption>Crédit photo : Adobe Stock / illustration</figcaption></figure>
$p0
<h2>Un marché sous tension</h2>
$p1
$p2
<div class="inline-newsletter"><p>Inscrivez-vous à la newsletter Stratégies Numériques pour ne rien manquer de l'actualité des entreprises.</p></div>
<blockquote><p>$quote</p></blockquote>
$rest
<section class="related"><h3>Sur le même sujet</h3><p>Transformation numérique : les ETI passent à la vitesse supérieure</p><p>Les directeurs financiers misent sur l'automatisation</p></section>
</article></main>
<footer><p>Stratégies Numériques est édité par SN Médias. Tous droits réservés.</p><p>Suivez-nous sur LinkedIn</p></footer></body></html>""")

BOILERPLATE = {
    "wordpress": ["Le marché du cloud européen accélère", "Article très intéressant", "travaille chez un intégrateur",
                  "Kubernetes fête ses dix ans", "Fièrement propulsé", "Cybersécurité Data"],
    "drupal": ["Ce site utilise des cookies", "recevez notre newsletter", "Je m'abonne gratuitement",
               "pénurie de compétences en cybersécurité", "Livres blancs", "Plan du site"],
    "modern": ["French Tech lève 8 milliards", "licenciements dans la tech ralentissent", "offre d'abonnement numérique",
               "data centers inquiètent", "Conditions générales de vente", "Publicité"],
    "old_table": ["contribution des géants du web", "Envoyer à un ami", "Reproduction interdite", "Petites annonces"],
    "divs": ["acceptez l'utilisation de cookies", "rien de surprenant", "contrats existants seront renégociés",
             "Le télétravail transforme", "Partager sur Facebook", "Qui sommes-nous"],
    "feature": ["Crédit photo", "Inscrivez-vous à la newsletter", "ETI passent à la vitesse supérieure",
                "directeurs financiers misent", "édité par SN Médias"],
}  # fmt: skip
LAYOUTS = {"wordpress": WORDPRESS, "drupal": DRUPAL, "modern": MODERN, "old_table": OLD_TABLE, "divs": DIVS,
           "feature": FEATURE, **REAL_LAYOUTS, **BLIND_LAYOUTS}  # fmt: skip
BOILERPLATE.update(REAL_BOILERPLATE)
BOILERPLATE.update(BLIND_BOILERPLATE)


def _paragraphs(body: str) -> list[str]:
    return [" ".join(p.split()) for p in body.strip().split("\n\n") if p.strip()]


def render(layout: str, article: dict) -> tuple[bytes, str]:
    paragraphs = _paragraphs(article["body"])
    escaped = [html.escape(p, quote=False) for p in paragraphs]
    date = datetime.fromisoformat(article["date"])
    updated = date + timedelta(days=2, hours=3)
    fields = {
        "title": html.escape(article["title"], quote=False),
        "title_attr": html.escape(article["title"]),
        "title_json": article["title"].replace('"', '\\"'),
        "lead": html.escape(article["lead"], quote=False),
        "lead_attr": html.escape(article["lead"]),
        "author": html.escape(article["author"]),
        "date": article["date"],
        "date_fr": f"{date.day} {MONTHS[date.month - 1]} {date.year}",
        "date_short": date.strftime("%d/%m/%Y"),
        "date_day": date.date().isoformat(),
        "hm": date.strftime("%Hh%M"),
        "upd": updated.isoformat(),
        "upd_fr": f"{updated.day} {MONTHS[updated.month - 1]} {updated.year} à {updated.strftime('%Hh%M')}",
        "og_short": html.escape(" ".join(article["title"].split()[:4]) + " : ce qu'il faut retenir"),
        "section": html.escape(article["section"]),
        "slug": article["slug"],
        "p0": f"<p>{escaped[0]}</p>",
        "p1": f"<p>{escaped[1]}</p>",
        "p2": f"<p>{escaped[2]}</p>",
        "rest": "\n".join(f"<p>{p}</p>" for p in escaped[3:]),
        "rest2": "\n".join(f"<p>{p}</p>" for p in escaped[2:]),
        "p_br": "<br><br>\n".join(escaped),
        "div_paragraphs": "\n".join(f'<div class="par">{p}</div>' for p in escaped),
        "quote": "Nous devons aller plus vite que nos concurrents, sans sacrifier la qualité.",
    }
    text = LAYOUTS[layout].substitute(fields)
    if layout in BLIND_ENCODING:  # the charset only in the page's meta tag, not in the header
        return text.encode(BLIND_ENCODING[layout]), "text/html"
    if layout == "old_table" or layout in NO_CHARSET:  # an old CMS: windows-1252, no charset anywhere
        return text.encode("cp1252"), "text/html"
    return text.encode("utf-8"), "text/html; charset=utf-8"


def fixture_pages() -> Iterator[tuple[str, bytes, str, dict]]:
    """(page id, body, content type, expected) for every layout x demo article (324 pages)."""
    for layout in LAYOUTS:
        for article in load_articles():
            body, content_type = render(layout, article)
            expected = {
                "title": article["title"],
                "date": article["date"][:10],
                "paragraphs": _paragraphs(article["body"]),
                "boilerplate": BOILERPLATE[layout],
            }
            yield f"{layout}/{article['slug']}", body, content_type, expected
