"""Text that trafilatura keeps on real pages and veille's own passes must not lose."""

from __future__ import annotations

from crawler.extract import extract_article
from tests.crawler.test_extract_realworld import HEADLINE, P, page, paragraphs

URL = "https://usine.example/a"


def text_of(body: str) -> str:
    return extract_article(page(f"<h1>{HEADLINE}</h1>{body}"), URL)["text"]


def test_a_list_of_names_ending_the_article_is_kept():
    names = [
        "John McEnroe - Tom Gullikson, Wimbledon, 1981",
        "Daniel Koellerer - Philipp Petzschner, Munich, 2010",
    ]
    text = text_of(f"<div>{paragraphs(P)}<p>Les matchs les plus longs :</p>{paragraphs(names)}</div>")
    assert all(name in text for name in names)


def test_a_last_line_with_an_address_is_kept():
    last = "Plus de détails et un album photo sur http://secours.blogs.usine.example"
    assert last in text_of(f"<div>{paragraphs(P)}<p>{last}</p></div>")


def test_an_email_address_inside_a_paragraph_is_kept():
    mail = '<a class="social-email" href="mailto:redaction@usine.example">redaction@usine.example</a>'
    body = paragraphs(P[:3]) + f"<p>Les entreprises intéressées peuvent écrire à {mail} avant le 15 mars.</p>"
    assert "écrire à redaction@usine.example avant le 15 mars" in text_of(f"<div>{body}</div>")


def test_a_subheading_after_a_photo_credit_is_kept():
    body = f"{paragraphs(P[:2])}<p>Photo : Reuters / Cole Burston</p><p>Des coupes peu significatives</p>"
    text = text_of(f"<div>{body}{paragraphs(P[2:])}</div>")
    assert "Des coupes peu significatives" in text
    assert "Reuters / Cole Burston" not in text


def test_a_related_headline_after_a_lire_aussi_label_is_still_dropped():
    body = f"{paragraphs(P[:2])}<p>Lire aussi :</p><p>Une autre usine ferme ses portes</p>{paragraphs(P[2:])}"
    assert "Une autre usine ferme" not in text_of(f"<div>{body}</div>")


def test_a_news_brief_of_two_sentences_is_stored():
    brief = (
        "Exemplia a obtenu mardi le feu vert de l'Autorité de la concurrence pour racheter Gestipro. "
        "L'opération sera bouclée en mars."
    )
    assert extract_article(page(f"<h1>{HEADLINE}</h1><div><p>{brief}</p></div>"), URL)["text"] == brief


def test_an_opening_paragraph_set_in_its_own_block_is_kept():
    lead = "Le groupe lyonnais mise sur les usines de taille moyenne, qui peinent à exploiter leurs capteurs."
    body = f'<h1>{HEADLINE}</h1><div class="intro"><span>{lead}</span></div><div class="corps">{paragraphs(P)}</div>'
    html = page(body, f'<meta name="description" content="{lead}">')
    assert extract_article(html, URL)["text"].startswith(lead + "\n")


def test_a_description_repeated_in_a_related_box_is_not_taken_for_the_opening():
    lead = "Le groupe lyonnais mise sur les usines de taille moyenne, qui peinent à exploiter leurs capteurs."
    box = f'<div class="related-articles"><p>{lead}</p></div>'
    html = page(
        f"<h1>{HEADLINE}</h1><div>{paragraphs(P)}</div>{box}", f'<meta name="description" content="{lead}">'
    )
    assert lead not in extract_article(html, URL)["text"]
