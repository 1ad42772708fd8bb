"""Who holds a title, for nlp/roles.py: the person a title found in the text is said of.

  "X, PDG de Y"  "X (CEO de Y)"  "X le PDG de Y"  "Brian Krzanich, le charismatique CEO d'Intel"
  "X, 39 ans, jusqu'ici directeur des opérations"  "Karim Saïdi, ex-Workday, directeur..." (an aside)
  "X, éleveur de charolaises et président de Y" (the title comes second)
  "X, qui dirigeait la filiale Y, deviendra directrice financière du groupe" (a relative clause first)
  "le PDG de Y, X"  "Le patron de Y pour l'Amérique du Nord, X"  "À la tête de l'entreprise, on trouve X"
  "Les co-présidents du directoire, A et B" (each name listed after the title)
  "il est devenu CEO"  "Ancien directeur de Y, il prendra..."  "..., cette ancienne directrice de Y"
  "Y annonce l'arrivée d'un nouveau directeur financier. Il s'agit de X" (named by the next sentence)
  "Antoine Vautrin, 43 ans, prend la présidence de..." (`person_before`, for nlp/appointments.py too)

The words are data: `reveal_openings` and `announced_determiners` in nlp/patterns/words.jsonl, the gap
words, pronouns and former-title words of nlp/role_words.py.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from nlp.lexicon import has_ex_prefix, word_lists
from nlp.passage import Passage
from nlp.role_words import DETERMINERS, FORMER, GAP_BEFORE_TITLE, KINSHIP, SUBJECT_PRONOUNS
from nlp.rules import breaks_line

DEMONSTRATIVES = frozenset({"cette", "cet", "ce"})
REVEAL_OPENINGS = word_lists()["reveal_openings"]
ANNOUNCED = word_lists()["announced_determiners"]


def _person_before_occupation(doc: Doc, et: int, ctx: Passage) -> Span | None:
    """'X, éleveur à Cerisy et <title>', 'X, avocate de formation et <title>': the person before a short
    occupation phrase (no verb, up to six words) coordinated with the title by "et"."""
    for k in range(et - 1, max(-1, et - 8), -1):
        token = doc[k]
        if token.text == ",":
            person = ctx.person_end.get(k - 1)
            return person if person is not None and k < et - 1 else None
        if token.pos_ in ("VERB", "AUX") or token.is_punct or breaks_line(token):
            return None
    return None


def person_for(doc: Doc, title: Span, chunk_end: int, ctx: Passage) -> tuple[Span | None, bool]:
    listed = _person_before_a_listed_title(doc, title, ctx)
    if listed is not None:
        return listed, False
    k = title.start - 1
    while k >= 0 and doc[k].lower_ in FORMER:
        k -= 1
    if k >= 0 and doc[k].lower_ in DEMONSTRATIVES:  # "..., cette ancienne directrice de Y a été"
        return ctx.last_person_before(k), True
    i, gap = title.start - 1, 0
    while i >= 0 and gap < 8:
        token = doc[i]
        if i in ctx.person_end:
            held = _kin_of(doc, ctx.person_end[i], ctx) or _relative_subject_of(doc, ctx.person_end[i], ctx)
            return held or ctx.person_end[i], False
        if i in ctx.title_chunks:  # "X, directeur financier (CFO), CEO de Y et membre du conseil"
            i, gap = ctx.title_chunks[i] - 1, gap + 1
            continue
        aside = _aside_start(doc, i, ctx)
        if aside is not None:  # "Karim Saïdi, ex-Workday, a été nommé", "X (ex-Cisco) devient"
            i = aside - 1
            continue
        if token.pos_ == "ADJ" and token.is_lower and i > 0 and doc[i - 1].lower_ in DETERMINERS | FORMER:
            i -= 1  # "Brian Krzanich, le charismatique CEO d'Intel"
            continue
        if is_age(doc, i):
            i -= 2  # "Romain Dufresne, 39 ans, jusqu'ici directeur des opérations"
            continue
        if token.lower_ in SUBJECT_PRONOUNS:
            return ctx.last_person_before(token.i), True
        occupied = _person_before_occupation(doc, i, ctx) if token.lower_ == "et" else None
        if occupied is not None:  # "Jean-Luc Lemonnier, éleveur à Cerisy et président du conseil"
            return occupied, False
        if token.lower_ not in GAP_BEFORE_TITLE:
            break
        i, gap = i - 1, gap + 1
    if gap and any(t.lower_ == "devenir" for t in doc[i + 1 : title.start]):
        subject = subject_before_infinitive(doc, i, ctx)  # "Elle gravit les échelons jusqu'à devenir T"
        if subject is not None:
            return subject
    relative = _relative_clause_subject(doc, i + 1, ctx) if gap else None
    if relative is not None:  # "X, qui dirigeait la filiale Y, deviendra directrice financière du groupe"
        return relative, False
    j = start = _past_region(doc, chunk_end, ctx)
    if j + 1 < len(doc) and doc[j].lower_ in ("depuis", "en") and doc[j + 1].like_num:
        j = start = j + 2  # "À la tête de Gaspard depuis 2019, Émilie Faure"
    while (
        j < len(doc)
        and j - start < 4
        and doc[j].lower_ in (",", ":", "m.", "mme", "on", "trouve", "retrouve")
    ):
        j += 1  # "À la tête de l'entreprise, on trouve Yann Le Goff"
    j = _past_relative_clause(doc, j, ctx)  # "La présidente de Y, qui vient de lever 10 M€, X"
    if j in ctx.person_start and j > chunk_end - 1:
        return ctx.person_start[j], False
    if _pronoun_after(doc, chunk_end) and _opens_sentence(doc, title, ctx):
        return ctx.last_person_before(title.start), True  # "Ancien directeur de Y, il prendra..."
    return None, False


def _person_before_a_listed_title(doc: Doc, title: Span, ctx: Passage) -> Span | None:
    """'Jérôme Aucouturier, éleveur de charolaises et président de Y': the title comes second."""
    if title.start < 3 or doc[title.start - 1].lower_ != "et":
        return None
    i = title.start - 2
    while i > 0 and title.start - i < 8 and (doc[i].is_lower or doc[i].lower_ in ("d'", "d’", "l'", "l’")):
        i -= 1
    if doc[i].text == "," and (i - 1) in ctx.person_end and i < title.start - 2:
        return ctx.person_end[i - 1]
    return None


def _kin_of(doc: Doc, person: Span, ctx: Passage) -> Span | None:
    """'Michel Brossard, frère cadet de Gérard et directeur général délégué': Gérard is a relative named
    in an aside about Michel Brossard, who holds the title; the person the aside is said of."""
    k = person.start - 1
    if k < 3 or doc[k].lower_ not in ("de", "d'", "d’", "du"):
        return None
    k -= 1
    while k > 0 and person.start - k <= 4 and doc[k].is_lower and doc[k].lower_ not in KINSHIP:
        k -= 1  # "frère cadet de", "fille aînée de"
    if not (doc[k].lower_ in KINSHIP and k >= 2):
        return None
    k -= 1
    while k > 0 and doc[k].lower_ in DETERMINERS:
        k -= 1  # "X, le frère de"
    return ctx.person_end.get(k - 1) if doc[k].text == "," else None


def subject_before_infinitive(doc: Doc, i: int, ctx: Passage) -> tuple[Span, bool] | None:
    """'Elle y gravit les échelons jusqu'à devenir T', 'il lui cède le fauteuil pour devenir T': the
    subject of the sentence an infinitive 'devenir' ending at token i hangs from."""
    start = ctx.sent_starts[ctx.sentence_index(i)]
    for k in range(i, max(start - 1, i - 15), -1):
        if k in ctx.person_end:
            return ctx.person_end[k], False
        if doc[k].lower_ in SUBJECT_PRONOUNS:  # the one person of the last sentences, else unsure
            s = ctx.sentence_index(k)
            near = {
                ctx.canonical(p) for p in ctx.persons if p.end <= k and s - ctx.sentence_index(p.start) <= 5
            }
            person = ctx.last_person_before(k)
            if person is None or len(near) > 1:
                return None
            return (person, True) if near or _most_named_person(ctx) == ctx.canonical(person) else None
        if doc[k].text in (".", "!", "?", ";", ":", "«", "»"):
            return None
    return None


def _most_named_person(ctx: Passage) -> str | None:
    """The person a portrait is about: the one named most often (ties: none)."""
    counts = Counter(ctx.canonical(p) for p in ctx.persons)
    top = counts.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


def _relative_subject_of(doc: Doc, person: Span, ctx: Passage) -> Span | None:
    """'X, qui remplace Z, deviendra directeur général': Z is the object of a relative clause about X, who
    holds the title that follows the clause."""
    k = person.start - 1
    while k > 0 and person.start - k <= 4 and doc[k].is_lower and doc[k].lower_ != "qui":
        k -= 1  # "qui remplace", "qui succède à", "qui a remplacé"
    if k < 3 or doc[k].lower_ != "qui" or doc[k - 1].text != ",":
        return None
    if person.end >= len(doc) or doc[person.end].text != ",":
        return None
    named = k - 2
    if is_age(doc, named):
        named -= 3
    return ctx.person_end.get(named)


def _past_relative_clause(doc: Doc, j: int, ctx: Passage) -> int:
    """Past ', qui <a clause without a name or a sentence end>,' after a title phrase; j itself otherwise."""
    k = j
    if k < len(doc) and doc[k].text == ",":
        k += 1
    if k >= len(doc) or doc[k].lower_ != "qui" or (k > 0 and doc[k - 1].text != ","):
        return j
    for m in range(k + 1, min(len(doc), k + 16)):
        token = doc[m]
        if m in ctx.person_start or token.text in (".", "!", "?", ";", ":", "«", "»") or token.is_space:
            return j
        if token.text == ",":
            return m + 1
    return j


def _aside_start(doc: Doc, i: int, ctx: Passage) -> int | None:
    """Start of an aside that ends at token i between a name and its title: a former employer
    ('ex-Workday', 'ex- Cisco') or a short bracket ('(ex-Cisco)', '(CFO)')."""
    if doc[i].text == ")":
        start = next((k for k in range(i - 1, max(-1, i - 9), -1) if doc[k].text == "("), None)
        return start if start is not None and not any(t.text == ")" for t in doc[start + 1 : i]) else None
    ent = ctx.ent_end.get(i)
    if ent is not None and ent.label_ == "ORG" and has_ex_prefix(ent.text):
        return ent.start
    if (
        ent is not None
        and ent.label_ == "ORG"
        and ent.start > 0
        and doc[ent.start - 1].lower_ in ("ex-", "ex")
    ):
        return ent.start - 1
    return None


def _relative_clause_subject(doc: Doc, comma: int, ctx: Passage) -> Span | None:
    """'X, qui dirigeait jusqu'ici les finances de la filiale Y, <comma>': X, the person a relative clause
    ending at ``comma`` is said of (no sentence end, no other person, no second comma in it)."""
    if comma >= len(doc) or doc[comma].text != ",":
        return None
    for k in range(comma - 1, max(1, comma - 25), -1):
        token = doc[k]
        if token.lower_ == "qui" and doc[k - 1].text == ",":
            return ctx.person_end.get(k - 2)
        if token.text in (",", ".", "!", "?", ";", ":", "«", "»") or k in ctx.person_end:
            return None
    return None


def _past_region(doc: Doc, i: int, ctx: Passage) -> int:
    """'Le patron de Lumeo pour l'Amérique du Nord, Ryan Cooper': the name comes after the region."""
    if i < len(doc) and doc[i].lower_ in ("pour", "en"):
        j = i + 1
        while j < len(doc) and doc[j].lower_ in DETERMINERS:
            j += 1
        if j in ctx.ent_start and ctx.ent_start[j].label_ == "LOC":
            return ctx.ent_start[j].end
    return i


