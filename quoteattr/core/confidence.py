"""Confidence: the chance that a quote is correctly attributed.

A quote's confidence is what :class:`ConfidenceModel` says of it: a logistic regression, one
per profile, over what the quote says of how it was found (its rule, kind, cue category and
frequent cue lemmas, its speaker's kind and mention form, its length, parts and fragments),
computed at assembly, after speaker resolution, so that "“No,” he said." with an unresolved
"he" scores as an unknown speaker. The weights are data (``lexicons/confidence-*.json``),
fitted by ``benchmarks/train_confidence.py`` and measured there leave-one-publisher-out. A
quote without a speaker gets :data:`SPEAKERLESS` (0.05) whatever the model says.

:func:`confidence` is the older rule table (the measured precision of each rule, scaled by the
speaker's kind): nesting still uses it to weigh one attribution against another before
resolution, when the speaker's entity is not known yet ("Diplomats said Turkey fears ...").
"""

from __future__ import annotations

import functools
import math
from collections.abc import Collection, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from .. import lexicons
from ..model import Cue, Profile, Quote, QuoteKind, Rule, Speaker, SpeakerKind

__all__ = [
    "SPEAKERLESS",
    "ConfidenceModel",
    "confidence",
    "default_models",
    "features",
    "quote_features",
]

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


# ---------------------------------------------------------------------------------------------
# The learned model: a logistic regression over what a quote says of how it was found

# Pronouns that stand for a speaker named elsewhere, and relative pronouns.
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it", "him", "her", "them"})
_RELATIVES = frozenset({"who", "whom", "which", "that"})
#: Confidence of a quote without a speaker: it cannot be correctly attributed to anyone.
SPEAKERLESS = 0.05


def quote_features(
    quote: Quote, lemmas: Collection[str] = (), *, profile: Profile = Profile.CLAIMS
) -> list[str]:
    """The features the confidence model reads off a quote (:func:`features`).

    Only the quote's own fields are read, so that the same features come from a Quote of
    any run (training reads them from extraction output).
    """
    return features(
        quote.kind,
        quote.rule,
        quote.cue,
        quote.speaker,
        len(quote.content),
        quote.paragraph,
        len(quote.parts),
        len(quote.fragments),
        lemmas,
        profile,
    )


def features(
    quote_kind: QuoteKind,
    rule: Rule | None,
    cue: Cue | None,
    speaker: Speaker | None,
    size: int,
    paragraph: int | None,
    parts: int,
    fragments: int,
    lemmas: Collection[str],
    profile: Profile,
) -> list[str]:
    """The features of a quote: its rule, kind, cue category and (when it is one of
    ``lemmas``) lemma, the kind of its speaker and the form of the mention (a name, a
    description, a pronoun), whether resolution named someone else than the mention, its
    length (``size``: characters of content), parts and fragments, and whether it is in the
    headline (``paragraph`` 0)."""
    return _named(
        _key(quote_kind, rule, cue, speaker, size, paragraph, parts, fragments, lemmas, profile)
    )


#: What decides a quote's features (:func:`_key`): two quotes with the same key have the same
#: features, so a model scores each key once (:meth:`ConfidenceModel.score`).
_Key = tuple[str, str, str, str, str, str, bool, str, bool, bool, bool, str]


def _key(
    quote_kind: QuoteKind,
    rule: Rule | None,
    cue: Cue | None,
    speaker: Speaker | None,
    size: int,
    paragraph: int | None,
    parts: int,
    fragments: int,
    lemmas: Collection[str],
    profile: Profile,
) -> _Key:
    rule_name = rule.value if rule is not None else "none"
    kind = speaker.kind.value if speaker is not None else "none"
    mention = speaker.mention.text if speaker is not None and speaker.mention else ""
    low = mention.lower()
    if not mention:
        form = "none"
    elif low in _PRONOUNS:
        form = "pronoun"
    elif low in _RELATIVES:
        form = "relative"
    elif mention[:1].isupper():
        form = "name"
    else:
        form = "description"
    category = cue.category.value if cue is not None else "none"
    lemma = cue.lemma if cue is not None and cue.lemma in lemmas else "other"
    length = "short" if size < 30 else "medium" if size < 100 else "long" if size < 250 else "huge"
    renamed = speaker is not None and bool(mention) and speaker.name != mention
    return (
        rule_name,
        quote_kind.value,
        category,
        lemma,
        kind,
        form,
        renamed and form != "pronoun",
        length,
        paragraph == 0,
        parts > 1,
        fragments > 0,
        profile.value,
    )


