"""quoteattr: who said what in English news.

>>> import quoteattr
>>> for q in quoteattr.extract("“We have to win the peace,” Jens Stoltenberg said."):
...     print(q.speaker.name, q.cue.text, q.text)
Jens Stoltenberg said “We have to win the peace,”
"""

from __future__ import annotations

from .batch import extract_many
from .corpus import SpeakerTable
from .entities import speakers
from .errors import QuoteattrError, QuoteattrWarning
from .extract import extract
from .io.dataframe import to_dataframe
from .io.html import render
from .model import (
    SCHEMA_VERSION,
    Cue,
    CueCategory,
    Gender,
    Profile,
    Quote,
    QuoteKind,
    Quotes,
    Rule,
    Speaker,
    SpeakerEntity,
    SpeakerKind,
    TextSpan,
)
from .pipelines import DEFAULT_MODEL, load

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_MODEL",
    "SCHEMA_VERSION",
    "Cue",
    "CueCategory",
    "Gender",
    "Profile",
    "Quote",
    "QuoteKind",
    "QuoteattrError",
    "QuoteattrWarning",
    "Quotes",
    "Rule",
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
