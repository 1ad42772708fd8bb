"""Structures of real French news pages that naive boilerplate removal gets wrong."""

from __future__ import annotations

import pytest
from trafilatura.utils import load_html

from crawler.extract import clean_text, extract_article
from crawler.pagedates import markup_date
from crawler.prune import PRUNE_ATTR, mark_boilerplate, token_kind

P = [
    "Le groupe Exemplia a présenté mardi à Lyon sa nouvelle plateforme de gestion des données industrielles, "
    "fruit de trois années de développement et d'un investissement de 40 millions d'euros.",
    "Selon la directrice technique, la solution s'adresse d'abord aux sites de production de taille moyenne, "
    "qui peinent encore à exploiter les informations remontées par leurs capteurs et leurs automates.",
    "Les premiers clients, une dizaine d'usines de la région, ont testé l'outil pendant six mois et annoncent "
    "une baisse de 8 % des arrêts de ligne non planifiés sur la période observée.",
    "La commercialisation commencera au printemps en France, avant une ouverture en Allemagne et en Italie "
    "prévue pour la fin de l'année, avec un réseau d'intégrateurs partenaires en cours de constitution.",
]
HEADLINE = "Exemplia lance sa plateforme de données industrielles"


def page(body: str, head: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{HEADLINE} - Usine Hebdo</title>'
        f"{head}</head><body><nav><a>Accueil</a> <a>Industrie</a></nav>{body}<footer>Usine Hebdo</footer></body></html>"
    )


def paragraphs(items: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in items)


@pytest.mark.parametrize(
    ("token", "kind"),
    [
        ("post-content", "content"),
        ("entry-content", "content"),
        ("article__content", "content"),
        ("content--comments-enabled", "content"),
        ("has-share-buttons", None),
        ("tag-publicite", None),
        ("inline-promos", "boilerplate"),
        ("article__share", "boilerplate"),
        ("sharedaddy", "boilerplate"),
        ("comments-area", "boilerplate"),
        ("related-posts", "boilerplate"),
        ("lire-aussi", "boilerplate"),
        ("paywall-cta", "boilerplate"),
        ("commentList", "boilerplate"),
        ("comment-content", "boilerplate"),
        ("post-tags", "boilerplate"),
        ("content-sidebar", "boilerplate"),
        ("paywall-content", "content"),
        ("subscriber-content", "content"),
        ("elementor-widget-theme-post-content", "content"),
        ("elementor-widget-container", None),
        ("Newsletter_box__h3RtV", "boilerplate"),  # CSS modules: the words before the hash decide
        ("ArticleFooter_tags__q1Zy8", "boilerplate"),
        ("ArticleBody_content__x1Yz2", "content"),
    ],
)
def test_class_tokens_are_read_as_words_not_substrings(token, kind):
    assert token_kind(token) == kind


@pytest.mark.parametrize(
    "wrapper",
    [
        '<div class="post-content has-share-buttons">',
        '<div class="article__content paywall">',
        '<div class="content-body entry-content inline-promos">',
        '<div class="content--comments-enabled">',
        '<div class="paywall">',  # named like boilerplate only, but it holds the article
        '<div id="social-wrapper">',
    ],
)
def test_article_wrapper_with_boilerplate_words_is_kept(wrapper):
    html = page(f"<article><h1>{HEADLINE}</h1>{wrapper}{paragraphs(P)}</div></article>")
    article = extract_article(html, "https://usine.example/a")
    assert all(p[:60] in article["text"] and p[-40:] in article["text"] for p in P)


def test_aspnet_form_around_the_whole_page_is_not_pruned():
    html = page(f'<form id="aspnetForm" method="post"><h1>{HEADLINE}</h1><div>{paragraphs(P)}</div></form>')
    assert P[2][:60] in extract_article(html, "https://usine.example/a")["text"]


def test_end_of_article_in_a_paywall_block_is_recovered_but_the_offer_is_not():
    body = (
        f'<h1>{HEADLINE}</h1><div class="article-body">{paragraphs(P[:2])}'
        f'<div class="paywall-wrapper">{paragraphs(P[2:])}</div></div>'
        '<div class="paywall-cta"><p>Cet article est réservé aux abonnés : 1 euro le premier mois.</p></div>'
    )
    text = extract_article(page(body), "https://usine.example/a")["text"]
    assert all(p[:60] in text for p in P)
    assert "réservé aux abonnés" not in text


def test_marks_are_attributes_on_outermost_blocks_only():
    tree = load_html(
        page(
            f'<div class="entry-content">{paragraphs(P)}</div>'
            '<div class="related-posts"><div class="share-box"><p>Partager</p></div></div>'
        )
    )
    marks = mark_boilerplate(tree)
    assert [n.get("class") or n.tag for n in marks.nodes] == ["nav", "related-posts", "footer"]
    assert tree.xpath(f"//*[@{PRUNE_ATTR}]") == marks.nodes  # nothing removed yet: trafilatura prunes them