def _named(key: _Key) -> list[str]:
    """The features of a :func:`_key`, as the model's weights name them."""
    rule_name, quote_kind, category, lemma, kind, form, renamed, length, headline = key[:9]
    many_parts, with_fragments, profile = key[9:]
    out = [
        f"rule={rule_name}",
        f"kind={quote_kind}",
        f"category={category}",
        f"lemma={lemma}",
        f"speaker={kind}",
        f"form={form}",
        f"rule*speaker={rule_name}*{kind}",
        f"length={length}",
        f"headline={headline}",
    ]
    if renamed:
        out.append("renamed")
    if many_parts:
        out.append("parts")
    if with_fragments:
        out.append("fragments")
    if profile == Profile.QUOTES.value:
        out.append(f"quotes:kind={quote_kind}")
    return out


@attrs.frozen
class ConfidenceModel:
    """A logistic regression: the probability that a quote is correctly attributed.

    ``weights`` maps a feature (:func:`features`) to its weight, ``lemmas`` are the cue
    lemmas with a weight of their own. Trained by ``benchmarks/train_confidence.py``, which
    measures it leave-one-publisher-out; shipped as data in ``quoteattr/lexicons``.
    """

    intercept: float
    weights: Mapping[str, float]
    lemmas: frozenset[str] = frozenset()
    profile: Profile = Profile.CLAIMS
    # What :meth:`score` found for each feature key: the model is frozen, this only remembers.
    _scores: dict[_Key, float] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def __call__(self, quote: Quote) -> float:
        """The quote's confidence, rounded to two decimals; 0.05 without a speaker."""
        if quote.speaker is None:
            return SPEAKERLESS
        return self.predict(quote_features(quote, self.lemmas, profile=self.profile))

    def score(
        self,
        quote_kind: QuoteKind,
        rule: Rule | None,
        cue: Cue | None,
        speaker: Speaker,
        size: int,
        paragraph: int | None,
        parts: int,
        fragments: int,
    ) -> float:
        """The confidence of a quote with a speaker, from the values :func:`features` reads:
        :meth:`predict` of its features, scored once per distinct set of them (a few hundred
        in a thousand articles), where building the features' strings and summing their
        weights for every quote took 3% of quoteattr's own work."""
        key = _key(
            quote_kind, rule, cue, speaker, size, paragraph, parts, fragments, self.lemmas,
            self.profile,
        )  # fmt: skip
        known = self._scores.get(key)
        if known is None:
            known = self._scores[key] = self.predict(_named(key))
        return known

    def predict(self, found: Collection[str]) -> float:
        """The confidence of a quote with a speaker and these :func:`features`, rounded to
        two decimals, in [0.05, 0.99]."""
        z = self.intercept + sum(self.weights.get(f, 0.0) for f in found)
        return round(min(0.99, max(SPEAKERLESS, 1.0 / (1.0 + math.exp(-z)))), 2)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-safe data."""
        return {
            "profile": self.profile.value,
            "intercept": self.intercept,
            "lemmas": sorted(self.lemmas),
            "weights": dict(sorted(self.weights.items())),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ConfidenceModel:
        """A model from :meth:`to_dict` output."""
        return cls(
            intercept=float(data["intercept"]),
            weights={str(k): float(v) for k, v in data["weights"].items()},
            lemmas=frozenset(data.get("lemmas", ())),
            profile=Profile(data.get("profile", "claims")),
        )


@functools.cache
def default_models() -> Mapping[Profile, ConfidenceModel]:
    """The shipped models, one per profile (``lexicons/confidence-<profile>.json``)."""
    return MappingProxyType(
        {p: ConfidenceModel.from_dict(lexicons.confidence_model(p.value)) for p in Profile}
    )
