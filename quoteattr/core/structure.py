"""Text structure: where paragraphs start, and what in a news text is not running prose.

A paragraph break is a sentence break: a heading with no final punctuation ("MORE NEWS") must
not be parsed into the sentence after it, where its noun would become a speaker. Datelines and
section heads before a dash ("CLEVELAND -", "WASHINGTON (AP) —", "SANDERS HAS ADVANTAGE IN NEW
HAMPSHIRE -") are a sentence of their own too, never a speaker or part of a name.
:func:`sentence_starts` says where, for a component that runs before the parser
(:mod:`quoteattr.component`); :func:`non_prose` gives the character ranges that are no quote,
cue, speaker or name (datelines, link lines, captions, credits, advertisements, markup).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Collection, Sequence
from typing import Any

import numpy
from spacy.attrs import IDX, LENGTH, LOWER, SPACY
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .. import lexicons
from .layout import doc_text, paragraph_bounds

__all__ = ["DATELINE", "non_prose", "sentence_marks"]

_SENTENCE_END = frozenset({".", "!", "?"})
# A photo caption ends with its credit: "... in Cleveland on Tuesday. (AP Photo/John
# Minchillo)", "... (Getty Images)", "Photo: Getty Images".
_CREDIT = re.compile(
    r"(?:\([^()\n]*\b(?:Photo|Photos|Getty|Images)\b[^()\n]*\)|\bGetty(?: Images)?)\W*$"
)
# Words one of which every credit holds: a paragraph without any is no caption, which three
# substring tests say faster than the search of _CREDIT through the whole paragraph.
_CREDIT_WORDS = ("Photo", "Getty", "Images")
# A byline paragraph: "By Priya Sharma", "By Jane Doe, Global News". Short and with no
# final punctuation, unlike "By Tuesday, officials said the bridge would reopen."
_BYLINE = re.compile(r"By [A-Z][^\n.!?:;\"“”]{0,80}")
_BYLINE_WORDS = 12
# Markup left in scraped text: '<tweet pic="" author="realDonaldTrump">', "</tweet>".
_MARKUP = re.compile(r"</?[A-Za-z][^<>\n]{0,300}>")

#: A dateline or a section head at the start of a paragraph, up to and with its dash:
#: "CLEVELAND - ", "MANCHESTER, N.H. (AP) — ", "WASHINGTON (Reuters) - ", "SANDERS HAS
#: ADVANTAGE IN NEW HAMPSHIRE - ". Words in capitals (the first of three letters or more, so
#: that "OK — fine" is prose), a state or a date after a comma ("N.H.", "Fla.", "Nov. 3"), an
#: agency in brackets, then a dash and a space.
DATELINE = re.compile(
    r"[A-Z][A-Z.'’&]{2,}(?:[ -][A-Z][A-Z.'’&,]*)*"
    r"(?:,\s*[A-Z][A-Za-z.]*(?:\s[A-Z0-9][A-Za-z0-9.]*)?)?"
    r"(?:\s*\([^()\n]{1,40}\))?"
    r"\s*(?:—|–|--|-)\s+(?=\S)"
)


def _dateline_end(text: str, start: int, end: int) -> int | None:
    """Where the prose starts after a dateline at ``start``, if the paragraph opens with one
    (and has prose after it)."""
    m = DATELINE.match(text, start, end)
    if m is None:
        return None
    return m.end()


def sentence_marks(doc: Doc, abbreviated: Collection[str] | None = None) -> dict[int, bool]:
    """Sentence boundaries that hold whatever the parser thinks.

    The first token of each paragraph starts a sentence, and so does the first token after
    a dateline or section head. After a dateline no sentence starts again before the first
    sentence-final punctuation: the small model otherwise breaks "CLEVELAND - Donald | Trump
    said ..." inside the name. Nor does one start at a capitalised word after an abbreviated
    title: the small model ended the sentence at "Const." in "Const. Mark Fraser said ...",
    and the title was lost to the name.

    Args:
        doc: a tokenized Doc (not yet parsed).
        abbreviated: abbreviated titles, lower case ("const.", "sen."; default those of the
            shipped ``titles.txt``, ``honorifics.txt`` and ``abbreviations.txt``).

    Returns:
        token index -> whether it starts a sentence (True) or must not (False); tokens left
        out are the parser's to decide.
    """
    text = doc_text(doc)
    tokens = _Tokens(doc)
    marks: dict[int, bool] = {}
    ids = _abbreviated_titles() if abbreviated is None else _ids(abbreviated)
    # the few tokens that are such a title, found over one column of integer ids
    lower = doc.to_array([LOWER])
    for i in numpy.flatnonzero(numpy.isin(lower, ids)).tolist():
        if i + 1 < len(doc) and doc[i].whitespace_ == " ":
            following = doc[i + 1]
            if following.text[:1].isupper() and following.is_alpha:
                marks[i + 1] = False
    for start, end in paragraph_bounds(text):
        first = tokens.at(start)
        if first is not None and first > 0:
            marks[first] = True
        prose = _dateline_end(text, start, end)
        after = tokens.at(prose) if prose is not None else None
        if after is None:
            continue
        marks[after] = True
        last = tokens.at(end - 1)
        for i in range(after + 1, (last if last is not None else after) + 1):
            if doc[i - 1].text in _SENTENCE_END:
                break
            marks[i] = False
    return marks


def _ids(words: Collection[str]) -> numpy.ndarray[Any, numpy.dtype[numpy.uint64]]:
    """The string ids of the words written with a period, as ``to_array(LOWER)`` gives them."""
    return numpy.array([get_string_id(w) for w in words if w.endswith(".")], dtype=numpy.uint64)


@functools.cache
def _abbreviated_titles() -> numpy.ndarray[Any, numpy.dtype[numpy.uint64]]:
    """The shipped titles and courtesy titles written with a period, as string ids."""
    return _ids(
        {*lexicons.titles(), *lexicons.honorifics(), *map(str.lower, lexicons.abbreviations())}
    )


class _Tokens:
    """The tokens' character offsets, read with one ``to_array``, for :meth:`at`."""

    def __init__(self, doc: Doc) -> None:
        columns = doc.to_array([IDX, LENGTH, SPACY])
        self.starts: list[int] = columns[:, 0].tolist()
        self.ends: list[int] = (columns[:, 0] + columns[:, 1]).tolist()
        self.size = self.ends[-1] + int(columns[-1, 2]) if len(doc) else 0

    def at(self, char: int) -> int | None:
        """The first token of ``doc.char_span(char, char + 1, alignment_mode="expand")``
        (None where that is None), by binary search instead of a Span: the token that holds
        ``char``, or the next one when ``char`` is the space after a token."""
        if not 0 <= char < self.size:
            return None
        i = bisect.bisect_right(self.starts, char) - 1
        return i + 1 if char == self.ends[i] else i


