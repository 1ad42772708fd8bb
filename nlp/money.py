"""Amounts of money and percentages in French press text: value, ISO 4217 currency, ranges, rates.

Pure text functions (regular expressions compiled once from nlp/patterns/currencies.jsonl) so they can
be unit-tested without a model. French number formats: "1,5", "12 000" (space, no-break or narrow
no-break space, or a dot as thousands separator), scale words and abbreviations ("milliards", "M€",
"Md€", "k€"), currency before or after the number ("$5", "38 milliards de dollars"). A currency name
shared by several countries ("couronnes", "pesos") is resolved from words of the article ("suédois").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from text_to_num import text2num

logger = logging.getLogger(__name__)

_NUM = r"[+\-−]?\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?(?!\d)|[+\-−]?\d+(?:[.,]\d+)?"
_SCALES = {
    "mille": 1e3,
    "millier": 1e3,
    "milliers": 1e3,
    "k": 1e3,
    "K": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "M": 1e6,
    "Mn": 1e6,
    "mn": 1e6,
    "MM": 1e6,
    "milliard": 1e9,
    "milliards": 1e9,
    "Md": 1e9,
    "Mds": 1e9,
    "Mrd": 1e9,
    "Mrds": 1e9,
    "G": 1e9,
    "bn": 1e9,
    "billion": 1e12,
    "billions": 1e12,
}
_SCALE = r"(?:milliards?|millions?|milliers?|mille|billions?|Mrds?|Mds?|Mn|mn|MM|M|k|K|G|bn)"
# Words that stand for "one" before a scale only: "le cap du milliard", "d'un million d'euros".
_ONE_WORDS = {"le": 1, "du": 1, "au": 1, "d'un": 1, "d’un": 1, "d'une": 1, "d’une": 1}
# French number words, read together by text2num: "vingt-cinq", "trois cents", "quatre-vingt-dix".
_NUMBER_WORDS = (
    "zéro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize"
    "|vingts?|trente|quarante|cinquante|soixante|cents?|mille"
)
# "et" joins only "vingt et un", "soixante et onze": "entre vingt et trente" is a range
_SPELLED_NUMBER = (
    rf"(?:{_NUMBER_WORDS})(?:(?:-|\s+)(?:{_NUMBER_WORDS})|(?:-et-|\s+et\s+)(?:une?|onze)(?![\w-]))*"
)
_RATE = re.compile(
    r"\s*(?:HT|TTC|hors taxes?)?\s*(?:par|/)\s*[a-zéèêàç'’-]+(?:\s+et\s+par\s+[a-zéèêàç'’-]+)?",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    rf"(?<![\w,.])(?P<num>{_NUM})\s*(?:%|pour\s?cents?\b|pourcents?\b)(?!\s*de\s+pourcentage)"
)
_RANGE_LEFT_PERCENT = re.compile(rf"\b(?:entre|de)\s+(?P<num>{_NUM})\s*%?\s*(?:et|à|-|–)\s*$", re.IGNORECASE)


@dataclass
class Quantity:
    """A MONEY or PERCENT found in a text; start/end are character offsets."""

    label: str
    start: int
    end: int
    value: float
    currency: str | None = None
    rate: str | None = None
    rule: str = "amount"  # the pattern that read it, shown by `veille explain`
    range_end: str | None = None  # "low" or "high" for the two ends of "entre 50 et 100 millions"

    def as_dict(self) -> dict:
        data = {"label": self.label, "start": self.start, "end": self.end, "value": self.value}
        if self.label == "MONEY":
            data["currency"] = self.currency
            if self.rate:
                data["rate"] = self.rate
        return data


def parse_number(text: str) -> float:
    """'1,5' -> 1.5; '12 000' -> 12000; '1.500' -> 1500; '3.5' -> 3.5; '−2' -> -2."""
    s = text.replace("−", "-").replace("\u00a0", " ").replace("\u202f", " ").strip()
    if re.fullmatch(r"[+\-]?\d{1,3}(?:\.\d{3})+", s):
        s = s.replace(".", "")
    s = s.replace(" ", "").replace(",", ".")
    return float(s)


def _alternation(words: Iterable[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


class QuantityParser:
    """Finds amounts and percentages; built once from the currency table."""

    def __init__(self, currencies: list[dict]):
        self.word_codes: dict[str, str] = {}
        self.symbol_codes: dict[str, str] = {}
        self.generic: dict[str, dict] = {}
        for entry in currencies:
            for word in entry.get("words", []):
                key = _key(word)
                if entry.get("generic"):
                    self.generic[key] = entry
                else:
                    self.word_codes[key] = entry["code"]
            for symbol in entry.get("symbols", []):
                self.symbol_codes[symbol.upper()] = entry["code"]
        words = _alternation(list(self.word_codes) + list(self.generic))
        symbols = _alternation(s for e in currencies for s in e.get("symbols", []))
        cur_after = rf"(?:\s*(?:de\s+|d['’]\s*)(?P<word>{words})(?![\w-])|\s*(?P<sym>{symbols})(?![A-Za-z]))"
        amount = rf"(?P<num>{_NUM})(?:\s*(?P<scale>{_SCALE})(?P<half>\s+et\s+demie?)?)?"
        self.after = re.compile(
            rf"(?<![\w,.])(?:{amount}{cur_after}|(?P<num2>{_NUM})\s*(?P<word2>{words})(?![\w-]))",
            re.IGNORECASE,
        )
        self.before = re.compile(
            rf"(?<![\w])(?P<sym>{symbols})\s?(?P<num>{_NUM})(?:\s*(?P<scale>{_SCALE})(?![\w]))?"
        )
        ones = "|".join(re.escape(w) for w in _ONE_WORDS)
        self.spelled = re.compile(
            rf"(?<![\w-])(?:(?P<one>{ones})\s+(?P<scale1>milliards?|millions?)|(?P<nw>{_SPELLED_NUMBER})"
            rf"(?:\s+(?P<scale>milliards?|millions?))?)\s+(?:de\s+|d['’])?(?P<word>{words})(?![\w-])",
            re.IGNORECASE,
        )
        self.bare = re.compile(
            rf"(?<![\w,.])(?P<num>{_NUM})\s*(?P<scale>milliards?|millions?|Mds?|Md)\b(?!\s*(?:de\s|d['’]|d’))"
        )
        self.range_left = re.compile(
            rf"\b(?:entre|de)\s+(?P<num>{_NUM}|{_SPELLED_NUMBER})(?:\s*(?P<scale>{_SCALE}))?(?:\s*(?:{symbols})|\s+(?:de\s+|d['’])(?:{words}))?"
            r"\s*(?:et|à|-|–)\s*$",
            re.IGNORECASE,
        )

    def currency_of(self, word: str | None, symbol: str | None, context: str) -> str | None:
        if symbol:
            return self.symbol_codes.get(symbol.upper().replace(" ", ""))
        key = _key(word or "")
        if key in self.word_codes:
            return self.word_codes[key]
        entry = self.generic.get(key)
        if entry is None:
            return None
        for code, clues in entry.get("context", {}).items():
            if any(clue in context for clue in clues):
                return code
        return entry["default"]

    def find(self, text: str) -> list[Quantity]:
        """Every MONEY and PERCENT in text, sorted by position, without overlaps."""
        context = text.lower()
        found: list[Quantity] = []
        taken: list[tuple[int, int]] = []

        def add(q: Quantity) -> None:
            if any(q.start < e and s < q.end for s, e in taken):
                return
            taken.append((q.start, q.end))
            found.append(q)

        for m in self.after.finditer(text):
            if m["sym"] and m["sym"].isalpha() and not m["sym"].isupper():
                continue  # "12 mars": a lowercase 'ars' is no ISO code
            add(_named(self._money_after(m, text, context), "money_currency_after"))
        for m in self.before.finditer(text):
            add(_named(self._money_before(m, text, context), "money_currency_before"))
        for m in self.spelled.finditer(text):
            q = self._money_spelled(m, text, context)
            if q:
                add(_named(q, "money_number_words"))
        for m in _PERCENT.finditer(text):
            add(Quantity("PERCENT", m.start(), m.end(), parse_number(m["num"]), rule="percent"))
        for q in list(found):
            left = self._range_left(q, text)
            if left and not any(left.start < e and s < left.end for s, e in taken):
                q.range_end, left.range_end = "high", "low"
                add(_named(left, "range_low_end"))
        self._bare_amounts(text, found, add)
        return sorted(found, key=lambda q: q.start)

    def _bare_amounts(self, text: str, found: list[Quantity], add) -> None:
        """'dont 120 millions', 'contre 9 milliards': the currency of the amount just before in the same
        paragraph, else the article's most common; none after a count ('36 millions de prises, 40 millions')."""
        money = sorted((q for q in found if q.label == "MONEY" and q.currency), key=lambda q: q.start)
        if not money:
            return
        currencies = [q.currency for q in money]
        default = max(currencies, key=currencies.count)  # ties: the first named (a set would vary per run)
        for m in [*self.bare.finditer(text), *_PART_OF.finditer(text)]:
            before = [q for q in money if q.end <= m.start()]
            gap = text[before[-1].end : m.start()] if before else text[max(0, m.start() - 300) : m.start()]
            if _COUNT.search(gap[-300:]):
                continue
            near = before and "\n" not in gap and len(gap) < 300
            if m.re is _PART_OF and not (near and "." not in gap.replace(",", "")):
                continue  # "dont 120 millions d'aides" only right after an amount of the same sentence
            value = parse_number(m["num"]) * _scale(m["scale"])
            currency = before[-1].currency if near else default
            add(Quantity("MONEY", m.start(), m.end(), value, currency, rule="money_currency_of_article"))

    def _money_after(self, m: re.Match, text: str, context: str) -> Quantity:
        if m["num2"] is not None:
            value, word, symbol = parse_number(m["num2"]), m["word2"], None
        else:
            value = parse_number(m["num"]) * _scale(m["scale"])
            if m["half"]:
                value += 0.5 * _scale(m["scale"])
            word, symbol = m["word"], m["sym"]
        return self._with_rate(
            Quantity("MONEY", m.start(), m.end(), value, self.currency_of(word, symbol, context)), text
        )

    def _money_before(self, m: re.Match, text: str, context: str) -> Quantity:
        value = parse_number(m["num"]) * _scale(m["scale"])
        q = Quantity("MONEY", m.start(), m.end(), value, self.currency_of(None, m["sym"], context))
        return self._with_rate(q, text)

    def _money_spelled(self, m: re.Match, text: str, context: str) -> Quantity | None:
        if m["one"]:
            value = _scale(m["scale1"])
        else:
            number = _read_number_words(m["nw"])
            if number is None or (not m["scale"] and not _currency_word_follows(m)):
                return None
            value = number * _scale(m["scale"])
        q = Quantity("MONEY", m.start(), m.end(), value, self.currency_of(m["word"], None, context))
        if m["one"] and m["one"].lower() in ("le", "du", "au"):
            q.start = m.start(
                "scale1"
            )  # "le cap du milliard de dollars": the amount is "milliard de dollars"
        return self._with_rate(q, text)

    def _range_left(self, right: Quantity, text: str) -> Quantity | None:
        """'entre 50 millions et 100 millions d'euros' -> the 50 millions, with the right side's currency."""
        window = text[max(0, right.start - 60) : right.start]
        if right.label == "PERCENT":
            m = _RANGE_LEFT_PERCENT.search(window)
            if not m:
                return None
            start = right.start - len(window) + m.start("num")
            return Quantity("PERCENT", start, start + len(m["num"]), parse_number(m["num"]))
        m = self.range_left.search(window)
        if not m:
            return None
        left_num = _read_number_words(m["num"]) if m["num"][0].isalpha() else parse_number(m["num"])
        if left_num is None:
            return None
        if not m["scale"] and left_num >= 1000 and _looks_like_year(m["num"]):
            return None
        scale = _scale(m["scale"]) if m["scale"] else _scale_of_value(right, text)
        start = right.start - len(window) + m.start("num")
        end = right.start - len(window) + (m.end("scale") if m["scale"] else m.end("num"))
        return Quantity("MONEY", start, end, left_num * scale, right.currency)

    @staticmethod
    def _with_rate(q: Quantity, text: str) -> Quantity:
        m = _RATE.match(text, q.end)
        if m:
            q.rate = " ".join(m.group(0).split())
        return q


