"""Per-document lookups for nlp/roles.py: entities by position, sentences, and the company a passage
is about (the organisation meant by "l'entreprise", "du groupe", or by a title with no company)."""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections import Counter

from spacy.tokens import Doc, Span

logger = logging.getLogger(__name__)


class Passage:
    """Per-document lookups: entities by position, sentences, and the organisation a passage is about."""

    def __init__(self, doc: Doc, org_refs, public_bodies=frozenset()):
        self.doc = doc
        self.public_bodies = public_bodies
        self.ent_start = {e.start: e for e in doc.ents}
        self.persons = [e for e in doc.ents if e.label_ == "PERSON"]
        self.person_end = {e.end - 1: e for e in self.persons}
        self.person_start = {e.start: e for e in self.persons}
        self.orgs = [e for e in doc.ents if e.label_ == "ORG"]
        self.title_starts: set[int] = set()
        self.sent_starts = [s.start for s in doc.sents]
        self.doc_counts = Counter(self.canonical(o) for o in self.orgs)
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
        """The organisation the passage around token i is about: the last one named earlier in the same
        sentence, else the most named in the two sentences before (ties: the most named in the article)."""
        if not self.orgs:
            return None
        s = self.sentence_index(i)
        same = [o for o in self.orgs if self.sentence_index(o.start) == s and o.start < i]
        if same:
            return self.canonical(same[-1])
        window = Counter(self.canonical(o) for o in self.orgs if s - 2 <= self.sentence_index(o.start) < s)
        # "l'entreprise", "le groupe" usually mean the company the article is about: the most named,
        # helped by the last sentences; ties go to the one named first.
        scores = {
            name: (count + 0.5 * window.get(name, 0)) * (0.3 if self.is_public(name) else 1.0)
            for name, count in self.doc_counts.items()
        }
        return max(scores, key=lambda name: (scores[name], -self.first_mention[name]))

    def last_person_before(self, i: int) -> Span | None:
        before = [p for p in self.persons if p.end <= i]
        return before[-1] if before else None
