"""Confidence: rule precision scaled by speaker kind."""

from __future__ import annotations

from typing import Any

import pytest

import quoteattr
from quoteattr.core.confidence import (
    RULE_PRECISION,
    SPEAKERLESS,
    ConfidenceModel,
    confidence,
    default_models,
    features,
    quote_features,
)
from quoteattr.model import (
    Cue,
    CueCategory,
    Profile,
    Quote,
    QuoteKind,
    Rule,
    Speaker,
    SpeakerKind,
    TextSpan,
)


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


# ---------------------------------------------------------------------------------------------
# The learned model


def test_model_predicts_a_probability_from_its_features() -> None:
    """The logistic model sums the weights of a quote's features and clips to [0.05, 0.99]."""
    model = ConfidenceModel(intercept=0.0, weights={"rule=ccomp": 2.0, "form=pronoun": -1.0})
    assert model.predict(["rule=ccomp"]) == 0.88  # 1 / (1 + e^-2)
    assert model.predict(["rule=ccomp", "form=pronoun"]) == 0.73
    assert model.predict([]) == 0.5
    assert ConfidenceModel(intercept=-9.0, weights={}).predict([]) == SPEAKERLESS
    assert ConfidenceModel(intercept=9.0, weights={}).predict([]) == 0.99


def test_model_round_trips_as_data() -> None:
    """A model written as data reads back equal (the shipped models are such data)."""
    model = ConfidenceModel(0.3, {"kind=direct": 1.2}, frozenset({"say"}), Profile.QUOTES)
    assert ConfidenceModel.from_dict(model.to_dict()) == model


def test_a_quote_without_a_speaker_is_nearly_never_right() -> None:
    """Whatever the model's weights, a quote with no speaker gets 0.05."""
    quote = Quote(QuoteKind.INDIRECT, "it rained", 0, 9, [(0, 9)], rule=Rule.CCOMP)
    assert ConfidenceModel(intercept=9.0, weights={})(quote) == SPEAKERLESS


def test_features_read_what_a_quote_says_of_how_it_was_found() -> None:
    """Rule, kind, cue category and lemma (when listed), speaker kind and mention form,
    length and headline."""
    text = "he said it rained"
    quote = Quote(
        QuoteKind.INDIRECT,
        "it rained",
        8,
        17,
        [(8, 17)],
        cue=Cue("said", 3, 7, "say", CueCategory.SPEECH),
        speaker=Speaker("Jim Smith", SpeakerKind.PERSON, TextSpan("he", 0, 2)),
        paragraph=0,
        rule=Rule.CCOMP,
    )
    assert text[quote.start : quote.end] == quote.text
    assert quote_features(quote, {"say"}) == [
        "rule=ccomp",
        "kind=indirect",
        "category=speech",
        "lemma=say",
        "speaker=person",
        "form=pronoun",
        "rule*speaker=ccomp*person",
        "length=short",
        "headline=True",
    ]


def test_a_model_scores_each_set_of_features_once_and_alike() -> None:
    """score() remembers what it found for a set of features, and what it gives is predict()
    of the features, for quotes that differ in one feature each and for the same one twice."""
    weights = {"renamed": 1.0, "fragments": -2.0, "parts": 0.5, "quotes:kind=direct": 3.0}
    he = Speaker("Jim Smith", SpeakerKind.PERSON, TextSpan("he", 0, 2))
    smith = Speaker("Jim Smith", SpeakerKind.PERSON, TextSpan("Smith", 0, 5))
    cue = Cue("said", 6, 10, "say", CueCategory.SPEECH)
    for profile in Profile:
        model = ConfidenceModel(0.0, weights, frozenset({"say"}), profile)
        seen = set()
        for speaker, parts, fragments in [(he, 1, 0), (smith, 1, 0), (he, 2, 0), (he, 1, 1)]:
            args = (QuoteKind.DIRECT, Rule.TRAILING, cue, speaker, 40, 3, parts, fragments)
            expected = model.predict(features(*args, frozenset({"say"}), profile))
            assert model.score(*args) == model.score(*args) == expected
            seen.add(expected)
        assert len(seen) == 4  # each of the four differs
    assert len(model._scores) == 4


def test_the_shipped_models_cover_both_profiles() -> None:
    """A model ships for every profile, and it is the profile's."""
    models = default_models()
    assert {p: m.profile for p, m in models.items()} == {p: p for p in Profile}


@pytest.mark.model
def test_a_quotes_confidence_is_its_profiles_model_on_its_fields(nlp: Any, seed_text: str) -> None:
    """What extraction gives a quote is what the shipped model says of the quote's fields."""
    for profile in Profile:
        model = default_models()[profile]
        quotes = quoteattr.extract(seed_text, nlp=nlp, profile=profile)
        assert [q.confidence for q in quotes] == [model(q) for q in quotes]
