"""The `veille_roles` component: executives, their title and their organisation.

Forms handled (the title lexicon is nlp/patterns/titles.jsonl):
  "X, PDG de Y"  "X (CEO de Y)"  "X, CEO et cofondateur de Y"  "X le PDG de Y"  "X devient le numéro 2 de Y"
  "le PDG de Y, X"  "l'ancien vice-PDG de Y, X" (former)  "X, responsable ... chez Y"
  "X, responsable ... de l'entreprise / du groupe / du constructeur" (the organisation meant)
  "X, vice-présidente senior" (no organisation named: the one the passage is about)
  "les patrons mondiaux du marketing (A), de la distribution (B)" (lists)
  "il est devenu CEO" (the person last named)
Results go to `doc._.roles`, a list of dicts (person, org, title, role, former, start, end, sentence).

This module finds the titles, decides each one's row and writes the rows (`_add`, one per person, company,
role and tense); the rest is read by its own module, each taking the finder:
  nlp/title_org.py     the company of a title ("de Y", "chez Y", "de l'entreprise", "dont")
  nlp/title_holder.py  the person who holds it (before, after, a pronoun, the next sentence)
  nlp/role_clauses.py  participles ("dirigé par X"), relative verbs ("qui dirige Y"), names in brackets
  nlp/appointments.py  appointment forms ("prend la direction de", "rejoint Y en tant que", "recrute X")
  nlp/successions.py   who held a title before whom ("succède à Z", "sera remplacé par Z")
  nlp/career.py        former employers;  nlp/founders.py  founders ("a fondé Y avec A et B")
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp import appointments, career, founders, role_clauses, successions, title_holder, title_org
from nlp.lexicon import normalise_title, titles, word_lists
from nlp.passage import Passage
from nlp.tokens import ents_of, reads_fixed_ents

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
                found = successions.successor(doc, person, ctx)
                if found is None and successions.is_succeeded(doc, person):
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
                or appointments.elsewhere(doc, ctx, person, _guessed_org(ctx, person, title), title)
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
        role_clauses.bracket_lists(self, doc, ctx, titles_found, assigned)
        appointments.offices(self, doc, ctx)
        appointments.joins(self, doc, ctx, titles_found)
        appointments.recruits(self, doc, ctx, titles_found)
        successions.successions(self, doc, ctx)
        role_clauses.participles(self, doc, ctx)
        role_clauses.relative_verbs(self, doc, ctx)
        career.career_roles(self, doc, ctx)
        founders.founder_roles(self, doc, ctx)
        return doc

    def _titles(self, doc: Doc) -> list[tuple[Span, bool]]:
        ent_tokens = {i for e in ents_of(doc) for i in range(e.start, e.end)}
        spans = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        found = []
        for span in filter_spans(spans):
            if any(i in ent_tokens for i in range(span.start, span.end)):
                continue
            found.append((span, span.label_ == "FORMER_TITLE"))
        return found

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


def _guessed_org(ctx: Passage, person: Span, title: Span) -> str | None:
    """The company of a title no phrase names: the family company bearing the person's surname
    ('Laurent Sabatier, directeur général' in an article on the Groupe Sabatier and its buyer), else
    the company of the passage."""
    return ctx.family_org(person) or ctx.salient_org(title.start)
