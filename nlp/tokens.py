"""The `veille_name_tokens` component: 'O’Brien', 'N’Diaye' as one token, before the model reads them.

The French tokenizer splits an uppercase letter and an apostrophe off a word, as it does for the
articles l’ and d’: "Kevin O’Brien" becomes "Kevin", "O’", "Brien" and the model then misses the person.
Between a capitalised word and another one, such a letter is part of a surname. "L’" is always the
article ("L’Oréal" keeps its two tokens, as the model knows it). Only the curly apostrophe: with the
straight one the model reads "O'" + "Brien" as a name already, and merged it would not.

It also splits the full stop the tokenizer leaves on a code ending in letters or on a currency
('la 5G. Elle', 'le Mobilo 4G. Il', 'de 4 M€. Il'): glued, it hid the sentence end from the parser and
the product ran on into the next sentence ('Mobilo 4G. Il').
"""

from __future__ import annotations

import functools
import re
import weakref
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager

from spacy.attrs import IDX, LENGTH, LOWER
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

APOSTROPHES = ("’",)  # the straight form is split the same way, but the model reads it well


@Language.component("veille_name_tokens")
def merge_name_apostrophes(doc: Doc) -> Doc:
    spans = [
        doc[i : i + 2] for i in _apostrophe_tokens(doc) if 1 <= i < len(doc) - 1 and _surname_letter(doc, i)
    ]
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)
    glued = _glued_full_stops(doc)
    if glued:  # 'la 5G. Elle', 'de 4 M€. Il': the tokenizer keeps the full stop, the sentence runs on
        with doc.retokenize() as retokenizer:
            for token in glued:
                retokenizer.split(token, [token.text[:-1], "."], heads=[(token, 1), (token, 1)])
    return doc


# a code ending on letters or an amount's currency, then a full stop and a space: the stop ends the sentence
_GLUED_STOP = re.compile(r"(?<![\w.])(?:\d+[A-Za-z]{1,3}|[A-Za-z]{0,3}[€$£¥])\.(?=\s|$)")


def _glued_full_stops(doc: Doc) -> list[Token]:
    """The tokens '5G.', '4G.', 'M€.' the French tokenizer leaves whole (not 'S25' + '.', split already)."""
    text = doc_text(doc)
    matches = list(_GLUED_STOP.finditer(text))
    if not matches:
        return []
    starts = _token_starts(doc)
    found = []
    for m in matches:
        i = starts.get(m.start())
        if i is not None and doc[i].text == m.group():
            found.append(doc[i])
    return found


def _apostrophe_tokens(doc: Doc) -> list[int]:
    """The tokens whose second character is a curly apostrophe (found in the text, in order)."""
    text = doc_text(doc)  # the same once the letters are merged: later components read it from here
    if not any(a in text for a in APOSTROPHES):
        return []
    starts = _token_starts(doc)
    return sorted(starts[p - 1] for a in APOSTROPHES for p in _positions(text, a) if p - 1 in starts)


def _token_starts(doc: Doc) -> dict[int, int]:
    """{character offset: index} of the tokens' first characters, read from the Doc's array."""
    return {idx: i for i, idx in enumerate(doc.to_array(IDX).tolist())}


def _positions(text: str, char: str) -> Iterator[int]:
    pos = text.find(char)
    while pos != -1:
        yield pos
        pos = text.find(char, pos + 1)


def _surname_letter(doc: Doc, i: int) -> bool:
    token, before, after = doc[i], doc[i - 1], doc[i + 1]
    text = token.text
    return (
        len(text) == 2
        and text[1] in APOSTROPHES
        and text[0].isupper()
        and text[0] != "L"
        and not token.whitespace_
        and after.text[:1].isupper()
        and before.is_alpha
        and before.text[:1].isupper()
        and bool(before.whitespace_)
    )


_WORD_HASHES: dict[int, tuple[Collection[str], frozenset[int]]] = {}  # id(words) -> (words, their hashes)


def tokens_in(doc: Doc, words: Collection[str]) -> Iterator[Token]:
    """The tokens whose lowercase form is one of words (a set, or the keys of a word map), in order.

    Same tokens as `for t in doc: if t.lower_ in words`, found in the Doc's array of lowercase
    hashes: a rule looking for its few trigger words no longer makes (and decodes) every token."""
    entry = _WORD_HASHES.get(id(words))
    if entry is None or entry[0] is not words:
        if len(_WORD_HASHES) > 256:
            _WORD_HASHES.clear()  # word lists are module constants: only sets built per call get here
        entry = _WORD_HASHES[id(words)] = (words, frozenset(hash_string(w) for w in words))
    hashes = entry[1]  # the words stay referenced above: their id cannot pass to another object
    index = _lower_index(doc)
    found = sorted(i for lower in index.keys() & hashes for i in index[lower])
    return (doc[i] for i in found)


