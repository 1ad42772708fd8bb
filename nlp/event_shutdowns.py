"""Things ended: 'X ferme / arrête / met fin à P', 'P sera fermé le 30 juin', 'le site de Y fermera ses
portes'; the product, else the words of the object (a time phrase before it left out, its name when
it ends on one)."""

from __future__ import annotations

from spacy.tokens import Span

from nlp.event_clauses import clause_break, finite
from nlp.event_scene import Scene


def shutdown(scene: Scene) -> list[dict]:
    """'X ferme / arrête / met fin à P': the product, else the words of the object."""
    owner = _shut_owner(scene)
    org = scene.name(owner) if owner is not None else scene.company()
    if org is None:
        return []
    products = [
        p
        for p in scene.after("PRODUCT")
        if p.start - scene.trigger.end <= 6
        or p.start - scene.trigger.end <= 14
        and not clause_break(scene, scene.trigger.end, p.start)
    ]  # 'arrêtera d'ici à juin 2026 son offre historique de standard téléphonique P'
    if products:
        return [{"kind": "shutdown", "org": org, "product": scene.name(products[0])}]
    thing = _object_words(scene, owner.start - 1 if owner is not None else None)
    if thing.split(" ")[0].lower() in scene.words["plans"]:
        return []  # 'l'abandon de son projet de rapprochement': a plan given up, no product ended
    if thing.lower() in ("activité", "activités"):
        thing = org  # 'cessera toute activité': the company itself stops
    return [{"kind": "shutdown", "org": org, "product": thing}] if len(thing) > 3 else []


def shutdown_passive(scene: Scene) -> list[dict]:
    """'Agribot, le chatbot lancé par X en 2023, sera fermé le 30 juin', 'Le site de Nantes fermera ses
    portes': the thing ended is the subject (a product named in it, else its words)."""
    subjects = [c for c in scene.trigger.root.children if c.dep_ in ("nsubj:pass", "nsubj")]
    subjects = [c for c in subjects if scene.sent.start <= c.i < scene.trigger.start]
    if subjects:
        lo, hi = subjects[0].left_edge.i, subjects[0].right_edge.i
    else:  # no subject parsed: the clause before the trigger, from its colon on, with no verb of its own
        lo, hi = scene.sent.start, scene.trigger.start - 1
        for t in scene.doc[lo : scene.trigger.start]:
            if t.text in (":", ";"):
                lo = t.i + 1
        if any(finite(t) and t.lower_ not in ("sera", "seront", "a", "ont") for t in scene.doc[lo : hi + 1]):
            return []
        if not [p for p in scene.before("PRODUCT") if lo <= p.start]:
            return []
    products = [p for p in scene.before("PRODUCT") if lo <= p.start and p.end - 1 <= hi] or [
        p for p in scene.before("PRODUCT") if p.end == lo - 1 and scene.doc[p.end].text == ","
    ]  # 'Agribot, le chatbot lancé par X, sera fermé': the name before the subject's apposition
    makers = [o for o in scene.before("ORG") if lo <= o.start and o.end - 1 <= hi]
    if products:
        thing = scene.name(products[0])
        org = products[0]._.maker or (scene.name(makers[0]) if makers else None)
    else:
        words = []
        for t in scene.doc[lo : hi + 1]:
            if t.is_punct or t.pos_ in ("VERB", "AUX", "PRON"):
                break
            words.append(t)
        while words and words[0].pos_ == "DET":
            words.pop(0)
        if not words or not words[0].is_lower or words[0].lower_ in scene.words["job_words"]:
            return []  # 'Les 140 salariés seront ...': people, not a thing ended
        thing = "".join(t.text_with_ws for t in words).strip()
        org = None
    org = org or scene.ctx.salient_org(scene.trigger.start)
    return [{"kind": "shutdown", "org": org, "product": thing}] if org and len(thing) > 3 else []


def _shut_owner(scene: Scene) -> Span | None:
    """'la fermeture du bureau grenoblois d'X': after a noun trigger, the company owning the object."""
    if scene.trigger.root.pos_ != "NOUN":
        return None
    for org in scene.after("ORG"):
        if org.start - scene.trigger.end > 8 or clause_break(scene, scene.trigger.end, org.start):
            return None
        if scene.doc[org.start - 1].lower_ in scene.words["of_words"] and org.start - scene.trigger.end > 2:
            return org
    return None


def _object_words(scene: Scene, end: int | None = None) -> str:
    """The words of the object after the trigger ('(enfin) sa gamme de téléphones de bureau'), up to
    a verb, a punctuation mark, 8 words or ``end``; adverbs before it and a dangling preposition left out."""
    tokens = []
    start = scene.trigger.end
    if [t.lower_ for t in scene.doc[start : start + 2]] == ["par", "ailleurs"]:
        start += 2  # 'ferme par ailleurs son bureau de Barcelone'
    start = _after_time(scene, start)
    stop = min(scene.sent.end, start + 10, end if end is not None else len(scene.doc))
    for t in scene.doc[start:stop]:
        verb = t.pos_ in ("VERB", "AUX", "SCONJ") and not (tokens and tokens[-1].pos_ == "DET")
        if t.is_punct or verb or len(tokens) == 8 or _time_at(t):
            break  # a word after a determiner is a noun, whatever the tagger says ('son offre')
        if tokens and t.pos_ == "ADP" and t.lower_ not in ("de", "d'", "d’", "du", "des"):
            break  # 'sa gamme de téléphones | pour les PME
        if tokens or (t.pos_ != "ADV" and t.lower_ not in ("de", "d'", "d’", "du", "des")):
            tokens.append(t)  # 'la fermeture | de | sa filiale': the preposition after a noun trigger
    while tokens and tokens[-1].pos_ in ("ADP", "DET", "CCONJ"):
        tokens.pop()
    while tokens and tokens[0].pos_ == "DET":  # 'son service de livraison': the service, as annotated
        tokens.pop(0)
    named = len(tokens)
    while (
        named > 1
        and tokens[named - 1].text[:1].isupper()
        and tokens[named - 1].pos_ in ("PROPN", "NOUN", "X")
    ):
        named -= 1
    if 1 < named < len(tokens) and tokens[named - 1].is_lower and tokens[named - 1].pos_ in ("NOUN", "ADJ"):
        tokens = tokens[named:]  # 'son offre de standard téléphonique KapVoice': its name
    return "".join(t.text_with_ws for t in tokens).strip()


def _after_time(scene: Scene, i: int) -> int:
    """Where the object starts after a time phrase put before it ('fermer d'ici juin | son offre
    mobile', 'arrêtera à la fin de l'année | ce site'): at the possessive or demonstrative opening it."""
    if i >= scene.sent.end or scene.doc[i].lower_ not in scene.words["time_openers"]:
        return i
    for t in scene.doc[i + 1 : min(scene.sent.end, i + 11)]:
        if t.is_punct:
            return i
        if t.lower_ in scene.words["object_openers"]:
            return t.i
    return i


def _time_at(token) -> bool:
    """A date after the object ('son service | le 30 novembre', '| d'ici 2030', '| dès juin')."""
    doc, i = token.doc, token.i
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if token.lower_ in ("le", "la") and nxt is not None and nxt.like_num:
        return True
    return token.lower_ in ("dès",) or (
        token.lower_ in ("d'", "d’") and nxt is not None and nxt.lower_ == "ici"
    )
