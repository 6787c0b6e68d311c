"""The facade: a text or a Doc in, a list of :class:`~quoteattr.model.Quote` out.

A text is parsed with the cached pipeline (:mod:`quoteattr.pipelines`), in paragraph-aligned
chunks when it is longer than the pipeline takes (:mod:`quoteattr.chunks`); the stages run in
:func:`quoteattr.core.run.extract_doc`.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from . import pipelines
from .chunks import chunk_chars, extract_long
from .core.bylines import with_author
from .core.run import extract_doc
from .errors import Errors, QuoteattrError
from .model import Quotes
from .pipelines import components
from .texts import lone_surrogate

__all__ = ["extract", "extract_doc"]


def extract(
    text_or_doc: str | Doc,
    *,
    nlp: Language | None = None,
    author: str | Sequence[str] | None = None,
) -> Quotes:
    """Finds the quotes of a text or a parsed Doc.

    Args:
        text_or_doc: the article text, or a Doc parsed by any English pipeline with a parser.
        nlp: the pipeline that parses a str (default: :func:`quoteattr.load`, loaded once
            and cached). Ignored for a Doc. When it has a quoteattr component, that
            component's cues are used. A str longer than its ``max_length``, or than the
            default memory budget allows (:func:`quoteattr.chunks.chunk_chars`, about
            450,000 characters), is parsed in paragraph-aligned chunks
            (:func:`quoteattr.chunks.split_text`).
        author: the article's byline ("By Jane Doe") or list of authors. With one writer,
            the "I" of the text outside quotations is that writer
            (:func:`quoteattr.core.bylines.with_author`).

    Returns:
        the quotes in text order, as a :class:`~quoteattr.model.Quotes` list (a plain list
        that shows as a who-said-what table in Jupyter).

    Raises:
        QuoteattrError: [E001] for another type, [E008] for a Doc without a parse,
            [E002] when the default pipeline is not installed, [E018] for an author that is
            neither a str nor a list of str, [E024] for a text with a lone surrogate.
    """
    if isinstance(text_or_doc, Doc):
        return Quotes(extract_doc(text_or_doc, author=author))
    if not isinstance(text_or_doc, str):
        raise QuoteattrError(Errors.E001.format(type=type(text_or_doc).__name__))
    error = lone_surrogate(text_or_doc)
    if error is not None:
        raise error
    pipeline = nlp if nlp is not None else pipelines.load()
    own = components(pipeline)
    lexicons = own[0].lexicons if own else None
    longest = min(pipeline.max_length, chunk_chars())
    if len(text_or_doc) > longest:
        # Paragraph-aligned chunks, one parsed at a time: memory stays within the budget.
        quotes = extract_long(text_or_doc, pipeline, lexicons, longest)
        return Quotes(with_author(text_or_doc, quotes, author))
    # The quotes are found here, with the author: the component need not run as well.
    doc = pipeline(text_or_doc, disable=[name for name, proc in pipeline.pipeline if proc in own])
    return Quotes(extract_doc(doc, lexicons, author=author))