def test_date_only_in_a_french_byline():
    body = (
        f'<h1>{HEADLINE}</h1><div class="signature">Par Anne Roy | Publié le 12 mars 2024 à 10h05 | '
        f'Mis à jour le 14 mars 2024 à 18h00</div><div class="corps">{paragraphs(P)}</div>'
    )
    article = extract_article(page(body), "https://usine.example/a")
    assert article["published_at"] == "2024-03-12T10:05:00"
    assert article["date_source"] == "byline"


def test_times_of_related_articles_before_the_headline_and_an_update_time_are_skipped():
    body = (
        '<ul class="fil"><li><time datetime="2023-02-10T08:00:00+01:00">10:00</time> Une panne</li></ul>'
        f'<h1>{HEADLINE}</h1><p class="meta">Mis à jour le <time datetime="2024-03-14T18:00:00+01:00">14/03</time>'
        f' – publié le <time datetime="2024-03-12T10:05:00+01:00">12/03</time></p><div>{paragraphs(P)}</div>'
    )
    # the byline rule itself: on the whole page htmldate (original mode) decides first, and picks the older
    # time, as it does on real pages where it is right more often than the first <time> (crawler.pagedates)
    assert markup_date(load_html(page(body)), HEADLINE) == "2024-03-12T10:05:00+01:00"


def test_jsonld_list_describing_several_articles_gives_this_articles_date():
    head = (
        '<script type="application/ld+json">[{"@type":"ItemList","itemListElement":[{"@type":"ListItem","item":'
        '{"@type":"NewsArticle","headline":"Un autre article","datePublished":"2022-01-05T10:00:00+01:00"}}]},'
        f'{{"@type":"NewsArticle","headline":"{HEADLINE}","datePublished":"2024-03-12T10:05:00+01:00"}}]</script>'
    )
    article = extract_article(
        page(f"<h1>{HEADLINE}</h1><div>{paragraphs(P)}</div>", head), "https://usine.example/a"
    )
    assert article["published_at"] == "2024-03-12T10:05:00+01:00"


def test_headline_repeated_by_h1_wins_over_a_social_og_title():
    head = '<meta property="og:title" content="Exemplia : ce qu\'il faut retenir">'
    article = extract_article(
        page(f"<h1>{HEADLINE}</h1><div>{paragraphs(P)}</div>", head), "https://usine.example/a"
    )
    assert article["title"] == HEADLINE


def test_the_one_headline_wins_when_seo_and_social_titles_disagree_with_it_and_each_other():
    page_html = (
        f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Industrie : l\'annonce qui '
        'rebat les cartes | Le Journal</title><meta property="og:title" content="Industrie : ce qu\'il faut '
        f'retenir - Le Journal"></head><body><h1>{HEADLINE}</h1><div>{paragraphs(P)}</div></body></html>'
    )
    assert extract_article(page_html, "https://journal.example/a")["title"] == HEADLINE


def test_photo_credit_lines_are_dropped():
    text = f"{P[0]}\nPhoto DR / Territoires Infos\nPhoto : Jean Dupont\n{P[1]}"
    assert clean_text(text).splitlines() == [P[0], P[1]]


def test_soft_hyphens_and_zero_width_spaces_are_removed():
    assert clean_text("Une phrase avec des absences\u00adtotales et un\u200bespace invisible.") == (
        "Une phrase avec des absencestotales et unespace invisible."
    )


def test_broken_jsonld_still_gives_its_date_and_entities_in_headlines_are_decoded():
    head = (
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Exemplia lance sa plateforme de '
        'donn&eacute;es industrielles","datePublished":"2024-03-12T10:05:00+01:00",}</script>'
    )
    article = extract_article(
        page(f"<h1>Autre titre</h1><div>{paragraphs(P)}</div>", head), "https://usine.example/a"
    )
    assert article["published_at"] == "2024-03-12T10:05:00+01:00"
    assert article["title"] == HEADLINE


def test_french_date_in_a_meta_tag():
    head = '<meta name="date" content="12/03/2024">'
    article = extract_article(
        page(f"<h1>{HEADLINE}</h1><div>{paragraphs(P)}</div>", head), "https://usine.example/a"
    )
    assert article["published_at"] == "2024-03-12"


def test_logo_in_an_h1_does_not_make_the_sidebar_times_the_article_date():
    body = (
        '<h1 class="logo">Usine Hebdo</h1><ul class="fil"><li><time datetime="2023-02-10T08:00:00+01:00">10:00</time>'
        f' Une panne</li></ul><h1>{HEADLINE}</h1><p class="meta"><time datetime="2024-03-12T10:05:00+01:00">12/03</time>'
        f"</p><div>{paragraphs(P)}</div>"
    )
    # the byline rule itself: on the whole page htmldate (original mode) decides first, and picks the older
    # time, as it does on real pages where it is right more often than the first <time> (crawler.pagedates)
    assert markup_date(load_html(page(body)), HEADLINE) == "2024-03-12T10:05:00+01:00"
