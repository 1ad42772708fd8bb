"""Article pages of the fault site: French tech-press style, written for these tests.

Each number gives a distinct article (company, person, figures, topic vary with it), so the
content hash tells real duplicates (same number at two URLs) from different articles.
"""

from __future__ import annotations

from html import escape

COMPANIES = [
    "OVHcloud",
    "Capgemini",
    "Atos",
    "Dassault Systèmes",
    "Mistral AI",
    "Sopra Steria",
    "Orange",
    "Scaleway",
]
PEOPLE = [
    ("Octave Klaba", "président"),
    ("Aiman Ezzat", "directeur général"),
    ("Philippe Salle", "président du conseil"),
    ("Pascal Daloz", "directeur général"),
    ("Arthur Mensch", "PDG"),
    ("Cyril Malargé", "directeur général"),
    ("Christel Heydemann", "directrice générale"),
    ("Damien Lucas", "directeur général"),
]
TOPICS = [
    ("cloud souverain", "ses centres de données de Roubaix et de Strasbourg"),
    ("intelligence artificielle générative", "ses modèles de langage destinés aux entreprises"),
    ("cybersécurité", "son offre de détection des intrusions pour les collectivités"),
    ("logiciels de simulation", "sa plateforme de jumeau numérique pour l'industrie"),
    ("services managés", "ses contrats d'infogérance avec les banques"),
    ("réseaux 5G", "le déploiement de ses antennes en zone rurale"),
]


def title(number: int) -> str:
    company = COMPANIES[number % len(COMPANIES)]
    topic = TOPICS[number % len(TOPICS)][0]
    return f"{company} accélère dans le {topic} (dossier n°{number})"


def paragraphs(number: int) -> list[str]:
    company = COMPANIES[number % len(COMPANIES)]
    person, role = PEOPLE[number % len(PEOPLE)]
    topic, detail = TOPICS[number % len(TOPICS)]
    amount = 12 + number * 7
    share = 3 + number % 17
    return [
        f"{company} a annoncé mardi un plan d'investissement de {amount} millions d'euros consacré au "
        f"{topic}. L'entreprise française veut ainsi renforcer {detail} d'ici à la fin de l'année {2025 + number % 3}.",
        f"« Nous voulons doubler notre capacité en deux ans », a déclaré {person}, {role} de {company}, lors "
        f"d'une conférence de presse à Paris. Le dirigeant a précisé que {40 + number} ingénieurs seraient "
        f"recrutés dans les prochains mois, principalement à Lyon, Lille et Toulouse.",
        f"Selon le cabinet IDC, le marché français du {topic} progresse de {share} % par an. {company} revendique "
        f"une part de marché de {share + 5} % et vise désormais les entreprises de taille intermédiaire, qui "
        f"représentent selon elle le principal relais de croissance du secteur.",
        f"Les analystes restent prudents. La concurrence des hyperscalers américains pèse sur les marges, et "
        f"le chiffre d'affaires du troisième trimestre, publié le mois dernier, n'a progressé que de {share / 2:.1f} %. "
        f"L'action a toutefois gagné {number % 9 + 1} % à la Bourse de Paris après l'annonce.",
        f"Le dossier numéro {number} de notre rédaction revient en détail sur la stratégie de {company}, ses "
        f"partenariats avec les éditeurs de logiciels et le calendrier de ses prochaines ouvertures de sites.",
    ]


def article_html(number: int, canonical: str) -> str:
    """A complete page: navigation and footer boilerplate around one article."""
    heading = escape(title(number))
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs(number))
    published = f"2024-03-{number % 28 + 1:02d}T09:{number % 60:02d}:00+01:00"
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>{heading} - Faux Journal IT</title>
<link rel="canonical" href="{escape(canonical)}">
<meta property="og:title" content="{heading}">
<meta property="article:published_time" content="{published}">
<meta name="author" content="Claire Dubois">
</head><body>
<nav><a href="/">Accueil</a> | <a href="/cloud">Cloud</a> | <a href="/ia">IA</a> | <a href="/securite">Sécurité</a></nav>
<main><article>
<h1>{heading}</h1>
<p class="byline">Par Claire Dubois, publié le <time datetime="{published}">{published[:10]}</time></p>
{body}
</article></main>
<footer><p>© Faux Journal IT — Mentions légales — Abonnez-vous à notre lettre d'information</p></footer>
</body></html>
"""
