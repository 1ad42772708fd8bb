"""Executive roles in shapes that cost recall on unseen text (issue #15); sentences written for the project."""

from __future__ import annotations

import pytest

from tests.nlp.test_roles import roles_of


def test_a_title_announced_then_named_in_the_next_sentence(extract):
    result = extract(
        "La start-up Brintek annonce l'arrivée d'une nouvelle directrice financière. Il s'agit de Maud Keraval, "
        "44 ans, passée par un grand cabinet d'audit."
    )
    [role] = roles_of(result, "Maud Keraval")
    assert (role["org"], role["role"], role["rule"]) == ("Brintek", "CFO", "person_revealed_after_title")


def test_a_definite_title_is_not_given_to_the_next_sentence(extract):
    # "le directeur financier" is someone already known: the next name may well be another person
    result = extract("Le directeur financier de Brintek a démissionné. C'est Maud Keraval qui le remplace.")
    assert all(r["rule"] != "person_revealed_after_title" for r in result["roles"]), result["roles"]


def test_a_parent_company_in_an_aside_is_not_the_company_of_the_title(extract):
    result = extract(
        "Enfin, chez Norelia Services, filiale du groupe Norelia, Paul Garnier est promu directeur de la "
        "stratégie."
    )
    assert [r["org"] for r in roles_of(result, "Paul Garnier")] == ["Norelia Services"], result["roles"]


def test_the_person_replaced_does_not_take_the_title_of_an_unnamed_successor(extract):
    result = extract(
        "Le président de Vestalis Industries, principal actionnaire du groupe, succède à Henri Poulain "
        "en tant que PDG."
    )
    assert roles_of(result, "Henri Poulain") == [], result["roles"]


@pytest.mark.parametrize(
    "text,person,expected",
    [
        (  # a bracket right after the title does not hide its company
            "La start-up Brintek change de patron. C'est le CFO (Chief Financial Officer) de la compagnie, "
            "Lucien Arbez, qui assurera l'intérim.",
            "Lucien Arbez",
            ("Brintek", "CFO"),
        ),
        (  # an abbreviated title in capitals before the name
            "La start-up Brintek a été placée en redressement. Début 2021, le P.-D.G. Ludovic Arbez avait "
            "quitté l'entreprise.",
            "Ludovic Arbez",
            ("Brintek", "CEO"),
        ),
        (  # the company named after its trade in lowercase
            "La start-up Brintek recrute. Paul Garnier, directeur commercial de l'éditeur de logiciels Norsoft, "
            "confirme.",
            "Paul Garnier",
            ("Norsoft", "CCO"),
        ),
    ],
)
def test_a_title_and_its_company_past_a_bracket_a_capital_abbreviation_or_a_trade(
    extract, text, person, expected
):
    assert [(r["org"], r["role"]) for r in roles_of(extract(text), person)] == [expected]


def test_cofounders_named_with_an_infinitive_of_founding(extract):
    result = extract(
        "La start-up Brintek lève 12 millions d'euros. Sa dirigeante, passée par un laboratoire public avant "
        "de cofonder l'entreprise avec deux anciens collègues, Paul Garnier et Hugo Lemarchand, vise l'Europe."
    )
    for person in ("Paul Garnier", "Hugo Lemarchand"):
        rows = roles_of(result, person)
        assert [(r["org"], r["role"], r["rule"]) for r in rows] == [
            ("Brintek", "FOUNDER", "founding_infinitive_with")
        ], result["roles"]
