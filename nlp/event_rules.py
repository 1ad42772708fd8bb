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

from nlp.event_clauses import clause_break, finite, object_break
from nlp.event_deals import acquisition_stake, partnership, partnership_noun
from nlp.event_mergers import merger
from nlp.event_people import appointment, departure, successor
from nlp.event_scene import THIRD_PERSON_POSSESSIVES, Scene
from nlp.event_shutdowns import shutdown, shutdown_passive
from nlp.naming import OPEN_QUOTES
from nlp.rules import breaks_line
from nlp.tokens import ents_of

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
    if not targets or object_break(scene, scene.trigger.end, targets[0].start):
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
    if money is None or money.start - scene.trigger.end > 12 and not _amount_of_subject(scene, money):
        return []
    if scene.trigger.text.lower() in _WEAK_FUNDING and not _obtained(scene, money):
        return []  # 'a obtenu un contrat de 5 M€': no money raised
    owner = _owner_after(scene, money)  # 'la levée de 160 M€ de la start-up X'
    org = scene.name(owner) if owner is not None else scene.company()
    org = _paragraph_lead(scene, money) or org
    giver = _giver(scene, org)
    if giver is not None:  # 'la BEI (apporte) un prêt de 20 M€': the lender, not the company raising
        passage = (scene.ctx.salient_org(scene.sent.start), scene.ctx.topic())
        org = next((o for o in passage if o and o != giver and not scene.is_authority(o)), None)
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


_WEAK_FUNDING = frozenset({"a obtenu", "obtient"})


def _paragraph_lead(scene: Scene, money: Span) -> str | None:
    """'Lumen, 11 M€. La jeune pousse ... lève 11 millions d'euros': a round-up's paragraph opening on a
    name and the amount, then telling the round; the name is the company raising, whatever the entity
    stage made of it (the company it names, or a run of capitalised words)."""
    doc = scene.doc
    start = scene.ctx.paragraph_start(scene.trigger.start)
    if start >= scene.sent.start:
        return None  # the lead is a sentence of its own before the round's
    end = start
    while end < min(start + 4, scene.sent.start) and doc[end].text[:1].isupper():
        end += 1
    if end == start or end >= scene.sent.start or doc[end].text != ",":
        return None
    lead = next((e for e in ents_of(doc) if e.label_ == "MONEY" and e.start == end + 1), None)
    if lead is None or lead.end > scene.sent.start:
        return None
    if (
        lead._.value is None
        or money._.value is None
        or abs(lead._.value - money._.value) > 1e-6 * money._.value
    ):
        return None
    run = doc[start:end]
    named = next((o for o in ents_of(doc) if o.label_ == "ORG" and o.text == run.text), None)
    return scene.name(named) if named is not None else run.text


def _giver(scene: Scene, org: str | None) -> str | None:
    """The company found is the one that gives the money: the subject of a verb of giving before the
    trigger ('L'Ademe lui accorde une aide de N', 'l'État apporte N et la BEI un prêt de M')."""
    named = [o for o in scene.before("ORG") if scene.name(o) == org]
    if not named:
        return None
    doc, giving = scene.doc, scene.words["giving_verbs"]
    last = named[-1]
    verbs = [t for t in doc[last.end : min(last.end + 4, scene.trigger.start)] if t.lower_ in giving]
    if any(last.root.head == t and last.root.dep_.startswith("nsubj") for t in verbs):
        return org  # 'L'Ademe lui accorde une aide de N' (not 'X, qui apporte des capteurs, lève N')
    # 'l'État apporte N et la BEI (BEI) un prêt de M': the verb told once for both
    between = [t for t in doc[last.end : scene.trigger.start] if not (t.is_punct or t.ent_type_ == "ORG")]
    told = any(t.lower_ in giving for t in doc[scene.sent.start : last.start])
    return org if told and len(between) == 1 and between[0].pos_ == "DET" else None


def _amount_of_subject(scene: Scene, money: Span) -> bool:
    """'Le tour de table, bouclé auprès de A, de B et de C, s'élève à N': a round opening the sentence,
    its amount told by a verb of amount after an aside, however long the list of investors."""
    doc = scene.doc
    if scene.trigger.start - scene.sent.start > 2 or scene.trigger.end >= scene.sent.end:
        return False
    if doc[scene.trigger.end].text != ",":
        return False
    verbs = [t for t in doc[max(scene.trigger.end, money.start - 3) : money.start]]
    return any(t.lower_ in scene.words["amount_verbs"] for t in verbs)


