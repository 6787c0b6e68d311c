"""Content: which quote-marked stretches are direct quotes, and how their pieces join.

A quote-marked stretch is a *direct quote* when it stands on its own: it opens a paragraph or
a sentence, follows a colon, or follows an attribution ("Brafman said, “The zeal ...”").
Otherwise it sits inside somebody's clause ("She called his actions “a crucial step”") and
is a verbatim fragment, which the reported-speech stage turns into a mixed quote.
"""

from __future__ import annotations

import attrs

from ..model import CueCategory
from .cues import DASHES, CueLexicon
from .layout import Layout
from .marks import MarkedQuote

__all__ = ["Candidate", "direct_candidates", "is_standalone"]

# Characters after which a quote starts a new unit of its own.
_OPENERS = frozenset(".!?:;([{…") | DASHES
_CLOSING_MARKS = frozenset("”\"»›’'")


@attrs.define
class Candidate:
    """A direct quote in the making: its content parts (quote marks included)."""

    parts: list[tuple[int, int]]
    paragraph: int

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def _prev_char(text: str, pos: int, floor: int) -> tuple[str, int]:
    """The nearest non-blank character before ``pos`` (not before ``floor``), and its offset."""
    j = pos - 1
    while j >= floor and text[j] in " \t\u00a0":
        j -= 1
    if j < floor or text[j] in "\r\n":
        return "", j
    return text[j], j


def is_standalone(layout: Layout, quote: MarkedQuote, lexicon: CueLexicon) -> bool:
    """True when a quote-marked stretch is a quotation in its own right.

    Args:
        layout: the document's layout.
        quote: a top-level pair from :func:`quoteattr.marks.find_quotes`.
        lexicon: the cue lexicon.

    Returns:
        True for “…” opening a paragraph or sentence, after a colon or dash, after an
        attribution and comma ("As they say about him, “gifted hands.”"), right after a cue
        verb ("saying “Too many.”"), or running over several paragraphs.
    """
    if len(quote.parts) > 1:
        return True
    text = layout.text
    para = layout.paragraphs[layout.paragraph_of(quote.start)]
    prev, j = _prev_char(text, quote.start, para[0])
    if prev == "" or prev in _OPENERS or prev in _CLOSING_MARKS:
        return True
    doc = layout.doc
    first = layout.token_at(quote.start)
    if prev == ",":
        # "Brafman said, “…”" / "According to the newspaper, “…”": a cue in the same clause.
        lo = max(layout.sentence_start(first), layout.token_at(para[0]))
        for i in range(layout.token_at(j) - 1, lo - 1, -1):
            if doc[i].text in {".", "!", "?", ";"}:
                break
            if lexicon.match(doc, i) is not None:
                return True
        return False
    # A quotation as the object of a speech verb, with or without "that": "Elliott said
    # “there is no great man ...”", "The ad says “nothing will change ...”", "saying “Too
    # many.”". It must be a sentence (a capital start) or a clause (a verb inside); a noun
    # phrase is a fragment of the reporter's clause: "seeking “an enduring presence”".
    k = first - 1
    if k > 0 and doc[k].lower_ == "that":
        k -= 1
    if k >= 0:
        category = lexicon.verb_category(doc[k])
        if category is not None and category != CueCategory.BELIEF:
            inner = next((c for c in text[quote.start : quote.end] if c.isalnum()), "")
            if _is_title(text[quote.start : quote.end]):
                return False  # wrote “Tough Choices.”, called “The Local”: a name
            if inner.isupper():
                return True
            end = layout.token_at(quote.end - 1)
            return any(doc[i].pos_ in {"VERB", "AUX"} for i in range(first, end))
    return False


# The words title case leaves in lower case: articles, conjunctions, short prepositions.
_TITLE_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "but",
        "or",
        "nor",
        "for",
        "of",
        "in",
        "on",
        "at",
        "to",
        "by",
        "with",
        "from",
        "as",
        "vs",
        "via",
        "per",
    ]
)


def _is_title(quoted: str) -> bool:
    """True for a title in title case: “Tough Choices.”, “In the Gutter.”, “60 Minutes”.

    Every word of four letters or more starts with a capital, and there are at least two
    words; "“Too many.”" and "“We won.”" are sentences.
    """
    words = [w.strip("“”\"'‘’«»,.!?:;") for w in quoted.split() if any(c.isalpha() for c in w)]
    long_words = [w for w in words if len(w) >= 4]
    if len(words) < 2 or not long_words or not all(w[0].isupper() for w in long_words):
        return False
    # Title case leaves only its small words in lower case: "“Bad for New Jersey, bad for
    # you.”", chanted, is a sentence ("bad", "you"); “Profiles in Courage” is a title, and so
    # is "Los Hijos de Trump" (a word of two letters may be another language's small word).
    return all(w[:1].isupper() or len(w) < 3 or w.lower() in _TITLE_SMALL_WORDS for w in words[1:])


def direct_candidates(
    layout: Layout, quotes: list[MarkedQuote], lexicon: CueLexicon
) -> tuple[list[Candidate], list[MarkedQuote]]:
    """Splits top-level quote pairs into direct-quote candidates and embedded fragments.

    Args:
        layout: the document's layout.
        quotes: top-level pairs, in text order.
        lexicon: the cue lexicon.

    Returns:
        ``(candidates, fragments)``.
    """
    candidates: list[Candidate] = []
    fragments: list[MarkedQuote] = []
    for q in quotes:
        if q.end - q.start <= 2:  # “” holds nothing
            continue
        if is_standalone(layout, q, lexicon):
            candidates.append(Candidate(list(q.parts), layout.paragraph_of(q.start)))
        else:
            fragments.append(q)
    return candidates, fragments
