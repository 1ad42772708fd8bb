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

from nlp.article_rules import Article, acting_names, employer_names, run_label_rules
from nlp.naming import enumerated_orgs
from nlp.rules import Candidate
from nlp.tokens import ents_of, span_text

logger = logging.getLogger(__name__)

NAME_PARTICLES_MAX = 4


def resolve(doc: Doc, chosen: list[Candidate], entries: dict, words: dict) -> list[Candidate]:
    art = _article(doc, chosen, entries, words)
    suffixed = _suffixed_names(doc, chosen, words)
    for c in chosen:
        run_label_rules(art, c)
    for c in chosen:
        if c.label in ("PERSON", "MISC") and span_text(doc, c.start, c.end) in suffixed:
            c.relabel("ORG", "company_with_suffix")
    _product_mentions(doc, chosen, art.org_texts)
    _persons(doc, chosen, art.org_texts, art.lowercase_words)
    enumerated_orgs(doc, chosen, entries, words["places"])
    _org_canonicals(doc, chosen, entries, words)
    return [c for c in chosen if c.label not in ("DROP", "MISC")]


def _article(doc: Doc, chosen: list[Candidate], entries: dict, words: dict) -> Article:
    """What the label rules know of the article, read before any of them runs."""
    return Article(
        doc=doc,
        entries=entries,
        words=words,
        org_texts=_vote_orgs(doc, chosen, entries, words),
        lowercase_words={t.text for t in doc if t.is_lower and t.is_alpha},
        people={span_text(doc, c.start, c.end) for c in chosen if c.label == "PERSON" and c.size > 1},
        org_first_words={
            doc[c.start].text: span_text(doc, c.start, c.end)
            for c in chosen
            if c.label == "ORG" and c.size > 1 and c.source != "model" and doc[c.start].text[:1].isupper()
        },
        surnames={doc[c.end - 1].text for c in chosen if c.label == "PERSON" and c.size > 1},
        acting=acting_names(doc, chosen, words),
        employers=employer_names(doc, chosen, words),
    )


def _suffixed_names(doc: Doc, chosen: list[Candidate], words: dict) -> set[str]:
    """'Hua Hong' where the article also says 'Hua Hong Semiconductor' (read before the label rules)."""
    return {
        doc[c.start : c.end - 1].text
        for c in chosen
        if c.label in ("ORG", "PERSON", "MISC")
        and c.size > 2
        and doc[c.end - 1].lower_ in words["org_suffixes"]
        and doc[c.end - 1].is_title
    }


def _product_mentions(doc: Doc, chosen: list[Candidate], org_texts: _OrgNames) -> None:
    """'Insecticide Pyrelia : ...' then 'le Pyrelia': a one-word name the model hesitates on is the product
    the article names elsewhere by its context or the gazetteer."""
    products = {
        span_text(doc, c.start, c.end)
        for c in chosen
        if c.label == "PRODUCT" and (c.source != "model" or any("product_head" in ch for ch in c.changes))
    }
    for c in chosen:
        text = span_text(doc, c.start, c.end)
        if c.source != "model" or text not in products or org_texts.is_strong(text):
            continue
        if (c.size == 1 and c.label in ("PERSON", "LOC", "MISC")) or (
            c.label == "ORG" and any(ch.isdigit() for ch in text)
        ):  # "dévoile Orkan-2" then the model's "Orkan-2" company: a numbered name is the product
            c.relabel("PRODUCT", "product_of_article")


def _vote_orgs(doc: Doc, chosen: list[Candidate], entries: dict, words: dict) -> _OrgNames:
    """Names that are companies in this article: a gazetteer or context hit anywhere, or ORG for the
    model at least as often as any other label (the model hesitates between ORG, PER and LOC)."""
    votes: dict[str, Counter] = {}
    strong = set()
    people = {span_text(doc, c.start, c.end) for c in chosen if c.label == "PERSON" and c.source == "context"}
    for c in chosen:
        text = span_text(doc, c.start, c.end)
        if c.label == "ORG" and c.source in ("context", "gazetteer"):
            strong.add(text)
        votes.setdefault(text, Counter())[c.label] += 1
    for ent in ents_of(doc):
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


def _persons(doc: Doc, chosen: list[Candidate], org_texts: _OrgNames, lowercase_words: set[str]) -> None:
    """Full names are canonical; a surname or first name alone refers to the full name of the article;
    another single name is a company, unless the article writes it in lowercase too ("Agritech :" above
    "le marché de l'agritech" is a rubric)."""
    full = [span_text(doc, c.start, c.end) for c in chosen if c.label == "PERSON" and c.size > 1]
    by_part: dict[str, set[str]] = {}
    for name in full:
        parts = name.split()
        for part in {parts[-1], parts[0], " ".join(parts[1:])}:
            by_part.setdefault(part, set()).add(name)
    for c in chosen:
        if c.label != "PERSON":
            continue
        text = span_text(doc, c.start, c.end)
        if c.size > 1:
            longer = [n for n in full if n != text and n.endswith(" " + text)]
            c.canonical = max(longer, key=len) if longer else text
            continue
        names = by_part.get(text, set())
        if len(names) == 1:
            c.canonical = next(iter(names))
        elif names:
            c.canonical = text
        elif text in org_texts or (
            text.lower() not in lowercase_words
            and (not doc.vocab.has_vector(text.lower()) or _coordinated_with_org(doc, c, chosen))
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


def _org_canonicals(doc: Doc, chosen: list[Candidate], entries: dict, words: dict) -> None:
    """Gazetteer canonical; acronym defined in parentheses; short name of a longer legal name."""
    orgs = [c for c in chosen if c.label == "ORG"]
    texts = {id(c): span_text(doc, c.start, c.end) for c in orgs}
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
    for c in orgs:  # "la filiale Savary Assurances": a subsidiary of Savary, not its legal name
        if _named_as_subsidiary(doc, c, words["parent_words"]):
            longer_names.pop(texts[id(c)], None)
    for c in orgs:
        text = texts[id(c)]
        if c.canonical:
            continue
        if text in entries:
            c.canonical = entries[text]["canonical"]
        elif text in acronyms:
            c.canonical = acronyms[text]
        else:
            longer = (
                [
                    t
                    for t in longer_names
                    if t.startswith(text + " ")
                    and all(w.lower() in words["org_suffixes"] for w in t[len(text) :].split())
                ]
                or [  # "le groupe Sabatier" beside "Groupe Sabatier", "Kerhervé" beside "Conserverie Kerhervé"
                    t
                    for t in longer_names
                    if t.endswith(" " + text)
                    and all(
                        w.lower() in words["org_prefixes"] - words["holding_words"]
                        for w in t[: -len(text)].split()
                    )
                ]
            )
            c.canonical = min(longer, key=len) if len(longer) == 1 else text


def _named_as_subsidiary(doc: Doc, c: Candidate, parent_words) -> bool:
    """'la filiale Vautrin Parfums', 'Vautrin Parfums, la filiale qui ...', 'Vautrin Parfums, filiale de'."""
    if c.start > 0 and doc[c.start - 1].lower_ in parent_words:
        return True
    after = doc[c.end : c.end + 3]
    return len(after) > 1 and after[0].text == "," and any(t.lower_ in parent_words for t in after[1:])