_LOWERS: weakref.WeakKeyDictionary[Doc, tuple[int, dict[int, list[int]]]] = weakref.WeakKeyDictionary()


def _lower_index(doc: Doc) -> dict[int, list[int]]:
    """Lowercase hash -> the positions of its tokens, read once per Doc (again if it was retokenized)."""
    entry = _LOWERS.get(doc)
    if entry is None or entry[0] != len(doc):
        index: dict[int, list[int]] = {}
        for i, lower in enumerate(doc.to_array(LOWER).tolist()):
            index.setdefault(lower, []).append(i)
        entry = _LOWERS[doc] = (len(doc), index)
    return entry[1]


_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """doc.text, joined once per Doc (the property rebuilds it from every token at each call; the
    tokens may be merged or split, the text stays the same)."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


_OFFSETS: weakref.WeakKeyDictionary[Doc, tuple[int, list[int], list[int]]] = weakref.WeakKeyDictionary()


def span_text(doc: Doc, start: int, end: int) -> str:
    """doc[start:end].text without making the Span and joining its tokens: a slice of the text
    between the first token's offset and the end of the last one (offsets read once per Doc)."""
    if not 0 <= start < end <= len(doc):
        return doc[start:end].text
    entry = _OFFSETS.get(doc)
    if entry is None or entry[0] != len(doc):  # a retokenized Doc reads its offsets again
        idx, length = doc.to_array([IDX, LENGTH]).T.tolist()
        entry = _OFFSETS[doc] = (len(doc), idx, [i + n for i, n in zip(idx, length, strict=True)])
    return doc_text(doc)[entry[1][start] : entry[2][end - 1]]


_ENTS: dict[int, tuple[Doc, tuple[Span, ...] | None]] = {}  # id(doc) -> its entities, inside fixed_ents


@contextmanager
def fixed_ents(doc: Doc) -> Iterator[None]:
    """A block in which doc.ents does not change: `ents_of(doc)` reads them once (the property makes a
    Span per entity at each read, and the components read them twenty times per Doc)."""
    _ENTS[id(doc)] = (doc, None)
    try:
        yield
    finally:
        _ENTS.pop(id(doc), None)


def reads_fixed_ents(call: Callable) -> Callable:
    """A component's __call__(self, doc) run in a `fixed_ents` block."""

    @functools.wraps(call)
    def wrapper(self, doc: Doc) -> Doc:
        with fixed_ents(doc):
            return call(self, doc)

    return wrapper


def ents_changed(doc: Doc) -> None:
    """doc.ents was just set: the next `ents_of(doc)` reads them again."""
    if id(doc) in _ENTS:
        _ENTS[id(doc)] = (doc, None)


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """doc.ents, read once per `fixed_ents` block (every time outside one)."""
    entry = _ENTS.get(id(doc))
    if entry is None or entry[0] is not doc:
        return doc.ents
    if entry[1] is None:
        entry = _ENTS[id(doc)] = (doc, doc.ents)
    return entry[1]


def line_break_tokens(doc: Doc) -> list[int]:
    """The tokens with a line break in their text or in the whitespace after them, in order: the
    positions of the '\\n' of the text, each mapped to its token (no token made on the way)."""
    text = doc_text(doc)
    pos = text.find("\n")
    if pos == -1:
        return []
    starts = doc.to_array(IDX).tolist()
    found: list[int] = []
    while pos != -1:
        i = bisect_right(starts, pos) - 1
        if not found or found[-1] != i:
            found.append(i)
        pos = text.find("\n", pos + 1)
    return found


_FEATURES: dict[tuple[int, str, str], bool] = {}  # (morph hash, field, value) -> has it


def has_morph(token: Token, field: str, value: str) -> bool:
    """`value in token.morph.get(field)` ('Mood', 'Cnd'), read once per analysis: .get parses the
    analysis string at each call and the model gives a few hundred analyses at most."""
    key = (token.morph.key, field, value)
    found = _FEATURES.get(key)
    if found is None:
        if len(_FEATURES) > 100_000:
            _FEATURES.clear()
        found = _FEATURES[key] = value in token.morph.get(field)
    return found
