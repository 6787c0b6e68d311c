"""Confidence: how often a quote found this way is correctly attributed.

A quote's confidence is the precision of the rule that found it, scaled by what sort of
speaker it names, as measured on the development set (``quoteattr evaluate`` on
polnear-train, attribution matched at cov30; see docs/evaluation.md). It is a calibrated
estimate, so that a user can keep, say, only quotes with confidence >= 0.9 and expect
about nine in ten of them to be right.
"""

from __future__ import annotations

from ..model import QuoteKind, Rule, SpeakerKind

__all__ = ["confidence"]

# Measured attribution precision of each rule with a named person as the speaker.
# Every rule has one (a test checks it): a rule without a measured precision is an error, not
# a silent guess.
RULE_PRECISION: dict[Rule, float] = {
    # direct quotes
    Rule.GOVERNOR: 0.91,
    Rule.INNER: 0.9,
    Rule.COLON: 0.86,
    Rule.INTRODUCED: 0.6,
    Rule.TRAILING: 0.69,
    Rule.LEADING: 0.69,
    Rule.DASH: 0.75,
    Rule.PREVIOUS_SUBJECT: 0.57,
    # no attribution found: such a quote has no speaker, and gets the speakerless figure
    Rule.NONE: 0.05,
    # reported speech
    Rule.ACCORDING: 0.88,
    Rule.CCOMP: 0.84,
    Rule.FRONTED: 0.55,
    Rule.XCOMP: 0.67,
    Rule.PREP: 0.67,
    Rule.OBJECT: 0.69,
    Rule.NOUN: 0.49,
    Rule.ADJECTIVE: 0.63,
    Rule.LABEL: 0.7,
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


def confidence(kind: QuoteKind, rule: Rule, speaker: SpeakerKind | None) -> float:
    """Returns the calibrated confidence of a quote.

    Args:
        kind: the quote's kind.
        rule: the rule that found its attribution.
        speaker: the kind of its speaker, or None when no speaker was found.

    Returns:
        a probability in [0, 1], rounded to two decimals.
    """
    if speaker is None:
        return 0.05
    base = RULE_PRECISION[rule]
    if kind == QuoteKind.MIXED:
        base += _MIXED_BONUS
    return round(min(0.99, max(0.0, base * SPEAKER_FACTOR[speaker])), 2)
