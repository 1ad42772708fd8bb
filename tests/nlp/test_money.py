"""Amounts and percentages from text alone (no model): French number formats, currencies, ranges."""

from __future__ import annotations

import pytest

from nlp.lexicon import read_jsonl
from nlp.money import QuantityParser, parse_number


@pytest.fixture(scope="module")
def parser():
    return QuantityParser(read_jsonl("currencies.jsonl"))


def amounts(parser, text):
    return [(q.value, q.currency) for q in parser.find(text) if q.label == "MONEY"]


def percents(parser, text):
    return [q.value for q in parser.find(text) if q.label == "PERCENT"]


@pytest.mark.parametrize(
    "text,value,currency",
    [
        ("Le marché pèserait 38 milliards de dollars en 2027.", 38e9, "USD"),
        ("Une acquisition de 250 M€ a été bouclée.", 250e6, "EUR"),
        ("Le groupe lève 1,5 Md€ auprès de ses actionnaires.", 1.5e9, "EUR"),
        ("La start-up a levé 2,3 millions d'euros.", 2.3e6, "EUR"),
        ("La start-up a levé 2,3 millions d’euros.", 2.3e6, "EUR"),
        ("Le ticket moyen atteint 12 000 € par client.", 12000, "EUR"),
        ("Le ticket moyen atteint 12\u202f000 € par client.", 12000, "EUR"),
        ("L'application coûte $5 aux États-Unis.", 5, "USD"),
        ("Le fonds gère 1,3 milliard de gourdes.", 1.3e9, "HTG"),
        ("Le chiffre d'affaires trimestriel atteint 247,8 milliards de dollars de Taïwan.", 247.8e9, "TWD"),
        ("Il a été racheté pour 3 milliards et demi d'euros.", 3.5e9, "EUR"),
        ("Le budget est de 10 k€ et le contrat de 4 M$.", 10e3, "EUR"),
        ("La banque a perdu 800 millions de livres sterling.", 800e6, "GBP"),
        ("Un investissement de 120 millions de francs suisses.", 120e6, "CHF"),
        ("Un contrat de 2 milliards de yens.", 2e9, "JPY"),
        ("La valorisation dépasse 1 milliard d'euros.", 1e9, "EUR"),
    ],
)
def test_money_forms(parser, text, value, currency):
    assert (pytest.approx(value), currency) in [(pytest.approx(v), c) for v, c in amounts(parser, text)]
    assert amounts(parser, text)[0] == (pytest.approx(value), currency)


def test_rate_is_kept_with_the_amount(parser):
    [q] = parser.find("L'offre est facturée 5 dollars par utilisateur et par mois.")
    assert (q.value, q.currency, q.rate) == (5, "USD", "par utilisateur et par mois")


def test_currency_shared_by_countries_comes_from_the_article(parser):
    swedish = "Le groupe suédois a réalisé 20,3 milliards de couronnes de ventes."
    danish = "Le groupe danois a réalisé 20,3 milliards de couronnes de ventes."
    assert amounts(parser, swedish) == [(pytest.approx(20.3e9), "SEK")]
    assert amounts(parser, danish) == [(pytest.approx(20.3e9), "DKK")]


def test_range_gives_two_amounts_with_the_same_currency(parser):
    text = "Le rachat est évalué entre 50 millions et 100 millions d'euros."
    assert amounts(parser, text) == [(50e6, "EUR"), (100e6, "EUR")]
    text = "Le rachat est évalué entre 50 et 100 millions d'euros."
    assert amounts(parser, text) == [(50e6, "EUR"), (100e6, "EUR")]


def test_a_year_before_a_range_word_is_not_an_amount(parser):
    assert amounts(parser, "De 2019 à 5 millions d'euros de pertes.") == [(5e6, "EUR")]


@pytest.mark.parametrize(
    "text",
    [
        "Le forfait inclut 5 Go de données.",
        "Le dirigeant, 62 ans, quitte ses fonctions.",
        "L'entreprise compte 250 salariés.",
        "Elle revendique 3 millions d'utilisateurs.",
        "Ils seraient 20 000 au plan mondial.",
    ],
)
def test_quantities_that_are_not_money(parser, text):
    assert amounts(parser, text) == []


def test_scaled_amount_without_currency_takes_the_article_currency(parser):
    text = "Le groupe a gagné 2 milliards de dollars. Sa division cloud pèse 8 milliards chez lui."
    assert amounts(parser, text) == [(2e9, "USD"), (8e9, "USD")]


def test_the_billion_named_without_a_number(parser):
    assert amounts(parser, "Il a franchi le cap du milliard de dollars.") == [(1e9, "USD")]


@pytest.mark.parametrize(
    "text,values",
    [
        ("La marge progresse de 12%.", [12.0]),
        ("Le taux atteint 3,12 % sur un an.", [3.12]),
        ("Le rendement est de 0,55 %.", [0.55]),
        ("La croissance sera comprise entre 5 % et 6 %.", [5.0, 6.0]),
        ("La croissance sera comprise entre 5 et 6 %.", [5.0, 6.0]),
        ("Une hausse de 15 pour cent des ventes.", [15.0]),
    ],
)
def test_percent_forms(parser, text, values):
    assert percents(parser, text) == values


@pytest.mark.parametrize(
    "raw,value",
    [
        ("1,5", 1.5),
        ("12 000", 12000),
        ("12\u00a0000", 12000),
        ("1.500", 1500),
        ("3.5", 3.5),
        ("−2", -2),
    ],
)
def test_parse_number_french_formats(raw, value):
    assert parse_number(raw) == value


def test_bare_amount_takes_the_currency_of_the_amount_just_before(parser):
    text = (
        "Le prêt atteint 970 milliards de yens et 100 milliards de yens. "
        "La cible a réalisé 263 millions de dollars de ventes, pour un bénéfice net de 58 millions."
    )
    assert (58e6, "USD") in amounts(parser, text)


def test_part_of_an_amount_inherits_its_currency(parser):
    text = "L'investissement atteindra 400 millions d’euros, dont 120 millions d’aides publiques."
    assert (120e6, "EUR") in amounts(parser, text)


def test_bare_number_after_a_count_is_not_money(parser):
    text = "Le réseau a coûté 2 milliards d'euros. Nous couvrons 36 millions de prises et visons 40 millions."
    assert all(value != 40e6 for value, _ in amounts(parser, text))


def test_a_date_is_not_money(parser):
    assert amounts(parser, "Paris, le 12 mars. Le contrat vaut 3 millions d'euros.") == [(3e6, "EUR")]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("La jeune pousse lève vingt-cinq millions d'euros.", [(25e6, "EUR")]),
        ("Le fonds apporte trois cents millions de dollars.", [(300e6, "USD")]),
        ("Un contrat de quatre-vingt-dix millions d’euros.", [(90e6, "EUR")]),
        ("La facture atteint vingt et un milliards de dollars.", [(21e9, "USD")]),
        ("Il a cédé ses parts pour cinq cent mille euros.", [(500e3, "EUR")]),
        ("Elle vise entre vingt et trente millions d'euros.", [(20e6, "EUR"), (30e6, "EUR")]),
        ("Un abonnement à deux euros par mois.", [(2, "EUR")]),
    ],
)
def test_french_number_words(parser, text, expected):
    assert amounts(parser, text) == expected


def test_number_words_before_a_count_are_no_money(parser):
    assert amounts(parser, "Le service compte dix millions de clients et le dollar baisse.") == []
