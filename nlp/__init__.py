"""veille's entity extraction: a spaCy French pipeline plus the veille_* components.

Public API: `load_pipeline(model=None)`, `extract_texts(nlp, texts, batch_size=32, n_process=1)`,
`EXTRACTION_VERSION`. See nlp/pipeline.py.
"""

from __future__ import annotations

from nlp.pipeline import EXTRACTION_VERSION, add_components, doc_to_dict, extract_texts, load_pipeline

__all__ = ["EXTRACTION_VERSION", "add_components", "doc_to_dict", "extract_texts", "load_pipeline"]
