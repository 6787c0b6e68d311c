"""Confidence: how often a quote found this way is correctly attributed.

A quote's confidence is the precision of the rule that found it, scaled by what sort of
speaker it names, as measured on the development set (``quoteattr evaluate`` on
polnear-train, attribution matched at cov30; see docs/evaluation.md). It is a calibrated
estimate, so that a user can keep, say, only quotes with confidence >= 0.9 and expect
about nine in ten of them to be right.
"""

from __future__ import annotations

from ..model import QuoteKind, SpeakerKind

__all__ = ["confidence"]

# Measured attribution precision of each rule with a named person as the speaker.
RULE_PRECISION: dict[str, float] = {
    # direct quotes
    "governor": 0.91,
    "inner": 0.9,
    "colon": 0.86,
    "trailing": 0.69,
    "leading": 0.69,
    "dash": 0.75,
    "previous-subject": 0.57,
    # reported speech
    "according": 0.88,
    "ccomp": 0.84,
    "fronted": 0.55,
    "xcomp": 0.67,
    "prep": 0.67,
    "object": 0.69,
    "noun": 0.49,
    "adjective": 0.63,
    "label": 0.7,
}

# How the precision changes with the kind of speaker, relative to a named person.
SPEAKER_FACTOR: dict[SpeakerKind, float] = {
    SpeakerKind.PERSON: 1.0,
    SpeakerKind.ORGANIZATION: 0.96,
    SpeakerKind.UNNAMED: 0.84,
    SpeakerKind.UNKNOWN: 0.65,
}

# Content with a verbatim fragment is attributed more reliably than a paraphrase.
_MIXED_BONUS = 0.04


def confidence(kind: QuoteKind, rule: str, speaker: SpeakerKind | None) -> float:
    """Returns the calibrated confidence of a quote.

    Args:
        kind: the quote's kind.
        rule: the rule that found its attribution ("governor", "ccomp", ...).
        speaker: the kind of its speaker, or None when no speaker was found.

    Returns:
        a probability in [0, 1], rounded to two decimals.
    """
    if speaker is None:
        return 0.05
    base = RULE_PRECISION.get(rule, 0.5)
    if kind == QuoteKind.MIXED:
        base += _MIXED_BONUS
    return round(min(0.99, max(0.0, base * SPEAKER_FACTOR[speaker])), 2)
