"""Which company a title goes to when the sentence does not name it (issue #15); sentences written for
the project, invented names."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import pairs
from tests.nlp.test_roles import roles_of

SANTALIS = (
    "Santalis paralysé par une cyberattaque\n\n"
    "Le groupe hospitalier Santalis a été victime d'un rançongiciel. Santalis refuse de payer. "
    "Les urgences de Santalis fonctionnent en mode dégradé.\n\n"
)
PIXELUNE = (
    "Pixelune a vendu un million de jeux\n\n"
    "Le studio bordelais Pixelune a franchi le cap du million d'exemplaires. Pixelune compte 95 salariés. "
    "Pixelune prépare une suite. Le jeu est vendu sur Vapor, la boutique de Valvia.\n\n"
)


SEKURIO = (
    "Sekurio lève 12 millions d'euros\n\nLa fintech Sekurio lève 12 millions d'euros. Sekurio recrute.\n\n"
)


KAPLIA = (
    "Kaplia supprime 230 postes\n\nKaplia change de patron. Kaplia perd des clients. Kaplia ferme Nantes.\n\n"
)


NUAGIX = "La start-up Nuagix recrute. Nuagix ouvre un site à Lille. "


def test_a_legal_name_is_still_the_canonical_of_the_short_name(extract):
    result = extract("Savaro a dégagé un bénéfice record. Savaro Group a publié ses comptes mercredi.")
    orgs = {e["text"]: e["canonical"] for e in result["entities"] if e["label"] == "ORG"}
    assert orgs.get("Savaro") == "Savaro Group", result["entities"]


@pytest.mark.parametrize(
    "text,person,orgs",
    [
        (  # the paragraph opens on the company its "son président" means, named once
            SANTALIS + "L'éditeur de logiciels de sauvegarde français Hexaly affirme avoir reçu une dizaine "
            "de demandes depuis l'attaque. Son président, Romain Tessier, plaide pour des sauvegardes hors ligne.",
            "Romain Tessier",
            {"Hexaly"},
        ),
        (  # negative: a company after a preposition does not open the paragraph
            SANTALIS
            + "Le contrat de sauvegarde signé avec Hexaly n'a pas suffi. Son directeur général, Romain "
            "Tessier, plaide pour des sauvegardes hors ligne.",
            "Romain Tessier",
            {"Santalis"},
        ),
        (  # a line break ends the sentence: Valvia, named before it, is not "du studio"
            PIXELUNE + "« Nous avions prévu six mois », sourit Romain Esquirol, cofondateur et directeur "
            "créatif du studio.",
            "Romain Esquirol",
            {"Pixelune"},
        ),
        (  # a subsidiary named as such is no legal name of its parent
            "Savaro a dégagé un bénéfice record. Caroline Aubier, directrice générale de Savaro depuis 2020, "
            "salue l'année. La filiale Savaro Assurances a enregistré une collecte record.",
            "Caroline Aubier",
            {"Savaro"},
        ),
        (  # the parent named in an aside is not the company of "son directeur général"
            KAPLIA
            + "L'opérateur Kaplia, filiale du groupe luxembourgeois Orexa, a présenté un plan. Dans la "
            "foulée, la société a annoncé le départ de son directeur général, Laurent Vassal.",
            "Laurent Vassal",
            {"Kaplia"},
        ),
        (  # a partner after its nationality ("avec l'américain X") is no company of the passage
            KAPLIA
            + "Interrogée sur un rapprochement avec l'américain Microtek Systems, la direction dément. "
            "Le président du conseil d'administration, Bernard Vallier, contrôle 22 % du capital.",
            "Bernard Vallier",
            {"Kaplia"},
        ),
        (  # investors listed after "auprès de A et de B" share the preposition: neither is the employer
            "La PME nantaise Vireo Data, qui conçoit des capteurs, se structure. Pour soutenir sa croissance, "
            "l'entreprise, qui a bouclé 4 millions d'euros en mars auprès de Kalma Invest et de Siloé Capital, "
            "recrute Marc Tellier au poste de directeur financier.",
            "Marc Tellier",
            {"Vireo Data"},
        ),
        (  # a partner, the only company of the sentences before: the article's company
            KAPLIA
            + "L'opérateur a signé un contrat pluriannuel avec Orangine Business. Son patron, Stéphane "
            "Dumont, y voit une validation.",
            "Stéphane Dumont",
            {"Kaplia"},
        ),
        (  # "Pour X, ..." opens the paragraph on the company it is about
            KAPLIA
            + "Pour le groupe Voltaria, l'opération marque un recentrage. « Nous voulons grandir », affirme son "
            "président-directeur général, Marc-Antoine Ferrat.",
            "Marc-Antoine Ferrat",
            {"Voltaria"},
        ),
        (  # "dont" stands for the company just before it
            KAPLIA
            + "Marc Reyval a annoncé son départ pour le fonds Quadrille Partners, dont il devient associé.",
            "Marc Reyval",
            {"Quadrille Partners"},
        ),
    ],
)
def test_the_company_of_a_possessive_or_bare_title(extract, text, person, orgs):
    result = extract(text)
    assert {r["org"] for r in roles_of(result, person) if not r["former"]} == orgs, result["roles"]


@pytest.mark.parametrize(
    "text,person,orgs",
    [
        (  # a board joined, with its title, at the company of the passage
            SEKURIO
            + "Élise Fontane rejoint le conseil d'administration en tant qu'administratrice indépendante.",
            "Élise Fontane",
            {"Sekurio"},
        ),
        (  # the company the person works for, named in the aside, is not the one whose board they join
            SEKURIO
            + "Megan Colt, associée chez Harbor Lake Ventures, rejoint le conseil d'administration de la "
            "fintech.",
            "Megan Colt",
            {"Harbor Lake Ventures", "Sekurio"},
        ),
        (  # a committee of a named company, then the title
            SEKURIO + "Maxime Ourly rejoint le comité exécutif de Capgemini comme directeur des produits.",
            "Maxime Ourly",
            {"Capgemini"},
        ),
        (  # a former employer named in the aside is not the company of the new title
            SEKURIO
            + "Bertrand Olivet, ancien directeur général de l'enseigne de bricolage Distrimax, est nommé "
            "président du conseil d'administration.",
            "Bertrand Olivet",
            {"Distrimax", "Sekurio"},
        ),
        (  # "qui préside la start-up": the compound is a reference to the company of the passage
            SEKURIO + "Elle y siégera aux côtés de Gaëlle Vidar, qui préside la start-up depuis sa création.",
            "Gaëlle Vidar",
            {"Sekurio"},
        ),
        (  # negative: a council that is no company's board
            SEKURIO + "Élise Fontane rejoint le conseil municipal de Nantes en tant que conseillère.",
            "Élise Fontane",
            set(),
        ),
        (  # a stock exchange named in passing is not whose president leaves
            "Coup de balai chez Verlaine Industries. Le fabricant, coté sur Euronext Paris, a annoncé le départ de "
            "son président, Bernard Castel, et celui de son directeur général, Thomas Kellner.",
            "Bernard Castel",
            {"Verlaine Industries"},
        ),
        (  # negative: a passage about a public body alone gives its president no company
            "L'Autorité de la concurrence a rendu sa décision jeudi. Son président, Benoît Caron, a détaillé "
            "la sanction.",
            "Benoît Caron",
            set(),
        ),
        (  # a relative clause between the name and the title, with a subsidiary in it
            "Le groupe Axelia annonce un changement. Caroline Mestre-Ibarra, qui dirigeait jusqu'ici les finances "
            "de la filiale allemande Axelia Deutschland, deviendra directrice financière du groupe le 1er "
            "décembre.",
            "Caroline Mestre-Ibarra",
            {"Axelia"},
        ),
        (  # negative: the clause is said of a company, the title of nobody named
            "Le groupe Axelia annonce un changement. Paul Garnaud s'en réjouit. Le fonds Norcap Partners, qui "
            "menait le tour de table, deviendra directeur financier du groupe.",
            "Paul Garnaud",
            set(),
        ),
    ],
)
def test_the_company_of_a_title(extract, text, person, orgs):
    result = extract(text)
    assert {r["org"] for r in roles_of(result, person)} == orgs, result["roles"]


@pytest.mark.parametrize(
    "text,founders,company",
    [
        (  # a place between the date and 'par'; the parser cuts the sentence before 'par'
            "L'éditeur Kerlova lève 5 millions d'euros. Fondée en 2011 à Brest par Yannig Le Braz et Erwan "
            "Quillec, Kerlova compte 85 salariés.",
            ["Yannig Le Braz", "Erwan Quillec"],
            "Kerlova",
        ),
        (  # the founders described before their names
            "La start-up Axomia lève 5 millions d'euros. Fondée en 2020 par deux anciens ingénieurs de Safran, "
            "Lucas Ferrandi et Inès Da Silva, Axomia emploie 34 personnes à Vaulx-en-Velin.",
            ["Lucas Ferrandi", "Inès Da Silva"],
            "Axomia",
        ),
        (  # a former employer's acronym in brackets is not the company founded
            "Fondée en 2018 par Camille Rousset et Idriss Benhaddou, deux anciens de l'Agence nationale des "
            "fréquences (ANFR), Hexalis emploie 60 personnes.",
            ["Camille Rousset", "Idriss Benhaddou"],
            "Hexalis",
        ),
        (  # a former job in several words: its company is an employer, not the one founded
            "Créé en 2004 par Hervé Lacombre, ancien ingénieur de production chez Michelin, Nexolia s'est "
            "imposé auprès des industriels.",
            ["Hervé Lacombre"],
            "Nexolia",
        ),
    ],
)
def test_the_company_founded_comes_after_its_founders(extract, text, founders, company):
    result = extract(text)
    for person in founders:
        current = {r["org"] for r in roles_of(result, person) if not r["former"]}
        assert current == {company}, result["roles"]


def test_a_former_job_in_several_words_gives_a_former_employer(extract):
    result = extract("Hervé Lacombre, un ancien ingénieur de production chez Michelin, rejoint Nexolia.")
    assert ("Michelin", True) in {(r["org"], r["former"]) for r in roles_of(result, "Hervé Lacombre")}


@pytest.mark.parametrize(
    "text,company",
    [
        (  # a former employer in the same sentence is not "la société"
            "La start-up Mésalia lève 7 millions d'euros. Mésalia vend des agents d'IA. Passée par Lumen Labs "
            "à Londres, l'ingénieure Camille Orteg a fondé la société en 2022 avec Hugo Lambrecht.",
            "Mésalia",
        ),
        (  # negative: a company of the sentence that is no former employer still is
            "La start-up Mésalia lève 7 millions d'euros. Mésalia vend des agents d'IA. Chez Lumen Labs, à "
            "Londres, l'ingénieure Camille Orteg a fondé la société en 2022 avec Hugo Lambrecht.",
            "Lumen Labs",
        ),
    ],
)
def test_the_company_founded_is_not_a_former_employer(extract, text, company):
    result = extract(text)
    assert {r["org"] for r in roles_of(result, "Hugo Lambrecht")} == {company}, result["roles"]


def test_the_new_title_does_not_go_to_the_former_employer(extract):
    result = extract(
        SEKURIO + "Bertrand Olivet, ancien directeur général de l'enseigne de bricolage Distrimax, est nommé "
        "président du conseil d'administration."
    )
    current = {r["org"] for r in roles_of(result, "Bertrand Olivet") if not r["former"]}
    assert current == {"Sekurio"}, result["roles"]


@pytest.mark.parametrize(
    "text,person,expected",
    [
        (  # the predecessor held the title just given to the successor
            NUAGIX + "Nuagix annonce l'arrivée de Valérie Lecompte au poste de directrice commerciale. Elle "
            "succède à Antoine Bérel, qui part à la retraite.",
            "Antoine Bérel",
            {("Nuagix", True)},
        ),
        (  # the one who replaces takes the title of the one replaced
            NUAGIX
            + "Arnaud Pichon, directeur général de Nuagix depuis 2019, quittera ses fonctions. Il sera "
            "remplacé par Valérie Anzier.",
            "Valérie Anzier",
            {("Nuagix", False)},
        ),
        (  # "en remplacement de Z": Z held the title given in the sentence
            NUAGIX + "Nuagix a annoncé la nomination de Gilles Delmas comme directeur général de Nuagix, en "
            "remplacement d'Alain Duteil.",
            "Alain Duteil",
            {("Nuagix", True)},
        ),
        (  # negative: a successor with no title told gives the predecessor none
            NUAGIX + "Valérie Lecompte arrive à Lille. Elle succède à Antoine Bérel, qui part à la retraite.",
            "Antoine Bérel",
            set(),
        ),
    ],
)
def test_successions_pass_the_title(extract, text, person, expected):
    result = extract(text)
    assert {(r["org"], r["former"]) for r in roles_of(result, person)} == expected, result["roles"]


def test_a_parent_named_far_after_the_subsidiary_word_is_not_the_employer(extract):
    found = pairs(
        extract(
            "Valorix Systems, la branche de conseil en design du groupe Brintek, a nommé Alice Vernon "
            "au poste de directrice générale. Elle succède à Marc Oriol, qui part à la retraite."
        )
    )
    employers = {org for person, org in found if person in ("Alice Vernon", "Marc Oriol")}
    assert employers == {"Valorix Systems"}  # not the parent, Brintek
