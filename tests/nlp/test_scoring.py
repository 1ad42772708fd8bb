"""The evaluation rules (document level, aliases, optional entries, value tolerance)."""

from __future__ import annotations

from nlp.scoring import normalise, score


def scores(gold, entities=(), roles=()):
    gold = {"id": "d", "text": "", **gold}
    return score([gold], {"d": {"entities": list(entities), "roles": list(roles)}})["scores"]


def test_normalise_ignores_accents_case_punctuation():
    assert normalise("L'Oréal & Co.") == normalise("l oreal and co")


def test_alias_or_canonical_matches_and_repeats_count_once():
    s = scores(
        {"orgs": [["Hewlett-Packard", "HP"]]},
        [
            {"label": "ORG", "text": "HP"},
            {"label": "ORG", "text": "HP"},
            {"label": "ORG", "text": "la firme", "canonical": "Hewlett-Packard"},
        ],
    )
    assert (s["ORG"]["tp"], s["ORG"]["fp"], s["ORG"]["fn"]) == (1, 0, 0)


def test_optional_entries_are_neutral():
    s = scores(
        {"orgs": [["Cisco"]], "orgs_optional": [["Silicon.fr"]]},
        [
            {"label": "ORG", "text": "Cisco"},
            {"label": "ORG", "text": "Silicon.fr"},
            {"label": "ORG", "text": "Nulle Part"},
        ],
    )
    assert (s["ORG"]["tp"], s["ORG"]["fp"]) == (1, 1)


def test_money_needs_value_within_half_a_percent_and_currency():
    gold = {"money": [{"value": 38e9, "currency": "USD"}, {"value": 8e9, "currency": None}]}
    s = scores(
        gold,
        [
            {"label": "MONEY", "value": 38.1e9, "currency": "USD"},
            {"label": "MONEY", "value": 8e9, "currency": "EUR"},
            {"label": "MONEY", "value": 38e9, "currency": "EUR"},
        ],
    )
    assert (s["MONEY"]["tp"], s["MONEY"]["fp"], s["MONEY"]["fn"]) == (2, 1, 0)


def test_roles_match_org_through_gold_aliases():
    gold = {"orgs": [["HP", "Hewlett-Packard"]], "roles": [{"person": "Mark Lewis", "org": "HP"}]}
    s = scores(
        gold,
        roles=[{"person": "Mark Lewis", "org": "Hewlett-Packard"}, {"person": "Mark Lewis", "org": "Cisco"}],
    )
    assert (s["ROLE"]["tp"], s["ROLE"]["fp"]) == (1, 1)


def test_empty_prediction_has_perfect_precision_zero_recall():
    s = scores({"people": [["Ada Lovelace"]]})
    assert s["PERSON"]["p"] == 1.0 and s["PERSON"]["r"] == 0.0 and s["ALL"]["f"] == 0.0
