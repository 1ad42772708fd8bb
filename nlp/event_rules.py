"""The sentence shapes of business events, one small rule per (kind, shape) of nlp/patterns/events.jsonl.

Each rule gets the Scene of one trigger word and returns the events it reads there (a list of dicts
with "kind", "org" and the kind's attributes), or nothing: a rule that cannot find the company or
the attribute that makes the event (the target of a purchase, the amount raised, the product
launched...) passes rather than guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span

from nlp.event_mergers import merger
from nlp.event_names import named_at
from nlp.event_people import appointment, departure
from nlp.event_scene import Scene

Rule = Callable[[Scene], list[dict]]

_NUMBER = r"(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)"
_PERIOD = re.compile(
    r"((?:au |du |sur le |pour le |le )?(?:premier|deuxième|second|troisième|quatrième|dernier) "
    r"(?:trimestre|semestre)(?: de (?:son|l'|l’)?\s?(?:exercice|année) ?)?(?:fiscal )?(?:\d{4}(?:-\d{4})?)?"
    r"|(?:les |des )?(?:neuf|six|trois|douze) premiers mois(?: de l[’']année| de (?:son )?l?[’']?exercice)?(?: \d{4})?"
    r"|(?:sur l[’']|de l[’']|pour l[’'])exercice(?: fiscal)? \d{4}(?:-\d{4})?"
    r"|(?:en|pour|sur) \d{4}"
    r"|l[’']an (?:passé|dernier)|l[’']année (?:passée|dernière))",
    re.IGNORECASE,
)


def _amount(span: Span | None) -> dict | None:
    if span is None or span._.value is None:
        return None
    return {"value": float(span._.value), "currency": span._.currency}


def _first_amount_after(scene: Scene) -> Span | None:
    after = [m for m in scene.after("MONEY") if not _is_part(scene, m)]
    return after[0] if after else None


def _is_part(scene: Scene, money: Span) -> bool:
    """'23,5 M€ dont 11 M€ auprès de Bpifrance': the amount after 'dont' is a part, not the total."""
    return money.start > 0 and scene.doc[money.start - 1].lower_ in ("dont", "soit")


def acquisition_active(scene: Scene) -> list[dict]:
    """'X rachète Y (pour N)', 'X se porte acquéreur de Y', 'le rachat de Y par X'; a participle with
    its agent is passive ('Y, racheté en 2019 par le fonds X'). The target is the trigger's object: a
    company named after a comma or a verb belongs to another clause."""
    agent = _agent_after(scene, scene.trigger.end, 5)
    if agent is not None and scene.trigger.text.lower().endswith(("é", "ée", "és", "ées", "is", "ise")):
        subject = scene.verb_subject()
        before = scene.before("ORG")
        target = subject if isinstance(subject, Span) else (before[-1] if before else None)
        if target is None or scene.name(target) == scene.name(agent):
            return []
        return [_acquisition(scene, scene.name(agent), target)]
    targets = [o for o in scene.after("ORG") if o.start - scene.trigger.end <= 10]
    if not targets or _object_break(scene, scene.trigger.end, targets[0].start):
        return []
    target = targets[0]
    if _owned_by(scene, scene.trigger.end, target.start) and any(
        e["kind"] == "acquisition" for e in scene.earlier
    ):
        return []  # 'X rachète Z. ... met la main sur la filiale de Y': Z told again, Y is its owner
    agent = _agent_after(scene, target.end, scene.sent.end - target.end)  # 'le rachat de Y par X'
    buyer = scene.name(agent) if agent is not None else None
    org = buyer or scene.company(exclude=(scene.name(target),))
    if org is None or org == scene.name(target):
        return []
    return [_acquisition(scene, org, target)]


def _acquisition(scene: Scene, org: str, target: Span) -> dict:
    event = {"kind": "acquisition", "org": org, "target": scene.name(target)}
    money = _first_amount_after(scene)
    if money is not None:
        event["amount"] = _amount(money)
    stake = scene.after("PERCENT")
    if stake and scene.trigger.end <= stake[0].start < target.start:
        event["stake"] = stake[0]._.value
    return event


def _owned_by(scene: Scene, start: int, end: int) -> bool:
    """A common noun then 'de' just before the company: the object is that noun ('la filiale de Y',
    'les activités cloud de Y'); a stake ('70 % de Y') is still a stake in Y."""
    words = list(scene.doc[start:end])
    if len(words) < 2 or words[-1].lower_ not in ("de", "d'", "d’", "du"):
        return False
    i = len(words) - 2
    while i > 0 and words[i].pos_ == "ADJ":  # 'les activités cloud d'Atos'
        i -= 1
    return words[i].pos_ == "NOUN" and words[i].is_lower


def _agent_after(scene: Scene, start: int, reach: int) -> Span | None:
    """The company after the first 'par' from token start on ('par X', 'par le fonds X')."""
    for t in scene.doc[start : min(scene.sent.end, start + reach)]:
        if t.lower_ == "par":
            found = [o for o in scene.after("ORG", t.i + 1) if o.start - t.i <= 3]
            return found[0] if found else None
    return None


def _object_break(scene: Scene, start: int, end: int) -> bool:
    return any(t.text in _CLAUSE_MARKS or t.pos_ == "VERB" for t in scene.doc[start:end])


def _finite(token) -> bool:
    """A verb that opens a clause: not a past participle ('signé', the tagger's 'Part' checked by the
    ending, as it also tags 'recrute' so)."""
    participle = "Part" in token.morph.get("VerbForm") and token.lower_.endswith(_PARTICIPLE_ENDINGS)
    return token.pos_ in ("VERB", "AUX") and not participle


_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "it", "ite")


_POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos"})
_CLAUSE_MARKS = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "«", "»"})


def acquisition_passive(scene: Scene) -> list[dict]:
    """'Y, racheté par X', 'Y passe sous le contrôle de X'."""
    targets, buyers = scene.before("ORG"), scene.after("ORG")
    if not targets or not buyers or buyers[0].start > scene.trigger.end + 2:
        return []
    event = {"kind": "acquisition", "org": scene.name(buyers[0]), "target": scene.name(targets[-1])}
    money = _first_amount_after(scene)
    if money is not None:
        event["amount"] = _amount(money)
    return [event]


def funding(scene: Scene) -> list[dict]:
    """'X lève N auprès de A et B', 'une levée de fonds de N', 'X boucle un tour de table de N'."""
    money = _first_amount_after(scene)
    if money is None or money.start - scene.trigger.end > 12:
        return []
    owner = _owner_after(scene, money)  # 'la levée de 160 M€ de la start-up X'
    org = scene.name(owner) if owner is not None else scene.company()
    if org is None:
        return []
    event = {"kind": "funding", "org": org, "amount": _amount(money)}
    investors = [
        scene.name(o)
        for o in scene.after("ORG", money.end)
        if scene.name(o) != org and _cued(scene, money, o)
    ]
    if investors:
        event["investors"] = list(dict.fromkeys(investors))
    return [event]


def _owner_after(scene: Scene, money: Span) -> Span | None:
    """The company named right after the amount with 'de': 'de 90 M€ de SiPearl', 'de la start-up X'."""
    if scene.trigger[0].pos_ == "VERB":
        return None
    for org in scene.after("ORG", money.end):
        between = [t.lower_ for t in scene.doc[money.end : org.start]]
        if between and between[0] in ("de", "du", "d'", "d’") and len(between) <= 4:
            return org
        return None
    return None


def _cued(scene: Scene, money: Span, org: Span) -> bool:
    between = {t.lower_ for t in scene.doc[money.end : org.start]}
    return bool(between & scene.words["investor_cues"])


def launch(scene: Scene, reach: int = 10, commas: bool = True) -> list[dict]:
    """'X lance / dévoile (son premier produit, le module) P': the first product after the trigger."""
    products = [p for p in scene.after("PRODUCT") if p.start - scene.trigger.end <= reach]
    if not products or _clause_break(scene, scene.trigger.end, products[0].start, commas):
        return []
    product = products[0]
    if any(t.lower_ in scene.words["ending_nouns"] for t in scene.doc[scene.trigger.end : product.start]):
        return []  # 'annonce l'arrêt de son service P': the end of P, not its launch
    org = scene.company() or product._.maker
    return [{"kind": "launch", "org": org, "product": scene.name(product)}] if org else []


def launch_announce(scene: Scene) -> list[dict]:
    """'X annonce / présente (son smartphone) P': a word of many uses, so the product must be its object."""
    return launch(scene, reach=6, commas=False)


def _clause_break(scene: Scene, start: int, end: int, commas: bool = False) -> bool:
    """A verb or a punctuation mark between the trigger and its object: the object belongs elsewhere
    (an apposition after a comma may be allowed: 'son premier produit, le module P')."""
    return any(
        t.pos_ in ("VERB", "AUX") or (t.is_punct and not (commas and t.text == ","))
        for t in scene.doc[start:end]
    )


def launch_arrival(scene: Scene) -> list[dict]:
    """'P débarque en Europe', 'P sera disponible': the product named before the trigger."""
    products = [p for p in scene.before("PRODUCT") if scene.trigger.start - p.end <= 4]
    if not products:
        products = _in_passive_subject(scene)
    if not products:
        return []
    product = products[-1]
    makers = [o for o in scene.before("ORG") if o.end <= product.start]
    org = (
        product._.maker
        or (scene.name(makers[-1]) if makers else None)
        or scene.ctx.salient_org(product.start)
    )
    return [{"kind": "launch", "org": org, "product": scene.name(product)}] if org else []


def _in_passive_subject(scene: Scene) -> list[Span]:
    """'Le premier d'entre eux, baptisé P, a été dévoilé ...': the product named in the subject of a
    passive participle, however long the subject."""
    if not scene.trigger.text.lower().startswith(("a été", "ont été", "est ")):
        return []
    subjects = [c for c in scene.trigger.root.children if c.dep_ in ("nsubj:pass", "nsubj")]
    if not subjects:
        return []
    lo, hi = subjects[0].left_edge.i, subjects[0].right_edge.i
    return [p for p in scene.before("PRODUCT") if lo <= p.start and p.end - 1 <= hi]


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
        or p.start - scene.trigger.end <= 10
        and not _clause_break(scene, scene.trigger.end, p.start)
    ]  # 'arrêtera à la fin de 2026 la commercialisation de P'
    if products:
        return [{"kind": "shutdown", "org": org, "product": scene.name(products[0])}]
    thing = _object_words(scene, owner.start - 1 if owner is not None else None)
    if thing.split(" ", 1)[-1].split(" ")[0].lower() in scene.words["plans"]:
        return []  # 'l'abandon de son projet de rapprochement': a plan given up, no product ended
    return [{"kind": "shutdown", "org": org, "product": thing}] if len(thing) > 3 else []


def _shut_owner(scene: Scene) -> Span | None:
    """'la fermeture du bureau grenoblois d'X': after a noun trigger, the company owning the object."""
    if scene.trigger.root.pos_ != "NOUN":
        return None
    for org in scene.after("ORG"):
        if org.start - scene.trigger.end > 8 or _clause_break(scene, scene.trigger.end, org.start):
            return None
        if scene.doc[org.start - 1].lower_ in scene.words["of_words"] and org.start - scene.trigger.end > 2:
            return org
    return None


