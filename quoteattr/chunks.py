"""Texts longer than the pipeline takes in one piece: paragraph-aligned chunks.

A text longer than the pipeline's ``nlp.max_length`` is cut into paragraph-aligned chunks
(:func:`split_text`), each chunk is parsed as a Doc of its own, and the quotes are moved back
to offsets in the whole text (:func:`shift`, :func:`merge`). A quote cannot span two chunks,
so the cuts are put at paragraph breaks, preferably before a paragraph that does not open with
a quote mark (a quote continued over paragraphs, or attributed by the paragraph before, stays
whole).

How long a chunk may be is set by a memory budget (:func:`chunk_chars`): spaCy's tok2vec and
parser hold every text of a batch at once, at about 3.6 kB per character with the default model,
so a 3 MB article parsed in one piece peaks near 10 GB; under the default budget of 2 GiB per
process it is parsed in chunks of about 450,000 characters, one chunk at a time.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

import attrs
from spacy.language import Language
from spacy.tokens import Doc

from .core.layout import paragraph_bounds
from .core.lexicon import Lexicons, confidence_model
from .core.run import extract_doc
from .errors import Errors, QuoteattrError
from .model import Profile, Quote, TextSpan
from .pipelines import components

#: Peak memory per character of text in one batch, with the default model (tok2vec and the
#: parser hold the whole batch): 3.6 to 3.8 kB measured on the development set's news text
#: (``benchmarks/bench_memory.py --per-char``), rounded up.
BYTES_PER_CHAR = 4_000
#: What a process holds before it parses: the interpreter, spaCy and the model (155 MB
#: measured), with room for what earlier batches leave behind.
PROCESS_BASE = 300 * 2**20
#: The memory budget of each process when none is given: 2 GiB.
DEFAULT_BUDGET = 2 * 2**30
#: The shortest chunk a budget may ask for: shorter ones cut too many quotes' context.
MIN_CHUNK = 10_000


def _size(n: int) -> str:
    return f"{n / 2**30:.2f} GiB" if n >= 2**30 else f"{n / 2**20:.0f} MiB"


def chunk_chars(budget: int | None = None, processes: int = 1) -> int:
    """The most characters a process may parse at once under a memory budget.

    Args:
        budget: bytes for the whole run, shared evenly by ``processes`` (default:
            :data:`DEFAULT_BUDGET` for each process).
        processes: how many processes parse at the same time.

    Returns:
        ``(budget / processes - PROCESS_BASE) / BYTES_PER_CHAR``.

    Raises:
        QuoteattrError: [E030] when that is below :data:`MIN_CHUNK`.
    """
    processes = max(1, processes)
    share = DEFAULT_BUDGET if budget is None else budget // processes
    chars = (share - PROCESS_BASE) // BYTES_PER_CHAR
    if chars < MIN_CHUNK:
        least = PROCESS_BASE + MIN_CHUNK * BYTES_PER_CHAR
        raise QuoteattrError(
            Errors.E030.format(
                budget=_size(budget if budget is not None else share),
                processes=processes,
                least=_size(least),
            )
        )
    return int(chars)


__all__ = [
    "BYTES_PER_CHAR",
    "DEFAULT_BUDGET",
    "MIN_CHUNK",
    "PROCESS_BASE",
    "ChunkQuotes",
    "chunk_chars",
    "extract_long",
    "merge",
    "sentence_count",
    "shift",
    "split_text",
]

# Where a long text may be cut, best first. A cut lies just after the match, so the next chunk
# starts with the next paragraph, line or sentence.
_BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[^\S\r\n]*(?:\r\n|\r|\n|\u2028|\u2029)\s*")
_LINE_BREAK = re.compile(r"(?:\r\n|\r|\n|\u2028|\u2029)\s*")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)\]]*\s+")
_SPACE = re.compile(r"\s+")
_CUTS = (_BLANK_LINE, _LINE_BREAK, _SENTENCE_BREAK, _SPACE)

# A paragraph that opens with one of these may continue the quote of the paragraph before or
# be attributed by it ("He declared:\n\n“…”"), so a cut before it is a last resort.
_OPENING_MARKS = frozenset("\"'“”„‟«»‹›‘’‚`")


def split_text(text: str, max_length: int) -> list[tuple[int, int]]:
    """Cuts a text into chunks of at most ``max_length`` characters, at paragraph breaks.

    A chunk ends at a blank line, else at a line break, and only where a single paragraph is
    longer than ``max_length`` at the end of a sentence, else at a space, else anywhere. The
    chunks cover the text exactly: ``"".join(text[s:e] for s, e in chunks) == text``.

    Args:
        text: the whole text.
        max_length: the longest chunk, in characters (at least 1).

    Returns:
        ``(start, end)`` of each chunk, in order; one chunk for a text that fits.
    """
    max_length = max(1, max_length)
    chunks = []
    start = 0
    while len(text) - start > max_length:
        limit = start + max_length
        cut = next(
            (c for c in (_last_cut(p, text, start, limit) for p in _CUTS) if c is not None),
            limit,
        )
        chunks.append((start, cut))
        start = cut
    chunks.append((start, len(text)))
    return chunks


def _last_cut(pattern: re.Pattern[str], text: str, start: int, limit: int) -> int | None:
    """The best cut after a match of ``pattern`` in ``text[start:limit]``, or None.

    The last cut before a paragraph that does not open with a quote mark wins when it keeps
    the chunk at least half full; otherwise the last cut of all.
    """
    last = clean = None
    for m in pattern.finditer(text, start + 1, limit):
        cut = m.end()
        last = cut
        if cut < len(text) and text[cut] not in _OPENING_MARKS:
            clean = cut
    if clean is not None and clean - start >= (limit - start) // 2:
        return clean
    return last


def shift(quote: Quote, delta: int) -> Quote:
    """Moves every offset of a quote by ``delta`` characters (its parts, cue, speaker mention,
    fragments and context too); text, sentence and paragraph indices are kept.

    Args:
        quote: a quote found in a piece of a text.
        delta: where that piece starts in the whole text.

    Returns:
        the same quote with offsets into the whole text.
    """
    if delta == 0:
        return quote

    def span(s: TextSpan) -> TextSpan:
        return attrs.evolve(s, start=s.start + delta, end=s.end + delta)

    speaker = quote.speaker
    if speaker is not None and speaker.mention is not None:
        speaker = attrs.evolve(speaker, mention=span(speaker.mention))
    cue = quote.cue
    if cue is not None:
        cue = attrs.evolve(cue, start=cue.start + delta, end=cue.end + delta)
    return attrs.evolve(
        quote,
        start=quote.start + delta,
        end=quote.end + delta,
        parts=tuple((s + delta, e + delta) for s, e in quote.parts),
        cue=cue,
        speaker=speaker,
        fragments=tuple(span(f) for f in quote.fragments),
        context=None if quote.context is None else span(quote.context),
    )


@attrs.frozen
class ChunkQuotes:
    """The quotes found in one chunk of a long text, and where the chunk lies."""

    start: int
    quotes: list[Quote]
    sentences: int  # how many spaCy sentences the chunk has


def merge(
    text: str, chunks: Iterable[ChunkQuotes], rescore: Callable[[Quote], float] | None = None
) -> list[Quote]:
    """Moves the quotes of each chunk to offsets, sentence, paragraph and attribution
    indices of the text.

    Args:
        text: the whole text.
        chunks: the quotes of each chunk, in text order.
        rescore: the confidence model the quotes were scored with
            (:class:`~quoteattr.core.confidence.ConfidenceModel`): each quote is scored
            again on its place in the whole text (a chunk's first paragraph is no headline).
            None keeps each confidence as it was.
    """
    starts = [s for s, _ in paragraph_bounds(text)]
    out = []
    sentences_before = events_before = 0
    for chunk in chunks:
        events = 0
        for q in chunk.quotes:
            moved = shift(q, chunk.start)
            sentence = None if q.sentence is None else q.sentence + sentences_before
            paragraph = max(0, bisect.bisect_right(starts, moved.start) - 1)
            # Each chunk numbers its speech events from 0: number them on over the text.
            event = None if q.attribution is None else q.attribution + events_before
            if q.attribution is not None:
                events = max(events, q.attribution + 1)
            moved = attrs.evolve(moved, sentence=sentence, paragraph=paragraph, attribution=event)
            if rescore is not None:
                moved = attrs.evolve(moved, confidence=rescore(moved))
            out.append(moved)
        sentences_before += chunk.sentences
        events_before += events
    return out


def sentence_count(doc: Doc) -> int:
    """How many sentences a Doc has (0 for an empty one)."""
    return sum(1 for _ in doc.sents) if len(doc) else 0


def extract_long(
    text: str,
    nlp: Language,
    lexicons: Lexicons | None = None,
    *,
    profile: Profile = Profile.CLAIMS,
    max_length: int | None = None,
) -> list[Quote]:
    """Finds the quotes of a long text, chunk by chunk, one chunk parsed at a time.

    Args:
        text: the whole text.
        nlp: the pipeline that parses each chunk (its quoteattr components, if any, are left
            out of the parse: the quotes are found here).
        lexicons: the cues and word lists (default: the shipped ones).
        profile: what counts as a quote.
        max_length: the longest chunk (default: ``nlp.max_length`` or, if smaller,
            :func:`chunk_chars` of the default budget).

    Returns:
        the quotes, with offsets into ``text``.
    """
    if max_length is None:
        max_length = min(nlp.max_length, chunk_chars())
    spans = split_text(text, max_length)
    own = [name for name, proc in nlp.pipeline if proc in components(nlp)]
    # One chunk a batch: the parser holds a whole batch at once (see BYTES_PER_CHAR).
    docs = nlp.pipe((text[s:e] for s, e in spans), disable=own, batch_size=1)
    return merge(
        text,
        (
            ChunkQuotes(
                s, extract_doc(doc, lexicons, profile=profile, start=s), sentence_count(doc)
            )
            for (s, _), doc in zip(spans, docs, strict=True)
        ),
        confidence_model(lexicons, profile),
    )
