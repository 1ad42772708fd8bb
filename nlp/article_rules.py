"""The ordered per-candidate rules of `canonical.resolve`: each looks at one candidate in the light of the
whole article and returns a `Verdict` (a label and the name of the rule, which goes into `c.changes` so
`veille explain` shows it) or None to pass.

Unlike a first-match decision, a verdict does not end the candidate's run through `LABEL_RULES` unless it
is `final`: a later rule may still refine it ("Biogaz du Boischaut" LOC -> ORG by `trade_word_name`, then
checked by `implausible_org`), and each rule only looks at the labels it knows.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from spacy.attrs import ORTH
from spacy.tokens import Doc

from nlp.lexicon import has_ex_prefix, read_jsonl, word_lists
from nlp.rules import Candidate, opens_sentence, span_words
from nlp.tokens import span_text

logger = logging.getLogger(__name__)

KEEP = object()  # a Verdict field left as it is


class Verdict(NamedTuple):
    label: str
    rule: str
    canonical: object = KEEP
    maker: object = KEEP
    final: bool = False  # the later rules do not look at the candidate


@dataclass
class Article:
    """What the rules know of the article, gathered once before they run."""

    doc: Doc
    entries: dict
    words: dict
    org_texts: object  # canonical._OrgNames: the article's companies plus the gazetteer's
    lowercase_words: set[str]
    people: set[str]  # names of more than one word the article labels PERSON
    org_first_words: dict[str, str]  # first word -> a company's name of several words
    surnames: set[str]
    acting: set[str]
    employers: set[str] = frozenset()  # 'X supprime 95 emplois': see `employer_names`

    def text(self, c: Candidate) -> str:
        return span_text(self.doc, c.start, c.end)


LabelRule = Callable[[Article, Candidate], "Verdict | None"]


def apply(verdict: Verdict, c: Candidate) -> None:
    c.relabel(verdict.label, verdict.rule)
    if verdict.canonical is not KEEP:
        c.canonical = verdict.canonical
    if verdict.maker is not KEEP:
        c.maker = verdict.maker


def run_label_rules(art: Article, c: Candidate) -> None:
    trim_nationality(art, c)
    for rule in LABEL_RULES:
        verdict = rule(art, c)
        if verdict is None:
            continue
        apply(verdict, c)
        if verdict.final:
            return


def trim_nationality(art: Article, c: Candidate) -> None:
    """'du Français GL Trade' is GL Trade (but 'La Française des Jeux'): the span shrinks, no label."""
    doc = art.doc
    if (
        c.label in ("ORG", "MISC")  # the model's MISC "Français GL Trade" becomes a company later
        and c.size > 1
        and doc[c.start].is_title
        and doc[c.start].lower_ in art.words["nationality_heads"]
        and doc[c.start + 1].text[:1].isupper()
    ):
        c.start += 1
        c.changes.append("nationality_dropped")


def trim_product_head(art: Article, c: Candidate) -> Verdict | None:
    """'Insecticide Pyrelia : ...' in a headline: the model takes the capitalised product word into the
    name (often as a person); the product is the name after it (the span shrinks, the verdict is final)."""
    doc = art.doc
    if (
        c.source == "model"
        and c.label in ("PERSON", "ORG", "MISC")
        and c.size > 1
        and doc[c.start].is_title
        and doc[c.start].lower_ in art.words["product_heads"]
        and doc[c.start + 1].text[:1].isupper()
        and doc[c.start : c.end].text not in art.entries
        and doc[c.start + 1 : c.end].text.lower() not in art.words["not_names"]  # "Logiciel RH : ..."
        and len(doc[c.start + 1 : c.end].text) > 2  # "Système U" is a retailer's name, not a system "U"
    ):
        c.start += 1
        return Verdict("PRODUCT", "name_after_product_head", final=True)
    return None


def former_employer(art: Article, c: Candidate) -> Verdict | None:
    """'Karim Haddad (ex-Cisco)': the company is Cisco."""
    text = art.text(c)
    former = text[3:] if has_ex_prefix(text) else ""
    if former not in art.org_texts:
        return None
    return Verdict(
        "ORG", "former_employer", canonical=art.entries.get(former, {}).get("canonical", former), final=True
    )


# Trade words that also open place names: "la Maison Blanche", "le Domaine de Chantilly"
PLACE_LIKE_PREFIXES = word_lists()["place_like_prefixes"]
LOCATIVE = word_lists()["locatives"]
SUBJECT_DEPS = {"nsubj", "nsubj:pass"}


_ROMAN = re.compile(r"^(II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)$")
_YEAR = re.compile(r"^(19|20)\d\d$")


def model_number(token, words: dict) -> bool:
    """'2', 'II', '710A', 'Pro', 'Edge+': how a product's model ends (a year is rather an event's, 'CES 2025')."""
    text = token.text
    if text.lower() in words["model_suffixes"]:
        return True
    if _YEAR.match(text) or _ROMAN.match(text):
        return bool(_ROMAN.match(text))
    return text[:1].isdigit() and text.isalnum() and len(text) <= 5


def numbered_product(art: Article, c: Candidate) -> Verdict | None:
    """'Fjord Runners 2', 'Sony Xperia 5 II', 'K7 Pro': a name of the model's that ends with a model number
    is a product (made by the company it starts with), whatever the model's label; not 'Capital II'."""
    doc, words = art.doc, art.words
    span = doc[c.start : c.end]
    if c.source != "model" or c.label not in ("ORG", "MISC") or c.size < 2 or span.text in art.entries:
        return None
    if not model_number(span[-1], words) or not span[0].text[:1].isupper() or span[0].text in words["places"]:
        return None
    name_words = [w for w in span_words(span) if w not in words["model_suffixes"]]
    if any(
        w in words["org_suffixes"] or w in words["event_words"] or w in words["org_prefixes"]
        for w in name_words
    ):
        return None  # "Les Ateliers 1088": a trade word makes it a company
    if any(t.is_lower and t.is_alpha for t in span) or span.text.lower() in words["not_names"]:
        return None
    maker = next(
        (
            doc[c.start : c.start + k].text
            for k in range(c.size - 1, 0, -1)
            if doc[c.start : c.start + k].text in art.org_texts
        ),
        None,
    )
    if maker is not None:
        maker = art.entries.get(maker, {}).get("canonical", maker)
    return Verdict("PRODUCT", "numbered_product", maker=maker, final=True)


