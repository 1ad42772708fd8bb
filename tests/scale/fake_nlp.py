"""A fast NLP stand-in for the re-extraction workers (``VEILLE_NLP=tests.scale.fake_nlp:factory``).

Like tests/faults/fake_nlp.py (company names become ORG mentions), except that a text containing
POISON makes the whole call fail: the poison article of the dead-letter test. ``slow_factory``
takes SLOW seconds per text, so that a worker can be killed in the middle of a chunk.
"""

from __future__ import annotations

import time

from tests.faults.fake_nlp import extract as _extract

POISON = "POISON"
SLOW = 0.25  # a chunk of 10 takes 2.5 s: room for the kill to land mid-chunk on a loaded machine


def extract(texts: list[str]) -> list[dict]:
    if any(POISON in text for text in texts):
        raise ValueError("this text breaks the NLP")
    return _extract(texts)


def factory():
    return extract


def slow_factory():
    def slow(texts: list[str]) -> list[dict]:
        time.sleep(SLOW * len(texts))
        return extract(texts)

    return slow
