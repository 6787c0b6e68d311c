"""A cheap check that a text is English, before its "quotes" are trusted.

quoteattr's cues, parse rules and word lists are English. On a French or Chinese article the
English pipeline still tags something as a verb and a quote mark still pairs, so the result
is a handful of speakerless "quotes" and no error. This check counts how many of a text's
words are common English function words ("the", "of", "and", "which", "would"): English news
is never short of them, other languages almost never use them.

The word list (``lexicons/english_words.txt``) leaves out the short words that are also
common words of other languages ("a", "in", "on", "to", "is", "was", "die", "do", "so", "i",
"at": Spanish, Italian, German, Dutch, Danish, Finnish ...), so that their share stays near
zero outside English. Measured (``python benchmarks/language_check.py``): on the 840
articles of the development set the share is 13.0% at the lowest (median 29.2%), so none is
warned about; on the example sentences spaCy ships for 67 other languages
(``spacy.lang.*.examples``) it is 3.1% at the highest (Norwegian Bokmål), and all 66 with
enough words to judge are warned about. :data:`THRESHOLD` sits between the two.
"""

from __future__ import annotations

import re
import warnings

import attrs

from ..errors import QuoteattrWarning, Warnings
from ..lexicons import english_words

__all__ = [
    "MAX_WORDS",
    "MIN_WORDS",
    "THRESHOLD",
    "EnglishShare",
    "english_share",
    "language_warning",
    "looks_english",
    "warn_if_not_english",
]

#: A text with fewer words than this is too short to judge, and passes.
MIN_WORDS = 20
#: Only the first this many words are counted: the check costs the same on any length.
MAX_WORDS = 2000
#: Below this share of common English words a text is clearly not English.
THRESHOLD = 0.06

# A word: a run of letters; in scripts written without spaces (Chinese, Japanese kana,
# Thai) each character counts as a word, or a Chinese article would be a dozen "words".
_WORD = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]|[^\W\d_]+")


@attrs.frozen
class EnglishShare:
    """How many of a text's words (its first :data:`MAX_WORDS`) are common English words."""

    english: int
    words: int

    @property
    def share(self) -> float:
        """``english / words`` (0.0 for a text without words)."""
        return self.english / self.words if self.words else 0.0


def english_share(text: str) -> EnglishShare:
    """Counts the words of ``text`` (its first :data:`MAX_WORDS`) and those that are common
    English words (:func:`quoteattr.lexicons.english_words`).

    Args:
        text: any text.

    Returns:
        the counts.
    """
    common = english_words()
    english = words = 0
    for match in _WORD.finditer(text):
        words += 1
        english += match.group().lower() in common
        if words == MAX_WORDS:
            break
    return EnglishShare(english, words)


def looks_english(text: str) -> bool:
    """False only when ``text`` is clearly not English: at least :data:`MIN_WORDS` words,
    and under :data:`THRESHOLD` of them common English words."""
    counts = english_share(text)
    return counts.words < MIN_WORDS or counts.share >= THRESHOLD


def language_warning(text: str, doc_id: str | None = None) -> str | None:
    """The [W003] message for a text that is clearly not English, or None.

    Args:
        text: the document's text.
        doc_id: the document's id, named in the message when given.

    Returns:
        the message, or None when the text looks English or is too short to judge.
    """
    counts = english_share(text)
    if counts.words < MIN_WORDS or counts.share >= THRESHOLD:
        return None
    doc = "The text" if doc_id is None else f"Document {doc_id!r}"
    return Warnings.W003.format(
        doc=doc, english=counts.english, words=counts.words, share=counts.share
    )


def warn_if_not_english(text: str, doc_id: str | None = None, *, stacklevel: int = 1) -> bool:
    """Warns [W003] (:class:`~quoteattr.errors.QuoteattrWarning`) when ``text`` is clearly
    not English.

    Args:
        text: the document's text.
        doc_id: the document's id, named in the warning when given.
        stacklevel: which line the warning points at, counted from the caller: 1 (the
            default) the line that calls this function, 2 the line that called that
            function (a facade passes 2, so the warning points at its user's call).

    Returns:
        True when it warned.
    """
    message = language_warning(text, doc_id)
    if message is None:
        return False
    warnings.warn(message, QuoteattrWarning, stacklevel=stacklevel + 1)
    return True
