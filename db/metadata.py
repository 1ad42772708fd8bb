"""Datasette metadata of a veille database: French titles and descriptions, facets, sort orders,
label columns, full-text search and the canned queries of ``db.queries``.
"""

from __future__ import annotations

import html
import logging
from typing import Any
from urllib.parse import quote

from db.queries import CANNED_QUERIES

logger = logging.getLogger(__name__)

#: environment variable holding the password hash that ``veille serve`` hands to datasette-auth-passwords
PASSWORD_ENV = "VEILLE_PASSWORD_HASH"

_RULE = "Règle d'extraction qui l'a produit (voir veille explain)"
_PUBLISHED = "Date de publication (ISO 8601 ; à défaut, date de collecte)"

TABLES: dict[str, dict[str, Any]] = {
    "articles": {
        "title": "Articles",
        "description": "Un article par texte distinct ; le texte est affiché comme du texte brut, jamais comme du HTML.",
        "label_column": "title",
        "sort_desc": "published_at",
        "facets": ["source", "lang"],
        "fts_table": "articles_fts",
        "fts_pk": "id",
        "columns": {
            "source": "Nom de la source (sources.toml)",
            "url": "Adresse lue par le robot",
            "canonical_url": "Adresse canonique, sans paramètres de suivi (utm_*...)",
            "title": "Titre",
            "author": "Auteur(s)",
            "published_at": _PUBLISHED,
            "date_source": "Origine de la date de publication : jsonld, opengraph, labelled (« Publié le »), "
            "htmldate, byline, news_sitemap, feed, htmldate_text (la moins sûre) ; vide avant cette colonne",
            "fetched_at": "Date de collecte (UTC)",
            "lang": "Langue détectée",
            "text": "Texte principal de l'article",
            "description": "Chapô ou description",
            "sitename": "Nom du site",
            "feed_url": "Flux ou sitemap où l'article a été trouvé",
            "word_count": "Nombre de mots",
            "content_hash": "Empreinte du texte (même texte à deux adresses = un seul article)",
            "nlp_version": "Version de l'extraction d'entités appliquée",
            "run_id": "Collecte qui a ajouté l'article",
        },
    },
    "article_urls": {
        "title": "Adresses des articles",
        "description": "Toutes les adresses connues d'un article (lue, canonique, doublons).",
        "facets": ["kind"],
        "sort_desc": "first_seen_at",
        "columns": {"kind": "canonical, fetched, duplicate ou alternate", "first_seen_at": "Première vue"},
    },
    "entities": {
        "title": "Entités",
        "description": "Une ligne par entreprise (ORG), personne (PERSON) ou produit (PRODUCT) ; "
        "le nom mène à la chronologie de l'entité.",
        "label_column": "name",
        "sort": "name",
        "facets": ["label"],
        "columns": {
            "label": "Type : ORG, PERSON ou PRODUCT",
            "name": "Nom canonique",
            "name_key": "Clé de comparaison (minuscules, sans accents ni ponctuation)",
            "maker": "Fabricant (produits) ou maison mère (filiales)",
            "first_seen_at": "Première mention",
        },
    },
    "entity_aliases": {
        "title": "Alias des entités",
        "description": "Toutes les graphies rencontrées pour une entité ; la recherche par nom passe par alias_key.",
        "facets": [],
        "columns": {"alias": "Graphie rencontrée", "alias_key": "Clé de comparaison"},
    },
    "mentions": {
        "title": "Mentions",
        "description": "Chaque apparition d'une entité dans un article, avec la phrase comme preuve.",
        "sort_desc": "published_at",
        "facets": ["label"],
        "columns": {
            "surface": "Texte tel qu'écrit dans l'article",
            "start": "Position de début (caractères, dans articles.text)",
            "end": "Position de fin (exclue)",
            "sentence": "Phrase où l'entité est citée",
            "published_at": _PUBLISHED,
            "rule": _RULE,
        },
    },
    "amounts": {
        "title": "Montants",
        "description": "Sommes (MONEY), pourcentages (PERCENT) et quantités relevés dans les articles.",
        "sort_desc": "published_at",
        "facets": ["kind", "currency", "org"],
        "columns": {
            "kind": "MONEY, PERCENT ou QUANTITY",
            "value": "Valeur numérique (28 milliards = 28000000000)",
            "currency": "Devise ISO 4217 (EUR, USD...)",
            "rate": "Base du montant (par utilisateur et par mois...)",
            "surface": "Texte tel qu'écrit",
            "org": "Entreprise concernée",
            "sentence": "Phrase où le montant apparaît",
            "published_at": _PUBLISHED,
            "rule": _RULE,
            "range_end": "Borne d'une fourchette (low, high) ; la borne basse n'est pas ajoutée aux totaux",
        },
    },
    "roles": {
        "title": "Fonctions de dirigeants",
        "description": "Qui occupe (ou a occupé) quelle fonction dans quelle entreprise, d'après quel article.",
        "sort_desc": "published_at",
        "facets": ["role", "org", "former"],
        "columns": {
            "person": "Personne",
            "org": "Entreprise",
            "title": "Fonction telle qu'écrite (PDG, directeur général...)",
            "role": "Fonction normalisée (CEO, CFO, CTO...)",
            "former": "1 si ancienne fonction",
            "sentence": "Phrase source",
            "published_at": _PUBLISHED,
            "rule": _RULE,
        },
    },
    "crawl_runs": {
        "title": "Collectes",
        "description": "Journal des collectes (cron) : début, fin, statut, code de sortie, compteurs.",
        "sort_desc": "started_at",
        "facets": ["status", "command"],
    },
    "run_sources": {
        "title": "Collectes par source",
        "description": "Compteurs de chaque source pour chaque collecte.",
        "sort_desc": "run_id",
        "facets": ["source", "status"],
    },
    "feed_state": {
        "title": "État des flux",
        "description": "Dernière lecture de chaque flux ou sitemap (ETag, Last-Modified, échecs consécutifs).",
        "sort_desc": "consecutive_failures",
        "facets": ["source", "last_status"],
    },
    "entity_mentions": {
        "title": "Mentions avec leur article",
        "description": "Vue : chaque mention avec l'entité, la date, le jour, la semaine, le mois et l'article.",
        "sort_desc": "published_at",
        "facets": ["label", "source", "month"],
    },
}


