"""Where things are in a Doc: paragraphs, sentences, the token at a character offset, and
whether an offset lies inside a quotation.

Built once per document and shared by the stages, so that each lookup is a binary search.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, ORTH, POS, SENT_START, SPACY
from spacy.tokens import Doc, Span

__all__ = [
    "TABLE",
    "TEXT_KEY",
    "Layout",
    "Ranges",
    "any_equal",
    "doc_text",
    "inside",
    "paragraph_bounds",
    "span_of",
]

# A word in capitals and a colon: a transcript's "TAPPER:", a headline's "BOOM:".
_CAPITAL_LABEL = re.compile(r"\b([A-Z][A-Z'’.-]*[A-Z]):")

# A paragraph is a line: what lies between two line breaks, without the whitespace at its
# edges ("  Talks failed.  \n\n" is one paragraph, "Talks failed."). One regex match per
# paragraph, from its first to its last non-space character (``\S`` never matches a break,
# which is whitespace), where splitting at the breaks and then trimming took a Python loop
# over the paragraphs, twice as slow.
_PARAGRAPH = re.compile(r"\S(?:[^\r\n\u2028\u2029]*\S)?")


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Returns ``(start, end)`` of each non-empty paragraph, without edge whitespace.

    A paragraph ends at a line break (``\\n``, ``\\r``, U+2028, U+2029); news text separates
    paragraphs with one or more of them.
    """
    return [m.span() for m in _PARAGRAPH.finditer(text)]


def inside(ranges: Sequence[tuple[int, int]], char: int) -> bool:
    """True when the character offset ``char`` lies in one of a few ``(start, end)`` ranges
    (a quote's parts, say); :class:`Ranges` answers the same for many, by binary search.
    A plain loop: the generator ``any`` would take costs more than the few comparisons,
    and this is asked tens of thousands of times per thousand articles."""
    for s, e in ranges:  # noqa: SIM110
        if s <= char < e:
            return True
    return False


class Ranges:
    """Character ranges sorted by start, such as a document's quotations: which one holds an
    offset, by binary search.

    Ranges may touch but are not expected to overlap: :meth:`at` looks at the last range that
    starts at or before the offset.
    """

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        self.ranges = sorted(ranges)
        self.starts = [s for s, _ in self.ranges]

    def at(self, char: int) -> tuple[int, int] | None:
        """The range that holds ``char`` (``start <= char < end``), if one does."""
        i = bisect.bisect_right(self.starts, char) - 1
        return self.ranges[i] if i >= 0 and self.ranges[i][1] > char else None

    def holds(self, char: int) -> bool:
        """True when a range holds ``char``."""
        return self.at(char) is not None


#: Where a caller that made the Doc from a text keeps that text (``doc.user_data``), so
#: that the stages need not rebuild it: spaCy's ``doc.text`` joins a new Token object per
#: token on every read, about 6% of quoteattr's own work. The batch runner sets it.
TEXT_KEY = "quoteattr.text"


def any_equal(column: npt.NDArray[Any], ids: Iterable[int]) -> npt.NDArray[np.bool_]:
    """Where ``column`` (a ``doc.to_array`` column of string or POS ids) holds one of ``ids``:
    one comparison per id, for the few ids a stage looks for ("he", "she", ...), where
    ``numpy.isin`` sorts the column, about twice as slow on an article's few thousand
    tokens."""
    found = np.zeros(len(column), dtype=bool)
    for i in ids:
        found |= column == i
    return found


def span_of(doc: Doc, start: int, end: int) -> Span:
    """``doc[start:end]``, made directly when its bounds need no normalising: spaCy's slice
    normalises them in Python (negative and out-of-range bounds), which costs more than the
    Span itself, and speakers' spans are made thousands of times per article."""
    if 0 <= start <= end <= len(doc):
        return Span(doc, start, end)
    return doc[start:end]


def doc_text(doc: Doc) -> str:
    """The Doc's text: the one kept under :data:`TEXT_KEY` when it is the Doc's (as long as
    its tokens), else the text its tokens make (``doc.text``, read faster)."""
    kept = doc.user_data.get(TEXT_KEY)
    if isinstance(kept, str):
        end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
        if len(kept) == end:
            return kept
    return _joined(doc)


def _joined(doc: Doc) -> str:
    """``doc.text``, from two array columns: each token's text, looked up once per distinct
    word, then a space where the token has one after it. spaCy's ``doc.text`` makes a Token
    object and a new string for every token, which took 6% of quoteattr's own work."""
    if not len(doc):
        return ""
    columns = doc.to_array([ORTH, SPACY])
    ids, where = np.unique(columns[:, 0], return_inverse=True)
    strings = doc.vocab.strings
    pieces = np.empty(2 * len(doc), dtype=object)
    pieces[0::2] = np.array([strings[i] for i in ids.tolist()], dtype=object)[where]
    # The two strings themselves, picked by index: np.where(..., " ", "") made a new string
    # object for every token.
    pieces[1::2] = _SPACES[(columns[:, 1] == 1).astype(np.intp)]
    return "".join(pieces.tolist())


