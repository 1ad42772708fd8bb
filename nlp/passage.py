"""Per-document lookups for nlp/roles.py: entities by position, sentences, and the company a passage
is about (the organisation meant by "l'entreprise", "du groupe", or by a title with no company)."""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections import Counter

from spacy.attrs import IS_ALPHA, IS_LOWER, IS_PUNCT, SENT_START
from spacy.tokens import Doc, Span

from nlp.lexicon import has_ex_prefix, word_lists
from nlp.tokens import ents_of, line_break_tokens

logger = logging.getLogger(__name__)

TOPIC_MIN_MENTIONS = 3  # the article's company overrides a company named once when it is named this often
PARTNER_PREPOSITIONS = word_lists()["partner_prepositions"]
ASIDE_WORDS = word_lists()["aside_words"]
PARENT_WORDS = word_lists()["parent_words"]


class Passage:
    """Per-document lookups: entities by position, sentences, and the organisation a passage is about."""

    def __init__(self, doc: Doc, org_refs, public_bodies=frozenset()):
        self.doc = doc
        self.public_bodies = public_bodies
        ents = ents_of(doc)
        self.ent_start = {e.start: e for e in ents}
        self.ent_end = {e.end - 1: e for e in ents}
        self.persons = [e for e in ents if e.label_ == "PERSON"]
        self.person_end = {e.end - 1: e for e in self.persons}
        self.person_start = {e.start: e for e in self.persons}
        self.orgs = [e for e in ents if e.label_ == "ORG"]
        self.title_starts: set[int] = set()
        self.title_chunks: dict[int, int] = {}  # last token of a title phrase -> its first token
        self.sent_starts = _merged_sentence_starts(doc)
        self.para_starts = [0] + [i + 1 for i in line_break_tokens(doc)]
        self.doc_counts = Counter(self.canonical(o) for o in self.orgs)
        self._topic: str | None | bool = False
        self._strong = False  # the last salient_org/recent_org answer came from the sentence itself
        self.first_mention: dict[str, int] = {}
        for o in self.orgs:
            self.first_mention.setdefault(self.canonical(o), o.start)

    def is_public(self, name: str) -> bool:
        """'Commission nationale ...', 'Autorité de ...': a public body rarely employs the executive meant."""
        return name.split(" ", 1)[0].lower() in self.public_bodies

    @staticmethod
    def canonical(span: Span) -> str:
        return span._.canonical or span.text

    def sentence_index(self, i: int) -> int:
        return bisect_right(self.sent_starts, i) - 1

    def salient_org(self, i: int) -> str | None:
        found = self._salient_org(i)
        return found if self._strong else self._or_topic(found)

    def _salient_org(self, i: int) -> str | None:
        """The organisation the passage around token i is about ("l'entreprise", "son PDG"): the last
        company named before i in the same sentence, else the first company of the paragraph (the press
        opens a paragraph on the company it is about, then refers to it), else the most named."""
        if not self.orgs:
            return None
        s = self.sentence_index(i)
        same = [
            o
            for o in self.orgs
            if self.sentence_index(o.start) == s
            and o.start < i
            and not self.is_aside(o)
            and not self.is_parent(o)
        ]
        self._strong = bool(same) and not self._is_partner(same[-1])
        if self._strong:
            return self.canonical(same[-1])
        paragraph = self.paragraph_start(i)
        opening = [
            o
            for o in self.orgs
            if paragraph <= o.start < i and not self.is_aside(o) and not self._is_partner(o)
        ]
        companies = [o for o in opening if not self.is_public(self.canonical(o))]
        if companies:
            return self.canonical(companies[0])
        if opening:  # a paragraph about a public body only: callers leave its titles alone
            return self.canonical(opening[0])
        return self.most_named(i)

    def recent_org(self, i: int) -> str | None:
        found = self._recent_org(i)
        return found if self._strong else self._or_topic(found)

    def _recent_org(self, i: int) -> str | None:
        """'Son directeur financier, X': the company named last before i, within two sentences; the subject
        of a sentence wins over a company named after it as a supplier or a client."""
        s = self.sentence_index(i)
        before = [
            o
            for o in self.orgs
            if o.start < i and s - 2 <= self.sentence_index(o.start) and not self.is_aside(o)
        ]
        self._strong = False
        if not before:
            return None
        subjects = [  # the parser's subject, or the company that opens its sentence ("Ficelle, la fintech ...")
            o
            for o in before
            if (o.root.dep_.startswith("nsubj") or self._opens_sentence(o))
            and not self.is_public(self.canonical(o))
        ]
        if subjects and self.sentence_index(subjects[-1].start) >= self.sentence_index(before[-1].start) - 1:
            # 'La Compagnie X, qui ..., a commandé des moteurs Siemens. ... son PDG'
            self._strong = True  # a subject just before: "Mirakl ... Son cofondateur, X" even if named once
            return self.canonical(subjects[-1])
        return self.canonical(before[-1])

    def _opens_sentence(self, org: Span) -> bool:
        start = self.sent_starts[self.sentence_index(org.start)]
        return all(t.is_punct or t.is_space for t in self.doc[start : org.start])

    def _or_topic(self, name: str | None) -> str | None:
        """A company named once, in passing, is rarely the one "son directeur financier" or "l'entreprise"
        means when the article is about another it names again and again: that one."""
        if name is None or self.is_public(name):
            return name
        topic = self.topic()
        if topic is None or topic == name:
            return name
        if self.doc_counts[name] == 1 and self.doc_counts[topic] >= TOPIC_MIN_MENTIONS:
            return topic
        return name

    def topic(self) -> str | None:
        """The company the article is about: the most named, the headline and the first paragraph
        counting double (public bodies aside)."""
        if self._topic is not False:
            return self._topic
        first = self.para_starts[2] if len(self.para_starts) > 2 else len(self.doc)
        scores = Counter()
        for o in self.orgs:
            name = self.canonical(o)
            if not self.is_public(name) and not self.is_aside(o):
                scores[name] += 2 if o.start < first else 1
        self._topic = max(scores, key=lambda n: (scores[n], -self.first_mention[n])) if scores else None
        return self._topic

    def most_named(self, i: int) -> str | None:
        """The most named organisation of the article, helped by the two sentences before i (ties: the
        one named first); public bodies rarely are what "l'entreprise" means."""
        s = self.sentence_index(i)
        window = Counter(self.canonical(o) for o in self.orgs if s - 2 <= self.sentence_index(o.start) < s)
        scores = {
            name: (count + 0.5 * window.get(name, 0)) * (0.3 if self.is_public(name) else 1.0)
            for name, count in self.doc_counts.items()
        }
        return max(scores, key=lambda name: (scores[name], -self.first_mention[name]))

    def _is_partner(self, org: Span) -> bool:
        """'un contrat avec Airbus', 'la chaîne d'Airbus', 'pour Safran': a client, a supplier or a partner
        named in passing (object of a preposition, never the subject), not the company the title is at."""
        head = org.root
        if head.dep_.startswith("nsubj") or head.dep_ == "ROOT":
            return False
        return org.start > 0 and self.doc[org.start - 1].lower_ in PARTNER_PREPOSITIONS

    def paragraph_start(self, i: int) -> int:
        """First token of the paragraph (text between line breaks) holding token i."""
        return self.para_starts[bisect_right(self.para_starts, i) - 1]

    def is_aside(self, org: Span) -> bool:
        """'selon le cabinet Markess', 'analyste chez Oddo BHF', 'Cet ancien d'IBM', '« We compete with HP »':
        a source, a former employer or a name inside a quote, not the company the passage is about."""
        before = {t.lower_ for t in self.doc[max(0, org.start - 5) : org.start]}
        if before & ASIDE_WORDS or has_ex_prefix(org.text):
            return True  # "Karim Saïdi, ex-Workday, a été nommé directeur produit": not where he is
        doc = self.doc
        if (
            0 < org.start
            and org.end < len(doc)
            and doc[org.start - 1].text == "("
            and doc[org.end].text == ")"
        ):
            return True  # "Pékin (AFP) -": the agency of a dateline
        opened = 0
        for t in self.doc[self.paragraph_start(org.start) : org.start]:
            if t.text in ("«", "“"):
                opened += 1
            elif t.text in ("»", "”") and opened:
                opened -= 1
        return opened > 0

    def is_parent(self, org: Span) -> bool:
        """'Chez Y, filiale du groupe Z, X est promu directeur': Z owns the company the sentence is about."""
        before = {t.lower_ for t in self.doc[max(0, org.start - 3) : org.start]}
        return bool(before & PARENT_WORDS)

    def last_person_before(self, i: int) -> Span | None:
        before = [p for p in self.persons if p.end <= i]
        return before[-1] if before else None


