"""The person rules of the business events: appointments and departures (nlp/patterns/events.jsonl,
shapes "person"), read from the roles veille_roles found and from the title a verb governs."""

from __future__ import annotations

from spacy.tokens import Span

from nlp.event_scene import Scene


def appointment(scene: Scene) -> list[dict]:
    """A role in a sentence saying nommé / rejoint / succède / prend la tête: the person's appointment
    (and the departure of a predecessor the role finder marked as former). People named after
    'succède à' or 'en remplacement de' are the ones leaving: the departure rule reads them."""
    if _sought(scene):
        return []
    titled = titled_appointment(scene)
    if titled is not None:
        return [titled]
    lowered = scene.trigger.text.lower()
    if lowered in scene.words["title_verbs"] and lowered not in scene.words["joining_verbs"]:
        return []  # 'cela devient une activité rentable', 'voit dans cette arrivée': no title, no move
    leaving = scene.doc[scene.replacement_start()].idx if scene.replacement_start() < len(scene.doc) else None
    roles = [r for r in _roles_in(scene) if leaving is None or r["start"] < leaving]
    events = []
    for person in dict.fromkeys(r["person"] for r in roles):
        own = [r for r in roles if r["person"] == person]
        current = [r for r in own if not r.get("former")]
        if not current and leaving is None and _takes_interim(scene):
            # 'l'intérim sera assuré par X, jusqu'ici directeur financier': X takes the interim
            org = _appointing_org(scene, own[0]["org"])
            events.append(_person_event("appointment", org, person, "intérim", None))
            continue
        if not current and leaving is None:
            role = own[0]  # 'X, ancien PDG de Y, quitte ...' told with an appointment word elsewhere
            events.append(
                _person_event("departure", role["org"], person, role.get("title"), role.get("role"))
            )
            continue
        role = (current or own)[0]
        title, code = (role.get("title"), role.get("role")) if current else (None, None)
        events.append(_person_event("appointment", _appointing_org(scene, role["org"]), person, title, code))
    if events:
        return events
    staying = [p for p in scene.ents if p.label_ == "PERSON" and p.start < scene.replacement_start()]
    if not staying:
        return []
    person = min(staying, key=lambda p: abs(p.start - scene.trigger.start))
    after = [o for o in scene.after("ORG") if o.start - scene.trigger.end <= 6]
    org = scene.name(after[0]) if after else scene.company() or _org_of(scene, scene.name(person))
    return [_person_event("appointment", org, scene.name(person), None, None)] if org else []


def _sought(scene: Scene) -> bool:
    """'la recherche d'un nouveau patron', 'cherche une nouvelle directrice': a post to fill, no one named."""
    return scene.trigger[0].lower_ in _NEW and bool(set(scene.words_before(3)) & scene.words["search_words"])


_NEW = frozenset({"nouveau", "nouvelle", "nouvel"})


def _takes_interim(scene: Scene) -> bool:
    """'l'intérim sera assuré par X', 'X assure l'intérim': an interim taken now, not one told of the
    past ('l'intérim qu'il avait assuré en 2019')."""
    words = {t.lower_ for t in scene.sent}
    return (
        scene.trigger.text.lower() == "intérim"
        and any(w.startswith("assur") for w in words)
        and not words & {"avait", "avaient"}
    )


def titled_appointment(scene: Scene) -> dict | None:
    """'X, jusqu'ici directrice financière de Y, est nommée directrice générale': the title is what the
    verb governs ('nommé T', 'devient T', 'recrute X comme T'), and so is the company ('T de Z', else
    the company of the passage); the roles told around the person (ex-, jusqu'ici, ancien) are past."""
    trigger = scene.trigger
    if trigger.text.lower() not in scene.words["title_verbs"]:
        return None
    seat = _board_seat(scene)
    if seat is not None:
        return seat
    start, org = trigger.end, None
    joined = _joined_company(scene)
    if joined is not None:  # 'rejoint Z comme T', 'rejoindra l'équipe de direction de Z'
        start, org = _past_apposition(scene, joined.end), scene.name(joined)
    noun = trigger.text.lower() in scene.words["title_nouns"]
    if noun and start < scene.sent.end and scene.doc[start].lower_ in _OF:
        start += 1  # 'la nomination de X comme T', 'l'arrivée de X au poste de T'
    object_ = [p for p in scene.after("PERSON") if p.start == start]
    if noun and not object_:
        return None
    person = object_[0] if object_ else _subject_person(scene) or (scene.before("PERSON") or [None])[-1]
    if person is None:
        return _referred_move(scene, start, org)
    if object_:  # 'a recruté X comme T'
        start = person.end
    title, title_org = _title_after(scene, start)
    if title is None:
        return _person_event("appointment", org, scene.name(person), None, None) if joined else None
    if org is None:
        org = title_org or (scene.company(passage=True) if object_ else _team_org(scene, person))
    if org is None:
        return None
    return _person_event("appointment", org, scene.name(person), title, None)


