"""Founders stated by a founding verb with its subject, for nlp/roles.py:

  "Yann Le Goff a fondé Marelle en 2021 avec Soizic Kerbrat et Thomas Riou"   (three founders)
  "le dirigeant a fondé Marelle avec deux anciens collègues, A et B"          (the person last named, A, B)
  "elle avait fondé l'entreprise en 2020 avec Hugo Marty"                     (the company of the passage)

Rule `founded_with` (role FOUNDER). The words are data: `founding_verbs`, `leader_nouns` and
`org_heads` in nlp/patterns/words.jsonl.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from nlp.lexicon import word_lists
from nlp.role_words import DETERMINERS
from nlp.tokens import tokens_in

AUX = word_lists()["founding_auxiliaries"]
PRONOUNS = word_lists()["founder_pronouns"]
INFINITIVES = word_lists()["founding_infinitives"]


def founder_roles(finder, doc: Doc, ctx) -> None:
    verbs = finder.words["founding_verbs"]
    found = {t.i: t for words in (verbs, INFINITIVES) for t in tokens_in(doc, words)}
    for token in (found[i] for i in sorted(found)):
        infinitive = (
            token.lower_ in INFINITIVES and token.i > 0 and doc[token.i - 1].lower_ in ("de", "d'", "pour")
        )
        aux = _auxiliary(doc, token.i)
        if not infinitive and (token.lower_ not in verbs or aux is None):
            continue  # "a fondé", "avait cofondé", "a depuis fondé": a past tense with its subject
        org, j = _founded(doc, token.i + 1, finder, ctx)
        if org is None:
            continue
        partners = _partners(doc, j, ctx)
        if infinitive:  # "avant de cofonder l'entreprise avec A et B": the partners only, the subject is far
            people, rule = partners, "founding_infinitive_with"
        else:
            people, rule = _subject(doc, aux, finder, ctx) + partners, "founded_with"
        trigger = doc[token.i : token.i + 1]
        for person in dict.fromkeys(people):
            finder._add(doc, ctx, person, org, token.text, False, trigger, "FOUNDER", rule=rule)


def _auxiliary(doc: Doc, i: int) -> int | None:
    """The auxiliary of the participle at i, one adverb between them allowed ("a depuis fondé")."""
    if i >= 1 and doc[i - 1].lower_ in AUX:
        return i - 1
    if i < 2 or not doc[i - 1].is_lower or doc[i - 2].lower_ not in AUX:
        return None
    adverb = doc[i - 1].pos_ == "ADV" or doc[i - 1].lower_ == "depuis"  # the tagger reads "depuis" as ADP
    return i - 2 if adverb else None


def _founded(doc: Doc, j: int, finder, ctx) -> tuple[str | None, int]:
    """The company founded (named, or 'l'entreprise' for the company of the passage) and the token after."""
    start = j
    while j < len(doc) and j - start < 3 and doc[j].lower_ in DETERMINERS | finder.org_refs:
        j += 1
    ent = ctx.ent_start.get(j)
    if ent is not None and ent.label_ == "ORG":
        return ctx.canonical(ent), ent.end
    if j > start and any(t.lower_ in finder.org_refs for t in doc[start:j]):
        return ctx.salient_org(start), j
    return None, j


def _subject(doc: Doc, i: int, finder, ctx) -> list[Span]:
    """The person before 'a fondé': a name, a pronoun or 'le dirigeant' for the person last named."""
    if i < 1:
        return []
    k = i - 1
    if k in ctx.person_end:
        return [ctx.person_end[k]]
    if doc[k].lower_ == "qui" and k >= 2 and doc[k - 1].text == "," and (k - 2) in ctx.person_end:
        return [ctx.person_end[k - 2]]  # "X, qui a cofondé la société en 2016 avec Y"
    word = doc[k].lower_
    if word in PRONOUNS or (word in finder.words["leader_nouns"] and doc[k - 1].lower_ in DETERMINERS):
        person = ctx.last_person_before(k)
        if person is not None and ctx.sentence_index(k) - ctx.sentence_index(person.start) <= 2:
            return [person]
    return []


def _partners(doc: Doc, j: int, ctx) -> list[Span]:
    """'... en 2021 avec (deux anciens collègues,) A et B': the co-founders."""
    end = min(len(doc), j + 6)
    avec = next((t.i for t in doc[j:end] if t.lower_ == "avec"), None)
    if avec is None or any(t.is_punct and t.text != "," for t in doc[j:avec]):
        return []
    k = avec + 1
    while k < len(doc) and k - avec <= 6 and k not in ctx.person_start:
        if not (doc[k].is_lower or doc[k].like_num or doc[k].text == ","):
            return []
        k += 1
    found = []
    while k in ctx.person_start:
        found.append(ctx.person_start[k])
        k = found[-1].end
        if k + 1 < len(doc) and doc[k].lower_ in ("et", ","):
            k += 1
    return found
