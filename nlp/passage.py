"""Per-document lookups for nlp/roles.py: entities by position, sentences, and the company a passage
is about (the organisation meant by "l'entreprise", "du groupe", or by a title with no company)."""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections import Counter

from spacy.attrs import IS_ALPHA, IS_LOWER, IS_PUNCT, SENT_START
from spacy.tokens import Doc, Span

from nlp.career import is_career_org
from nlp.lexicon import has_ex_prefix, word_lists
from nlp.tokens import ents_of, line_break_tokens

logger = logging.getLogger(__name__)

TOPIC_MIN_MENTIONS = 3  # the article's company overrides a company named once when it is named this often
WORDS = word_lists()
PARTNER_PREPOSITIONS = WORDS["partner_prepositions"]
ASIDE_WORDS = word_lists()["aside_words"]
PARENT_WORDS = word_lists()["parent_words"]
MOVE_WORDS = WORDS["move_words"]
HOLDING_WORDS = WORDS["holding_words"]  # "Financière Vautrin", "Vallat Participations": a family's holding
CAREER_AND, CAREER_OF = WORDS["career_and"], WORDS["career_of"]
DETERMINERS = WORDS["title_determiners"]
FINAL = frozenset({".", "!", "?", "…", ":", ";", "»", "”"})  # what a sentence ends with (or a line break)
NAME_LINKS = frozenset({"nmod", "appos", "flat:name", "amod", "dep"})  # a name hanging from its noun


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
        self.folded = _folded_spellings(self.orgs)
        self.title_starts: set[int] = set()
        self.title_chunks: dict[int, int] = {}  # last token of a title phrase -> its first token
        self.para_starts = [0] + [i + 1 for i in line_break_tokens(doc)]
        self.sent_starts = _merged_sentence_starts(doc, self.para_starts)
        self.doc_counts = Counter(self.canonical(o) for o in self.orgs)
        self._topic: str | None | bool = False
        self._strong = False  # the last salient_org/recent_org answer came from the sentence itself
        self.first_mention: dict[str, int] = {}
        for o in self.orgs:
            self.first_mention.setdefault(self.canonical(o), o.start)

    def is_public(self, name: str) -> bool:
        """'Commission nationale ...', 'Autorité de ...': a public body rarely employs the executive meant."""
        return name.split(" ", 1)[0].lower() in self.public_bodies

    def canonical(self, span: Span) -> str:
        """The entity's canonical name; a column header in capitals ('KERLYS.') is the company the text
        spells 'Kerlys' further on."""
        name = span._.canonical or span.text
        return self.folded.get(name, name) if span.label_ == "ORG" else name

    def sentence_index(self, i: int) -> int:
        return bisect_right(self.sent_starts, i) - 1

    def sentence_end(self, i: int) -> int:
        """End (exclusive) of the sentence holding token i, as sentence_index counts sentences."""
        s = self.sentence_index(i) + 1
        return self.sent_starts[s] if s < len(self.sent_starts) else len(self.doc)

    def salient_org(self, i: int) -> str | None:
        found = self._salient_org(i)
        return found if self._strong else self._or_topic(found, i)

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
            and not self.in_career(o)  # "Passée par DeepMind, l'ingénieure a fondé la société"
        ]
        self._strong = bool(same) and not self._is_partner(same[-1])
        if self._strong:
            return self.canonical(same[-1])
        paragraph = self.paragraph_start(i)
        opening = [
            o
            for o in self.orgs
            if paragraph <= o.start < i
            and not self.is_aside(o)
            and not self._is_partner(o)
            and not self.is_destination(o)  # "Le poste était vacant depuis le départ de Z, partie chez Y"
            and not self.in_career(o)  # "passé par Atos puis par Scaleway, ..., il succède à"
        ]
        companies = [o for o in opening if not self.is_public(self.canonical(o))]
        if companies:
            return self.canonical(companies[0])
        if opening:  # a paragraph about a public body only: callers leave its titles alone
            return self.canonical(opening[0])
        return self.most_named(i)

    def recent_org(self, i: int) -> str | None:
        found = self._recent_org(i)
        return found if self._strong else self._or_topic(found, i)

    def _recent_org(self, i: int) -> str | None:
        """'Son directeur financier, X': the company named last before i, within two sentences; the subject
        of a sentence wins over a company named after it as a supplier or a client."""
        s = self.sentence_index(i)
        before = [
            o
            for o in self.orgs
            if o.start < i
            and s - 2 <= self.sentence_index(o.start)
            and not self.is_aside(o)
            and not self.is_parent(o)  # "Kaptel, filiale du groupe Orexis, ... son directeur général"
        ]
        self._strong = False
        if not before:
            return None
        paragraph = [o for o in before if o.start >= self.paragraph_start(i)]
        before = paragraph or before  # the paragraph's own company before one of the paragraph above
        companies = [o for o in before if not self.is_public(self.canonical(o))]
        before = companies or before  # "coté sur Euronext Paris, a annoncé le départ de son président"
        subjects = [  # the parser's subject, or the company that opens its sentence ("Ficelle, la fintech ...")
            o
            for o in before
            if (self.is_subject(o) or self._opens_sentence(o)) and not self.is_public(self.canonical(o))
        ]
        if subjects and self.sentence_index(subjects[-1].start) >= self.sentence_index(before[-1].start) - 1:
            # 'La Compagnie X, qui ..., a commandé des moteurs Siemens. ... son PDG'
            self._strong = True  # a subject just before: "Mirakl ... Son cofondateur, X" even if named once
            return self.canonical(subjects[-1])
        own = [o for o in before if not self._is_partner(o)]
        if not own and self.topic() is not None:
            # "L'hébergeur a signé un contrat avec Orange Business. Son patron": not the partner's
            return self.topic()
        # "Sa série B est menée par A, aux côtés de B. Son PDG": not an investor's
        return self.canonical((own or before)[-1])

    @staticmethod
    def is_subject(org: Span) -> bool:
        """The parser's subject, or the name of one ("L'éditeur de logiciels français Hexalock affirme":
        the name hangs, with no preposition of its own, from the subject noun)."""
        token = org.root
        for _ in range(3):
            if token.dep_.startswith("nsubj"):
                return True
            if token.dep_ not in NAME_LINKS or any(c.dep_ == "case" for c in token.children):
                return False
            token = token.head
        return False

    def _opens_sentence(self, org: Span) -> bool:
        start = self.sent_starts[self.sentence_index(org.start)]
        return all(t.is_punct or t.is_space for t in self.doc[start : org.start])

    def _or_topic(self, name: str | None, i: int) -> str | None:
        """A company named once, in passing, is rarely the one "son directeur financier" or "l'entreprise"
        means when the article is about another it names again and again: that one. But a company that
        opens the paragraph is what the paragraph is about ("L'éditeur Hexalock affirme ... Son président")."""
        if name is None or self.is_public(name) or name == self.paragraph_opening(i):
            return name
        topic = self.topic()
        if topic is None or topic == name:
            return name
        if self.doc_counts[name] == 1 and self.doc_counts[topic] >= TOPIC_MIN_MENTIONS:
            return topic
        return name

    def paragraph_opening(self, i: int) -> str | None:
        """The company named first in the paragraph of token i, in its first sentence, before i."""
        start = self.paragraph_start(i)
        named = [o for o in self.orgs if start <= o.start < i and not self.is_aside(o)]
        if not named or self.sentence_index(named[0].start) != self.sentence_index(start):
            return None
        first = named[0]
        framed = self._frames_sentence(first)  # "Pour Voltane, l'opération marque ..."
        if (
            not self.is_subject(first)
            and not framed
            and (
                len({self.canonical(o) for o in named}) > 1
                or any(c.dep_ == "case" for c in first.root.children)
            )
        ):
            return None  # a client, a partner or an owner named first: not what the paragraph is about
        return self.canonical(first)

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

    def family_org(self, person: Span) -> str | None:
        """'Bernard Sabatier, président-directeur général' in an article on the Groupe Sabatier and
        Eiffage: the one company of the article that bears the person's surname (a family company),
        else None (none, or several: 'Valade Emballages' and 'Financière Valade')."""
        words = self.canonical(person).split()
        if len(words) < 2 or len(words[-1]) < 3 or not words[-1][:1].isupper():
            return None
        surname = words[-1].lower()
        full = " ".join(words).lower()
        # 'Hélène Gaudin-Marty' bears 'Gaudin' ('Tréfileries Gaudin & Fils'), a part of four letters or more
        parts = {surname, *(p for p in surname.split("-") if len(p) >= 4)}
        bearing = {
            name
            for name in self.doc_counts
            if name.lower() != full
            and not self.is_public(name)
            and parts & {p for w in name.lower().split() for p in (w, *w.split("-"))}
            and not HOLDING_WORDS & set(name.lower().split())  # 'sa holding Vallat Participations'
        }
        return bearing.pop() if len(bearing) == 1 else None

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
        if org.root.dep_ == "ROOT" or self.is_subject(org):
            return False
        i = org.start - 1
        while (
            i > 0
            and org.start - i <= 3
            and self.doc[i].is_lower
            and self.doc[i].lower_ not in PARTNER_PREPOSITIONS
        ):
            i -= 1  # "avec l'américain Microchip": past the determiner and the nationality
        listed = self.ent_end.get(i)
        if listed is not None and listed.label_ == "ORG" and listed.end < org.start:
            between = {t.lower_ for t in self.doc[listed.end : org.start]}
            if between & {"et", ",", "ou"}:  # "auprès de Frst et d'Elaia": the list shares its preposition
                return self._is_partner(listed)
        if self._is_agent(org):
            return True  # "menée par X", "rachetée par X": the agent of a deal, not the company it is about
        return i >= 0 and self.doc[i].lower_ in PARTNER_PREPOSITIONS and not self._frames_sentence(org)

    def _is_agent(self, org: Span) -> bool:
        """'menée par X', 'rachetée par le fonds X': the agent of a participle."""
        i = org.start - 1
        while i > 0 and org.start - i <= 3 and self.doc[i].is_lower and self.doc[i].lower_ != "par":
            i -= 1  # past "le fonds", "l'américain"
        return i > 0 and self.doc[i].lower_ == "par" and _participle(self.doc[i - 1])

    def in_career(self, org: Span) -> bool:
        """A former employer of a career phrase ('passé par A'), or listed after one ('puis par B')."""
        if is_career_org(self.doc, org, WORDS):
            return True
        i = org.start - 1
        while i >= 0 and org.start - i <= 5 and i not in self.ent_end:
            token = self.doc[i]
            if not (token.lower_ in CAREER_AND | CAREER_OF or token.lower_ in DETERMINERS):
                return False
            i -= 1
        listed = self.ent_end.get(i)
        linked = any(t.lower_ in ("et", "puis") for t in self.doc[i + 1 : org.start])
        return listed is not None and listed.label_ == "ORG" and linked and self.in_career(listed)

    def is_destination(self, org: Span) -> bool:
        """'Z, partie chez Y', 'pour rejoindre Y': the company a person leaves for, not the passage's."""
        i = org.start - 1
        while i > 0 and org.start - i <= 3 and self.doc[i].is_lower and self.doc[i].lower_ not in MOVE_WORDS:
            i -= 1  # "partie chez l'équipementier Y": past the preposition, the determiner, a noun
        return i >= 0 and self.doc[i].lower_ in MOVE_WORDS

    def _frames_sentence(self, org: Span) -> bool:
        """'Pour Voltane, l'opération marque ...', 'Pour le groupe X, ...': a preposition opening the sentence,
        the company, a comma: what the sentence is about, not a client."""
        start = self.sent_starts[self.sentence_index(org.start)]
        if not 0 < org.start - start <= 4 or org.end >= len(self.doc) or self.doc[org.end].text != ",":
            return False
        words = self.doc[start : org.start]
        return words[0].lower_ in PARTNER_PREPOSITIONS and all(t.is_lower for t in words[1:])

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
        # "filiale du groupe luxembourgeois Orexa", "la branche de conseil en innovation du groupe Z"
        before = self.doc[max(0, org.start - 8) : org.start]
        k = next((t.i for t in reversed(before) if t.is_punct), None)
        return any(t.lower_ in PARENT_WORDS for t in before if k is None or t.i > k)

    def last_person_before(self, i: int) -> Span | None:
        before = [p for p in self.persons if p.end <= i]
        return before[-1] if before else None