def _past_time_aside(scene: Scene, i: int) -> int:
    """Past a time aside after the verb ('rejoindra à l'automne | l'allemand Z', 'en mars | Z')."""
    doc = scene.doc
    for size in (4, 3, 2, 1):
        words = doc[i : min(scene.sent.end, i + size)]
        if (
            len(words) == size
            and "".join(t.text_with_ws for t in words).strip().lower() in scene.words["launch_asides"]
        ):
            return i + size
    return i


def _past_apposition(scene: Scene, i: int) -> int:
    """Past an apposition to the company ('rejoindra Z, principal concurrent du groupe, comme T'): at
    the second comma when a title's lead ('comme') follows it."""
    doc = scene.doc
    if i >= scene.sent.end or doc[i].text != ",":
        return i
    for t in doc[i + 1 : min(scene.sent.end - 1, i + 9)]:
        if t.text == ",":
            return t.i + 1 if doc[t.i + 1].lower_ in ("comme", "en") else i
    return i


def _referred_move(scene: Scene, start: int, org: str | None) -> dict | None:
    """'X quitte Y. Il rejoindra Z comme T', '... le dirigeant rejoindra Z': the person of the move told
    in the sentence before, when the subject is a pronoun or a leader word and the company is named."""
    head = scene.subject_token()
    if (
        org is None
        or head is None
        or head.lower_ not in ("il", "elle")
        and head.lower_ not in scene.words["leader_refs"]
    ):
        return None
    before = scene.sentence_start_back(1)
    who = next(
        (
            e["person"]
            for e in reversed(scene.earlier)
            if e["kind"] in ("appointment", "departure") and before <= e["start"] < scene.sent.start_char
        ),
        None,
    )
    if who is None:
        return None
    title, _ = _title_after(scene, start)
    return _person_event("appointment", org, who, title, None)


def _joined_company(scene: Scene) -> Span | None:
    """The company a joining verb governs: right after it ('rejoint Z'), or through a team in one
    phrase ('rejoindra l'équipe de direction européenne de Z'); a board is _board_seat's."""
    trigger = scene.trigger
    if trigger.text.lower() not in scene.words["joining_verbs"] or trigger.text.lower().startswith("nomm"):
        return None
    start = _past_time_aside(scene, trigger.end)
    for org in scene.after("ORG"):
        between = scene.doc[start : org.start]
        if org.start - trigger.end > 8 or any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in between):
            return None
        nationality = all(t.pos_ == "DET" or t.lower_ in scene.words["nationalities"] for t in between)
        if (
            len(between) > 1
            and not nationality  # 'rejoindra l'allemand Z comme T'
            and (between[-1].lower_ not in _OF or any(t.lower_ in scene.words["boards"] for t in between))
        ):
            return None
        return None if scene.is_authority(scene.name(org)) else org
    return None


def _subject_person(scene: Scene) -> Span | None:
    """The person the parse makes the verb's subject, through coordinated verbs ('X cède le poste à Y
    et devient président': X, not Y, the last person named before 'devient')."""
    head = scene.subject_token()
    if head is None:
        return None
    inside = [
        p for p in scene.before("PERSON") if head.left_edge.i <= p.start and p.end - 1 <= head.right_edge.i
    ]
    # 'le directeur général Paul Hénin cède ...': the person named in the subject's phrase
    return next((p for p in inside if p.start <= head.i < p.end), inside[0] if inside else None)