def _obtained(scene: Scene, money: Span) -> bool:
    """'a obtenu 2 millions d'euros auprès du réseau A': the amount is the verb's object, from investors."""
    between = scene.doc[scene.trigger.end : money.start]
    after = {t.lower_ for t in scene.doc[money.end : min(scene.sent.end, money.end + 3)]}
    return len(between) <= 1 and not any(t.pos_ == "NOUN" for t in between) and "auprès" in after


def _owner_after(scene: Scene, money: Span) -> Span | None:
    """The company named right after the amount with 'de': 'de 90 M€ de SiPearl', 'de la start-up X'."""
    if scene.trigger[0].pos_ == "VERB" or scene.trigger[0].lower_ == "prêt":
        return None  # 'un prêt de 18 M€ de la BEI': the lender
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
    """'X lance / dévoile (son premier produit, le module) P': the first product after the trigger; an
    aside between commas right after it ('a dévoilé mardi, lors du salon S, sa bague P') is skipped."""
    if scene.trigger.root.pos_ == "NOUN" and set(scene.words_before(3)) & scene.words["steering_verbs"]:
        return []  # 'où elle a piloté le lancement du P': a career told, not the company's launch
    start = _past_aside(scene, scene.trigger.end)
    products = [p for p in scene.after("PRODUCT", start) if p.start - start <= reach]
    if not products:
        products = _after_object_colon(scene, start)
    if not products and _passive(scene):
        return launch_arrival(scene)  # 'Baptisée P, la puce a été officiellement lancée'
    if not products and commas:
        products = [p for p in [_unnamed_product(scene)] if p is not None]
    if not products:
        return _named_next(scene, start)
    if _object_broken(scene, products[0], commas):
        return []
    product = _named_one(scene, products) or products[0]
    if any(t.lower_ in scene.words["ending_nouns"] for t in scene.doc[scene.trigger.end : product.start]):
        return []  # 'annonce l'arrêt de son service P': the end of P, not its launch
    org = scene.company() or product._.maker
    if not org:
        return []
    named = _product_name(scene, product) if product.label_ else product.text  # a run no entity covers
    listed = [_product_name(scene, p) for p in _listed(scene, product)]
    return [{"kind": "launch", "org": org, "product": name} for name in dict.fromkeys([named, *listed])]


_CLITICS = frozenset({"s'", "s’", "se"})
_MAX_NAMED_NEXT = 4


def _named_next(scene: Scene, start: int) -> list[dict]:
    """'X a présenté jeudi ses nouveaux ordinateurs portables. Au menu : un ultraportable, le P1, et une
    machine pour créateurs, le P2.': a launch whose object is the company's own product noun, named in
    no product, launches the products the next sentence names (none made by another company, no verb
    of their own before them)."""
    doc = scene.doc
    obj = doc[start : min(scene.sent.end, start + 6)]
    owned = [
        t
        for t in obj
        if t.lower_ in THIRD_PERSON_POSSESSIVES
        and any(w.lower_ in scene.words["product_heads"] for w in doc[t.i + 1 : min(t.i + 4, scene.sent.end)])
    ]
    if (
        not owned
        or scene.sent.end >= len(doc)
        or any(breaks_line(t) for t in doc[scene.sent.end - 1 : scene.sent.end + 1])
    ):
        return []
    nxt_end = scene.ctx.sentence_end(scene.sent.end)
    nxt = [e for e in ents_of(doc) if scene.sent.end <= e.start < nxt_end]
    products = [e for e in nxt if e.label_ == "PRODUCT"]
    makers = {p._.maker for p in products if p._.maker}
    named = {scene.name(o) for o in scene.before("ORG")}
    # the maker of the products, when the sentence names it before the trigger, else its subject
    # or the company whose name the products bear ('Veltra Book 14 Air')
    bearing = [n for n in named if n and all(p.text.startswith(n + " ") for p in products)]
    org = makers.pop() if len(makers) == 1 and makers <= named else (bearing or [scene.company()])[0]
    if not org:
        return []
    products = [p for p in products if p._.maker in (None, org)]
    if not products or any(e.label_ == "ORG" and e.start < products[0].start for e in nxt):
        return []
    if any(finite(t) for t in doc[scene.sent.end : products[0].start]):
        return []  # 'Le premier, P1, ...': a clause of its own
    names = dict.fromkeys(_product_name(scene, p) for p in products[:_MAX_NAMED_NEXT])
    return [{"kind": "launch", "org": org, "product": name} for name in names if name]


