"""Candidate entities from rules: gazetteers, cleaned model entities, company and product contexts.

Every function takes a parsed Doc and returns `Candidate`s (token offsets, label, where it came from);
nlp/entities.py chooses among them. Word lists come from nlp/patterns/words.jsonl.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from nlp.tokens import ents_of, has_morph

logger = logging.getLogger(__name__)

# Higher wins when two candidates of the same length overlap.
PRIORITY = {"quantity": 5, "context": 4, "gazetteer": 3, "model": 2}
MODEL_LABELS = {"PER": "PERSON", "ORG": "ORG", "MISC": "MISC", "LOC": "LOC"}
MAX_RUN = 5
MAX_OWNED_COMPLEMENT = 8
PERSON_LIKE_HEADS = frozenset(
    {"assistant", "modèle", "outil"}
)  # product words a person can be  # words between a possessive's product word and its name in apposition
# Prepositions that a company name rarely holds before a lowercase word (unlike "de": "Caisse des dépôts")
CLAUSE_PREPOSITIONS = frozenset(
    {"pour", "avec", "sur", "dans", "par", "chez", "contre", "entre", "depuis", "vers"}
)


@dataclass
class Candidate:
    start: int
    end: int
    label: str
    source: str
    canonical: str | None = None
    maker: str | None = None
    value: float | None = None
    currency: str | None = None
    rate: str | None = None
    range_end: str | None = None  # "low" / "high": an end of a range of amounts
    rule: str | None = None  # the named rule that found it ("org_head_word", "gazetteer", "model_ORG")
    trigger: tuple[int, int] | None = None  # the tokens that triggered the rule (default: the name)
    changes: list[str] = field(default_factory=list)  # article-level rules that changed its label

    @property
    def size(self) -> int:
        return self.end - self.start

    def relabel(self, label: str, rule: str) -> None:
        """Change the label, keeping the name of the rule that decided it (for `veille explain`)."""
        if label != self.label:
            self.label = label
            self.changes.append(f"{rule}->{label}")

    @property
    def rule_name(self) -> str:
        return " > ".join([self.rule or self.source, *self.changes])


def tagged(found: list[Candidate], rule: str, trigger: tuple[int, int] | None = None) -> list[Candidate]:
    """Name the rule (and the trigger tokens) of candidates a context rule returned."""
    for c in found:
        c.rule = c.rule or rule
        c.trigger = c.trigger or trigger
    return found


def is_capitalised(token: Token) -> bool:
    """'Cisco', 'IBM', 'iPhone', 'eWeek.com' look like names; 'le', '2009', '«' do not."""
    text = token.text
    if not text or not (text[0].isalpha() or text[0].isdigit()):
        return False
    if text[0].isupper():
        return True
    return any(c.isupper() for c in text[1:]) and text[0].isalpha()


def breaks_line(token: Token) -> bool:
    return token.is_space or "\n" in token.text


def opens_sentence(doc: Doc, i: int) -> bool:
    """The token opens a sentence or a paragraph (the parser does not always mark it)."""
    return i == 0 or doc[i].is_sent_start or doc[i - 1].is_space or breaks_line(doc[i - 1])


def _common_word_opening(token: Token) -> bool:
    """'Interrogé', 'Contactée': a participle or adjective (the tagger may say PROPN) the vocabulary knows."""
    known = token.doc.vocab.has_vector(token.lower_)
    return known and (token.pos_ in ("VERB", "ADJ", "ADV") or token.lower_.endswith(("é", "ée", "és", "ées")))


def capital_run(doc: Doc, start: int, words: dict, allow_numbers: bool = False) -> int:
    """End of the run of name-like tokens from start (start itself when there is none)."""
    end = start
    junk = words["leading_junk"] | words["title_words"]
    while end < len(doc) and end - start < MAX_RUN:
        token = doc[end]
        if breaks_line(token):  # not is_sent_start: the parser often splits inside names
            break
        if is_capitalised(token) and (end > start or token.lower_ not in junk):
            end += 1
        elif end > start and token.text in ("&", "-") and end + 1 < len(doc) and is_capitalised(doc[end + 1]):
            end += 1
        elif (
            end > start
            and allow_numbers
            and (token.like_num or (token.text[0].isdigit() and token.text.isalnum()))
        ):
            end += 1
        else:
            break
        if (
            doc[end - 1].whitespace_ == ""
            and end < len(doc)
            and doc[end].is_punct
            and doc[end].text not in "&-"
        ):
            break
    while end > start and doc[end - 1].text in ("&", "-"):
        end -= 1
    return end


def strip_span(doc: Doc, start: int, end: int, label: str, words: dict) -> tuple[int, int]:
    """Drop leading articles/elisions ("L’", "n’"), titles and civilities before a name, trailing punctuation."""
    lead = words["leading_junk"] | words["elisions"] | words["naming_words"]  # "Baptisée Aster R1, la puce"
    if label == "PERSON":
        lead = lead | words["civilities"] | words["title_words"]
    while start < end and (
        doc[start].lower_ in lead
        and not _article_of_name(doc, start, end)
        or doc[start].is_punct
        or doc[start].is_quote
        or doc[start].lower_.endswith(("'", "’"))
        and not (label != "PERSON" and _article_of_name(doc, start, end))  # "dont L'Occitane"
        or doc[start].is_space
        or doc[start].is_lower
    ):  # "groupe Orbix", "l'ancien PDG": names start upper
        start += 1
    while (
        end > start
        and (doc[end - 1].is_punct or doc[end - 1].is_quote or doc[end - 1].is_space)
        and doc[end - 1].text not in (")", ".")
    ):
        end -= 1
    if end > start and doc[end - 1].text == ")" and "(" not in doc[start:end].text:
        end -= 1
    return digit_prefix(doc, start) if end > start else start, end


def digit_prefix(doc: Doc, start: int) -> int:
    """'10T Holdings', '3M': the tokenizer splits the leading digits off a name; take them back."""
    if (
        start > 0
        and doc[start - 1].is_digit
        and doc[start - 1].whitespace_ == ""
        and is_capitalised(doc[start])
    ):
        return start - 1
    return start


def _article_of_name(doc: Doc, i: int, end: int) -> bool:
    """'Les Echos', 'Le Monde', "dont L'Occitane" mid-sentence: a capitalised article inside a name is part
    of it."""
    token = doc[i]
    if token.lower_ not in ("le", "la", "les", "l'", "l’") or not token.text[0].isupper() or i + 1 >= end:
        return False
    return i > 0 and not doc[i - 1].is_punct and not breaks_line(doc[i - 1])


def model_candidates(doc: Doc, words: dict) -> list[Candidate]:
    """The model's entities, split at line breaks and cleaned; ORG and MISC extended over a name run."""
    found = []
    for ent in ents_of(doc):
        label = MODEL_LABELS.get(ent.label_)
        if label is None:
            continue
        piece_start = ent.start
        for i in range(ent.start, ent.end + 1):
            if (
                i == ent.end
                or breaks_line(doc[i])
                or doc[i].text in (":", ";", "—", "|")  # "Nouvelle recrue chez Ynsect : Caroline Fabre"
                or (doc[i].is_lower and doc[i].pos_ in ("VERB", "AUX"))
                or (doc[i].lower_ in CLAUSE_PREPOSITIONS and i + 1 < ent.end and doc[i + 1].is_lower)
                or _second_company(doc, i, ent.end)
            ):  # "avec Dassault Aviation pour des faisceaux électriques": the name ends at "pour des"
                start, end = strip_span(doc, piece_start, i, label, words)
                if end - start > 1 and doc[start].is_upper and doc[start].lower_ in words["head_acronyms"]:
                    start += 1  # "l'ESN CS", "le SUV C10": the company or product word is no part of the name
                if end > start:
                    if label in ("ORG", "MISC") and end == i and i == ent.end:
                        end = (
                            max(end, capital_run(doc, end, words))
                            if end < len(doc) and not breaks_line(doc[end]) and doc[end - 1].whitespace_
                            else end
                        )
                    if label in ("ORG", "MISC") and end >= ent.end:
                        end = _english_joiner(doc, end)  # "Airbus Defence | and Space"
                    end = trade_name_tail(doc, start, end, words)
                    piece = label
                    if label == "PERSON" and end == ent.end and end - start > 1:
                        end = _hyphen_tail(
                            doc, end
                        )  # "Claire Vasseur-Lemoine": the model stops at the hyphen
                    if label == "PERSON" and end == i and _suffix_after(doc, end, words):
                        piece, end = "ORG", end + 1  # "Hua Hong Semiconductor", "Harmonie Mutuelle"
                    if label == "MISC" and start > ent.start and _looks_like_person(doc, start, end):
                        piece = "PERSON"  # "Nouvelle recrue chez Ynsect : Caroline Fabre", one model span
                    found.append(Candidate(start, end, piece, "model", rule=f"model_{ent.label_}"))
                piece_start = i + 1
    return found


