"""The company of a title told without one, in news columns and funding notes, and the holder of a title
after a relative's name (issue #15, 2026-12-04 evening); sentences written for the project, invented names."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import pairs

VELORAMA = (
    "Velorama change de patron\n\n"
    "Le lyonnais Velorama, loueur de vélos cargo, a un nouveau directeur général. "
    "Velorama l'a annoncé lundi. Velorama compte 80 salariés.\n\n"
)


@pytest.mark.parametrize(
    "text,expected,wrong",
    [
        (  # a column header in capitals is the company the paragraph spells in lower case
            VELORAMA + "BRIVALIS. Hélène Marcq quitte la présidence de la société Brivalis, verrier normand, "
            "pour rejoindre Ormet. En attendant, l'intérim sera assuré par Julien Sarrat, directeur général "
            "délégué.\n\n",
            ("Julien Sarrat", "Brivalis"),
            {("Julien Sarrat", "Velorama")},
        ),
        (  # the company a person left for is not the paragraph's
            VELORAMA
            + "Le poste était vacant depuis le départ de Claire Vidal, partie chez Ondix pour prendre "
            "la direction commerciale. Depuis, c'est le directeur financier, Paul Ferrat, qui assurait "
            "l'intérim.\n\nOndix a confirmé l'arrivée de Claire Vidal.\n\n",
            ("Paul Ferrat", "Velorama"),
            {("Paul Ferrat", "Ondix")},
        ),
        (  # negative: a company that opens the paragraph keeps its titles
            VELORAMA
            + "Chez Ondix, le directeur financier, Paul Ferrat, quitte ses fonctions. Ondix recrute.\n\n",
            ("Paul Ferrat", "Ondix"),
            set(),
        ),
        (  # the investors of a round are not the company of "son PDG"
            "La start-up nantaise Tivolia lève 8 millions d'euros. L'opération doit financer une usine. "
            "Sa série A est menée par Kestra Capital, aux côtés de Dunes Ventures. Son PDG, Marc Olier, veut "
            "recruter 40 personnes.",
            ("Marc Olier", "Tivolia"),
            {("Marc Olier", "Kestra Capital"), ("Marc Olier", "Dunes Ventures")},
        ),
        (  # negative: the agent named alone keeps the title
            "Le projet de réseau est piloté par la société Norvane depuis 2021. Son PDG, Luc Brunet, vise 2026.",
            ("Luc Brunet", "Norvane"),
            set(),
        ),
        (  # the former employers of a career list ("passé par A puis par B") are not the paragraph's
            VELORAMA + "Ingénieur de formation, passé par Oxalis puis par Brevix, où il dirigeait l'offre de "
            "location, Yann Morel succède au fondateur. L'autre cofondatrice, Lucie Tran, reste directrice "
            "technique.\n\nNi Oxalis ni Brevix n'ont commenté.\n\n",
            ("Lucie Tran", "Velorama"),
            {("Lucie Tran", "Brevix"), ("Lucie Tran", "Oxalis")},
        ),
        (  # negative: a relative named before the name leaves the title to the name
            "Le frère de Gérard Orsal, Hugo Orsal, directeur général de la société Orsalia, a démissionné.",
            ("Hugo Orsal", "Orsalia"),
            {("Gérard Orsal", "Orsalia")},
        ),
    ],
)
def test_the_company_of_a_title_in_a_passage(extract, text, expected, wrong):
    found = pairs(extract(text))
    assert expected in found, found
    assert not wrong & found, found


def test_a_relative_named_in_an_aside_does_not_take_the_title(extract):
    text = (
        "Gérard Ferlac, 71 ans, président de Ferlac Industries, passe la main. Michel Ferlac, frère "
        "cadet de Gérard et directeur général délégué depuis vingt ans, part à la retraite."
    )
    roles = {(r["person"], r["role"]) for r in extract(text)["roles"]}
    assert ("Michel Ferlac", "DEPUTY_CEO") in roles, roles
    assert ("Gérard Ferlac", "PRESIDENT") in roles, roles  # his own title
    assert ("Gérard Ferlac", "DEPUTY_CEO") not in roles, roles


@pytest.mark.parametrize(
    "text,expected,wrong",
    [
        (  # an office left is a former title at the company
            "Hélène Marcq quitte la présidence du directoire de la société Brivalis pour une autre aventure.",
            ("Hélène Marcq", "Brivalis", True),
            set(),
        ),
        (  # negative: leaving a room is no office
            "Hélène Marcq quitte la salle de la société Brivalis.",
            None,
            {("Hélène Marcq", "Brivalis", True), ("Hélène Marcq", "Brivalis", False)},
        ),
        (  # the person who leaves 'pour rejoindre Y comme T', past an apposition
            "Hélène Marcq quitte la société Brivalis, le verrier normand, pour rejoindre la société Ormet "
            "comme directrice des achats.",
            ("Hélène Marcq", "Ormet", False),
            set(),
        ),
        (  # a relative clause first
            "Il remplace Claire Vidal, qui a quitté le groupe en mai pour rejoindre la société Ondix comme "
            "directrice du contrôle de gestion.",
            ("Claire Vidal", "Ondix", False),
            set(),
        ),
        (  # a name, then 'dirige' and a time aside
            "À 53 ans, Isabelle Forgeat dirige depuis cinq ans la société Lusival, un biscuitier charentais.",
            ("Isabelle Forgeat", "Lusival", False),
            set(),
        ),
        (  # 'il' for the person named in the sentence before
            "Paul Morin a quitté la société Brintek en 2020. Il dirige la société Sorvane depuis 2021.",
            ("Paul Morin", "Sorvane", False),
            set(),
        ),
        (  # an age between the name and its relative clause
            "Claire Brossel prend la tête de la société Brossel Industries. Elle succède à son père, Gérard "
            "Brossel, 71 ans, qui dirigeait l'entreprise depuis 1989.",
            ("Gérard Brossel", "Brossel Industries", True),
            set(),
        ),
        (  # a unit's own name between the unit and its company
            "Olivier Tarnat est nommé. Ancien directeur financier de la division matériels de la société "
            "Manilor, il remplace Jacqueline Morin.",
            ("Olivier Tarnat", "Manilor", True),
            set(),
        ),
        (  # 'chez Y, où il dirigeait ...': a former role at Y
            "Marc Olier rejoint la société Tivolia. Il a passé dix ans chez la société Brevix, où il "
            "dirigeait les ventes.",
            ("Marc Olier", "Brevix", True),
            set(),
        ),
        (  # negative: 'où' after a town
            "Marc Olier vit à Lyon, où il dirige une chorale.",
            None,
            set(),
        ),
        (  # 'en prenant la direction générale de Y': the subject of the sentence, the portrait's person
            "Isabelle Fortin quitte la société Danova. Isabelle Fortin aime les défis. Son parcours est "
            "classique. En 2015, elle saute le pas en prenant la direction générale des Pâtisseries Granval, "
            "un fabricant de gâteaux.",
            ("Isabelle Fortin", "Pâtisseries Granval", False),
            set(),
        ),
        (  # negative: a gerund with no person for its subject
            "Le fonds a grandi en prenant la direction des opérations de la société Brintek.",
            None,
            set(),
        ),
        (  # negative: 'dirige' something that is no company
            "Paul Morin dirige les débats de la commission.",
            None,
            set(),
        ),
    ],
)
def test_verbs_that_state_or_end_a_role(extract, text, expected, wrong):
    result = extract(text)
    found = {(r["person"], r["org"], r["former"]) for r in result["roles"]}
    assert (expected in found) if expected else not found, found
    assert not wrong & found, found


@pytest.mark.parametrize(
    "text,expected,wrong",
    [
        (  # the title after 'X, qui remplace Z,' is X's; Z held it
            "La société Brintek annonce un changement. Marc Olier, qui remplace Claire Vidal, deviendra "
            "directeur général le 1er mars.",
            {("Marc Olier", "CEO", False), ("Claire Vidal", "CEO", True)},
            {("Claire Vidal", "CEO", False)},
        ),
        (  # the holder named after a relative clause about the company
            "La cofondatrice et présidente de la société Brintek, qui vient de lever 10 millions d'euros, "
            "Claire Vidal, a annoncé son départ.",
            {("Claire Vidal", "FOUNDER", False), ("Claire Vidal", "PRESIDENT", False)},
            set(),
        ),
        (  # 'jusqu'à devenir T': the subject of the sentence, the one person named in the last sentences
            "Isabelle Fortin rejoint la société Danova en 2001. Elle y gravit les échelons jusqu'à devenir "
            "directrice marketing de la société Danova.",
            {("Isabelle Fortin", "CMO", True)},
            set(),
        ),
        (  # negative: two people named just before 'il': unsure, no title given to the wrong one
            "Henri Lusval recrute Claire Vidal en 2019. Trois ans plus tard, il lui cède le fauteuil de PDG "
            "pour devenir président d'honneur de la société Lusval.",
            set(),
            {("Claire Vidal", "PRESIDENT", False), ("Claire Vidal", "PRESIDENT", True)},
        ),
        (  # negative: no name after the relative clause
            "Le PDG de la société Brintek, qui a racheté Sorvane, a démissionné. Paul Morin est parti.",
            set(),
            {("Paul Morin", "CEO", False)},
        ),
    ],
)
def test_a_relative_clause_between_a_title_and_its_holder(extract, text, expected, wrong):
    found = {(r["person"], r["role"], r["former"]) for r in extract(text)["roles"]}
    assert expected <= found, found
    assert not wrong & found, found
