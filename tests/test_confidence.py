"""Confidence: rule precision scaled by speaker kind."""

from __future__ import annotations

import pytest

from quoteattr.core.confidence import confidence
from quoteattr.model import QuoteKind, SpeakerKind


def test_no_speaker_is_nearly_never_right() -> None:
    """A quote without a speaker cannot be correctly attributed: 0.05."""
    assert confidence(QuoteKind.DIRECT, "governor", None) == 0.05


@pytest.mark.parametrize(
    ("rule", "expected"),
    [("governor", 0.91), ("ccomp", 0.84), ("noun", 0.49), ("unheard-of", 0.5)],
)
def test_rule_precision_for_a_named_person(rule: str, expected: float) -> None:
    """With a named person, the confidence is the rule's measured precision."""
    assert confidence(QuoteKind.INDIRECT, rule, SpeakerKind.PERSON) == expected


def test_speaker_kind_lowers_confidence_in_order() -> None:
    """person > organization > unnamed > unknown for the same rule."""
    got = [confidence(QuoteKind.INDIRECT, "ccomp", k) for k in SpeakerKind]
    assert got == [0.84, 0.81, 0.71, 0.55]


def test_mixed_bonus() -> None:
    """A verbatim fragment makes a paraphrase more reliably attributed."""
    assert confidence(QuoteKind.MIXED, "ccomp", SpeakerKind.PERSON) == 0.88


def test_confidence_is_a_probability() -> None:
    """Every rule and speaker kind gives a value in [0, 1]."""
    for kind in QuoteKind:
        for sk in [*SpeakerKind, None]:
            assert 0.0 <= confidence(kind, "governor", sk) <= 1.0