def _object_words(scene: Scene, end: int | None = None) -> str:
    """The words of the object after the trigger ('(enfin) sa gamme de téléphones de bureau'), up to
    a verb, a punctuation mark, 8 words or ``end``; adverbs before it and a dangling preposition left out."""
    tokens = []
    stop = min(scene.sent.end, scene.trigger.end + 10, end if end is not None else len(scene.doc))
    for t in scene.doc[scene.trigger.end : stop]:
        if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ") or len(tokens) == 8:
            break
        if tokens and t.pos_ == "ADP" and t.lower_ not in ("de", "d'", "d’", "du", "des"):
            break  # 'sa gamme de téléphones | pour les PME
        if (
            tokens
            and t.lower_ in ("d'", "d’")
            and t.i + 1 < len(scene.doc)
            and scene.doc[t.i + 1].lower_ == "ici"
        ):
            break  # 'son réseau cuivre | d'ici 2030'
        if tokens or (t.pos_ != "ADV" and t.lower_ not in ("de", "d'", "d’", "du", "des")):
            tokens.append(t)  # 'la fermeture | de | sa filiale': the preposition after a noun trigger
    while tokens and tokens[-1].pos_ in ("ADP", "DET", "CCONJ"):
        tokens.pop()
    return "".join(t.text_with_ws for t in tokens).strip()


