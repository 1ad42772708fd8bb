"""Mergers: two companies that become one ('X et Y fusionnent', 'la fusion de X et de Y').

EVENTS.md files a merger as an acquisition whose company is the first named and whose target is the
second; the rule passes when the sentence does not name both.
"""

from __future__ import annotations

from spacy.tokens import Span

from nlp.event_scene import Scene


def merger(scene: Scene) -> list[dict]:
    """'X et Y fusionnent', 'X, ..., et Y, ..., ont annoncé leur fusion', 'la fusion entre X et Y'."""
    pair = _pair_after(scene) or _pair_subject(scene) or _pair_before(scene)
    if pair is None:
        return []
    first, second = (scene.name(_opening_word(scene, o)) for o in pair)
    if first is None or second is None or first == second:
        return []
    return [{"kind": "acquisition", "org": first, "target": second}]


def _pair_after(scene: Scene) -> tuple[Span, Span] | None:
    """'la fusion de X et de Y', 'fusion entre X et Y': two companies right after the trigger, joined by 'et'."""
    orgs = scene.after("ORG")
    if len(orgs) < 2 or orgs[0].start - scene.trigger.end > 2:
        return None
    first, second = orgs[0], orgs[1]
    joiners = {t.lower_ for t in scene.doc[first.end : second.start]}
    if "et" not in joiners or not joiners <= scene.words["of_words"] | {"et"}:
        return None
    return first, second


def _pair_subject(scene: Scene) -> tuple[Span, Span] | None:
    """The verb's subject and the company coordinated with it ('X, agence ..., et Y ... ont annoncé
    leur fusion'): Y's head is the subject's, by 'conj'."""
    subject = scene.verb_subject()
    if not isinstance(subject, Span):
        return None
    for org in scene.before("ORG"):
        if (
            org.start > subject.start
            and org.root.dep_ == "conj"
            and subject.start <= org.root.head.i < subject.end
        ):
            return subject, org
    return None


def _pair_before(scene: Scene) -> tuple[Span, Span] | None:
    """'X et Y fusionnent' where the parse ties neither to the verb: the last two companies before the
    trigger, the second right after 'et'."""
    orgs = scene.before("ORG")
    for first, second in reversed(list(zip(orgs, orgs[1:], strict=False))):
        if second.start > 0 and scene.doc[second.start - 1].lower_ == "et":
            return first, second
    return None


def _opening_word(scene: Scene, org: Span) -> Span:
    """'Atelier Lune, agence ..., et Y': a capitalised noun opening the sentence just before the
    company is the first word of its name (the entity stage, reading a common noun, left it out)."""
    i = org.start - 1
    if i != scene.sent.start or not scene.doc[i].is_title or scene.doc[i].pos_ not in ("NOUN", "PROPN"):
        return org
    return scene.doc[i : org.end]
