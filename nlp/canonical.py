"""Article-level decisions on chosen candidates: final label, canonical name, aliases, coreference.

- ORG/MISC "Cisco Mail" whose first word is a known company -> PRODUCT made by Cisco; "Cisco Systems",
  "Microsoft France" -> ORG (canonical: the alias' canonical, or the parent for a country subsidiary).
- PERSON: job titles and lowercase words are not names; "Chambers" after "John Chambers" -> canonical
  "John Chambers"; a one-word "person" that is a company elsewhere, or a rare capitalised word, is an ORG.
- ORG: dropped when it is a place, an event, a title, or a common noun written in lowercase elsewhere.
- "Centre international de recherche sur le cancer (CIRC)": CIRC gets the long name as canonical.
"""

from __future__ import annotations

import logging
from collections import Counter

from spacy.tokens import Doc

from nlp.lexicon import has_ex_prefix, word_lists
from nlp.naming import enumerated_orgs
from nlp.rules import Candidate, span_words

logger = logging.getLogger(__name__)

NAME_PARTICLES_MAX = 4


def resolve(doc: Doc, chosen: list[Candidate], entries: dict, words: dict) -> list[Candidate]:
    lowercase_words = {t.text for t in doc if t.is_lower and t.is_alpha}
    org_texts = _vote_orgs(doc, chosen, entries, words)
    people = {doc[c.start : c.end].text for c in chosen if c.label == "PERSON" and c.size > 1}
    org_first_words = {
        doc[c.start].text: doc[c.start : c.end].text
        for c in chosen
        if c.label == "ORG" and c.size > 1 and c.source != "model" and doc[c.start].text[:1].isupper()
    }
    surnames = {doc[c.end - 1].text for c in chosen if c.label == "PERSON" and c.size > 1}
    suffixed = {  # "Hua Hong" where the article also says "Hua Hong Semiconductor"
        doc[c.start : c.end - 1].text
        for c in chosen
        if c.label in ("ORG", "PERSON", "MISC")
        and c.size > 2
        and doc[c.end - 1].lower_ in words["org_suffixes"]
        and doc[c.end - 1].is_title
    }
    acting = _acting_names(doc, chosen, words)
    for c in chosen:
        if (
            c.label == "ORG"
            and c.size > 1
            and doc[c.start].is_title
            and doc[c.start].lower_ in words["nationality_heads"]
            and doc[c.start + 1].text[:1].isupper()
        ):
            c.start += 1  # "du Français GL Trade" is GL Trade (but "La Française des Jeux")
            c.changes.append("nationality_dropped")
        text = doc[c.start : c.end].text
        former_employer = text[3:] if has_ex_prefix(text) else ""
        if former_employer in org_texts:  # "Karim Haddad (ex-Cisco)": the company is Cisco
            c.relabel("ORG", "former_employer")
            c.canonical = entries.get(former_employer, {}).get("canonical", former_employer)
            continue
        if (
            c.label in ("LOC", "MISC")
            and c.size > 1
            and text not in words["places"]
            and (
                doc[c.start].lower_ in words["org_prefixes"] - PLACE_LIKE_PREFIXES
                or (
                    c.label == "LOC"
                    and doc[c.end - 1].lower_ in words["org_suffixes"]
                    and doc[c.end - 1].is_title
                    and doc[c.start].text not in words["places"]
                )
            )
        ):
            c.relabel(
                "ORG", "trade_word_name"
            )  # "Biogaz du Boischaut", "Kappeler Security": a trade word opens or ends the name
        if text in people and c.label in ("LOC", "MISC") and text not in org_texts:
            c.relabel(
                "PERSON", "person_elsewhere"
            )  # the model hesitates on the same name: a person once is a person
        if c.size == 1 and c.source == "model" and text in surnames and not org_texts.is_strong(text):
            c.relabel(
                "PERSON", "surname_of_person"
            )  # "Selon Martineau": the surname of a person named in full
        elif c.label == "LOC" and text in acting and text not in org_texts:
            c.relabel(
                "ORG", "acting_name"
            )  # "Fermio a signé": an unknown name that acts and is never a place is a company
        if (
            text in org_texts
            and c.source in ("model", "context")
            and c.label in ("PERSON", "LOC", "MISC", "PRODUCT")
            and not (c.label == "PRODUCT" and c.source == "context" and not org_texts.is_strong(text))
        ):
            c.relabel("ORG", "company_of_article")
        elif (
            c.label == "PERSON"
            and c.size > 1
            and c.source == "model"
            and (doc[c.start].text in org_texts or doc[c.start].text in org_first_words)
        ):
            company = org_first_words.get(doc[c.start].text, "")
            if company.startswith(text + " ") or text in org_texts:
                c.relabel("ORG", "company_full_name")  # "Pallet Systems" for "Pallet Systems Inc"
            else:
                c.relabel("PRODUCT", "product_of_company")
                c.maker = company or None
            # "Kimazou Pay", "Mistral Large": a name that starts with a company of the article
        if c.label in ("ORG", "MISC", "PRODUCT") and c.source in ("model", "context"):
            _company_prefix(doc, c, entries, org_texts, words)
        if c.label == "LOC" and not _plausible_place(doc, c, words):
            c.relabel("DROP", "implausible_place")
        if c.label == "PERSON":
            _check_person(doc, c, words)
        if c.label == "ORG" and not _plausible_org(doc, c, entries, lowercase_words, words):
            c.relabel("DROP", "implausible_org")
    for c in chosen:
        if c.label in ("PERSON", "MISC") and doc[c.start : c.end].text in suffixed:
            c.relabel("ORG", "company_with_suffix")
    _persons(doc, chosen, org_texts)
    enumerated_orgs(doc, chosen, entries, words["places"])
    _org_canonicals(doc, chosen, entries, words)
    return [c for c in chosen if c.label not in ("DROP", "MISC")]


