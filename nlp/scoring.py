"""Document-level precision/recall/F1 of extractions against hand-annotated gold articles.

Rules (the project's evaluation rules, shared with ../shared/eval/score.py):
- names are compared after normalisation (accents removed, casefold, '&' -> 'and', punctuation -> space);
- a gold entity is a list of aliases; a prediction matches it when its text or canonical is one of them;
- each distinct predicted name set is counted once per article; matching an optional entry is neutral;
- MONEY matches by value within 0.5 % and currency (when the gold gives one); PERCENT by value;
- ROLE matches a gold (person, org) pair, the org through the gold aliases of that company.
"""

from __future__ import annotations

import json
import logging
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)

NAME_KINDS = (("ORG", "orgs"), ("PERSON", "people"), ("PRODUCT", "products"))
LABELS = ("ORG", "PERSON", "PRODUCT", "MONEY", "PERCENT", "ROLE")
TOLERANCE = 0.005


def normalise(value: object) -> str:
    text = unicodedata.normalize("NFKD", "" if value is None else str(value))
    text = text.encode("ascii", "ignore").decode().casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


@dataclass
class Tally:
    """Counts for one label in one article, with the names behind the errors."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    false: list[str] = field(default_factory=list)
    missed: list = field(default_factory=list)


def _alias_sets(entries: Iterable[Iterable[str]]) -> list[set[str]]:
    return [{normalise(a) for a in aliases} for aliases in entries]


def _score_names(required: list, optional: list, predicted: list[dict]) -> Tally:
    wanted = _alias_sets(required)
    neutral = set().union(*_alias_sets(optional)) if optional else set()
    tally, found, keys = Tally(), set(), set()
    for ent in predicted:
        names = {normalise(ent.get("text")), normalise(ent.get("canonical"))} - {""}
        if not names or frozenset(names) in keys:
            continue
        keys.add(frozenset(names))
        hits = {i for i, aliases in enumerate(wanted) if aliases & names}
        if hits:
            found |= hits
        elif not names & neutral:
            tally.fp += 1
            tally.false.append(min(names))
    tally.tp = len(found)
    tally.fn = len(wanted) - len(found)
    tally.missed = [min(required[i]) for i in range(len(wanted)) if i not in found]
    return tally


def _value_matches(pred: dict, gold: dict, with_currency: bool) -> bool:
    try:
        value, expected = float(pred.get("value", math.nan)), float(gold["value"])
    except (TypeError, ValueError):
        return False
    if not abs(value - expected) <= TOLERANCE * max(abs(expected), 1e-9):
        return False
    if not with_currency or gold.get("currency") is None:
        return True
    return (pred.get("currency") or "").upper() == gold["currency"]


def _score_values(required: list, optional: list, predicted: list[dict], with_currency: bool) -> Tally:
    tally, found, keys = Tally(), set(), set()
    for pred in predicted:
        currency = (pred.get("currency") or "").upper() if with_currency else ""
        try:
            key = (round(float(pred.get("value")), 6), currency)
        except (TypeError, ValueError):
            key = ("invalid", json.dumps(pred, sort_keys=True, ensure_ascii=False))
        if key in keys:
            continue
        keys.add(key)
        hits = {i for i, gold in enumerate(required) if _value_matches(pred, gold, with_currency)}
        if hits:
            found |= hits
        elif not any(_value_matches(pred, gold, with_currency) for gold in optional):
            tally.fp += 1
            tally.false.append(pred.get("text") or str(pred.get("value")))
    tally.tp, tally.fn = len(found), len(required) - len(found)
    tally.missed = [g for i, g in enumerate(required) if i not in found]
    return tally


def _score_roles(gold: dict, predicted: list[dict]) -> Tally:
    companies = _alias_sets(gold.get("orgs", []) + gold.get("orgs_optional", []))

    def org_names(name: str) -> set[str]:
        key = normalise(name)
        return next((aliases for aliases in companies if key in aliases), {key})

    def pairs(rows: list[dict]) -> list[tuple[str, set[str]]]:
        return [(normalise(r["person"]), org_names(r["org"])) for r in rows]

    required, optional = pairs(gold.get("roles", [])), pairs(gold.get("roles_optional", []))
    tally, found, keys = Tally(), set(), set()
    for role in predicted:
        person, org = normalise(role.get("person")), normalise(role.get("org"))
        if (person, org) in keys:
            continue
        keys.add((person, org))
        hits = {i for i, (p, orgs) in enumerate(required) if p == person and org in orgs}
        if hits:
            found |= hits
        elif not any(p == person and org in orgs for p, orgs in optional):
            tally.fp += 1
            tally.false.append(f"{role.get('person')} -> {role.get('org')}")
    tally.tp, tally.fn = len(found), len(required) - len(found)
    tally.missed = [
        f"{r['person']} -> {r['org']}" for i, r in enumerate(gold.get("roles", [])) if i not in found
    ]
    return tally


def score_article(gold: dict, prediction: dict) -> dict[str, Tally]:
    """Tallies per label for one gold article and its prediction {"entities", "roles"}."""
    ents = prediction.get("entities") or []
    result = {}
    for label, key in NAME_KINDS:
        result[label] = _score_names(
            gold.get(key, []), gold.get(key + "_optional", []), [e for e in ents if e.get("label") == label]
        )
    result["MONEY"] = _score_values(
        gold.get("money", []),
        gold.get("money_optional", []),
        [e for e in ents if e.get("label") == "MONEY"],
        True,
    )
    result["PERCENT"] = _score_values(
        gold.get("percent", []),
        gold.get("percent_optional", []),
        [e for e in ents if e.get("label") == "PERCENT"],
        False,
    )
    result["ROLE"] = _score_roles(gold, prediction.get("roles") or [])
    return result


#: keys of a gold article: what is scored here, what other scorers read (events), plain information
NAME_KEYS = tuple(key + suffix for _, key in NAME_KINDS for suffix in ("", "_optional"))
VALUE_KEYS = ("money", "money_optional", "percent", "percent_optional")
ROLE_KEYS = ("roles", "roles_optional")
OTHER_KEYS = ("id", "text", "title", "source", "source_url", "events", "events_optional")
GOLD_KEYS = frozenset(NAME_KEYS + VALUE_KEYS + ROLE_KEYS + OTHER_KEYS)


def gold_problems(gold: object) -> list[str]:
    """What makes ``gold`` unusable as a gold article (empty: nothing). A key misspelt or left out
    would otherwise score as "nothing expected" and could print a perfect score."""
    if not isinstance(gold, dict):
        return ["expected a JSON object"]
    problems = [f"unknown key {key!r}" for key in sorted(set(gold) - GOLD_KEYS)]
    if not isinstance(gold.get("id"), str | int) or isinstance(gold.get("id"), bool):
        problems.append('missing "id" (a string)')
    if not isinstance(gold.get("text"), str) or not gold["text"].strip():
        problems.append('missing "text" (the article)')
    scored = NAME_KEYS + VALUE_KEYS + ROLE_KEYS
    if not any(key in gold for key in scored):
        problems.append(f"no annotation: expected some of {', '.join(k for k in scored if '_' not in k)}")
    for key in scored:
        value = gold.get(key, [])
        if not isinstance(value, list):
            problems.append(f"{key!r} must be a list")
            continue
        problems += [f"{key}[{i}]: {p}" for i, entry in enumerate(value) if (p := _entry_problem(key, entry))]
    return problems


def _entry_problem(key: str, entry: object) -> str | None:
    if key in NAME_KEYS:
        ok = isinstance(entry, list) and entry and all(isinstance(a, str) and a.strip() for a in entry)
        return None if ok else 'expected a list of aliases, e.g. ["Hewlett-Packard", "HP"]'
    if key in VALUE_KEYS:
        value = entry.get("value") if isinstance(entry, dict) else None
        if (
            not isinstance(value, int | float)
            or isinstance(value, bool)
            or set(entry) - {"value", "currency"}
        ):
            return 'expected {"value": number} (money: and "currency", e.g. "EUR")'
        currency = entry.get("currency")
        return (
            None if currency is None or (isinstance(currency, str) and currency.isupper()) else "bad currency"
        )
    # a title as written may go with the pair, as in a prediction (the scorer reads person and org only)
    ok = isinstance(entry, dict) and {"person", "org"} <= set(entry) <= {"person", "org", "title"}
    ok = ok and all(isinstance(entry[k], str) and entry[k].strip() for k in ("person", "org"))
    ok = ok and isinstance(entry.get("title", ""), str)  # '' where the text gives no title
    return None if ok else 'expected {"person": name, "org": company[, "title": as written]}'


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": p, "r": r, "f": f}


def score(golds: list[dict], predictions: dict[str, dict]) -> dict:
    """{"scores": {label: {tp, fp, fn, p, r, f}, ..., "ALL": ...}, "detail": {id: {label: {fp, missed}}}}."""
    totals = {label: [0, 0, 0] for label in LABELS}
    detail = {}
    for gold in golds:
        tallies = score_article(gold, predictions.get(gold["id"], {}))
        detail[gold["id"]] = {label: {"fp": t.false, "missed": t.missed} for label, t in tallies.items()}
        for label, t in tallies.items():
            for i, n in enumerate((t.tp, t.fp, t.fn)):
                totals[label][i] += n
    scores = {label: _prf(*counts) for label, counts in totals.items()}
    scores["ALL"] = _prf(*(sum(c[i] for c in totals.values()) for i in range(3)))
    return {"scores": scores, "detail": detail}


def format_table(result: dict, detail: bool = False) -> str:
    lines = []
    if detail:
        for doc_id, labels in result["detail"].items():
            for label, errors in labels.items():
                if errors["fp"] or errors["missed"]:
                    lines.append(f"{doc_id} {label:8} missed={errors['missed']} false={errors['fp']}")
    lines.append(f"{'label':8} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for label, s in result["scores"].items():
        lines.append(
            f"{label:8} {s['tp']:4} {s['fp']:4} {s['fn']:4} {s['p']:6.3f} {s['r']:6.3f} {s['f']:6.3f}"
        )
    return "\n".join(lines)
