"""The internal records that travel from the stages that find an attribution to the step that
builds its :class:`~quoteattr.model.Quote`.

They hold token and character offsets, never value objects: a Quote is built once, at the end
(:mod:`quoteattr.core.assemble`).
"""

from __future__ import annotations

import attrs

from ..model import SpeakerKind

__all__ = ["Resolution"]


@attrs.frozen
class Resolution:
    """What a speaker mention refers to: the canonical name, the kind, role and organisation."""

    name: str
    kind: SpeakerKind
    role: str | None = None
    organization: str | None = None
