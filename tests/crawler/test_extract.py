"""Extraction edge cases: charsets, language, empty pages, titles, dates, canonical URLs."""

from __future__ import annotations

import pytest

from crawler.extract import PageSkipped, clean_text, extract_article, strip_site_suffix
from crawler.pagemeta import decode_html, detect_language

PARAGRAPHS = [
    "La société française Exemplia, éditeur de logiciels de gestion, a annoncé jeudi le rachat de son concurrent "
    "lyonnais Gestipro pour 45 millions d'euros, une opération qui doit lui permettre de doubler sa part de marché.",
    "« Nous voulons devenir le leader européen des logiciels pour les PME », a déclaré Anne Martin, PDG d'Exemplia, "
    "lors d'une conférence de presse organisée à Paris. L'opération sera finalisée à la fin du trimestre.",
    "Gestipro emploie 120 personnes et a réalisé un chiffre d'affaires de 18 millions d'euros l'an dernier, en "
    "hausse de 12 %. Ses équipes rejoindront le siège d'Exemplia à Nantes d'ici l'été prochain.",
]


def page(head: str = "", body_paragraphs: list[str] = PARAGRAPHS, lang: str = "fr", extra: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body_paragraphs)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
        f"<nav><a>Accueil</a><a>Logiciels</a></nav><article><h1>Exemplia rachète Gestipro</h1>{paragraphs}"
        f"</article>{extra}<footer>Mentions légales</footer></body></html>"
    )


def test_windows_1252_page_without_any_charset_declaration_decodes_right():
    body = (
        page("<title>Exemplia rachète Gestipro</title>")
        .replace('<meta charset="utf-8">', "")
        .encode("cp1252")
    )
    text, encoding = decode_html(body, None)
    assert encoding == "cp1252"
    assert "rachète" in text and "« Nous" in text and "d'euros" in text


def test_latin1_page_with_meta_charset_and_no_header():
    body = page().replace(
        '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    )
    text, _ = decode_html(body.encode("latin-1"), None)
    assert "rachète" in text


def test_utf8_page_wrongly_declared_latin1_in_header():
    text, encoding = decode_html(page().encode("utf-8"), "iso-8859-1")
    assert encoding == "utf-8" and "rachète" in text


def test_latin1_page_wrongly_declared_utf8_in_header():
    text, _ = decode_html(page().encode("cp1252"), "utf-8")
    assert "rachète" in text and "\ufffd" not in text


def test_utf8_bom():
    text, _ = decode_html(b"\xef\xbb\xbf" + page().encode("utf-8"), None)
    assert text.startswith("<!DOCTYPE")


def test_article_fields():
    head = (
        '<title>Exemplia rachète Gestipro | Logiciels Hebdo</title><meta property="og:site_name" content="Logiciels Hebdo">'
        '<meta property="article:published_time" content="2024-04-11T10:00:00+02:00"><meta name="author" content="Paul Roy">'
        '<link rel="canonical" href="/2024/04/exemplia-gestipro.html?utm_source=x">'
    )
    article = extract_article(page(head), "https://logiciels.example/a?id=1&utm_medium=rss")
    assert article["title"] == "Exemplia rachète Gestipro"
    assert article["published_at"] == "2024-04-11T10:00:00+02:00"
    assert article["author"] == "Paul Roy"
    assert article["lang"] == "fr"
    assert article["canonical_url"] == "https://logiciels.example/2024/04/exemplia-gestipro.html"
    assert article["url"] == "https://logiciels.example/a?id=1&utm_medium=rss"
    assert "45 millions d'euros" in article["text"]
    assert "Mentions légales" not in article["text"]


def test_feed_date_is_the_fallback_when_the_page_has_none():
    article = extract_article(
        page("<title>x</title>"), "https://l.example/a", feed_date="2024-02-03T08:00:00+00:00"
    )
    assert article["published_at"] == "2024-02-03T08:00:00+00:00"
    assert article["date_source"] == "feed"


def test_english_page_is_detected_even_if_declared_french():
    english = [
        "The French software company Exemplia said on Thursday that it would buy its rival Gestipro for 45 million "
        "euros, a deal that should allow it to double its market share in the small business segment.",
        "We want to become the European leader of software for small companies, said the chief executive, "
        "at a press conference in Paris. The deal is expected to close at the end of the quarter.",
    ]
    article = extract_article(page(body_paragraphs=english), "https://l.example/en")
    assert article["lang"] == "en"


def test_empty_page_is_skipped():
    with pytest.raises(PageSkipped) as info:
        extract_article("<html><body><nav>Accueil</nav></body></html>", "https://l.example/empty")
    assert info.value.kind == "empty_page"


def test_language_detector():
    assert detect_language(" ".join(PARAGRAPHS))[0] == "fr"
    assert detect_language("trop court")[0] is None


@pytest.mark.parametrize(
    ("title", "names", "expected"),
    [
        ("Cisco rachète Splunk | LeMagIT", ["LeMagIT"], "Cisco rachète Splunk"),
        ("Cisco rachète Splunk - ZDNet.fr", ["zdnet.fr"], "Cisco rachète Splunk"),
        ("Le Monde Informatique : Cisco rachète Splunk", ["lemondeinformatique.fr"], "Cisco rachète Splunk"),
        ("Wi-Fi 7 : ce qui change - Numerama", ["Numerama"], "Wi-Fi 7 : ce qui change"),
        ("Cisco - Splunk : le rachat est bouclé", ["LeMagIT"], "Cisco - Splunk : le rachat est bouclé"),
    ],
)
def test_site_name_is_stripped_from_titles(title, names, expected):
    assert strip_site_suffix(title, names) == expected


def test_clean_text_drops_boilerplate_lines_but_keeps_article_sentences():
    text = "\n".join(
        [
            "Premier paragraphe de l'article, assez long pour être une phrase.",
            "Lire aussi :",
            "Le marché du cloud accélère",
            "Publié le mois dernier, le rapport de l'Arcep montrait déjà cette tendance.",
            "Abonnez-vous à notre newsletter",
            "Dernier paragraphe de l'article.",
            "Imprimer",
        ]
    )
    assert clean_text(text).splitlines() == [
        "Premier paragraphe de l'article, assez long pour être une phrase.",
        "Publié le mois dernier, le rapport de l'Arcep montrait déjà cette tendance.",
        "Dernier paragraphe de l'article.",
    ]


def test_utf8_page_with_one_invalid_byte_is_utf8_with_a_replacement_not_mojibake():
    body = page().encode("utf-8").replace(b"lors d'une", b"lors d\x92une")  # a pasted cp1252 quote
    text, encoding = decode_html(body, "utf-8")
    assert encoding == "utf-8"
    assert "rachète" in text and "Ã" not in text and text.count("\ufffd") == 1
    assert decode_html(body, None)[0] == text  # the same without any charset header


@pytest.mark.parametrize("label", ["utf-16", "UTF-16LE", "utf-32", "utf-16be"])
def test_utf16_or_utf32_declared_without_a_bom_is_ignored(label):
    latin = page().replace('<meta charset="utf-8">', f'<meta charset="{label}">').encode("cp1252")
    for odd in (b"", b" "):  # an even or odd length: neither becomes CJK text or is dropped
        text, encoding = decode_html(latin + odd, label)
        assert encoding == "cp1252" and "rachète" in text and "« Nous" in text
