"""The company a headline is about, for nlp/entities.py (rule `headline_company`):

  "Sémaphore lance Brume 2, un modèle d'IA ..."      "Opaline supprime un quart de ses effectifs"
  "Cinq8 lève 12 millions de dollars ..."            "Fibréa : Claire Vasseur-Lemoine succède à ..."

A name that opens the headline, followed by its verb or a colon, and named again in the body at least
twice (once at least inside a sentence, where a capital is not the sentence's, unless the name is no
word of the vocabulary) is the article's own company. The model often reads such unknown start-up names as people, common nouns or nothing; here
every mention becomes ORG. Not a name found in the gazetteer as a product, a place, a person named in
full elsewhere, or a name in quotes.
"""

from __future__ import annotations

from spacy.attrs import IS_LOWER, IS_SPACE, LOWER, ORTH
from spacy.tokens import Doc

from nlp.rules import Candidate, breaks_line, is_capitalised
from nlp.tokens import line_break_tokens

MAX_NAME = 4
MIN_BODY_MENTIONS = 2
MIN_COLUMN_PARAGRAPHS = 2
NOT_VERBS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PRON", "NUM", "ADV", "PUNCT"})
ELIDED_ARTICLES = ("l'", "l’", "la", "le", "les", "du", "des")
REFLEXIVE = ("se", "s'", "s’")  # "Kerlann s'allie à ..."


def headline_company(doc: Doc, chosen: list[Candidate], entries: dict, words: dict) -> list[Candidate]:
    """Relabel (or add) the mentions of the headline's company as ORG; returns the new list."""
    span = _headline_name(doc)
    if span is None:
        return chosen
    start, end = span
    name = doc[start:end].text
    if name in words["places"] or entries.get(name, {}).get("label") == "PRODUCT":
        return chosen
    pattern = [t.orth for t in doc[start:end]]
    orths = doc.to_array(ORTH).tolist()  # the tokens' texts as hashes: no Token made per position
    mentions = [
        (i, i + len(pattern))
        for i in range(end, len(doc) - len(pattern) + 1)
        if orths[i] == pattern[0] and orths[i : i + len(pattern)] == pattern
    ]
    mentions = [m for m in mentions if _standalone(doc, *m)]
    if all(doc[m[0]].ent_type_ == "LOC" for m in mentions):
        return chosen  # "Saint-Malo : ...", "Lannion : ...": a place opens the headline
    inside = [m for m in mentions if not doc[m[0]].is_sent_start and not _after_quote(doc, m[0])]
    unknown_word = doc[start].is_oov and not _lowercase_elsewhere(doc, doc[start].lower)  # a coined name
    if len(mentions) < MIN_BODY_MENTIONS or not (inside or unknown_word):
        return chosen
    if any(_part_of_person(doc, c, name) for c in chosen):
        return chosen  # "Musk rachète ...": the surname of a person named in full
    by_span = {(c.start, c.end): c for c in chosen}
    if len(name.split()) > 1 and any(
        by_span.get(m) is not None and by_span[m].label == "PERSON" for m in [span, *mentions]
    ):
        return chosen  # "Nomination : Hélène Marchand devient ...": a person's full name
    taken = {i for c in chosen for i in range(c.start, c.end)}
    added = []
    for m in [(start, end), *mentions]:
        c = by_span.get(m)
        if c is not None:
            if c.label != "ORG":
                c.relabel("ORG", "headline_company")
                c.canonical = name
        elif not any(i in taken for i in range(*m)):
            added.append(Candidate(m[0], m[1], "ORG", "context", canonical=name, rule="headline_company"))
    return sorted(chosen + added, key=lambda c: c.start)


def _lowercase_elsewhere(doc: Doc, lower: int) -> bool:
    """A lowercase token of the Doc reads `lower` (a hash): the word is a French word too."""
    return any(a == lower and b for a, b in doc.to_array([LOWER, IS_LOWER]).tolist())