OF_WORDS = ("de", "du", "des", "d'", "d’")
CAREER_PASSED = frozenset({"passé", "passée", "passés", "passées"})  # "passé par X": X is a former employer


def _second_company(doc: Doc, i: int, end: int) -> bool:
    """'la Caisse des Dépôts et d'Engie': "et d'" before a capitalised word starts a second name."""
    return (
        doc[i].lower_ in ("et", "ou")
        and i + 2 < end
        and doc[i + 1].lower_ in ("de", "du", "d'", "d’")
        and is_capitalised(doc[i + 2])
    )


def trade_name_tail(doc: Doc, start: int, end: int, words: dict) -> int:
    """'Papeteries du Haut-Ravin', 'Biscuiterie de Provence': a name opened by a trade word goes on over
    "du"/"de" and the capitalised words after it (the model stops at the preposition)."""
    if (
        end + 1 < len(doc)
        and doc[start].lower_ in words["org_prefixes"]
        and doc[end].lower_ in OF_WORDS
        and doc[end].is_lower
        and doc[end - 1].whitespace_
        and is_capitalised(doc[end + 1])
        and doc[end + 1].text not in words["places"]
    ):
        return max(end, capital_run(doc, end + 1, words))
    return end


def _english_joiner(doc: Doc, end: int) -> int:
    """The end of a company name the model cut before an English 'and' ('Airbus Defence and Space')."""
    while (
        end + 1 < len(doc)
        and doc[end].text == "and"
        and doc[end + 1].is_title
        and doc[end + 1].is_alpha
        and doc[end - 1].text[:1].isupper()
    ):
        end += 2
    return end


