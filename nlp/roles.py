"""The `veille_roles` component: executives, their title and their organisation.

Forms handled (the title lexicon is nlp/patterns/titles.jsonl):
  "X, PDG de Y"  "X (CEO de Y)"  "X, CEO et cofondateur de Y"  "X le PDG de Y"  "X devient le numéro 2 de Y"
  "le PDG de Y, X"  "l'ancien vice-PDG de Y, X" (former)  "X, responsable ... chez Y"
  "X, responsable ... de l'entreprise / du groupe / du constructeur" (the organisation meant)
  "X, vice-présidente senior" (no organisation named: the one the passage is about)
  "les patrons mondiaux du marketing (A), de la distribution (B)" (lists)
  "il est devenu CEO" (the person last named)
Results go to `doc._.roles`, a list of dicts (person, org, title, role, former, start, end, sentence).
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp import appointments, career, founders, title_holder, title_org
from nlp.lexicon import normalise_title, titles, word_lists
from nlp.passage import Passage
from nlp.role_words import (
    DETERMINERS,
    PARTICIPLES,
    PAST_RELATIVE_VERBS,
    REFERENCE_NOUNS,
    RELATIVE_VERBS,
)
from nlp.tokens import ents_of, reads_fixed_ents, tokens_in

logger = logging.getLogger(__name__)


@Language.factory("veille_roles", default_config={"patterns_dir": None})
def make_roles(nlp: Language, name: str, patterns_dir: str | None) -> RoleFinder:
    return RoleFinder(nlp, patterns_dir)


class RoleFinder:
    def __init__(self, nlp: Language, patterns_dir: str | None = None):
        if not Doc.has_extension("roles"):
            Doc.set_extension("roles", default=None)
        self.words = word_lists(patterns_dir)
        self.patterns_dir = patterns_dir
        self.org_refs = self.words["org_heads"] - {"client", "partenaire", "rival", "concurrent", "leader"}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        table = titles(patterns_dir)
        self.matcher.add("TITLE", list(nlp.tokenizer.pipe(table)))
        # "P.-D.G." is one token, "p.-d.g." several: abbreviations match as the press writes them
        self.matcher.add("TITLE", list(nlp.tokenizer.pipe(t.upper() for t in table if "." in t)))
        singles = [t for t in table if " " not in t]
        self.matcher.add("FORMER_TITLE", list(nlp.tokenizer.pipe(f"ex-{t}" for t in singles)))

    @reads_fixed_ents
    def __call__(self, doc: Doc) -> Doc:
        doc._.roles = []
        persons = [e for e in ents_of(doc) if e.label_ == "PERSON"]
        if not persons:
            return doc
        ctx = Passage(doc, self.org_refs, self.words["public_bodies"])
        titles_found = self._titles(doc)
        ctx.title_starts = {t.start for t, _ in titles_found}
        assigned: set[int] = set()
        ctx.title_chunks = {}
        for title, former in titles_found:
            chunk_end, org, raw_end = title_org.complement(self, doc, title, ctx)
            ctx.title_chunks[chunk_end - 1] = title.start
            person, pronoun = title_holder.person_for(doc, title, chunk_end, ctx)
            revealed = person is None and title_holder.revealed_after(doc, title, ctx)
            person = person or revealed or None
            if person is None:
                continue
            predecessor = person
            if person.end <= title.start and "," not in doc[person.end : title.start].text:
                found = appointments.successor(doc, person, ctx)
                if found is None and appointments.is_succeeded(doc, person):
                    continue  # "Le président de Y succède à Z en tant que PDG": Z's title, at an unknown company
                person = found or person
            former = former or title_holder.former_before(doc, title.start)
            if org is None and raw_end < chunk_end:  # "président de la République": not a company title
                continue
            raw = doc[title.start : raw_end].text
            if org is None and not title_org.may_guess_org(self, doc, title, raw_end):
                continue
            possessive = title.start > 0 and doc[title.start - 1].lower_ in ("son", "sa", "leur")
            ours = title.start > 0 and doc[title.start - 1].lower_ in ("notre", "nos")
            org_name = (
                org
                or title_org.whose(doc, title, ctx)
                or (possessive and ctx.recent_org(title.start))
                or (ours and ctx.most_named(title.start))  # "« Notre fondateur, X, ... »": the speaker's
                or appointments.elsewhere(doc, ctx, person, ctx.salient_org(title.start), title)
            )
            if org_name is None or (
                ctx.is_public(org_name) and (title_org.is_presidency(self, raw) or org is None)
            ):
                continue  # "la présidente de la Commission européenne": a public office
            rule = ("pronoun" if pronoun else "person") + ("_title_org" if org else "_title_org_of_passage")
            if revealed:
                rule = "person_revealed_after_title"
            self._add(doc, ctx, person, org_name, raw, former, title, rule=rule)
            # "Les co-présidents du directoire, A et B": the other names listed after the title
            for other in title_holder.listed_after(doc, person, title, ctx):
                self._add(doc, ctx, other, org_name, raw, former, title, rule="persons_listed_after_title")
            if predecessor is not person:  # "X succède à Z à la tête de Y": Z held the title
                self._add(doc, ctx, predecessor, org_name, raw, True, title, rule="predecessor_of_successor")
            assigned.add(person.start)
        self._lists(doc, ctx, titles_found, assigned)
        appointments.offices(self, doc, ctx)
        appointments.joins(self, doc, ctx, titles_found)
        appointments.recruits(self, doc, ctx, titles_found)
        appointments.successions(self, doc, ctx)
        self._participles(doc, ctx)
        self._relative_verbs(doc, ctx)
        career.career_roles(self, doc, ctx)
        founders.founder_roles(self, doc, ctx)
        return doc

    def _relative_verbs(self, doc: Doc, ctx: Passage) -> None:
        """'X, qui dirige Brintek depuis 2015', 'X, qui a fondé Payvio en 2020'."""
        for token in tokens_in(doc, RELATIVE_VERBS):
            role = RELATIVE_VERBS.get(token.lower_)
            if role is None or token.i < 3:
                continue
            i = token.i - 1
            if doc[i].lower_ in ("a", "avait"):
                i -= 1
            if doc[i].lower_ != "qui" or doc[i - 1].text != "," or (i - 2) not in ctx.person_end:
                continue
            j = token.i + 1
            if doc[j].lower_ == "depuis" and j + 1 < len(doc) and doc[j + 1].like_num:
                j += 2  # "qui dirige depuis 2019 la filiale française de Norelia"
            while j < len(doc) and (
                doc[j].lower_ in DETERMINERS | self.org_refs | UNIT_WORDS or doc[j].pos_ == "ADJ"
            ):
                j += 1
            if doc[j : j + 3].text.lower() in self.org_refs:  # "qui préside la start-up": three tokens
                j += 3
            if j not in ctx.ent_start:
                # "qui a dirigé les activités cloud de Google": a unit, then its company
                k = next((t.i for t in doc[j : j + 3] if t.lower_ in ("de", "du", "d'", "d’")), None)
                if k is not None and all(t.is_lower for t in doc[j:k]) and (k + 1) in ctx.ent_start:
                    j = k + 1
            former = token.lower_ in PAST_RELATIVE_VERBS  # "qui a dirigé la filiale pendant dix ans"
            person = ctx.person_end[i - 2]
            if j in ctx.ent_start and ctx.ent_start[j].label_ == "ORG":
                org = ctx.canonical(ctx.ent_start[j])
                verb = doc[token.i : token.i + 1]
                self._add(doc, ctx, person, org, token.text, former, verb, role, rule="relative_verb_org")
            elif any(t.lower_ in self.org_refs for t in doc[token.i + 1 : j]) or any(
                doc[k : k + 3].text.lower() in self.org_refs for k in range(token.i + 1, j - 2)
            ):
                org = ctx.recent_org(token.i)  # "qui dirige l'entreprise", "qui a dirigé la filiale"
                if org and not ctx.is_public(org):
                    verb = doc[token.i : token.i + 1]
                    self._add(
                        doc,
                        ctx,
                        person,
                        org,
                        token.text,
                        former,
                        verb,
                        role,
                        rule="relative_verb_org_of_passage",
                    )

    def _participles(self, doc: Doc, ctx: Passage) -> None:
        """'Orange, dirigé par X', "l'opérateur, dirigé par X", 'Fondée en 2020 par A et B, Payvio ...'."""
        for token in tokens_in(doc, PARTICIPLES):
            role = PARTICIPLES.get(token.lower_)
            if role is None:
                continue
            # "Fondée en 2004 à Austin (Texas) par A et B": a date and a place may come first
            by = next((t.i for t in doc[token.i + 1 : token.i + 10] if t.lower_ == "par"), None)
            if by is not None and any(t.is_punct and t.text not in "()" for t in doc[token.i + 1 : by]):
                by = None
            if by is None:
                continue
            while (
                by + 1 < len(doc)
                and by + 1 not in ctx.person_start
                and doc[by + 1].is_lower
                and by - token.i < 6
            ):
                by += 1  # "fondée par le chercheur Alain Benhamou"
            by = _past_description(doc, by, ctx)  # "par deux anciens ingénieurs de Safran, A et B"
            if (by + 1) not in ctx.person_start:
                continue
            people, j = [], by + 1
            while j in ctx.person_start:
                people.append(ctx.person_start[j])
                j = _past_apposition(doc, people[-1].end, ctx)
                if j < len(doc) and doc[j].lower_ in ("et", ","):
                    k = j + 1
                    if k + 1 < len(doc) and doc[k].lower_ in DETERMINERS and doc[k + 1].is_lower:
                        k += 2  # "par Camille Berthier et le gynécologue Antoine Mercier"
                    if k in ctx.person_start:
                        j = k
            org = self._participle_org(doc, token, j, ctx)
            for person in people:
                if org:
                    by = doc[token.i : token.i + 1]
                    self._add(doc, ctx, person, org, token.text, False, by, role, rule="participle_by_person")

    def _participle_org(self, doc: Doc, participle, after: int, ctx: Passage) -> str | None:
        i = participle.i - 1
        while i >= 0 and doc[i].text == "," and participle.i - i <= 2:
            i -= 1
        if i >= 0 and i in ctx.person_end:
            return None
        org_end = {o.end - 1: o for o in ctx.orgs}
        if i >= 0 and i in org_end:
            return ctx.canonical(org_end[i])
        # "la plateforme de commerce en ligne, dirigée par ...", "La start-up fondée par": the noun phrase
        j = i  # before ("start-up" is three tokens: words are rebuilt from the text)
        while j >= 0 and (doc[j].is_lower or doc[j].text == "-") and i - j < 8:
            if doc[j].is_punct and doc[j].text != "-":
                break
            j -= 1
        phrase = doc[j + 1 : i + 1].text.lower().replace("’", " ").replace("'", " ").split()
        if any(w in self.org_refs or w in REFERENCE_NOUNS for w in phrase):
            if j > 0 and doc[j].text == "," and j - 1 in org_end:
                return ctx.canonical(org_end[j - 1])  # "avec Personio, l'éditeur munichois dirigé par X"
            return ctx.salient_org(participle.i)
        start = ctx.sent_starts[ctx.sentence_index(participle.i)]
        if participle.i == start or i < start or doc[i].is_punct or doc[i].is_space:
            # "Créé en 1998 par X, un ancien chercheur de l'EPFZ, Kappeler Security compte...": the subject
            later = [  # "Fondée par A et B, deux anciens de Capgemini, Tilt ...": Tilt, not Capgemini
                o
                for o in ctx.orgs
                if after <= o.start < ctx.sentence_end(participle.i)
                and not ctx.is_public(ctx.canonical(o))
                and not _in_brackets(doc, o)  # "(Anssi)": the acronym of a former employer
                and not career.is_career_org(doc, o, self.words)
            ]
            subjects = [o for o in later if o.root.dep_.startswith("nsubj")]
            return ctx.canonical((subjects or later)[0]) if later else None
        return None

    def _titles(self, doc: Doc) -> list[tuple[Span, bool]]:
        ent_tokens = {i for e in ents_of(doc) for i in range(e.start, e.end)}
        spans = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        found = []
        for span in filter_spans(spans):
            if any(i in ent_tokens for i in range(span.start, span.end)):
                continue
            found.append((span, span.label_ == "FORMER_TITLE"))
        return found

    def _lists(self, doc: Doc, ctx: Passage, titles_found: list, assigned: set[int]) -> None:
        """'les patrons mondiaux du marketing (A), de la distribution (B)': each name in brackets."""
        for person in ctx.persons:
            if person.start in assigned or person.start == 0 or person.end >= len(doc):
                continue
            if doc[person.start - 1].text != "(" or doc[person.end].text != ")":
                continue
            sent = person.sent
            before = [t for t, _ in titles_found if sent.start <= t.start < person.start]
            if not before:
                continue
            title = before[-1]
            if any(t.pos_ in ("VERB", "AUX") for t in doc[title.end : person.start]):
                continue
            local_start = person.start - 1
            while local_start > title.end and doc[local_start - 1].text not in (",", ")"):
                local_start -= 1
            local = doc[local_start : person.start - 1].text.strip()
            raw = (
                doc[title.start : person.start - 1].text
                if local_start <= title.end
                else f"{title.text} {local}".strip()
            )
            _, org, _ = title_org.complement(self, doc, title, ctx)
            org_name = org or ctx.salient_org(title.start)
            if org_name:
                former = title_holder.former_before(doc, title.start)
                self._add(
                    doc, ctx, person, org_name, raw, former, title, rule="person_in_brackets_after_title"
                )

    def _add(self, doc, ctx, person, org_name, raw, former, title, role=None, rule="title") -> None:
        parts = self._joined_titles(raw) if role is None else []
        if len(parts) > 1:  # "cofondateur et président": one row per title, whatever their order
            for part in parts:
                self._add(doc, ctx, person, org_name, part, former, title, rule=rule)
            return
        name = ctx.canonical(person)
        role = role or normalise_title(raw, self.patterns_dir)
        for r in doc._.roles:  # one row per person, company, role and tense in an article
            if (
                r["person"] == name
                and r["org"] == org_name
                and r["role"] == role
                and r["former"] == bool(former)
            ):
                return
        start = min(person.start_char, title.start_char)
        end = max(person.end_char, title.end_char)
        doc._.roles.append(
            {
                "person": name,
                "org": org_name,
                "title": raw.strip(" ,'‘’«»"),
                "role": role,
                "former": bool(former),
                "start": start,
                "end": end,
                "sentence": title.sent.text.strip(),
                "rule": rule,
                "trigger": title.text,
            }
        )

    def _joined_titles(self, raw: str) -> list[str]:
        """'cofondateur et président' -> both titles; 'président et directeur général' too, but not a
        title of the table that holds 'et' itself."""
        table = titles(self.patterns_dir)
        text = raw.strip(" ,'‘’«»")
        text = text.replace(" & ", " et ")
        if " et " not in text or text.lower() in table:
            return []
        parts = [p.strip() for p in text.split(" et ")]
        return parts if all(normalise_title(p, self.patterns_dir) != "OTHER" for p in parts) else []


def _in_brackets(doc: Doc, span: Span) -> bool:
    return (
        0 < span.start
        and span.end < len(doc)
        and doc[span.start - 1].text == "("
        and doc[span.end].text == ")"
    )


def _past_description(doc: Doc, by: int, ctx: Passage) -> int:
    """'fondée par deux anciens ingénieurs de Safran, A et B': the comma before the names that a short
    description of them (lowercase words, a company, no verb) comes before; ``by`` itself otherwise."""
    if (by + 1) in ctx.person_start:
        return by
    for k in range(by + 1, min(len(doc) - 1, by + 10)):
        token = doc[k]
        if token.text == ",":
            return k if (k + 1) in ctx.person_start else by
        if token.pos_ in ("VERB", "AUX") or (token.is_punct and token.text != "-"):
            return by
        if not (token.is_lower or k in ctx.ent_start or any(e.start < k < e.end for e in ctx.orgs)):
            return by
    return by


def _past_apposition(doc: Doc, j: int, ctx: Passage) -> int:
    """'par A, une ancienne chercheuse du CEA-Leti, et B': the ', et' that goes on with the list after
    a short description of A (no verb in it); j itself when there is none."""
    if j >= len(doc) or doc[j].text != ",":
        return j
    for k in range(j + 1, min(len(doc) - 1, j + 14)):
        token = doc[k]
        if token.text == "," and doc[k + 1].lower_ == "et" and (k + 2) in ctx.person_start:
            return k + 1
        finite = token.pos_ in ("VERB", "AUX") and "Part" not in token.morph.get("VerbForm")
        if finite or k in ctx.person_start or token.text in (".", ";", ":", "«", "»"):
            return j
    return j


UNIT_WORDS = frozenset({"filiale", "branche", "division", "activité", "activités", "de", "du", "d'", "d’"})
