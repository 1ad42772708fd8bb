"""The `veille_name_tokens` component: 'O’Brien', 'N’Diaye' as one token, before the model reads them.

The French tokenizer splits an uppercase letter and an apostrophe off a word, as it does for the
articles l’ and d’: "Kevin O’Brien" becomes "Kevin", "O’", "Brien" and the model then misses the person.
Between a capitalised word and another one, such a letter is part of a surname. "L’" is always the
article ("L’Oréal" keeps its two tokens, as the model knows it). Only the curly apostrophe: with the
straight one the model reads "O'" + "Brien" as a name already, and merged it would not.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

APOSTROPHES = ("’",)  # the straight form is split the same way, but the model reads it well


@Language.component("veille_name_tokens")
def merge_name_apostrophes(doc: Doc) -> Doc:
    spans = [doc[i : i + 2] for i in range(1, len(doc) - 1) if _surname_letter(doc, i)]
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)
    return doc


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