def canned_queries() -> dict[str, dict[str, Any]]:
    return {
        q.name: {
            "title": q.title,
            "description": q.description,
            "sql": q.sql,
            "params": list(q.params),
            "hide_sql": True,
        }
        for q in CANNED_QUERIES
    }


def feed_title(query_name: str, title: str, args: dict[str, str]) -> str:
    """A feed's title naming what it follows: 'Nouvelles mentions de « Cisco » — veille'."""
    entity, words = (args.get("entity") or "").strip(), (args.get("q") or "").strip()
    if query_name == "nouvelles_mentions" and entity:
        return f"Nouvelles mentions de « {entity} » — veille"
    if query_name == "flux_recherche" and words:
        return f"Recherche « {words} » — veille"
    return title


def auth_metadata(username: str, public_read: bool = False) -> dict[str, Any]:
    """Metadata for the account ``username`` (veille's own Basic auth, the hash read from PASSWORD_ENV,
    never written in metadata): every page needs it, or with ``public_read`` only arbitrary SQL."""
    metadata: dict[str, Any] = {} if public_read else {"allow": {"id": username}}
    metadata["allow_sql"] = {"id": username}
    metadata["plugins"] = {
        "veille": {"username": username, "password_hash": {"$env": PASSWORD_ENV}, "public_read": public_read}
    }
    return metadata


def build_metadata(db_name: str, *, username: str | None = None, public_read: bool = False) -> dict[str, Any]:
    """Metadata for Datasette serving the veille database named ``db_name`` (the file's stem).

    With ``username`` every page requires that account (HTTP Basic auth checked by
    db.datasette_plugin.auth, the password hash read from the environment variable PASSWORD_ENV,
    never written in metadata); with ``public_read`` too, only arbitrary SQL does.
    """
    base = html.escape("/" + quote(db_name))
    metadata: dict[str, Any] = {
        "title": "veille — la presse tech française",
        "description_html": (
            "Articles de la presse tech française, entités (entreprises, personnes, produits), "
            f'dirigeants et montants. Commencez par <a href="{base}/entites">les entités les plus citées</a>, '
            f'<a href="{base}/qui_dirige_quoi">qui dirige quoi</a>, '
            f'<a href="{base}/recherche">la recherche plein texte</a>, '
            f'<a href="{base}/montants">les montants</a> ou '
            '<a href="/-/veille/entity">la page d\'une entité</a>.'
        ),
        "license": "Données : extraits d'articles de presse, usage journalistique",
        "databases": {
            db_name: {
                "title": "Base veille",
                "description": "Base SQLite alimentée par la collecte ; lecture seule dans Datasette.",
                "tables": TABLES,
                "queries": canned_queries(),
            }
        },
    }
    if username:
        metadata.update(auth_metadata(username, public_read))
    return metadata
