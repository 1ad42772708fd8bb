"""The ordered label rules of canonical.resolve: each returns a named verdict or passes."""

from __future__ import annotations

import pytest
import spacy

from nlp import article_rules
from nlp.article_rules import Article, Verdict, run_label_rules
from nlp.lexicon import word_lists
from nlp.rules import Candidate
from tests.nlp.conftest import labelled


def _article(text: str) -> Article:
    doc = spacy.blank("fr")(text)
    return Article(doc, {}, word_lists(), set(), set(), set(), {}, set(), set())


def test_a_final_verdict_ends_the_run_and_keeps_its_name(monkeypatch):
    seen = []

    def first(art, c):
        seen.append("first")
        return Verdict("ORG", "first_rule", canonical="Valtrex", final=True)

    def second(art, c):
        seen.append("second")
        return Verdict("DROP", "second_rule")

    monkeypatch.setattr(article_rules, "LABEL_RULES", [first, second])
    c = Candidate(0, 1, "LOC", "model")
    run_label_rules(_article("Valtrex recrute."), c)
    assert (c.label, c.canonical, seen) == ("ORG", "Valtrex", ["first"])
    assert c.rule_name == "model > first_rule->ORG"


def test_a_later_rule_refines_a_verdict_that_is_not_final(monkeypatch):
    def to_org(art, c):
        return Verdict("ORG", "to_org")

    def drop_org(art, c):
        return Verdict("DROP", "drop_org") if c.label == "ORG" else None

    def passes(art, c):
        return None

    monkeypatch.setattr(article_rules, "LABEL_RULES", [to_org, passes, drop_org])
    c = Candidate(0, 1, "LOC", "model")
    run_label_rules(_article("Valtrex recrute."), c)
    assert c.changes == ["to_org->ORG", "drop_org->DROP"]


def test_every_label_rule_is_a_named_function():
    names = [rule.__name__ for rule in article_rules.LABEL_RULES]
    assert len(set(names)) == len(names) and all(n.isidentifier() and not n.startswith("<") for n in names)
    assert names[:2] == ["trim_product_head", "former_employer"]  # final verdicts: nothing later undoes them


def test_former_employer_is_explained_by_its_rule(extract):
    text = "Le groupe Valtrex recrute. Paul Morin (ex-Valtrex) dirigera la division."
    rules = {e["text"]: e["rule"] for e in extract(text)["entities"] if e["label"] == "ORG"}
    assert rules.get("ex-Valtrex", "").endswith("former_employer->ORG")


def test_a_name_ending_with_a_model_number_is_a_product(extract):
    text = "Le studio Pixelune prépare Brume Cavaliers 2. Brume Cavaliers 2 sortira en mars sur consoles."
    result = extract(text)
    assert "Brume Cavaliers 2" in labelled(result, "PRODUCT")
    assert "Brume Cavaliers 2" not in labelled(result, "ORG")


def test_a_year_after_a_name_is_no_model_number():
    from nlp.article_rules import model_number

    doc = spacy.blank("fr")("Salon 2025 Nova 3 Kirel II Vexa Pro K9 710A")
    flags = [model_number(t, word_lists()) for t in doc]
    assert [t.text for t, flag in zip(doc, flags, strict=True) if flag] == ["3", "II", "Pro", "710A"]


def test_a_company_and_a_division_word_is_a_company_not_a_product(extract):
    text = "Le groupe Valtrex a signé un contrat Valtrex Renouvelables avec la région. Valtrex recrute."
    result = extract(text)
    assert "Valtrex Renouvelables" in labelled(result, "ORG")
    assert "Valtrex Renouvelables" not in labelled(result, "PRODUCT")


@pytest.mark.parametrize("word", ["AG", "PSE", "PGE"])
def test_corporate_acronyms_are_not_companies(extract, word):
    text = f"Le groupe Valtrex a présenté son {word} lundi. Le {word} prévoit 40 départs selon Valtrex."
    assert word not in labelled(extract(text), "ORG")


@pytest.mark.parametrize(
    "text,product",
    [
        ("Le Vexaphone intègre une puce Snapdragon 8G2 gravée en 4 nm.", "Snapdragon 8G2"),
        ("Samsung présentera jeudi le Galaxy S9 Edge+ à Berlin.", "Galaxy S9 Edge+"),
        ("Chez Valtrex, les données migrent de Hadoop vers Elasticsearch cette année.", "Elasticsearch"),
    ],
)
def test_known_products_take_their_model_code(extract, text, product):
    assert product in labelled(extract(text), "PRODUCT")


def test_capitalised_sector_words_are_a_business_line_not_a_company(extract):
    text = (
        "Pour le groupe Valtrex, la branche Défense, Espace et Sécurité Publique a progressé de 6 %. "
        "L'activité Aéronautique, Energie et Industrie a reculé, comme Valtrex l'avait prévu."
    )
    orgs = labelled(extract(text), "ORG")
    assert "Valtrex" in orgs
    assert not {"Défense", "Aéronautique", "Industrie", "Energie", "Espace et Sécurité Publique"} & set(orgs)


def test_a_capitalised_product_word_is_not_part_of_the_name(extract):
    result = extract("Herbicide Vertalis : Norvane attaqué en justice\nLe Vertalis est retiré du marché.")
    assert "Vertalis" in labelled(result, "PRODUCT")
    assert not any("Herbicide" in name for name in labelled(result, "PERSON"))
