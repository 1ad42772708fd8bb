"""A synthetic veille database for the query benchmark, built with the real schema (db.open_db).

Realistic shape rather than uniform noise: entity popularity follows Zipf's law (a few companies
are in many articles, most names appear a handful of times), publication dates spread over three
years with the volume growing, and article texts are French tech-press sentences whose mention
offsets and evidence sentences are real. Rows go in with executemany inside one transaction per
table (save_article per row would take an hour for a million mentions); the FTS triggers and
indexes of the schema stay on, as in production.
"""

from __future__ import annotations

import itertools
import json
import logging
import random
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import benchlib  # first: puts the repository on sys.path

from db import SCHEMA_VERSION, content_hash, name_key, open_db

logger = logging.getLogger(__name__)

SOURCES = [
    "lemondeinformatique", "silicon", "zdnet", "lemagit", "01net", "jdn", "usine-digitale",
    "channelnews", "itespresso", "numerama", "frandroid", "next", "bfmtech",
]  # fmt: skip
TOP_ORGS = [
    "Microsoft", "Google", "Orange", "Amazon Web Services", "Capgemini", "Cisco", "OVHcloud", "Apple",
    "Atos", "SAP", "Meta", "Nvidia", "IBM", "Oracle", "Thales", "Salesforce", "Sopra Steria", "Free",
    "Dassault Systèmes", "Intel", "SFR", "Bouygues Telecom", "Mistral AI", "Samsung", "Schneider Electric",
    "Worldline", "Scaleway", "Docaposte", "Criteo", "Doctolib", "Alan", "Qonto", "Back Market",
]  # fmt: skip
TOP_PRODUCTS = ["Azure", "Copilot", "ChatGPT", "iPhone", "Windows 11", "Gemini", "Teams", "Android", "Llama"]
SYLLABLES = "da ta ne xo li ra vi mo ka zen tor qua lys sol ter nova cy bel gri fal ion dex pho mar".split()
ORG_SUFFIXES = [
    "",
    "",
    " Systèmes",
    " Cloud",
    " Technologies",
    " Data",
    " Software",
    " Group",
    " SAS",
    " Labs",
]
FIRST = "Marie Jean Sophie Thomas Camille Nicolas Julie Pierre Claire Antoine Laura Hugo Élise Karim Inès Paul".split()
LAST = "Martin Bernard Dubois Durand Lefèvre Moreau Laurent Girard Roux Fournier Mercier Boyer Garnier Chevalier Faure Rousseau Blanc Guérin Muller Henry".split()
NOUNS = "plateforme offre solution infrastructure stratégie cybersécurité souveraineté données centre partenariat levée acquisition croissance intelligence automatisation migration réseau serveur licence abonnement logiciel".split()
ADJS = "numérique souverain européen hybride critique stratégique nouveau majeur ouvert massif générative".split()
VERBS = "annonce lance présente acquiert renforce déploie signe dévoile rachète investit".split()
TEMPLATES = {
    "ORG": [
        "{e} {verb} une {noun} {adj} destinée aux entreprises françaises.",
        "Selon {e}, la {noun} {adj} doit entrer en production d'ici la fin de l'année.",
        "Le groupe {e} a confirmé ce {weekday} un accord avec plusieurs acteurs du secteur.",
        "Les clients de {e} pourront tester la {noun} dès le prochain trimestre.",
    ],
    "PERSON": [
        "« Nous voulons accélérer sur la {noun} », explique {e}, directeur général.",
        "{e} a détaillé la feuille de route devant les analystes ce {weekday}.",
        "Interrogée par nos soins, {e} évoque une {noun} {adj} très attendue.",
    ],
    "PRODUCT": [
        "La nouvelle version de {e} apporte une {noun} {adj} aux administrateurs.",
        "{e} sera disponible en France à partir du mois prochain.",
        "Les tarifs de {e} augmentent de 8 % par utilisateur et par mois.",
    ],
}
FILLERS = [
    "Le marché de la {noun} {adj} progresse de {pct} % sur un an selon les analystes.",
    "Cette {noun} s'inscrit dans une stratégie {adj} annoncée l'an dernier.",
    "Les DSI interrogés citent la {noun} comme leur première priorité budgétaire.",
    "Le projet représente un investissement de {money} millions d'euros sur trois ans.",
    "La {noun} {adj} reste un sujet sensible pour les collectivités et les hôpitaux.",
]
WEEKDAYS = "lundi mardi mercredi jeudi vendredi".split()


