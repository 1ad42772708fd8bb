"""Business events told in French from one entity's point of view ("a racheté Splunk", "a levé 30 M€").

Reads rows of the ``events`` table (migration 3, filled by the events extraction) as dicts; pure
functions, no I/O. The entity page lists an entity's events with these lines, the article page
the events of the article.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from db.fr import format_amount, format_percent, role_label

#: the one French name of each event kind (the ten kinds of EVENTS.md, in their order): table cells,
#: facets, the entity and article pages, alert feed titles, `veille export events --kind` choices
EVENT_KINDS = {
    "acquisition": "rachat",
    "funding": "levée de fonds",
    "appointment": "nomination",
    "departure": "départ",
    "launch": "lancement",
    "shutdown": "arrêt",
    "results": "résultats",
    "partnership": "partenariat",
    "layoffs": "suppressions de postes",
    "legal": "procédure judiciaire",
}


def _amount(event: Mapping[str, Any]) -> str:
    return format_amount(event.get("amount_value"), event.get("amount_currency"))


def _with_amount(text: str, event: Mapping[str, Any], word: str = "pour") -> str:
    amount = _amount(event)
    return f"{text} {word} {amount}" if amount else text


def _position(event: Mapping[str, Any]) -> str:
    return role_label(event.get("role"), event.get("title"))


def _acquisition(event: Mapping[str, Any], me: int | None) -> str:
    if me is not None and me == event.get("target_entity_id"):
        return _with_amount(f"a été racheté par {event.get('org') or '?'}", event)
    stake = f" {format_percent(event['stake'])} de" if event.get("stake") else ""
    return _with_amount(f"a racheté{stake} {event.get('target') or '(cible non précisée)'}", event)


def _appointment(event: Mapping[str, Any], me: int | None) -> str:
    position = _position(event)
    if me is not None and me == event.get("person_entity_id"):
        return f"a rejoint {event.get('org') or '?'}" + (f" comme {position}" if position else "")
    return f"a nommé {event.get('person') or '?'}" + (f" {position}" if position else "")


def _departure(event: Mapping[str, Any], me: int | None) -> str:
    position = f" ({_position(event)})" if _position(event) else ""
    if me is not None and me == event.get("person_entity_id"):
        return f"a quitté {event.get('org') or '?'}{position}"
    return f"départ de {event.get('person') or '?'}{position}"


def _partnership(event: Mapping[str, Any], me: int | None) -> str:
    other = (
        event.get("org") if me is not None and me == event.get("partner_entity_id") else event.get("partner")
    )
    return f"s'est associé à {other or '?'}"


def _other(event: Mapping[str, Any], me: int | None) -> str:
    kind = event.get("kind")
    if kind == "funding":
        return f"a levé {_amount(event)}" if _amount(event) else "a levé des fonds"
    if kind == "launch":
        return f"a lancé {event.get('product') or 'un produit'}"
    if kind == "shutdown":
        return f"arrête {event.get('product') or 'une activité'}"
    if kind == "results":
        period = f" ({event['period']})" if event.get("period") else ""
        return _with_amount(f"a publié ses résultats{period}", event, ":")
    if kind == "layoffs":
        jobs = event.get("job_count")
        return f"supprime {jobs} postes" if jobs else "annonce des suppressions de postes"
    if kind == "legal":
        other = event.get("authority") or event.get("counterparty")
        authority = f" ({other})" if other else ""
        return _with_amount(f"procédure{authority}", event, ":")
    return EVENT_KINDS.get(str(kind), str(kind))


_PHRASES = {
    "acquisition": _acquisition,
    "appointment": _appointment,
    "departure": _departure,
    "partnership": _partnership,
}


def describe_event(event: Mapping[str, Any], me: int | None = None) -> str:
    """The event in a short French phrase, seen from entity ``me`` (None: from its main company)."""
    phrase = _PHRASES.get(str(event.get("kind")), _other)(event, me)
    return phrase + (" (rappel)" if event.get("background") else "")


def event_subject(event: Mapping[str, Any], me: int | None = None) -> str:
    """Who the phrase is about: the main company, or ``me``'s name when the phrase is in its voice."""
    if me is not None and me in (event.get("target_entity_id"), event.get("person_entity_id")):
        return event.get("target") if me == event.get("target_entity_id") else event.get("person") or ""
    if me is not None and me == event.get("partner_entity_id"):
        return event.get("partner") or ""
    return event.get("org") or ""