def _hyphen_tail(doc: Doc, end: int) -> int:
    """The end of a name continued by hyphen-joined capitalised parts ('Vasseur' '-' 'Lemoine')."""
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_title
        and doc[end + 1].is_alpha
    ):
        end += 2
    return end


def _suffix_after(doc: Doc, end: int, words: dict) -> bool:
    return (
        end < len(doc)
        and doc[end].is_title
        and doc[end].lower_ in words["org_suffixes"]
        and end > 0
        and (doc[end - 1].whitespace_ != "")
    )


def _looks_like_person(doc: Doc, start: int, end: int) -> bool:
    tokens = doc[start:end]
    return 2 <= len(tokens) <= 3 and all(
        t.pos_ == "PROPN" and t.is_title and (t.i == start or t.dep_ == "flat:name") for t in tokens
    )


def _trade_word_end(ent: Span, words: dict) -> bool:
    """'Deeptech Partners', 'Girardot Logistique': the model's person ends on a trade word (a company)."""
    last = ent[-1]
    return last.text[:1].isupper() and last.lower_ in words["org_suffixes"]


def context_candidates(doc: Doc, heads, words: dict) -> list[Candidate]:
    """Names recognised by the words around them (`heads` is a PhraseMatcher of head words):
    'la société Linksys', 'le géant américain Google', "le cabinet d'avocats Dentons" -> ORG;
    'Natcom, le concurrent de Digicel' -> ORG; "son service d'e-mail Cisco Mail" -> PRODUCT;
    "l'éditeur de logiciels Sagarel" -> ORG; 'M. Dupont', 'Wei-Lin Chang, directrice financière' -> PERSON."""
    person_tokens = {
        i
        for ent in ents_of(doc)
        if ent.label_ == "PER" and len(ent) > 1 and not _trade_word_end(ent, words)
        for i in range(ent.start, ent.end)
    }
    found = []
    vocab = doc.vocab.strings
    for match_id, start, end in heads(doc):
        kind = vocab[match_id]
        trigger = (start, end)
        if kind == "TITLE":
            found.extend(tagged(_name_before_title(doc, start, words), "person_before_title", trigger))
            found.extend(tagged(_org_after_title(doc, end, words, person_tokens), "org_after_title", trigger))
            continue
        capital_nationality = kind == "ORG" and _capital_nationality(doc, start, end, words)
        acronym_head = (  # "l'ESN CS", "le SUV C10"
            kind in ("ORG", "PRODUCT")
            and doc[start].is_upper
            and end == start + 1
            and 3 <= len(doc[start]) <= 5
        )
        if (
            not doc[start].is_lower
            and kind not in ("PERSON", "NAMED")
            and not (capital_nationality or acronym_head)
            and not (kind == "ORG_NEXT" and doc[start].is_sent_start)  # "Passé par Fives, ...", "Chez X, ..."
        ):
            continue
        if kind == "ORG_NEXT":  # 'le rachat de Valorix', 'un partenariat avec Brintek': a company follows
            # 'analyste chez Kepler Cheuvreux', 'passée par Accenture et Roland Berger': after "chez" or a
            # career's "passé par", a name is a company even if it looks like a person
            career = doc[start].lower_ in CAREER_PASSED
            people = set() if doc[start].lower_ == "chez" or career else person_tokens
            orgs = _org_right_after(doc, end, words, people)
            if orgs:
                orgs += _coordinated_orgs(doc, orgs[-1].end, words, people, bare=career)
            found.extend(tagged(orgs, "org_after_trigger", trigger))
            continue
        if kind == "VARIANT":  # "Sa prochaine génération, Orca-2, ...": only in apposition
            if owned_head(doc, start, words, variant=True) is not None:
                appositions = _product_apposition(doc, end, words, set(), owned=True)
                found.extend(tagged(appositions, "product_apposition", trigger))
                found.extend(
                    tagged(_name_before_owned(doc, start, words, person_tokens), "owned_product", trigger)
                )
            continue
        if kind == "NAMED":
            found.extend(tagged(_named(doc, start, end, words, person_tokens), "named_after", trigger))
            continue
        if kind == "PRODUCT":
            owned = owned_head(doc, start, words) is not None
            # "Son précédent jeu, Silent Orchard, ...": the model's person is the product (not "son assistant")
            people = set() if owned and doc[start].lower_ not in PERSON_LIKE_HEADS else person_tokens
            appositions = _product_apposition(doc, end, words, people, owned)
            found.extend(tagged(appositions, "product_apposition", trigger))
            if owned:
                found.extend(
                    tagged(_name_before_owned(doc, start, words, person_tokens), "owned_product", trigger)
                )
            launched = _name_before_launched(doc, start, end, words, person_tokens)
            found.extend(tagged(launched, "launched_product", trigger))
        if kind == "ORG":
            found.extend(
                tagged(_name_before_apposition(doc, start, words, person_tokens), "org_apposition", trigger)
            )
        if (
            kind == "PRODUCT"
            and start > 1
            and doc[start - 1].lower_ in ("de", "d'", "d’", "des")
            and doc[start - 2].lower_ in words["org_heads"]
        ):
            kind = "ORG"  # "l'éditeur de logiciels Sagarel", "le fabricant de puces X": the company
        run = _name_after_head(doc, start, end, kind, words)
        if run is None:
            continue
        kind, run_start, run_end = run
        if kind != "PERSON" and any(i in person_tokens for i in range(run_start, run_end)):
            head = doc[start:end].text.lower()
            if capital_nationality or not (
                kind == "ORG" and (head in words["org_nouns"] or head in words["nationality_heads"])
            ):
                continue  # "le cabinet Wood Mackenzie", "le néerlandais Hydra Sat": companies, even if the
                # model saw a person (a person is "le Néerlandais Jan de Vries", capitalised)
        if only_places(doc, run_start, run_end, words):
            continue
        found.append(
            Candidate(run_start, run_end, kind, "context", rule=f"{kind.lower()}_head_word", trigger=trigger)
        )
    return found + tagged(_company_in_brackets(doc, words, person_tokens), "company_in_brackets")


