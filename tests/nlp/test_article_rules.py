"""The ordered label rules of canonical.resolve: each returns a named verdict or passes."""

from __future__ import annotations

import spacy

from nlp import article_rules
from nlp.article_rules import Article, Verdict, run_label_rules
from nlp.lexicon import word_lists
from nlp.rules import Candidate


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
    assert names[0] == "former_employer"  # it ends the run: the later rules must not undo it


def test_former_employer_is_explained_by_its_rule(extract):
    text = "Le groupe Valtrex recrute. Paul Morin (ex-Valtrex) dirigera la division."
    rules = {e["text"]: e["rule"] for e in extract(text)["entities"] if e["label"] == "ORG"}
    assert rules.get("ex-Valtrex", "").endswith("former_employer->ORG")
