"""The event scoring rules (EVENT, EVENT_FULL, per kind), those of shared/eval/score_events.py.

The expected counts were checked against score_events.py on the same gold and predictions.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from nlp.event_scoring import score_events
from veille.cli import main

GOLD = {
    "id": "d",
    "text": "Alten rachète Atos.",
    "orgs": [["Alten", "Alten SA"], ["Atos"], ["Orvelis"]],
    "people": [["Jeanne Morel", "J. Morel"]],
    "events": [
        {
            "kind": "acquisition",
            "org": "Alten",
            "target": "Atos",
            "amount": {"value": 270e6, "currency": "EUR"},
        },
        {"kind": "appointment", "org": "Orvelis", "person": "Jeanne Morel", "title": "directrice financière"},
        {"kind": "layoffs", "org": "Atos", "count": 1200},
        {"kind": "funding", "org": "Orvelis"},
    ],
    "events_optional": [{"kind": "acquisition", "org": "Atos", "target": "Orvelis"}],
}


def counts(result, label):
    s = result["scores"].get(label) or result["kinds"][label]
    return s["tp"], s["fp"], s["fn"]


def run(events):
    return score_events([GOLD], {"d": {"events": events}})


def test_kind_and_company_through_aliases_make_a_hit_and_main_attribute_makes_it_full():
    result = run(
        [
            {"kind": "acquisition", "org": "Alten SA", "target": "Atos"},
            {"kind": "appointment", "org": "Orvelis", "person": "J. Morel"},
            {"kind": "layoffs", "org": "Atos", "count": 1300},
        ]
    )
    assert counts(result, "EVENT") == (3, 0, 1)
    assert counts(result, "EVENT_FULL") == (2, 1, 2)  # 1 300 jobs is more than 0.5 % off 1 200
    assert result["detail"]["d"]["missed"] == ["funding:Orvelis"]


def test_optional_and_repeated_events_are_neutral_others_false():
    result = run(
        [
            {"kind": "acquisition", "org": "Atos", "target": "Orvelis"},
            {"kind": "acquisition", "org": "Alten", "target": "Atos"},
            {"kind": "acquisition", "org": "Alten", "target": "Atos"},
            {"kind": "launch", "org": "Alten", "product": "X"},
        ]
    )
    assert counts(result, "EVENT") == (1, 1, 3)
    assert result["detail"]["d"]["false"] == ["launch:Alten"]
    assert counts(result, "acquisition") == (1, 0, 0)
    assert counts(result, "launch") == (0, 1, 0)


def test_amount_needs_value_within_half_a_percent_and_currency():
    good = run([{"kind": "acquisition", "org": "Alten", "target": "Atos", "amount": {"value": 271e6}}])
    assert counts(good, "EVENT_FULL")[0] == 1  # the main attribute of an acquisition is its target
    wrong = score_events(
        [
            dict(
                GOLD,
                events=[{"kind": "funding", "org": "Orvelis", "amount": {"value": 5e6, "currency": "EUR"}}],
            )
        ],
        {
            "d": {
                "events": [{"kind": "funding", "org": "Orvelis", "amount": {"value": 5e6, "currency": "USD"}}]
            }
        },
    )
    assert counts(wrong, "EVENT") == (1, 0, 0)
    assert counts(wrong, "EVENT_FULL") == (0, 1, 1)
    assert wrong["detail"]["d"]["wrong_attribute"] == [
        "funding:Orvelis amount={'value': 5000000.0, 'currency': 'USD'}"
    ]


def test_a_gold_event_without_its_attribute_is_not_judged_and_the_better_twin_wins():
    gold = dict(
        GOLD,
        events=[
            {"kind": "appointment", "org": "Orvelis", "person": "Paul Rey"},
            {"kind": "appointment", "org": "Orvelis", "person": "Jeanne Morel"},
            {"kind": "funding", "org": "Orvelis"},
        ],
    )
    predicted = [
        {"kind": "appointment", "org": "Orvelis", "person": "Jeanne Morel"},
        {"kind": "funding", "org": "Orvelis"},
    ]
    result = score_events([gold], {"d": {"events": predicted}})
    assert counts(result, "EVENT") == (2, 0, 1)
    assert counts(result, "EVENT_FULL") == (2, 0, 1)


def test_background_events_are_left_out():
    result = run([{"kind": "launch", "org": "Alten", "product": "X", "background": True}])
    assert counts(result, "EVENT") == (0, 0, 4)


def test_veille_eval_prints_event_rows_from_a_predictions_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    predictions = tmp_path / "pred.jsonl"
    events = [{"kind": "acquisition", "org": "Alten", "target": "Atos"}, {"kind": "legal", "org": "Atos"}]
    predictions.write_text(json.dumps({"id": "d", "entities": [], "events": events}) + "\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["eval", str(gold), "--predictions", str(predictions)]).output
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.strip()}
    assert rows["EVENT"] == ["1", "1", "3", "0.500", "0.250", "0.333"]
    assert rows["EVENT_FULL"] == ["1", "1", "3", "0.500", "0.250", "0.333"]
    assert rows["legal"] == ["0", "1", "0", "0.000", "1.000", "0.000"]