def school_of_person(art: Article, c: Candidate) -> Verdict | None:
    """'ingénieure des Arts et Métiers', 'diplômé de Centrale Nantes', 'ancien élève de l'Essec': the
    school a person went to, not a company (nor an employer for the titles around it)."""
    if c.label not in ("ORG", "MISC") or c.source == "gazetteer":
        return None
    doc, i = art.doc, c.start - 1
    while i >= 0 and doc[i].lower_ in ("l'", "l’", "la", "le", "les"):
        i -= 1
    if i < 1 or doc[i].lower_ not in ("de", "d'", "d’", "du", "des", "à", "aux"):
        return None
    before = doc[i - 1].lower_
    if doc[i].lower_ == "des" and before in ("ingénieur", "ingénieure", "ingénieurs"):
        return Verdict("DROP", "school_of_person")
    if before.startswith("diplômé") or (
        before in ("élève", "élèves", "étudiant", "étudiante") and doc[i].lower_ not in ("à", "aux")
    ):
        return Verdict("DROP", "school_of_person")
    if before in ("formé", "formée", "formés") and doc[i].lower_ in ("à", "aux"):
        return Verdict("DROP", "school_of_person")
    return None


def sector_name(art: Article, c: Candidate) -> Verdict | None:
    """'sa branche Défense, Espace et Sécurité Publique', 'l’activité Aéronautique, Energie et Industrie':
    capitalised sector words name a business line, not a company."""
    if c.source != "model" or c.label not in ("ORG", "LOC", "MISC"):
        return None
    sector = art.words["sector_words"]
    names = span_words(art.doc[c.start : c.end])
    if names and all(w in sector for w in names) and any(w not in ("et", "&") for w in names):
        return Verdict("DROP", "sector_name")
    return None


def trade_word_name(art: Article, c: Candidate) -> Verdict | None:
    """'Biogaz du Boischaut', 'Kappeler Security': a trade word opens or ends the name."""
    doc, words = art.doc, art.words
    if c.label not in ("LOC", "MISC") or c.size < 2 or art.text(c) in words["places"]:
        return None
    opens = doc[c.start].lower_ in words["org_prefixes"] - PLACE_LIKE_PREFIXES
    ends = (
        c.label == "LOC"
        and doc[c.end - 1].lower_ in words["org_suffixes"]
        and doc[c.end - 1].is_title
        and doc[c.start].text not in words["places"]
    )
    return Verdict("ORG", "trade_word_name") if opens or ends else None


