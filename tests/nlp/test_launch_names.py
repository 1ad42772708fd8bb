"""Product names the entity stage reads where a launch is told (issue #15, branch evl8): a quoted name
after a launch verb, names listed after the first product or after a colon closing a plural product word,
the name after a release noun ('la sortie de'), a name given by a participle opening the sentence, a
company after its trade word; on sentences written for the project (invented names), with negatives."""

from __future__ import annotations

import spacy

from nlp.gazetteer import _generation_number
from tests.nlp.conftest import labelled


def products(extract, text: str) -> set[str]:
    return set(labelled(extract(text), "PRODUCT"))


def test_a_quoted_name_after_a_launch_verb(extract):
    text = "Cette semaine, la biscuiterie Kordel lance « Les Goûters du Phare », une gamme de galettes bio."
    assert "Les Goûters du Phare" in products(extract, text)


def test_a_quoted_saying_after_a_launch_verb_is_no_product(extract):
    assert (
        products(extract, "Le groupe Brunel lance « Nous voulons grandir vite », a résumé son patron.")
        == set()
    )


def test_a_second_name_listed_after_the_launched_one(extract):
    found = products(
        extract, "Le groupe Dantel dévoile Norva-X2 et Norva Cloud 3 pour séduire les industriels."
    )
    assert {"Norva-X2", "Norva Cloud 3"} <= found


def test_names_listed_after_a_colon_closing_a_plural_product_word(extract):
    text = (
        "Le fabricant coréen Hanvel a présenté mardi, lors d'une conférence à Paris, ses deux nouvelles "
        "tablettes pour le marché européen : la Hanvel Tab 9 et la Hanvel Tab 9 Mini."
    )
    result = extract(text)
    assert {"Hanvel Tab 9", "Hanvel Tab 9 Mini"} <= set(labelled(result, "PRODUCT"))
    assert "Hanvel" in labelled(result, "ORG")  # the company after its trade word, not a product of it


def test_places_listed_after_a_colon_are_no_products(extract):
    assert (
        products(extract, "Le groupe Kordel vend ses logiciels dans trois pays : France, Belgique et Suisse.")
        == set()
    )


def test_the_name_after_a_release_noun(extract):
    text = "L'éditeur lillois Brumelab a confirmé mercredi la sortie d'Orage: Renaissance le 3 avril sur PC."
    assert "Orage: Renaissance" in products(extract, text)
    assert "Vela 2" in products(
        extract, "Le lancement commercial de Vela 2 par la société Orbel est prévu en mai."
    )


def test_a_known_company_after_a_release_noun_stays_a_company(extract):
    result = extract("La sortie de Bpifrance du capital de Velto est prévue.")
    assert "Bpifrance" in labelled(result, "ORG") and labelled(result, "PRODUCT") == {}


def test_a_name_given_by_a_participle_opening_the_sentence(extract):
    text = "La start-up Silvane grandit. Baptisée Orvane R2, la puce a été lancée à cette occasion."
    assert "Orvane R2" in products(extract, text)


def test_a_product_named_after_its_company_behind_a_verb_stays_a_product(extract):
    result = extract(
        "La fintech Boussane lève 15 M€. Fondée en 2021, la jeune pousse édite Boussane Flux, un logiciel."
    )
    assert "Boussane Flux" in labelled(result, "PRODUCT") and "Boussane Flux" not in labelled(result, "ORG")


def test_a_known_line_s_generation_number_ends_the_name(extract):
    found = products(
        extract, "La tablette Orvane se contente d'un Snapdragon 7s Gen 3 et d'un écran de 11 pouces."
    )
    assert "Snapdragon 7s Gen 3" in found


def test_a_number_with_a_unit_after_it_is_no_generation_number():
    doc = spacy.blank("fr")("un Snapdragon 8 Gen 3 et un Snapdragon 8 Gen 12 Go en 2024")
    assert _generation_number(doc, 4)  # "3" before "et"
    assert not _generation_number(doc, 10)  # "12" before "Go"