def _synthetic_name(rng: random.Random, label: str, used: set[str]) -> str:
    while True:
        if label == "PERSON":
            surname = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
            name = f"{rng.choice(FIRST)} {rng.choice([rng.choice(LAST), surname])}"
        else:
            stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
            suffix = rng.choice(ORG_SUFFIXES) if label == "ORG" else f" {rng.randint(2, 12)}"
            name = stem + suffix
        if name_key(name) not in used:
            used.add(name_key(name))
            return name


def make_entities(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """(label, name) by popularity rank: famous companies first, then generated names."""
    labelled = [("ORG", n) for n in TOP_ORGS[:3]] + [("PRODUCT", TOP_PRODUCTS[0])]
    labelled += [("ORG", n) for n in TOP_ORGS[3:]] + [("PRODUCT", n) for n in TOP_PRODUCTS[1:]]
    used = {name_key(n) for _, n in labelled}
    while len(labelled) < count:
        label = rng.choices(["ORG", "PERSON", "PRODUCT"], weights=[5, 3, 2])[0]
        labelled.append((label, _synthetic_name(rng, label, used)))
    return labelled[:count]


def zipf_weight(rank: int, offset: float = 5.0) -> float:
    """Zipf-Mandelbrot popularity: 1/(rank+offset). The offset flattens the head so the top company
    is in about one article in eight (as Microsoft or Orange are in the French tech press), not half."""
    return 1.0 / (rank + offset)


def fill_template(rng: random.Random, template: str, entity: str = "") -> str:
    return template.format(
        e=entity,
        verb=rng.choice(VERBS),
        noun=rng.choice(NOUNS),
        adj=rng.choice(ADJS),
        weekday=rng.choice(WEEKDAYS),
        pct=rng.randint(2, 40),
        money=rng.randint(2, 900),
    )


def _mention_counts(rng: random.Random, articles: int, mentions: int) -> list[int]:
    """Mentions per article (1..30, mean mentions/articles), adjusted to sum exactly to ``mentions``."""
    mean = mentions / articles
    counts = [min(30, max(1, round(rng.gammavariate(3.0, mean / 3.0)))) for _ in range(articles)]
    diff = mentions - sum(counts)
    step = 1 if diff > 0 else -1
    i = 0
    while diff:
        j = i % articles
        if 1 <= counts[j] + step <= 30:
            counts[j] += step
            diff -= step
        i += 1
    return counts


def _published(rng: random.Random, start: datetime, days: int) -> str:
    # u ** 0.7 of a uniform draw: the volume grows over the period, as a growing crawl does.
    offset = int(days * (rng.random() ** 0.7))
    moment = start + timedelta(days=offset, hours=rng.randint(6, 21), minutes=rng.randint(0, 59))
    return moment.strftime("%Y-%m-%dT%H:%M:00+01:00")


def make_article(
    rng: random.Random, article_id: int, n_mentions: int, picks: list[int], entities: list[tuple[str, str]]
) -> tuple[dict[str, Any], list[tuple]]:
    """One article row and its mention rows (entity id, surface, start, end, sentence)."""
    distinct = picks[: max(1, (n_mentions * 2) // 3)]
    order = distinct + [rng.choice(distinct) for _ in range(n_mentions - len(distinct))]
    rng.shuffle(order)
    parts: list[str] = []
    offset = 0
    mentions: list[tuple] = []
    for ent in order:
        for _ in range(rng.randint(0, 2)):
            filler = fill_template(rng, rng.choice(FILLERS))
            parts.append(filler)
            offset += len(filler) + 1
        label, name = entities[ent - 1]
        template = rng.choice(TEMPLATES[label])
        sentence = fill_template(rng, template, name)
        start = offset + sentence.index(name)
        mentions.append((ent, label, name, start, start + len(name), sentence))
        parts.append(sentence)
        offset += len(sentence) + 1
    # The closing line keeps every text distinct (content_hash is unique), as real bylines do.
    parts.append(f"Article n°{article_id}, mis à jour à {rng.randint(7, 22)}h{rng.randint(10, 59)}.")
    text = " ".join(parts)
    lead_label, lead = entities[order[0] - 1]
    title = f"{lead} {rng.choice(VERBS)} une {rng.choice(NOUNS)} {rng.choice(ADJS)}"
    return {"id": article_id, "title": title, "text": text}, mentions


def _batches(iterable: Iterator, size: int) -> Iterator[list]:
    while batch := list(itertools.islice(iterable, size)):
        yield batch


def generate(path: Path, *, articles: int, mentions: int, entities: int, seed: int = 6) -> dict[str, Any]:
    """Create the database at ``path`` (replacing it); return counts and the generation time."""
    started = time.perf_counter()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    rng = random.Random(seed)
    db = open_db(path)
    db.execute("PRAGMA synchronous = OFF")
    names = make_entities(rng, entities)
    first_day = datetime(2022, 1, 1)
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO entities (id, label, name, name_key, first_seen_at) VALUES (?, ?, ?, ?, ?)",
            [(i, lab, n, name_key(n), "2022-01-01") for i, (lab, n) in enumerate(names, 1)],
        )
        db.conn.executemany(
            "INSERT INTO entity_aliases (entity_id, alias, alias_key) VALUES (?, ?, ?)",
            [(i, n, name_key(n)) for i, (_, n) in enumerate(names, 1)],
        )
    weights = list(itertools.accumulate(zipf_weight(rank) for rank in range(1, entities + 1)))
    counts = _mention_counts(rng, articles, mentions)
    rows = _article_rows(rng, counts, names, weights, first_day)
    for batch in _batches(rows, 5000):
        _insert_batch(db, batch)
    db.execute("ANALYZE")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return {
        "articles": articles,
        "mentions": mentions,
        "entities": entities,
        "seed": seed,
        "generation_s": round(time.perf_counter() - started, 1),
        "size_mb": benchlib.mb(path.stat().st_size),
    }


def _article_rows(
    rng: random.Random,
    counts: list[int],
    names: list[tuple[str, str]],
    weights: list[float],
    first_day: datetime,
) -> Iterator[tuple[dict, list[tuple]]]:
    population = range(1, len(names) + 1)
    for article_id, n in enumerate(counts, 1):
        picks = list(dict.fromkeys(rng.choices(population, cum_weights=weights, k=n)))
        article, mentions = make_article(rng, article_id, n, picks, names)
        source = rng.choice(SOURCES)
        article.update(
            source=source,
            url=f"https://{source}.example.fr/actualites/{article_id}-article.html",
            published_at=_published(rng, first_day, 3 * 365),
        )
        yield article, mentions


def _insert_batch(db: Any, batch: list[tuple[dict, list[tuple]]]) -> None:
    article_rows, url_rows, mention_rows = [], [], []
    for art, mentions in batch:
        fetched = art["published_at"][:10] + "T23:00:00+00:00"
        article_rows.append(
            (art["id"], art["source"], art["url"], art["url"], art["title"], art["published_at"], fetched,
             "fr", art["text"], len(art["text"].split()), content_hash(art["text"]), 1)
        )  # fmt: skip
        url_rows.append((art["url"], art["id"], "canonical", fetched))
        mention_rows.extend(
            (art["id"], ent, label, surface, start, end, sentence, art["published_at"])
            for ent, label, surface, start, end, sentence in mentions
        )
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO articles (id, source, url, canonical_url, title, published_at, fetched_at, lang, text, "
            "word_count, content_hash, nlp_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            article_rows,
        )
        db.conn.executemany(
            "INSERT INTO article_urls (url, article_id, kind, first_seen_at) VALUES (?, ?, ?, ?)", url_rows
        )
        db.conn.executemany(
            'INSERT INTO mentions (article_id, entity_id, label, surface, start, "end", sentence, published_at) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            mention_rows,
        )


def cached(path: Path, *, articles: int, mentions: int, entities: int) -> dict[str, Any]:
    """Reuse the database at ``path`` if it holds the requested counts and schema, else generate it."""
    stamp = path.with_suffix(".json")
    wanted = {"articles": articles, "mentions": mentions, "entities": entities}
    if path.exists() and stamp.exists():
        meta = json.loads(stamp.read_text())
        if all(meta.get(k) == v for k, v in wanted.items()) and meta.get("schema_version") == SCHEMA_VERSION:
            return {**meta, "cached": True}
    print(f"generating {path.name}: {articles:,} articles, {mentions:,} mentions, {entities:,} entities ...")
    meta = {**generate(path, **wanted), "schema_version": SCHEMA_VERSION}
    stamp.write_text(json.dumps(meta, indent=2))
    return {**meta, "cached": False}
