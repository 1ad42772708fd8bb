"""Where a person worked before, for nlp/roles.py: former employers stated by a career phrase.

  "Aurélie Mansour, venue de la Société Générale"      "Frédéric Allard, un ancien de Criteo"
  "A et B, deux anciens de Decathlon" (both)           "Karim Saïdi, ex-Workday" / "(ex-Cisco)"
  "X, passé par EMC et Hitachi Data Systems"           "elle a fait sa carrière chez SFR, puis chez Nokia"
  "chez TI (Texas Instruments), où il a travaillé"     "après dix ans chez IBM"

Each gives a former role (role EMPLOYEE, former=True) with the rule `career_path`. The words are data:
`career_words`, `career_gap` and `schools` in nlp/patterns/words.jsonl (a degree is not an employer).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from nlp.lexicon import has_ex_prefix, word_lists
from nlp.role_words import DETERMINERS

OF = word_lists()["career_of"]
AND = word_lists()["career_and"]
PRONOUNS = word_lists()["career_pronouns"]
COUNTS = word_lists()["career_counts"]
MAX_GAP = 9


def career_roles(finder, doc: Doc, ctx) -> None:
    """Add a former EMPLOYEE role for each company a career phrase attaches to a person."""
    words = finder.words
    schools = words["schools"]
    said_of: dict[int, list[Span]] = {}  # last token of a career company -> the people it is said of
    for org in ctx.orgs:
        if _is_school(org, schools):
            continue
        people = _continued(doc, org, said_of)  # "passé par EMC et Hitachi", "chez SFR, puis chez Nokia"
        anchor = org.start
        if people is None:
            anchor = _phrase_start(doc, org, words["career_words"])
            if anchor is None:
                continue
            people = _persons_before(doc, anchor, words["career_gap"], ctx)
        said_of[org.end - 1] = people
        trigger = doc[anchor : org.start] if anchor < org.start else doc[org.start : org.start + 1]
        name = ctx.canonical(org)
        if has_ex_prefix(name):
            name = name[3:]
        for person in people:
            known = {(r["person"], r["org"]) for r in doc._.roles}
            if (ctx.canonical(person), name) in known:
                continue  # "l'ancien vice-PDG de Sagarel": the title finder has it, with its title
            finder._add(doc, ctx, person, name, "", True, trigger, "EMPLOYEE", rule="career_path")


def _continued(doc: Doc, org: Span, said_of: dict[int, list[Span]]) -> list[Span] | None:
    """The people of the career company just before ``org`` when a list goes on ('et', ', puis chez')."""
    i = org.start - 1
    while i >= 0 and org.start - i <= 5:
        if i in said_of:  # a bare comma is no list: "deux anciens de Decathlon, Panier Vert lève"
            linked = any(t.lower_ in ("et", "puis") or t.lower_ in OF for t in doc[i + 1 : org.start])
            return said_of[i] if linked else None
        token = doc[i]
        if not (token.lower_ in AND | OF | DETERMINERS or (token.is_lower and token.pos_ == "NOUN")):
            return None
        i -= 1
    return None


def is_career_org(doc: Doc, org: Span, words) -> bool:
    """The company is a former employer stated by a career phrase ('deux anciens de Capgemini')."""
    return _phrase_start(doc, org, words["career_words"]) is not None


def _is_school(org: Span, schools: frozenset[str]) -> bool:
    return any(t.lower_ in schools for t in org[:2])


def _phrase_start(doc: Doc, org: Span, career_words) -> int | None:
    """First token of the career phrase that ends at ``org`` ("venue de la"), or None."""
    if has_ex_prefix(org.text):
        return org.start  # "ex-Workday" is one token with its prefix
    i = org.start - 1
    if i >= 0 and doc[i].lower_ in ("ex", "ex-", "ex‑"):
        return i
    # "l'équipementier Nokia", "le conseil chez McKinsey": a determiner and a lowercase noun may come first
    steps = 0
    while (
        i >= 0 and steps < 3 and (doc[i].lower_ in DETERMINERS or (doc[i].is_lower and doc[i].pos_ == "NOUN"))
    ):
        if doc[i].lower_ in OF:
            break
        i, steps = i - 1, steps + 1
    if i < 1 or doc[i].lower_ not in OF:
        return _where_worked(doc, org)
    before = doc[i - 1]
    if (
        i >= 2
        and before.pos_ == "NOUN"
        and (
            doc[i - 2].lower_ in ("ancien", "ancienne", "anciens", "anciennes")
            or doc[i - 2].lower_ in ("ex", "ex-")
        )
    ):
        return i - 2  # "une ancienne chercheuse du CEA-Leti"
    former = _former_noun_start(doc, i)
    if former is not None:
        return former  # "un ancien ingénieur de production chez Michelin", "ancien data scientist chez"
    if has_ex_prefix(before.text) and len(before.text) > 3:
        return i - 1  # "ex-ingénieur chez STMicroelectronics"
    if before.lower_ in ("ans", "années") and not _counted(doc, i - 1):
        return None  # "ces dernières années chez": no career
    if before.lower_ in career_words and before.lower_ != "puis":
        return i - 1
    if doc[i].lower_ == "chez" and any(t.lower_ in ("travaillé", "carrière") for t in doc[max(0, i - 5) : i]):
        return max(0, i - 5)  # "a travaillé pendant 22 ans chez", "sa carrière, entamée en 1998, chez"
    return None


def _former_noun_start(doc: Doc, i: int) -> int | None:
    """'ancien(ne) <a job in a few lowercase words>' ending just before token i (its 'chez' or 'de')."""
    for k in range(i - 2, max(-1, i - 6), -1):
        token = doc[k]
        if token.lower_ in ("ancien", "ancienne", "anciens", "anciennes"):
            return k if k < i - 2 else None  # "ancien de X" and "ancien NOUN de X" are read above
        if (
            not token.is_lower
            or not token.is_alpha
            and token.lower_ not in ("d'", "d’")
            or token.pos_
            in (
                "VERB",
                "AUX",
            )
        ):
            return None
    return None


def _counted(doc: Doc, i: int) -> bool:
    """'après dix ans chez IBM', '22 années chez': a number of years, not 'ces dernières années'."""
    return i > 0 and (doc[i - 1].like_num or doc[i - 1].lower_ in ("plusieurs", "quelques"))


def _where_worked(doc: Doc, org: Span) -> int | None:
    """'chez TI (Texas Instruments), où il a travaillé pendant 22 ans': the company comes first."""
    if org.start == 0 or doc[org.start - 1].lower_ != "chez":
        return None
    end = org.end
    if end < len(doc) and doc[end].text == "(":
        end = next((t.i + 1 for t in doc[end : end + 8] if t.text == ")"), end)
    tail = [t.lower_ for t in doc[end : end + 6]]
    if "où" in tail[:2] and any(w in ("travaillé", "passé", "effectué", "fait") for w in tail):
        return org.start - 1
    return None


def _persons_before(doc: Doc, anchor: int, gap_words, ctx) -> list[Span]:
    """The person the career phrase is said of: the name just before it (across 'qui a fait', ', un'),
    the names of 'A et B, deux anciens de', or the person a pronoun ('il', 'ce dernier') stands for."""
    i, pronoun, counted = anchor - 1, False, False
    while i >= 0 and anchor - i <= MAX_GAP:
        if i in ctx.person_end:
            person = ctx.person_end[i]
            if counted:
                return _listed(doc, person, ctx)
            return [person]
        token = doc[i]
        if token.lower_ in PRONOUNS:
            pronoun = True
        if token.lower_ in COUNTS:
            counted = True
        if token.text in (".", "!", "?", ";", ":") or token.lower_ not in gap_words | PRONOUNS:
            break
        i -= 1
    if pronoun:
        person = ctx.last_person_before(anchor)
        if person is not None and ctx.sentence_index(anchor) - ctx.sentence_index(person.start) <= 2:
            return [person]
        return []
    return _person_across_apposition(doc, anchor, ctx)


def _person_across_apposition(doc: Doc, anchor: int, ctx) -> list[Span]:
    """'Nathalie Broustet, directrice des opérations d'Escale, passée par Keolis': past a title phrase
    with no verb, up to the name it is said of."""
    for i in range(anchor - 1, max(-1, anchor - 16), -1):
        if i in ctx.person_end:
            return [ctx.person_end[i]] if "," in doc[i:anchor].text else []
        token = doc[i]
        finite = token.pos_ in ("VERB", "AUX") and "Part" not in token.morph.get("VerbForm")
        if finite or token.text in (".", "!", "?", ";", ":", "«", "»"):
            return []  # past a participle ("recrutée en 2023 après un passage chez"), never a verb
    return []


def _listed(doc: Doc, last: Span, ctx) -> list[Span]:
    """'A et B' (or 'A, B et C') ending with ``last``."""
    found, i = [last], last.start - 1
    while i > 0 and doc[i].lower_ in ("et", ",") and (i - 1) in ctx.person_end:
        found.insert(0, ctx.person_end[i - 1])
        i = found[0].start - 1
    return found