def _merged_sentence_starts(doc: Doc) -> list[int]:
    """Sentence starts, where the parser's pieces of one quoted sentence ('«', 'Nous ... »', ', indique
    son PDG, X.') count as one sentence: a piece with no word, or opening on punctuation or lowercase,
    continues the sentence before it. Read from the Doc's arrays (doc.sents makes every token)."""
    if "sents" in doc.user_hooks or not len(doc) or not doc.has_annotation("SENT_START"):
        pieces = [(sent.start, sent.end) for sent in doc.sents]  # raises as doc.sents does
    else:
        flags = doc.to_array(SENT_START).tolist()
        cuts = [0, *(i for i in range(1, len(doc)) if flags[i] == 1), len(doc)]
        pieces = list(zip(cuts[:-1], cuts[1:], strict=True))
    alpha, punct, lower = (doc.to_array(attr).tolist() for attr in (IS_ALPHA, IS_PUNCT, IS_LOWER))
    starts: list[int] = []
    pending = False
    for start, end in pieces:
        continues = starts and (
            pending or punct[start] and doc[start].text not in ("«", "“", "-", "–", "—") or lower[start]
        )
        if not continues:
            starts.append(start)
        pending = not any(alpha[start:end])  # a lone '«': the next piece belongs to it
    return starts or [0]
