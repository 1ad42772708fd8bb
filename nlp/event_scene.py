"""What the event rules look at around one trigger word: its sentence, the entities and roles in it,
and the company the passage is about (nlp/passage.py).

The rules (nlp/event_rules.py) ask a Scene small questions ("the company before the trigger", "the
first amount after it") so that each rule reads as the sentence shape it handles.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from nlp.event_names import unnamed_subject
from nlp.passage import Passage
from nlp.tokens import doc_text, ents_of, has_morph

# Prepositions after which a company is a complement (a client, a seller, an investor), not the subject.
_COMPLEMENT_BEFORE = frozenset(
    {"de", "d'", "d’", "du", "des", "par", "à", "au", "aux", "avec", "pour", "chez", "selon", "sur", "contre"}
)
_NE = frozenset({"ne", "n'", "n’"})
THIRD_PERSON_POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs"})
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass
class Scene:
    doc: Doc
    trigger: Span
    sent: Span
    ctx: Passage
    words: dict[str, frozenset[str]]
    latest_year: int | None = None
    earlier: list[dict] = field(default_factory=list)  # events found before this trigger
    title_words: frozenset[str] = frozenset()  # first words of the job titles (nlp/patterns/titles.jsonl)
    ref_at: int | None = None  # where a reference noun standing for the subject is (verb_subject)

    def __post_init__(self) -> None:
        # 'L'Américain X': a nationality alone is no company (the model sometimes takes it for one)
        self.ents: list[Span] = [
            e
            for e in ents_of(self.doc)
            if self.sent.start <= e.start < self.sent.end
            and e.text.lower() not in self.words["nationalities"]
        ]

    def name(self, span: Span | None) -> str | None:
        """The canonical name, without a nationality stuck before it ('Français GL Trade')."""
        found = name(span)
        if found and " " in found:
            first, rest = found.split(" ", 1)
            if first.lower() in self.words["nationalities"] and first[0].isupper():
                return rest
        return found

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
        before = [o for o in self.before("ORG") if name(o) not in exclude and not self._rubric(o)]
        subjects = [o for o in before if o.root.dep_.startswith("nsubj")]
        if subjects:
            return subjects[-1]
        free = [o for o in before if not self._is_complement(o)]
        return free[-1] if free else None

    def _rubric(self, org: Span) -> bool:
        """'Agritech : Y lève N': a name opening the sentence right before a colon, another name (not a
        person's) opening what follows it, is a rubric, not the one doing what the trigger says
        ('Ubisoft : le groupe ferme ...', 'Fibréa : Claire X succède ...' keep their company)."""
        nxt = org.end + 1
        if org.start != self.sent.start or nxt >= self.trigger.start or self.doc[org.end].text != ":":
            return False
        person = any(e.label_ == "PERSON" and e.start <= nxt < e.end for e in self.ents)
        return self.doc[nxt].text[:1].isupper() and not person

    def verb_subject(self) -> Span | str | None:
        """The grammatical subject of the verb the trigger is (or is the object of): a company span,
        "ref" for a pronoun or 'le groupe', else None ('Axelis, racheté par Ardian, revendique un
        chiffre d'affaires de N': Axelis, not the last company before the trigger). A relative 'qui'
        stands for its antecedent ('Pour X, qui a réalisé ...', 'un plan, qui prévoit ...': the plan's
        subject); a reference noun ('La start-up, qui ...', 'le dirigeant') sets ``ref_at``, the place
        whose passage company it means."""
        self.ref_at = None
        verb = self.trigger.root
        if verb.dep_ == "nmod" and verb.head.dep_ == "obj" and verb.head.pos_ in ("NOUN", "NUM"):
            verb = verb.head  # 'a réalisé 14 millions d'euros de chiffre d'affaires': the amount's verb
        if verb.pos_ not in ("VERB", "AUX"):
            if verb.dep_ not in ("obj", "obl:mod") or verb.head.pos_ not in ("VERB", "AUX"):
                return None
            verb = verb.head
        head = self._subject_of(verb)
        if head is None or not self.sent.start <= head.i < self.trigger.start:
            return None
        found = self._resolve(head, 0)
        return None if isinstance(found, Span) and self._rubric(found) else found

    def subject_token(self):
        """The token the parse makes the subject of the trigger's verb (through coordinated verbs),
        within the sentence and before the trigger, else None."""
        verb = self.trigger.root
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        head = self._subject_of(verb)
        return head if head is not None and self.sent.start <= head.i < self.trigger.start else None

    def _subject_of(self, verb):
        for _ in range(3):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj")]
            if subjects:
                return subjects[0]
            if verb.dep_ not in ("conj", "xcomp") or verb.head is verb:
                return None
            verb = verb.head  # 'X supprime 60 emplois et ferme son usine': X is the subject of both
        return None

    def _resolve(self, head, depth: int) -> Span | str | None:
        for ent in self.ents:
            if ent.label_ == "ORG" and ent.start <= head.i < ent.end:
                return ent
        named = self._named_in_apposition(head)
        if named is not None:
            return named  # 'La place de marché française Vendoro, ..., cessera': Vendoro
        unnamed = unnamed_subject(head, self.ents, self.words["nationalities"] | self.words["subject_refs"])
        if unnamed is not None:
            return unnamed  # 'Voltane a annoncé ...': a company the entity stage missed
        if head.lower_ == "qui":
            antecedent = self._antecedent(head) if depth == 0 else None
            found = self._resolve(antecedent, 1) if antecedent is not None else None
            return found  # a 'qui' the parse does not tie to its antecedent says nothing
        if (
            _word(head) in self.words["subject_refs"]
            or _word(head) in self.words["leader_refs"]
            or _two_words(head) in self.words["subject_refs"]
        ):
            if _plural(head):
                return None  # 'Les start-up françaises lèvent N': many companies, not one
            if head.pos_ != "PRON":
                self.ref_at = head.i
            return "ref"
        if depth == 1 and head.pos_ == "NOUN" and head.dep_ == "obj" and head.head.pos_ == "VERB":
            subject = self._subject_of(head.head)  # 'le dirigeant a engagé un plan, qui prévoit ...'
            if subject is not None and self.sent.start <= subject.i < head.i:
                return self._resolve(subject, 2)
        if head.pos_ == "PRON":
            return "ref"
        return None

    def _named_in_apposition(self, head) -> Span | None:
        """A company that names the subject's common noun, hung on it with no preposition of its own
        and no comma between ('La place de marché française Vendoro'; not 'la filiale de Y')."""
        if head.pos_ != "NOUN" or not head.is_lower or _plural(head) or "Plur" in head.morph.get("Number"):
            return None  # 'deux anciens de l'armateur X': people, not the company
        for ent in self.ents:
            if (
                ent.label_ == "ORG"
                and head.i < ent.start < self.trigger.start
                and ent.root.head == head
                and not any(c.dep_ == "case" for c in ent.root.children)
                and not any(t.is_punct for t in self.doc[head.i : ent.start])
                and self.doc[ent.start - 1].lower_ not in _COMPLEMENT_BEFORE
            ):
                return ent
        return None

    def _antecedent(self, qui):
        """What a relative 'qui' stands for: the noun its clause hangs on, else the word just before
        its comma ('Pour X, qui ...')."""
        verb = qui.head
        if verb.dep_ == "acl:relcl" and verb.head.i < qui.i:
            return verb.head
        i = qui.i - 1
        while i >= self.sent.start and self.doc[i].is_punct:
            i -= 1
        return self.doc[i] if i >= self.sent.start and i < qui.i - 1 else None

    def company(self, exclude: tuple[str, ...] = (), passage: bool = False) -> str | None:
        """The subject's name, or the company of the passage when a reference stands for it
        ('Le groupe a levé ...', 'Il rachète ...') or, with ``passage``, when no company is named
        before the trigger ('..., en partenariat avec Y'). A reference noun means the company of the
        passage where it stands ('La filiale de cybersécurité de Y a nommé ...': not Y, named after it)."""
        found = self.verb_subject()
        if isinstance(found, Span) and self.name(found) not in exclude:
            return self.name(found)
        if found is None:
            named = self._named_before_relative()
            if named is not None:  # '... la concurrence de Zentrova, qui a levé N': Zentrova's round
                return None if named is False or self.name(named) in exclude else self.name(named)
        if found == "ref" and self.ref_at is not None:
            meant = self.referred_org()
            if meant and meant not in exclude and meant.lower() not in self.words["nationalities"]:
                return meant
        subject = None if found == "ref" else self.subject(exclude)
        if subject is not None:
            return self.name(subject)
        window = self.doc[max(self.sent.start, self.trigger.start - 14) : self.trigger.start]
        owner = self._possessor(found)
        if owner and owner not in exclude:
            return owner
        # 'La start-up vient de signer un accord avec Y', 'X, la start-up qui ..., a annoncé l'arrêt de'
        # (no parsed subject): a reference noun near the trigger or opening the sentence
        opening = self.doc[self.sent.start : min(self.sent.start + 4, self.trigger.start)]
        nouns = [
            t
            for t in (*opening, *window)
            if t.pos_ != "PRON"
            and (_word(t) in self.words["subject_refs"] or _two_words(t) in self.words["subject_refs"])
        ]
        if nouns and not _plural(nouns[0]) and found is None:
            self.ref_at = nouns[0].i
            meant = self.referred_org()
            if meant and meant not in exclude and meant.lower() not in self.words["nationalities"]:
                return meant
        refers = any(t.lower_ in self.words["subject_refs"] for t in window)
        if refers or passage or self.trigger.start - self.sent.start <= 2:
            found = self.ctx.salient_org(self.trigger.start)
            if found in {self.name(o) for o in self.before("ORG") if self._is_complement(o)}:
                # '..., qui a levé N auprès de A et de B, recrute X': not an investor, the passage's company
                found = self.ctx.salient_org(self.sent.start)
            if found and found not in exclude and found.lower() not in self.words["nationalities"]:
                return found
        return None

    def _named_before_relative(self) -> Span | bool | None:
        """The trigger's subject is a relative 'qui' right after a name, which it stands for: the company
        named there, False for a proper name no entity covers, None when no name is there."""
        head = self.subject_token()
        if head is None or head.lower_ != "qui" or head.i < 2 or self.doc[head.i - 1].text != ",":
            return None
        before = self.doc[head.i - 2]
        for ent in self.ents:
            if ent.start <= before.i < ent.end:
                return ent if ent.label_ == "ORG" else None
        return False if before.pos_ == "PROPN" and before.text[:1].isupper() else None

    def _possessor(self, found) -> str | None:
        """'Son chiffre d'affaires avait atteint N' opening a sentence: the company of the event told
        in the sentence before ('En 2023, elle avait levé N auprès de A'), else the one that sentence
        is about."""
        i = self.trigger.start - 1
        if found is not None or i < self.sent.start or self.doc[i].lower_ not in THIRD_PERSON_POSSESSIVES:
            return None
        if any(not (t.is_punct or t.is_space) for t in self.doc[self.sent.start : i]):
            return None  # only a possessive opening the sentence ('valorise la cible à neuf fois son CA')
        before = self.previous_sentence_start()
        told = [e for e in self.earlier if before <= e["start"] < self.sent.start_char]
        if told:
            return told[-1]["org"]
        self.ref_at = i
        return self.referred_org()

    def referred_org(self) -> str | None:
        """The company a reference noun ('la start-up', 'le dirigeant') stands for: the one named in its
        own phrase ('Le fabricant de trottinettes X'), else the company of the passage as the sentence
        opens (a company named in the sentence before the noun is a former employer or a parent: 'la
        filiale de cybersécurité de Y'), or the one the sentence before is about (its subject, or the
        company just before a verb: 'Fondée en 2021 par A, X revendique ...', else the article's most
        named), the more named of the two; with no subject in the sentence before and no company before the
        noun, the company that opens the paragraph."""
        head = self.doc[self.ref_at]
        for ent in self.ents:
            if (
                ent.label_ == "ORG"
                and head.i < ent.start < self.trigger.start
                and head.left_edge.i <= ent.root.i <= head.right_edge.i
                and self.doc[ent.start - 1].pos_ not in ("ADP", "PUNCT")
                and not any(t.pos_ in ("VERB", "AUX") for t in self.doc[head.i + 1 : ent.start])
                and not any(t.text in (",", "(") for t in self.doc[head.i + 1 : ent.start])
            ):  # not in a clause of its own: 'L'entreprise, qui a levé N auprès de l'A, lance P'; not
                # in an apposition: 'L'entreprise familiale, concessionnaire Y dans la région, a levé N'
                return self.name(ent)  # 'Le fabricant de trottinettes X, placé en redressement, supprime'
        opening = self.ctx.salient_org(self.sent.start)
        previous = self._previous_subject()
        named = any(o.start < head.i for o in self.before("ORG"))  # 'CNET, c'est ... l'entreprise'
        if (
            previous is None
            and not named
            and opening
            and opening == self.ctx.paragraph_opening(self.sent.start)
        ):
            # 'Fibroise. L'opérateur ... a nommé': a round-up's paragraph opens on its company, which the
            # article's most named one (another paragraph's) does not override
            return opening
        subject = previous or self.ctx.most_named(self.sent.start)
        if subject is None or opening is None or subject == opening:
            return subject or opening
        counts = self.ctx.doc_counts
        return subject if counts.get(subject, 0) >= counts.get(opening, 0) else opening

    def _previous_subject(self) -> str | None:
        s = self.ctx.sentence_index(self.sent.start)
        if s == 0:
            return None
        prev = self.doc[self.ctx.sent_starts[s - 1] : self.sent.start]
        # 'Fondée en 2021 par A, X revendique ...': a sentence opening on a participle is about the
        # company after its comma (the tagger may not see the verb after it)
        opens_participle = "Part" in prev[0].morph.get("VerbForm")
        for org in [e for e in ents_of(self.doc) if e.label_ == "ORG" and prev.start <= e.start < prev.end]:
            after_comma = opens_participle and self.doc[org.start - 1].text == ","
            said = org.root.dep_.startswith("nsubj") or self._verb_after(org, prev.end) or after_comma
            if said and not self.is_authority(self.name(org)):
                return self.ctx.canonical(org)
        return None

    def _verb_after(self, org: Span, end: int) -> bool:
        """A finite verb right after the company (through auxiliaries, adverbs, 'ne'): 'X revendique'."""
        for t in self.doc[org.end : end]:
            if t.pos_ == "AUX" or t.pos_ == "ADV" or t.lower_ in _NE:
                continue
            return t.pos_ == "VERB" and "Part" not in t.morph.get("VerbForm")
        return False

    def _is_complement(self, org: Span) -> bool:
        """Named after a preposition, maybe through a determiner and a common noun: 'de Y', 'par le fonds
        Y', 'de l'allemand Y' (a complement), not the subject."""
        i = org.start - 1
        while i > max(self.sent.start, org.start - 4) and self.doc[i].pos_ in ("DET", "NOUN", "ADJ"):
            if not self.doc[i].is_lower:
                break
            i -= 1
        if i >= 0 and (self.doc[i].lower_ in _COMPLEMENT_BEFORE or self.doc[i].lower_ == "dont"):
            return True  # 'des clients, dont A
        # 'des clients, dont A et le groupe B': a company coordinated with a complement is one too
        root = org.root
        while (
            root.dep_ in ("amod", "flat:name", "appos", "nmod")
            and root.head.i < root.i
            and root.head.is_lower
        ):
            root = root.head  # 'et le groupe pharmaceutique B': the phrase of B
        head = root.head
        if root.dep_ == "conj" and head.i < org.start and self.doc[org.start - 1].lower_ != ",":
            first = next((o for o in self.ents if o.label_ == "ORG" and o.start <= head.i < o.end), None)
            return first is not None and first.end <= org.start and self._is_complement(first)
        return False

    def recent_appointment(self) -> dict | None:
        """The appointment told in this sentence or the two before ('Il succède à X': X leaves there)."""
        for event in reversed(self.earlier):
            if event["kind"] == "appointment" and event["start"] >= self.sentence_start_back(2):
                return event
        return None

    def previous_sentence_start(self) -> int:
        return self.sentence_start_back(1)

    def sentence_start_back(self, n: int) -> int:
        """The character offset where the sentence ``n`` sentences before this one starts."""
        s = self.ctx.sentence_index(self.sent.start)
        return self.doc[self.ctx.sent_starts[max(0, s - n)]].idx

    def is_authority(self, org: str) -> bool:
        """A regulator, a court or a public body ('CNIL', 'Autorité de la concurrence'), not a company."""
        first = org.split(" ", 1)[0].lower()
        return self.ctx.is_public(org) or first in self.words["authorities"]

    # -- words around the trigger ----------------------------------------------------------------
    def words_before(self, n: int) -> list[str]:
        return [t.lower_ for t in self.doc[max(self.sent.start, self.trigger.start - n) : self.trigger.start]]

    def _words_before_in_clause(self, n: int) -> list[str]:
        """The n words before the trigger, back to a punctuation mark: 'directrice financière depuis
        2018, quittera le groupe' dates the office, not the departure."""
        words = []
        for t in reversed(self.doc[max(self.sent.start, self.trigger.start - n) : self.trigger.start]):
            if t.is_punct:
                break
            words.append(t.lower_)
        return words

    def is_background(self) -> bool:
        """A past event told as context: 'avait racheté', 'depuis son rachat', 'racheté en 2008' (a year
        before the latest the article names, the year of the article itself being the latest)."""
        if set(self._words_before_in_clause(3)) & self.words["background_before"]:
            return True
        clause = self.clause_before()
        if {t.lower_ for t in clause} & {"avait", "avaient"}:
            return True  # a pluperfect: 'avait ainsi écopé d'une sanction'
        for t in self.doc[self.trigger.end : min(self.sent.end, self.trigger.end + 6)]:
            if [w.lower_ for w in self.doc[t.i : t.i + 3]] == ["il", "y", "a"] and not self._punct_between(
                t.i
            ):
                return True  # 'racheté par X il y a dix ans'
        for t in clause[1:]:
            if _YEAR.match(t.text) and self.doc[t.i - 1].lower_ == "en" and self._older(int(t.text)):
                return True  # '..., en 2019 déjà, X a racheté'
        if self._dated_relative():
            return True
        lo, hi = max(self.sent.start, self.trigger.start - 4), min(self.sent.end, self.trigger.end + 4)
        for t in self.doc[lo:hi]:
            if (
                _YEAR.match(t.text)
                and t.i > 0
                and self.doc[t.i - 1].lower_ == "en"
                and self._older(int(t.text))
                and not self._punct_between(t.i)
            ):
                return True
        return False

    def _dated_relative(self) -> bool:
        """'X, la directrice générale, qui a rejoint l'entreprise en 2022': a relative clause in the past
        dated by its year tells a person's or a company's history, whatever the article's year."""
        i = self.trigger.start
        if i < 2 or self.doc[i - 1].lower_ not in ("a", "avait") or self.doc[i - 2].lower_ != "qui":
            return False
        after = self.doc[self.trigger.end : min(self.sent.end, self.trigger.end + 5)]
        return any(_YEAR.match(t.text) and self.doc[t.i - 1].lower_ == "en" for t in after)

    def _punct_between(self, i: int) -> bool:
        """A comma or a bracket between token i and the trigger: the year dates an aside ('La société,
        fondée en 2017, lance ...'), not the event."""
        lo, hi = (i + 1, self.trigger.start) if i < self.trigger.start else (self.trigger.end, i)
        return any(t.text in (",", ";", ":", "(", ")", "–", "—") for t in self.doc[lo:hi])

    def _older(self, year: int) -> bool:
        return self.latest_year is None or year < self.latest_year

    def clause_before(self) -> Span:
        """From the last comma or semicolon before the trigger (or the sentence start) to the trigger."""
        start = self.sent.start
        for t in self.doc[self.sent.start : self.trigger.start]:
            if t.text in (",", ";", ":"):
                start = t.i + 1
        return self.doc[start : self.trigger.start]

    def is_hedged(self) -> bool:
        """A rumour, a denial, a hypothesis or a negation: not an event the article reports."""
        sentence = _sentence_reading(self.sent)[0]
        if sentence & self.words["denials"]:
            return True
        after = {t.lower_ for t in self.doc[self.trigger.end : min(self.sent.end, self.trigger.end + 2)]}
        if set(self.words_before(3)) & self.words["hedges"] or after & self.words["negations_after"]:
            return True
        return self._negated() or self._conditional()

    def _negated(self) -> bool:
        """'X n'a pas l'intention de racheter Y': a negation on the trigger's verb or a word governing it."""
        root = self.trigger.root
        for t in (root, *root.ancestors):
            if not self.sent.start <= t.i < self.sent.end:
                break  # a head the parser found across a sentence end ('« Nous n'avons plus ... » La société va')
            before = [c.lower_ for c in t.children if c.i < self.trigger.start]
            if set(before) & _NE and set(before) & self.words["negations_after"]:
                return True  # 'ne ... pas', 'n'... jamais' ('le plus de fonds' alone is no negation)
        return False

    def _conditional(self) -> bool:
        """A verb in the conditional governing the trigger or told of it: 'la transaction valoriserait
        l'activité', 'une levée de fonds ..., qui pourrait être annoncée': a hypothesis or a rumour."""
        root = self.trigger.root
        line = {root, *(a for a in root.ancestors if self.sent.start <= a.i < self.sent.end)}
        for i in _sentence_reading(self.sent)[1]:
            t = self.doc[i]
            if t.lower_ in self.words["conditional_ok"]:
                continue
            if t in line or t.head in line and t.dep_.startswith(("aux", "cop")):
                return True  # 'X rachèterait', 'le rachat ... interviendrait'
            if root.pos_ == "NOUN" and root in t.ancestors:
                return True  # told of the event itself: 'une levée de fonds, qui pourrait être annoncée'
        return False

    def replacement_start(self) -> int:
        """Where 'succède à', 'en remplacement de' starts in the sentence: people named after it leave."""
        for t in self.sent:
            if t.lower_ in self.words["replacement_words"] and not self._no_one_named(t):
                return t.i
        return self.sent.end

    def _no_one_named(self, token) -> bool:
        """'En attendant la nomination de son successeur, l'intérim ...': a successor with no 'de'
        after names no one leaving (the people after it may stay)."""
        nxt = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
        return token.lower_ in ("successeur", "succession") and (
            nxt is None or nxt.lower_ not in ("de", "d'", "d’", "du")
        )


def _word(token) -> str:
    """The lowered word a token starts, hyphenated pieces joined ('start' '-' 'up': 'start-up')."""
    doc, i = token.doc, token.i
    if i + 2 < len(doc) and doc[i + 1].text == "-" and not token.whitespace_ and not doc[i + 1].whitespace_:
        return f"{token.lower_}-{doc[i + 2].lower_}"
    return token.lower_


def _two_words(token) -> str:
    """The token with the word before it ('jeune pousse')."""
    return f"{token.doc[token.i - 1].lower_} {token.lower_}" if token.i > 0 else token.lower_


def _plural(token) -> bool:
    """A plural noun phrase ('les start-up', 'ces éditeurs'); pronouns keep their own rules."""
    if token.pos_ == "PRON":
        return False
    determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
    return "Plur" in token.morph.get("Number") or bool(
        determiners & {"les", "des", "ces", "leurs", "plusieurs"}
    )


_SENTENCES: weakref.WeakKeyDictionary[Doc, dict] = weakref.WeakKeyDictionary()


def _sentence_reading(sent: Span) -> tuple[frozenset[str], list[int]]:
    """The lowercase words of a sentence and the positions of its tokens in the conditional (in order),
    read once per sentence: every trigger of the sentence asks again (`is_hedged`). Positions, not
    tokens: a token holds its Doc, which would then never leave the weak dictionary."""
    doc = sent.doc
    cache = _SENTENCES.get(doc)
    if cache is None or cache["size"] != len(doc):
        cache = _SENTENCES[doc] = {"size": len(doc)}
    found = cache.get((sent.start, sent.end))
    if found is None:
        tokens = list(sent)
        found = frozenset(t.lower_ for t in tokens), [t.i for t in tokens if _is_conditional(t)]
        cache[(sent.start, sent.end)] = found
    return found


def _is_conditional(token) -> bool:
    """The conditional mood, from the tagger or the ending (the tagger often reads 'interviendrait'
    as an indicative): -rait, -raient."""
    if has_morph(token, "Mood", "Cnd"):
        return True
    return token.pos_ in ("VERB", "AUX") and token.lower_.endswith(("rait", "raient"))


def name(span: Span | None) -> str | None:
    if span is None:
        return None
    return span._.canonical or span.text


_YEARS = re.compile(r"\b(?:19|20)\d\d\b")


def latest_year(doc: Doc) -> int | None:
    """The latest year the article names: its own year, as far as the text tells."""
    text = doc_text(doc)
    years = [
        int(m.group())
        for m in _YEARS.finditer(text)
        if not _FUTURE_BEFORE.search(text, max(0, m.start() - 40), m.start())
        and not _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start())
        and not _told_ahead(doc, m.start())
    ]
    return max(years) if years else None