def results(scene: Scene) -> list[dict]:
    """'X a réalisé un chiffre d'affaires de N au premier trimestre': the amount and the period.
    A target ('vise un chiffre d'affaires de N d'ici 2027') is no result."""
    after = {t.lower_ for t in scene.doc[scene.trigger.end : min(scene.sent.end, scene.trigger.end + 4)]}
    clause = {t.lower_ for t in scene.clause_before()}
    if (set(scene.words_before(4)) | clause | after) & scene.words["forecasts"]:
        return []  # 'Il prévoit l'atteinte d'un chiffre d'affaires de N'
    # 'une perte de 22 M€, pour un chiffre d'affaires de 168 M€': the revenue is the figure
    money = _revenue_told(scene) if scene.trigger.text.lower() not in scene.words["revenue"] else None
    after = [m for m in scene.after("MONEY") if m.start - scene.trigger.end <= 10]
    # '177 millions de dollars de bénéfices': the amount just before the noun
    just_before = [m for m in scene.before("MONEY") if scene.trigger.start - m.end <= 2]
    money = money or (just_before[-1] if just_before else (after[0] if after else None))
    if money is None:
        return []
    org = scene.company()
    if org is None:
        return []
    event = {"kind": "results", "org": org, "amount": _amount(money)}
    period = _PERIOD.search(scene.sent.text)
    if period:
        event["period"] = period.group(0).strip()
    return [event]