def _pronoun_after(doc: Doc, i: int) -> bool:
    """', il' or ', elle' after the title phrase, past a short 'pour la région Sud-Est'."""
    if i < len(doc) and doc[i].lower_ in ("pour", "en"):
        i = next((t.i for t in doc[i : i + 7] if t.text == ","), i)
    return i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in SUBJECT_PRONOUNS | DEMONSTRATIVES


def _opens_sentence(doc: Doc, title: Span, ctx: Passage) -> bool:
    """The title (with 'ancien', 'le') starts its sentence."""
    i = title.start
    while i > 0 and doc[i - 1].lower_ in FORMER | DETERMINERS:
        i -= 1
    return i == 0 or doc[i - 1].is_space or doc[i - 1].text in (".", "!", "?", "\n")


def revealed_after(doc: Doc, title: Span, ctx: Passage) -> Span | None:
    """'Y annonce l'arrivée d'un nouveau directeur financier. Il s'agit de X': a title announced with no
    name in its sentence, its holder named by the opening of the next one."""
    if title.start == 0 or doc[title.start - 1].lower_ not in ANNOUNCED:
        return None
    s = ctx.sentence_index(title.start)
    if s + 1 >= len(ctx.sent_starts) or any(ctx.sentence_index(p.start) == s for p in ctx.persons):
        return None
    start = ctx.sent_starts[s + 1]
    for size in range(2, 5):
        opening = " ".join(t.lower_ for t in doc[start : start + size]).replace("’", "'").replace("' ", "'")
        if opening in REVEAL_OPENINGS and (start + size) in ctx.person_start:
            return ctx.person_start[start + size]
    return None