def _name_after_head(doc: Doc, start: int, end: int, kind: str, words: dict) -> tuple[str, int, int] | None:
    """The kind, start and end of the name a head word (start:end) introduces, or None."""
    if kind == "PRODUCT" and start > 0 and doc[start - 1].lower_ == "en":
        return None  # "le comparateur en ligne Prixcomparo": "en ligne" is no product line
    run_start = _skip_modifiers(doc, end, kind, words["product_verbs"])
    if run_start is None:
        return None
    if kind == "PRODUCT" and any(_home_adjective(t, words) for t in doc[end:run_start]):
        kind = "ORG"  # "la plateforme lilloise de fret Fret24", "au néerlandais Dott": a company's home
    if doc[run_start - 1].lower_ in ("série", "séries") and len(doc[run_start]) <= 2:
        return None  # "une levée de fonds de série B": a funding round, not a fund named B
    name_start = run_start
    if doc[run_start].text in (
        "Le",
        "La",
        "Les",
    ):  # after a lowercase head, mid-sentence (whatever the parser says)
        name_start += 1  # "le groupement Les Mousquetaires", "le groupe La Poste": the article is the name's
    run_end = capital_run(doc, name_start, words, allow_numbers=kind == "PRODUCT")
    if run_end == name_start:
        return None
    if kind == "ORG":
        run_end = trade_name_tail(doc, run_start, run_end, words)
    if run_end - run_start > 1 and doc[run_start].lower_ in words["head_acronyms"]:
        run_start += 1  # "son boîtier VPN FortiGate"
    if doc[run_start:run_end].text.lower() in words["not_names"]:
        return None  # "l'offre GPU", "une batterie LFP": a technology, not a name
    return kind, run_start, run_end


def only_places(doc: Doc, start: int, end: int, words: dict) -> bool:
    """'France', 'Paris Île-de-France': places; but 'Nord France Amorçage', 'Alpes Deeptech Partners' are
    companies whose name opens on a place (a fund of a region, a firm of a valley)."""
    places = words["places"]
    return doc[start:end].text in places or all(
        t.text in places or t.is_punct or t.lower_ in ("&", "et", "-") for t in doc[start:end]
    )


