"""Web forms checked like the CLI checks its options: a bad date, an unknown period or label, an
entity nobody knows — each gets one clear French line in the page, with close names to click.

The canned queries still run (blank fields mean "no filter"); a bad date makes them return no row
(``date()`` of a bad day is NULL in SQL) and this says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from db.queries import PERIODS, QUERIES_BY_NAME, close_matches, resolve_entity
from db.sqlfunctions import valid_date

LABELS = ("ORG", "PERSON", "PRODUCT", "LOC", "MISC")
_DATE_PARAMS = ("since", "until")
_ENTITY_PARAMS = ("entity", "company")


@dataclass
class Notice:
    message: str
    suggestions: list[tuple[str, str]] = field(default_factory=list)  # (name, url)


def _simple_notices(args: dict[str, str], params: tuple[str, ...]) -> list[Notice]:
    notices = []
    for name in _DATE_PARAMS:
        value = (args.get(name) or "").strip()
        if name in params and not valid_date(value):
            notices.append(
                Notice(f"Date invalide pour « {name} » : {value!r} (attendu AAAA-MM-JJ, un jour qui existe, "
                       "par exemple 2024-01-31) ; aucune ligne tant qu'elle n'est pas corrigée.")
            )  # fmt: skip
    by = (args.get("by") or "").strip()
    if "by" in params and by and by not in PERIODS:
        notices.append(Notice(f"Période inconnue « {by} » : day, week ou month ; les mois sont utilisés."))
    label = (args.get("label") or "").strip().upper()
    if "label" in params and label and label not in LABELS:
        notices.append(Notice(f"Type inconnu « {label} » : {', '.join(LABELS)}."))
    return notices


def entity_notice(conn, name: str, retry_url) -> Notice | None:
    """None when ``name`` is blank or names an entity; else the message with close names as links."""
    if not name.strip() or resolve_entity(conn, name) is not None:
        return None
    close = close_matches(conn, name)
    message = f"Aucune entité nommée « {name} » dans la base."
    message += " Noms proches :" if close else " Aucun nom proche : vérifiez l'orthographe."
    return Notice(message, [(c, retry_url(c)) for c in close])


async def query_notices(database, query_name: str, args: dict[str, str], path: str) -> list[Notice]:
    """The notices of a canned query page, for the arguments of the request."""
    query = QUERIES_BY_NAME.get(query_name)
    if query is None:
        return []
    notices = _simple_notices(args, query.params)
    for param in _ENTITY_PARAMS:
        value = args.get(param) or ""
        if param not in query.params or not value.strip():
            continue

        def retry(name: str, param: str = param) -> str:
            return path + "?" + urlencode({**{p: args.get(p, "") for p in query.params}, param: name})

        notice = await database.execute_fn(lambda conn, v=value, r=retry: entity_notice(conn, v, r))
        if notice:
            notices.append(notice)
    return notices


def page_date_notices(args: dict[str, Any]) -> list[Notice]:
    """The notices of the entity page's own form (period and dates)."""
    return _simple_notices({k: str(v) for k, v in args.items()}, ("by", "since", "until"))