def successor(scene: Scene) -> list[dict]:
    """'Il sera remplacé par X', 'X cède le poste de directeur général à Y', 'passe la main à Y': the
    person named after the trigger takes the office; the company is the one of the move told just
    before, else the company the sentence is about."""
    doc = scene.doc
    people = [p for p in scene.after("PERSON") if p.start - scene.trigger.end <= 12]
    if not people or any(
        _finite(t) or t.text in (";", ":") for t in doc[scene.trigger.end : people[0].start]
    ):
        return []
    person = people[0]
    title = None
    if scene.trigger[-1].lower_ in _OF:  # 'cède le poste de directeur général à Y'
        to = next((t.i for t in doc[scene.trigger.end : person.start] if t.lower_ in ("à", "au")), None)
        title = doc[scene.trigger.end : to].text if to is not None and to > scene.trigger.end else None
    leaver = _subject_person(scene)
    told = next(
        (
            e["org"]
            for e in reversed(scene.earlier)
            if e["kind"] in ("appointment", "departure")
            and e["start"] >= scene.sentence_start_back(2)
            and e["person"] != scene.name(person)
        ),
        None,
    )
    # the company of the move told just before, else the one the leaver holds the office at
    org = (
        told
        or (_org_of(scene, scene.name(leaver)) if leaver is not None else None)
        or scene.company(passage=True)
    )
    return [_person_event("appointment", org, scene.name(person), title, None)] if org else []


def _finite(token) -> bool:
    return token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm")


def _board_seat(scene: Scene) -> dict | None:
    """'X, associée chez A, qui rejoint à cette occasion le conseil d'administration de B': a seat on
    B's board (the company the person works at is not where the move is)."""
    trigger, doc = scene.trigger, scene.doc
    if trigger.text.lower() not in scene.words["joining_verbs"]:
        return None
    people = scene.before("PERSON")
    for t in doc[trigger.end : min(scene.sent.end, trigger.end + 6)]:
        if t.is_punct:
            return None
        if t.lower_ not in scene.words["boards"]:
            continue
        if t.i > 0 and doc[t.i - 1].lower_ in scene.words["possessives"] and people:
            return _own_board_seat(scene, t, people[-1])
        for org in scene.after("ORG", t.i + 1):
            between = doc[t.i : org.start]
            if org.start - t.i > 4 or any(w.is_punct for w in between) or between[-1].lower_ not in _OF:
                break
            if not people:
                return None
            title = doc[t.i : org.start - 1].text
            return _person_event("appointment", scene.name(org), scene.name(people[-1]), title, None)
        referred = _board_of_the_passage(scene, t, people)
        if referred is not None:
            return referred
        # 'X rejoint le conseil d'administration en tant qu'administratrice': the passage's board
        definite = t.i > 0 and doc[t.i - 1].lower_ in ("le", "la", "l'", "l’")
        return _own_board_seat(scene, t, people[-1], opening=True) if definite and people else None
    return None


def _board_of_the_passage(scene: Scene, board, people: list[Span]) -> dict | None:
    """'estime X, associé chez A, qui rejoint le conseil d'administration de la start-up': the board of
    the company the article is about (the one the person works at, 'chez A', is not it)."""
    doc = scene.doc
    of = next(
        (
            w
            for w in doc[board.i + 1 : min(scene.sent.end - 2, board.i + 5)]
            if w.lower_ in _OF and doc[w.i + 1].lower_ in ("la", "l'", "l’")
        ),
        None,
    )
    if of is None or not people:
        return None
    noun = doc[of.i + 2]
    glued = noun.i + 2 < len(doc) and doc[noun.i + 1].text == "-" and not noun.whitespace_
    word = f"{noun.lower_}-{doc[noun.i + 2].lower_}" if glued else noun.lower_
    if word not in scene.words["passage_refs"]:
        return None
    org = scene.ctx.topic()
    employers = {scene.name(o) for o in scene.ents if o.label_ == "ORG" and doc[o.start - 1].lower_ == "chez"}
    if org is None or org in employers:
        return None
    return _person_event("appointment", org, scene.name(people[-1]), doc[board.i : of.i].text, None)


def _own_board_seat(scene: Scene, board, person: Span, opening: bool = False) -> dict | None:
    """'X, ancienne directrice de A, rejoint son conseil d'administration en tant qu'administratrice':
    'son' is the company the passage is about, not the employer named in the aside. With ``opening``
    ('le conseil', no company named), the company of the passage as the sentence opens."""
    org = scene.ctx.salient_org(scene.sent.start if opening else scene.trigger.start)
    if org is None or opening and _named_here(scene, org):
        return None
    end = board.i + 1  # 'conseil | d'administration', 'conseil | de surveillance'
    while end < min(scene.sent.end, board.i + 3) and (
        scene.doc[end].lower_ in _OF or scene.doc[end].pos_ == "NOUN"
    ):
        end += 1
    title, _ = _title_after(scene, end)
    return _person_event("appointment", org, scene.name(person), title or scene.doc[board.i : end].text, None)


