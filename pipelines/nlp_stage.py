"""The NLP stage as a plain callable ``texts -> list of extraction dicts`` (or None: no NLP).

``VEILLE_NLP`` chooses it: "spacy" (nlp.load_pipeline + nlp.extract_texts, the default),
"none" (store articles without entities; ``veille reprocess`` can add them later), or
"package.module:factory" where ``factory()`` returns such a callable (tests use a fake).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable

logger = logging.getLogger(__name__)

Extractor = Callable[[list[str]], list[dict]]


def load_extractor(spec: str | None, batch_size: int = 32, n_process: int = 1) -> Extractor | None:
    spec = (spec or "none").strip()
    if spec.lower() in ("none", "off", "false", "0", ""):
        return None
    if spec.lower() == "spacy":
        return _spacy_extractor(batch_size, n_process)
    module_name, _, attr = spec.partition(":")
    if not attr:
        raise ValueError(f"VEILLE_NLP must be 'spacy', 'none' or 'module:factory', got {spec!r}")
    factory = getattr(importlib.import_module(module_name), attr)
    return factory()


def _spacy_extractor(batch_size: int, n_process: int) -> Extractor:
    import nlp  # imported here: the model loads once, only when a crawl needs it

    pipeline = nlp.load_pipeline()
    version = getattr(nlp, "EXTRACTION_VERSION", None)

    def extract(texts: list[str]) -> list[dict]:
        results = list(nlp.extract_texts(pipeline, texts, batch_size=batch_size, n_process=n_process))
        for result in results:
            result.setdefault("version", version)
        return results

    return extract
