"""Document-level scores of business events against gold annotations (rows EVENT and EVENT_FULL).

The rules of the project's ../shared/eval/score_events.py, to the same numbers:
- a predicted event is a hit when its kind and company match a required gold event not yet hit
  (company aliases from the gold "orgs" lists); one matching only an optional event, or a gold event
  already hit, is neutral; any other is a false positive;
- EVENT_FULL: a hit that also gets the kind's main attribute right where the gold states it
  (acquisition: target, funding/results/legal: amount within 0.5 % and currency, appointment/
  departure: person, launch/shutdown: product, partnership: partner, layoffs: count);
- per-kind rows count EVENT only.
`veille eval` leaves out the predictions marked background (past events told as context): they are
not reported as events of the article.
"""

from __future__ import annotations

import math

from nlp.events import KINDS, MAIN
from nlp.scoring import normalise

_ALIAS_KEYS = ("orgs", "orgs_optional", "people", "people_optional", "products", "products_optional")


def _aliases(gold: dict, value: object) -> set[str]:
    key = normalise(value)
    for field in _ALIAS_KEYS:
        for names in gold.get(field, []):
            spelled = {normalise(a) for a in names}
            if key in spelled:
                return spelled
    return {key}


def _attribute_ok(gold: dict, kind: str, g: dict, p: dict) -> bool | None:
    """True/False when the gold states the main attribute, None when it does not (not judged)."""
    attr = MAIN.get(kind)
    if attr is None or g.get(attr) in (None, "", []):
        return None
    expected, value = g[attr], p.get(attr)
    if value in (None, "", []):
        return False
    if attr == "amount":
        try:
            close = math.isclose(float(value["value"]), float(expected["value"]), rel_tol=0.005)
        except (TypeError, ValueError, KeyError):
            return False
        currency = expected.get("currency")
        return close and (currency is None or (value.get("currency") or "").upper() == currency)
    if attr == "count":
        try:
            return math.isclose(float(value), float(expected), rel_tol=0.005)
        except (TypeError, ValueError):
            return False
    return normalise(value) in _aliases(gold, expected)


def score_document(gold: dict, predicted: list[dict]) -> tuple[dict, list[str], list[str], list[str]]:
    """({"EVENT": (tp, fp, fn), "EVENT_FULL": (tp, fp, fn)}, false, missed, wrong attribute)."""
    required, optional = gold.get("events", []), gold.get("events_optional", [])

    def same(p: dict, g: dict) -> bool:
        return p.get("kind") == g["kind"] and normalise(p.get("org")) in _aliases(gold, g["org"])

    hit: dict[int, dict] = {}
    false = []
    for p in predicted:
        free = [i for i, g in enumerate(required) if i not in hit and same(p, g)]
        if free:
            best = next((i for i in free if _attribute_ok(gold, p["kind"], required[i], p)), free[0])
            hit[best] = p
        elif not any(same(p, g) for g in required + optional):
            false.append(f"{p.get('kind')}:{p.get('org')}")
    full = sum(_attribute_ok(gold, required[i]["kind"], required[i], p) is not False for i, p in hit.items())
    missed = [f"{g['kind']}:{g['org']}" for i, g in enumerate(required) if i not in hit]
    wrong = [
        f"{required[i]['kind']}:{required[i]['org']} {MAIN.get(required[i]['kind'])}="
        f"{p.get(MAIN.get(required[i]['kind']))!r}"
        for i, p in hit.items()
        if _attribute_ok(gold, required[i]["kind"], required[i], p) is False
    ]
    counts = {
        "EVENT": (len(hit), len(false), len(required) - len(hit)),
        "EVENT_FULL": (full, len(false) + len(hit) - full, len(required) - full),
    }
    return counts, false, missed, wrong


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0}


def reported(prediction: dict) -> list[dict]:
    """The events of a prediction that the article reports (background ones left out)."""
    return [e for e in prediction.get("events") or [] if isinstance(e, dict) and not e.get("background")]


def score_events(golds: list[dict], predictions: dict) -> dict:
    """{"scores": {EVENT, EVENT_FULL}, "kinds": {kind: EVENT counts}, "detail": {id: errors}}."""
    totals = {"EVENT": [0, 0, 0], "EVENT_FULL": [0, 0, 0]}
    per_kind = {kind: [0, 0, 0] for kind in KINDS}
    detail = {}
    for gold in golds:
        predicted = reported(predictions.get(gold["id"], {}))
        counts, false, missed, wrong = score_document(gold, predicted)
        for label, c in counts.items():
            totals[label] = [a + b for a, b in zip(totals[label], c, strict=True)]
        for kind in KINDS:
            only = dict(gold, events=[e for e in gold.get("events", []) if e["kind"] == kind])
            c = score_document(only, [e for e in predicted if e.get("kind") == kind])[0]["EVENT"]
            per_kind[kind] = [a + b for a, b in zip(per_kind[kind], c, strict=True)]
        detail[gold["id"]] = {"false": false, "missed": missed, "wrong_attribute": wrong}
    return {
        "scores": {label: _prf(*t) for label, t in totals.items()},
        "kinds": {kind: _prf(*t) for kind, t in sorted(per_kind.items()) if any(t)},
        "detail": detail,
    }


def format_rows(result: dict, detail: bool = False) -> list[str]:
    """The per-kind rows then EVENT and EVENT_FULL, in the columns of the entity table."""
    lines = []
    if detail:
        for doc_id, d in result["detail"].items():
            if any(d.values()):
                lines.append(
                    f"{doc_id} EVENT    missed={d['missed']} false={d['false']} wrong={d['wrong_attribute']}"
                )
    rows = list(result["kinds"].items()) + list(result["scores"].items())
    for label, s in rows:
        lines.append(
            f"{label:11} {s['tp']:4} {s['fp']:4} {s['fn']:4} {s['p']:6.3f} {s['r']:6.3f} {s['f']:6.3f}"
        )
    return lines
