"""Rules that name products and companies from how the press introduces them, whatever the name.

- 'Nexadata lance Orbis', 'Microsoft a présenté Dragon Copilot', 'vient de dévoiler Codestral' -> PRODUCT
- 'Codestral, un modèle spécialisé', 'Velcora, une thérapie génique' -> PRODUCT (apposition after the name)
- 'H100', 'A350-1000', 'Alpine A390', 'MI300' -> PRODUCT (model codes: letters then digits)
- 'Vestas, Siemens Gamesa ou Nordex', 'Renault, EQT Ventures, Macquarie et Arkema': a name listed with
  companies is a company (`enumerated_orgs`, run on the chosen candidates).

The words are data (`apposition_heads`, `articles`, `plural_org_heads`, `place_words`, `list_gaps` in
nlp/patterns/words.jsonl).
"""

from __future__ import annotations

import functools
import logging
import re

from spacy.tokens import Doc

from nlp.lexicon import word_lists
from nlp.rules import CLOSE_QUOTES, OPEN_QUOTES, Candidate, breaks_line, capital_run, is_capitalised, tagged
from nlp.tokens import doc_text, ents_of, tokens_in

logger = logging.getLogger(__name__)

# nouns that, after "X, un/une", describe a product rather than a company (words.jsonl says which are left out)
APPOSITION_HEADS = word_lists()["apposition_heads"]
ARTICLES = word_lists()["articles"]
PLURAL_ORG_HEADS = word_lists()["plural_org_heads"]
_CODE_IN_TEXT = re.compile(r"(?<!\w)[A-Z][A-Za-z]{0,3}-?\d{2,}[A-Za-z]*")
_LIST_GAPS = frozenset(
    tuple(gap.split()) for gap in word_lists()["list_gaps"]
)  # (",", "et"), ("ou", "encore")


def product_candidates(doc: Doc, words: dict, person_tokens: set[int]) -> list[Candidate]:
    """Products after a launch verb, before an apposition ('X, un modèle ...') and model codes, in the
    order of their trigger tokens; the triggers are found in the Doc's arrays and the codes by one regex
    over the text (no per-token Python loop)."""
    found: list[tuple[int, list[Candidate]]] = []
    for token in tokens_in(doc, words["product_verbs"]):
        if token.is_lower:
            trigger = (token.i, token.i + 1)
            after = _after_verb(doc, token.i + 1, words, person_tokens)
            found.append((token.i, tagged(after, "product_after_verb", trigger)))
    for token in tokens_in(doc, APPOSITION_HEADS):
        if token.i >= 3:
            named = _name_before_product_apposition(doc, token.i, words, person_tokens)
            found.append((token.i, tagged(named, "product_before_apposition", (token.i, token.i + 1))))
    for token in tokens_in(doc, words["launch_nouns"]):
        named = _after_launch_noun(doc, token.i + 1, words, person_tokens)
        found.append((token.i, tagged(named, "product_after_launch_noun", (token.i, token.i + 1))))
    for token in tokens_in(doc, _COLON):
        listed = _listed_after_colon(doc, token.i, words, person_tokens)
        found.append((token.i, tagged(listed, "products_listed_after_colon", (token.i, token.i + 1))))
    for token in _code_tokens(doc):
        if token.text.lower() not in words["not_names"]:
            found.append((token.i, tagged([_model_code(doc, token.i, words)], "product_model_code")))
    found.sort(key=lambda pair: pair[0])
    return [c for _, cands in found for c in cands]


def _code_tokens(doc: Doc) -> list:
    """The tokens that are model codes ('H100', 'A350', 'MI300X'): regex matches aligned on one token."""
    tokens = []
    for match in _CODE_IN_TEXT.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1:
            tokens.append(span[0])
    return tokens


def _after_verb(doc: Doc, i: int, words: dict, person_tokens: set[int]) -> list[Candidate]:
    """'lance Orbis', 'a présenté Dragon Copilot', 'dévoile le Lumio Eye': the capitalised name after the verb."""
    while i < len(doc) and doc[i].is_lower:
        if doc[i].pos_ == "ADV":
            i += 1  # "commercialise déjà l'Iqirvo"
            continue
        aside = _aside_end(doc, i, words)
        if aside == i:
            break
        i = aside  # "a lancé en avril Kerval Signature", "lance dans la foulée Flotte 2.0"
    if i < len(doc) and doc[i].lower_ in ARTICLES:
        i += 1
    if i < len(doc) and doc[i].text in OPEN_QUOTES:
        return _quoted_name(doc, i, words)
    end = capital_run(doc, i, words, allow_numbers=True)
    if end == i or doc[i].text in words["places"]:
        return []
    if any(t in person_tokens for t in range(i, end)) and not _product_apposition_after(doc, end, words):
        return []  # but "a lancé Kerval Signature, une gamme de ...": the model's "person" is the product
    if doc[i:end].text.lower() in words["not_names"] or doc[i].is_sent_start:
        return []
    return [Candidate(i, end, "PRODUCT", "context"), *_listed_after(doc, end, words, person_tokens)]