def _team_org(scene: Scene, person: Span) -> str | None:
    """The company of a person named with no company in the sentence: the one of a move told just
    before in the paragraph ('X quitte l'entreprise. Y est nommée directrice juridique'), else the one
    the paragraph opens on, else the article's (a company named around the person is a former
    employer: 'jusqu'ici ... d'Alstom', 'ex-Sanofi')."""
    before = [
        o for o in scene.before("ORG") if o.end <= person.start and not scene.is_authority(scene.name(o))
    ]
    for org in reversed(before):  # 'Chez Octave Santé, ... X devient DG', 'Valorix remanie : X ...'
        chez = org.start > 0 and scene.doc[org.start - 1].lower_ == "chez"
        if chez or org.root.dep_.startswith("nsubj") and not org.text.lower().startswith("ex"):
            return scene.name(org)
    paragraph = scene.doc[scene.ctx.paragraph_start(person.start)].idx
    for event in reversed(scene.earlier):
        if event["kind"] in ("appointment", "departure") and event["start"] >= max(
            paragraph, scene.sentence_start_back(2)
        ):
            return _left_from(scene, event)
    # 'Cyberwall. Changement de gouvernance ...: sa cofondatrice X devient T': a round-up's paragraph
    # is about the company it opens on, not the move of the paragraph before
    return scene.ctx.paragraph_opening(person.start) or scene.ctx.most_named(person.start)


def _left_from(scene: Scene, event: dict) -> str:
    """The company of a move told just before; for a person who leaves one company to join another,
    the one left ('X quitte Y. Il rejoindra Z. En attendant, l'intérim est assuré par W': W at Y)."""
    if event["kind"] == "appointment":
        for left in scene.earlier:
            if (
                left["kind"] == "departure"
                and left["person"] == event["person"]
                and left["org"] != event["org"]
            ):
                return left["org"]
    return event["org"]


def _title_after(scene: Scene, i: int) -> tuple[str | None, str | None]:
    """The title that starts at token i (after 'au poste de', 'comme'...) and the company it names:
    'directeur technique des activités de cybersécurité de Thales' -> (title, 'Thales')."""
    doc, end = scene.doc, scene.sent.end
    leads = sorted((w.split() for w in scene.words["title_lead"]), key=len, reverse=True)
    moved = True
    while moved and i < end:
        moved = False
        for lead in leads:
            if [t.lower_ for t in doc[i : i + len(lead)]] == lead:
                i, moved = i + len(lead), True
                break
    if i >= end or doc[i].lower_ not in scene.title_words:
        return None, None
    orgs = {o.start: o for o in scene.ents if o.label_ == "ORG"}
    words = []
    for t in doc[i : min(end, i + 12)]:
        if t.is_punct or t.pos_ in ("VERB", "AUX") or t.lower_ in _TITLE_STOPS or t.like_num:
            break
        if t.lower_ in ("de", "d'", "d’", "du", "chez") and words:
            board = t.i + 1 in orgs and doc[t.i + 1].lower_ in scene.words["boards"]
            if t.i + 1 in orgs and not board:  # 'Président du Conseil d'Administration' is a title
                return "".join(w.text_with_ws for w in words).strip(), scene.name(orgs[t.i + 1])
            nxt = doc[t.i + 1 : t.i + 3]
            if any(n.lower_ in scene.words["passage_refs"] for n in nxt):
                break  # 'du groupe': the company of the passage
        words.append(t)
    while words and words[-1].lower_ in ("de", "d'", "d’", "du", "des", "la", "le", "l'", "l’"):
        words.pop()
    return ("".join(t.text_with_ws for t in words).strip() or None), None


_OF = frozenset({"de", "d'", "d’"})
_TITLE_STOPS = frozenset(
    {"à", "en", "depuis", "pour", "avec", "après", "dès", "avant", "le", "lors", "au", "aux"}
)