def _product_name(scene: Scene, product: Span) -> str | None:
    """The product launched as written when it is a version of the line its canonical name says
    ('Windows 10', 'Android One' for 'Windows', 'Android'): the version is what comes out."""
    found = scene.name(product)
    return product.text if found and product.text.startswith(found + " ") else found


def _listed(scene: Scene, product: Span) -> list[Span]:
    """'dévoile P1 et P2', ': l'P1, l'P2 et l'P3': the products listed right after the first one."""
    found, end = [], product.end
    for p in scene.after("PRODUCT", product.end):
        gap = [t.lower_ for t in scene.doc[end : p.start]]
        if not gap or gap[0] not in (",", "et") or not set(gap) <= scene.words["list_joints"]:
            break
        if p.end < scene.sent.end and (finite(scene.doc[p.end]) or scene.doc[p.end].lower_ in _CLITICS):
            break  # 'lance P et Q s'en inquiète': Q is the subject of another clause
        found.append(p)
        end = p.end
    return found


def _after_object_colon(scene: Scene, start: int) -> list[Span]:
    """'a officialisé ses deux nouveaux smartphones pour le marché européen : l'P1 et l'P2': the product
    named right after a colon that closes the object, a phrase with a product word and no verb."""
    doc = scene.doc
    for t in doc[start : min(scene.sent.end, start + _OBJECT_REACH)]:
        if t.text == ":":
            break
        if finite(t) or t.is_punct:
            return []
    else:
        return []
    if not _names_a_product(scene, start, t.i):
        return []
    products = scene.after("PRODUCT", t.i + 1)
    first = (
        t.i + 2
        if t.i + 1 < len(doc) and doc[t.i + 1].lower_ in scene.words["object_determiners"]
        else t.i + 1
    )
    return products[:1] if products and products[0].start == first else []


_OBJECT_REACH = 12


def _names_a_product(scene: Scene, start: int, end: int) -> bool:
    """A product word in the object ('ses deux nouveaux smartphones'), the name after the colon its own."""
    return any(t.lower_ in scene.words["product_heads"] for t in scene.doc[start:end])


_MAX_ASIDE = 10


def _past_aside(scene: Scene, start: int) -> int:
    """The token after a time word and an aside between commas that open the object ('mardi, à
    l'occasion du salon S,'); start itself when the object follows (an aside holds no verb nor a
    product, and is closed by a second comma)."""
    doc, i = scene.doc, start
    if i < scene.sent.end and doc[i].lower_ in scene.words["launch_asides"]:
        i += 1
    if i >= scene.sent.end or doc[i].text != ",":
        return start
    for t in doc[i + 1 : min(scene.sent.end, i + 1 + _MAX_ASIDE)]:
        if t.text == ",":
            return t.i + 1 if t.i > i + 1 else start
        if finite(t) or t.is_punct or t.ent_type_ == "PRODUCT":
            return start
    return start


def _object_broken(scene: Scene, product: Span, commas: bool) -> bool:
    """A clause between the trigger and the product; a name given after a colon closes the object
    ('lance une offre destinée aux transporteurs : P, une station ...'), a participle inside it no verb."""
    start, before = _past_aside(scene, scene.trigger.end), product.start - 1
    doc = scene.doc
    colon = before - 1 if doc[before].lower_ in scene.words["object_determiners"] else before
    if colon > start and doc[colon].text == ":" and (commas or _names_a_product(scene, start, colon)):
        return any(finite(t) or (t.is_punct and t.text != ",") for t in doc[start:colon])
    # the participle 'baptisée' before the name is no clause of its own, nor the quote opening it
    named_by = (
        before
        if scene.doc[before].lower_ in _NAMING or scene.doc[before].text in OPEN_QUOTES
        else product.start
    )
    if start < named_by and scene.doc[start].lower_ in scene.words["object_determiners"]:
        # 'sa bague connectée P', 'sa montre P': the words of the object's noun phrase, whatever their
        # tag (a noun the tagger read as a verb right after a determiner, a participle), are no clause
        return any(
            (finite(t) and scene.doc[t.i - 1].lower_ not in scene.words["object_determiners"])
            or (t.is_punct and not (commas and _apposition_comma(scene, t)))
            for t in scene.doc[start + 1 : named_by]
        )
    return clause_break(scene, start, named_by, commas)


