"""What scoring returns: precision, recall and F1 at each matching level, by kind, and the
reliability of the confidence (plain, frozen result objects)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Literal

import attrs

__all__ = [
    "LEVELS",
    "PRF",
    "RELIABILITY_EDGES",
    "TRIM_CHARS",
    "KindScores",
    "Level",
    "LevelScores",
    "Ratio",
    "ReliabilityBin",
    "Scores",
]

TRIM_CHARS = frozenset(
    " \t\r\n\"'`.,;:-"
    "\u201c\u201d\u201e\u201f\u00ab\u00bb"  # double quote marks and guillemets
    "\u2018\u2019\u201a\u2039\u203a"  # single quote marks and angle quotes
    "\u2014\u2013"  # em and en dash
)

#: Bin edges of the reliability table: [0, .5), [.5, .7), [.7, .8), [.8, .9), [.9, 1].
RELIABILITY_EDGES = (0.0, 0.5, 0.7, 0.8, 0.9, 1.0)


@attrs.frozen
class Ratio:
    """A count of hits out of a count of trials (an accuracy, a recall, a precision)."""

    hits: int
    total: int

    @property
    def value(self) -> float | None:
        """``hits / total``, or None when there were no trials."""
        return self.hits / self.total if self.total else None


@attrs.frozen
class PRF:
    """Precision, recall and F1 of ``tp`` true positives among predicted and gold items."""

    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        """``tp / n_pred``, 0.0 when nothing was predicted."""
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        """``tp / n_gold``, 0.0 when there is no gold."""
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall, 0.0 when both are 0."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float]:
        """Returns ``{"p", "r", "f1"}`` as fractions."""
        return {"p": self.precision, "r": self.recall, "f1": self.f1}


@attrs.frozen
class Level:
    """A matching level: a measure of overlap and the threshold a pair must pass.

    ``cov`` is ``|gold & pred| / |gold|`` and must be strictly above the threshold; ``jac`` is
    ``|gold & pred| / |gold | pred|`` and must be at least the threshold.
    """

    name: str
    measure: Literal["cov", "jac"]
    threshold: Fraction

    def passes(self, inter: int, n_gold: int, n_union: int) -> bool:
        """Whether a pair with these character counts is close enough to match (exactly).

        Args:
            inter: characters in both quotes.
            n_gold: characters in the gold quote.
            n_union: characters in either quote.

        Returns:
            True when the pair may be matched at this level.
        """
        num, den = self.threshold.numerator, self.threshold.denominator
        if self.measure == "cov":
            return inter * den > num * n_gold
        return inter * den >= num * n_union


#: The three matching levels, loosest first.
LEVELS = (
    Level("cov30", "cov", Fraction(3, 10)),
    Level("cov80", "cov", Fraction(4, 5)),
    Level("jac50", "jac", Fraction(1, 2)),
)


@attrs.frozen
class LevelScores:
    """Every figure at one matching level.

    ``speaker`` is over matched pairs whose gold has speaker information, ``name`` over those
    whose gold has a canonical name, ``cue`` over those whose gold has a cue.
    """

    level: str
    content: PRF
    attribution: PRF
    speaker: Ratio
    name: Ratio
    cue: Ratio


@attrs.frozen
class KindScores:
    """Figures for the gold quotes of one kind, at cov30.

    ``recall`` is matched gold quotes out of all gold quotes of the kind; ``speaker`` is the
    speaker accuracy over the matched ones with speaker information.
    """

    kind: str
    recall: Ratio
    speaker: Ratio


@attrs.frozen
class ReliabilityBin:
    """Predicted quotes whose confidence falls in ``[low, high)`` (``[low, high]`` for the last).

    ``precision`` counts those whose attribution is correct at cov30 out of all in the bin.
    """

    low: float
    high: float
    precision: Ratio

    @property
    def label(self) -> str:
        """The interval as text, e.g. ``"[0.5, 0.7)"``."""
        close = "]" if self.high >= RELIABILITY_EDGES[-1] else ")"
        return f"[{self.low:.1f}, {self.high:.1f}{close}"


@attrs.frozen
class Scores:
    """The result of :func:`score`.

    ``by_kind`` is sorted by kind; ``kinds`` is the kinds filter that was applied (None for
    all kinds); ``calibration_error`` the mean gap between confidence and attribution
    precision at cov30 (:func:`quoteattr.evaluate.matching.calibration_error`).
    """

    docs: int
    missing_ids: tuple[str, ...]
    gold: int
    pred: int
    cov30: LevelScores
    cov80: LevelScores
    jac50: LevelScores
    exact: PRF
    by_kind: tuple[KindScores, ...]
    reliability: tuple[ReliabilityBin, ...]
    kinds: frozenset[str] | None = None
    calibration_error: float | None = None

    @property
    def docs_missing(self) -> int:
        """How many gold documents have no prediction document with their id."""
        return len(self.missing_ids)

    @property
    def levels(self) -> tuple[LevelScores, LevelScores, LevelScores]:
        """The three levels in the order of :data:`LEVELS`."""
        return (self.cov30, self.cov80, self.jac50)

    def to_dict(self) -> dict[str, Any]:
        """Returns a JSON-safe summary; figures are fractions in [0, 1] or None.

        The keys are those of the reference scorer's ``--json`` output (``"content.cov30"``,
        ``"speaker_acc.jac50"``, ``"recall_by_kind.cov30"``...), plus ``"missing_ids"``,
        ``"kinds"`` and ``"reliability.cov30"``.
        """
        out: dict[str, Any] = {
            "docs": self.docs,
            "docs_missing": self.docs_missing,
            "gold": self.gold,
            "pred": self.pred,
        }
        for lv in self.levels:
            out[f"content.{lv.level}"] = lv.content.to_dict()
        out["content.exact"] = self.exact.to_dict()
        for lv in self.levels:
            out[f"attribution.{lv.level}"] = lv.attribution.to_dict()
            out[f"speaker_acc.{lv.level}"] = lv.speaker.value
            out[f"name_acc.{lv.level}"] = lv.name.value
            out[f"cue_acc.{lv.level}"] = lv.cue.value
        out["recall_by_kind.cov30"] = {k.kind: k.recall.value for k in self.by_kind}
        out["speaker_acc_by_kind.cov30"] = {
            k.kind: k.speaker.value for k in self.by_kind if k.speaker.total
        }
        out["reliability.cov30"] = [
            {
                "low": b.low,
                "high": b.high,
                "count": b.precision.total,
                "precision": b.precision.value,
            }
            for b in self.reliability
        ]
        out["calibration_error.cov30"] = self.calibration_error
        out["missing_ids"] = list(self.missing_ids)
        out["kinds"] = sorted(self.kinds) if self.kinds is not None else None
        return out
