"""Roles stated by appointment forms, for nlp/roles.py:

"X prend la direction (générale) de Y", "X a été reconduit à la présidence du conseil de surveillance de Y",
"X est nommée à la présidence de Y", "Chez Y, X prend la direction de la cybersécurité"
"X rejoint Y en tant que / comme / au poste de <title>"
"Y recrute X (ex-Z) en tant que / comme / au poste de <title>"
"X, qui a succédé à son père à la présidence de Y" (X, past Z: nlp/successions.py reads who held what)

The words are data: `take_words`, `recruit_verbs`, `join_verbs`, `as_words`, `of_words`, `board_bodies` in
nlp/patterns/words.jsonl and `office_nouns` in nlp/patterns/role_maps.jsonl.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Span

from nlp import successions, title_org
from nlp.lexicon import normalise_title, word_lists, word_maps
from nlp.role_words import DETERMINERS
from nlp.title_holder import person_before, subject_before_infinitive
from nlp.tokens import tokens_in

logger = logging.getLogger(__name__)

#: "la direction financière" is held by "la directrice financière": the feminine title names the role
OFFICE_NOUNS = word_maps()["office_nouns"]
TAKE_WORDS = word_lists()["take_words"]
LEAVE_WORDS = word_lists()["leave_words"]
GERUNDS = word_lists()["take_gerunds"]
RECRUIT_VERBS = word_lists()["recruit_verbs"]
JOIN_VERBS = word_lists()["join_verbs"]
AS_WORDS = word_lists()["as_words"]
OF_WORDS = word_lists()["of_words"]
BOARD_BODIES = word_lists()["board_bodies"]


def offices(finder, doc: Doc, ctx) -> None:
    """'prend la direction de Y', 'reconduit à la présidence du conseil de surveillance de Y'; 'quitte la
    présidence de Y' (a former title)."""
    for token in tokens_in(doc, OFFICE_NOUNS):
        feminine = OFFICE_NOUNS.get(token.lower_)
        if feminine is None or token.i < 2 or doc[token.i - 1].lower_ not in ("la", "les"):
            continue
        take = token.i - 2
        if doc[take].lower_ in ("lui", "elle") and doc[take - 2 : take].text.lower() == "quant à":
            take -= 3  # "X prend quant à lui la présidence de Y"
        left = doc[take].lower_ in LEAVE_WORDS  # "X quitte la présidence du directoire de Y": a former title
        if (not left and doc[take].lower_ not in TAKE_WORDS | GERUNDS) or feminine == doc[
            token.i - 2 : token.i + 1
        ].text.lower():
            continue  # "à la tête" itself is a title of the lexicon
        if left:
            person = person_before(doc, take - 1, ctx, LEAVE_WORDS)
        elif doc[take].lower_ in GERUNDS and doc[take - 1].lower_ == "en":
            subject = subject_before_infinitive(
                doc, take - 2, ctx
            )  # "elle saute le pas en prenant la direction"
            person = subject[0] if subject else None
        else:
            person = person_before(doc, take - 1, ctx, TAKE_WORDS) or successions.successor_before(
                doc, take, ctx
            )
        if person is None:
            continue
        if not left:
            person = successions.successor(doc, person, ctx) or person
        end = token.i + 1
        while (
            end < len(doc)
            and end - token.i <= 2
            and doc[end].is_lower
            and doc[end].is_alpha
            and (doc[end].pos_ not in ("ADP", "DET", "VERB", "AUX", "CCONJ", "PRON", "SCONJ", "ADV"))
        ):
            end += 1  # "la direction générale", "la direction financière"
        if doc[end : end + 2].text.lower() in ("du conseil", "du directoire"):
            end += 2
            if doc[end : end + 2].text.lower().replace("’", "'") in ("de surveillance", "d' administration"):
                end += 2
        words = doc[token.i + 1 : end].text
        raw = f"{feminine} {words}".strip() if feminine != "à la tête" else feminine
        if feminine == "directrice" and not words:
            raw = "directrice générale"  # taking the direction of a company is running it
        org = _org_after(finder, doc, end, ctx)
        if org is None and feminine == "directrice" and end < len(doc) and doc[end].lower_ in OF_WORDS:
            org = _chez_opening(doc, token, ctx)
            raw = f"directrice {doc[end : _function_end(doc, end)].text}"
        elif org is None and words:  # "Chez Y, X prend la direction technique"
            org = _chez_opening(doc, token, ctx)
        if org is None:
            continue
        role = normalise_title(raw, finder.patterns_dir)
        office = doc[token.i - 1 : end]
        finder._add(doc, ctx, person, org, office.text, left, office, role, rule="office_verb")