def person_elsewhere(art: Article, c: Candidate) -> Verdict | None:
    """The model hesitates on the same name: a person once is a person."""
    text = art.text(c)
    if text in art.people and c.label in ("LOC", "MISC") and text not in art.org_texts:
        return Verdict("PERSON", "person_elsewhere")
    return None


def surname_of_person(art: Article, c: Candidate) -> Verdict | None:
    """'Selon Martineau': the surname of a person named in full."""
    text = art.text(c)
    if c.size == 1 and c.source == "model" and text in art.surnames and not art.org_texts.is_strong(text):
        return Verdict("PERSON", "surname_of_person")
    return None


def first_name_of_person(art: Article, c: Candidate) -> Verdict | None:
    """'« Élodie est la mieux placée »': the first name alone of a person named in full, not a company
    that acts (the full name is then its canonical, `canonical._persons`)."""
    if c.size != 1 or c.source != "model" or c.label not in ("LOC", "MISC", "ORG"):
        return None
    text = art.text(c)
    if text in art.entries or art.org_texts.is_strong(text) or text in art.org_first_words:
        return None
    if any(name.split()[0] == text for name in art.people):
        return Verdict("PERSON", "first_name_of_person")
    return None


def acting_name(art: Article, c: Candidate) -> Verdict | None:
    """'Fermio a signé': an unknown name that acts and is never a place is a company."""
    text = art.text(c)
    if c.label == "LOC" and text in art.acting and text not in art.org_texts:
        return Verdict("ORG", "acting_name")
    return None


def company_of_article(art: Article, c: Candidate) -> Verdict | None:
    """A name the article makes a company elsewhere (gazetteer, context or the model's vote)."""
    text = art.text(c)
    if (
        text in art.org_texts
        and c.source in ("model", "context")
        and c.label in ("PERSON", "LOC", "MISC", "PRODUCT")
        and not (c.label == "PRODUCT" and c.source == "context" and not art.org_texts.is_strong(text))
    ):
        return Verdict("ORG", "company_of_article")
    return None


def employer_name(art: Article, c: Candidate) -> Verdict | None:
    """'Caddie Malin arrête la livraison et supprime 95 emplois': only a company cuts or employs staff."""
    if c.label == "PERSON" and c.source == "model" and art.text(c) in art.employers:
        return Verdict("ORG", "employer_name")
    return None


def person_named_like_company(art: Article, c: Candidate) -> Verdict | None:
    """A 'person' whose first word is a company of the article: 'Pallet Systems' for 'Pallet Systems Inc'
    is the company; 'Kimazou Pay', 'Mistral Large' are its products."""
    doc = art.doc
    first = doc[c.start].text
    if not (
        c.label == "PERSON"
        and c.size > 1
        and c.source == "model"
        and (first in art.org_texts or first in art.org_first_words)
    ):
        return None
    text = art.text(c)
    last = doc[c.end - 1].text
    if any(p != text and p.split()[-1] == last for p in art.people):
        return None  # "fondé par Marcel Le Bihan" beside "Marcel Bateaux" and "Anne Le Bihan": a family name
    company = art.org_first_words.get(first, "")
    if company.startswith(text + " ") or text in art.org_texts or division_word(doc[c.end - 1], art.words):
        return Verdict("ORG", "company_full_name")
    if c.end < len(doc) and model_number(doc[c.end], art.words) and _ends_a_name(doc, c.end + 1):
        c.end += 1  # "le Marcel E-Cat 12, un catamaran": the model's "person" stops before the number
    return Verdict("PRODUCT", "product_of_company", maker=company or None)


def _ends_a_name(doc: Doc, i: int) -> bool:
    """Nothing of an amount or a quantity follows ("12 millions", "12 %"): a clause goes on or ends."""
    return i >= len(doc) or doc[i].text in (",", ".", ")", ";", ":", "»") or doc[i].pos_ in ("VERB", "AUX")


