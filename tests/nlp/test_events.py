"""The veille_events component on sentences written for the project, and the event quality floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from nlp.event_scoring import score_events
from nlp.events import sentence_starts

DATA = Path(__file__).parent / "data"
FLOORS = json.loads((Path(__file__).resolve().parents[2] / "nlp" / "event_baseline.json").read_text("utf-8"))


def events(extract, text: str, kind: str | None = None, background: bool | None = False) -> list[dict]:
    found = extract(text)["events"]
    return [
        e
        for e in found
        if (kind is None or e["kind"] == kind) and (background is None or e["background"] == background)
    ]


def moves(extract, text: str) -> set[tuple[str, str, str]]:
    """(kind, person, company) of the reported events of a text."""
    return {(e["kind"], e.get("person"), e["org"]) for e in events(extract, text)}


def test_pipeline_has_veille_events_after_veille_roles(nlp):
    names = nlp.pipe_names
    assert names.index("veille_events") == names.index("veille_roles") + 1


def test_funding_with_amount_investors_sentence_and_rule(extract):
    text = "La start-up Kalistro lève 12 millions d'euros auprès de Fonds Azur et de Capital Lune."
    [event] = events(extract, text, "funding")
    assert event["org"] == "Kalistro"
    assert event["amount"] == {"value": 12e6, "currency": "EUR"}
    assert set(event["investors"]) >= {"Fonds Azur"}
    assert event["sentence"] == text and event["rule"] == "funding.active"
    assert text[event["start"] : event["end"]] == text


def test_acquisition_active_and_passive_with_amount(extract):
    [active] = events(extract, "Le groupe Brintek rachète Datapli pour 270 millions d'euros.", "acquisition")
    assert (active["org"], active["target"], active["amount"]["value"]) == ("Brintek", "Datapli", 270e6)
    [passive] = events(extract, "Datapli, fondée à Lyon, a été rachetée par Brintek.", "acquisition")
    assert (passive["org"], passive["target"]) == ("Brintek", "Datapli")


def test_succession_gives_an_appointment_and_a_departure(extract):
    text = (
        "Le groupe Valorix a annoncé la nomination de Jeanne Morel comme directrice générale de Valorix, "
        "en remplacement de Paul Rey."
    )
    found = moves(extract, text)
    assert ("appointment", "Jeanne Morel", "Valorix") in found
    assert ("departure", "Paul Rey", "Valorix") in found


def test_launch_needs_the_product_as_object(extract):
    # the parser cuts this sentence after 'smartphone': the event reads the whole sentence
    [launch] = events(extract, "Hexatel dévoile le smartphone Nova 5.", "launch")
    assert (launch["org"], launch["product"]) == ("Hexatel", "Nova 5")
    assert events(extract, "Hexatel a présenté ses résultats, et le Nova 5 se vend bien.", "launch") == []


def test_layoffs_count_before_or_after_the_trigger(extract):
    [plan] = events(
        extract, "Le fabricant Hexatel annonce la suppression de 1 200 postes en Europe.", "layoffs"
    )
    assert (plan["org"], plan["count"]) == ("Hexatel", 1200)
    [volunteers] = events(extract, "Hexatel prépare un plan de 800 départs volontaires.", "layoffs")
    assert volunteers["count"] == 800


def test_legal_concerns_the_company_not_the_authority(extract):
    text = "La CNIL inflige une amende de 2 millions d'euros à la société Ciblora."
    [fine] = events(extract, text, "legal")
    assert fine["org"] == "Ciblora" and fine["amount"]["value"] == 2e6


def test_background_mention_is_marked(extract):
    text = "Le groupe Brintek, qui avait racheté la société Datapli en 2008, lance une nouvelle offre."
    past = [e for e in events(extract, text, "acquisition", background=None)]
    assert past and all(e["background"] for e in past)


@pytest.mark.parametrize(
    "text",
    [
        "Brintek dément toute discussion en vue de racheter Datapli.",
        "Brintek pourrait racheter Datapli selon la presse.",
        "Brintek ne rachètera pas Datapli.",
    ],
)
def test_denials_rumours_and_negations_are_no_events(extract, text):
    assert events(extract, text, "acquisition", background=None) == []


def test_a_text_without_company_has_no_event(extract):
    assert extract("Il pleut sur Lyon ce matin.")["events"] == []


@pytest.mark.parametrize("name", sorted(FLOORS["floors"]))
def test_event_quality_does_not_fall_below_the_baseline(nlp, name):
    from nlp import extract_texts

    golds = [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines() if line.strip()]
    predictions = dict(
        zip((g["id"] for g in golds), extract_texts(nlp, (g["text"] for g in golds)), strict=True)
    )
    scores = score_events(golds, predictions)["scores"]
    for label, floor in FLOORS["floors"][name].items():
        assert scores[label]["f"] >= floor, f"{name}: {label} F1 {scores[label]['f']:.3f} < floor {floor}"


def test_a_line_break_ends_the_sentence_of_an_event(extract):
    # Before: the parser ran on over the paragraph break and the results took the year of the aside
    text = (
        "Le groupe Valorix recrute.\n\n"
        "Datapli, qui emploie 80 personnes, a réalisé un chiffre d'affaires de 9 millions d'euros en 2024"
    )
    [result] = events(extract, text, "results")
    assert result["sentence"].startswith("Datapli") and result["period"] == "en 2024"


def test_a_year_in_an_aside_does_not_make_the_event_background(extract):
    text = "La société Datapli, fondée en 2017, lance Nuvio, un assistant pour les urgences. Nous sommes en 2025."
    [launch] = events(extract, text, "launch")
    assert launch["product"] == "Nuvio"


def test_a_deal_told_in_the_conditional_is_no_event(extract):
    # the tagger reads 'interviendrait' as an indicative: the ending tells the conditional
    text = "La levée de fonds de 20 millions d'euros de Datapli interviendrait en juin."
    assert events(extract, text, "funding", background=None) == []
    text = "Médicalis prépare une levée de fonds de 40 millions d'euros, qui pourrait être annoncée en mai."
    assert events(extract, text, "funding", background=None) == []
    # a conditional about the object of a verb does not hedge the verb
    [funding] = events(
        extract, "Datapli lève 20 millions d'euros, une somme qui pourrait doubler.", "funding"
    )
    assert funding["amount"]["value"] == 20e6


def test_appointment_company_is_the_one_the_title_names_not_the_former_employer(extract):
    text = (
        "Le directeur juridique de Valorix, Paul Rey, quitte l'entreprise. "
        "Jeanne Morel, jusqu'ici directrice de la propriété intellectuelle de Brintek, "
        "est nommée directrice juridique."
    )
    [appointment] = events(extract, text, "appointment")
    assert (appointment["person"], appointment["org"]) == ("Jeanne Morel", "Valorix")
    assert appointment["title"] == "directrice juridique"
    text = "Jeanne Morel, ex-Brintek, devient directrice financière de Valorix."
    [appointment] = events(extract, text, "appointment")
    assert appointment["org"] == "Valorix"


def test_an_arrival_and_its_predecessor_take_the_company_of_the_passage(extract):
    # Before: the company of 'l'entreprise' was the last one named, across the paragraph break
    # (Brintek, a supplier), and the predecessor two sentences on left the same wrong company
    text = (
        "Le groupe Valorix a signé un contrat avec Brintek.\n\n"
        "Pour accompagner sa croissance, l'entreprise annonce l'arrivée de Jeanne Morel au poste de "
        "directrice commerciale. Elle a passé douze ans chez Datapli. Elle succède à Paul Rey, qui part "
        "à la retraite."
    )
    found = moves(extract, text)
    assert ("appointment", "Jeanne Morel", "Valorix") in found
    assert ("departure", "Paul Rey", "Valorix") in found


def test_leaving_the_group_is_leaving_the_company_of_the_passage(extract):
    text = (
        "Valorix a remanié sa direction : Jeanne Morel, ex-Brintek, a été nommée directrice produit, "
        "tandis que le directeur commercial, Paul Rey, a quitté le groupe."
    )
    found = moves(extract, text)
    assert ("departure", "Paul Rey", "Valorix") in found


def test_the_company_of_an_aside_is_not_the_subject(extract):
    # Before: 'Valorix' (after 'par le fonds') was the company reporting the results, and a buyer
    text = (
        "Sopra Steria, lui-même racheté en 2019 par le fonds Eurazeo, qui en détient la majorité, revendique "
        "un chiffre d'affaires de 134 millions d'euros sur l'exercice 2024."
    )
    [result] = events(extract, text, "results")
    assert result["org"] == "Sopra Steria"
    acquisitions = events(extract, text, "acquisition", background=None)
    assert [(e["org"], e["target"]) for e in acquisitions] == [("Eurazeo", "Sopra Steria")]


def test_a_forecast_and_a_loss_beside_the_revenue_are_not_the_results(extract):
    text = "Sur l'exercice 2024, Capgemini a essuyé une perte nette de 22 millions d'euros, pour un chiffre d'affaires de 168 millions d'euros."
    [result] = events(extract, text, "results")
    assert result["amount"]["value"] == 168e6
    text = "Son patron, chez Brintek, prévoit l'atteinte d'un chiffre d'affaires de 300 millions d'euros."
    assert events(extract, text, "results", background=None) == []


def test_an_agreement_noun_with_its_partner_a_few_words_on(extract):
    text = "Capgemini a signé un contrat d'approvisionnement en batteries avec le chinois Alstom."
    [deal] = events(extract, text, "partnership")
    assert (deal["org"], deal["partner"], deal["rule"]) == ("Capgemini", "Alstom", "partnership.noun")
    # an agreement in force is no news, and a company of the next clause is no partner
    text = "Capgemini souffre de la renégociation de son contrat d'hébergement avec Alstom."
    assert events(extract, text, "partnership", background=None) == []
    text = "Capgemini décroche un contrat avec la région et recrute chez Alstom."
    assert events(extract, text, "partnership", background=None) == []


@pytest.mark.parametrize(
    "text",
    [
        "Capgemini n'a pas l'intention de racheter Atos, a précisé son PDG.",
        "Capgemini serait en passe de racheter Atos.",
    ],
)
def test_a_denied_or_rumoured_deal_is_no_event(extract, text):
    assert events(extract, text, "acquisition", background=None) == []


def test_a_negation_in_another_clause_does_not_cancel_the_deal(extract):
    [deal] = events(extract, "Capgemini rachète Atos, qui n'a pas su se redresser.", "acquisition")
    assert deal["target"] == "Atos"


def test_a_deal_told_with_il_y_a_is_background(extract):
    text = "Capgemini, racheté par Atos il y a dix ans, lève 20 millions d'euros."
    [deal] = events(extract, text, "acquisition", background=True)
    assert (deal["org"], deal["target"]) == ("Atos", "Capgemini")
    assert events(extract, text, "funding")


def test_job_cuts_told_piece_by_piece_are_one_plan_with_the_total(extract):
    text = (
        "Capgemini ferme son studio de Montréal. Les 64 salariés du studio perdront leur emploi, "
        "auxquels s'ajoutent 30 suppressions de postes au siège. Au total, 94 postes sont supprimés."
    )
    [cuts] = events(extract, text, "layoffs")
    assert (cuts["org"], cuts["count"]) == ("Capgemini", 94)


def test_ceding_the_chair_is_a_departure(extract):
    text = "Chez Capgemini, le directeur général Paul Hermelin cède son fauteuil à Aiman Ezzat."
    assert ("departure", "Paul Hermelin", "Capgemini") in moves(extract, text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a role told beside 'devient' / 'arrivée' with no title after it is no appointment
        (
            "« Cela devient une activité très rentable », explique Jean Dupont (PDG de Capgemini).",
            "appointment",
        ),
        (
            "Son président, Jean Dupont, voit dans cette arrivée un accélérateur pour Capgemini.",
            "appointment",
        ),
        # 'la transaction' is the deal, not a legal settlement; 's'appuyer sur' a supplier is no partnership
        ("La transaction, payée en numéraire, valorise Capgemini à 850 millions d'euros.", "legal"),
        ("Capgemini s'appuie sur les nouveaux processeurs Xeon d'Intel.", "partnership"),
    ],
)
def test_words_of_many_uses_give_no_event(extract, text, kind):
    assert events(extract, text, kind, background=None) == []


def test_a_shutdown_object_leaves_out_the_preposition_the_determiner_and_the_deadline(extract):
    [shutdown] = events(extract, "Orange a annoncé la fermeture de son réseau cuivre d'ici 2030.", "shutdown")
    assert shutdown["product"] == "réseau cuivre"  # as annotated (EVENTS.md examples: 'site de Niort')


def test_the_owner_of_a_subsidiary_bought_is_not_a_second_target(extract):
    text = "Swile rachète Bimpli. La licorne Swile met la main sur la filiale de BPCE."
    found = events(extract, text, "acquisition", background=None)
    assert [(e["org"], e["target"]) for e in found] == [("Swile", "Bimpli")]


def test_a_subsidiary_named_by_its_parent_is_the_company_not_the_parent(extract):
    text = (
        "Changement de direction chez Engie Solutions.\n\n"
        "La filiale de services d'Engie a annoncé lundi la nomination de Claire Vidal au poste de "
        "directrice générale."
    )
    found = moves(extract, text)
    assert ("appointment", "Claire Vidal", "Engie Solutions") in found
    assert not any(org == "Engie" for _, _, org in found)


@pytest.mark.parametrize(
    ("text", "kind", "org", "main"),
    [
        (  # a reference noun with a relative clause: the company of the sentence before
            "Datapli ouvre un bureau à Nantes.\n\nCréée en 2019 par Louis Marin et Anne Roy, deux anciens de "
            "Capgemini, Datapli revendique 200 clients, parmi lesquels Carrefour. La start-up, qui emploie 40 "
            "salariés, a réalisé l'an dernier un chiffre d'affaires de 3,5 millions d'euros.",
            "results",
            "Datapli",
            3.5e6,
        ),
        (  # the company before 'qui' is the subject of the relative clause
            "Pour Datapli, qui a réalisé en 2025 un chiffre d'affaires de 63 millions d'euros, la décision "
            "tombe mal.",
            "results",
            "Datapli",
            63e6,
        ),
        (  # a possessive opening a sentence: the company of the event told just before
            "Kalistro a ouvert un bureau à Lyon.\n\nEn 2024, elle avait levé 10 millions d'euros auprès d'Elaia "
            "et de la Banque des Territoires, filiale de la Caisse des Dépôts. Son chiffre d'affaires avait "
            "atteint 4 millions d'euros en 2025.",
            "results",
            "Kalistro",
            4e6,
        ),
        (  # job cuts in a plan the manager launched are the company's, not his former employer's
            "Kalistro a publié des ventes en recul. Arrivé en 2025 en provenance de Capgemini, le dirigeant a "
            "engagé un plan de transformation, qui prévoit la suppression de quelque 500 postes.",
            "layoffs",
            "Kalistro",
            500,
        ),
    ],
)
def test_the_subject_behind_a_relative_or_a_reference_noun(extract, text, kind, org, main):
    [event] = events(extract, text, kind)
    assert (event["org"], event.get("count") or event["amount"]["value"]) == (org, main)


def test_a_plural_reference_noun_stands_for_no_single_company(extract):
    text = "Kalistro a ouvert un bureau. Les start-up françaises lèvent 700 millions d'euros en avril."
    assert events(extract, text, "funding") == []


def test_announcing_the_end_of_a_product_is_a_shutdown_not_a_launch(extract):
    text = (
        "Datapli, la start-up nantaise qui louait des trottinettes électriques dans une dizaine de villes, a "
        "annoncé lundi l'arrêt de son service Datapli Go à compter du 31 mars."
    )
    found = [(e["kind"], e["org"], e.get("product")) for e in events(extract, text)]
    assert found == [("shutdown", "Datapli", "Datapli Go")]


def test_a_reference_noun_the_parse_leaves_without_a_verb_is_the_article_s_company(extract):
    text = (
        "Kalistro ouvre un bureau.\n\nSon capteur équipe une usine dans le cadre d'un contrat signé avec "
        "Engie Solutions, filiale du groupe Engie. La start-up vient par ailleurs de signer un accord avec le "
        "chantier naval Piriou."
    )
    found = {(e["org"], e["partner"]) for e in events(extract, text, "partnership")}
    assert ("Kalistro", "Piriou") in found
    assert not any(org == "Engie" for org, _ in found)


def test_a_full_stop_then_a_capital_starts_a_sentence_where_the_parser_ran_on():
    doc = spacy.blank("fr")(
        "Elle a levé 10 M€ auprès de la Caisse des Dépôts. Son chiffre, selon J. Martin, monte."
    )
    ctx = type("Ctx", (), {"sent_starts": [0]})()  # the parser saw one sentence
    starts = sentence_starts(doc, ctx)
    assert [doc[i].text for i in starts] == ["Elle", "Son"]


def test_a_word_after_a_closing_quote_is_a_verb_of_saying_not_an_appointment(extract):
    text = (
        "Datapli a recruté Paul Rey comme directeur commercial. « Nous devons grandir vite », confie Jeanne "
        "Morel, présidente de Datapli."
    )
    assert moves(extract, text) == {("appointment", "Paul Rey", "Datapli")}


def test_an_agreement_told_again_from_the_partner_s_side_is_one_partnership(extract):
    text = (
        "Valorix s'allie à la fintech nantaise Datapli pour automatiser ses factures.\n\nDatapli annonce par "
        "ailleurs l'ouverture d'un bureau à Lyon. Le montant financier du partenariat avec Valorix n'a pas été "
        "dévoilé."
    )
    found = [(e["org"], e["partner"]) for e in events(extract, text, "partnership")]
    assert found == [("Valorix", "Datapli")]


def test_an_investor_joining_a_board_takes_a_seat_at_the_company_not_at_the_fund(extract):
    text = (
        "Datapli lève 8 millions d'euros auprès d'Elaia. « Le marché est porteur », souligne Claire Vidal, "
        "associée chez Elaia, qui rejoint à cette occasion le conseil d'administration de Datapli."
    )
    [seat] = events(extract, text, "appointment")
    assert (seat["org"], seat["person"], seat["title"]) == (
        "Datapli",
        "Claire Vidal",
        "conseil d'administration",
    )


def test_a_suit_by_an_association_is_a_second_legal_case_beside_a_fine(extract):
    text = (
        "La CNIL inflige 2 millions d'euros d'amende à Datapli. L'association de consommateurs UFC-Que Choisir "
        "a assigné Datapli devant le tribunal judiciaire de Lille en octobre."
    )
    found = {(e["org"], e.get("authority"), e.get("counterparty")) for e in events(extract, text, "legal")}
    assert found == {("Datapli", "CNIL", None), ("Datapli", None, "UFC")}
