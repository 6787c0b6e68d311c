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
from .core.language import warn_if_not_english
from .core.lexicon import confidence_model
from .core.run import extract_doc, profile_of
from .errors import Errors, QuoteattrError
from .model import Profile, Quotes
from .pipelines import components, profile_of_pipeline
from .texts import lone_surrogate

__all__ = ["extract", "extract_doc"]


def extract(
    text_or_doc: str | Doc,
    *,
    nlp: Language | None = None,
    author: str | Sequence[str] | None = None,
    profile: Profile | str | None = None,
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
        profile: what counts as a quote (None: the profile of ``nlp``'s quoteattr component,
            else claims): ``"claims"`` (every attributed statement, belief
            and report, the default) or ``"quotes"`` (what someone said or wrote, one quote
            per pair of quote marks); see :class:`~quoteattr.model.Profile`.

    Returns:
        the quotes in text order, as a :class:`~quoteattr.model.Quotes` list (a plain list
        that shows as a who-said-what table in Jupyter).

    Raises:
        QuoteattrError: [E001] for another type, [E008] for a Doc without a parse,
            [E002] when the default pipeline is not installed, [E018] for an author that is
            neither a str nor a list of str, [E019] for an unknown profile, [E024] for a text
            with a lone surrogate.

    Warns:
        QuoteattrWarning: [W003] when the text is clearly not English
            (:func:`quoteattr.core.language.looks_english`); [W001], [W002] for quote marks
            that cannot be paired.
    """
    if isinstance(text_or_doc, Doc):
        warn_if_not_english(text_or_doc.text, stacklevel=2)
        chosen = profile if profile is not None else Profile.CLAIMS
        return Quotes(extract_doc(text_or_doc, author=author, profile=chosen))
    if not isinstance(text_or_doc, str):
        raise QuoteattrError(Errors.E001.format(type=type(text_or_doc).__name__))
    warn_if_not_english(text_or_doc, stacklevel=2)
    error = lone_surrogate(text_or_doc)
    if error is not None:
        raise error
    pipeline = nlp if nlp is not None else pipelines.load()
    own = components(pipeline)
    lexicons = own[0].lexicons if own else None
    chosen = profile_of(profile) if profile is not None else profile_of_pipeline(pipeline)
    longest = min(pipeline.max_length, chunk_chars())
    if len(text_or_doc) > longest:
        # Paragraph-aligned chunks, one parsed at a time: memory stays within the budget.
        quotes = extract_long(text_or_doc, pipeline, lexicons, profile=chosen, max_length=longest)
        model = confidence_model(lexicons, chosen)
        return Quotes(with_author(text_or_doc, quotes, author, model))
    # The quotes are found here, with the author: the component need not run as well.
    doc = pipeline(text_or_doc, disable=[name for name, proc in pipeline.pipeline if proc in own])
    return Quotes(extract_doc(doc, lexicons, author=author, profile=chosen))
