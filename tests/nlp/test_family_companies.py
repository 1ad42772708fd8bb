"""Family companies, names ending on a company word, and the article's year, on texts written for the
project: the rules of round 25 (entities, roles, events)."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import labelled, pairs
from tests.nlp.test_events import events

SABATIER = (
    "Page qui se tourne pour le Groupe Morvillier. L'entreprise de bâtiment d'Albi cède à Eiffage "
    "Construction sa filiale bois.\n\n"
    "L'opération s'accompagne d'un changement de génération. Bernard Morvillier, président-directeur "
    "général depuis 1996, quitte ses fonctions exécutives. Son fils Laurent Morvillier, directeur général "
    "délégué depuis 2020, prend les rênes en tant que directeur général."
)


def test_a_title_with_no_company_goes_to_the_family_company(extract):
    result = extract(SABATIER)
    assert ("Laurent Morvillier", "Groupe Morvillier") in pairs(result)
    assert ("Bernard Morvillier", "Groupe Morvillier") in pairs(result)
    assert not {p for p in pairs(result) if p[1] == "Eiffage Construction" and "Morvillier" in p[0]}


def test_two_companies_bearing_the_surname_guess_nothing_from_it(nlp):
    from nlp.passage import Passage

    doc = nlp(
        "Chez Valmont Emballages, Antoine Valmont prend la présidence. Sa filiale Valmont Cartonnages "
        "emploie 300 personnes."
    )
    ctx = Passage(doc, set())
    antoine = next(e for e in doc.ents if e.text == "Antoine Valmont")
    assert ctx.family_org(antoine) is None


def test_a_bare_name_is_the_short_form_of_the_name_with_a_trade_word(extract):
    text = (
        "BTP : le groupe Morvillier cède sa filiale bois.\n\n"
        "Page qui se tourne pour le Groupe Morvillier, fondé en 1958 à Albi."
    )
    orgs = labelled(extract(text), "ORG")
    assert orgs["Morvillier"]["canonical"] == "Groupe Morvillier"


def test_a_holding_is_another_company_than_the_bare_name(extract):
    text = (
        "Le cartonnier Tressac a publié ses comptes. La famille contrôle Tressac via Financière Tressac, "
        "qui détient 85 % du capital de Tressac."
    )
    orgs = labelled(extract(text), "ORG")
    assert orgs.get("Tressac", {}).get("canonical", "Tressac") == "Tressac"


@pytest.mark.parametrize(
    "text,name,label",
    [  # a name ending on a company word; a quoted name after "baptisé" the model took for a person; a
        # vehicle word heading a product; a company noun beating the model's person
        (
            "Le Mans : la ministre a posé la première pierre de l'usine de Cellora Energy.",
            "Cellora Energy",
            "ORG",
        ),
        (
            "Dès septembre, Kerlouan lancera une gamme de tartinables baptisée « Ty Goulven ».",
            "Ty Goulven",
            "PRODUCT",
        ),
        (
            "Le constructeur Véhinor va arrêter la production de son minibus Velto City 8.",
            "Velto City 8",
            "PRODUCT",
        ),
        (
            "Le transporteur familial Berthaud-Ravel, basé à Saint-Priest, rachète un concurrent.",
            "Berthaud-Ravel",
            "ORG",
        ),
    ],
)
def test_a_name_found_by_its_cue(extract, text, name, label):
    assert name in labelled(extract(text), label)


def test_a_common_word_before_a_company_word_is_no_company(extract):
    text = "Le groupe Brintek détaille ses Nouvelles Solutions dans un communiqué."
    orgs = labelled(extract(text), "ORG")
    assert "Nouvelles Solutions" not in orgs and "Brintek" in orgs


def test_a_family_name_before_a_trade_word_is_a_company_not_a_product(extract):
    text = (
        "Chez Valmont Emballages, l'heure est à l'apaisement. Antoine Valmont a dirigé pendant six ans "
        "Valmont Cartonnages, la principale filiale française du groupe."
    )
    result = extract(text)
    assert "Valmont Cartonnages" in labelled(result, "ORG")
    assert "Valmont Cartonnages" not in labelled(result, "PRODUCT")


def test_a_company_in_apposition_to_the_reference_noun_is_not_its_company(extract):
    text = (
        "Le distributeur Vanderlin Agri, installé à Hazebrouck, franchit un cap. L'entreprise familiale, "
        "concessionnaire John Deere dans la région, a bouclé une levée de fonds de 40 millions d'euros "
        "auprès de Flandre Capital."
    )
    [funding] = events(extract, text, "funding")
    assert funding["org"] == "Vanderlin Agri"


def test_taking_office_and_a_new_chief_executive_are_appointments(extract):
    text = (
        "Émilie Vanderlin s'appuiera sur un nouveau directeur général, Arnaud Desmet, ancien directeur "
        "commercial de Claas, qui prendra ses fonctions le 1er octobre chez Vanderlin Agri."
    )
    people = {e["person"] for e in events(extract, text, "appointment")}
    assert "Arnaud Desmet" in people


def test_a_target_year_is_not_the_year_of_the_article(extract):
    text = (
        "Véhinor a enregistré en 2023 un chiffre d'affaires de 63 millions d'euros. Le constructeur veut "
        "porter ses cadences à 300 véhicules d'ici 2027, avec l'aide de France 2030. « Nous voulons que "
        "25 % de nos kilomètres soient décarbonés en 2028 », dit son directeur."
    )
    [results] = events(extract, text, "results")
    assert results["org"] == "Véhinor" and results["amount"]["value"] == 63e6


def test_a_school_is_neither_a_company_nor_an_employer(extract):
    text = (
        "Chez Plastiques Morvan, Julie Rabiller devient directrice générale déléguée. Cette ingénieure des "
        "Arts et Métiers de 45 ans, diplômée de Centrale Nantes, dirigeait la division automobile. Le "
        "directeur financier, Gilles Pasquier, part à la retraite."
    )
    result = extract(text)
    orgs = labelled(result, "ORG")
    assert "Arts et Métiers" not in orgs and "Centrale Nantes" not in orgs
    assert ("Gilles Pasquier", "Plastiques Morvan") in pairs(result)


def test_products_named_in_the_next_sentence_are_launched(extract):
    text = (
        "Le constructeur taïwanais Veltrix, qui grignote des parts de marché face à Lenovo et Dell, a présenté "
        "jeudi ses nouveaux ordinateurs portables. Au menu : un ultraportable, le Veltrix Book 14 Air, et "
        "une machine pour créateurs, le Veltrix Book 16 Pro."
    )
    launched = {(e["org"], e["product"]) for e in events(extract, text, "launch")}
    assert launched == {("Veltrix", "Veltrix Book 14 Air"), ("Veltrix", "Veltrix Book 16 Pro")}


def test_a_full_stop_glued_to_a_code_ends_the_sentence(nlp):
    doc = nlp(
        "Les deux partenaires ont dévoilé le Mobilo 4G. Il coûte 233 euros. Brintek lève 4 M€. Elle recrute."
    )
    assert [t.text for t in doc[7:10]] == ["4G", ".", "Il"]
    assert doc[9].is_sent_start
    assert "M€" in [t.text for t in doc]


@pytest.mark.parametrize(
    "text,kind",
    [  # a post to fill; another company's product in the next sentence; a dated relative clause (background)
        (
            "Le conseil de Pilova, présidé par Catherine Le Bihan, a mandaté un cabinet pour mener la recherche "
            "d'un nouveau patron.",
            "appointment",
        ),
        (
            "La marque Veltrix a présenté jeudi ses nouveaux ordinateurs portables. Ils embarquent le "
            "Snapdragon X Elite de Qualcomm.",
            "launch",
        ),
        (
            "Le studio Pixelor signe un partenariat avec le constructeur Alpine. « Les licences coûtent cher », "
            "glisse Anaïs Delpech, la directrice générale, qui a rejoint l'entreprise en 2022 après huit ans "
            "chez Ubisoft. Le studio veut ouvrir un site à Montréal d'ici à la fin 2026.",
            "appointment",
        ),
    ],
)
def test_no_reported_event_of_the_kind(extract, text, kind):
    assert not events(extract, text, kind)


def test_a_family_company_with_fils_is_one_company_its_heir_works_for(extract):
    text = (
        "Le fabricant stéphanois de câbles Tréfileries Gaudin & Fils a annoncé lundi une acquisition. "
        "« Cette brique nous manquait », explique Hélène Gaudin-Marty, la présidente du directoire."
    )
    result = extract(text)
    assert "Tréfileries Gaudin & Fils" in labelled(result, "ORG")
    assert ("Hélène Gaudin-Marty", "Tréfileries Gaudin & Fils") in pairs(result)


def test_a_family_holding_is_not_the_family_company(nlp):
    from nlp.passage import Passage

    doc = nlp(
        "Chez Néosilor, le président du conseil, Bernard Vallat-Moreau, contrôle 22 % du capital à travers "
        "sa holding Vallat Participations."
    )
    bernard = next(e for e in doc.ents if e.text == "Bernard Vallat-Moreau")
    assert Passage(doc, set()).family_org(bernard) is None