_MAX_LISTED = 3
_LIST_WORDS = frozenset({",", "et"})
_CLITICS = frozenset({"s'", "s’", "se", "en", "y"})


def _listed_after(doc: Doc, end: int, words: dict, person_tokens: set[int]) -> list[Candidate]:
    """'dévoile Scale-G8 et AI Endpoints 2', ': l'Orion Nova 5 Pro et l'Orion Nova 5': the names listed
    after a product, each after ',' or 'et' and its article; a name that a verb follows is the subject
    of another clause ('lance Orbis et Kalio s'inquiète'), not a product."""
    found: list[Candidate] = []
    while len(found) < _MAX_LISTED and end + 1 < len(doc) and doc[end].lower_ in _LIST_WORDS:
        i = end + 1
        if doc[i].lower_ in ARTICLES:
            i += 1
        stop = capital_run(doc, i, words, allow_numbers=True)
        if stop == i or i >= len(doc) or doc[i:stop].text in words["places"]:
            break
        if any(t in person_tokens for t in range(i, stop)) or doc[i:stop].text.lower() in words["not_names"]:
            break
        if stop < len(doc) and (doc[stop].pos_ in ("VERB", "AUX") or doc[stop].lower_ in _CLITICS):
            break
        found.append(Candidate(i, stop, "PRODUCT", "context"))
        end = stop
    return found


_MAX_QUOTED = 8


def _quoted_name(doc: Doc, quote: int, words: dict) -> list[Candidate]:
    """'lance « Les Sablés du Dimanche », une gamme ...': the capitalised words between quotes right after
    a launch verb are the product's name, common words and article included; a quoted saying (a verb, a
    lowercase start, a long run) is none."""
    start = quote + 1
    if start >= len(doc) or not is_capitalised(doc[start]):
        return []
    for end in range(start + 1, min(len(doc), start + _MAX_QUOTED + 1)):
        token = doc[end]
        if token.text in CLOSE_QUOTES:
            name = doc[start:end]
            if any(t.pos_ in ("VERB", "AUX") or breaks_line(t) for t in name):
                return []
            if name.text.lower() in words["not_names"] or name.text in words["places"]:
                return []
            return [Candidate(start, end, "PRODUCT", "context")]
        if token.is_punct and token.text not in ("'", "’", "-", ":", "&"):
            return []
    return []


_OF = frozenset({"de", "d'", "d’", "du"})


def _after_launch_noun(doc: Doc, i: int, words: dict, person_tokens: set[int]) -> list[Candidate]:
    """'la sortie d'Ashfall: Requiem le 19 mars', 'le lancement commercial de Vela 2': the name after a
    launch noun and 'de' (an adjective between); a company of the model's there ('la sortie de X du
    capital') is left to it."""
    if i < len(doc) and doc[i].is_lower and doc[i].pos_ == "ADJ":
        i += 1
    if i >= len(doc) or doc[i].lower_ not in _OF:
        return []
    i += 1
    if i < len(doc) and doc[i].lower_ in ARTICLES:
        i += 1
    end = capital_run(doc, i, words, allow_numbers=True)
    while end + 1 < len(doc) and _title_colon(doc, end) and is_capitalised(doc[end + 1]):
        end = capital_run(doc, end + 1, words, allow_numbers=True)  # "Ashfall: Requiem"
    if end == i or doc[i:end].text in words["places"] or doc[i:end].text.lower() in words["not_names"]:
        return []
    if any(t in person_tokens or doc[t].ent_type_ == "ORG" for t in range(i, end)):
        return []
    return [Candidate(i, end, "PRODUCT", "context")]


_COLON = frozenset({":"})
_HEAD_REACH = 8