def _org_after(finder, doc: Doc, i: int, ctx) -> str | None:
    if i >= len(doc) or doc[i].lower_ not in OF_WORDS:
        return None
    j = i + 1
    while j < len(doc) and doc[j].lower_ in DETERMINERS:
        j += 1
    if j in ctx.ent_start and ctx.ent_start[j].label_ == "ORG":
        return ctx.canonical(ctx.ent_start[j])
    if j > i + 1 and j < len(doc) and doc[j].lower_ in finder.org_refs:
        return ctx.salient_org(i)  # "a pris la direction de l'entreprise"
    return None


def _function_end(doc: Doc, i: int) -> int:
    j = i + 1
    while (
        j < len(doc) and (doc[j].is_lower and doc[j].is_alpha or doc[j].lower_ in ("l'", "l’")) and j - i < 5
    ):
        j += 1
    return j


def _chez_opening(doc: Doc, token, ctx) -> str | None:
    """'Chez Ledger, Antoine Fabre prend la direction de la cybersécurité': the company opening the sentence
    (read back to the full stop: the parser often starts a sentence at the comma)."""
    i = token.i - 1
    while i > 0 and token.i - i < 15 and doc[i - 1].text not in (".", "!", "?") and not doc[i - 1].is_space:
        i -= 1
    while i < token.i and (doc[i].is_punct or doc[i].is_space):
        i += 1
    if doc[i].lower_ != "chez" or (i + 1) not in ctx.ent_start:
        return None
    org = ctx.ent_start[i + 1]
    return ctx.canonical(org) if org.label_ == "ORG" else None


def joins(finder, doc: Doc, ctx, titles_found) -> None:
    """'X rejoint Y en tant que directrice générale', 'X rejoint Y comme DAF', 'X rejoint le conseil
    d'administration (de Y) en tant qu'administratrice indépendante' (Y, or the company of the passage)."""
    title_at = {t.start: t for t, _ in titles_found}
    for token in tokens_in(doc, JOIN_VERBS):
        if token.lower_ not in JOIN_VERBS:
            continue
        person = (
            person_before(doc, token.i - 1, ctx)
            or _person_before_title(doc, token.i - 1, ctx)
            or _subject_of_purpose(doc, token, ctx)
        )
        j = token.i + 1
        while j < len(doc) and doc[j].lower_ in DETERMINERS | {"chez"}:
            j += 1
        if j + 1 < len(doc) and doc[j].lower_ in finder.org_refs and (j + 1) in ctx.ent_start:
            j += 1  # "rejoindre le groupe Fives comme ..."
        if person is None:
            continue
        if _board_end(doc, j) is not None:
            _joins_board(finder, doc, ctx, person, j, title_at)
            continue
        if j not in ctx.ent_start or ctx.ent_start[j].label_ != "ORG":
            continue
        org = ctx.ent_start[j]
        k = org.end
        while k < len(doc) and doc[k].lower_ in AS_WORDS and k - org.end < 4:
            k += 1
        if k == org.end or k not in title_at:
            continue
        title = title_at[k]
        _, _, raw_end = title_org.complement(finder, doc, title, ctx)
        raw = doc[title.start : max(raw_end, title.end)].text
        finder._add(doc, ctx, person, ctx.canonical(org), raw, False, title, rule="joins_as_title")


def _subject_of_purpose(doc: Doc, verb, ctx) -> Span | None:
    """'X quitte la présidence de Z, le spécialiste du froid, pour rejoindre Y comme T', 'X, qui a quitté le
    groupe en début d'année pour rejoindre Y comme T': the person last named in the sentence."""
    if verb.i < 1 or doc[verb.i - 1].lower_ != "pour":
        return None
    person = ctx.last_person_before(verb.i)
    same = person is not None and ctx.sentence_index(person.start) == ctx.sentence_index(verb.i)
    return person if same else None