def _home_adjective(token: Token, words: dict) -> bool:
    """'lilloise', 'néerlandais', 'européen': where a company comes from (a product has no home town)."""
    return token.is_lower and (
        token.lower_ in words["nationality_heads"]
        or (token.lower_ in words["org_heads"] and token.pos_ == "ADJ")
    )


def owned_head(doc: Doc, start: int, words: dict, variant: bool = False) -> int | None:
    """The possessive before a product word, over two adjectives at most ("son précédent titre", "sa
    nouvelle offre"); a product's version may also be announced by "une" ("une version allégée")."""
    i = start - 1
    while i >= 0 and start - i <= 2 and doc[i].is_lower and doc[i].pos_ == "ADJ":
        i -= 1
    if i < 0:
        return None
    if doc[i].lower_ in words["possessives"] or (variant and doc[i].lower_ in ("un", "une")):
        return i
    return None


def _name_before_owned(doc: Doc, head: int, words: dict, person_tokens: set[int]) -> list[Candidate]:
    """'l'arrêt de Talentis Recrute, son logiciel de suivi ...', 'Brume 2, sa nouvelle offre': the name
    before ', <possessive> <product word>' is the company's product (not after "pour", "selon": 'Pour
    Microsoft, son offre ...' names the company)."""
    i = owned_head(doc, head, words)
    if i is None or i < 2 or doc[i - 1].text != ",":
        return []
    end = stop = i - 1
    while stop > 1 and doc[stop - 1].like_num and is_capitalised(doc[stop - 2]):
        stop -= 1  # "Brume 2"
    start = _run_before(doc, stop, words)
    if start == stop or doc[start].is_sent_start or doc[start - 1].like_num:
        return []  # "son capteur 48 Mégapixels, sa batterie ...": a unit after its number
    if doc[head].lower_ in PERSON_LIKE_HEADS and any(t in person_tokens for t in range(start, end)):
        return []  # "Jean Dupont, son assistant": the model's person stays one (not before "son logiciel")
    if doc[start:end].text in words["places"] or doc[start - 1].lower_ in CLAUSE_PREPOSITIONS | {"selon"}:
        return []
    return [Candidate(start, end, "PRODUCT", "context")]


def _name_before_launched(
    doc: Doc, start: int, end: int, words: dict, person_tokens: set[int]
) -> list[Candidate]:
    """'Kaptel Unify, la solution de communications unifiées lancée en 2023', 'vendre watsonx, la plateforme
    d'IA lancée en 2023': the name before ', la <product word> ... <launched>' is the product."""
    if start < 3 or doc[start - 1].lower_ not in ("la", "le", "l'", "l’") or doc[start - 2].text != ",":
        return []
    for token in doc[end : end + MAX_OWNED_COMPLEMENT]:
        if token.is_punct or not (token.is_lower or token.is_upper):  # "la plateforme d'IA générative"
            return []
        if token.lower_ in words["product_verbs"]:
            break
    else:
        return []
    comma = start - 2
    name_start = _run_before(doc, comma, words)
    if name_start == comma:  # "watsonx": a coined name the press writes in lowercase
        coined = doc[comma - 1]
        if not coined.is_alpha or coined.is_stop or doc.vocab.has_vector(coined.lower_):
            return []
        name_start = comma - 1
    if doc[name_start].is_sent_start or any(t in person_tokens for t in range(name_start, comma)):
        return []
    if doc[name_start:comma].text in words["places"]:
        return []
    return [Candidate(name_start, comma, "PRODUCT", "context")]


def _coordinated_orgs(
    doc: Doc, end: int, words: dict, person_tokens: set[int], bare: bool = False
) -> list[Candidate]:
    """'auprès d'Eurazeo et de Frst', 'aux côtés de Starquest Capital et de Karista': the companies
    listed after a trigger's company, each with its "et de"; with `bare`, also "et X", "et par X"
    ('passé par Revolut et N26', 'passée par Fives et par Renault')."""
    found: list[Candidate] = []
    while True:
        end = _after_aside(doc, end)  # "les rachats de BO (par SAP) et de Ilog (par IBM)"
        if end + 2 < len(doc) and doc[end].lower_ in ("et", "ou", ",") and doc[end + 1].lower_ in OF_WORDS:
            start = end + 2
        elif bare and end + 1 < len(doc) and doc[end].lower_ in ("et", "ou", "puis"):
            start = end + 2 if end + 2 < len(doc) and doc[end + 1].lower_ in ("par", "chez") else end + 1
        else:
            break
        more = _org_right_after(doc, start, words, person_tokens)
        if not more:
            break
        found += more
        end = more[-1].end
    return found


