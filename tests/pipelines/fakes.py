"""A tiny stand-in for the NLP stage (VEILLE_NLP="tests.pipelines.fakes:make_extractor"):
every "Cisco" in a text is an ORG mention. It records its calls so tests can check batching."""

from __future__ import annotations

import re

CALLS: list[int] = []


def make_extractor():
    def extract(texts: list[str]) -> list[dict]:
        CALLS.append(len(texts))
        return [
            {
                "entities": [
                    {
                        "label": "ORG",
                        "text": "Cisco",
                        "canonical": "Cisco",
                        "start": m.start(),
                        "end": m.end(),
                    }
                    for m in re.finditer(r"\bCisco\b", text)
                ],
                "roles": [],
                "version": 1,
            }
            for text in texts
        ]

    return extract


def make_failing_extractor():
    def extract(texts: list[str]) -> list[dict]:
        raise RuntimeError("model crashed")

    return extract