def _told_ahead(doc: Doc, char: int) -> bool:
    """The year dates a verb in the future, the conditional or the subjunctive just before it ('que 25 % de
    nos kilomètres soient décarbonés en 2028', 'l'usine ouvrira en 2027'): a plan, not the article's year."""
    span = doc.char_span(char, char + 4)
    if span is None:
        return False
    i = span.start
    for t in doc[max(span.sent.start, i - 5) : i]:
        if t.pos_ in ("VERB", "AUX") and (
            "Fut" in t.morph.get("Tense") or set(t.morph.get("Mood")) & {"Sub", "Cnd"}
        ):
            return True
    return False


_NAME_BEFORE = re.compile(
    r"\b(?!(?:En|Dès|Depuis|Fin|Début|Mi|Avant|Après|Pour|Au|Vers|Entre|Courant|Printemps|Été|Automne|Hiver) $)"
    r"[A-Z][\w-]* $"
)  # "France 2030", "Vision 2030": a plan's name
# "d'ici 2027", "à l'horizon 2030", "jusqu'en 2028": a target, not the year the article is written in
_FUTURE_BEFORE = re.compile(
    r"(?:d['’]ici|horizon|jusqu['’]en|jusqu['’]à|prévue? (?:pour|en)|objectif|d['’]ici à|dès|pour) (?:la fin |fin |l['’]an |l['’]été |l['’]automne |l['’]hiver |le printemps )?(?:de |d['’])?$",
    re.IGNORECASE,
)