def company_prefix(art: Article, c: Candidate) -> Verdict | None:
    """A name that starts with a known company: product, subsidiary or event."""
    if c.label not in ("ORG", "MISC", "PRODUCT") or c.source not in ("model", "context"):
        return None
    doc, entries, words, org_texts = art.doc, art.entries, art.words, art.org_texts
    span = doc[c.start : c.end]
    if span.text in entries:
        entry = entries[span.text]
        return Verdict(
            entry["label"], "gazetteer_name", canonical=entry["canonical"], maker=entry.get("maker")
        )
    if c.label == "MISC" and any(w in words["event_words"] for w in span_words(span)):
        return None
    for k in range(c.size - 1, 0, -1):
        prefix = doc[c.start : c.start + k].text
        if entries.get(prefix, {}).get("label") == "PRODUCT":  # "iPhone 16", "Galaxy S25 Ultra"
            if c.label == "ORG" and division_word(span[-1], words):
                return Verdict("ORG", "company_named_after_product")  # "Linux Foundation"
            entry = entries[prefix]
            return Verdict(
                "PRODUCT", "gazetteer_product_prefix", canonical=entry["canonical"], maker=entry.get("maker")
            )
        if prefix in org_texts:
            rest = doc[c.start + k : c.end]
            if rest.text in art.people:  # "à l'AFP Baptiste Leroux, président": a company, then a person
                c.end = c.start + k
                return Verdict("ORG", "company_before_person", final=True)
            if c.label == "ORG" and (
                c.rule in ("org_after_trigger", "org_after_title")
                or (c.rule == "org_head_word" and _right_after_head(doc, c))
                or (c.source == "model" and art.org_texts.is_strong(span.text))
            ):
                return Verdict("ORG", "company_full_name")  # "BNP Paribas Fortis" after "auprès de"
            return _after_company(art, c, prefix, rest)
    return None


def _right_after_head(doc, c: Candidate) -> bool:
    """'le constructeur chinois X Mobile': the name right after its trade word, adjectives between only
    (not 'la jeune pousse édite X Flux', where a verb the rule skipped stands between)."""
    if c.trigger is None:
        return False
    between = doc[c.trigger[1] : c.start]
    if all(t.is_lower and t.pos_ == "ADJ" for t in between):
        return True
    # 'la coopérative laitière X': the tagger may call the adjective a noun; one such word, no verb
    return len(between) == 1 and between[0].is_lower and between[0].is_alpha and between[0].pos_ == "NOUN"


def _after_company(art: Article, c: Candidate, prefix: str, rest) -> Verdict:
    """What the words after a company's name make of the whole: 'HP France', 'Airbus Defence and Space'."""
    words, org_texts = art.words, art.org_texts
    parent = art.entries.get(prefix, {}).get("canonical", prefix)
    rest_words = span_words(rest)
    if prefix.split()[0].lower() in words["network_bank_words"] and not any(
        w in words["product_suffixes"] for w in rest_words
    ):  # "Crédit Agricole Anjou Maine", "Caisse d'Epargne Rhône Alpes": a regional bank, not a product
        return Verdict("ORG", "regional_bank", maker=parent)
    if c.label == "PRODUCT":
        if division_word(rest[-1], words):  # "EDF Renouvelables", "Orange Business": a division
            return Verdict("ORG", "company_division")
        return Verdict("PRODUCT", "product_of_company", maker=parent)
    if len(rest) == 2 and rest[0].lower_ in ("&", "et") and rest[1].lower_ in words["family_suffixes"]:
        return Verdict("ORG", "company_full_name")  # "Tréfileries Gaudin & Fils": one family company
    if rest[0].text in ("-", "&") or any(t.text in org_texts for t in rest):
        return Verdict("DROP", "two_companies")  # "HP-Microsoft": two companies, not one name
    if rest.text in words["places"] or all(
        t.text in words["places"] or t.lower_ in ("&", "and", "et", "-") for t in rest
    ):  # "HP France", "Thales Australia": a company of its own, whose parent is kept
        return Verdict("ORG", "national_subsidiary", maker=parent)
    if (
        any(w in words["org_suffixes"] or w in words["org_prefixes"] for w in rest_words)
        or len(rest_words) > 2
        or any(t.is_lower for t in rest if t.is_alpha)
    ):  # "Pallet Systems Inc", "Airbus Defence and Space", "Valade Cartonnages": a company's full name
        return Verdict("ORG", "company_full_name")
    if any(w in words["event_words"] for w in rest_words):
        return Verdict("DROP", "event_of_company")
    return Verdict("PRODUCT", "product_of_company", maker=parent)