_PART_OF = re.compile(rf"(?<=\bdont )(?P<num>{_NUM})\s*(?P<scale>milliards?|millions?)(?=\s+(?:de\s|d['’]))")
_COUNT = re.compile(
    r"\d\s*(?:milliards?|millions?)\s+(?:de|d['’])\s*(?!euros?\b|dollars?\b)[a-zé]", re.IGNORECASE
)


def _named(q: Quantity, rule: str) -> Quantity:
    q.rule = rule
    return q


def _read_number_words(words: str) -> float | None:
    """'vingt-cinq' -> 25, 'trois cents' -> 300, 'quatre-vingt-dix' -> 90 (None when not one number)."""
    try:
        return float(text2num(" ".join(words.lower().split()), "fr"))
    except ValueError:
        return None


def _currency_word_follows(m: re.Match) -> bool:
    """Without a scale, 'cinq euros' but not 'deux de dollars': the currency comes right after the number."""
    return not m.group(0)[m.end("nw") - m.start() :].lstrip().lower().startswith(("de ", "d'", "d’"))


def _key(word: str) -> str:
    return " ".join(word.lower().replace("’", "'").split())


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    if word in _SCALES:
        return _SCALES[word]
    return _SCALES.get(word.lower(), 1.0)


def _scale_of_value(right: Quantity, text: str) -> float:
    """The scale the right side of a range used ('50 et 100 millions' -> millions)."""
    surface = text[right.start : right.end]
    m = re.search(rf"(?P<num>{_NUM})\s*(?P<scale>{_SCALE})?", surface) or _SCALE_WORD.search(surface)
    if not m or not m["scale"]:
        return 1.0
    return _scale(m["scale"])


_SCALE_WORD = re.compile(r"\b(?P<scale>milliards?|millions?)\b", re.IGNORECASE)


def _looks_like_year(num: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d\d", num.strip()))
