"""Partnerships and stakes: 'X noue un partenariat avec Y', 'un contrat d'approvisionnement avec Y',
'X a pris 40 % du capital de Y' (nlp/patterns/events.jsonl shapes partnership.active, partnership.noun,
acquisition.stake)."""

from __future__ import annotations

from spacy.tokens import Span

from nlp.event_clauses import CLAUSE_MARKS, POSSESSIVES, finite, object_break
from nlp.event_names import named_at
from nlp.event_scene import Scene


def acquisition_stake(scene: Scene) -> list[dict]:
    """'X a pris 40 % du capital de la start-up Y', 'va prendre 51 % du capital de Y': a stake taken
    (not one held: 'détient 55 % du capital')."""
    doc = scene.doc
    percent = next(
        (p for p in scene.ents if p.label_ == "PERCENT" and p.start <= scene.trigger.start < p.end), None
    )
    if percent is None:
        return []
    before = {t.lower_ for t in doc[max(scene.sent.start, percent.start - 4) : percent.start]}
    if not before & scene.words["stake_verbs"]:
        return []
    targets = [o for o in scene.after("ORG") if o.start - scene.trigger.end <= 6]
    if not targets or any(
        not (t.is_lower and t.pos_ not in ("VERB", "AUX")) and t.text != "-"
        for t in doc[scene.trigger.end : targets[0].start]
    ):
        return []
    target = scene.name(targets[0])
    org = scene.company(exclude=(target,))
    if org is None or org == target:
        return []
    event = {"kind": "acquisition", "org": org, "target": target}
    if percent._.value is not None:
        event["stake"] = percent._.value
    return [event]


def partnership(scene: Scene) -> list[dict]:
    """'X noue un partenariat avec Y', 's'allie avec Y', 'un accord entre X et Y'."""
    if _held(scene):
        return []
    partners = [o for o in scene.after("ORG") if o.start - scene.trigger.end <= 8]
    named = _partner_after(scene, scene.trigger.end) if scene.trigger[-1].lower_ == "avec" else None
    if named is not None:
        partners = [named]  # the name right after 'avec', whatever the entity stage made of it
    if not partners:
        return _partnership_relative(scene) or _partnership_pair(scene)
    if any(t.pos_ in ("VERB", "AUX") for t in scene.doc[scene.trigger.end : partners[0].start]):
        return []  # 'un contrat avec X et recrute chez Y': Y is in another clause
    org = scene.company(exclude=(scene.name(partners[0]),), passage=True)
    partner = partners[0]
    if org is None and scene.trigger.text.lower().endswith("entre") and len(partners) > 1:
        org, partner = scene.name(partners[0]), partners[1]
    if (
        org is None
        or org == scene.name(partner)
        or _told_from_the_other_side(scene, org, scene.name(partner))
    ):
        return []
    return [{"kind": "partnership", "org": org, "partner": scene.name(partner)}]


def _held(scene: Scene) -> bool:
    """'Sa coentreprise avec Y, Z, a dévoilé ...': an agreement in force, the subject of another verb."""
    i = scene.trigger.start
    return i > 0 and scene.doc[i - 1].lower_ in POSSESSIVES and scene.trigger.root.dep_.startswith("nsubj")


def _told_from_the_other_side(scene: Scene, org: str, partner: str) -> bool:
    """'Arval s'allie à Tilt' then 'le montant du partenariat avec Arval' (about Tilt): one agreement."""
    return any(
        e["kind"] == "partnership" and e["org"] == partner and e.get("partner") == org for e in scene.earlier
    )


def partnership_noun(scene: Scene) -> list[dict]:
    """'un partenariat de cinq ans signé avec Y', 'un contrat d'approvisionnement avec le chinois Y',
    'un accord-cadre avec le groupement Y': the agreement noun, then 'avec' and the partner, in one clause."""
    doc = scene.doc
    if scene.trigger.start > 0 and doc[scene.trigger.start - 1].lower_ in POSSESSIVES:
        return []  # 'son contrat d'hébergement avec Y': an agreement in force, not the news
    if any(t.lower_ == "depuis" for t in scene.clause_before()):
        return []  # 'alimente depuis un an l'île dans le cadre d'un contrat avec Y': in force too
    with_ = next(
        (
            t
            for t in doc[scene.trigger.end : min(scene.sent.end, scene.trigger.end + 7)]
            if t.lower_ == "avec"
        ),
        None,
    )
    if with_ is None:
        return _first_client(scene) or _partnership_relative(scene) or _entrusted(scene)
    between = scene.doc[scene.trigger.end : with_.i] if with_ is not None else []
    if with_ is None or any(t.text in CLAUSE_MARKS or finite(t) for t in between):
        return []  # 'un partenariat (de cinq ans) signé avec Y': a participle is no new clause
    partners = [o for o in scene.after("ORG", with_.i + 1) if o.start - with_.i <= 4]
    if partners and object_break(scene, with_.i + 1, partners[0].start):
        return []
    found = partners[0] if partners else _partner_after(scene, with_.i + 1)
    if found is None:
        return []
    partner = scene.name(found)
    org = scene.company(exclude=(partner,), passage=True)
    if org is None or org == partner or _told_from_the_other_side(scene, org, partner):
        return []
    return [{"kind": "partnership", "org": org, "partner": partner}]


