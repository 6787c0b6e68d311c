"""Assembly: each finding becomes its :class:`~quoteattr.model.Quote`, once, at the end."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Cue, Quote, Speaker, TextSpan
from .confidence import SPEAKERLESS, ConfidenceModel
from .cues import CueMatch
from .findings import Finding
from .layout import Layout, span_of

__all__ = ["assemble"]


def _cue(doc: Doc, layout: Layout, m: CueMatch) -> Cue:
    text = layout.text
    start = layout.token_starts[m.start]  # the first token's offset, with no Token made
    last = doc[m.end - 1]
    end = last.idx + len(last.text)
    return Cue(text=text[start:end], start=start, end=end, lemma=m.lemma, category=m.category)


def _speaker(doc: Doc, layout: Layout, f: Finding) -> Speaker | None:
    if f.speaker is None:
        return None
    start, end = f.speaker
    if start < end:
        first, last = layout.char_bounds(start, end)
    else:
        span = span_of(doc, start, end)
        first, last = span.start_char, span.end_char
    written = layout.text[first:last]
    mention = TextSpan(written, first, last)
    r = f.resolution
    if r is None:  # not resolved: the mention as written names it
        assert f.mention_kind is not None
        return Speaker(name=written, kind=f.mention_kind, mention=mention)
    return Speaker(r.name, r.kind, mention, r.role, r.organization, r.gender, r.gender_evidence)


def _confidence(
    f: Finding, cue: Cue | None, speaker: Speaker | None, paragraph: int, model: ConfidenceModel
) -> float:
    if speaker is None:
        return SPEAKERLESS
    size = sum(e - s for s, e in f.parts) + len(f.parts) - 1  # Quote.content's length
    return model.score(
        f.kind, f.rule, cue, speaker, size, paragraph, len(f.parts), len(f.fragments)
    )


def assemble(doc: Doc, layout: Layout, f: Finding, model: ConfidenceModel) -> Quote:
    """Builds the Quote of a finding.

    Args:
        doc: the Doc the finding comes from.
        layout: its layout.
        f: the finding, its speaker resolved.
        model: the confidence model of the profile.

    Returns:
        the quote, its confidence the model's for what it says of how it was found (its
        rule, cue and speaker as resolved: an "he" no rule could name is ``unknown``), 0.05
        without a speaker.
    """
    text = layout.text
    start, end = f.start, f.end
    speaker = _speaker(doc, layout, f)
    cue = _cue(doc, layout, f.cue) if f.cue is not None else None
    # The context holds the quote, its cue and its speaker mention, from the quote's paragraph.
    paragraph = layout.paragraph_of(start)
    reach = [start, end]
    for piece in (cue, speaker.mention if speaker is not None else None):
        if piece is not None and layout.paragraph_of(piece.start) == paragraph:
            reach += [piece.start, piece.end]
    lo, hi = layout.sentence_span(min(reach), max(reach))
    return Quote(
        kind=f.kind,
        text=text[start:end],
        start=start,
        end=end,
        parts=tuple(f.parts),
        cue=cue,
        speaker=speaker,
        confidence=_confidence(f, cue, speaker, paragraph, model),
        sentence=layout.sentence_of(start),
        paragraph=paragraph,
        fragments=tuple(TextSpan(text[s:e], s, e) for s, e in f.fragments),
        rule=f.rule,
        attribution=f.attribution,
        context=TextSpan(text[lo:hi], lo, hi),
    )