def _listed_after_colon(doc: Doc, colon: int, words: dict, person_tokens: set[int]) -> list[Candidate]:
    """'ses deux nouveaux smartphones pour le marché européen : l'Orion Nova 5 Pro et l'Orion Nova 5':
    two names or more listed after a colon that closes a plural product word's phrase (no verb between)."""
    for t in reversed(doc[max(0, colon - _HEAD_REACH) : colon]):
        if t.is_punct or t.pos_ in ("VERB", "AUX") or breaks_line(t):
            return []
        if t.is_lower and t.lower_ in words["product_heads"] and t.lower_.endswith(("s", "x")):
            break
    else:
        return []
    i = colon + 1
    if i < len(doc) and doc[i].lower_ in ARTICLES:
        i += 1
    end = capital_run(doc, i, words, allow_numbers=True)
    if end == i or doc[i:end].text in words["places"] or any(t in person_tokens for t in range(i, end)):
        return []
    rest = _listed_after(doc, end, words, person_tokens)
    return [Candidate(i, end, "PRODUCT", "context"), *rest] if rest else []


def _product_apposition_after(doc: Doc, end: int, words: dict) -> bool:
    """', une gamme de ...', ', un logiciel ...' right after a name."""
    return (
        end + 2 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].lower_ in ("un", "une")
        and (doc[end + 2].lower_ in APPOSITION_HEADS or doc[end + 2].lower_ in words["product_heads"])
    )


def _aside_end(doc: Doc, i: int, words: dict) -> int:
    """The end of a time or manner aside starting at i ('en avril', 'dans la foulée', 'en 2024'); i if none."""
    if i + 1 < len(doc) and doc[i].lower_ == "en" and _YEAR.match(doc[i + 1].text):
        return i + 2
    for size in (4, 3, 2, 1):  # 'ce mois-ci' is four tokens: its text, not its words joined, is the aside
        if i + size <= len(doc) and doc[i : i + size].text.lower() in words["launch_asides"]:
            return i + size
    return i


_YEAR = re.compile(r"^(19|20)\d\d$")


def _name_before_product_apposition(
    doc: Doc, head: int, words: dict, person_tokens: set[int]
) -> list[Candidate]:
    """'Codestral, un modèle spécialisé dans le code': the name before ', un/une <product noun>'."""
    i = head - 1
    if doc[i].lower_ not in ("un", "une", "le", "la") or doc[i - 1].text != ",":
        return []
    end = i - 1
    start = end
    if start > 1 and doc[start - 1].like_num and is_capitalised(doc[start - 2]):
        start -= 1  # "Vektor-Sight 2, un modèle"
    while (
        start > 0 and end - start < 5 and is_capitalised(doc[start - 1]) and not breaks_line(doc[start - 1])
    ):
        start -= 1
        if _title_colon(doc, start - 1) or _glued_hyphen(doc, start - 1):
            start -= 1  # "Ashfall: Requiem, un jeu d'action": a game's subtitle after an English colon
    if start < end and not is_capitalised(doc[start]):
        return []
    if start == end or any(t in person_tokens for t in range(start, end)) or doc[start].is_sent_start:
        return []
    if doc[start:end].text in words["places"] or doc[start].lower_ in words["leading_junk"]:
        return []
    return [Candidate(start, end, "PRODUCT", "context")]


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen between two capitalised words without spaces ('Vektor-Sight')."""
    return (
        i > 0
        and doc[i].text == "-"
        and not doc[i].whitespace_
        and not doc[i - 1].whitespace_
        and is_capitalised(doc[i - 1])
    )


def _title_colon(doc: Doc, i: int) -> bool:
    """A colon glued to the capitalised word before it, as English titles write it ('Ashfall: Requiem')."""
    return (
        i > 0
        and doc[i].text == ":"
        and not doc[i - 1].whitespace_
        and is_capitalised(doc[i - 1])
        and not breaks_line(doc[i - 1])
    )


def _model_code(doc: Doc, i: int, words: dict) -> Candidate:
    """'A350-1000', 'Gaudi 3'-like codes: the code, its '-1000' suffix, a trailing 'MAX'/'Pro', and a brand
    word before it that is no company of the gazetteer ('Alpine A390')."""
    start, end = i, i + 1
    if end + 1 < len(doc) and doc[end].text == "-" and not doc[i].whitespace_ and doc[end + 1].text.isalnum():
        end += 2
    if (
        end < len(doc)
        and doc[end - 1].whitespace_
        and doc[end].is_upper
        and doc[end].is_alpha
        and len(doc[end]) <= 5
    ):
        end += 1
    prev = doc[start - 1] if start > 0 else None
    if (
        prev is not None
        and prev.is_alpha
        and prev.text[:1].isupper()
        and not prev.is_sent_start
        and prev.lower_ not in words["leading_junk"]
        and prev.lower_ not in words["product_heads"]  # "le SUV C10": the product word is no brand
        and prev.ent_type_ != "ORG"
        and not (start > 1 and is_capitalised(doc[start - 2]))
    ):
        start -= 1
    return Candidate(start, end, "PRODUCT", "context")


MAX_LONG_NAME = 12
_OPENING = frozenset({"("})


def acronym_candidates(doc: Doc, words: dict) -> list[Candidate]:
    """'le Syndicat des travailleurs et travailleuses du jeu vidéo (STJV)': the long name before an acronym
    in brackets whose letters are its words' initials is an organisation, and so is the acronym there (its
    other mentions are left to the model: made ORG everywhere, they drew roles away from the companies
    next to them in heldout6); the long name must open with a trade word or hold a company of the model's."""
    org_tokens = {i for ent in ents_of(doc) if ent.label_ == "ORG" for i in range(ent.start, ent.end)}
    found = []
    for bracket in tokens_in(doc, _OPENING):  # the token after each '(' (tokens 2 to the last but one)
        if not 2 <= bracket.i + 1 < len(doc) - 1:
            continue
        token = doc[bracket.i + 1]
        i, acronym = token.i, token.text
        if not (doc[i - 1].text == "(" and doc[i + 1].text == ")" and token.is_upper and token.is_alpha):
            continue
        if not 2 <= len(acronym) <= 6 or acronym.lower() in words["not_names"]:
            continue
        start = _long_name_start(doc, i - 1, acronym)
        if start is None:
            continue
        if doc[start].lower_ not in words["org_prefixes"] | words["org_heads"] and not any(
            j in org_tokens for j in range(start, i - 1)
        ):
            continue
        found.append(Candidate(start, i - 1, "ORG", "context", rule="name_before_acronym"))
        found.append(Candidate(i, i + 1, "ORG", "context", rule="acronym_of_name"))
    return found