def _byline(paragraph: str) -> bool:
    """Whether a paragraph is a byline: "By" and a name, an outlet after a comma at most."""
    line = paragraph.strip()
    return _BYLINE.fullmatch(line) is not None and len(line.split()) <= _BYLINE_WORDS


def non_prose(
    text: str,
    boilerplate: Collection[str] = (),
    paragraphs: Sequence[tuple[int, int]] | None = None,
) -> list[tuple[int, int]]:
    """The character ranges of a text that are no running prose: datelines and section heads
    before their dash, whole paragraphs of boilerplate (a paragraph whose start, lower case,
    is one of ``boilerplate``: "read more:", "watch:", "story continues below advertisement"),
    bylines ("By Jane Doe, Global News") and photo captions (a paragraph that ends with a
    photo credit), and markup tags.

    Args:
        text: the document's text.
        boilerplate: openings of boilerplate paragraphs, lower case.
        paragraphs: the text's :func:`~quoteattr.core.layout.paragraph_bounds`, when the
            caller has them already (a :class:`~quoteattr.core.layout.Layout` does).

    Returns:
        sorted, disjoint ``(start, end)`` ranges.
    """
    out = [(m.start(), m.end()) for m in _MARKUP.finditer(text)]
    openings = tuple(boilerplate)
    for start, end in paragraph_bounds(text) if paragraphs is None else paragraphs:
        paragraph = text[start:end]
        if (
            (openings and paragraph.lower().startswith(openings))
            or (any(word in paragraph for word in _CREDIT_WORDS) and _CREDIT.search(paragraph))
            or _byline(paragraph)
        ):
            out.append((start, end))
            continue
        prose = _dateline_end(text, start, end)
        if prose is not None:
            out.append((start, prose))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(out):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