def listed_after(doc: Doc, person: Span, title: Span, ctx: Passage) -> list[Span]:
    """The other names of 'TITLE, A et B' (or 'A, B et C') when the first one follows the title."""
    if person.start < title.end:
        return []
    found, i = [], person.end
    while i + 1 < len(doc) and doc[i].lower_ in (",", "et") and (i + 1) in ctx.person_start:
        found.append(ctx.person_start[i + 1])
        i = found[-1].end
    return found


def former_before(doc: Doc, start: int) -> bool:
    for i in range(max(0, start - 3), start):
        if doc[i].lower_ in FORMER:
            return True
    return False


def is_age(doc: Doc, i: int) -> bool:
    """Token i ends ', 43 ans': an age between a name and what is said of the person."""
    return doc[i].lower_ == "ans" and i >= 2 and doc[i - 1].like_num and doc[i - 2].text == ","


def person_before(doc: Doc, i: int, ctx, extra: frozenset | set = frozenset()) -> Span | None:
    """The person whose name ends just before token i, across gap words ('a été', 'est nommée')."""
    gap = 0
    while i >= 0 and gap < 7:
        if i in ctx.person_end:
            return ctx.person_end[i]
        token = doc[i]
        if is_age(doc, i):
            i -= 2  # "Antoine Vautrin, 43 ans, prend la présidence de..."
            continue
        if token.lower_ in SUBJECT_PRONOUNS:
            return ctx.last_person_before(i)
        if token.lower_ not in GAP_BEFORE_TITLE and token.lower_ not in extra:
            return None
        i, gap = i - 1, gap + 1
    return None
