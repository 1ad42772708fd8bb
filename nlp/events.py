"""The `veille_events` component: business events (EVENTS.md kinds) with their company and attributes.

It runs after `veille_roles` and builds on what is already found: companies, people, products and
amounts (`doc.ents`) and roles (`doc._.roles`). Trigger words are data (nlp/patterns/events.jsonl,
word forms, not lemmas: the pipeline may run without a lemmatizer); a PhraseMatcher finds them, and
the rule of the trigger's (kind, shape) reads the sentence (nlp/event_rules.py). Each event carries
its sentence as evidence, the name of the rule that found it and `background` (a past event told as
context, "racheté en 2008"). The same event told twice in an article is one event.
"""

from __future__ import annotations

import logging
from bisect import bisect_right

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from nlp.event_rules import RULES
from nlp.event_scene import Scene, latest_year
from nlp.lexicon import read_jsonl, titles, word_lists
from nlp.passage import FINAL, Passage
from nlp.scoring import normalise
from nlp.tokens import doc_text, ents_of, line_break_tokens, reads_fixed_ents, tokens_in

logger = logging.getLogger(__name__)

KINDS = (
    "acquisition",
    "funding",
    "appointment",
    "departure",
    "launch",
    "shutdown",
    "results",
    "partnership",
    "layoffs",
    "legal",
)
#: the attribute that tells two events of the same kind and company apart (EVENTS.md)
MAIN = {
    "acquisition": "target",
    "funding": "amount",
    "results": "amount",
    "legal": "amount",
    "appointment": "person",
    "departure": "person",
    "launch": "product",
    "shutdown": "product",
    "partnership": "partner",
    "layoffs": "count",
}


@Language.factory("veille_events", default_config={"patterns_dir": None})
def make_events(nlp: Language, name: str, patterns_dir: str | None) -> EventFinder:
    return EventFinder(nlp, patterns_dir)


def register_extensions() -> None:
    if not Doc.has_extension("events"):
        Doc.set_extension("events", default=None)
    if not Doc.has_extension("roles"):
        Doc.set_extension("roles", default=None)


class EventFinder:
    def __init__(self, nlp: Language, patterns_dir: str | None = None):
        register_extensions()
        base = word_lists(patterns_dir)
        self.words = {
            row["name"]: frozenset(w.lower() for w in row["words"])
            for row in read_jsonl("event_words.jsonl", patterns_dir)
        }
        self.words["of_words"] = base["of_words"]
        self.words["launch_asides"] = base["launch_asides"]
        self.words["product_heads"] = base["product_heads"]
        self.title_words = frozenset(t.split()[0] for t in titles(patterns_dir))
        self.org_refs = base["org_heads"]
        self.public_bodies = base["public_bodies"]
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for row in read_jsonl("events.jsonl", patterns_dir):
            key = f"{row['kind']}|{row['shape']}"
            if (row["kind"], row["shape"]) not in RULES:
                raise ValueError(f"events.jsonl: no rule for kind {row['kind']!r} and shape {row['shape']!r}")
            phrases = {v for w in row["words"] for v in (w, w.replace("'", "’"))}
            self.matcher.add(key, [_phrase(nlp, p) for p in sorted(phrases)])

    @reads_fixed_ents
    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        matches = self.matcher(doc)
        if not matches or not any(e.label_ == "ORG" for e in ents_of(doc)):
            return doc
        ctx = Passage(doc, self.org_refs, self.public_bodies)
        year = latest_year(doc)
        starts = sentence_starts(doc, ctx)
        ctx.sent_starts = starts  # 'the company of this sentence' never reaches into the paragraph before
        found: list[dict] = []
        for match_id, start, end in _longest(doc, matches):
            kind, shape = doc.vocab.strings[match_id].split("|")
            trigger = doc[start:end]
            sentence = _sentence(doc, starts, start)
            if kind in _PAST_COLON:
                sentence = _through_colon(doc, starts, sentence)
            scene = Scene(doc, trigger, sentence, ctx, self.words, year, found, self.title_words)
            if scene.is_hedged() or _says(doc, start):
                continue
            for event in RULES[(kind, shape)](scene):
                found.append(_finish(event, scene, f"{kind}.{shape}"))
        doc._.events = merge(found, headline_end(doc))
        return doc


