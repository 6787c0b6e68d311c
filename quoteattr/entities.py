"""Speakers as entities: each speaker of a document once, with every quote attributed to it.

:func:`speakers` groups quotes whose speakers resolved to the same entity (same canonical name
and kind); :func:`resolve_mentions` resolves any mention the way a speaker is resolved, to score
resolution on mentions chosen by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc

from .core.bylines import Probe, author_name, writers_i
from .core.findings import Resolution
from .core.lexicon import default_lexicons
from .core.mentions import person_surnames, speaker_kind
from .core.resolve import Resolver, quotations
from .core.run import find, resolve
from .model import Quote, SpeakerEntity, SpeakerKind, TextSpan

__all__ = ["resolve_mentions", "speakers"]


def resolve_mentions(
    doc: Doc, mentions: Sequence[tuple[int, int]], author: str | Sequence[str] | None = None
) -> list[Resolution]:
    """Resolves mentions given by character offsets, as quoteattr resolves its speakers.

    The document's quotes are extracted and their speakers resolved first, so that the
    mentions see the same antecedents a speaker would. Used to score resolution on mentions
    chosen by hand.

    Args:
        doc: a parsed Doc.
        mentions: ``(start, end)`` character offsets of each mention.
        author: the document's byline, as for :func:`with_author`.

    Returns:
        one resolution per mention, in order.
    """
    lexicons = default_lexicons()
    found = find(doc, lexicons)
    layout = found.layout
    resolver = resolve(doc, found, lexicons) or Resolver(
        doc, layout, quotations(found.findings), lexicons
    )
    surnames = person_surnames(doc)
    out = []
    for start, end in mentions:
        toks = layout.tokens_in(start, end)
        kind = speaker_kind(doc[toks.start : toks.stop], surnames)
        out.append(resolver.resolve(toks.start, toks.stop, kind, speaker=False))
    if author is not None:  # the writer's "I", as for a quote's speaker
        probes: list[Probe] = [
            (s, layout.text[s:e], r.kind) for (s, e), r in zip(mentions, out, strict=True)
        ]
        quoted = quotations(found.findings)
        writer = author_name(author)
        for i in writers_i(layout.text, probes, writer, quoted, (found.pairs, found.problems)):
            assert writer is not None
            out[i] = Resolution(writer, SpeakerKind.PERSON)
    return out


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