def _revenue_told(scene: Scene) -> Span | None:
    """The revenue's amount when the sentence gives one: that telling is the event's ('chiffre
    d'affaires en recul de 27 %, à 61 M€', '41 M€ de chiffre d'affaires')."""
    money = [m for m in scene.ents if m.label_ == "MONEY"]
    for t in scene.sent:
        if t.lower_ in scene.words["revenue_heads"]:
            found = [m for m in money if 0 < m.start - t.i <= 12] or [
                m for m in money if 0 < t.i - m.end + 1 <= 3
            ]
            if found:
                return found[0]
    return None


def partnership(scene: Scene) -> list[dict]:
    """'X noue un partenariat avec Y', 's'allie avec Y', 'un accord entre X et Y'."""
    partners = [o for o in scene.after("ORG") if o.start - scene.trigger.end <= 8]
    named = _partner_after(scene, scene.trigger.end) if scene.trigger[-1].lower_ == "avec" else None
    if named is not None:
        partners = [named]  # the name right after 'avec', whatever the entity stage made of it
    if not partners:
        return _partnership_relative(scene)
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


def _told_from_the_other_side(scene: Scene, org: str, partner: str) -> bool:
    """'Arval s'allie à Tilt' then 'le montant du partenariat avec Arval' (about Tilt): one agreement."""
    return any(
        e["kind"] == "partnership" and e["org"] == partner and e.get("partner") == org for e in scene.earlier
    )


def partnership_noun(scene: Scene) -> list[dict]:
    """'un partenariat de cinq ans signé avec Y', 'un contrat d'approvisionnement avec le chinois Y',
    'un accord-cadre avec le groupement Y': the agreement noun, then 'avec' and the partner, in one clause."""
    doc = scene.doc
    if scene.trigger.start > 0 and doc[scene.trigger.start - 1].lower_ in _POSSESSIVES:
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
        return _partnership_relative(scene)
    between = scene.doc[scene.trigger.end : with_.i] if with_ is not None else []
    if with_ is None or any(t.text in _CLAUSE_MARKS or _finite(t) for t in between):
        return []  # 'un partenariat (de cinq ans) signé avec Y': a participle is no new clause
    partners = [o for o in scene.after("ORG", with_.i + 1) if o.start - with_.i <= 4]
    if partners and _object_break(scene, with_.i + 1, partners[0].start):
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


