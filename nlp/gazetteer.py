"""Candidates from the gazetteers of nlp/patterns/ (orgs.jsonl, products.jsonl), for nlp/entities.py."""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from nlp.rules import Candidate
from nlp.tokens import ents_of

logger = logging.getLogger(__name__)


def gazetteer_candidates(doc: Doc, matcher, entries: dict, words: dict) -> list[Candidate]:
    """Known companies and products; a one-word name needs the model's agreement or a mid-sentence place."""
    model_tokens = {i for ent in ents_of(doc) if ent.label_ != "LOC" for i in range(ent.start, ent.end)}
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
            end = _model_number(doc, end, words)
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


def _model_number(doc: Doc, end: int, words: dict) -> int:
    """'iPhone' + '16', 'Galaxy S25' + 'Ultra', 'Kirin' + '710A', 'Galaxy' + 'S6 Edge+': extend a product
    name over its model number (digits, or a short code of letters and digits) and the words after it."""
    if (
        end >= len(doc)
        or not doc[end - 1].whitespace_
        or not (doc[end].like_num or _short_code(doc[end].text))
    ):
        return end
    end += 1
    while (
        end < len(doc)
        and end - 1 >= 0
        and doc[end - 1].whitespace_
        and not doc[end].is_sent_start
        and (
            (doc[end].text[:1].isupper() and doc[end].is_alpha and doc[end].pos_ == "PROPN")
            or doc[end].lower_ in words["model_suffixes"]
        )
    ):
        end += 1
    if _generation_number(doc, end):
        end += 1  # 'Snapdragon 7s Gen 3': the number after the words ends the name
    return end


def _generation_number(doc: Doc, i: int) -> bool:
    """A small number after a name's word, that a punctuation mark, 'et' or 'ou' closes (no unit after it:
    not '12 Go')."""
    if i >= len(doc) or not doc[i - 1].whitespace_ or not doc[i - 1].is_alpha:
        return False
    token = doc[i]
    if not (token.is_digit and len(token.text) <= 2):
        return False
    after = doc[i + 1] if i + 1 < len(doc) else None
    return after is None or after.is_punct or after.lower_ in ("et", "ou")


def _short_code(text: str) -> bool:
    """'S6', '710A', 'P30', 'X1': at most five letters and digits, with a digit (not a year: 'en 2024')."""
    return (
        len(text) <= 5
        and text.isalnum()
        and any(ch.isdigit() for ch in text)
        and not text.isdigit()
        and (text[0].isdigit() or text[0].isupper())
    )