def _apposition_comma(scene: Scene, token) -> bool:
    """A comma that opens an apposition naming the object ('son premier produit, le module P')."""
    nxt = scene.doc[token.i + 1] if token.i + 1 < len(scene.doc) else None
    return token.text == "," and nxt is not None and nxt.lower_ in scene.words["object_determiners"]


_NAMING = frozenset(
    {"baptisé", "baptisée", "baptisés", "baptisées", "dénommé", "dénommée", "appelé", "appelée"}
)


def _named_one(scene: Scene, products: list[Span]) -> Span | None:
    """'une offre de calcul GPU baptisée P': the product the sentence names, not a word of its
    description the entity stage also took for one."""
    for product in products[1:]:
        if product.start > 0 and scene.doc[product.start - 1].lower_ in _NAMING:
            if not clause_break(scene, products[0].end, product.start - 1):
                return product
    return None


def _unnamed_product(scene: Scene) -> Span | None:
    """A product the entity stage missed, named where the sentence introduces a name: after
    'baptisé(e)', a colon or a comma following the object ('dévoile une version plus puissante,
    Orvo-2 Pro, réservée ...', 'lance une offre : Gazéo, une station ...'); a capitalised run that
    no company, person or place covers."""
    doc = scene.doc
    stop = min(scene.sent.end, scene.trigger.end + 12)
    for t in doc[scene.trigger.end : stop - 1]:
        if finite(t) or t.text in (";", "«", "("):
            return None
        nxt = doc[t.i + 1]
        if not (t.lower_ in _NAMING or t.text in (":", ",")) or not nxt.text[:1].isupper():
            continue
        if t.text == "," and t.i == scene.trigger.end:
            return None
        end = nxt.i
        while end < scene.sent.end and end - nxt.i < 8 and _name_piece(doc[end], end == nxt.i):
            end += 1
        while end > nxt.i + 1 and doc[end - 1].text in ("-", "'", "’"):
            end -= 1
        run = doc[nxt.i : end]
        if any(e.label_ != "PRODUCT" and e.start < run.end and run.start < e.end for e in scene.ents):
            return None
        return run
    return None


def _name_piece(token, first: bool) -> bool:
    """A word of a product's name: capitalised, or with a digit ('70B-Instruct'), or a hyphen or an
    apostrophe inside one ('Gwenn'Gaz')."""
    text = token.text
    if first:
        return text[:1].isupper()
    glued = not token.doc[token.i - 1].whitespace_
    return text[:1].isupper() or any(c.isdigit() for c in text) or glued and text in ("-", "'", "’")


def launch_announce(scene: Scene) -> list[dict]:
    """'X annonce / présente (son smartphone) P': a word of many uses, so the product must be its object."""
    return launch(scene, reach=6, commas=False)


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
    return [{"kind": "launch", "org": org, "product": _product_name(scene, product)}] if org else []


def _in_passive_subject(scene: Scene) -> list[Span]:
    """'Le premier d'entre eux, baptisé P, a été dévoilé ...': the product named in the subject of a
    passive participle, however long the subject, or by a naming participle that opens the sentence
    ('Baptisée P, la puce a été officiellement lancée')."""
    if not scene.trigger.text.lower().startswith(("a été", "ont été", "est ")) and not _passive(scene):
        return []
    opening = scene.doc[scene.sent.start]
    if opening.lower_ in _NAMING:
        named = [p for p in scene.before("PRODUCT") if p.start == opening.i + 1]
        if named:
            return named
    subjects = [c for c in scene.trigger.root.children if c.dep_ in ("nsubj:pass", "nsubj")]
    if not subjects:
        return []
    lo, hi = subjects[0].left_edge.i, subjects[0].right_edge.i
    return [p for p in scene.before("PRODUCT") if lo <= p.start and p.end - 1 <= hi]


_PASSIVE_AUX = frozenset({"été", "est", "sont", "sera", "seront"})


