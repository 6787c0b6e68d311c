"""The internal record that travels from the stage that finds an attribution to the step that
builds its :class:`~quoteattr.model.Quote` (after spacy-llm's task items).

The direct and reported stages make a :class:`Finding`; the mention stage gives it its
speaker's kind, resolution gives it a :class:`Resolution`, and assembly
(:mod:`quoteattr.core.assemble`) turns it into a Quote, once, at the end. A Finding holds token
and character offsets and the lexicon's cue match, never value objects that would be taken apart
and rebuilt on the way.
"""

from __future__ import annotations

import attrs

from ..model import Gender, QuoteKind, Rule, SpeakerKind
from .cues import CueMatch

__all__ = ["Finding", "Resolution"]


@attrs.frozen
class Resolution:
    """What a speaker mention refers to: the canonical name, the kind, role and organisation."""

    name: str
    kind: SpeakerKind
    role: str | None = None
    organization: str | None = None
    gender: Gender = Gender.UNKNOWN
    gender_evidence: str | None = None


@attrs.define
class Finding:
    """One attribution on its way to becoming a Quote.

    ``parts`` are the content's character ranges in text order (quote marks included where
    the text has them), ``speaker`` the token range ``[start, end)`` of the speaker mention,
    ``fragments`` the character ranges of the quote-marked pieces of a mixed quote.
    ``mention_kind`` is the kind of source the mention is on its own, ``resolution`` the
    entity it names, ``attribution`` the number of its speech event; the later stages fill
    them.
    """

    kind: QuoteKind
    parts: list[tuple[int, int]]
    cue: CueMatch | None
    speaker: tuple[int, int] | None
    rule: Rule
    fragments: tuple[tuple[int, int], ...] = ()
    mention_kind: SpeakerKind | None = None
    resolution: Resolution | None = None
    attribution: int = -1  # the speech event, numbered in text order once findings are final

    @property
    def start(self) -> int:
        """Where the content starts (its first part)."""
        return self.parts[0][0]

    @property
    def end(self) -> int:
        """Where the content ends (its last part)."""
        return self.parts[-1][1]