def division_word(token, words: dict) -> bool:
    """'Renouvelables', 'Business', 'Parfums' end a company's division; 'Pay', 'Cloud', 'Pro' a product."""
    return (
        token.is_title
        and token.lower_ in words["org_suffixes"]
        and token.lower_ not in words["product_suffixes"]
    )


def implausible_place(art: Article, c: Candidate) -> Verdict | None:
    if c.label != "LOC":
        return None
    span = art.doc[c.start : c.end]
    plausible = (
        span[0].text[:1].isupper()
        and not (c.size == 1 and len(span.text) < 2)
        and not any(w in art.words["title_words"] for w in span_words(span))
    )
    return None if plausible else Verdict("DROP", "implausible_place")


def check_person(art: Article, c: Candidate) -> Verdict | None:
    """Job titles, lowercase words, digits and bare letters are not people's names."""
    if c.label != "PERSON":
        return None
    words = art.words
    span = art.doc[c.start : c.end]
    tokens = [t for t in span if not t.is_punct]
    if not tokens:
        return Verdict("DROP", "empty_person")
    lowered = [t.lower_ for t in tokens]
    if len(tokens) > 1 and (
        (lowered[-1] in words["org_suffixes"] and tokens[-1].text[0].isupper())
        or lowered[0] in words["org_prefixes"]
    ):  # "Girardot Logistique", "Cartonnages Lemaire": a trade word makes it a company
        return Verdict("ORG", "trade_word_person")
    if any(ch.isdigit() or ch == "@" for ch in span.text) or "." in span.text.strip("."):
        return Verdict("ORG" if len(tokens) == 1 else "DROP", "person_with_digits")
    if all(w in words["title_words"] for w in lowered) or span.text.lower() in words["not_names"]:
        return Verdict("DROP", "title_not_person")
    if any(t.is_lower and t.lower_ not in words["name_particles"] and not _after_hyphen(t) for t in tokens):
        # but "Park Ji-hoon", "Lee Jae-yong": a lowercase syllable after a hyphen
        return Verdict("DROP", "lowercase_in_person")
    if len(tokens) > 1 and len(tokens[0].text) == 1:
        return Verdict(
            "DROP", "bare_letter"
        )  # "S Pen": a bare letter is no first name (an initial has its full stop)
    if len(tokens) == 1 and tokens[0].is_upper and len(tokens[0]) > 1:
        return Verdict("ORG", "acronym_not_person")
    return None


def _after_hyphen(token) -> bool:
    doc = token.doc
    return token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_


def implausible_org(art: Article, c: Candidate) -> Verdict | None:
    if c.label == "ORG" and not plausible_org(art, c):
        return Verdict("DROP", "implausible_org")
    return None


def plausible_org(art: Article, c: Candidate) -> bool:
    doc, words = art.doc, art.words
    span = doc[c.start : c.end]
    text = span.text
    if c.source == "gazetteer" or text in art.entries:
        return True
    lowered = span_words(span)
    if not lowered or text in words["places"] or text.lower() in words["not_names"]:
        return False
    if c.size == 1 and text.lower() in words["nationality_heads"]:
        return False  # "L'Américain" of "L'Américain Sungard": the company is the name after it
    if c.source == "model" and c.size <= 3 and _alone_on_its_line(doc, c):
        if any(t.is_lower for t in span if t.is_alpha) or (
            c.size == 1 and doc.vocab.has_vector(text.lower())
        ):
            return False  # a rubric ("Intelligence artificielle", "Industrie") above the article
        if c.size == 1:
            return _named_again(doc, span[0])  # a rubric ("Réseaux") above the title
    if any(w in words["title_words"] for w in lowered) and c.source == "model":
        return False
    if c.source == "model" and _common_phrase_opening(doc, c, words):
        return False
    if any(w in words["event_words"] for w in lowered) and c.source == "model":
        return False
    if c.size == 1 and text.lower() in art.lowercase_words and not art.org_texts.is_strong(text):
        return False  # "Énergie :" above "le prix de l'énergie"; but "la start-up Kilomètre" then "le dernier kilomètre"
    if c.source == "model" and c.size == 1 and _home_town(doc, c):
        return False
    if any(t.lower_ in ("ministère", "ministre", "ministres") for t in doc[max(0, c.start - 3) : c.start]):
        return False  # "le ministère de l'Économie": a portfolio, not a company
    if not any(ch.isupper() for ch in text):  # 'S3NS' has no alphabetic token but is a name
        return False
    if c.source == "model" and c.size == 1 and span[0].is_sent_start and doc.vocab.has_vector(text.lower()):
        return _named_again(doc, span[0])
    return True


