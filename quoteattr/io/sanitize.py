"""Text from documents made safe for where it goes: UTF-8 files, terminals, spreadsheets.

Ids, names, quotes and error messages come from the input, and the input may be hostile or
broken. Nothing is dropped: what cannot go somewhere as it is goes escaped, so a user still
sees it.

- :func:`printable`: a lone surrogate (``"b\\ud800"`` from a JSON id) has no UTF-8 encoding,
  so a text file cannot hold it; it is written as the escape ``\\ud800``. (The JSON formats
  need none of this: :func:`quoteattr.io.formats.json_line` writes JSON's own ``\\ud800``
  escape, which reads back as the same string.)
- :func:`terminal`: ESC, BEL, the other C0 and C1 control characters, DEL, the Unicode
  direction overrides and lone surrogates are shown as ``\\x1b``, ``\\u202e``, ``\\ud800``:
  an id like ``"\\x1b]0;owned\\x07"`` would otherwise retitle the terminal, ``"\\x1b[2J"`` clear
  it, and a right-to-left override reorder what the line seems to say.
- :func:`spreadsheet`: a CSV cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return is a formula to Excel, LibreOffice and Google Sheets (``=HYPERLINK(...)``,
  ``=cmd|' /C calc'!A0``); it gets a leading apostrophe, which they read as "this is text"
  (OWASP's advice for CSV injection).
"""

from __future__ import annotations

import re

from ..texts import SURROGATE

__all__ = ["FORMULA_STARTS", "printable", "spreadsheet", "terminal"]

#: What a spreadsheet takes for the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# C0 controls (tab and newline too: a terminal line is one line), DEL, C1 controls, the
# Arabic letter mark, the left-to-right and right-to-left marks, embeddings and overrides,
# isolates, and lone surrogates.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """The text with each lone surrogate written as its escape (``\\ud800``), so that it can
    be encoded as UTF-8."""
    if SURROGATE.search(text) is None:
        return text
    return SURROGATE.sub(_escape, text)


def terminal(text: str) -> str:
    """The text with control characters, direction overrides and lone surrogates escaped
    (``\\x1b``, ``\\u202e``), for a terminal line."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_escape, text)


def spreadsheet(text: str) -> str:
    """A CSV cell's text: surrogates escaped, and an apostrophe first when a spreadsheet
    would take it for a formula."""
    text = printable(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
