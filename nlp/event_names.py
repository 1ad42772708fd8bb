"""Participants of an event the entity stage missed, read by syntax.

A young company is often unknown to the model and to the gazetteers ('Voltane a annoncé un contrat
avec ...'), and a partner's name may be taken for a product ('un accord-cadre avec Orange Business').
The sentence still tells who they are: the proper noun that is the subject of the event's verb, or the
name that follows 'avec' after an agreement word. These helpers return a Span over that name, or None.
"""

from __future__ import annotations

from spacy.tokens import Span

from nlp.tokens import doc_text

#: entity labels that say a proper noun is no company (a person, a place)
_NOT_COMPANY = frozenset({"PERSON", "PER", "LOC", "GPE"})
_MAX_NAME = 4


def unnamed_subject(head, ents: list[Span], stop_words: frozenset[str]) -> Span | None:
    """The proper-noun subject no entity covers ('Voltane a annoncé'): the capitalised run of proper
    nouns around the head (at most four words); a word of ``stop_words`` (a nationality, a reference
    noun the tagger took for a name) or a person's or place's name is no company."""
    if head.pos_ != "PROPN" or not head.text[:1].isupper() or head.lower_ in stop_words:
        return None
    lo, hi = head.left_edge.i, head.right_edge.i
    if any(e.start <= head.i < e.end or (e.label_ == "ORG" and lo <= e.start <= hi) for e in ents):
        return None  # an entity the other rules read (a person, a product; 'UFC-Que Choisir': UFC)
    return _name_run(head, ents)


def named_at(doc, i: int, ents: list[Span], stop_words: frozenset[str]) -> Span | None:
    """A partner named at token ``i`` ('un accord-cadre avec | Orange Business') that the entity stage
    read as a product or missed: the product span itself, else the run of proper nouns there."""
    for ent in ents:
        if ent.start == i:
            return _run_on(ent) if ent.label_ == "PRODUCT" else None
    return unnamed_subject(doc[i], ents, stop_words) if i < len(doc) else None


def _run_on(span: Span) -> Span:
    """A name cut short before an English joiner ('Airbus Defence | and Space', 'Marks | & Spencer')."""
    doc, end = span.doc, span.end
    while end + 1 < len(doc) and doc[end].text in ("and", "&") and doc[end + 1].text[:1].isupper():
        end += 2
    return doc[span.start : end] if end > span.end else span


def _name_run(head, ents: list[Span]) -> Span | None:
    doc = head.doc
    lo = hi = head.i
    while lo - 1 >= 0 and _name_word(doc[lo - 1]) and hi - lo + 1 < _MAX_NAME:
        lo -= 1
    while hi + 1 < len(doc) and _name_word(doc[hi + 1]) and hi - lo + 1 < _MAX_NAME:
        hi += 1
    span = doc[lo : hi + 1]
    if any(e.label_ in _NOT_COMPANY and e.start < span.end and span.start < e.end for e in ents):
        return None
    if any(e.label_ == "ORG" and lo - 3 <= e.end <= lo and _joined(e, span) for e in ents):
        return None  # the end of a company's name ('UFC-Que Choisir': the company is UFC)
    return span


def _joined(org: Span, span: Span) -> bool:
    between = doc_text(org.doc)[org.end_char : span.start_char]
    return org.end == span.start or "-" in between


def _name_word(token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper()
