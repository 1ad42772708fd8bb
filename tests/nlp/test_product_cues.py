"""Products and companies told apart by the words around them (nlp/rules.py, nlp/naming.py,
nlp/article_rules.py, nlp/headline.py), on hand-written sentences with invented names."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import labelled


@pytest.mark.parametrize(
    "text,product",
    [
        # a possessive before the product word: a longer complement, or the name before it
        (
            "La PME ferme son service de réparation à domicile en deux heures, Fixomat, ouvert en 2021.",
            "Fixomat",
        ),
        ("Le groupe annonce l'arrêt de Pilvane Suite, son logiciel de gestion des stocks.", "Pilvane Suite"),
        (
            "L'éditeur a présenté mardi ses résultats. Sa prochaine génération, Quarzo-3, sortira en mai.",
            "Quarzo-3",
        ),
        (
            "Le studio nantais grandit. Son précédent titre, Silent Orchard, s'est vendu à 300 000 exemplaires.",
            "Silent Orchard",
        ),
        # a participle the tagger reads as an infinitive; a launch verb is no modifier of "le groupe"
        (
            "La société vise 30 000 unités en 2025. Une version allégée, le Varo Lite, est attendue à l'automne.",
            "Varo Lite",
        ),
        (
            "Le groupe commercialise en parallèle Kalvio, un logiciel de simulation vendu sur abonnement.",
            "Kalvio",
        ),
        # an aside between the launch verb and the name
        (
            "La conserverie a lancé en mars Mareline Tradition, une gamme de soupes de poisson.",
            "Mareline Tradition",
        ),
        ("La start-up lance dans la foulée Trajet 3.0, une nouvelle version de son logiciel.", "Trajet 3.0"),
        # "baptisé" names the closest noun before it, not a company of the previous sentence
        (
            "Les cellules sont fournies par le chinois Voltix. Une version courte, baptisée Rando-S, suivra.",
            "Rando-S",
        ),
        ("L'entreprise collectait les données via un kit de développement baptisé TraceKit.", "TraceKit"),
        # a hyphenated name with its number before an apposition; a product word in capitals
        (
            "Fondée en 2021, la société a développé Orvik-Lens 3, un modèle de vision qui détecte les défauts.",
            "Orvik-Lens 3",
        ),
        ("Le réseau distribuera aussi la citadine Q05 et le SUV Q12, déjà au catalogue.", "Q12"),
        # an English subtitle after a colon
        (
            "Le studio prépare Dust Lanterns: Ember, un jeu de stratégie attendu en 2026.",
            "Dust Lanterns: Ember",
        ),
    ],
)
def test_products_named_by_their_context(extract, text, product):
    assert product in labelled(extract(text), "PRODUCT")


def test_a_variant_word_without_possessive_names_nothing(extract):
    result = extract("La version, Orbis, a été publiée hier.")
    assert "Orbis" not in labelled(result, "PRODUCT")


def test_companies_listed_after_a_trigger_keep_it(extract):
    orgs = labelled(
        extract("La jeune pousse a levé 5 millions d'euros auprès de Valtoria et de Krendo."), "ORG"
    )
    assert {"Valtoria", "Krendo"} <= set(orgs)


def test_a_name_after_a_trade_word_goes_on_over_de(extract):
    orgs = labelled(extract("Le site fournit le papetier Papeteries du Haut-Lignon depuis 2019."), "ORG")
    assert "Papeteries du Haut-Lignon" in orgs


def test_elided_triggers_find_their_company(extract):
    assert "Ostréa Énergies" in labelled(
        extract("Le groupe est né du rachat d'Ostréa Énergies en 2016."), "ORG"
    )


def test_an_in_brief_column_with_rubrics_names_its_companies(extract):
    text = (
        "En bref : les entreprises du jour\n\n"
        "LOGISTIQUE - Marvaport dément toute négociation avec un concurrent.\n\n"
        "ROBOTIQUE - Exa-Robix voit ses ventes reculer de 12 %.\n\n"
        "INDUSTRIE - Les commandes restent fermes selon la fédération."
    )
    orgs = labelled(extract(text), "ORG")
    assert {"Marvaport", "Exa-Robix"} <= set(orgs)
    assert "Les" not in orgs


def test_a_parent_keeps_its_own_name_beside_its_subsidiary(extract):
    result = extract(
        "Le groupe Dorvane a publié ses comptes. La filiale Dorvane Assurances a collecté 2 milliards "
        "d'euros. Dorvane emploie 9 000 personnes."
    )
    canonicals = {e["text"]: e["canonical"] for e in result["entities"] if e["label"] == "ORG"}
    assert canonicals["Dorvane"] == "Dorvane" and "Dorvane Assurances" in canonicals


@pytest.mark.parametrize(
    "text,company",
    [
        # a product word before a company from a town: the company
        ("La plateforme rennaise de covoiturage Covoiro annonce une levée de fonds.", "Covoiro"),
        # a company named before its offer, after "pour"
        ("La société Brintek grandit. Pour Brintek, son offre de stockage reste la priorité.", "Brintek"),
        # a known company's prefix in a name a company context gives
        ("La société a levé 3 millions d'euros auprès de BNP Paribas Alsace.", "BNP Paribas Alsace"),
    ],
)
def test_names_that_stay_companies(extract, text, company):
    result = extract(text)
    assert company in labelled(result, "ORG")
    assert company not in labelled(result, "PRODUCT")


@pytest.mark.parametrize(
    "text,companies",
    [
        ("Le chiffre d'affaires de l'ESN Datrix pour le premier semestre recule.", {"Datrix"}),
        (
            "Après les rachats de Velmo (par Orvane) et de Quintex (par Brintek), le secteur se concentre.",
            {"Velmo", "Quintex"},
        ),
        ("Le comparateur suédois Pricello, propriété de Varnak, réclame 2 milliards d'euros.", {"Varnak"}),
        (
            "Le groupe a investi 1 million d'euros dans Covélo, une start-up française de l'autopartage.",
            {"Covélo"},
        ),
    ],
)
def test_companies_after_acronym_heads_plural_triggers_and_appositions(extract, text, companies):
    assert companies <= set(labelled(extract(text), "ORG"))


def test_a_place_before_a_definite_apposition_is_no_company(extract):
    assert "Lyon" not in labelled(extract("Installé dans Lyon, le groupe emploie 300 personnes."), "ORG")


def test_a_unit_after_its_number_is_no_product(extract):
    result = extract(
        "Le téléphone mise sur son capteur photo 48 Mégapixels, sa grosse batterie et sa charge rapide."
    )
    assert "Mégapixels" not in labelled(result, "PRODUCT")


def test_a_rubric_word_the_article_writes_in_lowercase_is_no_company(extract):
    text = (
        "Agritech : Semvia lève 5 millions d'euros\n\nLa jeune pousse Semvia a levé 5 millions d'euros. "
        "Le tour intervient dans un marché de l'agritech en repli."
    )
    assert "Agritech" not in labelled(extract(text), "ORG")


@pytest.mark.parametrize(
    "text,label,name,present",
    [
        # a capitalised article opens the name a company word introduces
        (
            "La société a signé avec le groupement Les Vignerons Réunis, qui prévoit 300 points de vente.",
            "ORG",
            "Les Vignerons Réunis",
            True,
        ),
        (
            "Le parquet vise la régie Publivia et l'adtech Ciblix, soupçonnées d'entente.",
            "ORG",
            "Ciblix",
            True,
        ),
        # a technology word in capitals is no product name, nor part of one
        (
            "Les pirates ont exploité une faille de son boîtier VPN Gardix pour entrer.",
            "PRODUCT",
            "Gardix",
            True,
        ),
        (
            "Le véhicule promet 240 kilomètres grâce à une batterie LFP fournie par un fabricant.",
            "PRODUCT",
            "LFP",
            False,
        ),
        # "en ligne" is no product line
        (
            "L'autorité a infligé une amende au comparateur en ligne Trouvix, accusé de favoritisme.",
            "PRODUCT",
            "Trouvix",
            False,
        ),
    ],
)
def test_names_after_company_and_product_words(extract, text, label, name, present):
    assert (name in labelled(extract(text), label)) is present


def test_a_town_before_a_definite_company_word_is_no_company(extract):
    text = "Installée depuis 1998 dans la banlieue de Rennes, la PME familiale fournit l'aéronautique."
    assert "Rennes" not in labelled(extract(text), "ORG")
    text = "La banque détiendra 10 % de Brintek France, la filiale hexagonale du groupe new-yorkais."
    assert "Brintek France" in labelled(extract(text), "ORG")


@pytest.mark.parametrize(
    "text,product",
    [
        (
            "Les clients migreront vers Talvo Connect, la solution de communications unifiées lancée en 2023.",
            "Talvo Connect",
        ),
        (
            "Le plan tient en quelques mots : vendre orbitex, la plateforme d'IA générative lancée en 2023, aux banques.",
            "orbitex",
        ),
        ("Varsovie a déjà commandé des chars R4 et des obusiers R7 aux industriels sud-coréens.", "R7"),
    ],
)
def test_products_before_a_launched_product_word_or_after_a_vehicle_word(extract, text, product):
    assert product in labelled(extract(text), "PRODUCT")


def test_a_company_before_a_launched_company_word_stays_a_company(extract):
    result = extract("Le groupe a racheté Brintek, la société lancée en 2010 par deux ingénieurs.")
    assert "Brintek" not in labelled(result, "PRODUCT")


def test_a_product_named_after_its_company_stays_a_product_after_a_company_word(extract):
    text = (
        "La fintech Boréa a levé 5 millions d'euros. Fondée en 2021, la jeune pousse édite Boréa Flux, "
        "un logiciel de trésorerie. Boréa compte 30 salariés."
    )
    assert "Boréa Flux" in labelled(extract(text), "PRODUCT")
