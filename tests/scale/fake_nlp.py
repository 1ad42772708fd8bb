"""A fast NLP stand-in for the re-extraction workers (``VEILLE_NLP=tests.scale.fake_nlp:factory``).

Like tests/faults/fake_nlp.py (company names become ORG mentions), except that a text containing
POISON makes the whole call fail: the poison article of the dead-letter test.
"""

from __future__ import annotations

from tests.faults.fake_nlp import extract as _extract

POISON = "POISON"


def extract(texts: list[str]) -> list[dict]:
    if any(POISON in text for text in texts):
        raise ValueError("this text breaks the NLP")
    return _extract(texts)


def factory():
    return extract
