"""The model's attribute_ruler with the same output at a fraction of the cost (`veille_attribute_ruler`).

The French models' attribute_ruler copies each token's POS into its TAG ('NOUN' -> 'NOUN'), one
Matcher pattern per POS, then fixes the whitespace tokens. Matching twenty one-token patterns and
making a Span per token took as long as a third of the parser. Here the leading one-token rules
'POS X -> TAG Y' become one table lookup over the Doc's arrays; the rules after them go through a
Matcher, applied in the ruler's own order (the later rule wins) with the ruler's own function. When
each of those is one token with a fixed POS or IS_SPACE ('IS_SPACE': True), the Matcher reads only
the tokens that have it (its NOT_IN test is Python code it would run on every token). A ruler of
another shape (a rule after the table that reads TAG) runs unchanged.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy
from spacy.attrs import IS_SPACE, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

logger = logging.getLogger(__name__)


@Language.factory("veille_attribute_ruler", default_config={"validate": False})
def make_attribute_ruler(nlp: Language, name: str, validate: bool) -> TableAttributeRuler:
    return TableAttributeRuler(nlp.vocab, name, validate=validate)


def speed_up_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Replace the model's attribute_ruler (same name, same patterns) by the table version."""
    if name not in nlp.pipe_names or isinstance(nlp.get_pipe(name), TableAttributeRuler):
        return
    patterns = nlp.get_pipe(name).patterns
    nlp.replace_pipe(name, "veille_attribute_ruler").add_patterns(patterns)


class TableAttributeRuler(AttributeRuler):
    """An AttributeRuler (same patterns, same serialisation) whose leading 'POS -> TAG' rules are a table."""

    _plan: _Plan | bool | None = None

    def add(self, patterns: Any, attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._plan = None

    def clear(self) -> None:
        super().clear()
        self._plan = None

    def __call__(self, doc: Doc) -> Doc:
        if self._plan is None:
            self._plan = self._compile()
        if self._plan is False:
            return super().__call__(doc)
        if not len(doc):
            return doc
        plan = self._plan
        arrays = doc.to_array([POS, TAG, IS_SPACE])
        matches = sorted(
            (int(self.vocab.strings[m_id]), start, end) for m_id, start, end in plan.matches(doc, arrays)
        )  # matched before the table sets TAG, as the ruler matches everything before it sets anything
        pos = numpy.minimum(arrays[:, 0], len(plan.has_rule) - 1)
        tags = numpy.where(plan.has_rule[pos], plan.tag_of[pos], arrays[:, 1])
        doc.from_array([TAG], tags.astype(numpy.uint64))
        for rule, start, end in matches:
            set_token_attrs(doc[start:end][self.indices[rule]], self.attrs[rule])
        return doc

    def _compile(self) -> _Plan | bool:
        """The table and the Matcher of the other rules, or False when the table cannot stand for the
        rules (a later rule reads TAG: the ruler would match it before setting any TAG)."""
        table: dict[int, int] = {}
        rest = Matcher(self.vocab, validate=self.validate)
        anchors: list[tuple[int, int]] | None = []
        in_table = True
        for rule, pattern in enumerate(self.patterns):
            tag = _pos_to_tag(pattern)
            if in_table and tag is not None:
                table[POS_IDS[tag[0]]] = self.attrs[rule][TAG]
                continue
            in_table = False
            if any("TAG" in {k.upper() for k in token} for p in pattern["patterns"] for token in p):
                logger.info("attribute_ruler: a rule reads TAG, the Matcher runs every rule")
                return False
            rest.add(str(rule), pattern["patterns"])
            for token_pattern in pattern["patterns"]:
                anchor = _anchor(token_pattern)
                anchors = None if anchors is None or anchor is None else [*anchors, anchor]
        return _Plan(table, rest, anchors)


class _Plan:
    """POS id -> TAG hash as two arrays (the last slot stands for every POS without a rule), and the
    rules after the table: a Matcher, with the (column, value) one of which each matching token has."""

    def __init__(self, table: dict[int, int], rest: Matcher, anchors: list[tuple[int, int]] | None):
        size = max(table, default=0) + 2
        self.has_rule = numpy.zeros(size, dtype=bool)
        self.tag_of = numpy.zeros(size, dtype=numpy.uint64)
        for pos, tag_hash in table.items():
            self.has_rule[pos], self.tag_of[pos] = True, tag_hash
        self.rest, self.anchors = rest, anchors

    def matches(self, doc: Doc, arrays: numpy.ndarray) -> list[tuple[int, int, int]]:
        if not len(self.rest):
            return []
        if self.anchors is None:
            return self.rest(doc, allow_missing=True)
        wanted = numpy.zeros(len(doc), dtype=bool)
        for column, value in self.anchors:
            wanted |= arrays[:, column] == value
        found = []
        for i in numpy.flatnonzero(wanted).tolist():
            found += [(m_id, i, i + 1) for m_id, _, _ in self.rest(doc[i : i + 1], allow_missing=True)]
        return found


def _anchor(token_patterns: list[dict]) -> tuple[int, int] | None:
    """(column of the arrays, value) a one-token pattern requires, the rarer first: POS 'SPACE' ->
    (0, SPACE id), IS_SPACE True -> (2, 1); None for a longer pattern or one without such a test."""
    if len(token_patterns) != 1:
        return None
    token = {key.upper(): value for key, value in token_patterns[0].items()}
    if "OP" in token:
        return None  # 'OP': '+' would match a run of tokens
    if isinstance(token.get("POS"), str) and token["POS"] in POS_IDS:
        return 0, POS_IDS[token["POS"]]
    if token.get("IS_SPACE") is True:
        return 2, 1
    return None


def _pos_to_tag(pattern: dict) -> tuple[str, str] | None:
    """('NOUN', 'NOUN') for a rule {'patterns': [[{'POS': 'NOUN'}]], 'attrs': {'TAG': 'NOUN'}, 'index': 0}."""
    patterns, attrs = pattern["patterns"], pattern["attrs"]
    if len(patterns) != 1 or len(patterns[0]) != 1 or pattern["index"] not in (0, -1):
        return None
    token = patterns[0][0]
    if set(token) != {"POS"} or set(attrs) != {"TAG"}:
        return None
    pos, tag = token["POS"], attrs["TAG"]
    if not isinstance(pos, str) or not isinstance(tag, str) or pos not in POS_IDS:
        return None
    return pos, tag
