"""French column and form labels of the workbench (the names in the database stay English)."""

from __future__ import annotations

from db.events_fr import EVENT_KINDS
from db.fr import ROLE_LABELS

COLUMN_LABELS = {
    "id": "n°",
    "source": "Source",
    "url": "Adresse lue",
    "canonical_url": "Adresse",
    "title": "Titre",
    "author": "Auteur",
    "published_at": "Publié le",
    "fetched_at": "Collecté le",
    "lang": "Langue",
    "text": "Texte",
    "description": "Chapô",
    "sitename": "Site",
    "feed_url": "Flux",
    "word_count": "Mots",
    "content_hash": "Empreinte",
    "nlp_version": "Version NLP",
    "run_id": "Collecte",
    "date_source": "Origine de la date",
    "article_id": "Article",
    "entity_id": "Entité",
    "label": "Type",
    "name": "Nom",
    "name_key": "Clé",
    "maker": "Fabricant ou maison mère",
    "first_seen_at": "Vu le",
    "alias": "Alias",
    "alias_key": "Clé",
    "surface": "Tel qu'écrit",
    "start": "Début",
    "end": "Fin",
    "sentence": "Phrase",
    "kind": "Type",
    "value": "Valeur",
    "currency": "Devise",
    "rate": "Base",
    "org": "Entreprise",
    "org_entity_id": "Entreprise",
    "person": "Personne",
    "person_entity_id": "Personne",
    "role": "Fonction (code)",
    "former": "Ancien",
    "command": "Commande",
    "started_at": "Début",
    "ended_at": "Fin",
    "status": "Statut",
    "exit_code": "Code de sortie",
    "errors": "Erreurs",
    "new_articles": "Nouveaux articles",
    "duplicates": "Doublons",
    "pages_fetched": "Pages lues",
    "feeds_read": "Flux lus",
    # canned query parameters
    "entity": "Entité (nom, alias ou n°)",
    "company": "Entreprise",
    "by": "Période (day, week, month)",
    "since": "Depuis (AAAA-MM-JJ)",
    "until": "Jusqu'au (AAAA-MM-JJ, inclus)",
    "q": "Mots cherchés",
    # canned query columns
    "date": "Date",
    "entreprise": "Entreprise",
    "personne": "Personne",
    "fonction": "Fonction",
    "statut": "Statut",
    "depuis": "Depuis",
    "articles": "Articles",
    "article": "Article",
    "phrase": "Phrase",
    "lien": "Lien",
    "titre": "Titre",
    "extrait": "Extrait",
    "entite": "Entité",
    "periode": "Période",
    "mentions": "Mentions",
    "montants": "Montants",
    "valeurs": "Valeurs",
    "maximum": "Maximum",
    "valeur_max": "Maximum (nombre)",
    "devise": "Devise",
    "base": "Base",
    "type": "Type",
    "articles_communs": "Articles communs",
    "derniere_date": "Dernière date",
    "premiere_date": "Première date",
    "premier_jour": "Premier jour",
    "dernier_jour": "Dernier jour",
    "chronologie": "Graphique",
    "avec": "Avec",
    "atom_title": "Titre",
    "atom_updated": "Mis à jour",
    "atom_link": "Lien",
    "atom_content": "Extrait",
    "atom_author_name": "Auteur",
}


def column_label(name: str) -> str:
    """The French label of a column or parameter; an unknown name is shown as it is."""
    return COLUMN_LABELS.get(name, name)


#: words of Datasette's English description of a table's filters and sort ("12 rows where ... sorted by")
_HUMAN_WORDS = (
    ("sorted by", "triées par"),
    ("descending", "décroissant"),
    ("where", "où"),
    (" and ", " et "),
    ("search matches", "recherche"),
    ("contains", "contient"),
    ("is not blank", "n'est pas vide"),
    ("is blank", "est vide"),
    ("is null", "est vide"),
    ("starts with", "commence par"),
    ("ends with", "finit par"),
)


def human_description(text: str | None) -> str:
    """Datasette's "where source = x sorted by published_at descending" in French."""
    text = text or ""
    for english, french in _HUMAN_WORDS:
        text = text.replace(english, french)
    return text


_FACET_VALUES = {
    "role": ROLE_LABELS,
    "former": {"0": "en poste", "1": "ancien"},
    "label": {
        "ORG": "entreprise",
        "PERSON": "personne",
        "PRODUCT": "produit",
        "LOC": "lieu",
        "MISC": "divers",
    },
    "kind": {"MONEY": "somme", "PERCENT": "pourcentage", "QUANTITY": "quantité", **EVENT_KINDS},
}


def facet_value(value: str, column: str) -> str:
    """A facet's value as a journalist reads it: 'directeur financier' for CFO, 'ancien' for former = 1."""
    return _FACET_VALUES.get(column, {}).get(str(value), str(value))
