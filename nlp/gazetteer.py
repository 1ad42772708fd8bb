"""Candidates from the gazetteers of nlp/patterns/ (orgs.jsonl, products.jsonl), for nlp/entities.py."""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from nlp.rules import Candidate

logger = logging.getLogger(__name__)


def gazetteer_candidates(doc: Doc, matcher, entries: dict, words: dict) -> list[Candidate]:
    """Known companies and products; a one-word name needs the model's agreement or a mid-sentence place."""
    model_tokens = {i for ent in doc.ents if ent.label_ != "LOC" for i in range(ent.start, ent.end)}
    found = []
    for _match_id, start, end in matcher(doc):
        text = doc[start:end].text
        entry = entries.get(text)
        if entry is None:
            continue
        token = doc[start]
        if end - start == 1 and not token.is_upper:
            if start not in model_tokens and (
                token.is_sent_start or token.pos_ not in ("PROPN", "NOUN", "X")
            ):
                continue
        if start > 0 and doc[start - 1].is_alpha and doc[start - 1].whitespace_ == "":
            continue
        if entry["label"] == "PRODUCT":
            end = _model_number(doc, end)
        found.append(
            Candidate(
                start,
                end,
                entry["label"],
                "gazetteer",
                entry["canonical"],
                entry.get("maker"),
                rule="gazetteer",
            )
        )
    return found


def _model_number(doc: Doc, end: int) -> int:
    """'iPhone' + '16', 'Galaxy S25' + 'Ultra': extend a product name over its model number."""
    if end >= len(doc) or not doc[end - 1].whitespace_ or not doc[end].like_num:
        return end
    end += 1
    while (
        end < len(doc)
        and end - 1 >= 0
        and doc[end - 1].whitespace_
        and doc[end].text[:1].isupper()
        and doc[end].is_alpha
        and not doc[end].is_sent_start
        and doc[end].pos_ == "PROPN"
    ):
        end += 1
    return end
