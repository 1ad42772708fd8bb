"""nlp/tokens.py helpers: the same tokens and text as a scan of every token, without the scan."""

from __future__ import annotations

from types import MappingProxyType

import pytest
import spacy
from spacy.tokens import Span

from nlp.tokens import (
    doc_text,
    ents_changed,
    ents_of,
    fixed_ents,
    has_morph,
    line_break_tokens,
    span_text,
    tokens_in,
)

TEXT = "Le groupe Dirige ses filiales.\n\nSa directrice DIRIGE l'usine \n et dirige\tla filiale."


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("fr")


def test_tokens_in_finds_the_lowercase_words_in_order(blank):
    doc = blank(TEXT)
    words = frozenset({"dirige", "usine"})
    assert [t.i for t in tokens_in(doc, words)] == [t.i for t in doc if t.lower_ in words]
    assert [t.text for t in tokens_in(doc, words)] == ["Dirige", "DIRIGE", "usine", "dirige"]


def test_tokens_in_reads_the_keys_of_a_word_map(blank):
    roles = MappingProxyType({"directrice": "CEO"})
    assert [t.text for t in tokens_in(blank(TEXT), roles)] == ["directrice"]


def test_tokens_in_an_empty_doc_or_of_no_words(blank):
    assert list(tokens_in(blank(""), frozenset({"dirige"}))) == []
    assert list(tokens_in(blank(TEXT), frozenset())) == []


def test_tokens_in_a_set_built_per_call_is_read_afresh(blank):
    doc = blank(TEXT)
    for word in ("groupe", "filiale", "usine"):
        assert [t.text for t in tokens_in(doc, {word})] == [word]


@pytest.mark.parametrize("text", [TEXT, "\nTitre\n", "sans retour", "", "a \n\n b\n"])
def test_line_break_tokens_are_those_with_a_newline_in_text_or_whitespace(blank, text):
    doc = blank(text)
    assert line_break_tokens(doc) == [t.i for t in doc if "\n" in t.text or "\n" in t.whitespace_]


def test_doc_text_is_the_text_after_tokens_are_merged(blank):
    doc = blank("Kevin O’ Brien arrive.")
    assert doc_text(doc) == doc.text
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[1:3])
    assert doc_text(doc) == doc.text == "Kevin O’ Brien arrive."


def test_has_morph_reads_the_analysis_like_morph_get(blank):
    doc = blank("Il rachèterait la société")
    doc[1].set_morph("Mood=Cnd|Number=Sing|Person=3|VerbForm=Fin")
    doc[3].set_morph("Gender=Fem|Number=Sing")
    for token in doc:
        for field, value in (("Mood", "Cnd"), ("Number", "Sing"), ("Gender", "Fem"), ("Mood", "Ind")):
            assert has_morph(token, field, value) == (value in token.morph.get(field))
    assert has_morph(doc[1], "Mood", "Cnd") and not has_morph(doc[3], "Mood", "Cnd")


def test_span_text_is_the_text_of_the_span(blank):
    doc = blank(TEXT)
    pairs = [(a, b) for a in range(len(doc)) for b in range(a, len(doc) + 1)] + [(3, 1), (0, 99)]
    assert [span_text(doc, a, b) for a, b in pairs] == [doc[a:b].text for a, b in pairs]


def test_ents_of_reads_the_entities_once_per_block_and_again_after_a_change(blank):
    doc = blank("Brintek rachète Valorix.")
    doc.ents = [Span(doc, 0, 1, label="ORG")]
    with fixed_ents(doc):
        first = ents_of(doc)
        assert ents_of(doc) is first and [e.text for e in first] == ["Brintek"]
        doc.ents = [Span(doc, 2, 3, label="ORG")]
        ents_changed(doc)
        assert [e.text for e in ents_of(doc)] == ["Valorix"]
    doc.ents = []
    assert ents_of(doc) == ()  # outside a block: doc.ents as it is
