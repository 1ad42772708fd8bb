"""Deals and moves of branch evd8 (issue #12) told away from their trigger: a round's amount after a
list of investors ('Le tour de table, bouclé auprès de A, B et C, s'élève à N'), a minority stake
('prend une participation minoritaire de 20 % dans Y') and an interim taken by a person whose title
is past ('l'intérim sera assuré par X, jusqu'ici directrice financière'); a partner entrusted with a
job 'dans le cadre d'un contrat' or named after 'Premier client de poids,'; and a round told in a
relative is the company named before it ('... de Zentrova, qui a levé N'), not the main clause's;
a lender giving a loan is not the company raising it; on sentences written for the project
(invented companies and people)."""

from __future__ import annotations

from tests.nlp.test_events_syntax import events


def test_a_round_s_amount_told_after_its_investors(extract):
    text = (
        "La start-up Vorelia poursuit sa croissance\n\n"
        "Le tour de table, bouclé auprès de Kima Ventures, d'Elaia et de Bpifrance, s'élève à 8 millions d'euros."
    )
    found = [(e["org"], e["amount"]["value"]) for e in events(extract, text, "funding")]
    assert found == [("Vorelia", 8e6)]


def test_a_minority_stake_is_an_acquisition_with_its_share(extract):
    text = "Le groupe Vorelia prend une participation minoritaire de 20 % dans la start-up Kalidor."
    found = [(e["org"], e["target"], e.get("stake")) for e in events(extract, text, "acquisition")]
    assert found == [("Vorelia", "Kalidor", 20.0)]


def test_the_interim_is_taken_by_a_person_whose_title_is_past(extract):
    text = (
        "Paul Brun quitte la présidence de Vorelia. L'intérim sera assuré par Léa Morel, "
        "jusqu'ici directrice financière."
    )
    moves = {(e["kind"], e["person"]) for e in extract(text)["events"]}
    assert ("appointment", "Léa Morel") in moves and ("departure", "Léa Morel") not in moves


PARTNERS = {
    "entrusted with a job under a contract": (
        "Le groupe Ferlane confiera la maintenance de ses capteurs à Kalidor dans le cadre d'un contrat "
        "de cinq ans.",
        ("Ferlane", "Kalidor"),
    ),
    "a first client before a comma": (
        "La start-up Vorelia dévoile un capteur de vibrations. Premier client de poids, Airbus a commandé "
        "300 capteurs.",
        ("Vorelia", "Airbus"),
    ),
}


def test_partners_told_away_from_avec(extract):
    found = {
        case: [(e["org"], e["partner"]) for e in events(extract, text, "partnership")]
        for case, (text, _) in PARTNERS.items()
    }
    assert found == {case: [pair] for case, (_, pair) in PARTNERS.items()}


def test_a_round_told_in_a_relative_is_the_company_named_before_it(extract):
    text = "Vorelia fait face à la concurrence de Zentrova, qui a levé 48 millions d'euros."
    assert [e["org"] for e in events(extract, text, "funding")] == ["Zentrova"]


LENT = {
    "a loan, the verb told once for two lenders": (
        "La start-up Brelvia construit sa première usine à Nantes. L'État apporte une subvention de "
        "5 millions d'euros et la Banque européenne d'investissement (BEI) un prêt de 20 millions d'euros."
    ),
    "an aid before a round": (
        "La start-up Brelvia conçoit des capteurs. L'Ademe lui accorde alors une aide de 1,8 million "
        "d'euros, avant une série A de 12 millions d'euros bouclée auprès d'Eurazeo."
    ),
    "a giving verb in the subject's relative": (
        "Brelvia, qui apporte aux usines des capteurs connectés, lève 6 millions d'euros auprès d'Elaia."
    ),
}


def test_the_one_who_gives_the_money_is_not_the_company_raising_it(extract):
    found = {case: [e["org"] for e in events(extract, text, "funding")] for case, text in LENT.items()}
    assert found == {case: ["Brelvia"] for case in LENT}


NO_EVENT = {
    "a contract with no company entrusted": (
        "Le groupe Ferlane confiera la maintenance de ses capteurs à un prestataire dans le cadre d'un "
        "contrat de cinq ans.",
        "partnership",
    ),
    "a stake held": ("Vorelia détient une participation de 20 % dans Kalidor depuis 2019.", "acquisition"),
    "a round's size far from a verb of amount": (
        "Le tour de table, bouclé auprès de Kima Ventures, d'Elaia et de Bpifrance, a permis de recruter "
        "des ingénieurs et d'ouvrir un bureau à Lyon, pour 8 millions d'euros de ventes.",
        "funding",
    ),
    "an interim told of the past": (
        "Paul Brun, ancien directeur général de Vorelia, évoque l'intérim qu'il avait assuré en 2019.",
        "appointment",
    ),
}


def test_far_shapes_that_give_no_event(extract):
    fired = {case: found for case, (text, kind) in NO_EVENT.items() if (found := events(extract, text, kind))}
    assert fired == {}