def _long_name_start(doc: Doc, end: int, acronym: str) -> int | None:
    """The capitalised word from which the initials of the words up to end spell the acronym, in order."""
    for start in range(end - 1, max(-1, end - MAX_LONG_NAME - 1), -1):
        if breaks_line(doc[start]) or doc[start].is_punct:
            return None
        if not doc[start].text[:1].isupper() or doc[start].text[0] != acronym[0]:
            continue
        initials = [t.text[0].upper() for t in doc[start:end] if t.is_alpha]
        letters = iter(initials)
        if all(ch in letters for ch in acronym) and initials[-1] == acronym[-1]:
            return start
    return None


def enumerated_orgs(doc: Doc, chosen: list[Candidate], gazetteer: dict, places: frozenset[str]) -> None:
    """In a list of names where companies dominate, the other names are companies too (a place, a
    'product' guessed from a company prefix, a person the model saw in 'Andreessen Horowitz')."""
    ordered = sorted((c for c in chosen if c.label != "DROP"), key=lambda c: c.start)
    chains, current = [], []
    for c in ordered:
        if current and _joined(doc, current[-1], c):
            current.append(c)
        else:
            if len(current) > 1:
                chains.append(current)
            current = [c]
    if len(current) > 1:
        chains.append(current)
    for chain in chains:
        if chain[0].start > 0 and doc[chain[0].start - 1].lower_ in PLURAL_ORG_HEADS:
            for c in chain:  # "les enseignes Lapeyre et Leroy Merlin": every name of the list
                if c.label in ("PERSON", "MISC", "LOC") and doc[c.start : c.end].text not in places:
                    c.relabel("ORG", "listed_after_plural_head")
                    c.canonical = None
            continue
        orgs = [c for c in chain if c.label == "ORG" and not _after_place_word(doc, c)]
        named_products = [c for c in chain if c.label == "PRODUCT" and c.source != "model" and not c.maker]
        if named_products and not any(_strong_org(doc, c, gazetteer) for c in orgs):
            for c in chain:  # "Ses logiciels BatiPlan et ChantierPro": a list of products
                if c.label in ("ORG", "MISC") and c.source == "model":
                    c.relabel("PRODUCT", "listed_with_products")
                    c.canonical = None
            continue
        if not orgs or any(c.label == "PRODUCT" and c.source == "gazetteer" for c in chain):
            continue
        for c in chain:
            text = doc[c.start : c.end].text
            if c.label == "ORG" or text in places or c.source == "gazetteer" or text in gazetteer:
                continue
            if _after_place_word(doc, c):
                continue  # 'les usines de Crolles et de Bernin'
            if c.label == "PERSON" and (c.source != "model" or len(orgs) < 2):
                continue
            if c.label in ("LOC", "MISC", "PERSON", "PRODUCT"):
                c.relabel("ORG", "listed_with_companies")
                c.maker, c.canonical = None, None


