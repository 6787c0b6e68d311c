"""Confidence: rule precision scaled by speaker kind."""

from __future__ import annotations

import pytest

from quoteattr.core.confidence import RULE_PRECISION, confidence
from quoteattr.model import QuoteKind, Rule, SpeakerKind


def test_no_speaker_is_nearly_never_right() -> None:
    """A quote without a speaker cannot be correctly attributed: 0.05."""
    assert confidence(QuoteKind.DIRECT, Rule.GOVERNOR, None) == 0.05


@pytest.mark.parametrize(
    ("rule", "expected"),
    [(Rule.GOVERNOR, 0.91), (Rule.CCOMP, 0.84), (Rule.NOUN, 0.49)],
)
def test_rule_precision_for_a_named_person(rule: Rule, expected: float) -> None:
    """With a named person, the confidence is the rule's measured precision."""
    assert confidence(QuoteKind.INDIRECT, rule, SpeakerKind.PERSON) == expected


def test_every_rule_has_a_measured_precision() -> None:
    """No rule falls back to a guessed default: the table covers the Rule enum exactly."""
    assert set(RULE_PRECISION) == set(Rule)


def test_speaker_kind_lowers_confidence_in_order() -> None:
    """person > organization > unnamed > unknown for the same rule."""
    got = [confidence(QuoteKind.INDIRECT, Rule.CCOMP, k) for k in SpeakerKind]
    assert got == [0.84, 0.81, 0.71, 0.55]


def test_mixed_bonus() -> None:
    """A verbatim fragment makes a paraphrase more reliably attributed."""
    assert confidence(QuoteKind.MIXED, Rule.CCOMP, SpeakerKind.PERSON) == 0.88


def test_confidence_is_a_probability() -> None:
    """Every rule and speaker kind gives a value in [0, 1]."""
    for kind in QuoteKind:
        for sk in [*SpeakerKind, None]:
            assert 0.0 <= confidence(kind, Rule.GOVERNOR, sk) <= 1.0
