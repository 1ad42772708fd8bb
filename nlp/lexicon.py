"""The data files of nlp/patterns/ (gazetteers, titles, currencies, word lists, word maps), loaded once."""

from __future__ import annotations

import json
import logging
from functools import cache
from pathlib import Path
from types import MappingProxyType

logger = logging.getLogger(__name__)

PATTERNS_DIR = Path(__file__).resolve().parent / "patterns"


def read_jsonl(name: str, directory: str | Path | None = None) -> list[dict]:
    """Every JSON object of a patterns file; a broken line is an error naming the file and line."""
    path = Path(directory or PATTERNS_DIR) / name
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
    return rows


@cache
def word_lists(directory: str | None = None) -> dict[str, frozenset[str]]:
    """words.jsonl as {list name: set of words}; matching lists are compared lowercase except places."""
    lists = {}
    for row in read_jsonl("words.jsonl", directory):
        words = row["words"] if row["name"] == "places" else [w.lower() for w in row["words"]]
        lists[row["name"]] = frozenset(words)
    return lists


@cache
def word_maps(directory: str | None = None) -> dict[str, MappingProxyType[str, str]]:
    """role_maps.jsonl as {map name: read-only {word: code}}: 'dirigée' -> CEO, 'direction' -> 'directrice'."""
    return {
        row["name"]: MappingProxyType(dict(row["map"])) for row in read_jsonl("role_maps.jsonl", directory)
    }


@cache
def titles(directory: str | None = None) -> dict[str, str]:
    """{raw title in lowercase: normalised role}; the longest titles win when they overlap."""
    table = {}
    for row in read_jsonl("titles.jsonl", directory):
        for title in row["titles"]:
            table.setdefault(title.lower(), row["role"])
    return table


def normalise_title(raw: str, directory: str | None = None) -> str:
    """'P-DG' -> CEO, 'directrice financière' -> CFO, 'vice-présidente senior' -> VP; unknown -> OTHER."""
    table = titles(directory)
    words = [w.removeprefix("ex-") for w in raw.lower().replace("’", "'").split()]
    for size in range(len(words), 0, -1):
        for start in range(0, len(words) - size + 1):
            found = " ".join(words[start : start + size])
            role = table.get(found)
            if role:
                if found in word_lists()["generic_boss"] and len(words) > size:
                    return "DIRECTOR"  # "patron de la distribution" heads a function, not the company
                return role
    return "OTHER"


EX_PREFIXES = ("ex-", "ex‑")  # with a hyphen or a non-breaking hyphen


def has_ex_prefix(text: str) -> bool:
    """'ex-Workday', 'ex‑Cisco': a former employer (or title) written with its prefix."""
    return text[:3].lower() in EX_PREFIXES