def layoffs(scene: Scene) -> list[dict]:
    """'la suppression de 5 000 postes', 'un plan social', 'X va licencier 300 salariés'."""
    tail = scene.doc[max(scene.sent.start, scene.trigger.start - 4) : scene.sent.end].text
    jobs = "|".join(sorted(scene.words["job_words"], key=len, reverse=True))
    found = re.search(_NUMBER + r"\s+(?:\w+\s+){0,2}?(?:" + jobs + r")\b", tail)
    strong = " " in scene.trigger.text or scene.trigger.text.lower().startswith("licenci")
    if found is None and not strong:
        return []
    alone = found is not None and not any(o.label_ == "ORG" for o in scene.ents)
    # 'un plan de sauvegarde de l'emploi (PSE)': the plan's acronym taken for a company is none
    plans = tuple(n for o in scene.ents if (n := scene.name(o)).lower() in scene.words["plan_acronyms"])
    org = scene.company(exclude=plans, passage=alone)  # 'Au total, 94 postes ...': the passage's company
    if org is None or org.lower() in scene.words["unions"]:
        return []  # 'la CGT dénonce la suppression de 300 postes': the union does not cut the jobs
    event = {"kind": "layoffs", "org": org}
    if found:
        event["count"] = int(re.sub(r"\D", "", found.group(1)))
    return [event]


def legal(scene: Scene) -> list[dict]:
    """'l'Autorité de la concurrence inflige 150 M€ d'amende à X', 'X condamné par le tribunal'."""
    orgs = [o for o in scene.ents if o.label_ == "ORG"]
    authorities = [o for o in orgs if scene.is_authority(scene.name(o))]
    companies = [o for o in orgs if o not in authorities and abs(o.start - scene.trigger.start) <= 10]
    money = [m for m in scene.ents if m.label_ == "MONEY"]
    if not authorities and not money:
        return _suit(scene)
    aimed = [o for o in companies if scene.doc[o.start - 1].lower_ in _AIMED_AT]  # 'à X', 'contre X'
    if aimed or companies:
        org = scene.name((aimed or sorted(companies, key=lambda o: abs(o.start - scene.trigger.start)))[0])
    else:
        org = scene.company()
    if org is None or scene.is_authority(org):
        return []  # the authority itself is not the company concerned
    event = {"kind": "legal", "org": org}
    if money:
        event["amount"] = _amount(money[0])
    if authorities:
        event["authority"] = scene.name(authorities[0])
    return [event]


_AIMED_AT = frozenset({"à", "contre", "de", "encontre"})


def _suit(scene: Scene) -> list[dict]:
    """'L'association A a assigné X devant le tribunal', 'A poursuit X': X is the company concerned, the
    subject that sues it the counterparty."""
    if not scene.trigger.text.lower().startswith(("assign", "poursui")):
        return []
    plaintiff = scene.verb_subject()
    if not isinstance(
        plaintiff, Span
    ):  # 'L'association de consommateurs A a assigné X': the clause's company
        clause = scene.clause_before()
        named = [o for o in scene.before("ORG") if o.start >= clause.start]
        plaintiff = named[-1] if named else None
    sued = [o for o in scene.after("ORG") if o.start - scene.trigger.end <= 3]
    if plaintiff is None or not sued or scene.name(sued[0]) == scene.name(plaintiff):
        return []
    return [{"kind": "legal", "org": scene.name(sued[0]), "counterparty": scene.name(plaintiff)}]


RULES: dict[tuple[str, str], Rule] = {
    ("acquisition", "active"): acquisition_active,
    ("acquisition", "passive"): acquisition_passive,
    ("acquisition", "merger"): merger,
    ("funding", "active"): funding,
    ("appointment", "person"): appointment,
    ("departure", "person"): departure,
    ("launch", "active"): launch,
    ("launch", "arrival"): launch_arrival,
    ("launch", "announce"): launch_announce,
    ("shutdown", "active"): shutdown,
    ("results", "amount"): results,
    ("partnership", "active"): partnership,
    ("partnership", "noun"): partnership_noun,
    ("layoffs", "count"): layoffs,
    ("legal", "authority"): legal,
}