def _vote_orgs(doc: Doc, chosen: list[Candidate], entries: dict, words: dict) -> _OrgNames:
    """Names that are companies in this article: a gazetteer or context hit anywhere, or ORG for the
    model at least as often as any other label (the model hesitates between ORG, PER and LOC)."""
    votes: dict[str, Counter] = {}
    strong = set()
    people = {doc[c.start : c.end].text for c in chosen if c.label == "PERSON" and c.source == "context"}
    for c in chosen:
        text = doc[c.start : c.end].text
        if c.label == "ORG" and c.source in ("context", "gazetteer"):
            strong.add(text)
        votes.setdefault(text, Counter())[c.label] += 1
    for ent in doc.ents:
        if ent.label_ == "ORG":
            votes.setdefault(ent.text, Counter())["ORG"] += 1
    by_model = {t for t, v in votes.items() if v["ORG"] and v["ORG"] >= max(v.values()) and t not in people}
    orgs = strong | by_model
    for text in list(orgs):  # "Kenwa" is the short name of "Kenwa Holdings"
        first, _, rest = text.partition(" ")
        if rest and all(w.lower() in words["org_suffixes"] for w in rest.split()) and first in votes:
            if not votes[first]["PERSON"] or first[:1].isupper():
                orgs.add(first)
    return _OrgNames(orgs, entries, strong)


class _OrgNames:
    """The article's company names plus the gazetteer's, without copying the gazetteer per article."""

    def __init__(self, names: set[str], entries: dict, strong: set[str] = frozenset()):
        self.names, self.entries, self.strong = names, entries, strong

    def __contains__(self, text: str) -> bool:
        return text in self.names or self.entries.get(text, {}).get("label") == "ORG"

    def is_strong(self, text: str) -> bool:
        """A company by the gazetteer or by its context, not only by the model's vote."""
        return text in self.strong or self.entries.get(text, {}).get("label") == "ORG"


# Trade words that also open place names: "la Maison Blanche", "le Domaine de Chantilly"
PLACE_LIKE_PREFIXES = word_lists()["place_like_prefixes"]
LOCATIVE = word_lists()["locatives"]
SUBJECT_DEPS = {"nsubj", "nsubj:pass"}


def _acting_names(doc: Doc, chosen: list[Candidate], words: dict) -> set[str]:
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
        if doc[c.start : c.end].root.dep_ in SUBJECT_DEPS and doc[c.start : c.end].root.head.pos_ in (
            "VERB",
            "AUX",
        ):
            acting.add(text)
    return acting - placed