_SPACES = np.array(["", " "], dtype=object)


#: The columns of :attr:`Layout.table`, in order.
TABLE = (POS, DEP, ENT_TYPE, LOWER, LEMMA, HEAD)


class Layout:
    """Offsets of a Doc's tokens, sentences and paragraphs, for fast lookups."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text: str = doc_text(doc)  # spaCy rebuilds doc.text from its tokens on every read
        # One array read: a Token object per token costs three times as much.
        self.token_starts: list[int] = doc.to_array(IDX).tolist() if len(doc) else []
        self.paragraphs = paragraph_bounds(self.text)
        self.paragraph_starts = [s for s, _ in self.paragraphs]
        self._sentence_starts: list[int] | None = None
        self._sentence_tokens: list[int] = []

    @functools.cached_property
    def table(self) -> npt.NDArray[Any]:
        """The token attributes the stages scan as arrays, one row per token, the columns
        :data:`TABLE`: read with one ``to_array``, since each column read costs a pass over
        the tokens and the stages read some of the same ones (the cue candidates' LOWER,
        LEMMA, POS and HEAD; the name scan's POS, DEP, ENT_TYPE and LOWER)."""
        return self.doc.to_array(list(TABLE))

    def column(self, attr: int) -> npt.NDArray[Any]:
        """The :attr:`table` column of ``attr``, one of :data:`TABLE`."""
        return self.table[:, TABLE.index(attr)]

    @functools.cached_property
    def _head_array(self) -> npt.NDArray[np.int64]:
        relative = self.column(HEAD).view(np.int64)  # signed offsets, stored unsigned
        return relative + np.arange(len(relative))

    @functools.cached_property
    def heads(self) -> list[int]:
        """The index of each token's syntactic head (a root's is its own), read as one array:
        ``doc[i].head.i`` makes two Token objects for each token."""
        return self._head_array.tolist()  # type: ignore[no-any-return]

    @functools.cached_property
    def _dependents(self) -> tuple[list[int], list[int]]:
        """The tokens ordered by their head, each head's dependents in text order, and where
        the dependents of each token start in that order (the roots, no one's dependents,
        come last): a counting sort in numpy, where a list of children per token would take
        a Python loop over the whole Doc."""
        heads = self._head_array
        n = len(heads)
        keyed = np.where(heads == np.arange(n), n, heads)  # a root heads itself: key it last
        # A stable sort of 16-bit keys is a radix sort, a few times faster than of 64-bit ones.
        order = np.argsort(keyed.astype(np.uint16) if n < 1 << 16 else keyed, kind="stable")
        bounds = np.zeros(n + 2, dtype=np.int64)
        np.cumsum(np.bincount(keyed, minlength=n + 1), out=bounds[1:])
        return order.tolist(), bounds.tolist()

    def subtree(self, token: int) -> set[int]:
        """The indices of ``token`` and of every token under it in the parse:
        ``{t.i for t in doc[token].subtree}`` without a Token object for each token (and a
        generator for each level of the tree, which spaCy's walk nests). Not the range
        between the token's left and right edges: a non-projective parse leaves gaps, and
        spaCy's edges can stop short of a dependent's own."""
        order, bounds = self._dependents
        found = {token}
        stack = [token]
        while stack:
            i = stack.pop()
            lo, hi = bounds[i], bounds[i + 1]
            if lo < hi:
                dependents = order[lo:hi]
                found.update(dependents)
                stack.extend(dependents)
        return found

    @functools.cached_property
    def entities(self) -> tuple[Span, ...]:
        """The Doc's named entities, read once: spaCy makes a new Span of each on every read
        of ``doc.ents``, which stages that look up a name would do again and again."""
        return tuple(self.doc.ents)

    @functools.cached_property
    def repeated_labels(self) -> frozenset[str]:
        """The words in capitals that label two lines or more ("TAPPER: ..." and again
        "TAPPER: ..."): a transcript's speakers, where a headline's kicker ("BOOM: ...") or a
        section's name ("ENERGY: ...") labels one."""
        counts: dict[str, int] = {}
        for m in _CAPITAL_LABEL.finditer(self.text):
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
        return frozenset(word for word, n in counts.items() if n > 1)

    @functools.cached_property
    def named_words(self) -> frozenset[str]:
        """The words of the Doc's PERSON and ORG entities, as written, gathered on the first
        lookup and kept: a headline's label ("Trump: ‘We will win.’") or a transcript's
        ("POLLEY: ...") is a name where the document names someone by that word, and gathered
        for each label they made a 48,000-word text eight times slower per word than 64
        articles."""
        return frozenset(t.text for e in self.entities if e.label_ in {"PERSON", "ORG"} for t in e)

    def token_at(self, char: int) -> int:
        """Index of the token that contains ``char``, or of the next token after it."""
        i = bisect.bisect_right(self.token_starts, char) - 1
        if i < 0:
            return 0
        tok = self.doc[i]
        if char >= tok.idx + len(tok.text) and i + 1 < len(self.doc):
            return i + 1
        return i

    def char_bounds(self, start: int, end: int) -> tuple[int, int]:
        """The character offsets of the tokens ``[start, end)`` (``start < end``), as their
        Span gives them: the first token's start and the end of the last one's text, read
        from the layout and that one Token (a Span makes three to find them)."""
        return self.token_starts[start], self.token_starts[end - 1] + len(self.doc[end - 1])

    def tokens_in(self, start: int, end: int) -> range:
        """Indices of the tokens that start in ``[start, end)``."""
        lo = bisect.bisect_left(self.token_starts, start)
        hi = bisect.bisect_left(self.token_starts, end)
        return range(lo, hi)

    def paragraph_of(self, char: int) -> int:
        """Index of the paragraph that contains (or precedes) ``char``."""
        return max(0, bisect.bisect_right(self.paragraph_starts, char) - 1)

    def paragraph_tokens(self, para: int) -> range:
        """Indices of the tokens whose start :meth:`paragraph_of` puts in paragraph ``para``
        (the whitespace between two paragraphs belongs to the first)."""
        starts = self.paragraph_starts
        lo = bisect.bisect_left(self.token_starts, starts[para]) if para > 0 else 0
        if para + 1 < len(starts):
            return range(lo, bisect.bisect_left(self.token_starts, starts[para + 1]))
        return range(lo, len(self.token_starts))

    def _sentences(self) -> tuple[list[int], list[int]]:
        if self._sentence_starts is None:
            doc = self.doc
            if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START") or not len(doc):
                self._sentence_tokens = [s.start for s in doc.sents]  # raises [E030] unparsed
            else:
                # Where doc.sents starts them (the first token, and each whose sent_start is
                # 1), from one array: doc.sents makes a Span of each sentence.
                starts = np.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
                self._sentence_tokens = starts if starts[:1] == [0] else [0, *starts]
            self._sentence_starts = [self.token_starts[i] for i in self._sentence_tokens]
        return self._sentence_starts, self._sentence_tokens

    def sentence_of(self, char: int) -> int:
        """Index of the spaCy sentence that contains ``char``."""
        starts, _ = self._sentences()
        return max(0, bisect.bisect_right(starts, char) - 1)

    def sentence_span(self, start: int, end: int) -> tuple[int, int]:
        """The characters of the sentences that hold ``[start, end)``, without the
        whitespace around them and never beyond the paragraph of ``start``."""
        starts, _ = self._sentences()
        first = max(0, bisect.bisect_right(starts, start) - 1)
        last = max(0, bisect.bisect_left(starts, end) - 1)
        lo = starts[first] if starts else 0
        hi = starts[last + 1] if last + 1 < len(starts) else len(self.text)
        para_start, para_end = (
            self.paragraphs[self.paragraph_of(start)] if self.paragraphs else (0, len(self.text))
        )
        lo, hi = max(lo, para_start), min(max(hi, end), max(para_end, end))
        while lo < hi and self.text[lo].isspace():
            lo += 1
        while hi > lo and self.text[hi - 1].isspace():
            hi -= 1
        return lo, hi

    def sentence_index(self, token: int) -> int:
        """Index of the spaCy sentence that contains token ``token``."""
        _, starts = self._sentences()
        return max(0, bisect.bisect_right(starts, token) - 1)

    def sentence_token_starts(self) -> list[int]:
        """The first token of each sentence, in order (read-only: do not mutate)."""
        return self._sentences()[1]

    def sentence_tokens(self, sentence: int) -> range:
        """Indices of the tokens of sentence ``sentence`` (an index into
        :meth:`sentence_token_starts`)."""
        starts = self.sentence_token_starts()
        end = starts[sentence + 1] if sentence + 1 < len(starts) else len(self.token_starts)
        return range(starts[sentence], end)

    def sentence_start(self, token: int) -> int:
        """Index of the first token of the sentence that contains token ``token``.

        A binary search, where ``doc[token].sent`` walks the sentence on every call.
        """
        _, starts = self._sentences()
        return starts[self.sentence_index(token)] if starts else 0
