"""An event said in French, the way a feed entry or a table cell shows it ("Mistral AI lève 600 M€",
"Nomination : X devient directeur financier de Y"). Pure functions; registered as the SQL function
``veille_event_title`` so that the canned queries, the alert feeds and the exports say it the same way.
"""

from __future__ import annotations

from db.events_fr import EVENT_KINDS
from db.fr import format_amount, french_number, role_label


def _with_amount(text: str, value: float | None, currency: str | None, joiner: str = " pour ") -> str:
    return f"{text}{joiner}{format_amount(value, currency)}" if value is not None else text


def _function(title: str | None, role: str | None) -> str:
    """The title as written; a phrase such as 'à la tête' says no title: then the role's label."""
    if title and title.split(" ", 1)[0].lower() in ("à", "au", "a"):
        title = None
    return role_label(None if role == "OTHER" else role, title)


def event_title(
    kind: str | None,
    org: str | None,
    target: str | None = None,
    partner: str | None = None,
    person: str | None = None,
    title: str | None = None,
    role: str | None = None,
    product: str | None = None,
    amount_value: float | None = None,
    amount_currency: str | None = None,
    job_count: int | None = None,
) -> str:
    """One French sentence for an event row (the columns of the events table)."""
    org = org or "?"
    function = _function(title, role)
    if kind == "funding":
        return (
            f"{org} lève {format_amount(amount_value, amount_currency)}"
            if amount_value
            else f"{org} lève des fonds"
        )
    if kind == "acquisition":
        return _with_amount(f"{org} rachète {target or 'une entreprise'}", amount_value, amount_currency)
    if kind == "appointment":
        said = f"devient {function} de {org}" if function else f"rejoint {org}"
        return f"Nomination : {person or '?'} {said}"
    if kind == "departure":
        said = f"quitte son poste de {function} de {org}" if function else f"quitte {org}"
        return f"Départ : {person or '?'} {said}"
    if kind == "launch":
        return f"{org} lance {product}" if product else f"{org} lance un produit"
    if kind == "shutdown":
        return f"{org} arrête {product}" if product else f"{org} arrête une activité"
    if kind == "results":
        return _with_amount(f"Résultats de {org}", amount_value, amount_currency, " : ")
    if kind == "partnership":
        return f"Partenariat : {org} et {partner}" if partner else f"Partenariat : {org}"
    if kind == "layoffs":
        jobs = f"{french_number(job_count, 0)} postes" if job_count else "des postes"
        return f"{org} supprime {jobs}"
    if kind == "legal":
        return _with_amount(f"Procédure : {org}", amount_value, amount_currency, ", ")
    return f"{EVENT_KINDS.get(kind or '', kind or 'événement')} : {org}"
