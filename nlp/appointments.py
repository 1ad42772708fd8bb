"""Roles stated by appointment forms, for nlp/roles.py:

"X prend la direction (générale) de Y", "X a été reconduit à la présidence du conseil de surveillance de Y",
"X est nommée à la présidence de Y", "Chez Y, X prend la direction de la cybersécurité"
"X rejoint Y en tant que / comme / au poste de <title>"
"Y recrute X (ex-Z) en tant que / comme / au poste de <title>"
"X succède à Z à la tête de Y" (the title is X's; Z held it: a former role)
"Elle succède à Z" (Z held the title she was just given), "X sera remplacé par Z" (Z takes X's title)

The words are data: `take_words`, `recruit_verbs`, `join_verbs`, `succeed_verbs`, `as_words`, `of_words` in
nlp/patterns/words.jsonl and `office_nouns` in nlp/patterns/role_maps.jsonl.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Span

from nlp import title_org
from nlp.lexicon import normalise_title, word_lists, word_maps
from nlp.role_words import DETERMINERS
from nlp.title_holder import person_before
from nlp.tokens import tokens_in

logger = logging.getLogger(__name__)

#: "la direction financière" is held by "la directrice financière": the feminine title names the role
OFFICE_NOUNS = word_maps()["office_nouns"]
TAKE_WORDS = word_lists()["take_words"]
RECRUIT_VERBS = word_lists()["recruit_verbs"]
JOIN_VERBS = word_lists()["join_verbs"]
SUCCEED = word_lists()["succeed_verbs"]
AS_WORDS = word_lists()["as_words"]
OF_WORDS = word_lists()["of_words"]
BOARD_BODIES = word_lists()["board_bodies"]


def offices(finder, doc: Doc, ctx) -> None:
    """'prend la direction de Y', 'reconduit à la présidence du conseil de surveillance de Y'."""
    for token in tokens_in(doc, OFFICE_NOUNS):
        feminine = OFFICE_NOUNS.get(token.lower_)
        if feminine is None or token.i < 2 or doc[token.i - 1].lower_ not in ("la", "les"):
            continue
        take = token.i - 2
        if doc[take].lower_ in ("lui", "elle") and doc[take - 2 : take].text.lower() == "quant à":
            take -= 3  # "X prend quant à lui la présidence de Y"
        if doc[take].lower_ not in TAKE_WORDS or feminine == doc[token.i - 2 : token.i + 1].text.lower():
            continue  # "à la tête" itself is a title of the lexicon
        person = person_before(doc, take - 1, ctx, TAKE_WORDS) or _successor_before(doc, take, ctx)
        if person is None:
            continue
        person = successor(doc, person, ctx) or person
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
        finder._add(doc, ctx, person, org, office.text, False, office, role, rule="office_verb")


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
        person = person_before(doc, token.i - 1, ctx) or _person_before_title(doc, token.i - 1, ctx)
        j = token.i + 1
        while j < len(doc) and doc[j].lower_ in DETERMINERS | {"chez"}:
            j += 1
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


def successor(doc: Doc, person: Span, ctx) -> Span | None:
    """'X succède à Z à la tête de Y', 'Elle remplace Z au poste de DAF': X, when the title found Z."""
    i = person.start - 1
    if i >= 0 and doc[i].lower_ in ("à", "a"):
        i -= 1
    if i < 0 or doc[i].lower_ not in SUCCEED:
        return None
    return person_before(doc, i - 1, ctx, {"qui", "lui", "elle", "il"})


def is_succeeded(doc: Doc, person: Span) -> bool:
    """'... succède à Z': Z is the one replaced (who held the title before)."""
    i = person.start - 1
    if i >= 0 and doc[i].lower_ in ("à", "a"):
        i -= 1
    return i >= 0 and doc[i].lower_ in SUCCEED


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


def _successor_before(doc: Doc, i: int, ctx) -> Span | None:
    """'X, qui a succédé à son père à la présidence de Y': X, across the predecessor."""
    for k in range(i - 1, max(-1, i - 7), -1):
        if doc[k].lower_ in SUCCEED | {"succédé"}:
            return person_before(doc, k - 1, ctx, {"qui", "lui", "elle", "il", "a", "avait"})
        if doc[k].is_punct:
            return None
    return None


REPLACED_BY = frozenset({"remplacé", "remplacée", "remplacés", "remplacées"})


def successions(finder, doc: Doc, ctx) -> None:
    """'Elle succède à Z, qui part à la retraite': Z held the title given to her just before (a former
    role); 'Il sera remplacé par Z': Z takes the title of the one replaced."""
    for token in tokens_in(doc, SUCCEED | REPLACED_BY | {"remplacement"}):
        if token.lower_ == "remplacement":
            _in_replacement_of(finder, doc, ctx, token)
            continue
        if token.lower_ in REPLACED_BY:
            k = token.i + 1
            if k >= len(doc) or doc[k].lower_ != "par" or (k + 1) not in ctx.person_start:
                continue
            holder = person_before(doc, token.i - 1, ctx, {"sera", "serait", "a", "été", "est"})
            taker, former, rule = ctx.person_start[k + 1], False, "successor_of_replaced"
        else:
            k = token.i + 1 + (token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("à", "a"))
            if k not in ctx.person_start:
                continue
            holder = person_before(doc, token.i - 1, ctx, {"qui", "lui", "elle", "il"})
            taker, former, rule = ctx.person_start[k], True, "predecessor_of_successor"
        if holder is None or _said_here(doc, ctx, taker, token):
            continue
        for held in _current_roles(doc, ctx, holder, token.i):
            finder._add(
                doc,
                ctx,
                taker,
                held["org"],
                held["title"],
                former,
                doc[token.i : token.i + 1],
                held["role"],
                rule=rule,
            )


def _in_replacement_of(finder, doc: Doc, ctx, token) -> None:
    """'la nomination de X comme PDG de Y, en remplacement d'Alain Z': Z held X's new title."""
    k = token.i + 1
    if k >= len(doc) or doc[k].lower_ not in OF_WORDS or (k + 1) not in ctx.person_start:
        return
    predecessor = ctx.person_start[k + 1]
    name, sentence = ctx.canonical(predecessor), token.sent.text.strip()
    given = [
        r
        for r in doc._.roles
        if r["sentence"] == sentence and r["person"] != name and not r["former"] and r["role"] != "FOUNDER"
    ]
    for held in given:
        finder._add(
            doc,
            ctx,
            predecessor,
            held["org"],
            held["title"],
            True,
            doc[token.i : token.i + 1],
            held["role"],
            rule="predecessor_replaced",
        )


def _said_here(doc: Doc, ctx, person: Span, token) -> bool:
    """A role of ``person`` already read in the sentence of ``token`` ('succède à Z à la tête de Y')."""
    name, sentence = ctx.canonical(person), token.sent.text.strip()
    return any(r["person"] == name and r["sentence"] == sentence for r in doc._.roles)


def _current_roles(doc: Doc, ctx, person: Span, i: int) -> list[dict]:
    """The executive titles of ``person`` told in the two sentences up to token i (not founders, not
    former employers)."""
    name, s = ctx.canonical(person), ctx.sentence_index(i)
    return [
        r
        for r in doc._.roles
        if r["person"] == name
        and not r["former"]
        and r["role"] not in ("FOUNDER", "EMPLOYEE", "OTHER")
        and s - 2 <= ctx.sentence_index(_token_of(doc, r["start"])) <= s
    ]


def _token_of(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0