def _appointing_org(scene: Scene, org: str) -> str:
    """The role's company, unless the sentence does not name it and a person event just told names
    another ('X succède à Y au poste de PDG. Z est nommé directeur financier': Z is at the same company)."""
    if any(scene.name(o) == org for o in scene.ents if o.label_ == "ORG"):
        return org
    for event in reversed(scene.earlier):
        if (
            event["kind"] in ("appointment", "departure")
            and event["start"] >= scene.previous_sentence_start()
        ):
            return _left_from(scene, event)
    return org


def departure(scene: Scene) -> list[dict]:
    """'X quitte Y', 'la démission de X', 'en remplacement de X', 'succède à X': X leaves."""
    lowered = scene.trigger.text.lower()
    replaced = lowered.startswith(("en remplacement", "succède", "succédera", "remplace"))
    before, after_people = scene.before("PERSON"), scene.after("PERSON")
    if replaced:
        person = after_people[0] if after_people else None
    else:
        person = before[-1] if before else (after_people[0] if after_people else None)
    if person is None:
        return []
    role = _role_of(scene, scene.name(person))
    after = [o for o in scene.after("ORG") if o.start - scene.trigger.end <= 3]
    bound = _destination(scene)  # 'son départ pour le fonds X': X is where the person goes
    if bound is not None:
        after = [o for o in after if o.start != bound.start]
        if role and role.get("org") == scene.name(bound):
            role = None
    if role and not replaced and not _named_here(scene, role.get("org")) and scene.verb_subject() is not None:
        role = dict(role, org=None)  # 'la société a annoncé le départ de son DG': the subject's company
    successor = scene.recent_appointment() if replaced else None
    if successor is not None and successor["person"] != scene.name(person):
        org, role = successor["org"], {"title": successor.get("title"), "role": successor.get("role")}
    elif not replaced and _leaves_the_passage_company(scene):  # 'X a quitté le groupe'
        org = _team_org(scene, person)
    else:
        org = (
            (role or {}).get("org")
            or (scene.name(after[0]) if after and not replaced else None)
            or scene.company()
        )
    if org is None:
        return []
    title = (role or {}).get("title")
    return [_person_event("departure", org, scene.name(person), title, (role or {}).get("role"))]


def _destination(scene: Scene) -> Span | None:
    """The company a leaver goes to, after 'pour' or 'chez' ('son départ pour le fonds X')."""
    for org in scene.after("ORG"):
        if org.start - scene.trigger.end > 4:
            return None
        words = [t.lower_ for t in scene.doc[scene.trigger.end : org.start]]
        return org if words and words[0] in ("pour", "chez") else None
    return None


def _named_here(scene: Scene, org: str | None) -> bool:
    return any(scene.name(o) == org for o in scene.ents if o.label_ == "ORG")


def _leaves_the_passage_company(scene: Scene) -> bool:
    """'quitte le groupe', 'quitte l'entreprise': the company left is the one the passage is about,
    whatever employer the person's description names ('X, ex-Workday, ... Y a quitté le groupe')."""
    following = [t.lower_ for t in scene.doc[scene.trigger.end : min(scene.sent.end, scene.trigger.end + 3)]]
    return any(w in scene.words["passage_refs"] for w in following)


def _person_event(kind: str, org: str, person: str, title: str | None, role: str | None) -> dict:
    event = {"kind": kind, "org": org, "person": person}
    if title:
        event["title"] = title
    if role:
        event["role"] = role
    return event


def _roles_in(scene: Scene) -> list[dict]:
    lo, hi = scene.sent.start_char, scene.sent.end_char
    return [r for r in _event_roles(scene) if lo <= r["start"] < hi]


def _event_roles(scene: Scene) -> list[dict]:
    """Roles an event may rest on: a career path ('ex-Sanofi', 'passé par SFR') is background."""
    return [r for r in scene.doc._.roles or [] if r.get("org") and r.get("rule") != "career_path"]


def _role_of(scene: Scene, person: str | None) -> dict | None:
    """The person's role in this sentence, else the first the article states."""
    own = [r for r in _roles_in(scene) if r["person"] == person]
    anywhere = [r for r in _event_roles(scene) if r["person"] == person]
    return (own or anywhere or [None])[0]


def _org_of(scene: Scene, person: str | None) -> str | None:
    role = _role_of(scene, person)
    return role["org"] if role else None
