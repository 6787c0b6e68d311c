"""Speakers as entities: each speaker of a document once, with every quote attributed to it.

:func:`speakers` groups quotes whose speakers resolved to the same entity (same canonical name
and kind). Plain data in and out: no spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Quote, SpeakerEntity, SpeakerKind, TextSpan

__all__ = ["speakers"]


def speakers(quotes: Iterable[Quote]) -> list[SpeakerEntity]:
    """Lists each speaker once, with its quotes: the entity-level view of a document.

    Speakers are the same entity when they have the same name and kind, so the view also
    works across documents ("Donald Trump" in two articles is one entry). Speakers of kind
    UNKNOWN (an unresolved "he" or "they") are never merged: each mention is its own entry.

    Args:
        quotes: quotes, typically of one document (:func:`quoteattr.extract`).

    Returns:
        the entities in order of their first quote, each with its name, kind, role and
        organisation (the first stated), its distinct mentions and its quotes.
    """
    groups: dict[object, list[Quote]] = {}
    for q in quotes:
        s = q.speaker
        if s is None:
            continue
        # An unresolved "he" is its own entry: two of them need not be one person.
        key: object = (s.name, s.kind) if s.kind != SpeakerKind.UNKNOWN else id(q)
        groups.setdefault(key, []).append(q)
    out = []
    for group in groups.values():
        first = group[0].speaker
        assert first is not None
        role = next((q.speaker.role for q in group if q.speaker and q.speaker.role), None)
        org = next(
            (q.speaker.organization for q in group if q.speaker and q.speaker.organization), None
        )
        mentions: dict[TextSpan, None] = {}
        for q in group:
            if q.speaker is not None and q.speaker.mention is not None:
                mentions.setdefault(q.speaker.mention, None)
        ordered = sorted(mentions, key=lambda m: (m.start, m.end))
        out.append(
            SpeakerEntity(
                name=first.name,
                kind=first.kind,
                role=role,
                organization=org,
                mentions=tuple(ordered),
                quotes=tuple(group),
            )
        )
    return out
