"""quoteattr: who said what in English news.

>>> import quoteattr
>>> for q in quoteattr.extract("“We have to win the peace,” Jens Stoltenberg said."):
...     print(q.speaker.name, q.cue.text, q.text)
Jens Stoltenberg said “We have to win the peace,”
"""

from __future__ import annotations

from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from .batch import extract_many
from .corpus import SpeakerTable
from .entities import speakers
from .errors import QuoteattrError, QuoteattrWarning
from .extract import DEFAULT_MODEL, extract
from .extract import load_pipeline as _load_pipeline
from .io.dataframe import to_dataframe
from .io.html import render
from .model import (
    SCHEMA_VERSION,
    Cue,
    CueCategory,
    Quote,
    QuoteKind,
    Quotes,
    Speaker,
    SpeakerEntity,
    SpeakerKind,
    TextSpan,
)

if _TYPE_CHECKING:
    from spacy.language import Language

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_MODEL",
    "SCHEMA_VERSION",
    "Cue",
    "CueCategory",
    "Quote",
    "QuoteKind",
    "QuoteattrError",
    "QuoteattrWarning",
    "Quotes",
    "Speaker",
    "SpeakerEntity",
    "SpeakerKind",
    "SpeakerTable",
    "TextSpan",
    "__version__",
    "extract",
    "extract_many",
    "load",
    "render",
    "speakers",
    "to_dataframe",
]


def load(model: str = DEFAULT_MODEL, *, config: dict[str, _Any] | None = None) -> Language:
    """Loads an installed spaCy pipeline with the ``quoteattr`` component at its end.

    Args:
        model: the name of an installed English pipeline with a parser.
        config: the component's config (``extension``, ``extra_cues``).

    Returns:
        the pipeline; ``nlp(text)._.quotes`` holds the quotes.

    Raises:
        QuoteattrError: [E002] when the pipeline is not installed.
    """
    from . import component  # noqa: F401  (registers the factory)

    nlp = _load_pipeline(model)
    if "quoteattr" not in nlp.pipe_names:
        nlp.add_pipe("quoteattr", config=config or {})
    return nlp