def elsewhere(doc: Doc, ctx, person: Span, guessed: str | None, at: Span) -> str | None:
    """A company guessed from the passage for a new title of ``person`` (at ``at``): not one the sentence
    has just named as theirs ('X, ancien directeur général de Distrimaxx, est nommé président du conseil',
    'X, associée chez Harbor Lane, rejoint le conseil de la fintech'): then the article's company, if it
    is another."""
    name, sentence = ctx.canonical(person), at.sent.text.strip()
    held = {
        r["org"]
        for r in doc._.roles
        if r["person"] == name and r["rule"] == "person_title_org" and r["sentence"] == sentence
    }
    if guessed not in held:
        return guessed
    topic = ctx.topic()
    return topic if topic not in held else None


def _person_before_title(doc: Doc, i: int, ctx) -> Span | None:
    """'Megan Cole, associée chez Harbor Lane, rejoint ...': the person of the title phrase ending at i."""
    if i < 1 or doc[i].text != "," or (i - 1) not in ctx.title_chunks:
        return None
    return person_before(doc, ctx.title_chunks[i - 1] - 1, ctx)


def _board_end(doc: Doc, j: int) -> int | None:
    """End of 'conseil d'administration', 'comité exécutif'... starting at token j, or None."""
    for size in (3, 2, 1):
        if doc[j : j + size].text.lower().replace("' ", "'").replace("’ ", "’") in BOARD_BODIES:
            return j + size
    return None


def _joins_board(finder, doc: Doc, ctx, person: Span, board: int, title_at: dict) -> None:
    """'... le conseil d'administration (de la fintech | de Y) en tant qu'administratrice indépendante'."""
    end = _board_end(doc, board)
    org = _org_after(finder, doc, end, ctx)
    k = end
    if org is not None:  # past "de Y" / "de la fintech"
        k = next((t.i for t in doc[end : end + 6] if t.lower_ in AS_WORDS - OF_WORDS), k)
    start = k
    while k < len(doc) and doc[k].lower_ in AS_WORDS and k - end < 6:
        k += 1
    org = elsewhere(doc, ctx, person, org or ctx.salient_org(end), doc[board:end])
    if org is None or ctx.is_public(org):
        return
    if k == start or k not in title_at:  # "rejoint le conseil d'administration de la fintech": a member
        body = doc[board:end]
        finder._add(doc, ctx, person, org, f"membre du {body.text}", False, body, rule="joins_board")
        return
    title = title_at[k]
    _, named, raw_end = title_org.complement(finder, doc, title, ctx)
    raw = doc[title.start : max(raw_end, title.end)].text
    finder._add(doc, ctx, person, named or org, raw, False, title, rule="joins_board_as_title")


def recruits(finder, doc: Doc, ctx, titles_found) -> None:
    """'Juniper Networks recrute de son côté Karim Haddad (ex-Cisco) en tant que VP Channel EMEA'."""
    title_at = {t.start: t for t, _ in titles_found}
    org_end = {o.end: o for o in ctx.orgs}
    for token in tokens_in(doc, RECRUIT_VERBS):
        if token.lower_ not in RECRUIT_VERBS:
            continue
        i = token.i
        if i > 0 and doc[i - 1].lower_ in ("a", "avait"):
            i -= 1
        org = org_end.get(i)
        j = token.i + 1
        while j < len(doc) and j - token.i < 5 and j not in ctx.person_start and doc[j].is_lower:
            j += 1  # "recrute de son côté"
        if org is None or j not in ctx.person_start:
            continue
        person = ctx.person_start[j]
        k = person.end
        if k < len(doc) and doc[k].text == "(":  # "(ex-Cisco)", "(42 ans)"
            k = next((t.i + 1 for t in doc[k : k + 6] if t.text == ")"), k)
        start = k
        while k < len(doc) and doc[k].lower_ in AS_WORDS and k - start < 4:
            k += 1
        if k == start or k not in title_at:
            continue
        title = title_at[k]
        _, named, raw_end = title_org.complement(finder, doc, title, ctx)
        raw = doc[title.start : max(raw_end, title.end)].text
        finder._add(
            doc, ctx, person, named or ctx.canonical(org), raw, False, title, rule="recruited_as_title"
        )
