"""The SQL of the events workbench: the canned query `evenements` and the bookmarkable
`levees_de_fonds`, `acquisitions`, `nominations` (one template, the kind fixed or a filter), which the
alert feeds (db/datasette_plugin/alerts.py) and `veille export events` run as they are.

Filters (empty = no filter): kind (acquisition, funding, appointment, departure, launch, shutdown,
results, partnership, layoffs, legal), company (the company of the event or a participant: target,
partner, investor; any name or alias, case and accents ignored), since / until (YYYY-MM-DD,
included), min (smallest amount, in units) and currency (ISO 4217). Background mentions (a past
event told as context) are left out.
"""

from __future__ import annotations

EVENT_PARAMS = ("kind", "company", "since", "until", "min", "currency")

_KIND_FILTER = "(:kind = '' OR ev.kind = lower(trim(:kind)))"


def events_sql(kind: str | None = None) -> str:
    """The events query; with ``kind`` the kind is fixed (and :kind is not a parameter)."""
    kind_clause = f"ev.kind = '{kind}'" if kind else _KIND_FILTER
    return f"""SELECT
    substr(ev.published_at, 1, 10) AS date,
    ev.kind AS type,
    veille_event_title(ev.kind, ev.org, ev.target, ev.partner, ev.person, ev.title, ev.role, ev.product,
        ev.amount_value, ev.amount_currency, ev.job_count) AS evenement,
    ev.org AS entreprise,
    ev.target AS cible,
    ev.partner AS partenaire,
    (SELECT group_concat(p.name, ', ') FROM event_participants p
        WHERE p.event_id = ev.id AND p.part = 'investor') AS investisseurs,
    ev.person AS personne,
    ev.title AS fonction,
    ev.product AS produit,
    veille_amount(ev.amount_value, ev.amount_currency) AS montant,
    ev.amount_value AS valeur,
    ev.amount_currency AS devise,
    ev.job_count AS postes,
    ev.period AS exercice,
    ev.authority AS autorite,
    ev.counterparty AS partie_adverse,
    a.title AS article,
    a.canonical_url AS lien,
    CASE WHEN ev.org_entity_id IS NOT NULL THEN '/-/veille/entity/' || ev.org_entity_id END AS chronologie,
    ev.sentence AS phrase,
    ev.rule AS regle,
    ev.id AS evenement_id,
    ev.article_id,
    ev.org_entity_id AS entreprise_id,
    ev.published_at AS publie_le
FROM events ev
JOIN articles a ON a.id = ev.article_id
WHERE ev.background = 0
  AND {kind_clause}
  AND (:company = '' OR ev.org_entity_id IN (
        SELECT al.entity_id FROM entity_aliases al WHERE al.alias_key = veille_name_key(:company))
    OR ev.id IN (
        SELECT p.event_id FROM event_participants p
        JOIN entity_aliases al ON al.entity_id = p.entity_id
        WHERE al.alias_key = veille_name_key(:company)))
  AND (:since = '' OR ev.published_at >= :since)
  AND (:until = '' OR ev.published_at < date(:until, '+1 day'))
  AND (:min = '' OR ev.amount_value >= CAST(:min AS REAL))
  AND (:currency = '' OR ev.amount_currency = upper(trim(:currency)))
ORDER BY ev.published_at DESC, ev.id DESC
LIMIT 1000"""


_FILTERS = (
    "Filtres : company (entreprise concernée, y compris cible, partenaire ou investisseur), since / until "
    "(AAAA-MM-JJ incluses), min (montant minimal en unités : 10000000 = 10 M) et currency (EUR, USD…)."
)

#: (name, title, description, sql, params) of each canned query; db.queries makes them CannedQuery
EVENT_QUERIES: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    (
        "evenements",
        "Événements d'entreprises",
        "Rachats, levées de fonds, nominations, départs, lancements, arrêts, résultats, partenariats, "
        "suppressions de postes et procédures relevés dans les articles, le plus récent d'abord, avec la "
        "phrase source. kind : acquisition, funding, appointment, departure, launch, shutdown, results, "
        "partnership, layoffs ou legal. " + _FILTERS,
        events_sql(),
        EVENT_PARAMS,
    ),
    (
        "levees_de_fonds",
        "Levées de fonds",
        "Les levées de fonds relevées dans les articles, avec le montant et les investisseurs. " + _FILTERS,
        events_sql("funding"),
        EVENT_PARAMS[1:],
    ),
    (
        "acquisitions",
        "Acquisitions",
        "Les rachats et prises de participation : acquéreur, cible, montant. " + _FILTERS,
        events_sql("acquisition"),
        EVENT_PARAMS[1:],
    ),
    (
        "nominations",
        "Nominations",
        "Qui a été nommé à quel poste, dans quelle entreprise, d'après quel article. " + _FILTERS,
        events_sql("appointment"),
        EVENT_PARAMS[1:],
    ),
)