def _company_prefix(doc: Doc, c: Candidate, entries: dict, org_texts: _OrgNames, words: dict) -> None:
    """A name that starts with a known company: product, subsidiary or event."""
    span = doc[c.start : c.end]
    text = span.text
    if text in entries:
        entry = entries[text]
        c.relabel(entry["label"], "gazetteer_name")
        c.canonical, c.maker = entry["canonical"], entry.get("maker")
        return
    if c.label == "MISC" and any(w in words["event_words"] for w in span_words(span)):
        return
    for k in range(c.size - 1, 0, -1):
        prefix = doc[c.start : c.start + k].text
        if entries.get(prefix, {}).get("label") == "PRODUCT":  # "iPhone 16", "Galaxy S25 Ultra"
            entry = entries[prefix]
            c.relabel("PRODUCT", "gazetteer_product_prefix")
            c.canonical, c.maker = entry["canonical"], entry.get("maker")
            return
        if prefix not in org_texts:
            continue
        parent = entries.get(prefix, {}).get("canonical", prefix)
        rest = doc[c.start + k : c.end]
        rest_words = span_words(rest)
        if c.label == "PRODUCT":
            c.maker = parent
        elif rest[0].text in ("-", "&") or any(t.text in org_texts for t in rest):
            c.relabel("DROP", "two_companies")  # "HP-Microsoft": two companies, not one name
        elif rest.text in words["places"] or all(
            t.text in words["places"] or t.lower_ in ("&", "and", "et", "-") for t in rest
        ):
            c.relabel("ORG", "national_subsidiary")  # "HP France", "Thales Australia": a company of its own
            c.maker = parent  # ... whose parent is kept
        elif (
            any(w in words["org_suffixes"] for w in rest_words)
            or len(rest_words) > 2
            or any(t.is_lower for t in rest if t.is_alpha)
        ):
            c.relabel(
                "ORG", "company_full_name"
            )  # "Pallet Systems Inc", "Airbus Defence and Space": a company's full name
        elif any(w in words["event_words"] for w in rest_words):
            c.relabel("DROP", "event_of_company")
        else:
            c.relabel("PRODUCT", "product_of_company")
            c.maker = parent
        return


def _plausible_place(doc: Doc, c: Candidate, words: dict) -> bool:
    span = doc[c.start : c.end]
    if not span[0].text[:1].isupper() or (c.size == 1 and len(span.text) < 2):
        return False
    return not any(w in words["title_words"] for w in span_words(span))


def _check_person(doc: Doc, c: Candidate, words: dict) -> None:
    span = doc[c.start : c.end]
    tokens = [t for t in span if not t.is_punct]
    if not tokens:
        c.relabel("DROP", "empty_person")
        return
    lowered = [t.lower_ for t in tokens]
    if len(tokens) > 1 and (
        (lowered[-1] in words["org_suffixes"] and tokens[-1].text[0].isupper())
        or lowered[0] in words["org_prefixes"]
    ):
        c.relabel(
            "ORG", "trade_word_person"
        )  # "Girardot Logistique", "Cartonnages Lemaire": a trade word makes it a company
    elif any(ch.isdigit() or ch == "@" for ch in span.text) or "." in span.text.strip("."):
        c.relabel("ORG" if len(tokens) == 1 else "DROP", "person_with_digits")
    elif all(w in words["title_words"] for w in lowered) or span.text.lower() in words["not_names"]:
        c.relabel("DROP", "title_not_person")
    elif any(t.is_lower and t.lower_ not in words["name_particles"] and not _after_hyphen(t) for t in tokens):
        c.relabel(
            "DROP", "lowercase_in_person"
        )  # but "Park Ji-hoon", "Lee Jae-yong": a lowercase syllable after a hyphen
    elif len(tokens) > 1 and len(tokens[0].text) == 1:
        c.relabel(
            "DROP", "bare_letter"
        )  # "S Pen": a bare letter is no first name (an initial has its full stop)
    elif len(tokens) == 1 and tokens[0].is_upper and len(tokens[0]) > 1:
        c.relabel("ORG", "acronym_not_person")


def _after_hyphen(token) -> bool:
    doc = token.doc
    return token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_


