"""The company a headline opens with (nlp/headline.py) and hyphenated surnames (nlp/rules.py)."""

from __future__ import annotations

from tests.nlp.conftest import labelled, pairs

COINED = (
    "Ombeline supprime un quart de ses effectifs\n\n"
    "L'éditeur parisien de logiciels de paie va supprimer 60 postes. Ombeline a présenté lundi son plan "
    "aux représentants du personnel. La cofondatrice et directrice générale, Claire Aubin, quitte ses "
    "fonctions. Selon nos informations, Ombeline a discuté d'un rapprochement avec un concurrent allemand."
)
COMMON_WORD = (
    "Sémaphore lance sa plateforme de paiement\n\n"
    "Dix mois après sa création, Sémaphore joue la carte de la spécialisation. La jeune entreprise "
    "nantaise ouvre ses services aux commerçants. « Nous visons les artisans », explique Inès Bardet, "
    "directrice générale et cofondatrice. Pour Sémaphore, le marché des terminaux reste fragmenté."
)
PLACE_RUBRIC = (
    "Lorient : Marc Aubry, fondateur des Forges Aubry, s'est éteint\n\n"
    "Le fondateur du chantier est mort à Lorient à 90 ans. Né à Lorient en 1934, il avait repris "
    "l'atelier familial. Les obsèques auront lieu à Lorient samedi."
)


def test_coined_name_opening_the_headline_is_a_company_with_its_boss(extract):
    result = extract(COINED)
    assert "headline_company" in labelled(result, "ORG")["Ombeline"]["rule"]  # the model: a first name
    assert "Ombeline" not in labelled(result, "PERSON")
    assert ("Claire Aubin", "Ombeline") in pairs(result)


def test_a_common_word_as_a_company_name_mentioned_inside_sentences(extract):
    result = extract(COMMON_WORD)
    assert "Sémaphore" in labelled(result, "ORG")
    assert ("Inès Bardet", "Sémaphore") in pairs(result)


def test_a_place_opening_the_headline_stays_a_place(extract):
    result = extract(PLACE_RUBRIC)
    assert "Lorient" not in labelled(result, "ORG")


def test_hyphenated_surname_is_part_of_the_name(extract):
    result = extract("Sophie Daumas-Berthier rejoint Kerlann comme directrice financière.")
    assert "Sophie Daumas-Berthier" in labelled(result, "PERSON")
    assert "Sophie Daumas" not in labelled(result, "PERSON")
    assert ("Sophie Daumas-Berthier", "Kerlann") in pairs(result)


def test_a_hyphenated_company_name_alone_is_not_made_a_person(extract):
    result = extract("L'éditeur Berger-Levrault équipe les mairies depuis longtemps.")
    assert "Berger-Levrault" not in labelled(result, "PERSON")


CARNET = (
    "Carnet : les nominations de la semaine\n\n"
    "Brisquet. Lucie Vernet est nommée directrice financière de l'éditeur rennais de logiciels de "
    "caisse. Elle a passé dix ans chez Capgemini.\n\n"
    "WattHub. L'opérateur lillois de bornes de recharge promeut Karim Tessa au poste de directeur "
    "général adjoint. Il reste rattaché au fondateur et PDG, Hugo Lemaire."
)


def test_a_column_paragraph_opening_with_a_name_is_about_that_company(extract):
    result = extract(CARNET)
    orgs = labelled(result, "ORG")
    assert "paragraph_company" in orgs["Brisquet"]["rule"]
    assert "WattHub" in orgs
    found = pairs(result)
    assert ("Lucie Vernet", "Brisquet") in found
    assert ("Karim Tessa", "WattHub") in found and ("Hugo Lemaire", "WattHub") in found
    assert ("Karim Tessa", "Capgemini") not in found


def test_a_participle_in_an_apposition_takes_the_company_before_it_not_the_headline_one(extract):
    text = COINED.replace("un concurrent allemand", "Brantz, l'éditeur munichois dirigé par Lukas Weber")
    found = pairs(extract(text))
    assert ("Lukas Weber", "Brantz") in found and ("Lukas Weber", "Ombeline") not in found
