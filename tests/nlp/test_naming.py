"""Names recognised from how the press introduces them (nlp/naming.py, passage resolution), on
hand-written sentences with invented companies."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import labelled, pairs


@pytest.mark.parametrize(
    "text,product",
    [
        ("L’éditeur Quorvia lance Stellio, un tableur collaboratif pour les PME.", "Stellio"),
        ("Le groupe Brintek a présenté Nova Desk lors de sa conférence annuelle.", "Nova Desk"),
        ("La société Valorix commercialise déjà le Tiltor auprès des hôpitaux.", "Tiltor"),
        ("Le laboratoire Pharvex mise sur Zelbrix, une molécule contre l’asthme.", "Zelbrix"),
        ("Les accélérateurs X900 de la société Calcion équipent les centres de données.", "X900"),
        # after the word for their kind ("les commutateurs", "son collyre"), a participle between them
        ("Les partenaires se spécialisent sur les commutateurs Catalyst 3850 de Cisco.", "Catalyst 3850"),
        ("Oracle pousse ses machines Exadata auprès des directions informatiques.", "Exadata"),
        ("Le laboratoire s'appuie sur son collyre Ocudrine, prescrit contre le glaucome.", "Ocudrine"),
        ("La société Mandrin grandit. Son second produit, Vigie, surveille les fuites de données.", "Vigie"),
        ("La PME exporte 40 %. Sa gamme de capteurs connectés Vigie surveille la température.", "Vigie"),
        ("Son premier étage est propulsé par cinq moteurs Fennec fonctionnant au méthane.", "Fennec"),
    ],
)
def test_products_introduced_by_a_launch_verb_an_apposition_or_a_model_code(extract, text, product):
    assert product in labelled(extract(text), "PRODUCT")


def test_names_listed_with_companies_are_companies(extract):
    text = "Parmi ses actionnaires figurent Brintek, Orvalis, Kestrane et Valorix Partners."
    orgs = labelled(extract(text), "ORG")
    assert {"Brintek", "Orvalis", "Kestrane", "Valorix Partners"} <= set(orgs)


def test_a_list_of_products_stays_products(extract):
    text = "Ses logiciels Plantis et Chantello équipent 9 000 entreprises du bâtiment."
    result = extract(text)
    assert not {"Plantis", "Chantello"} & set(labelled(result, "ORG"))


def test_a_cabinet_name_that_looks_like_a_person_is_a_company(extract):
    text = "Le marché pèsera 2 milliards d’euros, selon le cabinet Marcus Delorme."
    result = extract(text)
    assert "Marcus Delorme" in labelled(result, "ORG")
    assert "Marcus Delorme" not in labelled(result, "PERSON")


def test_surname_after_selon_is_the_person(extract):
    text = (
        "« Nous doublons nos effectifs », explique Léa Vernant, présidente de Kimora. "
        "Selon Vernant, l’entreprise sera rentable en 2026."
    )
    result = extract(text)
    assert "Vernant" not in labelled(result, "ORG")
    assert labelled(result, "PERSON")["Vernant"]["canonical"] == "Léa Vernant"


def test_civility_and_particles_around_a_name_before_a_title(extract):
    text = (
        "« Le marché bascule », affirme Thibault Roux de Marsanne, cofondateur de Pellio. "
        "« C’est clair », estime Mme Anne Girard, associée au cabinet Orvane."
    )
    people = labelled(extract(text), "PERSON")
    assert "Thibault Roux de Marsanne" in people
    assert "Anne Girard" in people and "Mme Anne Girard" not in people


def test_rubric_line_is_not_a_company(extract):
    text = "Intelligence artificielle\n\nLa start-up Kimora lève 5 millions d’euros auprès de Partech."
    assert "Intelligence artificielle" not in labelled(extract(text), "ORG")


def test_reference_resolves_to_the_company_the_paragraph_opens_on(extract):
    text = (
        "Free gagne des abonnés.\n\n"
        "En face, Orvalis a vu ses revenus reculer de 1,1 %. Les tarifs augmentent de 2 euros par mois. "
        "Claire Dumas, la directrice générale de l’opérateur historique, mise sur la fibre."
    )
    assert ("Claire Dumas", "Orvalis") in pairs(extract(text))


def test_reference_after_investors_is_the_start_up(extract):
    text = (
        "La start-up Kimora annonce une levée de 8 millions d’euros auprès de Partech et de Bpifrance. "
        "L’entreprise, fondée en 2019 par Julie Moreau et Karim Benali, compte 40 salariés."
    )
    found = pairs(extract(text))
    assert ("Julie Moreau", "Kimora") in found and ("Karim Benali", "Kimora") in found
    assert not any(org == "Bpifrance" for _, org in found)


def test_possessive_president_belongs_to_the_company_just_named(extract):
    text = (
        "L’éditeur Hexavia affirme avoir reçu de nombreuses demandes. "
        "Son président, Romain Tessier, plaide pour des sauvegardes déconnectées."
    )
    assert ("Romain Tessier", "Hexavia") in pairs(extract(text))


def test_founded_by_a_researcher(extract):
    text = "Fondée en 2012 par le chercheur Alain Berthet, Nexavio emploie 180 personnes à Evry."
    assert ("Alain Berthet", "Nexavio") in pairs(extract(text))


def test_public_office_gets_no_guessed_company(extract):
    text = (
        "Brintek et Valorix ont reçu des aides.\n\n"
        "La Cour des comptes s’est montrée critique. "
        "Le secrétaire général pour l’investissement, Bruno Lemaire, défend le dispositif."
    )
    found = pairs(extract(text))
    assert not any(p == "Bruno Lemaire" and o in ("Brintek", "Valorix") for p, o in found)


def test_a_long_name_spelled_by_its_acronym_in_brackets_is_an_organisation(extract):
    text = (
        "Selon Jeanne Morel, déléguée du Collectif des artisans et techniciens du son (CATS), la grève "
        "est votée. Le CATS réclame un accord. Valtrex a annoncé un plan de départs volontaires (PDV)."
    )
    orgs = labelled(extract(text), "ORG")
    assert "Collectif des artisans et techniciens du son" in orgs
    assert orgs["CATS"]["canonical"] == "Collectif des artisans et techniciens du son"
    assert not any(name.startswith("plan de") for name in orgs)  # a lowercase phrase names nothing
