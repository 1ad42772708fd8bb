"""Roles stated by a clause around a name rather than by a title before it, for nlp/roles.py:

  "Orange, dirigé par X"  "l'opérateur, dirigé par X"  "La start-up fondée par A et B" (a participle)
  "Fondée en 2020 à Lyon par A et B, Payvio ..." (the subject that follows)
  "fondée par deux anciens ingénieurs de Safran, A et B"  "par A, une ancienne chercheuse du CEA-Leti, et B"
  "X, qui dirige Brintek depuis 2015"  "X, qui a fondé Payvio"  "qui a dirigé les activités cloud de Google"
  "X, qui dirige l'entreprise" (the company of the passage)  "qui a dirigé la filiale" (former)
  "les patrons mondiaux du marketing (A), de la distribution (B)" (each name in brackets after a title)

The words are data: `participles` and `relative_verbs` (word -> role) in nlp/patterns/role_maps.jsonl,
`past_relative_verbs` and `reference_nouns` in nlp/patterns/words.jsonl.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from nlp import career, title_holder, title_org
from nlp.passage import Passage
from nlp.role_words import DETERMINERS, PARTICIPLES, PAST_RELATIVE_VERBS, REFERENCE_NOUNS, RELATIVE_VERBS
from nlp.tokens import tokens_in

UNIT_WORDS = frozenset({"filiale", "branche", "division", "activité", "activités", "de", "du", "d'", "d’"})


def bracket_lists(finder, doc: Doc, ctx: Passage, titles_found: list, assigned: set[int]) -> None:
    """'les patrons mondiaux du marketing (A), de la distribution (B)': each name in brackets."""
    for person in ctx.persons:
        if person.start in assigned or person.start == 0 or person.end >= len(doc):
            continue
        if doc[person.start - 1].text != "(" or doc[person.end].text != ")":
            continue
        sent = person.sent
        before = [t for t, _ in titles_found if sent.start <= t.start < person.start]
        if not before:
            continue
        title = before[-1]
        if any(t.pos_ in ("VERB", "AUX") for t in doc[title.end : person.start]):
            continue
        local_start = person.start - 1
        while local_start > title.end and doc[local_start - 1].text not in (",", ")"):
            local_start -= 1
        local = doc[local_start : person.start - 1].text.strip()
        raw = (
            doc[title.start : person.start - 1].text
            if local_start <= title.end
            else f"{title.text} {local}".strip()
        )
        _, org, _ = title_org.complement(finder, doc, title, ctx)
        org_name = org or ctx.salient_org(title.start)
        if org_name:
            former = title_holder.former_before(doc, title.start)
            finder._add(doc, ctx, person, org_name, raw, former, title, rule="person_in_brackets_after_title")


def participles(finder, doc: Doc, ctx: Passage) -> None:
    """'Orange, dirigé par X', "l'opérateur, dirigé par X", 'Fondée en 2020 par A et B, Payvio ...'."""
    for token in tokens_in(doc, PARTICIPLES):
        role = PARTICIPLES.get(token.lower_)
        if role is None:
            continue
        # "Fondée en 2004 à Austin (Texas) par A et B": a date and a place may come first
        by = next((t.i for t in doc[token.i + 1 : token.i + 10] if t.lower_ == "par"), None)
        if by is not None and any(t.is_punct and t.text not in "()" for t in doc[token.i + 1 : by]):
            by = None
        if by is None:
            continue
        while (
            by + 1 < len(doc) and by + 1 not in ctx.person_start and doc[by + 1].is_lower and by - token.i < 6
        ):
            by += 1  # "fondée par le chercheur Alain Benhamou"
        by = _past_description(doc, by, ctx)  # "par deux anciens ingénieurs de Safran, A et B"
        if (by + 1) not in ctx.person_start:
            continue
        people, j = [], by + 1
        while j in ctx.person_start:
            people.append(ctx.person_start[j])
            j = _past_apposition(doc, people[-1].end, ctx)
            if j < len(doc) and doc[j].lower_ in ("et", ","):
                k = j + 1
                if k + 1 < len(doc) and doc[k].lower_ in DETERMINERS and doc[k + 1].is_lower:
                    k += 2  # "par Camille Berthier et le gynécologue Antoine Mercier"
                if k in ctx.person_start:
                    j = k
        org = _participle_org(finder, doc, token, j, ctx)
        for person in people:
            if org:
                by = doc[token.i : token.i + 1]
                finder._add(doc, ctx, person, org, token.text, False, by, role, rule="participle_by_person")


def _participle_org(finder, doc: Doc, participle, after: int, ctx: Passage) -> str | None:
    i = participle.i - 1
    while i >= 0 and doc[i].text == "," and participle.i - i <= 2:
        i -= 1
    if i >= 0 and i in ctx.person_end:
        return None
    org_end = {o.end - 1: o for o in ctx.orgs}
    if i >= 0 and i in org_end:
        return ctx.canonical(org_end[i])
    # "la plateforme de commerce en ligne, dirigée par ...", "La start-up fondée par": the noun phrase
    j = i  # before ("start-up" is three tokens: words are rebuilt from the text)
    while j >= 0 and (doc[j].is_lower or doc[j].text == "-") and i - j < 8:
        if doc[j].is_punct and doc[j].text != "-":
            break
        j -= 1
    phrase = doc[j + 1 : i + 1].text.lower().replace("’", " ").replace("'", " ").split()
    if any(w in finder.org_refs or w in REFERENCE_NOUNS for w in phrase):
        if j > 0 and doc[j].text == "," and j - 1 in org_end:
            return ctx.canonical(org_end[j - 1])  # "avec Personio, l'éditeur munichois dirigé par X"
        return ctx.salient_org(participle.i)
    start = ctx.sent_starts[ctx.sentence_index(participle.i)]
    if participle.i == start or i < start or doc[i].is_punct or doc[i].is_space:
        # "Créé en 1998 par X, un ancien chercheur de l'EPFZ, Kappeler Security compte...": the subject
        later = [  # "Fondée par A et B, deux anciens de Capgemini, Tilt ...": Tilt, not Capgemini
            o
            for o in ctx.orgs
            if after <= o.start < ctx.sentence_end(participle.i)
            and not ctx.is_public(ctx.canonical(o))
            and not _in_brackets(doc, o)  # "(Anssi)": the acronym of a former employer
            and not career.is_career_org(doc, o, finder.words)
        ]
        subjects = [o for o in later if o.root.dep_.startswith("nsubj")]
        return ctx.canonical((subjects or later)[0]) if later else None
    return None


def relative_verbs(finder, doc: Doc, ctx: Passage) -> None:
    """'X, qui dirige Brintek depuis 2015', 'X, qui a fondé Payvio en 2020'."""
    for token in tokens_in(doc, RELATIVE_VERBS):
        role = RELATIVE_VERBS.get(token.lower_)
        if role is None or token.i < 3:
            continue
        i = token.i - 1
        if doc[i].lower_ in ("a", "avait"):
            i -= 1
        named = i - 2
        if named >= 0 and title_holder.is_age(doc, named):
            named -= 3  # "Gérard Brossard, 71 ans, qui dirigeait l'entreprise"
        if doc[i].lower_ == "qui" and doc[i - 1].text == "," and named in ctx.person_end:
            person, kind = ctx.person_end[named], "relative_verb"
        else:
            person, kind = _subject(doc, i, ctx), "subject_verb"  # "À 53 ans, X dirige depuis cinq ans Y"
        if person is None:
            continue
        j = token.i + 1
        if doc[j].lower_ == "depuis" and j + 1 < len(doc) and doc[j + 1].like_num:
            j += 2  # "qui dirige depuis 2019 la filiale française de Norelia"
            if j < len(doc) and doc[j].lower_ in ("ans", "années", "mois"):
                j += 1  # "dirige depuis cinq ans Y"
        while j < len(doc) and (
            doc[j].lower_ in DETERMINERS | finder.org_refs | UNIT_WORDS or doc[j].pos_ == "ADJ"
        ):
            j += 1
        if doc[j : j + 3].text.lower() in finder.org_refs:  # "qui préside la start-up": three tokens
            j += 3
        if j not in ctx.ent_start:
            # "qui a dirigé les activités cloud de Google": a unit, then its company
            k = next((t.i for t in doc[j : j + 3] if t.lower_ in ("de", "du", "d'", "d’")), None)
            if k is not None and all(t.is_lower for t in doc[j:k]) and (k + 1) in ctx.ent_start:
                j = k + 1
        former = token.lower_ in PAST_RELATIVE_VERBS  # "qui a dirigé la filiale pendant dix ans"
        where = _where_before(doc, i, ctx) if kind == "subject_verb" else None
        if where is not None:  # "Passée par Uber, où elle dirigeait les opérations pour la France"
            verb = doc[token.i : token.i + 1]
            finder._add(
                doc, ctx, person, ctx.canonical(where), token.text, former, verb, role, rule="where_verb_org"
            )
        elif j in ctx.ent_start and ctx.ent_start[j].label_ == "ORG":
            org = ctx.canonical(ctx.ent_start[j])
            verb = doc[token.i : token.i + 1]
            finder._add(doc, ctx, person, org, token.text, former, verb, role, rule=f"{kind}_org")
        elif kind == "subject_verb":
            continue  # "elle a fondé l'entreprise": which one is told elsewhere (nlp/founders.py)
        elif any(t.lower_ in finder.org_refs for t in doc[token.i + 1 : j]) or any(
            doc[k : k + 3].text.lower() in finder.org_refs for k in range(token.i + 1, j - 2)
        ):
            org = ctx.recent_org(token.i)  # "qui dirige l'entreprise", "qui a dirigé la filiale"
            if org and not ctx.is_public(org):
                verb = doc[token.i : token.i + 1]
                finder._add(
                    doc,
                    ctx,
                    person,
                    org,
                    token.text,
                    former,
                    verb,
                    role,
                    rule=f"{kind}_org_of_passage",
                )


def _where_before(doc: Doc, i: int, ctx: Passage) -> Span | None:
    """'<company>, où <pronoun at i>': the company a relative 'où' stands for."""
    if i < 3 or doc[i - 1].lower_ != "où" or doc[i - 2].text != ",":
        return None
    org = ctx.ent_end.get(i - 3)
    return org if org is not None and org.label_ == "ORG" else None


def _subject(doc: Doc, i: int, ctx: Passage) -> Span | None:
    """The subject that ends at token i: a name ('X dirige Y') or 'il'/'elle' for the person named last,
    in the sentence or the one before."""
    if i in ctx.person_end:
        return ctx.person_end[i]
    if doc[i].lower_ not in ("il", "elle"):
        return None
    person = ctx.last_person_before(i)
    if person is None or ctx.sentence_index(i) - ctx.sentence_index(person.start) > 1:
        return None
    return person


def _in_brackets(doc: Doc, span: Span) -> bool:
    return (
        0 < span.start
        and span.end < len(doc)
        and doc[span.start - 1].text == "("
        and doc[span.end].text == ")"
    )


def _past_description(doc: Doc, by: int, ctx: Passage) -> int:
    """'fondée par deux anciens ingénieurs de Safran, A et B': the comma before the names that a short
    description of them (lowercase words, a company, no verb) comes before; ``by`` itself otherwise."""
    if (by + 1) in ctx.person_start:
        return by
    for k in range(by + 1, min(len(doc) - 1, by + 10)):
        token = doc[k]
        if token.text == ",":
            return k if (k + 1) in ctx.person_start else by
        if token.pos_ in ("VERB", "AUX") or (token.is_punct and token.text != "-"):
            return by
        if not (token.is_lower or k in ctx.ent_start or any(e.start < k < e.end for e in ctx.orgs)):
            return by
    return by


def _past_apposition(doc: Doc, j: int, ctx: Passage) -> int:
    """'par A, une ancienne chercheuse du CEA-Leti, et B': the ', et' that goes on with the list after
    a short description of A (no verb in it); j itself when there is none."""
    if j >= len(doc) or doc[j].text != ",":
        return j
    for k in range(j + 1, min(len(doc) - 1, j + 14)):
        token = doc[k]
        if token.text == "," and doc[k + 1].lower_ == "et" and (k + 2) in ctx.person_start:
            return k + 1
        finite = token.pos_ in ("VERB", "AUX") and "Part" not in token.morph.get("VerbForm")
        if finite or k in ctx.person_start or token.text in (".", ";", ":", "«", "»"):
            return j
    return j
