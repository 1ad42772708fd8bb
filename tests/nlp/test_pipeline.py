"""The pipeline contract: one load, factories by entry point, batches and processes give the same output."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy

import nlp as veille_nlp
from nlp.pipeline import DEFAULT_MODEL, numpy_matmul, warm_tokenizer


def test_factories_are_declared_as_spacy_entry_points():
    names = {e.name: e.value for e in entry_points(group="spacy_factories")}
    assert names.get("veille_entities") == "nlp.entities:make_entities"
    assert names.get("veille_roles") == "nlp.roles:make_roles"


def test_pipeline_has_the_veille_components_after_ner(nlp):
    names = nlp.pipe_names
    assert names.index("ner") < names.index("veille_entities") < names.index("veille_roles")
    assert isinstance(veille_nlp.EXTRACTION_VERSION, int)


def test_model_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("VEILLE_SPACY_MODEL", "no_such_model_xx")
    with pytest.raises(OSError):
        veille_nlp.load_pipeline()


def test_components_work_on_a_blank_pipeline_for_amounts():
    blank = veille_nlp.add_components(spacy.blank("fr"))
    [result] = veille_nlp.extract_texts(blank, ["Le contrat vaut 1,5 Md€."])
    assert [(e["value"], e["currency"]) for e in result["entities"]] == [(1.5e9, "EUR")]


def test_the_model_multiplies_with_numpy_and_annotates_as_with_blis(nlp):
    from thinc.api import NumpyOps

    for _, component in nlp.pipeline:
        if hasattr(component, "model") and hasattr(component.model, "walk"):
            assert all(isinstance(n.ops, NumpyOps) and not n.ops.use_blis for n in component.model.walk())
    texts = [
        "Hélène Marchal, directrice générale de Brintek depuis 2021, rejoint le conseil de Quarvis.",
        "Le groupe lyonnais Tessaro lève 40 millions d'euros pour ouvrir une usine à Valence.",
    ]
    with_blis = spacy.load(DEFAULT_MODEL, exclude=["lemmatizer"])
    with_numpy = spacy.load(DEFAULT_MODEL, exclude=["lemmatizer"])
    numpy_matmul(with_numpy)

    def annotations(model):
        return [
            ([(t.pos_, str(t.morph), t.dep_, t.head.i) for t in doc], [(e.text, e.label_) for e in doc.ents])
            for doc in model.pipe(texts)
        ]

    assert annotations(with_numpy) == annotations(with_blis)


def test_two_processes_give_the_same_output_as_one(nlp):
    texts = [
        "Le PDG de Brintek, Hélène Marchal, annonce 12 millions d'euros de chiffre d'affaires.",
        "",
        "Microsoft mise sur Azure ; la marge progresse de 3,12 %.",
    ] * 2
    one = list(veille_nlp.extract_texts(nlp, texts, batch_size=2))
    two = list(veille_nlp.extract_texts(nlp, texts, batch_size=2, n_process=2))
    assert one == two
    assert one[0]["roles"] and one[1] == {"entities": [], "roles": [], "events": []}


def test_long_runs_do_not_grow_the_vocabulary(nlp):
    list(veille_nlp.extract_texts(nlp, ["La société Brintek lève 5 millions d'euros."]))
    before = len(nlp.vocab.strings)
    names = [f"Zorbl{a}{b}x" for a in "aeiou" for b in "klmnprst"]
    texts = [f"La société {name} recrute pour 5 millions d'euros." for name in names]
    results = list(veille_nlp.extract_texts(nlp, texts))
    assert len(nlp.vocab.strings) == before
    assert any(e["text"] == names[7] and e["label"] == "ORG" for e in results[7]["entities"])


def test_warm_tokenizer_keeps_the_tokens_and_adds_no_string(nlp):
    text = "L’entreprise (AFP) annonce, selon l'agence, un rachat : Zorblix rachète Quorvane."
    with nlp.memory_zone():
        before_tokens = [t.text for t in nlp.make_doc(text)]
    before = len(nlp.vocab.strings)
    warm_tokenizer(nlp, [text])  # 'Zorblix' is no word of the model's: it is not cached
    with nlp.memory_zone():
        assert [t.text for t in nlp.make_doc(text)] == before_tokens
    assert len(nlp.vocab.strings) == before