def _common_phrase_opening(doc: Doc, c: Candidate, words: dict) -> bool:
    """'Coup de tonnerre dans la robotique.': a common noun phrase opening the sentence (a common first
    word, a lowercase noun after it), not a company; 'Société générale', 'Agence nationale de la
    recherche' open on a company word."""
    first = doc[c.start]
    if (
        c.size < 2
        or not opens_sentence(doc, c.start)
        or not first.is_title
        or not doc.vocab.has_vector(first.lower_)
    ):
        return False
    if any(
        first.lower_ in words[name]
        for name in ("org_heads", "public_bodies", "org_prefixes", "network_bank_words")
    ):
        return False
    return any(t.is_lower and t.is_alpha and t.pos_ == "NOUN" for t in doc[c.start + 1 : c.end])


def _named_again(doc: Doc, token) -> bool:
    """Another token of the Doc has the same text (compared as hashes, no Token made per word)."""
    return doc.to_array(ORTH).tolist().count(token.orth) > 1


HOME_TOWN_HEADS = word_lists()["home_town_heads"]


def _home_town(doc: Doc, c: Candidate) -> bool:
    """'le groupe de Leverkusen', 'le constructeur de Seattle': a company's home town, named once."""
    if c.start < 2 or doc[c.start - 1].lower_ not in ("de", "d'", "d’"):
        return False
    text = doc[c.start].text
    return doc[c.start - 2].lower_ in HOME_TOWN_HEADS and sum(1 for t in doc if t.text == text) == 1


def _alone_on_its_line(doc: Doc, c: Candidate) -> bool:
    before = c.start == 0 or "\n" in doc[c.start - 1].text or "\n" in doc[c.start - 1].whitespace_
    after = c.end >= len(doc) or "\n" in doc[c.end].text
    return before and after


def acting_names(doc: Doc, chosen: list[Candidate], words: dict) -> set[str]:
    """Names the model calls places that are the subject of a verb somewhere and never come after a
    locative preposition ('Fermio a signé', not 'à Fermio'): companies the model does not know."""
    acting, placed = set(), set()
    for c in chosen:
        if c.label != "LOC":
            continue
        text = doc[c.start : c.end].text
        if text in words["places"]:
            continue
        if c.start > 0 and doc[c.start - 1].lower_ in LOCATIVE | {"de", "d'", "d’", "du"}:
            placed.add(text)
        span = doc[c.start : c.end]
        if span.root.dep_ in SUBJECT_DEPS and span.root.head.pos_ in ("VERB", "AUX"):
            acting.add(text)
    return acting - placed


JOB_WORDS = frozenset(
    w for row in read_jsonl("event_words.jsonl") if row["name"] == "job_words" for w in row["words"]
)


def employer_names(doc: Doc, chosen: list[Candidate], words: dict) -> set[str]:
    """The model's people that are the subject of a workforce verb with jobs as its object ('X emploie 90
    personnes', 'X arrête ... et supprime 95 emplois', the verb a conjunct of the subject's verb)."""
    found = set()
    for c in chosen:
        if c.label != "PERSON" or c.size < 2 or c.source != "model":
            continue
        root = doc[c.start : c.end].root
        if root.dep_ != "nsubj":
            continue
        verbs = [root.head]
        verbs += [
            t
            for t in root.head.children
            if t.dep_ == "conj" and not any(ch.dep_.startswith("nsubj") for ch in t.children)
        ]
        if any(
            v.lower_ in words["workforce_verbs"]
            and any(ch.dep_ == "obj" and ch.lower_ in JOB_WORDS for ch in v.children)
            for v in verbs
        ):
            found.add(span_text(doc, c.start, c.end))
    return found


#: Tried in this order on each candidate; a `final` verdict ends the run.
LABEL_RULES: list[LabelRule] = [
    trim_product_head,
    former_employer,
    numbered_product,
    school_of_person,
    sector_name,
    trade_word_name,
    person_elsewhere,
    surname_of_person,
    first_name_of_person,
    acting_name,
    company_of_article,
    employer_name,
    person_named_like_company,
    company_prefix,
    implausible_place,
    check_person,
    implausible_org,
]
