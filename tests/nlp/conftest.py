from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    """extract(text) -> {"entities": [...], "roles": [...]} for one text."""
    from nlp import extract_texts

    def run(text: str) -> dict:
        return next(extract_texts(nlp, [text]))

    return run


def labelled(result: dict, label: str) -> dict[str, dict]:
    """{surface text: entity} for one label."""
    return {e["text"]: e for e in result["entities"] if e["label"] == label}


def pairs(result: dict) -> set[tuple[str, str]]:
    return {(r["person"], r["org"]) for r in result["roles"]}