def _persons(doc: Doc, chosen: list[Candidate], org_texts: _OrgNames) -> None:
    """Full names are canonical; a surname or first name alone refers to the full name of the article."""
    full = [doc[c.start : c.end].text for c in chosen if c.label == "PERSON" and c.size > 1]
    by_part: dict[str, set[str]] = {}
    for name in full:
        parts = name.split()
        for part in {parts[-1], parts[0], " ".join(parts[1:])}:
            by_part.setdefault(part, set()).add(name)
    for c in chosen:
        if c.label != "PERSON":
            continue
        text = doc[c.start : c.end].text
        if c.size > 1:
            longer = [n for n in full if n != text and n.endswith(" " + text)]
            c.canonical = max(longer, key=len) if longer else text
            continue
        names = by_part.get(text, set())
        if len(names) == 1:
            c.canonical = next(iter(names))
        elif names:
            c.canonical = text
        elif (
            text in org_texts
            or not doc.vocab.has_vector(text.lower())
            or _coordinated_with_org(doc, c, chosen)
        ):
            c.relabel("ORG", "single_name_company")
            c.canonical = None
        elif not _after_civility(doc, c):
            c.relabel("DROP", "single_name_dropped")


def _coordinated_with_org(doc: Doc, c: Candidate, chosen: list[Candidate]) -> bool:
    """'chez IBM et Wang', "d'IBM et de Wang": a name listed with companies is a company."""
    org_ends = {o.end for o in chosen if o.label == "ORG"}
    org_starts = {o.start for o in chosen if o.label == "ORG"}
    i = c.start - 1
    while i >= 0 and doc[i].lower_ in ("de", "d'", "d’", "chez"):
        i -= 1
    if i >= 0 and doc[i].lower_ in ("et", "ou", ",") and i in org_ends:
        return True
    j = c.end
    return j + 1 < len(doc) and doc[j].lower_ in ("et", "ou", ",") and (j + 1) in org_starts


def _after_civility(doc: Doc, c: Candidate) -> bool:
    return c.start > 0 and doc[c.start - 1].lower_.rstrip(".") in ("m", "mme", "mr", "dr", "pr", "me", "mlle")


def _plausible_org(doc: Doc, c: Candidate, entries: dict, lowercase_words: set[str], words: dict) -> bool:
    span = doc[c.start : c.end]
    text = span.text
    if c.source == "gazetteer" or text in entries:
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
            return sum(1 for t in doc if t.text == text) > 1  # a rubric ("Réseaux") above the title
    if any(w in words["title_words"] for w in lowered) and c.source == "model":
        return False
    if any(w in words["event_words"] for w in lowered) and c.source == "model":
        return False
    if c.size == 1 and text.lower() in lowercase_words:
        return False
    if c.source == "model" and c.size == 1 and _home_town(doc, c):
        return False
    if any(t.lower_ in ("ministère", "ministre", "ministres") for t in doc[max(0, c.start - 3) : c.start]):
        return False  # "le ministère de l'Économie": a portfolio, not a company
    if not any(ch.isupper() for ch in text):  # 'S3NS' has no alphabetic token but is a name
        return False
    if c.source == "model" and c.size == 1 and span[0].is_sent_start and doc.vocab.has_vector(text.lower()):
        return sum(1 for t in doc if t.text == text) > 1
    return True


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


def _org_canonicals(doc: Doc, chosen: list[Candidate], entries: dict, words: dict) -> None:
    """Gazetteer canonical; acronym defined in parentheses; short name of a longer legal name."""
    orgs = [c for c in chosen if c.label == "ORG"]
    texts = {id(c): doc[c.start : c.end].text for c in orgs}
    acronyms = {}
    for c in orgs:
        if (
            c.end + 2 < len(doc)
            and doc[c.end].text == "("
            and doc[c.end + 2].text == ")"
            and doc[c.end + 1].is_upper
            and c.size > 1
        ):
            acronyms[doc[c.end + 1].text] = c.canonical or texts[id(c)]
    longer_names = Counter(texts.values())
    for c in orgs:
        text = texts[id(c)]
        if c.canonical:
            continue
        if text in entries:
            c.canonical = entries[text]["canonical"]
        elif text in acronyms:
            c.canonical = acronyms[text]
        else:
            longer = [
                t
                for t in longer_names
                if t.startswith(text + " ")
                and all(w.lower() in words["org_suffixes"] for w in t[len(text) :].split())
            ]
            c.canonical = min(longer, key=len) if len(longer) == 1 else text
