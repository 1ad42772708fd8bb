"""Sentence shapes of branch events7 (issue #12): a launch named after a colon, a partnership of two
companies told by a plural verb or by 'Premier client :', a board seat ('y siégera comme T'), and
results that are no event (a career's figure, a size told in passing); on sentences written for the
project (invented companies and people)."""

from __future__ import annotations

from tests.nlp.test_events_syntax import events


def test_a_launch_named_after_a_colon(extract):
    text = "Kervalia lance aussi une offre destinée aux artisans : Vigil-3, un coffret de capteurs connectés."
    assert [(e["org"], e["product"]) for e in events(extract, text, "launch")] == [("Kervalia", "Vigil-3")]


def test_two_companies_of_a_plural_verb_are_partners(extract):
    text = "ÉNERGIE - Engie et l'allemand Siemens Energy s'associent à Marseille."
    found = [(e["org"], e["partner"]) for e in events(extract, text, "partnership")]
    assert found == [("Engie", "Siemens Energy")]


def test_a_first_client_after_a_colon_is_a_partner(extract):
    text = (
        "La start-up Grainor dévoile Agrivo, un outil de pilotage des semis. Premier client : Danone. "
        "Le déploiement commence en mai."
    )
    found = [(e["org"], e["partner"]) for e in events(extract, text, "partnership")]
    assert found == [("Grainor", "Danone")]


def test_a_board_seat_is_an_appointment(extract):
    text = (
        "Chez Ferlane, Jean Pascot, qui dirigeait jusqu'ici la filiale de Brigam, y siégera comme "
        "administrateur indépendant."
    )
    found = [(e["org"], e["person"], e.get("title")) for e in events(extract, text, "appointment")]
    assert found == [("Ferlane", "Jean Pascot", "administrateur indépendant")]


def test_a_leader_told_before_joins_a_foreign_company_as_title(extract):
    text = (
        "Paul Ardent quitte la direction générale de Fibrelia. Arrivé il y a trois ans, le dirigeant "
        "rejoindra à l'automne l'allemand Siemens, principal concurrent du groupe, comme directeur des opérations."
    )
    found = [(e["org"], e["person"], e.get("title")) for e in events(extract, text, "appointment")]
    assert found == [("Siemens", "Paul Ardent", "directeur des opérations")]


def test_the_interim_after_a_leader_s_move_is_at_the_company_he_leaves(extract):
    text = (
        "Paul Ardent quitte la direction générale de Fibrelia. Il rejoindra l'allemand Siemens comme "
        "directeur des opérations. En attendant, l'intérim sera assuré par la directrice financière, Léa Brun."
    )
    found = {e["person"]: e["org"] for e in events(extract, text, "appointment")}
    assert found == {"Paul Ardent": "Siemens", "Léa Brun": "Fibrelia"}


def test_a_company_s_own_revenue_raised_is_still_a_result(extract):
    text = "Bravura a porté son chiffre d'affaires à 40 M€ en 2024."
    assert [e["org"] for e in events(extract, text, "results")] == ["Bravura"]


# case -> (text, kind of event that must not be found)
NO_EVENT = {
    "a career's figure": (
        "Ancien de Delvio, Marc Tison a contribué à porter le chiffre d'affaires de 12 à 95 M€ en six ans.",
        "results",
    ),
    "a size told in passing": (
        "Bravura, qui pèse 40 M€ de chiffre d'affaires, ouvre un bureau à Lyon.",
        "results",
    ),
    "a colon opening another clause": (
        "Kervalia lance un appel aux start-up : Thales et Capgemini ont déjà répondu.",
        "launch",
    ),
    "three companies, no first one": (
        "Renault, Valeo et Michelin s'allient pour le recyclage.",
        "partnership",
    ),
    "people of two companies": (
        "Les salariés de Renault et ceux de Valeo s'associent à la grève.",
        "partnership",
    ),
    "a first client not named": (
        "La start-up Grainor dévoile Agrivo, un outil de pilotage des semis. Premier client : un grand "
        "céréalier breton.",
        "partnership",
    ),
    "a pronoun joining no company": (
        "Paul Ardent quitte la direction générale de Fibrelia. Il rejoindra sa famille en Bretagne.",
        "appointment",
    ),
    "a time aside before no company": (
        "Jeanne Morel rejoindra à l'automne sa famille en Bretagne.",
        "appointment",
    ),
    "a seat at a court": ("Jean Pascot siégera au tribunal de commerce de Lyon.", "appointment"),
}


def test_shapes_that_give_no_event(extract):
    fired = {case: found for case, (text, kind) in NO_EVENT.items() if (found := events(extract, text, kind))}
    assert fired == {}