def _partner_after(scene: Scene, start: int, reach: int = 7) -> Span | None:
    """The partner named after 'avec', through determiners, common nouns and adjectives ('avec l'école
    d'ingénieurs X', 'avec le groupement Y'); a name the entity stage read as a product or missed is
    still the partner there ('un accord-cadre avec Orange Business')."""
    doc, i = scene.doc, start
    while i < min(scene.sent.end, start + reach):
        org = next((o for o in scene.ents if o.label_ == "ORG" and o.start == i), None)
        if org is not None:
            return org
        t = doc[i]
        if not (t.is_lower and (t.pos_ in ("DET", "NOUN", "ADJ") or t.lower_ in scene.words["of_words"])):
            break
        i += 1
    stop = scene.words["nationalities"] | scene.words["subject_refs"]
    return named_at(doc, i, scene.ents, stop)


def _partnership_relative(scene: Scene) -> list[dict]:
    """'l'américain Y, avec lequel X a signé un accord': the partner is the company before the relative."""
    doc = scene.doc
    for t in doc[scene.sent.start : scene.trigger.start]:
        if t.lower_ != "avec" or t.i + 1 >= len(doc) or doc[t.i + 1].lower_ not in scene.words["relatives"]:
            continue
        before = [o for o in scene.before("ORG") if 0 <= t.i - o.end <= 1]
        if not before:
            return []
        partner = scene.name(before[-1])
        org = scene.company(exclude=(partner,))
        if org is None or org == partner or _told_from_the_other_side(scene, org, partner):
            return []
        return [{"kind": "partnership", "org": org, "partner": partner}]
    return []


def _partnership_pair(scene: Scene) -> list[dict]:
    """'X et le japonais Y s'associent', 'X et Y s'allient': the two companies of the subject."""
    doc = scene.doc
    clause = scene.clause_before()
    named = [o for o in scene.before("ORG") if o.start >= clause.start]
    if len(named) < 2:
        return []
    first, second = named[-2], named[-1]
    if first.start > scene.sent.start and doc[first.start - 1].text == ",":
        return []  # 'X, Y et Z s'allient': three or more, no one first company
    between = doc[first.end : second.start]
    kinds = scene.words["nationalities"]
    if (
        not between
        or between[0].lower_ != "et"
        or any(not (t.is_lower and (t.pos_ in ("DET", "ADJ") or t.lower_ in kinds)) for t in between[1:])
        or first.start > scene.sent.start
        and doc[first.start - 1].lower_ in scene.words["of_words"]
    ):
        return []  # 'X et le japonais Y', not 'les salariés de X et ceux de Y'
    if any(not t.is_lower or t.pos_ in ("VERB", "AUX") for t in doc[second.end : scene.trigger.start]):
        return []
    org, partner = scene.name(first), scene.name(second)
    return [] if org == partner else [{"kind": "partnership", "org": org, "partner": partner}]


def _entrusted(scene: Scene) -> list[dict]:
    """'X confiera la maintenance de ses rames à Y dans le cadre d'un contrat de cinq ans': the company
    entrusted, after 'à', is the partner of the one that entrusts it."""
    doc, i = scene.doc, scene.trigger.start
    if i < 4 or [t.lower_ for t in doc[i - 4 : i - 2]] != ["le", "cadre"]:
        return []  # only 'dans le cadre d'un contrat'
    verb = next((t for t in doc[scene.sent.start : i] if t.lower_ in scene.words["entrust_verbs"]), None)
    if verb is None:
        return []
    found = [
        o for o in scene.after("ORG", verb.i + 1) if o.end <= i and doc[o.start - 1].lower_ in ("à", "au")
    ]
    if not found:
        return []
    partner = scene.name(found[-1])
    before = [o for o in scene.before("ORG") if o.end <= verb.i and scene.name(o) != partner]
    org = scene.name(before[-1]) if before else scene.company(exclude=(partner,), passage=True)
    if org is None or org == partner:
        return []
    return [{"kind": "partnership", "org": org, "partner": partner}]


def _first_client(scene: Scene) -> list[dict]:
    """'Premier client : Y.', 'Premier client de poids, Y a commandé ...': the company the sentence
    names after the colon (or opening the clause after the comma) is a client of the passage's company."""
    doc, end = scene.doc, scene.trigger.end
    if not scene.trigger[0].lower_.startswith("premi") or end >= scene.sent.end:
        return []
    if doc[end].text != ":":
        comma = next((t.i for t in doc[end : min(scene.sent.end, end + 4)] if t.text == ","), None)
        if comma is None or scene.trigger.start != scene.sent.start:
            return []
        end = comma  # 'Premier client de poids, Y a commandé'
    found = _partner_after(scene, end + 1, reach=3)
    if found is None:
        return []
    partner = scene.name(found)
    org = scene.company(exclude=(partner,), passage=True)
    if org is None or org == partner:
        return []
    return [{"kind": "partnership", "org": org, "partner": partner}]
