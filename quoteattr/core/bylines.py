"""Bylines: the writer's "I".

An "I" outside every quotation that no rule resolved is the author's own voice when the input
gives a byline that names one writer ("By Glenn Thrush"): "when I asked him how she'd mount a
defense". Left alone are an "I" inside quote marks (the quoted speaker's, also where a
quotation's opening or closing mark is missing), in the headline (the person it is about), and
in a transcript or an interview printed as "Q:" and "A:" paragraphs (whoever speaks).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Iterable, Sequence

import attrs

from .. import lexicons
from ..errors import Errors, QuoteattrError
from ..model import Quote, QuoteKind, Speaker, SpeakerKind
from . import marks
from .layout import Ranges, paragraph_bounds
from .marks import MarkedQuote, MarkProblem

__all__ = ["Probe", "author_name", "record_author", "with_author", "writers_i"]


def record_author(author: object) -> str | list[str] | None:
    """A record's ``author`` as given (a str, or a list of str from a list or tuple), or None.

    Raises:
        ValueError: naming the type, for anything else.
    """
    if author is None or isinstance(author, str):
        return author
    if isinstance(author, list | tuple) and all(isinstance(a, str) for a in author):
        return list(author)
    raise ValueError(f"'author' is a {type(author).__name__}, not a str or a list of str")


_BY = re.compile(r"^\s*by\b[\s:]*", re.IGNORECASE)
_CONTACT = re.compile(r"[.,]?\s*\b(?:e-?mail|twitter|follow)\b.*$", re.IGNORECASE | re.DOTALL)
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:[,;&|/]|\band\b)\s*", re.IGNORECASE)


def author_name(
    author: str | Sequence[str] | None, not_writers: Collection[str] | None = None
) -> str | None:
    """The one writer a byline names, written as a name.

    "BY ANDREW ROSS SORKIN" -> "Andrew Ross Sorkin"; "Heidi M. Przybyla, @hmpzyb, USA TODAY"
    -> "Heidi M. Przybyla". A byline in capitals is put in title case; handles, e-mail and
    Twitter notes, and a paper's name in capitals beside a name in mixed case are dropped.

    Args:
        author: a byline, or a list of author names.
        not_writers: words of a byline that names a desk, not a writer (default: the shipped
            ``not_writers.txt``: "staff", "wire", ...).

    Returns:
        the name, or None when there is no byline, when it names several writers ("By Jane
        Doe and John Roe": whose "I" would it be?), or when it is no person's name (one word,
        more than five, digits, or a desk: "By Reuters Staff").

    Raises:
        QuoteattrError: [E018] when ``author`` is neither a str nor a list of str.
    """
    if author is None:
        return None
    if not_writers is None:
        not_writers = lexicons.not_writers()
    parts = [author] if isinstance(author, str) else author
    if not isinstance(parts, list | tuple):
        raise QuoteattrError(Errors.E018.format(got=type(author).__name__))
    for part in parts:
        if not isinstance(part, str):
            got = f"a {type(author).__name__} holding a {type(part).__name__}"
            raise QuoteattrError(Errors.E018.format(got=got))
    names = [
        " ".join(name.split())
        for part in parts
        for name in _AUTHOR_SEPARATORS.split(_CONTACT.sub("", _BY.sub("", part)))
        if name.strip() and "@" not in name  # "@gregorykorte": a handle
    ]
    if any(not n.isupper() for n in names):
        # "Heidi M. Przybyla, USA TODAY": beside a name in mixed case, capitals are the paper
        names = [n for n in names if not n.isupper()]
    if len(names) != 1:
        return None
    words = names[0].split()
    if not 2 <= len(words) <= 5 or any(
        not w[:1].isalpha() or any(c.isdigit() for c in w) or w.lower() in not_writers
        for w in words
    ):
        return None
    if names[0].isupper():
        return " ".join(w if len(w.rstrip(".")) == 1 else w.title() for w in words)
    return names[0]


# A transcript or an interview printed as questions and answers: its "I" is whoever speaks
# ("Q:", "A:", "FALLIN:").
_SPEAKER_LABEL = re.compile(
    r"^[^\S\n]*(?:[QA][:.]|[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)?:)[^\S\n]+\S", re.MULTILINE
)


def _writer_is_i(text: str) -> bool:
    """False for a transcript or an interview: two paragraphs or more open with a speaker's
    label."""
    return len(_SPEAKER_LABEL.findall(text, 0, len(text))) < 2


#: A speaker to check for the writer's "I": where its mention starts, the mention as written
#: and the kind resolution gave it; None where a quote has no speaker.
Probe = tuple[int, str, SpeakerKind] | None


def _quotations(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    found: tuple[Sequence[MarkedQuote], Sequence[MarkProblem]],
    quoted: Iterable[tuple[int, int]],
) -> list[tuple[int, int]]:
    """Where the text quotes someone, a paragraph at a time: the ``quoted`` ranges (the
    quotations extraction found), every top-level pair of quote marks, and the reach of a
    mark left without its partner (a quotation still open at the end of its paragraph, or
    closed with no opening mark). ``paragraphs`` are the text's
    (:func:`~quoteattr.core.layout.paragraph_bounds`), ``found`` its quote marks
    (:func:`~quoteattr.core.marks.find_quotes`)."""
    pairs, problems = found
    ranges = {part for pair in pairs if pair.depth == 0 for part in pair.parts}
    ranges.update(quoted)
    starts = [s for s, _ in paragraphs]
    for problem in problems:
        at = problem.offset
        k = bisect.bisect_right(starts, at) - 1
        if k < 0:
            continue
        start, end = paragraphs[k]
        after = text[at + len(problem.mark) : at + len(problem.mark) + 1]
        closing = problem.mark in "”»’" or (
            problem.mark not in "“«‘„" and (not after or after.isspace() or after in ",.;:!?")
        )
        ranges.add((start, at + len(problem.mark)) if closing else (at, end))
    merged: list[tuple[int, int]] = []  # as one set of ranges that do not overlap
    for start, end in sorted(ranges):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def writers_i(
    text: str,
    speakers: Sequence[Probe],
    writer: str | None,
    quoted: Iterable[tuple[int, int]],
    found: tuple[Sequence[MarkedQuote], Sequence[MarkProblem]] | None = None,
) -> list[int]:
    """Which of ``speakers`` are the writer's "I".

    Args:
        text: the document's text.
        speakers: each speaker to check (see :data:`Probe`).
        writer: the one writer the byline names (:func:`author_name`), or None.
        quoted: the quotations extraction found (direct quotes' parts, mixed quotes'
            fragments).
        found: the text's quote marks, when they were paired already (paired here if not,
            and only when a byline and an unresolved "I" make it needed).

    Returns:
        the indices of ``speakers`` that are the writer.
    """
    if writer is None:
        return []
    unresolved = [
        (i, p[0])
        for i, p in enumerate(speakers)
        if p is not None and p[2] == SpeakerKind.UNKNOWN and p[1] == "I"
    ]
    if not unresolved or not _writer_is_i(text):
        return []
    paragraphs = paragraph_bounds(text)
    marked = found if found is not None else marks.find_quotes(text)
    within = Ranges(_quotations(text, paragraphs, marked, quoted))
    # The headline's "I" is the person it is about ("Blumenthal: 'No Idea' If I Would Have
    # Told Hillary"): the writer's starts with the second paragraph.
    body = paragraphs[1][0] if len(paragraphs) > 1 else len(text)
    return [i for i, at in unresolved if at >= body and not within.holds(at)]


def with_author(
    text: str,
    quotes: Sequence[Quote],
    author: str | Sequence[str] | None,
    rescore: Callable[[Quote], float] | None = None,
) -> list[Quote]:
    """Gives the "I" of a piece with one writer to that writer.

    An "I" outside every quotation that no rule resolved (no contributor line names the
    writer) is the author's own voice: "when I asked him how she'd mount a defense" in a
    report by Glenn Thrush. Left alone are an "I" inside quote marks (the quoted speaker's,
    also where a quotation's opening or closing mark is missing), in the headline (the
    person it is about), and in a transcript or an interview printed as "Q:" and "A:"
    paragraphs (whoever speaks). :func:`quoteattr.core.run.extract_doc` does the same with
    ``author=``; this is for quotes found without it (the spaCy component's, say).

    Args:
        text: the document's text.
        quotes: the document's quotes.
        author: the document's byline (:func:`author_name` reads it); None leaves the quotes
            as they are.
        rescore: the confidence model the quotes were scored with
            (:class:`~quoteattr.core.confidence.ConfidenceModel`): a quote whose speaker is
            named here is scored again, as ``extract_doc(..., author=)`` scores it after
            naming the writer. None keeps each confidence as it was.

    Returns:
        the quotes in the same order, such speakers named.
    """
    probes: list[Probe] = [
        (q.speaker.mention.start, q.speaker.mention.text, q.speaker.kind)
        if q.speaker is not None and q.speaker.mention is not None
        else None
        for q in quotes
    ]
    quoted = [p for q in quotes if q.kind == QuoteKind.DIRECT for p in q.parts]
    quoted += [(f.start, f.end) for q in quotes for f in q.fragments]
    name = author_name(author)
    mine = writers_i(text, probes, name, quoted)
    out = list(quotes)
    for i in mine:
        assert name is not None
        speaker = quotes[i].speaker
        assert speaker is not None
        named = attrs.evolve(quotes[i], speaker=Speaker(name, SpeakerKind.PERSON, speaker.mention))
        out[i] = named if rescore is None else attrs.evolve(named, confidence=rescore(named))
    return out
