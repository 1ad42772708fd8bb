"""The company of a title, for nlp/roles.py and nlp/appointments.py: what follows a title names it or not.

  "PDG de Y"  "CEO et cofondateur de Y"  "le CFO (Chief Financial Officer) de Y"  "responsable ... chez Y"
  "directeur de la banque privée de Société Générale"  "de l'enseigne de bricolage Distrimaxx" (an owner)
  "responsable ... de l'entreprise / du groupe / du constructeur" (the company of the passage)
  "vice-président Europe du Sud de Y"  "vice-présidente chargée de l'imagerie de Y" (the title goes on)
  "le fonds Y, dont il devient associé" (the company 'dont' stands for)
  "président de la République", "le président américain X" (no company: not guessed from the passage)

The words are data: `org_heads` and `places` in nlp/patterns/words.jsonl, the prepositions and
nationalities of nlp/role_words.py.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from nlp.lexicon import normalise_title
from nlp.passage import Passage
from nlp.role_words import DETERMINERS, NATIONALITIES, PREPOSITIONS

MAX_CHUNK = 14
CHARGED = frozenset({"chargé", "chargée", "chargés", "chargées"})


def complement(finder, doc: Doc, title: Span, ctx: Passage) -> tuple[int, str | None, int]:
    """(end of the title phrase, organisation canonical or None, end of the raw title)."""
    i = title.end
    if i < len(doc) and doc[i].text == "(":  # "le CFO (Chief Financial Officer) de la compagnie"
        close = next((t.i for t in doc[i + 1 : i + 8] if t.text in (")", "(")), None)
        if close is not None and doc[close].text == ")":
            i = close + 1
    while i < len(doc) and i - title.end < MAX_CHUNK:
        token = doc[i]
        if (
            token.i in ctx.ent_start
            and ctx.ent_start[token.i].label_ in ("ORG",)
            and i > 0
            and doc[i - 1].lower_ in PREPOSITIONS
        ):
            return ctx.ent_start[token.i].end, ctx.canonical(ctx.ent_start[token.i]), i - 1
        if token.lower_ in PREPOSITIONS:
            j = i + 1
            while j < len(doc) and doc[j].lower_ in DETERMINERS:
                j += 1
            if j < len(doc) and j in ctx.ent_start and ctx.ent_start[j].label_ == "ORG":
                return ctx.ent_start[j].end, ctx.canonical(ctx.ent_start[j]), i
            k = j
            while k < len(doc) and k - j < 3 and doc[k].lower_ in finder.org_refs:
                k += 1
            if k < len(doc) and k > j and k in ctx.ent_start and ctx.ent_start[k].label_ == "ORG":
                return ctx.ent_start[k].end, ctx.canonical(ctx.ent_start[k]), i
            owner = _owner_after(doc, k, ctx) if k > j else None
            if owner is not None:  # "directeur de la banque privée de Société Générale"
                return owner.end, ctx.canonical(owner), i
            if k > j:
                return k, ctx.salient_org(title.start), i
            if j < len(doc) and doc[j].text in finder.words["places"]:
                i = ctx.ent_start[j].end if j in ctx.ent_start else j + 1
                continue  # a region: "directeur des partenaires pour l'Europe de l'Ouest chez Cisco"
            if j < len(doc) and (doc[j].is_title or j in ctx.ent_start) and not doc[j].is_sent_start:
                return j + 1, None, i  # a name that is no company: a country, a ministry...
            i = j
            continue
        if token.lower_ in CHARGED and i + 1 < len(doc) and doc[i + 1].lower_ in PREPOSITIONS:
            i += 1  # "vice-présidente chargée de l'imagerie de Teledyne": the title goes on
            continue
        if token.lower_ in ("et", "&") and i + 1 < len(doc) and (i + 1) in ctx.title_starts:
            i += 1
            continue
        if token.i in ctx.ent_start and token.text in finder.words["places"]:
            # a region the title covers: "vice-président Europe du Sud de Y"
            i = ctx.ent_start[token.i].end
            continue
        if (
            token.is_punct
            or token.is_space
            or (token.lower_ in ("le", "dès", "depuis", "en") and i + 1 < len(doc) and doc[i + 1].like_num)
            or token.pos_ in ("VERB", "AUX", "PRON", "SCONJ")
            or token.i in ctx.ent_start
        ):
            break
        i += 1
    return i, None, i


def _owner_after(doc: Doc, k: int, ctx: Passage) -> Span | None:
    """'(la banque) privée de Société Générale': adjectives, then 'de' and a company (without an adjective,
    'du transporteur de Montluçon' names a home town)."""
    start = k
    while k < len(doc) and doc[k].is_lower and doc[k].pos_ == "ADJ":
        k += 1
    if k == start and k + 2 < len(doc) and _unit_name(doc, k):
        k += 1  # "de la division matériels de Manitou": the unit's own name, then its company
    if k == start and k + 2 < len(doc) and doc[k].lower_ in ("de", "d'", "d’"):
        # "de l'enseigne de bricolage Distrimaxx": the trade in lowercase, then the company's name
        j = k + 1
        while j < len(doc) and j - k <= 3 and doc[j].is_lower and doc[j].is_alpha:
            j += 1
        ent = ctx.ent_start.get(j)
        return ent if j > k + 1 and ent is not None and ent.label_ == "ORG" else None
    if k == start or k >= len(doc) or doc[k].lower_ not in ("de", "du", "d'", "d’"):
        return None
    k += 1
    while k < len(doc) and doc[k].lower_ in DETERMINERS:
        k += 1
    ent = ctx.ent_start.get(k)
    return ent if ent is not None and ent.label_ == "ORG" else None


def _unit_name(doc: Doc, k: int) -> bool:
    """'(la division) matériels de', '(la branche) énergie du': one lowercase noun, then 'de'."""
    return (
        doc[k].is_lower
        and doc[k].is_alpha
        and doc[k].pos_ == "NOUN"
        and doc[k + 1].lower_ in ("de", "du", "d'", "d’")
    )


def whose(doc: Doc, title: Span, ctx: Passage) -> str | None:
    """'le fonds Quadrille Capital, dont il devient associé': the company 'dont' stands for."""
    for k in range(title.start - 1, max(0, title.start - 6), -1):
        if doc[k].lower_ == "dont":
            org = ctx.ent_end.get(k - 2) if doc[k - 1].text == "," else None
            return ctx.canonical(org) if org is not None and org.label_ == "ORG" else None
        if not (doc[k].is_lower and doc[k].is_alpha):
            return None
    return None


def is_presidency(finder, raw: str) -> bool:
    return normalise_title(raw, finder.patterns_dir) in ("PRESIDENT", "CHAIR")


def may_guess_org(finder, doc: Doc, title: Span, raw_end: int) -> bool:
    """A title without its company ('X, vice-présidente senior') takes the company of the passage,
    but not a bare 'président' (head of state, of a region...) nor a title with a nationality
    ('le président américain Donald Trump')."""
    possessive = title.start > 0 and doc[title.start - 1].lower_ in ("son", "sa", "leur")
    if (
        normalise_title(doc[title.start : raw_end].text, finder.patterns_dir) == "PRESIDENT"
        and not possessive
    ):
        return False  # but "Son président, X" is the president of the company just named
    return not any(t.lower_ in NATIONALITIES for t in doc[title.start : raw_end + 1])
