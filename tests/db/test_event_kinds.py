"""Each event kind has one French name, said the same way by every page, feed and export."""

from __future__ import annotations

import ast
from pathlib import Path

from db.datasette_plugin.alerts import _feed_title
from db.event_text import event_title
from db.events_fr import EVENT_KINDS, describe_event
from db.labels import facet_value
from veille.cli_events import export_events_cmd

DB = Path(__file__).resolve().parents[2] / "db"


def test_alert_feed_titles_use_the_kind_names_of_the_pages():
    # Before: the feed said "acquisition" and "procédure judiciaire ou sanction", the pages "rachat"
    # and "procédure" (two lists in db/event_text.py and db/events_fr.py).
    params = {"company": "", "min": "", "currency": ""}
    for kind, name in EVENT_KINDS.items():
        assert _feed_title({**params, "kind": kind}) == f"veille — alertes : {name}"
        assert facet_value(kind, "kind") == name


def test_unknown_kinds_fall_back_to_the_same_names():
    assert event_title("mystery", "Orvelis") == "mystery : Orvelis"
    assert describe_event({"kind": "mystery"}) == "mystery"


def test_the_export_offers_exactly_the_named_kinds():
    kind = next(p for p in export_events_cmd.params if p.name == "kind")
    assert list(kind.type.choices) == list(EVENT_KINDS)


def test_no_other_module_of_db_holds_a_list_of_kind_names():
    holders = []
    for path in sorted(DB.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                if {"acquisition", "funding", "legal"} <= keys:
                    holders.append(path.name)
    assert holders == ["events_fr.py"]