def _after_aside(doc: Doc, i: int) -> int:
    """After a short bracketed aside starting at i ('(par SAP)'); i when there is none."""
    if i < len(doc) and doc[i].text == "(":
        close = next((j for j in range(i + 1, min(i + 6, len(doc))) if doc[j].text == ")"), None)
        if close is not None:
            return close + 1
    return i


def _capital_nationality(doc: Doc, start: int, end: int, words: dict) -> bool:
    """'L'Américain Sungard', 'du Français GL Trade': the press capitalises a nationality noun before a
    company too (a person then, 'le Néerlandais Jan de Vries', is a name the model knows)."""
    return (
        end == start + 1
        and start > 0
        and doc[start].is_title
        and doc[start].lower_ in words["nationality_heads"]
        and doc[start - 1].lower_ in ("l'", "l’", "le", "la", "du", "au", "les", "des", "aux")
    )


def _company_in_brackets(doc: Doc, words: dict, person_tokens: set[int]) -> list[Candidate]:
    """'Camille Berthier (Cerise) : « ... »', the interview headline: the bracket names the company."""
    found = []
    for ent in ents_of(doc):
        if ent.label_ != "PER" or len(ent) < 2 or ent.end + 3 >= len(doc) or doc[ent.end].text != "(":
            continue
        end = capital_run(doc, ent.end + 1, words, allow_numbers=True)
        name = doc[ent.end + 1 : end]
        if not len(name) or end >= len(doc) or doc[end].text != ")" or doc[end + 1].text != ":":
            continue
        if name.text in words["places"] or name.text.lower() in words["not_names"]:
            continue
        if any(t.lower_ in words["title_words"] or t.i in person_tokens for t in name):
            continue
        found.append(Candidate(name.start, name.end, "ORG", "context"))
    return found


def _run_before(doc: Doc, end: int, words: dict, particles: bool = False) -> int:
    """Start of the run of name-like tokens ending at end (exclusive); end when there is none.
    With particles, a lowercase 'de'/'van' between capitalised words belongs to the name
    ('Thibaud Hug de Larauze')."""
    start = end
    while start > 0 and end - start < MAX_RUN:
        token = doc[start - 1]
        if (
            is_capitalised(token)
            or (
                particles
                and start < end
                and start >= 2
                and token.lower_ in words["name_particles"]
                and token.is_lower
                and is_capitalised(doc[start - 2])
            )
            or (
                token.text == "-"
                and start - 2 >= 0
                and is_capitalised(doc[start - 2])
                and token.whitespace_ == ""
                and start < end
            )
        ):
            start -= 1
        else:
            break
    if (
        start < end
        and (start == 0 or doc[start - 1].is_punct or breaks_line(doc[start - 1]))
        and doc[start].pos_ not in ("PROPN", "X", "PUNCT")
    ):
        start += 1  # "Hier Jean Dupont, PDG de ...": a capitalised first word of the sentence
    while start < end and (doc[start].lower_ in words["leading_junk"] or doc[start].text == "-"):
        start += 1
    return start


def _name_before_apposition(doc: Doc, head: int, words: dict, person_tokens: set[int]) -> list[Candidate]:
    """'Natcom, le concurrent de Digicel': the name before ', le <company word>'."""
    i = head - 1
    while i >= 0 and head - i <= 2 and doc[i].is_lower and doc[i].pos_ == "ADJ":
        i -= 1  # "Valade Cartonnages, la principale filiale française du groupe"
    if i >= 0 and doc[i].lower_ in ("le", "la", "l'", "l’", "un", "une"):
        i -= 1
    if i < 1 or doc[i].text != ",":
        return []
    start = _run_before(doc, i, words)
    if start == i or doc[start:i].text in words["places"]:
        return []
    if i == start + 1 and opens_sentence(doc, start) and _common_word_opening(doc[start]):
        return []  # "Interrogé, le groupe assure ...": an opening participle, then the subject
    noun = doc[head].lower_
    company_noun = (
        noun in words["org_nouns"]
        and noun not in words["person_like_org_nouns"]
        and not _clause_subject(doc, head)  # "cofondée avec Julie Carpentier, la société revendique ..."
    )
    if any(t in person_tokens for t in range(start, i)) and not company_noun:
        return []  # "Breizh Up, le fonds de la région": no person is a fund or a subsidiary
    if start > 0 and doc[start - 1].lower_ in ("selon", "pour", "d'après", "d’après"):
        return []  # "Selon Martineau, l'entreprise devrait...": a source, then the subject
    places = ("à", "en", "au", "aux", "près", "dans", "depuis")
    if (
        start > 0
        and doc[start - 1].lower_ in places
        and not (doc[start - 1].lower_ == "dans" and doc[head - 1].lower_ in ("un", "une"))
    ):  # "Basé à Bangalore, le groupe emploie...": a place, then the subject (not "investi dans Wedrive, une start-up")
        return []
    if (
        start > 0
        and doc[start - 1].lower_ in OF_WORDS
        and i == start + 1  # one word: "10 % de Datadog France, la filiale ..." is a company
        and doc[start].ent_type_ == "LOC"
        and doc[head - 1].lower_ in ("le", "la", "l'", "l’")
    ):
        return []  # "dans la banlieue de Limoges, la PME familiale ...": a place, then the subject
    return [Candidate(start, i, "ORG", "context")]