def paragraph_companies(doc: Doc, chosen: list[Candidate], words: dict) -> list[Candidate]:
    """Paragraphs that open with a name and a full stop, as a news column does ("Qiliane. Nadia Ferhat
    est nommée ..."; "Cloudvane France. Rebecca Holt ..."), are about that company (rule
    `paragraph_company`). Two such paragraphs at least; not a French word ("Levée.", "Nomination." are
    rubrics) nor a person ("Camille Ferrand." before an interview answer)."""
    found = []
    for i in _breaking_tokens(doc):
        if i + 1 >= len(doc):
            continue
        start = _after_rubric(doc, i + 1)
        if not is_capitalised(doc[start]) or doc[start].is_stop:
            continue
        end = _name_end(doc, start, len(doc))
        if end is None or end + 1 >= len(doc):
            continue
        if start > i + 1:  # "LOGISTIQUE - Sogena Ports dément ...": the name and its verb
            if (doc[end].is_lower and doc[end].is_alpha) or doc[
                end
            ].lower_ in REFLEXIVE:  # the tagger is unsure
                found.append((start, end))
        elif doc[end].text == "." and is_capitalised(doc[end + 1]):
            found.append((start, end))
    if len(found) < MIN_COLUMN_PARAGRAPHS:
        return chosen
    by_span = {(c.start, c.end): c for c in chosen}
    taken = {i for c in chosen for i in range(c.start, c.end)}
    added = []
    for start, end in found:
        name = doc[start:end].text
        c = by_span.get((start, end))
        if name in words["places"] or (end - start == 1 and not doc[start].is_oov):
            continue
        if c is not None:
            if c.label not in ("ORG", "PERSON"):
                c.relabel("ORG", "paragraph_company")
                c.canonical = name
        elif not any(i in taken for i in range(start, end)):
            added.append(Candidate(start, end, "ORG", "context", canonical=name, rule="paragraph_company"))
    return sorted(chosen + added, key=lambda c: c.start) if added else chosen


def _breaking_tokens(doc: Doc) -> list[int]:
    """The tokens `breaks_line` is true of, in order: the spaces and those holding a line break."""
    spaces = [i for i, space in enumerate(doc.to_array(IS_SPACE).tolist()) if space]
    return sorted({*spaces, *line_break_tokens(doc)})


RUBRIC_DASHES = ("-", "–", "—")


def _after_rubric(doc: Doc, start: int) -> int:
    """Where the paragraph's text starts after an uppercase rubric and a dash ("ROBOTIQUE - ", "ÉNERGIE – "),
    as an in-brief column opens each item; start when there is none."""
    i = start
    while i < len(doc) and i - start < 3 and doc[i].is_upper and doc[i].is_alpha and len(doc[i]) > 2:
        i += 1
    if start < i and i + 1 < len(doc) and doc[i].text in RUBRIC_DASHES and doc[i].whitespace_:
        return i + 1
    return start


def _headline_name(doc: Doc) -> tuple[int, int] | None:
    """The capitalised name opening the first line (or its part after a rubric and a colon:
    "Agritech : Sylvagri lève ..."), when its verb or a colon follows."""
    line_end = next((t.i for t in doc if breaks_line(t)), len(doc))
    colon = next((t.i for t in doc[:line_end] if t.text == ":"), None)
    for start in (0, colon + 1 if colon is not None else None):
        if start is None or start >= line_end or not is_capitalised(doc[start]) or doc[start].is_stop:
            continue
        end = _name_end(doc, start, line_end)
        if end is None or end >= line_end:
            continue
        nxt = doc[end]
        if (nxt.text == ":" and start == 0) or _verb_like(nxt):
            return start, end
    return None


def _name_end(doc: Doc, start: int, line_end: int) -> int | None:
    end = start + 1
    while end < line_end and end - start < MAX_NAME:
        token = doc[end]
        joined = not doc[end - 1].whitespace_  # "Midi-Volt", "Vireo&Co", "Sekur.io"
        inner = token.text in ("-", "&", ".") and not token.whitespace_ and end + 1 < line_end
        if joined and (
            inner or (token.text not in ("-", "&", ".") and (is_capitalised(token) or token.is_alpha))
        ):
            end += 1
        elif token.text == "&" or (is_capitalised(token) and token.pos_ == "PROPN"):
            end += 1
        else:
            break
    return None if doc[end - 1].text in ("-", "&", ".") else end


def _verb_like(token) -> bool:
    """The headline's verb: the tagger is unsure of it ("Sémaphore lance" X, "Néosilic accélère" ADJ)."""
    if token.lower_ in REFLEXIVE:
        return True  # "Kerlann s'allie à ..."
    return token.is_lower and token.is_alpha and token.pos_ not in NOT_VERBS


def _standalone(doc: Doc, start: int, end: int) -> bool:
    """A mention of the name itself, not a piece of a longer one ('Fibre Armor') nor a common noun ("l'IA")."""
    before = doc[start - 1] if start > 0 else None
    if before is not None and (
        before.lower_ in ELIDED_ARTICLES
        or (not before.whitespace_ and not before.is_space and before.lower_ not in ("d'", "d’"))
    ):
        return False
    return end >= len(doc) or not (
        is_capitalised(doc[end]) or (not doc[end - 1].whitespace_ and doc[end].is_alpha)
    )


def _after_quote(doc: Doc, i: int) -> bool:
    return i > 0 and doc[i - 1].text in ("«", '"', "“")


def _part_of_person(doc: Doc, c: Candidate, name: str) -> bool:
    if c.label != "PERSON" or c.size < 2:
        return False
    text = doc[c.start : c.end].text
    return text != name and text.split()[-1] == name
