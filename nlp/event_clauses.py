"""Clause boundaries the event rules share: where a trigger's object or complement stops (a finite
verb, a punctuation mark), so that a company or product named in another clause is not taken."""

from __future__ import annotations

from nlp.event_scene import Scene

POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos"})
CLAUSE_MARKS = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "«", "»"})
_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "it", "ite")


def object_break(scene: Scene, start: int, end: int) -> bool:
    """A verb or a clause mark between two tokens: what follows is in another clause."""
    return any(t.text in CLAUSE_MARKS or t.pos_ == "VERB" for t in scene.doc[start:end])


def finite(token) -> bool:
    """A verb that opens a clause: not a past participle ('signé', the tagger's 'Part' checked by the
    ending, as it also tags 'recrute' so)."""
    participle = "Part" in token.morph.get("VerbForm") and token.lower_.endswith(_PARTICIPLE_ENDINGS)
    return token.pos_ in ("VERB", "AUX") and not participle


def clause_break(scene: Scene, start: int, end: int, commas: bool = False) -> bool:
    """A verb or a punctuation mark between the trigger and its object: the object belongs elsewhere
    (an apposition after a comma may be allowed: 'son premier produit, le module P')."""
    return any(
        t.pos_ in ("VERB", "AUX") or (t.is_punct and not (commas and t.text == ","))
        for t in scene.doc[start:end]
    )