def _says(doc: Doc, start: int) -> bool:
    """'« ... », confie X': a word right after a closing quote and its comma is a verb of saying."""
    return start >= 2 and doc[start - 1].text == "," and doc[start - 2].text in ("»", "”")


def _phrase(nlp: Language, text: str) -> Doc:
    """The tokens of a trigger phrase; one ending in an elision ("en remplacement d'") is tokenized
    before a word, as it is in a sentence (alone, the tokenizer splits the apostrophe off)."""
    if not text.endswith(("'", "’")):
        return nlp.make_doc(text)
    doc = nlp.make_doc(text + "X")
    return doc[: len(doc) - 1].as_doc()


def _longest(doc: Doc, matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """One trigger per kind and place: 'levée de fonds' rather than 'levée de' inside it."""
    chosen: list[tuple[int, int, int]] = []
    for match_id, start, end in sorted(matches, key=lambda m: (m[1], -(m[2] - m[1]))):
        kind = doc.vocab.strings[match_id].split("|")[0]
        if any(
            doc.vocab.strings[c[0]].split("|")[0] == kind and c[1] <= start and end <= c[2] for c in chosen
        ):
            continue
        chosen.append((match_id, start, end))
    # at one place, the appointment first: 'X succède à Y' tells where Y leaves from
    return sorted(chosen, key=lambda m: (m[1], doc.vocab.strings[m[0]].split("|")[0] != "appointment"))


_STOPS = frozenset((".", "!", "?"))


def sentence_starts(doc: Doc, ctx: Passage) -> list[int]:
    """Passage's sentence starts (quoted pieces joined), without the parser's cuts inside a sentence:
    a piece that ends with no final punctuation nor line break goes on in the next one ('Hexatel
    dévoile le smartphone | Nova 5.')."""
    starts = [0]
    for start in ctx.sent_starts[1:]:
        before = doc[start - 1]
        if before.text in FINAL or _breaks(before):
            starts.append(start)
    # a line break always ends a sentence (a title, a paragraph), even where the parser ran on
    # ('... d'Axelis.\n\nAxelis, lui-même racheté en 2019 ...')
    breaks = [i + 1 for i in line_break_tokens(doc) if i + 1 < len(doc) and not doc[i + 1].is_space]
    # a full stop the tokenizer split off, then a capital, where the parser ran on ('... de la Caisse
    # des Dépôts. Son chiffre d'affaires ...'); initials ('J. Martin') stay in their sentence
    stops = [
        t.i + 1
        for t in tokens_in(doc, _STOPS)
        if 0 < t.i < len(doc) - 1 and doc[t.i + 1].is_title and not _initial(doc[t.i - 1])
    ]
    # an amount that took the full stop into its token ('Belcia, 6 M€. La jeune pousse ...': a
    # round-up's lead, then the story)
    glued = [
        e.end
        for e in ents_of(doc)
        if e.label_ == "MONEY"
        and e.end < len(doc)
        and len(e[-1]) > 1
        and e[-1].text.endswith(".")
        and doc[e.end].is_title
    ]
    return sorted(set(starts) | set(breaks) | set(stops) | set(glued))


def _initial(token) -> bool:
    return len(token.text) == 1 and token.is_upper


def _breaks(token) -> bool:
    return "\n" in token.text or "\n" in token.whitespace_


def _sentence(doc: Doc, starts: list[int], i: int) -> Span:
    s = bisect_right(starts, i) - 1
    end = starts[s + 1] if s + 1 < len(starts) else len(doc)
    return doc[starts[s] : end]


#: kinds whose attribute a sentence may name after a colon ('lance une offre : P, une station ...',
#: 'Premier client : Y.')
_PAST_COLON = frozenset({"launch", "partnership"})


def _through_colon(doc: Doc, starts: list[int], sentence: Span) -> Span:
    """The sentence and the piece after its colon, when it ends on one with no line break after it."""
    last = sentence[-1] if not sentence[-1].is_space else sentence[-2] if len(sentence) > 1 else None
    if last is None or last.text != ":" or _breaks(last) or sentence.end >= len(doc):
        return sentence
    after = _sentence(doc, starts, sentence.end)
    return doc[sentence.start : after.end]


def _finish(event: dict, scene: Scene, rule: str) -> dict:
    event["sentence"] = scene.sent.text.strip()
    event["start"] = scene.sent.start_char
    event["end"] = scene.sent.end_char
    event["rule"] = rule
    event["background"] = scene.is_background()
    return event


def _same(a: dict, b: dict) -> bool:
    """Two mentions of one event: same kind and company, and no different main attribute; in one
    sentence, the first amount is the event's ('612 M€ de chiffre d'affaires, une perte de 47 M€')."""
    if a["kind"] != b["kind"]:
        return False
    if a["kind"] in ("appointment", "departure") and a["start"] == b["start"]:
        # 'Elle succède à X, qui part à la retraite': one move, whichever trigger told the company
        return normalise(a["person"]) == normalise(b["person"])
    if normalise(a["org"]) != normalise(b["org"]):
        return _same_thing_shorter_name(a, b)
    if a["start"] == b["start"] and a["kind"] in ("results", "funding", "legal"):
        return True
    if a["kind"] == "legal" and _parties(a) and _parties(b) and _parties(a) != _parties(b):
        return False  # a fine from the CNIL and a suit by an association: two cases
    if a["kind"] == "layoffs":
        return True  # one company's job cuts in one article are one plan, told piece by piece
    attr = MAIN[a["kind"]]
    x, y = a.get(attr), b.get(attr)
    if x is None or y is None:
        return True
    if attr == "amount":
        return abs(x["value"] - y["value"]) <= 0.005 * max(abs(y["value"]), 1e-9)
    return normalise(x) == normalise(y)


def _parties(event: dict) -> tuple[str, str] | None:
    """Who acts against the company in a legal event: the authority or the counterparty."""
    found = (normalise(event.get("authority") or ""), normalise(event.get("counterparty") or ""))
    return found if any(found) else None


def _same_thing_shorter_name(a: dict, b: dict) -> bool:
    """'Mistral AI' and 'Mistral' launching 'Mistral Large' in one sentence: one company named two ways."""
    x, y = a.get(MAIN[a["kind"]]), b.get(MAIN[b["kind"]])
    if a["start"] != b["start"] or x is None or x != y:
        return False
    short, long = sorted((normalise(a["org"]), normalise(b["org"])), key=len)
    return long.startswith(short + " ")


def headline_end(doc: Doc) -> int:
    """The character offset where the first line (the headline) ends."""
    text = doc_text(doc)
    end = text.find("\n")
    return end if end != -1 else len(text)


def _headline_words(event: dict, others: list[dict], headline: int) -> bool:
    """A headline's common words for a product ('abandonne son offre de recrutement') when the article
    names one for the same company and kind ('Talentis Recrute'): the named one is the event."""
    product = event.get("product") or ""
    if event["start"] >= headline or event["kind"] not in ("launch", "shutdown") or not product[:1].islower():
        return False
    return any(
        o is not event
        and o["kind"] == event["kind"]
        and normalise(o["org"]) == normalise(event["org"])
        and (o.get("product") or "")[:1].isupper()
        for o in others
    )


def merge(events: list[dict], headline: int = 0) -> list[dict]:
    """The same event told twice is one event: the first telling, completed by the later ones; it is
    background only when every telling is."""
    events = [e for e in events if not _headline_words(e, events, headline)]
    merged: list[dict] = []
    for event in events:
        twin = next((m for m in merged if _same(m, event)), None)
        if twin is None:
            merged.append(dict(event))
            continue
        for key, value in event.items():
            if twin.get(key) in (None, "", []):
                twin[key] = value
        if event["kind"] == "layoffs" and event.get("count", 0) > twin.get("count", 0):
            twin["count"] = event["count"]  # '64 ... auxquels s'ajoutent 30 ...' then 'Au total, 94 postes'
        twin["background"] = twin["background"] and event["background"]
    return merged