def _clause_subject(doc: Doc, head: int) -> bool:
    """The noun after the comma opens the main clause ('..., la société revendique'), no apposition."""
    i = head + 1
    while i < len(doc) and doc[i].is_lower and doc[i].pos_ == "ADJ":
        i += 1
    verb_next = i < len(doc) and doc[i].pos_ in ("VERB", "AUX") and not has_morph(doc[i], "VerbForm", "Part")
    return verb_next or doc[head].dep_ in ("nsubj", "nsubj:pass")


def _name_before_title(doc: Doc, title: int, words: dict) -> list[Candidate]:
    """'Wei-Lin Chang, directrice financière de ...': two or more name words before ', <title>'."""
    i = title - 1
    if i >= 0 and doc[i].lower_ in ("le", "la", "l'", "l’"):
        i -= 1
    if i < 2 or doc[i].text not in (",", "("):
        return []
    start = _run_before(doc, i, words, particles=True)
    while start < i and (doc[start].is_lower or doc[start].lower_ in words["civilities"]):
        start += 1  # "Mme Sophie Lemoine, associée": the name without the civility
    names = [t for t in doc[start:i] if t.text != "-"]
    if len(names) < 2 or len(names) > 4 or any(t.is_upper or t.lower_ in words["title_words"] for t in names):
        return []
    if doc[start].text in words["places"] or any(t.ent_type_ == "LOC" for t in doc[start:i]):
        return []
    if any(t.lower_ in words["org_suffixes"] for t in names):
        return []
    return [Candidate(start, i, "PERSON", "context")]


OPEN_QUOTES = frozenset({"«", "“", '"'})
CLOSE_QUOTES = frozenset({"»", "”", '"'})


def _named(doc: Doc, start: int, end: int, words: dict, person_tokens: set[int]) -> list[Candidate]:
    """'une offre de stockage, baptisée Cold Archive' -> PRODUCT; 'une start-up baptisée Kimazou' -> ORG."""
    if start > 0 and doc[start - 1].lower_ in ("a", "été", "est", "sera", "être"):
        return []  # "a été nommé directeur": an appointment, not a name
    quoted = end + 2 < len(doc) and doc[end].text in OPEN_QUOTES
    if quoted:  # 'une gamme baptisée « Ty Mor »': the name inside the quotes, whatever the model saw
        end += 1
    run_end = capital_run(doc, end, words, allow_numbers=True)
    if quoted and (run_end == len(doc) or doc[run_end].text not in CLOSE_QUOTES):
        return []
    # the model's "person" that takes in a capitalised 'Baptisée' opening the sentence is no person
    people = set() if quoted or (start in person_tokens and not doc[start].is_lower) else person_tokens
    if run_end == end or any(t in people for t in range(end, run_end)):
        return []
    if doc[start].is_lower:
        label = _named_head(doc, start, words)
    else:  # "Baptisé Doctolib Assistant, l'outil ...": the noun comes after the name
        after = {t.lower_ for t in doc[run_end : run_end + 4]}
        product = after & (words["product_heads"] | words["product_variants"])
        label = "ORG" if after & words["org_heads"] else ("PRODUCT" if product else None)
    if label is None:
        return []
    return [Candidate(end, run_end, label, "context")]


def _named_head(doc: Doc, start: int, words: dict) -> str | None:
    """What 'baptisé' names: the closest company or product noun before it in its clause ("une version
    benne, baptisée X" after "le chinois CATL." is a product; "un kit de développement baptisé X" too)."""
    for i in range(start - 1, max(-1, start - 9), -1):
        token = doc[i]
        pair = f"{doc[i - 1].lower_} {token.lower_}" if i > 0 else ""
        if token.pos_ != "ADJ" and (token.lower_ in words["org_heads"] or pair in words["org_heads"]):
            return "ORG"  # not "américain" in "un service américain baptisé ..."
        if token.lower_ in words["product_heads"] or token.lower_ in words["product_variants"]:
            return "PRODUCT"
        if token.is_sent_start or (
            token.pos_ in ("VERB", "AUX") and not has_morph(token, "VerbForm", "Part")
        ):
            return None
    return None


