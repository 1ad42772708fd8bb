"""Successions, for nlp/roles.py and nlp/appointments.py: who held a title before whom.

  "X succède à Z à la tête de Y" (the title is X's; Z held it: a former role)
  "Elle remplace Z au poste de DAF"  "X, qui a succédé à son père à la présidence de Y" (X, past Z)
  "Elle succède à Z, qui part à la retraite" (Z held the title she was just given)
  "Il sera remplacé par Z" (Z takes the title of the one replaced)
  "la nomination de X comme PDG de Y, en remplacement d'Alain Z" (Z held X's new title)

The words are data: `succeed_verbs` and `of_words` in nlp/patterns/words.jsonl.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from nlp.lexicon import word_lists
from nlp.title_holder import person_before
from nlp.tokens import tokens_in

SUCCEED = word_lists()["succeed_verbs"]
OF_WORDS = word_lists()["of_words"]
REPLACED_BY = frozenset({"remplacé", "remplacée", "remplacés", "remplacées"})


def successor(doc: Doc, person: Span, ctx) -> Span | None:
    """'X succède à Z à la tête de Y', 'Elle remplace Z au poste de DAF': X, when the title found Z."""
    i = person.start - 1
    if i >= 0 and doc[i].lower_ in ("à", "a"):
        i -= 1
    if i < 0 or doc[i].lower_ not in SUCCEED:
        return None
    return person_before(doc, i - 1, ctx, {"qui", "lui", "elle", "il"})


def is_succeeded(doc: Doc, person: Span) -> bool:
    """'... succède à Z': Z is the one replaced (who held the title before)."""
    i = person.start - 1
    if i >= 0 and doc[i].lower_ in ("à", "a"):
        i -= 1
    return i >= 0 and doc[i].lower_ in SUCCEED


def successor_before(doc: Doc, i: int, ctx) -> Span | None:
    """'X, qui a succédé à son père à la présidence de Y': X, across the predecessor."""
    for k in range(i - 1, max(-1, i - 7), -1):
        if doc[k].lower_ in SUCCEED | {"succédé"}:
            return person_before(doc, k - 1, ctx, {"qui", "lui", "elle", "il", "a", "avait"})
        if doc[k].is_punct:
            return None
    return None


def successions(finder, doc: Doc, ctx) -> None:
    """'Elle succède à Z, qui part à la retraite': Z held the title given to her just before (a former
    role); 'Il sera remplacé par Z': Z takes the title of the one replaced."""
    for token in tokens_in(doc, SUCCEED | REPLACED_BY | {"remplacement"}):
        if token.lower_ == "remplacement":
            _in_replacement_of(finder, doc, ctx, token)
            continue
        if token.lower_ in REPLACED_BY:
            k = token.i + 1
            if k >= len(doc) or doc[k].lower_ != "par" or (k + 1) not in ctx.person_start:
                continue
            holder = person_before(doc, token.i - 1, ctx, {"sera", "serait", "a", "été", "est"})
            taker, former, rule = ctx.person_start[k + 1], False, "successor_of_replaced"
        else:
            k = token.i + 1 + (token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("à", "a"))
            if k not in ctx.person_start:
                continue
            holder = person_before(doc, token.i - 1, ctx, {"qui", "lui", "elle", "il"})
            taker, former, rule = ctx.person_start[k], True, "predecessor_of_successor"
        if holder is None or _said_here(doc, ctx, taker, token):
            continue
        for held in _current_roles(doc, ctx, holder, token.i):
            finder._add(
                doc,
                ctx,
                taker,
                held["org"],
                held["title"],
                former,
                doc[token.i : token.i + 1],
                held["role"],
                rule=rule,
            )


def _in_replacement_of(finder, doc: Doc, ctx, token) -> None:
    """'la nomination de X comme PDG de Y, en remplacement d'Alain Z': Z held X's new title."""
    k = token.i + 1
    if k >= len(doc) or doc[k].lower_ not in OF_WORDS or (k + 1) not in ctx.person_start:
        return
    predecessor = ctx.person_start[k + 1]
    name, sentence = ctx.canonical(predecessor), token.sent.text.strip()
    given = [
        r
        for r in doc._.roles
        if r["sentence"] == sentence and r["person"] != name and not r["former"] and r["role"] != "FOUNDER"
    ]
    for held in given:
        finder._add(
            doc,
            ctx,
            predecessor,
            held["org"],
            held["title"],
            True,
            doc[token.i : token.i + 1],
            held["role"],
            rule="predecessor_replaced",
        )


def _said_here(doc: Doc, ctx, person: Span, token) -> bool:
    """A role of ``person`` already read in the sentence of ``token`` ('succède à Z à la tête de Y')."""
    name, sentence = ctx.canonical(person), token.sent.text.strip()
    return any(r["person"] == name and r["sentence"] == sentence for r in doc._.roles)


def _current_roles(doc: Doc, ctx, person: Span, i: int) -> list[dict]:
    """The executive titles of ``person`` told in the two sentences up to token i (not founders, not
    former employers)."""
    name, s = ctx.canonical(person), ctx.sentence_index(i)
    return [
        r
        for r in doc._.roles
        if r["person"] == name
        and not r["former"]
        and r["role"] not in ("FOUNDER", "EMPLOYEE", "OTHER")
        and s - 2 <= ctx.sentence_index(_token_of(doc, r["start"])) <= s
    ]


def _token_of(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0
