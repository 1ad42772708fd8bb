"""Event participants read by syntax where the entity stage missed them, and the precision rules around
them (issue #12), on sentences written for the project."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from nlp.event_names import named_at, unnamed_subject


def events(extract, text: str, kind: str) -> list[dict]:
    return [e for e in extract(text)["events"] if e["kind"] == kind and not e["background"]]


def tagged(words: list[str], pos: list[str]) -> Doc:
    doc = Doc(spacy.blank("fr").vocab, words=words)
    for token, tag in zip(doc, pos, strict=True):
        token.pos_ = tag
    return doc


def test_unnamed_subject_is_the_run_of_proper_nouns_no_entity_covers():
    doc = tagged(["Caddie", "Malin", "a", "signé"], ["PROPN", "PROPN", "AUX", "VERB"])
    assert unnamed_subject(doc[1], [], frozenset()).text == "Caddie Malin"


def test_unnamed_subject_is_none_for_a_person_a_stop_word_or_a_common_noun():
    doc = tagged(["Marc", "Dupont", "a", "signé"], ["PROPN", "PROPN", "AUX", "VERB"])
    person = Span(doc, 0, 2, label="PERSON")
    assert unnamed_subject(doc[0], [person], frozenset()) is None
    assert unnamed_subject(doc[0], [], frozenset({"marc"})) is None
    common = tagged(["groupe", "a", "signé"], ["NOUN", "AUX", "VERB"])
    assert unnamed_subject(common[0], [], frozenset()) is None


def test_named_at_takes_a_product_span_and_runs_on_over_an_english_joiner():
    words = ["avec", "Airbus", "Defence", "and", "Space", "pour"]
    doc = tagged(words, ["ADP", "PROPN", "PROPN", "CCONJ", "PROPN", "ADP"])
    product = Span(doc, 1, 3, label="PRODUCT")
    assert named_at(doc, 1, [product], frozenset()).text == "Airbus Defence and Space"
    company = Span(doc, 1, 3, label="ORG")
    assert named_at(doc, 1, [company], frozenset()) is None  # a company: the ORG rules read it


#: (what the case shows, text, kind, fields read, expected values): one event of that kind is reported
ONE_EVENT = [
    (
        "partner named after a noun phrase following avec",
        "Le fabricant lillois Brasilo, qui vient de nouer un partenariat avec l'école d'ingénieurs Ensicaen, "
        "recrute.",
        "partnership",
        ("org", "partner"),
        ("Brasilo", "Ensicaen"),
    ),
    (
        "partner the entity stage read as a product",
        "La start-up Zenitha a signé un accord-cadre avec Airbus Defence and Space pour l'assemblage de ses "
        "satellites.",
        "partnership",
        ("org", "partner"),
        ("Zenitha", "Airbus Defence and Space"),
    ),
    (
        "partner before 'avec lequel'",
        "Les clients seront orientés vers l'offre de l'américain Lumeo, avec lequel la société Tarvento a "
        "signé un accord de migration.",
        "partnership",
        ("org", "partner"),
        ("Tarvento", "Lumeo"),
    ),
    (
        "a plan acronym is not the company cutting jobs",
        "Les salariés de Pixelor ont appris la nouvelle jeudi. Le studio Pixelor a présenté aux représentants "
        "du personnel un plan de sauvegarde de l'emploi (PSE) prévoyant la suppression de 140 postes sur 410.",
        "layoffs",
        ("org", "count"),
        ("Pixelor", 140),
    ),
    (
        "a year dating the office in an aside does not make the departure background",
        "Le groupe Vertalis a publié ses comptes. Autre annonce : Valérie Combes, directrice financière "
        "depuis 2018, quittera le groupe le 31 décembre.",
        "departure",
        ("org", "person"),
        ("Vertalis", "Valérie Combes"),
    ),
    (
        "closing the office of a company named in the object",
        "La fusion de Brasilo et de Lunatec se traduira par la fermeture du bureau grenoblois de Brasilo, "
        "dont les 12 collaborateurs iront à Lyon.",
        "shutdown",
        ("org", "product"),
        ("Brasilo", "bureau grenoblois"),
    ),
    (
        "a loss told with the revenue gives the revenue",
        "Le fabricant Ardelis a essuyé une perte nette de 38 millions d'euros en 2025, pour un chiffre "
        "d'affaires en recul de 27 %, à 61 millions d'euros.",
        "results",
        ("org", "amount"),
        ("Ardelis", {"value": 61e6, "currency": "EUR"}),
    ),
    (
        "a seat on 'son conseil' is at the passage company, not the former employer in the aside",
        "Le fabricant Ardelis, qui compte Safran parmi ses clients, étoffe sa gouvernance. Claire Martin, "
        "ancienne directrice générale adjointe de Valeo, rejoint son conseil d'administration en tant "
        "qu'administratrice indépendante.",
        "appointment",
        ("org", "person", "title"),
        ("Ardelis", "Claire Martin", "administratrice indépendante"),
    ),
    (
        "two companies that merge: the first named is the company, the second the target",
        "Tarvelo et Brumix fusionnent pour créer un champion régional.",
        "acquisition",
        ("org", "target", "rule"),
        ("Tarvelo", "Brumix", "acquisition.merger"),
    ),
    (
        "a merger announced by two companies described in appositions",
        "Deux PME ont décidé de ne plus faire qu'une. Tarvelo, agence spécialisée dans la conception de "
        "sites marchands, et Brumix, éditeur d'une plateforme de données, ont annoncé lundi leur fusion.",
        "acquisition",
        ("org", "target"),
        ("Tarvelo", "Brumix"),
    ),
    (
        "product named in the subject of a passive unveiling",
        "La start-up Zenitha prépare sa constellation. Le premier satellite, baptisé Zenitha Z-12 en "
        "référence à son format de douze unités, a été dévoilé lors des Rencontres spatiales de Toulouse.",
        "launch",
        ("org", "product", "rule"),
        ("Zenitha", "Zenitha Z-12", "launch.arrival"),
    ),
]


@pytest.mark.parametrize(
    ("case", "text", "kind", "fields", "expected"), ONE_EVENT, ids=[c[0] for c in ONE_EVENT]
)
def test_one_event_read_by_syntax(extract, case, text, kind, fields, expected):
    [event] = events(extract, text, kind)
    assert tuple(event.get(f) for f in fields) == expected


#: (what the case shows, text, kind): no event of that kind is reported
NO_EVENT = [
    (
        "giving up a project is no shutdown",
        "Le groupe Vertalis publie ses comptes annuels et annonce dans le même temps l'abandon de son "
        "projet de rapprochement avec Zentec.",
        "shutdown",
    ),
    (
        "an agreement in force for a while is not the news",
        "La start-up Hydrelle grandit. Son hydrolienne alimente depuis un an une partie de l'île de Sein "
        "dans le cadre d'un contrat signé avec le groupe Maréon.",
        "partnership",
    ),
    (
        "a merger told without the two companies is no acquisition",
        "La fusion se traduira par la fermeture du bureau grenoblois de Tarvelo.",
        "acquisition",
    ),
]


@pytest.mark.parametrize(("case", "text", "kind"), NO_EVENT, ids=[c[0] for c in NO_EVENT])
def test_no_event(extract, case, text, kind):
    assert events(extract, text, kind) == []
