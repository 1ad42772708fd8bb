"""What the event rules look at around one trigger word: its sentence, the entities and roles in it,
and the company the passage is about (nlp/passage.py).

The rules (nlp/event_rules.py) ask a Scene small questions ("the company before the trigger", "the
first amount after it") so that each rule reads as the sentence shape it handles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from nlp.passage import Passage

# Prepositions after which a company is a complement (a client, a seller, an investor), not the subject.
_COMPLEMENT_BEFORE = frozenset(
    {"de", "d'", "d’", "du", "des", "par", "à", "au", "aux", "avec", "pour", "chez", "selon", "sur", "contre"}
)
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass
class Scene:
    doc: Doc
    trigger: Span
    sent: Span
    ctx: Passage
    words: dict[str, frozenset[str]]
    ents: list[Span] = field(default_factory=list)
    latest_year: int | None = None

    def __post_init__(self) -> None:
        self.ents = [e for e in self.doc.ents if self.sent.start <= e.start < self.sent.end]

    # -- entities around the trigger -------------------------------------------------------------
    def before(self, label: str) -> list[Span]:
        return [e for e in self.ents if e.label_ == label and e.end <= self.trigger.start]

    def after(self, label: str, start: int | None = None) -> list[Span]:
        start = self.trigger.end if start is None else start
        return [e for e in self.ents if e.label_ == label and e.start >= start]

    def nearest(self, label: str) -> Span | None:
        """The entity of ``label`` closest to the trigger, on either side."""
        found = [e for e in self.ents if e.label_ == label]
        if not found:
            return None
        return min(found, key=lambda e: min(abs(e.start - self.trigger.start), abs(e.end - self.trigger.end)))

    def subject(self, exclude: tuple[str, ...] = ()) -> Span | None:
        """The company doing what the trigger says: a subject of the sentence before the trigger, else
        the last company before it that is not a complement ('le fabricant de puces Y' keeps Y)."""
        before = [o for o in self.before("ORG") if name(o) not in exclude]
        subjects = [o for o in before if o.root.dep_.startswith("nsubj")]
        if subjects:
            return subjects[-1]
        free = [o for o in before if not self._is_complement(o)]
        return free[-1] if free else None

    def company(self, exclude: tuple[str, ...] = ()) -> str | None:
        """The subject's name, or the company of the passage when a reference stands for it
        ('Le groupe a levé ...', 'Il rachète ...')."""
        subject = self.subject(exclude)
        if subject is not None:
            return name(subject)
        window = self.doc[max(self.sent.start, self.trigger.start - 8) : self.trigger.start]
        if (
            any(t.lower_ in self.words["subject_refs"] for t in window)
            or self.trigger.start - self.sent.start <= 2
        ):
            found = self.ctx.salient_org(self.trigger.start)
            return found if found not in exclude else None
        return None

    def _is_complement(self, org: Span) -> bool:
        return org.start > 0 and self.doc[org.start - 1].lower_ in _COMPLEMENT_BEFORE

    # -- words around the trigger ----------------------------------------------------------------
    def words_before(self, n: int) -> list[str]:
        return [t.lower_ for t in self.doc[max(self.sent.start, self.trigger.start - n) : self.trigger.start]]

    def is_background(self) -> bool:
        """A past event told as context: 'avait racheté', 'depuis son rachat', 'racheté en 2008' (a year
        before the latest the article names, the year of the article itself being the latest)."""
        if set(self.words_before(3)) & self.words["background_before"]:
            return True
        lo, hi = max(self.sent.start, self.trigger.start - 4), min(self.sent.end, self.trigger.end + 4)
        for t in self.doc[lo:hi]:
            if _YEAR.match(t.text) and t.i > 0 and self.doc[t.i - 1].lower_ == "en":
                if self.latest_year is None or int(t.text) < self.latest_year:
                    return True
        return False

    def is_hedged(self) -> bool:
        """A rumour, a denial, a hypothesis or a negation: not an event the article reports."""
        sentence = {t.lower_ for t in self.sent}
        if sentence & self.words["denials"]:
            return True
        return bool(set(self.words_before(3)) & self.words["hedges"])


def name(span: Span | None) -> str | None:
    if span is None:
        return None
    return span._.canonical or span.text


def latest_year(doc: Doc) -> int | None:
    years = [int(t.text) for t in doc if _YEAR.match(t.text)]
    return max(years) if years else None