def _product_apposition(
    doc: Doc, i: int, words: dict, person_tokens: set[int], owned: bool = False
) -> list[Candidate]:
    """'Son modèle phare, Mistral Large, ...': a name in apposition after a product word; after a
    possessive the word may have a longer complement ('son service de livraison en trente minutes, X,')."""
    skipped = 0
    while i < len(doc) and doc[i].is_lower and not doc[i].is_punct:
        token = doc[i]
        if token.pos_ != "ADJ":
            if not owned or skipped >= MAX_OWNED_COMPLEMENT:
                break
            if token.pos_ in ("VERB", "AUX", "PRON", "SCONJ") and not _participle(token):
                return []
            skipped += 1
        i += 1
    if i + 1 >= len(doc) or doc[i].text != ",":
        return []
    if i + 2 < len(doc) and doc[i + 1].lower_ in ("le", "la") and doc[i + 1].is_lower:
        i += 1  # "son assistant, le Chat, ..."
    end = capital_run(doc, i + 1, words, allow_numbers=True)
    if end == i + 1 or any(t in person_tokens for t in range(i + 1, end)) or end >= len(doc):
        return []
    if doc[end].text not in (",", ")", ".") or doc[i + 1].text in words["places"]:
        return []
    return [Candidate(i + 1, end, "PRODUCT", "context")]


def _participle(token: Token) -> bool:
    """'allégée', 'destinée': a past participle, even when the tagger reads an infinitive."""
    return has_morph(token, "VerbForm", "Part") or token.lower_.endswith(("é", "ée", "és", "ées"))


def _org_right_after(doc: Doc, i: int, words: dict, person_tokens: set[int]) -> list[Candidate]:
    if i < len(doc) and doc[i].lower_ in ("l'", "l’", "le", "la", "les") and doc[i].is_lower:
        i += 1
    end = capital_run(doc, i, words)
    if end == i or only_places(doc, i, end, words):
        return []
    if any(t in person_tokens for t in range(i, end)) or doc[i:end].text.lower() in words["not_names"]:
        return []
    return [Candidate(i, end, "ORG", "context")]


def _org_after_title(doc: Doc, i: int, words: dict, person_tokens: set[int]) -> list[Candidate]:
    """'PDG de Brintek', "directrice financière d'Valorix", 'responsable des ventes chez Brintek' -> ORG."""
    limit = i + 5
    while (
        i < min(limit, len(doc))
        and doc[i].is_lower
        and doc[i].lower_ not in ("de", "d'", "d’", "chez")
        and doc[i].is_alpha
        and doc[i].pos_ not in ("VERB", "AUX", "PRON", "CCONJ", "SCONJ")
    ):
        i += 1
    if i + 1 >= len(doc) or doc[i].lower_ not in ("de", "d'", "d’", "chez"):
        return []
    end = capital_run(doc, i + 1, words)
    if end == i + 1 or doc[i + 1 : end].text in words["places"] or doc[i + 1].text in words["places"]:
        return []
    if any(t in person_tokens for t in range(i + 1, end)) or doc[i + 1].lower_ in words["title_words"]:
        return []
    return [Candidate(i + 1, end, "ORG", "context")]


def _skip_modifiers(doc: Doc, i: int, kind: str, verbs: frozenset[str]) -> int | None:
    """After a head word, skip lowercase modifiers ('américain', "d'e-mail hébergé", "d'avocats"); None when
    a preposition introduces the name ('le service client de Orange' is not a product named Orange)."""
    limit = 1 if kind == "PERSON" else (3 if kind == "ORG" else 4)
    skipped = 0
    while i < len(doc) and skipped <= limit:
        token = doc[i]
        if is_capitalised(token):
            if i > 0 and doc[i - 1].lower_ in ("de", "du", "des", "d'", "d’", "chez", "par", "à", "au"):
                return None
            return i
        participle = (
            token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm") and token.lower_ not in verbs
        )
        if (
            not token.is_lower
            or token.is_punct
            or token.lower_ in ("comme", "tels", "telles", "tel", "telle", "notamment", "dont")
            or (token.pos_ in ("VERB", "AUX", "PRON", "CCONJ", "DET", "SCONJ") and not participle)
        ):  # "les plateformes asiatiques comme Temu": examples, not the name of the head
            return None  # but "sa gamme de capteurs connectés Vigie": a participle qualifies the head
        i += 1
        skipped += 1
    return None


def span_words(span: Span) -> list[str]:
    return [t.lower_ for t in span if not t.is_punct]
