"""The `veille_entities` component: ORG, PERSON, PRODUCT, MONEY, PERCENT with canonical names.

It runs after the model's `ner` and rewrites `doc.ents` from candidates (model entities cleaned of
elided articles and job titles, gazetteer hits, company/product contexts, amounts), then fixes labels
at the article level (a one-word "person" that is a company, a surname that refers to a full name)
and sets `span._.canonical` (and value/currency/rate/maker/about).
"""

from __future__ import annotations

import logging
from collections import Counter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from nlp import canonical as canon
from nlp.gazetteer import gazetteer_candidates
from nlp.headline import headline_company, paragraph_companies
from nlp.lexicon import read_jsonl, titles, word_lists
from nlp.money import QuantityParser
from nlp.naming import acronym_candidates, product_candidates, suffix_candidates
from nlp.rules import (
    PRIORITY,
    Candidate,
    context_candidates,
    model_candidates,
)
from nlp.tokens import doc_text, ents_changed, ents_of, reads_fixed_ents

logger = logging.getLogger(__name__)

SPAN_EXTENSIONS = ("canonical", "value", "currency", "rate", "maker", "about", "rule", "trigger", "range")
OUTPUT_LABELS = ("ORG", "PERSON", "PRODUCT", "MONEY", "PERCENT", "LOC")


def register_extensions() -> None:
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


@Language.factory("veille_entities", default_config={"patterns_dir": None})
def make_entities(nlp: Language, name: str, patterns_dir: str | None) -> EntityBuilder:
    return EntityBuilder(nlp, patterns_dir)


class EntityBuilder:
    def __init__(self, nlp: Language, patterns_dir: str | None = None):
        register_extensions()
        self.words = word_lists(patterns_dir)
        self.quantities = QuantityParser(read_jsonl("currencies.jsonl", patterns_dir))
        self.entries: dict[str, dict] = {}
        self.gazetteer = PhraseMatcher(nlp.vocab, attr="ORTH")
        for label, filename in (("ORG", "orgs.jsonl"), ("PRODUCT", "products.jsonl")):
            for row in read_jsonl(filename, patterns_dir):
                for alias in [row["canonical"], *row.get("aliases", [])]:
                    entry = {"label": label, "canonical": row["canonical"], "maker": row.get("maker")}
                    for variant in {alias, alias.replace("'", "’"), alias.replace("’", "'")}:
                        self.entries.setdefault(variant, entry)
        self.gazetteer.add("GAZ", list(nlp.tokenizer.pipe(self.entries)))
        self.heads = PhraseMatcher(nlp.vocab, attr="LOWER")
        for kind, key in (("ORG", "org_heads"), ("PRODUCT", "product_heads"), ("PERSON", "civilities")):
            self.heads.add(kind, phrase_docs(nlp, self.words[key]))
        self.heads.add("TITLE", phrase_docs(nlp, titles(patterns_dir)))
        self.heads.add("ORG_NEXT", phrase_docs(nlp, self.words["org_triggers"]))
        self.heads.add("NAMED", phrase_docs(nlp, self.words["naming_words"]))
        self.heads.add("VARIANT", phrase_docs(nlp, self.words["product_variants"]))

    @reads_fixed_ents
    def __call__(self, doc: Doc) -> Doc:
        candidates = self._quantities(doc)
        candidates += context_candidates(doc, self.heads, self.words)
        candidates += product_candidates(doc, self.words, _person_tokens(doc))
        candidates += acronym_candidates(doc, self.words)
        candidates += suffix_candidates(doc, self.words)
        candidates += gazetteer_candidates(doc, self.gazetteer, self.entries, self.words)
        candidates += model_candidates(doc, self.words)
        chosen = _select(candidates)
        chosen = canon.resolve(doc, chosen, self.entries, self.words)
        chosen = headline_company(doc, chosen, self.entries, self.words)
        chosen = paragraph_companies(doc, chosen, self.words)
        spans = []
        for c in chosen:
            if c.label not in OUTPUT_LABELS:
                continue
            span = Span(doc, c.start, c.end, label=c.label)
            spans.append(span)
            for attr in ("canonical", "value", "currency", "rate", "maker"):
                if getattr(c, attr) is not None:
                    span._.set(attr, getattr(c, attr))
            span._.rule = c.rule_name
            if c.trigger is not None and c.trigger != (c.start, c.end):
                span._.trigger = doc[c.trigger[0] : c.trigger[1]].text
            if c.range_end:
                span._.range = c.range_end
        doc.ents = spans
        ents_changed(doc)
        _set_about(doc)
        return doc

    def _quantities(self, doc: Doc) -> list[Candidate]:
        found = []
        for q in self.quantities.find(doc_text(doc)):
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            found.append(
                Candidate(
                    span.start,
                    span.end,
                    q.label,
                    "quantity",
                    value=q.value,
                    currency=q.currency,
                    rate=q.rate,
                    rule=q.rule,
                    range_end=q.range_end,
                )
            )
        return found


def phrase_docs(nlp: Language, phrases) -> list[Doc]:
    """The phrases as the tokenizer cuts them inside a text: alone, "rachat d'" ends in "d" + "'", but
    before a name it is "rachat" + "d'" ("le rachat d'Helios"), so a trailing elision is made one token."""
    docs = []
    for doc in nlp.tokenizer.pipe(sorted(phrases)):
        if len(doc) > 2 and doc[-1].text in ("'", "’") and not doc[-2].whitespace_:
            words = [t.text for t in doc[:-2]] + [doc[-2].text + doc[-1].text]
            doc = Doc(nlp.vocab, words=words)
        docs.append(doc)
    return docs


def _person_tokens(doc: Doc) -> set[int]:
    return {
        i for ent in ents_of(doc) if ent.label_ == "PER" and len(ent) > 1 for i in range(ent.start, ent.end)
    }


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: amounts first, then the longest, then the most trusted source."""
    order = sorted(
        candidates, key=lambda c: (c.source == "quantity", c.size, PRIORITY[c.source]), reverse=True
    )
    taken: set[int] = set()
    chosen = []
    for c in order:
        if any(i in taken for i in range(c.start, c.end)):
            continue
        taken.update(range(c.start, c.end))
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _set_about(doc: Doc) -> None:
    """An amount is about the organisation named in its sentence (the closest one before it, else after)."""
    orgs = [e for e in ents_of(doc) if e.label_ == "ORG" or (e.label_ == "PRODUCT" and e._.maker)]
    if not orgs:
        return
    for ent in ents_of(doc):
        if ent.label_ != "MONEY":
            continue
        sent = ent.sent
        same = [o for o in orgs if sent.start <= o.start < sent.end]
        before = [o for o in same if o.end <= ent.start]
        pick = before[-1] if before else (same[0] if same else None)
        if pick is not None:
            ent._.about = pick._.maker if pick.label_ == "PRODUCT" else (pick._.canonical or pick.text)


def most_common(values: list[str]) -> str | None:
    return Counter(values).most_common(1)[0][0] if values else None
