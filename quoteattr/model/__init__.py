"""Value objects: what quoteattr hands to other programs.

They hold character offsets into the original text and copies of the text, never spaCy tokens
or spans, so they pickle, compare, hash and serialize as plain data. Offsets are code-point
offsets (Python ``str`` indices), end exclusive.

``Quote.to_dict()`` and ``Quote.from_dict()`` round-trip exactly; the dict carries
``"schema": SCHEMA_VERSION``. Version 2 added ``"rule"``; dicts of version 1 are still read
(their rule is None).

The package's modules: :mod:`~quoteattr.model.kinds` holds the enums,
:mod:`~quoteattr.model.values` the frozen value objects and their dicts, and
:mod:`~quoteattr.model.quotes` the :class:`Quotes` list and its filters.
"""

from __future__ import annotations

from .kinds import CueCategory, Gender, Profile, QuoteKind, Rule, SpeakerKind
from .quotes import Quotes
from .values import SCHEMA_VERSION, Cue, Quote, Speaker, SpeakerEntity, TextSpan

__all__ = [
    "SCHEMA_VERSION",
    "Cue",
    "CueCategory",
    "Gender",
    "Profile",
    "Quote",
    "QuoteKind",
    "Quotes",
    "Rule",
    "Speaker",
    "SpeakerEntity",
    "SpeakerKind",
    "TextSpan",
]