def _passive(scene: Scene) -> bool:
    """A participle trigger after a passive auxiliary, an adverb between ('a été officiellement lancée')."""
    trigger = scene.trigger
    if len(trigger) != 1 or not trigger.text.lower().endswith(("é", "ée", "és", "ées")):
        return False
    i = trigger.start - 1
    while i > scene.sent.start and scene.doc[i].pos_ == "ADV":
        i -= 1
    return i < trigger.start - 1 and scene.doc[i].lower_ in _PASSIVE_AUX


def results(scene: Scene) -> list[dict]:
    """'X a réalisé un chiffre d'affaires de N au premier trimestre': the amount and the period.
    A target ('vise un chiffre d'affaires de N d'ici 2027') is no result."""
    after = {t.lower_ for t in scene.doc[scene.trigger.end : min(scene.sent.end, scene.trigger.end + 4)]}
    clause = {t.lower_ for t in scene.clause_before()}
    if (set(scene.words_before(4)) | clause | after) & scene.words["forecasts"]:
        return []  # 'Il prévoit l'atteinte d'un chiffre d'affaires de N'
    if clause & scene.words["size_verbs"]:
        return []  # 'X, qui pèse 40 M€ de chiffre d'affaires, ...': a size told in passing
    if clause & scene.words["growth_verbs"] and clause & scene.words["helping_verbs"]:
        return []  # 'il a contribué à porter le chiffre d'affaires de 12 à 95 M€': a career told
    # 'une perte de 22 M€, pour un chiffre d'affaires de 168 M€': the revenue is the figure
    money = _revenue_told(scene) if scene.trigger.text.lower() not in scene.words["revenue"] else None
    after = [m for m in scene.after("MONEY") if m.start - scene.trigger.end <= 10]
    # '177 millions de dollars de bénéfices': the amount just before the noun
    just_before = [m for m in scene.before("MONEY") if scene.trigger.start - m.end <= 2]
    money = money or (just_before[-1] if just_before else (after[0] if after else None))
    if money is None:
        return []
    owner = _owner_of_noun(scene)  # 'le chiffre d'affaires de Kaptel a reculé ... à 410 M€'
    org = scene.name(owner) if owner is not None else scene.company()
    if org is None:
        return []
    event = {"kind": "results", "org": org, "amount": _amount(money)}
    period = _PERIOD.search(scene.sent.text)
    if period:
        event["period"] = period.group(0).strip()
    return [event]


def _owner_of_noun(scene: Scene) -> Span | None:
    """The company right after a noun trigger with 'de': 'le chiffre d'affaires de X', 'les ventes du
    groupe X' (one common noun between at most)."""
    if scene.trigger.root.pos_ != "NOUN":
        return None
    doc, i = scene.doc, scene.trigger.end
    if i >= scene.sent.end or doc[i].lower_ not in ("de", "d'", "d’", "du"):
        return None
    found = [o for o in scene.after("ORG", i + 1) if o.start - i <= 2]
    if not found or any(not (t.is_lower and t.pos_ == "NOUN") for t in doc[i + 1 : found[0].start]):
        return None
    return None if scene.is_authority(scene.name(found[0])) else found[0]


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


def layoffs(scene: Scene) -> list[dict]:
    """'la suppression de 5 000 postes', 'un plan social', 'X va licencier 300 salariés'."""
    subjects = [c for c in scene.trigger.root.children if c.dep_.startswith("nsubj")]
    lo = min([scene.trigger.start - 4] + [c.left_edge.i for c in subjects if c.i < scene.trigger.start])
    # 'Les 140 salariés, répartis entre A et B, seront licenciés': the count is the subject's
    tail = scene.doc[max(scene.sent.start, lo) : scene.sent.end].text
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
    ("acquisition", "stake"): acquisition_stake,
    ("funding", "active"): funding,
    ("appointment", "person"): appointment,
    ("appointment", "successor"): successor,
    ("departure", "person"): departure,
    ("launch", "active"): launch,
    ("launch", "arrival"): launch_arrival,
    ("launch", "announce"): launch_announce,
    ("shutdown", "active"): shutdown,
    ("shutdown", "passive"): shutdown_passive,
    ("results", "amount"): results,
    ("partnership", "active"): partnership,
    ("partnership", "noun"): partnership_noun,
    ("layoffs", "count"): layoffs,
    ("legal", "authority"): legal,
}
