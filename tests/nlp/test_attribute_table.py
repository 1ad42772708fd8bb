"""veille_attribute_ruler: the model's attribute_ruler rules as a table, the same annotations."""

from __future__ import annotations

from importlib.metadata import entry_points

import numpy
import pytest
import spacy
from spacy.attrs import DEP, HEAD, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from nlp.attribute_table import TableAttributeRuler

# the shape of the French models' rules: POS copied to TAG, then the whitespace tokens fixed
RULES = [
    {"patterns": [[{"POS": pos}]], "attrs": {"TAG": pos}, "index": 0} for pos in ("NOUN", "VERB", "SPACE")
]
RULES += [
    {
        "patterns": [[{"POS": "SPACE", "IS_SPACE": False}]],
        "attrs": {"TAG": "X", "POS": "X", "MORPH": "_"},
        "index": 0,
    },
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}, "index": 0},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "SPACE", "POS": "SPACE", "MORPH": "_"}, "index": 0},
]
WORDS = ["La", "start-up", "\n\n", "lève", "  ", "des", "fonds", "Lyon", "."]
SPACES = [True, False, False, True, False, True, True, False, False]
POSES = ["DET", "NOUN", "NOUN", "VERB", "SPACE", "DET", "NOUN", "SPACE", "PUNCT"]


def _annotated(vocab) -> Doc:
    return Doc(
        vocab,
        words=WORDS,
        spaces=SPACES,
        pos=POSES,
        heads=[1, 3, 1, 3, 3, 6, 3, 6, 3],
        deps=["det", "nsubj", "dep", "ROOT", "punct", "det", "obj", "nmod", "punct"],
        morphs=["Definite=Def", "Gender=Fem", "", "Mood=Ind", "", "", "Number=Plur", "", ""],
    )


def _annotations(doc: Doc) -> tuple:
    return doc.to_array([POS, TAG, MORPH, DEP, HEAD]).tolist(), [str(t.morph) for t in doc]


def _both(rules: list[dict]) -> tuple[tuple, tuple]:
    nlp = spacy.blank("fr")
    plain, table = AttributeRuler(nlp.vocab), TableAttributeRuler(nlp.vocab)
    plain.add_patterns(rules)
    table.add_patterns(rules)
    return _annotations(plain(_annotated(nlp.vocab))), _annotations(table(_annotated(nlp.vocab)))


def test_table_gives_the_annotations_of_the_attribute_ruler():
    plain, table = _both(RULES)
    assert table == plain
    tags = [spacy.blank("fr").vocab.strings[h] for h in numpy.array(table[0])[:, 1]]
    # '\n\n' and '  ' are whitespace: SPACE; 'Lyon' is no whitespace: X; no rule for DET and PUNCT
    assert tags == ["", "NOUN", "SPACE", "VERB", "SPACE", "", "NOUN", "X", ""]


def test_a_later_rule_reading_tag_makes_the_matcher_run_every_rule():
    """The ruler matches every rule before it sets any TAG: a table set first would feed this one."""
    rules = [*RULES, {"patterns": [[{"TAG": "NOUN"}]], "attrs": {"MORPH": "Number=Sing"}, "index": 0}]
    plain, table = _both(rules)
    assert table == plain
    assert table[1][6] == "Number=Plur"
    ruler = TableAttributeRuler(spacy.blank("fr").vocab)
    ruler.add_patterns(rules)
    ruler(_annotated(ruler.vocab))
    assert ruler._plan is False  # the plain AttributeRuler path


def test_table_ruler_is_a_spacy_entry_point():
    names = {e.name: e.value for e in entry_points(group="spacy_factories")}
    assert names.get("veille_attribute_ruler") == "nlp.attribute_table:make_attribute_ruler"


def test_rules_added_later_are_applied():
    nlp = spacy.blank("fr")
    table = TableAttributeRuler(nlp.vocab)
    table.add_patterns(RULES)
    table(_annotated(nlp.vocab))
    table.add_patterns([{"patterns": [[{"POS": "DET"}]], "attrs": {"TAG": "DET"}, "index": 0}])
    assert table(_annotated(nlp.vocab))[0].tag_ == "DET"


def test_serialised_table_ruler_keeps_its_rules():
    nlp = spacy.blank("fr")
    table = TableAttributeRuler(nlp.vocab)
    table.add_patterns(RULES)
    loaded = TableAttributeRuler(nlp.vocab).from_bytes(table.to_bytes())
    assert loaded.patterns == table.patterns
    assert _annotations(loaded(_annotated(nlp.vocab))) == _annotations(table(_annotated(nlp.vocab)))


@pytest.mark.parametrize(
    "text",
    [
        "Le groupe lyonnais annonce  un plan.\n\nSa directrice, Anne Roux, part.\t Fin",
        "\n Deux lignes \n\n\n et des espaces   en trop ",
        "",
    ],
)
def test_pipeline_ruler_matches_the_models_own(nlp, text):
    """The loaded pipeline's attribute_ruler is the table one; on the model's Docs it gives what the
    model's ruler gives, whitespace tokens included."""
    table = nlp.get_pipe("attribute_ruler")
    assert isinstance(table, TableAttributeRuler)
    plain = AttributeRuler(nlp.vocab)
    plain.add_patterns(table.patterns)
    with nlp.select_pipes(enable=["tok2vec", "morphologizer", "parser"]):
        doc = nlp(text)
    assert _annotations(table(doc.copy())) == _annotations(plain(doc.copy()))