def _participle(token) -> bool:
    return token.is_lower and (
        "Part" in token.morph.get("VerbForm") or token.lower_.endswith(("é", "ée", "és", "ées"))
    )


def _folded_spellings(orgs: list[Span]) -> dict[str, str]:
    """{'KERLYS': 'Kerlys'}: a name in capitals that the text also spells in lower case."""
    spelled = {}
    for o in orgs:
        name = o._.canonical or o.text
        if not name.isupper():
            spelled.setdefault(name.casefold(), name)
    folded = {}
    for o in orgs:
        name = o._.canonical or o.text
        if name.isupper() and len(name) > 3 and name.casefold() in spelled:
            folded[name] = spelled[name.casefold()]
    return folded


def _merged_sentence_starts(doc: Doc, para_starts: list[int]) -> list[int]:
    """Sentence starts, where the parser's pieces of one sentence count as one: a piece with no word,
    opening on punctuation or lowercase (the pieces of a quoted sentence: '«', 'Nous ... »', ', indique
    son PDG, X.'), or after no final punctuation ('La biotech Opaline' | 'Bio lève ...', 'La start' |
    '-up': the parser cuts inside names and compounds) continues the sentence before it; a line break
    always starts one (a headline, a new paragraph). The pieces are read from the Doc's arrays
    (doc.sents makes every token)."""
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
        b = start - 1
        while b > 0 and doc[b].text in ("«", "“"):
            b -= 1  # '... Toulouse. «' | 'Le carnet ...': the quote opens the new sentence
        glued = b >= 0 and doc[b].text not in FINAL and not doc[b].is_space
        opening_punct = punct[start] and doc[start].text not in ("«", "“", "-", "–", "—")
        if not (starts and (pending or opening_punct or lower[start] or glued)):
            starts.append(start)
        pending = not any(alpha[start:end])  # a lone '«': the next piece belongs to it
    merged: list[int] = []
    for start in sorted(set(starts) | {i for i in para_starts if i < len(doc)}):
        if merged and all(t.is_punct or t.is_space for t in doc[merged[-1] : start]):
            continue  # '\n\n«' then the parser's 'Nous ...': one sentence
        merged.append(start)
    return merged or [0]