def _joined(doc: Doc, a: Candidate, b: Candidate) -> bool:
    if b.start - a.end > _LONGEST_GAP:
        return False  # no list gap is that long: the tokens between need not be read
    gap = tuple(t.lower_ for t in doc[a.end : b.start])
    return gap in _LIST_GAPS and not any(t.is_sent_start for t in doc[a.end : b.start + 1])


_LONGEST_GAP = max(map(len, _LIST_GAPS), default=0)
PLACE_WORDS = word_lists()["place_words"]


def _after_place_word(doc: Doc, c: Candidate) -> bool:
    return c.start > 0 and doc[c.start - 1].lower_ in PLACE_WORDS


def _strong_org(doc: Doc, c: Candidate, gazetteer: dict) -> bool:
    text = doc[c.start : c.end].text
    return c.source in ("gazetteer", "context") or gazetteer.get(text, {}).get("label") == "ORG"


def suffix_candidates(doc: Doc, words: dict) -> list[Candidate]:
    """'Cellia Energy', 'Oscilia Technologies', 'Hoffmeister Pumpen Group': a run of capitalised words
    ending on a capitalised company word is a company, even when the model saw nothing there (the words:
    `org_suffixes`, less those that also end products or common phrases, `suffix_not_final`)."""
    finals = _final_words(
        words["org_suffixes"], words["product_suffixes"], words["model_suffixes"], words["suffix_not_final"]
    )
    junk = words["leading_junk"] | words["title_words"] | words["elisions"] | words["head_acronyms"]
    junk = junk | words["org_heads"]  # 'La SSII Kovalam Technologies', 'le groupe Cellia Energy'
    found = []
    for token in tokens_in(doc, finals):  # the Doc's arrays find the few company words, no loop over tokens
        j = token.i
        if j < 1 or not token.is_title or not doc[j - 1].whitespace_:
            continue
        start = end = j
        if token.lower_ in words["family_suffixes"] and j > 1 and doc[j - 1].lower_ in ("&", "et"):
            start = end = j - 1  # 'Tréfileries Gaudin & Fils', 'Martin et Fils': the run goes on before "&"
        while (
            start > 0
            and end - start < MAX_SUFFIXED_RUN
            and not breaks_line(doc[start - 1])
            and is_capitalised(doc[start - 1])
            and doc[start - 1].lower_ not in junk
            and doc[start - 1].lower_ not in finals
            and not doc[start - 1].is_punct
        ):
            start -= 1
        if start >= j - 1 and doc[start].lower_ in ("&", "et"):
            continue
        if start == j:
            continue
        first = doc[start]
        if first.is_stop or first.pos_ == "ADJ" or not first.text[:1].isupper():
            continue  # 'Nos Solutions', 'ex-Altran Engineering'
        if start > 0 and doc[start - 1].lower_ in words["plural_determiners"]:
            continue  # 'ses Nouvelles Solutions', 'des Grandes Industries': capitalised common words
        opening = start == 0 or breaks_line(doc[start - 1]) or doc[start - 1].text in _SENTENCE_ENDS
        if (opening or (first.is_sent_start and doc[start - 1].is_punct)) and first.pos_ != "PROPN":
            continue  # a sentence opening on a common word ('(Nouvelles Solutions Informatiques)'; the
            # parser's own sentence starts inside a name, 'techniques | Tréfileries Gaudin', are not trusted)
        if all(t.text in words["places"] for t in doc[start:j]):
            continue  # 'Normandie Énergies' is left to the model and the gazetteer
        # told as the model's: the article rules trust it no more ('Valade Emballages' does not make
        # 'Valade Cartonnages' a product of it, as a name found by its context would)
        found.append(Candidate(start, j + 1, "ORG", "model", rule="name_with_company_word"))
    return found


@functools.lru_cache(maxsize=8)
def _final_words(suffixes: frozenset, products: frozenset, models: frozenset, common: frozenset) -> frozenset:
    """The company words that end a company's name: one set per word lists (tokens_in caches its hashes)."""
    return suffixes - products - models - common


MAX_SUFFIXED_RUN = 3
_SENTENCE_ENDS = frozenset({".", "!", "?", "…"})
